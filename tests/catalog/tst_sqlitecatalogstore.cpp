// SPDX-License-Identifier: MIT
#include "catalog/schema.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;
using Code = CatalogError::Code;

namespace {

/** Field-by-field comparison first, so that a failure names the field; then the whole value. */
void compareProducts(const Product &actual, const Product &expected)
{
    QCOMPARE(actual.key, expected.key);
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.domain, expected.domain);
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.ownerId, expected.ownerId);
    QCOMPARE(actual.stewardId, expected.stewardId);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.tags, expected.tags);
    QCOMPARE(actual.sourceSystem, expected.sourceSystem);
    QCOMPARE(actual.formats, expected.formats);
    QCOMPARE(actual.accessPolicy, expected.accessPolicy);
    QCOMPARE(actual.freshnessSlaHours, expected.freshnessSlaHours);
    QCOMPARE(actual.version, expected.version);
    QCOMPARE(actual.updatedAt, expected.updatedAt);
    QCOMPARE(actual.sourceName, expected.sourceName);
    QCOMPARE(actual.datasets.size(), expected.datasets.size());
    for (qsizetype i = 0; i < actual.datasets.size(); ++i) {
        const Dataset &a = actual.datasets.at(i);
        const Dataset &e = expected.datasets.at(i);
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.format, e.format);
        QCOMPARE(a.location, e.location);
        QCOMPARE(a.endpoint, e.endpoint);
        QCOMPARE(a.description, e.description);
        QCOMPARE(a.columns.size(), e.columns.size());
        for (qsizetype c = 0; c < a.columns.size(); ++c) {
            QCOMPARE(a.columns.at(c).name, e.columns.at(c).name);
            QCOMPARE(a.columns.at(c).type, e.columns.at(c).type);
            QCOMPARE(a.columns.at(c).description, e.columns.at(c).description);
            QCOMPARE(a.columns.at(c).classification, e.columns.at(c).classification);
            QCOMPARE(a.columns.at(c).tags, e.columns.at(c).tags);
        }
    }
}

/** expected with the ids the store assigned (taken from actual), so that == can compare. */
Product withStoreIds(Product expected, const Product &actual)
{
    expected.id = actual.id;
    for (qsizetype i = 0; i < expected.datasets.size() && i < actual.datasets.size(); ++i) {
        Dataset &ds = expected.datasets[i];
        ds.id = actual.datasets.at(i).id;
        for (qsizetype c = 0; c < ds.columns.size() && c < actual.datasets.at(i).columns.size();
             ++c)
            ds.columns[c].id = actual.datasets.at(i).columns.at(c).id;
    }
    return expected;
}

qint64 facetCount(const FacetCounts &facets, FacetKind kind, const QString &value)
{
    for (const FacetCount &f : facets.value(kind))
        if (f.value == value)
            return f.count;
    return 0;
}

qint64 hitsFor(const CatalogStore &store, const QString &text)
{
    SearchRequest request;
    request.text = text;
    return store.search(request).total;
}

/** File names in dir, to prove that refusing a file left no journal or copy beside it. */
QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

int pageSizeOf(const QByteArray &bytes)
{
    const int raw = (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17));
    return raw == 1 ? 65536 : raw;
}

} // namespace

/** SqliteCatalogStore: the catalog file, its entities, its transactions and its refusals. */
class TestSqliteCatalogStore : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void createsEmptyVersionedCatalog();
    void createRefusesExistingFile();
    void roundTripsDomainsUsersAndSources();
    void roundTripsProductWithDatasetsColumnsAndTags();
    void roundTripsLineageEdges();
    void upsertWithSameKeyReplacesChildren();
    void removeProductCascadesToChildrenLineageAndSearch();
    void removeUnknownProductIsNotFound();
    void refusesLineageEdgeWithUnknownProduct_data();
    void refusesLineageEdgeWithUnknownProduct();
    void refusesProductWithoutKeyOrName();

    void migratesVersion1CatalogForward();
    void refusesReadOnlyOpenOfOlderSchemaWithoutChangingIt();
    void refusesFilesItCannotOpenWithoutModifyingThem_data();
    void refusesFilesItCannotOpenWithoutModifyingThem();
    void readOnlyOpenReadsButRefusesWrites();
    void refusesWritableOpenOfReadOnlyFile();

    void deferredSearchIndexIsRebuiltLikeTheLiveOne();
    void failingTransactionBodyRollsBackEverything();
    void failingWriteInsideTransactionRollsBackEarlierWrites();
    void createCompleteLeavesNoFileWhenFillFails();
    void createCompleteRefusesExistingPath();
    void createCompleteMovesFinishedCatalogIntoPlace();
    void bulkTransactionWritesOnceAndPutsWalAndForeignKeysBack();
    void bulkTransactionStaysInWalBesideAnotherConnection();
    void bulkTransactionRefusesADanglingReferenceAndSavesNothing();
    void bulkTransactionRefusesToRemoveProducts();
    void bulkTransactionBuildsTheRowIndexesOnceAndKeepsThemOnFailure();
    void openPutsAFileLeftInRollbackModeBackInWal();
    void processDyingInsideBulkTransactionLosesOnlyTheLoad();

private:
    /** A catalog file with count fixture products, closed again. */
    QString makeCatalogFile(const QString &name, int count);
    /** Writes the kind of file a refusal row names and returns its path. */
    QString makeRefusedFile(const QString &kind);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSqliteCatalogStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSqliteCatalogStore::makeCatalogFile(const QString &name, int count)
{
    const QString path = m_dir->filePath(name);
    CatalogError error;
    auto store = MeshTest::createCatalog(path, count, &error);
    if (!store)
        qWarning("createCatalog failed: %s", qPrintable(error.message));
    return store ? path : QString();
}

