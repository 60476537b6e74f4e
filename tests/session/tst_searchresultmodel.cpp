// SPDX-License-Identifier: MIT
#include "catalog/schema.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "session/catalogsession.h"
#include "session/facetmodel.h"
#include "session/searchresultmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

namespace {

constexpr int kFillerProducts = 130;

Product makeProduct(const QString &key, const QString &name, const QString &domain,
                    const QString &owner, const QString &description)
{
    Product p;
    p.key = key;
    p.name = name;
    p.domain = domain;
    p.ownerId = owner;
    p.stewardId = QStringLiteral("sam.steward");
    p.status = QStringLiteral("active");
    p.sourceSystem = domain == u"Finance" ? QStringLiteral("NetSuite") : QStringLiteral("HubSpot");
    p.description = description;
    p.tags = {QStringLiteral("kpi")};
    p.version = QStringLiteral("1.0.0");
    p.updatedAt = QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC);
    Dataset d;
    d.name = key.section(u'.', 1);
    d.format = QStringLiteral("csv");
    Column c;
    c.name = QStringLiteral("customer_email");
    c.type = QStringLiteral("string");
    c.classification = QStringLiteral("PII.Sensitive");
    d.columns = {c};
    p.datasets = {d};
    return p;
}

} // namespace

/** Drives CatalogSession with its worker thread and the two item models it feeds. */
class TestSearchResultModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void opensCatalogAndReportsProductCount();
    void reportsNonCatalogFileClearly();
    void upgradesACatalogFromAnOlderVersionOnOpen();
    void searchFillsRowsWithRankedHits();
    void browsingCountsAllRowsAndLoadsPagesLazily();
    void dropsStaleSearchesWhileTyping();
    void loadsProductWithPeopleAndLineage();
    void reportsUnknownProductKey();
    void facetModelFollowsSearchesAndFilters();
    void facetModelKeepsCheckedValueWithoutMatches();

private:
    /** An opened session on the fixture catalog. */
    std::unique_ptr<CatalogSession> openSession();

    QTemporaryDir m_dir;
    QString m_path;
    ProductId m_grossMarginId = 0;
};

void TestSearchResultModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("test.mesh"));
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_path, QStringLiteral("Test Catalog"), &error);
    QVERIFY2(store, qPrintable(error.message));

    const bool ok = store->transaction(
        [&](CatalogError *e) {
            if (!store->upsertDomain({0, QStringLiteral("Finance"), {}, QStringLiteral("#2e7d32")},
                                     e)
                || !store->upsertDomain({0, QStringLiteral("Sales & Marketing"), {}, {}}, e))
                return false;
            if (!store->upsertUser({QStringLiteral("fiona.finance"), QStringLiteral("Fiona Finance"),
                                    QStringLiteral("fiona@messy.example"),
                                    {QStringLiteral("owner")}, QStringLiteral("Finance")},
                                   e)
                || !store->upsertUser({QStringLiteral("sam.steward"), QStringLiteral("Sam Steward"),
                                       QStringLiteral("sam@messy.example"),
                                       {QStringLiteral("steward")}, QStringLiteral("Finance")},
                                      e))
                return false;
            auto gm = store->upsertProduct(
                makeProduct(QStringLiteral("finance.gross-margin"), QStringLiteral("Gross Margin"),
                            QStringLiteral("Finance"), QStringLiteral("fiona.finance"),
                            QStringLiteral("Gross margin: (revenue − cost of goods sold) / "
                                           "revenue, per month.")),
                e);
            if (!gm)
                return false;
            m_grossMarginId = *gm;
            if (!store->upsertProduct(makeProduct(QStringLiteral("finance.revenue"),
                                                  QStringLiteral("Revenue by Product Line"),
                                                  QStringLiteral("Finance"),
                                                  QStringLiteral("fiona.finance"),
                                                  QStringLiteral("Recognised revenue.")),
                                      e))
                return false;
            for (int i = 0; i < kFillerProducts; ++i) {
                const QString n = QString::number(i).rightJustified(3, u'0');
                if (!store->upsertProduct(
                        makeProduct(QStringLiteral("sales.widget-") + n,
                                    QStringLiteral("Widget Report ") + n,
                                    QStringLiteral("Sales & Marketing"), QString(),
                                    QStringLiteral("Weekly widget sales report number ") + n),
                        e))
                    return false;
            }
            return store->addLineageEdge({QStringLiteral("finance.revenue"),
                                          QStringLiteral("finance.gross-margin"),
                                          QStringLiteral("transform"), QStringLiteral("gm_job")},
                                         e);
        },
        &error);
    QVERIFY2(ok, qPrintable(error.message));
}

