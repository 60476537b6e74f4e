// SPDX-License-Identifier: MIT
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "lineagecontroller.h"
#include "lineage/openlineageimporter.h"
#include "lineagetab.h"
#include "lineageview.h"
#include "lineagewindow.h"
#include "mainwindow.h"
#include "session/catalogsession.h"

#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Mesh;

class TestLineageWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheLineageOfTheGrossMarginKpi();
    void depthControlsLimitTheGraph();
    void listsTheImpactWithOwnersAndExportsCsv();
    void exportsPngAndSvg();
    void clickingACardOpensItsProduct();
    void tabDrawsAProductsOwnEdges();
    void highlightsTheShortestPathBetweenTwoNodes();
    void ctrlClickOnASecondCardHighlightsThePath();
    void expandingAndCollapsingKeepsThePictureStill();
    void minimapShowsTheWholeGraphAndMovesTheView();
    void importsEventsIntoACatalogOnItsOwnConnection();
    void fileImportRunsInAWorkerAndSummarises();
    void cardsShowAFreshnessBadge();
    void expandingACardListsItsColumns();
    void columnEdgesJoinTwoExpandedCards();

private:
    LineageWindow *openWindow(const QString &focus);
    QString writeEvents();
    QString copyOfDemo(const QString &name);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestLineageWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lineagewindow"));
    m_path = m_dir.filePath(QStringLiteral("demo.mesh"));
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(m_path, &error), qPrintable(error.message));
}

LineageWindow *TestLineageWindow::openWindow(const QString &focus)
{
    auto *window = new LineageWindow(m_path, focus);
    QSignalSpy shown(window, &LineageWindow::graphShown);
    window->show();
    if (!shown.wait(10000))
        return nullptr;
    return window;
}

void TestLineageWindow::showsTheLineageOfTheGrossMarginKpi()
{
    LineageWindow *window = openWindow(QStringLiteral("kpi.gross-margin"));
    QVERIFY(window);
    // The KPI, Gross Margin, Revenue, COGS and what they are built from.
    QCOMPARE(window->view()->graph().nodeCount(), 7);
    QVERIFY(window->windowTitle().contains(QStringLiteral("Gross Margin KPI")));
    QVERIFY(window->view()->find(QStringLiteral("cogs")));
    QVERIFY(!window->view()->find(QStringLiteral("no such product")));
    // The look of the window, for the README (set MESH_SCREENSHOT_DIR to write it).
    if (const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window->resize(1280, 640);
        window->view()->fitToView();
        QTest::qWait(200);
        QVERIFY(window->grab().save(dir + QStringLiteral("/lineage-window.png")));
    }
    window->close();
}

void TestLineageWindow::depthControlsLimitTheGraph()
{
    LineageWindow *window = openWindow(QStringLiteral("finance.gross-margin"));
    QVERIFY(window);
    const qsizetype all = window->view()->graph().nodeCount();
    QSignalSpy shown(window, &LineageWindow::graphShown);
    window->setDepths(0, 1);
    QVERIFY(shown.wait(10000));
    QCOMPARE(window->view()->graph().nodeCount(), 2); // itself and the KPI
    QVERIFY(all > 2);
    window->close();
}

