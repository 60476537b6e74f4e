// SPDX-License-Identifier: MIT
// Quality alerts found by desktop scans on team caches: reported to the team server as the
// person, one live alert per finding however many desktops report it, back to every desktop by
// sync under the server's ids, queued (once) while the server is away; row-level security lets
// anyone report but only the product's managers acknowledge or resolve.
#include "pgfixture.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"
#include "quality/qualityservice.h"
#include "team/teamalerts.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QSet>

using namespace Mesh;

namespace {

/** (product, fingerprint) of every live alert. */
QStringList liveFindings(SqliteCatalogStore &store)
{
    QStringList list;
    for (const QualityAlert &a : QualityService(store).alerts())
        list.append(a.finding.productKey + QLatin1Char('/') + a.finding.fingerprint);
    list.sort();
    return list;
}

} // namespace

class TestTeamAlerts : public QObject
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
                                              QStringLiteral("grace.mensah"),
                                              QStringLiteral("wei.zhang")},
                                             &error),
                 qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void alertFromTwoDesktopsIsOneAlertEverywhere()
    {
        // Two desktops synced before anyone scanned: neither has an alert yet.
        const TeamRoute kenji{m_url, QStringLiteral("kenji.watanabe"), {}};
        const TeamRoute grace{m_url, QStringLiteral("grace.mensah"), {}};
        auto a = syncedCache(QStringLiteral("desktop-a.mesh"), kenji);
        auto b = syncedCache(QStringLiteral("desktop-b.mesh"), grace);
        QVERIFY(a && b);
        QCOMPARE(serverLiveAlerts(), 0);

        // Both scan the same samples and find the same problems, each on its own.
        const QualityScanSummary scanA = QualityService(*a).scan();
        const QualityScanSummary scanB = QualityService(*b).scan();
        QVERIFY(scanA.raised > 0);
        QCOMPARE(scanB.raised, scanA.raised);
        const QStringList found = liveFindings(*a);
        QCOMPARE(liveFindings(*b), found);
        // A team cache numbers its own alerts apart from the server's.
        for (const QualityAlert &alert : QualityService(*a).alerts())
            QVERIFY(alert.id >= QualityService::kTeamLocalIdBase);

        // Desktop A reports first: every finding is new on the server, in kenji's name.
        const TeamAlertReport fromA = TeamAlerts::reportNew(kenji, *a);
        QCOMPARE(fromA.reported, scanA.raised);
        QCOMPARE(fromA.known, 0);
        QVERIFY(fromA.synced);
        QCOMPARE(serverLiveAlerts(), scanA.raised);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM quality_alerts WHERE "
                                           "reported_by = 'kenji.watanabe'"))
                     .integer(0, 0),
                 scanA.raised);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                           "'report-alert' AND actor = 'kenji.watanabe'"))
                     .integer(0, 0),
                 scanA.raised);
        // Desktop B reports the same findings: nothing new on the server.
        const TeamAlertReport fromB = TeamAlerts::reportNew(grace, *b);
        QCOMPARE(fromB.reported, 0);
        QCOMPARE(fromB.known, scanB.raised);
        QCOMPARE(serverLiveAlerts(), scanA.raised);

        // After syncing, each desktop lists every finding once, under the server's ids.
        QString error;
        auto conn = PgConnection::connect(m_url, kenji.user, {}, &error);
        QVERIFY2(conn && TeamSync::sync(*conn, *a, m_url, &error), qPrintable(error));
        for (SqliteCatalogStore *desktop : {a.get(), b.get()}) {
            QCOMPARE(liveFindings(*desktop), found);
            QSet<qint64> ids;
            for (const QualityAlert &alert : QualityService(*desktop).alerts(QString(), true)) {
                QVERIFY2(alert.id < QualityService::kTeamLocalIdBase,
                         qPrintable(alert.finding.fingerprint));
                ids.insert(alert.id);
            }
            // Nothing left behind as a resolved copy either: one row per finding.
            QCOMPARE(ids.size(), found.size());
        }
        QCOMPARE(serverIds(), idsOf(*a));
        QCOMPARE(serverIds(), idsOf(*b));

        // A third desktop that never scanned gets them by sync alone.
        auto c = syncedCache(QStringLiteral("desktop-c.mesh"), kenji);
        QVERIFY(c);
        QCOMPARE(liveFindings(*c), found);

        // The next scan refreshes the same alerts and reports nothing again.
        const QualityScanSummary again = QualityService(*a).scan();
        QCOMPARE(again.raised, 0);
        QCOMPARE(TeamAlerts::reportNew(kenji, *a).reported, 0);
        QCOMPARE(serverLiveAlerts(), scanA.raised);
    }

    void offlineReportsQueueOnceAndReplay()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        const TeamRoute wei{url, QStringLiteral("wei.zhang"), {}};
        auto cache = syncedCache(QStringLiteral("offline-alerts.mesh"), wei);
        QVERIFY(cache);
        const QualityScanSummary scan = QualityService(*cache).scan();
        QVERIFY(scan.raised > 0);
        TeamRoute away = wei;
        away.url = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");
        const TeamAlertReport queued = TeamAlerts::reportNew(away, *cache);
        QCOMPARE(queued.queued, scan.raised);
        QVERIFY(queued.message.contains(QStringLiteral("queued")));
        // A second scan while still offline queues nothing more.
        QualityService(*cache).scan();
        QCOMPARE(TeamAlerts::reportNew(away, *cache).queued, scan.raised);
        QCOMPARE(int(TeamClient::outbox(*cache, QStringLiteral("queued")).size()), scan.raised);
        // Back: the replay reports them, once each, and the sync adopts the server's ids.
        QString error;
        auto conn = PgConnection::connect(url, wei.user, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        const TeamReplayResult replayed = TeamClient::replay(*conn, *cache);
        QCOMPARE(replayed.done, scan.raised);
        QVERIFY2(TeamSync::sync(*conn, *cache, url, &error), qPrintable(error));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM quality_alerts WHERE state <> "
                                           "'resolved'"))
                     .integer(0, 0),
                 scan.raised);
        for (const QualityAlert &alert : QualityService(*cache).alerts())
            QVERIFY(alert.id < QualityService::kTeamLocalIdBase);
    }

    void anyoneReportsOnlyManagersAcknowledge()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        TeamWrite report;
        report.kind = TeamWrite::Kind::ReportAlert;
        report.actingUser = QStringLiteral("kenji.watanabe"); // not the product's owner
        report.productKey = QStringLiteral("people.workday-workers");
        report.fields = {{QStringLiteral("kind"), QStringLiteral("duplicate")},
                         {QStringLiteral("fingerprint"), QStringLiteral("duplicate-rows:workers")},
                         {QStringLiteral("severity"), QStringLiteral("warning")},
                         {QStringLiteral("title"), QStringLiteral("12 duplicate rows")}};
        const TeamWriteOutcome reported = TeamClient::apply(*admin, report);
        QVERIFY2(reported.ok(), qPrintable(reported.message));
        // The same finding again (another desktop, or a replay): the same alert.
        report.actingUser = QStringLiteral("wei.zhang");
        const TeamWriteOutcome again = TeamClient::apply(*admin, report);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(again.id, reported.id);
        // An unknown product is refused with a reason, nothing written.
        report.productKey = QStringLiteral("no.such-product");
        QCOMPARE(TeamClient::apply(*admin, report).code, TeamWriteOutcome::Code::Invalid);

        QString error;
        QVERIFY(admin->run(QStringLiteral("BEGIN"), {}, &error));
        QVERIFY(admin->setRole(QStringLiteral("kenji.watanabe"), &error));
        // Raw SQL: a report in someone else's name is refused; a second live copy is refused.
        const PgResult forged = admin->exec(QStringLiteral(
            "INSERT INTO quality_alerts(product_key, kind, fingerprint, title, reported_by) "
            "VALUES ('people.workday-workers', 'missing', 'x', 'x', 'grace.mensah')"));
        QVERIFY(forged.isRefusal());
        QVERIFY(admin->run(QStringLiteral("ROLLBACK"), {}, &error));
        QVERIFY(admin->run(QStringLiteral("BEGIN"), {}, &error));
        QVERIFY(admin->setRole(QStringLiteral("kenji.watanabe"), &error));
        const PgResult twice = admin->exec(QStringLiteral(
            "INSERT INTO quality_alerts(product_key, kind, fingerprint, title) VALUES "
            "('people.workday-workers', 'duplicate', 'duplicate-rows:workers', 'again')"));
        QCOMPARE(twice.sqlState(), QStringLiteral("23505"));
        QVERIFY(admin->run(QStringLiteral("ROLLBACK"), {}, &error));
        // Reporting does not let a person acknowledge: that stays with the product's managers.
        TeamWrite ack;
        ack.kind = TeamWrite::Kind::AckAlert;
        ack.actingUser = QStringLiteral("kenji.watanabe");
        ack.requestId = reported.id;
        QCOMPARE(TeamClient::apply(*admin, ack).code, TeamWriteOutcome::Code::Refused);
        ack.actingUser = QStringLiteral("grace.mensah"); // the owner
        QVERIFY(TeamClient::apply(*admin, ack).ok());
        QVERIFY(admin->setRole({}, &error));
    }

    void appAcknowledgesOnTheServerAsTheManager()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        const TeamRoute kenji{url, QStringLiteral("kenji.watanabe"), {}};
        auto cache = syncedCache(QStringLiteral("ack-kenji.mesh"), kenji);
        QVERIFY(cache);
        QVERIFY(QualityService(*cache).scan().raised > 0);
        // Not on the server yet: refused with the reason, nothing sent.
        const qint64 local = QualityService(*cache).alerts().first().id;
        QCOMPARE(TeamAlerts::transition(kenji, *cache, local, false).code,
                 AccessOutcome::Code::Invalid);
        QVERIFY(TeamAlerts::reportNew(kenji, *cache).synced);
        // An alert on someone else's product: kenji may not acknowledge it, its owner may.
        const PgResult r = admin->exec(QStringLiteral(
            "SELECT a.id, p.owner_id FROM quality_alerts a JOIN products p ON p.key = "
            "a.product_key WHERE p.owner_id NOT IN ('', 'kenji.watanabe') AND a.state = 'open' "
            "ORDER BY a.id LIMIT 1"));
        QCOMPARE(r.rows(), 1);
        const qint64 id = r.integer(0, 0);
        const TeamRoute grace{url, r.text(0, 1), {}};
        QString login;
        QVERIFY2(admin->run(
                     QStringLiteral("ALTER ROLE %1 LOGIN").arg(admin->quoteIdentifier(grace.user)),
                     {}, &login),
                 qPrintable(login));
        auto owner = syncedCache(QStringLiteral("ack-owner.mesh"), grace);
        QVERIFY(owner);
        const AccessOutcome refused = TeamAlerts::transition(kenji, *cache, id, false);
        QCOMPARE(refused.code, AccessOutcome::Code::Refused);
        QVERIFY2(refused.message.startsWith(QStringLiteral("Refused by the team server")),
                 qPrintable(refused.message));
        const AccessOutcome acked = TeamAlerts::transition(grace, *owner, id, false);
        QVERIFY2(acked.ok(), qPrintable(acked.message));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT state, acknowledged_by FROM quality_alerts "
                                           "WHERE id = $1"),
                            {id})
                     .text(0, 1),
                 grace.user);
        QCOMPARE(QualityService(*owner).alert(id)->state, QualityAlert::State::Acknowledged);
    }

    void alertsRaisedBeforeBecomingATeamCacheAreReported()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        const TeamRoute kenji{url, QStringLiteral("kenji.watanabe"), {}};
        // A catalog scanned before it was ever synced: its alerts have the low ids of any
        // catalog, and one earlier finding is resolved already.
        CatalogError catalogError;
        auto catalog = DemoLoader::createDemoCatalog(
            m_pg.tempPath(QStringLiteral("before-team.mesh")), &catalogError);
        QVERIFY2(catalog, qPrintable(catalogError.message));
        const QualityScanSummary scan = QualityService(*catalog).scan();
        QVERIFY(scan.raised > 1);
        const QList<QualityAlert> before = QualityService(*catalog).alerts();
        QCOMPARE(int(before.size()), scan.raised);
        for (const QualityAlert &alert : before)
            QVERIFY(alert.id < QualityService::kTeamLocalIdBase);
        QVERIFY(catalog->database().exec(QStringLiteral(
            "INSERT INTO quality_alerts(id, product_key, kind, fingerprint, title, state, "
            "first_seen, last_seen, resolved_by, resolved_at) VALUES (1000, "
            "'product.jira-issues', 'missing', 'missing:old', 'Fixed long ago', 'resolved', "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'amara.okafor', "
            "'2026-01-02T00:00:00Z')")));
        const QStringList found = liveFindings(*catalog);

        // Another desktop already reported one of the same findings: the server has it live,
        // under a low id the catalog's own alerts share.
        const QualityAlert &shared = before.first();
        TeamWrite report;
        report.kind = TeamWrite::Kind::ReportAlert;
        report.actingUser = QStringLiteral("grace.mensah");
        report.productKey = shared.finding.productKey;
        report.fields = {{QStringLiteral("kind"), QualityFinding::kindName(shared.finding.kind)},
                         {QStringLiteral("fingerprint"), shared.finding.fingerprint},
                         {QStringLiteral("severity"), shared.finding.severity},
                         {QStringLiteral("title"), shared.finding.title}};
        const TeamWriteOutcome onServer = TeamClient::apply(*admin, report);
        QVERIFY2(onServer.ok(), qPrintable(onServer.message));
        QVERIFY(onServer.id < QualityService::kTeamLocalIdBase);

        // The first sync makes it a team cache: its own alerts move to the team-local ids (the
        // resolved one too), the finding the server has takes the server's id.
        QString error;
        auto conn = PgConnection::connect(url, kenji.user, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        const auto synced = TeamSync::sync(*conn, *catalog, url, &error);
        QVERIFY2(synced, qPrintable(error));
        QCOMPARE(synced->movedAlerts, scan.raised + 1);
        QCOMPARE(liveFindings(*catalog), found);
        for (const QualityAlert &alert : QualityService(*catalog).alerts(QString(), true)) {
            const bool isShared = alert.finding.productKey == shared.finding.productKey &&
                                  alert.finding.fingerprint == shared.finding.fingerprint;
            if (isShared)
                QCOMPARE(alert.id, onServer.id);
            else
                QVERIFY2(alert.id >= QualityService::kTeamLocalIdBase,
                         qPrintable(alert.finding.fingerprint));
        }
        const auto old = QualityService(*catalog).alert(QualityService::kTeamLocalIdBase + 1000);
        QVERIFY(old);
        QCOMPARE(old->state, QualityAlert::State::Resolved);
        QCOMPARE(old->resolvedBy, QStringLiteral("amara.okafor"));
        // A resolved alert is still final after the move.
        QVERIFY(!catalog->database().exec(
            QStringLiteral("UPDATE quality_alerts SET state = 'open' WHERE id = %1").arg(old->id)));

        // The next push reports the rest, once each; the shared one is not reported again.
        const TeamAlertReport pushed = TeamAlerts::reportNew(kenji, *catalog);
        QCOMPARE(pushed.reported, scan.raised - 1);
        QCOMPARE(pushed.known, 0);
        QVERIFY(pushed.synced);
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM quality_alerts WHERE state <> "
                                           "'resolved'"))
                     .integer(0, 0),
                 scan.raised);
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM quality_alerts WHERE "
                                           "reported_by = 'kenji.watanabe'"))
                     .integer(0, 0),
                 scan.raised - 1);
        // Every live finding once, under the server's id, on the cache and on the server.
        QCOMPARE(liveFindings(*catalog), found);
        QList<qint64> server;
        const PgResult r = admin->exec(
            QStringLiteral("SELECT id FROM quality_alerts WHERE state <> 'resolved' ORDER BY id"));
        for (int i = 0; i < r.rows(); ++i)
            server.append(r.integer(i, 0));
        QCOMPARE(idsOf(*catalog), server);
        // Pushing again reports nothing; a later sync moves nothing.
        QCOMPARE(TeamAlerts::reportNew(kenji, *catalog).reported, 0);
        const auto again = TeamSync::sync(*conn, *catalog, url, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->movedAlerts, 0);
    }

    void acknowledgementsMadeBeforeBecomingATeamCacheAreCarriedOver()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        QString error;
        QVERIFY2(Test::PgFixture::allowLogin(*admin, {QStringLiteral("grace.mensah")}, &error),
                 qPrintable(error));
        const TeamRoute grace{url, QStringLiteral("grace.mensah"), {}};
        // A desktop catalog, before it was a team cache, acknowledged two findings: one on a
        // product Grace owns, one on a product she does not manage.
        CatalogError catalogError;
        auto catalog = DemoLoader::createDemoCatalog(
            m_pg.tempPath(QStringLiteral("acked-before-team.mesh")), &catalogError);
        QVERIFY2(catalog, qPrintable(catalogError.message));
        for (const char *sql :
             {"INSERT INTO quality_alerts(id, product_key, kind, fingerprint, title, state, "
              "first_seen, last_seen, acknowledged_by, acknowledged_at, note) VALUES (1, "
              "'people.workday-workers', 'duplicate', 'duplicate-rows:acked', '3 duplicate rows', "
              "'acknowledged', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'local.person', "
              "'2026-11-02T00:00:00Z', 'known: the HR export runs twice')",
              "INSERT INTO quality_alerts(id, product_key, kind, fingerprint, title, state, "
              "first_seen, last_seen, acknowledged_by, acknowledged_at) VALUES (2, "
              "'product.jira-issues', 'missing', 'missing:acked', 'No rows since Monday', "
              "'acknowledged', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'local.person', "
              "'2026-11-02T00:00:00Z')"})
            QVERIFY2(catalog->database().exec(QString::fromLatin1(sql), &error), qPrintable(error));

        auto conn = PgConnection::connect(url, grace.user, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        const auto synced = TeamSync::sync(*conn, *catalog, url, &error);
        QVERIFY2(synced, qPrintable(error));
        QCOMPARE(synced->movedAlerts, 2);
        const TeamAlertReport pushed = TeamAlerts::reportNew(grace, *catalog);
        QCOMPARE(pushed.reported, 2);
        QCOMPARE(pushed.acknowledged, 1);
        QCOMPARE(pushed.leftOpen, 1);
        QVERIFY2(pushed.message.contains(QStringLiteral("left open there")),
                 qPrintable(pushed.message));
        QVERIFY(pushed.synced);

        // On the server: Grace's product's alert acknowledged by Grace, with the catalog's note
        // and an audit entry; the other stays open (she may report it, not acknowledge it).
        const PgResult mine = admin->exec(QStringLiteral(
            "SELECT state, acknowledged_by, note, id FROM quality_alerts WHERE fingerprint = "
            "'duplicate-rows:acked'"));
        QCOMPARE(mine.rows(), 1);
        QCOMPARE(mine.text(0, 0), QStringLiteral("acknowledged"));
        QCOMPARE(mine.text(0, 1), QStringLiteral("grace.mensah"));
        QVERIFY2(mine.text(0, 2).contains(QStringLiteral("local.person")) &&
                     mine.text(0, 2).contains(QStringLiteral("the HR export runs twice")),
                 qPrintable(mine.text(0, 2)));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                           "'acknowledge-alert' AND subject = $1"),
                            {QStringLiteral("alert #%1").arg(mine.integer(0, 3))})
                     .integer(0, 0),
                 1);
        const PgResult other = admin->exec(
            QStringLiteral("SELECT state, acknowledged_by FROM quality_alerts WHERE fingerprint = "
                           "'missing:acked'"));
        QCOMPARE(other.rows(), 1);
        QCOMPARE(other.text(0, 0), QStringLiteral("open"));
        QVERIFY(other.isNull(0, 1));

        // The cache shows the server's states under the server's ids.
        const QList<QualityAlert> cached = QualityService(*catalog).alerts();
        QCOMPARE(cached.size(), 2);
        for (const QualityAlert &a : cached) {
            QVERIFY(a.id < QualityService::kTeamLocalIdBase);
            if (a.finding.fingerprint == QLatin1String("duplicate-rows:acked")) {
                QCOMPARE(a.state, QualityAlert::State::Acknowledged);
                QCOMPARE(a.acknowledgedBy, QStringLiteral("grace.mensah"));
            } else {
                QCOMPARE(a.state, QualityAlert::State::Open);
            }
        }
    }

private:
    int serverLiveAlerts()
    {
        return int(m_admin
                       ->exec(QStringLiteral(
                           "SELECT count(*) FROM quality_alerts WHERE state <> 'resolved'"))
                       .integer(0, 0));
    }
    QList<qint64> serverIds()
    {
        QList<qint64> ids;
        const PgResult r = m_admin->exec(
            QStringLiteral("SELECT id FROM quality_alerts WHERE state <> 'resolved' ORDER BY id"));
        for (int i = 0; i < r.rows(); ++i)
            ids.append(r.integer(i, 0));
        return ids;
    }
    static QList<qint64> idsOf(SqliteCatalogStore &store)
    {
        QList<qint64> ids;
        for (const QualityAlert &a : QualityService(store).alerts())
            ids.append(a.id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    std::unique_ptr<SqliteCatalogStore> syncedCache(const QString &name, const TeamRoute &route)
    {
        return m_pg.syncedCache(name, route.url, route.user);
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
};

QTEST_GUILESS_MAIN(TestTeamAlerts)
#include "tst_teamalerts.moc"
