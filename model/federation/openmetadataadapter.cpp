// SPDX-License-Identifier: MIT
#include "federation/openmetadataadapter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace Mesh {

namespace {

QString classificationOf(const QJsonArray &tags)
{
    // OpenMetadata's built-in PII classification has exactly our two values.
    for (const QJsonValue &t : tags) {
        const QString fqn = t.toObject().value(QStringLiteral("tagFQN")).toString();
        if (fqn == QLatin1String("PII.Sensitive") || fqn == QLatin1String("PII.NonSensitive"))
            return fqn;
    }
    return {};
}

QStringList tagNames(const QJsonArray &tags)
{
    QStringList names;
    for (const QJsonValue &t : tags) {
        const QString fqn = t.toObject().value(QStringLiteral("tagFQN")).toString();
        if (!fqn.isEmpty())
            names << fqn;
    }
    return names;
}

QString refName(const QJsonObject &ref)
{
    const QString display = ref.value(QStringLiteral("displayName")).toString();
    return display.isEmpty() ? ref.value(QStringLiteral("name")).toString() : display;
}

} // namespace

void OpenMetadataAdapter::begin()
{
    fetchPage({});
}

void OpenMetadataAdapter::fetchPage(const QString &after)
{
    QString path = QStringLiteral("/api/v1/tables?limit=%1&fields=columns,tags,owners").arg(kPageSize);
    if (!after.isEmpty())
        path += QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(after));
    const QByteArray url = apiUrl(path);
    get(url, true, [this, url](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        if (!root.value(QStringLiteral("data")).isArray()) {
            fail(QStringLiteral("%1 sent no \"data\" list of tables: is this the OpenMetadata "
                                "API (…/api/v1/tables)?")
                     .arg(where(url)));
            return;
        }
        int fresh = 0; // products not seen on an earlier page
        for (const QJsonValue &v : root.value(QStringLiteral("data")).toArray()) {
            const QJsonObject t = v.toObject();
            Product p;
            p.key = t.value(QStringLiteral("fullyQualifiedName")).toString();
            p.name = t.value(QStringLiteral("displayName")).toString();
            if (p.name.isEmpty())
                p.name = t.value(QStringLiteral("name")).toString();
            if (p.key.isEmpty() || p.name.isEmpty()) {
                m_snapshot.warnings << QStringLiteral("skipped a table without fullyQualifiedName "
                                                      "or name");
                continue;
            }
            m_fqnById.insert(t.value(QStringLiteral("id")).toString(), p.key);
            p.description = t.value(QStringLiteral("description")).toString();
            p.domain = refName(t.value(QStringLiteral("databaseSchema")).toObject());
            const QString service = refName(t.value(QStringLiteral("service")).toObject());
            p.sourceSystem = service.isEmpty() ? QStringLiteral("OpenMetadata")
                                               : QStringLiteral("OpenMetadata (%1)").arg(service);
            p.tags = tagNames(t.value(QStringLiteral("tags")).toArray());
            p.status = t.value(QStringLiteral("deleted")).toBool() ? QStringLiteral("retired")
                                                                   : QStringLiteral("active");
            if (t.contains(QStringLiteral("version")))
                p.version = QString::number(t.value(QStringLiteral("version")).toDouble());
            const qint64 updated = qint64(t.value(QStringLiteral("updatedAt")).toDouble());
            if (updated > 0)
                p.updatedAt = QDateTime::fromMSecsSinceEpoch(updated, Qt::UTC);
            const QJsonArray owners = t.value(QStringLiteral("owners")).toArray();
            if (!owners.isEmpty()) {
                const QJsonObject owner = owners.first().toObject();
                p.ownerId = owner.value(QStringLiteral("name")).toString();
                if (!p.ownerId.isEmpty())
                    m_snapshot.users.append(User{p.ownerId, refName(owner), {}, {}, {}});
            }
            Dataset ds;
            ds.name = t.value(QStringLiteral("name")).toString();
            ds.format = QStringLiteral("table");
            ds.location = p.key;
            for (const QJsonValue &cv : t.value(QStringLiteral("columns")).toArray()) {
                const QJsonObject c = cv.toObject();
                Column col;
                col.name = c.value(QStringLiteral("name")).toString();
                col.type = c.value(QStringLiteral("dataTypeDisplay")).toString();
                if (col.type.isEmpty())
                    col.type = c.value(QStringLiteral("dataType")).toString().toLower();
                col.description = c.value(QStringLiteral("description")).toString();
                const QJsonArray tags = c.value(QStringLiteral("tags")).toArray();
                col.classification = classificationOf(tags);
                col.tags = tagNames(tags);
                if (!col.name.isEmpty())
                    ds.columns.append(col);
            }
            p.datasets.append(ds);
            p.formats << QStringLiteral("table");
            if (notePagedKey(p.key))
                ++fresh;
            m_snapshot.products.append(p);
            fetchLineage(p.key);
        }
        const QString next = root.value(QStringLiteral("paging")).toObject().value(QStringLiteral("after")).toString();
        if (!next.isEmpty()) {
            if (fresh > 0)
                fetchPage(next);
            else
                stopPaging(where(url));
        }
    });
}

void OpenMetadataAdapter::fetchLineage(const QString &fqn)
{
    const QByteArray url = apiUrl(QStringLiteral("/api/v1/lineage/table/name/") +
                                  QString::fromLatin1(QUrl::toPercentEncoding(fqn)) +
                                  QStringLiteral("?upstreamDepth=1&downstreamDepth=0"));
    get(url, true, [this, url](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        // Nodes name the other ends; edges reference entities by id.
        for (const QJsonValue &n : root.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject node = n.toObject();
            const QString id = node.value(QStringLiteral("id")).toString();
            if (!m_fqnById.contains(id))
                m_fqnById.insert(id, node.value(QStringLiteral("fullyQualifiedName")).toString());
        }
        for (const char *key : {"upstreamEdges", "downstreamEdges"})
            for (const QJsonValue &e : root.value(QLatin1String(key)).toArray()) {
                const QJsonObject edge = e.toObject();
                m_edgeIds.append({edge.value(QStringLiteral("fromEntity")).toString(),
                                  edge.value(QStringLiteral("toEntity")).toString()});
            }
    });
}

void OpenMetadataAdapter::end()
{
    QSet<QString> keys;
    for (const Product &p : std::as_const(m_snapshot.products))
        keys.insert(p.key);
    QSet<QPair<QString, QString>> seen;
    int outside = 0;
    for (const auto &[from, to] : std::as_const(m_edgeIds)) {
        const QString f = m_fqnById.value(from), t = m_fqnById.value(to);
        if (!keys.contains(f) || !keys.contains(t)) {
            ++outside;
            continue;
        }
        if (seen.contains({f, t}))
            continue;
        seen.insert({f, t});
        m_snapshot.edges.append(LineageEdge{f, t, QStringLiteral("transform"), {}});
    }
    if (outside > 0)
        m_snapshot.warnings << QStringLiteral("%1 lineage edge(s) lead to entities that are not "
                                              "tables of this source and were left out")
                                   .arg(outside);
}

} // namespace Mesh
