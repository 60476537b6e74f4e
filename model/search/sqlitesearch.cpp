// SPDX-License-Identifier: MIT
// Search and facets of SqliteCatalogStore, over the FTS5 index built by catalog/schema.cpp.
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "search/facetindex.h"
#include "search/searchquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace Mesh {

namespace {

// BM25 weights for product_fts columns: name, tags, description, columns, owner, domain, source.
constexpr const char *kBm25 = "bm25(product_fts, 10.0, 5.0, 2.0, 1.0, 2.0, 2.0, 3.0)";
const char *const kFieldNames[] = {"name", "tags", "description", "columns",
                                   "owner", "domain", "source"};

/** SQL text with its positional bindings, grown clause by clause. */
struct Query
{
    QString sql;
    QList<QVariant> binds;

    Query &add(const QString &text)
    {
        sql += text;
        return *this;
    }
    Query &bindValue(const QVariant &v)
    {
        binds.append(v);
        return *this;
    }
    QString placeholders(const QStringList &values)
    {
        QStringList marks;
        for (const QString &v : values) {
            marks.append(QStringLiteral("?"));
            binds.append(v);
        }
        return marks.join(QLatin1Char(','));
    }
    Statement &prepare(Database &db) const
    {
        Statement &st = db.prepare(sql);
        for (int i = 0; i < binds.size(); ++i) {
            const QVariant &v = binds.at(i);
            if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                st.bind(i + 1, v.toLongLong());
            else
                st.bind(i + 1, v.toString());
        }
        return st;
    }
};

/** Filters for every facet kind except `skip` (a facet's own values are ORed, not narrowed). */
void appendFilters(Query &q, const SearchRequest &r, std::optional<FacetKind> skip = {})
{
    for (FacetKind kind : kAllFacetKinds) {
        if (skip && *skip == kind)
            continue;
        QStringList values = r.filters.value(kind);
        if (values.isEmpty())
            continue;
        const bool wantsNone = values.removeAll(QString()) > 0;
        QString clause;
        auto in = [&](const QString &column) -> QString {
            return column + QStringLiteral(" IN (") + q.placeholders(values) + QLatin1Char(')');
        };
        switch (kind) {
        case FacetKind::Domain:
            clause = QStringLiteral("p.domain_id IN (SELECT id FROM domains WHERE ") +
                     in(QStringLiteral("name")) + QLatin1Char(')');
            if (wantsNone)
                clause += QStringLiteral(" OR p.domain_id IS NULL");
            break;
        case FacetKind::Owner:
            clause = in(QStringLiteral("p.owner_id"));
            if (wantsNone)
                clause += QStringLiteral(" OR p.owner_id IS NULL");
            break;
        case FacetKind::Tag:
            clause = QStringLiteral("p.id IN (SELECT product_id FROM product_tags WHERE ") +
                     in(QStringLiteral("tag")) + QLatin1Char(')');
            break;
        case FacetKind::Classification:
            clause = QStringLiteral("p.id IN (SELECT product_id FROM product_classifications "
                                    "WHERE ") +
                     in(QStringLiteral("classification")) + QLatin1Char(')');
            if (wantsNone)
                clause += QStringLiteral(" OR p.id NOT IN (SELECT product_id FROM "
                                         "product_classifications)");
            break;
        case FacetKind::SourceSystem:
            clause = in(QStringLiteral("p.source_system"));
            break;
        case FacetKind::Status:
            clause = in(QStringLiteral("p.status"));
            break;
        }
        q.add(QStringLiteral(" AND (") + clause + QLatin1Char(')'));
    }
}

/** The set of products a request matches, as a FROM clause over `p` plus the WHERE opening. */
void appendMatchSet(Query &q, const SearchQuery &query)
{
    // No words, or a lone letter (a name-prefix range added by appendMatchWhere): all products.
    if (query.isEmpty() || query.isSingleCharacter()) {
        q.add(QStringLiteral(" FROM products p"));
    } else {
        q.add(QStringLiteral(" FROM (SELECT rowid AS id FROM product_fts WHERE product_fts MATCH ?)"
                             " m JOIN products p ON p.id = m.id"));
        q.bindValue(query.ftsExpression());
    }
}

void appendMatchWhere(Query &q, const SearchQuery &query)
{
    q.add(QStringLiteral(" WHERE 1"));
    if (query.isSingleCharacter()) {
        // One letter: names starting with it, served by the NOCASE name index.
        const QString first = query.terms().first();
        q.add(QStringLiteral(" AND p.name >= ? COLLATE NOCASE AND p.name < ? COLLATE NOCASE"));
        q.bindValue(first);
        q.bindValue(QString(QChar(first.at(0).unicode() + 1)));
    }
}

/** The first paragraph of a Markdown description as one plain line. */
QString plainSummary(const QString &markdown)
{
    static const QRegularExpression markup(QStringLiteral("[*_`#>]+|\\[([^\\]]*)\\]\\([^)]*\\)"));
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        QString t = line.trimmed();
        if (t.isEmpty())
            continue;
        t.replace(markup, QStringLiteral("\\1"));
        t = t.simplified();
        if (t.startsWith(QStringLiteral("- ")))
            t.remove(0, 2);
        if (!t.isEmpty())
            return t.left(240);
    }
    return {};
}