void TestSqliteCatalogStore::createsEmptyVersionedCatalog()
{
    const QString path = m_dir->filePath(u"new.mesh"_s);
    CatalogError error;
    auto store = SqliteCatalogStore::create(path, u"My Mesh"_s, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(error.code, Code::None);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(store->path(), path);
    QCOMPARE(store->displayName(), u"My Mesh"_s);
    QVERIFY(!store->isReadOnly());
    QCOMPARE(store->schemaVersion(), SqliteCatalogStore::kSchemaVersion);
    QCOMPARE(store->database().scalar(u"PRAGMA application_id"_s).toLongLong(),
             qint64(SqliteCatalogStore::kApplicationId));
    const CatalogCounts counts = store->counts();
    QCOMPARE(counts.products, 0);
    QCOMPARE(counts.domains, 0);
    QCOMPARE(counts.users, 0);
    QCOMPARE(counts.lineageEdges, 0);

    QVERIFY(store->setMetadata(u"owner"_s, u"data council"_s, &error));
    store.reset();
    auto reopened = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QCOMPARE(reopened->metadata(u"owner"_s), u"data council"_s);
    QCOMPARE(reopened->displayName(), u"My Mesh"_s);
}

void TestSqliteCatalogStore::createRefusesExistingFile()
{
    const QString path = m_dir->filePath(u"taken.mesh"_s);
    QVERIFY(MeshTest::writeFile(path, "precious notes\n"));
    const QByteArray before = MeshTest::fileSha256(path);
    CatalogError error;
    QVERIFY(!SqliteCatalogStore::create(path, u"x"_s, &error));
    QVERIFY(error.code != Code::None);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
}

void TestSqliteCatalogStore::roundTripsDomainsUsersAndSources()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"e.mesh"_s), u"e"_s, &error);
    QVERIFY(store);

    const Domain finance{0, u"Finance"_s, u"Money in, money out."_s, u"#27ae60"_s};
    const Domain people{0, u"People"_s, u"Workers and orgs."_s, QString()};
    QVERIFY2(store->upsertDomain(finance, &error), qPrintable(error.message));
    QVERIFY2(store->upsertDomain(people, &error), qPrintable(error.message));
    QList<Domain> domains = store->domains();
    QCOMPARE(domains.size(), 2);
    for (const Domain &d : domains)
        QVERIFY(d.id > 0);
    const Domain readFinance = domains.at(0).name == finance.name ? domains.at(0) : domains.at(1);
    Domain expected = finance;
    expected.id = readFinance.id;
    QCOMPARE(readFinance, expected);
    // Upserting an existing name updates it in place.
    Domain renamed = finance;
    renamed.description = u"Updated."_s;
    QVERIFY(store->upsertDomain(renamed, &error));
    domains = store->domains();
    QCOMPARE(domains.size(), 2);
    QVERIFY(std::any_of(domains.cbegin(), domains.cend(), [&](const Domain &d) {
        return d.id == readFinance.id && d.description == renamed.description;
    }));

    const User maria{u"maria.lopez"_s,
                     u"María López"_s,
                     u"maria@example.com"_s,
                     {u"owner"_s, u"steward"_s},
                     u"Finance"_s};
    const User noRoles{u"sam"_s, u"Sam"_s, QString(), {}, QString()};
    QVERIFY2(store->upsertUser(maria, &error), qPrintable(error.message));
    QVERIFY2(store->upsertUser(noRoles, &error), qPrintable(error.message));
    QCOMPARE(store->user(maria.id), std::optional<User>(maria));
    QCOMPARE(store->user(noRoles.id), std::optional<User>(noRoles));
    QVERIFY(!store->user(u"nobody"_s));
    const QList<User> users = store->users();
    QCOMPARE(users.size(), 2);
    QVERIFY(users.contains(maria));
    QVERIFY(users.contains(noRoles));

    const Source source{0, u"HubSpot API"_s, u"mesh-json"_s, u"https://api.hubapi.example"_s,
                        QDateTime(QDate(2026, 5, 4), QTime(3, 2, 1), Qt::UTC)};
    QVERIFY2(store->upsertSource(source, &error), qPrintable(error.message));
    const QList<Source> sources = store->sources();
    QCOMPARE(sources.size(), 1);
    QVERIFY(sources.first().id > 0);
    Source expectedSource = source;
    expectedSource.id = sources.first().id;
    QCOMPARE(sources.first(), expectedSource);
    QCOMPARE(store->counts().sources, 1);
}

void TestSqliteCatalogStore::roundTripsProductWithDatasetsColumnsAndTags()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"p.mesh"_s), u"p"_s, &error);
    QVERIFY(store);
    for (const User &u : MeshTest::fixtureUsers())
        QVERIFY(store->upsertUser(u, &error));

    const Product product = MeshTest::makeProduct(1);
    QVERIFY(!product.datasets.isEmpty() && !product.datasets.first().columns.isEmpty());
    const std::optional<ProductId> id = store->upsertProduct(product, &error);
    QVERIFY2(id, qPrintable(error.message));
    QVERIFY(*id > 0);

    const std::optional<Product> byKey = store->productByKey(product.key);
    QVERIFY(byKey);
    QCOMPARE(byKey->id, *id);
    compareProducts(*byKey, product);
    if (QTest::currentTestFailed())
        return;
    for (const Dataset &ds : byKey->datasets) {
        QVERIFY(ds.id > 0);
        for (const Column &c : ds.columns)
            QVERIFY(c.id > 0);
    }
    QCOMPARE(*byKey, withStoreIds(product, *byKey));
    QCOMPARE(store->product(*id), byKey);
    QVERIFY(!store->product(*id + 1000));
    QVERIFY(!store->productByKey(u"no.such-key"_s));

    // The domain and source were created on the way; the classification is derived from columns.
    QCOMPARE(store->domains().size(), 1);
    QCOMPARE(store->domains().first().name, product.domain);
    const CatalogCounts counts = store->counts();
    QCOMPARE(counts.products, 1);
    QCOMPARE(counts.datasets, product.datasets.size());
    qint64 columns = 0;
    for (const Dataset &ds : product.datasets)
        columns += ds.columns.size();
    QCOMPARE(counts.columns, columns);
    const FacetCounts facets = store->facets({});
    QCOMPARE(facetCount(facets, FacetKind::Classification, u"PII.Sensitive"_s), 1);
    for (const QString &tag : product.tags)
        QCOMPARE(facetCount(facets, FacetKind::Tag, tag), 1);

    // A product without domain, owner or datasets (dark data) round-trips too.
    Product dark;
    dark.key = u"legacy.tmp"_s;
    dark.name = u"tmp"_s;
    dark.status = u"active"_s;
    QVERIFY(store->upsertProduct(dark, &error));
    const std::optional<Product> readDark = store->productByKey(dark.key);
    QVERIFY(readDark);
    QCOMPARE(*readDark, withStoreIds(dark, *readDark));
}

