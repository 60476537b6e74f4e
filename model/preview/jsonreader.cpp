// SPDX-License-Identifier: MIT
#include "preview/jsonreader.h"

#include "json/jsontext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace Mesh {

namespace {

qint64 lineOf(const QByteArray &data, qint64 offset)
{
    return 1 + data.left(offset).count('\n');
}

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

bool isArrayOfObjects(const QJsonValue &v)
{
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    return !a.isEmpty() && a.first().isObject();
}

} // namespace

QJsonArray JsonReader::records(const QJsonValue &document, QString *envelope)
{
    if (document.isArray()) {
        *envelope = QStringLiteral("array");
        return document.toArray();
    }
    if (!document.isObject()) { // a JSON text may be a bare value: one row, one column
        *envelope = QStringLiteral("single value");
        return QJsonArray{document};
    }
    const QJsonObject o = document.toObject();
    // The envelopes of the APIs the mesh pulls from, most specific first.
    static const char *const known[] = {"results", "issues", "values", "Report_Entry", "items",
                                        "records", "data",   "rows",   "entries"};
    for (const char *key : known) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isArray()) {
            *envelope = QLatin1String(key) + QStringLiteral("[]");
            return v.toArray();
        }
    }
    if (o.value(QStringLiteral("data")).isObject()) {
        const QJsonObject data = o.value(QStringLiteral("data")).toObject();
        if (data.value(QStringLiteral("records")).isArray()) {
            *envelope = QStringLiteral("data.records[]");
            return data.value(QStringLiteral("records")).toArray();
        }
    }
    // Otherwise the largest array of objects within two levels.
    QJsonArray best;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (isArrayOfObjects(*it) && it->toArray().size() > best.size()) {
            best = it->toArray();
            *envelope = it.key() + QStringLiteral("[]");
        } else if (it->isObject()) {
            const QJsonObject inner = it->toObject();
            for (auto jt = inner.begin(); jt != inner.end(); ++jt) {
                if (isArrayOfObjects(*jt) && jt->toArray().size() > best.size()) {
                    best = jt->toArray();
                    *envelope = it.key() + QLatin1Char('.') + jt.key() + QStringLiteral("[]");
                }
            }
        }
    }
    if (!best.isEmpty())
        return best;
    *envelope = QStringLiteral("single object");
    return QJsonArray{document};
}

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

void JsonReader::addRecord(const QJsonValue &record)
{
    QList<std::pair<QString, QString>> fields;
    flatten(record, {}, &fields);
    QStringList row(m_columns.size());
    for (auto &[name, text] : fields) {
        auto it = m_columnIndex.find(name);
        int index = 0;
        if (it == m_columnIndex.end()) {
            index = int(m_columns.size());
            m_columnIndex.insert(name, index);
            m_columns << name;
        } else {
            index = *it;
        }
        while (row.size() <= index)
            row << QString();
        if (text.size() > m_maxCellChars)
            text = text.left(m_maxCellChars) + QChar(0x2026);
        row[index] = text;
    }
    m_rows.append(row);
}

std::unique_ptr<JsonReader> JsonReader::open(const QString &path, const ReaderOptions &options,
                                             PreviewError *error)
{
    std::unique_ptr<JsonReader> r(new JsonReader);
    r->m_localPath = path;
    r->m_maxCellChars = options.maxCellChars;
    QFile f(path);
    if (f.size() > options.maxJsonBytes) {
        *error = PreviewError::make(
            PreviewError::Kind::TooLarge, path,
            QStringLiteral("is a %1 MB JSON document; the preview reads JSON up to %2 MB.")
                .arg(f.size() >> 20)
                .arg(options.maxJsonBytes >> 20),
            QStringLiteral("Share a smaller sample, or NDJSON/CSV for large data."));
        return nullptr;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = PreviewError::make(PreviewError::Kind::Io, path,
                                    QStringLiteral("cannot be read: %1.").arg(f.errorString()));
        return nullptr;
    }
    QByteArray data = f.readAll();
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    QJsonParseError parseError;
    const QJsonValue doc = JsonText::parse(data, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        QString envelope;
        const QJsonArray records = JsonReader::records(doc, &envelope);
        for (const QJsonValue &v : records)
            r->addRecord(v);
        r->m_description = QStringLiteral("JSON · %1").arg(envelope);
    } else {
        // NDJSON: one JSON value a line. A bad line stops reading; the lines before it stay.
        qint64 offset = 0;
        qint64 line = 0;
        bool ndjson = false;
        while (offset < data.size()) {
            qint64 nl = data.indexOf('\n', offset);
            if (nl < 0)
                nl = data.size();
            ++line;
            const QByteArray text = data.mid(offset, nl - offset).trimmed();
            if (!text.isEmpty()) {
                QJsonParseError lineError;
                const QJsonValue one = JsonText::parse(text, &lineError);
                if (lineError.error != QJsonParseError::NoError || !one.isObject()) {
                    if (!ndjson)
                        break; // not NDJSON either: report the document's own error below
                    r->m_error = PreviewError::make(
                        PreviewError::Kind::Json, path,
                        QStringLiteral("this line is not a JSON object (%1).")
                            .arg(lineError.error != QJsonParseError::NoError
                                     ? lineError.errorString()
                                     : QStringLiteral("not an object")),
                        QStringLiteral("The lines before it are shown; fix or remove this line."),
                        line, offset + lineError.offset);
                    break;
                }
                ndjson = true;
                r->addRecord(one.toObject());
            }
            offset = nl + 1;
        }
        if (!ndjson) {
            *error = PreviewError::make(
                PreviewError::Kind::Json, path,
                QStringLiteral("is not valid JSON: %1.").arg(parseError.errorString()),
                parseError.offset >= data.size() - 1
                    ? QStringLiteral("The document ends early; it was probably cut off.")
                    : QStringLiteral("Fix the JSON at this position, or export the sample again."),
                lineOf(data, parseError.offset), parseError.offset);
            return nullptr;
        }
        r->m_description = QStringLiteral("NDJSON · one object a line");
    }
    for (QStringList &row : r->m_rows)
        while (row.size() < r->m_columns.size())
            row << QString();
    return r;
}

bool JsonReader::readRows(qint64 first, qint64 count, QList<SampleRow> *rows)
{
    rows->clear();
    for (qint64 i = std::max<qint64>(0, first); i < std::min(first + count, rowCount()); ++i) {
        SampleRow row;
        row.cells = m_rows.at(i);
        row.fieldCount = int(row.cells.size());
        rows->append(row);
    }
    return true;
}

} // namespace Mesh
