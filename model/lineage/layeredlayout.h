// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>

#include <atomic>
#include <functional>
#include <utility>
#include <vector>

namespace Mesh {

/** What to lay out: nodes 0..nodeCount-1 and directed edges between them. */
struct LayoutGraph
{
    int nodeCount = 0;
    std::vector<std::pair<int, int>> edges;
    /** Optional per-node size (width, height); empty = LayoutOptions' card size for all. */
    std::vector<QPointF> sizes;
};

struct LayoutOptions
{
    enum class Direction { TopToBottom, LeftToRight };
    Direction direction = Direction::TopToBottom;
    double nodeWidth = 180.0;
    double nodeHeight = 56.0;
    double nodeGap = 28.0;  // between neighbours in a layer
    double layerGap = 90.0; // between layers, card edge to card edge
    double dummyWidth = 10.0; // room a long edge takes where it passes a layer
    int maxSweeps = 48;       // crossing-reduction sweeps (each down or up)
    /** Previous centre of a node (NaN = unknown): the initial order follows it, for stability. */
    std::vector<QPointF> previousPositions;
};

/** Where everything went. Edge routes start at their source card and end at their target. */
struct LayoutResult
{
    std::vector<QPointF> positions; // centre of each node
    std::vector<int> layer;         // layer of each node, 0 = top (or left)
    std::vector<std::vector<QPointF>> routes; // one polyline per edge; empty for a self-loop
    std::vector<bool> reversed;     // edges turned round to break cycles
    QRectF bounds;
    int layerCount = 0;
    long long crossings = 0;        // between adjacent layers, counted on the final order
    bool cancelled = false;
};

/**
 * A layered (Sugiyama) layout of a directed graph: cycle breaking by depth-first search,
 * longest-path layering tightened toward each node's heavier side, dummy nodes for long edges,
 * crossing reduction by alternating median/barycenter sweeps with transposition of neighbours
 * (the best order seen is kept), coordinates by weighted quadratic placement in each layer
 * (pool-adjacent-violators, so every sweep is linear), and polyline routes through the dummies.
 * Deterministic for the same input.
 *
 * Hand-written rather than bound to Graphviz or ELK because the GUI-free model may link only
 * QtCore, SQLite and libcurl, because it must be cancellable with progress from a worker thread,
 * and because lineage graphs of 50,000 nodes have to lay out in under two seconds, which neither
 * dot nor elkjs does (see `meshctl bench lineage` and the README).
 *
 * Stateless; run() may be called from any thread. Cancel flag and progress callback are optional;
 * progress is reported in percent from the calling thread.
 */
class LayeredLayout
{
public:
    explicit LayeredLayout(LayoutOptions options = {}) : m_options(std::move(options)) {}

    LayoutResult run(const LayoutGraph &graph, const std::atomic<bool> *cancel = nullptr,
                     const std::function<void(int percent)> &progress = {}) const;

private:
    LayoutOptions m_options;
};

/**
 * Edge crossings of any layered drawing, so this layout and the peers' (Graphviz, ELK) are counted
 * with one routine: each edge is a polyline from its source centre to its target centre, rank
 * lines are the distinct node centre coordinates along the layer axis (y for top-to-bottom), and
 * two edges cross between neighbouring rank lines when their order on one line is the reverse of
 * their order on the other. O(E log E) per pair of rank lines.
 */
long long countLayeredCrossings(const std::vector<QPointF> &nodeCentres,
                                const std::vector<std::pair<int, int>> &edges,
                                const std::vector<std::vector<QPointF>> &interiorPoints);

} // namespace Mesh