void TestSqliteCatalogStore::roundTripsLineageEdges()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"l.mesh"_s), 3, &error);
    QVERIFY2(store, qPrintable(error.message));
    const QString a = MeshTest::makeProduct(0).key;
    const QString b = MeshTest::makeProduct(1).key;
    const QString c = MeshTest::makeProduct(2).key;
    const LineageEdge ab{a, b, u"copy"_s, u"nightly_copy"_s};
    const LineageEdge bc{b, c, u"aggregate"_s, u"rollup"_s};
    QVERIFY2(store->addLineageEdge(ab, &error), qPrintable(error.message));
    QVERIFY2(store->addLineageEdge(bc, &error), qPrintable(error.message));
    QCOMPARE(store->lineageEdges(), (QList<LineageEdge>{ab, bc}));
    QCOMPARE(store->lineageOf(b), (QList<LineageEdge>{ab, bc}));
    QCOMPARE(store->lineageOf(a), QList<LineageEdge>{ab});
    QCOMPARE(store->lineageOf(c), QList<LineageEdge>{bc});
    QCOMPARE(store->counts().lineageEdges, 2);
    // The same edge again is one edge.
    QVERIFY(store->addLineageEdge(ab, &error));
    QCOMPARE(store->counts().lineageEdges, 2);
}

void TestSqliteCatalogStore::upsertWithSameKeyReplacesChildren()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"u.mesh"_s), u"u"_s, &error);
    QVERIFY(store);
    Product first = MeshTest::makeProduct(3);
    first.datasets[0].columns.append(MeshTest::makeColumn(u"zanzibarcode"_s, u"string"_s));
    const std::optional<ProductId> id = store->upsertProduct(first, &error);
    QVERIFY2(id, qPrintable(error.message));
    QCOMPARE(hitsFor(*store, u"zanzibarcode"_s), 1);

    Product second = first;
    second.name = u"Renamed Product"_s;
    second.tags = {u"replaced"_s};
    Dataset only;
    only.name = u"only_table"_s;
    only.columns = {MeshTest::makeColumn(u"quokkacount"_s, u"integer"_s)};
    second.datasets = {only};
    const std::optional<ProductId> again = store->upsertProduct(second, &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(*again, *id);

    const std::optional<Product> read = store->productByKey(first.key);
    QVERIFY(read);
    compareProducts(*read, second);
    const CatalogCounts counts = store->counts();
    QCOMPARE(counts.products, 1);
    QCOMPARE(counts.datasets, 1);
    QCOMPARE(counts.columns, 1);
    const FacetCounts facets = store->facets({});
    QCOMPARE(facets.value(FacetKind::Tag).size(), 1);
    QCOMPARE(facetCount(facets, FacetKind::Tag, u"replaced"_s), 1);
    // The old column had the only PII classification.
    QCOMPARE(facetCount(facets, FacetKind::Classification, u"PII.Sensitive"_s), 0);
    // The search index follows: old words are gone, new ones found.
    QCOMPARE(hitsFor(*store, u"zanzibarcode"_s), 0);
    QCOMPARE(hitsFor(*store, u"quokkacount"_s), 1);
    QCOMPARE(hitsFor(*store, u"renamed product"_s), 1);
}

void TestSqliteCatalogStore::removeProductCascadesToChildrenLineageAndSearch()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"r.mesh"_s), 2, &error);
    QVERIFY2(store, qPrintable(error.message));
    const Product gone = MeshTest::makeProduct(0);
    const Product kept = MeshTest::makeProduct(1);
    QVERIFY(store->addLineageEdge({gone.key, kept.key, u"copy"_s, u"job"_s}, &error));
    const CatalogCounts before = store->counts();
    QCOMPARE(hitsFor(*store, gone.name), 1);

    QVERIFY2(store->removeProduct(gone.key, &error), qPrintable(error.message));
    QVERIFY(!store->productByKey(gone.key));
    QVERIFY(store->productByKey(kept.key));
    const CatalogCounts after = store->counts();
    QCOMPARE(after.products, before.products - 1);
    qint64 goneColumns = 0;
    for (const Dataset &ds : gone.datasets)
        goneColumns += ds.columns.size();
    QCOMPARE(after.datasets, before.datasets - gone.datasets.size());
    QCOMPARE(after.columns, before.columns - goneColumns);
    QCOMPARE(after.lineageEdges, 0);
    QVERIFY(store->lineageOf(kept.key).isEmpty());
    QCOMPARE(hitsFor(*store, gone.name), 0);
    QCOMPARE(hitsFor(*store, kept.name), 1);
    // Tags and classifications of the removed product no longer count in facets.
    const FacetCounts facets = store->facets({});
    QCOMPARE(facetCount(facets, FacetKind::Tag, u"fixture"_s), 1);
    QCOMPARE(facetCount(facets, FacetKind::Classification, u"PII.Sensitive"_s), 1);
}

void TestSqliteCatalogStore::removeUnknownProductIsNotFound()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"n.mesh"_s), 1, &error);
    QVERIFY(store);
    QVERIFY(!store->removeProduct(u"no.such-product"_s, &error));
    QCOMPARE(error.code, Code::NotFound);
    QVERIFY2(error.message.contains(u"no.such-product"_s), qPrintable(error.message));
    QCOMPARE(store->counts().products, 1);
}

void TestSqliteCatalogStore::refusesLineageEdgeWithUnknownProduct_data()
{
    QTest::addColumn<bool>("unknownFrom");
    QTest::addColumn<bool>("unknownTo");
    QTest::newRow("unknown target") << false << true;
    QTest::newRow("unknown source") << true << false;
    QTest::newRow("both unknown") << true << true;
}

