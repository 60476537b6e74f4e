// SPDX-License-Identifier: MIT
#include "preview/csvreader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryFile>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
        // Runs of ASCII in big steps: most samples are mostly ASCII.
#if defined(__SSE2__)
        if (i + 16 <= n &&
            !_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i)))) {
            i += 16;
            continue;
        }
#endif
        if (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            if (!(word & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
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
    // Text settles it at once; toDouble() on words is slow, and a header is a row of words.
    const QChar c = s.at(0);
    if (!c.isDigit() && c != u'-' && c != u'+' && c != u'.' && c != u',' && c != u' ')
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

/** Appends (position + 1 - base) for each delim in [p, end): the starts of the fields after it. */
void appendFieldStarts(const char *p, const char *end, char delim, const char *base,
                       QList<quint32> *starts)
{
    const char *q = p;
#if defined(__SSE2__)
    // Sixteen bytes a step: most fields of wide files are a few bytes long, so one memchr a
    // field would cost more than the scan itself.
    const __m128i d = _mm_set1_epi8(delim);
    for (; end - q >= 16; q += 16) {
        auto mask = unsigned(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(q)), d)));
        while (mask) {
            starts->append(quint32(q + std::countr_zero(mask) - base + 1));
            mask &= mask - 1;
        }
    }
#endif
    for (; q < end; ++q)
        if (*q == delim)
            starts->append(quint32(q - base + 1));
}

} // namespace

CsvReader::~CsvReader() = default;

