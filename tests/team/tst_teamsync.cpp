// SPDX-License-Identifier: MIT
// Incremental sync from the team server into the local SQLite cache.
#include "pgfixture.h"
#include "testsupport.h"

#include "access/accesspolicy.h"
#include "editing/editingservice.h"
#include "governance/governanceservice.h"
#include "quality/qualityservice.h"
#include "db/sqlite.h"
#include "team/teamclient.h"
#include "team/teamlistener.h"
#include "team/teamsync.h"

#include <QSignalSpy>

#include <QProcess>

using namespace Mesh;

class TestTeamSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { MESH_START_PG(m_pg); }
    void cleanupTestCase() { m_pg.stop(); }

    void firstSyncCopiesTheCatalog()
    {
        const QString url = m_pg.seededDatabase();
        auto conn = Test::PgFixture::connect(url);
        QVERIFY(conn);
        auto cache = newCache();
        QVERIFY(cache);
        QString error;
        const auto r = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(r, qPrintable(error));
        QVERIFY(r->full);
        const CatalogCounts demo = m_pg.demo()->counts();
        const CatalogCounts local = cache->counts();
        QCOMPARE(local.products, demo.products);
        QCOMPARE(local.users, demo.users);
        QCOMPARE(local.domains, demo.domains);
        QCOMPARE(local.lineageEdges, demo.lineageEdges);
        QCOMPARE(local.columns, demo.columns);
        QCOMPARE(TeamSync::lastChange(*cache, r->serverId), r->toChange);
        // The first sync is a bulk load (SqliteCatalogStore::bulkTransaction): afterwards the
        // cache is back in WAL with foreign keys on, and every reference it wrote holds.
        Database &db = cache->database();
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_keys")).toLongLong(), 1);
        QVERIFY(!db.scalar(QStringLiteral("PRAGMA foreign_key_check")).isValid());
        // Its search index was written on another thread and copied in (SearchIndexBuilder):
        // whole by FTS5's own check, and the scratch file is detached again.
        for (const QString &table : {QStringLiteral("product_fts"), QStringLiteral("product_meta_fts")}) {
            QString message;
            QVERIFY2(db.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('integrity-check')").arg(table),
                             &message),
                     qPrintable(message));
            QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong(),
                     qint64(local.products));
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pragma_database_list WHERE name "
                                          "NOT IN ('main', 'temp')"))
                     .toLongLong(),
                 0);
        // The cached product is the product, and search finds it.
        const auto original = m_pg.demo()->productByKey(QStringLiteral("sales.hubspot-contacts"));
        const auto cached = cache->productByKey(QStringLiteral("sales.hubspot-contacts"));
        QVERIFY(original && cached);
        QCOMPARE(cached->ownerId, original->ownerId);
        QCOMPARE(cached->description, original->description);
        QCOMPARE(cached->datasets.first().columns.size(),
                 original->datasets.first().columns.size());
        SearchRequest q;
        q.text = QStringLiteral("hubspot contacts");
        QVERIFY(cache->search(q).total > 0);
    }

    void firstSyncWritesWhatTheGeneralPathWrites()
    {
        // A first sync inserts products the cache lacks on its own statements; a product the
        // cache already has goes through upsertProduct. Both must leave the same records, the
        // same search index and the same facets.
        const QString url = m_pg.seededDatabase();
        auto conn = Test::PgFixture::connect(url);
        QVERIFY(conn);
        auto fresh = newCache();
        auto mixed = newCache();
        QVERIFY(fresh && mixed);
        const QStringList keys = productKeys(*m_pg.demo());
        QVERIFY(keys.size() > 10);
        // Every other product is already in the second cache, with a stale description.
        for (qsizetype i = 0; i < keys.size(); i += 2) {
            auto p = m_pg.demo()->productByKey(keys.at(i));
            QVERIFY(p);
            p->description = QStringLiteral("stale");
            p->datasets.clear();
            CatalogError e;
            QVERIFY2(mixed->upsertProduct(*p, &e), qPrintable(e.message));
        }
        QString error;
        QVERIFY2(TeamSync::sync(*conn, *fresh, url, &error), qPrintable(error));
        QVERIFY2(TeamSync::sync(*conn, *mixed, url, &error), qPrintable(error));
        QCOMPARE(productKeys(*fresh), keys);
        QCOMPARE(productKeys(*mixed), keys);
        for (const QString &key : keys) {
            auto a = fresh->productByKey(key);
            auto b = mixed->productByKey(key);
            auto original = m_pg.demo()->productByKey(key);
            QVERIFY(a && b && original);
            for (Product *p : {&*a, &*b, &*original}) {
                p->id = 0;
                p->sourceName.clear();
                for (Dataset &d : p->datasets) {
                    d.id = 0;
                    for (Column &c : d.columns)
                        c.id = 0;
                }
            }
            QCOMPARE(*a, *b);
            QCOMPARE(a->datasets, original->datasets);
            QCOMPARE(a->tags, original->tags);
            QCOMPARE(a->updatedAt, original->updatedAt);
        }
        for (const char *text : {"hubspot", "contacts", "pii", "sal", "finance revenue", "ow"}) {
            SearchRequest q;
            q.text = QString::fromLatin1(text);
            q.limit = 500;
            const SearchResult ra = fresh->search(q);
            const SearchResult rb = mixed->search(q);
            QCOMPARE(ra.total, rb.total);
            QStringList ka, kb;
            for (const SearchHit &h : ra.hits)
                ka << h.key;
            for (const SearchHit &h : rb.hits)
                kb << h.key;
            QCOMPARE(ka, kb);
            const FacetCounts fa = fresh->facets(q);
            const FacetCounts fb = mixed->facets(q);
            QCOMPARE(fa.keys().size(), fb.keys().size());
            for (auto it = fa.cbegin(); it != fa.cend(); ++it) {
                const QList<FacetCount> other = fb.value(it.key());
                QCOMPARE(it.value().size(), other.size());
                for (qsizetype i = 0; i < other.size(); ++i) {
                    QCOMPARE(it.value().at(i).value, other.at(i).value);
                    QCOMPARE(it.value().at(i).count, other.at(i).count);
                }
            }
        }
        // New products are indexed without deleting rows first, rewritten ones with: either way
        // each index holds one row per product and agrees with its content (FTS5's own check).
        for (SqliteCatalogStore *cache : {fresh.get(), mixed.get()}) {
            Database &db = cache->database();
            QString message;
            QVERIFY2(db.exec(QStringLiteral(
                                 "INSERT INTO product_fts(product_fts) VALUES ('integrity-check'); "
                                 "INSERT INTO product_meta_fts(product_meta_fts) VALUES "
                                 "('integrity-check')"),
                             &message),
                     qPrintable(message));
            const QVariant products = db.scalar(QStringLiteral("SELECT count(*) FROM products"));
            QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM product_fts")), products);
            QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM product_meta_fts")), products);
        }
    }

    void secondSyncPullsExactlyTheChangesSince()
    {
        const QString url = m_pg.seededDatabase();
        auto conn = Test::PgFixture::connect(url);
        QVERIFY(conn);
        auto cache = newCache();
        QString error;
        const auto first = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(first, qPrintable(error));

        // N = 7 server-side changes: 5 edits, one new product, one removed product.
        const QString gone =
            conn->exec(
                    QStringLiteral("SELECT key FROM products p WHERE NOT EXISTS (SELECT 1 FROM "
                                   "lineage_edges e WHERE "
                                   "e.from_key = p.key OR e.to_key = p.key) ORDER BY key LIMIT 1"))
                .text(0, 0);
        QVERIFY(!gone.isEmpty());
        QVERIFY(cache->productByKey(gone));
        const PgResult edited = conn->exec(
            QStringLiteral("UPDATE products SET description = 'zebrafish ' || key WHERE key IN "
                           "(SELECT key FROM products WHERE key <> $1 ORDER BY key LIMIT 5)"),
            {gone});
        QCOMPARE(edited.affected(), 5);
        Product fresh;
        fresh.key = QStringLiteral("sales.quokka-report");
        fresh.name = QStringLiteral("Quokka Report");
        fresh.domain = QStringLiteral("Sales & Marketing");
        fresh.ownerId = QStringLiteral("maria.lopez");
        QVERIFY2(TeamCatalog::upsertProduct(*conn, fresh, &error), qPrintable(error));
        QVERIFY(conn->run(QStringLiteral("DELETE FROM products WHERE key = $1"), {gone}, &error));

        const auto second = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(!second->full);
        QCOMPARE(second->fromChange, first->toChange);
        QCOMPARE(second->changes, 7);
        QCOMPARE(second->toChange, first->toChange + 7);
        QCOMPARE(second->products, 6);
        QCOMPARE(second->removed, 1);
        QCOMPARE(second->users, 0);
        QVERIFY(!cache->productByKey(gone));
        QCOMPARE(cache->counts().products, m_pg.demo()->counts().products);
        SearchRequest q;
        q.text = QStringLiteral("zebrafish");
        QCOMPARE(cache->search(q).total, 5);
        q.text = QStringLiteral("quokka");
        QCOMPARE(cache->search(q).total, 1);

        const auto third = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(third, qPrintable(error));
        QCOMPARE(third->changes, 0);
        QCOMPARE(third->products, 0);
    }

    void meshctlSyncTeamCreatesAndUpdatesTheCache()
    {
        const QString url = m_pg.seededDatabase();
        const QString file = m_pg.tempPath(QStringLiteral("cli-cache.mesh"));
        const auto run = &Test::PgFixture::meshctl;
        QByteArray output;
        QCOMPARE(run({QStringLiteral("sync-team"), file, QStringLiteral("--server"), url,
                      QStringLiteral("--json")},
                     &output),
                 0);
        QJsonObject o = QJsonDocument::fromJson(output).object();
        QVERIFY2(o.value(QStringLiteral("full")).toBool(), output.constData());
        QCOMPARE(o.value(QStringLiteral("products")).toInt(), 36);
        auto conn = Test::PgFixture::connect(url);
        QString error;
        QVERIFY(conn->run(QStringLiteral("UPDATE users SET display_name = 'M. López' WHERE id = "
                                         "'maria.lopez'"),
                          {}, &error));
        QCOMPARE(run({QStringLiteral("sync-team"), file, QStringLiteral("--server"), url,
                      QStringLiteral("--json")},
                     &output),
                 0);
        o = QJsonDocument::fromJson(output).object();
        QCOMPARE(o.value(QStringLiteral("changes")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("users")).toInt(), 1);
        // An unreachable server changes nothing and says so.
        const QByteArray before = fileBytes(file);
        QCOMPARE(run({QStringLiteral("sync-team"), file, QStringLiteral("--server"),
                      QStringLiteral("postgresql://mesh@127.0.0.1:1/x?connect_timeout=2")},
                     &output),
                 4);
        QVERIFY2(output.contains("not changed"), output.constData());
        QCOMPARE(fileBytes(file), before);
        QCOMPARE(run({QStringLiteral("sync-team"), file}, &output), 2);
    }

    void accessRecordsReachTheCacheAsRowLevelSecurityShowsThem()
    {
        const QString url = m_pg.seededDatabase();
        auto writer = Test::PgFixture::connect(url);
        QVERIFY(writer);
        const QString product = QStringLiteral("product.release-readiness");
        TeamWrite request;
        request.actingUser = QStringLiteral("kenji.watanabe");
        request.productKey = product;
        request.purpose = QStringLiteral("release review");
        const TeamWriteOutcome filed = TeamClient::apply(*writer, request);
        QVERIFY2(filed.ok(), qPrintable(filed.message));

        QString error;
        auto cacheFor = [&](const QString &role) {
            auto conn = Test::PgFixture::connect(url);
            auto cache = newCache();
            if (!conn || !cache || !conn->setRole(role, &error) ||
                !TeamSync::sync(*conn, *cache, url, &error))
                qWarning("%s", qPrintable(error));
            return std::make_pair(std::move(conn), std::move(cache));
        };
        auto count = [](SqliteCatalogStore &store, const char *sql) {
            return store.database().scalar(QString::fromLatin1(sql)).toLongLong();
        };
        auto [kenjiConn, kenji] = cacheFor(QStringLiteral("kenji.watanabe"));
        auto [amaraConn, amara] = cacheFor(QStringLiteral("amara.okafor"));
        QVERIFY(kenji && amara);
        QCOMPARE(count(*kenji, "SELECT count(*) FROM access_requests WHERE status = 'pending'"), 1);
        QCOMPARE(count(*amara, "SELECT count(*) FROM access_requests"), 0); // not hers

        TeamWrite approve;
        approve.kind = TeamWrite::Kind::Approve;
        approve.actingUser = QStringLiteral("lucas.moreau");
        approve.requestId = filed.id;
        QVERIFY(TeamClient::apply(*writer, approve).ok());

        const auto again = TeamSync::sync(*kenjiConn, *kenji, url, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->accessRequests, 1);
        QCOMPARE(again->accessGrants, 1);
        QCOMPARE(count(*kenji, "SELECT count(*) FROM access_requests WHERE status = 'approved'"),
                 1);
        // The requester's own policy now sees the grant the owner gave on another desktop.
        const AccessPolicy policy(*kenji);
        QCOMPARE(policy.activeGrants(QStringLiteral("kenji.watanabe"), product).size(), 1);
        QVERIFY(TeamSync::sync(*amaraConn, *amara, url, &error));
        QCOMPARE(count(*amara, "SELECT count(*) FROM access_grants"), 0);
        auto [lucasConn, lucas] = cacheFor(QStringLiteral("lucas.moreau"));
        QCOMPARE(count(*lucas, "SELECT count(*) FROM access_grants"), 1);
    }

    void syncBringsApprovalsVersionsPoliciesAndAlertsByChangeNumber()
    {
        const QString url = m_pg.seededDatabase();
        auto conn = Test::PgFixture::connect(url);
        QVERIFY(conn);
        auto cache = newCache();
        QString error;
        const auto first = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->policies, 5);
        const QString plain = QStringLiteral("product.jira-issues");
        QCOMPARE(TeamSync::rowVersion(*cache, plain), 1);

        // One of each on the server: an approval (of a two-approval request), a metadata edit,
        // a domain policy, an alert, then its acknowledgement.
        const QString sensitive = QStringLiteral("product.release-readiness");
        TeamWrite request;
        request.actingUser = QStringLiteral("kenji.watanabe");
        request.productKey = sensitive;
        request.purpose = QStringLiteral("release review");
        const TeamWriteOutcome filed = TeamClient::apply(*conn, request);
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        TeamWrite approve;
        approve.kind = TeamWrite::Kind::Approve;
        approve.actingUser = m_pg.demo()->productByKey(sensitive)->ownerId;
        approve.requestId = filed.id;
        QVERIFY(TeamClient::apply(*conn, approve).ok());
        TeamWrite edit;
        edit.kind = TeamWrite::Kind::Edit;
        edit.actingUser = QStringLiteral("lucas.moreau");
        edit.productKey = plain;
        edit.fields.insert(QStringLiteral("description"), QStringLiteral("Edited on the server."));
        edit.baseVersion = 1;
        QVERIFY(TeamClient::apply(*conn, edit).ok());
        TeamWrite policy;
        policy.kind = TeamWrite::Kind::SetPolicy;
        policy.actingUser = QStringLiteral("sofia.rossi");
        policy.policyScope = QStringLiteral("Product");
        policy.policyKind = QStringLiteral("description-min-length");
        policy.parameter = QStringLiteral("120");
        QVERIFY(TeamClient::apply(*conn, policy).ok());
        const qint64 alertId =
            conn->exec(QStringLiteral("INSERT INTO quality_alerts(product_key, kind, fingerprint, "
                                      "title) VALUES ($1, 'missing', 'sync-1', 'Late load') "
                                      "RETURNING id"),
                       {plain})
                .integer(0, 0);
        QVERIFY(alertId > 0);

        const auto second = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->approvals, 1);
        QCOMPARE(second->versions, 1);
        QCOMPARE(second->policies, 1); // only the one that changed
        QCOMPARE(second->alerts, 1);
        QCOMPARE(TeamSync::rowVersion(*cache, plain), 2);
        const QList<ProductVersion> history = EditingService(*cache).history(plain);
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.first().number, 2);
        QCOMPARE(history.first().author, QStringLiteral("lucas.moreau"));
        QCOMPARE(history.first().snapshot.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Edited on the server."));
        QCOMPARE(cache->database()
                     .scalar(QStringLiteral("SELECT approver_id FROM access_approvals WHERE "
                                            "request_id = %1")
                                 .arg(filed.id))
                     .toString(),
                 approve.actingUser);
        bool found = false;
        for (const GovernancePolicy &p : GovernanceService(*cache).policies())
            if (p.scope == QStringLiteral("Product") &&
                p.kind == GovernancePolicy::Kind::DescriptionMinLength) {
                found = true;
                QCOMPARE(p.parameter, QStringLiteral("120"));
                QCOMPARE(p.updatedBy, QStringLiteral("sofia.rossi"));
            }
        QVERIFY(found);
        std::optional<QualityAlert> alert = QualityService(*cache).alert(alertId);
        QVERIFY(alert);
        QCOMPARE(alert->state, QualityAlert::State::Open);

        TeamWrite ack;
        ack.kind = TeamWrite::Kind::AckAlert;
        ack.actingUser = QStringLiteral("sofia.rossi");
        ack.requestId = alertId;
        ack.reason = QStringLiteral("on it");
        QVERIFY(TeamClient::apply(*conn, ack).ok());
        const auto third = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(third, qPrintable(error));
        QCOMPARE(third->alerts, 1);
        QCOMPARE(third->versions + third->policies + third->approvals, 0);
        alert = QualityService(*cache).alert(alertId);
        QCOMPARE(alert->state, QualityAlert::State::Acknowledged);
        QCOMPARE(alert->acknowledgedBy, QStringLiteral("sofia.rossi"));
        QCOMPARE(alert->note, QStringLiteral("on it"));
        const auto idle = TeamSync::sync(*conn, *cache, url, &error);
        QVERIFY2(idle, qPrintable(error));
        QCOMPARE(idle->alerts + idle->versions + idle->policies + idle->approvals, 0);
    }

    void listenerHearsAnotherDesktopsCommitOnce()
    {
        const QString url = m_pg.seededDatabase();
        TeamListener listener;
        QSignalSpy listening(&listener, &TeamListener::listening);
        QSignalSpy changed(&listener, &TeamListener::changed);
        listener.start(url, {}, {});
        QVERIFY(listening.wait(10000));
        QVERIFY(listener.isListening());
        QVERIFY(changed.isEmpty());
        auto conn = Test::PgFixture::connect(url);
        QString error;
        // One transaction writing three products: one notification.
        QVERIFY(conn->run(QStringLiteral("UPDATE products SET status = 'deprecated' WHERE key IN "
                                         "(SELECT key FROM products ORDER BY key LIMIT 3)"),
                          {}, &error));
        QVERIFY(changed.wait(5000));
        QTest::qWait(300);
        QCOMPARE(changed.size(), 1);
        listener.stop();
        QVERIFY(!listener.isListening());
        QVERIFY(conn->run(QStringLiteral("UPDATE products SET status = 'active' WHERE status = "
                                         "'deprecated'"),
                          {}, &error));
        QTest::qWait(300);
        QCOMPARE(changed.size(), 1); // stopped: nothing more

        QSignalSpy gone(&listener, &TeamListener::disconnected);
        listener.start(QStringLiteral("postgresql://mesh@127.0.0.1:1/x?connect_timeout=2"), {}, {});
        QVERIFY(gone.wait(10000));
        QVERIFY(gone.first().at(0).toString().contains(QStringLiteral("127.0.0.1:1")));
    }

private:
    static QStringList productKeys(SqliteCatalogStore &store)
    {
        QStringList keys;
        Statement &st =
            store.database().prepare(QStringLiteral("SELECT key FROM products ORDER BY key"));
        while (st.step())
            keys << st.text(0);
        st.reset();
        return keys;
    }

    std::unique_ptr<SqliteCatalogStore> newCache()
    {
        CatalogError error;
        auto store = SqliteCatalogStore::create(
            m_pg.tempPath(QStringLiteral("cache%1.mesh").arg(++m_caches)), QStringLiteral("cache"),
            &error);
        if (!store)
            qWarning("%s", qPrintable(error.message));
        return store;
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    Test::PgFixture m_pg;
    int m_caches = 0;
};

QTEST_GUILESS_MAIN(TestTeamSync)
#include "tst_teamsync.moc"