std::unique_ptr<CatalogSession> TestSearchResultModel::openSession()
{
    auto session = std::make_unique<CatalogSession>();
    QSignalSpy opened(session.get(), &CatalogSession::opened);
    session->open(m_path);
    if (!opened.wait(10000))
        return nullptr;
    return session;
}

void TestSearchResultModel::opensCatalogAndReportsProductCount()
{
    CatalogSession session;
    QSignalSpy opened(&session, &CatalogSession::opened);
    QSignalSpy failed(&session, &CatalogSession::openFailed);
    session.open(m_path);
    QVERIFY(session.isOpening());
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("Test Catalog"));
    QCOMPARE(opened.at(0).at(1).toLongLong(), qint64(kFillerProducts + 2));
    QVERIFY(session.isOpen());
    QCOMPARE(session.path(), m_path);
    QCOMPARE(session.domains().size(), 2);
}

void TestSearchResultModel::reportsNonCatalogFileClearly()
{
    const QString bogus = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my shopping notes, not a catalog\n");
    file.close();

    CatalogSession session;
    QSignalSpy failed(&session, &CatalogSession::openFailed);
    session.open(bogus);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), bogus);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QVERIFY(!session.isOpen());
    QVERIFY(!session.isOpening());
}

void TestSearchResultModel::upgradesACatalogFromAnOlderVersionOnOpen()
{
    // A catalog at schema 1, as an old release wrote it: the desktop upgrades it and opens it
    // instead of asking the person to run meshctl.
    const QString path = m_dir.filePath(QStringLiteral("old.mesh"));
    {
        QString message;
        auto db = Database::open(path, Database::Mode::ReadWriteCreate, &message);
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("PRAGMA application_id = %1")
                             .arg(SqliteCatalogStore::kApplicationId)));
        QVERIFY2(Schema::migrate(*db, 1, &message), qPrintable(message));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES "
                                        "('name', 'Old Catalog')")));
    }
    CatalogSession session;
    QSignalSpy opened(&session, &CatalogSession::opened);
    QSignalSpy failed(&session, &CatalogSession::openFailed);
    session.open(path);
    QTRY_COMPARE(opened.count() + failed.count(), 1);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("Old Catalog"));
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), SqliteCatalogStore::kSchemaVersion);
}

void TestSearchResultModel::searchFillsRowsWithRankedHits()
{
    auto session = openSession();
    QVERIFY(session);
    SearchResultModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &SearchResultModel::resultsReset);

    SearchRequest request;
    request.text = QStringLiteral("gross margin");
    const quint64 id = session->setRequest(request);
    QTRY_COMPARE(reset.count(), 1);
    QCOMPARE(model.requestId(), id);
    QVERIFY(model.rowCount() >= 1);
    QVERIFY(!model.isBrowsing());

    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(SearchResultModel::NameRole).toString(), QStringLiteral("Gross Margin"));
    QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("Gross Margin"));
    QCOMPARE(first.data(SearchResultModel::KeyRole).toString(),
             QStringLiteral("finance.gross-margin"));
    QCOMPARE(first.data(SearchResultModel::DomainRole).toString(), QStringLiteral("Finance"));
    QCOMPARE(first.data(SearchResultModel::OwnerRole).toString(), QStringLiteral("Fiona Finance"));
    QCOMPARE(first.data(SearchResultModel::SourceSystemRole).toString(),
             QStringLiteral("NetSuite"));
    QCOMPARE(first.data(SearchResultModel::StatusRole).toString(), QStringLiteral("active"));
    QVERIFY(first.data(SearchResultModel::SummaryRole).toString().contains(u"revenue"));
    QVERIFY(!first.data(SearchResultModel::MatchedFieldRole).toString().isEmpty());
    QVERIFY(first.data(SearchResultModel::SnippetRole).toString().contains(kSnippetOpen));
    QCOMPARE(first.data(SearchResultModel::IdRole).toLongLong(), m_grossMarginId);
    QVERIFY(first.data(SearchResultModel::LoadedRole).toBool());

    QCOMPARE(model.productAt(first), m_grossMarginId);
    QCOMPARE(model.indexOf(m_grossMarginId), first);
    QVERIFY(!model.indexOf(987654).isValid());
    QVERIFY(model.roleNames().contains(SearchResultModel::SnippetRole));

    request.text = QStringLiteral("zzqx nothing like this");
    session->setRequest(request);
    QTRY_COMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
}

