// SPDX-License-Identifier: MIT
// SourceRegistry: definitions stored in the catalog, validated, renamed with their products,
// removed with them; the migration keeps an older catalog's sources.
#include "federation/sourceregistry.h"
#include "federation/sourcetablemodel.h"

#include "fedfixture.h"
#include "testsupport.h"

#include <QTest>

using namespace Mesh;
using namespace MeshTest;
using namespace Qt::StringLiterals;

class TstSourceRegistry : public QObject
{
    Q_OBJECT

private slots:
    void storesAndReadsDefinitions()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        SourceDefinition s = source(QStringLiteral("om-prod"), SourceType::OpenMetadata,
                                    QStringLiteral("https://om.example.com/"));
        s.auth = SourceAuth::Basic;
        s.username = QStringLiteral("reader");
        s.tokenEnv = QStringLiteral("OM_PASSWORD");
        s.caBundle = QStringLiteral("/etc/ssl/private-ca.pem");
        s.scheduleMinutes = 30;
        s.enabled = false;
        CatalogError e;
        QVERIFY2(registry.add(s, &e), qPrintable(e.message));
        const auto read = registry.source(QStringLiteral("om-prod"));
        QVERIFY(read);
        QCOMPARE(read->type, SourceType::OpenMetadata);
        QCOMPARE(read->auth, SourceAuth::Basic);
        QCOMPARE(read->username, s.username);
        QCOMPARE(read->tokenEnv, s.tokenEnv);
        QCOMPARE(read->caBundle, s.caBundle);
        QCOMPARE(read->scheduleMinutes, 30);
        QCOMPARE(read->enabled, false);
        QVERIFY(!read->fetchedAt.isValid());
        QCOMPARE(read->staleHours(QDateTime::currentDateTimeUtc()), -1.0);
        QVERIFY(!registry.add(s, &e));
        QVERIFY(e.message.contains(QStringLiteral("already exists")));
    }

    void validates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << QString() << int(SourceType::MeshJson)
                                 << QStringLiteral("https://x/mesh.json") << QStringLiteral("needs a name");
        QTest::newRow("slash") << QStringLiteral("a/b") << int(SourceType::MeshJson)
                               << QStringLiteral("https://x/mesh.json") << QStringLiteral("contains “/”");
        QTest::newRow("not a url") << QStringLiteral("a") << int(SourceType::MeshJson)
                                   << QStringLiteral("just words") << QStringLiteral("is not a URL");
        QTest::newRow("ftp") << QStringLiteral("a") << int(SourceType::MeshJson)
                             << QStringLiteral("ftp://x/mesh.json") << QStringLiteral("uses ftp://");
        QTest::newRow("api as file") << QStringLiteral("a") << int(SourceType::OpenMetadata)
                                     << QStringLiteral("file:///tmp/x") << QStringLiteral("needs an http(s):// address");
        QTest::newRow("password in url") << QStringLiteral("a") << int(SourceType::DataHub)
                                         << QStringLiteral("https://me:pw@datahub.example.com")
                                         << QStringLiteral("not in its URL");
    }

    void validates()
    {
        QFETCH(QString, name);
        QFETCH(int, type);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const QString problem = SourceRegistry::validate(source(name, SourceType(type), url));
        QVERIFY2(problem.contains(expected), qPrintable(problem));
        QVERIFY(!problem.contains(QStringLiteral("pw@")));
    }

    void renameRekeysProductsAndRemoveDeletesThem()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceRegistry registry(*store);
        CatalogError e;
        QVERIFY(registry.add(source(QStringLiteral("old"), SourceType::MeshJson,
                                    QStringLiteral("file:///tmp/mesh.json")), &e));
        Product p;
        p.key = federatedKey(QStringLiteral("old"), QStringLiteral("sales.deals"));
        p.name = QStringLiteral("Deals");
        p.sourceName = QStringLiteral("old");
        QVERIFY(store->upsertProduct(p, &e));
        Product local;
        local.key = QStringLiteral("sales.local");
        local.name = QStringLiteral("Local");
        QVERIFY(store->upsertProduct(local, &e));

        SourceDefinition renamed = *registry.source(QStringLiteral("old"));
        renamed.name = QStringLiteral("new");
        QVERIFY2(registry.update(QStringLiteral("old"), renamed, &e), qPrintable(e.message));
        QVERIFY(store->productByKey(QStringLiteral("new/sales.deals")));
        QVERIFY(!store->productByKey(QStringLiteral("old/sales.deals")));
        QCOMPARE(registry.source(QStringLiteral("new"))->productCount, 1);

        QVERIFY(registry.remove(QStringLiteral("new"), &e));
        QVERIFY(!store->productByKey(QStringLiteral("new/sales.deals")));
        QVERIFY(store->productByKey(QStringLiteral("sales.local")));
        QVERIFY(registry.sources().isEmpty());
        SearchRequest all;
        all.text = QStringLiteral("deals");
        QCOMPARE(store->search(all).total, 0);
        QVERIFY(!registry.remove(QStringLiteral("new"), &e));
        QCOMPARE(e.code, CatalogError::Code::NotFound);
    }

    void apiPathsJoinBaseUrlsWithoutRepeatingThem_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("url");
        const QString tables = QStringLiteral("/api/v1/tables?limit=100&fields=columns");
        QTest::newRow("host") << u"http://h:8585"_s << tables
                              << u"http://h:8585/api/v1/tables?limit=100&fields=columns"_s;
        QTest::newRow("slashes") << u"http://h:8585//"_s << tables
                                 << u"http://h:8585/api/v1/tables?limit=100&fields=columns"_s;
        QTest::newRow("om hostPort /api") << u"http://h:8585/api"_s << tables
                                          << u"http://h:8585/api/v1/tables?limit=100&fields=columns"_s;
        QTest::newRow("/api/v1/") << u"https://h/api/v1/"_s << u"/api/v1/namespaces"_s
                                  << u"https://h/api/v1/namespaces"_s;
        QTest::newRow("the endpoint itself") << u"https://h/api/graphql"_s << u"/api/graphql"_s
                                             << u"https://h/api/graphql"_s;
        QTest::newRow("proxy prefix kept") << u"https://gw/om"_s << tables
                                           << u"https://gw/om/api/v1/tables?limit=100&fields=columns"_s;
        QTest::newRow("whole segments only") << u"https://h/myapi"_s << u"/api/graphql"_s
                                             << u"https://h/myapi/api/graphql"_s;
        QTest::newRow("query is not a path") << u"https://h/api/v1/tables"_s << u"/api/v1/tables?limit=1"_s
                                             << u"https://h/api/v1/tables?limit=1"_s;
    }
    void apiPathsJoinBaseUrlsWithoutRepeatingThem()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QString, url);
        QCOMPARE(joinApiUrl(base, path), url);
    }

    void stalenessReadsAsAUserSaysIt_data()
    {
        QTest::addColumn<double>("hours");
        QTest::addColumn<QString>("text");
        QTest::newRow("never") << -1.0 << QStringLiteral("never synced");
        QTest::newRow("seconds") << 0.01 << QStringLiteral("just now");
        QTest::newRow("one minute") << 1.0 / 60 + 1e-9 << QStringLiteral("1 min ago");
        QTest::newRow("59 minutes") << 59.5 / 60 << QStringLiteral("59 min ago");
        QTest::newRow("hours") << 5.04 << QStringLiteral("5.0 h ago");
        QTest::newRow("days") << 73.0 << QStringLiteral("3 days ago");
    }
    void stalenessReadsAsAUserSaysIt()
    {
        QFETCH(double, hours);
        QFETCH(QString, text);
        QCOMPARE(SourceTableModel::stalenessText(hours), text);
    }

    void demoSourcesAreNotFederated()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        CatalogError e;
        QVERIFY(store->upsertSource(Source{0, QStringLiteral("Messy Inc. demo"), QStringLiteral("demo"), {}, {}}, &e));
        QVERIFY(SourceRegistry(*store).sources().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSourceRegistry)
#include "tst_sourceregistry.moc"
