// SPDX-License-Identifier: MIT
#include "bench/lineagebench.h"

#include "bench/benchreport.h"
#include "bench/peerprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <random>

#include <unistd.h>

namespace Mesh::LineageBench {

namespace {

/** Uniform integer in [0, n) from a 64-bit engine, the same on every standard library. */
quint64 below(std::mt19937_64 &rng, quint64 n)
{
    return n == 0 ? 0 : rng() % n;
}

const char kElkScript[] = R"JS(
const ELK = require('elkjs');
const fs = require('fs');
const graph = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const elk = new ELK();
const start = process.hrtime.bigint();
elk.layout(graph).then((r) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const nodes = r.children.map((c) => [c.x + c.width / 2, c.y + c.height / 2]);
  const edges = r.edges.map((e) => {
    const s = (e.sections || [])[0];
    if (!s) return [];
    return [s.startPoint, ...(s.bendPoints || []), s.endPoint].map((p) => [p.x, p.y]);
  });
  fs.writeFileSync(process.argv[3], JSON.stringify({ms, nodes, edges}));
}).catch((e) => { console.error(String(e)); process.exit(1); });
)JS";

/** Runs program; false with *problem on a failure; *timedOut when killed after timeout. */
bool runProcess(const QString &program, const QStringList &args, int timeoutMs, bool *timedOut,
                QString *problem, QByteArray *output = nullptr)
{
    PeerProcess run = runPeerProcess(program, args, timeoutMs);
    *timedOut = run.timedOut;
    *problem = run.problem;
    if (output)
        *output = std::move(run.output);
    return run.ok;
}

} // namespace

LayoutGraph generate(int nodes, quint64 seed)
{
    std::mt19937_64 rng(seed);
    LayoutGraph g;
    g.nodeCount = nodes;
    const int layers = std::max(4, int(std::lround(std::sqrt(double(nodes)) / 2.0)));
    std::vector<std::vector<int>> byLayer(static_cast<size_t>(layers));
    for (int v = 0; v < nodes; ++v)
        byLayer[size_t(qint64(v) * layers / nodes)].push_back(v);
    for (int l = 1; l < layers; ++l) {
        const auto &here = byLayer[size_t(l)];
        for (size_t i = 0; i < here.size(); ++i) {
            const quint64 r = below(rng, 100);
            const int inputs = r < 45 ? 1 : r < 90 ? 2 : 3;
            for (int k = 0; k < inputs; ++k) {
                const quint64 s = below(rng, 100);
                const int span = std::min(l, s < 75 ? 1 : s < 93 ? 2 : 3);
                const auto &there = byLayer[size_t(l - span)];
                const double relative = double(i) / double(here.size());
                const int window = std::max(2, int(there.size() / 24));
                const qint64 centre = qint64(relative * double(there.size()));
                const qint64 pick = std::clamp<qint64>(
                    centre + qint64(below(rng, quint64(2 * window + 1))) - window, 0,
                    qint64(there.size()) - 1);
                g.edges.emplace_back(there[size_t(pick)], here[i]);
            }
        }
    }
    // Back edges close a cycle: from a node to one of its ancestors 1–5 steps up.
    std::vector<std::vector<int>> preds(static_cast<size_t>(nodes));
    for (const auto &[u, v] : g.edges)
        preds[size_t(v)].push_back(u);
    const int back = std::max(1, nodes / 50);
    for (int b = 0; b < back; ++b) {
        const int from = int(below(rng, quint64(nodes)));
        int to = from;
        const int steps = 1 + int(below(rng, 5));
        for (int k = 0; k < steps && !preds[size_t(to)].empty(); ++k)
            to = preds[size_t(to)][size_t(below(rng, preds[size_t(to)].size()))];
        if (to != from)
            g.edges.emplace_back(from, to);
    }
    return g;
}

QString peerCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/mesh-explorer/peers");
}

QStringList ensurePeers(bool install)
{
    QStringList missing;
    bool timedOut = false;
    QString problem;
    if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty()) {
        if (install && geteuid() == 0)
            runProcess(QStringLiteral("apt-get"), {QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("graphviz")},
                       600000, &timedOut, &problem);
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            missing << QStringLiteral("graphviz dot: not installed (apt-get install graphviz)");
    }
    const QString dir = peerCacheDir();
    if (!QFile::exists(dir + QStringLiteral("/node_modules/elkjs/package.json"))) {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) {
            missing << QStringLiteral("elkjs: node is not installed");
        } else if (install) {
            QDir().mkpath(dir);
            runProcess(QStringLiteral("npm"), {QStringLiteral("install"), QStringLiteral("--prefix"), dir,
                        QStringLiteral("--no-audit"), QStringLiteral("--no-fund"), QStringLiteral("elkjs")},
                       600000, &timedOut, &problem);
        }
        if (!QFile::exists(dir + QStringLiteral("/node_modules/elkjs/package.json")))
            missing << QStringLiteral("elkjs: not installed (npm install --prefix %1 elkjs)").arg(dir);
    }
    return missing;
}