void TestSearchResultModel::browsingCountsAllRowsAndLoadsPagesLazily()
{
    auto session = openSession();
    QVERIFY(session);
    session->setPageSize(50);
    SearchResultModel model(session.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &SearchResultModel::resultsReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    session->setRequest({});
    QTRY_COMPARE(reset.count(), 1);
    QVERIFY(model.isBrowsing());
    // Every match is a row, though only the first page has been fetched.
    QCOMPARE(model.rowCount(), kFillerProducts + 2);
    QVERIFY(model.index(0).data(SearchResultModel::LoadedRole).toBool());
    QVERIFY(model.hitAt(49) != nullptr);

    const int farRow = 120;
    // The view asks for the row: a placeholder first, the page is fetched in the worker.
    QCOMPARE(model.index(farRow).data(SearchResultModel::LoadedRole).toBool(), false);
    QVERIFY(model.index(farRow).data(SearchResultModel::NameRole).isNull());
    QCOMPARE(model.productAt(model.index(farRow)), ProductId(0));
    QTRY_VERIFY(model.index(farRow).data(SearchResultModel::LoadedRole).toBool());
    QVERIFY(!model.index(farRow).data(SearchResultModel::NameRole).toString().isEmpty());

    bool covered = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const int top = args.at(0).toModelIndex().row();
        const int bottom = args.at(1).toModelIndex().row();
        if (top <= farRow && farRow <= bottom && top == 100 && bottom == 131)
            covered = true;
    }
    QVERIFY2(covered, "dataChanged should cover the arrived page, clipped to the row count");

    // Rows are in name order and pages join up without gaps or repeats.
    QTRY_VERIFY(model.index(60).data(SearchResultModel::LoadedRole).toBool());
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        QTRY_VERIFY(model.index(row).data(SearchResultModel::LoadedRole).toBool());
        names << model.index(row).data(SearchResultModel::NameRole).toString();
    }
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(names, sorted);
}

void TestSearchResultModel::dropsStaleSearchesWhileTyping()
{
    auto session = openSession();
    QVERIFY(session);
    SearchResultModel model(session.get());
    QSignalSpy results(session.get(), &CatalogSession::resultsReady);
    QSignalSpy facets(session.get(), &CatalogSession::facetsReady);

    const QString typed = QStringLiteral("widget report 042 gross margin");
    quint64 last = 0;
    // Search as you type: one request per key press, faster than the worker can answer.
    for (int length = 1; length <= typed.size(); ++length) {
        SearchRequest request;
        request.text = typed.left(length);
        last = session->setRequest(request);
    }
    SearchRequest final;
    final.text = QStringLiteral("gross margin");
    last = session->setRequest(final);

    QTRY_COMPARE(model.requestId(), last);
    QTRY_COMPARE(facets.count(), 1);
    QTest::qWait(100); // anything still in flight would arrive now
    QCOMPARE(results.count(), 1);
    QCOMPARE(results.at(0).at(0).value<quint64>(), last);
    QCOMPARE(model.index(0).data(SearchResultModel::NameRole).toString(),
             QStringLiteral("Gross Margin"));

    const SessionStats stats = session->stats();
    const int requests = int(typed.size()) + 1;
    QCOMPARE(stats.searchesRun + stats.searchesDropped, requests);
    QVERIFY2(stats.searchesDropped > 0, "superseded searches should be skipped, not run");
    QVERIFY(stats.searchesRun < requests);
}

void TestSearchResultModel::loadsProductWithPeopleAndLineage()
{
    auto session = openSession();
    QVERIFY(session);
    QSignalSpy loaded(session.get(), &CatalogSession::productLoaded);
    session->loadProduct(m_grossMarginId);
    QTRY_COMPARE(loaded.count(), 1);
    const auto details = loaded.at(0).at(0).value<ProductDetails>();
    QCOMPARE(details.product.name, QStringLiteral("Gross Margin"));
    QCOMPARE(details.product.datasets.size(), 1);
    QVERIFY(details.owner.has_value());
    QCOMPARE(details.owner->displayName, QStringLiteral("Fiona Finance"));
    QVERIFY(details.steward.has_value());
    QCOMPARE(details.steward->email, QStringLiteral("sam@messy.example"));
    QCOMPARE(details.upstreamKeys(), QStringList{QStringLiteral("finance.revenue")});
    QVERIFY(details.downstreamKeys().isEmpty());

    // Clicking through the list quickly: only the last product is delivered.
    session->loadProductByKey(QStringLiteral("sales.widget-001"));
    session->loadProductByKey(QStringLiteral("finance.revenue"));
    QTRY_COMPARE(loaded.count(), 2);
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 2);
    const auto revenue = loaded.at(1).at(0).value<ProductDetails>();
    QCOMPARE(revenue.product.key, QStringLiteral("finance.revenue"));
    QCOMPARE(revenue.downstreamKeys(), QStringList{QStringLiteral("finance.gross-margin")});
}

void TestSearchResultModel::reportsUnknownProductKey()
{
    auto session = openSession();
    QVERIFY(session);
    QSignalSpy failed(session.get(), &CatalogSession::productLoadFailed);
    session->loadProductByKey(QStringLiteral("no.such-product"));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"no.such-product"));
}

