// SPDX-License-Identifier: MIT
#include "federation/marquezadapter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Mesh {

namespace {

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

void MarquezAdapter::begin()
{
    const QByteArray url = apiUrl(QStringLiteral("/api/v1/namespaces"));
    get(url, true, [this, url](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        if (!root.value(QStringLiteral("namespaces")).isArray()) {
            fail(QStringLiteral("%1 sent no \"namespaces\" list: is this the Marquez API "
                                "(…/api/v1/namespaces)?")
                     .arg(where(url)));
            return;
        }
        for (const QJsonValue &v : root.value(QStringLiteral("namespaces")).toArray()) {
            const QJsonObject ns = v.toObject();
            const QString name = ns.value(QStringLiteral("name")).toString();
            if (!name.isEmpty())
                fetchDatasets(name, ns.value(QStringLiteral("ownerName")).toString(), 0);
        }
    });
}

void MarquezAdapter::fetchDatasets(const QString &ns, const QString &owner, int offset)
{
    const QByteArray url = apiUrl(QStringLiteral("/api/v1/namespaces/%1/datasets?limit=%2&offset=%3")
                                      .arg(enc(ns))
                                      .arg(kPageSize)
                                      .arg(offset));
    get(url, true, [this, url, ns, owner, offset](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        if (!root.value(QStringLiteral("datasets")).isArray()) {
            fail(QStringLiteral("%1 sent no \"datasets\" list.").arg(where(url)));
            return;
        }
        const QJsonArray datasets = root.value(QStringLiteral("datasets")).toArray();
        int fresh = 0; // products not seen on an earlier page
        for (const QJsonValue &v : datasets) {
            const QJsonObject d = v.toObject();
            const QJsonObject id = d.value(QStringLiteral("id")).toObject();
            const QString dsNamespace = id.value(QStringLiteral("namespace")).toString(ns);
            const QString dsName = id.value(QStringLiteral("name")).toString(
                d.value(QStringLiteral("name")).toString());
            if (dsName.isEmpty()) {
                m_snapshot.warnings << QStringLiteral("skipped a dataset without a name in %1").arg(ns);
                continue;
            }
            Product p;
            p.key = dsNamespace + QLatin1Char(':') + dsName;
            p.name = dsName;
            p.domain = dsNamespace;
            p.ownerId = owner;
            p.description = d.value(QStringLiteral("description")).toString();
            const QString sourceName = d.value(QStringLiteral("sourceName")).toString();
            p.sourceSystem = sourceName.isEmpty() ? QStringLiteral("Marquez")
                                                  : QStringLiteral("Marquez (%1)").arg(sourceName);
            for (const QJsonValue &t : d.value(QStringLiteral("tags")).toArray())
                p.tags << t.toString();
            QString updated = d.value(QStringLiteral("lastModifiedAt")).toString();
            if (updated.isEmpty())
                updated = d.value(QStringLiteral("updatedAt")).toString();
            p.updatedAt = QDateTime::fromString(updated, Qt::ISODate);
            Dataset ds;
            ds.name = d.value(QStringLiteral("physicalName")).toString(dsName);
            ds.format = d.value(QStringLiteral("type")).toString().toLower();
            ds.location = dsNamespace + QLatin1Char('/') + ds.name;
            for (const QJsonValue &f : d.value(QStringLiteral("fields")).toArray()) {
                const QJsonObject field = f.toObject();
                Column c;
                c.name = field.value(QStringLiteral("name")).toString();
                c.type = field.value(QStringLiteral("type")).toString().toLower();
                c.description = field.value(QStringLiteral("description")).toString();
                for (const QJsonValue &t : field.value(QStringLiteral("tags")).toArray()) {
                    const QString tag = t.toString();
                    if (tag == QLatin1String("PII") || tag == QLatin1String("PII.Sensitive"))
                        c.classification = QStringLiteral("PII.Sensitive");
                    else
                        c.tags << tag;
                }
                if (!c.name.isEmpty())
                    ds.columns.append(c);
            }
            p.datasets.append(ds);
            if (!ds.format.isEmpty())
                p.formats << ds.format;
            if (notePagedKey(p.key))
                ++fresh;
            m_snapshot.products.append(p);
            fetchLineage(QStringLiteral("dataset:") + dsNamespace + QLatin1Char(':') + dsName);
        }
        const int total = root.value(QStringLiteral("totalCount")).toInt(-1);
        const int next = offset + int(datasets.size());
        if (!datasets.isEmpty() && (total < 0 ? datasets.size() == kPageSize : next < total)) {
            if (fresh > 0)
                fetchDatasets(ns, owner, next);
            else
                stopPaging(where(url));
        }
    });
    if (!owner.isEmpty())
        m_snapshot.users.append(User{owner, {}, {}, {}, {}});
}

void MarquezAdapter::fetchLineage(const QString &nodeId)
{
    const QByteArray url =
        apiUrl(QStringLiteral("/api/v1/lineage?nodeId=%1&depth=1").arg(enc(nodeId)));
    get(url, true, [this, url](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        // dataset → job → dataset: a job node's in-edges come from its inputs, its out-edges go
        // to its outputs.
        auto datasetKey = [](const QString &id) {
            return id.startsWith(QLatin1String("dataset:")) ? id.mid(8) : QString();
        };
        for (const QJsonValue &n : root.value(QStringLiteral("graph")).toArray()) {
            const QJsonObject node = n.toObject();
            if (node.value(QStringLiteral("type")).toString() != QLatin1String("JOB"))
                continue;
            const QString job = node.value(QStringLiteral("id")).toString().section(QLatin1Char(':'), 2);
            for (const QJsonValue &in : node.value(QStringLiteral("inEdges")).toArray())
                for (const QJsonValue &out : node.value(QStringLiteral("outEdges")).toArray()) {
                    const QString from = datasetKey(in.toObject().value(QStringLiteral("origin")).toString());
                    const QString to = datasetKey(out.toObject().value(QStringLiteral("destination")).toString());
                    if (from.isEmpty() || to.isEmpty())
                        continue;
                    const QString id = from + QChar(0) + to + QChar(0) + job;
                    if (m_edgeSeen.contains(id))
                        continue;
                    m_edgeSeen.insert(id);
                    m_snapshot.edges.append(LineageEdge{from, to, QStringLiteral("transform"), job});
                }
        }
    });
}

void MarquezAdapter::end()
{
    QSet<QString> keys;
    for (const Product &p : std::as_const(m_snapshot.products))
        keys.insert(p.key);
    m_snapshot.edges.removeIf([&](const LineageEdge &e) {
        return !keys.contains(e.fromKey) || !keys.contains(e.toKey);
    });
}

} // namespace Mesh
