// SPDX-License-Identifier: MIT
// JsonReader: JSON documents, NDJSON and the API envelopes of the preview.
#include "fuzzsupport.h"

#include "preview/jsonreader.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ReaderOptions options;
    options.maxCellChars = 64;
    const QString path = Fuzz::writeScratch(data, size, ".json");
    PreviewError error;
    auto reader = JsonReader::open(path, options, &error);
    if (reader) {
        QList<SampleRow> rows;
        Fuzz::check(reader->readRows(0, reader->rowCount(), &rows), "rows can be read");
        Fuzz::check(rows.size() == reader->rowCount(), "readRows returns every row");
        for (const SampleRow &row : std::as_const(rows))
            Fuzz::check(row.size() == reader->columns().size(),
                        "every row has one cell per column");
    } else {
        Fuzz::check(bool(error) && !error.what.isEmpty(), "a refused document says why");
    }
    Fuzz::removeScratch(path);
    return 0;
}
