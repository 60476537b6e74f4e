// SPDX-License-Identifier: MIT
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"
#include "generator/generator.h"
#include "search/searchquery.h"
#include "search/searchtypes.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;
using Code = CatalogError::Code;

namespace {

constexpr int kGeneratedProducts = 3000;

QStringList keysOf(const QList<SearchHit> &hits)
{
    QStringList keys;
    for (const SearchHit &h : hits)
        keys.append(h.key);
    return keys;
}

QSet<qint64> idsOf(const QList<SearchHit> &hits)
{
    QSet<qint64> ids;
    for (const SearchHit &h : hits)
        ids.insert(h.id);
    return ids;
}

/** Rowids a SELECT of one integer column returns. */
QSet<qint64> idSet(Database &db, const QString &sql, const QString &bind = {})
{
    QSet<qint64> ids;
    Statement st = db.prepareOnce(sql);
    if (!bind.isNull())
        st.bind(1, bind);
    while (st.step())
        ids.insert(st.integer(0));
    if (!st.lastError().isEmpty())
        qWarning("%s: %s", qPrintable(sql), qPrintable(st.lastError()));
    return ids;
}

qint64 sumOf(const QList<FacetCount> &counts)
{
    qint64 sum = 0;
    for (const FacetCount &c : counts)
        sum += c.count;
    return sum;
}

bool hasMarkedWord(const QString &snippet)
{
    const qsizetype open = snippet.indexOf(kSnippetOpen);
    return open >= 0 && snippet.indexOf(kSnippetClose, open + 1) > open + 1;
}

} // namespace

/** Search, facets and paging of SqliteCatalogStore on the Messy Inc. demo and a generated mesh. */
class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void grossMarginRanksFinanceProductFirst();
    void prefixFindsEveryHubSpotProduct();
    void hostileInputReturnsWithoutErrorAndChangesNothing_data();
    void hostileInputReturnsWithoutErrorAndChangesNothing();
    void facetCountsAddUpToTotal_data();
    void facetCountsAddUpToTotal();
    void domainFilterNarrowsToThatDomain_data();
    void domainFilterNarrowsToThatDomain();
    void hitsExplainWhichFieldMatched_data();
    void hitsExplainWhichFieldMatched();
    void columnOnlyWordMatchesInColumns();
    void emptyQueryBrowsesEverythingByName();
    void documentedProductOutranksDarkDataOfSameName();
    void facetCountsEqualDirectSqlCounts_data();
    void facetCountsEqualDirectSqlCounts();
    void facetsFollowWritesToTheCatalog();
    void pagesAreDisjointAndCoverAllHits_data();
    void pagesAreDisjointAndCoverAllHits();

    void broadQueryOnLargeCatalogPagesThroughEveryMatch_data();
    void broadQueryOnLargeCatalogPagesThroughEveryMatch();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_demo;
    std::unique_ptr<SqliteCatalogStore> m_generated;
    QJsonArray m_demoProducts; // from the descriptor: the truth the catalog is checked against
};

void TestSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    CatalogError error;
    m_demo = DemoLoader::createDemoCatalog(m_dir.filePath(u"demo.mesh"_s), &error);
    QVERIFY2(m_demo, qPrintable(error.message));
    m_demoProducts = MeshTest::demoDescriptor().value(u"products"_s).toArray();
    QVERIFY(m_demoProducts.size() > 20);
    QCOMPARE(m_demo->counts().products, m_demoProducts.size());

    GeneratorOptions options;
    options.products = kGeneratedProducts;
    options.seed = 1;
    const QString generated = m_dir.filePath(u"generated.mesh"_s);
    QVERIFY2(Generator(options).writeCatalog(generated, {}, &error), qPrintable(error.message));
    m_generated =
        SqliteCatalogStore::open(generated, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(m_generated, qPrintable(error.message));
}

