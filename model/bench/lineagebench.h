// SPDX-License-Identifier: MIT
#pragma once

#include "lineage/layeredlayout.h"

#include <QList>
#include <QString>

namespace Mesh {

class BenchReport;

/** One peer tool's layout of a benchmark graph. */
struct PeerLayout
{
    bool ran = false;
    bool timedOut = false;
    QString problem; // why it did not run, e.g. "dot not found"
    double ms = 0.0;
    long long crossings = 0;
};

/**
 * `meshctl bench lineage`: layered DAGs of realistic shape laid out by LayeredLayout, by Graphviz
 * `dot -Tplain` and by elkjs's layered algorithm (node), crossings of all three counted with
 * countLayeredCrossings(). Peers are installed when missing (graphviz with apt-get when run as
 * root, elkjs with npm into $XDG_CACHE_HOME/mesh-explorer/peers). Runs on the calling thread.
 */
namespace LineageBench {

/**
 * A layered DAG of about nodes nodes: ~√n/2 layers, ~1.6 edges a node, most edges to the layer
 * below and near the same relative position (lineage clusters by domain), 2% back edges from a
 * node to one of its ancestors, so there are cycles to break. Deterministic per seed.
 */
LayoutGraph generate(int nodes, quint64 seed);

QString peerCacheDir();
/** Installs graphviz / elkjs when missing; returns what it could not, one line each. */
QStringList ensurePeers(bool install);

PeerLayout runDot(const LayoutGraph &graph, const LayoutOptions &options, int timeoutMs);
PeerLayout runElk(const LayoutGraph &graph, const LayoutOptions &options, int timeoutMs);

/** Runs every size, adding rows to report; progress lines go to log (may be null). */
void run(const QList<int> &sizes, BenchReport &report, int peerTimeoutMs,
         const std::function<void(const QString &)> &log);

} // namespace LineageBench

} // namespace Mesh
