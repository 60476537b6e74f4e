// SPDX-License-Identifier: MIT
#include "preview/csvreader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTemporaryFile>

#include <algorithm>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace {
// Bytes from p to end; never negative, so GCC can see that memchr's bound is sane.
size_t remaining(const char *p, const char *end)
{
    return p < end ? size_t(end - p) : 0;
}
} // namespace

namespace Mesh {

namespace {

/** Length of the longest valid UTF-8 prefix of [p, p+n); *cut: the rest is an unfinished char. */
qsizetype validUtf8Prefix(const unsigned char *p, qsizetype n, bool *cut)
{
    *cut = false;
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            len = 2;
        else if ((c & 0xF0) == 0xE0)
            len = 3;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            len = 4;
        else
            return i;
        if (i + len > n) {
            for (qsizetype k = i + 1; k < n; ++k)
                if ((p[k] & 0xC0) != 0x80)
                    return i;
            *cut = true;
            return i;
        }
        for (int k = 1; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        i += len;
    }
    return i;
}

bool looksNumeric(const QString &s)
{
    if (s.isEmpty())
        return false;
    bool ok = false;
    s.toDouble(&ok);
    if (ok)
        return true;
    QString t = s;
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    t.toDouble(&ok);
    return ok;
}

} // namespace

CsvReader::~CsvReader() = default;

std::unique_ptr<CsvReader> CsvReader::open(const QString &path, const ReaderOptions &options,
                                           PreviewError *error)
{
    std::unique_ptr<CsvReader> r(new CsvReader);
    r->m_options = options;
    r->m_localPath = path;
    r->m_file.setFileName(path);
    if (!r->m_file.open(QIODevice::ReadOnly)) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be read: %1.").arg(r->m_file.errorString()),
                                    QStringLiteral("Check the file's permissions."));
        return nullptr;
    }
    // UTF-16 with a BOM: re-encode once to UTF-8 so the scanner can work on bytes.
    char bom[2] = {0, 0};
    if (r->m_file.peek(bom, 2) == 2 && ((uchar(bom[0]) == 0xFF && uchar(bom[1]) == 0xFE) ||
                                        (uchar(bom[0]) == 0xFE && uchar(bom[1]) == 0xFF))) {
        const bool le = uchar(bom[0]) == 0xFF;
        auto tmp = std::make_unique<QTemporaryFile>();
        if (!tmp->open()) {
            *error = PreviewError::make(PreviewError::Kind::Io, path,
                                        QStringLiteral("needs a temporary file to convert UTF-16 and none could be made."),
                                        QStringLiteral("Free some space in the temporary directory."));
            return nullptr;
        }
        QStringDecoder dec(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        r->m_file.seek(2);
        while (!r->m_file.atEnd()) {
            const QByteArray chunk = r->m_file.read(4 << 20);
            const QString text = dec.decode(chunk);
            tmp->write(text.toUtf8());
        }
        tmp->flush();
        r->m_encoding = le ? QStringLiteral("UTF-16 LE") : QStringLiteral("UTF-16 BE");
        r->m_file.close();
        r->m_transcoded = std::move(tmp);
    }
    QFile &f = r->m_transcoded ? *r->m_transcoded : r->m_file;
    const qint64 size = f.size();
    if (size == 0) {
        *error = PreviewError::make(PreviewError::Kind::Empty, path,
                                    QStringLiteral("has no data after its byte-order mark."),
                                    QStringLiteral("Export the sample again with its rows."));
        return nullptr;
    }
    uchar *map = f.map(0, size);
    if (!map) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be memory-mapped: %1.").arg(f.errorString()));
        return nullptr;
    }
    r->m_begin = reinterpret_cast<const char *>(map);
    r->m_end = r->m_begin + size;
    if (!r->sniff(error))
        return nullptr;
    // The first screen, before any worker gets to it; the rest is indexMore()'s job.
    r->m_stopAtRows = 1000;
    r->indexMore(20);
    r->m_stopAtRows = -1;
    return r;
}