void TestSearch::grossMarginRanksFinanceProductFirst()
{
    SearchRequest request;
    request.text = u"gross margin"_s;
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    QVERIFY(!result.browsing);
    QVERIFY(!result.hits.isEmpty());
    QCOMPARE(result.hits.first().key, u"finance.gross-margin"_s);
    QCOMPARE(result.hits.first().domain, u"Finance"_s);
    QVERIFY(keysOf(result.hits).contains(u"kpi.gross-margin"_s));
}

void TestSearch::prefixFindsEveryHubSpotProduct()
{
    QSet<QString> expected;
    for (const QJsonValue &v : std::as_const(m_demoProducts)) {
        const QJsonObject p = v.toObject();
        if (p.value(u"sourceSystem"_s).toString().contains(u"HubSpot"_s, Qt::CaseInsensitive))
            expected.insert(p.value(u"key"_s).toString());
    }
    QVERIFY(expected.size() >= 3);

    SearchRequest request;
    request.text = u"hubsp"_s;
    request.limit = 1000;
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    const QStringList keys = keysOf(result.hits);
    for (const QString &key : expected)
        QVERIFY2(keys.contains(key), qPrintable(key));
    for (const SearchHit &h : result.hits) {
        if (h.sourceSystem.contains(u"HubSpot"_s))
            QVERIFY2(expected.contains(h.key), qPrintable(h.key));
        QVERIFY2(!h.matchedField.isEmpty(), qPrintable(h.key));
    }
    QCOMPARE(result.total, result.hits.size());
}

void TestSearch::hostileInputReturnsWithoutErrorAndChangesNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("lone quote") << u"\""_s;
    QTest::newRow("unbalanced quote") << u"\"unbalanced"_s;
    QTest::newRow("AND") << u"AND"_s;
    QTest::newRow("OR NOT") << u"OR NOT"_s;
    QTest::newRow("NEAR(") << u"NEAR("_s;
    QTest::newRow("NEAR group") << u"NEAR(gross margin, 2)"_s;
    QTest::newRow("star") << u"*"_s;
    QTest::newRow("caret") << u"^"_s;
    QTest::newRow("parentheses") << u"((("_s;
    QTest::newRow("closing parenthesis") << u")"_s;
    QTest::newRow("column filter") << u"a:b"_s;
    QTest::newRow("column filter on real column") << u"name:gross"_s;
    QTest::newRow("minus") << u"-x"_s;
    QTest::newRow("emoji") << u"📈 revenue"_s;
    QString paste;
    for (int i = 0; paste.size() < 10'000; ++i)
        paste += u"revenue \"margin\" AND (deals OR NOT x*) ^churn: "_s + QString::number(i);
    QTest::newRow("10,000-character paste") << paste;
    QTest::newRow("NUL char") << (u"gross"_s + QChar(0) + u"margin"_s);
    QTest::newRow("lone NUL") << QString(QChar(0));
    QTest::newRow("RTL text") << u"\u202Eمبيعات الربع\u202C"_s;
    QTest::newRow("SQL injection") << u"'; DROP TABLE products; --"_s;
    QTest::newRow("LIKE wildcards") << u"%_%"_s;
    QTest::newRow("lone surrogate") << QString(QChar(0xD83D));
}

void TestSearch::hostileInputReturnsWithoutErrorAndChangesNothing()
{
    QFETCH(QString, text);
    SearchRequest request;
    request.text = text;
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QVERIFY2(error.code == Code::None, qPrintable(error.message));
    QVERIFY(result.total >= result.hits.size());
    m_demo->facets(request, 12, &error);
    QVERIFY2(error.code == Code::None, qPrintable(error.message));
    const std::optional<qint64> count = m_demo->countMatches(request, &error);
    QVERIFY2(count && error.code == Code::None, qPrintable(error.message));
    QVERIFY(*count >= result.total);
    // With a filter too, which takes another path through the SQL.
    request.filters.insert(FacetKind::Domain, {u"Finance"_s});
    m_demo->search(request, &error);
    QVERIFY2(error.code == Code::None, qPrintable(error.message));

    QCOMPARE(m_demo->counts().products, m_demoProducts.size());
    QVERIFY(m_demo->productByKey(u"finance.gross-margin"_s));
    SearchRequest all;
    all.limit = 1;
    QCOMPARE(m_demo->search(all).total, m_demoProducts.size());
}

