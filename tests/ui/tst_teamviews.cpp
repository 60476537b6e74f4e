// SPDX-License-Identifier: MIT
// The main window's Preview tab, Unclaimed Data view and quality scan on a team cache: the
// preview is decided by the team server (offline by the cache, labelled), claims go to the
// server and come back by sync, refusals are shown as the server's, and a scan's alerts are
// reported to the server.
#include "../team/pgfixture.h"

#include "access/accesssession.h"
#include "accesscontroller.h"
#include "alertspanel.h"
#include "contract/contractservice.h"
#include "contractimportdialog.h"
#include "editcontroller.h"
#include "editing/editingservice.h"
#include "federation/credentialstore.h"
#include "governancecontroller.h"
#include "historytab.h"
#include "mainwindow.h"
#include "preview/previewmodel.h"
#include "previewtab.h"
#include "productpage.h"
#include "qualitytab.h"
#include "session/catalogsession.h"
#include "team/teamclient.h"
#include "team/teamsync.h"
#include "teamcontroller.h"
#include "unclaimeddialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Mesh;

namespace {

void maybeGrab(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name);
}

QTreeWidgetItem *rowOf(QTreeWidget *list, const QString &key)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(1) == key)
            return list->topLevelItem(i);
    return nullptr;
}

const QString kUnreachable = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");

} // namespace

class TestTeamViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamviews"));
        QSettings().clear();
        MESH_START_PG(m_pg);
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        m_pg.stop();
    }

    void previewClaimsAndAlertsGoThroughTheServer()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        QString error;
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"kenji.watanabe\" LOGIN"), {}, &error));
        QSettings settings;
        settings.setValue(QStringLiteral("team/url"), url);
        settings.setValue(QStringLiteral("team/user"), QStringLiteral("kenji.watanabe"));
        const QString path = m_pg.tempPath(QStringLiteral("views.mesh"));
        QVERIFY(SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr));

        InMemoryCredentialStore credentials; // never the OS keychain in tests
        MainWindow window(nullptr, &credentials);
        window.resize(1440, 900);
        auto *team = window.findChild<TeamController *>(QStringLiteral("teamController"));
        auto *edit = window.findChild<EditController *>();
        auto *governance = window.findChild<GovernanceController *>();
        auto *preview = window.findChild<PreviewTab *>();
        QVERIFY(team && edit && governance && preview);
        QSignalSpy synced(team, &TeamController::syncFinished);
        window.show();
        window.openCatalog(path);
        QVERIFY(synced.wait(30000));
        QVERIFY(synced.first().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(edit->isTeam(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(edit->userId(), QStringLiteral("kenji.watanabe"), 10000);

        // The scan that runs on the synced catalog reports its alerts to the server.
        QTRY_VERIFY_WITH_TIMEOUT(
            admin->exec(QStringLiteral("SELECT count(*) FROM quality_alerts WHERE reported_by = "
                                       "'kenji.watanabe'"))
                    .integer(0, 0) > 0,
            60000);
        QTRY_VERIFY_WITH_TIMEOUT(!governance->isScanning(), 60000);

        // Preview: decided by the server, as kenji; then offline, by the cache, labelled.
        const QString product = QStringLiteral("finance.netsuite-customers");
        QSignalSpy loaded(window.session(), &CatalogSession::productLoaded);
        window.session()->loadProductByKey(product);
        QVERIFY(loaded.wait(10000));
        const ProductDetails details = loaded.last().at(0).value<ProductDetails>();
        // A sync that brought changes reopens the catalog, which clears the product page:
        // open the preview once things are quiet, again if a late reopen cleared it.
        const auto openPreview = [&]() -> bool {
            for (int attempt = 0; attempt < 5; ++attempt) {
                if (!QTest::qWaitFor(
                        [&] { return !team->isSyncing() && !governance->isScanning(); }, 60000))
                    return false;
                QSignalSpy opened(preview->model(), &PreviewModel::opened);
                preview->clearProduct();
                preview->showProduct(details);
                if (opened.wait(8000))
                    return true;
            }
            return false;
        };
        QVERIFY(openPreview());
        QVERIFY(preview->model()->access().decidedByServer);
        QVERIFY2(
            preview->statusText().contains(QStringLiteral("access decided by the team server")),
            qPrintable(preview->statusText()));

        settings.setValue(QStringLiteral("team/url"), kUnreachable);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        QVERIFY(!synced.last().at(0).toBool());
        QVERIFY(openPreview());
        QVERIFY(preview->model()->access().decidedOffline);
        auto *notice = preview->findChild<QLabel *>(QStringLiteral("previewNotice"));
        QVERIFY(notice);
        QVERIFY(!notice->isHidden());
        QVERIFY2(notice->text().contains(QStringLiteral("decided offline from the cache of")),
                 qPrintable(notice->text()));
        window.productPage()->showProduct(details);
        if (auto *tabs = window.productPage()->findChild<QTabWidget *>())
            tabs->setCurrentWidget(preview);
        QTest::qWait(200);
        maybeGrab(&window, QStringLiteral("team-preview-offline.png"));

        // Back online for the claims.
        settings.setValue(QStringLiteral("team/url"), url);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        QVERIFY(synced.last().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(edit->isOpen() && edit->isTeam(), 20000);

        // Unclaimed Data: the claim is filed on the server as kenji …
        UnclaimedDialog *dialog = edit->showUnclaimed();
        QVERIFY(dialog);
        const QString key = QStringLiteral("legacy.fx_rates_tmp");
        dialog->refresh();
        QTreeWidgetItem *fx = rowOf(dialog->productList(), key);
        QVERIFY(fx);
        dialog->productList()->setCurrentItem(fx);
        dialog->reasonEdit()->setText(QStringLiteral("Gross margin converts with it"));
        QSignalSpy finished(dialog, &UnclaimedDialog::actionFinished);
        dialog->claimSelected();
        QVERIFY(finished.wait(30000));
        AccessOutcome o = finished.last().at(0).value<AccessOutcome>();
        QVERIFY2(o.ok(), qPrintable(o.message));
        QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("Team server: Claim #")),
                 qPrintable(dialog->statusLabel()->text()));
        const PgResult claim = admin->exec(
            QStringLiteral("SELECT id, claimant_id FROM ownership_claims WHERE product_key = $1"),
            {key});
        QCOMPARE(claim.rows(), 1);
        QCOMPARE(claim.text(0, 1), QStringLiteral("kenji.watanabe"));
        QVERIFY2(rowOf(dialog->productList(), key)->text(5).contains(QStringLiteral("pending")),
                 qPrintable(rowOf(dialog->productList(), key)->text(5)));

        // … a steward approves it elsewhere, and the approval comes back with the next sync.
        TeamWrite approve;
        approve.kind = TeamWrite::Kind::ApproveClaim;
        approve.actingUser = QStringLiteral("priya.raman");
        approve.requestId = claim.integer(0, 0);
        QVERIFY(TeamClient::apply(*admin, approve).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(edit->isOpen(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(edit->savedProduct(key) && edit->savedProduct(key)->ownerId ==
                                                                QStringLiteral("kenji.watanabe"),
                                 30000);

        // A claim the server refuses (owned there since the last sync) says so, in red.
        const QString owned = QStringLiteral("legacy.orders_bak_2024");
        QVERIFY(admin->run(QStringLiteral("UPDATE products SET owner_id = 'maria.lopez' WHERE "
                                          "key = $1"),
                           {owned}));
        dialog = edit->showUnclaimed();
        dialog->refresh();
        QTreeWidgetItem *bak = rowOf(dialog->productList(), owned);
        QVERIFY(bak);
        dialog->productList()->setCurrentItem(bak);
        dialog->reasonEdit()->setText(QStringLiteral("I restore the backups"));
        QSignalSpy refused(dialog, &UnclaimedDialog::actionFinished);
        dialog->claimSelected();
        QVERIFY(refused.wait(30000));
        o = refused.last().at(0).value<AccessOutcome>();
        QCOMPARE(o.code, AccessOutcome::Code::Refused);
        QVERIFY2(
            dialog->statusLabel()->text().startsWith(QStringLiteral("Refused by the team server:")),
            qPrintable(dialog->statusLabel()->text()));
        QVERIFY(dialog->statusLabel()->styleSheet().contains(QStringLiteral("#b3261e")));
        QTest::qWait(200);
        maybeGrab(dialog, QStringLiteral("team-unclaimed.png"));
        dialog->close();

        // Acknowledging an alert in the panel asks the server: kenji manages none of them.
        const PgResult alert = admin->exec(QStringLiteral(
            "SELECT a.id FROM quality_alerts a JOIN products p ON p.key = a.product_key WHERE "
            "p.owner_id NOT IN ('', 'kenji.watanabe') AND a.state = 'open' ORDER BY a.id LIMIT 1"));
        QCOMPARE(alert.rows(), 1);
        // The product page's Quality tab shows the answer too; a rescan after a late sync may
        // replace the dock's status line meanwhile, so either one counts.
        auto *alertsStatus =
            governance->alertsPanel()->findChild<QLabel *>(QStringLiteral("alertsStatus"));
        auto *tabStatus =
            governance->qualityTab()->panel()->findChild<QLabel *>(QStringLiteral("alertsStatus"));
        QVERIFY(alertsStatus && tabStatus);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing() && !governance->isScanning(), 60000);
        emit governance->alertsPanel()->acknowledgeRequested(alert.integer(0, 0));
        const QString refusal = QStringLiteral("Refused by the team server");
        QTRY_VERIFY2_WITH_TIMEOUT(alertsStatus->text().startsWith(refusal) ||
                                      tabStatus->text().startsWith(refusal),
                                  qPrintable(tabStatus->text()), 30000);
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT state FROM quality_alerts WHERE id = $1"),
                            {alert.integer(0, 0)})
                     .text(0, 0),
                 QStringLiteral("open"));
    }

    void historyRevertIsSavedOnTheServer()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        const QString owner = QStringLiteral("lucas.moreau");
        const QString product = QStringLiteral("product.jira-sprints"); // lucas owns it
        QString error;
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"lucas.moreau\" LOGIN"), {}, &error));
        // Two versions saved on the server (by another desktop).
        for (const QString &text : {QStringLiteral("Sprints, as first written."),
                                    QStringLiteral("Sprints, as rewritten.")}) {
            TeamWrite w;
            w.kind = TeamWrite::Kind::Edit;
            w.actingUser = owner;
            w.productKey = product;
            w.fields.insert(QStringLiteral("description"), text);
            QVERIFY(TeamClient::apply(*admin, w).ok());
        }
        const auto description = [&] {
            return admin
                ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                       {product})
                .text(0, 0);
        };
        const auto rowVersion = [&] {
            return int(admin
                           ->exec(QStringLiteral("SELECT row_version FROM products WHERE key = $1"),
                                  {product})
                           .integer(0, 0));
        };
        const int newest = rowVersion();
        QSettings settings;
        settings.setValue(QStringLiteral("team/url"), url);
        settings.setValue(QStringLiteral("team/user"), owner);
        const QString path = m_pg.tempPath(QStringLiteral("history.mesh"));
        QVERIFY(SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr));
        InMemoryCredentialStore credentials;
        MainWindow window(nullptr, &credentials);
        window.resize(1440, 900);
        auto *team = window.findChild<TeamController *>(QStringLiteral("teamController"));
        auto *edit = window.findChild<EditController *>();
        auto *history = window.findChild<HistoryTab *>();
        QVERIFY(team && edit && history);
        QSignalSpy synced(team, &TeamController::syncFinished);
        window.show();
        window.openCatalog(path);
        QVERIFY(synced.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(edit->isOpen() && edit->isTeam(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(edit->userId(), owner, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);

        // The History tab lists the server's versions; reverting to the older one is sent to
        // the server in the background, and its answer comes back to the tab.
        history->showProductKey(product);
        QTreeWidgetItem *older = nullptr;
        for (int i = 0; i < history->versionList()->topLevelItemCount(); ++i)
            if (history->versionList()->topLevelItem(i)->data(0, Qt::UserRole).toInt() ==
                newest - 1)
                older = history->versionList()->topLevelItem(i);
        QVERIFY(older);
        history->versionList()->setCurrentItem(older);
        QVERIFY(history->revertButton()->isEnabled());
        QSignalSpy finished(edit, &EditController::saveFinished);
        const EditOutcome pending = history->revertSelected();
        QCOMPARE(pending.code, EditOutcome::Code::Unchanged);
        QVERIFY2(history->statusLabel()->text().startsWith(QStringLiteral("Reverting")),
                 qPrintable(history->statusLabel()->text()));
        QVERIFY(!history->revertButton()->isEnabled());
        QVERIFY(finished.wait(30000));
        const EditOutcome o = finished.last().at(1).value<EditOutcome>();
        QVERIFY2(o.code == EditOutcome::Code::Ok, qPrintable(o.message));
        QCOMPARE(description(), QStringLiteral("Sprints, as first written."));
        QCOMPARE(rowVersion(), newest + 1);
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT author, summary FROM product_versions WHERE "
                                           "product_key = $1 AND version = $2"),
                            {product, newest + 1})
                     .text(0, 1),
                 EditingService::revertSummary(newest - 1));
        QVERIFY2(history->statusLabel()->text().startsWith(QStringLiteral("Saved")),
                 qPrintable(history->statusLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(
            history->versionList()->topLevelItem(0)->data(0, Qt::UserRole).toInt(), newest + 1,
            10000);
        QCOMPARE(history->versionList()->topLevelItem(0)->text(3),
                 EditingService::revertSummary(newest - 1));
        QCOMPARE(edit->savedProduct(product)->description,
                 QStringLiteral("Sprints, as first written."));
        maybeGrab(history, QStringLiteral("team-history-revert.png"));
    }

    void contractImportDialogImportsOnTheServer()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        const QString owner = QStringLiteral("lucas.moreau");
        const QString product = QStringLiteral("product.jira-sprints");
        QString error;
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"lucas.moreau\" LOGIN"), {}, &error));
        const QString path = m_pg.tempPath(QStringLiteral("contract.mesh"));
        auto store = SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr);
        QVERIFY(store);
        QVERIFY2(TeamSync::sync(*admin, *store, url, &error), qPrintable(error));
        OdcsContract c = *ContractService(*store).contractOf(product);
        c.purpose = QStringLiteral("Sprints, as the contract says.");
        const QString yamlPath = m_pg.tempPath(QStringLiteral("sprints.odcs.yaml"));
        {
            QFile f(yamlPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(Odcs::write(c));
        }
        store.reset();
        ContractImportDialog dialog(path, owner);
        dialog.setTeamRoute(TeamRoute{url, owner, {}});
        dialog.setFile(yamlPath);
        QSignalSpy finished(&dialog, &ContractImportDialog::finishedImport);
        dialog.importNow();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(dialog.message()));
        QVERIFY2(dialog.message().startsWith(QStringLiteral("Team server: Imported the contract")),
                 qPrintable(dialog.message()));
        dialog.show();
        QTest::qWait(100);
        maybeGrab(&dialog, QStringLiteral("team-contract-import.png"));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM product_contracts WHERE "
                                           "product_key = $1 AND imported_by = $2"),
                            {product, owner})
                     .integer(0, 0),
                 1);
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                            {product})
                     .text(0, 0),
                 QStringLiteral("Sprints, as the contract says."));
        // The cache has it too (pulled back after the import).
        auto after = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, nullptr);
        QVERIFY(after);
        bool stored = false;
        QVERIFY(ContractService(*after).contractOf(product, &stored));
        QVERIFY(stored);

        // Someone else is refused by the server's rules, and told so.
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"kenji.watanabe\" LOGIN"), {}, &error));
        ContractImportDialog other(path, QStringLiteral("kenji.watanabe"));
        other.setTeamRoute(TeamRoute{url, QStringLiteral("kenji.watanabe"), {}});
        other.setFile(yamlPath);
        QSignalSpy refused(&other, &ContractImportDialog::finishedImport);
        other.importNow();
        QVERIFY(refused.wait(30000));
        QVERIFY(!refused.last().at(0).toBool());
        // The cache's policy answered first (the server's rules are the same).
        QVERIFY2(other.message().startsWith(QStringLiteral("Refused: Only the owner")),
                 qPrintable(other.message()));
        other.show();
        QTest::qWait(100);
        maybeGrab(&other, QStringLiteral("team-contract-refused.png"));
    }

private:
    Test::PgFixture m_pg;
};

QTEST_MAIN(TestTeamViews)
#include "tst_teamviews.moc"