void TestSqliteCatalogStore::refusesLineageEdgeWithUnknownProduct()
{
    QFETCH(bool, unknownFrom);
    QFETCH(bool, unknownTo);
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"le.mesh"_s), 2, &error);
    QVERIFY(store);
    const QString from = unknownFrom ? u"ghost.from"_s : MeshTest::makeProduct(0).key;
    const QString to = unknownTo ? u"ghost.to"_s : MeshTest::makeProduct(1).key;
    QVERIFY(!store->addLineageEdge({from, to, u"copy"_s, u"job"_s}, &error));
    QCOMPARE(error.code, Code::Invalid);
    const QString unknown = unknownFrom ? from : to;
    QVERIFY2(error.message.contains(unknown), qPrintable(error.message));
    QVERIFY(store->lineageEdges().isEmpty());
}

void TestSqliteCatalogStore::refusesProductWithoutKeyOrName()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"k.mesh"_s), u"k"_s, &error);
    QVERIFY(store);
    Product noKey = MeshTest::makeProduct(1);
    noKey.key = u"   "_s;
    QVERIFY(!store->upsertProduct(noKey, &error));
    QCOMPARE(error.code, Code::Invalid);
    error = {};
    Product noName = MeshTest::makeProduct(1);
    noName.name.clear();
    QVERIFY(!store->upsertProduct(noName, &error));
    QCOMPARE(error.code, Code::Invalid);
    QVERIFY2(error.message.contains(noName.key), qPrintable(error.message));
    QCOMPARE(store->counts().products, 0);
}

void TestSqliteCatalogStore::migratesVersion1CatalogForward()
{
    QVERIFY(1 < SqliteCatalogStore::kSchemaVersion);
    const QString path = m_dir->filePath(u"v1.mesh"_s);
    {
        QString message;
        auto db = Database::open(path, Database::Mode::ReadWriteCreate, &message);
        QVERIFY2(db, qPrintable(message));
        QVERIFY2(db->exec(u"PRAGMA application_id = %1"_s.arg(SqliteCatalogStore::kApplicationId),
                          &message),
                 qPrintable(message));
        QVERIFY2(Schema::migrate(*db, 1, &message), qPrintable(message));
        QCOMPARE(Schema::currentVersion(*db), 1);
        QVERIFY2(db->exec(u"INSERT INTO meta(key, value) VALUES ('name', 'Old Mesh');"
                          "INSERT INTO domains(id, name) VALUES (1, 'Finance');"
                          "INSERT INTO users(id, display_name) VALUES ('olga', 'Olga Oldtimer');"
                          "INSERT INTO products(id, key, name, domain_id, description, owner_id) "
                          "VALUES (1, 'finance.ancient-ledger', 'Ancient Ledger', 1, "
                          "'Bookkeeping from before the upgrade.', 'olga');"
                          "INSERT INTO product_tags(product_id, tag) VALUES (1, 'heirloom');"
                          "INSERT INTO datasets(id, product_id, position, name) "
                          "VALUES (1, 1, 0, 'ledger_lines');"
                          "INSERT INTO columns(dataset_id, position, name, description) "
                          "VALUES (1, 0, 'posting_date', 'When it was booked.')"_s,
                          &message),
                 qPrintable(message));
    }
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->schemaVersion(), SqliteCatalogStore::kSchemaVersion);
    QCOMPARE(store->displayName(), u"Old Mesh"_s);
    const std::optional<Product> old = store->productByKey(u"finance.ancient-ledger"_s);
    QVERIFY(old);
    QCOMPARE(old->domain, u"Finance"_s);
    QCOMPARE(old->tags, QStringList{u"heirloom"_s});
    // The search index was built from the rows that were already there: name, tag, column, owner.
    for (const QString &text : {u"ancient ledger"_s, u"heirloom"_s, u"posting_date"_s, u"olga"_s}) {
        SearchRequest request;
        request.text = text;
        const SearchResult result = store->search(request, &error);
        QCOMPARE(error.code, Code::None);
        QCOMPARE(result.total, 1);
        QCOMPARE(result.hits.first().key, old->key);
    }
    // New writes work on the upgraded file and are searchable beside the old product.
    QVERIFY2(store->upsertProduct(MeshTest::makeProduct(1), &error), qPrintable(error.message));
    QCOMPARE(hitsFor(*store, MeshTest::makeProduct(1).name), 1);
    QCOMPARE(hitsFor(*store, u"ancient"_s), 1);
    store.reset();
    auto reopened = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QCOMPARE(reopened->schemaVersion(), SqliteCatalogStore::kSchemaVersion);
}

void TestSqliteCatalogStore::refusesReadOnlyOpenOfOlderSchemaWithoutChangingIt()
{
    const QString path = m_dir->filePath(u"v1ro.mesh"_s);
    {
        QString message;
        auto db = Database::open(path, Database::Mode::ReadWriteCreate, &message);
        QVERIFY(db);
        QVERIFY(db->exec(u"PRAGMA application_id = %1"_s.arg(SqliteCatalogStore::kApplicationId)));
        QVERIFY2(Schema::migrate(*db, 1, &message), qPrintable(message));
    }
    const QByteArray before = MeshTest::fileSha256(path);
    CatalogError error;
    QVERIFY(!SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error));
    QCOMPARE(error.code, Code::ReadOnly);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
}

void TestSqliteCatalogStore::refusesFilesItCannotOpenWithoutModifyingThem_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Code>("code");
    QTest::newRow("missing path") << u"missing"_s << Code::NotFound;
    QTest::newRow("directory") << u"directory"_s << Code::NotACatalog;
    QTest::newRow("empty file") << u"empty"_s << Code::NotACatalog;
    QTest::newRow("text file") << u"text"_s << Code::NotACatalog;
    QTest::newRow("shorter than a header") << u"short"_s << Code::NotACatalog;
    QTest::newRow("sqlite db of another app") << u"other-app"_s << Code::NotACatalog;
    QTest::newRow("other app with a meta table") << u"other-app-meta"_s << Code::NotACatalog;
    QTest::newRow("newer schema") << u"newer"_s << Code::NewerSchema;
    QTest::newRow("garbage after first page") << u"garbage"_s << Code::Corrupt;
    QTest::newRow("truncated") << u"truncated"_s << Code::Corrupt;
}