void TestSearch::facetCountsAddUpToTotal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("domainFilter"); // empty: none
    QTest::newRow("empty query") << QString() << QString();
    QTest::newRow("customer") << u"customer"_s << QString();
    QTest::newRow("hubspot") << u"hubspot"_s << QString();
    QTest::newRow("revenue") << u"revenue"_s << QString();
    QTest::newRow("single letter") << u"s"_s << QString();
    QTest::newRow("empty query in Finance") << QString() << u"Finance"_s;
    QTest::newRow("customer in Customer Success") << u"customer"_s << u"Customer Success"_s;
}

void TestSearch::facetCountsAddUpToTotal()
{
    QFETCH(QString, text);
    QFETCH(QString, domainFilter);
    SearchRequest request;
    request.text = text;
    request.limit = 1000;
    if (!domainFilter.isEmpty())
        request.filters.insert(FacetKind::Domain, {domainFilter});
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    QVERIFY(result.totalExact);
    QCOMPARE(result.total, result.hits.size());
    QVERIFY(result.total > 0);

    const FacetCounts facets = m_demo->facets(request, 100, &error);
    QCOMPARE(error.code, Code::None);
    // Each product has exactly one of these, including an empty bucket for "none".
    for (FacetKind kind :
         {FacetKind::Domain, FacetKind::Owner, FacetKind::SourceSystem, FacetKind::Status}) {
        if (kind == FacetKind::Domain && !domainFilter.isEmpty())
            continue; // a facet ignores its own filter, so the domain facet counts more
        QCOMPARE(sumOf(facets.value(kind)), result.total);
        for (const FacetCount &c : facets.value(kind))
            QVERIFY(c.count > 0);
    }
    // And per value the count is the number of hits with that value.
    for (const FacetCount &c : facets.value(FacetKind::Status)) {
        const auto n = std::count_if(result.hits.cbegin(), result.hits.cend(),
                                     [&](const SearchHit &h) { return h.status == c.value; });
        QCOMPARE(c.count, qint64(n));
    }
    if (domainFilter.isEmpty()) {
        for (const FacetCount &c : facets.value(FacetKind::Domain)) {
            const auto n = std::count_if(result.hits.cbegin(), result.hits.cend(),
                                         [&](const SearchHit &h) { return h.domain == c.value; });
            QCOMPARE(c.count, qint64(n));
        }
    }
}

void TestSearch::domainFilterNarrowsToThatDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<qint64>("products");
    QHash<QString, qint64> counts;
    for (const QJsonValue &v : MeshTest::demoDescriptor().value(u"products"_s).toArray())
        ++counts[v.toObject().value(u"domain"_s).toString()];
    QVERIFY(counts.contains(QString())); // dark data has no domain
    QStringList domains = counts.keys();
    domains.sort();
    for (const QString &domain : std::as_const(domains))
        QTest::newRow(domain.isEmpty() ? "(no domain)" : qPrintable(domain))
            << domain << counts.value(domain);
}

void TestSearch::domainFilterNarrowsToThatDomain()
{
    QFETCH(QString, domain);
    QFETCH(qint64, products);

    const FacetCounts facets = m_demo->facets({}, 100);
    qint64 facetCount = -1;
    for (const FacetCount &c : facets.value(FacetKind::Domain))
        if (c.value == domain)
            facetCount = c.count;
    QCOMPARE(facetCount, products);

    SearchRequest request;
    request.limit = 1000;
    request.filters.insert(FacetKind::Domain, {domain});
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    QCOMPARE(result.total, products);
    QCOMPARE(result.hits.size(), products);
    for (const SearchHit &h : result.hits)
        QCOMPARE(h.domain, domain);

    // With text, the filtered total is the facet count of that domain for the same text.
    request.text = u"data"_s;
    const SearchResult narrowed = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    SearchRequest unfiltered;
    unfiltered.text = request.text;
    qint64 textFacet = 0;
    for (const FacetCount &c : m_demo->facets(unfiltered, 100).value(FacetKind::Domain))
        if (c.value == domain)
            textFacet = c.count;
    QCOMPARE(narrowed.total, textFacet);
    for (const SearchHit &h : narrowed.hits)
        QCOMPARE(h.domain, domain);
}

