// SPDX-License-Identifier: MIT
#include "lineage/layeredlayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Mesh {

namespace {

/** Counts, for a sequence of values, the pairs i < j with v[i] > v[j]. */
class Fenwick
{
public:
    explicit Fenwick(size_t n) : m_tree(n + 1, 0) {}
    void add(size_t i)
    {
        for (++i; i < m_tree.size(); i += i & (~i + 1))
            ++m_tree[i];
    }
    long long prefix(size_t i) const // count of values <= i
    {
        long long s = 0;
        for (++i; i > 0; i -= i & (~i + 1))
            s += m_tree[i];
        return s;
    }
    void clear(size_t n) { m_tree.assign(n + 1, 0); }

private:
    std::vector<long long> m_tree;
};

/** The proper layered graph: real nodes then dummies, adjacency between neighbouring layers. */
struct Layered
{
    int realCount = 0;
    std::vector<int> layerOf;
    std::vector<double> along;          // extent along the layer
    std::vector<std::vector<int>> up;   // neighbours in the layer above
    std::vector<std::vector<int>> down; // neighbours in the layer below
    std::vector<std::vector<int>> layers;
    std::vector<int> pos; // index within its layer

    bool isDummy(int v) const { return v >= realCount; }

    void renumber(int l)
    {
        const auto &nodes = layers[size_t(l)];
        for (size_t i = 0; i < nodes.size(); ++i)
            pos[size_t(nodes[i])] = int(i);
    }

    long long crossingsBelow(int l, Fenwick &fenwick, std::vector<int> &scratch) const
    {
        const auto &upper = layers[size_t(l)];
        fenwick.clear(layers[size_t(l) + 1].size());
        long long crossings = 0;
        long long seen = 0;
        for (const int u : upper) {
            scratch.clear();
            for (const int v : down[size_t(u)])
                scratch.push_back(pos[size_t(v)]);
            std::sort(scratch.begin(), scratch.end());
            for (const int p : scratch) {
                crossings += seen - fenwick.prefix(size_t(p));
                fenwick.add(size_t(p));
                ++seen;
            }
        }
        return crossings;
    }