std::unique_ptr<CsvReader> CsvReader::open(const QString &path, const ReaderOptions &options,
                                           PreviewError *error)
{
    std::unique_ptr<CsvReader> r(new CsvReader);
    r->m_options = options;
    r->m_localPath = path;
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be read: %1.").arg(file->errorString()),
                                    QStringLiteral("Check the file's permissions."));
        return nullptr;
    }
    // UTF-16 with a BOM: re-encode once to UTF-8 so the scanner can work on bytes.
    char bom[2] = {0, 0};
    if (file->peek(bom, 2) == 2 && ((uchar(bom[0]) == 0xFF && uchar(bom[1]) == 0xFE) ||
                                        (uchar(bom[0]) == 0xFE && uchar(bom[1]) == 0xFF))) {
        const bool le = uchar(bom[0]) == 0xFF;
        auto tmp = std::make_shared<QTemporaryFile>();
        if (!tmp->open()) {
            *error = PreviewError::make(PreviewError::Kind::Io, path,
                                        QStringLiteral("needs a temporary file to convert UTF-16 and none could be made."),
                                        QStringLiteral("Free some space in the temporary directory."));
            return nullptr;
        }
        QStringDecoder dec(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        file->seek(2);
        while (!file->atEnd()) {
            const QByteArray chunk = file->read(4 << 20);
            const QString text = dec.decode(chunk);
            tmp->write(text.toUtf8());
        }
        tmp->flush();
        r->m_encoding = le ? QStringLiteral("UTF-16 LE") : QStringLiteral("UTF-16 BE");
        file = std::move(tmp);
    }
    r->m_mapped = file;
    QFile &f = *file;
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
        // The first screen's bytes now; indexMore() goes on to kUtf8CheckBytes.
        m_utf8Checked = p - m_begin;
        m_utf8CheckEnd = std::min<qint64>(m_end - m_begin, m_utf8Checked + kUtf8CheckBytes);
        checkUtf8(std::min<qint64>(m_utf8CheckEnd, m_utf8Checked + (1 << 20)));
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
        // 64 KB is plenty of lines, except when one line is longer: then at least that line.
        const char *firstNl = static_cast<const char *>(std::memchr(head, '\n', remaining(head, m_end)));
        const char *limit = std::min(m_end, std::max(head + (64 << 10), firstNl ? firstNl + 1 : m_end));
        limit = std::min(limit, head + (1 << 20));
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
    // Counts of each candidate outside quotes, per line, in one pass over the lines.
    static constexpr char kCandidates[] = {',', ';', '\t', '|'};
    std::vector<std::array<int, 4>> perLine;
    perLine.reserve(lines.size());
    for (const auto &[a, b] : lines) {
        std::array<int, 4> n{};
        bool inQuote = false;
        for (const char *q = a; q < b; ++q) {
            const char ch = *q;
            if (ch == m_quote)
                inQuote = !inQuote;
            else if (!inQuote)
                for (size_t k = 0; k < 4; ++k)
                    n[k] += ch == kCandidates[k];
        }
        perLine.push_back(n);
    }
    int bestScore = -1;
    for (size_t k = 0; k < 4; ++k) {
        const char c = kCandidates[k];
        std::vector<int> counts;
        for (const auto &n : perLine)
            counts.push_back(n[k]);
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
        QSet<QString> seen;
        for (const QString &c : firstCells) {
            if (c.trimmed().isEmpty() || looksNumeric(c) || seen.contains(c))
                header = false;
            seen.insert(c);
        }
        if (header && lines.size() > 1) {
            // If every later row is also all text, the first row is only a header when its
            // values never repeat in the column below it.
            // A number below settles it, so wide numeric files stop at their first cell.
            bool anyNumericBelow = false;
            bool repeats = false;
            const char *q = first.next;
            for (int i = 0; i < 20 && q < m_end && !anyNumericBelow; ++i) {
                const Scan s = scanRecord(q);
                if (s.tooLong)
                    break;
                const SampleRow row = splitRecord(q, s.next);
                for (qsizetype c = 0; c < row.size() && !anyNumericBelow; ++c) {
                    const QString cell = row.cell(c);
                    anyNumericBelow = looksNumeric(cell);
                    repeats = repeats || (c < firstCells.size() && cell == firstCells.at(c));
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

void CsvReader::checkUtf8(qint64 upTo)
{
    // Not valid UTF-8 within the head (the whole file when small): read it as Latin-1.
    if (m_latin1 || m_utf8Checked >= upTo)
        return;
    const qsizetype n = qsizetype(upTo - m_utf8Checked);
    bool cut = false;
    const qsizetype valid =
        validUtf8Prefix(reinterpret_cast<const uchar *>(m_begin + m_utf8Checked), n, &cut);
    const qint64 at = m_utf8Checked + valid;
    if (valid == n) {
        m_utf8Checked = upTo;
    } else if (cut && m_begin + upTo != m_end) {
        m_utf8Checked = at; // a character across the boundary: check it with the next range
    } else if (cut) {
        m_utf8Checked = upTo;
        m_warnings << QStringLiteral("The file ends in the middle of a UTF-8 character (byte %1); "
                                     "it was probably cut off. The last character shows as \uFFFD.")
                          .arg(at);
    } else {
        m_latin1 = true;
        m_encoding = QStringLiteral("Latin-1");
        m_warnings << QStringLiteral("Byte %1 is not valid UTF-8; the file is read as Latin-1. "
                                     "Re-export it as UTF-8 if text looks wrong.")
                          .arg(at);
    }
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
            s.quoted = true;
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

SampleRow CsvReader::splitRecord(const char *p, const char *end, bool quoted) const
{
    if (end > p && end[-1] == '\n')
        --end;
    if (end > p && end[-1] == '\r')
        --end;
    QList<quint32> starts;
    starts.reserve(std::max<qsizetype>(m_columns.size(), 1) + 1);
    starts.append(0);
    if (!quoted || !std::memchr(p, m_quote, remaining(p, end))) {
        // No quote at all: the record's bytes are its fields, one delimiter apart.
        appendFieldStarts(p, end, m_delim, p, &starts);
        return SampleRow(QByteArray::fromRawData(p, end - p), std::move(starts), m_latin1,
                         m_options.maxCellChars, m_mapped);
    }
    // Quoted fields: copy them unquoted (doubled quotes undone), one delimiter between fields.
    QByteArray bytes;
    bytes.reserve(end - p);
    const char *q = p;
    while (true) {
        if (q < end && *q == m_quote) {
            starts.last() |= SampleRow::kQuoted;
            const char *k = q + 1;
            while (k < end) {
                if (*k == m_quote) {
                    if (k + 1 < end && k[1] == m_quote) {
                        bytes.append(m_quote);
                        k += 2;
                        continue;
                    }
                    ++k;
                    break;
                }
                const char *next = static_cast<const char *>(std::memchr(k, m_quote, remaining(k, end)));
                const char *stop = next ? next : end;
                bytes.append(k, stop - k);
                k = stop;
            }
            // Text after the closing quote up to the delimiter is kept (lenient).
            const char *d = static_cast<const char *>(std::memchr(k, m_delim, remaining(k, end)));
            const char *stop = d ? d : end;
            bytes.append(k, stop - k);
            q = stop;
        } else {
            const char *d = static_cast<const char *>(std::memchr(q, m_delim, remaining(q, end)));
            const char *stop = d ? d : end;
            bytes.append(q, stop - q);
            q = stop;
        }
        if (q >= end)
            break;
        ++q; // the delimiter
        bytes.append(m_delim);
        starts.append(quint32(bytes.size()));
    }
    return SampleRow(std::move(bytes), std::move(starts), m_latin1, m_options.maxCellChars);
}

bool CsvReader::splitUnquotedLine(const char *p, SampleRow *row, const char **next) const
{
    // The common record, one line without quotes, in one pass: where it ends and where its
    // fields start. False at a quote character: scanRecord() and splitRecord() take over.
    QList<quint32> starts;
    starts.reserve(m_columns.size() + 1);
    starts.append(0);
    const char *q = p;
    const char *nl = nullptr;
#if defined(__SSE2__)
    const __m128i delim = _mm_set1_epi8(m_delim);
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i quote = _mm_set1_epi8(m_quote);
    for (; m_end - q >= 16; q += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(q));
        auto d = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, delim)));
        const auto n = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)));
        const auto qt = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
        const unsigned before = n ? (n & (0u - n)) - 1 : 0xFFFFu; // bits before the newline
        if (qt & before)
            return false;
        d &= before;
        while (d) {
            starts.append(quint32(q + std::countr_zero(d) - p + 1));
            d &= d - 1;
        }
        if (n) {
            nl = q + std::countr_zero(n);
            break;
        }
    }
