// SPDX-License-Identifier: MIT
#include "demo/demoloader.h"
#include "emptystatewidget.h"
#include "mainwindow.h"
#include "pilllabel.h"
#include "productpage.h"
#include "schematab.h"
#include "session/catalogsession.h"
#include "session/facetmodel.h"
#include "session/searchresultmodel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Mesh;

/** The main window on the Messy Inc. demo catalog, driven as a user would. Offscreen. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void opensDemoCatalogAndListsEveryProduct();
    void typingFiltersResults();
    void selectingResultShowsProductPage();
    void shortcutsFocusSearchField();
    void facetFilterNarrowsResults();
    void nonsenseQueryShowsEmptyState();
    void nonCatalogFileShowsClearError();
    void badFileKeepsOpenCatalog();
    void remembersRecentCatalogsAndGeometry();

private:
    /** A shown window with the demo catalog open and its first results listed. */
    std::unique_ptr<MainWindow> openDemoWindow();
    QString writeBogusFile();

    QTemporaryDir m_dir;
    QString m_demoPath;
    qint64 m_productCount = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
    m_demoPath = m_dir.filePath(QStringLiteral("messy-inc.mesh"));
    CatalogError error;
    auto store = DemoLoader::createDemoCatalog(m_demoPath, &error);
    QVERIFY2(store, qPrintable(error.message));
    m_productCount = store->counts().products;
    QVERIFY(m_productCount > 10);
}

void TestMainWindow::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindow::openDemoWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    QSignalSpy shown(window.get(), &MainWindow::resultsShown);
    window->openCatalog(m_demoPath);
    if (!shown.wait(10000))
        return nullptr;
    return window;
}

QString TestMainWindow::writeBogusFile()
{
    const QString path = m_dir.filePath(QStringLiteral("quarterly-notes.mesh"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("Quarterly notes: remember to ask Finance about the margin numbers.\n");
    return path;
}

void TestMainWindow::opensDemoCatalogAndListsEveryProduct()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    QVERIFY(window->session()->isOpen());
    QVERIFY(window->resultView()->isVisible());
    QVERIFY(!window->centreState()->isVisible());
    QCOMPARE(window->resultModel()->rowCount(), int(m_productCount));
    QVERIFY(window->windowTitle().contains(window->session()->displayName()));

    auto *catalogLabel = window->findChild<QLabel *>(QStringLiteral("catalogLabel"));
    QVERIFY(catalogLabel);
    QVERIFY(catalogLabel->text().contains(window->session()->displayName()));
    auto *count = window->findChild<QLabel *>(QStringLiteral("productCountLabel"));
    QVERIFY(count->text().contains(QString::number(m_productCount)));

    // The navigator lists the demo's domains with counts.
    QTRY_VERIFY(window->facetModel()->valueIndex(FacetKind::Domain, QStringLiteral("Finance"))
                    .isValid());
    QVERIFY(window->facetModel()
                ->valueIndex(FacetKind::Domain, QStringLiteral("Finance"))
                .data(FacetModel::CountRole)
                .toLongLong()
            > 0);

    // The product page starts with a deliberate placeholder.
    auto *placeholder = window->findChild<EmptyStateWidget *>(QStringLiteral("productPlaceholder"));
    QVERIFY(placeholder && placeholder->isVisible());
    QCOMPARE(placeholder->title(), QStringLiteral("Select a product to see its details"));
}

void TestMainWindow::typingFiltersResults()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    QTest::keyClicks(window->searchField(), QStringLiteral("gross margin"));
    QTRY_COMPARE(window->session()->request().text, QStringLiteral("gross margin"));
    QTRY_COMPARE(window->resultModel()->requestId(), window->session()->currentRequestId());
    SearchResultModel *model = window->resultModel();
    QVERIFY(model->rowCount() >= 1);
    QVERIFY(model->rowCount() < m_productCount);
    QCOMPARE(model->index(0).data(SearchResultModel::NameRole).toString(),
             QStringLiteral("Gross Margin"));
    QCOMPARE(model->index(0).data(SearchResultModel::DomainRole).toString(),
             QStringLiteral("Finance"));
    auto *header = window->findChild<QLabel *>(QStringLiteral("resultHeader"));
    QVERIFY(header->text().contains(u"gross margin"));
}

void TestMainWindow::selectingResultShowsProductPage()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    window->setSearchText(QStringLiteral("gross margin"));
    QTRY_COMPARE(window->resultModel()->index(0).data(SearchResultModel::NameRole).toString(),
                 QStringLiteral("Gross Margin"));

    QSignalSpy productShown(window.get(), &MainWindow::productShown);
    QListView *view = window->resultView();
    const QRect rowRect = view->visualRect(window->resultModel()->index(0));
    QVERIFY(rowRect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowRect.center());
    QTRY_COMPARE(productShown.count(), 1);

    ProductPage *page = window->productPage();
    auto *title = page->findChild<QLabel *>(QStringLiteral("productTitle"));
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Gross Margin"));
    QCOMPARE(page->findChild<PillLabel *>(QStringLiteral("productDomain"))->text(),
             QStringLiteral("Finance"));
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("productOwner"))->text().isEmpty());

    // Schema: one group per dataset, a row per column with its type.
    auto *schema = page->findChild<QTreeWidget *>(QStringLiteral("schemaTree"));
    QVERIFY(schema);
    QVERIFY(schema->topLevelItemCount() >= 1);
    int columns = 0;
    for (int i = 0; i < schema->topLevelItemCount(); ++i)
        columns += schema->topLevelItem(i)->childCount();
    QVERIFY(columns >= 1);
    QVERIFY(!schema->topLevelItem(0)->child(0)->text(SchemaTab::NameColumn).isEmpty());
    QVERIFY(!schema->topLevelItem(0)->child(0)->text(SchemaTab::TypeColumn).isEmpty());
    QVERIFY(page->setCurrentPage(QStringLiteral("Schema")));
    QVERIFY(schema->isVisible());

    // Gross margin is computed from revenue and cost of goods sold: lineage lists its inputs.
    auto *upstream = page->findChild<QListWidget *>(QStringLiteral("upstreamList"));
    QVERIFY(upstream);
    QVERIFY(upstream->count() >= 1);
    QVERIFY(upstream->item(0)->flags() & Qt::ItemIsEnabled);

    // Adding a tab is one call, and the new tab is live.
    QVERIFY(page->tabs()->count() >= 4);
}