void TestLineageWindow::listsTheImpactWithOwnersAndExportsCsv()
{
    LineageWindow *window = openWindow(QStringLiteral("finance.cogs"));
    QVERIFY(window);
    QTreeWidget *impact = window->impactList();
    QStringList rows;
    for (int i = 0; i < impact->topLevelItemCount(); ++i)
        rows << impact->topLevelItem(i)->text(0) + QStringLiteral(" / ") + impact->topLevelItem(i)->text(1);
    QCOMPARE(rows, (QStringList{QStringLiteral("Gross Margin / Leila Farahani"),
                                QStringLiteral("Gross Margin KPI / Nadia Haddad")}));
    const QString csv = m_dir.filePath(QStringLiteral("impact.csv"));
    QString error;
    QVERIFY2(window->exportImpactCsv(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QByteArray("product_key,product_name,domain,owner,owner_name,hops"));
    QVERIFY(lines.at(1).startsWith("finance.gross-margin,Gross Margin,Finance,leila.farahani,Leila Farahani,1"));
    window->close();
}

void TestLineageWindow::exportsPngAndSvg()
{
    LineageWindow *window = openWindow(QStringLiteral("finance.gross-margin"));
    QVERIFY(window);
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("lineage.png"));
    const QString svg = m_dir.filePath(QStringLiteral("lineage.svg"));
    QVERIFY2(window->view()->exportImage(png, &error), qPrintable(error));
    QVERIFY2(window->view()->exportImage(svg, &error), qPrintable(error));
    QVERIFY(QImage(png).width() > 300);
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("<svg"));
    window->close();
}

void TestLineageWindow::clickingACardOpensItsProduct()
{
    LineageWindow *window = openWindow(QStringLiteral("kpi.gross-margin"));
    QVERIFY(window);
    LineageView *view = window->view();
    QSignalSpy activated(window, &LineageWindow::productActivated);
    // The focus card is centred after fitting; click each card until one answers.
    view->fitToView();
    QTest::qWait(50);
    const QRect area = view->viewport()->rect();
    for (int x = 10; x < area.width() && activated.isEmpty(); x += 20)
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(x, area.height() / 2));
    QVERIFY(!activated.isEmpty());
    QVERIFY(activated.first().first().toString().contains(QLatin1Char('.')));
    window->close();
}

void TestLineageWindow::tabDrawsAProductsOwnEdges()
{
    LineageTab tab;
    ProductDetails details;
    details.product.key = QStringLiteral("a.one");
    details.product.name = QStringLiteral("One");
    details.lineage = {{QStringLiteral("a.zero"), QStringLiteral("a.one"), QStringLiteral("copy"), {}},
                       {QStringLiteral("a.one"), QStringLiteral("a.two"), QStringLiteral("transform"), {}}};
    QSignalSpy finished(tab.graphView(), &LineageView::layoutFinished);
    tab.showProduct(details);
    QVERIFY(finished.wait(5000));
    QCOMPARE(tab.graphView()->graph().nodeCount(), 3);
    QCOMPARE(tab.upstreamList()->count(), 1);
}

void TestLineageWindow::highlightsTheShortestPathBetweenTwoNodes()
{
    LineageWindow *window = openWindow(QStringLiteral("kpi.gross-margin"));
    QVERIFY(window);
    LineageView *view = window->view();
    const QStringList path = view->highlightPath(QStringLiteral("finance.netsuite-customers"),
                                                 QStringLiteral("kpi.gross-margin"));
    QCOMPARE(path, (QStringList{QStringLiteral("finance.netsuite-customers"), QStringLiteral("finance.netsuite-invoices"),
                                QStringLiteral("finance.revenue-by-product-line"),
                                QStringLiteral("finance.gross-margin"), QStringLiteral("kpi.gross-margin")}));
    QCOMPARE(view->highlightedPath(), path);

    // "Path to…" goes from the focused node, against the arrows too.
    QVERIFY(window->showPathTo(QStringLiteral("finance.cogs")));
    QCOMPARE(view->highlightedPath(), (QStringList{QStringLiteral("finance.cogs"), QStringLiteral("finance.gross-margin"),
                                                   QStringLiteral("kpi.gross-margin")}));
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("→")));

    // Two inputs of the same product: no directed path between them.
    QVERIFY(view->highlightPath(QStringLiteral("finance.cogs"), QStringLiteral("finance.revenue-by-product-line")).isEmpty());
    QVERIFY(view->highlightedPath().isEmpty());
    QVERIFY(!window->showPathTo(QStringLiteral("no such node")));

    // The look of the window with a path and the minimap, for the README.
    if (const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window->resize(1280, 640);
        QTest::qWait(50);
        view->fitToView();
        QVERIFY(window->showPathTo(QStringLiteral("finance.netsuite-customers")));
        QTest::qWait(200);
        QVERIFY(window->grab().save(dir + QStringLiteral("/lineage-path.png")));
    }
    window->close();
}

