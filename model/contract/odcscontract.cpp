// SPDX-License-Identifier: MIT
#include "contract/odcscontract.h"

#include "yaml/boundedyaml.h"

#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <string>

namespace Mesh {

QVariant OdcsContract::customProperty(const QString &property) const
{
    for (const OdcsCustomProperty &p : customProperties)
        if (p.property == property)
            return p.value;
    return {};
}

QString OdcsIssue::toString() const
{
    QString where;
    if (line > 0)
        where = column > 0 ? QStringLiteral("line %1, column %2: ").arg(line).arg(column)
                           : QStringLiteral("line %1: ").arg(line);
    if (!path.isEmpty())
        where += path + QStringLiteral(": ");
    return where + message;
}

namespace Odcs {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string ss(const QString &s)
{
    return s.toStdString();
}

const QRegularExpression &intPattern()
{
    static const QRegularExpression re(QStringLiteral("^[-+]?[0-9]+$"));
    return re;
}

const QRegularExpression &floatPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    return re;
}

bool isNullWord(const QString &s)
{
    return s.isEmpty() || s == QStringLiteral("~") || s == QStringLiteral("null") ||
           s == QStringLiteral("Null") || s == QStringLiteral("NULL");
}

std::optional<bool> boolWord(const QString &s)
{
    if (s == QStringLiteral("true") || s == QStringLiteral("True") || s == QStringLiteral("TRUE"))
        return true;
    if (s == QStringLiteral("false") || s == QStringLiteral("False") ||
        s == QStringLiteral("FALSE"))
        return false;
    return std::nullopt;
}

/** A plain (unquoted) scalar resolved the way YAML 1.2's core schema does. */
QVariant scalarValue(const YAML::Node &node)
{
    const QString text = qs(node.Scalar());
    if (node.Tag() == "!") // quoted: always a string
        return text;
    if (isNullWord(text))
        return {};
    if (const auto b = boolWord(text))
        return *b;
    if (intPattern().match(text).hasMatch()) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (ok)
            return v;
    }
    if (floatPattern().match(text).hasMatch())
        return text.toDouble();
    return text;
}

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(toVariant(item));
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &kv : node)
            map.insert(qs(kv.first.Scalar()), toVariant(kv.second));
        return map;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

/** A string that a YAML reader would take for something else must be quoted. */
bool needsQuotes(const QString &s)
{
    return isNullWord(s) || boolWord(s) || intPattern().match(s).hasMatch() ||
           floatPattern().match(s).hasMatch() ||
           s.compare(QStringLiteral("yes"), Qt::CaseInsensitive) == 0 ||
           s.compare(QStringLiteral("no"), Qt::CaseInsensitive) == 0 ||
           s.compare(QStringLiteral("on"), Qt::CaseInsensitive) == 0 ||
           s.compare(QStringLiteral("off"), Qt::CaseInsensitive) == 0;
}

/**
 * A literal block ("|") reads back exactly only when the text ends in one line break (its "clip"
 * chomping adds one), starts with neither a space nor a line break (that would need an
 * indentation indicator) and has no other control characters; anything else is double-quoted,
 * which escapes every character exactly (found by fuzz_odcs: "a\n\nb" came back as "a\n\nb\n").
 */
bool literalReadsBack(const QString &s)
{
    if (!s.endsWith(QLatin1Char('\n')) || s.endsWith(QStringLiteral("\n\n")) ||
        s.startsWith(QLatin1Char(' ')) || s.startsWith(QLatin1Char('\n')))
        return false;
    for (QChar c : s)
        if (c.unicode() < 0x20 && c != QLatin1Char('\n'))
            return false;
    return true;
}

void emitString(YAML::Emitter &out, const QString &s)
{
    if (needsQuotes(s))
        out << YAML::DoubleQuoted << ss(s);
    else if (s.contains(QLatin1Char('\n')))
        out << (literalReadsBack(s) ? YAML::Literal : YAML::DoubleQuoted) << ss(s);
    else
        out << ss(s);
}

void emitVariant(YAML::Emitter &out, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType:
        out << YAML::Null;
        return;
    case QMetaType::Bool:
        out << v.toBool();
        return;
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out << static_cast<long long>(v.toLongLong());
        return;
    case QMetaType::Double: {
        // Shortest text that reads back as the same double, and still a float to a reader.
        QString text = QString::number(v.toDouble(), 'g', 17);
        const QString shortText = QString::number(v.toDouble(), 'g', 15);
        if (shortText.toDouble() == v.toDouble())
            text = shortText;
        if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
            text += QStringLiteral(".0");
        out << ss(text);
        return;
    }
    case QMetaType::QVariantList: {
        out << YAML::BeginSeq;
        for (const QVariant &item : v.toList())
            emitVariant(out, item);
        out << YAML::EndSeq;
        return;
    }
    case QMetaType::QVariantMap: {
        out << YAML::BeginMap;
        const QVariantMap map = v.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            out << YAML::Key << ss(it.key()) << YAML::Value;
            emitVariant(out, it.value());
        }
        out << YAML::EndMap;
        return;
    }
    default:
        if (v.isNull()) {
            out << YAML::Null;
            return;
        }
        emitString(out, v.toString());
    }
}

