// SPDX-License-Identifier: MIT
#include "bench/lineagebench.h"
#include "lineage/layeredlayout.h"

#include <QTest>

#include <random>

using namespace Mesh;

class TestLayeredLayout : public QObject
{
    Q_OBJECT

private slots:
    void cardsNeverOverlap();
    void everyEdgePointsDownwardAfterCycleBreaking();
    void sameInputGivesSameLayout();
    void findsTheFewestCrossingsOnKnownGraphs_data();
    void findsTheFewestCrossingsOnKnownGraphs();
    void countsCrossingsOfAnyLayeredDrawing();
    void routesStartAtSourceAndEndAtTarget();
    void leftToRightTurnsTheLayersSideways();
    void previousPositionsKeepTheOrder();
    void stopsWhenCancelledAndReportsProgress();
    void handlesEmptySelfLoopsAndDanglingEdges();
};

using Edges = QList<QPair<int, int>>;

namespace {

LayoutGraph randomGraph(int nodes, int edges, unsigned seed)
{
    std::mt19937 rng(seed);
    LayoutGraph g;
    g.nodeCount = nodes;
    for (int i = 0; i < edges; ++i)
        g.edges.emplace_back(int(rng() % unsigned(nodes)), int(rng() % unsigned(nodes)));
    return g;
}

} // namespace

void TestLayeredLayout::cardsNeverOverlap()
{
    const LayoutOptions options;
    const LayoutGraph g = LineageBench::generate(400, 3);
    const LayoutResult r = LayeredLayout(options).run(g);
    QCOMPARE(int(r.positions.size()), g.nodeCount);
    for (int a = 0; a < g.nodeCount; ++a) {
        for (int b = a + 1; b < g.nodeCount; ++b) {
            const QPointF d = r.positions[size_t(a)] - r.positions[size_t(b)];
            const bool apart = std::abs(d.x()) >= options.nodeWidth + options.nodeGap - 0.01 ||
                               std::abs(d.y()) >= options.nodeHeight + options.layerGap - 0.01;
            if (!apart)
                QFAIL(qPrintable(QStringLiteral("nodes %1 and %2 overlap").arg(a).arg(b)));
        }
    }
    for (const QPointF &p : r.positions)
        QVERIFY(r.bounds.adjusted(-0.01, -0.01, 0.01, 0.01)
                    .contains(QRectF(p.x() - options.nodeWidth / 2, p.y() - options.nodeHeight / 2,
                                     options.nodeWidth, options.nodeHeight)));
}

void TestLayeredLayout::everyEdgePointsDownwardAfterCycleBreaking()
{
    const LayoutGraph g = randomGraph(200, 500, 7); // many cycles
    const LayoutResult r = LayeredLayout().run(g);
    int reversed = 0;
    for (size_t e = 0; e < g.edges.size(); ++e) {
        const auto [u, v] = g.edges[e];
        if (u == v)
            continue;
        const auto [top, bottom] = r.reversed[e] ? std::pair(v, u) : std::pair(u, v);
        QVERIFY2(r.layer[size_t(top)] < r.layer[size_t(bottom)], qPrintable(QString::number(e)));
        QVERIFY(r.positions[size_t(top)].y() < r.positions[size_t(bottom)].y());
        reversed += r.reversed[e];
    }
    QVERIFY(reversed > 0);
    QVERIFY(reversed < int(g.edges.size()) / 2);

    // A DAG needs no reversal.
    const LayoutResult dag = LayeredLayout().run(LineageBench::generate(300, 1));
    Q_UNUSED(dag);
    LayoutGraph chain;
    chain.nodeCount = 4;
    chain.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};
    const LayoutResult c = LayeredLayout().run(chain);
    QCOMPARE(std::count(c.reversed.begin(), c.reversed.end(), true), 0);
    QCOMPARE(c.layer, (std::vector<int>{0, 1, 2, 3}));
}

void TestLayeredLayout::sameInputGivesSameLayout()
{
    const LayoutGraph g = randomGraph(300, 600, 11);
    const LayoutResult a = LayeredLayout().run(g);
    const LayoutResult b = LayeredLayout().run(g);
    QCOMPARE(a.positions, b.positions);
    QCOMPARE(a.routes, b.routes);
    QCOMPARE(a.crossings, b.crossings);
}

void TestLayeredLayout::findsTheFewestCrossingsOnKnownGraphs_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<Edges>("edges");
    QTest::addColumn<long long>("crossings");
    QTest::newRow("twisted pair") << 4 << Edges{{0, 3}, {1, 2}} << 0LL;
    QTest::newRow("K2,2") << 4 << Edges{{0, 2}, {0, 3}, {1, 2}, {1, 3}} << 1LL;
    QTest::newRow("K3,3")
        << 6 << Edges{{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {1, 5}, {2, 3}, {2, 4}, {2, 5}}
        << 9LL;
    QTest::newRow("tree") << 7 << Edges{{0, 1}, {0, 2}, {1, 3}, {2, 4}, {1, 5}, {2, 6}} << 0LL;
    QTest::newRow("ladder crossed") << 6 << Edges{{0, 5}, {1, 4}, {2, 3}} << 0LL;
}

