// SPDX-License-Identifier: MIT
#include "session/searchresultmodel.h"

#include "session/catalogsession.h"

#include <limits>

namespace Mesh {

SearchResultModel::SearchResultModel(CatalogSession *session, QObject *parent)
    : QAbstractListModel(parent), m_session(session)
{
    Q_ASSERT(session);
    m_pageSize = session->pageSize();
    connect(session, &CatalogSession::resultsReady, this, &SearchResultModel::onResults);
    connect(session, &CatalogSession::totalReady, this, &SearchResultModel::onTotal);
    connect(session, &CatalogSession::pageReady, this, &SearchResultModel::onPage);
    connect(session, &CatalogSession::pageDropped, this, &SearchResultModel::onPageDropped);
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

const SearchHit *SearchResultModel::hitAt(int row) const
{
    if (row < 0 || row >= m_total)
        return nullptr;
    const auto it = m_pages.constFind(row / m_pageSize);
    if (it == m_pages.cend() || row % m_pageSize >= it->size())
        return nullptr;
    return &it->at(row % m_pageSize);
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit *hit = hitAt(index.row());
    if (!hit) {
        requestPageFor(index.row());
        return role == LoadedRole ? QVariant(false) : QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return hit->name;
    case Qt::ToolTipRole:
    case KeyRole:
        return hit->key;
    case IdRole:
        return hit->id;
    case DomainRole:
        return hit->domain;
    case OwnerRole:
        return hit->ownerName.isEmpty() ? hit->ownerId : hit->ownerName;
    case SourceSystemRole:
        return hit->sourceSystem;
    case StatusRole:
        return hit->status;
    case SummaryRole:
        return hit->summary;
    case MatchedFieldRole:
        return hit->matchedField;
    case SnippetRole:
        return hit->snippet;
    case ScoreRole:
        return hit->score;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "productId");
    names.insert(KeyRole, "key");
    names.insert(NameRole, "name");
    names.insert(DomainRole, "domain");
    names.insert(OwnerRole, "owner");
    names.insert(SourceSystemRole, "sourceSystem");
    names.insert(StatusRole, "status");
    names.insert(SummaryRole, "summary");
    names.insert(MatchedFieldRole, "matchedField");
    names.insert(SnippetRole, "snippet");
    names.insert(ScoreRole, "score");
    names.insert(LoadedRole, "loaded");
    return names;
}

ProductId SearchResultModel::productAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return 0;
    const SearchHit *hit = hitAt(index.row());
    return hit ? hit->id : 0;
}

QModelIndex SearchResultModel::indexOf(ProductId id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).id == id)
                return index(it.key() * m_pageSize + int(i));
        }
    }
    return {};
}

void SearchResultModel::onResults(quint64 requestId, const SearchResult &firstPage)
{
    beginResetModel();
    m_requestId = requestId;
    m_pageSize = m_session ? m_session->pageSize() : m_pageSize;
    m_total = int(qBound(qint64(0), firstPage.total, qint64(std::numeric_limits<int>::max())));
    m_browsing = firstPage.browsing;
    m_totalExact = firstPage.totalExact;
    m_pages.clear();
    m_pendingPages.clear();
    m_lastAskedPage = 0;
    if (!firstPage.hits.isEmpty())
        m_pages.insert(0, firstPage.hits.mid(0, m_pageSize));
    endResetModel();
    emit resultsReset();
}

void SearchResultModel::onPage(quint64 requestId, int offset, const QList<SearchHit> &hits)
{
    if (requestId != m_requestId || offset % m_pageSize != 0)
        return;
    const int page = offset / m_pageSize;
    m_pendingPages.remove(page);
    if (offset >= m_total)
        return;
    storePage(page, hits);
    const int last = qMin(m_total, offset + m_pageSize) - 1;
    emit dataChanged(index(offset), index(last));
}

void SearchResultModel::onTotal(quint64 requestId, qint64 total)
{
    if (requestId != m_requestId)
        return;
    const int exact = int(qBound(qint64(0), total, qint64(std::numeric_limits<int>::max())));
    m_totalExact = true;
    if (exact > m_total) {
        beginInsertRows({}, m_total, exact - 1);
        m_total = exact;
        endInsertRows();
    }
    emit totalChanged();
}

void SearchResultModel::onPageDropped(quint64 requestId, int offset)
{
    if (requestId == m_requestId)
        m_pendingPages.remove(offset / m_pageSize);
}

void SearchResultModel::requestPageFor(int row) const
{
    const int page = row / m_pageSize;
    m_lastAskedPage = page;
    if (m_pendingPages.contains(page) || !m_session || m_session->currentRequestId() != m_requestId)
        return;
    m_pendingPages.insert(page);
    m_session->requestPage(page * m_pageSize);
}

void SearchResultModel::storePage(int page, const QList<SearchHit> &hits)
{
    while (m_pages.size() >= kMaxCachedPages) {
        int farthest = -1;
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (farthest < 0 || qAbs(it.key() - m_lastAskedPage) > qAbs(farthest - m_lastAskedPage))
                farthest = it.key();
        }
        m_pages.remove(farthest);
    }
    m_pages.insert(page, hits.mid(0, m_pageSize));
}

} // namespace Mesh
