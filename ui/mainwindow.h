// SPDX-License-Identifier: MIT
#pragma once

#include "domaincolors.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Mesh {

class CatalogSession;
class CredentialStore;
class EmptyStateWidget;
class FacetModel;
class ProductPage;
class SearchResultModel;
struct ProductDetails;

/**
 * Mesh Explorer's main window: the facet navigator on the left, the virtualized result list in
 * the centre, the product page on the right, the search field in the tool bar. Owns the
 * CatalogSession (and through it the worker thread) and the models that feed the views. Keeps
 * geometry, splitter state and recent catalogs in QSettings. UI thread.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kMaxRecentCatalogs = 8;
    static constexpr int kSearchDelayMs = 60;

    /**
     * teamCredentials: where the team server password is kept (not owned; must outlive the
     * window); nullptr = the OS keychain. Tests pass an InMemoryCredentialStore.
     */
    explicit MainWindow(QWidget *parent = nullptr, CredentialStore *teamCredentials = nullptr);
    ~MainWindow() override;

    /** Opens a catalog file; the views switch over once the worker has opened it. */
    void openCatalog(const QString &path);
    /** Opens the Messy Inc. demo, building it at DemoLoader::defaultDemoPath() on first use. */
    void openDemoCatalog();
    /** Reopens the catalog of the last session, or the demo when there was none. */
    void reopenLastCatalog();

    /** Puts text in the search field and searches at once, without the typing delay. */
    void setSearchText(const QString &text);
    /** Selects a result row, which loads its product page. False if the row is not loaded. */
    bool selectRow(int row);

    CatalogSession *session() const { return m_session; }
    SearchResultModel *resultModel() const { return m_results; }
    FacetModel *facetModel() const { return m_facets; }
    ProductPage *productPage() const { return m_productPage; }
    QLineEdit *searchField() const { return m_searchField; }
    QListView *resultView() const { return m_resultView; }
    EmptyStateWidget *centreState() const { return m_centreState; }

signals:
    void catalogOpened();
    void catalogOpenFailed(const QString &path, const QString &message);
    /** New results (or a deliberate empty state) are on screen. */
    void resultsShown();
    /** The product page shows a freshly loaded product. */
    void productShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createNavigator();
    QWidget *createResultsPane();
    void createStatusBar();

    void runSearch();
    void focusSearch();
    void chooseCatalogFile();
    void showAbout();
    void clearFilters();

    void onOpened(const QString &displayName, qint64 productCount);
    void onOpenFailed(const QString &path, const QString &message);
    void onResultsReset();
    void onFacetsReady();
    void updateFacetVisibility();
    void onSearchFailed(const QString &message);
    void onCurrentResultChanged(const QModelIndex &current);
    void onProductLoaded(const ProductDetails &details);

    void showNoCatalogState();
    void showOpeningState(const QString &path);
    void showOpenErrorState(const QString &path, const QString &message);
    void showNoResultsState();
    void updateResultHeader();
    void updateStatusBar();

    void addRecentCatalog(const QString &path);
    void rebuildRecentMenu();
    void restoreSettings();
    void saveSettings() const;

    CatalogSession *m_session = nullptr;
    SearchResultModel *m_results = nullptr;
    FacetModel *m_facets = nullptr;
    DomainColors m_domainColors;

    QLineEdit *m_searchField = nullptr;
    QTimer m_searchTimer;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_facetView = nullptr;
    QToolButton *m_clearFiltersButton = nullptr;
    QLabel *m_resultHeader = nullptr;
    QStackedWidget *m_centreStack = nullptr;
    QListView *m_resultView = nullptr;
    EmptyStateWidget *m_centreState = nullptr;
    ProductPage *m_productPage = nullptr;
    QLabel *m_catalogLabel = nullptr;
    QLabel *m_productCountLabel = nullptr;
    QLabel *m_resultCountLabel = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_openDemoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_clearFiltersAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_requestedPath; // the catalog being opened, for messages
    bool m_facetsExpanded = false;
    bool m_searchFailed = false;
};

} // namespace Mesh
