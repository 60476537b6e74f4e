// SPDX-License-Identifier: MIT
#include "session/catalogsession.h"

#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"

#include <QDir>
#include <QFileInfo>

namespace Mesh {

QStringList ProductDetails::upstreamKeys() const
{
    QStringList keys;
    for (const LineageEdge &edge : lineage) {
        if (edge.toKey == product.key && !keys.contains(edge.fromKey))
            keys << edge.fromKey;
    }
    return keys;
}

QStringList ProductDetails::downstreamKeys() const
{
    QStringList keys;
    for (const LineageEdge &edge : lineage) {
        if (edge.fromKey == product.key && !keys.contains(edge.toKey))
            keys << edge.toKey;
    }
    return keys;
}

/** The ids both threads look at: the UI thread writes them, the worker reads them. */
struct SessionShared
{
    std::atomic<quint64> latestSearch{0};
    std::atomic<quint64> latestPage{0};
    std::atomic<quint64> latestProduct{0};
    std::atomic<int> searchesRun{0};
    std::atomic<int> searchesDropped{0};
    std::atomic<int> pagesRun{0};
    std::atomic<int> pagesDropped{0};
};

/**
 * The session's other half: lives on the session's worker thread and owns the store connection.
 * Receives work through queued signals and answers the same way.
 */
class CatalogWorker : public QObject
{
    Q_OBJECT

public:
    explicit CatalogWorker(std::shared_ptr<SessionShared> shared) : m_shared(std::move(shared)) {}

    void open(quint64 epoch, const QString &path, bool createDemo);
    void search(quint64 requestId, const Mesh::SearchRequest &request);
    void page(quint64 requestId, quint64 pageSeq, const Mesh::SearchRequest &request);
    void product(quint64 loadId, Mesh::ProductId id, const QString &key);

signals:
    void opened(quint64 epoch, const Mesh::CatalogInfo &info);
    void openFailed(quint64 epoch, const QString &path, const QString &message);
    void resultsReady(quint64 requestId, const Mesh::SearchResult &result);
    void pageReady(quint64 requestId, int offset, const QList<Mesh::SearchHit> &hits);
    void pageDropped(quint64 requestId, int offset);
    void facetsReady(quint64 requestId, const Mesh::FacetCounts &facets);
    void totalReady(quint64 requestId, qint64 total);
    void searchFailed(quint64 requestId, const QString &message);
    void productLoaded(quint64 loadId, const Mesh::ProductDetails &details);
    void productFailed(quint64 loadId, const QString &message);

private:
    bool isStaleSearch(quint64 requestId) const { return requestId != m_shared->latestSearch; }

    std::shared_ptr<SessionShared> m_shared;
    std::unique_ptr<SqliteCatalogStore> m_store;
};

void CatalogWorker::open(quint64 epoch, const QString &path, bool createDemo)
{
    CatalogError error;
    if (createDemo && !QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!DemoLoader::createDemoCatalog(path, &error)) {
            emit openFailed(epoch, path,
                            error.message.isEmpty() ? tr("The demo catalog could not be created.")
                                                    : error.message);
            return;
        }
    }
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store && error.code == CatalogError::Code::ReadOnly && QFileInfo(path).isWritable()) {
        // A catalog written by an older version (say the demo from the last release) is
        // upgraded once, as meshctl does, and then read as usual; the upgrade is one
        // transaction per migration, so a failure leaves the file as it was.
        if (SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error))
            store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    }
    if (!store) {
        emit openFailed(epoch, path,
                        error.message.isEmpty() ? tr("The file could not be opened.")
                                                : error.message);
        return;
    }
    CatalogInfo info;
    info.path = path;
    info.displayName = store->displayName();
    info.productCount = store->counts().products;
    info.domains = store->domains();
    m_store = std::move(store);
    emit opened(epoch, info);
}

