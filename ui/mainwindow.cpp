// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "accesscontroller.h"
#include "governancecontroller.h"
#include "demo/demoloader.h"
#include "contractcontroller.h"
#include "desktopcontroller.h"
#include "editcontroller.h"
#include "emptystatewidget.h"
#include "facetdelegate.h"
#include "kpidashboardcontroller.h"
#include "federationcontroller.h"
#include "teamcontroller.h"
#include "lineagecontroller.h"
#include "productpage.h"
#include "previewtab.h"
#include "resultdelegate.h"
#include "session/catalogsession.h"
#include "session/facetmodel.h"
#include "session/searchresultmodel.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mesh {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kRecentKey = QStringLiteral("catalogs/recent");
const QString kLastKey = QStringLiteral("catalogs/last");

QString quoted(const QString &text)
{
    return MainWindow::tr("“%1”").arg(text);
}

} // namespace

MainWindow::MainWindow(QWidget *parent, CredentialStore *teamCredentials) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Mesh Explorer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mesh-explorer.svg")));

    m_session = new CatalogSession(this);
    m_results = new SearchResultModel(m_session, this);
    m_facets = new FacetModel(this);

    createActions();
    createMenus();
    createToolBar();

    m_productPage = new ProductPage(&m_domainColors, this);
    m_productPage->addPage(new PreviewTab(m_session), tr("Pre&view"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(createNavigator());
    m_splitter->addWidget(createResultsPane());
    m_splitter->addWidget(m_productPage);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setSizes({240, 480, 680});
    setCentralWidget(m_splitter);
    createStatusBar();

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });

    connect(m_session, &CatalogSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &CatalogSession::openFailed, this, &MainWindow::onOpenFailed);
    connect(m_session, &CatalogSession::facetsReady, this, [this](quint64, const FacetCounts &f) {
        m_facets->setFacets(f);
        onFacetsReady();
    });
    connect(m_session, &CatalogSession::searchFailed, this,
            [this](quint64, const QString &message) { onSearchFailed(message); });
    connect(m_session, &CatalogSession::productLoaded, this, &MainWindow::onProductLoaded);
    connect(m_session, &CatalogSession::productLoadFailed, m_productPage,
            &ProductPage::showError);
    connect(m_results, &SearchResultModel::resultsReset, this, &MainWindow::onResultsReset);
    connect(m_results, &SearchResultModel::totalChanged, this, [this] {
        updateResultHeader();
        updateStatusBar();
    });
    connect(m_facets, &FacetModel::filtersChanged, this, [this] {
        m_clearFiltersButton->setVisible(m_facets->hasFilters());
        m_clearFiltersAction->setEnabled(m_facets->hasFilters());
        runSearch();
    });
    connect(m_productPage, &ProductPage::productActivated, this, [this](const QString &key) {
        m_session->loadProductByKey(key);
    });

    new DesktopController(this); // View menu, palette, shortcuts, theme, drops; before the others
    new LineageController(this); // the Lineage tab's graph, Lineage windows
    new AccessController(this); // Access menu, inbox badge, the product page's Access tab
    new EditController(this); // Edit and History tabs, undo/redo, Unclaimed Data (after Access)
    new GovernanceController(this); // Governance menu and view, Alerts dock, Quality tab
    new KpiDashboardController(this); // View → KPI Dashboard (Ctrl+D)
    new FederationController(this); // File → Sources…, scheduled syncs
    new ContractController(this); // Edit → Import/Export Contract… (ODCS v3)
    // File → Connect to Team Catalog…, connection indicator, team sync; password in teamCredentials
    new TeamController(this, teamCredentials);
    restoreSettings();
    updateFacetVisibility();
    showNoCatalogState();
    updateStatusBar();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Catalog…"),
                               this);
    m_openAction->setObjectName(QStringLiteral("openCatalogAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a catalog file (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseCatalogFile);

    m_openDemoAction = new QAction(QIcon(QStringLiteral(":/icons/demo.svg")),
                                   tr("Open &Demo Catalog"), this);
    m_openDemoAction->setObjectName(QStringLiteral("openDemoAction"));
    m_openDemoAction->setToolTip(tr("Explore Messy Inc., the demo company"));
    connect(m_openDemoAction, &QAction::triggered, this, &MainWindow::openDemoCatalog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(tr("&Search"), this);
    m_findAction->setObjectName(QStringLiteral("searchAction"));
    m_findAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);
    addAction(m_findAction);

    m_clearFiltersAction = new QAction(tr("&Clear Filters"), this);
    m_clearFiltersAction->setObjectName(QStringLiteral("clearFiltersAction"));
    m_clearFiltersAction->setEnabled(false);
    connect(m_clearFiltersAction, &QAction::triggered, this, &MainWindow::clearFilters);

    m_aboutAction = new QAction(tr("&About Mesh Explorer"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openDemoAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addAction(m_clearFiltersAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_openDemoAction);

    auto *spacer = new QWidget(bar);
    spacer->setFixedWidth(16);
    bar->addWidget(spacer);

    m_searchField = new QLineEdit(bar);
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_searchField->setPlaceholderText(
        tr("Search products, columns, owners and tags  (Ctrl+K)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->addAction(QIcon(QStringLiteral(":/icons/search.svg")),
                             QLineEdit::LeadingPosition);
    m_searchField->setMinimumWidth(320);
    m_searchField->setMaximumWidth(720);
    m_searchField->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_searchField->setMinimumHeight(m_searchField->sizeHint().height() + 6);
    m_searchField->setAccessibleName(tr("Search the catalog"));
    m_searchField->installEventFilter(this);
    bar->addWidget(m_searchField);

    auto *trailing = new QWidget(bar);
    trailing->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(trailing);
}

QWidget *MainWindow::createNavigator()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("navigatorPane"));
    pane->setMinimumWidth(190);

    auto *title = new QLabel(tr("Browse"), pane);
    title->setFont(Theme::sectionFont(font()));
    m_clearFiltersButton = new QToolButton(pane);
    m_clearFiltersButton->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clearFiltersButton->setText(tr("Clear filters"));
    m_clearFiltersButton->setAutoRaise(true);
    m_clearFiltersButton->setVisible(false);
    connect(m_clearFiltersButton, &QToolButton::clicked, this, &MainWindow::clearFilters);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(12, 10, 6, 4);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_clearFiltersButton);

    m_facetView = new QTreeView(pane);
    m_facetView->setObjectName(QStringLiteral("facetView"));
    m_facetView->setModel(m_facets);
    m_facetView->setItemDelegate(new FacetDelegate(&m_domainColors, m_facetView));
    m_facetView->setHeaderHidden(true);
    m_facetView->setFrameShape(QFrame::NoFrame);
    m_facetView->setIndentation(14);
    m_facetView->setUniformRowHeights(false);
    m_facetView->setSelectionMode(QAbstractItemView::NoSelection);
    m_facetView->setFocusPolicy(Qt::TabFocus);
    m_facetView->setExpandsOnDoubleClick(false);
    m_facetView->setAnimated(true);
    m_facetView->setAccessibleName(tr("Filters by domain, owner, tag and more"));
    connect(m_facetView, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(FacetModel::IsKindRole).toBool())
            m_facetView->setExpanded(index, !m_facetView->isExpanded(index));
    });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_facetView, 1);
    return pane;
}