    long long crossings() const
    {
        Fenwick fenwick(0);
        std::vector<int> scratch;
        long long total = 0;
        for (int l = 0; l + 1 < int(layers.size()); ++l)
            total += crossingsBelow(l, fenwick, scratch);
        return total;
    }
};

/** Crossings between the edges of u and of v when u stands left of v. */
long long pairCrossings(const std::vector<int> &nu, const std::vector<int> &nv, const std::vector<int> &pos)
{
    long long c = 0;
    for (const int a : nu)
        for (const int b : nv)
            c += pos[size_t(a)] > pos[size_t(b)];
    return c;
}

double median(std::vector<double> &values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

LayoutResult LayeredLayout::run(const LayoutGraph &graph, const std::atomic<bool> *cancel,
                                const std::function<void(int)> &progress) const
{
    LayoutResult result;
    const int n = graph.nodeCount;
    const auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    const auto report = [&](int percent) {
        if (progress)
            progress(percent);
    };
    const bool lr = m_options.direction == LayoutOptions::Direction::LeftToRight;
    const auto sizeOf = [&](int v) {
        return v < int(graph.sizes.size()) ? graph.sizes[size_t(v)]
                                           : QPointF(m_options.nodeWidth, m_options.nodeHeight);
    };
    const size_t m = graph.edges.size();
    result.reversed.assign(m, false);
    result.routes.assign(m, {});

    // 1. Cycle breaking. Edges between strongly connected components never close a cycle, so only
    // edges inside a component are candidates: a depth-first search of each component, entered
    // where the rest of the graph enters it, reverses the edges that lead back onto its stack.
    // For lineage, where a cycle is a job writing back into an upstream table, that reverses the
    // one edge that closes the loop rather than a chain of forward edges.
    {
        std::vector<std::vector<int>> outEdges(static_cast<size_t>(n));
        for (size_t e = 0; e < m; ++e) {
            const auto [u, v] = graph.edges[e];
            if (u == v || u < 0 || v < 0 || u >= n || v >= n)
                continue;
            outEdges[size_t(u)].push_back(int(e));
        }
        // Tarjan's algorithm, iterative.
        std::vector<int> index(static_cast<size_t>(n), -1), low(static_cast<size_t>(n), 0);
        std::vector<int> component(static_cast<size_t>(n), -1);
        std::vector<char> onStack(static_cast<size_t>(n), 0);
        std::vector<int> stack;
        std::vector<std::pair<int, size_t>> calls;
        int counter = 0, components = 0;
        for (int root = 0; root < n; ++root) {
            if (index[size_t(root)] >= 0)
                continue;
            calls.emplace_back(root, 0);
            while (!calls.empty()) {
                auto &[v, next] = calls.back();
                if (next == 0 && index[size_t(v)] < 0) {
                    index[size_t(v)] = low[size_t(v)] = counter++;
                    stack.push_back(v);
                    onStack[size_t(v)] = 1;
                }
                if (next < outEdges[size_t(v)].size()) {
                    const int w = graph.edges[size_t(outEdges[size_t(v)][next++])].second;
                    if (index[size_t(w)] < 0)
                        calls.emplace_back(w, 0);
                    else if (onStack[size_t(w)])
                        low[size_t(v)] = std::min(low[size_t(v)], index[size_t(w)]);
                    continue;
                }
                if (low[size_t(v)] == index[size_t(v)]) {
                    int w;
                    do {
                        w = stack.back();
                        stack.pop_back();
                        onStack[size_t(w)] = 0;
                        component[size_t(w)] = components;
                    } while (w != v);
                    ++components;
                }
                const int finished = v;
                calls.pop_back();
                if (!calls.empty())
                    low[size_t(calls.back().first)] =
                        std::min(low[size_t(calls.back().first)], low[size_t(finished)]);
            }
        }
        std::vector<char> entry(static_cast<size_t>(n), 0);
        for (size_t e = 0; e < m; ++e) {
            const auto [u, v] = graph.edges[e];
            if (u == v || u < 0 || v < 0 || u >= n || v >= n)
                continue;
            if (component[size_t(u)] != component[size_t(v)])
                entry[size_t(v)] = 1;
        }
        std::vector<int> roots;
        for (int v = 0; v < n; ++v)
            if (entry[size_t(v)])
                roots.push_back(v);
        for (int v = 0; v < n; ++v)
            if (!entry[size_t(v)])
                roots.push_back(v);
        std::vector<char> state(static_cast<size_t>(n), 0);
        std::vector<std::pair<int, size_t>> dfs;
        for (const int root : roots) {
            if (state[size_t(root)])
                continue;
            state[size_t(root)] = 1;
            dfs.emplace_back(root, 0);
            while (!dfs.empty()) {
                auto &[u, next] = dfs.back();
                if (next < outEdges[size_t(u)].size()) {
                    const int e = outEdges[size_t(u)][next++];
                    const int v = graph.edges[size_t(e)].second;
                    if (component[size_t(v)] != component[size_t(u)])
                        continue;
                    if (state[size_t(v)] == 1)
                        result.reversed[size_t(e)] = true;
                    else if (state[size_t(v)] == 0) {
                        state[size_t(v)] = 1;
                        dfs.emplace_back(v, 0);
                    }
                } else {
                    state[size_t(u)] = 2;
                    dfs.pop_back();
                }
            }
        }
    }
    if (cancelled()) {
        result.cancelled = true;
        return result;
    }
    report(5);

    // 2. Layering: longest path, then each node moves toward the side with more edges.
    std::vector<std::vector<int>> succ(static_cast<size_t>(n)), pred(static_cast<size_t>(n));
    for (size_t e = 0; e < m; ++e) {
        auto [u, v] = graph.edges[e];
        if (u == v || u < 0 || v < 0 || u >= n || v >= n)
            continue;
        if (result.reversed[e])
            std::swap(u, v);
        succ[size_t(u)].push_back(v);
        pred[size_t(v)].push_back(u);
    }
    std::vector<int> topo;
    topo.reserve(size_t(n));
    {
        std::vector<int> in(static_cast<size_t>(n));
        for (int v = 0; v < n; ++v) {
            in[size_t(v)] = int(pred[size_t(v)].size());
            if (in[size_t(v)] == 0)
                topo.push_back(v);
        }
        for (size_t i = 0; i < topo.size(); ++i)
            for (const int v : succ[size_t(topo[i])])
                if (--in[size_t(v)] == 0)
                    topo.push_back(v);
    }
    std::vector<int> layer(size_t(n), 0);
    for (const int u : topo)
        for (const int v : succ[size_t(u)])
            layer[size_t(v)] = std::max(layer[size_t(v)], layer[size_t(u)] + 1);
    for (int pass = 0; pass < 8; ++pass) {
        for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
            const int v = *it;
            if (succ[size_t(v)].empty() || succ[size_t(v)].size() < pred[size_t(v)].size())
                continue;
            int lowest = std::numeric_limits<int>::max();
            for (const int s : succ[size_t(v)])
                lowest = std::min(lowest, layer[size_t(s)]);
            layer[size_t(v)] = std::max(layer[size_t(v)], lowest - 1);
        }
        for (const int v : topo) {
            if (pred[size_t(v)].empty() || pred[size_t(v)].size() <= succ[size_t(v)].size())
                continue;
            int highest = 0;
            for (const int p : pred[size_t(v)])
                highest = std::max(highest, layer[size_t(p)] + 1);
            layer[size_t(v)] = std::min(layer[size_t(v)], highest);
        }
    }
    int layerCount = n > 0 ? 1 : 0;
    for (int v = 0; v < n; ++v)
        layerCount = std::max(layerCount, layer[size_t(v)] + 1);
    report(10);

    // 3. The proper layered graph: a dummy node wherever an edge passes a layer.
    Layered g;
    g.realCount = n;
    g.layerOf = layer;
    g.along.resize(size_t(n));
    double rankExtent = 0.0;
    for (int v = 0; v < n; ++v) {
        const QPointF s = sizeOf(v);
        g.along[size_t(v)] = lr ? s.y() : s.x();
        rankExtent = std::max(rankExtent, lr ? s.x() : s.y());
    }
    g.up.resize(size_t(n));
    g.down.resize(size_t(n));
    std::vector<std::vector<int>> chain(m); // dummies of each edge, top to bottom
    for (size_t e = 0; e < m; ++e) {
        auto [u, v] = graph.edges[e];
        if (u == v || u < 0 || v < 0 || u >= n || v >= n)
            continue;
        if (result.reversed[e])
            std::swap(u, v);
        int previous = u;
        for (int l = layer[size_t(u)] + 1; l < layer[size_t(v)]; ++l) {
            const int d = int(g.layerOf.size());
            g.layerOf.push_back(l);
            g.along.push_back(m_options.dummyWidth);
            g.up.push_back({previous});
            g.down.emplace_back();
            g.down[size_t(previous)].push_back(d);
            chain[e].push_back(d);
            previous = d;
        }
        g.down[size_t(previous)].push_back(v);
        g.up[size_t(v)].push_back(previous);
    }
    const int total = int(g.layerOf.size());
    g.layers.assign(size_t(layerCount), {});
    g.pos.assign(size_t(total), 0);

    // Initial order: the previous drawing where known, else depth-first from the top layer so
    // that what hangs together starts together.
    {
        std::vector<double> key(size_t(total), std::numeric_limits<double>::quiet_NaN());
        const bool hinted = !m_options.previousPositions.empty();
        if (hinted) {
            for (int v = 0; v < n && v < int(m_options.previousPositions.size()); ++v) {
                const QPointF p = m_options.previousPositions[size_t(v)];
                key[size_t(v)] = lr ? p.y() : p.x();
            }
        }
        std::vector<int> visit(size_t(total), -1);
        int counter = 0;
        std::vector<int> stack;
        std::vector<int> starts(static_cast<size_t>(n));
        std::iota(starts.begin(), starts.end(), 0);
        std::stable_sort(starts.begin(), starts.end(),
                         [&](int a, int b) { return g.layerOf[size_t(a)] < g.layerOf[size_t(b)]; });
        for (const int s : starts) {
            if (visit[size_t(s)] >= 0)
                continue;
            stack.push_back(s);
            while (!stack.empty()) {
                const int v = stack.back();
                stack.pop_back();
                if (visit[size_t(v)] >= 0)
                    continue;
                visit[size_t(v)] = counter++;
                const auto &below = g.down[size_t(v)];
                for (auto it = below.rbegin(); it != below.rend(); ++it)
                    if (visit[size_t(*it)] < 0)
                        stack.push_back(*it);
            }
        }
        for (int v = 0; v < total; ++v)
            g.layers[size_t(g.layerOf[size_t(v)])].push_back(v);
        for (auto &nodes : g.layers) {
            std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) {
                const double ka = key[size_t(a)], kb = key[size_t(b)];
                if (!std::isnan(ka) && !std::isnan(kb) && ka != kb)
                    return ka < kb;
                return visit[size_t(a)] < visit[size_t(b)];
            });
        }
        for (int l = 0; l < layerCount; ++l)
            g.renumber(l);
    }
    if (cancelled()) {
        result.cancelled = true;
        return result;
    }
    report(20);

    // 4. Crossing reduction: median sweeps, alternating down and up, each followed by a pass of
    // neighbour transpositions; the best order seen wins.
    std::vector<double> keyOf(static_cast<size_t>(total));
    std::vector<double> scratch;
    std::vector<int> movable, fixedSlots;
    const auto sweepLayer = [&](int l, bool downward) {
        auto &nodes = g.layers[size_t(l)];
        movable.clear();
        fixedSlots.clear();
        for (size_t i = 0; i < nodes.size(); ++i) {
            const int v = nodes[i];
            const auto &adj = downward ? g.up[size_t(v)] : g.down[size_t(v)];
            if (adj.empty()) {
                fixedSlots.push_back(int(i));
                continue;
            }
            scratch.clear();
            for (const int a : adj)
                scratch.push_back(g.pos[size_t(a)]);
            keyOf[size_t(v)] = median(scratch);
            movable.push_back(v);
        }
        std::stable_sort(movable.begin(), movable.end(),
                         [&](int a, int b) { return keyOf[size_t(a)] < keyOf[size_t(b)]; });
        // Nodes without neighbours on that side keep their slot; the others fill the rest in order.
        std::vector<int> reordered(nodes.size(), -1);
        for (const int slot : fixedSlots)
            reordered[size_t(slot)] = nodes[size_t(slot)];
        size_t next = 0;
        for (int &slot : reordered)
            if (slot < 0)
                slot = movable[next++];
        nodes.swap(reordered);
        g.renumber(l);
    };
    const auto transpose = [&](int l) {
        auto &nodes = g.layers[size_t(l)];
        bool improved = true;
        for (int round = 0; improved && round < 8; ++round) {
            improved = false;
            for (size_t i = 0; i + 1 < nodes.size(); ++i) {
                const int u = nodes[i], v = nodes[i + 1];
                const long long keep = pairCrossings(g.up[size_t(u)], g.up[size_t(v)], g.pos) +
                                       pairCrossings(g.down[size_t(u)], g.down[size_t(v)], g.pos);
                if (keep == 0)
                    continue;
                const long long swapped = pairCrossings(g.up[size_t(v)], g.up[size_t(u)], g.pos) +
                                          pairCrossings(g.down[size_t(v)], g.down[size_t(u)], g.pos);
                if (swapped < keep) {
                    std::swap(nodes[i], nodes[i + 1]);
                    g.pos[size_t(u)] = int(i + 1);
                    g.pos[size_t(v)] = int(i);
                    improved = true;
                }
            }
        }
    };
    std::vector<std::vector<int>> best = g.layers;
    long long bestCrossings = g.crossings();
    int stale = 0;
    // Each sweep costs O(V + E) with sorting; very large graphs get fewer so that 50,000 nodes stay
    // within two seconds. Most of the gain comes in the first sweeps anyway.
    const int sweeps = total > 100000 ? std::min(m_options.maxSweeps, 10) : m_options.maxSweeps;
    for (int sweep = 0; sweep < sweeps && bestCrossings > 0; ++sweep) {
        const bool downward = sweep % 2 == 0;
        if (downward) {
            for (int l = 1; l < layerCount; ++l) {
                sweepLayer(l, true);
                transpose(l);
            }
        } else {
            for (int l = layerCount - 2; l >= 0; --l) {
                sweepLayer(l, false);
                transpose(l);
            }
        }
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
        const long long c = g.crossings();
        if (c < bestCrossings) {
            bestCrossings = c;
            best = g.layers;
            stale = 0;
        } else if (++stale >= 8) {
            break;
        }
        report(20 + 60 * (sweep + 1) / sweeps);
    }
    g.layers.swap(best);
    for (int l = 0; l < layerCount; ++l)
        g.renumber(l);
    result.crossings = bestCrossings;
    report(80);

    // 5. Coordinates: each layer is placed as close as its neighbours want (weighted quadratic
    // placement, solved exactly under the minimum separations by pool-adjacent-violators).
    std::vector<double> x(size_t(total), 0.0);
    for (const auto &nodes : g.layers) {
        double at = 0.0;
        for (size_t i = 0; i < nodes.size(); ++i) {
            if (i > 0)
                at += (g.along[size_t(nodes[i - 1])] + g.along[size_t(nodes[i])]) / 2.0 +
                      (g.isDummy(nodes[i - 1]) && g.isDummy(nodes[i]) ? m_options.dummyWidth
                                                                      : m_options.nodeGap);
            x[size_t(nodes[i])] = at;
        }
        for (const int v : nodes)
            x[size_t(v)] -= at / 2.0;
    }
    struct Block
    {
        double weightedSum;
        double weight;
        size_t count;
    };
    std::vector<Block> blocks;
    std::vector<double> offset, desired, weight;
    const auto edgeWeight = [&](int a, int b) {
        return g.isDummy(a) && g.isDummy(b) ? 8.0 : (g.isDummy(a) || g.isDummy(b)) ? 2.0 : 1.0;
    };
    const auto placeLayer = [&](int l, int side) { // side: -1 above, +1 below, 0 both
        const auto &nodes = g.layers[size_t(l)];
        const size_t k = nodes.size();
        offset.assign(k, 0.0);
        desired.assign(k, 0.0);
        weight.assign(k, 0.0);
        for (size_t i = 1; i < k; ++i)
            offset[i] = offset[i - 1] + (g.along[size_t(nodes[i - 1])] + g.along[size_t(nodes[i])]) / 2.0 +
                        (g.isDummy(nodes[i - 1]) && g.isDummy(nodes[i]) ? m_options.dummyWidth
                                                                        : m_options.nodeGap);
        for (size_t i = 0; i < k; ++i) {
            const int v = nodes[i];
            double sum = 0.0, w = 0.0;
            if (side <= 0)
                for (const int a : g.up[size_t(v)]) {
                    const double ew = edgeWeight(v, a);
                    sum += ew * x[size_t(a)];
                    w += ew;
                }
            if (side >= 0)
                for (const int a : g.down[size_t(v)]) {
                    const double ew = edgeWeight(v, a);
                    sum += ew * x[size_t(a)];
                    w += ew;
                }
            if (w == 0.0) {
                sum = 0.25 * x[size_t(v)];
                w = 0.25;
            }
            desired[i] = sum / w - offset[i];
            weight[i] = w;
        }
        blocks.clear();
        for (size_t i = 0; i < k; ++i) {
            blocks.push_back({desired[i] * weight[i], weight[i], 1});
            while (blocks.size() > 1) {
                const Block &b = blocks.back();
                const Block &a = blocks[blocks.size() - 2];
                if (a.weightedSum / a.weight <= b.weightedSum / b.weight)
                    break;
                const Block merged{a.weightedSum + b.weightedSum, a.weight + b.weight, a.count + b.count};
                blocks.pop_back();
                blocks.back() = merged;
            }
        }
        size_t i = 0;
        for (const Block &b : blocks) {
            const double value = b.weightedSum / b.weight;
            for (size_t j = 0; j < b.count; ++j, ++i)
                x[size_t(nodes[i])] = value + offset[i];
        }
    };
    const int passes[] = {-1, 1, -1, 1, 0, 0, 0, 0};
    for (const int side : passes) {
        if (side < 0)
            for (int l = 1; l < layerCount; ++l)
                placeLayer(l, side);
        else if (side > 0)
            for (int l = layerCount - 2; l >= 0; --l)
                placeLayer(l, side);
        else
            for (int l = 0; l < layerCount; ++l)
                placeLayer(l, side);
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
    }
    report(95);

    // 6. Output: centres, routes through the dummies, bounds; turned round for left-to-right.
    double minAlong = std::numeric_limits<double>::max();
    for (int v = 0; v < total; ++v)
        minAlong = std::min(minAlong, x[size_t(v)] - g.along[size_t(v)] / 2.0);
    if (total == 0)
        minAlong = 0.0;
    const double step = rankExtent + m_options.layerGap;
    const auto point = [&](double along, double rank) {
        return lr ? QPointF(rank, along - minAlong) : QPointF(along - minAlong, rank);
    };
    const auto rankCentre = [&](int l) { return l * step + rankExtent / 2.0; };
    result.positions.resize(size_t(n));
    result.layer = layer;
    result.layerCount = layerCount;
    double maxAlong = 0.0;
    for (int v = 0; v < total; ++v)
        maxAlong = std::max(maxAlong, x[size_t(v)] + g.along[size_t(v)] / 2.0 - minAlong);
    for (int v = 0; v < n; ++v)
        result.positions[size_t(v)] = point(x[size_t(v)], rankCentre(layer[size_t(v)]));
    for (size_t e = 0; e < m; ++e) {
        auto [u, v] = graph.edges[e];
        if (u == v || u < 0 || v < 0 || u >= n || v >= n)
            continue;
        if (result.reversed[e])
            std::swap(u, v);
        auto &route = result.routes[e];
        const double half = rankExtent / 2.0;
        route.push_back(point(x[size_t(u)], rankCentre(layer[size_t(u)]) + half));
        for (const int d : chain[e])
            route.push_back(point(x[size_t(d)], rankCentre(g.layerOf[size_t(d)])));
        route.push_back(point(x[size_t(v)], rankCentre(layer[size_t(v)]) - half));
        if (result.reversed[e])
            std::reverse(route.begin(), route.end());
    }
    const double rankSpan = layerCount > 0 ? (layerCount - 1) * step + rankExtent : 0.0;
    result.bounds = lr ? QRectF(0, 0, rankSpan, maxAlong) : QRectF(0, 0, maxAlong, rankSpan);
    report(100);
    return result;
}