void TestSearchResultModel::facetModelFollowsSearchesAndFilters()
{
    auto session = openSession();
    QVERIFY(session);
    FacetModel facets;
    QAbstractItemModelTester tester(&facets,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    SearchResultModel results(session.get());
    connect(session.get(), &CatalogSession::facetsReady, &facets,
            [&facets](quint64, const FacetCounts &counts) { facets.setFacets(counts); });
    QSignalSpy facetsReady(session.get(), &CatalogSession::facetsReady);

    session->setRequest({});
    QTRY_COMPARE(facetsReady.count(), 1);
    QCOMPARE(facets.rowCount(), int(std::size(kAllFacetKinds)));
    const QModelIndex domains = facets.kindIndex(FacetKind::Domain);
    QVERIFY(domains.data(FacetModel::IsKindRole).toBool());
    QCOMPARE(domains.data().toString(), QStringLiteral("Domains"));
    QCOMPARE(facets.rowCount(domains), 2);
    const QModelIndex finance = facets.valueIndex(FacetKind::Domain, QStringLiteral("Finance"));
    QVERIFY(finance.isValid());
    QCOMPARE(finance.parent(), domains);
    QCOMPARE(finance.data(FacetModel::CountRole).toLongLong(), 2);
    QCOMPARE(finance.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(finance.flags() & Qt::ItemIsUserCheckable);
    const QModelIndex owner = facets.valueIndex(FacetKind::Owner, QStringLiteral("fiona.finance"));
    QVERIFY(owner.isValid());
    QCOMPARE(owner.data().toString(), QStringLiteral("Fiona Finance"));

    // Checking a value is a filter; the next search honours it.
    QSignalSpy filtersChanged(&facets, &FacetModel::filtersChanged);
    QVERIFY(facets.setData(finance, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(filtersChanged.count(), 1);
    QVERIFY(facets.hasFilters());
    QCOMPARE(facets.filters().value(FacetKind::Domain), QStringList{QStringLiteral("Finance")});

    SearchRequest filtered;
    filtered.filters = facets.filters();
    QSignalSpy reset(&results, &SearchResultModel::resultsReset);
    session->setRequest(filtered);
    QTRY_COMPARE(reset.count(), 1);
    QCOMPARE(results.rowCount(), 2);
    for (int row = 0; row < results.rowCount(); ++row)
        QCOMPARE(results.index(row).data(SearchResultModel::DomainRole).toString(),
                 QStringLiteral("Finance"));
    QTRY_COMPARE(facetsReady.count(), 2);
    const QModelIndex stillChecked =
        facets.valueIndex(FacetKind::Domain, QStringLiteral("Finance"));
    QCOMPARE(stillChecked.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

    facets.clearFilters();
    QCOMPARE(filtersChanged.count(), 2);
    QVERIFY(!facets.hasFilters());
    QVERIFY(facets.filters().isEmpty());
}

void TestSearchResultModel::facetModelKeepsCheckedValueWithoutMatches()
{
    FacetModel facets;
    QAbstractItemModelTester tester(&facets,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    FacetCounts counts;
    counts.insert(FacetKind::Domain, {{QStringLiteral("Finance"), QStringLiteral("Finance"), 3},
                                      {QString(), QString(), 2}});
    counts.insert(FacetKind::Status, {{QStringLiteral("active"), QStringLiteral("active"), 5}});
    facets.setFacets(counts);
    const QModelIndex unowned = facets.valueIndex(FacetKind::Domain, QString());
    QVERIFY(unowned.isValid());
    QCOMPARE(unowned.data().toString(), QStringLiteral("Unowned"));
    facets.setChecked(FacetKind::Domain, QString(), true);
    QCOMPARE(facets.filters().value(FacetKind::Domain), QStringList{QString()});

    // The next search matches no unowned products: the checked value stays, with count 0.
    counts.insert(FacetKind::Domain, {{QStringLiteral("Finance"), QStringLiteral("Finance"), 1}});
    facets.setFacets(counts);
    QCOMPARE(facets.rowCount(facets.kindIndex(FacetKind::Domain)), 2);
    const QModelIndex kept = facets.valueIndex(FacetKind::Domain, QString());
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(FacetModel::CountRole).toLongLong(), 0);
    QCOMPARE(kept.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

    // Same values again: counts update in place, rows stay.
    QSignalSpy removed(&facets, &QAbstractItemModel::rowsRemoved);
    counts.insert(FacetKind::Status, {{QStringLiteral("active"), QStringLiteral("active"), 9}});
    facets.setFacets(counts);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(facets.valueIndex(FacetKind::Status, QStringLiteral("active"))
                 .data(FacetModel::CountRole)
                 .toLongLong(),
             9);
}

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"