void CatalogWorker::search(quint64 requestId, const SearchRequest &request)
{
    if (isStaleSearch(requestId)) {
        ++m_shared->searchesDropped;
        return;
    }
    if (!m_store) {
        emit searchFailed(requestId, tr("No catalog is open."));
        return;
    }
    ++m_shared->searchesRun;
    CatalogError error;
    const SearchResult result = m_store->search(request, &error);
    if (error) {
        emit searchFailed(requestId, error.message);
        return;
    }
    emit resultsReady(requestId, result);

    // A broad query's first page comes with a lower-bound total; the exact count and the
    // facets cost more queries: skip them when the user has typed on meanwhile.
    if (!result.totalExact) {
        if (isStaleSearch(requestId))
            return;
        if (const auto total = m_store->countMatches(request, &error))
            emit totalReady(requestId, *total);
    }
    if (isStaleSearch(requestId))
        return;
    const FacetCounts facets = m_store->facets(request, 20, &error);
    if (!error)
        emit facetsReady(requestId, facets);
}

void CatalogWorker::page(quint64 requestId, quint64 pageSeq, const SearchRequest &request)
{
    if (isStaleSearch(requestId)
        || pageSeq + CatalogSession::kMaxPagesInFlight <= m_shared->latestPage) {
        ++m_shared->pagesDropped;
        emit pageDropped(requestId, request.offset);
        return;
    }
    if (!m_store)
        return;
    ++m_shared->pagesRun;
    CatalogError error;
    const SearchResult result = m_store->search(request, &error);
    if (error) {
        emit pageDropped(requestId, request.offset);
        return;
    }
    emit pageReady(requestId, request.offset, result.hits);
}

void CatalogWorker::product(quint64 loadId, ProductId id, const QString &key)
{
    if (loadId != m_shared->latestProduct)
        return;
    if (!m_store) {
        emit productFailed(loadId, tr("No catalog is open."));
        return;
    }
    std::optional<Product> product = key.isEmpty() ? m_store->product(id)
                                                   : m_store->productByKey(key);
    if (!product) {
        emit productFailed(loadId, key.isEmpty()
                                       ? tr("The product is no longer in the catalog.")
                                       : tr("There is no product “%1” in this catalog.").arg(key));
        return;
    }
    ProductDetails details;
    details.lineage = m_store->lineageOf(product->key);
    if (!product->ownerId.isEmpty())
        details.owner = m_store->user(product->ownerId);
    if (!product->stewardId.isEmpty())
        details.steward = m_store->user(product->stewardId);
    details.product = std::move(*product);
    emit productLoaded(loadId, details);
}

CatalogSession::CatalogSession(QObject *parent)
    : QObject(parent), m_shared(std::make_shared<SessionShared>())
{
    m_thread.setObjectName(QStringLiteral("CatalogSession worker"));
    m_worker = new CatalogWorker(m_shared);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(this, &CatalogSession::workerOpen, m_worker, &CatalogWorker::open);
    connect(this, &CatalogSession::workerSearch, m_worker, &CatalogWorker::search);
    connect(this, &CatalogSession::workerPage, m_worker, &CatalogWorker::page);
    connect(this, &CatalogSession::workerProduct, m_worker, &CatalogWorker::product);

    connect(m_worker, &CatalogWorker::opened, this, &CatalogSession::onWorkerOpened);
    connect(m_worker, &CatalogWorker::openFailed, this, &CatalogSession::onWorkerOpenFailed);
    connect(m_worker, &CatalogWorker::resultsReady, this, &CatalogSession::onWorkerResults);
    connect(m_worker, &CatalogWorker::pageReady, this, &CatalogSession::onWorkerPage);
    connect(m_worker, &CatalogWorker::pageDropped, this, &CatalogSession::onWorkerPageDropped);
    connect(m_worker, &CatalogWorker::facetsReady, this, &CatalogSession::onWorkerFacets);
    connect(m_worker, &CatalogWorker::totalReady, this, [this](quint64 requestId, qint64 total) {
        if (requestId == m_requestId)
            emit totalReady(requestId, total);
    });
    connect(m_worker, &CatalogWorker::searchFailed, this, &CatalogSession::onWorkerSearchFailed);
    connect(m_worker, &CatalogWorker::productLoaded, this, &CatalogSession::onWorkerProduct);
    connect(m_worker, &CatalogWorker::productFailed, this,
            &CatalogSession::onWorkerProductFailed);

    m_thread.start();
}

