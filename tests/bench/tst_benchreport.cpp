// SPDX-License-Identifier: MIT
#include "bench/benchreport.h"
#include "bench/searchbench.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

QSet<QString> keySet(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

const QSet<QString> kRequiredKeys = {u"case"_s, u"metric"_s, u"value"_s, u"unit"_s, u"target"_s};
const QSet<QString> kPeerKeys = {u"peer"_s, u"peer_value"_s, u"ratio"_s};

} // namespace

/** BenchReport's JSON and table, percentile(), and the keystrokes SearchBench types. */
class TestBenchReport : public QObject
{
    Q_OBJECT

private slots:
    void jsonHasBenchAndResultsWithPeerFieldsOnlyForPeers_data();
    void jsonHasBenchAndResultsWithPeerFieldsOnlyForPeers();
    void emptyReportIsValidJson();
    void addTimeChecksTheTarget();
    void tableHasHeadersAndEveryResult();
    void percentileUsesNearestRank_data();
    void percentileUsesNearestRank();
    void keystrokesTypeEveryPrefixButSpaces_data();
    void keystrokesTypeEveryPrefixButSpaces();
    void searchBenchReportsOrderedPercentiles();
    void realisticQueriesAreDeterministic();
};

void TestBenchReport::jsonHasBenchAndResultsWithPeerFieldsOnlyForPeers_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QJsonValue>("peerValue"); // Null: not set
    QTest::addColumn<QJsonValue>("ratio");
    QTest::addColumn<QString>("target");
    QTest::newRow("no peer, no target") << QString() << QJsonValue() << QJsonValue() << QString();
    QTest::newRow("no peer, target") << QString() << QJsonValue() << QJsonValue() << u"<= 10"_s;
    QTest::newRow("peer with value and ratio")
        << u"graphviz dot"_s << QJsonValue(120.0) << QJsonValue(4.0) << u"<= 50"_s;
    QTest::newRow("peer without figures")
        << u"sqlitebrowser"_s << QJsonValue() << QJsonValue() << QString();
}

void TestBenchReport::jsonHasBenchAndResultsWithPeerFieldsOnlyForPeers()
{
    QFETCH(QString, peer);
    QFETCH(QJsonValue, peerValue);
    QFETCH(QJsonValue, ratio);
    QFETCH(QString, target);

    BenchReport report(u"search"_s);
    BenchResult r;
    r.caseName = u"100000 products"_s;
    r.metric = u"keystroke p99"_s;
    r.value = 30.5;
    r.unit = u"ms"_s;
    r.target = target;
    r.peer = peer;
    if (!peerValue.isNull())
        r.peerValue = peerValue.toDouble();
    if (!ratio.isNull())
        r.ratio = ratio.toDouble();
    report.add(r);
    report.add({u"1000 products"_s, u"open"_s, 2.0, u"s"_s, {}, {}, {}, {}, {}});

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(report.toJson(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject root = doc.object();
    QCOMPARE(keySet(root), (QSet<QString>{u"bench"_s, u"results"_s}));
    QCOMPARE(root.value(u"bench"_s).toString(), u"search"_s);
    const QJsonArray results = root.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 2);

    const QJsonObject o = results.at(0).toObject();
    QCOMPARE(keySet(o), peer.isEmpty() ? kRequiredKeys : kRequiredKeys | kPeerKeys);
    QCOMPARE(o.value(u"case"_s).toString(), r.caseName);
    QCOMPARE(o.value(u"metric"_s).toString(), r.metric);
    QCOMPARE(o.value(u"value"_s).toDouble(), r.value);
    QCOMPARE(o.value(u"unit"_s).toString(), r.unit);
    if (target.isEmpty())
        QVERIFY(o.value(u"target"_s).isNull());
    else
        QCOMPARE(o.value(u"target"_s).toString(), target);
    if (!peer.isEmpty()) {
        QCOMPARE(o.value(u"peer"_s).toString(), peer);
        QCOMPARE(o.value(u"peer_value"_s), peerValue);
        QCOMPARE(o.value(u"ratio"_s), ratio);
    }
    QCOMPARE(keySet(results.at(1).toObject()), kRequiredKeys);
}

void TestBenchReport::emptyReportIsValidJson()
{
    const QJsonDocument doc = QJsonDocument::fromJson(BenchReport(u"graph"_s).toJson());
    QCOMPARE(doc.object().value(u"bench"_s).toString(), u"graph"_s);
    QVERIFY(doc.object().value(u"results"_s).isArray());
    QVERIFY(doc.object().value(u"results"_s).toArray().isEmpty());
}

void TestBenchReport::addTimeChecksTheTarget()
{
    BenchReport report(u"search"_s);
    report.addTime(u"fast"_s, u"p99"_s, 4.0, u"ms"_s, 10.0);
    report.addTime(u"exact"_s, u"p99"_s, 10.0, u"ms"_s, 10.0);
    report.addTime(u"slow"_s, u"p99"_s, 12.5, u"ms"_s, 10.0);
    report.addTime(u"free"_s, u"p50"_s, 1.0, u"ms"_s);
    const QList<BenchResult> &results = report.results();
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).met, std::optional<bool>(true));
    QCOMPARE(results.at(1).met, std::optional<bool>(true));
    QCOMPARE(results.at(2).met, std::optional<bool>(false));
    QVERIFY(!results.at(3).met);
    QVERIFY(results.at(3).target.isEmpty());
    QVERIFY(results.at(0).target.contains(u"10"_s));
    const QJsonArray json =
        QJsonDocument::fromJson(report.toJson()).object().value(u"results"_s).toArray();
    QCOMPARE(json.at(0).toObject().value(u"target"_s).toString(), results.at(0).target);
    QVERIFY(json.at(3).toObject().value(u"target"_s).isNull());
}