void TestSearch::hitsExplainWhichFieldMatched_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("name words") << u"gross margin"_s;
    QTest::newRow("source system prefix") << u"hubsp"_s;
    QTest::newRow("domain") << u"manufacturing"_s;
    // The family name of the person who owns Gross Margin, as the descriptor says.
    const QJsonObject demo = MeshTest::demoDescriptor();
    QString ownerId;
    for (const QJsonValue &v : demo.value(u"products"_s).toArray())
        if (v.toObject().value(u"key"_s).toString() == u"finance.gross-margin")
            ownerId = v.toObject().value(u"owner"_s).toString();
    QString familyName;
    for (const QJsonValue &v : demo.value(u"users"_s).toArray())
        if (v.toObject().value(u"id"_s).toString() == ownerId)
            familyName = v.toObject().value(u"displayName"_s).toString().section(u' ', -1);
    QVERIFY(!familyName.isEmpty());
    QTest::newRow("owner") << familyName;
    QTest::newRow("broad") << u"customer"_s;
    QTest::newRow("single letter") << u"g"_s;
}

void TestSearch::hitsExplainWhichFieldMatched()
{
    QFETCH(QString, text);
    const QStringList fields = {u"name"_s,  u"tags"_s,   u"description"_s, u"columns"_s,
                                u"owner"_s, u"domain"_s, u"source"_s};
    SearchRequest request;
    request.text = text;
    request.limit = 1000;
    const SearchResult result = m_demo->search(request);
    QVERIFY2(!result.hits.isEmpty(), qPrintable(text));
    const QStringList terms = SearchQuery(text).terms();
    QStringList unexplained;
    for (const SearchHit &h : result.hits) {
        QVERIFY2(fields.contains(h.matchedField), qPrintable(h.key + u": "_s + h.matchedField));
        if (!hasMarkedWord(h.snippet)) {
            unexplained.append(h.key + u" ("_s + h.matchedField + u')');
            continue;
        }
        // The marked word starts with one of the terms.
        const qsizetype open = h.snippet.indexOf(kSnippetOpen);
        const QString word =
            foldForSearch(h.snippet.mid(open + 1, h.snippet.indexOf(kSnippetClose) - open - 1));
        QVERIFY2(std::any_of(terms.cbegin(), terms.cend(),
                             [&](const QString &t) { return word.startsWith(t); }),
                 qPrintable(h.key + u": "_s + h.snippet));
    }
    // Every hit has a snippet with the matching word marked.
    QCOMPARE(unexplained, QStringList());
}

void TestSearch::columnOnlyWordMatchesInColumns()
{
    // A word that appears in column names only (HubSpot's "properties.lastmodifieddate").
    const QString word = u"lastmodifieddate"_s;
    SearchRequest request;
    request.text = word;
    const SearchResult result = m_demo->search(request);
    QVERIFY(!result.hits.isEmpty());
    for (const SearchHit &h : result.hits) {
        const std::optional<Product> p = m_demo->productByKey(h.key);
        QVERIFY(p);
        QVERIFY(!p->name.contains(word, Qt::CaseInsensitive));
        QVERIFY(!p->description.contains(word, Qt::CaseInsensitive));
        QCOMPARE(h.matchedField, u"columns"_s);
        QVERIFY2(h.snippet.contains(kSnippetOpen + word), qPrintable(h.snippet));
    }
}

