// SPDX-License-Identifier: MIT
// Governance and quality in the main window, offscreen, on the demo: the scan on open fills the
// Alerts dock, a violation opens its product on the field to fix, the Quality tab shows alerts
// from upstream, and acknowledging is refused or allowed by the model for the signed-in user.
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "alertspanel.h"
#include "demo/demoloader.h"
#include "generator/generator.h"
#include "governance/violationmodel.h"
#include "governancecontroller.h"
#include "governanceview.h"
#include "mainwindow.h"
#include "productpage.h"
#include "quality/alertlistmodel.h"
#include "qualitytab.h"
#include "session/catalogsession.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Mesh;

class TestGovernanceController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    GovernanceController *m_controller = nullptr;

    bool showProduct(const QString &key)
    {
        QSignalSpy shown(m_window.get(), &MainWindow::productShown);
        m_window->session()->loadProductByKey(key);
        return shown.wait(10000) && m_window->productPage()->product()->product.key == key;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_governancecontroller"));
        const QString path = m_dir.filePath(QStringLiteral("messy.mesh"));
        CatalogError error;
        QVERIFY2(DemoLoader::createDemoCatalog(path, &error), qPrintable(error.message));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1440, 900);
        m_window->show();
        m_controller = m_window->findChild<GovernanceController *>();
        QVERIFY(m_controller);
        QSignalSpy refreshed(m_controller, &GovernanceController::alertsRefreshed);
        m_window->openCatalog(path);
        QVERIFY(refreshed.wait(60000));
    }

    void cleanupTestCase() { m_window.reset(); }

    void scanOnOpenFillsTheAlertsDock()
    {
        AlertsPanel *panel = m_controller->alertsPanel();
        QVERIFY(panel->model()->rowCount() >= 10);
        auto *badge = m_window->findChild<QToolButton *>(QStringLiteral("alertsBadge"));
        QVERIFY(badge && badge->isVisible());
        QVERIFY(badge->text().contains(QString::number(panel->model()->rowCount())));
        QVERIFY(!m_controller->alertsDock()->isVisible());
        QTest::mouseClick(badge, Qt::LeftButton);
        QVERIFY(m_controller->alertsDock()->isVisible());
    }

    void aViolationOpensTheFieldToFix()
    {
        GovernanceView *view = m_controller->showGovernance();
        QVERIFY(view);
        QSignalSpy ready(m_controller, &GovernanceController::governanceRefreshed);
        QVERIFY(ready.wait(20000));
        QVERIFY(view->violationModel()->rowCount() >= 3);

        QSignalSpy shown(m_window.get(), &MainWindow::productShown);
        emit view->fixRequested(QStringLiteral("legacy.evt_dump_x"),
                                QStringLiteral("overview:owner"));
        QVERIFY(shown.wait(10000));
        ProductPage *page = m_window->productPage();
        QCOMPARE(page->product()->product.key, QStringLiteral("legacy.evt_dump_x"));
        QCOMPARE(page->tabs()->currentWidget()->objectName(), QStringLiteral("overviewTab"));
        auto *owner = page->findChild<QLabel *>(QStringLiteral("productOwner"));
        QVERIFY(owner);
        QVERIFY(owner->styleSheet().contains(QStringLiteral("#fff3c4"))); // flashed

        emit view->fixRequested(QStringLiteral("people.headcount-by-org"),
                                QStringLiteral("schema:headcount_by_org/org_code"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(page->tabs()->currentWidget()->objectName(), QStringLiteral("schemaTab"));
        auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
        QVERIFY(tree && tree->currentItem());
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("org_code"));
        view->window()->close();
    }

    void qualityTabShowsAlertsFromUpstream()
    {
        QualityTab *tab = m_controller->qualityTab();
        QVERIFY(showProduct(QStringLiteral("kpi.sales-forecast")));
        m_window->productPage()->setCurrentPage(QStringLiteral("qualityTab"));
        AlertListModel *model = tab->panel()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, 10000);
        bool upstream = false;
        for (int r = 0; r < model->rowCount(); ++r)
            upstream =
                upstream || (model->index(r, 0).data(AlertListModel::ProductKeyRole).toString() ==
                                 QStringLiteral("legacy.fx_rates_tmp") &&
                             model->index(r, 0).data(AlertListModel::DistanceRole).toInt() == 2);
        QVERIFY(upstream);
    }

    void acknowledgingIsDecidedForTheSignedInUser()
    {
        AccessSession *access = m_window->findChild<AccessController *>()->session();
        QVERIFY(access->isDemo());
        QVERIFY(showProduct(QStringLiteral("cs.gainsight-accounts")));
        QualityTab *tab = m_controller->qualityTab();
        AlertsPanel *panel = tab->panel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() >= 1, 10000);
        const qint64 id =
            panel->model()->index(0, 0).data(AlertListModel::AlertIdRole).toLongLong();
        auto *status = panel->findChild<QLabel *>(QStringLiteral("alertsStatus"));
        auto *ack = panel->findChild<QPushButton *>(QStringLiteral("alertAcknowledge"));

        // Signed in as an analyst of another domain: the model refuses and says why.
        access->signInAs(QStringLiteral("kenji.watanabe"));
        QTRY_COMPARE_WITH_TIMEOUT(access->userId(), QStringLiteral("kenji.watanabe"), 10000);
        QVERIFY(panel->selectAlert(id));
        QTest::mouseClick(ack, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Only the owner")), 10000);

        // The owner may.
        access->signInAs(QStringLiteral("fatima.alrashid"));
        QTRY_COMPARE_WITH_TIMEOUT(access->userId(), QStringLiteral("fatima.alrashid"), 10000);
        QVERIFY(panel->selectAlert(id));
        QTest::mouseClick(ack, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("acknowledged by")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()
                                      ->index(panel->model()->rowOf(id), 0)
                                      .data(AlertListModel::StateRole)
                                      .toString(),
                                  QStringLiteral("acknowledged"), 10000);
    }

    void stewardsSetTheirDomainsPoliciesFromTheView()
    {
        AccessSession *access = m_window->findChild<AccessController *>()->session();
        GovernanceView *view = m_controller->showGovernance();
        QSignalSpy ready(m_controller, &GovernanceController::governanceRefreshed);
        QVERIFY(ready.wait(20000));
        auto *scope = view->findChild<QComboBox *>(QStringLiteral("policyScope"));
        auto *kind = view->findChild<QComboBox *>(QStringLiteral("policyKind"));
        auto *apply = view->findChild<QPushButton *>(QStringLiteral("policyApply"));
        auto *status = view->findChild<QLabel *>(QStringLiteral("policyStatus"));
        QVERIFY(scope && kind && apply && status);
        QVERIFY(scope->findData(QStringLiteral("Sales & Marketing")) > 0);
        scope->setCurrentIndex(scope->findData(QStringLiteral("Sales & Marketing")));
        kind->setCurrentIndex(kind->findText(QStringLiteral("column-classification")));

        access->signInAs(QStringLiteral("kenji.watanabe"));
        QTRY_COMPARE_WITH_TIMEOUT(access->userId(), QStringLiteral("kenji.watanabe"), 10000);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Only a steward")), 10000);

        access->signInAs(QStringLiteral("priya.raman"));
        QTRY_COMPARE_WITH_TIMEOUT(access->userId(), QStringLiteral("priya.raman"), 10000);
        const int before = view->violationModel()->report().violations.size();
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(ready.wait(20000)); // the report is checked again after the change
        QVERIFY(status->text().startsWith(QStringLiteral("Set:")));
        QVERIFY(view->violationModel()->report().violations.size() > before);
        view->window()->close();
    }

    void scanOfALargeCatalogShowsProgressAndCancels()
    {
        // Larger than the old 5,000-product limit of the scan on open.
        const QString path = m_dir.filePath(QStringLiteral("large.mesh"));
        GeneratorOptions options;
        options.products = 6000;
        options.columnsPerDataset = 8;
        CatalogError error;
        QVERIFY2(Generator(options).writeCatalog(path, {}, &error), qPrintable(error.message));

        MainWindow window;
        window.show();
        auto *controller = window.findChild<GovernanceController *>();
        QVERIFY(controller);
        AlertsPanel *panel = controller->alertsPanel();
        auto *progressBar = panel->findChild<QProgressBar *>(QStringLiteral("alertsScanProgress"));
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("alertsCancelScan"));
        QVERIFY(progressBar && cancel);
        QSignalSpy progress(controller, &GovernanceController::scanProgress);
        QSignalSpy finished(controller, &GovernanceController::scanFinished);
        window.openCatalog(path);
        QVERIFY(progress.wait(60000)); // the scan runs on open, in the worker
        QVERIFY(controller->isScanning());
        QCOMPARE(progress.last().at(1).toInt(), 6000);
        QVERIFY(progressBar->isVisibleTo(panel));
        QCOMPARE(progressBar->maximum(), 6000);
        QVERIFY(cancel->isVisibleTo(panel) && cancel->isEnabled());
        auto *badge = window.findChild<QToolButton *>(QStringLiteral("alertsBadge"));
        QVERIFY(badge->text().contains(QStringLiteral("Scanning")));
        if (const QString shots = qEnvironmentVariable("MESH_SCREENSHOT_DIR"); !shots.isEmpty()) {
            controller->alertsDock()->show();
            controller->alertsDock()->resize(1000, 300);
            controller->alertsDock()->grab().save(shots + QStringLiteral("/alerts-scanning.png"));
        }
        cancel->click();
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().at(0).toBool()); // cancelled
        const int scanned = finished.first().at(1).toInt();
        QVERIFY2(scanned > 0 && scanned < 6000, qPrintable(QString::number(scanned)));
        QVERIFY(!controller->isScanning());
        QVERIFY(!progressBar->isVisibleTo(panel));
        QVERIFY(!cancel->isVisibleTo(panel));
        auto *status = panel->findChild<QLabel *>(QStringLiteral("alertsStatus"));
        QVERIFY2(status->text().startsWith(QStringLiteral("Scan cancelled after %1 products").arg(scanned)),
                 qPrintable(status->text()));

        // The governance report reads every product too: progress, and Cancel stops it.
        GovernanceView *view = controller->showGovernance();
        auto *checking = view->findChild<QProgressBar *>(QStringLiteral("governanceProgress"));
        auto *stop = view->findChild<QPushButton *>(QStringLiteral("governanceCancel"));
        QVERIFY(checking && stop);
        QVERIFY(stop->isVisibleTo(view));
        QSignalSpy refreshed(controller, &GovernanceController::governanceRefreshed);
        QTRY_VERIFY_WITH_TIMEOUT(checking->value() > 0, 30000);
        QCOMPARE(checking->maximum(), 6000);
        if (const QString shots = qEnvironmentVariable("MESH_SCREENSHOT_DIR"); !shots.isEmpty())
            view->window()->grab().save(shots + QStringLiteral("/governance-checking.png"));
        stop->click();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!stop->isVisibleTo(view));
        QStringList texts;
        for (QLabel *label : view->findChildren<QLabel *>())
            if (label->isVisibleTo(view))
                texts << label->text();
        QVERIFY2(texts.join(u'\n').contains(QStringLiteral("Checking was cancelled")),
                 qPrintable(texts.join(u'\n')));
        QVERIFY(view->findChild<QPushButton *>(QStringLiteral("governanceRefresh"))->isEnabled());
        view->window()->close();
    }
};

QTEST_MAIN(TestGovernanceController)
#include "tst_governancecontroller.moc"
