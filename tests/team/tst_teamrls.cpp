// SPDX-License-Identifier: MIT
// Row-level security on the team server: each rule of the Access and Governance issues, as each
// demo person's database role (SET ROLE), allowed and refused; and the server agreeing with
// AccessPolicy::decide for every action it enforces.
#include "pgfixture.h"

#include "access/accesspolicy.h"
#include "team/teamsync.h"

using namespace Mesh;

namespace {

/** Runs sql as role inside a transaction that is rolled back; the result of sql. */
PgResult tryAs(PgConnection &conn, const QString &role, const QString &sql,
               const PgParams &params = {})
{
    conn.exec(QStringLiteral("BEGIN"));
    conn.exec(QStringLiteral("SET LOCAL ROLE %1").arg(conn.quoteIdentifier(role)));
    PgResult r = conn.exec(sql, params);
    conn.exec(QStringLiteral("ROLLBACK"));
    return r;
}

qint64 countAs(PgConnection &conn, const QString &role, const QString &sql,
               const PgParams &params = {})
{
    const PgResult r = tryAs(conn, role, sql, params);
    if (!r.ok())
        qWarning("%s: %s", qPrintable(sql), qPrintable(r.error()));
    return r.ok() ? r.integer(0, 0) : -1;
}

} // namespace

