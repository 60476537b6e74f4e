// SPDX-License-Identifier: MIT
#include "catalog/productinserter.h"
#include "catalog/searchindexbuilder.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

constexpr int kProducts = 240;

/** FTS5's own check of both index tables against their content; empty when they agree. */
QString integrityProblems(Database &db)
{
    QString problems;
    for (const QString &table : {u"product_fts"_s, u"product_meta_fts"_s}) {
        QString message;
        if (!db.exec(u"INSERT INTO %1(%1) VALUES ('integrity-check')"_s.arg(table), &message))
            problems += table + u": "_s + message + u"; "_s;
    }
    return problems;
}

qsizetype attachedDatabases(Database &db)
{
    Statement list = db.prepareOnce(u"PRAGMA database_list"_s);
    qsizetype n = 0;
    while (list.step())
        ++n;
    return n;
}

/** Inserts products [from, to) with ProductInserter and hands their documents to builder in
 *  batches, as a first team sync does. */
bool loadThroughBuilder(SqliteCatalogStore &store, SearchIndexBuilder &builder, int from, int to,
                        CatalogError *e)
{
    ProductInserter inserter(store.database());
    std::vector<SearchDocument> batch;
    for (int i = from; i < to; ++i) {
        const Product p = MeshTest::makeProduct(i);
        const auto id = inserter.insert(p, std::nullopt, {}, e);
        if (!id)
            return false;
        batch.push_back(inserter.document(*id, p));
        if (batch.size() == 50)
            builder.add(std::exchange(batch, {}));
    }
    builder.add(std::move(batch));
    return true;
}

} // namespace

class TestSearchIndexBuilder : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_dir.emplace(); }

    void builtIndexSearchesLikeOneWrittenRowByRow_data();
    void builtIndexSearchesLikeOneWrittenRowByRow();
    void installRefusesAnIndexThatHoldsDocuments();
    void failedBuildFailsTheLoadWithTheReason();
    void abandonedBuildLeavesTheCatalogAsItWas();
    void startRefusesInsideATransaction();

private:
    std::optional<QTemporaryDir> m_dir;
};

void TestSearchIndexBuilder::builtIndexSearchesLikeOneWrittenRowByRow_data()
{
    QTest::addColumn<bool>("besideAReader");
    // Alone, bulkTransaction() switches to a rollback journal; beside another connection (the
    // app's) it stays in WAL. Either way the connection must read the installed index afresh.
    QTest::newRow("alone") << false;
    QTest::newRow("beside a reader") << true;
}

void TestSearchIndexBuilder::builtIndexSearchesLikeOneWrittenRowByRow()
{
    QFETCH(bool, besideAReader);
    CatalogError error;
    auto live = MeshTest::createCatalog(m_dir->filePath(u"live.mesh"_s), kProducts + 1, &error);
    QVERIFY2(live, qPrintable(error.message));
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"built.mesh"_s), u"b"_s, &error);
    QVERIFY2(store, qPrintable(error.message));
    Database &db = store->database();
    // The connection has written and read the index before (a product added and removed again):
    // FTS5 keeps what it read of the index's segments in memory, which install() must not leave
    // behind.
    QVERIFY(db.exec(u"INSERT INTO product_fts(rowid, name) VALUES (1000000, 'fixture cache')"_s));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM product_fts WHERE product_fts MATCH 'fix*'"_s)
                 .toLongLong(),
             1);
    QVERIFY(db.exec(u"DELETE FROM product_fts"_s));
    SearchRequest fixture;
    fixture.text = u"fixture"_s;
    QCOMPARE(store->search(fixture).total, 0);

    std::unique_ptr<Database> reader;
    if (besideAReader) {
        QString message;
        reader = Database::open(store->path(), Database::Mode::ReadOnly, &message);
        QVERIFY2(reader, qPrintable(message));
        QCOMPARE(reader->scalar(u"SELECT count(*) FROM products"_s).toLongLong(), 0);
    }
    QString why;
    auto builder = SearchIndexBuilder::start(*store, &why);
    QVERIFY2(builder, qPrintable(why));
    const QString scratch = builder->scratchPath();
    QString journalInside;
    QVERIFY(QFileInfo::exists(scratch));
    qint64 foundInside = -1;
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            for (const User &u : MeshTest::fixtureUsers())
                if (!store->upsertUser(u, e))
                    return false;
            if (!loadThroughBuilder(*store, *builder, 0, kProducts, e) || !builder->install(e))
                return false;
            foundInside = store->search(fixture).total;
            journalInside = db.scalar(u"PRAGMA main.journal_mode"_s).toString();
            // Written the ordinary way after install(): lands in the installed index.
            return store->upsertProduct(MeshTest::makeProduct(kProducts), e).has_value();
        },
        &error);
    QVERIFY2(ok, qPrintable(error.message));
    QCOMPARE(foundInside, kProducts);
    QCOMPARE(journalInside, besideAReader ? u"wal"_s : u"delete"_s);
    if (reader)
        QCOMPARE(reader->scalar(u"SELECT count(*) FROM products"_s).toLongLong(), kProducts + 1);
    reader.reset();
    builder.reset();
    QVERIFY(!QFileInfo::exists(scratch));
    QCOMPARE(attachedDatabases(db), attachedDatabases(live->database()));
    QCOMPARE(integrityProblems(db), QString());

    MeshTest::compareSearches(*live, *store,
                              {u"fixture"_s, u"fixture product n13x"_s, u"hubspot"_s, u"amount"_s,
                               u"number1"_s, u"owner0"_s, u"finance"_s, u"fix"_s, u"email"_s,
                               u"n240x"_s},
                              500);
    QVERIFY(!QTest::currentTestFailed());

    // Later writes, on this connection and after reopening, keep the index whole.
    QVERIFY(store->removeProduct(MeshTest::makeProduct(3).key, &error));
    Product renamed = MeshTest::makeProduct(4);
    renamed.name = u"Quarterly Zeppelin Ledger"_s;
    QVERIFY(store->upsertProduct(renamed, &error));
    QCOMPARE(integrityProblems(db), QString());
    store.reset();
    auto reopened = SqliteCatalogStore::open(m_dir->filePath(u"built.mesh"_s),
                                             SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QCOMPARE(integrityProblems(reopened->database()), QString());
    SearchRequest zeppelin;
    zeppelin.text = u"zeppel"_s;
    QCOMPARE(reopened->search(zeppelin).total, 1);
    QCOMPARE(reopened->search(fixture).total, kProducts); // 240 + 1 added - 1 removed
}

