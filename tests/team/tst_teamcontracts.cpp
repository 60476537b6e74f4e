// SPDX-License-Identifier: MIT
// ODCS data contracts on the team catalog (server migration 8): imported on one desktop as the
// product's owner (its metadata changes saved as a version, the document stored, audited), read
// back on another desktop after a sync, refused for others by the app and by row-level security,
// refused before sending for products or columns the team catalog lacks, queued offline and
// replayed once; and the meshctl commands with --server.
#include "pgfixture.h"
#include "testsupport.h"

#include "contract/contractservice.h"
#include "editing/editingservice.h"
#include "team/teamclient.h"
#include "team/teamcontracts.h"
#include "team/teamsync.h"

#include <QFile>
#include <QProcess>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("product.jira-sprints"); // owner lucas, domain Product
const QString kOwner = QStringLiteral("lucas.moreau");
const QString kOutsider = QStringLiteral("kenji.watanabe");

} // namespace

class TestTeamContracts : public QObject
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
        QVERIFY2(Test::PgFixture::allowLogin(*m_admin, {kOwner, kOutsider}, &error),
                 qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void ownerImportsAndASecondDesktopExportsIt()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("owner.mesh"), m_url, kOwner);
        auto kenjiCache = m_pg.syncedCache(QStringLiteral("reader.mesh"), m_url, kOutsider);
        QVERIFY(lucasCache && kenjiCache);
        const int rowVersion = serverRowVersion();
        const QByteArray yaml = contractWith(*lucasCache, QStringLiteral("Sprints as agreed."),
                                             QStringLiteral("Sprint goal, as agreed."));
        auto lucas = connectAs(kOwner);
        QVERIFY(lucas);
        const TeamContractImport r =
            TeamContracts::importContract(lucas.get(), *lucasCache, kOwner, yaml);
        QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.message));
        QCOMPARE(r.productKey, kProduct);
        QCOMPARE(r.outcome.version, rowVersion + 1);

        // On the server: the document, the metadata as a new version, one audit entry.
        const PgResult stored = m_admin->exec(
            QStringLiteral("SELECT yaml, imported_by FROM product_contracts WHERE product_key = "
                           "$1"),
            {kProduct});
        QCOMPARE(stored.rows(), 1);
        QCOMPARE(stored.text(0, 0).toUtf8(), yaml);
        QCOMPARE(stored.text(0, 1), kOwner);
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                            {kProduct})
                     .text(0, 0),
                 QStringLiteral("Sprints as agreed."));
        const PgResult version = m_admin->exec(
            QStringLiteral("SELECT author, summary FROM product_versions WHERE product_key = $1 "
                           "AND version = $2"),
            {kProduct, rowVersion + 1});
        QCOMPARE(version.text(0, 0), kOwner);
        QVERIFY2(version.text(0, 1).startsWith(QStringLiteral("Imported contract ") + kProduct),
                 qPrintable(version.text(0, 1)));
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                           "'import-contract' AND product_key = $1 AND actor = $2"),
                            {kProduct, kOwner})
                     .integer(0, 0),
                 1);

        // Another desktop gets it with its next sync: export gives back the imported document
        // (its extension key too), and the metadata is the contract's.
        auto kenji = connectAs(kOutsider);
        QString error;
        QVERIFY2(kenji && TeamSync::sync(*kenji, *kenjiCache, m_url, &error), qPrintable(error));
        const std::optional<QByteArray> exported =
            ContractService(*kenjiCache).exportContract(kProduct, &error);
        QVERIFY2(exported, qPrintable(error));
        QVERIFY(exported->contains("x-agreed-with: Product Council"));
        QCOMPARE(kenjiCache->productByKey(kProduct)->description,
                 QStringLiteral("Sprints as agreed."));
        bool isStored = false;
        QVERIFY(ContractService(*kenjiCache).contractOf(kProduct, &isStored));
        QVERIFY(isStored);

        // Importing the same document again stores it again but saves no metadata version.
        const TeamContractImport again =
            TeamContracts::importContract(lucas.get(), *kenjiCache, kOwner, yaml);
        QVERIFY2(again.outcome.ok(), qPrintable(again.outcome.message));
        QVERIFY2(again.outcome.message.contains(QStringLiteral("already matched")),
                 qPrintable(again.outcome.message));
        QCOMPARE(serverRowVersion(), rowVersion + 1);
    }

    void othersAreRefusedByTheAppAndTheServer()
    {
        auto kenjiCache = m_pg.syncedCache(QStringLiteral("refused.mesh"), m_url, kOutsider);
        QVERIFY(kenjiCache);
        const QString before = serverContract();
        const QByteArray yaml =
            contractWith(*kenjiCache, QStringLiteral("Hijacked."), QStringLiteral("Mine."));
        auto kenji = connectAs(kOutsider);
        QVERIFY(kenji);
        const TeamContractImport r =
            TeamContracts::importContract(kenji.get(), *kenjiCache, kOutsider, yaml);
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Refused);
        QVERIFY(!r.sent); // the cache's policy answered
        QCOMPARE(serverContract(), before);
        // The server refuses the same write without the app's check (a client of its own).
        TeamWrite w;
        w.kind = TeamWrite::Kind::ImportContract;
        w.actingUser = kOutsider;
        w.productKey = kProduct;
        w.fields.insert(QStringLiteral("contract"), QString::fromUtf8(yaml));
        QCOMPARE(TeamClient::apply(*kenji, w).code, TeamWriteOutcome::Code::Refused);
        // And raw SQL, as kenji: row-level security refuses an insert or an update.
        for (const QString &sql :
             {QStringLiteral("INSERT INTO product_contracts(product_key, yaml) VALUES ($1, 'x') "
                             "ON CONFLICT (product_key) DO UPDATE SET yaml = 'x'"),
              QStringLiteral("UPDATE product_contracts SET yaml = 'x' WHERE product_key = $1")}) {
            const PgResult raw = kenji->exec(sql, {kProduct});
            QVERIFY2(!raw.ok() || raw.affected() == 0, qPrintable(sql));
        }
        QCOMPARE(serverContract(), before);
        // The owner may not store a document in someone else's name.
        auto lucas = connectAs(kOwner);
        QVERIFY(lucas);
        const PgResult forged = lucas->exec(
            QStringLiteral("UPDATE product_contracts SET yaml = 'x', imported_by = $2 WHERE "
                           "product_key = $1"),
            {kProduct, kOutsider});
        QVERIFY(!forged.ok());
        QVERIFY(forged.isRefusal());
        QCOMPARE(serverContract(), before);
    }

    void whatTheTeamCatalogLacksIsRefusedBeforeSending()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("lacks.mesh"), m_url, kOwner);
        QVERIFY(lucasCache);
        const int rowVersion = serverRowVersion();
        QString error;
        OdcsContract c = *ContractService(*lucasCache).contractOf(kProduct);
        // A column the server's product does not have.
        OdcsContract extraColumn = c;
        OdcsProperty velocity;
        velocity.name = QStringLiteral("velocity");
        velocity.logicalType = QStringLiteral("number");
        extraColumn.schema[0].properties.append(velocity);
        TeamContractImport r = TeamContracts::importContract(nullptr, *lucasCache, kOwner,
                                                             Odcs::write(extraColumn));
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY2(r.outcome.message.contains(QStringLiteral("velocity")),
                 qPrintable(r.outcome.message));
        // A product the team catalog does not have.
        OdcsContract unknown = c;
        unknown.id = QStringLiteral("product.nosuch");
        r = TeamContracts::importContract(nullptr, *lucasCache, kOwner, Odcs::write(unknown));
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY2(r.outcome.message.contains(QStringLiteral("product.nosuch")),
                 qPrintable(r.outcome.message));
        // Another domain.
        OdcsContract moved = c;
        moved.domain = QStringLiteral("Finance");
        r = TeamContracts::importContract(nullptr, *lucasCache, kOwner, Odcs::write(moved));
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY2(r.outcome.message.contains(QStringLiteral("Finance")),
                 qPrintable(r.outcome.message));
        // Not a contract: the located errors.
        r = TeamContracts::importContract(nullptr, *lucasCache, kOwner, "apiVersion: [\n");
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Invalid);
        QVERIFY(!r.errors.isEmpty());
        // None of them was sent or queued.
        QVERIFY(TeamClient::outbox(*lucasCache).isEmpty());
        QCOMPARE(serverRowVersion(), rowVersion);
    }

    void offlineImportIsQueuedAndAppliedOnce()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("offline.mesh"), m_url, kOwner);
        QVERIFY(lucasCache);
        const int rowVersion = serverRowVersion();
        const QByteArray yaml = contractWith(*lucasCache, QStringLiteral("Written offline."),
                                             QStringLiteral("Goal, written offline."));
        const TeamContractImport r =
            TeamContracts::importContract(nullptr, *lucasCache, kOwner, yaml);
        QCOMPARE(r.outcome.code, TeamWriteOutcome::Code::Offline);
        QVERIFY(r.outcome.queued);
        QCOMPARE(serverRowVersion(), rowVersion);
        const qint64 imports = importEntries();
        auto lucas = connectAs(kOwner);
        QVERIFY(lucas);
        TeamReplayResult replay = TeamClient::replay(*lucas, *lucasCache);
        QCOMPARE(replay.done, 1);
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        QCOMPARE(serverContract().toUtf8(), yaml);
        // The same write sent again (an acknowledgement lost) is applied once.
        const QList<TeamOutboxEntry> sent = TeamClient::outbox(*lucasCache);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(TeamClient::apply(*lucas, sent.first().write).code, TeamWriteOutcome::Code::Ok);
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        QCOMPARE(importEntries(), imports + 1);
    }

    void meshctlContractCommandsTakeServer()
    {
        const QString file = m_pg.tempPath(QStringLiteral("cli.mesh"));
        QString error;
        QByteArray yaml;
        {
            auto store = SqliteCatalogStore::create(file, QStringLiteral("cli"), nullptr);
            QVERIFY(store);
            QVERIFY2(TeamSync::sync(*m_admin, *store, m_url, &error), qPrintable(error));
            yaml = contractWith(*store, QStringLiteral("Sprints, from meshctl."),
                                QStringLiteral("Goal, from meshctl."));
        }
        const QString yamlFile = m_pg.tempPath(QStringLiteral("sprints.yaml"));
        {
            QFile f(yamlFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(yaml);
        }
        const auto run = &Test::PgFixture::meshctl;
        QByteArray output;
        const int rowVersion = serverRowVersion();
        QCOMPARE(run({QStringLiteral("contract"), QStringLiteral("import"), file, yamlFile,
                      QStringLiteral("--as"), kOutsider, QStringLiteral("--server"), m_url},
                     &output),
                 3);
        QCOMPARE(serverRowVersion(), rowVersion);
        QCOMPARE(run({QStringLiteral("contract"), QStringLiteral("import"), file, yamlFile,
                      QStringLiteral("--as"), kOwner, QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QVERIFY2(output.contains("Imported the contract"), output.constData());
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        QCOMPARE(serverContract().toUtf8(), yaml);
        // export and check read the contract as the server has it (a fresh cache).
        const QString other = m_pg.tempPath(QStringLiteral("cli-other.mesh"));
        QVERIFY(SqliteCatalogStore::create(other, QStringLiteral("other"), nullptr));
        const QString exported = m_pg.tempPath(QStringLiteral("exported.yaml"));
        QCOMPARE(run({QStringLiteral("contract"), QStringLiteral("export"), other, kProduct,
                      QStringLiteral("--out"), exported, QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QFile back(exported);
        QVERIFY(back.open(QIODevice::ReadOnly));
        const QByteArray exportedYaml = back.readAll();
        QVERIFY(exportedYaml.contains("x-agreed-with: Product Council"));
        QVERIFY(exportedYaml.contains("Sprints, from meshctl."));
        const int checked = run({QStringLiteral("contract"), QStringLiteral("check"), other,
                                 kProduct, QStringLiteral("--server"), m_url},
                                &output);
        QCOMPARE(checked, 0); // the demo's samples keep the contract
        QVERIFY2(output.contains(QByteArray(kProduct.toUtf8() + ": imported contract")),
                 output.constData());
        // Offline: queued in the cache, exit 4.
        QCOMPARE(run({QStringLiteral("contract"), QStringLiteral("import"), file, yamlFile,
                      QStringLiteral("--as"), kOwner, QStringLiteral("--server"),
                      QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2")},
                     &output),
                 4);
        QVERIFY2(output.contains("queued"), output.constData());
    }

private:
    std::unique_ptr<PgConnection> connectAs(const QString &user)
    {
        QString error;
        auto conn = PgConnection::connect(m_url, user, {}, &error);
        if (!conn)
            qWarning("%s", qPrintable(error));
        return conn;
    }
    /** The product's contract as the cache implies it, with a new purpose, goal column
     *  description and an extension key only a stored document keeps. */
    static QByteArray contractWith(SqliteCatalogStore &store, const QString &purpose,
                                   const QString &goal)
    {
        OdcsContract c = *ContractService(store).contractOf(kProduct);
        c.purpose = purpose;
        c.usage.clear();
        c.limitations.clear();
        for (OdcsProperty &p : c.schema[0].properties)
            if (p.name == QLatin1String("goal"))
                p.description = goal;
        c.extras.append({QStringLiteral("x-agreed-with"), QStringLiteral("Product Council")});
        return Odcs::write(c);
    }
    int serverRowVersion()
    {
        return int(m_admin
                       ->exec(QStringLiteral("SELECT row_version FROM products WHERE key = $1"),
                              {kProduct})
                       .integer(0, 0));
    }
    qint64 importEntries()
    {
        return m_admin
            ->exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                  "'import-contract' AND product_key = $1"),
                   {kProduct})
            .integer(0, 0);
    }
    QString serverContract()
    {
        return m_admin
            ->exec(QStringLiteral("SELECT coalesce((SELECT yaml FROM product_contracts WHERE "
                                  "product_key = $1), '')"),
                   {kProduct})
            .text(0, 0);
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
};

QTEST_GUILESS_MAIN(TestTeamContracts)
#include "tst_teamcontracts.moc"
