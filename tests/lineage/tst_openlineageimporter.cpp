// SPDX-License-Identifier: MIT
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "lineage/lineagegraph.h"
#include "lineage/openlineageimporter.h"
#include "testsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

class TestOpenLineageImporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void importsDatasetsSchemaAndColumnLineage();
    void acceptsWhatRealProducersSend_data();
    void acceptsWhatRealProducersSend();
    void parsesEventTimes_data();
    void parsesEventTimes();
    void readsOneObjectAnArrayOrNdjson_data();
    void readsOneObjectAnArrayOrNdjson();
    void keepsTheLastStateOfARun();
    void laterEventsWinEvenWhenTheyArriveFirst();
    void mergesRepeatedEvents();
    void reportsEachBadRecordAndImportsTheRest_data();
    void reportsEachBadRecordAndImportsTheRest();
    void leavesOutSelfLoopsWithAWarning();
    void linksDatasetsToProductsAndTheirLineage();
    void exportedEventsImportToTheSameGraph();
    void cancelLeavesTheCatalogUnchanged();

private:
    QByteArray importText(const QByteArray &text, ImportReport *report);
    qint64 count(const QString &sql);

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_store;
    int m_catalogs = 0;
};

namespace {

QJsonObject dataset(const QString &ns, const QString &name, const QJsonObject &facets = {})
{
    QJsonObject d{{QStringLiteral("namespace"), ns}, {QStringLiteral("name"), name}};
    if (!facets.isEmpty())
        d.insert(QStringLiteral("facets"), facets);
    return d;
}

QJsonObject schema(const QStringList &fields)
{
    QJsonArray list;
    for (const QString &f : fields)
        list.append(QJsonObject{{QStringLiteral("name"), f}, {QStringLiteral("type"), QStringLiteral("STRING")}});
    return {{QStringLiteral("fields"), list}};
}

QJsonObject runEvent(const QString &type, const QString &time, const QString &runId,
                  const QJsonArray &inputs, const QJsonArray &outputs,
                  const QString &job = QStringLiteral("daily_margin"))
{
    return {{QStringLiteral("eventType"), type},
            {QStringLiteral("eventTime"), time},
            {QStringLiteral("producer"), QStringLiteral("https://github.com/OpenLineage/OpenLineage/tree/1.20.5/integration/spark")},
            {QStringLiteral("schemaURL"), QStringLiteral("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent")},
            {QStringLiteral("run"), QJsonObject{{QStringLiteral("runId"), runId}}},
            {QStringLiteral("job"), QJsonObject{{QStringLiteral("namespace"), QStringLiteral("spark")},
                                                {QStringLiteral("name"), job}}},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("outputs"), outputs}};
}

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

const QString kNs = QStringLiteral("postgres://warehouse:5432");

/** The hand-written event of the spec's column lineage example: margin from revenue and cost. */
QJsonObject marginEvent(const QString &time = QStringLiteral("2025-03-01T02:00:00.000Z"))
{
    const QJsonObject lineage{
        {QStringLiteral("fields"),
         QJsonObject{
             {QStringLiteral("margin"),
              QJsonObject{{QStringLiteral("inputFields"),
                           QJsonArray{QJsonObject{{QStringLiteral("namespace"), kNs},
                                                  {QStringLiteral("name"), QStringLiteral("sales.revenue")},
                                                  {QStringLiteral("field"), QStringLiteral("amount")},
                                                  {QStringLiteral("transformations"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("DIRECT")},
                                                                          {QStringLiteral("subtype"), QStringLiteral("AGGREGATION")}}}}},
                                      QJsonObject{{QStringLiteral("namespace"), kNs},
                                                  {QStringLiteral("name"), QStringLiteral("finance.cost")},
                                                  {QStringLiteral("field"), QStringLiteral("cost")}}}}}},
             {QStringLiteral("month"),
              QJsonObject{{QStringLiteral("inputFields"),
                           QJsonArray{QJsonObject{{QStringLiteral("namespace"), kNs},
                                                  {QStringLiteral("name"), QStringLiteral("sales.revenue")},
                                                  {QStringLiteral("field"), QStringLiteral("month")},
                                                  {QStringLiteral("transformations"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("DIRECT")},
                                                                          {QStringLiteral("subtype"), QStringLiteral("IDENTITY")}}}}}}}}}}}};
    return runEvent(QStringLiteral("COMPLETE"), time, QStringLiteral("run-1"),
                 {dataset(kNs, QStringLiteral("sales.revenue"),
                          {{QStringLiteral("schema"), schema({QStringLiteral("amount"), QStringLiteral("month")})}}),
                  dataset(kNs, QStringLiteral("finance.cost"))},
                 {dataset(kNs, QStringLiteral("finance.margin"),
                          {{QStringLiteral("schema"), schema({QStringLiteral("margin"), QStringLiteral("month")})},
                           {QStringLiteral("columnLineage"), lineage}})});
}

} // namespace