const QString kHitColumns = QStringLiteral(
    "SELECT p.id, p.key, p.name, coalesce(d.name, ''), coalesce(p.owner_id, ''), "
    "coalesce(u.display_name, ''), p.source_system, p.status, substr(p.description, 1, 600)");
const QString kHitJoins = QStringLiteral(" LEFT JOIN domains d ON d.id = p.domain_id "
                                         "LEFT JOIN users u ON u.id = p.owner_id");

SearchHit readHit(const Statement &st)
{
    SearchHit h;
    h.id = st.integer(0);
    h.key = st.text(1);
    h.name = st.text(2);
    h.domain = st.text(3);
    h.ownerId = st.text(4);
    h.ownerName = st.text(5);
    h.sourceSystem = st.text(6);
    h.status = st.text(7);
    h.summary = plainSummary(st.text(8));
    return h;
}

/** Explains each hit: the highest-weighted field that contains a query word, with a snippet. */
void explainHits(Database &db, QList<SearchHit> &hits, const SearchQuery &query)
{
    Statement &doc = db.prepare(QStringLiteral(
        "SELECT name, tags, description, columns, owner, domain, source FROM product_fts "
        "WHERE rowid = ?1"));
    for (SearchHit &h : hits) {
        doc.reset().bind(1, h.id);
        if (!doc.step())
            continue;
        for (int field = 0; field < 7; ++field) {
            const QString text = doc.text(field);
            if (findTerm(text, query.terms(), nullptr) >= 0) {
                h.matchedField = QString::fromLatin1(kFieldNames[field]);
                h.snippet = makeSnippet(text, query.terms(), field == 0 ? 16 : 10);
                break;
            }
        }
    }
    doc.reset();
}

CatalogError searchError(const Database &db, const QString &detail)
{
    return {CatalogError::Code::Io,
            QStringLiteral("Searching “%1” failed: %2").arg(db.path(), detail)};
}

} // namespace

/**
 * Ranked search in two tiers, so that a keystroke costs a bounded amount of work at any catalog
 * size. BM25 has to read every matching row's positions (~0.7 µs a row), so ranking all 90,000
 * matches of "da" in a 100k catalog would take ~60 ms, and counting them ~3–15 ms.
 *  - The matches are counted only up to kRankAll + 1.
 *  - At most kRankAll matches: all are ranked by BM25 over every field; the total is exact.
 *  - More: tier 1 is the first kRankAll products (rowid order) whose *metadata* (name, tags,
 *    owner, domain, source: the small product_meta_fts index) matches, ranked by BM25; tier 2 is
 *    every other match in rowid order. The total is then a lower bound (totalExact = false) and
 *    countMatches() gives the exact figure, which the session fetches after the first page.
 * Either way an exact name match comes first. The order is total and stable, so pages fetched
 * later line up with the first one. Typing a letter more narrows the set until it is ranked whole.
 */
constexpr qint64 kRankAll = 2000;

