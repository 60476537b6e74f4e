// SPDX-License-Identifier: MIT
// The KPI dashboard window on the demo: tiles, filters, drill-down, editor test run, export,
// and the main window's View → KPI Dashboard action.
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "kpi/kpiresultmodel.h"
#include "kpidashboardcontroller.h"
#include "kpidashboardwindow.h"
#include "kpidrilldialog.h"
#include "kpieditordialog.h"
#include "kpitilewidget.h"
#include "mainwindow.h"
#include "quality/qualityservice.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

class TestKpiDashboard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;

    /** Waits until the window has refreshed and shows the dashboard that followed. */
    static bool waitReady(KpiDashboardWindow &w)
    {
        // The dashboard shown after the refresh may arrive in the same event batch as the
        // refresh itself, so count the shows from the moment the refresh finished.
        QSignalSpy shown(&w, &KpiDashboardWindow::dashboardShown);
        QSignalSpy refreshed(&w, &KpiDashboardWindow::refreshFinished);
        qsizetype shownAtRefresh = -1;
        QObject context;
        QObject::connect(&w, &KpiDashboardWindow::refreshFinished, &context,
                         [&] { shownAtRefresh = shown.size(); });
        if (!refreshed.wait(120000))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (shown.size() <= shownAtRefresh && timer.elapsed() < 20000)
            QTest::qWait(20);
        return shown.size() > shownAtRefresh;
    }

    static void screenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(400); // let layouts and the charts settle, as a person would see them
        w->grab().save(dir + u'/' + name);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(u"demo.mesh"_s);
        CatalogError error;
        QVERIFY2(DemoLoader::createDemoCatalog(m_catalog, &error), qPrintable(error.message));
    }

    void showsSixTilesAndFilters()
    {
        KpiDashboardWindow w(m_catalog);
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.resize(1300, 900);
        w.show();
        QVERIFY(waitReady(w));
        QCOMPARE(w.tiles().size(), 6);
        for (KpiTileWidget *tile : w.tiles()) {
            QVERIFY2(tile->tile().value.has_value(), qPrintable(tile->tile().definition.key));
            QVERIFY(tile->valueLabel()->text() != u"—"_s);
            QVERIFY(!tile->tile().period.isEmpty());
        }
        screenshot(&w, u"kpi-dashboard.png"_s);
        if (!qEnvironmentVariableIsEmpty("MESH_SCREENSHOT_DIR")) {
            // The same dashboard in a dark palette, to look at legibility.
            const QPalette light = QApplication::palette();
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x26, 0x29, 0x2e));
            dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Base, QColor(0x1d, 0x1f, 0x23));
            dark.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2f, 0x34));
            dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
            dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            dark.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
            dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
            dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
            QApplication::setPalette(dark);
            QTest::qWait(200);
            screenshot(&w, u"kpi-dashboard-dark.png"_s);
            QApplication::setPalette(light);
            QTest::qWait(50);
        }

        QSignalSpy shown(&w, &KpiDashboardWindow::dashboardShown);
        w.setGrain(KpiGrain::Quarter);
        QVERIFY(shown.wait(20000));
        for (KpiTileWidget *tile : w.tiles())
            QVERIFY2(tile->tile().period.contains(u"-Q"_s), qPrintable(tile->tile().period));

        w.setDomain(u"Finance"_s);
        QVERIFY(shown.wait(20000));
        QCOMPARE(w.tiles().size(), 1);
        QCOMPARE(w.tiles().first()->tile().definition.key, u"kpi.gross-margin"_s);
        w.setDomain(QString());
        QVERIFY(shown.wait(20000));
        QCOMPARE(w.tiles().size(), 6);
    }

    void drillDownShowsRowsAndLinks()
    {
        KpiDashboardWindow w(m_catalog);
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.show();
        QVERIFY(waitReady(w));
        QSignalSpy products(&w, &KpiDashboardWindow::productRequested);
        QSignalSpy lineage(&w, &KpiDashboardWindow::lineageRequested);
        // A click on the tile opens its drill-down.
        KpiTileWidget *tile = nullptr;
        for (KpiTileWidget *t : w.tiles())
            if (t->tile().definition.key == u"kpi.oee"_s)
                tile = t;
        QVERIFY(tile);
        QTest::mouseClick(tile, Qt::LeftButton, {}, QPoint(20, 20));
        auto *drill = w.findChild<KpiDrillDialog *>();
        QVERIFY(drill);
        QAbstractItemModelTester tester(drill->rowsModel());
        QTRY_VERIFY_WITH_TIMEOUT(drill->rowsModel()->rowCount() > 0, 20000);
        QCOMPARE(drill->rowsModel()->result().columns.first(), u"run_id"_s);
        QCOMPARE(drill->period(), tile->tile().period);
        screenshot(drill, u"kpi-drilldown.png"_s);
        // The input's buttons ask for its page and its lineage.
        QPushButton *open = nullptr, *lin = nullptr;
        for (QPushButton *b : drill->findChildren<QPushButton *>()) {
            if (b->text() == u"Open"_s)
                open = b;
            else if (b->text() == u"Lineage"_s)
                lin = b;
        }
        QVERIFY(open && lin);
        open->click();
        lin->click();
        QCOMPARE(products.size(), 1);
        QCOMPARE(products.first().first().toString(), u"mfg.production-runs"_s);
        QCOMPARE(lineage.first().first().toString(), u"mfg.production-runs"_s);
    }

    void editorTestRunShowsErrors()
    {
        KpiDashboardWindow w(m_catalog);
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.setUserId(u"someone.unknown"_s);
        w.show();
        QVERIFY(waitReady(w));
        w.openEditor(u"kpi.gross-margin"_s);
        auto *editor = w.findChild<KpiEditorDialog *>();
        QVERIFY(editor);
        QCOMPARE(editor->definition().key, u"kpi.gross-margin"_s);
        QPushButton *test = nullptr, *save = nullptr;
        for (QPushButton *b : editor->findChildren<QPushButton *>()) {
            if (b->text() == u"Test run"_s)
                test = b;
            else if (b->text() == u"Save"_s)
                save = b;
        }
        QVERIFY(test && save);
        // The stage and its period SQL are in the form, and the test run covers them.
        QVERIFY(editor->stageSqlEdit()->toPlainText().contains(u"finance_gross_margin"_s));
        QVERIFY(editor->periodSqlEdit()->toPlainText().contains(u"kpi_gross_margin__stage"_s));
        QCOMPARE(editor->definition().stageSql, editor->stageSqlEdit()->toPlainText());
        QCOMPARE(editor->definition().periodSql, editor->periodSqlEdit()->toPlainText());
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->testModel()->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"equal the value SQL"_s), 20000);
        if (auto *tabs = editor->findChild<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i).startsWith(u"Stage SQL"_s))
                    tabs->setCurrentIndex(i);
            QVERIFY(tabs->currentWidget() == editor->stageSqlEdit());
        }
        editor->resize(1250, 820);
        screenshot(editor, u"kpi-editor-stage.png"_s);
        const QString period = editor->periodSqlEdit()->toPlainText();
        editor->periodSqlEdit()->setPlainText(QString(period).replace(u"sum(cogs_usd)) / sum"_s, u"sum(cogs_usd) * 2) / sum"_s));
        QVERIFY(editor->periodSqlEdit()->toPlainText() != period);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"does not give the value SQL"_s), 20000);
        editor->stageSqlEdit()->setPlainText(u"SELECT period FROM finance_gross_margin GROUP BY 1"_s);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"Stage SQL: it must return the date first"_s), 20000);
        editor->periodSqlEdit()->setPlainText(period);
        editor->stageSqlEdit()->clear();
        editor->periodSqlEdit()->clear();
        editor->sqlEdit()->setPlainText(u"SELECT PERIOD(period), sum(nope) FROM finance_gross_margin GROUP BY 1"_s);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"no such column: nope"_s), 20000);
        editor->sqlEdit()->setPlainText(u"DELETE FROM finance_gross_margin"_s);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"only read"_s), 20000);
        // Not the owner: saving is refused by the policy, with its reason.
        editor->sqlEdit()->setPlainText(u"SELECT PERIOD(period), 1 FROM finance_gross_margin GROUP BY 1"_s);
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageLabel()->text().contains(u"Not allowed"_s), 20000);
    }

    void exportsPngAndPdf()
    {
        KpiDashboardWindow w(m_catalog);
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.resize(1200, 850);
        w.show();
        QVERIFY(waitReady(w));
        QString error;
        const QString png = m_dir.filePath(u"dash.png"_s);
        const QString pdf = qEnvironmentVariableIsEmpty("MESH_SCREENSHOT_DIR")
                                ? m_dir.filePath(u"dash.pdf"_s)
                                : qEnvironmentVariable("MESH_SCREENSHOT_DIR") + u"/kpi-dashboard.pdf"_s;
        QVERIFY2(w.exportPng(png, &error), qPrintable(error));
        QVERIFY2(w.exportPdf(pdf, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000);
        const QByteArray bytes = MeshTest::fileBytes(pdf);
        QVERIFY(bytes.startsWith("%PDF"));
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "), 1);
        QVERIFY(!w.exportPng(u"/nonexistent-dir/x.png"_s, &error));
        QVERIFY(error.contains(u"nonexistent-dir"_s));
    }

    void tilesShowQualityAlertsUpstreamUntilResolved()
    {
        // A catalog of its own: this test raises and resolves alerts.
        const QString path = m_dir.filePath(u"alerts.mesh"_s);
        QVERIFY(QFile::copy(m_catalog, path));
        KpiDashboardWindow w(path);
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.resize(1300, 900);
        w.show();
        QVERIFY(waitReady(w));
        const auto tileOf = [&w](const QString &key) -> KpiTileWidget * {
            for (KpiTileWidget *t : w.tiles())
                if (t->tile().definition.key == key)
                    return t;
            return nullptr;
        };
        KpiTileWidget *forecast = tileOf(u"kpi.sales-forecast"_s);
        KpiTileWidget *oee = tileOf(u"kpi.oee"_s);
        QVERIFY(forecast && oee);
        QVERIFY(forecast->tile().alerts.isEmpty()); // nothing was scanned yet
        QVERIFY(forecast->alertsLabel()->isHidden());
        const KpiTile::Status before = forecast->tile().status;
        QVERIFY(before != KpiTile::Status::Warning);

        // Alerts on an input of the KPI (legacy.fx_rates_tmp: duplicate rows) and, through a
        // lineage edge added here, on a product two steps upstream (legacy.orders_bak_2024 →
        // legacy.fx_rates_tmp → kpi.sales-forecast).
        QList<qint64> raised;
        {
            CatalogError error;
            auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
            QVERIFY2(store, qPrintable(error.message));
            QVERIFY(store->addLineageEdge({u"legacy.orders_bak_2024"_s, u"legacy.fx_rates_tmp"_s,
                                           u"copy"_s, u"test.backfill"_s},
                                          &error));
            QualityService quality(*store);
            for (const QString &key : {u"legacy.fx_rates_tmp"_s, u"legacy.orders_bak_2024"_s}) {
                quality.scan(key);
                const QList<QualityAlert> alerts = quality.alerts(key);
                QVERIFY2(!alerts.isEmpty(), qPrintable(key));
                for (const QualityAlert &a : alerts)
                    raised << a.id;
            }
        }
        QSignalSpy shown(&w, &KpiDashboardWindow::dashboardShown);
        w.reloadTiles();
        QVERIFY(shown.wait(20000));
        forecast = tileOf(u"kpi.sales-forecast"_s);
        oee = tileOf(u"kpi.oee"_s);
        const KpiTile &t = forecast->tile();
        QCOMPARE(t.alerts.size(), raised.size());
        QCOMPARE(t.alerts.first().distance, 1); // nearest first: the input's
        QCOMPARE(t.alerts.first().alert.finding.productKey, u"legacy.fx_rates_tmp"_s);
        QCOMPARE(t.alerts.last().distance, 2);
        QCOMPARE(t.alerts.last().path.first(), u"legacy.orders_bak_2024"_s);
        QCOMPARE(t.status, KpiTile::Status::Warning);
        QVERIFY(t.value.has_value()); // the number stays, flagged
        QVERIFY(forecast->alertsLabel()->isVisibleTo(forecast));
        const QString line = forecast->alertsLabel()->text();
        QVERIFY2(line.contains(u"%1 quality alerts"_s.arg(raised.size())), qPrintable(line));
        QCOMPARE(t.alertKinds(), (QStringList{u"missing"_s, u"duplicate"_s}));
        QVERIFY2(line.contains(u"missing, duplicate"_s), qPrintable(line));
        const QString fxName = t.productName(u"legacy.fx_rates_tmp"_s);
        const QString backupName = t.productName(u"legacy.orders_bak_2024"_s);
        QVERIFY(backupName != u"legacy.orders_bak_2024"_s); // named, not keyed
        QVERIFY2(line.contains(fxName), qPrintable(line));
        const QString tip = forecast->alertsLabel()->toolTip();
        QVERIFY2(tip.contains(fxName + u" (input): duplicate"_s), qPrintable(tip));
        QVERIFY2(tip.contains(backupName + u" (2 steps upstream): missing"_s), qPrintable(tip));
        QVERIFY2(tip.contains(backupName + u" (2 steps upstream): duplicate"_s), qPrintable(tip));
        QVERIFY(forecast->accessibleName().contains(line));
        // A KPI with nothing broken upstream is not flagged.
        QVERIFY(oee->tile().alerts.isEmpty());
        QVERIFY(oee->alertsLabel()->isHidden());
        screenshot(&w, u"kpi-dashboard-alerts.png"_s);

        // The drill-down lists them, each a click away from its product.
        QSignalSpy products(&w, &KpiDashboardWindow::productRequested);
        w.openDrillDown(u"kpi.sales-forecast"_s);
        auto *drill = w.findChild<KpiDrillDialog *>();
        QVERIFY(drill);
        const QList<QLabel *> listed = drill->findChildren<QLabel *>(u"kpiDrillAlert"_s);
        QCOMPARE(listed.size(), raised.size());
        screenshot(drill, u"kpi-drilldown-alerts.png"_s);
        QVERIFY2(listed.first()->text().startsWith(fxName), qPrintable(listed.first()->text()));
        auto *open = listed.first()->parentWidget()->findChild<QPushButton *>();
        QVERIFY(open);
        open->click();
        QCOMPARE(products.size(), 1);
        QCOMPARE(products.first().first().toString(), u"legacy.fx_rates_tmp"_s);

        // Resolved (by the admin), the warning goes away, also in the open drill-down.
        {
            CatalogError error;
            auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
            QVERIFY2(store, qPrintable(error.message));
            QualityService quality(*store);
            for (qint64 id : raised) {
                const AccessOutcome o = quality.resolve(u"ravi.patel"_s, id, u"reloaded"_s);
                QVERIFY2(o.ok(), qPrintable(o.message));
            }
        }
        w.reloadTiles();
        QVERIFY(shown.wait(20000));
        forecast = tileOf(u"kpi.sales-forecast"_s);
        QVERIFY(forecast->tile().alerts.isEmpty());
        QCOMPARE(forecast->tile().status, before);
        QVERIFY(forecast->alertsLabel()->isHidden());
        QVERIFY(drill->findChildren<QLabel *>(u"kpiDrillAlert"_s).isEmpty());
    }

    void mainWindowOpensTheDashboard()
    {
        MainWindow window;
        window.show();
        QSignalSpy opened(&window, &MainWindow::catalogOpened);
        window.openCatalog(m_catalog);
        QVERIFY(opened.wait(30000));
        auto *action = window.findChild<QAction *>(u"kpiDashboardAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        auto *controller = window.findChild<KpiDashboardController *>();
        QVERIFY(controller && controller->dashboard());
        QVERIFY(controller->dashboard()->isVisible());
        QVERIFY(waitReady(*controller->dashboard()));
        QCOMPARE(controller->dashboard()->tiles().size(), 6);
        controller->dashboard()->close();
    }
};

QTEST_MAIN(TestKpiDashboard)
#include "tst_kpidashboard.moc"
