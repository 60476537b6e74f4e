// SPDX-License-Identifier: MIT
// The search documents a bulk load builds in memory (searchDocument, ProductInserter::document)
// must be the documents the store's own query reads back from the tables, byte for byte.
#include "catalog/productinserter.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"

#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

/** Every row of an FTS5 table, rowid first, each column as text. */
QList<QStringList> ftsRows(Database &db, const QString &table)
{
    Statement st = db.prepareOnce(u"SELECT rowid, * FROM %1 ORDER BY rowid"_s.arg(table));
    QList<QStringList> rows;
    while (st.step()) {
        QStringList row;
        for (int c = 0; c < st.columnCount(); ++c)
            row << st.text(c);
        rows << row;
    }
    return rows;
}

/** Compares row by row, so that a failure names the product and the column. */
void compareRows(const QList<QStringList> &actual, const QList<QStringList> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype r = 0; r < actual.size(); ++r) {
        QCOMPARE(actual[r].size(), expected[r].size());
        for (qsizetype c = 0; c < actual[r].size(); ++c)
            QVERIFY2(
                actual[r][c] == expected[r][c],
                qPrintable(u"row %1 column %2: built “%3”, the query reads “%4”"_s.arg(actual[r][0])
                               .arg(c)
                               .arg(actual[r][c], expected[r][c])));
    }
}

Column column(const QString &name, const QString &description)
{
    Column c;
    c.name = name;
    c.type = u"string"_s;
    c.description = description;
    return c;
}

/** Products that exercise every part of a document. */
QList<Product> awkwardProducts()
{
    QList<Product> out;
    Product p;
    p.key = u"awkward.tags"_s;
    p.name = u"Tags out of order"_s;
    p.domain = u"Sales"_s;
    p.ownerId = u"ada"_s;
    // Repeated, unsorted, case-different, accented, empty and non-BMP tags.
    p.tags = {u"zebra"_s, u"Zebra"_s, u"éclair"_s,          u"apple"_s, u"zebra"_s,
              u""_s,      u"Ärger"_s, u"\U0001F600smile"_s, u"eclair"_s};
    p.sourceSystem = u"HubSpot"_s;
    p.formats = {u"table"_s, u"csv"_s};
    p.description = u"Deals with “quotes”, emoji \U0001F680 and\nnew lines."_s;
    Dataset ds;
    ds.name = u"deals"_s;
    ds.columns = {column(u"deal_id"_s, u"Primary key"_s), column(u"amount"_s, QString()),
                  column(u"Überweisung"_s, u"Überweisungsbetrag in €"_s)};
    Dataset empty;
    empty.name = u"no_columns"_s;
    Dataset second;
    second.name = u"stages"_s;
    second.columns = {column(u"stage"_s, u"Pipeline stage"_s)};
    p.datasets = {ds, empty, second};
    out << p;

    Product dark;
    dark.key = u"awkward.dark"_s;
    dark.name = u"legacy_tmp_2019"_s; // no owner, domain, tags, datasets, source or formats
    out << dark;

    Product unknownOwner;
    unknownOwner.key = u"awkward.unknown-owner"_s;
    unknownOwner.name = u"Owned by someone the catalog does not know"_s;
    unknownOwner.ownerId = u"ghost"_s;
    unknownOwner.domain = u"Nouveau domaine"_s; // a domain the catalog does not have yet
    unknownOwner.tags = {u"only"_s};
    Dataset lone;
    lone.name = u"t"_s;
    lone.columns = {column(u"a"_s, u"first"_s), column(u"b"_s, u"second"_s)};
    unknownOwner.datasets = {lone};
    out << unknownOwner;

    Product noName = p;
    noName.key = u"awkward.owner-without-name"_s;
    noName.ownerId = u"nameless"_s; // known, empty display name
    noName.tags = {};
    out << noName;
    return out;
}

} // namespace

class TstSearchDocument : public QObject
{
    Q_OBJECT

private slots:
    void builtDocumentsEqualWhatTheQueryReads_data();
    void builtDocumentsEqualWhatTheQueryReads();
};

void TstSearchDocument::builtDocumentsEqualWhatTheQueryReads_data()
{
    QTest::addColumn<bool>("demo");
    QTest::newRow("awkward products") << false;
    QTest::newRow("the Messy Inc. demo") << true;
}

void TstSearchDocument::builtDocumentsEqualWhatTheQueryReads()
{
    QFETCH(bool, demo);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CatalogError error;
    QList<Product> products;
    QList<User> users;
    if (demo) {
        auto source = DemoLoader::createDemoCatalog(dir.filePath(u"demo.mesh"_s), &error);
        QVERIFY2(source, qPrintable(error.message));
        users = source->users();
        Statement keys = source->database().prepareOnce(u"SELECT key FROM products ORDER BY id"_s);
        while (keys.step())
            products << *source->productByKey(keys.text(0));
        QVERIFY(products.size() > 30);
    } else {
        products = awkwardProducts();
        User ada;
        ada.id = u"ada"_s;
        ada.displayName = u"Ada Lovelace"_s;
        User nameless;
        nameless.id = u"nameless"_s;
        users = {ada, nameless};
    }

    auto store = SqliteCatalogStore::create(dir.filePath(u"built.mesh"_s), u"Built"_s, &error);
    QVERIFY2(store, qPrintable(error.message));
    for (const User &u : std::as_const(users))
        QVERIFY2(store->upsertUser(u, &error), qPrintable(error.message));
    // Inserted and indexed as a bulk load does it: documents built in memory.
    QVERIFY2(store->transaction(
                 [&](CatalogError *e) {
                     ProductInserter inserter(store->database());
                     std::vector<SearchDocument> documents;
                     for (const Product &p : std::as_const(products)) {
                         const auto id = inserter.insert(p, std::nullopt, {}, e);
                         if (!id)
                             return false;
                         documents.push_back(inserter.document(*id, p));
                     }
                     return store->indexNewDocuments(documents, e);
                 },
                 &error),
             qPrintable(error.message));
    Database &db = store->database();
    for (const QString &table : {u"product_fts"_s, u"product_meta_fts"_s})
        QVERIFY2(db.exec(u"INSERT INTO %1(%1) VALUES ('integrity-check')"_s.arg(table)),
                 qPrintable(table + u": "_s + db.lastError()));
    const QList<QStringList> built = ftsRows(db, u"product_fts"_s);
    const QList<QStringList> builtMeta = ftsRows(db, u"product_meta_fts"_s);
    QCOMPARE(built.size(), products.size());

    // The store's own query, over the same tables.
    QVERIFY2(store->rebuildSearchIndex(&error), qPrintable(error.message));
    compareRows(built, ftsRows(db, u"product_fts"_s));
    compareRows(builtMeta, ftsRows(db, u"product_meta_fts"_s));
}

QTEST_GUILESS_MAIN(TstSearchDocument)
#include "tst_searchdocument.moc"