void TestSearchIndexBuilder::installRefusesAnIndexThatHoldsDocuments()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"full.mesh"_s), 3, &error);
    QVERIFY2(store, qPrintable(error.message));
    QString why;
    auto builder = SearchIndexBuilder::start(*store, &why);
    QVERIFY2(builder, qPrintable(why));
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            return loadThroughBuilder(*store, *builder, 10, 20, e) && builder->install(e);
        },
        &error);
    QVERIFY(!ok);
    QVERIFY2(error.message.contains(u"already holds documents"_s), qPrintable(error.message));
    builder.reset();
    // Rolled back: the three products, their index, nothing of the load.
    QCOMPARE(store->counts().products, 3);
    SearchRequest fixture;
    fixture.text = u"fixture"_s;
    QCOMPARE(store->search(fixture).total, 3);
    QCOMPARE(integrityProblems(store->database()), QString());
}

void TestSearchIndexBuilder::failedBuildFailsTheLoadWithTheReason()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"dup.mesh"_s), u"d"_s, &error);
    QVERIFY(store);
    QString why;
    auto builder = SearchIndexBuilder::start(*store, &why);
    QVERIFY2(builder, qPrintable(why));
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            if (!loadThroughBuilder(*store, *builder, 0, 5, e))
                return false;
            // The same id twice: the scratch index refuses the second row.
            SearchDocument again = searchDocument(1, MeshTest::makeProduct(0), {});
            builder->add({again});
            return builder->install(e);
        },
        &error);
    QVERIFY(!ok);
    QVERIFY2(error.message.startsWith(u"Writing the search index: "_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"constraint failed"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(builder->scratchPath()), qPrintable(error.message));
    builder.reset();
    QCOMPARE(store->counts().products, 0);
    QCOMPARE(integrityProblems(store->database()), QString());
}

void TestSearchIndexBuilder::abandonedBuildLeavesTheCatalogAsItWas()
{
    CatalogError error;
    auto store = MeshTest::createCatalog(m_dir->filePath(u"gone.mesh"_s), 0, &error);
    QVERIFY(store);
    const qsizetype schemas = attachedDatabases(store->database());
    QString why;
    auto builder = SearchIndexBuilder::start(*store, &why);
    QVERIFY2(builder, qPrintable(why));
    QCOMPARE(attachedDatabases(store->database()), schemas + 2);
    const QString scratch = builder->scratchPath();
    const bool ok = store->bulkTransaction(
        [&](CatalogError *e) {
            if (!loadThroughBuilder(*store, *builder, 0, 120, e))
                return false;
            *e = CatalogError{CatalogError::Code::Io, u"the server went away"_s};
            return false; // before install(): the builder is still writing
        },
        &error);
    QVERIFY(!ok);
    QCOMPARE(error.message, u"the server went away"_s);
    builder.reset(); // stops the thread mid-build
    QVERIFY(!QFileInfo::exists(scratch));
    QCOMPARE(attachedDatabases(store->database()), schemas);
    QCOMPARE(store->counts().products, 0);
    // The catalog goes on as before: an ordinary write is indexed as usual.
    QVERIFY(store->upsertProduct(MeshTest::makeProduct(7), &error));
    SearchRequest request;
    request.text = MeshTest::makeProduct(7).name;
    QCOMPARE(store->search(request).total, 1);
    QCOMPARE(integrityProblems(store->database()), QString());
}

void TestSearchIndexBuilder::startRefusesInsideATransaction()
{
    CatalogError error;
    auto store = SqliteCatalogStore::create(m_dir->filePath(u"tx.mesh"_s), u"t"_s, &error);
    QVERIFY(store);
    QString why;
    std::unique_ptr<SearchIndexBuilder> builder;
    QVERIFY(store->transaction(
        [&](CatalogError *) {
            builder = SearchIndexBuilder::start(*store, &why);
            return true;
        },
        &error));
    QVERIFY(!builder);
    QVERIFY2(why.contains(u"transaction"_s), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestSearchIndexBuilder)
#include "tst_searchindexbuilder.moc"
