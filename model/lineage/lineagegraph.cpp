// SPDX-License-Identifier: MIT
#include "lineage/lineagegraph.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <deque>

namespace Mesh {

namespace {

QString datasetId(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

} // namespace

int LineageGraph::addNode(const LineageNode &node)
{
    if (const auto it = m_index.constFind(node.id); it != m_index.constEnd())
        return it.value();
    const int index = int(m_nodes.size());
    m_nodes.append(node);
    m_out.emplace_back();
    m_in.emplace_back();
    m_index.insert(node.id, index);
    return index;
}

void LineageGraph::addLink(const LineageLink &link)
{
    for (const int existing : m_out.at(size_t(link.from))) {
        const LineageLink &other = m_links.at(existing);
        if (other.to == link.to && other.job == link.job)
            return;
    }
    const int index = int(m_links.size());
    m_links.append(link);
    m_out[size_t(link.from)].push_back(index);
    m_in[size_t(link.to)].push_back(index);
    if (m_nodes.at(link.from).level == LineageLevel::Column && m_nodes.at(link.to).level == LineageLevel::Column)
        m_columnLinks.push_back(index);
}

void LineageGraph::setDetails(const QString &id, const LineageCardDetails &details)
{
    m_details.insert(id, details);
}

const LineageCardDetails *LineageGraph::details(const QString &id) const
{
    const auto it = m_details.constFind(id);
    return it == m_details.constEnd() ? nullptr : &it.value();
}

bool LineageGraph::load(const SqliteCatalogStore &store, LineageGraph *graph, CatalogError *error)
{
    *graph = {};
    Database &db = store.database();
    const auto failed = [&](const Statement &st) {
        if (error)
            *error = {CatalogError::Code::Io,
                      QStringLiteral("Reading lineage from “%1” failed: %2").arg(store.path(), st.lastError())};
        return false;
    };
    QHash<qint64, int> productIndex;
    {
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT p.id, p.key, p.name, coalesce(d.name, ''), coalesce(p.owner_id, ''), "
            "coalesce(u.display_name, ''), p.freshness_sla_hours, coalesce(p.updated_at, '') FROM products p LEFT JOIN domains d ON d.id = p.domain_id "
            "LEFT JOIN users u ON u.id = p.owner_id ORDER BY p.id"));
        while (st.step()) {
            const QString key = st.text(1);
            productIndex.insert(st.integer(0),
                                graph->addNode({key, LineageLevel::Product, st.text(2), key,
                                                st.text(3), st.text(4), st.text(5), {}, {}}));
            LineageCardDetails details;
            details.freshnessSlaHours = int(st.integer(6));
            details.updatedAt = QDateTime::fromString(st.text(7), Qt::ISODateWithMs).toUTC();
            graph->setDetails(key, details);
        }
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    {
        // The catalog's columns of each product, dataset by dataset.
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT p.key, c.name FROM columns c JOIN datasets d ON d.id = c.dataset_id "
            "JOIN products p ON p.id = d.product_id ORDER BY p.id, d.position, c.position"));
        while (st.step()) {
            const QString key = st.text(0);
            if (LineageCardDetails *details = graph->m_details.contains(key) ? &graph->m_details[key] : nullptr)
                details->columns.append(st.text(1));
        }
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    {
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT from_id, to_id, kind, job_name FROM lineage_edges ORDER BY id"));
        while (st.step())
            graph->addLink({productIndex.value(st.integer(0)), productIndex.value(st.integer(1)),
                            st.text(2), st.text(3), {}});
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    // OpenLineage datasets exist only from schema 4 on; older read-only catalogs have none.
    if (store.schemaVersion() < 4)
        return true;
    QHash<qint64, int> datasetIndex;
    {
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT ds.id, ds.namespace, ds.name, coalesce(p.key, '') FROM ol_datasets ds "
            "LEFT JOIN products p ON p.id = ds.product_id ORDER BY ds.id"));
        while (st.step()) {
            LineageNode node{datasetId(st.text(1), st.text(2)), LineageLevel::Dataset, st.text(2),
                             st.text(3), {}, {}, {}, st.text(1), st.text(2)};
            if (!node.productKey.isEmpty()) {
                const LineageNode &product = graph->node(graph->find(node.productKey));
                node.domain = product.domain;
                node.ownerId = product.ownerId;
                node.ownerName = product.ownerName;
            }
            LineageCardDetails details;
            if (const LineageCardDetails *product = graph->details(node.productKey)) {
                details.freshnessSlaHours = product->freshnessSlaHours;
                details.updatedAt = product->updatedAt;
            }
            graph->setDetails(node.id, details);
            datasetIndex.insert(st.integer(0), graph->addNode(node));
        }
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    {
        // The fields of each OpenLineage dataset (its schema facet).
        Statement st = db.prepareOnce(QStringLiteral("SELECT dataset_id, name FROM ol_fields ORDER BY dataset_id, id"));
        while (st.step()) {
            const auto it = datasetIndex.constFind(st.integer(0));
            if (it == datasetIndex.constEnd())
                continue;
            const QString id = graph->node(it.value()).id;
            if (graph->m_details.contains(id))
                graph->m_details[id].columns.append(st.text(1));
        }
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    {
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT from_id, to_id, kind, job_namespace || '.' || job_name, source "
            "FROM dataset_lineage ORDER BY id"));
        while (st.step())
            graph->addLink({datasetIndex.value(st.integer(0)), datasetIndex.value(st.integer(1)),
                            st.text(2), st.text(3), st.text(4)});
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    {
        QHash<qint64, int> fieldIndex;
        const auto field = [&](qint64 id, qint64 dataset, const QString &name) {
            if (const auto it = fieldIndex.constFind(id); it != fieldIndex.constEnd())
                return it.value();
            LineageNode node = graph->node(datasetIndex.value(dataset));
            node.id += QLatin1Char('#') + name;
            node.level = LineageLevel::Column;
            node.label = name;
            const int index = graph->addNode(node);
            fieldIndex.insert(id, index);
            return index;
        };
        Statement st = db.prepareOnce(QStringLiteral(
            "SELECT f.id, f.dataset_id, f.name, t.id, t.dataset_id, t.name, cl.kind, "
            "cl.job_namespace || '.' || cl.job_name, cl.source FROM column_lineage cl "
            "JOIN ol_fields f ON f.id = cl.from_field_id JOIN ol_fields t ON t.id = cl.to_field_id "
            "ORDER BY cl.id"));
        while (st.step()) {
            const int from = field(st.integer(0), st.integer(1), st.text(2));
            const int to = field(st.integer(3), st.integer(4), st.text(5));
            graph->addLink({from, to, st.text(6), st.text(7), st.text(8)});
        }
        if (!st.lastError().isEmpty())
            return failed(st);
    }
    return true;
}