void TestLayeredLayout::findsTheFewestCrossingsOnKnownGraphs()
{
    QFETCH(int, nodes);
    QFETCH(Edges, edges);
    QFETCH(long long, crossings);
    LayoutGraph g;
    g.nodeCount = nodes;
    for (const auto &e : edges)
        g.edges.emplace_back(e.first, e.second);
    const LayoutResult r = LayeredLayout().run(g);
    QCOMPARE(r.crossings, crossings);
    // The geometric count of the drawing agrees with the layout's own.
    QCOMPARE(countLayeredCrossings(r.positions, g.edges, r.routes), crossings);
}

void TestLayeredLayout::countsCrossingsOfAnyLayeredDrawing()
{
    // Two edges forming an X between two rank lines, a third sharing an endpoint.
    const std::vector<QPointF> centres = {{0, 0}, {100, 0}, {0, 100}, {100, 100}};
    QCOMPARE(countLayeredCrossings(centres, {{0, 3}, {1, 2}}, {}), 1LL);
    QCOMPARE(countLayeredCrossings(centres, {{0, 2}, {1, 3}}, {}), 0LL);
    QCOMPARE(countLayeredCrossings(centres, {{0, 3}, {0, 2}}, {}), 0LL);
    // A long edge is followed through its bend on the middle rank line.
    const std::vector<QPointF> three = {{0, 0}, {100, 0}, {0, 200}, {100, 200}, {50, 100}};
    QCOMPARE(countLayeredCrossings(three, {{0, 3}, {1, 2}}, {{QPointF(0, 100)}, {QPointF(100, 100)}}), 1LL);
    QCOMPARE(countLayeredCrossings(three, {{0, 3}, {1, 2}}, {{QPointF(0, 100)}, {QPointF(-10, 100)}}), 1LL);
}

void TestLayeredLayout::routesStartAtSourceAndEndAtTarget()
{
    const LayoutOptions options;
    LayoutGraph g;
    g.nodeCount = 4;
    g.edges = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 3}};
    const LayoutResult r = LayeredLayout(options).run(g);
    for (size_t e = 0; e < g.edges.size(); ++e) {
        const auto [u, v] = g.edges[e];
        const auto &route = r.routes[e];
        QVERIFY(route.size() >= 2);
        QCOMPARE(route.front().x(), r.positions[size_t(u)].x());
        QCOMPARE(route.back().x(), r.positions[size_t(v)].x());
        QVERIFY(std::abs(route.front().y() - r.positions[size_t(u)].y()) <= options.nodeHeight / 2 + 0.01);
        QVERIFY(std::abs(route.back().y() - r.positions[size_t(v)].y()) <= options.nodeHeight / 2 + 0.01);
        // One bend per layer passed.
        QCOMPARE(int(route.size()), std::abs(r.layer[size_t(u)] - r.layer[size_t(v)]) + 1);
    }
}

void TestLayeredLayout::leftToRightTurnsTheLayersSideways()
{
    LayoutOptions options;
    options.direction = LayoutOptions::Direction::LeftToRight;
    LayoutGraph g;
    g.nodeCount = 3;
    g.edges = {{0, 1}, {1, 2}};
    const LayoutResult r = LayeredLayout(options).run(g);
    QVERIFY(r.positions[0].x() < r.positions[1].x());
    QVERIFY(r.positions[1].x() < r.positions[2].x());
    QCOMPARE(r.positions[0].y(), r.positions[2].y());
    QVERIFY(r.bounds.width() > r.bounds.height());
}

void TestLayeredLayout::previousPositionsKeepTheOrder()
{
    // Three unconnected children of one parent: the previous drawing decides their order.
    LayoutGraph g;
    g.nodeCount = 4;
    g.edges = {{0, 1}, {0, 2}, {0, 3}};
    LayoutOptions options;
    options.previousPositions = {{0, 0}, {300, 0}, {100, 0}, {200, 0}};
    const LayoutResult r = LayeredLayout(options).run(g);
    QVERIFY(r.positions[2].x() < r.positions[3].x());
    QVERIFY(r.positions[3].x() < r.positions[1].x());
}

void TestLayeredLayout::stopsWhenCancelledAndReportsProgress()
{
    const LayoutGraph g = LineageBench::generate(2000, 5);
    std::atomic<bool> cancel = true;
    QVERIFY(LayeredLayout().run(g, &cancel).cancelled);
    cancel = false;
    QList<int> seen;
    const LayoutResult r = LayeredLayout().run(g, &cancel, [&](int p) { seen.append(p); });
    QVERIFY(!r.cancelled);
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.last(), 100);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

void TestLayeredLayout::handlesEmptySelfLoopsAndDanglingEdges()
{
    QCOMPARE(LayeredLayout().run({}).positions.size(), size_t(0));
    LayoutGraph g;
    g.nodeCount = 2;
    g.edges = {{0, 0}, {0, 1}, {1, 7}, {-1, 0}, {0, 1}};
    const LayoutResult r = LayeredLayout().run(g);
    QVERIFY(r.routes[0].empty());
    QVERIFY(r.routes[2].empty());
    QVERIFY(r.routes[3].empty());
    QCOMPARE(r.routes[1], r.routes[4]); // duplicates share a route
}

QTEST_GUILESS_MAIN(TestLayeredLayout)
#include "tst_layeredlayout.moc"