CatalogSession::~CatalogSession()
{
    // Nothing newer will be asked: let the worker skip whatever is still queued.
    m_shared->latestSearch = ~quint64(0);
    m_shared->latestProduct = ~quint64(0);
    m_thread.quit();
    m_thread.wait();
}

void CatalogSession::open(const QString &path)
{
    startOpen(path, false);
}

void CatalogSession::openDemo(const QString &path)
{
    startOpen(path, true);
}

void CatalogSession::startOpen(const QString &path, bool createDemo)
{
    m_pendingPath = path;
    emit workerOpen(++m_openEpoch, path, createDemo);
}

quint64 CatalogSession::setRequest(const SearchRequest &request)
{
    m_request = request;
    m_request.offset = 0;
    m_request.limit = m_pageSize;
    m_requestId = m_shared->latestSearch.load() + 1;
    m_shared->latestSearch = m_requestId;
    emit workerSearch(m_requestId, m_request);
    return m_requestId;
}

void CatalogSession::requestPage(int offset)
{
    if (m_requestId == 0)
        return;
    SearchRequest page = m_request;
    page.offset = qMax(0, offset);
    page.limit = m_pageSize;
    m_shared->latestPage = ++m_pageSeq;
    emit workerPage(m_requestId, m_pageSeq, page);
}

void CatalogSession::loadProduct(ProductId id)
{
    m_shared->latestProduct = ++m_productLoadId;
    emit workerProduct(m_productLoadId, id, QString());
}

void CatalogSession::loadProductByKey(const QString &key)
{
    m_shared->latestProduct = ++m_productLoadId;
    emit workerProduct(m_productLoadId, 0, key);
}

SessionStats CatalogSession::stats() const
{
    return {m_shared->searchesRun, m_shared->searchesDropped, m_shared->pagesRun,
            m_shared->pagesDropped};
}

void CatalogSession::onWorkerOpened(quint64 epoch, const CatalogInfo &info)
{
    if (epoch != m_openEpoch)
        return;
    m_pendingPath.clear();
    m_info = info;
    emit opened(info.displayName, info.productCount);
}

void CatalogSession::onWorkerOpenFailed(quint64 epoch, const QString &path, const QString &message)
{
    if (epoch != m_openEpoch)
        return;
    m_pendingPath.clear();
    emit openFailed(path, message);
}

void CatalogSession::onWorkerResults(quint64 requestId, const SearchResult &result)
{
    if (requestId == m_requestId)
        emit resultsReady(requestId, result);
}

void CatalogSession::onWorkerPage(quint64 requestId, int offset, const QList<SearchHit> &hits)
{
    if (requestId == m_requestId)
        emit pageReady(requestId, offset, hits);
}

void CatalogSession::onWorkerPageDropped(quint64 requestId, int offset)
{
    if (requestId == m_requestId)
        emit pageDropped(requestId, offset);
}

void CatalogSession::onWorkerFacets(quint64 requestId, const FacetCounts &facets)
{
    if (requestId == m_requestId)
        emit facetsReady(requestId, facets);
}

void CatalogSession::onWorkerSearchFailed(quint64 requestId, const QString &message)
{
    if (requestId == m_requestId)
        emit searchFailed(requestId, message);
}

void CatalogSession::onWorkerProduct(quint64 loadId, const ProductDetails &details)
{
    if (loadId == m_productLoadId)
        emit productLoaded(details);
}

void CatalogSession::onWorkerProductFailed(quint64 loadId, const QString &message)
{
    if (loadId == m_productLoadId)
        emit productLoadFailed(message);
}

} // namespace Mesh

#include "catalogsession.moc"
