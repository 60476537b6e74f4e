// SPDX-License-Identifier: MIT
#include "preview/jsonreader.h"

#include "json/jsontext.h"
#include "lineage/jsonrecordreader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace Mesh {

namespace {

// A first value that does not end within this many bytes is an envelope, not an NDJSON line.
constexpr qint64 kLineProbe = 16 << 20;

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // Range first: converting a double beyond qint64 (1e308) is undefined behaviour.
        if (std::abs(d) < 9.007199254740992e15 && d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        return s.isEmpty() ? QStringLiteral("") : s;
    }
    default:
        return {};
    }
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
    return p;
}

/** p at a '"': the byte after the closing quote, or nullptr when the string does not end. */
const char *skipString(const char *p, const char *end)
{
    for (++p; p < end; ++p) {
        if (*p == '\\')
            ++p;
        else if (*p == '"')
            return p + 1;
    }
    return nullptr;
}

/**
 * The byte after the JSON value at p, found structurally (brackets and strings, no parsing), or
 * nullptr when it does not end before end. *elements: the top-level elements of an array value.
 */
const char *skipValue(const char *p, const char *end, qint64 *elements = nullptr,
                      bool *firstIsObject = nullptr)
{
    if (p >= end)
        return nullptr;
    if (*p == '"')
        return skipString(p, end);
    if (*p != '{' && *p != '[') {
        while (p < end && !std::strchr(",}] \t\r\n", *p))
            ++p;
        return p;
    }
    const bool array = *p == '[';
    if (firstIsObject) {
        const char *q = skipSpace(p + 1, end);
        *firstIsObject = array && q < end && *q == '{';
    }
    if (elements)
        *elements = 0;
    int depth = 0;
    bool any = false;
    for (; p < end; ++p) {
        const char c = *p;
        if (c == '"') {
            p = skipString(p, end);
            if (!p)
                return nullptr;
            --p;
            any = true;
        } else if (c == '{' || c == '[') {
            if (depth == 1)
                any = true;
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                if (elements && array)
                    *elements += any ? 1 : 0;
                return p + 1;
            }
        } else if (c == ',' && depth == 1 && elements) {
            ++*elements;
        } else if (depth == 1 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            any = true;
        }
    }
    return nullptr;
}

QString keyText(const char *p, const char *keyEnd)
{
    const QByteArray raw(p, keyEnd - p); // with its quotes
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw.constData() + 1, raw.size() - 2);
    const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']');
    return doc.array().at(0).toString();
}

struct Found
{
    const char *start = nullptr; // just inside the records array
    QString path;
    qint64 elements = -1;
    int enclosing = 0; // objects around the array
};

/**
 * Finds the records array in the object at p by walking its keys (and those of objects one
 * level down) without parsing values: the first known API envelope key holding an array wins;
 * else the largest array of objects. Values are skipped structurally, so a multi-GB envelope
 * costs one scan at most, and none when a known key comes first.
 */
bool findRecords(const char *p, const char *end, const QString &outer, int depth, Found *best)
{
    static const char *const known[] = {"results", "issues", "values", "Report_Entry", "items",
                                        "records", "data",   "rows",   "entries"};
    const char *q = skipSpace(p + 1, end);
    while (q < end && *q != '}') {
        if (*q != '"')
            return false;
        const char *keyEnd = skipString(q, end);
        if (!keyEnd)
            return false;
        const QString key = keyText(q, keyEnd);
        const QString path = outer.isEmpty() ? key : outer + QLatin1Char('.') + key;
        q = skipSpace(keyEnd, end);
        if (q >= end || *q != ':')
            return false;
        q = skipSpace(q + 1, end);
        if (q >= end)
            return false;
        const bool isKnown = std::any_of(std::begin(known), std::end(known), [&](const char *k) {
            return key == QLatin1String(k);
        });
        if (*q == '[' && isKnown && (depth == 0 || outer == QLatin1String("data"))) {
            best->start = q + 1;
            best->path = path + QStringLiteral("[]");
            best->elements = -1;
            best->enclosing = depth + 1;
            return true;
        }
        const char *after = nullptr;
        if (*q == '{' && depth == 0) {
            if (findRecords(q, end, path, 1, best) && best->elements < 0)
                return true; // a known key one level down
            after = skipValue(q, end);
        } else if (*q == '[') {
            qint64 n = 0;
            bool objects = false;
            after = skipValue(q, end, &n, &objects);
            if (after && objects && n > best->elements) {
                best->start = q + 1;
                best->path = path + QStringLiteral("[]");
                best->elements = n;
                best->enclosing = depth + 1;
            }
        } else {
            after = skipValue(q, end);
        }
        if (!after)
            return best->start != nullptr;
        q = skipSpace(after, end);
        if (q < end && *q == ',')
            q = skipSpace(q + 1, end);
    }
    return best->start != nullptr;
}

} // namespace