int LineageGraph::find(const QString &text) const
{
    if (const auto it = m_index.constFind(text); it != m_index.constEnd())
        return it.value();
    int found = -1;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).label.compare(text, Qt::CaseInsensitive) == 0) {
            if (found >= 0)
                return -1; // ambiguous
            found = i;
        }
    }
    return found;
}

QList<int> LineageGraph::neighbourhood(int start, int up, int down) const
{
    QList<int> result{start};
    QSet<int> seen{start};
    for (const bool downstream : {false, true}) {
        const int limit = downstream ? down : up;
        std::deque<std::pair<int, int>> queue{{start, 0}};
        QSet<int> visited{start};
        while (!queue.empty()) {
            const auto [node, depth] = queue.front();
            queue.pop_front();
            if (limit != kAll && depth >= limit)
                continue;
            const auto &links = downstream ? m_out.at(size_t(node)) : m_in.at(size_t(node));
            for (const int l : links) {
                const int next = downstream ? m_links.at(l).to : m_links.at(l).from;
                if (visited.contains(next))
                    continue;
                visited.insert(next);
                queue.emplace_back(next, depth + 1);
                if (!seen.contains(next)) {
                    seen.insert(next);
                    result.append(next);
                }
            }
        }
    }
    return result;
}

QList<int> LineageGraph::shortestPath(int a, int b) const
{
    const auto directed = [this](int from, int to) -> QList<int> {
        std::vector<int> parent(size_t(m_nodes.size()), -2);
        std::deque<int> queue{from};
        parent[size_t(from)] = -1;
        while (!queue.empty()) {
            const int node = queue.front();
            queue.pop_front();
            if (node == to) {
                QList<int> path;
                for (int n = to; n != -1; n = parent[size_t(n)])
                    path.prepend(n);
                return path;
            }
            for (const int l : m_out.at(size_t(node))) {
                const int next = m_links.at(l).to;
                if (parent[size_t(next)] == -2) {
                    parent[size_t(next)] = node;
                    queue.push_back(next);
                }
            }
        }
        return {};
    };
    if (a < 0 || b < 0)
        return {};
    QList<int> path = directed(a, b);
    if (path.isEmpty())
        path = directed(b, a);
    return path;
}