#endif
    for (; !nl && q < m_end; ++q) {
        if (*q == '\n')
            nl = q;
        else if (*q == m_quote)
            return false;
        else if (*q == m_delim)
            starts.append(quint32(q - p + 1));
    }
    *next = nl ? nl + 1 : m_end;
    const char *end = nl ? nl : m_end;
    if (end > p && end[-1] == '\r')
        --end;
    *row = SampleRow(QByteArray::fromRawData(p, end - p), std::move(starts), m_latin1,
                     m_options.maxCellChars, m_mapped);
    return true;
}

QStringList CsvReader::parseRecord(const char *p, const char *end, int onlyColumn) const
{
    if (onlyColumn < 0)
        return splitRecord(p, end).cells();
    // One column (profiles): decode only that field.
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
    if (m_stopAtRows < 0)
        checkUtf8(m_utf8CheckEnd);
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
        if (m_stopAtRows > 0 && (m_rowCount == m_stopAtRows ||
                                 (m_rowCount >= 256 && p - m_data > (1 << 20)))) {
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
    const qsizetype columns = m_columns.size();
    for (qint64 r = first; r < last; ++r) {
        SampleRow row;
        const char *next = nullptr;
        if (!splitUnquotedLine(p, &row, &next)) {
            const Scan s = scanRecord(p);
            row = splitRecord(p, s.next, s.quoted);
            next = s.next;
        }
        row.fieldCount = int(row.size());
        // A lone blank line is a record of one empty field; show it as an empty row.
        if (row.fieldCount != columns && !(row.fieldCount == 1 && row.isNull(0)))
            row.ragged = true;
        row.fitTo(columns, QLatin1Char(m_delim));
        rows->append(std::move(row));
        p = next;
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