QWidget *MainWindow::createResultsPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("resultsPane"));
    pane->setMinimumWidth(320);

    m_resultHeader = new QLabel(pane);
    m_resultHeader->setObjectName(QStringLiteral("resultHeader"));
    m_resultHeader->setFont(Theme::sectionFont(font()));
    m_resultHeader->setContentsMargins(14, 10, 14, 8);

    m_resultView = new QListView(pane);
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_resultView->setModel(m_results);
    m_resultView->setItemDelegate(new ResultDelegate(&m_domainColors, m_resultView));
    m_resultView->setUniformItemSizes(true); // keeps 100,000 rows cheap to lay out
    m_resultView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->setFrameShape(QFrame::NoFrame);
    m_resultView->setMouseTracking(true);
    m_resultView->viewport()->setAttribute(Qt::WA_Hover);
    m_resultView->setAccessibleName(tr("Search results"));
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentResultChanged);

    m_centreState = new EmptyStateWidget(pane);
    m_centreState->setObjectName(QStringLiteral("centreState"));

    m_centreStack = new QStackedWidget(pane);
    m_centreStack->addWidget(m_resultView);
    m_centreStack->addWidget(m_centreState);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_resultHeader);
    layout->addWidget(m_centreStack, 1);
    return pane;
}

void MainWindow::createStatusBar()
{
    m_catalogLabel = new QLabel(this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogLabel"));
    m_productCountLabel = new QLabel(this);
    m_productCountLabel->setObjectName(QStringLiteral("productCountLabel"));
    m_resultCountLabel = new QLabel(this);
    m_resultCountLabel->setObjectName(QStringLiteral("resultCountLabel"));
    for (QLabel *label : {m_catalogLabel, m_productCountLabel, m_resultCountLabel})
        label->setContentsMargins(8, 0, 8, 0);
    statusBar()->addWidget(m_catalogLabel, 1);
    statusBar()->addPermanentWidget(m_resultCountLabel);
    statusBar()->addPermanentWidget(m_productCountLabel);
}

void MainWindow::openCatalog(const QString &path)
{
    if (path.isEmpty())
        return;
    m_requestedPath = path;
    if (!m_session->isOpen())
        showOpeningState(path);
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_session->open(path);
}

void MainWindow::openDemoCatalog()
{
    const QString path = DemoLoader::defaultDemoPath();
    m_requestedPath = path;
    if (!m_session->isOpen())
        showOpeningState(path);
    statusBar()->showMessage(tr("Opening the Messy Inc. demo catalog…"));
    m_session->openDemo(path);
}

void MainWindow::reopenLastCatalog()
{
    const QString last = QSettings().value(kLastKey).toString();
    if (last.isEmpty() || last == DemoLoader::defaultDemoPath())
        openDemoCatalog();
    else
        openCatalog(last);
}

void MainWindow::setSearchText(const QString &text)
{
    m_searchField->setText(text);
    m_searchTimer.stop();
    runSearch();
}

bool MainWindow::selectRow(int row)
{
    const QModelIndex index = m_results->index(row);
    if (!m_results->productAt(index))
        return false;
    m_resultView->setCurrentIndex(index);
    m_resultView->scrollTo(index);
    return true;
}

void MainWindow::runSearch()
{
    m_searchTimer.stop();
    if (!m_session->isOpen())
        return;
    SearchRequest request;
    request.text = m_searchField->text().trimmed();
    request.filters = m_facets->filters();
    m_session->setRequest(request);
}

void MainWindow::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void MainWindow::chooseCatalogFile()
{
    QString dir = QFileInfo(m_session->path()).absolutePath();
    if (m_session->path().isEmpty())
        dir = QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Open Catalog"), dir);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Mesh catalogs (*.mesh)"), tr("SQLite databases (*.sqlite *.db)"),
                            tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openCatalog);
    dialog->open();
}

