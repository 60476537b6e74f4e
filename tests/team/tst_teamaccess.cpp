// SPDX-License-Identifier: MIT
// Preview and export on a team cache: the team server decides (a grant revoked there counts at
// once, before the cache has synced), the cache decides offline and says so, and the audit entry
// of a preview or an export reaches the server (directly, or through the outbox).
#include "pgfixture.h"

#include "access/accesspolicy.h"
#include "catalog/sqlitecatalogstore.h"
#include "preview/previewloader.h"
#include "preview/previewmodel.h"
#include "team/teamaccess.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("finance.netsuite-customers");
const QString kReader = QStringLiteral("kenji.watanabe"); // an analyst outside Finance

} // namespace

class TestTeamAccess : public QObject
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
        QVERIFY2(Test::PgFixture::allowLogin(*m_admin, {QStringLiteral("kenji.watanabe")}, &error),
                 qPrintable(error));
        const auto product = m_pg.demo()->productByKey(kProduct);
        QVERIFY(product);
        for (const Dataset &ds : product->datasets)
            for (const Column &c : ds.columns)
                if (c.classification.startsWith(QStringLiteral("PII")))
                    m_pii.append(c.name);
        QVERIFY(!m_pii.isEmpty());
        m_owner = product->ownerId;
        m_steward = product->stewardId;
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void serverDecidesWhenTheCacheIsStale()
    {
        // kenji is granted the product on the server, and his cache syncs the grant.
        const qint64 grantId = grant();
        QVERIFY(grantId > 0);
        auto cache = syncedCache(QStringLiteral("stale.mesh"));
        QVERIFY(cache);
        const AccessResource whole{kProduct, {}};
        QCOMPARE(AccessPolicy(*cache).decide(kReader, AccessAction::Preview, whole).verdict,
                 AccessDecision::Verdict::Allow);
        TeamUseDecision both =
            TeamAccess::decideUse(route(), *cache, QStringLiteral("someone"), whole);
        QCOMPARE(both.where, TeamUseDecision::Where::Server);
        QCOMPARE(both.userId, kReader); // the connected person, not the OS login
        QCOMPARE(both.preview.verdict, AccessDecision::Verdict::Allow);
        QVERIFY2(both.note.contains(QStringLiteral("decided by the team server")),
                 qPrintable(both.note));

        // The owner revokes it on the server; the cache has not synced yet.
        TeamWrite revoke;
        revoke.kind = TeamWrite::Kind::Revoke;
        revoke.actingUser = m_owner;
        revoke.requestId = grantId;
        revoke.reason = QStringLiteral("project ended");
        const TeamWriteOutcome revoked = TeamClient::apply(*m_admin, revoke);
        QVERIFY2(revoked.ok(), qPrintable(revoked.message));
        // The stale cache would still show everything …
        QCOMPARE(AccessPolicy(*cache).decide(kReader, AccessAction::Preview, whole).verdict,
                 AccessDecision::Verdict::Allow);
        // … the server masks the PII columns, for preview and export alike.
        both = TeamAccess::decideUse(route(), *cache, kReader, whole);
        QCOMPARE(both.where, TeamUseDecision::Where::Server);
        QCOMPARE(both.preview.verdict, AccessDecision::Verdict::AllowMasked);
        QCOMPARE(both.exporting.verdict, AccessDecision::Verdict::AllowMasked);
        QStringList masked = both.preview.maskedColumns;
        masked.sort();
        QStringList pii = m_pii;
        pii.sort();
        QCOMPARE(masked, pii);
        QVERIFY2(both.preview.reason.contains(QStringLiteral("out of date")),
                 qPrintable(both.preview.reason));

        // What the preview asks (the one function the UI's preview and export go through).
        PreviewSource source;
        source.location = cache->productByKey(kProduct)->datasets.first().location;
        source.catalogPath = cache->path();
        source.productKey = kProduct;
        source.team = route();
        PreviewError error;
        const PreviewAccess access = PreviewLoader::decideAccess(source, {}, &error);
        QVERIFY(access.allowed);
        QVERIFY(access.decidedByServer);
        QVERIFY(!access.decidedOffline);
        QCOMPARE(access.userId, kReader);
        for (const QString &c : std::as_const(m_pii)) {
            QVERIFY2(access.maskedForPreview.contains(c), qPrintable(c));
            QVERIFY2(access.maskedForExport.contains(c), qPrintable(c));
        }

        // meshctl preview --server decides the same way.
        QProcess p;
        p.start(QStringLiteral(MESHCTL),
                {QStringLiteral("preview"), source.location, QStringLiteral("--catalog"),
                 cache->path(), QStringLiteral("--product"), kProduct, QStringLiteral("--server"),
                 m_url, QStringLiteral("--as"), kReader, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("decided_by")).toString(), QStringLiteral("server"));
        for (const QString &c : std::as_const(m_pii))
            QVERIFY2(o.value(QStringLiteral("masked_columns")).toArray().contains(c),
                     qPrintable(c));
    }

    void cacheDecidesOfflineAndSaysSo()
    {
        auto cache = syncedCache(QStringLiteral("offline.mesh"));
        QVERIFY(cache);
        const QDateTime synced = TeamAccess::lastSynced(*cache);
        QVERIFY(synced.isValid());
        TeamRoute away = route();
        away.url = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");
        const AccessResource whole{kProduct, {}};
        const TeamUseDecision d = TeamAccess::decideUse(away, *cache, kReader, whole);
        QCOMPARE(d.where, TeamUseDecision::Where::OfflineCache);
        const AccessDecision local =
            AccessPolicy(*cache).decide(kReader, AccessAction::Preview, whole);
        QCOMPARE(d.preview.verdict, local.verdict);
        QCOMPARE(d.preview.maskedColumns, local.maskedColumns);
        QVERIFY2(d.note.contains(QStringLiteral("decided offline from the cache of ") +
                                 synced.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                 qPrintable(d.note));

        PreviewSource source;
        source.location = cache->productByKey(kProduct)->datasets.first().location;
        source.catalogPath = cache->path();
        source.productKey = kProduct;
        source.team = away;
        PreviewError error;
        const PreviewAccess access = PreviewLoader::decideAccess(source, {}, &error);
        QVERIFY(access.decidedOffline);
        QVERIFY(access.decisionNote.contains(QStringLiteral("offline")));

        // A local catalog (no route) is decided as always, with nothing to say about it.
        const TeamUseDecision plain = TeamAccess::decideUse({}, *cache, kReader, whole);
        QCOMPARE(plain.where, TeamUseDecision::Where::Local);
        QVERIFY(plain.note.isEmpty());
    }

    void previewIsAuditedOnTheServerOrQueued()
    {
        auto cache = syncedCache(QStringLiteral("audit.mesh"));
        QVERIFY(cache);
        const QString path = cache->path();
        const QString location = cache->productByKey(kProduct)->datasets.first().location;
        cache.reset();
        const qint64 before = serverUses();

        // Online: the preview model (as the Preview tab opens it) audits on the server.
        {
            PreviewModel model;
            PreviewSource source;
            source.location = location;
            source.catalogPath = path;
            source.productKey = kProduct;
            source.team = route();
            QSignalSpy opened(&model, &PreviewModel::opened);
            model.open(source);
            QVERIFY(opened.wait(20000));
            QVERIFY(model.access().decidedByServer);
            QVERIFY(!model.access().maskedForPreview.isEmpty());
        }
        QCOMPARE(serverUses(), before + 1);
        const PgResult entry = m_admin->exec(
            QStringLiteral("SELECT actor, action, detail FROM audit_log WHERE product_key = $1 "
                           "AND action LIKE 'preview-%' ORDER BY seq DESC LIMIT 1"),
            {kProduct});
        QCOMPARE(entry.text(0, 0), kReader);
        QCOMPARE(entry.text(0, 1), QStringLiteral("preview-masked"));
        QVERIFY2(entry.text(0, 2).contains(QStringLiteral("Masked:")),
                 qPrintable(entry.text(0, 2)));

        // Offline: decided on the cache, the audit entry waits in the outbox …
        TeamRoute away = route();
        away.url = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");
        {
            PreviewModel model;
            PreviewSource source;
            source.location = location;
            source.catalogPath = path;
            source.productKey = kProduct;
            source.team = away;
            QSignalSpy opened(&model, &PreviewModel::opened);
            model.open(source);
            QVERIFY(opened.wait(20000));
            QVERIFY(model.access().decidedOffline);
        }
        QCOMPARE(serverUses(), before + 1);
        auto store =
            SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, nullptr);
        QVERIFY(store);
        const QList<TeamOutboxEntry> queued = TeamClient::outbox(*store, QStringLiteral("queued"));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().write.kind, TeamWrite::Kind::RecordUse);
        // … and reaches the server when it is back, in the person's name.
        auto conn = PgConnection::connect(m_url, kReader, {}, nullptr);
        QVERIFY(conn);
        const TeamReplayResult replayed = TeamClient::replay(*conn, *store);
        QCOMPARE(replayed.done, 1);
        QCOMPARE(serverUses(), before + 2);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = $1 AND "
                                           "action LIKE 'preview-%'"),
                            {kReader})
                     .integer(0, 0),
                 2);

        // An export is audited on the server too.
        const TeamWriteOutcome exported = TeamAccess::recordUse(
            route(), *store, AccessAction::Export, {kProduct, {}},
            TeamAccess::decideUse(route(), *store, kReader, {kProduct, {}}).exporting);
        QVERIFY2(exported.ok(), qPrintable(exported.message));
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'export' "
                                           "AND product_key = $1"),
                            {kProduct})
                     .text(0, 0),
                 kReader);
    }

