// SPDX-License-Identifier: MIT
#include "lineage/lineagegraph.h"

#include <QTest>

using namespace Mesh;

class TestLineageGraph : public QObject
{
    Q_OBJECT

private slots:
    void neighbourhoodStopsAtTheRequestedDepth_data();
    void neighbourhoodStopsAtTheRequestedDepth();
    void findsTheShortestPathInEitherDirection();
    void impactListsDownstreamProductsWithOwners();
    void impactOfAColumnReachesThroughItsProduct();
    void mergesDuplicateLinksAndSurvivesCycles();
    void findsNodesByIdOrUniqueLabel();
    void subgraphKeepsOnlyInnerLinks();
};

namespace {

/**
 *   a → b → c → d
 *       b → e
 *   x → c
 */
LineageGraph chain()
{
    LineageGraph g;
    for (const char *id : {"a", "b", "c", "d", "e", "x"}) {
        const QString key = QString::fromLatin1(id);
        g.addNode({key, LineageLevel::Product, key.toUpper(), key, QStringLiteral("Finance"),
                   QStringLiteral("owner.") + key, QStringLiteral("Owner ") + key.toUpper(), {}, {}});
    }
    const auto link = [&](const char *from, const char *to) {
        g.addLink({g.find(QString::fromLatin1(from)), g.find(QString::fromLatin1(to)),
                   QStringLiteral("transform"), QStringLiteral("job"), {}});
    };
    link("a", "b");
    link("b", "c");
    link("c", "d");
    link("b", "e");
    link("x", "c");
    return g;
}

QStringList ids(const LineageGraph &g, const QList<int> &nodes)
{
    QStringList result;
    for (const int n : nodes)
        result << g.node(n).id;
    result.sort();
    return result;
}

} // namespace

void TestLineageGraph::neighbourhoodStopsAtTheRequestedDepth_data()
{
    QTest::addColumn<int>("up");
    QTest::addColumn<int>("down");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none") << 0 << 0 << QStringList{QStringLiteral("c")};
    QTest::newRow("up 1") << 1 << 0 << QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("x")};
    QTest::newRow("up all") << LineageGraph::kAll << 0
                            << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("x")};
    QTest::newRow("down 1") << 0 << 1 << QStringList{QStringLiteral("c"), QStringLiteral("d")};
    QTest::newRow("both 1") << 1 << 1
                            << QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("x")};
}

void TestLineageGraph::neighbourhoodStopsAtTheRequestedDepth()
{
    QFETCH(int, up);
    QFETCH(int, down);
    QFETCH(QStringList, expected);
    const LineageGraph g = chain();
    const QList<int> nodes = g.neighbourhood(g.find(QStringLiteral("c")), up, down);
    QCOMPARE(g.node(nodes.first()).id, QStringLiteral("c"));
    QCOMPARE(ids(g, nodes), expected);
}

void TestLineageGraph::findsTheShortestPathInEitherDirection()
{
    const LineageGraph g = chain();
    const auto path = [&](const char *a, const char *b) {
        QStringList out;
        for (const int n : g.shortestPath(g.find(QString::fromLatin1(a)), g.find(QString::fromLatin1(b))))
            out << g.node(n).id;
        return out.join(QLatin1Char(' '));
    };
    QCOMPARE(path("a", "d"), QStringLiteral("a b c d"));
    QCOMPARE(path("d", "a"), QStringLiteral("a b c d")); // upstream: the same path, read downstream
    QCOMPARE(path("e", "x"), QString());                // unrelated
    QCOMPARE(path("c", "c"), QStringLiteral("c"));
}

void TestLineageGraph::impactListsDownstreamProductsWithOwners()
{
    const LineageGraph g = chain();
    const QList<ImpactEntry> impact = g.impact(g.find(QStringLiteral("b")));
    QCOMPARE(impact.size(), 3);
    QCOMPARE(impact.at(0).distance, 1);
    QStringList keys;
    for (const ImpactEntry &e : impact)
        keys << e.productKey + QLatin1Char(':') + QString::number(e.distance) + QLatin1Char(':') + e.ownerName;
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("c:1:Owner C"), QStringLiteral("d:2:Owner D"), QStringLiteral("e:1:Owner E")}));
    QVERIFY(g.impact(g.find(QStringLiteral("d"))).isEmpty());
}

void TestLineageGraph::impactOfAColumnReachesThroughItsProduct()
{
    LineageGraph g = chain();
    // Column s.t#amount (of product a) feeds column s.u#total (of product x); x feeds c → d.
    const int amount = g.addNode({QStringLiteral("s/t#amount"), LineageLevel::Column, QStringLiteral("amount"),
                                  QStringLiteral("a"), {}, {}, {}, QStringLiteral("s"), QStringLiteral("t")});
    const int total = g.addNode({QStringLiteral("s/u#total"), LineageLevel::Column, QStringLiteral("total"),
                                 QStringLiteral("x"), {}, {}, {}, QStringLiteral("s"), QStringLiteral("u")});
    g.addLink({amount, total, QStringLiteral("aggregate"), QStringLiteral("j"), {}});
    QStringList keys;
    for (const ImpactEntry &e : g.impact(amount))
        keys << e.productKey;
    keys.sort();
    // Not b or e: a column of a does not make all of a's product lineage affected.
    QCOMPARE(keys, (QStringList{QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("x")}));
}

void TestLineageGraph::mergesDuplicateLinksAndSurvivesCycles()
{
    LineageGraph g = chain();
    const int links = int(g.linkCount());
    g.addLink({g.find(QStringLiteral("a")), g.find(QStringLiteral("b")), QStringLiteral("copy"), QStringLiteral("job"), {}});
    QCOMPARE(g.linkCount(), links);
    g.addLink({g.find(QStringLiteral("d")), g.find(QStringLiteral("a")), QStringLiteral("copy"), QStringLiteral("loop"), {}});
    QCOMPARE(g.impact(g.find(QStringLiteral("a"))).size(), 4); // b, c, d, e (not x); terminates
    QCOMPARE(g.neighbourhood(g.find(QStringLiteral("a")), LineageGraph::kAll, LineageGraph::kAll).size(), 6);
}

void TestLineageGraph::findsNodesByIdOrUniqueLabel()
{
    LineageGraph g = chain();
    QCOMPARE(g.find(QStringLiteral("b")), 1);
    QCOMPARE(g.find(QStringLiteral("B")), 1); // label, case-insensitive
    g.addNode({QStringLiteral("other"), LineageLevel::Product, QStringLiteral("B"), {}, {}, {}, {}, {}, {}});
    QCOMPARE(g.find(QStringLiteral("b")), 1); // the id still wins
    QCOMPARE(g.find(QStringLiteral("B")), -1); // two labels "B": ambiguous
    QCOMPARE(g.find(QStringLiteral("nothing")), -1);
}

void TestLineageGraph::subgraphKeepsOnlyInnerLinks()
{
    const LineageGraph g = chain();
    const LineageGraph sub = g.subgraph({g.find(QStringLiteral("b")), g.find(QStringLiteral("c")), g.find(QStringLiteral("d"))});
    QCOMPARE(sub.nodeCount(), 3);
    QCOMPARE(sub.linkCount(), 2);
    const QByteArray dot = LineageExport::toDot(sub, QStringLiteral("c"));
    QVERIFY(dot.contains("\"b\" -> \"c\" [label=\"transform · job\"]"));
    QVERIFY(!dot.contains("\"a\""));
}

QTEST_GUILESS_MAIN(TestLineageGraph)
#include "tst_lineagegraph.moc"
