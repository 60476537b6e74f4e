// SPDX-License-Identifier: MIT
// SyncEngine against a loopback server serving every source type and every fault: the mapping
// of each API, parallel sync, 304 refreshes, side-by-side products, and after every fault the
// last good snapshot intact with a clear error.
#include "federation/credentialstore.h"
#include "federation/meshjson.h"
#include "federation/sourceregistry.h"
#include "db/sqlite.h"
#include "editing/editingservice.h"
#include "federation/syncengine.h"

#include "fedfixture.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Mesh;
using namespace MeshTest;

namespace {

TransportOptions fastOptions()
{
    TransportOptions o;
    o.connectTimeoutMs = 2000;
    o.requestTimeoutMs = 1500;
    o.stallTimeoutMs = 1000;
    o.maxAttempts = 3;
    o.backoffBaseMs = 10;
    o.backoffMaxMs = 50;
    o.maxRetryAfterMs = 5000;
    o.maxResponseBytes = 256 * 1024;
    o.maxRedirects = 3;
    return o;
}

SourceSyncResult resultOf(const SyncReport &report, const QString &name)
{
    for (const SourceSyncResult &r : report.sources)
        if (r.source == name)
            return r;
    return {};
}

/** "name: error" of every source that failed, for QVERIFY2. */
QString failures(const SyncReport &report)
{
    QStringList failed;
    for (const SourceSyncResult &r : report.sources)
        if (!r.ok)
            failed << r.source + QLatin1String(": ") + r.error;
    return failed.join(QLatin1String("; "));
}

/** Syncs every source of store with the tests' short timeouts. */
SyncReport syncAll(SqliteCatalogStore &store)
{
    SyncEngine engine(store);
    engine.setTransportOptions(fastOptions());
    return engine.sync();
}

} // namespace

class TstSyncEngine : public QObject
{
    Q_OBJECT

private:
    LoopbackServer m_server;
    QString url(const char *path) const { return m_server.baseUrl() + QLatin1String(path); }

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init()
    {
        m_server.clear();
        serveAllTypes(m_server);
        m_server.resetCounts();
    }

    void mapsEverySourceType()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om")), &e));
        QVERIFY(registry.add(source(QStringLiteral("dh"), SourceType::DataHub, url("/dh/")), &e));
        QVERIFY(registry.add(source(QStringLiteral("mq"), SourceType::Marquez, url("/mq")), &e));
        QVERIFY(registry.add(source(QStringLiteral("mesh"), SourceType::MeshJson, url("/mesh.json")), &e));
        QVERIFY(registry.add(source(QStringLiteral("odcs"), SourceType::Odcs, url("/contract.yaml")), &e));
        const SyncReport report = syncAll(*store);
        QVERIFY2(report.allOk(), qPrintable(failures(report)));
        QCOMPARE(report.sources.size(), 5);

        // OpenMetadata: two pages, PII tags, owners, lineage between the two tables only.
        QCOMPARE(resultOf(report, QStringLiteral("om")).products, 2);
        const auto customer = store->productByKey(QStringLiteral("om/sample_data.ecommerce_db.shopify.dim_customer"));
        QVERIFY(customer);
        QCOMPARE(customer->name, QStringLiteral("dim_customer"));
        QCOMPARE(customer->ownerId, QStringLiteral("aaron_johnson0"));
        QCOMPARE(customer->domain, QStringLiteral("shopify"));
        QCOMPARE(customer->sourceName, QStringLiteral("om"));
        QCOMPARE(customer->sourceSystem, QStringLiteral("OpenMetadata (sample_data)"));
        QCOMPARE(customer->tags, QStringList{QStringLiteral("Tier.Tier1")});
        QCOMPARE(customer->datasets.size(), 1);
        QCOMPARE(customer->datasets[0].columns.size(), 2);
        QCOMPARE(customer->datasets[0].columns[1].classification, QStringLiteral("PII.Sensitive"));
        QCOMPARE(customer->datasets[0].columns[0].type, QStringLiteral("numeric"));
        QCOMPARE(customer->updatedAt, QDateTime::fromSecsSinceEpoch(1769982651, Qt::UTC)); // catalog keeps seconds
        QCOMPARE(store->user(QStringLiteral("aaron_johnson0"))->displayName, QStringLiteral("Aaron Johnson"));
        const QList<LineageEdge> omEdges =
            store->lineageOf(QStringLiteral("om/sample_data.ecommerce_db.shopify.fact_order"));
        QCOMPARE(omEdges.size(), 1);
        QCOMPARE(omEdges[0].fromKey, QStringLiteral("om/sample_data.ecommerce_db.shopify.dim_customer"));
        QVERIFY(!resultOf(report, QStringLiteral("om")).warnings.isEmpty()); // the pipeline edge