void TestBenchReport::tableHasHeadersAndEveryResult()
{
    BenchReport report(u"search"_s);
    report.addTime(u"1000 products"_s, u"keystroke p99"_s, 4.0, u"ms"_s, 10.0);
    report.addTime(u"100000 products"_s, u"keystroke p99"_s, 14.0, u"ms"_s, 10.0);
    BenchResult peer;
    peer.caseName = u"lineage 5000 nodes"_s;
    peer.metric = u"layout"_s;
    peer.value = 0.5;
    peer.unit = u"s"_s;
    peer.peer = u"graphviz dot"_s;
    peer.peerValue = 2.0;
    peer.ratio = 4.0;
    report.add(peer);

    const QString table = report.toTable();
    QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3 + report.results().size()); // title, header, rule, rows
    QVERIFY2(lines.at(0).contains(u"search"_s), qPrintable(lines.at(0)));
    for (const QString &header :
         {u"case"_s, u"metric"_s, u"value"_s, u"target"_s, u"peer"_s, u"ratio"_s})
        QVERIFY2(lines.at(1).contains(header), qPrintable(header));
    for (qsizetype i = 0; i < report.results().size(); ++i) {
        const BenchResult &r = report.results().at(i);
        const QString &row = lines.at(3 + i);
        QVERIFY2(row.startsWith(r.caseName), qPrintable(row));
        QVERIFY2(row.contains(r.metric), qPrintable(row));
    }
    QVERIFY2(lines.at(3).contains(u"ok"_s), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).contains(u"MISSED"_s), qPrintable(lines.at(4)));
    QVERIFY2(lines.at(5).contains(u"graphviz dot"_s), qPrintable(lines.at(5)));
    QVERIFY2(lines.at(5).contains(u"4"_s), qPrintable(lines.at(5)));
}

void TestBenchReport::percentileUsesNearestRank_data()
{
    QTest::addColumn<QList<double>>("samples");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    // Nearest rank: the ceil(p/100 × n)-th smallest sample (the minimum for p = 0).
    const QList<double> five = {15, 20, 35, 40, 50};
    QTest::newRow("empty") << QList<double>() << 50.0 << 0.0;
    QTest::newRow("one sample p0") << QList<double>{5} << 0.0 << 5.0;
    QTest::newRow("one sample p50") << QList<double>{5} << 50.0 << 5.0;
    QTest::newRow("one sample p100") << QList<double>{5} << 100.0 << 5.0;
    QTest::newRow("five p5") << five << 5.0 << 15.0;
    QTest::newRow("five p30") << five << 30.0 << 20.0;
    QTest::newRow("five p40") << five << 40.0 << 20.0;
    QTest::newRow("five p50") << five << 50.0 << 35.0;
    QTest::newRow("five p100") << five << 100.0 << 50.0;
    QTest::newRow("unsorted p50") << QList<double>{3, 1, 2} << 50.0 << 2.0;
    QTest::newRow("unsorted p100") << QList<double>{3, 1, 2} << 100.0 << 3.0;
    QTest::newRow("ten p90") << QList<double>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 90.0 << 9.0;
    QTest::newRow("ten p91") << QList<double>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1} << 91.0 << 10.0;
    QList<double> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    QTest::newRow("hundred p99") << hundred << 99.0 << 99.0;
    QTest::newRow("hundred p95") << hundred << 95.0 << 95.0;
    QTest::newRow("hundred p50") << hundred << 50.0 << 50.0;
}