QString TestSqliteCatalogStore::makeRefusedFile(const QString &kind)
{
    const QString path = m_dir->filePath(kind + u".mesh"_s);
    auto otherApp = [&](const QString &sql) {
        QString message;
        auto db = Database::open(path, Database::Mode::ReadWriteCreate, &message);
        if (!db || !db->exec(sql, &message))
            qWarning("cannot write %s: %s", qPrintable(path), qPrintable(message));
    };
    if (kind == u"missing") {
        return path;
    } else if (kind == u"directory") {
        QDir().mkpath(path);
    } else if (kind == u"empty") {
        MeshTest::writeFile(path, QByteArray());
    } else if (kind == u"text") {
        MeshTest::writeFile(path, "name,amount\nacme,12\nglobex,7\n");
    } else if (kind == u"short") {
        MeshTest::writeFile(path, "SQLite for");
    } else if (kind == u"other-app") {
        otherApp(u"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
                 "INSERT INTO notes(body) VALUES ('buy milk')"_s);
    } else if (kind == u"other-app-meta") {
        otherApp(u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                 "INSERT INTO meta VALUES ('app', 'someone else')"_s);
    } else if (kind == u"newer") {
        makeCatalogFile(kind + u".mesh"_s, 3);
        QString message;
        auto db = Database::open(path, Database::Mode::ReadWrite, &message);
        if (!db ||
            !db->exec(u"PRAGMA user_version = %1"_s.arg(SqliteCatalogStore::kSchemaVersion + 1),
                      &message))
            qWarning("cannot bump user_version: %s", qPrintable(message));
    } else if (kind == u"garbage" || kind == u"truncated") {
        makeCatalogFile(kind + u".mesh"_s, 40);
        QByteArray bytes = MeshTest::fileBytes(path);
        const int pageSize = pageSizeOf(bytes);
        if (bytes.size() < 4 * pageSize)
            qWarning("catalog too small to damage: %lld bytes", qint64(bytes.size()));
        if (kind == u"garbage") {
            QRandomGenerator random(20261120);
            for (qsizetype i = pageSize; i < bytes.size(); ++i)
                bytes[i] = char(random.bounded(256));
        } else {
            bytes.truncate(2 * pageSize);
        }
        MeshTest::writeFile(path, bytes);
    }
    return path;
}

void TestSqliteCatalogStore::refusesFilesItCannotOpenWithoutModifyingThem()
{
    QFETCH(QString, kind);
    QFETCH(Code, code);
    const QString path = makeRefusedFile(kind);
    QVERIFY(kind == u"missing" || QFileInfo::exists(path));
    const QByteArray before = MeshTest::fileSha256(path);
    const QStringList filesBefore = listing(m_dir->path());

    for (const auto mode :
         {SqliteCatalogStore::OpenMode::ReadWrite, SqliteCatalogStore::OpenMode::ReadOnly}) {
        CatalogError error;
        auto store = SqliteCatalogStore::open(path, mode, &error);
        QVERIFY2(!store, qPrintable(kind));
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(path), qPrintable(error.message));
        QCOMPARE(MeshTest::fileSha256(path), before);
        // Nothing appears beside the file: not even the -wal/-shm files a read-only SQLite
        // connection would leave.
        QCOMPARE(listing(m_dir->path()), filesBefore);
    }
    QCOMPARE(QFileInfo(path).isDir(), kind == u"directory");
}

void TestSqliteCatalogStore::readOnlyOpenReadsButRefusesWrites()
{
    const QString path = makeCatalogFile(u"ro.mesh"_s, 4);
    QVERIFY(!path.isEmpty());
    const QByteArray before = MeshTest::fileSha256(path);
    {
        CatalogError error;
        auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
        QVERIFY2(store, qPrintable(error.message));
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->counts().products, 4);
        QVERIFY(store->productByKey(MeshTest::makeProduct(2).key));
        QCOMPARE(hitsFor(*store, MeshTest::makeProduct(2).name), 1);

        const QString key0 = MeshTest::makeProduct(0).key;
        const QString key1 = MeshTest::makeProduct(1).key;
        const QList<std::pair<const char *, std::function<bool(CatalogError *)>>> writes = {
            {"upsertProduct",
             [&](CatalogError *e) {
                 return store->upsertProduct(MeshTest::makeProduct(9), e).has_value();
             }},
            {"upsertDomain",
             [&](CatalogError *e) {
                 return store->upsertDomain({0, u"X"_s, {}, {}}, e);
             }},
            {"upsertUser",
             [&](CatalogError *e) {
                 return store->upsertUser({u"x"_s, {}, {}, {}, {}}, e);
             }},
            {"upsertSource",
             [&](CatalogError *e) {
                 return store->upsertSource({0, u"x"_s, {}, {}, {}}, e);
             }},
            {"addLineageEdge",
             [&](CatalogError *e) {
                 return store->addLineageEdge({key0, key1, {}, {}}, e);
             }},
            {"removeProduct", [&](CatalogError *e) { return store->removeProduct(key0, e); }},
            {"setMetadata", [&](CatalogError *e) { return store->setMetadata(u"k"_s, u"v"_s, e); }},
            {"transaction",
             [&](CatalogError *e) {
                 return store->transaction([](CatalogError *) { return true; }, e);
             }},
        };
        for (const auto &[what, write] : writes) {
            CatalogError writeError;
            QVERIFY2(!write(&writeError), what);
            QCOMPARE(writeError.code, Code::ReadOnly);
            QVERIFY2(writeError.message.contains(path), qPrintable(writeError.message));
        }
        QCOMPARE(store->counts().products, 4);
    }
    QCOMPARE(MeshTest::fileSha256(path), before);
}

void TestSqliteCatalogStore::refusesWritableOpenOfReadOnlyFile()
{
    const QString path = makeCatalogFile(u"locked.mesh"_s, 2);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = MeshTest::fileSha256(path);

    // Browsing a read-only file works.
    CatalogError error;
    auto browsing = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(browsing, qPrintable(error.message));
    QCOMPARE(browsing->counts().products, 2);
    browsing.reset();

    if (QFileInfo(path).isWritable()) {
        // Root may write even a 0444 file (CI runs as root): ask again as an unprivileged user,
        // in a child process that drops to "nobody".
        QCOMPARE(::geteuid(), uid_t(0));
        QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                         QFile::ExeOwner | QFile::ReadOther |
                                                         QFile::ExeOther));
        const pid_t pid = ::fork();
        QVERIFY(pid >= 0);
        if (pid == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(10);
            CatalogError childError;
            const auto child =
                SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &childError);
            const bool refused = !child && childError.code == Code::ReadOnly &&
                                 childError.message.contains(path);
            ::_exit(refused ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0); // 1: not refused as ReadOnly; 10: could not drop to nobody
        QCOMPARE(MeshTest::fileSha256(path), before);
        return;
    }
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY(!store);
    QCOMPARE(error.code, Code::ReadOnly);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
}

