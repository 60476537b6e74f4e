// SPDX-License-Identifier: MIT
// The team server: schema migrations, seeding, the change log, the audit chain, and meshctl
// server, against a real PostgreSQL started by the test.
#include "pgfixture.h"

#include "access/auditlog.h"

#include <QProcess>

using namespace Mesh;

class TestTeamServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { MESH_START_PG(m_pg); }
    void cleanupTestCase() { m_pg.stop(); }

    void migratesAnEmptyDatabase()
    {
        auto conn = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(conn);
        QString error;
        QCOMPARE(ServerSchema::currentVersion(*conn, &error), 0);
        QVERIFY2(ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(*conn, &error), ServerSchema::kLatestVersion);
        // A second run is a no-op, not an error.
        QVERIFY2(ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        const PgResult r = conn->exec(QStringLiteral(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename IN "
            "('products', 'users', 'change_log', 'access_requests', 'access_grants', 'audit_log', "
            "'product_versions', 'governance_policies', 'quality_alerts')"));
        QCOMPARE(r.integer(0, 0), 9);
    }

    void migratesFromEachOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < ServerSchema::kLatestVersion; ++v)
            QTest::addRow("from %d", v) << v;
    }

    void migratesFromEachOlderVersion()
    {
        QFETCH(int, from);
        auto conn = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(conn);
        QString error;
        QVERIFY2(ServerSchema::migrate(*conn, from, &error), qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(*conn, &error), from);
        Product p;
        p.key = QStringLiteral("sales.kept");
        p.name = QStringLiteral("Kept across migrations");
        p.ownerId = QStringLiteral("maria.lopez");
        QVERIFY2(TeamCatalog::upsertProduct(*conn, p, &error), qPrintable(error));
        const qint64 before =
            conn->exec(QStringLiteral("SELECT max(change_no) FROM change_log")).integer(0, 0);
        QVERIFY(before > 0);
        QVERIFY2(ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(*conn, &error), ServerSchema::kLatestVersion);
        const PgResult kept =
            conn->exec(QStringLiteral("SELECT name FROM products WHERE key = $1"), {p.key});
        QCOMPARE(kept.text(0, 0), p.name);
        QVERIFY(conn->run(QStringLiteral("UPDATE products SET description = 'x' WHERE key = $1"),
                          {p.key}, &error));
        QCOMPARE(conn->exec(QStringLiteral("SELECT max(change_no) FROM change_log")).integer(0, 0),
                 before + 1);
    }

    void upgradedSchemaEqualsAFreshOne_data() { migratesFromEachOlderVersion_data(); }

    void upgradedSchemaEqualsAFreshOne()
    {
        // Whatever version a server was at, after `server migrate` its tables, columns,
        // indexes, functions, triggers and row-level policies are those of a new server.
        QFETCH(int, from);
        auto fresh = Test::PgFixture::connect(m_pg.freshDatabase());
        auto upgraded = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(fresh && upgraded);
        QString error;
        QVERIFY2(ServerSchema::migrate(*fresh, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        QVERIFY2(ServerSchema::migrate(*upgraded, from, &error), qPrintable(error));
        QVERIFY2(ServerSchema::migrate(*upgraded, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        const QStringList shape = schemaOf(*fresh);
        QVERIFY2(!shape.join(QLatin1Char('\n')).contains(QStringLiteral("query failed")),
                 qPrintable(shape.join(QLatin1Char('\n'))));
        QVERIFY2(shape.size() > 200, qPrintable(QString::number(shape.size())));
        QCOMPARE(schemaOf(*upgraded), shape);
    }

    void upgradeToLiveAlertKeyResolvesDuplicates()
    {
        // Before migration 6 two desktops could each file the same finding as a live alert;
        // the upgrade keeps the first live, resolves the other as its duplicate (never deletes
        // it), and from then on the same live finding cannot be filed twice.
        auto conn = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(conn);
        QString error;
        QVERIFY2(ServerSchema::migrate(*conn, 5, &error), qPrintable(error));
        Product p;
        p.key = QStringLiteral("sales.alerted");
        p.name = QStringLiteral("Alerted");
        QVERIFY2(TeamCatalog::upsertProduct(*conn, p, &error), qPrintable(error));
        const QString insert = QStringLiteral(
            "INSERT INTO quality_alerts(product_key, kind, fingerprint, title, state) "
            "VALUES ($1, 'duplicate', $2, 'Duplicated rows', $3) RETURNING id");
        const qint64 first =
            conn->exec(insert, {p.key, QStringLiteral("dup:orders"), QStringLiteral("open")})
                .integer(0, 0);
        const qint64 second = conn->exec(insert, {p.key, QStringLiteral("dup:orders"),
                                                  QStringLiteral("acknowledged")})
                                  .integer(0, 0);
        const qint64 old =
            conn->exec(insert, {p.key, QStringLiteral("dup:orders"), QStringLiteral("resolved")})
                .integer(0, 0);
        const qint64 other =
            conn->exec(insert, {p.key, QStringLiteral("drift:amount"), QStringLiteral("open")})
                .integer(0, 0);
        QVERIFY(first > 0 && second > first && old > second && other > old);
        QVERIFY2(ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        const PgResult rows =
            conn->exec(QStringLiteral("SELECT id, state, note FROM quality_alerts ORDER BY id"));
        QCOMPARE(rows.rows(), 4);
        QCOMPARE(rows.text(0, 1), QStringLiteral("open"));
        QCOMPARE(rows.text(1, 1), QStringLiteral("resolved"));
        QCOMPARE(rows.text(1, 2), QStringLiteral("duplicate of alert #%1").arg(first));
        QCOMPARE(rows.text(2, 1), QStringLiteral("resolved"));
        QCOMPARE(rows.text(2, 2), QString()); // resolved before: left as it was
        QCOMPARE(rows.text(3, 1), QStringLiteral("open"));
        QVERIFY(!conn->run(insert, {p.key, QStringLiteral("dup:orders"), QStringLiteral("open")},
                           &error));
        QVERIFY2(error.contains(QStringLiteral("quality_alerts_live")), qPrintable(error));
        // A resolved one may be filed again, as a new finding.
        QVERIFY2(conn->run(insert,
                           {p.key, QStringLiteral("drift:amount"), QStringLiteral("resolved")},
                           &error),
                 qPrintable(error));
    }

    void refusesANewerSchema()
    {
        auto conn = Test::PgFixture::connect(m_pg.freshDatabase());
        QVERIFY(conn);
        QString error;
        QVERIFY2(ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error),
                 qPrintable(error));
        QVERIFY(conn->run(QStringLiteral("UPDATE server_schema_version SET version = $1"),
                          {ServerSchema::kLatestVersion + 1}, &error));
        QVERIFY(!ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error));
        QVERIFY2(error.contains(QStringLiteral("newer than this build")), qPrintable(error));
        QVERIFY(!ServerSchema::migrate(*conn, ServerSchema::kLatestVersion + 5, &error));
        QVERIFY2(error.contains(QStringLiteral("unknown to this build")), qPrintable(error));
    }

    void seedsTheDemoWithPeopleAsRoles()
    {
        auto conn = Test::PgFixture::connect(m_pg.seededDatabase());
        QVERIFY(conn);
        QVERIFY(m_pg.demo());
        const CatalogCounts local = m_pg.demo()->counts();
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM products")).integer(0, 0),
                 local.products);
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM users")).integer(0, 0),
                 local.users);
        QCOMPARE(conn->exec(QStringLiteral("SELECT count(*) FROM lineage_edges")).integer(0, 0),
                 local.lineageEdges);
        // Every person is a role in mesh_user, and columns survived the trip.
        const PgResult members = conn->exec(
            QStringLiteral("SELECT count(*) FROM users u JOIN pg_roles r ON r.rolname = u.id "
                           "WHERE pg_has_role(r.oid, 'mesh_user', 'MEMBER')"));
        QCOMPARE(members.integer(0, 0), local.users);
        const PgResult p = conn->exec(
            QStringLiteral("SELECT %1 FROM products WHERE key = 'sales.hubspot-contacts'")
                .arg(TeamCatalog::productColumns()));
        QCOMPARE(p.rows(), 1);
        const Product server = TeamCatalog::productAt(p, 0);
        const std::optional<Product> original =
            m_pg.demo()->productByKey(QStringLiteral("sales.hubspot-contacts"));
        QVERIFY(original);
        QCOMPARE(server.ownerId, original->ownerId);
        QCOMPARE(server.tags, original->tags);
        QCOMPARE(server.datasets.size(), original->datasets.size());
        QCOMPARE(server.datasets.first().columns.size(), original->datasets.first().columns.size());
        QCOMPARE(server.datasets.first().columns.last().classification,
                 original->datasets.first().columns.last().classification);
    }

    void changeNumbersCountEveryWrittenRow()
    {
        auto conn = Test::PgFixture::connect(m_pg.seededDatabase());
        QVERIFY(conn);
        QString error;
        const qint64 before =
            conn->exec(QStringLiteral("SELECT max(change_no) FROM change_log")).integer(0, 0);
        QVERIFY(conn->run(QStringLiteral("UPDATE products SET status = 'deprecated' WHERE key IN "
                                         "(SELECT key FROM products ORDER BY key LIMIT 3)"),
                          {}, &error));
        const PgResult r = conn->exec(
            QStringLiteral("SELECT change_no, table_name, op FROM change_log WHERE change_no > $1 "
                           "ORDER BY change_no"),
            {before});
        QCOMPARE(r.rows(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r.integer(i, 0), before + 1 + i);
            QCOMPARE(r.text(i, 1), QStringLiteral("products"));
            QCOMPARE(r.text(i, 2), QStringLiteral("upsert"));
        }
        // row_version is bumped by the server, not by whoever writes.
        const PgResult v = conn->exec(
            QStringLiteral("SELECT min(row_version), max(row_version) FROM products WHERE key IN "
                           "(SELECT key FROM products ORDER BY key LIMIT 3)"));
        QCOMPARE(v.integer(0, 0), 2);
        QCOMPARE(v.integer(0, 1), 2);
    }

    void auditChainIsTheDesktopsHashChain()
    {
        auto conn = Test::PgFixture::connect(m_pg.seededDatabase());
        QVERIFY(conn);
        QString error;
        for (const QString &detail :
             {QStringLiteral("first"), QStringLiteral("zweite – ü"), QStringLiteral("")})
            QVERIFY2(conn->run(QStringLiteral("INSERT INTO audit_log(action, product_key, subject, "
                                              "detail) VALUES ('test', 'sales.x', 's', $1)"),
                               {detail}, &error),
                     qPrintable(error));
        const PgResult r = conn->exec(QStringLiteral(
            "SELECT seq, at, actor, action, product_key, subject, detail, prev_hash, hash "
            "FROM audit_log ORDER BY seq"));
        QVERIFY(r.rows() >= 4); // the seed entry and ours
        QString prev = QString::fromLatin1(AuditLog::kGenesisHash);
        for (int i = 0; i < r.rows(); ++i) {
            AuditEntry e;
            e.seq = r.integer(i, 0);
            e.at = parseAccessTime(r.text(i, 1));
            e.actor = r.text(i, 2);
            e.action = r.text(i, 3);
            e.productKey = r.text(i, 4);
            e.subject = r.text(i, 5);
            e.detail = r.text(i, 6);
            QCOMPARE(e.seq, qint64(i + 1));
            QCOMPARE(r.text(i, 7), prev);
            QCOMPARE(r.text(i, 8), AuditLog::computeHash(prev, e));
            prev = r.text(i, 8);
        }
    }

    void connectionErrorsNameTheServer()
    {
        QString error;
        auto conn = PgConnection::connect(
            QStringLiteral("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2"),
            &error);
        QVERIFY(!conn);
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:1")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("check the URL")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("secret")), qPrintable(error));
    }

    void meshctlServerInitSeedStatus()
    {
        const QString url = m_pg.freshDatabase();
        auto meshctl = [](const QStringList &args, QString *stdoutText = nullptr) {
            QProcess p;
            p.start(QStringLiteral(MESHCTL), args);
            p.waitForFinished(60000);
            if (stdoutText)
                *stdoutText =
                    QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitCode();
        };
        QString text;
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("migrate"), url}, &text), 2);
        QVERIFY2(text.contains(QStringLiteral("server init")), qPrintable(text));
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("init"), url}, &text), 0);
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("init"), url}, &text), 2);
        QVERIFY2(text.contains(QStringLiteral("already has a team catalog")), qPrintable(text));
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("seed-demo"), url}, &text), 0);
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("status"), url,
                          QStringLiteral("--json")},
                         &text),
                 0);
        const QJsonObject status = QJsonDocument::fromJson(text.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("schema")).toInt(), ServerSchema::kLatestVersion);
        QCOMPARE(status.value(QStringLiteral("products")).toInt(), 36);
        QVERIFY(status.value(QStringLiteral("change")).toInt() > 36);
        QCOMPARE(meshctl({QStringLiteral("server"), QStringLiteral("status"),
                          QStringLiteral("postgresql://mesh@127.0.0.1:1/x?connect_timeout=2")},
                         &text),
                 4);
    }

