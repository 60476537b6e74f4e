// SPDX-License-Identifier: MIT
// The KPI dashboard window on the demo: tiles, filters, drill-down, editor test run, export,
// and the main window's View → KPI Dashboard action.
#include "demo/demoloader.h"
#include "kpi/kpiresultmodel.h"
#include "kpidashboardcontroller.h"
#include "kpidashboardwindow.h"
#include "kpidrilldialog.h"
#include "kpieditordialog.h"
#include "kpitilewidget.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->testModel()->rowCount() > 0, 20000);
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
