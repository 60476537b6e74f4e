// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "catalog/entities.h"
#include "search/searchtypes.h"
#include "team/teamclient.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace Mesh {

class CatalogWorker;
struct SessionShared;

/** Everything the product page shows about one product, loaded in one worker round trip. */
struct ProductDetails
{
    Product product;
    QList<LineageEdge> lineage; // edges into and out of the product
    std::optional<User> owner;
    std::optional<User> steward;

    QStringList upstreamKeys() const;
    QStringList downstreamKeys() const;
};

/** What the worker learnt when it opened a catalog. */
struct CatalogInfo
{
    QString path;
    QString displayName;
    qint64 productCount = 0;
    QList<Domain> domains;
};

/** Counters a test or a status view can read to see the coalescing at work. Thread-safe. */
struct SessionStats
{
    int searchesRun = 0;
    int searchesDropped = 0;
    int pagesRun = 0;
    int pagesDropped = 0;
};

/**
 * One open catalog as the views see it. Lives on the UI thread and owns a worker thread whose
 * QObject holds its own read-only SqliteCatalogStore connection; every store call happens there.
 *
 * The two sides talk through queued signals only. Each search gets a request id; the worker skips
 * any search, page or product load that a newer one has superseded before it starts (an atomic
 * "latest id" shared with the worker), and the session drops late answers, so search-as-you-type
 * never queues up work and a view never sees results of a query the user has typed past.
 */
class CatalogSession : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSize = 200;
    /** Page requests older than this many newer ones are skipped (fast scrolling). */
    static constexpr int kMaxPagesInFlight = 4;

    explicit CatalogSession(QObject *parent = nullptr);
    ~CatalogSession() override;

    /** Opens path read-only in the worker; answers with opened() or openFailed(). */
    void open(const QString &path);
    /** Opens the demo catalog at path, building it there first when the file does not exist. */
    void openDemo(const QString &path);

    bool isOpen() const { return m_info.has_value(); }
    bool isOpening() const { return !m_pendingPath.isEmpty(); }
    QString path() const { return m_info ? m_info->path : QString(); }
    QString displayName() const { return m_info ? m_info->displayName : QString(); }
    qint64 productCount() const { return m_info ? m_info->productCount : 0; }
    QList<Domain> domains() const { return m_info ? m_info->domains : QList<Domain>(); }
    /** The open catalog's team server, when it is a team cache (TeamController sets it): the
     *  preview, the scan and the claims ask and report there. Unset for a local catalog. */
    void setTeamRoute(const TeamRoute &route) { m_teamRoute = route; }
    TeamRoute teamRoute() const { return m_teamRoute; }

    /**
     * Starts a search for request (its offset and limit are ignored: the first page is
     * pageSize() rows) and returns its id. Answers with resultsReady() and facetsReady().
     */
    quint64 setRequest(const SearchRequest &request);
    SearchRequest request() const { return m_request; }
    quint64 currentRequestId() const { return m_requestId; }

    /** Asks for the rows [offset, offset + pageSize()) of the current request: pageReady(). */
    void requestPage(int offset);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    /** Loads a product with its lineage and people: productLoaded() or productLoadFailed(). */
    void loadProduct(ProductId id);
    void loadProductByKey(const QString &key);

    SessionStats stats() const;

signals:
    void opened(const QString &displayName, qint64 productCount);
    void openFailed(const QString &path, const QString &message);
    /** The first page of the current request, and how many products match in all. */
    void resultsReady(quint64 requestId, const Mesh::SearchResult &firstPage);
    void pageReady(quint64 requestId, int offset, const QList<Mesh::SearchHit> &hits);
    /** A page request was skipped because newer pages were asked for; ask again if needed. */
    void pageDropped(quint64 requestId, int offset);
    void facetsReady(quint64 requestId, const Mesh::FacetCounts &facets);
    /** The exact match count, after a first page whose total was only a lower bound. */
    void totalReady(quint64 requestId, qint64 total);
    void searchFailed(quint64 requestId, const QString &message);
    void productLoaded(const Mesh::ProductDetails &details);
    void productLoadFailed(const QString &message);

    // To the worker (queued); not for views.
    void workerOpen(quint64 epoch, const QString &path, bool createDemo);
    void workerSearch(quint64 requestId, const Mesh::SearchRequest &request);
    void workerPage(quint64 requestId, quint64 pageSeq, const Mesh::SearchRequest &request);
    void workerProduct(quint64 loadId, Mesh::ProductId id, const QString &key);

private:
    TeamRoute m_teamRoute;
    void startOpen(const QString &path, bool createDemo);
    void onWorkerOpened(quint64 epoch, const Mesh::CatalogInfo &info);
    void onWorkerOpenFailed(quint64 epoch, const QString &path, const QString &message);
    void onWorkerResults(quint64 requestId, const Mesh::SearchResult &result);
    void onWorkerPage(quint64 requestId, int offset, const QList<Mesh::SearchHit> &hits);
    void onWorkerPageDropped(quint64 requestId, int offset);
    void onWorkerFacets(quint64 requestId, const Mesh::FacetCounts &facets);
    void onWorkerSearchFailed(quint64 requestId, const QString &message);
    void onWorkerProduct(quint64 loadId, const Mesh::ProductDetails &details);
    void onWorkerProductFailed(quint64 loadId, const QString &message);

    std::shared_ptr<SessionShared> m_shared;
    QThread m_thread;
    CatalogWorker *m_worker = nullptr;
    std::optional<CatalogInfo> m_info;
    QString m_pendingPath;
    quint64 m_openEpoch = 0;
    SearchRequest m_request;
    quint64 m_requestId = 0;
    quint64 m_pageSeq = 0;
    quint64 m_productLoadId = 0;
    int m_pageSize = kDefaultPageSize;
};

} // namespace Mesh
