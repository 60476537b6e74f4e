// SPDX-License-Identifier: MIT
#include "generator/generator.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;
using Code = CatalogError::Code;

namespace {

/** Everything a catalog holds, one line per record, in a canonical order (ids left out). */
QStringList canonicalDump(const SqliteCatalogStore &store)
{
    QStringList lines;
    for (const Domain &d : store.domains())
        lines.append(u"domain|"_s + d.name + u'|' + d.description + u'|' + d.color);
    for (const User &u : store.users())
        lines.append(u"user|"_s + u.id + u'|' + u.displayName + u'|' + u.email + u'|' +
                     u.roles.join(u',') + u'|' + u.domain);
    SearchRequest browse;
    for (const SearchHit &h : MeshTest::allHits(store, browse, 500)) {
        const std::optional<Product> p = store.productByKey(h.key);
        if (!p) {
            lines.append(u"missing|"_s + h.key);
            continue;
        }
        lines.append(u"product|"_s + p->key + u'|' + p->name + u'|' + p->domain + u'|' +
                     p->description + u'|' + p->ownerId + u'|' + p->stewardId + u'|' + p->status +
                     u'|' + p->tags.join(u',') + u'|' + p->sourceSystem + u'|' +
                     p->formats.join(u',') + u'|' + QString::number(p->freshnessSlaHours) + u'|' +
                     p->version + u'|' + p->updatedAt.toString(Qt::ISODate));
        for (const Dataset &ds : p->datasets) {
            lines.append(u"  dataset|"_s + ds.name + u'|' + ds.format + u'|' + ds.location + u'|' +
                         ds.description);
            for (const Column &c : ds.columns)
                lines.append(u"    column|"_s + c.name + u'|' + c.type + u'|' + c.description +
                             u'|' + c.classification + u'|' + c.tags.join(u','));
        }
    }
    for (const LineageEdge &e : store.lineageEdges())
        lines.append(u"edge|"_s + e.fromKey + u'|' + e.toKey + u'|' + e.kind + u'|' + e.jobName);
    return lines;
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

/** Generator: deterministic synthetic catalogs for scale tests and benchmarks. */
class TestGenerator : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void sameSeedWritesIdenticalContent();
    void differentSeedWritesDifferentContent();
    void writesRequestedNumberOfProducts_data();
    void writesRequestedNumberOfProducts();
    void lineageResolvesAndRunsFromEarlierToLaterProducts();
    void datasetsHaveAboutTheRequestedColumns_data();
    void datasetsHaveAboutTheRequestedColumns();
    void writeCatalogRefusesExistingPath();
    void writeCatalogLeavesOnlyTheCatalog();
    void cancelledWriteLeavesNothing();

private:
    /** Writes a catalog with options to name and opens it read-only; null on failure. */
    std::unique_ptr<SqliteCatalogStore> generate(const QString &name, GeneratorOptions options);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGenerator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<SqliteCatalogStore> TestGenerator::generate(const QString &name,
                                                            GeneratorOptions options)
{
    const QString path = m_dir->filePath(name);
    CatalogError error;
    if (!Generator(options).writeCatalog(path, {}, &error)) {
        qWarning("writeCatalog(%s) failed: %s", qPrintable(path), qPrintable(error.message));
        return nullptr;
    }
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store)
        qWarning("open(%s) failed: %s", qPrintable(path), qPrintable(error.message));
    return store;
}

void TestGenerator::sameSeedWritesIdenticalContent()
{
    GeneratorOptions options;
    options.products = 300;
    options.seed = 7;
    auto first = generate(u"a.mesh"_s, options);
    auto second = generate(u"b.mesh"_s, options);
    QVERIFY(first && second);
    const QStringList dump = canonicalDump(*first);
    QVERIFY(dump.size() > 300 * 10);
    QCOMPARE(canonicalDump(*second), dump);
}

void TestGenerator::differentSeedWritesDifferentContent()
{
    GeneratorOptions options;
    options.products = 300;
    options.seed = 7;
    auto seven = generate(u"seven.mesh"_s, options);
    options.seed = 8;
    auto eight = generate(u"eight.mesh"_s, options);
    QVERIFY(seven && eight);
    const QStringList a = canonicalDump(*seven);
    const QStringList b = canonicalDump(*eight);
    QVERIFY(a != b);
    // Not just a detail: most product records differ.
    const QSet<QString> productsA(a.cbegin(), a.cend());
    qsizetype shared = 0;
    qsizetype productsB = 0;
    for (const QString &line : b) {
        if (!line.startsWith(u"product|"))
            continue;
        ++productsB;
        shared += productsA.contains(line);
    }
    QCOMPARE(productsB, 300);
    QVERIFY2(shared < productsB / 2, qPrintable(QString::number(shared)));
}

void TestGenerator::writesRequestedNumberOfProducts_data()
{
    QTest::addColumn<int>("products");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("ten") << 10;
    QTest::newRow("1,234") << 1234;
}

void TestGenerator::writesRequestedNumberOfProducts()
{
    QFETCH(int, products);
    GeneratorOptions options;
    options.products = products;
    auto store = generate(u"n.mesh"_s, options);
    QVERIFY(store);
    const CatalogCounts counts = store->counts();
    QCOMPARE(counts.products, products);
    QCOMPARE(counts.datasets, products);
    QVERIFY(counts.domains > 0);
    QVERIFY(counts.users > 0);
    SearchRequest browse;
    browse.limit = 1;
    QCOMPARE(store->search(browse).total, products);
}

void TestGenerator::lineageResolvesAndRunsFromEarlierToLaterProducts()
{
    GeneratorOptions options;
    options.products = 600;
    options.seed = 3;
    auto store = generate(u"lineage.mesh"_s, options);
    QVERIFY(store);
    const QList<LineageEdge> edges = store->lineageEdges();
    QCOMPARE(store->counts().lineageEdges, edges.size());
    QVERIFY2(edges.size() >= options.products / 2, qPrintable(QString::number(edges.size())));
    QHash<QString, ProductId> ids;
    for (const LineageEdge &e : edges) {
        for (const QString &key : {e.fromKey, e.toKey}) {
            if (ids.contains(key))
                continue;
            const std::optional<Product> p = store->productByKey(key);
            QVERIFY2(p, qPrintable(key));
            ids.insert(key, p->id);
        }
        // Products are created in order, so an edge from an earlier to a later id can never
        // close a cycle.
        QVERIFY2(ids.value(e.fromKey) < ids.value(e.toKey),
                 qPrintable(e.fromKey + u" → "_s + e.toKey));
    }
}

void TestGenerator::datasetsHaveAboutTheRequestedColumns_data()
{
    QTest::addColumn<int>("columnsPerDataset");
    QTest::newRow("default") << GeneratorOptions().columnsPerDataset;
    QTest::newRow("narrow") << 6;
    QTest::newRow("wider than the column list") << 40;
}

void TestGenerator::datasetsHaveAboutTheRequestedColumns()
{
    QFETCH(int, columnsPerDataset);
    GeneratorOptions options;
    options.products = 400;
    options.columnsPerDataset = columnsPerDataset;
    auto store = generate(u"columns.mesh"_s, options);
    QVERIFY(store);
    const CatalogCounts counts = store->counts();
    QVERIFY(counts.datasets > 0);
    const double average = double(counts.columns) / double(counts.datasets);
    QVERIFY2(qAbs(average - columnsPerDataset) <= 1.0, qPrintable(QString::number(average)));
    // Column names are unique within a dataset.
    const std::optional<Product> p =
        store->productByKey(MeshTest::allHits(*store, SearchRequest(), 1).value(0).key);
    QVERIFY(p && !p->datasets.isEmpty());
    QStringList names;
    for (const Column &c : p->datasets.first().columns)
        names.append(c.name);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
}

void TestGenerator::writeCatalogRefusesExistingPath()
{
    const QString path = m_dir->filePath(u"taken.mesh"_s);
    QVERIFY(MeshTest::writeFile(path, "keep me"));
    const QByteArray before = MeshTest::fileSha256(path);
    GeneratorOptions options;
    options.products = 5;
    CatalogError error;
    QVERIFY(!Generator(options).writeCatalog(path, {}, &error));
    QVERIFY(error.code != Code::None);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
    QCOMPARE(listing(m_dir->path()), QStringList{u"taken.mesh"_s});
}

void TestGenerator::writeCatalogLeavesOnlyTheCatalog()
{
    GeneratorOptions options;
    options.products = 1500;
    QList<std::pair<int, int>> progress;
    CatalogError error;
    QVERIFY2(Generator(options).writeCatalog(
                 m_dir->filePath(u"done.mesh"_s),
                 [&](int done, int total) {
                     progress.append({done, total});
                     return true;
                 },
                 &error),
             qPrintable(error.message));
    QCOMPARE(listing(m_dir->path()), QStringList{u"done.mesh"_s});
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), std::make_pair(options.products, options.products));
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i - 1).first < progress.at(i).first);
}

void TestGenerator::cancelledWriteLeavesNothing()
{
    GeneratorOptions options;
    options.products = 50;
    const QString path = m_dir->filePath(u"cancelled.mesh"_s);
    CatalogError error;
    QVERIFY(!Generator(options).writeCatalog(
        path, [](int, int) { return false; }, &error));
    QVERIFY(error.code != Code::None);
    QCOMPARE(listing(m_dir->path()), QStringList());
}

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