bool CsvReader::sniff(PreviewError *error)
{
    const char *p = m_begin;
    if (m_encoding.isEmpty()) {
        if (m_end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            m_encoding = QStringLiteral("UTF-8 with BOM");
        } else {
            m_encoding = QStringLiteral("UTF-8");
        }
        // Validate the head (whole file when small) as UTF-8; otherwise read it as Latin-1.
        const qsizetype n = qsizetype(std::min<qint64>(m_end - p, 4 << 20));
        bool cut = false;
        const qsizetype valid = validUtf8Prefix(reinterpret_cast<const uchar *>(p), n, &cut);
        if (valid < n) {
            const bool atEof = p + n == m_end;
            if (cut && atEof) {
                m_warnings << QStringLiteral(
                                  "The file ends in the middle of a UTF-8 character (byte %1); it "
                                  "was probably cut off. The last character shows as \uFFFD.")
                                  .arg(p - m_begin + valid);
            } else if (!cut) {
                m_latin1 = true;
                m_encoding = QStringLiteral("Latin-1");
                m_warnings << QStringLiteral("Byte %1 is not valid UTF-8; the file is read as "
                                             "Latin-1. Re-export it as UTF-8 if text looks wrong.")
                                  .arg(p - m_begin + valid);
            }
        }
    }
    if (p == m_end) {
        *error = PreviewError::make(PreviewError::Kind::Empty, location(),
                                    QStringLiteral("has no data after its byte-order mark."),
                                    QStringLiteral("Export the sample again with its rows."));
        return false;
    }
    // Delimiter: the candidate whose count per line (outside quotes) is most consistent.
    const char *head = p;
    std::vector<std::pair<const char *, const char *>> lines;
    {
        const char *q = head;
        bool inQuote = false;
        const char *start = q;
        const char *limit = std::min(m_end, head + (1 << 20));
        while (q < limit && lines.size() < 50) {
            if (*q == '"')
                inQuote = !inQuote;
            else if (*q == '\n' && !inQuote) {
                lines.emplace_back(start, q);
                start = q + 1;
            }
            ++q;
        }
        if (start < limit && lines.size() < 50)
            lines.emplace_back(start, limit);
    }
    int quoteDouble = 0;
    int quoteSingle = 0;
    for (const auto &[a, b] : lines) {
        for (const char *q = a; q < b; ++q) {
            if (q == a || q[-1] == ',' || q[-1] == ';' || q[-1] == '\t' || q[-1] == '|') {
                quoteDouble += *q == '"';
                quoteSingle += *q == '\'';
            }
        }
    }
    m_quote = quoteSingle > quoteDouble * 2 && quoteSingle >= 2 ? '\'' : '"';
    int bestScore = -1;
    for (const char c : {',', ';', '\t', '|'}) {
        std::vector<int> counts;
        for (const auto &[a, b] : lines) {
            int n = 0;
            bool inQuote = false;
            for (const char *q = a; q < b; ++q) {
                if (*q == m_quote)
                    inQuote = !inQuote;
                else if (*q == c && !inQuote)
                    ++n;
            }
            counts.push_back(n);
        }
        if (counts.empty() || counts.front() == 0)
            continue;
        const int first = counts.front();
        const int same = int(std::count(counts.begin(), counts.end(), first));
        const int score = same * 1000 + first;
        if (score > bestScore) {
            bestScore = score;
            m_delim = c;
        }
    }
    m_data = p;
    // A record that never ends within the cap: say so now rather than after a long scan.
    const Scan first = scanRecord(p);
    if (first.tooLong) {
        m_error = PreviewError::make(
            PreviewError::Kind::LineTooLong, location(),
            QStringLiteral("the first record is longer than %1 MB.").arg(m_options.maxRecordBytes >> 20),
            QStringLiteral("This does not look like a CSV sample; check that it is a table with "
                           "line breaks."),
            1, p - m_begin);
        *error = m_error;
        return false;
    }
    const QStringList firstCells = parseRecord(p, first.next);
    // Header: the first row is text, unique and non-empty, and it is not just another data row.
    bool header = m_options.header == ReaderOptions::Header::Yes;
    if (m_options.header == ReaderOptions::Header::Auto) {
        header = true;
        QStringList seen;
        for (const QString &c : firstCells) {
            if (c.trimmed().isEmpty() || looksNumeric(c) || seen.contains(c))
                header = false;
            seen << c;
        }
        if (header && lines.size() > 1) {
            // If every later row is also all text, the first row is only a header when its
            // values never repeat in the column below it.
            bool anyNumericBelow = false;
            bool repeats = false;
            const char *q = first.next;
            for (int i = 0; i < 20 && q < m_end; ++i) {
                const Scan s = scanRecord(q);
                if (s.tooLong)
                    break;
                const QStringList cells = parseRecord(q, s.next);
                for (int c = 0; c < cells.size(); ++c) {
                    anyNumericBelow = anyNumericBelow || looksNumeric(cells.at(c));
                    repeats = repeats || (c < firstCells.size() && cells.at(c) == firstCells.at(c));
                }
                q = s.next;
            }
            header = anyNumericBelow || !repeats;
        }
    }
    m_hasHeader = header;
    if (header) {
        m_columns = firstCells;
        m_data = first.next;
        m_line = 1 + first.newlines;
    } else {
        for (int i = 0; i < firstCells.size(); ++i)
            m_columns << QStringLiteral("column_%1").arg(i + 1);
    }
    // Decimal commas: a ';' file whose numbers look like "1,5".
    if (m_delim == ';') {
        int commaNumbers = 0;
        const char *q = m_data;
        for (int i = 0; i < 20 && q < m_end; ++i) {
            const Scan s = scanRecord(q);
            if (s.tooLong)
                break;
            for (const QString &c : parseRecord(q, s.next)) {
                bool ok = false;
                if (c.contains(QLatin1Char(',')) &&
                    QString(c).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok) && ok)
                    ++commaNumbers;
            }
            q = s.next;
        }
        if (commaNumbers > 0)
            m_decimal = QLatin1Char(',');
    }
    m_scanPos = m_data - m_begin;
    if (m_data == m_end)
        m_complete = true;
    return true;
}