long long countLayeredCrossings(const std::vector<QPointF> &nodeCentres,
                                const std::vector<std::pair<int, int>> &edges,
                                const std::vector<std::vector<QPointF>> &interiorPoints)
{
    std::vector<double> ranks;
    ranks.reserve(nodeCentres.size());
    for (const QPointF &c : nodeCentres)
        ranks.push_back(c.y());
    std::sort(ranks.begin(), ranks.end());
    std::vector<double> lines;
    for (const double r : ranks)
        if (lines.empty() || r - lines.back() > 1.0)
            lines.push_back(r);
    // For every pair of neighbouring rank lines, the (x on upper line, x on lower line) of each
    // edge that spans both.
    std::vector<std::vector<std::pair<double, double>>> between(lines.empty() ? 0 : lines.size() - 1);
    std::vector<QPointF> poly;
    for (size_t e = 0; e < edges.size(); ++e) {
        const auto [u, v] = edges[e];
        if (u == v)
            continue;
        poly.clear();
        poly.push_back(nodeCentres[size_t(u)]);
        if (e < interiorPoints.size())
            poly.insert(poly.end(), interiorPoints[e].begin(), interiorPoints[e].end());
        poly.push_back(nodeCentres[size_t(v)]);
        if (poly.front().y() > poly.back().y())
            std::reverse(poly.begin(), poly.end());
        const double top = poly.front().y(), bottom = poly.back().y();
        auto first = std::lower_bound(lines.begin(), lines.end(), top - 1.0);
        size_t segment = 0;
        double previousX = 0.0;
        bool havePrevious = false;
        for (auto it = first; it != lines.end() && *it <= bottom + 1.0; ++it) {
            const double y = std::clamp(*it, top, bottom);
            while (segment + 1 < poly.size() - 1 && poly[segment + 1].y() < y)
                ++segment;
            const QPointF a = poly[segment], b = poly[segment + 1];
            const double t = b.y() == a.y() ? 0.0 : (y - a.y()) / (b.y() - a.y());
            const double xAt = a.x() + std::clamp(t, 0.0, 1.0) * (b.x() - a.x());
            const size_t index = size_t(it - lines.begin());
            if (havePrevious)
                between[index - 1].emplace_back(previousX, xAt);
            previousX = xAt;
            havePrevious = true;
        }
    }
    long long crossings = 0;
    std::vector<double> lowers;
    for (auto &pairs : between) {
        std::sort(pairs.begin(), pairs.end());
        lowers.clear();
        for (const auto &p : pairs)
            lowers.push_back(p.second);
        std::sort(lowers.begin(), lowers.end());
        lowers.erase(std::unique(lowers.begin(), lowers.end()), lowers.end());
        Fenwick fenwick(lowers.size());
        long long seen = 0;
        for (const auto &p : pairs) {
            const size_t rank = size_t(std::lower_bound(lowers.begin(), lowers.end(), p.second) - lowers.begin());
            crossings += seen - fenwick.prefix(rank);
            fenwick.add(rank);
            ++seen;
        }
    }
    return crossings;
}

} // namespace Mesh
