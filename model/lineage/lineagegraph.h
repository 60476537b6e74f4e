// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Mesh {

class SqliteCatalogStore;
struct CatalogError;

/** Lineage is recorded at three levels; an edge joins two nodes of the same level. */
enum class LineageLevel { Product, Dataset, Column };

/** A product (id = key), a dataset (id = "namespace/name") or a column ("namespace/name#field"). */
struct LineageNode
{
    QString id;
    LineageLevel level = LineageLevel::Product;
    QString label;      // product name, dataset name or field name
    QString productKey; // the product the node belongs to, may be empty
    QString domain;
    QString ownerId;
    QString ownerName;
    QString olNamespace; // the OpenLineage dataset of a dataset or column node
    QString olName;
};

/** What a card shows beyond its name: the product's freshness SLA and its column list. */
struct LineageCardDetails
{
    int freshnessSlaHours = 0; // 0 = no SLA, no badge
    QDateTime updatedAt;       // last update of the product, UTC; invalid when unknown
    QStringList columns;       // catalog columns or OpenLineage dataset fields, in order
};

/** A column-level edge between two cards of a (sub)graph: from a column of one to a column of another. */
struct LineageColumnEdge
{
    QString fromCard;
    QString fromColumn;
    QString toCard;
    QString toColumn;
    QString kind;
};

struct LineageLink
{
    int from = 0;
    int to = 0;
    QString kind; // copy, transform, aggregate
    QString job;
    QString source; // who reported it (OpenLineage producer), empty for catalog edges
};

/** A downstream product the impact analysis found, with the people to tell. */
struct ImpactEntry
{
    QString productKey;
    QString productName;
    QString domain;
    QString ownerId;
    QString ownerName;
    int distance = 0; // edges from the analysed node
};

/**
 * The lineage of a catalog as an in-memory graph for queries, exports and the layout: products,
 * OpenLineage datasets and their columns, with the edges of each level. A plain value built once
 * (load()) and then only read, so it can be handed to worker threads.
 */
class LineageGraph
{
public:
    static constexpr int kAll = -1;

    /** Reads every node and edge of the catalog; false with error set when it cannot. */
    static bool load(const SqliteCatalogStore &store, LineageGraph *graph, CatalogError *error);

    int addNode(const LineageNode &node); // returns the existing index for a known id
    void addLink(const LineageLink &link); // duplicates (same ends and job) are merged

    qsizetype nodeCount() const { return m_nodes.size(); }
    qsizetype linkCount() const { return m_links.size(); }
    const LineageNode &node(int index) const { return m_nodes.at(index); }
    const LineageLink &link(int index) const { return m_links.at(index); }
    const QList<LineageNode> &nodes() const { return m_nodes; }
    const QList<LineageLink> &links() const { return m_links; }
    const std::vector<int> &outLinks(int node) const { return m_out.at(size_t(node)); }
    const std::vector<int> &inLinks(int node) const { return m_in.at(size_t(node)); }

    /** The node with this id, else the one node whose label is text (case-insensitive); -1. */
    int find(const QString &text) const;

    /** Nodes within up edges upstream and down edges downstream (kAll = no limit), start first. */
    QList<int> neighbourhood(int start, int up, int down) const;
    /** The shortest directed path from a to b (or from b to a), as node indexes; empty if none. */
    QList<int> shortestPath(int a, int b) const;
    /**
     * Every product downstream of start: through its own level, then from each product reached
     * (a dataset or column counts for the product it belongs to) through the product graph.
     */
    QList<ImpactEntry> impact(int start) const;

    /**
     * The graph of the given nodes and the links between them. Each card keeps its details, gains
     * the columns that column-level lineage knows for it, and the column edges between two of its
     * cards (a column counts for its dataset's card, else its product's) are kept in columnEdges().
     */
    LineageGraph subgraph(const QList<int> &nodes) const;

    void setDetails(const QString &id, const LineageCardDetails &details);
    /** The details of a node by id; nullptr when it has none. */
    const LineageCardDetails *details(const QString &id) const;
    /** Column edges between cards of this graph (filled by subgraph()). */
    const QList<LineageColumnEdge> &columnEdges() const { return m_columnEdges; }

private:
    QList<LineageNode> m_nodes;
    QList<LineageLink> m_links;
    std::vector<std::vector<int>> m_out;
    std::vector<std::vector<int>> m_in;
    QHash<QString, int> m_index;
    QHash<QString, LineageCardDetails> m_details;
    std::vector<int> m_columnLinks; // links between column nodes
    QList<LineageColumnEdge> m_columnEdges;
};

/** Writers of a lineage graph: Graphviz DOT and OpenLineage-compatible RunEvents. */
namespace LineageExport {
QByteArray toDot(const LineageGraph &graph, const QString &focusId = {});
/**
 * A JSON array of OpenLineage 2-0-2 COMPLETE RunEvents, one per job: datasets as inputs and
 * outputs, column edges in the columnLineage facet; products without datasets appear as datasets
 * of namespace "mesh". Importing it again gives the same graph.
 */
QByteArray toOpenLineage(const LineageGraph &graph);
} // namespace LineageExport

} // namespace Mesh