CsvReader::Scan CsvReader::scanRecord(const char *p) const
{
    Scan s;
    const char *limit = m_end;
    const qint64 cap = m_options.maxRecordBytes;
    if (limit - p > cap + 1)
        limit = p + cap + 1;
    const char *q = p;
    bool inQuote = false;
    while (q < limit) {
        if (!inQuote) {
            // Fast path: a line with no quote character goes to memchr whole.
            const char *nl = static_cast<const char *>(std::memchr(q, '\n', size_t(limit - q)));
            const char *stop = nl ? nl : limit;
            const char *qt = static_cast<const char *>(std::memchr(q, m_quote, size_t(stop - q)));
            if (!qt) {
                if (nl) {
                    s.next = nl + 1;
                    s.newlines += 1;
                    return s;
                }
                q = limit;
                break;
            }
            // A quote opens a quoted field only at the start of a field; elsewhere it is text.
            if (qt == p || qt[-1] == m_delim)
                inQuote = true;
            q = qt + 1;
        } else {
            const char *qt = static_cast<const char *>(std::memchr(q, m_quote, size_t(limit - q)));
            const char *stop = qt ? qt : limit;
            for (const char *k = q; k < stop; ++k)
                s.newlines += *k == '\n';
            if (!qt) {
                q = limit;
                break;
            }
            if (qt + 1 < m_end && qt[1] == m_quote) {
                q = qt + 2; // doubled quote
            } else {
                inQuote = false;
                q = qt + 1;
            }
        }
    }
    // Reached the cap or the end of the file.
    if (limit != m_end) {
        s.tooLong = true;
        s.unclosedQuote = inQuote;
        s.next = limit;
        return s;
    }
    s.unclosedQuote = inQuote;
    s.next = m_end;
    return s;
}