void TestSearch::emptyQueryBrowsesEverythingByName()
{
    SearchRequest request;
    request.limit = 1000;
    CatalogError error;
    const SearchResult result = m_demo->search(request, &error);
    QCOMPARE(error.code, Code::None);
    QVERIFY(result.browsing);
    QVERIFY(result.totalExact);
    QCOMPARE(result.total, m_demoProducts.size());
    QCOMPARE(result.hits.size(), m_demoProducts.size());
    QSet<QString> expectedKeys;
    for (const QJsonValue &v : std::as_const(m_demoProducts))
        expectedKeys.insert(v.toObject().value(u"key"_s).toString());
    const QStringList keys = keysOf(result.hits);
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), expectedKeys);
    for (qsizetype i = 1; i < result.hits.size(); ++i)
        QVERIFY2(result.hits.at(i - 1).name.compare(result.hits.at(i).name, Qt::CaseInsensitive) <=
                     0,
                 qPrintable(result.hits.at(i - 1).name + u" > "_s + result.hits.at(i).name));
    // Whitespace is an empty query too.
    request.text = u"  \t "_s;
    const SearchResult blank = m_demo->search(request);
    QVERIFY(blank.browsing);
    QCOMPARE(keysOf(blank.hits), keys);
}

void TestSearch::pagesAreDisjointAndCoverAllHits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("browse by 1") << QString() << 1;
    QTest::newRow("browse by 7") << QString() << 7;
    QTest::newRow("customer by 3") << u"customer"_s << 3;
    QTest::newRow("data by 5") << u"data"_s << 5;
    QTest::newRow("single letter by 2") << u"s"_s << 2;
}

void TestSearch::pagesAreDisjointAndCoverAllHits()
{
    QFETCH(QString, text);
    QFETCH(int, pageSize);
    SearchRequest request;
    request.text = text;
    request.limit = 1000;
    const SearchResult whole = m_demo->search(request);
    QVERIFY(whole.hits.size() > pageSize);
    QCOMPARE(whole.total, whole.hits.size());

    QList<SearchHit> paged;
    QSet<qint64> seen;
    for (request.offset = 0, request.limit = pageSize;; request.offset += pageSize) {
        CatalogError error;
        const SearchResult page = m_demo->search(request, &error);
        QCOMPARE(error.code, Code::None);
        QCOMPARE(page.total, whole.total);
        QVERIFY(page.hits.size() <= pageSize);
        for (const SearchHit &h : page.hits) {
            QVERIFY2(!seen.contains(h.id), qPrintable(h.key));
            seen.insert(h.id);
        }
        paged += page.hits;
        if (page.hits.size() < pageSize)
            break;
    }
    QCOMPARE(keysOf(paged), keysOf(whole.hits));
}

void TestSearch::broadQueryOnLargeCatalogPagesThroughEveryMatch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHash<FacetKind, QStringList>>("filters");
    QTest::addColumn<QString>("truthSql");
    QTest::addColumn<QString>("truthBind");
    const QString fts = u"SELECT rowid FROM product_fts WHERE product_fts MATCH ?1"_s;
    QTest::newRow("da") << u"da"_s << QHash<FacetKind, QStringList>() << fts << u"da*"_s;
    QTest::newRow("da in Finance")
        << u"da"_s << QHash<FacetKind, QStringList>{{FacetKind::Domain, {u"Finance"_s}}}
        << (u"SELECT p.id FROM products p JOIN domains d ON d.id = p.domain_id "
            "WHERE d.name = 'Finance' AND p.id IN ("_s +
            fts + u")"_s)
        << u"da*"_s;
    QTest::newRow("da, active or draft")
        << u"da"_s << QHash<FacetKind, QStringList>{{FacetKind::Status, {u"active"_s, u"draft"_s}}}
        << (u"SELECT id FROM products WHERE status IN ('active', 'draft') AND id IN ("_s + fts +
            u")"_s)
        << u"da*"_s;
    QTest::newRow("raw hubspot") << u"raw hubspot"_s << QHash<FacetKind, QStringList>() << fts
                                 << u"raw AND hubspot*"_s;
    QTest::newRow("single letter")
        << u"R"_s << QHash<FacetKind, QStringList>()
        << u"SELECT id FROM products WHERE lower(name) LIKE ?1"_s << u"r%"_s;
}