JsonReader::~JsonReader() = default;

void JsonReader::flatten(const QJsonValue &value, const QString &prefix,
                         QList<std::pair<QString, QString>> *out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty() && !prefix.isEmpty())
            out->append({prefix, QStringLiteral("{}")});
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(*it, prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), out);
        return;
    }
    const QString name = prefix.isEmpty() ? QStringLiteral("value") : prefix;
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        QString text = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        if (text.size() > 200)
            text = QStringLiteral("[%1 items] ").arg(a.size()) + text.left(160) + QChar(0x2026);
        out->append({name, text});
        return;
    }
    out->append({name, scalarText(value)});
}

void JsonReader::addColumns(const QJsonValue &value, const QString &prefix)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (!o.isEmpty() || prefix.isEmpty()) {
            for (auto it = o.begin(); it != o.end(); ++it)
                addColumns(*it, prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key());
            return;
        }
    }
    const QString name = prefix.isEmpty() ? QStringLiteral("value") : prefix;
    if (m_columnIndex.contains(name))
        return;
    if (m_columns.size() >= m_options.maxJsonColumns) {
        if (!m_columnsCapped)
            m_warnings << QStringLiteral("The records have more than %1 distinct fields; later "
                                         "fields are not shown as columns.")
                              .arg(m_options.maxJsonColumns);
        m_columnsCapped = true;
        return;
    }
    m_columnIndex.insert(name, int(m_columns.size()));
    m_columns << name;
}

bool JsonReader::parse(const QByteArray &record, QJsonValue *value, QJsonParseError *error) const
{
    // Any JSON value, scalars included, by the same rules as every other JSON reader.
    *value = JsonText::parse(record, error);
    return error->error == QJsonParseError::NoError;
}

std::unique_ptr<JsonReader> JsonReader::open(const QString &path, const ReaderOptions &options,
                                             PreviewError *error)
{
    std::unique_ptr<JsonReader> r(new JsonReader);
    r->m_localPath = path;
    r->m_options = options;
    r->m_file.setFileName(path);
    if (!r->m_file.open(QIODevice::ReadOnly)) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be read: %1.").arg(r->m_file.errorString()));
        return nullptr;
    }
    const qint64 size = r->m_file.size();
    if (size == 0) {
        *error = PreviewError::make(PreviewError::Kind::Empty, path,
                                    QStringLiteral("is empty: it holds no JSON value."));
        return nullptr;
    }
    uchar *map = r->m_file.map(0, size);
    if (!map) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be memory-mapped: %1.").arg(r->m_file.errorString()));
        return nullptr;
    }
    r->m_begin = reinterpret_cast<const char *>(map);
    r->m_end = r->m_begin + size;
    r->m_bytes = QByteArray::fromRawData(r->m_begin, qsizetype(size));
    r->locate();
    if (r->m_regionStart >= size && r->m_layout == Layout::Values) {
        *error = PreviewError::make(PreviewError::Kind::Empty, path,
                                    QStringLiteral("holds only white space, no JSON value."),
                                    QStringLiteral("Check that the sample was exported completely."));
        return nullptr;
    }
    r->m_indexDevice.setBuffer(&r->m_bytes);
    r->m_indexDevice.open(QIODevice::ReadOnly);
    r->m_indexDevice.seek(r->m_regionStart);
    r->m_indexer = std::make_unique<JsonRecordReader>(
        &r->m_indexDevice,
        r->m_layout == Layout::Elements ? JsonRecordReader::Mode::Elements
                                        : JsonRecordReader::Mode::Values,
        r->m_regionLine);
    r->m_indexer->setMaxRecordBytes(qsizetype(options.maxRecordBytes));
    // The first screen now; the rest is indexMore()'s job, in the preview's worker.
    r->m_stopAtRows = 256;
    r->indexMore(20);
    r->m_stopAtRows = -1;
    if (r->m_rowCount == 0 && r->m_error) {
        *error = r->m_error;
        return nullptr;
    }
    return r;
}

