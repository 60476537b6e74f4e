// SPDX-License-Identifier: MIT
#include "federation/datahubadapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Mesh {

QByteArray DataHubAdapter::query()
{
    return QByteArrayLiteral(R"GQL(query meshExplorerDatasets($input: SearchAcrossEntitiesInput!) {
  searchAcrossEntities(input: $input) {
    start count total
    searchResults {
      entity {
        urn type
        ... on Dataset {
          name
          platform { name }
          properties { name description }
          editableProperties { description }
          domain { domain { properties { name } } }
          ownership { owners { owner { ... on CorpUser { username properties { displayName } } ... on CorpGroup { name } } } }
          globalTags { tags { tag { name } } }
          schemaMetadata { fields { fieldPath nativeDataType description
            globalTags { tags { tag { name } } } } }
          upstream: lineage(input: {direction: UPSTREAM, start: 0, count: 100}) {
            relationships { type entity { urn } }
          }
        }
      }
    }
  }
})GQL");
}

void DataHubAdapter::begin()
{
    fetchPage(0);
}

void DataHubAdapter::fetchPage(int start)
{
    const QByteArray url = apiUrl(QStringLiteral("/api/graphql"));
    const QJsonObject input{{QStringLiteral("types"), QJsonArray{QStringLiteral("DATASET")}},
                            {QStringLiteral("query"), QStringLiteral("*")},
                            {QStringLiteral("start"), start},
                            {QStringLiteral("count"), kPageSize}};
    const QJsonObject request{
        {QStringLiteral("query"), QString::fromUtf8(query())},
        {QStringLiteral("variables"), QJsonObject{{QStringLiteral("input"), input}}}};
    post(url, QJsonDocument(request).toJson(QJsonDocument::Compact),
         [this, url, start](const QByteArray &body, const QByteArray &type) {
        QJsonObject root;
        if (!parseJsonObject(url, body, type, &root))
            return;
        const QJsonArray errors = root.value(QStringLiteral("errors")).toArray();
        if (!errors.isEmpty()) {
            fail(QStringLiteral("%1 refused the GraphQL query: %2")
                     .arg(where(url), errors.first().toObject().value(QStringLiteral("message")).toString()));
            return;
        }
        const QJsonObject result = root.value(QStringLiteral("data")).toObject()
                                       .value(QStringLiteral("searchAcrossEntities")).toObject();
        if (!result.value(QStringLiteral("searchResults")).isArray()) {
            fail(QStringLiteral("%1 sent no searchAcrossEntities results: is this DataHub's "
                                "GraphQL endpoint (…/api/graphql)?")
                     .arg(where(url)));
            return;
        }
        const QJsonArray results = result.value(QStringLiteral("searchResults")).toArray();
        int fresh = 0; // products not seen on an earlier page
        for (const QJsonValue &v : results) {
            const QJsonObject e = v.toObject().value(QStringLiteral("entity")).toObject();
            const QJsonObject props = e.value(QStringLiteral("properties")).toObject();
            Product p;
            p.key = e.value(QStringLiteral("urn")).toString();
            p.name = props.value(QStringLiteral("name")).toString();
            if (p.name.isEmpty())
                p.name = e.value(QStringLiteral("name")).toString();
            if (p.key.isEmpty() || p.name.isEmpty()) {
                m_snapshot.warnings << QStringLiteral("skipped a dataset without urn or name");
                continue;
            }
            p.description = e.value(QStringLiteral("editableProperties")).toObject()
                                .value(QStringLiteral("description")).toString();
            if (p.description.isEmpty())
                p.description = props.value(QStringLiteral("description")).toString();
            const QString platform = e.value(QStringLiteral("platform")).toObject()
                                         .value(QStringLiteral("name")).toString();
            p.sourceSystem = platform.isEmpty() ? QStringLiteral("DataHub")
                                                : QStringLiteral("DataHub (%1)").arg(platform);
            p.domain = e.value(QStringLiteral("domain")).toObject().value(QStringLiteral("domain"))
                           .toObject().value(QStringLiteral("properties")).toObject()
                           .value(QStringLiteral("name")).toString();
            for (const QJsonValue &o : e.value(QStringLiteral("ownership")).toObject()
                                           .value(QStringLiteral("owners")).toArray()) {
                const QJsonObject owner = o.toObject().value(QStringLiteral("owner")).toObject();
                QString id = owner.value(QStringLiteral("username")).toString();
                if (id.isEmpty())
                    id = owner.value(QStringLiteral("name")).toString();
                if (id.isEmpty())
                    continue;
                p.ownerId = id;
                m_snapshot.users.append(User{id,
                                             owner.value(QStringLiteral("properties")).toObject()
                                                 .value(QStringLiteral("displayName")).toString(),
                                             {}, {}, {}});
                break;
            }
            for (const QJsonValue &t : e.value(QStringLiteral("globalTags")).toObject()
                                           .value(QStringLiteral("tags")).toArray())
                p.tags << t.toObject().value(QStringLiteral("tag")).toObject()
                              .value(QStringLiteral("name")).toString();
            p.tags.removeAll(QString());
            Dataset ds;
            ds.name = p.name;
            ds.format = platform;
            ds.location = p.key;
            for (const QJsonValue &f : e.value(QStringLiteral("schemaMetadata")).toObject()
                                           .value(QStringLiteral("fields")).toArray()) {
                const QJsonObject field = f.toObject();
                Column c;
                c.name = field.value(QStringLiteral("fieldPath")).toString();
                c.type = field.value(QStringLiteral("nativeDataType")).toString();
                c.description = field.value(QStringLiteral("description")).toString();
                for (const QJsonValue &t : field.value(QStringLiteral("globalTags")).toObject()
                                               .value(QStringLiteral("tags")).toArray()) {
                    const QString tag = t.toObject().value(QStringLiteral("tag")).toObject()
                                            .value(QStringLiteral("name")).toString();
                    if (tag == QLatin1String("PII.Sensitive") || tag == QLatin1String("PII.NonSensitive"))
                        c.classification = tag;
                    else if (!tag.isEmpty())
                        c.tags << tag;
                }
                if (!c.name.isEmpty())
                    ds.columns.append(c);
            }
            p.datasets.append(ds);
            for (const QJsonValue &r : e.value(QStringLiteral("upstream")).toObject()
                                           .value(QStringLiteral("relationships")).toArray()) {
                const QString from = r.toObject().value(QStringLiteral("entity")).toObject()
                                         .value(QStringLiteral("urn")).toString();
                if (!from.isEmpty())
                    m_snapshot.edges.append(LineageEdge{from, p.key, QStringLiteral("transform"), {}});
            }
            if (notePagedKey(p.key))
                ++fresh;
            m_snapshot.products.append(p);
        }
        const int total = result.value(QStringLiteral("total")).toInt();
        const int next = start + int(results.size());
        if (!results.isEmpty() && next < total) {
            if (fresh > 0)
                fetchPage(next);
            else
                stopPaging(where(url));
        }
    });
}

void DataHubAdapter::end()
{
    // Upstream entities that are not datasets of this source (jobs, charts) are left out.
    QSet<QString> keys;
    for (const Product &p : std::as_const(m_snapshot.products))
        keys.insert(p.key);
    const qsizetype before = m_snapshot.edges.size();
    m_snapshot.edges.removeIf([&](const LineageEdge &e) { return !keys.contains(e.fromKey); });
    if (const qsizetype dropped = before - m_snapshot.edges.size(); dropped > 0)
        m_snapshot.warnings << QStringLiteral("%1 upstream relationship(s) lead to entities that "
                                              "are not datasets of this source and were left out")
                                   .arg(dropped);
}

} // namespace Mesh
