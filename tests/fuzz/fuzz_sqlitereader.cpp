// SPDX-License-Identifier: MIT
// SqliteReader: another application's SQLite file, possibly damaged, opened read-only.
#include "fuzzsupport.h"

#include "preview/sqlitereader.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = Fuzz::writeScratch(data, size, ".sqlite");
    ReaderOptions options;
    PreviewError error;
    if (auto reader = SqliteReader::open(path, options, &error)) {
        for (int i = 0; i < 100 && reader->indexMore(10); ++i) {
        }
        QList<SampleRow> rows;
        if (reader->readRows(0, 100, &rows)) {
            for (const SampleRow &row : std::as_const(rows))
                Fuzz::check(row.size() == reader->columns().size(),
                            "every row has one cell per column");
        }
        // Every table the reader lists can be opened by name.
        for (const QString &table : reader->tables()) {
            options.table = table;
            PreviewError tableError;
            auto other = SqliteReader::open(path, options, &tableError);
            if (other)
                other->readRows(0, 10, &rows);
        }
    } else {
        Fuzz::check(bool(error) && !error.what.isEmpty(), "a refused file says why");
    }
    Fuzz::removeScratch(path);
    return 0;
}
