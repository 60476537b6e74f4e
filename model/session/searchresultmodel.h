// SPDX-License-Identifier: MIT
#pragma once

#include "search/searchtypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

namespace Mesh {

class CatalogSession;

/**
 * The ranked hits of the session's current search as a flat list, for a virtualized view.
 *
 * rowCount() is the total number of matches, so a view scrolls through all of them; rows arrive in
 * pages fetched lazily through the session's worker (a row cache in the manner of DB Browser for
 * SQLite). A row whose page has not arrived yet reports LoadedRole false and empty data, and
 * dataChanged() follows when the page lands. Lives on the UI thread; changed only by the session.
 */
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KeyRole,
        NameRole,
        DomainRole,
        OwnerRole, // display name of the owner, or the owner id when the name is unknown
        SourceSystemRole,
        StatusRole,
        SummaryRole,
        MatchedFieldRole,
        SnippetRole, // text around the match, matches wrapped in kSnippetOpen … kSnippetClose
        ScoreRole,
        LoadedRole, // false while the row's page is still on its way
    };
    Q_ENUM(Role)

    /** How many pages stay cached; the ones farthest from the last one asked for go first. */
    static constexpr int kMaxCachedPages = 64;

    explicit SearchResultModel(CatalogSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** The product shown in a row, or 0 while its page is still loading. */
    ProductId productAt(const QModelIndex &index) const;
    /** The hit in a row, or nullptr while its page is still loading. */
    const SearchHit *hitAt(int row) const;
    /** The row of a product among the rows loaded so far, or an invalid index. */
    QModelIndex indexOf(ProductId id) const;

    /** The total number of matches of the current search. */
    qint64 total() const { return m_total; }
    /** False while total() is a lower bound of a broad query's matches. */
    bool isTotalExact() const { return m_totalExact; }
    /** True when the current search has no text and lists products by name. */
    bool isBrowsing() const { return m_browsing; }
    /** The id of the request whose results the model shows; 0 before the first one. */
    quint64 requestId() const { return m_requestId; }

signals:
    /** The first page of a new search has replaced the rows. */
    void resultsReset();
    /** The exact total arrived and rows were appended (or it confirmed the count). */
    void totalChanged();

private:
    void onResults(quint64 requestId, const SearchResult &firstPage);
    void onPage(quint64 requestId, int offset, const QList<SearchHit> &hits);
    void onPageDropped(quint64 requestId, int offset);
    void onTotal(quint64 requestId, qint64 total);
    void requestPageFor(int row) const;
    void storePage(int page, const QList<SearchHit> &hits);

    QPointer<CatalogSession> m_session;
    int m_pageSize = 200;
    quint64 m_requestId = 0;
    int m_total = 0;
    bool m_totalExact = true;
    bool m_browsing = false;
    QHash<int, QList<SearchHit>> m_pages; // page number → its rows
    mutable QSet<int> m_pendingPages;     // asked for, not arrived yet
    mutable int m_lastAskedPage = 0;
};

} // namespace Mesh