void TestLineageWindow::ctrlClickOnASecondCardHighlightsThePath()
{
    LineageWindow *window = openWindow(QStringLiteral("kpi.gross-margin"));
    QVERIFY(window);
    LineageView *view = window->view();
    view->fitToView();
    QTest::qWait(50);
    const auto at = [view](const char *id) {
        return view->mapFromScene(view->nodePosition(QString::fromLatin1(id)));
    };
    QSignalSpy path(view, &LineageView::pathRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at("finance.cogs"));
    QCOMPARE(view->selectedId(), QStringLiteral("finance.cogs"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, at("kpi.gross-margin"));
    QCOMPARE(path.size(), 1);
    QCOMPARE(path.first().at(2).toStringList().size(), 3);
    QCOMPARE(view->highlightedPath().size(), 3);

    // Two inputs of one product: "no path", and nothing stays highlighted.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at("finance.revenue-by-product-line"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, at("finance.cogs"));
    QCOMPARE(path.size(), 2);
    QVERIFY(path.last().at(2).toStringList().isEmpty());
    QVERIFY(view->highlightedPath().isEmpty());
    QVERIFY2(window->statusBar()->currentMessage().startsWith(QStringLiteral("No path between")),
             qPrintable(window->statusBar()->currentMessage()));
    window->close();
}

void TestLineageWindow::expandingAndCollapsingKeepsThePictureStill()
{
    LineageWindow *window = openWindow(QStringLiteral("finance.gross-margin"));
    QVERIFY(window);
    LineageView *view = window->view();
    QSignalSpy shown(window, &LineageWindow::graphShown);
    window->setDepths(1, 0);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->graph().nodeCount(), 3); // itself, revenue and COGS
    const QString revenue = QStringLiteral("finance.revenue-by-product-line");
    const QPoint before = view->mapFromScene(view->nodePosition(revenue));
    const QPointF cogsBefore = view->nodePosition(QStringLiteral("finance.cogs"));
    const QPointF marginBefore = view->nodePosition(QStringLiteral("finance.gross-margin"));

    window->expandNode(revenue, LineageView::Neighbours::Upstream);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->graph().nodeCount(), 4);
    QVERIFY(view->graph().find(QStringLiteral("finance.netsuite-invoices")) >= 0);
    // The expanded card stays where it was on screen, and the others keep their order.
    QVERIFY((view->mapFromScene(view->nodePosition(revenue)) - before).manhattanLength() <= 2);
    const QPointF cogsAfter = view->nodePosition(QStringLiteral("finance.cogs"));
    const QPointF revenueAfter = view->nodePosition(revenue);
    QCOMPARE(cogsAfter.y() < revenueAfter.y(), cogsBefore.y() < view->mapToScene(before).y());
    QVERIFY(view->nodePosition(QStringLiteral("finance.gross-margin")).x() > revenueAfter.x());
    Q_UNUSED(marginBefore)

    window->expandNode(QStringLiteral("finance.gross-margin"), LineageView::Neighbours::Downstream);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->graph().nodeCount(), 5);

    window->collapseNode(revenue, LineageView::Neighbours::Upstream);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->graph().nodeCount(), 4);
    QCOMPARE(view->graph().find(QStringLiteral("finance.netsuite-invoices")), -1);

    // A double-click shows both sides of a card in one step, and the card stays put.
    const QPoint card = view->mapFromScene(view->nodePosition(revenue));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, card);
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->graph().nodeCount(), 5);
    QVERIFY((view->mapFromScene(view->nodePosition(revenue)) - card).manhattanLength() <= 2);
    window->close();
}

