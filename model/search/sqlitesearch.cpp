// SPDX-License-Identifier: MIT
// Search and facets of SqliteCatalogStore, over the FTS5 index built by catalog/schema.cpp.
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "search/searchquery.h"

#include <QRegularExpression>

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
    if (query.isEmpty()) {
        q.add(QStringLiteral(" FROM products p"));
    } else if (query.isSingleCharacter()) {
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

SearchResult SqliteCatalogStore::search(const SearchRequest &request, CatalogError *error) const
{
    Database &db = database();
    const SearchQuery query(request.text);
    SearchResult result;
    result.browsing = query.isEmpty();
    const bool ranked = !query.isEmpty() && !query.isSingleCharacter();

    Query page;
    page.add(kHitColumns);
    if (ranked)
        page.add(QStringLiteral(", f.score FROM (SELECT rowid AS id, ") +
                 QString::fromLatin1(kBm25) +
                 QStringLiteral(" AS score FROM product_fts WHERE product_fts MATCH ?) f "
                                "JOIN products p ON p.id = f.id"))
            .bindValue(query.ftsExpression());
    else
        page.add(QStringLiteral(", 0.0 FROM products p"));
    page.add(kHitJoins);
    appendMatchWhere(page, query);
    appendFilters(page, request);
    page.add(ranked ? QStringLiteral(" ORDER BY f.score, p.id")
                    : QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id"));
    page.add(QStringLiteral(" LIMIT ? OFFSET ?"))
        .bindValue(qint64(std::max(0, request.limit)))
        .bindValue(qint64(std::max(0, request.offset)));

    Statement &st = page.prepare(db);
    if (!st.isValid()) {
        if (error)
            *error = searchError(db, db.lastError());
        return result;
    }
    while (st.step()) {
        SearchHit h = readHit(st);
        h.score = st.real(9);
        result.hits.append(h);
    }
    if (!st.lastError().isEmpty()) {
        if (error)
            *error = searchError(db, st.lastError());
        return SearchResult{};
    }
    st.reset();

    // The total is only worth a second query when the page did not already tell it.
    if (request.offset == 0 && result.hits.size() < request.limit) {
        result.total = result.hits.size();
    } else {
        Query count;
        count.add(QStringLiteral("SELECT count(*)"));
        appendMatchSet(count, query);
        appendMatchWhere(count, query);
        appendFilters(count, request);
        Statement &cs = count.prepare(db);
        result.total = cs.step() ? cs.integer(0) : result.hits.size();
        cs.reset();
    }

    if (query.isSingleCharacter()) {
        for (SearchHit &h : result.hits) {
            h.matchedField = QStringLiteral("name");
            h.snippet = makeSnippet(h.name, query.terms(), 16);
        }
    } else if (ranked) {
        explainHits(db, result.hits, query);
    }
    return result;
}

FacetCounts SqliteCatalogStore::facets(const SearchRequest &request, int perKind,
                                       CatalogError *error) const
{
    Database &db = database();
    const SearchQuery query(request.text);
    FacetCounts result;
    for (FacetKind kind : kAllFacetKinds) {
        Query q;
        QString value;
        QString label;
        QString join;
        switch (kind) {
        case FacetKind::Domain:
            value = QStringLiteral("coalesce(d.name, '')");
            join = QStringLiteral(" LEFT JOIN domains d ON d.id = p.domain_id");
            break;
        case FacetKind::Owner:
            value = QStringLiteral("coalesce(p.owner_id, '')");
            label = QStringLiteral("coalesce(nullif(u.display_name, ''), p.owner_id, '')");
            join = QStringLiteral(" LEFT JOIN users u ON u.id = p.owner_id");
            break;
        case FacetKind::Tag:
            value = QStringLiteral("t.tag");
            join = QStringLiteral(" JOIN product_tags t ON t.product_id = p.id");
            break;
        case FacetKind::Classification:
            value = QStringLiteral("c.classification");
            join = QStringLiteral(" JOIN product_classifications c ON c.product_id = p.id");
            break;
        case FacetKind::SourceSystem:
            value = QStringLiteral("p.source_system");
            break;
        case FacetKind::Status:
            value = QStringLiteral("p.status");
            break;
        }
        if (label.isEmpty())
            label = value;
        q.add(QStringLiteral("SELECT ") + value + QStringLiteral(", ") + label +
              QStringLiteral(", count(*) AS n"));
        appendMatchSet(q, query);
        q.add(join);
        appendMatchWhere(q, query);
        appendFilters(q, request, kind);
        q.add(QStringLiteral(" GROUP BY 1 ORDER BY n DESC, 2 LIMIT ?"))
            .bindValue(qint64(std::max(1, perKind)));
        Statement &st = q.prepare(db);
        if (!st.isValid()) {
            if (error)
                *error = searchError(db, db.lastError());
            return {};
        }
        QList<FacetCount> counts;
        while (st.step())
            counts.append({st.text(0), st.text(1), st.integer(2)});
        if (!st.lastError().isEmpty()) {
            if (error)
                *error = searchError(db, st.lastError());
            return {};
        }
        st.reset();
        result.insert(kind, counts);
    }
    return result;
}

} // namespace Mesh