void emitExtras(YAML::Emitter &out, const OdcsExtras &extras)
{
    for (const OdcsExtra &e : extras) {
        out << YAML::Key << ss(e.key) << YAML::Value;
        emitVariant(out, e.value);
    }
}

void emitField(YAML::Emitter &out, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value;
    emitString(out, value);
}

void emitList(YAML::Emitter &out, const char *key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const QString &v : values)
        emitString(out, v);
    out << YAML::EndSeq;
}

/** Reads one level of a document: typed fields by key, everything else into extras. */
class Reader
{
public:
    Reader(const YAML::Node &node, QString path, QList<OdcsIssue> *errors)
        : m_node(node), m_path(std::move(path)), m_errors(errors)
    {
    }

    QString childPath(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    void error(const YAML::Node &at, const QString &key, const QString &message) const
    {
        const YAML::Mark mark = at.Mark();
        const bool known = mark.line >= 0;
        m_errors->append({known ? mark.line + 1 : 0, known ? mark.column + 1 : 0,
                          key.isEmpty() ? m_path : childPath(key), message});
    }

    bool has(const char *key) const { return bool(m_node[key]) && !m_node[key].IsNull(); }

    YAML::Node node(const char *key)
    {
        m_known.insert(QString::fromLatin1(key));
        return m_node[key];
    }

    QString string(const char *key)
    {
        const YAML::Node n = node(key);
        if (!n || n.IsNull())
            return {};
        if (!n.IsScalar()) {
            error(n, QString::fromLatin1(key), QStringLiteral("must be a text value"));
            return {};
        }
        return qs(n.Scalar());
    }

    bool boolean(const char *key, bool fallback)
    {
        const YAML::Node n = node(key);
        if (!n || n.IsNull())
            return fallback;
        const auto b = n.IsScalar() ? boolWord(qs(n.Scalar())) : std::nullopt;
        if (!b) {
            error(n, QString::fromLatin1(key), QStringLiteral("must be true or false"));
            return fallback;
        }
        return *b;
    }

    int integer(const char *key, int fallback)
    {
        const YAML::Node n = node(key);
        if (!n || n.IsNull())
            return fallback;
        bool ok = false;
        const int v = n.IsScalar() ? qs(n.Scalar()).toInt(&ok) : 0;
        if (!ok) {
            error(n, QString::fromLatin1(key), QStringLiteral("must be a whole number"));
            return fallback;
        }
        return v;
    }

    QVariant value(const char *key) { return toVariant(node(key)); }

    QStringList strings(const char *key)
    {
        const YAML::Node n = node(key);
        QStringList out;
        if (!n || n.IsNull())
            return out;
        if (!n.IsSequence()) {
            error(n, QString::fromLatin1(key), QStringLiteral("must be a list of text values"));
            return out;
        }
        for (const YAML::Node &item : n) {
            if (item.IsScalar())
                out.append(qs(item.Scalar()));
            else
                error(item, QString::fromLatin1(key), QStringLiteral("must hold text values"));
        }
        return out;
    }

    /** A list of maps; each map is handed to read with its own Reader. */
    template <typename T, typename F> QList<T> objects(const char *key, F read)
    {
        const YAML::Node n = node(key);
        QList<T> out;
        if (!n || n.IsNull())
            return out;
        if (!n.IsSequence()) {
            error(n, QString::fromLatin1(key), QStringLiteral("must be a list"));
            return out;
        }
        int i = 0;
        for (const YAML::Node &item : n) {
            const QString path =
                QStringLiteral("%1[%2]").arg(childPath(QString::fromLatin1(key))).arg(i++);
            if (!item.IsMap()) {
                Reader(item, path, m_errors).error(item, {}, QStringLiteral("must be a mapping"));
                continue;
            }
            Reader r(item, path, m_errors);
            out.append(read(r));
        }
        return out;
    }

    void require(const char *key, const QString &what)
    {
        const YAML::Node n = m_node[key];
        if (!n || n.IsNull() || (n.IsScalar() && n.Scalar().empty()))
            error(m_node, QString::fromLatin1(key),
                  QStringLiteral("required field is missing: %1").arg(what));
    }

    OdcsExtras extras() const
    {
        OdcsExtras out;
        for (const auto &kv : m_node) {
            const QString key = qs(kv.first.Scalar());
            if (!m_known.contains(key))
                out.append({key, toVariant(kv.second)});
        }
        return out;
    }

    const YAML::Node &yaml() const { return m_node; }
    const QString &path() const { return m_path; }
    QList<OdcsIssue> *errors() const { return m_errors; }

private:
    const YAML::Node m_node; // const: lookups of missing keys must not add them
    QString m_path;
    QList<OdcsIssue> *m_errors;
    QSet<QString> m_known;
};

const char *const kOperators[] = {
    "mustBe",         "mustNotBe",           "mustBeGreaterThan", "mustBeGreaterOrEqualTo",
    "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween",     "mustNotBeBetween"};

OdcsCustomProperty readCustomProperty(Reader &r)
{
    OdcsCustomProperty p;
    r.require("property", QStringLiteral("the custom property's name"));
    p.property = r.string("property");
    p.value = r.value("value");
    p.extras = r.extras();
    return p;
}

OdcsQuality readQuality(Reader &r)
{
    OdcsQuality q;
    q.name = r.string("name");
    q.description = r.string("description");
    q.type = r.string("type");
    q.metric = r.string("metric");
    q.rule = r.string("rule");
    q.dimension = r.string("dimension");
    q.severity = r.string("severity");
    q.query = r.string("query");
    for (const char *op : kOperators) {
        if (r.has(op)) {
            q.op = QString::fromLatin1(op);
            q.threshold = r.value(op);
            break;
        }
    }
    if (q.type == QStringLiteral("sql") && q.query.isEmpty())
        r.error(r.yaml(), QStringLiteral("query"),
                QStringLiteral("required field is missing: a sql quality rule needs a query"));
    q.extras = r.extras();
    return q;
}

OdcsProperty readProperty(Reader &r)
{
    OdcsProperty p;
    r.require("name", QStringLiteral("every property needs a name"));
    p.name = r.string("name");
    p.logicalType = r.string("logicalType");
    static const QStringList kLogical = {
        QStringLiteral("string"), QStringLiteral("date"),   QStringLiteral("timestamp"),
        QStringLiteral("time"),   QStringLiteral("number"), QStringLiteral("integer"),
        QStringLiteral("object"), QStringLiteral("array"),  QStringLiteral("boolean")};
    if (!p.logicalType.isEmpty() && !kLogical.contains(p.logicalType))
        r.error(r.yaml()["logicalType"], QStringLiteral("logicalType"),
                QStringLiteral("“%1” is not an ODCS logical type (one of %2)")
                    .arg(p.logicalType, kLogical.join(QStringLiteral(", "))));
    p.physicalType = r.string("physicalType");
    p.physicalName = r.string("physicalName");
    p.description = r.string("description");
    p.businessName = r.string("businessName");
    p.classification = r.string("classification");
    p.primaryKey = r.boolean("primaryKey", false);
    p.primaryKeyPosition = r.integer("primaryKeyPosition", -1);
    p.required = r.boolean("required", false);
    p.unique = r.boolean("unique", false);
    p.tags = r.strings("tags");
    p.quality = r.objects<OdcsQuality>("quality", readQuality);
    p.extras = r.extras();
    return p;
}

OdcsSchemaObject readSchemaObject(Reader &r)
{
    OdcsSchemaObject o;
    r.require("name", QStringLiteral("every schema object needs a name"));
    o.name = r.string("name");
    o.logicalType = r.string("logicalType");
    o.physicalName = r.string("physicalName");
    o.physicalType = r.string("physicalType");
    o.description = r.string("description");
    o.businessName = r.string("businessName");
    o.dataGranularityDescription = r.string("dataGranularityDescription");
    o.tags = r.strings("tags");
    o.properties = r.objects<OdcsProperty>("properties", readProperty);
    o.quality = r.objects<OdcsQuality>("quality", readQuality);
    o.customProperties = r.objects<OdcsCustomProperty>("customProperties", readCustomProperty);
    o.extras = r.extras();
    return o;
}

OdcsSlaProperty readSla(Reader &r)
{
    OdcsSlaProperty s;
    r.require("property", QStringLiteral("every SLA property needs a property name"));
    if (!r.yaml()["value"])
        r.error(r.yaml(), QStringLiteral("value"),
                QStringLiteral("required field is missing: every SLA property needs a value"));
    s.property = r.string("property");
    s.value = r.value("value");
    s.unit = r.string("unit");
    s.element = r.string("element");
    s.driver = r.string("driver");
    s.description = r.string("description");
    s.extras = r.extras();
    return s;
}

OdcsTeamMember readMember(Reader &r)
{
    OdcsTeamMember m;
    r.require("username", QStringLiteral("every team member needs a username"));
    m.username = r.string("username");
    m.name = r.string("name");
    m.role = r.string("role");
    m.extras = r.extras();
    return m;
}

void writeQuality(YAML::Emitter &out, const QList<OdcsQuality> &rules)
{
    if (rules.isEmpty())
        return;
    out << YAML::Key << "quality" << YAML::Value << YAML::BeginSeq;
    for (const OdcsQuality &q : rules) {
        out << YAML::BeginMap;
        emitField(out, "name", q.name);
        emitField(out, "description", q.description);
        emitField(out, "type", q.type);
        emitField(out, "metric", q.metric);
        emitField(out, "rule", q.rule);
        emitField(out, "dimension", q.dimension);
        emitField(out, "severity", q.severity);
        emitField(out, "query", q.query);
        if (!q.op.isEmpty()) {
            out << YAML::Key << ss(q.op) << YAML::Value;
            emitVariant(out, q.threshold);
        }
        emitExtras(out, q.extras);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void writeCustomProperties(YAML::Emitter &out, const QList<OdcsCustomProperty> &props)
{
    if (props.isEmpty())
        return;
    out << YAML::Key << "customProperties" << YAML::Value << YAML::BeginSeq;
    for (const OdcsCustomProperty &p : props) {
        out << YAML::BeginMap;
        out << YAML::Key << "property" << YAML::Value;
        emitString(out, p.property);
        out << YAML::Key << "value" << YAML::Value;
        emitVariant(out, p.value);
        emitExtras(out, p.extras);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void writeMember(YAML::Emitter &out, const OdcsTeamMember &m)
{
    out << YAML::BeginMap;
    out << YAML::Key << "username" << YAML::Value;
    emitString(out, m.username);
    emitField(out, "name", m.name);
    emitField(out, "role", m.role);
    emitExtras(out, m.extras);
    out << YAML::EndMap;
}

int hoursOf(const OdcsSlaProperty &sla, bool *ok)
{
    *ok = false;
    const double v = sla.value.toDouble(ok);
    if (!*ok || v <= 0)
        return (*ok = false), 0;
    const QString unit = sla.unit.toLower();
    double hours = v;
    if (unit.isEmpty() || unit == QStringLiteral("h") || unit.startsWith(QStringLiteral("hour")) ||
        unit == QStringLiteral("hr") || unit == QStringLiteral("hrs"))
        hours = v;
    else if (unit == QStringLiteral("d") || unit.startsWith(QStringLiteral("day")))
        hours = v * 24;
    else if (unit == QStringLiteral("m") || unit.startsWith(QStringLiteral("min")))
        hours = v / 60;
    else if (unit == QStringLiteral("w") || unit.startsWith(QStringLiteral("week")))
        hours = v * 24 * 7;
    else
        return (*ok = false), 0;
    return qMax(1, int(hours + 0.5));
}

QString customString(const QList<OdcsCustomProperty> &props, const QString &name)
{
    for (const OdcsCustomProperty &p : props)
        if (p.property == name)
            return p.value.toString();
    return {};
}

void setCustom(QList<OdcsCustomProperty> *props, const QString &name, const QString &value)
{
    for (qsizetype i = 0; i < props->size(); ++i) {
        if ((*props)[i].property == name) {
            if (value.isEmpty())
                props->removeAt(i);
            else
                (*props)[i].value = value;
            return;
        }
    }
    if (!value.isEmpty())
        props->append({name, value, {}});
}

} // namespace

QStringList supportedApiVersions()
{
    return {QStringLiteral("v3.0.0"), QStringLiteral("v3.0.1"), QStringLiteral("v3.0.2"),
            QStringLiteral("v3.1.0")};
}

OdcsParseResult parse(const QByteArray &yaml)
{
    OdcsParseResult result;
    // Through the bounded loader like every YAML reader: a contract from outside cannot make us
    // read gigabytes, recurse without end or expand an alias bomb while its fields are walked.
    YAML::Node loaded;
    QString error;
    int line = 0, column = 0;
    if (!BoundedYaml::loadNode(yaml, YamlLimits(), &loaded, &error, &line, &column)) {
        // "is not valid YAML: …", "is nested more than 256 levels deep …", …
        result.errors.append({line, column, QString(),
                              error.startsWith(QStringLiteral("is not valid YAML"))
                                  ? error.mid(3)
                                  : QStringLiteral("the contract %1; nothing was read").arg(error)});
        return result;
    }
    const YAML::Node root = loaded;
    if (!root || root.IsNull()) {
        result.errors.append({0, 0, QString(), QStringLiteral("the document is empty")});
        return result;
    }
    if (!root.IsMap()) {
        result.errors.append({root.Mark().line + 1, root.Mark().column + 1, QString(),
                              QStringLiteral("a data contract must be a YAML mapping with "
                                             "apiVersion, kind, id, version and status")});
        return result;
    }

    OdcsContract c;
    try {
        Reader r(root, QString(), &result.errors);
        r.require("apiVersion", QStringLiteral("the ODCS version, e.g. v3.1.0"));
        r.require("kind", QStringLiteral("kind: DataContract"));
        r.require("id", QStringLiteral("a unique identifier of the contract"));
        r.require("version", QStringLiteral("the version of the contract"));
        r.require("status", QStringLiteral("e.g. active, draft, deprecated"));
        c.apiVersion = r.string("apiVersion");
        c.kind = r.string("kind");
        c.id = r.string("id");
        c.name = r.string("name");
        c.version = r.string("version");
        c.status = r.string("status");
        c.domain = r.string("domain");
        c.dataProduct = r.string("dataProduct");
        c.tenant = r.string("tenant");
        c.tags = r.strings("tags");

        if (!c.apiVersion.isEmpty() && !supportedApiVersions().contains(c.apiVersion)) {
            if (c.apiVersion.startsWith(QStringLiteral("v3.")))
                result.warnings.append(
                    {root["apiVersion"].Mark().line + 1, root["apiVersion"].Mark().column + 1,
                     QStringLiteral("apiVersion"),
                     QStringLiteral("“%1” is newer than this reader (%2); read as v3.1.0")
                         .arg(c.apiVersion, supportedApiVersions().join(QStringLiteral(", ")))});
            else
                r.error(root["apiVersion"], QStringLiteral("apiVersion"),
                        QStringLiteral("“%1” is not supported; this reader accepts ODCS %2")
                            .arg(c.apiVersion, supportedApiVersions().join(QStringLiteral(", "))));
        }
        if (!c.kind.isEmpty() && c.kind != QStringLiteral("DataContract"))
            r.error(root["kind"], QStringLiteral("kind"),
                    QStringLiteral("must be DataContract, not “%1”").arg(c.kind));

        const YAML::Node description = r.node("description");
        if (description && description.IsMap()) {
            Reader d(description, QStringLiteral("description"), &result.errors);
            c.purpose = d.string("purpose");
            c.usage = d.string("usage");
            c.limitations = d.string("limitations");
            c.descriptionExtras = d.extras();
        } else if (description && description.IsScalar()) {
            // Common in hand-written contracts; ODCS wants an object, so read it as the purpose.
            c.purpose = qs(description.Scalar());
            result.warnings.append({description.Mark().line + 1, description.Mark().column + 1,
                                    QStringLiteral("description"),
                                    QStringLiteral("should be an object {purpose, usage, "
                                                   "limitations}; read as the purpose")});
        } else if (description && !description.IsNull()) {
            r.error(description, QStringLiteral("description"),
                    QStringLiteral("must be an object {purpose, usage, limitations}"));
        }

        c.schema = r.objects<OdcsSchemaObject>("schema", readSchemaObject);
        c.slaProperties = r.objects<OdcsSlaProperty>("slaProperties", readSla);
        c.customProperties = r.objects<OdcsCustomProperty>("customProperties", readCustomProperty);

        const YAML::Node team = r.node("team");
        if (team && team.IsSequence()) {
            c.hasTeam = true;
            c.team = r.objects<OdcsTeamMember>("team", readMember);
        } else if (team && team.IsMap()) {
            c.hasTeam = true;
            c.teamIsObject = true;
            Reader t(team, QStringLiteral("team"), &result.errors);
            c.teamName = t.string("name");
            c.team = t.objects<OdcsTeamMember>("members", readMember);
            c.teamExtras = t.extras();
        } else if (team && !team.IsNull()) {
            r.error(team, QStringLiteral("team"),
                    QStringLiteral("must be a list of members (v3.0) or an object with members "
                                   "(v3.1)"));
        }
        c.extras = r.extras();
    } catch (const YAML::Exception &e) {
        result.errors.append({e.mark.line >= 0 ? e.mark.line + 1 : 0,
                              e.mark.column >= 0 ? e.mark.column + 1 : 0, QString(),
                              QStringLiteral("cannot read the document: %1").arg(qs(e.msg))});
    }
    if (result.errors.isEmpty())
        result.contract = std::move(c);
    return result;
}

QByteArray write(const OdcsContract &c)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    emitField(out, "apiVersion", c.apiVersion.isEmpty() ? QStringLiteral("v3.1.0") : c.apiVersion);
    emitField(out, "kind", c.kind.isEmpty() ? QStringLiteral("DataContract") : c.kind);
    emitField(out, "id", c.id);
    emitField(out, "name", c.name);
    emitField(out, "version", c.version);
    emitField(out, "status", c.status);
    emitField(out, "domain", c.domain);
    emitField(out, "dataProduct", c.dataProduct);
    emitField(out, "tenant", c.tenant);
    emitList(out, "tags", c.tags);
    if (!c.purpose.isEmpty() || !c.usage.isEmpty() || !c.limitations.isEmpty() ||
        !c.descriptionExtras.isEmpty()) {
        out << YAML::Key << "description" << YAML::Value << YAML::BeginMap;
        emitField(out, "purpose", c.purpose);
        emitField(out, "usage", c.usage);
        emitField(out, "limitations", c.limitations);
        emitExtras(out, c.descriptionExtras);
        out << YAML::EndMap;
    }
    if (!c.schema.isEmpty()) {
        out << YAML::Key << "schema" << YAML::Value << YAML::BeginSeq;
        for (const OdcsSchemaObject &o : c.schema) {
            out << YAML::BeginMap;
            out << YAML::Key << "name" << YAML::Value;
            emitString(out, o.name);
            emitField(out, "logicalType", o.logicalType);
            emitField(out, "physicalName", o.physicalName);
            emitField(out, "physicalType", o.physicalType);
            emitField(out, "businessName", o.businessName);
            emitField(out, "description", o.description);
            emitField(out, "dataGranularityDescription", o.dataGranularityDescription);
            emitList(out, "tags", o.tags);
            if (!o.properties.isEmpty()) {
                out << YAML::Key << "properties" << YAML::Value << YAML::BeginSeq;
                for (const OdcsProperty &p : o.properties) {
                    out << YAML::BeginMap;
                    out << YAML::Key << "name" << YAML::Value;
                    emitString(out, p.name);
                    emitField(out, "logicalType", p.logicalType);
                    emitField(out, "physicalType", p.physicalType);
                    emitField(out, "physicalName", p.physicalName);
                    emitField(out, "businessName", p.businessName);
                    emitField(out, "description", p.description);
                    emitField(out, "classification", p.classification);
                    if (p.primaryKey)
                        out << YAML::Key << "primaryKey" << YAML::Value << true;
                    if (p.primaryKeyPosition != -1)
                        out << YAML::Key << "primaryKeyPosition" << YAML::Value
                            << p.primaryKeyPosition;
                    if (p.required)
                        out << YAML::Key << "required" << YAML::Value << true;
                    if (p.unique)
                        out << YAML::Key << "unique" << YAML::Value << true;
                    emitList(out, "tags", p.tags);
                    writeQuality(out, p.quality);
                    emitExtras(out, p.extras);
                    out << YAML::EndMap;
                }
                out << YAML::EndSeq;
            }
            writeQuality(out, o.quality);
            writeCustomProperties(out, o.customProperties);
            emitExtras(out, o.extras);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!c.slaProperties.isEmpty()) {
        out << YAML::Key << "slaProperties" << YAML::Value << YAML::BeginSeq;
        for (const OdcsSlaProperty &s : c.slaProperties) {
            out << YAML::BeginMap;
            out << YAML::Key << "property" << YAML::Value;
            emitString(out, s.property);
            out << YAML::Key << "value" << YAML::Value;
            emitVariant(out, s.value);
            emitField(out, "unit", s.unit);
            emitField(out, "element", s.element);
            emitField(out, "driver", s.driver);
            emitField(out, "description", s.description);
            emitExtras(out, s.extras);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (c.hasTeam) {
        out << YAML::Key << "team" << YAML::Value;
        if (c.teamIsObject) {
            out << YAML::BeginMap;
            emitField(out, "name", c.teamName);
            out << YAML::Key << "members" << YAML::Value << YAML::BeginSeq;
            for (const OdcsTeamMember &m : c.team)
                writeMember(out, m);
            out << YAML::EndSeq;
            emitExtras(out, c.teamExtras);
            out << YAML::EndMap;
        } else {
            out << YAML::BeginSeq;
            for (const OdcsTeamMember &m : c.team)
                writeMember(out, m);
            out << YAML::EndSeq;
        }
    }
    writeCustomProperties(out, c.customProperties);
    emitExtras(out, c.extras);
    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

QString logicalTypeFor(const QString &columnType)
{
    const QString t = columnType.toLower();
    if (t == QStringLiteral("integer") || t == QStringLiteral("int") ||
        t == QStringLiteral("bigint"))
        return QStringLiteral("integer");
    if (t == QStringLiteral("decimal") || t == QStringLiteral("number") ||
        t == QStringLiteral("double") || t == QStringLiteral("float"))
        return QStringLiteral("number");
    if (t == QStringLiteral("date"))
        return QStringLiteral("date");
    if (t == QStringLiteral("timestamp") || t == QStringLiteral("datetime"))
        return QStringLiteral("timestamp");
    if (t == QStringLiteral("boolean") || t == QStringLiteral("bool"))
        return QStringLiteral("boolean");
    if (t == QStringLiteral("json") || t == QStringLiteral("object"))
        return QStringLiteral("object");
    if (t == QStringLiteral("array"))
        return QStringLiteral("array");
    if (t == QStringLiteral("time"))
        return QStringLiteral("time");
    return QStringLiteral("string");
}

QString columnTypeFor(const QString &logicalType)
{
    const QString t = logicalType.toLower();
    if (t == QStringLiteral("integer"))
        return QStringLiteral("integer");
    if (t == QStringLiteral("number"))
        return QStringLiteral("decimal");
    if (t == QStringLiteral("date"))
        return QStringLiteral("date");
    if (t == QStringLiteral("timestamp"))
        return QStringLiteral("timestamp");
    if (t == QStringLiteral("boolean"))
        return QStringLiteral("boolean");
    if (t == QStringLiteral("object") || t == QStringLiteral("array"))
        return QStringLiteral("json");
    return QStringLiteral("string");
}

OdcsProductMapping toProduct(const OdcsContract &c)
{
    OdcsProductMapping m;
    Product &p = m.product;
    p.key = c.id;
    p.name = !c.name.isEmpty() ? c.name : !c.dataProduct.isEmpty() ? c.dataProduct : c.id;
    p.domain = c.domain;
    QString description = c.purpose;
    if (!c.usage.isEmpty())
        description += QStringLiteral("\n\n**Usage.** ") + c.usage;
    if (!c.limitations.isEmpty())
        description += QStringLiteral("\n\n**Limitations.** ") + c.limitations;
    p.description = description.trimmed();
    p.status = c.status;
    p.version = c.version;
    p.tags = c.tags;
    for (const OdcsTeamMember &member : c.team) {
        const QString role = member.role.toLower();
        if (p.ownerId.isEmpty() && role.contains(QStringLiteral("owner")))
            p.ownerId = member.username;
        else if (p.stewardId.isEmpty() && role.contains(QStringLiteral("steward")))
            p.stewardId = member.username;
    }
    p.accessPolicy = c.customProperty(QStringLiteral("accessPolicy")).toString();
    p.sourceSystem = c.customProperty(QStringLiteral("sourceSystem")).toString();
    for (const OdcsSlaProperty &sla : c.slaProperties) {
        const QString prop = sla.property.toLower();
        if (prop != QStringLiteral("latency") && prop != QStringLiteral("freshness"))
            continue;
        bool ok = false;
        const int hours = hoursOf(sla, &ok);
        if (ok)
            p.freshnessSlaHours = hours;
        else
            m.warnings.append(QStringLiteral("slaProperties: %1 of “%2 %3” is not a duration "
                                             "this catalog understands; no freshness SLA set")
                                  .arg(sla.property, sla.value.toString(), sla.unit));
        break;
    }
    QStringList formats;
    for (const OdcsSchemaObject &o : c.schema) {
        Dataset ds;
        ds.name = o.name;
        ds.description = o.description;
        ds.format = customString(o.customProperties, QStringLiteral("format"));
        ds.location = customString(o.customProperties, QStringLiteral("location"));
        ds.endpoint = customString(o.customProperties, QStringLiteral("endpoint"));
        if (!ds.format.isEmpty() && !formats.contains(ds.format))
            formats.append(ds.format);
        for (const OdcsProperty &prop : o.properties) {
            Column col;
            col.name = prop.name;
            // The catalog's own type names survive in physicalType (decimal vs number, …).
            static const QStringList kCatalogTypes = {
                QStringLiteral("string"), QStringLiteral("integer"),   QStringLiteral("decimal"),
                QStringLiteral("date"),   QStringLiteral("timestamp"), QStringLiteral("boolean"),
                QStringLiteral("json")};
            const QString logical =
                prop.logicalType.isEmpty() ? logicalTypeFor(prop.physicalType) : prop.logicalType;
            col.type = kCatalogTypes.contains(prop.physicalType) &&
                               logicalTypeFor(prop.physicalType) == logical
                           ? prop.physicalType
                           : columnTypeFor(logical);
            col.description = prop.description;
            col.classification = prop.classification;
            col.tags = prop.tags;
            ds.columns.append(col);
        }
        p.datasets.append(ds);
    }
    p.formats = formats;
    if (p.key.isEmpty())
        m.warnings.append(QStringLiteral("the contract has no id, so the product has no key"));
    return m;
}

OdcsContract fromProduct(const Product &p, const OdcsContract *base)
{
    OdcsContract c = base ? *base : OdcsContract();
    if (c.apiVersion.isEmpty())
        c.apiVersion = QStringLiteral("v3.1.0");
    c.kind = QStringLiteral("DataContract");
    c.id = p.key;
    c.name = p.name;
    c.version = p.version.isEmpty() ? QStringLiteral("1.0.0") : p.version;
    c.status = p.status.isEmpty() ? QStringLiteral("active") : p.status;
    c.domain = p.domain;
    if (c.dataProduct.isEmpty())
        c.dataProduct = p.name;
    c.tags = p.tags;
    if (!base || (base->usage.isEmpty() && base->limitations.isEmpty()))
        c.purpose = p.description;

    // Team: the owner and the steward, keeping any other member the base contract had.
    QList<OdcsTeamMember> team;
    auto addMember = [&](const QString &user, const QString &role) {
        if (user.isEmpty())
            return;
        OdcsTeamMember m;
        for (const OdcsTeamMember &old : c.team)
            if (old.username == user && old.role.toLower().contains(role))
                m = old;
        m.username = user;
        if (m.role.isEmpty())
            m.role = role;
        team.append(m);
    };
    addMember(p.ownerId, QStringLiteral("owner"));
    addMember(p.stewardId, QStringLiteral("steward"));
    for (const OdcsTeamMember &old : c.team) {
        const QString role = old.role.toLower();
        if (!role.contains(QStringLiteral("owner")) && !role.contains(QStringLiteral("steward")))
            team.append(old);
    }
    c.team = team;
    c.hasTeam = !team.isEmpty() || c.hasTeam;
    if (!base)
        c.teamIsObject = c.apiVersion == QStringLiteral("v3.1.0");

    setCustom(&c.customProperties, QStringLiteral("accessPolicy"), p.accessPolicy);
    setCustom(&c.customProperties, QStringLiteral("sourceSystem"), p.sourceSystem);

    // Freshness SLA as latency in hours; other SLA properties stay.
    bool placed = false;
    for (qsizetype i = 0; i < c.slaProperties.size(); ++i) {
        const QString prop = c.slaProperties[i].property.toLower();
        if (prop != QStringLiteral("latency") && prop != QStringLiteral("freshness"))
            continue;
        if (p.freshnessSlaHours <= 0) {
            c.slaProperties.removeAt(i);
        } else {
            bool ok = false;
            if (hoursOf(c.slaProperties[i], &ok) != p.freshnessSlaHours || !ok) {
                c.slaProperties[i].value = qint64(p.freshnessSlaHours);
                c.slaProperties[i].unit = QStringLiteral("h");
            }
        }
        placed = true;
        break;
    }
    if (!placed && p.freshnessSlaHours > 0) {
        OdcsSlaProperty sla;
        sla.property = QStringLiteral("latency");
        sla.value = qint64(p.freshnessSlaHours);
        sla.unit = QStringLiteral("h");
        sla.description = QStringLiteral("Data is at most this old when read.");
        c.slaProperties.append(sla);
    }

    QList<OdcsSchemaObject> schema;
    for (const Dataset &ds : p.datasets) {
        OdcsSchemaObject o;
        for (const OdcsSchemaObject &old : c.schema)
            if (old.name == ds.name)
                o = old;
        o.name = ds.name;
        if (o.logicalType.isEmpty())
            o.logicalType = QStringLiteral("object");
        if (o.physicalType.isEmpty())
            o.physicalType =
                ds.format == QStringLiteral("api") ? QStringLiteral("api") : QStringLiteral("file");
        o.description = ds.description;
        setCustom(&o.customProperties, QStringLiteral("format"), ds.format);
        setCustom(&o.customProperties, QStringLiteral("location"), ds.location);
        setCustom(&o.customProperties, QStringLiteral("endpoint"), ds.endpoint);
        QList<OdcsProperty> props;
        for (const Column &col : ds.columns) {
            OdcsProperty prop;
            for (const OdcsProperty &old : o.properties)
                if (old.name == col.name)
                    prop = old;
            prop.name = col.name;
            const QString logical = logicalTypeFor(col.type);
            if (prop.logicalType != logical || columnTypeFor(logical) != col.type) {
                prop.logicalType = logical;
                prop.physicalType = columnTypeFor(logical) == col.type ? QString() : col.type;
            }
            prop.description = col.description;
            prop.classification = col.classification;
            prop.tags = col.tags;
            props.append(prop);
        }
        o.properties = props;
        schema.append(o);
    }
    c.schema = schema;
    return c;
}

} // namespace Odcs
} // namespace Mesh