void MainWindow::showAbout()
{
    DesktopController::of(this)->showAbout();
}

void MainWindow::clearFilters()
{
    m_facets->clearFilters();
}

void MainWindow::onOpened(const QString &displayName, qint64 productCount)
{
    Q_UNUSED(productCount)
    statusBar()->clearMessage();
    m_domainColors.setDomains(m_session->domains());
    setWindowTitle(tr("%1 — Mesh Explorer").arg(displayName));
    addRecentCatalog(m_session->path());
    QSettings().setValue(kLastKey, m_session->path());
    m_productPage->clear();
    m_facetsExpanded = false;
    {
        const QSignalBlocker blocker(m_facets);
        m_facets->clearFilters();
    }
    m_clearFiltersButton->setVisible(false);
    m_clearFiltersAction->setEnabled(false);
    updateStatusBar();
    emit catalogOpened();
    runSearch();
}

void MainWindow::onOpenFailed(const QString &path, const QString &message)
{
    statusBar()->clearMessage();
    emit catalogOpenFailed(path, message);
    if (!m_session->isOpen()) {
        showOpenErrorState(path, message);
        updateStatusBar();
        emit resultsShown();
        return;
    }
    // Keep the catalog that is open; say what went wrong without blocking.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not open catalog"),
                                tr("Mesh Explorer could not open %1.")
                                    .arg(quoted(QFileInfo(path).fileName())),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("openErrorBox"));
    box->setInformativeText(message + u"\n\n"
                            + tr("%1 is still open.").arg(quoted(m_session->displayName())));
    box->setDetailedText(QDir::toNativeSeparators(path));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onResultsReset()
{
    m_searchFailed = false;
    if (m_results->rowCount() == 0) {
        showNoResultsState();
    } else {
        m_centreStack->setCurrentWidget(m_resultView);
        // Keep the product on the page selected when it is still among the results.
        if (const auto &shown = m_productPage->product()) {
            const QModelIndex index = m_results->indexOf(shown->product.id);
            if (index.isValid()) {
                const QSignalBlocker blocker(m_resultView->selectionModel());
                m_resultView->setCurrentIndex(index);
            }
        }
        m_resultView->scrollToTop();
    }
    updateResultHeader();
    updateStatusBar();
    emit resultsShown();
}

