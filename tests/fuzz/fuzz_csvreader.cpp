// SPDX-License-Identifier: MIT
// CsvReader: sniffing, indexing, random access to rows and columns.
#include "fuzzsupport.h"

#include "preview/csvreader.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // CsvReader::open takes files SampleReader::openFile has already checked: not empty and no
    // zero byte unless UTF-16. The first byte picks the header mode so all three are reached.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     qsizetype(size));
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (bytes.trimmed().isEmpty() || (!utf16 && bytes.contains('\0')))
        return 0;
    ReaderOptions options;
    options.header = ReaderOptions::Header(uint8_t(data[0]) % 3);
    options.maxRecordBytes = 1024; // reach the "record too long" path with small inputs
    options.maxCellChars = 64;
    const QString path = Fuzz::writeScratch(data, size, ".csv");
    PreviewError error;
    if (auto reader = CsvReader::open(path, options, &error)) {
        for (int i = 0; i < 1000 && reader->indexMore(10); ++i) {
        }
        const qint64 rows = reader->rowCount();
        Fuzz::check(rows >= 0, "row count is not negative");
        QList<SampleRow> block;
        Fuzz::check(reader->readRows(0, rows, &block), "indexed rows can be read");
        Fuzz::check(block.size() == rows, "readRows returns every indexed row");
        for (const SampleRow &row : std::as_const(block))
            Fuzz::check(row.size() == reader->columns().size(),
                        "every row has one cell per column");
        // Random access from the end backwards crosses checkpoints.
        for (qint64 r = rows - 1; r >= 0; r -= 7) {
            Fuzz::check(reader->readRows(r, 1, &block) && block.size() == 1,
                        "any indexed row can be read alone");
        }
        QStringList values;
        for (int c = 0; c < reader->columns().size(); ++c)
            Fuzz::check(reader->readColumn(0, rows, c, &values) && values.size() == rows,
                        "a column has one value per row");
        (void)reader->formatDescription();
        (void)reader->progress();
    }
    Fuzz::removeScratch(path);
    return 0;
}
