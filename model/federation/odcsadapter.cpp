// SPDX-License-Identifier: MIT
#include "federation/odcsadapter.h"

#include <yaml-cpp/yaml.h>

namespace Mesh {

namespace {

QString text(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

QStringList texts(const YAML::Node &node)
{
    QStringList result;
    if (node && node.IsSequence())
        for (const YAML::Node &n : node)
            if (n.IsScalar())
                result << QString::fromStdString(n.Scalar());
    return result;
}

/** ODCS leaves classification values to the organisation; these words mean personal data. */
QString classificationOf(const YAML::Node &property)
{
    const QString c = text(property["classification"]).toLower();
    QStringList tags = texts(property["tags"]);
    for (QString &t : tags)
        t = t.toLower();
    if (tags.contains(QStringLiteral("pii")) || c.contains(QLatin1String("pii")) ||
        c == QLatin1String("restricted") || c == QLatin1String("confidential") ||
        c == QLatin1String("sensitive"))
        return QStringLiteral("PII.Sensitive");
    return {};
}

QList<YAML::Node> teamMembers(const YAML::Node &team)
{
    // v3.0: a list of members; v3.1: an object with a members list.
    QList<YAML::Node> members;
    const YAML::Node list = team && team.IsMap() ? team["members"] : team;
    if (list && list.IsSequence())
        for (const YAML::Node &m : list)
            if (m.IsMap())
                members << m;
    return members;
}

} // namespace

void OdcsAdapter::begin()
{
    const QByteArray url = source().url.toUtf8();
    get(url, false, [this, url](const QByteArray &body, const QByteArray &contentType) {
        const QByteArray type = contentType.toLower();
        if (type.startsWith("text/html")) {
            fail(QStringLiteral("%1 answered with a web page (text/html) instead of an ODCS "
                                "contract; check the URL in Sources.")
                     .arg(where(url)));
            return;
        }
        QString error;
        if (!map(body, where(url), &m_snapshot, &error))
            fail(error + QStringLiteral(" Nothing was changed."));
    });
}

bool OdcsAdapter::map(const QByteArray &yaml, const QString &where, SourceSnapshot *out,
                      QString *error)
{
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1 is not valid YAML (line %2: %3).")
                     .arg(where, QString::number(e.mark.line + 1), QString::fromStdString(e.msg));
        return false;
    }
    try {
        if (!root.IsMap() || text(root["kind"]) != QLatin1String("DataContract")) {
            *error = QStringLiteral("%1 is not an ODCS data contract (kind is not DataContract).")
                         .arg(where);
            return false;
        }
        const QString apiVersion = text(root["apiVersion"]);
        if (!apiVersion.startsWith(QLatin1String("v3."))) {
            *error = QStringLiteral("%1 is ODCS %2; Mesh Explorer reads ODCS v3 contracts.")
                         .arg(where, apiVersion.isEmpty() ? QStringLiteral("without apiVersion") : apiVersion);
            return false;
        }
        Product p;
        p.key = text(root["id"]);
        p.name = text(root["name"]);
        if (p.name.isEmpty())
            p.name = text(root["dataProduct"]);
        if (p.key.isEmpty() || p.name.isEmpty()) {
            *error = QStringLiteral("%1: an ODCS contract needs an id and a name.").arg(where);
            return false;
        }
        p.domain = text(root["domain"]);
        p.version = text(root["version"]);
        const QString status = text(root["status"]).toLower();
        p.status = status == QLatin1String("active") || status == QLatin1String("draft") ||
                           status == QLatin1String("deprecated") || status == QLatin1String("retired")
                       ? status
                       : QStringLiteral("active");
        const YAML::Node description = root["description"];
        if (description && description.IsMap()) {
            QStringList parts;
            for (const char *field : {"purpose", "usage", "limitations"})
                if (const QString t = text(description[field]); !t.isEmpty())
                    parts << (field == std::string_view("purpose")
                                  ? t
                                  : QStringLiteral("**%1:** %2")
                                        .arg(QString::fromLatin1(field).at(0).toUpper() +
                                                 QString::fromLatin1(field).mid(1),
                                             t));
            p.description = parts.join(QStringLiteral("\n\n"));
        } else {
            p.description = text(description);
        }
        p.tags = texts(root["tags"]);
        const QList<YAML::Node> members = teamMembers(root["team"]);
        for (const YAML::Node &m : members)
            if (text(m["role"]).contains(QLatin1String("owner"), Qt::CaseInsensitive)) {
                p.ownerId = text(m["username"]);
                break;
            }
        if (p.ownerId.isEmpty() && !members.isEmpty())
            p.ownerId = text(members.first()["username"]);
        for (const YAML::Node &m : members)
            if (const QString user = text(m["username"]); !user.isEmpty())
                out->users.append(User{user, text(m["name"]), {}, {}, {}});
        const YAML::Node servers = root["servers"];
        if (servers && servers.IsSequence() && servers.size() > 0)
            p.sourceSystem = QStringLiteral("ODCS (%1)").arg(text(servers[0]["type"]));
        else
            p.sourceSystem = QStringLiteral("ODCS");
        const YAML::Node schema = root["schema"];
        if (schema && schema.IsSequence()) {
            for (const YAML::Node &object : schema) {
                if (!object.IsMap())
                    continue;
                Dataset ds;
                ds.name = text(object["name"]);
                ds.format = text(object["physicalType"]);
                ds.location = text(object["physicalName"]);
                ds.description = text(object["description"]);
                const YAML::Node properties = object["properties"];
                if (properties && properties.IsSequence())
                    for (const YAML::Node &prop : properties) {
                        Column c;
                        c.name = text(prop["name"]);
                        c.type = text(prop["logicalType"]);
                        c.description = text(prop["description"]);
                        c.classification = classificationOf(prop);
                        c.tags = texts(prop["tags"]);
                        c.tags.removeAll(QStringLiteral("pii"));
                        if (!c.name.isEmpty())
                            ds.columns.append(c);
                    }
                if (!ds.name.isEmpty()) {
                    p.datasets.append(ds);
                    if (!ds.format.isEmpty() && !p.formats.contains(ds.format))
                        p.formats << ds.format;
                }
            }
        }
        p.updatedAt = QDateTime::fromString(text(root["contractCreatedTs"]), Qt::ISODate);
        out->products.append(p);
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1 has an unexpected ODCS structure (%2).")
                     .arg(where, QString::fromStdString(e.msg));
        return false;
    }
    return true;
}

} // namespace Mesh