void TestSqliteCatalogStore::deferredSearchIndexIsRebuiltLikeTheLiveOne()
{
    CatalogError error;
    auto live = MeshTest::createCatalog(m_dir->filePath(u"live.mesh"_s), 12, &error);
    QVERIFY2(live, qPrintable(error.message));
    auto bulk = SqliteCatalogStore::create(m_dir->filePath(u"bulk.mesh"_s), u"b"_s, &error);
    QVERIFY(bulk);
    bulk->setSearchIndexDeferred(true);
    QVERIFY2(bulk->transaction(
                 [&](CatalogError *e) {
                     for (const User &u : MeshTest::fixtureUsers())
                         if (!bulk->upsertUser(u, e))
                             return false;
                     for (int i = 0; i < 12; ++i)
                         if (!bulk->upsertProduct(MeshTest::makeProduct(i), e))
                             return false;
                     // Changed and removed while deferred, too.
                     Product renamed = MeshTest::makeProduct(13);
                     renamed.name = u"Short-lived Name"_s;
                     return bulk->upsertProduct(renamed, e) &&
                            bulk->upsertProduct(MeshTest::makeProduct(13), e) &&
                            bulk->upsertProduct(MeshTest::makeProduct(14), e) &&
                            bulk->removeProduct(MeshTest::makeProduct(14).key, e);
                 },
                 &error),
             qPrintable(error.message));
    QVERIFY(live->upsertProduct(MeshTest::makeProduct(13), &error));
    bulk->setSearchIndexDeferred(false);
    QVERIFY2(bulk->rebuildSearchIndex(&error), qPrintable(error.message));

    QCOMPARE(hitsFor(*bulk, u"short-lived"_s), 0);
    QCOMPARE(hitsFor(*bulk, MeshTest::makeProduct(14).name), 0);
    MeshTest::compareSearches(*live, *bulk,
                              {u"fixture"_s, u"fixture product n13x"_s, u"hubspot"_s, u"amount"_s,
                               u"number1"_s, u"owner0"_s, u"finance"_s},
                              100);
    QVERIFY(!QTest::currentTestFailed());
    // Writes after the rebuild keep the index current again.
    QVERIFY(bulk->upsertProduct(MeshTest::makeProduct(20), &error));
    QCOMPARE(hitsFor(*bulk, MeshTest::makeProduct(20).name), 1);
}

void TestSqliteCatalogStore::failingTransactionBodyRollsBackEverything()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"tx.mesh"_s), 2, &error);
    QVERIFY(store);
    const CatalogCounts before = store->counts();
    const Product added = MeshTest::makeProduct(7);
    const QString removed = MeshTest::makeProduct(0).key;

    const bool ok = store->transaction(
        [&](CatalogError *e) {
            if (!store->upsertProduct(added, e) || !store->removeProduct(removed, e) ||
                !store->upsertDomain({0, u"Rollback Domain"_s, {}, {}}, e) ||
                !store->setMetadata(u"name"_s, u"changed"_s, e))
                return false;
            *e = {Code::Invalid, u"stopped on purpose"_s};
            return false;
        },
        &error);
    QVERIFY(!ok);
    QCOMPARE(error.code, Code::Invalid);
    QCOMPARE(error.message, u"stopped on purpose"_s);

    QVERIFY(!store->productByKey(added.key));
    QVERIFY(store->productByKey(removed));
    const CatalogCounts after = store->counts();
    QCOMPARE(after.products, before.products);
    QCOMPARE(after.domains, before.domains);
    QCOMPARE(after.datasets, before.datasets);
    QCOMPARE(after.columns, before.columns);
    QCOMPARE(store->metadata(u"name"_s), u"Fixture"_s);
    QCOMPARE(hitsFor(*store, added.name), 0);
    QCOMPARE(hitsFor(*store, MeshTest::makeProduct(0).name), 1);
    // The store is usable afterwards.
    QVERIFY2(store->upsertProduct(added, &error), qPrintable(error.message));
    QCOMPARE(hitsFor(*store, added.name), 1);
}

void TestSqliteCatalogStore::failingWriteInsideTransactionRollsBackEarlierWrites()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"tx2.mesh"_s), 1, &error);
    QVERIFY(store);
    const Product added = MeshTest::makeProduct(5);
    const bool ok = store->transaction(
        [&](CatalogError *e) {
            if (!store->upsertProduct(added, e))
                return false;
            // Fails: the edge names a product that does not exist.
            return store->addLineageEdge({added.key, u"ghost.product"_s, {}, {}}, e);
        },
        &error);
    QVERIFY(!ok);
    QCOMPARE(error.code, Code::Invalid);
    QVERIFY2(error.message.contains(u"ghost.product"_s), qPrintable(error.message));
    QVERIFY(!store->productByKey(added.key));
    QCOMPARE(store->counts().products, 1);
    QCOMPARE(hitsFor(*store, added.name), 0);
}

void TestSqliteCatalogStore::createCompleteLeavesNoFileWhenFillFails()
{
    const QString path = m_dir->filePath(u"half.mesh"_s);
    int filled = 0;
    CatalogError error;
    const bool ok = SqliteCatalogStore::createComplete(
        path, u"half"_s,
        [&](SqliteCatalogStore &store, CatalogError *e) {
            for (int i = 0; i < 5; ++i) {
                if (!store.upsertProduct(MeshTest::makeProduct(i), e))
                    return false;
                ++filled;
            }
            *e = {Code::Io, u"disk on fire"_s};
            return false;
        },
        &error);
    QVERIFY(!ok);
    QCOMPARE(filled, 5);
    QCOMPARE(error.code, Code::Io);
    QCOMPARE(error.message, u"disk on fire"_s);
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(listing(m_dir->path()), QStringList());
}