void TestSearch::broadQueryOnLargeCatalogPagesThroughEveryMatch()
{
    QFETCH(QString, text);
    using Filters = QHash<FacetKind, QStringList>;
    QFETCH(Filters, filters);
    QFETCH(QString, truthSql);
    QFETCH(QString, truthBind);
    QCOMPARE(m_generated->counts().products, kGeneratedProducts);
    const QSet<qint64> truth = idSet(m_generated->database(), truthSql, truthBind);
    QVERIFY(truth.size() > 100);

    SearchRequest request;
    request.text = text;
    request.filters = filters;
    CatalogError error;
    const SearchResult first = m_generated->search(request, &error);
    QCOMPARE(error.code, Code::None);
    QCOMPARE(first.hits.size(), request.limit);
    QVERIFY(first.total >= first.hits.size());
    if (first.totalExact)
        QCOMPARE(first.total, qint64(truth.size()));
    else
        QVERIFY(first.total <= truth.size());
    QCOMPARE(m_generated->countMatches(request, &error), std::optional<qint64>(truth.size()));

    // Pages of 250 with increasing offsets: disjoint, and together every match exactly once.
    const int pageSize = 250;
    QList<SearchHit> all;
    QSet<qint64> seen;
    for (request.offset = 0, request.limit = pageSize;; request.offset += pageSize) {
        const SearchResult page = m_generated->search(request, &error);
        QCOMPARE(error.code, Code::None);
        for (const SearchHit &h : page.hits) {
            QVERIFY2(!seen.contains(h.id), qPrintable(h.key));
            seen.insert(h.id);
        }
        all += page.hits;
        if (page.hits.size() < pageSize)
            break;
        QVERIFY(request.offset < 2 * kGeneratedProducts);
    }
    QCOMPARE(seen.size(), truth.size());
    QCOMPARE(seen, truth);
    // The order is stable: the first page of 50 is the start of the pages of 250.
    QCOMPARE(keysOf(first.hits), keysOf(all.mid(0, first.hits.size())));
    QCOMPARE(idsOf(all.mid(0, 50)), idsOf(first.hits));
}

void TestSearch::documentedProductOutranksDarkDataOfSameName()
{
    // BM25 alone favours the shorter, undocumented document; a catalog leads with the product
    // that has an owner and a description.
    auto store = SqliteCatalogStore::create(m_dir.filePath(u"rank.mesh"_s), u"rank"_s, nullptr);
    QVERIFY(store);
    Product documented = MeshTest::makeProduct(1);
    documented.key = u"sales.orders"_s;
    documented.name = u"Orders"_s;
    documented.description = u"Every order placed in the web shop, one row per order line, "
                             u"refreshed hourly from the order service."_s;
    Product dark;
    dark.key = u"legacy.orders"_s;
    dark.name = u"Orders"_s;
    QVERIFY(store->upsertProduct(dark, nullptr));
    QVERIFY(store->upsertProduct(documented, nullptr));
    SearchRequest request;
    request.text = u"orders"_s;
    const SearchResult result = store->search(request);
    QCOMPARE(result.total, 2);
    QCOMPARE(result.hits.first().key, u"sales.orders"_s);
    QCOMPARE(result.hits.last().key, u"legacy.orders"_s);
}

void TestSearch::facetCountsEqualDirectSqlCounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("statusFilter");
    QTest::newRow("all products") << QString() << QString();
    QTest::newRow("broad query") << u"da"_s << QString();
    QTest::newRow("broad query, active only") << u"da"_s << u"active"_s;
    QTest::newRow("two words, deprecated only") << u"raw hubspot"_s << u"deprecated"_s;
    QTest::newRow("single letter") << u"s"_s << u"draft"_s;
}