SearchResult SqliteCatalogStore::search(const SearchRequest &request, CatalogError *error) const
{
    Database &db = database();
    const SearchQuery query(request.text);
    SearchResult result;
    result.browsing = query.isEmpty();
    const qint64 limit = std::max(0, request.limit);
    const qint64 offset = std::max(0, request.offset);
    bool ok = true;
    auto fail = [&](const QString &detail) {
        if (error)
            *error = searchError(db, detail);
        ok = false;
    };
    auto collect = [&](const Query &q, bool ranked) {
        Statement &st = q.prepare(db);
        while (st.step()) {
            SearchHit h = readHit(st);
            if (ranked)
                h.score = st.real(9);
            result.hits.append(h);
        }
        if (!st.lastError().isEmpty())
            fail(st.lastError());
        st.reset();
    };

    if (query.isEmpty() || query.isSingleCharacter()) {
        const std::optional<qint64> total = countMatches(request, error);
        if (!total)
            return {};
        result.total = *total;
        Query page;
        page.add(kHitColumns + QStringLiteral(", 0.0 FROM products p") + kHitJoins);
        appendMatchWhere(page, query);
        appendFilters(page, request);
        page.add(QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?"))
            .bindValue(limit)
            .bindValue(offset);
        collect(page, false);
        if (!ok)
            return {};
        if (query.isSingleCharacter()) {
            for (SearchHit &h : result.hits) {
                h.matchedField = QStringLiteral("name");
                h.snippet = makeSnippet(h.name, query.terms(), 16);
            }
        }
        return result;
    }

    const QString all = query.ftsExpression();
    const QString exactName = query.terms().join(QLatin1Char(' '));
    const bool filtered = std::any_of(request.filters.cbegin(), request.filters.cend(),
                                      [](const QStringList &v) { return !v.isEmpty(); });
    // Rowids of an FTS table's matches, joined with products only when filters need it.
    auto matchIds = [&](Query &q, const QString &table, const QString &expression) {
        q.add(QStringLiteral("SELECT m.rowid AS id FROM ") + table + QStringLiteral(" m"));
        if (filtered)
            q.add(QStringLiteral(" JOIN products p ON p.id = m.rowid"));
        q.add(QStringLiteral(" WHERE ") + table + QStringLiteral(" MATCH ?")).bindValue(expression);
        if (filtered)
            appendFilters(q, request);
    };

    Query capped;
    capped.add(QStringLiteral("SELECT count(*) FROM ("));
    matchIds(capped, QStringLiteral("product_fts"), all);
    capped.add(QStringLiteral(" LIMIT ?)")).bindValue(kRankAll + 1);
    {
        Statement &st = capped.prepare(db);
        if (st.step())
            result.total = st.integer(0);
        else
            fail(st.lastError());
        st.reset();
    }
    if (!ok)
        return {};

    const bool tiered = result.total > kRankAll;
    const QString rankTable = tiered ? QStringLiteral("product_meta_fts")
                                     : QStringLiteral("product_fts");
    const QString bm25 = tiered ? QStringLiteral("bm25(product_meta_fts, 10.0, 5.0, 2.0, 2.0, 3.0)")
                                : QString::fromLatin1(kBm25);
    qint64 tierCount = result.total;
    qint64 cutoff = 0;
    if (tiered) {
        result.totalExact = false;
        Query firsts;
        matchIds(firsts, rankTable, all);
        firsts.add(QStringLiteral(" ORDER BY 1 LIMIT ?")).bindValue(kRankAll);
        Statement &st = firsts.prepare(db);
        tierCount = 0;
        while (st.step()) {
            cutoff = st.integer(0);
            ++tierCount;
        }
        if (!st.lastError().isEmpty())
            fail(st.lastError());
        st.reset();
        if (!ok)
            return {};
    }

    if (offset < tierCount) {
        Query page;
        // Undocumented or unowned products (dark data) have short documents, which BM25 rewards;
        // a catalog should put the products people can trust first, so their score is damped.
        page.add(kHitColumns +
                 QStringLiteral(", f.score * CASE WHEN p.owner_id IS NULL OR p.description = '' "
                                "THEN 0.6 ELSE 1.0 END AS rank FROM (SELECT rowid AS id, ") +
                 bm25 +
                 QStringLiteral(" AS score FROM ") + rankTable + QStringLiteral(" WHERE ") +
                 rankTable + QStringLiteral(" MATCH ?"))
            .bindValue(all);
        if (tiered)
            page.add(QStringLiteral(" AND rowid <= ?")).bindValue(cutoff);
        page.add(QStringLiteral(") f JOIN products p ON p.id = f.id") + kHitJoins +
                 QStringLiteral(" WHERE 1"));
        appendFilters(page, request);
        page.add(QStringLiteral(" ORDER BY lower(p.name) = ? DESC, rank, p.id LIMIT ? OFFSET ?"))
            .bindValue(exactName)
            .bindValue(limit)
            .bindValue(offset);
        collect(page, true);
        if (!ok)
            return {};
    }
    const qint64 wanted = limit - result.hits.size();
    if (tiered && wanted > 0) {
        Query rest;
        rest.add(kHitColumns + QStringLiteral(", 0.0 FROM product_fts m "
                                              "JOIN products p ON p.id = m.rowid") +
                 kHitJoins + QStringLiteral(" WHERE product_fts MATCH ?"))
            .bindValue(all);
        if (tierCount > 0)
            rest.add(QStringLiteral(" AND NOT (m.rowid <= ? AND m.rowid IN (SELECT rowid FROM "
                                    "product_meta_fts WHERE product_meta_fts MATCH ? "
                                    "AND rowid <= ?))"))
                .bindValue(cutoff)
                .bindValue(all)
                .bindValue(cutoff);
        appendFilters(rest, request);
        rest.add(QStringLiteral(" ORDER BY m.rowid LIMIT ? OFFSET ?"))
            .bindValue(wanted)
            .bindValue(std::max<qint64>(0, offset - tierCount));
        collect(rest, false);
        if (!ok)
            return {};
    }
    result.total = std::max<qint64>(result.total, offset + result.hits.size());
    explainHits(db, result.hits, query);
    return result;
}

std::optional<qint64> SqliteCatalogStore::countMatches(const SearchRequest &request,
                                                       CatalogError *error) const
{
    Database &db = database();
    const SearchQuery query(request.text);
    Query count;
    const bool filtered = std::any_of(request.filters.cbegin(), request.filters.cend(),
                                      [](const QStringList &v) { return !v.isEmpty(); });
    if (!query.isEmpty() && !query.isSingleCharacter() && !filtered) {
        // Without filters the FTS table answers alone, ~5× faster than joined with products.
        count.add(QStringLiteral("SELECT count(*) FROM product_fts WHERE product_fts MATCH ?"))
            .bindValue(query.ftsExpression());
    } else {
        count.add(QStringLiteral("SELECT count(*)"));
        appendMatchSet(count, query);
        appendMatchWhere(count, query);
        appendFilters(count, request);
    }
    Statement &st = count.prepare(db);
    std::optional<qint64> n;
    if (st.step())
        n = st.integer(0);
    else if (error)
        *error = searchError(db, st.lastError());
    st.reset();
    return n;
}

FacetCounts SqliteCatalogStore::facets(const SearchRequest &request, int perKind,
                                       CatalogError *error) const
{
    Database &db = database();
    FacetIndex &index = facetIndex();
    QString message;
    if (!index.refresh(db, &message)) {
        if (error)
            *error = searchError(db, message);
        return {};
    }
    const SearchQuery query(request.text);
    if (query.isEmpty())
        return index.count(nullptr, request.filters, perKind);

    // The matching ids, unranked and unfiltered: the index applies the filters itself.
    Query q;
    q.add(QStringLiteral("SELECT p.id"));
    appendMatchSet(q, query);
    appendMatchWhere(q, query);
    Statement &st = q.prepare(db);
    std::vector<qint64> ids;
    while (st.step())
        ids.push_back(st.integer(0));
    if (!st.lastError().isEmpty()) {
        if (error)
            *error = searchError(db, st.lastError());
        st.reset();
        return {};
    }
    st.reset();
    return index.count(&ids, request.filters, perKind);
}

} // namespace Mesh