void TestOpenLineageImporter::init()
{
    CatalogError error;
    m_store = MeshTest::createCatalog(m_dir.filePath(QStringLiteral("c%1.mesh").arg(++m_catalogs)), 3, &error);
    QVERIFY2(m_store, qPrintable(error.message));
}

QByteArray TestOpenLineageImporter::importText(const QByteArray &text, ImportReport *report)
{
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CatalogError error;
    if (!OpenLineageImporter(*m_store).import(&buffer, report, &error))
        return error.message.toUtf8();
    return {};
}

qint64 TestOpenLineageImporter::count(const QString &sql)
{
    return m_store->database().scalar(sql).toLongLong();
}

void TestOpenLineageImporter::importsDatasetsSchemaAndColumnLineage()
{
    ImportReport report;
    QCOMPARE(importText(line(marginEvent()), &report), QByteArray());
    QCOMPARE(report.imported, 1);
    QCOMPARE(report.rejected, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_datasets")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM column_lineage")), 3);
    QCOMPARE(m_store->database().scalar(QStringLiteral(
                 "SELECT group_concat(name, ',') FROM (SELECT f.name FROM ol_fields f JOIN ol_datasets d "
                 "ON d.id = f.dataset_id WHERE d.name = 'finance.margin' ORDER BY f.name)")).toString(),
             QStringLiteral("margin,month"));
    // Kinds come from the transformations: aggregation, identity, and unknown = transform.
    QCOMPARE(m_store->database().scalar(QStringLiteral(
                 "SELECT group_concat(kind, ',') FROM (SELECT kind FROM column_lineage ORDER BY kind)")).toString(),
             QStringLiteral("aggregate,copy,transform"));
    QCOMPARE(m_store->database().scalar(QStringLiteral(
                 "SELECT kind FROM dataset_lineage e JOIN ol_datasets d ON d.id = e.from_id "
                 "WHERE d.name = 'sales.revenue'")).toString(),
             QStringLiteral("aggregate"));

    LineageGraph graph;
    CatalogError error;
    QVERIFY(LineageGraph::load(*m_store, &graph, &error));
    const int column = graph.find(kNs + QStringLiteral("/finance.margin#margin"));
    QVERIFY(column >= 0);
    QCOMPARE(graph.inLinks(column).size(), size_t(2));
}