void TestLineageWindow::minimapShowsTheWholeGraphAndMovesTheView()
{
    LineageWindow *window = openWindow(QStringLiteral("kpi.gross-margin"));
    QVERIFY(window);
    LineageView *view = window->view();
    QWidget *minimap = view->minimap();
    QVERIFY(minimap->isVisible());
    QVERIFY(view->viewport()->geometry().contains(minimap->geometry()));
    view->resetTransform();
    view->scale(2.0, 2.0); // zoomed in, so there is somewhere to go
    view->centerOn(view->sceneRect().center());
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QTest::mouseClick(minimap, Qt::LeftButton, {}, QPoint(2, 2));
    const QPointF moved = view->mapToScene(view->viewport()->rect().center());
    QVERIFY2(moved.x() < centre.x() - 50, qPrintable(QStringLiteral("%1 -> %2").arg(centre.x()).arg(moved.x())));
    QVERIFY(moved.y() <= centre.y());
    window->close();
}

/** Two good events (staging → mart, with an unknown facet) and two bad records. */
QString TestLineageWindow::writeEvents()
{
    const QString path = m_dir.filePath(QStringLiteral("events.ndjson"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    const QByteArray good =
        R"({"eventType":"START","eventTime":"2025-03-01T02:00:00Z","producer":"test","run":{"runId":"r1"},)"
        R"("job":{"namespace":"spark","name":"load_orders"},"inputs":[{"namespace":"s3://raw","name":"orders"}],)"
        R"("outputs":[{"namespace":"s3://mart","name":"orders_clean"}]})"
        "\n"
        R"({"eventType":"COMPLETE","eventTime":"2025-03-01T02:05:00.123456789","producer":"test","run":{"runId":"r1",)"
        R"("facets":{"custom":{"x":1}}},"job":{"namespace":"spark","name":"load_orders"},)"
        R"("inputs":[{"namespace":"s3://raw","name":"orders"}],"outputs":[{"namespace":"s3://mart","name":"orders_clean"}]})"
        "\n";
    const QByteArray bad = R"({"eventType":"COMPLETE","run":{"runId":"r2"},"job":{"namespace":"spark","name":"x"}})"
                           "\n"
                           "{not json\n";
    f.write(good + bad);
    return path;
}

QString TestLineageWindow::copyOfDemo(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    return QFile::copy(m_path, path) ? path : QString();
}

void TestLineageWindow::importsEventsIntoACatalogOnItsOwnConnection()
{
    const QString catalog = copyOfDemo(QStringLiteral("import-model.mesh"));
    QVERIFY(!catalog.isEmpty());
    ImportReport report;
    CatalogError error;
    QList<qint64> progress;
    QVERIFY2(OpenLineageImporter::importIntoCatalog(catalog, writeEvents(), &report, &error, nullptr,
                                                    [&progress](qint64 bytes) { progress << bytes; }),
             qPrintable(error.message));
    QCOMPARE(report.imported, 2);
    QCOMPARE(report.rejected, 2);
    QVERIFY(!progress.isEmpty());
    const QString summary = LineageController::importSummary(report);
    QVERIFY2(summary.startsWith(QStringLiteral("Imported 2 of 4 events, 2 rejected")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("record 3 (line 3)")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("record 4 (line 4)")), qPrintable(summary));

    auto store = SqliteCatalogStore::open(catalog, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY(store);
    LineageGraph graph;
    QVERIFY(LineageGraph::load(*store, &graph, &error));
    const int from = graph.find(QStringLiteral("s3://raw/orders"));
    const int to = graph.find(QStringLiteral("s3://mart/orders_clean"));
    QVERIFY(from >= 0 && to >= 0);
    QCOMPARE(graph.shortestPath(from, to), (QList<int>{from, to}));

    // A cancelled import leaves the catalog as it was.
    std::atomic<bool> cancel{true};
    QVERIFY(OpenLineageImporter::importIntoCatalog(catalog, writeEvents(), &report, &error, &cancel));
    QVERIFY(report.cancelled);
}

void TestLineageWindow::fileImportRunsInAWorkerAndSummarises()
{
    const QString catalog = copyOfDemo(QStringLiteral("import-gui.mesh"));
    QVERIFY(!catalog.isEmpty());
    MainWindow window;
    window.show();
    QSignalSpy opened(window.session(), &CatalogSession::opened);
    window.openCatalog(catalog);
    QVERIFY(opened.wait(10000));

    QAction *action = window.findChild<QAction *>(QStringLiteral("importOpenLineageAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QMenu *file = window.menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(action));

    auto *controller = window.findChild<LineageController *>();
    QVERIFY(controller);
    QSignalSpy finished(controller, &LineageController::importFinished);
    controller->importEvents(writeEvents());
    QVERIFY(controller->isImporting()); // the UI thread is free while the worker imports
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(controller->lastImportReport().imported, 2);
    QCOMPARE(controller->lastImportReport().rejected, 2);
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("lineageImportSummary"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("Imported 2 of 4 events, 2 rejected")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("record 4 (line 4)")));
    // The catalog is reopened, so the new lineage is read again.
    QVERIFY(opened.wait(10000));
    box->close();
}


namespace {
// Three products: a (fresh), b (stale) and c (no SLA); a.amount → b.total, a.id → b.id.
LineageGraph freshnessGraph(QList<int> *products)
{
    LineageGraph g;
    const QDateTime now(QDate(2030, 1, 10), QTime(12, 0), Qt::UTC);
    const auto product = [&](const QString &key, int sla, const QDateTime &updated, const QStringList &columns) {
        const int n = g.addNode({key, LineageLevel::Product, key.toUpper(), key, QStringLiteral("Finance"),
                                 {}, {}, {}, {}});
        g.setDetails(key, {sla, updated, columns});
        products->append(n);
        return n;
    };
    const int a = product(QStringLiteral("a"), 24, now.addSecs(-3600), {QStringLiteral("id"), QStringLiteral("amount")});
    const int b = product(QStringLiteral("b"), 24, now.addDays(-30), {QStringLiteral("id")});
    product(QStringLiteral("c"), 0, now.addDays(-300), {});
    g.addLink({a, b, QStringLiteral("transform"), QStringLiteral("job"), {}});
    const auto column = [&](const QString &dataset, const QString &product, const QString &field) {
        return g.addNode({dataset + QLatin1Char('#') + field, LineageLevel::Column, field, product, {}, {}, {},
                          QStringLiteral("s"), dataset});
    };
    g.addLink({column(QStringLiteral("s/a"), QStringLiteral("a"), QStringLiteral("amount")),
               column(QStringLiteral("s/b"), QStringLiteral("b"), QStringLiteral("total")),
               QStringLiteral("aggregate"), QStringLiteral("job"), {}});
    g.addLink({column(QStringLiteral("s/a"), QStringLiteral("a"), QStringLiteral("id")),
               column(QStringLiteral("s/b"), QStringLiteral("b"), QStringLiteral("id")),
               QStringLiteral("copy"), QStringLiteral("job"), {}});
    return g;
}

bool showAndWait(LineageView *view, const LineageGraph &graph)
{
    QSignalSpy done(view, &LineageView::layoutFinished);
    view->showGraph(graph, QStringLiteral("a"));
    return done.wait(10000);
}
} // namespace

void TestLineageWindow::cardsShowAFreshnessBadge()
{
    QList<int> products;
    const LineageGraph full = freshnessGraph(&products);
    LineageView view;
    view.setNow(QDateTime(QDate(2030, 1, 10), QTime(12, 0), Qt::UTC));
    view.resize(800, 600);
    view.show();
    QVERIFY(showAndWait(&view, full.subgraph(products)));
    QCOMPARE(view.freshness(QStringLiteral("a")), LineageView::Freshness::Fresh);
    QCOMPARE(view.freshness(QStringLiteral("b")), LineageView::Freshness::Overdue);
    QCOMPARE(view.freshness(QStringLiteral("c")), LineageView::Freshness::None);
    // Past the SLA but within twice it is stale (amber), not overdue.
    LineageCardDetails details{24, QDateTime(QDate(2030, 1, 9), QTime(0, 0), Qt::UTC), {}};
    QCOMPARE(LineageView::freshnessOf(&details, QDateTime(QDate(2030, 1, 10), QTime(12, 0), Qt::UTC)),
             LineageView::Freshness::Stale);
    QCOMPARE(LineageView::freshnessOf(nullptr, QDateTime::currentDateTimeUtc()), LineageView::Freshness::None);
    // Read from the catalog: the demo products carry their SLA and last update.
    CatalogError error;
    auto store = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(store, qPrintable(error.message));
    LineageGraph graph;
    QVERIFY(LineageGraph::load(*store, &graph, &error));
    bool anySla = false;
    for (const LineageNode &n : graph.nodes())
        if (const LineageCardDetails *d = graph.details(n.id); d && n.level == LineageLevel::Product)
            anySla = anySla || (d->freshnessSlaHours > 0 && d->updatedAt.isValid());
    QVERIFY(anySla);
}

void TestLineageWindow::expandingACardListsItsColumns()
{
    QList<int> products;
    const LineageGraph full = freshnessGraph(&products);
    LineageView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(showAndWait(&view, full.subgraph(products)));
    const QRectF before = view.cardRect(QStringLiteral("a"));
    QVERIFY(!before.isNull());
    QVERIFY(!view.isExpanded(QStringLiteral("a")));
    // The catalog's columns, then the one column lineage adds.
    QCOMPARE(view.columnsOf(QStringLiteral("a")), (QStringList{QStringLiteral("id"), QStringLiteral("amount")}));
    QCOMPARE(view.columnsOf(QStringLiteral("b")), (QStringList{QStringLiteral("id"), QStringLiteral("total")}));
    // A click on the chevron expands the card.
    QSignalSpy done(&view, &LineageView::layoutFinished);
    const QPoint chevron = view.mapFromScene(view.chevronRect(QStringLiteral("a")).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, chevron);
    QVERIFY(done.wait(10000));
    QVERIFY(view.isExpanded(QStringLiteral("a")));
    const QRectF after = view.cardRect(QStringLiteral("a"));
    QCOMPARE(after.width(), before.width());
    QVERIFY2(after.height() >= before.height() + 2 * 18.0, qPrintable(QString::number(after.height())));
    QVERIFY(view.drawnColumnEdges().isEmpty()); // b is still folded
    view.grab(); // paints the expanded card
    view.setExpanded(QStringLiteral("a"), false);
    QVERIFY(done.wait(10000));
    QCOMPARE(view.cardRect(QStringLiteral("a")).height(), before.height());
}

void TestLineageWindow::columnEdgesJoinTwoExpandedCards()
{
    QList<int> products;
    const LineageGraph full = freshnessGraph(&products);
    const LineageGraph shown = full.subgraph(products);
    QCOMPARE(shown.columnEdges().size(), 2);
    LineageView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(showAndWait(&view, shown));
    QSignalSpy done(&view, &LineageView::layoutFinished);
    view.setExpanded(QStringLiteral("a"), true);
    QVERIFY(done.wait(10000));
    view.setExpanded(QStringLiteral("b"), true);
    QVERIFY(done.wait(10000));
    const QList<LineageColumnEdge> edges = view.drawnColumnEdges();
    QCOMPARE(edges.size(), 2);
    bool amountToTotal = false;
    for (const LineageColumnEdge &e : edges)
        amountToTotal = amountToTotal || (e.fromCard == QStringLiteral("a") && e.fromColumn == QStringLiteral("amount") &&
                                          e.toCard == QStringLiteral("b") && e.toColumn == QStringLiteral("total"));
    QVERIFY(amountToTotal);
    view.grab();
    view.setExpanded(QStringLiteral("b"), false);
    QVERIFY(done.wait(10000));
    QVERIFY(view.drawnColumnEdges().isEmpty());
}

QTEST_MAIN(TestLineageWindow)
#include "tst_lineagewindow.moc"
