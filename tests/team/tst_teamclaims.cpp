// SPDX-License-Identifier: MIT
// Ownership claims sent from a team cache: filed and decided on the team server as the person
// (row-level security decides, even when the cache is stale), pulled back into the cache, and
// queued while the server is away.
#include "pgfixture.h"

#include "catalog/sqlitecatalogstore.h"
#include "editing/darkdataservice.h"
#include "team/teamclaims.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

using namespace Mesh;

class TestTeamClaims : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
        m_admin = Test::PgFixture::connect(m_url);
        QVERIFY(m_admin);
        QString error;
        QVERIFY2(Test::PgFixture::allowLogin(*m_admin,
                                             {QStringLiteral("kenji.watanabe"),
                                              QStringLiteral("priya.raman"),
                                              QStringLiteral("wei.zhang")},
                                             &error),
                 qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void claimDecidedOnTheServerComesBackBySync()
    {
        const TeamRoute kenji{m_url, QStringLiteral("kenji.watanabe"), {}};
        const TeamRoute priya{m_url, QStringLiteral("priya.raman"), {}};
        auto mine = syncedCache(QStringLiteral("claims-kenji.mesh"), kenji);
        auto theirs = syncedCache(QStringLiteral("claims-priya.mesh"), priya);
        QVERIFY(mine && theirs);
        const QString key = QStringLiteral("legacy.fx_rates_tmp");

        const TeamClaimOutcome filed =
            TeamClaims::claim(kenji, *mine, key, QStringLiteral("margin converts with it"));
        QVERIFY2(filed.outcome.ok() && !filed.queued, qPrintable(filed.outcome.message));
        QVERIFY(filed.outcome.id > 0);
        const PgResult row = m_admin->exec(
            QStringLiteral("SELECT claimant_id, status FROM ownership_claims WHERE id = $1"),
            {filed.outcome.id});
        QCOMPARE(row.text(0, 0), kenji.user);
        QCOMPARE(row.text(0, 1), QStringLiteral("pending"));
        // In kenji's cache at once, with the server's id; nothing filed locally on the side.
        const auto cached = DarkDataService(*mine).claimById(filed.outcome.id);
        QVERIFY(cached);
        QCOMPARE(cached->status, OwnershipClaim::Status::Pending);
        QCOMPARE(DarkDataService(*mine).claims(key).size(), 1);

        // The steward's desktop syncs, sees it to decide, and approves it on the server.
        QString error;
        auto conn = PgConnection::connect(m_url, priya.user, {}, &error);
        QVERIFY2(conn && TeamSync::sync(*conn, *theirs, m_url, &error), qPrintable(error));
        const QList<OwnershipClaim> toDecide = DarkDataService(*theirs).claimsToDecide(priya.user);
        QCOMPARE(toDecide.size(), 1);
        QCOMPARE(toDecide.first().id, filed.outcome.id);
        const TeamClaimOutcome approved = TeamClaims::approve(priya, *theirs, filed.outcome.id);
        QVERIFY2(approved.outcome.ok(), qPrintable(approved.outcome.message));
        QCOMPARE(
            m_admin->exec(QStringLiteral("SELECT owner_id FROM products WHERE key = $1"), {key})
                .text(0, 0),
            kenji.user);
        // kenji's cache learns it by sync: the claim approved, kenji the owner.
        QCOMPARE(mine->productByKey(key)->ownerId, QString());
        auto mineConn = PgConnection::connect(m_url, kenji.user, {}, &error);
        QVERIFY2(mineConn && TeamSync::sync(*mineConn, *mine, m_url, &error), qPrintable(error));
        QCOMPARE(DarkDataService(*mine).claimById(filed.outcome.id)->status,
                 OwnershipClaim::Status::Approved);
        QCOMPARE(mine->productByKey(key)->ownerId, kenji.user);
    }

    void serverRefusesWhatAStaleCacheWouldAllow()
    {
        const TeamRoute wei{m_url, QStringLiteral("wei.zhang"), {}};
        auto stale = syncedCache(QStringLiteral("claims-wei.mesh"), wei);
        QVERIFY(stale);
        const QString key = QStringLiteral("legacy.orders_bak_2024");
        // Someone becomes its owner on the server after wei's last sync.
        QVERIFY(m_admin->run(QStringLiteral("UPDATE products SET owner_id = 'maria.lopez' WHERE "
                                            "key = $1"),
                             {key}));
        QCOMPARE(stale->productByKey(key)->ownerId, QString());
        const TeamClaimOutcome refused =
            TeamClaims::claim(wei, *stale, key, QStringLiteral("I restore backups"));
        QCOMPARE(refused.outcome.code, AccessOutcome::Code::Refused);
        QVERIFY(refused.refusedByServer);
        QVERIFY2(refused.outcome.message.contains(QStringLiteral("refused")),
                 qPrintable(refused.outcome.message));
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM ownership_claims WHERE "
                                           "product_key = $1"),
                            {key})
                     .integer(0, 0),
                 0);
        // A claimant may not approve their own claim either.
        const TeamClaimOutcome own = TeamClaims::claim(
            wei, *stale, QStringLiteral("legacy.evt_dump_x"), QStringLiteral("events"));
        QVERIFY2(own.outcome.ok(), qPrintable(own.outcome.message));
        const TeamClaimOutcome self = TeamClaims::approve(wei, *stale, own.outcome.id);
        QCOMPARE(self.outcome.code, AccessOutcome::Code::Refused);
    }

    void claimQueuesOfflineAndIsSentOnce()
    {
        const TeamRoute kenji{m_url, QStringLiteral("kenji.watanabe"), {}};
        auto cache = syncedCache(QStringLiteral("claims-offline.mesh"), kenji);
        QVERIFY(cache);
        TeamRoute away = kenji;
        away.url = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");
        const QString key = QStringLiteral("legacy.cust_map_v2");
        const TeamClaimOutcome queued =
            TeamClaims::claim(away, *cache, key, QStringLiteral("customer mapping"));
        QVERIFY(queued.queued);
        QVERIFY(queued.outcome.ok());
        QCOMPARE(TeamClaims::queuedClaims(*cache).size(), 1);
        QCOMPARE(DarkDataService(*cache).claims(key).size(), 0); // not filed locally
        QString error;
        auto conn = PgConnection::connect(m_url, kenji.user, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        QCOMPARE(TeamClient::replay(*conn, *cache).done, 1);
        QCOMPARE(TeamClient::replay(*conn, *cache).done, 0);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM ownership_claims WHERE "
                                           "product_key = $1 AND claimant_id = $2"),
                            {key, kenji.user})
                     .integer(0, 0),
                 1);
    }

private:
    std::unique_ptr<SqliteCatalogStore> syncedCache(const QString &name, const TeamRoute &route)
    {
        return m_pg.syncedCache(name, route.url, route.user);
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
};

QTEST_GUILESS_MAIN(TestTeamClaims)
#include "tst_teamclaims.moc"
