// SPDX-License-Identifier: MIT
#pragma once

#include "preview/samplereader.h"

#include <QFile>

#include <memory>
#include <vector>

namespace Mesh {

/**
 * CSV/TSV over a memory-mapped file.
 *
 * Our own scanner rather than a library (Qt has none; the C++ CSV libraries read a stream from
 * the start), because the preview needs three things at once: random access to row N of a
 * multi-GB file without keeping every row offset (a checkpoint every kStride records, quote state
 * is always "outside" at a checkpoint), a fast path that hands whole unquoted lines to memchr,
 * and byte offsets and line numbers for every error. Quoting follows RFC 4180 (doubled quotes,
 * delimiters and newlines inside quotes), and is lenient where real exports are not: CRLF and LF
 * mixed, stray quotes inside unquoted fields kept as text, ragged rows kept and flagged.
 *
 * Encodings: UTF-8 with or without BOM; UTF-16 LE/BE with BOM (transcoded once to a temporary
 * UTF-8 file so the scanner stays byte-based); anything that is not valid UTF-8 is read as
 * Latin-1 (with a warning). An unquoted empty field is a missing value (null); "" is an empty
 * string. Indexing pages are released after scanning, so memory stays bounded on huge files.
 */
class CsvReader : public SampleReader
{
public:
    static constexpr int kStride = 64;

    /** Opens and sniffs an already-checked local file (see SampleReader::openFile). */
    static std::unique_ptr<CsvReader> open(const QString &path, const ReaderOptions &options,
                                           PreviewError *error);
    ~CsvReader() override;

    QString formatDescription() const override;
    QStringList columns() const override { return m_columns; }
    qint64 rowCount() const override { return m_rowCount; }
    bool isComplete() const override { return m_complete; }
    bool indexMore(int budgetMs) override;
    double progress() const override;
    bool readRows(qint64 first, qint64 count, QList<SampleRow> *rows) override;
    bool readColumn(qint64 first, qint64 count, int column, QStringList *values) override;
    QChar decimalSeparator() const override { return m_decimal; }

    char delimiter() const { return m_delim; }
    char quote() const { return m_quote; }
    bool hasHeader() const { return m_hasHeader; }
    QString encodingName() const { return m_encoding; }

private:
    CsvReader() = default;
    struct Scan
    {
        const char *next = nullptr; // first byte of the next record
        qint64 newlines = 0;        // newlines consumed (embedded ones included)
        bool unclosedQuote = false;
        bool tooLong = false;
        bool quoted = false; // a quote character occurs in the record
    };
    Scan scanRecord(const char *p) const;
    void checkUtf8(qint64 upTo);
    SampleRow splitRecord(const char *p, const char *end, bool quoted = true) const;
    bool splitUnquotedLine(const char *p, SampleRow *row, const char **next) const;
    QStringList parseRecord(const char *p, const char *end, int onlyColumn = -1) const;
    QString decode(const char *p, qsizetype n) const;
    bool sniff(PreviewError *error);
    bool seekRow(qint64 row, const char **p);
    void releaseIndexed(qint64 upTo);

    ReaderOptions m_options;
    // The mapped file (UTF-16 input re-encoded as UTF-8 in a temporary one). Shared with the
    // rows read, which point into the mapping instead of copying it.
    std::shared_ptr<QFile> m_mapped;
    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    const char *m_data = nullptr; // after BOM and header
    char m_delim = ',';
    char m_quote = '"';
    QChar m_decimal = QLatin1Char('.');
    bool m_latin1 = false;
    bool m_hasHeader = true;
    QString m_encoding;
    QStringList m_columns;
    std::vector<qint64> m_checkpoints; // byte offset of record k * kStride
    qint64 m_rowCount = 0;
    qint64 m_scanPos = 0; // offset where indexing goes on
    qint64 m_line = 1;    // physical line at m_scanPos
    qint64 m_released = 0;
    qint64 m_stopAtRows = -1; // open() indexes only the first screen
    bool m_complete = false;
    // UTF-8 is checked over the first kUtf8CheckBytes: the first screen's part at open.
    static constexpr qint64 kUtf8CheckBytes = qint64(4) << 20;
    qint64 m_utf8Checked = 0;
    qint64 m_utf8CheckEnd = 0;
};

} // namespace Mesh