private:
    /** The shape of a database's public schema, as comparable text. */
    static QStringList schemaOf(PgConnection &conn)
    {
        QStringList lines;
        const char *queries[] = {
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable "
            "|| ' ' || coalesce(column_default, '') FROM information_schema.columns WHERE "
            "table_schema = 'public' ORDER BY 1",
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
            "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || "
            "md5(pg_get_functiondef(p.oid)) FROM pg_proc p JOIN pg_namespace n ON n.oid = "
            "p.pronamespace WHERE n.nspname = 'public' AND p.prokind <> 'a' ORDER BY 1",
            "SELECT tgrelid::regclass || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT "
            "tgisinternal ORDER BY 1",
            "SELECT tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, "
            "',') || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies "
            "WHERE schemaname = 'public' ORDER BY 1",
            "SELECT relname || ' rls=' || relrowsecurity FROM pg_class c JOIN pg_namespace n ON "
            "n.oid = c.relnamespace WHERE n.nspname = 'public' AND relkind = 'r' ORDER BY 1",
            "SELECT table_name || ' ' || grantee || ' ' || privilege_type FROM "
            "information_schema.role_table_grants WHERE table_schema = 'public' ORDER BY 1"};
        for (const char *sql : queries) {
            const PgResult r = conn.exec(QString::fromLatin1(sql));
            if (!r.ok())
                lines << QStringLiteral("query failed: %1").arg(QString::fromLatin1(sql));
            for (int i = 0; i < r.rows(); ++i)
                lines << r.text(i, 0);
        }
        return lines;
    }

    Test::PgFixture m_pg;
};

QTEST_GUILESS_MAIN(TestTeamServer)
#include "tst_teamserver.moc"