void TestSqliteCatalogStore::createCompleteRefusesExistingPath()
{
    const QString path = m_dir->filePath(u"exists.mesh"_s);
    QVERIFY(MeshTest::writeFile(path, "not yours"));
    const QByteArray before = MeshTest::fileSha256(path);
    bool called = false;
    CatalogError error;
    QVERIFY(!SqliteCatalogStore::createComplete(
        path, u"x"_s,
        [&](SqliteCatalogStore &, CatalogError *) {
            called = true;
            return true;
        },
        &error));
    QVERIFY(!called);
    QVERIFY(error.code != Code::None);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
    QCOMPARE(listing(m_dir->path()), QStringList{u"exists.mesh"_s});

    // An empty existing file is somebody's file too.
    const QString empty = m_dir->filePath(u"empty.mesh"_s);
    QVERIFY(MeshTest::writeFile(empty, QByteArray()));
    QVERIFY(!SqliteCatalogStore::createComplete(
        empty, u"x"_s, [](SqliteCatalogStore &, CatalogError *) { return true; }, &error));
    QCOMPARE(QFileInfo(empty).size(), 0);
}

void TestSqliteCatalogStore::createCompleteMovesFinishedCatalogIntoPlace()
{
    const QString path = m_dir->filePath(u"done.mesh"_s);
    CatalogError error;
    QVERIFY2(SqliteCatalogStore::createComplete(
                 path, u"Done"_s,
                 [](SqliteCatalogStore &store, CatalogError *e) {
                     return store.upsertProduct(MeshTest::makeProduct(1), e).has_value();
                 },
                 &error),
             qPrintable(error.message));
    QCOMPARE(listing(m_dir->path()), QStringList{u"done.mesh"_s});
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(store->displayName(), u"Done"_s);
    QCOMPARE(store->counts().products, 1);
    QVERIFY(store->productByKey(MeshTest::makeProduct(1).key));
}


namespace {
QString journalMode(Database &db)
{
    return db.scalar(u"PRAGMA journal_mode"_s).toString();
}
} // namespace

void TestSqliteCatalogStore::bulkTransactionWritesOnceAndPutsWalAndForeignKeysBack()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"bulk.mesh"_s), u"b"_s, &error);
    QVERIFY(store);
    Database &db = store->database();
    QCOMPARE(journalMode(db), u"wal"_s);
    QString modeInside;
    qint64 foreignKeysInside = -1;
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            modeInside = journalMode(db);
            foreignKeysInside = db.scalar(u"PRAGMA foreign_keys"_s).toLongLong();
            for (int i = 0; i < 20; ++i)
                if (!store->upsertProduct(MeshTest::makeProduct(i), e))
                    return false;
            return true;
        },
        &error);
    QVERIFY2(ok, qPrintable(error.message));
    // The only connection: the load ran with a rollback journal and row-by-row checks off.
    QCOMPARE(modeInside, u"delete"_s);
    QCOMPARE(foreignKeysInside, 0);
    QCOMPARE(journalMode(db), u"wal"_s);
    QCOMPARE(db.scalar(u"PRAGMA foreign_keys"_s).toLongLong(), 1);
    QVERIFY(!QFileInfo::exists(store->path() + u"-journal"_s));
    QCOMPARE(store->counts().products, 20);
    QCOMPARE(hitsFor(*store, MeshTest::makeProduct(7).name), 1);
    // Foreign keys are enforced again: a dataset of a missing product is refused.
    QVERIFY(!db.exec(u"INSERT INTO datasets(product_id, position, name) VALUES (99999, 0, 'x')"_s));
    // And reopened, the catalog holds what was loaded.
    store.reset();
    auto reopened = SqliteCatalogStore::open(m_dir->filePath(u"bulk.mesh"_s), SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QCOMPARE(reopened->counts().products, 20);
    QCOMPARE(journalMode(reopened->database()), u"wal"_s);
}

void TestSqliteCatalogStore::bulkTransactionStaysInWalBesideAnotherConnection()
{
    CatalogError error;
    const QString path = m_dir->filePath(u"shared.mesh"_s);
    auto store = SqliteCatalogStore::create(path, u"s"_s, &error);
    QVERIFY(store);
    QString message;
    auto other = Database::open(path, Database::Mode::ReadOnly, &message);
    QVERIFY2(other, qPrintable(message));
    QCOMPARE(other->scalar(u"SELECT count(*) FROM products"_s).toLongLong(), 0);
    QString modeInside;
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            modeInside = journalMode(store->database());
            return store->upsertProduct(MeshTest::makeProduct(1), e).has_value();
        },
        &error);
    QVERIFY2(ok, qPrintable(error.message));
    QCOMPARE(modeInside, u"wal"_s);
    QCOMPARE(other->scalar(u"SELECT count(*) FROM products"_s).toLongLong(), 1);
    QCOMPARE(store->database().scalar(u"PRAGMA foreign_keys"_s).toLongLong(), 1);
}

void TestSqliteCatalogStore::bulkTransactionRefusesADanglingReferenceAndSavesNothing()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"dangling.mesh"_s), u"d"_s, &error);
    QVERIFY(store);
    Database &db = store->database();
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            if (!store->upsertProduct(MeshTest::makeProduct(1), e))
                return false;
            // Accepted row by row while foreign keys are off; the check before the commit refuses it.
            if (!db.exec(u"INSERT INTO datasets(product_id, position, name) VALUES (4242, 0, "
                         "'orphan')"_s)) {
                *e = {Code::Io, u"the orphan insert itself failed"_s};
                return false;
            }
            return true;
        },
        &error);
    QVERIFY(!ok);
    QCOMPARE(error.code, Code::Invalid);
    QVERIFY2(error.message.contains(u"datasets"_s) && error.message.contains(u"products"_s) &&
                 error.message.contains(u"nothing was saved"_s),
             qPrintable(error.message));
    QCOMPARE(store->counts().products, 0);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM datasets"_s).toLongLong(), 0);
    QCOMPARE(journalMode(db), u"wal"_s);
    QCOMPARE(db.scalar(u"PRAGMA foreign_keys"_s).toLongLong(), 1);
    // The store goes on working.
    QVERIFY2(store->upsertProduct(MeshTest::makeProduct(2), &error), qPrintable(error.message));
}