void TestOpenLineageImporter::acceptsWhatRealProducersSend_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("dataset");

    QJsonObject v1 = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                           {dataset(QStringLiteral("s3://raw"), QStringLiteral("a"))},
                           {dataset(QStringLiteral("s3://raw"), QStringLiteral("b"))});
    v1.remove(QStringLiteral("schemaURL"));
    QTest::newRow("1.x without schemaURL") << line(v1) << QStringLiteral("s3://raw/b");

    QJsonObject nanos = v1;
    nanos.insert(QStringLiteral("eventTime"), QStringLiteral("2024-01-01T00:00:00.123456789+02:00"));
    QTest::newRow("nanoseconds") << line(nanos) << QStringLiteral("s3://raw/b");

    QJsonObject naive = v1;
    naive.insert(QStringLiteral("eventTime"), QStringLiteral("2024-01-01 00:00:00.5"));
    QTest::newRow("no time zone") << line(naive) << QStringLiteral("s3://raw/b");

    const QJsonObject unicode = runEvent(QStringLiteral("START"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                                      {dataset(QStringLiteral("mysql://zürich"), QStringLiteral("ventes.données"))},
                                      {dataset(QStringLiteral("mysql://zürich"), QStringLiteral("売上.集計"))});
    QTest::newRow("non-ASCII names") << line(unicode) << QStringLiteral("mysql://zürich/売上.集計");

    QJsonObject unknown = v1;
    QJsonObject out = dataset(QStringLiteral("s3://raw"), QStringLiteral("b"),
                              {{QStringLiteral("acme_freshness"), QJsonObject{{QStringLiteral("hours"), 3}}}});
    unknown.insert(QStringLiteral("outputs"), QJsonArray{out});
    unknown.insert(QStringLiteral("run"), QJsonObject{{QStringLiteral("runId"), QStringLiteral("r")},
                                                      {QStringLiteral("facets"), QJsonObject{{QStringLiteral("spark_version"), QJsonObject{{QStringLiteral("v"), QStringLiteral("3.5")}}}}}});
    QTest::newRow("unknown facets") << line(unknown) << QStringLiteral("s3://raw/b");
}

void TestOpenLineageImporter::acceptsWhatRealProducersSend()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, dataset);
    ImportReport report;
    QCOMPARE(importText(json, &report), QByteArray());
    QCOMPARE(report.rejected, 0);
    QCOMPARE(report.imported, 1);
    LineageGraph graph;
    CatalogError error;
    QVERIFY(LineageGraph::load(*m_store, &graph, &error));
    const int node = graph.find(dataset);
    QVERIFY2(node >= 0, qPrintable(dataset));
    QCOMPARE(graph.inLinks(node).size(), size_t(1));
    if (QByteArray(QTest::currentDataTag()) == "unknown facets") {
        QVERIFY(m_store->database().scalar(QStringLiteral("SELECT facets FROM ol_datasets WHERE name = 'b'"))
                    .toString().contains(QStringLiteral("acme_freshness")));
        QVERIFY(m_store->database().scalar(QStringLiteral("SELECT facets FROM ol_runs"))
                    .toString().contains(QStringLiteral("spark_version")));
    }
}

void TestOpenLineageImporter::parsesEventTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("utc");
    const QString noon = QStringLiteral("2025-03-01T12:00:00.000Z");
    QTest::newRow("Z") << QStringLiteral("2025-03-01T12:00:00Z") << noon;
    QTest::newRow("millis") << QStringLiteral("2025-03-01T12:00:00.250Z") << QStringLiteral("2025-03-01T12:00:00.250Z");
    QTest::newRow("nanos") << QStringLiteral("2025-03-01T12:00:00.123456789Z") << QStringLiteral("2025-03-01T12:00:00.123Z");
    QTest::newRow("offset") << QStringLiteral("2025-03-01T14:00:00+02:00") << noon;
    QTest::newRow("offset no colon") << QStringLiteral("2025-03-01T07:00:00-0500") << noon;
    QTest::newRow("no zone = UTC") << QStringLiteral("2025-03-01T12:00:00") << noon;
    QTest::newRow("space") << QStringLiteral("2025-03-01 12:00:00") << noon;
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QString();
    QTest::newRow("month 13") << QStringLiteral("2025-13-01T12:00:00Z") << QString();
}