private:
    TeamRoute route() const { return TeamRoute{m_url, kReader, {}}; }

    qint64 serverUses()
    {
        return m_admin
            ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE product_key = $1 AND "
                                  "action IN ('preview-pii', 'preview-masked')"),
                   {kProduct})
            .integer(0, 0);
    }

    /** A request by kenji approved by everyone it needs; returns the grant's id. */
    qint64 grant()
    {
        TeamWrite request;
        request.kind = TeamWrite::Kind::Request;
        request.actingUser = kReader;
        request.productKey = kProduct;
        request.purpose = QStringLiteral("dunning review");
        const TeamWriteOutcome filed = TeamClient::apply(*m_admin, request);
        if (!filed.ok())
            return 0;
        for (const QString &approver : {m_owner, m_steward}) {
            TeamWrite approve;
            approve.kind = TeamWrite::Kind::Approve;
            approve.actingUser = approver;
            approve.requestId = filed.id;
            const TeamWriteOutcome o = TeamClient::apply(*m_admin, approve);
            if (!o.ok())
                return 0;
            if (o.message.contains(QStringLiteral("access granted")))
                break;
        }
        return m_admin
            ->exec(QStringLiteral("SELECT id FROM access_grants WHERE request_id = $1"), {filed.id})
            .integer(0, 0);
    }

    /** kenji's desktop: a new cache synced from the server as him. */
    std::unique_ptr<SqliteCatalogStore> syncedCache(const QString &name)
    {
        return m_pg.syncedCache(name, m_url, kReader);
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
    QStringList m_pii;
    QString m_owner;
    QString m_steward;
};

QTEST_GUILESS_MAIN(TestTeamAccess)
#include "tst_teamaccess.moc"