void MainWindow::onFacetsReady()
{
    updateFacetVisibility();
    if (m_facetsExpanded)
        return;
    m_facetsExpanded = true;
    for (FacetKind kind : {FacetKind::Domain, FacetKind::SourceSystem, FacetKind::Status,
                           FacetKind::Classification})
        m_facetView->expand(m_facets->kindIndex(kind));
}

void MainWindow::updateFacetVisibility()
{
    // A facet kind without values (no catalog, or no tags in it) would be a bare heading.
    for (int row = 0; row < m_facets->rowCount(); ++row)
        m_facetView->setRowHidden(row, {}, m_facets->rowCount(m_facets->index(row, 0)) == 0);
}

void MainWindow::onSearchFailed(const QString &message)
{
    m_searchFailed = true;
    m_centreState->setState(QStringLiteral(":/icons/error.svg"), tr("The search failed"),
                            message + u"\n\n" + tr("Try a simpler query without special characters."));
    m_centreStack->setCurrentWidget(m_centreState);
    updateResultHeader();
    emit resultsShown();
}

void MainWindow::onCurrentResultChanged(const QModelIndex &current)
{
    const ProductId id = m_results->productAt(current);
    if (id == 0)
        return;
    if (m_productPage->product() && m_productPage->product()->product.id == id)
        return;
    m_session->loadProduct(id);
}

void MainWindow::onProductLoaded(const ProductDetails &details)
{
    m_productPage->showProduct(details);
    const QModelIndex index = m_results->indexOf(details.product.id);
    if (index.isValid() && index != m_resultView->currentIndex()) {
        const QSignalBlocker blocker(m_resultView->selectionModel());
        m_resultView->setCurrentIndex(index);
        m_resultView->update(index);
    } else if (!index.isValid()) {
        m_resultView->clearSelection();
    }
    emit productShown();
}

void MainWindow::showNoCatalogState()
{
    m_centreState->setState(QStringLiteral(":/icons/no-catalog.svg"), tr("No catalog open"),
                            tr("Open a Mesh catalog file, or explore Messy Inc., a demo company "
                               "whose data sits in HubSpot, Jira, Workday, Gainsight and NetSuite."),
                            {m_openAction, m_openDemoAction});
    m_centreStack->setCurrentWidget(m_centreState);
    m_resultHeader->setText(tr("No catalog"));
}

void MainWindow::showOpeningState(const QString &path)
{
    m_centreState->setState(QStringLiteral(":/icons/no-catalog.svg"), tr("Opening catalog…"),
                            QDir::toNativeSeparators(path));
    m_centreStack->setCurrentWidget(m_centreState);
    m_resultHeader->setText(tr("Opening…"));
}

void MainWindow::showOpenErrorState(const QString &path, const QString &message)
{
    const QString file = QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
    m_centreState->setState(
        QStringLiteral(":/icons/error.svg"), tr("Couldn't open %1").arg(quoted(file)),
        message + u"\n\n" + tr("File: %1").arg(QDir::toNativeSeparators(path)) + u"\n\n"
            + tr("Choose a Mesh catalog file (*.mesh), or open the demo catalog to look around."),
        {m_openAction, m_openDemoAction});
    m_centreStack->setCurrentWidget(m_centreState);
    m_resultHeader->setText(tr("No catalog"));
}