        // DataHub: urn keys, editable description wins, domain, owner, field PII tag, upstream.
        const QString hive = QStringLiteral("dh/urn:li:dataset:(urn:li:dataPlatform:hive,SampleHiveDataset,PROD)");
        const auto sample = store->productByKey(hive);
        QVERIFY(sample);
        QCOMPARE(sample->domain, QStringLiteral("Marketing"));
        QCOMPARE(sample->ownerId, QStringLiteral("jdoe"));
        QCOMPARE(sample->sourceSystem, QStringLiteral("DataHub (hive)"));
        QCOMPARE(sample->datasets[0].columns[1].classification, QStringLiteral("PII.Sensitive"));
        const auto events = store->productByKey(
            QStringLiteral("dh/urn:li:dataset:(urn:li:dataPlatform:hive,logging_events,PROD)"));
        QVERIFY(events);
        QCOMPARE(events->description, QStringLiteral("Events logged by the web app."));
        const QList<LineageEdge> dhEdges = store->lineageOf(events->key);
        QCOMPARE(dhEdges.size(), 1);
        QCOMPARE(dhEdges[0].fromKey, hive);

        // Marquez: namespace as domain, dataset → job → dataset collapsed to one named edge.
        const auto delivery = store->productByKey(QStringLiteral("mq/food_delivery:public.delivery_7_days"));
        QVERIFY(delivery);
        QCOMPARE(delivery->domain, QStringLiteral("food_delivery"));
        QCOMPARE(delivery->ownerId, QStringLiteral("me"));
        QCOMPARE(delivery->datasets[0].columns[1].classification, QStringLiteral("PII.Sensitive"));
        const QList<LineageEdge> mqEdges = store->lineageOf(delivery->key);
        QCOMPARE(mqEdges.size(), 1);
        QCOMPARE(mqEdges[0].fromKey, QStringLiteral("mq/food_delivery:public.orders"));
        QCOMPARE(mqEdges[0].jobName, QStringLiteral("etl_delivery_7_days"));

        // Mesh Explorer JSON: everything as exported, lineage kind and job kept.
        const auto margin = store->productByKey(QStringLiteral("mesh/finance.gross-margin"));
        QVERIFY(margin);
        QCOMPARE(margin->freshnessSlaHours, 24);
        QCOMPARE(store->lineageOf(margin->key).value(0).kind, QStringLiteral("aggregate"));

        // ODCS: one product per contract, a dataset per schema object.
        const auto contract = store->productByKey(
            QStringLiteral("odcs/53581432-6c55-4ba2-a65f-72344a91553a"));
        QVERIFY(contract);
        QCOMPARE(contract->name, QStringLiteral("seller_payments_v1"));
        QCOMPARE(contract->domain, QStringLiteral("seller"));
        QCOMPARE(contract->version, QStringLiteral("1.1.0"));
        QCOMPARE(contract->datasets.size(), 1);
        QCOMPARE(contract->datasets[0].columns.size(), 3);
        QCOMPARE(contract->datasets[0].columns[1].classification, QStringLiteral("PII.Sensitive"));