void TestSqliteCatalogStore::bulkTransactionRefusesToRemoveProducts()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"remove.mesh"_s), 2, &error);
    QVERIFY(store);
    const QString key = MeshTest::makeProduct(0).key;
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) { return store->removeProduct(key, e); }, &error);
    QVERIFY(!ok);
    QCOMPARE(error.code, Code::Invalid);
    QVERIFY2(error.message.contains(key), qPrintable(error.message));
    QVERIFY(store->productByKey(key));
    // Outside a bulk load the same removal works and cascades.
    QVERIFY2(store->removeProduct(key, &error), qPrintable(error.message));
    QCOMPARE(store->counts().products, 1);
}

void TestSqliteCatalogStore::openPutsAFileLeftInRollbackModeBackInWal()
{
    // As a process that died inside bulkTransaction() leaves it.
    const QString path = makeCatalogFile(u"left.mesh"_s, 3);
    QVERIFY(!path.isEmpty());
    {
        QString message;
        auto raw = Database::open(path, Database::Mode::ReadWrite, &message);
        QVERIFY2(raw, qPrintable(message));
        QCOMPARE(raw->scalar(u"PRAGMA journal_mode = DELETE"_s).toString(), u"delete"_s);
    }
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(store, qPrintable(error.message));
    QCOMPARE(journalMode(store->database()), u"wal"_s);
    QCOMPARE(store->counts().products, 3);
}


void TestSqliteCatalogStore::processDyingInsideBulkTransactionLosesOnlyTheLoad()
{
    const QString path = makeCatalogFile(u"crash.mesh"_s, 3);
    QVERIFY(!path.isEmpty());
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        CatalogError childError;
        auto child =
            SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &childError);
        if (!child)
            ::_exit(10);
        // A small page cache, so that the load spills pages into the file before it dies.
        child->database().exec(u"PRAGMA cache_size = 20"_s);
        child->bulkTransaction(
            [&](CatalogError *e) {
                for (int i = 100; i < 1100; ++i)
                    if (!child->upsertProduct(MeshTest::makeProduct(i), e))
                        ::_exit(11);
                ::_exit(child->database().scalar(u"PRAGMA journal_mode"_s).toString() ==
                                u"delete"_s
                            ? 0
                            : 12);
                return true;
            },
            &childError);
        ::_exit(13);
    }
    int status = 0;
    QCOMPARE(::waitpid(pid, &status, 0), pid);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0); // 10: no open; 11: insert failed; 12: not in rollback mode
    QVERIFY(QFileInfo::exists(path + u"-journal"_s));
    // Browsing cannot roll the unfinished write back, so it refuses, says how, and changes nothing.
    const QByteArray before = MeshTest::fileSha256(path);
    CatalogError error;
    QVERIFY(!SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error));
    QCOMPARE(error.code, Code::ReadOnly);
    QVERIFY2(error.message.contains(u"unfinished write"_s), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
    // Opening it for writing rolls the load back.
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(store, qPrintable(error.message));
    Database &db = store->database();
    QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    QString message;
    QVERIFY2(db.exec(u"INSERT INTO product_fts(product_fts) VALUES ('integrity-check')"_s,
                     &message),
             qPrintable(message));
    QCOMPARE(store->counts().products, 3);
    QCOMPARE(hitsFor(*store, MeshTest::makeProduct(500).name), 0);
    QCOMPARE(journalMode(db), u"wal"_s);
    QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
}

void TestSqliteCatalogStore::bulkTransactionBuildsTheRowIndexesOnceAndKeepsThemOnFailure()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"indexes.mesh"_s), u"i"_s, &error);
    QVERIFY(store);
    Database &db = store->database();
    const auto indexes = [&db] {
        QStringList out;
        Statement &st = db.prepare(u"SELECT name || ': ' || sql FROM sqlite_master WHERE type = "
                                   "'index' AND sql IS NOT NULL ORDER BY name"_s);
        while (st.step())
            out.append(st.text(0));
        st.reset();
        return out;
    };
    const QStringList before = indexes();
    QVERIFY(before.contains(u"products_name: CREATE INDEX products_name ON products(name "
                            "COLLATE NOCASE)"_s));
    // A load that fails after its rows are in: the dropped indexes come back with the rollback.
    bool dropped = false;
    QVERIFY(!store->bulkTransaction(
        [&](CatalogError *e) {
            dropped = indexes().size() < before.size(); // deferred while the rows go in
            if (!store->upsertProduct(MeshTest::makeProduct(1), e))
                return false;
            *e = {Code::Io, u"the source went away"_s};
            return false;
        },
        &error));
    QVERIFY(dropped);
    QCOMPARE(indexes(), before);
    QCOMPARE(store->counts().products, 0);
    // A load that succeeds: the same indexes, built at the end, and in use.
    QVERIFY2(store->bulkTransaction(
                 [&](CatalogError *e) {
                     for (const User &u : MeshTest::fixtureUsers())
                         if (!store->upsertUser(u, e))
                             return false;
                     for (int i = 0; i < 50; ++i)
                         if (!store->upsertProduct(MeshTest::makeProduct(i), e))
                             return false;
                     return true;
                 },
                 &error),
             qPrintable(error.message));
    QCOMPARE(indexes(), before);
    QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    // INDEXED BY fails the query unless the index exists and serves the lookup.
    Statement &byName = db.prepare(u"SELECT count(*) FROM products INDEXED BY products_name "
                                   "WHERE name = ?1 COLLATE NOCASE"_s);
    byName.bind(1, MeshTest::makeProduct(7).name.toUpper());
    QVERIFY2(byName.step(), qPrintable(byName.lastError()));
    QCOMPARE(byName.integer(0), 1);
    byName.reset();
    // Into a catalog that has products the indexes stay in place.
    QVERIFY(store->bulkTransaction(
        [&](CatalogError *) {
            dropped = indexes().size() < before.size();
            return true;
        },
        &error));
    QVERIFY(!dropped);
}

QTEST_GUILESS_MAIN(TestSqliteCatalogStore)
#include "tst_sqlitecatalogstore.moc"