void MainWindow::showNoResultsState()
{
    const QString text = m_session->request().text;
    const int filterCount = [this] {
        int count = 0;
        const auto filters = m_facets->filters();
        for (const QStringList &values : filters)
            count += int(values.size());
        return count;
    }();
    QString title;
    QString hint;
    if (text.isEmpty() && filterCount == 0) {
        title = tr("This catalog has no products yet");
        hint = tr("Import or generate products with meshctl, then reopen the catalog.");
    } else if (text.isEmpty()) {
        title = tr("No products match these filters");
        hint = tr("Uncheck some filters on the left to widen the search.");
    } else {
        title = tr("No products match %1").arg(quoted(text));
        hint = text.contains(u' ')
                   ? tr("Try fewer words, or search for a column name, owner or tag.")
                   : tr("Check the spelling, or search for a column name, owner or tag.");
        if (filterCount > 0)
            hint += u' '
                    + (filterCount == 1
                           ? tr("A filter on the left also narrows the results; clear it to "
                                "search the whole catalog.")
                           : tr("%1 filters on the left also narrow the results; clear them to "
                                "search the whole catalog.")
                                 .arg(filterCount));
    }
    QList<QAction *> actions;
    if (filterCount > 0)
        actions << m_clearFiltersAction;
    m_centreState->setState(QStringLiteral(":/icons/no-results.svg"), title, hint, actions);
    m_centreStack->setCurrentWidget(m_centreState);
}

void MainWindow::updateResultHeader()
{
    if (!m_session->isOpen())
        return;
    const QLocale locale;
    const qint64 total = m_results->total();
    // While a broad query is still being counted, say "2,000+ results" rather than a wrong number.
    const QString count = m_results->isTotalExact() ? locale.toString(total)
                                                    : tr("%1+").arg(locale.toString(total));
    if (m_searchFailed)
        m_resultHeader->setText(tr("Search failed"));
    else if (m_results->isBrowsing() || m_session->request().text.isEmpty())
        m_resultHeader->setText(m_facets->hasFilters()
                                    ? tr("%1 filtered products").arg(locale.toString(total))
                                    : tr("All products · %1").arg(locale.toString(total)));
    else
        m_resultHeader->setText(tr("%1 results for %2").arg(count, quoted(m_session->request().text)));
}

void MainWindow::updateStatusBar()
{
    const QLocale locale;
    if (!m_session->isOpen()) {
        m_catalogLabel->setText(tr("No catalog open"));
        m_productCountLabel->clear();
        m_resultCountLabel->clear();
        return;
    }
    m_catalogLabel->setText(tr("Catalog: %1").arg(m_session->displayName()));
    m_catalogLabel->setToolTip(QDir::toNativeSeparators(m_session->path()));
    m_productCountLabel->setText(
        tr("%1 products").arg(locale.toString(m_session->productCount())));
    m_resultCountLabel->setText(m_results->requestId() == 0
                                    ? QString()
                                    : m_results->isTotalExact()
                                        ? tr("%1 shown").arg(locale.toString(m_results->total()))
                                        : tr("%1+ shown").arg(locale.toString(m_results->total())));
}

void MainWindow::addRecentCatalog(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentCatalogs)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    const QString demoPath = DemoLoader::defaultDemoPath();
    int number = 1;
    for (const QString &path : recent) {
        const QString name = path == demoPath ? tr("Messy Inc. demo") : QFileInfo(path).fileName();
        QAction *action = m_recentMenu->addAction(
            number < 10 ? QStringLiteral("&%1  %2").arg(number).arg(name) : name);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path, demoPath] {
            if (path == demoPath)
                openDemoCatalog();
            else
                openCatalog(path);
        });
        ++number;
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent catalogs"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        QSettings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    rebuildRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_searchTimer.isActive())
                runSearch();
            if (m_results->rowCount() > 0) {
                m_resultView->setFocus(Qt::OtherFocusReason);
                if (!m_resultView->currentIndex().isValid())
                    selectRow(0);
            }
            return true;
        case Qt::Key_Escape:
            if (!m_searchField->text().isEmpty()) {
                m_searchField->clear();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace Mesh
