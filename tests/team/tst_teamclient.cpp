// SPDX-License-Identifier: MIT
// Writes to the team server: requests, approvals and edits with optimistic version checks, two
// desktops editing one product, and the offline queue replayed after the server restarts.
#include "pgfixture.h"
#include "testsupport.h"

#include "access/accesspolicy.h"
#include "access/accessservice.h"
#include "access/auditlog.h"
#include "db/sqlite.h"
#include "team/teamaudit.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Mesh;

namespace {

TeamWrite request(const QString &who, const QString &product)
{
    TeamWrite w;
    w.kind = TeamWrite::Kind::Request;
    w.actingUser = who;
    w.productKey = product;
    w.purpose = QStringLiteral("quarterly review");
    w.days = 30;
    return w;
}

TeamWrite decision(TeamWrite::Kind kind, const QString &who, qint64 id)
{
    TeamWrite w;
    w.kind = kind;
    w.actingUser = who;
    w.requestId = id;
    w.reason = QStringLiteral("not needed");
    return w;
}

TeamWrite edit(const QString &who, const QString &product, const QString &description, int base)
{
    TeamWrite w;
    w.kind = TeamWrite::Kind::Edit;
    w.actingUser = who;
    w.productKey = product;
    w.fields.insert(QStringLiteral("description"), description);
    w.baseVersion = base;
    return w;
}

TeamWrite recordUse(const QString &who, const QString &product)
{
    TeamWrite w;
    w.kind = TeamWrite::Kind::RecordUse;
    w.actingUser = who;
    w.productKey = product;
    w.fields = {{QStringLiteral("action"), QStringLiteral("export")},
                {QStringLiteral("subject"), QStringLiteral("issues.csv")},
                {QStringLiteral("detail"), QStringLiteral("All columns.")}};
    return w;
}

} // namespace

class TestTeamClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
        m_conn = Test::PgFixture::connect(m_url);
        QVERIFY(m_conn);
        // A plain product (one approval) and a sensitive one (owner and steward).
        for (const QString &key :
             {QStringLiteral("product.jira-issues"), QStringLiteral("product.release-readiness")}) {
            const auto p = m_pg.demo()->productByKey(key);
            QVERIFY(p);
            (AccessPolicy::isSensitive(*p) ? m_sensitive : m_plain) = key;
        }
        QVERIFY(!m_plain.isEmpty() && !m_sensitive.isEmpty());
    }
    void cleanupTestCase()
    {
        m_conn.reset();
        m_pg.stop();
    }

    void requestApproveGrantAndAudit()
    {
        const TeamWriteOutcome filed =
            TeamClient::apply(*m_conn, request(QStringLiteral("kenji.watanabe"), m_plain));
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        QVERIFY(filed.id > 0);
        // The requester cannot approve their own request; an unrelated owner cannot see it.
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Approve,
                                                     QStringLiteral("kenji.watanabe"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Approve,
                                                     QStringLiteral("maria.lopez"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        const TeamWriteOutcome approved = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Approve, QStringLiteral("lucas.moreau"), filed.id));
        QVERIFY2(approved.ok(), qPrintable(approved.message));
        QVERIFY2(approved.message.contains(QStringLiteral("access granted")),
                 qPrintable(approved.message));
        // A second decision meets the first: a conflict that names who decided.
        const TeamWriteOutcome late = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Deny, QStringLiteral("sofia.rossi"), filed.id));
        QCOMPARE(late.code, TeamWriteOutcome::Code::Conflict);
        QCOMPARE(late.changedBy, QStringLiteral("lucas.moreau"));
        const PgResult grant = m_conn->exec(
            QStringLiteral("SELECT user_id, granted_by FROM access_grants WHERE request_id = $1"),
            {filed.id});
        QCOMPARE(grant.rows(), 1);
        QCOMPARE(grant.text(0, 0), QStringLiteral("kenji.watanabe"));
        QCOMPARE(grant.text(0, 1), QStringLiteral("lucas.moreau"));

        // Sensitive: the owner's approval alone grants nothing; the steward's completes it.
        const TeamWriteOutcome sensitive =
            TeamClient::apply(*m_conn, request(QStringLiteral("kenji.watanabe"), m_sensitive));
        QVERIFY2(sensitive.ok(), qPrintable(sensitive.message));
        const auto product = m_pg.demo()->productByKey(m_sensitive);
        const TeamWriteOutcome first = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Approve, product->ownerId, sensitive.id));
        QVERIFY2(first.ok() && first.message.contains(QStringLiteral("1 more")),
                 qPrintable(first.message));
        const TeamWriteOutcome second = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Approve, product->stewardId, sensitive.id));
        QVERIFY2(second.ok() && second.message.contains(QStringLiteral("access granted")),
                 qPrintable(second.message));

        QVERIFY(auditChainIntact());
        const PgResult actions = m_conn->exec(QStringLiteral(
            "SELECT string_agg(action || ':' || actor, ' ' ORDER BY seq) FROM audit_log WHERE "
            "action IN ('request', 'approve', 'grant')"));
        QVERIFY2(
            actions.text(0, 0).contains(QStringLiteral("approve:lucas.moreau grant:lucas.moreau")),
            qPrintable(actions.text(0, 0)));
    }

    void editsNeedOwnerOrSteward()
    {
        const TeamWriteOutcome refused = TeamClient::apply(
            *m_conn, edit(QStringLiteral("kenji.watanabe"), m_plain, QStringLiteral("mine"), 0));
        QCOMPARE(refused.code, TeamWriteOutcome::Code::Refused);
        const TeamWriteOutcome unknown = TeamClient::apply(
            *m_conn, edit(QStringLiteral("lucas.moreau"), QStringLiteral("no.such"), {}, 0));
        QCOMPARE(unknown.code, TeamWriteOutcome::Code::Invalid);
    }

    void twoDesktopsEditingOneProductGetOneConflictAndLoseNothing()
    {
        const QString key = QStringLiteral("product.jira-sprints");
        const int base = int(m_conn
                                 ->exec(QStringLiteral("SELECT row_version FROM products WHERE "
                                                       "key = $1"),
                                        {key})
                                 .integer(0, 0));
        auto cacheA = newCache();
        auto cacheB = newCache();
        // Both desktops opened version `base`; the owner saves first, then the steward.
        const TeamWriteOutcome a = TeamClient::submit(
            m_conn.get(), *cacheA,
            edit(QStringLiteral("lucas.moreau"), key, QStringLiteral("Sprints, per team."), base));
        QVERIFY2(a.ok(), qPrintable(a.message));
        QCOMPARE(a.version, base + 1);
        TeamWrite bWrite =
            edit(QStringLiteral("sofia.rossi"), key, QStringLiteral("Sprints with goals."), base);
        QVERIFY(TeamClient::enqueue(*cacheB, bWrite, nullptr)); // B was offline when saving
        const TeamReplayResult replayB = TeamClient::replay(*m_conn, *cacheB);
        QCOMPARE(replayB.conflicts, 1);
        QCOMPARE(replayB.done, 0);
        const QList<TeamOutboxEntry> conflicts =
            TeamClient::outbox(*cacheB, QStringLiteral("conflict"));
        QCOMPARE(conflicts.size(), 1);
        QVERIFY2(conflicts.first().message.contains(QStringLiteral("lucas.moreau")),
                 qPrintable(conflicts.first().message));
        QCOMPARE(conflicts.first().write.fields.value(QStringLiteral("description")).toString(),
                 QStringLiteral("Sprints with goals.")); // B's text is kept
        QCOMPARE(descriptionOf(key), QStringLiteral("Sprints, per team."));

        // B chooses "overwrite": both versions stay in the history.
        QVERIFY(TeamClient::requeueOverwriting(*cacheB, conflicts.first().id, nullptr));
        const TeamReplayResult again = TeamClient::replay(*m_conn, *cacheB);
        QCOMPARE(again.done, 1);
        QCOMPARE(descriptionOf(key), QStringLiteral("Sprints with goals."));
        const PgResult history = m_conn->exec(
            QStringLiteral("SELECT snapshot ->> 'description', author FROM product_versions WHERE "
                           "product_key = $1 ORDER BY version"),
            {key});
        QCOMPARE(history.rows(), 2);
        QCOMPARE(history.text(0, 0), QStringLiteral("Sprints, per team."));
        QCOMPARE(history.text(1, 1), QStringLiteral("sofia.rossi"));
    }

    void replayingAnAppliedWriteAppliesItOnce()
    {
        auto cache = newCache();
        TeamWrite w = request(QStringLiteral("amara.okafor"), m_plain);
        w.token = TeamWrite::newToken();
        QVERIFY(TeamClient::apply(*m_conn, w).ok());
        // The acknowledgement was lost: the desktop still has it queued.
        QVERIFY(TeamClient::enqueue(*cache, w, nullptr));
        const TeamReplayResult r = TeamClient::replay(*m_conn, *cache);
        QCOMPARE(r.done, 1);
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*) FROM access_requests WHERE "
                                           "client_token = $1"),
                            {w.token})
                     .integer(0, 0),
                 1);
    }

    void replayedUseIsAuditedOnce()
    {
        // An export recorded on the server whose acknowledgement was lost (the connection
        // dropped after COMMIT): the desktop still has it queued and replays it.
        auto cache = newCache();
        QVERIFY(cache);
        const QString who = QStringLiteral("amara.okafor");
        TeamWrite use = recordUse(who, m_plain);
        use.token = TeamWrite::newToken();
        const qint64 before = usesBy(who);
        const TeamWriteOutcome first = TeamClient::apply(*m_conn, use);
        QVERIFY2(first.ok(), qPrintable(first.message));
        QVERIFY(first.id > 0);
        QVERIFY(TeamClient::enqueue(*cache, use, nullptr));
        const TeamReplayResult r = TeamClient::replay(*m_conn, *cache);
        QCOMPARE(r.done, 1);
        QCOMPARE(r.failed, 0);
        // … and once more, as a second replay would: still the one entry.
        const TeamWriteOutcome again = TeamClient::apply(*m_conn, use);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(again.id, first.id);
        QCOMPARE(usesBy(who), before + 1);
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*), min(seq) FROM audit_log WHERE "
                                           "client_token = $1"),
                            {use.token})
                     .integer(0, 1),
                 first.id);
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE client_token = "
                                           "$1"),
                            {use.token})
                     .integer(0, 0),
                 1);
        QVERIFY(auditChainIntact());

        // Two uses of the same product, word for word alike, are two writes: both audited.
        TeamWrite second = recordUse(who, m_plain);
        second.token = TeamWrite::newToken();
        const TeamWriteOutcome other = TeamClient::apply(*m_conn, second);
        QVERIFY2(other.ok(), qPrintable(other.message));
        QVERIFY(other.id > first.id);
        // A write without a token gets a fresh one: a third use.
        TeamWrite third = recordUse(who, m_plain);
        QVERIFY(TeamClient::apply(*m_conn, third).ok());
        QCOMPARE(usesBy(who), before + 3);
        QVERIFY(auditChainIntact());
    }

    void useOnAServerWithoutTokensIsStillAudited()
    {
        // A server not yet migrated to schema 7 has no token column: the use is audited (at
        // least once), never lost.
        auto old = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(old);
        QString error;
        QVERIFY2(ServerSchema::migrate(*old, 6, &error), qPrintable(error));
        TeamWrite use = recordUse(QString(), m_plain);
        QVERIFY(TeamClient::apply(*old, use).ok());
        QVERIFY(TeamClient::apply(*old, use).ok());
        QCOMPARE(old->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                          "'export'"))
                     .integer(0, 0),
                 2);
    }

    void meshctlTeamWritesRefusesAndQueues()
    {
        const QString file = m_pg.tempPath(QStringLiteral("cli.mesh"));
        QString error;
        {
            auto cache = SqliteCatalogStore::create(file, QStringLiteral("cli"), nullptr);
            QVERIFY(cache);
            QVERIFY2(TeamSync::sync(*m_conn, *cache, m_url, &error), qPrintable(error));
        }
        const auto run = &Test::PgFixture::meshctl;
        QByteArray output;
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("request"), file, m_plain,
                      QStringLiteral("--purpose"), QStringLiteral("cli"), QStringLiteral("--as"),
                      QStringLiteral("kenji.watanabe"), QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QVERIFY2(output.contains("filed"), output.constData());
        // The access command sends to the team server when given --server.
        QCOMPARE(run({QStringLiteral("access"), QStringLiteral("request"), file, m_plain,
                      QStringLiteral("--purpose"), QStringLiteral("via access"),
                      QStringLiteral("--as"), QStringLiteral("amara.okafor"),
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT count(*) FROM access_requests WHERE purpose = "
                                             "'via access' AND requester_id = 'amara.okafor'"))
                     .integer(0, 0),
                 1);
        // Refused by AccessPolicy::decide on the cache, with its reason, before any round trip.
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("edit"), file, m_plain,
                      QStringLiteral("--field"), QStringLiteral("description"),
                      QStringLiteral("--value"), QStringLiteral("x"), QStringLiteral("--as"),
                      QStringLiteral("kenji.watanabe"), QStringLiteral("--server"), m_url},
                     &output),
                 3);
        QVERIFY2(output.contains("Only the owner or a steward"), output.constData());
        // Unreachable: queued (exit 4), listed, and sent by replay.
        const QString down = QStringLiteral("postgresql://mesh@127.0.0.1:1/x?connect_timeout=2");
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("edit"), file, m_plain,
                      QStringLiteral("--field"), QStringLiteral("tags"), QStringLiteral("--value"),
                      QStringLiteral("jira,delivery"), QStringLiteral("--as"),
                      QStringLiteral("lucas.moreau"), QStringLiteral("--server"), down},
                     &output),
                 4);
        QVERIFY2(output.contains("queued"), output.constData());
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("outbox"), file}, &output), 0);
        QVERIFY2(output.contains("queued edit as lucas.moreau"), output.constData());
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("replay"), file,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QVERIFY2(output.contains("Sent 1;"), output.constData());
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT array_to_string(tags, ',') FROM products "
                                           "WHERE key = $1"),
                            {m_plain})
                     .text(0, 0),
                 QStringLiteral("jira,delivery"));
    }

    void meshctlAuditVerifiesAndExportsTheServersLog()
    {
        const auto run = &Test::PgFixture::meshctl;
        // Team writes that the server audits.
        const TeamWriteOutcome filed =
            TeamClient::apply(*m_conn, request(QStringLiteral("kenji.watanabe"), m_plain));
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        QVERIFY(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Approve,
                                                    QStringLiteral("lucas.moreau"), filed.id))
                    .ok());
        const qint64 count =
            m_conn->exec(QStringLiteral("SELECT count(*) FROM audit_log")).integer(0, 0);
        QVERIFY(count >= 3);
        const QString file = m_pg.tempPath(QStringLiteral("audit-cli.mesh")); // not read
        QByteArray output;
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("verify"), file,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("Chain verified: %1 entries").arg(count).toUtf8()),
                 output.constData());
        // As a person: row-level security lets every team member read the whole log.
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("verify"), file,
                      QStringLiteral("--server"), m_url, QStringLiteral("--as"),
                      QStringLiteral("amara.okafor")},
                     &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("Chain verified: %1 entries").arg(count).toUtf8()) &&
                     output.contains("amara.okafor"),
                 output.constData());

        // Export: the local export's CSV, one row per server entry.
        const QString csv = m_pg.tempPath(QStringLiteral("server-audit.csv"));
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("export"), file,
                      QStringLiteral("--out"), csv, QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QVERIFY2(output.contains(QStringLiteral("Wrote %1 audit entries").arg(count).toUtf8()),
                 output.constData());
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(bytes.startsWith("seq,at,actor,action,product,subject,detail,prev_hash,hash\r\n"));
        QCOMPARE(bytes.count("\r\n"), count + 1);
        const PgResult last = m_conn->exec(
            QStringLiteral("SELECT hash, actor FROM audit_log ORDER BY seq DESC LIMIT 1"));
        QVERIFY(bytes.contains(last.text(0, 0).toUtf8()));
        QCOMPARE(last.text(0, 1), QStringLiteral("lucas.moreau"));
        QVERIFY(bytes.contains(",lucas.moreau,"));

        // Tampered by the table's owner (no trigger guards an UPDATE): exit 1 naming the entry.
        const qint64 bad = count - 1;
        const QString detail =
            m_conn->exec(QStringLiteral("SELECT detail FROM audit_log WHERE seq = $1"), {bad})
                .text(0, 0);
        QVERIFY(m_conn->run(QStringLiteral("UPDATE audit_log SET detail = detail || ' (edited)' "
                                           "WHERE seq = $1"),
                            {bad}, nullptr));
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("verify"), file,
                      QStringLiteral("--server"), m_url},
                     &output),
                 1);
        QVERIFY2(output.contains(QStringLiteral("#%1 was modified").arg(bad).toUtf8()),
                 output.constData());
        QCOMPARE(output.count('\n'), 1);
        QVERIFY(m_conn->run(QStringLiteral("UPDATE audit_log SET detail = $2 WHERE seq = $1"),
                            {bad, detail}, nullptr));
        QVERIFY(auditChainIntact());

        // Unreachable server: exit 4, one line; no --server URL: a usage error.
        const QString down = QStringLiteral("postgresql://mesh@127.0.0.1:1/x?connect_timeout=2");
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("verify"), file,
                      QStringLiteral("--server"), down},
                     &output),
                 4);
        QCOMPARE(output.count('\n'), 1);
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("export"), file,
                      QStringLiteral("--server"), m_url},
                     &output),
                 2);
        QVERIFY2(output.contains("--out"), output.constData());
    }

    void withdrawRevokePoliciesAndAlertsAreServerTransactions()
    {
        // Withdraw: only the requester, once; a decided request is a conflict.
        const TeamWriteOutcome filed =
            TeamClient::apply(*m_conn, request(QStringLiteral("amara.okafor"), m_plain));
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Withdraw,
                                                     QStringLiteral("lucas.moreau"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        const TeamWriteOutcome withdrawn = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Withdraw, QStringLiteral("amara.okafor"), filed.id));
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.message));
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT status FROM access_requests WHERE id = $1"),
                              {filed.id})
                     .text(0, 0),
                 QStringLiteral("withdrawn"));
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Approve,
                                                     QStringLiteral("lucas.moreau"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Conflict);

        // Revoke: the owner (or an admin) may; the grantee and a steward may not.
        const TeamWriteOutcome again =
            TeamClient::apply(*m_conn, request(QStringLiteral("amara.okafor"), m_plain));
        QVERIFY(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Approve,
                                                    QStringLiteral("lucas.moreau"), again.id))
                    .ok());
        const qint64 grant =
            m_conn
                ->exec(QStringLiteral("SELECT id FROM access_grants WHERE request_id = $1"),
                       {again.id})
                .integer(0, 0);
        QVERIFY(grant > 0);
        for (const QString &who : {QStringLiteral("amara.okafor"), QStringLiteral("sofia.rossi")})
            QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::Revoke, who, grant)).code,
                     TeamWriteOutcome::Code::Refused);
        const TeamWriteOutcome revoked = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Revoke, QStringLiteral("ravi.patel"), grant));
        QVERIFY2(revoked.ok(), qPrintable(revoked.message));
        const TeamWriteOutcome twice = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::Revoke, QStringLiteral("lucas.moreau"), grant));
        QCOMPARE(twice.code, TeamWriteOutcome::Code::Conflict);
        QCOMPARE(twice.changedBy, QStringLiteral("ravi.patel"));

        // Policies: a domain's steward tightens their domain; loosening and other domains fail.
        TeamWrite policy;
        policy.kind = TeamWrite::Kind::SetPolicy;
        policy.actingUser = QStringLiteral("sofia.rossi");
        policy.policyScope = QStringLiteral("Product");
        policy.policyKind = QStringLiteral("description-min-length");
        policy.parameter = QStringLiteral("80");
        const TeamWriteOutcome set = TeamClient::apply(*m_conn, policy);
        QVERIFY2(set.ok(), qPrintable(set.message));
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT parameter, updated_by FROM governance_policies "
                                           "WHERE scope = 'Product' AND kind = "
                                           "'description-min-length'"))
                     .text(0, 1),
                 QStringLiteral("sofia.rossi"));
        policy.parameter = QStringLiteral("10");
        QCOMPARE(TeamClient::apply(*m_conn, policy).code, TeamWriteOutcome::Code::Invalid);
        policy.parameter = QStringLiteral("90");
        policy.policyScope = QStringLiteral("Finance");
        QCOMPARE(TeamClient::apply(*m_conn, policy).code, TeamWriteOutcome::Code::Refused);
        policy.policyScope.clear(); // global: the council's, not a steward's
        QCOMPARE(TeamClient::apply(*m_conn, policy).code, TeamWriteOutcome::Code::Refused);
        policy.actingUser = QStringLiteral("aiko.tanaka");
        QVERIFY(TeamClient::apply(*m_conn, policy).ok());

        // Alerts: acknowledged by an approver of the product, then resolved; an analyst is refused.
        const qint64 alert =
            m_conn
                ->exec(QStringLiteral("INSERT INTO quality_alerts(product_key, kind, fingerprint, "
                                      "title) VALUES ($1, 'missing', 'f1', 'stale') RETURNING id"),
                       {m_plain})
                .integer(0, 0);
        QVERIFY(alert > 0);
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::AckAlert,
                                                     QStringLiteral("amara.okafor"), alert))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        QVERIFY(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::AckAlert,
                                                    QStringLiteral("sofia.rossi"), alert))
                    .ok());
        const TeamWriteOutcome secondAck = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::AckAlert, QStringLiteral("lucas.moreau"), alert));
        QCOMPARE(secondAck.code, TeamWriteOutcome::Code::Conflict);
        QCOMPARE(secondAck.changedBy, QStringLiteral("sofia.rossi"));
        QVERIFY(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::ResolveAlert,
                                                    QStringLiteral("lucas.moreau"), alert))
                    .ok());
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT state || '/' || resolved_by FROM "
                                             "quality_alerts WHERE id = $1"),
                              {alert})
                     .text(0, 0),
                 QStringLiteral("resolved/lucas.moreau"));
        QVERIFY(auditChainIntact());
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN "
                                           "('withdraw', 'revoke', 'set-policy', "
                                           "'acknowledge-alert', 'resolve-alert')"))
                     .integer(0, 0),
                 6);
    }

    void ownershipClaimsAreFiledAndDecidedOnTheServer()
    {
        // A product without owner (dark data); if the demo has none, make one on the server.
        QString dark = m_conn->exec(QStringLiteral("SELECT key FROM products WHERE owner_id = '' "
                                                   "ORDER BY key LIMIT 1"))
                           .text(0, 0);
        if (dark.isEmpty()) {
            dark = QStringLiteral("product.jira-sprints");
            QString error;
            QVERIFY2(m_conn->run(QStringLiteral("UPDATE products SET owner_id = '' WHERE key = $1"),
                                 {dark}, &error),
                     qPrintable(error));
        }
        TeamWrite claim;
        claim.kind = TeamWrite::Kind::Claim;
        claim.actingUser = QStringLiteral("kenji.watanabe");
        claim.productKey = dark;
        claim.reason = QStringLiteral("I maintain it");
        const TeamWriteOutcome filed = TeamClient::apply(*m_conn, claim);
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        // Filing twice is the same claim; claiming an owned product is refused.
        QCOMPARE(TeamClient::apply(*m_conn, claim).id, filed.id);
        claim.productKey = m_plain;
        QCOMPARE(TeamClient::apply(*m_conn, claim).code, TeamWriteOutcome::Code::Refused);
        // An analyst and the claimant cannot approve it; a steward can, and owns nothing by it.
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::ApproveClaim,
                                                     QStringLiteral("amara.okafor"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::ApproveClaim,
                                                     QStringLiteral("kenji.watanabe"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Refused);
        const QString steward = m_conn->exec(QStringLiteral("SELECT id FROM users WHERE 'steward' "
                                                            "= ANY(roles) ORDER BY id LIMIT 1"))
                                    .text(0, 0);
        const AccessPolicy policy(*m_pg.demo());
        const TeamWriteOutcome approved = TeamClient::apply(
            *m_conn, decision(TeamWrite::Kind::ApproveClaim, steward, filed.id));
        const bool allowed = policy.decide(steward, AccessAction::ApproveClaim, {dark, {}}).allowed();
        if (m_pg.demo()->productByKey(dark)->ownerId.isEmpty()) {
            QVERIFY(allowed);
            QVERIFY2(approved.ok(), qPrintable(approved.message));
        } else { // the product was made dark on the server only: decide on its domain there
            QVERIFY(approved.ok() || approved.code == TeamWriteOutcome::Code::Refused);
            if (!approved.ok())
                QVERIFY(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::ApproveClaim,
                                                            QStringLiteral("ravi.patel"), filed.id))
                            .ok());
        }
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT owner_id FROM products WHERE key = $1"),
                              {dark})
                     .text(0, 0),
                 QStringLiteral("kenji.watanabe"));
        QCOMPARE(TeamClient::apply(*m_conn, decision(TeamWrite::Kind::DenyClaim,
                                                     QStringLiteral("ravi.patel"), filed.id))
                     .code,
                 TeamWriteOutcome::Code::Conflict);
        QVERIFY(auditChainIntact());
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN "
                                           "('claim-ownership', 'approve-claim')"))
                     .integer(0, 0),
                 2);
        // The claim reaches a cache, with its decision.
        auto cache = SqliteCatalogStore::create(m_pg.tempPath(QStringLiteral("claims.mesh")),
                                                QStringLiteral("claims"), nullptr);
        QString error;
        const auto synced = TeamSync::sync(*m_conn, *cache, m_url, &error);
        QVERIFY2(synced, qPrintable(error));
        QVERIFY(synced->claims >= 1);
        QCOMPARE(cache->database()
                     .scalar(QStringLiteral("SELECT status || '/' || claimant_id FROM "
                                            "ownership_claims WHERE id = %1")
                                 .arg(filed.id))
                     .toString(),
                 QStringLiteral("approved/kenji.watanabe"));
    }

    void meshctlAccessGovernanceAndAlertsTakeServer()
    {
        const QString file = m_pg.tempPath(QStringLiteral("cli-gov.mesh"));
        QString error;
        {
            auto cache = SqliteCatalogStore::create(file, QStringLiteral("cli"), nullptr);
            QVERIFY(cache);
            QVERIFY2(TeamSync::sync(*m_conn, *cache, m_url, &error), qPrintable(error));
        }
        const auto run = &Test::PgFixture::meshctl;
        const QStringList server{QStringLiteral("--server"), m_url};
        QByteArray output;
        const TeamWriteOutcome filed =
            TeamClient::apply(*m_conn, request(QStringLiteral("henrik.lindqvist"), m_plain));
        QVERIFY(filed.ok());
        const QString id = QString::number(filed.id);
        // access list --server: what row-level security shows the acting person.
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("list"), file,
                                 QStringLiteral("--json"), QStringLiteral("--as"),
                                 QStringLiteral("henrik.lindqvist")} +
                         server,
                     &output),
                 0);
        QVERIFY2(output.contains("\"requester\": \"henrik.lindqvist\""), output.constData());
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("list"), file,
                                 QStringLiteral("--as"), QStringLiteral("amara.okafor")} +
                         server,
                     &output),
                 0);
        QVERIFY2(!output.contains("henrik.lindqvist"), output.constData());
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("list"), file,
                                 QStringLiteral("--as"), QStringLiteral("lucas.moreau")} +
                         server,
                     &output),
                 0);
        QVERIFY2(output.contains("1 waiting for you") || output.contains("waiting for you"),
                 output.constData());
        QVERIFY2(output.contains(QStringLiteral("#%1").arg(id).toUtf8()), output.constData());
        // withdraw: refused for someone else (3), done by the requester, then a conflict (5).
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("withdraw"), file, id,
                                 QStringLiteral("--as"), QStringLiteral("lucas.moreau")} +
                         server,
                     &output),
                 3);
        QCOMPARE(output.count('\n'), 1);
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("withdraw"), file, id,
                                 QStringLiteral("--as"), QStringLiteral("henrik.lindqvist")} +
                         server,
                     &output),
                 0);
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("deny"), file, id,
                                 QStringLiteral("--reason"), QStringLiteral("late"),
                                 QStringLiteral("--as"), QStringLiteral("lucas.moreau")} +
                         server,
                     &output),
                 5);
        // revoke: an unknown grant id is refused (row-level security shows nothing to update).
        QCOMPARE(run(QStringList{QStringLiteral("access"), QStringLiteral("revoke"), file,
                                 QStringLiteral("999999"), QStringLiteral("--as"),
                                 QStringLiteral("lucas.moreau")} +
                         server,
                     &output),
                 3);
        // governance set --server: refused for an analyst (3), done by the council.
        QCOMPARE(run(QStringList{QStringLiteral("governance"), QStringLiteral("set"), file,
                                 QStringLiteral("kpi-freshness-sla"), QStringLiteral("24"),
                                 QStringLiteral("--as"), QStringLiteral("kenji.watanabe")} +
                         server,
                     &output),
                 3);
        QCOMPARE(run(QStringList{QStringLiteral("governance"), QStringLiteral("set"), file,
                                 QStringLiteral("kpi-freshness-sla"), QStringLiteral("24"),
                                 QStringLiteral("--as"), QStringLiteral("aiko.tanaka")} +
                         server,
                     &output),
                 0);
        QCOMPARE(run(QStringList{QStringLiteral("governance"), QStringLiteral("set"), file,
                                 QStringLiteral("no-such-kind")} +
                         server,
                     &output),
                 2);
        // alerts ack --server, and alerts --server lists the server's alerts after a sync.
        const qint64 alert =
            m_conn
                ->exec(QStringLiteral("INSERT INTO quality_alerts(product_key, kind, fingerprint, "
                                      "title) VALUES ($1, 'drift', 'f-cli', 'schema drift on "
                                      "the CLI') RETURNING id"),
                       {m_plain})
                .integer(0, 0);
        QCOMPARE(run(QStringList{QStringLiteral("alerts"), QStringLiteral("ack"), file,
                                 QString::number(alert), QStringLiteral("--as"),
                                 QStringLiteral("kenji.watanabe")} +
                         server,
                     &output),
                 3);
        QCOMPARE(run(QStringList{QStringLiteral("alerts"), QStringLiteral("ack"), file,
                                 QString::number(alert), QStringLiteral("--note"),
                                 QStringLiteral("looking"), QStringLiteral("--as"),
                                 QStringLiteral("sofia.rossi")} +
                         server,
                     &output),
                 0);
        QCOMPARE(run(QStringList{QStringLiteral("alerts"), file, QStringLiteral("--json")} + server,
                     &output),
                 0);
        QVERIFY2(output.contains("schema drift on the CLI"), output.constData());
        QVERIFY2(output.contains("\"acknowledged_by\": \"sofia.rossi\""), output.constData());
        QCOMPARE(run(QStringList{QStringLiteral("governance"), file, QStringLiteral("--json")} +
                         server,
                     &output),
                 0);
        QVERIFY2(output.contains("\"updated_by\": \"aiko.tanaka\""), output.constData());
        // claim --server: an owned product is refused (3), one line.
        QCOMPARE(run(QStringList{QStringLiteral("claim"), file, m_plain, QStringLiteral("--as"),
                                 QStringLiteral("kenji.watanabe")} +
                         server,
                     &output),
                 3);
        QCOMPARE(output.count('\n'), 1);
        const int listed = run(QStringList{QStringLiteral("claim"), QStringLiteral("list"), file,
                                           QStringLiteral("--json"), QStringLiteral("--as"),
                                           QStringLiteral("kenji.watanabe")} +
                                   server,
                               &output);
        QVERIFY2(listed == 0, output.constData());
        QVERIFY2(output.contains("\"claimant\": \"kenji.watanabe\""), output.constData());

        // history and unclaimed --server: the local reports, on what the server has now.
        QVERIFY2(m_conn->run(QStringLiteral("INSERT INTO products(key, name, domain) VALUES "
                                            "('legacy.cli_orphan', 'CLI orphan', 'Finance')"),
                             {}, &error),
                 qPrintable(error));
        QCOMPARE(run(QStringList{QStringLiteral("unclaimed"), file, QStringLiteral("--json")},
                     &output),
                 0);
        QVERIFY2(!output.contains("legacy.cli_orphan"), output.constData()); // not synced yet
        QCOMPARE(run(QStringList{QStringLiteral("unclaimed"), file, QStringLiteral("--json")} +
                         server,
                     &output),
                 0);
        QVERIFY2(output.contains("legacy.cli_orphan"), output.constData());
        // An edit on the server after that sync: only history --server sees it.
        const int base = int(
            m_conn->exec(QStringLiteral("SELECT row_version FROM products WHERE key = $1"), {m_plain})
                .integer(0, 0));
        const TeamWriteOutcome edited = TeamClient::apply(
            *m_conn, edit(QStringLiteral("lucas.moreau"), m_plain,
                          QStringLiteral("Edited on the server for history --server."), base));
        QVERIFY2(edited.ok(), qPrintable(edited.message));
        const QStringList history = {QStringLiteral("history"), file, m_plain,
                                     QStringLiteral("--json")};
        auto currentVersion = [&output] {
            return QJsonDocument::fromJson(output).object().value(u"current_version").toInt(-1);
        };
        QCOMPARE(run(history, &output), 0);
        const int before = currentVersion();
        QVERIFY2(before >= 0, output.constData());
        QCOMPARE(run(history + server, &output), 0);
        QCOMPARE(currentVersion(), before + 1);
        QVERIFY2(output.contains("lucas.moreau"), output.constData());
        // --to's value is not taken for FILE; the newest version holds the server's edit.
        QCOMPARE(run(QStringList{QStringLiteral("history"), QStringLiteral("--to"),
                                 QStringLiteral("0"), file, m_plain} +
                         server,
                     &output),
                 0);
        QVERIFY2(output.contains("Edited on the server for history --server."),
                 output.constData());
    }

    // Last: it stops and restarts the shared server.
    void offlineWritesQueueAndReplayAfterTheServerRestarts()
    {
        auto cache = newCache();
        const qint64 pending =
            TeamClient::apply(*m_conn, request(QStringLiteral("henrik.lindqvist"), m_plain)).id;
        QVERIFY(pending > 0);
        const qint64 requestsBefore =
            m_conn->exec(QStringLiteral("SELECT count(*) FROM access_requests")).integer(0, 0);
        const qint64 auditBefore =
            m_conn->exec(QStringLiteral("SELECT count(*) FROM audit_log")).integer(0, 0);
        const int version = int(m_conn
                                    ->exec(QStringLiteral("SELECT row_version FROM products "
                                                          "WHERE key = 'product.jira-releases'"))
                                    .integer(0, 0));

        QVERIFY(m_pg.server().stop());
        const QList<TeamWrite> writes = {
            request(QStringLiteral("kenji.watanabe"), QStringLiteral("product.jira-releases")),
            request(QStringLiteral("amara.okafor"), QStringLiteral("product.jira-releases")),
            edit(QStringLiteral("lucas.moreau"), QStringLiteral("product.jira-releases"),
                 QStringLiteral("Releases, queued offline."), version),
            decision(TeamWrite::Kind::Approve, QStringLiteral("lucas.moreau"), pending),
        };
        for (const TeamWrite &w : writes) {
            const TeamWriteOutcome o = TeamClient::submit(m_conn.get(), *cache, w);
            QCOMPARE(o.code, TeamWriteOutcome::Code::Offline);
            QVERIFY(o.queued);
        }
        QCOMPARE(TeamClient::outbox(*cache, QStringLiteral("queued")).size(), writes.size());
        // Still down: a replay keeps everything queued.
        QCOMPARE(TeamClient::replay(*m_conn, *cache).remaining, int(writes.size()));

        QString error;
        QVERIFY2(m_pg.server().start(&error), qPrintable(error));
        m_conn = Test::PgFixture::connect(m_url);
        QVERIFY(m_conn);
        const TeamReplayResult r = TeamClient::replay(*m_conn, *cache);
        QCOMPARE(r.done, int(writes.size()));
        QCOMPARE(r.remaining, 0);
        QCOMPARE(TeamClient::replay(*m_conn, *cache).done, 0); // nothing twice
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT count(*) FROM access_requests")).integer(0, 0),
                 requestsBefore + 2);
        QCOMPARE(descriptionOf(QStringLiteral("product.jira-releases")),
                 QStringLiteral("Releases, queued offline."));
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT status FROM access_requests WHERE id = $1"),
                            {pending})
                     .text(0, 0),
                 QStringLiteral("approved"));
        // request, request, edit, approve + grant
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT count(*) FROM audit_log")).integer(0, 0),
                 auditBefore + 5);
        QVERIFY(auditChainIntact());
    }

    void narrowedApprovalsGrantThoseColumnsUntilThatDayOnServerAndCache()
    {
        QString error;
        QVERIFY(m_conn->run(QStringLiteral("ALTER ROLE \"kenji.watanabe\" LOGIN"), {}, &error));
        const QString kenji = QStringLiteral("kenji.watanabe");
        // Whole seconds: the sync carries times to the second.
        const QDateTime startOfTest = QDateTime::currentDateTimeUtc();
        const QDateTime tenDays =
            startOfTest.addDays(10).addMSecs(-startOfTest.time().msec()); // one clock reading

        // One approval needed: the grant has exactly the approver's columns and end.
        const qint64 plain = TeamClient::apply(*m_conn, request(kenji, m_plain)).id;
        QVERIFY(plain > 0);
        const auto plainProduct = m_pg.demo()->productByKey(m_plain);
        const QStringList two = {plainProduct->datasets.first().columns.at(1).name,
                                 plainProduct->datasets.first().columns.at(0).name};
        TeamWrite narrowed = decision(TeamWrite::Kind::Approve, plainProduct->ownerId, plain);
        // Widening is refused by the server, whatever the client sends, and nothing is written.
        narrowed.columns = {two.first(), QStringLiteral("no.such.column")};
        TeamWriteOutcome o = TeamClient::apply(*m_conn, narrowed);
        QCOMPARE(o.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY2(o.message.contains(QStringLiteral("no.such.column")), qPrintable(o.message));
        narrowed.columns = two;
        narrowed.endsAt = QDateTime::currentDateTimeUtc().addDays(60);
        o = TeamClient::apply(*m_conn, narrowed);
        QCOMPARE(o.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY2(o.message.contains(QStringLiteral("shorten")), qPrintable(o.message));
        QCOMPARE(m_conn
                     ->exec(QStringLiteral("SELECT count(*) FROM access_approvals WHERE "
                                           "request_id = $1"),
                            {plain})
                     .integer(0, 0),
                 0);
        {
            // The app's AccessService refuses the same two widenings on a desktop catalog.
            QTemporaryDir dir;
            auto local = MeshTest::freshDemoCatalog(dir, QStringLiteral("widen"));
            QVERIFY(local);
            AccessService service(*local);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const AccessOutcome asked =
                service.request(kenji, m_plain, {}, QStringLiteral("cycle times"), now,
                                now.addDays(30));
            QVERIFY2(asked.ok(), qPrintable(asked.message));
            const qint64 id = asked.id;
            AccessOutcome refused = service.approve(
                plainProduct->ownerId, id, {two.first(), QStringLiteral("no.such.column")});
            QCOMPARE(refused.code, AccessOutcome::Code::Invalid);
            QVERIFY2(refused.message.contains(QStringLiteral("no.such.column")),
                     qPrintable(refused.message));
            refused = service.approve(plainProduct->ownerId, id, two, now.addDays(60));
            QCOMPARE(refused.code, AccessOutcome::Code::Invalid);
            QVERIFY2(refused.message.contains(QStringLiteral("shorten")),
                     qPrintable(refused.message));
            const AccessOutcome approved = service.approve(plainProduct->ownerId, id, two, tenDays);
            QVERIFY2(approved.ok(), qPrintable(approved.message));
        }
        narrowed.endsAt = tenDays;
        // As queued in the outbox, the narrowing survives the trip to disk and back.
        const TeamWrite queued = TeamWrite::fromJson(narrowed.toJson());
        QCOMPARE(queued.columns, two);
        QCOMPARE(queued.endsAt, tenDays);
        QVERIFY(!TeamWrite::fromJson(request(kenji, m_plain).toJson()).endsAt.isValid());
        o = TeamClient::apply(*m_conn, narrowed);
        QVERIFY2(o.ok(), qPrintable(o.message));
        QCOMPARE(grantOf(plain), (QStringList{two.join(QLatin1Char(',')), isoUtc(tenDays)}));

        // Two approvals (sensitive): the grant gets what both allowed, in the first's order,
        // and the earliest end; the app's AccessService narrows the same way.
        const qint64 sensitive = TeamClient::apply(*m_conn, request(kenji, m_sensitive)).id;
        QVERIFY(sensitive > 0);
        const auto product = m_pg.demo()->productByKey(m_sensitive);
        QStringList pii;
        QStringList plainColumns;
        for (const Column &c : product->datasets.first().columns)
            (c.classification.startsWith(QLatin1String("PII")) ? pii : plainColumns).append(c.name);
        QVERIFY(pii.size() >= 2 && plainColumns.size() >= 2);
        TeamWrite byOwner = decision(TeamWrite::Kind::Approve, product->ownerId, sensitive);
        byOwner.columns = {plainColumns.at(0), pii.at(1), plainColumns.at(1)};
        byOwner.endsAt = tenDays;
        QVERIFY(TeamClient::apply(*m_conn, byOwner).ok());
        TeamWrite bySteward = decision(TeamWrite::Kind::Approve, product->stewardId, sensitive);
        bySteward.columns = {plainColumns.at(1), pii.at(1)};
        o = TeamClient::apply(*m_conn, bySteward);
        QVERIFY2(o.ok() && o.message.contains(QStringLiteral("access granted")),
                 qPrintable(o.message));
        const QStringList granted = {pii.at(1), plainColumns.at(1)};
        QCOMPARE(grantOf(sensitive),
                 (QStringList{granted.join(QLatin1Char(',')), isoUtc(tenDays)}));
        QVERIFY(auditChainIntact());

        // Synced to the requester's desktop: the same grants, and the app's policy masks what
        // the server's preview decision masks.
        auto cache = newCache();
        auto asKenji = PgConnection::connect(m_url, kenji, {}, &error);
        QVERIFY2(asKenji && TeamSync::sync(*asKenji, *cache, m_url, &error), qPrintable(error));
        const AccessService service(*cache);
        for (const auto &[key, id, columns] :
             {std::tuple{m_plain, plain, two}, std::tuple{m_sensitive, sensitive, granted}}) {
            QList<AccessGrant> grants = service.grants(key, kenji);
            grants.removeIf([id = id](const AccessGrant &g) { return g.requestId != id; });
            QCOMPARE(grants.size(), 1);
            QCOMPARE(grants.first().columns, columns);
            QCOMPARE(grants.first().endsAt, tenDays);
        }
        // The grants of the earlier test (all columns) are revoked, so that the preview below
        // depends on the narrowed grant alone.
        const PgResult older = m_conn->exec(
            QStringLiteral("SELECT id FROM access_grants WHERE user_id = $1 AND product_key = $2 "
                           "AND request_id <> $3"),
            {kenji, m_sensitive, sensitive});
        for (int i = 0; i < older.rows(); ++i) {
            TeamWrite revoke =
                decision(TeamWrite::Kind::Revoke, product->ownerId, older.integer(i, 0));
            QVERIFY(TeamClient::apply(*m_conn, revoke).ok());
        }
        QVERIFY2(TeamSync::sync(*asKenji, *cache, m_url, &error), qPrintable(error));
        const AccessDecision local =
            AccessPolicy(*cache).decide(kenji, AccessAction::Preview, {m_sensitive, {}});
        QCOMPARE(local.verdict, AccessDecision::Verdict::AllowMasked);
        QStringList expectedMasked = pii;
        expectedMasked.removeAll(pii.at(1));
        QCOMPARE(local.maskedColumns, expectedMasked);
        const PgResult server =
            asKenji->exec(QStringLiteral("SELECT verdict, array_to_string(masked, ',') FROM "
                                         "mesh_preview_decision($1)"),
                          {m_sensitive});
        QCOMPARE(server.text(0, 0), QStringLiteral("masked"));
        QCOMPARE(server.text(0, 1), local.maskedColumns.join(QLatin1Char(',')));
    }

private:
    /** The grant of request id on the server: its columns (comma list) and end. */
    QStringList grantOf(qint64 id)
    {
        const PgResult g = m_conn->exec(
            QStringLiteral("SELECT array_to_string(columns, ','), to_char(ends_at AT TIME ZONE "
                           "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM access_grants WHERE "
                           "request_id = $1"),
            {id});
        return g.rows() == 1 ? QStringList{g.text(0, 0), g.text(0, 1)} : QStringList{};
    }
    qint64 usesBy(const QString &who)
    {
        return m_conn
            ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = $1 AND action = "
                                  "'export' AND product_key = $2"),
                   {who, m_plain})
            .integer(0, 0);
    }
    static QString isoUtc(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); }
    bool auditChainIntact()
    {
        QString error;
        const auto all = TeamAudit::entries(*m_conn, &error);
        if (!all) {
            qWarning("cannot read the audit log: %s", qPrintable(error));
            return false;
        }
        const AuditVerification v = AuditLog::verify(*all);
        if (!v.intact())
            qWarning("%s", qPrintable(v.message));
        return v.intact() && v.entries > 0;
    }
    QString descriptionOf(const QString &key)
    {
        return m_conn
            ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
            .text(0, 0);
    }
    std::unique_ptr<SqliteCatalogStore> newCache()
    {
        CatalogError error;
        auto store =
            SqliteCatalogStore::create(m_pg.tempPath(QStringLiteral("desk%1.mesh").arg(++m_caches)),
                                       QStringLiteral("desk"), &error);
        if (!store)
            qWarning("%s", qPrintable(error.message));
        return store;
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_conn;
    QString m_plain;
    QString m_sensitive;
    int m_caches = 0;
};

QTEST_GUILESS_MAIN(TestTeamClient)
#include "tst_teamclient.moc"