QString CsvReader::decode(const char *p, qsizetype n) const
{
    const bool cut = n > qsizetype(m_options.maxCellChars) * 4;
    if (cut)
        n = qsizetype(m_options.maxCellChars) * 4;
    QString s = m_latin1 ? QString::fromLatin1(p, n) : QString::fromUtf8(p, n);
    if (s.size() > m_options.maxCellChars || cut) {
        s.truncate(m_options.maxCellChars);
        s += QChar(0x2026);
    }
    return s;
}

QStringList CsvReader::parseRecord(const char *p, const char *end, int onlyColumn) const
{
    // Drop the record's line ending (LF or CRLF).
    if (end > p && end[-1] == '\n')
        --end;
    if (end > p && end[-1] == '\r')
        --end;
    QStringList cells;
    const char *q = p;
    int column = 0;
    while (true) {
        const bool wanted = onlyColumn < 0 || column == onlyColumn;
        if (q < end && *q == m_quote) {
            // Quoted field: collect until the closing quote, undoubling quotes.
            QByteArray buf;
            const char *k = q + 1;
            while (k < end) {
                if (*k == m_quote) {
                    if (k + 1 < end && k[1] == m_quote) {
                        if (wanted)
                            buf.append(m_quote);
                        k += 2;
                        continue;
                    }
                    ++k;
                    break;
                }
                const char *next = static_cast<const char *>(std::memchr(k, m_quote, remaining(k, end)));
                const char *stop = next ? next : end;
                if (wanted)
                    buf.append(k, stop - k);
                k = stop;
            }
            // Text after the closing quote up to the delimiter is kept (lenient).
            const char *d = static_cast<const char *>(std::memchr(k, m_delim, remaining(k, end)));
            const char *stop = d ? d : end;
            if (wanted) {
                buf.append(k, stop - k);
                cells << (buf.isEmpty() ? QStringLiteral("") : decode(buf.constData(), buf.size()));
            }
            q = stop;
        } else {
            const char *d = static_cast<const char *>(std::memchr(q, m_delim, remaining(q, end)));
            const char *stop = d ? d : end;
            if (wanted)
                cells << (stop == q ? QString() : decode(q, stop - q));
            q = stop;
        }
        if (onlyColumn >= 0 && column == onlyColumn)
            return cells;
        ++column;
        if (q >= end)
            break;
        ++q; // the delimiter
    }
    if (onlyColumn >= 0)
        return {QString()};
    return cells;
}

bool CsvReader::indexMore(int budgetMs)
{
    if (m_complete || m_error)
        return false;
    QElapsedTimer timer;
    timer.start();
    const char *p = m_begin + m_scanPos;
    int n = 0;
    while (p < m_end) {
        const Scan s = scanRecord(p);
        if (s.tooLong) {
            m_error = PreviewError::make(
                PreviewError::Kind::LineTooLong, location(),
                s.unclosedQuote
                    ? QStringLiteral("a quoted field opens here and does not close within %1 MB.")
                          .arg(m_options.maxRecordBytes >> 20)
                    : QStringLiteral("this record is longer than %1 MB.")
                          .arg(m_options.maxRecordBytes >> 20),
                s.unclosedQuote ? QStringLiteral("Check the quoting; the rows before it are shown.")
                                : QStringLiteral("Rows before it are shown; check that the file "
                                                 "has line breaks."),
                m_line, p - m_begin);
            break;
        }
        if (s.unclosedQuote) {
            m_error = PreviewError::make(
                PreviewError::Kind::Quoting, location(),
                QStringLiteral("a quoted field opens in this record and never closes."),
                QStringLiteral("Double any quote inside a quoted field (\"\"); the rows before "
                               "it are shown."),
                m_line, p - m_begin);
            break;
        }
        if (m_rowCount % kStride == 0)
            m_checkpoints.push_back(p - m_begin);
        ++m_rowCount;
        m_line += s.newlines;
        p = s.next;
        if (m_rowCount == m_stopAtRows) {
            m_scanPos = p - m_begin;
            return p < m_end;
        }
        if (++n % 4096 == 0) {
            m_scanPos = p - m_begin;
            releaseIndexed(m_scanPos);
            if (timer.elapsed() >= budgetMs)
                return true;
        }
    }
    m_scanPos = p - m_begin;
    releaseIndexed(m_scanPos);
    m_complete = !m_error;
    return false;
}