void TestOpenLineageImporter::parsesEventTimes()
{
    QFETCH(QString, text);
    QFETCH(QString, utc);
    const QDateTime t = OpenLineageImporter::parseEventTime(text);
    QCOMPARE(t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")) : QString(), utc);
}

void TestOpenLineageImporter::readsOneObjectAnArrayOrNdjson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("events");
    const QJsonObject a = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r1"),
                                {dataset(QStringLiteral("ns"), QStringLiteral("a"))}, {dataset(QStringLiteral("ns"), QStringLiteral("b"))});
    const QJsonObject b = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r2"),
                                {dataset(QStringLiteral("ns"), QStringLiteral("b"))}, {dataset(QStringLiteral("ns"), QStringLiteral("c"))},
                                QStringLiteral("other"));
    QTest::newRow("one object, indented") << QJsonDocument(a).toJson(QJsonDocument::Indented) << 1;
    QTest::newRow("array") << QJsonDocument(QJsonArray{a, b}).toJson(QJsonDocument::Indented) << 2;
    QTest::newRow("ndjson") << line(a) + line(b) << 2;
    QTest::newRow("ndjson with blank lines and CRLF") << line(a).replace('\n', "\r\n") + "\r\n\n" + line(b) << 2;
    QTest::newRow("braces inside strings") << line(runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r}{\"]"),
                                                         {dataset(QStringLiteral("ns"), QStringLiteral("x}"))}, {dataset(QStringLiteral("ns"), QStringLiteral("[y"))})) << 1;
}

void TestOpenLineageImporter::readsOneObjectAnArrayOrNdjson()
{
    QFETCH(QByteArray, text);
    QFETCH(int, events);
    ImportReport report;
    QCOMPARE(importText(text, &report), QByteArray());
    QCOMPARE(report.records, events);
    QCOMPARE(report.imported, events);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), events);
}

void TestOpenLineageImporter::keepsTheLastStateOfARun()
{
    QByteArray text;
    const QStringList states = {QStringLiteral("START"), QStringLiteral("RUNNING"), QStringLiteral("FAIL"), QStringLiteral("COMPLETE")};
    for (int i = 0; i < states.size(); ++i)
        text += line(runEvent(states.at(i), QStringLiteral("2025-01-01T00:00:0%1Z").arg(i), QStringLiteral("run-7"),
                           {dataset(kNs, QStringLiteral("in"))}, {dataset(kNs, QStringLiteral("out"))}));
    ImportReport report;
    QCOMPARE(importText(text, &report), QByteArray());
    QCOMPARE(report.imported, 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_runs")), 1);
    QCOMPARE(m_store->database().scalar(QStringLiteral("SELECT state FROM ol_runs")).toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 1);
}

void TestOpenLineageImporter::laterEventsWinEvenWhenTheyArriveFirst()
{
    // The later event (by eventTime) comes first in the file; the earlier one must not undo it.
    QJsonObject later = marginEvent(QStringLiteral("2025-03-02T00:00:00Z"));
    QJsonObject earlier = runEvent(QStringLiteral("START"), QStringLiteral("2025-03-01T00:00:00Z"), QStringLiteral("run-1"),
                                {dataset(kNs, QStringLiteral("sales.revenue"))},
                                {dataset(kNs, QStringLiteral("finance.margin"),
                                         {{QStringLiteral("schema"), schema({QStringLiteral("old_column")})}})});
    ImportReport report;
    QCOMPARE(importText(line(later) + line(earlier), &report), QByteArray());
    QCOMPARE(m_store->database().scalar(QStringLiteral("SELECT state FROM ol_runs")).toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_fields WHERE name = 'old_column'")), 0);

    // A newer schema replaces the columns; the newer column lineage of the job replaces the old.
    const QJsonObject input{{QStringLiteral("namespace"), kNs},
                            {QStringLiteral("name"), QStringLiteral("sales.revenue")},
                            {QStringLiteral("field"), QStringLiteral("amount")}};
    const QJsonObject fields{
        {QStringLiteral("margin"), QJsonObject{{QStringLiteral("inputFields"), QJsonArray{input}}}}};
    const QJsonObject facets{{QStringLiteral("schema"), schema({QStringLiteral("margin")})},
                             {QStringLiteral("columnLineage"), QJsonObject{{QStringLiteral("fields"), fields}}}};
    const QJsonObject newer = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2025-03-03T00:00:00Z"),
                                       QStringLiteral("run-2"), {dataset(kNs, QStringLiteral("sales.revenue"))},
                                       {dataset(kNs, QStringLiteral("finance.margin"), facets)});
    QCOMPARE(importText(line(newer), &report), QByteArray());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_fields f JOIN ol_datasets d ON d.id = f.dataset_id "
                                  "WHERE d.name = 'finance.margin'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM column_lineage")), 1);
}