QList<ImpactEntry> LineageGraph::impact(int start) const
{
    // Breadth-first, so each product gets its shortest distance.
    std::vector<int> distance(size_t(m_nodes.size()), -1);
    std::deque<int> queue{start};
    distance[size_t(start)] = 0;
    QMap<QString, int> products; // key → distance
    while (!queue.empty()) {
        const int node = queue.front();
        queue.pop_front();
        const LineageNode &n = m_nodes.at(node);
        const int d = distance[size_t(node)];
        if (node != start && !n.productKey.isEmpty()) {
            const int product = find(n.productKey);
            const auto it = products.constFind(n.productKey);
            if (it == products.constEnd() || it.value() > d)
                products.insert(n.productKey, d);
            // A dataset or column reached: its product's downstream is affected too.
            if (product >= 0 && distance[size_t(product)] < 0) {
                distance[size_t(product)] = d;
                queue.push_back(product);
            }
        }
        for (const int l : m_out.at(size_t(node))) {
            const int next = m_links.at(l).to;
            if (distance[size_t(next)] < 0) {
                distance[size_t(next)] = d + 1;
                queue.push_back(next);
            }
        }
    }
    // The analysed node's own product is not "affected" by itself.
    products.remove(m_nodes.at(start).productKey);
    QList<ImpactEntry> result;
    for (auto it = products.constBegin(); it != products.constEnd(); ++it) {
        const LineageNode &p = m_nodes.at(find(it.key()));
        result.append({p.productKey, p.label, p.domain, p.ownerId, p.ownerName, it.value()});
    }
    std::stable_sort(result.begin(), result.end(), [](const ImpactEntry &x, const ImpactEntry &y) {
        return x.distance < y.distance;
    });
    return result;
}

LineageGraph LineageGraph::subgraph(const QList<int> &nodes) const
{
    LineageGraph sub;
    QHash<int, int> map;
    for (const int n : nodes) {
        map.insert(n, sub.addNode(m_nodes.at(n)));
        if (const LineageCardDetails *d = details(m_nodes.at(n).id))
            sub.m_details.insert(m_nodes.at(n).id, *d);
    }
    // A column counts for the card of its dataset if shown, else for its product's card.
    const auto cardOf = [&](int column) -> QString {
        const LineageNode &c = m_nodes.at(column);
        const QString dataset = c.id.left(c.id.lastIndexOf(QLatin1Char('#')));
        if (sub.m_index.contains(dataset) && dataset != c.id)
            return dataset;
        if (!c.productKey.isEmpty() && sub.m_index.contains(c.productKey))
            return c.productKey;
        return {};
    };
    const auto addColumn = [&](const QString &card, const QString &column) {
        QStringList &columns = sub.m_details[card].columns;
        if (!columns.contains(column))
            columns.append(column);
    };
    for (const int l : m_columnLinks) {
        const LineageLink &link = m_links.at(l);
        const QString from = cardOf(link.from), to = cardOf(link.to);
        if (from.isEmpty() || to.isEmpty())
            continue;
        const QString fromColumn = m_nodes.at(link.from).label, toColumn = m_nodes.at(link.to).label;
        addColumn(from, fromColumn);
        addColumn(to, toColumn);
        sub.m_columnEdges.append({from, fromColumn, to, toColumn, link.kind});
    }
    for (const int n : nodes) {
        for (const int l : m_out.at(size_t(n))) {
            LineageLink link = m_links.at(l);
            const auto to = map.constFind(link.to);
            if (to == map.constEnd())
                continue;
            link.from = map.value(n);
            link.to = to.value();
            sub.addLink(link);
        }
    }
    return sub;
}