void TestSearch::facetCountsEqualDirectSqlCounts()
{
    // Ground truth straight from SQL, independent of the in-memory facet index.
    QFETCH(QString, text);
    QFETCH(QString, statusFilter);
    SearchRequest request;
    request.text = text;
    if (!statusFilter.isEmpty())
        request.filters.insert(FacetKind::Status, {statusFilter});
    const FacetCounts facets = m_generated->facets(request, 10000);

    const SearchQuery query(text);
    QString matchSet = u"FROM products p"_s;
    QString where = u" WHERE 1"_s;
    if (query.isSingleCharacter()) {
        where += u" AND p.name >= '%1' COLLATE NOCASE AND p.name < '%2' COLLATE NOCASE"_s.arg(
            query.terms().first(), QString(QChar(query.terms().first().at(0).unicode() + 1)));
    } else if (!query.isEmpty()) {
        matchSet = u"FROM product_fts f JOIN products p ON p.id = f.rowid"_s;
        where += u" AND product_fts MATCH '%1'"_s.arg(query.ftsExpression());
    }
    const QString statusWhere =
        statusFilter.isEmpty() ? QString() : u" AND p.status = '%1'"_s.arg(statusFilter);
    auto truth = [&](const QString &value, const QString &join, const QString &extraWhere) {
        QHash<QString, qint64> counts;
        Statement st = m_generated->database().prepareOnce(
            u"SELECT "_s + value + u", count(*) "_s + matchSet + join + where + extraWhere +
            u" GROUP BY 1"_s);
        while (st.step())
            counts.insert(st.text(0), st.integer(1));
        return counts;
    };
    auto asHash = [&](FacetKind kind) {
        QHash<QString, qint64> counts;
        for (const FacetCount &f : facets.value(kind))
            counts.insert(f.value, f.count);
        return counts;
    };
    const QString domainJoin = u" LEFT JOIN domains d ON d.id = p.domain_id"_s;
    QCOMPARE(asHash(FacetKind::Domain), truth(u"coalesce(d.name, '')"_s, domainJoin, statusWhere));
    QCOMPARE(asHash(FacetKind::Owner), truth(u"coalesce(p.owner_id, '')"_s, QString(), statusWhere));
    QCOMPARE(asHash(FacetKind::Tag),
             truth(u"t.tag"_s, u" JOIN product_tags t ON t.product_id = p.id"_s, statusWhere));
    QCOMPARE(asHash(FacetKind::Classification),
             truth(u"c.classification"_s,
                   u" JOIN product_classifications c ON c.product_id = p.id"_s, statusWhere));
    QCOMPARE(asHash(FacetKind::SourceSystem), truth(u"p.source_system"_s, QString(), statusWhere));
    // A facet's own filter does not narrow its own counts (values are ORed within a kind).
    QCOMPARE(asHash(FacetKind::Status), truth(u"p.status"_s, QString(), QString()));
}

void TestSearch::facetsFollowWritesToTheCatalog()
{
    auto store = SqliteCatalogStore::create(m_dir.filePath(u"facets.mesh"_s), u"f"_s, nullptr);
    QVERIFY(store);
    Product p = MeshTest::makeProduct(1);
    QVERIFY(store->upsertProduct(p, nullptr));
    auto domainCount = [&](const QString &domain) {
        for (const FacetCount &f : store->facets({}).value(FacetKind::Domain))
            if (f.value == domain)
                return f.count;
        return qint64(0);
    };
    QCOMPARE(domainCount(p.domain), 1);
    p.key = u"fixture.other"_s;
    QVERIFY(store->upsertProduct(p, nullptr));
    QCOMPARE(domainCount(p.domain), 2);
    QVERIFY(store->removeProduct(p.key, nullptr));
    QCOMPARE(domainCount(p.domain), 1);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