void TestBenchReport::percentileUsesNearestRank()
{
    QFETCH(QList<double>, samples);
    QFETCH(double, p);
    QFETCH(double, expected);
    const QList<double> copy = samples;
    QCOMPARE(percentile(samples, p), expected);
    QCOMPARE(samples, copy); // sorts a copy
}

void TestBenchReport::keystrokesTypeEveryPrefixButSpaces_data()
{
    QTest::addColumn<QStringList>("queries");
    QTest::addColumn<QStringList>("keystrokes");
    QTest::newRow("space is typed with the next letter")
        << QStringList{u"ab c"_s} << QStringList{u"a"_s, u"ab"_s, u"ab c"_s};
    QTest::newRow("two queries") << QStringList{u"gr"_s, u"hub"_s}
                                 << QStringList{u"g"_s, u"gr"_s, u"h"_s, u"hu"_s, u"hub"_s};
    QTest::newRow("two spaces") << QStringList{u"a  b"_s} << QStringList{u"a"_s, u"a  b"_s};
    QTest::newRow("empty query") << QStringList{QString()} << QStringList();
    QTest::newRow("no queries") << QStringList() << QStringList();
}

void TestBenchReport::keystrokesTypeEveryPrefixButSpaces()
{
    QFETCH(QStringList, queries);
    QFETCH(QStringList, keystrokes);
    QCOMPARE(SearchBench::keystrokes(queries), keystrokes);
}

void TestBenchReport::searchBenchReportsOrderedPercentiles()
{
    QTemporaryDir dir;
    CatalogError error;
    auto store = MeshTest::createCatalog(dir.filePath(u"bench.mesh"_s), 30, &error);
    QVERIFY2(store, qPrintable(error.message));
    const QStringList queries = {u"fixture product"_s, u"hubspot"_s};
    const QStringList typed = SearchBench::keystrokes(queries);

    BenchReport report(u"search"_s);
    QList<QPair<double, QString>> slowest;
    SearchBench::run(*store, queries, report, u"fixtures"_s, &slowest);
    QVERIFY(!report.results().isEmpty());
    QHash<QString, double> byMetric;
    for (const BenchResult &r : report.results()) {
        QVERIFY2(r.caseName.contains(u"fixtures"_s), qPrintable(r.caseName));
        QVERIFY2(r.value >= 0, qPrintable(r.metric));
        byMetric.insert(r.metric, r.value);
    }
    for (const QString &what : {u"search"_s, u"facets"_s}) {
        QVERIFY(byMetric.contains(what + u" p50"_s));
        QVERIFY(byMetric.value(what + u" p50"_s) <= byMetric.value(what + u" p95"_s));
        QVERIFY(byMetric.value(what + u" p95"_s) <= byMetric.value(what + u" p99"_s));
    }
    QCOMPARE(slowest.size(), typed.size());
    for (qsizetype i = 1; i < slowest.size(); ++i)
        QVERIFY(slowest.at(i - 1).first >= slowest.at(i).first);
    QStringList slowTexts;
    for (const auto &s : slowest)
        slowTexts.append(s.second);
    slowTexts.sort();
    QStringList sortedTyped = typed;
    sortedTyped.sort();
    QCOMPARE(slowTexts, sortedTyped);
}

void TestBenchReport::realisticQueriesAreDeterministic()
{
    QTemporaryDir dir;
    CatalogError error;
    auto store = MeshTest::createCatalog(dir.filePath(u"q.mesh"_s), 30, &error);
    QVERIFY2(store, qPrintable(error.message));
    const QStringList first = SearchBench::realisticQueries(*store, 25, 11);
    QCOMPARE(first.size(), 25);
    QCOMPARE(SearchBench::realisticQueries(*store, 25, 11), first);
    for (const QString &q : first) {
        QVERIFY(!q.trimmed().isEmpty());
        QCOMPARE(q, q.toLower());
    }
    QVERIFY(SearchBench::realisticQueries(*store, 25, 12) != first);
}

QTEST_GUILESS_MAIN(TestBenchReport)
#include "tst_benchreport.moc"