void CsvReader::releaseIndexed(qint64 upTo)
{
#ifdef Q_OS_UNIX
    // Scanned pages are clean file pages: drop them from this process so RSS stays small.
    static const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 window = qint64(64) << 20;
    const qint64 end = (upTo / page) * page;
    if (end - m_released < window && upTo < m_end - m_begin)
        return;
    if (end > m_released)
        madvise(const_cast<char *>(m_begin) + m_released, size_t(end - m_released), MADV_DONTNEED);
    m_released = end;
#else
    Q_UNUSED(upTo);
#endif
}

double CsvReader::progress() const
{
    if (m_complete)
        return 1.0;
    const qint64 size = m_end - m_begin;
    return size > 0 ? double(m_scanPos) / double(size) : 1.0;
}

bool CsvReader::seekRow(qint64 row, const char **p)
{
    if (row < 0 || row >= m_rowCount)
        return false;
    const char *q = m_begin + m_checkpoints[size_t(row / kStride)];
    for (qint64 k = row - (row / kStride) * kStride; k > 0; --k)
        q = scanRecord(q).next;
    *p = q;
    return true;
}

bool CsvReader::readRows(qint64 first, qint64 count, QList<SampleRow> *rows)
{
    rows->clear();
    const qint64 last = std::min(first + count, m_rowCount);
    const char *p = nullptr;
    if (first >= last || !seekRow(first, &p))
        return true;
    rows->reserve(last - first);
    const int columns = int(m_columns.size());
    for (qint64 r = first; r < last; ++r) {
        const Scan s = scanRecord(p);
        SampleRow row;
        row.cells = parseRecord(p, s.next);
        row.fieldCount = int(row.cells.size());
        // A lone blank line is a record of one empty field; show it as an empty row.
        if (row.fieldCount != columns && !(row.fieldCount == 1 && row.cells.first().isNull())) {
            row.ragged = true;
            if (row.fieldCount > columns && columns > 0) {
                // Extra fields go into the last column so that nothing is hidden.
                QStringList extra = row.cells.mid(columns - 1);
                row.cells = row.cells.mid(0, columns - 1);
                row.cells << extra.join(QLatin1Char(m_delim));
            }
        }
        while (row.cells.size() < columns)
            row.cells << QString();
        rows->append(std::move(row));
        p = s.next;
    }
    return true;
}

bool CsvReader::readColumn(qint64 first, qint64 count, int column, QStringList *values)
{
    values->clear();
    const qint64 last = std::min(first + count, m_rowCount);
    const char *p = nullptr;
    if (first >= last || !seekRow(first, &p))
        return true;
    for (qint64 r = first; r < last; ++r) {
        const Scan s = scanRecord(p);
        values->append(parseRecord(p, s.next, column).value(0));
        p = s.next;
    }
    return true;
}

QString CsvReader::formatDescription() const
{
    const QString delim = m_delim == '\t' ? QStringLiteral("tab") : QStringLiteral("'%1'").arg(QLatin1Char(m_delim));
    return QStringLiteral("%1 · %2-separated · %3%4")
        .arg(m_delim == '\t' ? QStringLiteral("TSV") : QStringLiteral("CSV"), delim, m_encoding,
             m_hasHeader ? QString() : QStringLiteral(" · no header"));
}

} // namespace Mesh