void TestOpenLineageImporter::mergesRepeatedEvents()
{
    ImportReport report;
    const QByteArray text = line(marginEvent()) + line(marginEvent());
    QCOMPARE(importText(text, &report), QByteArray());
    QCOMPARE(importText(text, &report), QByteArray());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_datasets")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM column_lineage")), 3);
}

void TestOpenLineageImporter::reportsEachBadRecordAndImportsTheRest_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("message");
    const QJsonObject good = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                                   {dataset(QStringLiteral("ns"), QStringLiteral("a"))}, {dataset(QStringLiteral("ns"), QStringLiteral("b"))});
    const auto without = [&](const QString &key) {
        QJsonObject o = good;
        o.remove(key);
        return line(o);
    };
    QTest::newRow("no eventTime") << without(QStringLiteral("eventTime")) << QStringLiteral("missing required field eventTime");
    QTest::newRow("no run") << without(QStringLiteral("run")) << QStringLiteral("run.runId");
    QTest::newRow("no job") << without(QStringLiteral("job")) << QStringLiteral("job.namespace, job.name");
    QTest::newRow("no producer") << without(QStringLiteral("producer")) << QStringLiteral("producer");
    QJsonObject o = good;
    o.insert(QStringLiteral("eventTime"), QStringLiteral("last tuesday"));
    QTest::newRow("bad time") << line(o) << QStringLiteral("not an ISO 8601 timestamp");
    o = good;
    o.insert(QStringLiteral("eventType"), QStringLiteral("DONE"));
    QTest::newRow("bad eventType") << line(o) << QStringLiteral("eventType “DONE”");
    o = good;
    o.insert(QStringLiteral("inputs"), QJsonArray{QJsonObject{{QStringLiteral("namespace"), QStringLiteral("ns")}}});
    QTest::newRow("input without name") << line(o) << QStringLiteral("inputs[0] has no name");
    o = good;
    o.insert(QStringLiteral("outputs"), QStringLiteral("b"));
    QTest::newRow("outputs not an array") << line(o) << QStringLiteral("outputs is not an array");
    QTest::newRow("truncated JSON") << QByteArray("{\"eventTime\": \"2024\", \"run\": {\n") << QStringLiteral("not valid JSON");
    QTest::newRow("not an object") << QByteArray("[1, 2]\n") << QStringLiteral("not a JSON object");
    QTest::newRow("bare word") << QByteArray("hello\n") << QStringLiteral("not valid JSON");
}

void TestOpenLineageImporter::reportsEachBadRecordAndImportsTheRest()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, message);
    const QByteArray good = line(runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                                       {dataset(QStringLiteral("ns"), QStringLiteral("a"))}, {dataset(QStringLiteral("ns"), QStringLiteral("b"))}));
    const bool truncated = QByteArray(QTest::currentDataTag()) == "truncated JSON";
    // A truncated record swallows what follows, so it goes last.
    const QByteArray text = truncated ? good + good + bad : good + bad + good;
    ImportReport report;
    QCOMPARE(importText(text, &report), QByteArray());
    QCOMPARE(report.records, 3);
    QCOMPARE(report.imported, 2);
    QCOMPARE(report.rejected, 1);
    QCOMPARE(report.problems.size(), 1);
    const ImportProblem p = report.problems.first();
    QCOMPARE(p.record, truncated ? 3 : 2);
    QCOMPARE(p.line, truncated ? 3 : 2);
    QVERIFY(!p.warning);
    QVERIFY2(p.message.contains(message), qPrintable(p.message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 1);
}