void TestMainWindow::shortcutsFocusSearchField()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    for (const QKeySequence &shortcut :
         {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)}) {
        window->resultView()->setFocus();
        QTRY_VERIFY(window->resultView()->hasFocus());
        QTest::keySequence(window.get(), shortcut);
        QTRY_VERIFY(window->searchField()->hasFocus());
    }
}

void TestMainWindow::facetFilterNarrowsResults()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    QTRY_VERIFY(window->facetModel()->valueIndex(FacetKind::Domain, QStringLiteral("Finance"))
                    .isValid());
    const quint64 before = window->session()->currentRequestId();
    window->facetModel()->setChecked(FacetKind::Domain, QStringLiteral("Finance"), true);
    QTRY_VERIFY(window->resultModel()->requestId() > before);
    SearchResultModel *model = window->resultModel();
    QVERIFY(model->rowCount() >= 1);
    QVERIFY(model->rowCount() < m_productCount);
    for (int row = 0; row < model->rowCount(); ++row) {
        QTRY_VERIFY(model->index(row).data(SearchResultModel::LoadedRole).toBool());
        QCOMPARE(model->index(row).data(SearchResultModel::DomainRole).toString(),
                 QStringLiteral("Finance"));
    }
    auto *clear = window->findChild<QToolButton *>(QStringLiteral("clearFiltersButton"));
    QVERIFY(clear && clear->isVisible());
    clear->click();
    QTRY_COMPARE(window->resultModel()->rowCount(), int(m_productCount));
}

void TestMainWindow::nonsenseQueryShowsEmptyState()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    window->setSearchText(QStringLiteral("xyzzy plugh"));
    QTRY_VERIFY(window->centreState()->isVisible());
    QCOMPARE(window->resultModel()->rowCount(), 0);
    QVERIFY(!window->resultView()->isVisible());
    QCOMPARE(window->centreState()->title(), QStringLiteral("No products match “xyzzy plugh”"));
    QVERIFY(window->centreState()->body().contains(u"fewer words"));

    // Clearing the text brings every product back.
    window->setSearchText(QString());
    QTRY_VERIFY(window->resultView()->isVisible());
    QCOMPARE(window->resultModel()->rowCount(), int(m_productCount));
}

void TestMainWindow::nonCatalogFileShowsClearError()
{
    const QString bogus = writeBogusFile();
    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::catalogOpenFailed);
    window.openCatalog(bogus);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!window.session()->isOpen());
    EmptyStateWidget *state = window.centreState();
    QVERIFY(state->isVisible());
    // What file, what is wrong, what to do.
    QCOMPARE(state->title(), QStringLiteral("Couldn't open “quarterly-notes.mesh”"));
    QVERIFY(state->body().contains(QDir::toNativeSeparators(bogus)));
    QVERIFY(state->body().contains(failed.at(0).at(1).toString()));
    QVERIFY(state->body().contains(u"demo catalog"));
    QVERIFY(!state->findChildren<QPushButton *>().isEmpty());
}

void TestMainWindow::badFileKeepsOpenCatalog()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    const QString name = window->session()->displayName();
    QSignalSpy failed(window.get(), &MainWindow::catalogOpenFailed);
    window->openCatalog(writeBogusFile());
    QTRY_COMPARE(failed.count(), 1);
    // The demo stays open and listed; the error is told in a non-blocking message box.
    QVERIFY(window->session()->isOpen());
    QCOMPARE(window->session()->displayName(), name);
    QVERIFY(window->resultView()->isVisible());
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("openErrorBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(u"quarterly-notes.mesh"));
    QVERIFY(box->informativeText().contains(name));
    box->close();
}

void TestMainWindow::remembersRecentCatalogsAndGeometry()
{
    {
        auto window = openDemoWindow();
        QVERIFY(window);
        window->resize(1111, 777);
        window->close();
    }
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("catalogs/recent")).toStringList(),
             QStringList{m_demoPath});
    QCOMPARE(settings.value(QStringLiteral("catalogs/last")).toString(), m_demoPath);
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("window/splitter")).toByteArray().isEmpty());

    MainWindow again;
    QCOMPARE(again.size(), QSize(1111, 777));
    auto *recent = again.findChild<QMenu *>(QStringLiteral("recentMenu"));
    QVERIFY(recent);
    QVERIFY(recent->actions().first()->text().contains(u"messy-inc.mesh"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