PeerLayout runDot(const LayoutGraph &graph, const LayoutOptions &options, int timeoutMs)
{
    PeerLayout result;
    QTemporaryDir tmp;
    const QString input = tmp.filePath(QStringLiteral("graph.dot"));
    {
        QFile f(input);
        if (!f.open(QIODevice::WriteOnly)) {
            result.problem = f.errorString();
            return result;
        }
        QByteArray text = "digraph G {\n  graph [nodesep=" +
                          QByteArray::number(options.nodeGap / 72.0) + ", ranksep=" +
                          QByteArray::number(options.layerGap / 72.0) + "];\n"
                          "  node [shape=box, fixedsize=true, label=\"\", width=" +
                          QByteArray::number(options.nodeWidth / 72.0) + ", height=" +
                          QByteArray::number(options.nodeHeight / 72.0) + "];\n";
        for (int v = 0; v < graph.nodeCount; ++v)
            text += "  n" + QByteArray::number(v) + ";\n";
        for (const auto &[u, v] : graph.edges)
            text += "  n" + QByteArray::number(u) + " -> n" + QByteArray::number(v) + ";\n";
        text += "}\n";
        f.write(text);
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray plain;
    if (!runProcess(QStringLiteral("dot"), {QStringLiteral("-Tplain"), input}, timeoutMs,
                    &result.timedOut, &result.problem, &plain))
        return result;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    // -Tplain: "node NAME X Y W H …" and "edge TAIL HEAD N X1 Y1 … XN YN …", inches, y up.
    std::vector<QPointF> centres(size_t(graph.nodeCount));
    std::vector<std::pair<int, int>> edges;
    std::vector<std::vector<QPointF>> points;
    for (const QByteArray &line : plain.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() >= 4 && f[0] == "node") {
            const int v = f[1].mid(1).toInt();
            if (v >= 0 && v < graph.nodeCount)
                centres[size_t(v)] = QPointF(f[2].toDouble() * 72.0, -f[3].toDouble() * 72.0);
        } else if (f.size() >= 4 && f[0] == "edge") {
            const int n = f[3].toInt();
            edges.emplace_back(f[1].mid(1).toInt(), f[2].mid(1).toInt());
            std::vector<QPointF> bends;
            for (int i = 0; i < n && 5 + 2 * i < f.size(); ++i)
                bends.emplace_back(f[4 + 2 * i].toDouble() * 72.0, -f[5 + 2 * i].toDouble() * 72.0);
            points.push_back(std::move(bends));
        }
    }
    result.crossings = countLayeredCrossings(centres, edges, points);
    result.ran = true;
    return result;
}

PeerLayout runElk(const LayoutGraph &graph, const LayoutOptions &options, int timeoutMs)
{
    PeerLayout result;
    const QString dir = peerCacheDir();
    const QString script = dir + QStringLiteral("/elk-layout.js");
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            result.problem = QStringLiteral("cannot write %1: %2").arg(script, f.errorString());
            return result;
        }
        f.write(kElkScript);
    }
    QTemporaryDir tmp;
    const QString input = tmp.filePath(QStringLiteral("graph.json"));
    const QString output = tmp.filePath(QStringLiteral("layout.json"));
    {
        QJsonArray children, edges;
        for (int v = 0; v < graph.nodeCount; ++v)
            children.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("n%1").arg(v)},
                                        {QStringLiteral("width"), options.nodeWidth},
                                        {QStringLiteral("height"), options.nodeHeight}});
        for (size_t e = 0; e < graph.edges.size(); ++e)
            edges.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("e%1").arg(e)},
                {QStringLiteral("sources"), QJsonArray{QStringLiteral("n%1").arg(graph.edges[e].first)}},
                {QStringLiteral("targets"), QJsonArray{QStringLiteral("n%1").arg(graph.edges[e].second)}}});
        const QJsonObject root{
            {QStringLiteral("id"), QStringLiteral("root")},
            {QStringLiteral("layoutOptions"),
             QJsonObject{{QStringLiteral("elk.algorithm"), QStringLiteral("layered")},
                         {QStringLiteral("elk.direction"), QStringLiteral("DOWN")},
                         {QStringLiteral("elk.spacing.nodeNode"), options.nodeGap},
                         {QStringLiteral("elk.layered.spacing.nodeNodeBetweenLayers"), options.layerGap}}},
            {QStringLiteral("children"), children},
            {QStringLiteral("edges"), edges}};
        QFile f(input);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0) {
            result.problem = f.errorString();
            return result;
        }
    }
    // NODE_PATH lets the script in the cache find the cache's node_modules.
    qputenv("NODE_PATH", QFile::encodeName(dir + QStringLiteral("/node_modules")));
    if (!runProcess(QStringLiteral("node"), {QStringLiteral("--max-old-space-size=4096"), QStringLiteral("--stack-size=65500"), script, input, output},
                    timeoutMs, &result.timedOut, &result.problem))
        return result;
    QFile f(output);
    if (!f.open(QIODevice::ReadOnly)) {
        result.problem = QStringLiteral("elkjs wrote no layout");
        return result;
    }
    const QJsonObject layout = QJsonDocument::fromJson(f.readAll()).object();
    result.ms = layout.value(QStringLiteral("ms")).toDouble();
    std::vector<QPointF> centres;
    for (const QJsonValue &c : layout.value(QStringLiteral("nodes")).toArray())
        centres.emplace_back(c[0].toDouble(), c[1].toDouble());
    std::vector<std::vector<QPointF>> points;
    for (const QJsonValue &e : layout.value(QStringLiteral("edges")).toArray()) {
        std::vector<QPointF> bends;
        for (const QJsonValue &p : e.toArray())
            bends.emplace_back(p[0].toDouble(), p[1].toDouble());
        points.push_back(std::move(bends));
    }
    if (int(centres.size()) != graph.nodeCount || points.size() != graph.edges.size()) {
        result.problem = QStringLiteral("elkjs returned a layout of another size");
        return result;
    }
    result.crossings = countLayeredCrossings(centres, graph.edges, points);
    result.ran = true;
    return result;
}