void TestOpenLineageImporter::leavesOutSelfLoopsWithAWarning()
{
    const QJsonObject loop = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                                   {dataset(QStringLiteral("ns"), QStringLiteral("t")), dataset(QStringLiteral("ns"), QStringLiteral("u"))},
                                   {dataset(QStringLiteral("ns"), QStringLiteral("t"))});
    ImportReport report;
    QCOMPARE(importText(line(loop), &report), QByteArray());
    QCOMPARE(report.imported, 1);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY(report.problems.first().warning);
    QVERIFY(report.problems.first().message.contains(QStringLiteral("self-loop on ns/t")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 1);
}

void TestOpenLineageImporter::linksDatasetsToProductsAndTheirLineage()
{
    // Fixture products 0 and 1: one named by product key, one by a dataset name of the product.
    const QJsonObject e = runEvent(QStringLiteral("COMPLETE"), QStringLiteral("2024-01-01T00:00:00Z"), QStringLiteral("r"),
                                {dataset(QStringLiteral("warehouse"), QStringLiteral("fixture.product-0"))},
                                {dataset(QStringLiteral("warehouse"), QStringLiteral("table_1_0")),
                                 dataset(QStringLiteral("warehouse"), QStringLiteral("unknown.table"))});
    ImportReport report;
    QCOMPARE(importText(line(e), &report), QByteArray());
    QCOMPARE(report.productEdges, 1);
    const QList<LineageEdge> edges = m_store->lineageOf(QStringLiteral("fixture.product-1"));
    QCOMPARE(edges.size(), 1);
    QCOMPARE(edges.first().fromKey, QStringLiteral("fixture.product-0"));
    QCOMPARE(edges.first().jobName, QStringLiteral("daily_margin"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_datasets WHERE product_id IS NULL")), 1);
}

void TestOpenLineageImporter::exportedEventsImportToTheSameGraph()
{
    ImportReport report;
    QCOMPARE(importText(line(marginEvent()), &report), QByteArray());
    LineageGraph graph;
    CatalogError error;
    QVERIFY(LineageGraph::load(*m_store, &graph, &error));
    QList<int> olNodes;
    for (int i = 0; i < graph.nodeCount(); ++i)
        if (graph.node(i).level != LineageLevel::Product)
            olNodes.append(i);
    const QByteArray exported = LineageExport::toOpenLineage(graph.subgraph(olNodes));

    init(); // a fresh catalog
    QCOMPARE(importText(exported, &report), QByteArray());
    QCOMPARE(report.rejected, 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM dataset_lineage")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM column_lineage")), 3);
    QCOMPARE(m_store->database().scalar(QStringLiteral(
                 "SELECT group_concat(kind, ',') FROM (SELECT kind FROM column_lineage ORDER BY kind)")).toString(),
             QStringLiteral("aggregate,copy,transform"));
    const QByteArray dot = LineageExport::toDot(graph, kNs + QStringLiteral("/finance.margin"));
    QVERIFY(dot.startsWith("digraph lineage {"));
    QVERIFY(dot.contains("\"postgres://warehouse:5432/sales.revenue#amount\" -> \"postgres://warehouse:5432/finance.margin#margin\""));
    QVERIFY(dot.contains("penwidth=3"));
}

void TestOpenLineageImporter::cancelLeavesTheCatalogUnchanged()
{
    std::atomic<bool> cancel = true;
    OpenLineageImporter importer(*m_store);
    importer.setCancelFlag(&cancel);
    QByteArray text = line(marginEvent());
    QBuffer buffer(&text);
    buffer.open(QIODevice::ReadOnly);
    ImportReport report;
    CatalogError error;
    QVERIFY(importer.import(&buffer, &report, &error));
    QVERIFY(report.cancelled);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ol_datasets")), 0);
}

QTEST_GUILESS_MAIN(TestOpenLineageImporter)
#include "tst_openlineageimporter.moc"