void JsonReader::locate()
{
    const char *p = m_begin;
    if (m_end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = skipSpace(p, m_end);
    m_layout = Layout::Values;
    m_regionStart = p - m_begin;
    m_envelope = QStringLiteral("NDJSON");
    m_enclosing = 0;
    if (p < m_end && *p != '[' && *p != '{') {
        // RFC 8259: a JSON text may be a bare value (42, "text", null): one row, one column.
        m_envelope = QStringLiteral("single value");
    } else if (p < m_end && *p == '[') {
        m_layout = Layout::Elements;
        m_regionStart = p + 1 - m_begin;
        m_envelope = QStringLiteral("array");
    } else if (p < m_end && *p == '{') {
        // NDJSON (or concatenated objects) when another value follows a first one that ends on
        // its first line; otherwise one document, whose records array is looked for inside it.
        const char *lineEnd = static_cast<const char *>(
            std::memchr(p, '\n', size_t(std::min<qint64>(m_end - p, kLineProbe))));
        const char *firstEnd = skipValue(p, lineEnd ? lineEnd : m_end - p > kLineProbe ? p + kLineProbe : m_end);
        const bool more = firstEnd && skipSpace(firstEnd, m_end) < m_end;
        Found found;
        if (!more && findRecords(p, m_end, {}, 0, &found)) {
            m_layout = Layout::Elements;
            m_regionStart = found.start - m_begin;
            m_envelope = found.path;
            m_enclosing = found.enclosing;
        } else if (!more) {
            m_envelope = QStringLiteral("single object");
        }
    }
    m_regionLine = 1 + std::count(m_begin, m_begin + m_regionStart, '\n');
}

QString JsonReader::formatDescription() const
{
    if (m_envelope == QLatin1String("NDJSON"))
        return QStringLiteral("NDJSON · one object a line");
    return QStringLiteral("JSON · %1").arg(m_envelope);
}

bool JsonReader::indexMore(int budgetMs)
{
    if (m_complete || m_error || !m_indexer)
        return false;
    QElapsedTimer timer;
    timer.start();
    QByteArray record;
    int n = 0;
    const bool single = m_envelope == QLatin1String("single value");
    while (m_indexer->next(&record)) {
        if (single && m_rowCount > 0) {
            // A JSON text is one value; NDJSON is objects, so "1\n2" or "1 x" is neither.
            m_error = PreviewError::make(
                PreviewError::Kind::Json, location(),
                QStringLiteral("line %1: text after the JSON value.").arg(m_indexer->recordLine()),
                QStringLiteral("A JSON file holds one value (or one object a line, as NDJSON); "
                               "remove what follows the first value."),
                m_indexer->recordLine(), m_indexer->recordOffset());
            releaseIndexed();
            return false;
        }
        QJsonValue value;
        QJsonParseError parseError{};
        const bool ok = parse(record, &value, &parseError);
        if (!ok || (m_layout == Layout::Values && !single && !value.isObject())) {
            qsizetype at = ok ? 0 : parseError.offset;
            // NDJSON: a record that runs past its line is that line's fault, not the next one's.
            const qsizetype newline = record.indexOf('\n');
            if (m_envelope == QLatin1String("NDJSON") && newline >= 0 && at > newline)
                at = newline;
            const qint64 offset = m_indexer->recordOffset() + at;
            const qint64 line = m_indexer->recordLine() + record.left(at).count('\n');
            const bool atEnd = skipSpace(m_begin + m_indexer->recordOffset() + record.size(), m_end) == m_end;
            const QString what = !ok ? parseError.errorString() : QStringLiteral("not an object");
            m_error = PreviewError::make(
                PreviewError::Kind::Json, location(),
                single ? QStringLiteral("this is not a JSON value (%1).").arg(what)
                : m_layout == Layout::Values
                    ? QStringLiteral("this line is not a JSON object (%1).").arg(what)
                    : QStringLiteral("record %1 is not valid JSON (%2).").arg(m_rowCount + 1).arg(what),
                !ok && atEnd && parseError.offset >= record.size() - 1
                    ? QStringLiteral("The document ends early; it was probably cut off. The "
                                     "records before it are shown.")
                    : QStringLiteral("The records before it are shown; fix the JSON at this "
                                     "position, or export the sample again."),
                line, offset);
            releaseIndexed();
            return false;
        }
        if (m_rowCount % kStride == 0)
            m_checkpoints.push_back(m_indexer->recordOffset());
        addColumns(value, {});
        ++m_rowCount;
        if (m_rowCount == m_stopAtRows)
            return true;
        if (++n % 256 == 0) {
            releaseIndexed();
            if (timer.elapsed() >= budgetMs)
                return true;
        }
    }
    switch (m_indexer->problem()) {
    case JsonRecordReader::Problem::None:
        if (m_layout == Layout::Elements)
            checkTail();
        break;
    case JsonRecordReader::Problem::TooLarge:
        m_error = PreviewError::make(PreviewError::Kind::LineTooLong, location(),
                                     QStringLiteral("%1.").arg(m_indexer->error()),
                                     QStringLiteral("The records before it are shown; check that "
                                                    "the file holds records, not one huge value."),
                                     m_indexer->recordLine(), m_indexer->recordOffset());
        break;
    case JsonRecordReader::Problem::Unclosed:
        // Not valid JSON, so an error (not a warning); but every complete record stays shown.
        m_error = PreviewError::make(PreviewError::Kind::Json, location(),
                                     QStringLiteral("%1.").arg(m_indexer->error()),
                                     QStringLiteral("The document ends early; it was probably cut "
                                                    "off. The records before it are shown."),
                                     m_indexer->line(), m_indexer->position());
        break;
    case JsonRecordReader::Problem::Grammar:
        m_error = PreviewError::make(PreviewError::Kind::Json, location(),
                                     QStringLiteral("%1.").arg(m_indexer->error()),
                                     QStringLiteral("The records before it are shown; fix the JSON "
                                                    "at this position, or export the sample again."),
                                     m_indexer->line(), m_indexer->position());
        break;
    }
    releaseIndexed();
    m_complete = !m_error;
    return false;
}

void JsonReader::checkTail()
{
    // After the records array's ]: the objects around it (an envelope) close, then only white
    // space. Checked structurally, like locate() found the array: "[1] [2]", "[1]]", "[1] x" and
    // comments after the document are not JSON.
    const char *p = m_begin + m_indexer->position();
    int depth = m_enclosing;
    for (; p < m_end && depth > 0; ++p) {
        if (*p == '"') {
            p = skipString(p, m_end);
            if (!p) {
                p = m_end;
                break;
            }
            --p;
        } else if (*p == '{' || *p == '[') {
            ++depth;
        } else if (*p == '}' || *p == ']') {
            --depth;
        }
    }
    const char *bad = depth > 0 ? m_end : skipSpace(p, m_end);
    if (depth == 0 && bad == m_end)
        return;
    const qint64 line = 1 + std::count(m_begin, bad, '\n');
    m_error = depth > 0
        ? PreviewError::make(PreviewError::Kind::Json, location(),
                             QStringLiteral("line %1: the document ends before the object around "
                                            "the records is closed.").arg(line),
                             QStringLiteral("The document ends early; it was probably cut off. "
                                            "The records before it are shown."),
                             line, bad - m_begin)
        : PreviewError::make(PreviewError::Kind::Json, location(),
                             QStringLiteral("line %1: text after the end of the JSON document.").arg(line),
                             QStringLiteral("The records are shown; a JSON file holds one document "
                                            "(no comments, no second value): remove what follows it."),
                             line, bad - m_begin);
}

void JsonReader::releaseIndexed()
{
#ifdef Q_OS_UNIX
    // Scanned pages are clean file pages: drop them from this process so RSS stays small.
    static const qint64 page = sysconf(_SC_PAGESIZE);
    const qint64 upTo = m_indexDevice.pos();
    const qint64 end = (std::max<qint64>(0, upTo - (qint64(2) << 20)) / page) * page;
    if (end - m_released < (qint64(64) << 20))
        return;
    madvise(const_cast<char *>(m_begin) + m_released, size_t(end - m_released), MADV_DONTNEED);
    m_released = end;
#endif
}

double JsonReader::progress() const
{
    if (m_complete)
        return 1.0;
    const qint64 size = m_end - m_begin - m_regionStart;
    const qint64 done = (m_indexer ? m_indexer->recordOffset() : 0) - m_regionStart;
    return size > 0 ? std::clamp(double(done) / double(size), 0.0, 1.0) : 1.0;
}

bool JsonReader::readRows(qint64 first, qint64 count, QList<SampleRow> *rows)
{
    rows->clear();
    const qint64 last = std::min(first + count, m_rowCount);
    if (first < 0 || first >= last)
        return true;
    QBuffer device;
    device.setData(m_bytes);
    device.open(QIODevice::ReadOnly);
    device.seek(m_checkpoints[size_t(first / kStride)]);
    JsonRecordReader reader(&device, m_layout == Layout::Elements ? JsonRecordReader::Mode::Elements
                                                                  : JsonRecordReader::Mode::Values);
    reader.setChunkBytes(64 << 10);
    reader.setMaxRecordBytes(qsizetype(m_options.maxRecordBytes));
    QByteArray record;
    for (qint64 skip = first % kStride; skip > 0; --skip)
        if (!reader.next(&record))
            return false;
    rows->reserve(last - first);
    QList<std::pair<QString, QString>> fields;
    for (qint64 r = first; r < last; ++r) {
        if (!reader.next(&record))
            return false;
        QJsonValue value;
        QJsonParseError parseError{};
        if (!parse(record, &value, &parseError))
            return false;
        fields.clear();
        flatten(value, {}, &fields);
        QStringList cells(m_columns.size());
        for (auto &[name, text] : fields) {
            const auto it = m_columnIndex.constFind(name);
            if (it == m_columnIndex.cend())
                continue; // beyond the column cap
            if (text.size() > m_options.maxCellChars)
                text = text.left(m_options.maxCellChars) + QChar(0x2026);
            cells[*it] = text;
        }
        SampleRow row(std::move(cells));
        row.fieldCount = int(fields.size());
        rows->append(std::move(row));
    }
    return true;
}

} // namespace Mesh