        // Every record carries its source and fetched-at time.
        QCOMPARE(store->database().scalar(QStringLiteral(
                     "SELECT count(*) FROM products WHERE source_id IS NULL OR fetched_at IS NULL")).toInt(), 0);
        for (const SourceDefinition &s : registry.sources()) {
            QVERIFY(s.fetchedAt.isValid());
            QVERIFY(s.lastError.isEmpty());
        }
    }

    void baseUrlsThatAlreadyNameTheApiReachTheSameRequests()
    {
        // As users paste them: OpenMetadata's configured hostPort (…/api), Marquez's API root
        // (…/api/v1/), DataHub's GraphQL endpoint itself.
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om/api")), &e));
        QVERIFY(registry.add(source(QStringLiteral("mq"), SourceType::Marquez, url("/mq/api/v1/")), &e));
        QVERIFY(registry.add(source(QStringLiteral("dh"), SourceType::DataHub, url("/dh/api/graphql")), &e));
        const SyncReport report = syncAll(*store);
        QVERIFY2(report.allOk(), qPrintable(failures(report)));
        QCOMPARE(resultOf(report, QStringLiteral("om")).products, 2);
        QCOMPARE(resultOf(report, QStringLiteral("om")).edges, 1);
        QVERIFY(resultOf(report, QStringLiteral("mq")).products > 0);
        QVERIFY(resultOf(report, QStringLiteral("dh")).products > 0);
    }

    void aFederatedProductIsEditedAtItsSourceNotHere()
    {
        // The next sync replaces a source's whole snapshot, so an edit saved here would vanish.
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("finance"), SourceType::MeshJson, url("/mesh.json")), &e));
        QVERIFY(syncAll(*store).allOk());
        const QString key = QStringLiteral("finance/finance.gross-margin");
        const auto product = store->productByKey(key);
        QVERIFY(product);
        EditingService editing(*store);
        const AccessDecision may = editing.mayEdit(product->ownerId, key);
        QVERIFY(!may.allowed());
        QVERIFY2(may.reason.contains(QStringLiteral("federated source “finance” (%1)").arg(url("/mesh.json"))),
                 qPrintable(may.reason));
        Product edited = *product;
        edited.description = QStringLiteral("Changed here");
        const EditOutcome saved = editing.save(product->ownerId, edited, editing.currentVersion(key));
        QCOMPARE(saved.code, EditOutcome::Code::Refused);
        QCOMPARE(store->productByKey(key)->description, product->description);
        QCOMPARE(editing.currentVersion(key), 0); // no version was recorded either
    }

    void refreshAnsweredBy304LeavesSnapshotAlone()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om")), &e));
        QVERIFY(registry.add(source(QStringLiteral("mesh"), SourceType::MeshJson, url("/mesh.json")), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QDateTime clock = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
        engine.setClock([&] { return clock; });
        QVERIFY(engine.sync().allOk());
        const auto before = store->productByKey(QStringLiteral("om/sample_data.ecommerce_db.shopify.fact_order"));
        m_server.resetCounts();
        clock = clock.addSecs(3600);
        const SyncReport again = engine.sync();
        QVERIFY(again.allOk());
        QVERIFY(resultOf(again, QStringLiteral("om")).unchanged);
        QVERIFY(resultOf(again, QStringLiteral("mesh")).unchanged);
        QCOMPARE(resultOf(again, QStringLiteral("om")).products, 2);
        // 2 table pages + 2 lineage documents + mesh.json, all revalidated.
        QCOMPARE(m_server.notModifiedCount(), 5);
        QVERIFY(store->productByKey(before->key) == before);
        const auto om = registry.source(QStringLiteral("om"));
        QCOMPARE(om->fetchedAt, clock.addSecs(-3600));
        QCOMPARE(om->checkedAt, clock);
        QCOMPARE(om->staleHours(clock.addSecs(7200)), 2.0);
    }

    void sameProductFromTwoSourcesStandsSideBySide()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("finance-prod"), SourceType::MeshJson, url("/mesh.json")), &e));
        QVERIFY(registry.add(source(QStringLiteral("finance-staging"), SourceType::MeshJson, url("/mesh.json")), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QVERIFY(engine.sync().allOk());
        QCOMPARE(store->counts().products, 4);
        const auto a = store->productByKey(QStringLiteral("finance-prod/finance.gross-margin"));
        const auto b = store->productByKey(QStringLiteral("finance-staging/finance.gross-margin"));
        QVERIFY(a && b);
        QCOMPARE(a->sourceName, QStringLiteral("finance-prod"));
        QCOMPARE(b->sourceName, QStringLiteral("finance-staging"));
        SearchRequest request;
        request.text = QStringLiteral("gross margin");
        const SearchResult result = store->search(request);
        QCOMPARE(result.total, 2);
        // Removing one source takes only its products.
        QVERIFY(registry.remove(QStringLiteral("finance-staging"), &e));
        QCOMPARE(store->counts().products, 2);
        QCOMPARE(store->search(request).total, 1);
    }

    void largeSnapshotReplacesItsSearchRows()
    {
        // A snapshot of 64 products or more is indexed set-based, as new rows, after the old
        // snapshot's rows were deleted: a re-sync must leave exactly the new text searchable,
        // and the other source's rows as they were.
        auto document = [](const QString &word) {
            QJsonArray products;
            for (int i = 0; i < 150; ++i)
                products.append(QJsonObject{
                    {QStringLiteral("key"), QStringLiteral("big.table-%1").arg(i)},
                    {QStringLiteral("name"), QStringLiteral("Big table %1").arg(i)},
                    {QStringLiteral("description"), QStringLiteral("Holds %1 rows").arg(word)}});
            return QJsonDocument(QJsonObject{{QStringLiteral("format"), QLatin1String(MeshJson::kFormat)},
                                             {QStringLiteral("version"), MeshJson::kVersion},
                                             {QStringLiteral("products"), products}})
                .toJson(QJsonDocument::Compact);
        };
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("big"), SourceType::MeshJson, url("/big.json")), &e));
        QVERIFY(registry.add(source(QStringLiteral("mesh"), SourceType::MeshJson, url("/mesh.json")), &e));
        m_server.setReply("/big.json", json(document(QStringLiteral("alphaword")), "\"big-1\""));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QVERIFY(engine.sync().allOk());
        auto hits = [&](const char *text) {
            SearchRequest q;
            q.text = QString::fromLatin1(text);
            return store->search(q).total;
        };
        QCOMPARE(hits("alphaword"), 150);
        const int meshHits = hits("gross margin");
        QVERIFY(meshHits > 0);
        m_server.setReply("/big.json", json(document(QStringLiteral("betaword")), "\"big-2\""));
        QVERIFY(engine.sync({QStringLiteral("big")}).allOk());
        QCOMPARE(hits("alphaword"), 0);
        QCOMPARE(hits("betaword"), 150);
        QCOMPARE(hits("gross margin"), meshHits);
        Database &db = store->database();
        QString message;
        QVERIFY2(db.exec(QStringLiteral(
                             "INSERT INTO product_fts(product_fts) VALUES ('integrity-check'); "
                             "INSERT INTO product_meta_fts(product_meta_fts) VALUES ('integrity-check')"),
                         &message),
                 qPrintable(message));
        const QVariant products = db.scalar(QStringLiteral("SELECT count(*) FROM products"));
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM product_fts")), products);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM product_meta_fts")), products);
    }

    void faultKeepsLastGoodSnapshot_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<bool>("truncate");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");

        const QByteArray good = fixture("mesh.json");
        QTest::newRow("500") << 500 << QByteArray("text/plain") << QByteArray("boom") << 0 << false
                             << QByteArray() << QStringLiteral("500 Internal Server Error from Mesh Explorer JSON at http://127.0.0.1");
        QTest::newRow("429 with a long Retry-After")
            << 429 << QByteArray("text/plain") << QByteArray("slow down") << 0 << false
            << QByteArray("Retry-After: 3600") << QStringLiteral("429 Too Many Requests");
        QTest::newRow("slow response past the timeout")
            << 200 << QByteArray("application/json") << good << 2500 << false << QByteArray()
            << QStringLiteral("did not answer in time");
        QTest::newRow("truncated body") << 200 << QByteArray("application/json") << good << 0 << true
                                        << QByteArray() << QStringLiteral("closed the connection before the end");
        QTest::newRow("invalid JSON") << 200 << QByteArray("application/json")
                                      << QByteArray(R"({"format": "mesh-explorer-catalog", "products": [)")
                                      << 0 << false << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("oversized body") << 200 << QByteArray("application/json")
                                        << QByteArray(300 * 1024, ' ') << 0 << false << QByteArray()
                                        << QStringLiteral("the response size limit");
        QTest::newRow("wrong content type") << 200 << QByteArray("text/html; charset=utf-8")
                                            << QByteArray("<html>Sign in</html>") << 0 << false
                                            << QByteArray() << QStringLiteral("answered with text/html instead of");
        QTest::newRow("401") << 401 << QByteArray("application/json") << QByteArray("{}") << 0 << false
                             << QByteArray() << QStringLiteral("401 Unauthorized from Mesh Explorer JSON at http://127.0.0.1");
        QTest::newRow("404") << 404 << QByteArray("application/json") << QByteArray("{}") << 0 << false
                             << QByteArray() << QStringLiteral("check the base URL in Sources");
        QTest::newRow("newer format version")
            << 200 << QByteArray("application/json")
            << QByteArray(R"({"format": "mesh-explorer-catalog", "version": 7, "products": []})") << 0
            << false << QByteArray() << QStringLiteral("version 7, but this build reads version 1");
        QTest::newRow("redirect loop") << 302 << QByteArray("text/plain") << QByteArray() << 0 << false
                                       << QByteArray("Location: /mesh.json") << QStringLiteral("redirected more than 3 times");
    }

    void faultKeepsLastGoodSnapshot()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, delayMs);
        QFETCH(bool, truncate);
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);

        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("mesh"), SourceType::MeshJson, url("/mesh.json")), &e));
        QVERIFY(registry.add(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om")), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QVERIFY(engine.sync().allOk());
        const auto good = store->productByKey(QStringLiteral("mesh/finance.gross-margin"));
        const CatalogCounts counts = store->counts();
        const QDateTime fetched = registry.source(QStringLiteral("mesh"))->fetchedAt;

        LoopbackServer::Reply fault;
        fault.status = status;
        fault.contentType = contentType;
        fault.body = body;
        fault.delayMs = delayMs;
        fault.truncate = truncate;
        if (!header.isEmpty())
            fault.headers.append(QPair<QByteArray, QByteArray>(header.split(':').value(0), header.mid(header.indexOf(':') + 1).trimmed()));
        m_server.setReply("/mesh.json", fault); // no ETag: a full answer, not a 304

        const SyncReport report = engine.sync();
        QVERIFY(!report.allOk());
        const SourceSyncResult r = resultOf(report, QStringLiteral("mesh"));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(resultOf(report, QStringLiteral("om")).ok); // the other source is not held back
        // The cache is intact: same products, same content, same fetched-at; the error is kept.
        QCOMPARE(store->counts().products, counts.products);
        QCOMPARE(store->counts().lineageEdges, counts.lineageEdges);
        QVERIFY(store->productByKey(good->key) == good);
        const auto after = registry.source(QStringLiteral("mesh"));
        QCOMPARE(after->fetchedAt, fetched);
        QCOMPARE(after->lastError, r.error);
        QCOMPARE(after->productCount, 2);
        QVERIFY(after->lastAttemptAt.isValid());
    }

    void retriesHonourRetryAfter()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        CatalogError e;
        QVERIFY(SourceRegistry(*store).add(source(QStringLiteral("busy"), SourceType::MeshJson, url("/busy.json")), &e));
        std::atomic<int> calls{0};
        m_server.setHandler([&](const LoopbackServer::Request &) {
            LoopbackServer::Reply r;
            if (calls++ == 0) {
                r.status = 503;
                r.headers.append(QPair<QByteArray, QByteArray>("Retry-After", "1"));
                return r;
            }
            r.body = fixture("mesh.json");
            return r;
        });
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = engine.sync();
        QVERIFY2(report.allOk(), qPrintable(report.sources.value(0).error));
        QCOMPARE(calls.load(), 2);
        QVERIFY2(timer.elapsed() >= 950, "the retry waited less than Retry-After asked");
        QCOMPARE(report.transport.retries, 1);
    }

    void serverErrorIsRetriedThenReported()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        CatalogError e;
        QVERIFY(SourceRegistry(*store).add(source(QStringLiteral("down"), SourceType::MeshJson, url("/down.json")), &e));
        LoopbackServer::Reply r;
        r.status = 500;
        m_server.setReply("/down.json", r);
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        const SyncReport report = engine.sync();
        QVERIFY(!report.allOk());
        QCOMPARE(m_server.requestCount("/down.json"), 3);
        QVERIFY2(report.sources[0].error.contains(QStringLiteral("after 3 attempts")), qPrintable(report.sources[0].error));
    }

    void tlsNeedsItsCertificateAuthority()
    {
        QTemporaryDir dir;
        QString cert, key;
        QVERIFY2(makeCertificate(dir, &cert, &key), "openssl could not make a test certificate");
        LoopbackServer tls;
        tls.setTls(cert, key);
        QVERIFY(tls.start());
        tls.setReply("/mesh.json", json(fixture("mesh.json")));
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("secure"), SourceType::MeshJson,
                                    tls.baseUrl() + QStringLiteral("/mesh.json")), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        SyncReport report = engine.sync();
        QVERIFY(!report.allOk());
        QVERIFY2(report.sources[0].error.contains(QStringLiteral("TLS certificate")) &&
                     report.sources[0].error.contains(QStringLiteral("set its CA bundle in Sources")),
                 qPrintable(report.sources[0].error));
        QCOMPARE(store->counts().products, 0);

        SourceDefinition trusted = *registry.source(QStringLiteral("secure"));
        trusted.caBundle = cert;
        QVERIFY(registry.update(QStringLiteral("secure"), trusted, &e));
        report = engine.sync();
        QVERIFY2(report.allOk(), qPrintable(report.sources[0].error));
        QCOMPARE(store->counts().products, 2);
    }

    void cancelKeepsSnapshot()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        CatalogError e;
        QVERIFY(SourceRegistry(*store).add(source(QStringLiteral("mesh"), SourceType::MeshJson, url("/mesh.json")), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        QVERIFY(engine.sync().allOk());
        LoopbackServer::Reply slow = json(fixture("mesh.json"));
        slow.delayMs = 1200;
        m_server.setReply("/mesh.json", slow);
        std::atomic<bool> cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = engine.sync({}, &cancel);
        canceller.join();
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!report.allOk());
        QVERIFY2(report.sources[0].error.contains(QStringLiteral("cancelled")), qPrintable(report.sources[0].error));
        QCOMPARE(store->counts().products, 2);
    }

    void bearerTokenComesFromTheCredentialStoreAndStaysOutOfTheCatalog()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        SourceDefinition s = source(QStringLiteral("private"), SourceType::MeshJson, url("/private.json"));
        s.auth = SourceAuth::Bearer;
        CatalogError e;
        QVERIFY(registry.add(s, &e));
        const QByteArray token = "s3cr3t-token-0f9a8b7c";
        m_server.setHandler([token](const LoopbackServer::Request &r) {
            LoopbackServer::Reply reply;
            if (r.headers.value("authorization") != QByteArray("Bearer " + token)) {
                reply.status = 401;
                return reply;
            }
            reply.body = fixture("mesh.json");
            return reply;
        });
        {
            SyncEngine noSecret(*store);
            noSecret.setTransportOptions(fastOptions());
            const SyncReport report = noSecret.sync();
            QVERIFY(report.sources[0].error.contains(QStringLiteral("needs a token but none is set")));
        }
        InMemoryCredentialStore credentials;
        QVERIFY(credentials.setSecret(QStringLiteral("private"), "wrong", nullptr));
        SyncEngine engine(*store, &credentials);
        engine.setTransportOptions(fastOptions());
        SyncReport report = engine.sync();
        QVERIFY2(report.sources[0].error.startsWith(
                     QStringLiteral("401 Unauthorized from Mesh Explorer JSON at http://127.0.0.1")) &&
                     report.sources[0].error.contains(QStringLiteral("the token was refused; update it in Sources")),
                 qPrintable(report.sources[0].error));
        QVERIFY(!report.sources[0].error.contains(QStringLiteral("wrong")));
        QVERIFY(credentials.setSecret(QStringLiteral("private"), token, nullptr));
        report = engine.sync();
        QVERIFY2(report.allOk(), qPrintable(report.sources[0].error));
        store.reset();
        for (const QString &f : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(!fileBytes(dir.filePath(f)).contains(token), qPrintable(f));
    }

    void readsFileUrlsAndSaysWhenTheFileIsMissing()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        const QString file = QUrl::fromLocalFile(QStringLiteral(FEDERATION_FIXTURES "/mesh.json")).toString();
        QVERIFY(registry.add(source(QStringLiteral("local"), SourceType::MeshJson, file), &e));
        QVERIFY(registry.add(source(QStringLiteral("contract"), SourceType::Odcs,
                                    QUrl::fromLocalFile(QStringLiteral(FEDERATION_FIXTURES "/odcs.yaml")).toString()), &e));
        QVERIFY(registry.add(source(QStringLiteral("gone"), SourceType::MeshJson,
                                    QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.json"))).toString()), &e));
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        const SyncReport report = engine.sync();
        QVERIFY(resultOf(report, QStringLiteral("local")).ok);
        QVERIFY(resultOf(report, QStringLiteral("contract")).ok);
        QCOMPARE(store->counts().products, 3);
        const SourceSyncResult gone = resultOf(report, QStringLiteral("gone"));
        QVERIFY(!gone.ok);
        QVERIFY2(gone.error.startsWith(QStringLiteral("Cannot read Mesh Explorer JSON at file://")) &&
                     gone.error.contains(QStringLiteral("check the path")),
                 qPrintable(gone.error));
    }

    void serverThatRepeatsItsPagesCannotLoopForever()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());

        // OpenMetadata: the first page's cursor leads back to itself, forever.
        m_server.clear();
        QByteArray page = fixture("openmetadata-tables-1.json");
        m_server.setHandler([page](const LoopbackServer::Request &r) {
            LoopbackServer::Reply reply;
            reply.body = r.target.contains("/lineage/") ? QByteArray("{}") : page;
            return reply;
        });
        const SourceSyncResult om =
            engine.test(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om")), {});
        QVERIFY2(om.ok, qPrintable(om.error));
        QCOMPARE(om.products, 1); // the page holds one table
        QVERIFY(m_server.requestCount("/om/api/v1/tables") <= 3);
        QVERIFY2(om.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("no new products")) ||
                     om.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("same request")),
                 qPrintable(om.warnings.join(QStringLiteral(" | "))));

        // DataHub: a total of two million, but every page repeats the same two datasets.
        QJsonDocument doc = QJsonDocument::fromJson(fixture("datahub-search.json"));
        QJsonObject root = doc.object();
        QJsonObject data = root.value(QStringLiteral("data")).toObject();
        QJsonObject search = data.value(QStringLiteral("searchAcrossEntities")).toObject();
        search.insert(QStringLiteral("total"), 2000000);
        data.insert(QStringLiteral("searchAcrossEntities"), search);
        root.insert(QStringLiteral("data"), data);
        m_server.clear();
        m_server.resetCounts();
        m_server.setReply("/dh/api/graphql", json(QJsonDocument(root).toJson()));
        const SourceSyncResult dh =
            engine.test(source(QStringLiteral("dh"), SourceType::DataHub, url("/dh/")), {});
        QVERIFY2(dh.ok, qPrintable(dh.error));
        QCOMPARE(dh.products, 2);
        QCOMPARE(m_server.requestCount("/dh/"), 2); // the second page brought nothing new
        QVERIFY2(dh.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("no new products")),
                 qPrintable(dh.warnings.join(QStringLiteral(" | "))));
    }

    void testConnectionWritesNothing()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SyncEngine engine(*store);
        engine.setTransportOptions(fastOptions());
        const SourceSyncResult ok =
            engine.test(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/om")), {});
        QVERIFY2(ok.ok, qPrintable(ok.error));
        QCOMPARE(ok.products, 2);
        QCOMPARE(store->counts().products, 0);
        const SourceSyncResult bad =
            engine.test(source(QStringLiteral("om"), SourceType::OpenMetadata, url("/nothing")), {});
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.startsWith(QStringLiteral("404 Not Found from OpenMetadata at")), qPrintable(bad.error));
    }
};

QTEST_GUILESS_MAIN(TstSyncEngine)
#include "tst_syncengine.moc"