namespace LineageExport {

namespace {
QByteArray dotQuote(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return '"' + escaped.toUtf8() + '"';
}
} // namespace

QByteArray toDot(const LineageGraph &graph, const QString &focusId)
{
    QByteArray out = "digraph lineage {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
    for (const LineageNode &n : graph.nodes()) {
        QString label = n.label;
        if (!n.ownerName.isEmpty())
            label += QStringLiteral("\\n") + n.ownerName;
        out += "  " + dotQuote(n.id) + " [label=" + dotQuote(label).replace("\\\\n", "\\n");
        if (n.id == focusId)
            out += ", penwidth=3";
        out += "];\n";
    }
    for (const LineageLink &l : graph.links()) {
        out += "  " + dotQuote(graph.node(l.from).id) + " -> " + dotQuote(graph.node(l.to).id);
        QStringList about;
        if (!l.kind.isEmpty())
            about << l.kind;
        if (!l.job.isEmpty())
            about << l.job;
        if (!about.isEmpty())
            out += " [label=" + dotQuote(about.join(QStringLiteral(" · "))) + ']';
        out += ";\n";
    }
    out += "}\n";
    return out;
}

QByteArray toOpenLineage(const LineageGraph &graph)
{
    // A node's dataset: itself, its column's dataset, or a product as dataset "mesh"/key.
    const auto datasetOf = [](const LineageNode &n) -> std::pair<QString, QString> {
        if (n.level == LineageLevel::Product)
            return {QStringLiteral("mesh"), n.id};
        return {n.olNamespace, n.olName};
    };
    struct Job
    {
        QMap<std::pair<QString, QString>, bool> inputs, outputs;
        // output dataset → output field → input (dataset, field, kind)
        QMap<std::pair<QString, QString>, QMap<QString, QJsonArray>> columns;
    };
    QMap<QString, Job> jobs;
    for (const LineageLink &l : graph.links()) {
        const LineageNode &from = graph.node(l.from);
        const LineageNode &to = graph.node(l.to);
        const QString jobName = l.job.isEmpty() ? from.id + QStringLiteral(" -> ") + to.id : l.job;
        Job &job = jobs[jobName];
        const auto in = datasetOf(from);
        const auto out = datasetOf(to);
        job.inputs.insert(in, true);
        job.outputs.insert(out, true);
        if (from.level == LineageLevel::Column) {
            const QString subtype = l.kind == QStringLiteral("copy") ? QStringLiteral("IDENTITY")
                                    : l.kind == QStringLiteral("aggregate") ? QStringLiteral("AGGREGATION")
                                                                            : QStringLiteral("TRANSFORMATION");
            job.columns[out][to.label].append(QJsonObject{
                {QStringLiteral("namespace"), in.first},
                {QStringLiteral("name"), in.second},
                {QStringLiteral("field"), from.label},
                {QStringLiteral("transformations"),
                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("DIRECT")},
                                        {QStringLiteral("subtype"), subtype}}}}});
        }
    }
    QJsonArray events;
    int runNumber = 0;
    for (auto it = jobs.constBegin(); it != jobs.constEnd(); ++it) {
        const qsizetype dot = it.key().indexOf(QLatin1Char('.'));
        const bool qualified = dot > 0 && !it.key().contains(QStringLiteral(" -> "));
        QJsonArray inputs, outputs;
        for (auto in = it->inputs.constBegin(); in != it->inputs.constEnd(); ++in)
            inputs.append(QJsonObject{{QStringLiteral("namespace"), in.key().first},
                                      {QStringLiteral("name"), in.key().second}});
        for (auto out = it->outputs.constBegin(); out != it->outputs.constEnd(); ++out) {
            QJsonObject ds{{QStringLiteral("namespace"), out.key().first},
                           {QStringLiteral("name"), out.key().second}};
            const auto columns = it->columns.constFind(out.key());
            if (columns != it->columns.constEnd()) {
                QJsonObject fields;
                for (auto f = columns->constBegin(); f != columns->constEnd(); ++f)
                    fields.insert(f.key(), QJsonObject{{QStringLiteral("inputFields"), f.value()}});
                ds.insert(QStringLiteral("facets"),
                          QJsonObject{{QStringLiteral("columnLineage"),
                                       QJsonObject{{QStringLiteral("_producer"), QStringLiteral("https://github.com/mesh-explorer")},
                                                   {QStringLiteral("_schemaURL"), QStringLiteral("https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json")},
                                                   {QStringLiteral("fields"), fields}}}});
            }
            outputs.append(ds);
        }
        events.append(QJsonObject{
            {QStringLiteral("eventType"), QStringLiteral("COMPLETE")},
            {QStringLiteral("eventTime"), QStringLiteral("1970-01-01T00:00:00.000Z")},
            {QStringLiteral("producer"), QStringLiteral("https://github.com/mesh-explorer/meshctl")},
            {QStringLiteral("schemaURL"), QStringLiteral("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent")},
            {QStringLiteral("run"), QJsonObject{{QStringLiteral("runId"),
                                                 QStringLiteral("00000000-0000-4000-8000-%1").arg(++runNumber, 12, 10, QLatin1Char('0'))}}},
            {QStringLiteral("job"), QJsonObject{{QStringLiteral("namespace"), qualified ? it.key().left(dot) : QStringLiteral("mesh")},
                                                {QStringLiteral("name"), qualified ? it.key().mid(dot + 1) : it.key()}}},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("outputs"), outputs}});
    }
    return QJsonDocument(events).toJson(QJsonDocument::Indented);
}

} // namespace LineageExport

} // namespace Mesh