void run(const QList<int> &sizes, BenchReport &report, int peerTimeoutMs,
         const std::function<void(const QString &)> &log)
{
    const LayoutOptions options;
    const auto say = [&](const QString &text) {
        if (log)
            log(text);
    };
    for (const int size : sizes) {
        const LayoutGraph graph = generate(size, 42);
        const QString caseName = QStringLiteral("%1 nodes, %2 edges").arg(size).arg(graph.edges.size());
        say(QStringLiteral("%1: this project…").arg(caseName));
        const LayeredLayout layout(options);
        QList<double> times;
        LayoutResult result;
        const int repeats = size <= 20000 ? 3 : 1;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            result = layout.run(graph);
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        const double ms = percentile(times, 50);
        std::vector<std::vector<QPointF>> interior(result.routes.size());
        for (size_t e = 0; e < result.routes.size(); ++e)
            interior[e] = result.routes[e];
        const long long crossings = countLayeredCrossings(result.positions, graph.edges, interior);

        say(QStringLiteral("%1: graphviz dot…").arg(caseName));
        const PeerLayout dot = runDot(graph, options, peerTimeoutMs);
        say(QStringLiteral("%1: elkjs…").arg(caseName));
        const PeerLayout elk = runElk(graph, options, peerTimeoutMs);

        const auto peerName = [&](const QString &name, const PeerLayout &peer) -> QString {
            if (peer.timedOut)
                return name + QStringLiteral(" (> %1 s)").arg(peerTimeoutMs / 1000);
            if (!peer.ran)
                return name + QStringLiteral(" (did not run: %1)").arg(peer.problem);
            return name;
        };
        const auto timeRow = [&](const QString &name, const PeerLayout &peer, double ratioTarget) {
            BenchResult r;
            r.caseName = caseName;
            r.metric = QStringLiteral("layout time vs %1").arg(name);
            r.value = ms;
            r.unit = QStringLiteral("ms");
            r.peer = peerName(name, peer);
            if (peer.ran) {
                r.peerValue = peer.ms;
                r.ratio = peer.ms / std::max(ms, 0.001);
            }
            if (size == 2000) {
                r.target = QStringLiteral(">= %1x faster").arg(ratioTarget);
                if (r.ratio)
                    r.met = *r.ratio >= ratioTarget;
            }
            report.add(r);
        };
        timeRow(QStringLiteral("graphviz dot"), dot, 20.0);
        timeRow(QStringLiteral("elkjs"), elk, 5.0);
        if (size >= 50000) {
            BenchResult r;
            r.caseName = caseName;
            r.metric = QStringLiteral("layout time");
            r.value = ms;
            r.unit = QStringLiteral("ms");
            r.target = QStringLiteral("<= 2000");
            r.met = ms <= 2000.0;
            report.add(r);
        }
        const auto crossingRow = [&](const QString &name, const PeerLayout &peer) {
            BenchResult r;
            r.caseName = caseName;
            r.metric = QStringLiteral("edge crossings vs %1").arg(name);
            r.value = double(crossings);
            r.unit = QStringLiteral("crossings");
            r.peer = peerName(name, peer);
            if (peer.ran) {
                r.peerValue = double(peer.crossings);
                r.ratio = crossings == 0 ? (peer.crossings == 0 ? 1.0 : double(peer.crossings))
                                         : double(peer.crossings) / double(crossings);
            }
            if (size == 2000 && name == QStringLiteral("graphviz dot")) {
                r.target = QStringLiteral("<= 1.2x dot");
                if (peer.ran)
                    r.met = double(crossings) <= 1.2 * double(peer.crossings);
            }
            report.add(r);
        };
        crossingRow(QStringLiteral("graphviz dot"), dot);
        crossingRow(QStringLiteral("elkjs"), elk);
    }
}

} // namespace Mesh::LineageBench