class TestTeamRls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
        m_conn = Test::PgFixture::connect(m_url);
        QVERIFY(m_conn);
        QVERIFY(m_pg.demo());
    }
    void cleanupTestCase()
    {
        m_conn.reset();
        m_pg.stop();
    }

    void init()
    {
        // Each test starts from the seeded catalog without requests, grants or alerts (and out of
        // whatever transaction a failed test left open).
        QString error;
        m_conn->exec(QStringLiteral("ROLLBACK"));
        m_conn->exec(QStringLiteral("RESET ROLE"));
        QVERIFY2(m_conn->run(QStringLiteral("TRUNCATE access_approvals, grant_revocations, "
                                            "access_grants, access_requests, quality_alerts, "
                                            "ownership_claims CASCADE"),
                             {}, &error),
                 qPrintable(error));
    }

    void requesterSeesOwnRequestsApproversSeeTheirProducts()
    {
        QString error;
        for (const QString &who :
             {QStringLiteral("kenji.watanabe"), QStringLiteral("amara.okafor")}) {
            QVERIFY(m_conn->run(QStringLiteral("BEGIN"), {}, &error));
            QVERIFY(m_conn->setRole(who, &error));
            QVERIFY2(m_conn->run(QStringLiteral("INSERT INTO access_requests(product_key, purpose, "
                                                "ends_at) VALUES ('product.jira-issues', 'cycle "
                                                "times', now() + interval '30 days')"),
                                 {}, &error),
                     qPrintable(error));
            QVERIFY(m_conn->run(QStringLiteral("COMMIT"), {}, &error));
            QVERIFY(m_conn->setRole({}, &error));
        }
        const QString count = QStringLiteral("SELECT count(*) FROM access_requests");
        QCOMPARE(countAs(*m_conn, QStringLiteral("kenji.watanabe"), count), 1);
        QCOMPARE(countAs(*m_conn, QStringLiteral("amara.okafor"), count), 1);
        QCOMPARE(countAs(*m_conn, QStringLiteral("lucas.moreau"), count), 2); // owner
        QCOMPARE(countAs(*m_conn, QStringLiteral("sofia.rossi"), count), 2);  // steward
        QCOMPARE(countAs(*m_conn, QStringLiteral("ravi.patel"), count), 2);   // admin
        QCOMPARE(countAs(*m_conn, QStringLiteral("maria.lopez"), count), 0);  // owns other things
        QCOMPARE(countAs(*m_conn, QStringLiteral("priya.raman"), count), 0);  // another domain
        // Nobody files a request in someone else's name.
        const PgResult forged =
            tryAs(*m_conn, QStringLiteral("kenji.watanabe"),
                  QStringLiteral("INSERT INTO access_requests(product_key, requester_id, purpose, "
                                 "ends_at) VALUES ('product.jira-issues', 'amara.okafor', 'x', "
                                 "now() + interval '1 day')"));
        QVERIFY(!forged.ok());
        QVERIFY2(forged.isRefusal(), qPrintable(forged.error()));
    }

    void sensitiveProductsNeedTwoApprovalsWhateverTheClientSays()
    {
        QString error;
        QVERIFY(m_conn->run(QStringLiteral("SET ROLE \"kenji.watanabe\""), {}, &error));
        const PgResult r = m_conn->exec(QStringLiteral(
            "INSERT INTO access_requests(product_key, purpose, ends_at) SELECT key, 'look', "
            "now() + interval '1 day' FROM products RETURNING product_key, approvals_needed"));
        QVERIFY(m_conn->setRole({}, &error));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.rows(), int(m_pg.demo()->counts().products));
        int sensitive = 0;
        for (int i = 0; i < r.rows(); ++i) {
            const std::optional<Product> p = m_pg.demo()->productByKey(r.text(i, 0));
            QVERIFY(p);
            const bool twoNeeded = AccessPolicy::isSensitive(*p);
            sensitive += twoNeeded;
            QCOMPARE(r.integer(i, 1), twoNeeded ? 2 : 1);
        }
        QVERIFY(sensitive > 0 && sensitive < r.rows());
    }

    void onlyOwnersAndStewardsUpdateAProductsMetadata_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("rows");
        QTest::addRow("owner") << QStringLiteral("lucas.moreau") << 1;
        QTest::addRow("steward") << QStringLiteral("sofia.rossi") << 1;
        QTest::addRow("admin") << QStringLiteral("ravi.patel") << 1;
        QTest::addRow("analyst") << QStringLiteral("kenji.watanabe") << 0;
        QTest::addRow("another domain's owner") << QStringLiteral("maria.lopez") << 0;
        QTest::addRow("another domain's steward") << QStringLiteral("priya.raman") << 0;
        QTest::addRow("council") << QStringLiteral("aiko.tanaka") << 0;
        QTest::addRow("manager") << QStringLiteral("amara.okafor") << 0;
    }

    void onlyOwnersAndStewardsUpdateAProductsMetadata()
    {
        QFETCH(QString, role);
        QFETCH(int, rows);
        // Raw SQL, as someone with psql would type it: refused rows are simply not there.
        const PgResult r = tryAs(*m_conn, role,
                                 QStringLiteral("UPDATE products SET description = 'hacked' "
                                                "WHERE key = 'product.jira-issues'"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.affected(), qint64(rows));
        // A metadata version (the history entry an edit writes) only by those who may edit,
        // and only in one's own name.
        const QString version = QStringLiteral(
            "INSERT INTO product_versions(product_key, version, author, summary, snapshot) "
            "VALUES ('product.jira-issues', 9999, $1, 'raw', '{}')");
        const PgResult own = tryAs(*m_conn, role, version, {role});
        QVERIFY2(rows == 1 ? own.ok() : own.isRefusal(), qPrintable(role + own.error()));
        const PgResult forged = tryAs(*m_conn, role, version, {QStringLiteral("someone.else")});
        QVERIFY2(forged.isRefusal(), qPrintable(role + forged.error()));
        // Nobody but the migration role renames, creates or deletes products.
        for (const QString &sql :
             {QStringLiteral("UPDATE products SET key = 'x' WHERE key = 'product.jira-issues'"),
              QStringLiteral("DELETE FROM products WHERE key = 'product.jira-issues'"),
              QStringLiteral("INSERT INTO products(key, name) VALUES ('x.y', 'Y')"),
              QStringLiteral("UPDATE products SET row_version = 1")}) {
            const PgResult refused = tryAs(*m_conn, role, sql);
            QVERIFY2(refused.isRefusal(), qPrintable(sql + QStringLiteral(": ") + refused.error()));
        }
    }

    void auditLogAcceptsInsertOnly_data()
    {
        QTest::addColumn<QString>("role");
        for (const User &u : m_pg.demo()->users())
            QTest::addRow("%s", qPrintable(u.id)) << u.id;
    }

    void auditLogAcceptsInsertOnly()
    {
        QFETCH(QString, role);
        const PgResult insert =
            tryAs(*m_conn, role,
                  QStringLiteral("INSERT INTO audit_log(action, subject) VALUES ('note', 'x') "
                                 "RETURNING actor"));
        QVERIFY2(insert.ok(), qPrintable(insert.error()));
        QCOMPARE(insert.text(0, 0), role);
        for (const QString &sql : {QStringLiteral("DELETE FROM audit_log"),
                                   QStringLiteral("UPDATE audit_log SET detail = 'rewritten'"),
                                   QStringLiteral("TRUNCATE audit_log"),
                                   QStringLiteral("INSERT INTO audit_log(action, actor) VALUES "
                                                  "('approve', 'someone.else')")}) {
            const PgResult refused = tryAs(*m_conn, role, sql);
            QVERIFY2(!refused.ok() && refused.isRefusal(),
                     qPrintable(sql + QStringLiteral(": ") + refused.error()));
        }
    }

    void anyoneTheCatalogKnowsReportsAnAlertInTheirOwnName()
    {
        const QString insert = QStringLiteral(
            "INSERT INTO quality_alerts(product_key, kind, fingerprint, title, reported_by) "
            "VALUES ('product.jira-issues', 'drift', 'rls:' || $1, 'Drift', $1)");
        // A person the catalog knows, in their own name: allowed; in someone else's: refused.
        const QString kenji = QStringLiteral("kenji.watanabe");
        QVERIFY2(tryAs(*m_conn, kenji, insert, {kenji}).ok(), "a known person reports");
        QVERIFY(tryAs(*m_conn, kenji,
                      QStringLiteral("INSERT INTO quality_alerts(product_key, kind, fingerprint, "
                                     "title, reported_by) VALUES ('product.jira-issues', 'drift', "
                                     "'rls:forged', 'Drift', 'maria.lopez')"))
                    .isRefusal());
        // A database role in mesh_user that is nobody in the catalog's users: refused.
        QString error;
        QVERIFY2(m_conn->run(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles "
                                            "WHERE rolname = 'rls.stranger') THEN CREATE ROLE "
                                            "\"rls.stranger\" IN ROLE mesh_user; END IF; END $$"),
                             {}, &error),
                 qPrintable(error));
        const QString stranger = QStringLiteral("rls.stranger");
        QVERIFY(tryAs(*m_conn, stranger, insert, {stranger}).isRefusal());
    }

    void migrationRoleMayRepairTheAuditLog()
    {
        m_conn->exec(QStringLiteral("BEGIN"));
        const PgResult r = m_conn->exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 1"));
        m_conn->exec(QStringLiteral("ROLLBACK"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.affected(), 1);
    }

    void grantsAreReadByGranteeAndOwnerAndMadeByTheServer()
    {
        QString error;
        // A product of lucas.moreau's that needs one approval.
        QString plain = QStringLiteral("product.jira-issues");
        if (AccessPolicy::isSensitive(*m_pg.demo()->productByKey(plain)))
            plain = QStringLiteral("product.release-readiness");
        QVERIFY(!AccessPolicy::isSensitive(*m_pg.demo()->productByKey(plain)));
        QCOMPARE(m_pg.demo()->productByKey(plain)->ownerId, QStringLiteral("lucas.moreau"));
        const qint64 requestId = pendingRequest(QStringLiteral("kenji.watanabe"), plain);
        QVERIFY(requestId > 0);
        // An analyst cannot approve, nor grant himself access.
        QVERIFY(tryAs(*m_conn, QStringLiteral("kenji.watanabe"),
                      QStringLiteral("INSERT INTO access_approvals(request_id, capacity, ends_at) "
                                     "VALUES ($1, 'owner', now() + interval '1 day')"),
                      {requestId})
                    .isRefusal());
        QVERIFY(tryAs(*m_conn, QStringLiteral("maria.lopez"),
                      QStringLiteral("UPDATE access_requests SET status = 'approved' WHERE id = $1 "
                                     "RETURNING id"),
                      {requestId})
                    .rows() == 0);
        // The owner approves: the approval and the decision; the server's trigger grants.
        QVERIFY(m_conn->run(QStringLiteral("BEGIN"), {}, &error));
        QVERIFY(m_conn->setRole(QStringLiteral("lucas.moreau"), &error));
        QVERIFY2(m_conn->run(QStringLiteral("INSERT INTO access_approvals(request_id, capacity, "
                                            "ends_at) SELECT id, 'owner', ends_at FROM "
                                            "access_requests WHERE id = $1"),
                             {requestId}, &error),
                 qPrintable(error));
        QVERIFY2(m_conn->run(QStringLiteral("UPDATE access_requests SET status = 'approved', "
                                            "decided_by = 'someone.else' WHERE id = $1"),
                             {requestId}, &error),
                 qPrintable(error));
        QVERIFY(m_conn->run(QStringLiteral("COMMIT"), {}, &error));
        QVERIFY(m_conn->setRole({}, &error));
        const PgResult grant = m_conn->exec(
            QStringLiteral("SELECT user_id, granted_by, (SELECT decided_by FROM access_requests "
                           "WHERE id = $1) FROM access_grants WHERE request_id = $1"),
            {requestId});
        QCOMPARE(grant.rows(), 1);
        QCOMPARE(grant.text(0, 0), QStringLiteral("kenji.watanabe"));
        QCOMPARE(grant.text(0, 1), QStringLiteral("lucas.moreau")); // not what the client wrote
        QCOMPARE(grant.text(0, 2), QStringLiteral("lucas.moreau"));

        // Grants are read by the grantee and the product's owner only: not by its steward,
        // not by an administrator, not by anyone else.
        const QString count = QStringLiteral("SELECT count(*) FROM access_grants");
        QCOMPARE(countAs(*m_conn, QStringLiteral("kenji.watanabe"), count), 1); // grantee
        QCOMPARE(countAs(*m_conn, QStringLiteral("lucas.moreau"), count), 1);   // owner
        QCOMPARE(countAs(*m_conn, QStringLiteral("sofia.rossi"), count), 0);    // steward
        QCOMPARE(countAs(*m_conn, QStringLiteral("ravi.patel"), count), 0);     // admin
        QCOMPARE(countAs(*m_conn, QStringLiteral("amara.okafor"), count), 0);
        QCOMPARE(countAs(*m_conn, QStringLiteral("maria.lopez"), count), 0);
        // Nobody writes grants directly any more, not even the owner.
        QVERIFY(tryAs(*m_conn, QStringLiteral("lucas.moreau"),
                      QStringLiteral("UPDATE access_grants SET revoked_at = now()"))
                    .isRefusal());
        // Revoking: the owner and an administrator may (a revocation record), others may not.
        const qint64 grantId =
            m_conn->exec(QStringLiteral("SELECT id FROM access_grants WHERE request_id = $1"),
                         {requestId})
                .integer(0, 0);
        const QString revoke =
            QStringLiteral("INSERT INTO grant_revocations(grant_id, reason) VALUES ($1, 'r')");
        for (const QString &who : {QStringLiteral("kenji.watanabe"), QStringLiteral("sofia.rossi"),
                                   QStringLiteral("maria.lopez")})
            QVERIFY2(tryAs(*m_conn, who, revoke, {grantId}).isRefusal(), qPrintable(who));
        QVERIFY(tryAs(*m_conn, QStringLiteral("ravi.patel"), revoke, {grantId}).ok());
        QVERIFY(tryAs(*m_conn, QStringLiteral("lucas.moreau"), revoke, {grantId}).ok());
        // A second approval of a sensitive request by its steward grants without reading grants;
        // one approval alone cannot mark it approved.
        const QString sensitive = plain == QStringLiteral("product.jira-issues")
                                      ? QStringLiteral("product.release-readiness")
                                      : QStringLiteral("product.jira-issues");
        const auto product = m_pg.demo()->productByKey(sensitive);
        QVERIFY(product && AccessPolicy::isSensitive(*product));
        const qint64 two = pendingRequest(QStringLiteral("amara.okafor"), sensitive);
        const QString approval = QStringLiteral("INSERT INTO access_approvals(request_id, "
                                                "capacity, ends_at) VALUES ($1, $2, now() + "
                                                "interval '9 days')");
        const QString approve =
            QStringLiteral("UPDATE access_requests SET status = 'approved' WHERE id = $1");
        QVERIFY(m_conn->run(QStringLiteral("BEGIN"), {}, &error));
        QVERIFY(m_conn->setRole(product->ownerId, &error));
        QVERIFY2(m_conn->run(approval, {two, QStringLiteral("owner")}, &error), qPrintable(error));
        QVERIFY(m_conn->exec(approve, {two}).isRefusal()); // needs two
        QVERIFY(m_conn->run(QStringLiteral("ROLLBACK"), {}, &error));
        QVERIFY(m_conn->run(QStringLiteral("BEGIN"), {}, &error));
        QVERIFY(m_conn->setRole(product->ownerId, &error));
        QVERIFY2(m_conn->run(approval, {two, QStringLiteral("owner")}, &error), qPrintable(error));
        QVERIFY(m_conn->setRole(product->stewardId, &error));
        QVERIFY2(m_conn->run(approval, {two, QStringLiteral("steward")}, &error),
                 qPrintable(error));
        QVERIFY2(m_conn->run(approve, {two}, &error), qPrintable(error));
        QVERIFY(m_conn->run(QStringLiteral("COMMIT"), {}, &error));
        QVERIFY(m_conn->setRole({}, &error));
        QCOMPARE(m_conn->exec(QStringLiteral("SELECT granted_by FROM access_grants WHERE "
                                             "request_id = $1"),
                              {two})
                     .text(0, 0),
                 product->stewardId);
        QCOMPARE(countAs(*m_conn, product->stewardId,
                         QStringLiteral("SELECT count(*) FROM access_grants WHERE request_id = $1"),
                         {two}),
                 product->stewardId == product->ownerId ? 1 : 0);

        // A decided request is final, for everyone.
        const PgResult again = tryAs(*m_conn, QStringLiteral("sofia.rossi"),
                                     QStringLiteral("UPDATE access_requests SET status = 'denied' "
                                                    "WHERE id = $1"),
                                     {requestId});
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QStringLiteral("already approved")),
                 qPrintable(again.error()));
        // Nobody grants access for a request that was not approved.
        const qint64 other =
            pendingRequest(QStringLiteral("amara.okafor"), plain);
        QVERIFY(tryAs(*m_conn, QStringLiteral("lucas.moreau"),
                      QStringLiteral("INSERT INTO access_grants(request_id, product_key, user_id, "
                                     "starts_at, ends_at) VALUES ($1, $2, 'amara.okafor', now(), "
                                     "now() + interval '1 day')"),
                      {other, plain})
                    .isRefusal());
        // A requester withdraws their own request, and cannot approve it.
        QVERIFY(
            tryAs(*m_conn, QStringLiteral("amara.okafor"),
                  QStringLiteral("UPDATE access_requests SET status = 'approved' WHERE id = $1"),
                  {other})
                .isRefusal());
        QCOMPARE(
            tryAs(*m_conn, QStringLiteral("amara.okafor"),
                  QStringLiteral("UPDATE access_requests SET status = 'withdrawn' WHERE id = $1"),
                  {other})
                .affected(),
            1);
    }

    /**
     * For every demo person, every product and every action the server enforces, the server
     * permits exactly what AccessPolicy::decide allows on the same catalog.
     */
    void serverAgreesWithAccessPolicyForEveryAction()
    {
        QString error;
        const AccessPolicy policy(*m_pg.demo());
        const QList<User> users = m_pg.demo()->users();
        QStringList keys;
        for (const QString &key : productKeys())
            keys.append(key);
        QVERIFY(keys.size() > 30);
        // Fixtures, as the migration role: a pending request (by a manager, who approves
        // nothing), an active grant and an open alert on every product.
        QVERIFY(m_conn->run(QStringLiteral("BEGIN"), {}, &error));
        for (const QString &key : keys) {
            QVERIFY2(
                m_conn->run(
                    QStringLiteral(
                        "WITH r AS (INSERT INTO access_requests(product_key, requester_id, "
                        "purpose, "
                        "ends_at) VALUES ($1, 'amara.okafor', 'p', now() + interval '9 days'), "
                        "($1, 'henrik.lindqvist', 'p', now() + interval '9 days') RETURNING id, "
                        "requester_id) INSERT INTO access_grants(request_id, product_key, user_id, "
                        "starts_at, ends_at, granted_by) SELECT id, $1, requester_id, now(), now() "
                        "+ "
                        "interval '9 days', 'mesh' FROM r WHERE requester_id = 'henrik.lindqvist'"),
                    {key}, &error),
                qPrintable(error));
            QVERIFY2(m_conn->run(QStringLiteral("INSERT INTO quality_alerts(product_key, kind, "
                                                "fingerprint, title) VALUES ($1, 'missing', 'f', "
                                                "'late')"),
                                 {key}, &error),
                     qPrintable(error));
        }
        // For Preview/Export: a grant of one PII column per product for aiko.tanaka (the rest
        // stays masked); for ApproveClaim: a pending ownership claim by someone.new; for
        // Administer: the grant ids, readable by the test's roles through a helper table.
        QVERIFY2(m_conn->run(
                     QStringLiteral(
                         "WITH pii AS (SELECT p.key, (SELECT c ->> 'name' FROM "
                         "jsonb_array_elements(p.datasets) ds, jsonb_array_elements(ds -> "
                         "'columns') c WHERE c ->> 'classification' LIKE 'PII%' LIMIT 1) AS col "
                         "FROM products p), r AS (INSERT INTO access_requests(product_key, "
                         "requester_id, purpose, ends_at, columns) SELECT key, 'aiko.tanaka', 'p', "
                         "now() + interval '9 days', ARRAY[col] FROM pii WHERE col IS NOT NULL "
                         "RETURNING id, product_key, columns) INSERT INTO access_grants(request_id, "
                         "product_key, user_id, columns, starts_at, ends_at, granted_by) SELECT id, "
                         "product_key, 'aiko.tanaka', columns, now(), now() + interval '9 days', "
                         "'mesh' FROM r"),
                     {}, &error),
                 qPrintable(error));
        QVERIFY2(m_conn->run(QStringLiteral("INSERT INTO ownership_claims(product_key, "
                                            "claimant_id, reason) SELECT key, 'someone.new', "
                                            "'mine' FROM products"),
                             {}, &error),
                 qPrintable(error));
        QVERIFY2(m_conn->run(QStringLiteral("DROP TABLE IF EXISTS test_grant_ids; CREATE TABLE "
                                            "test_grant_ids AS SELECT product_key, id AS grant_id "
                                            "FROM access_grants WHERE user_id = "
                                            "'henrik.lindqvist'; GRANT SELECT ON test_grant_ids "
                                            "TO mesh_user"),
                             {}, &error),
                 qPrintable(error));
        QVERIFY(m_conn->run(QStringLiteral("COMMIT"), {}, &error));
        // The policy decides on a cache synced from this server: the same grants, the same ids.
        auto cache = SqliteCatalogStore::create(m_pg.tempPath(QStringLiteral("agree.mesh")),
                                                QStringLiteral("agree"), nullptr);
        QVERIFY(cache);
        QVERIFY2(TeamSync::sync(*m_conn, *cache, m_url, &error), qPrintable(error));
        const AccessPolicy cached(*cache);

        struct Check
        {
            AccessAction action;
            QString sql; // $1 = product key; permitted when it affects or returns one row
        };
        const QList<Check> checks = {
            {AccessAction::ViewMetadata, QStringLiteral("SELECT key FROM products WHERE key = $1")},
            {AccessAction::EditMetadata,
             QStringLiteral("UPDATE products SET description = description || '.' WHERE key = $1")},
            // Importing a data contract is editing the product's metadata (server migration 8).
            {AccessAction::EditMetadata,
             QStringLiteral("INSERT INTO product_contracts(product_key, yaml) VALUES ($1, 'x') ON "
                            "CONFLICT (product_key) DO UPDATE SET yaml = excluded.yaml, "
                            "imported_by = excluded.imported_by")},
            {AccessAction::Approve,
             QStringLiteral("INSERT INTO access_approvals(request_id, capacity, ends_at) SELECT "
                            "id, 'x', now() + interval '1 day' FROM access_requests WHERE "
                            "product_key = $1 AND requester_id = 'amara.okafor'")},
            {AccessAction::Administer,
             QStringLiteral("INSERT INTO grant_revocations(grant_id) SELECT grant_id FROM "
                            "test_grant_ids WHERE product_key = $1")},
            {AccessAction::ClaimOwnership,
             QStringLiteral("INSERT INTO ownership_claims(product_key, reason) VALUES ($1, 'x')")},
            {AccessAction::ApproveClaim,
             QStringLiteral("UPDATE ownership_claims SET status = 'approved' WHERE product_key = "
                            "$1 AND claimant_id = 'someone.new'")},
            {AccessAction::ManageQualityAlerts,
             QStringLiteral("UPDATE quality_alerts SET state = 'acknowledged', acknowledged_by = "
                            "current_user, acknowledged_at = now() WHERE product_key = $1")},
        };
        int compared = 0;
        for (const User &u : users) {
            for (const QString &key : keys) {
                for (const Check &check : checks) {
                    const bool allowed = cached.decide(u.id, check.action, {key, {}}).allowed();
                    const PgResult r = tryAs(*m_conn, u.id, check.sql, {key});
                    QVERIFY2(r.ok() || r.isRefusal(), qPrintable(r.error()));
                    const bool permitted = r.ok() && (r.affected() == 1 || r.rows() == 1);
                    QVERIFY2(permitted == allowed,
                             qPrintable(QStringLiteral("%1 %2 %3: policy %4, server %5")
                                            .arg(u.id, AccessPolicy::actionName(check.action), key,
                                                 allowed ? QStringLiteral("allows")
                                                         : QStringLiteral("refuses"),
                                                 permitted ? QStringLiteral("permits")
                                                           : QStringLiteral("refuses"))));
                    ++compared;
                }
            }
            // Preview and Export: the same verdict and the same masked PII columns.
            for (const QString &key : keys) {
                const PgResult r = tryAs(*m_conn, u.id,
                                         QStringLiteral("SELECT verdict, array_to_string(masked, "
                                                        "',') FROM mesh_preview_decision($1)"),
                                         {key});
                QVERIFY2(r.ok(), qPrintable(r.error()));
                for (AccessAction action : {AccessAction::Preview, AccessAction::Export}) {
                    const AccessDecision d = cached.decide(u.id, action, {key, {}});
                    const QString verdict =
                        d.verdict == AccessDecision::Verdict::Allow         ? QStringLiteral("allow")
                        : d.verdict == AccessDecision::Verdict::AllowMasked ? QStringLiteral("masked")
                                                                            : QStringLiteral("deny");
                    QVERIFY2(r.text(0, 0) == verdict &&
                                 r.text(0, 1) == d.maskedColumns.join(QLatin1Char(',')),
                             qPrintable(QStringLiteral("%1 %2 %3: policy %4 [%5], server %6 [%7]")
                                            .arg(u.id, AccessPolicy::actionName(action), key,
                                                 verdict, d.maskedColumns.join(QLatin1Char(',')),
                                                 r.text(0, 0), r.text(0, 1))));
                    ++compared;
                }
            }
            // Governance policies: global, and for each domain.
            QStringList scopes{QString()};
            for (const Domain &d : m_pg.demo()->domains())
                scopes.append(d.name);
            for (const QString &scope : scopes) {
                AccessResource resource;
                resource.domain = scope;
                const bool allowed =
                    policy.decide(u.id, AccessAction::SetGovernancePolicy, resource).allowed();
                const PgResult r = tryAs(*m_conn, u.id,
                                         QStringLiteral("INSERT INTO governance_policies(scope, "
                                                        "kind, parameter, updated_by) VALUES ($1, "
                                                        "'test-kind', '1', current_user)"),
                                         {scope});
                QVERIFY2(r.ok() || r.isRefusal(), qPrintable(r.error()));
                QVERIFY2(r.ok() == allowed,
                         qPrintable(QStringLiteral("%1 set policy of “%2”: policy %3, server %4")
                                        .arg(u.id, scope)
                                        .arg(allowed)
                                        .arg(r.ok())));
                ++compared;
            }
        }
        QVERIFY(compared > 6000);
    }

private:
    QStringList productKeys()
    {
        QStringList keys;
        const PgResult r = m_conn->exec(QStringLiteral("SELECT key FROM products ORDER BY key"));
        for (int i = 0; i < r.rows(); ++i)
            keys.append(r.text(i, 0));
        return keys;
    }

    qint64 pendingRequest(const QString &requester, const QString &productKey)
    {
        const PgResult r = m_conn->exec(
            QStringLiteral("INSERT INTO access_requests(product_key, requester_id, purpose, "
                           "ends_at) VALUES ($1, $2, 'test', now() + interval '30 days') "
                           "RETURNING id"),
            {productKey, requester});
        if (!r.ok())
            qWarning("%s", qPrintable(r.error()));
        return r.integer(0, 0);
    }

    Test::PgFixture m_pg;
    std::unique_ptr<PgConnection> m_conn;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestTeamRls)
#include "tst_teamrls.moc"
