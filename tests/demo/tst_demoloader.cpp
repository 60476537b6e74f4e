// SPDX-License-Identifier: MIT
#include "demo/demoloader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;
using Code = CatalogError::Code;

namespace {

constexpr int kMinSampleRecords = 200;

/** The records of an API-shaped JSON sample: a top-level array or the envelope's list. */
QJsonArray recordsOf(const QJsonDocument &doc)
{
    if (doc.isArray())
        return doc.array();
    const QJsonObject o = doc.object();
    for (const QString &key :
         {u"results"_s, u"issues"_s, u"Report_Entry"_s, u"items"_s, u"values"_s}) {
        if (o.value(key).isArray())
            return o.value(key).toArray();
    }
    const QJsonValue records = o.value(u"data"_s).toObject().value(u"records"_s);
    return records.toArray();
}

/** True when the dotted path (e.g. "fields.status.name") names a key in record. */
bool hasPath(const QJsonObject &record, const QString &path)
{
    QJsonValue v = record;
    for (const QString &part : path.split(u'.')) {
        const QJsonObject o = v.toObject();
        if (!o.contains(part))
            return false;
        v = o.value(part);
    }
    return true;
}

/**
 * CSV records with RFC 4180 quoting (quoted fields may hold the delimiter, quotes and newlines).
 * Returns false on an unterminated quote.
 */
bool parseCsv(const QByteArray &bytes, QChar delimiter, QList<QStringList> *records)
{
    const QString text = QString::fromUtf8(bytes);
    QStringList record;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == delimiter) {
            record.append(field);
            field.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            if (any || !field.isEmpty()) {
                record.append(field);
                records->append(record);
            }
            record.clear();
            field.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any || !field.isEmpty()) {
        record.append(field);
        records->append(record);
    }
    return !quoted;
}

} // namespace

/** DemoLoader and the Messy Inc. demo it builds: shape, consistency and sample files. */
class TestDemoLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void demoHasSevenDomainsAndAFewDozenProducts();
    void catalogHoldsEverythingTheDescriptorLists();
    void ownedProductsAreDocumented();
    void darkDataHasNoDomain();
    void ownersAndStewardsAreKnownUsers();
    void lineageEdgesResolveAndFormNoCycle();
    void everySampleExistsParsesAndHasEnoughRecords_data();
    void everySampleExistsParsesAndHasEnoughRecords();
    void createDemoCatalogRefusesExistingPath();
    void loaderRejectsDescriptorWithoutFormat_data();
    void loaderRejectsDescriptorWithoutFormat();
    void loaderWritesNothingWhenDescriptorIsInconsistent();
    void timesMoveForwardTogetherSoTheNewestIsAnHourOld();

private:
    QList<Product> allProducts() const;

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SqliteCatalogStore> m_store;
    QJsonObject m_descriptor;
};

void TestDemoLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"messy.mesh"_s);
    CatalogError error;
    m_store = DemoLoader::createDemoCatalog(m_path, &error);
    QVERIFY2(m_store, qPrintable(error.message));
    QCOMPARE(error.code, Code::None);
    m_descriptor = MeshTest::demoDescriptor();
    QCOMPARE(m_descriptor.value(u"format"_s).toString(), u"mesh-explorer-demo"_s);
}

QList<Product> TestDemoLoader::allProducts() const
{
    QList<Product> products;
    for (const QJsonValue &v : m_descriptor.value(u"products"_s).toArray()) {
        const std::optional<Product> p =
            m_store->productByKey(v.toObject().value(u"key"_s).toString());
        if (p)
            products.append(*p);
    }
    return products;
}

void TestDemoLoader::demoHasSevenDomainsAndAFewDozenProducts()
{
    QCOMPARE(m_store->domains().size(), 7);
    const CatalogCounts counts = m_store->counts();
    QVERIFY2(counts.products >= 25 && counts.products <= 40,
             qPrintable(QString::number(counts.products)));
    QVERIFY(counts.datasets >= counts.products - 1);
    QVERIFY(counts.lineageEdges > 0);
    QCOMPARE(m_store->displayName(),
             m_descriptor.value(u"catalog"_s).toObject().value(u"name"_s).toString());
}

void TestDemoLoader::catalogHoldsEverythingTheDescriptorLists()
{
    const CatalogCounts counts = m_store->counts();
    QCOMPARE(counts.domains, m_descriptor.value(u"domains"_s).toArray().size());
    QCOMPARE(counts.users, m_descriptor.value(u"users"_s).toArray().size());
    QCOMPARE(counts.lineageEdges, m_descriptor.value(u"lineage"_s).toArray().size());
    const QJsonArray products = m_descriptor.value(u"products"_s).toArray();
    QCOMPARE(counts.products, products.size());
    QCOMPARE(allProducts().size(), products.size());
    qint64 columns = 0;
    for (const QJsonValue &p : products)
        for (const QJsonValue &ds : p.toObject().value(u"datasets"_s).toArray())
            columns += ds.toObject().value(u"columns"_s).toArray().size();
    QCOMPARE(counts.columns, columns);
}

void TestDemoLoader::ownedProductsAreDocumented()
{
    int owned = 0;
    for (const Product &p : allProducts()) {
        if (p.domain.isEmpty())
            continue;
        ++owned;
        QVERIFY2(!p.ownerId.isEmpty(), qPrintable(p.key));
        QVERIFY2(!p.stewardId.isEmpty(), qPrintable(p.key));
        QVERIFY2(!p.description.trimmed().isEmpty(), qPrintable(p.key));
        QVERIFY2(!p.datasets.isEmpty(), qPrintable(p.key));
        for (const Dataset &ds : p.datasets) {
            QVERIFY2(!ds.columns.isEmpty(), qPrintable(p.key + u'/' + ds.name));
            for (const Column &c : ds.columns)
                QVERIFY2(!c.name.isEmpty() && !c.type.isEmpty(), qPrintable(p.key));
        }
    }
    QVERIFY(owned >= 25);
}

void TestDemoLoader::darkDataHasNoDomain()
{
    QStringList dark;
    for (const Product &p : allProducts())
        if (p.domain.isEmpty())
            dark.append(p.key);
    QVERIFY2(!dark.isEmpty(), "the demo tells the story of undocumented dark data");
    // They show up under the facet's "none" bucket.
    qint64 none = -1;
    for (const FacetCount &c : m_store->facets({}, 100).value(FacetKind::Domain))
        if (c.value.isEmpty())
            none = c.count;
    QCOMPARE(none, dark.size());
}

void TestDemoLoader::ownersAndStewardsAreKnownUsers()
{
    for (const Product &p : allProducts()) {
        if (!p.ownerId.isEmpty())
            QVERIFY2(m_store->user(p.ownerId), qPrintable(p.key + u": "_s + p.ownerId));
        if (!p.stewardId.isEmpty())
            QVERIFY2(m_store->user(p.stewardId), qPrintable(p.key + u": "_s + p.stewardId));
    }
}

void TestDemoLoader::lineageEdgesResolveAndFormNoCycle()
{
    const QList<LineageEdge> edges = m_store->lineageEdges();
    QCOMPARE(edges.size(), m_descriptor.value(u"lineage"_s).toArray().size());
    QHash<QString, QStringList> next;
    for (const LineageEdge &e : edges) {
        QVERIFY2(m_store->productByKey(e.fromKey), qPrintable(e.fromKey));
        QVERIFY2(m_store->productByKey(e.toKey), qPrintable(e.toKey));
        QVERIFY(e.fromKey != e.toKey);
        next[e.fromKey].append(e.toKey);
    }
    // Depth-first search: raw → curated → KPI never loops back.
    enum State
    {
        Unseen,
        Open,
        Done
    };
    QHash<QString, State> state;
    std::function<bool(const QString &)> acyclicFrom = [&](const QString &key) {
        state[key] = Open;
        for (const QString &to : next.value(key)) {
            if (state.value(to, Unseen) == Open)
                return false;
            if (state.value(to, Unseen) == Unseen && !acyclicFrom(to))
                return false;
        }
        state[key] = Done;
        return true;
    };
    for (const QString &key : next.keys())
        if (state.value(key, Unseen) == Unseen)
            QVERIFY2(acyclicFrom(key), qPrintable(key));
}

void TestDemoLoader::everySampleExistsParsesAndHasEnoughRecords_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("columns");
    QVERIFY(m_store);
    int rows = 0;
    for (const Product &p : allProducts()) {
        for (const Dataset &ds : p.datasets) {
            QStringList columns;
            for (const Column &c : ds.columns)
                columns.append(c.name);
            QTest::newRow(qPrintable(p.key + u'/' + ds.name))
                << ds.location << ds.format << columns;
            ++rows;
        }
    }
    QVERIFY(rows >= 25);
}

void TestDemoLoader::everySampleExistsParsesAndHasEnoughRecords()
{
    QFETCH(QString, location);
    QFETCH(QString, format);
    QFETCH(QStringList, columns);

    QVERIFY2(!location.isEmpty(), "every demo dataset has a sample");
    const QFileInfo info(location);
    QVERIFY2(info.isFile(), qPrintable(location));
    // Extracted beside the catalog, not read from wherever the build happened.
    QVERIFY2(info.absoluteFilePath().startsWith(
                 QFileInfo(DemoLoader::samplesDirFor(m_path)).absoluteFilePath() + u'/'),
             qPrintable(location));
    QCOMPARE(info.suffix(), format);
    const QByteArray bytes = MeshTest::fileBytes(location);

    if (format == u"json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray records = recordsOf(doc);
        QVERIFY2(records.size() >= kMinSampleRecords, qPrintable(QString::number(records.size())));
        // Column names are dotted paths into a record; each names a field of some record.
        for (const QString &column : columns) {
            const bool found = std::any_of(records.cbegin(), records.cend(), [&](const auto &r) {
                return hasPath(r.toObject(), column);
            });
            QVERIFY2(found, qPrintable(column));
        }
    } else if (format == u"ndjson") {
        int records = 0;
        for (const QByteArray &line : bytes.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(),
                     qPrintable(u"line %1: "_s.arg(records + 1) + error.errorString()));
            for (const QString &column : columns)
                QVERIFY2(hasPath(doc.object(), column), qPrintable(column));
            ++records;
        }
        QVERIFY2(records >= kMinSampleRecords, qPrintable(QString::number(records)));
    } else if (format == u"csv") {
        const QByteArray headerLine = bytes.left(bytes.indexOf('\n'));
        const QChar delimiter = headerLine.count(';') > headerLine.count(',') ? u';' : u',';
        QList<QStringList> records;
        QVERIFY2(parseCsv(bytes, delimiter, &records), "unterminated quote");
        QVERIFY(!records.isEmpty());
        const QStringList header = records.takeFirst();
        QVERIFY(header.size() >= 2);
        for (qsizetype i = 0; i < records.size(); ++i)
            QVERIFY2(records.at(i).size() == header.size(),
                     qPrintable(u"record %1 has %2 fields, the header %3"_s.arg(i + 1)
                                    .arg(records.at(i).size())
                                    .arg(header.size())));
        QVERIFY2(records.size() >= kMinSampleRecords, qPrintable(QString::number(records.size())));
        for (const QString &column : columns)
            QVERIFY2(header.contains(column), qPrintable(column));
    } else {
        QFAIL(qPrintable(u"unexpected sample format "_s + format));
    }
}

void TestDemoLoader::createDemoCatalogRefusesExistingPath()
{
    const QString path = m_dir.filePath(u"mine.mesh"_s);
    QVERIFY(MeshTest::writeFile(path, "someone's data"));
    const QByteArray before = MeshTest::fileSha256(path);
    CatalogError error;
    QVERIFY(!DemoLoader::createDemoCatalog(path, &error));
    QVERIFY(error.code != Code::None);
    QVERIFY2(error.message.contains(path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(path), before);
    QVERIFY(!QFileInfo::exists(DemoLoader::samplesDirFor(path)));

    // The demo built in initTestCase is not rebuilt over either.
    const QByteArray demoBefore = MeshTest::fileSha256(m_path);
    QVERIFY(!DemoLoader::createDemoCatalog(m_path, &error));
    QVERIFY2(error.message.contains(m_path), qPrintable(error.message));
    QCOMPARE(MeshTest::fileSha256(m_path), demoBefore);
}

void TestDemoLoader::loaderRejectsDescriptorWithoutFormat_data()
{
    QTest::addColumn<QJsonValue>("format"); // Undefined: field removed
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("other format") << QJsonValue(u"openmetadata-export"_s);
    QTest::newRow("not a string") << QJsonValue(1);
}

void TestDemoLoader::loaderRejectsDescriptorWithoutFormat()
{
    QFETCH(QJsonValue, format);
    QJsonObject descriptor = m_descriptor;
    if (format.isUndefined())
        descriptor.remove(u"format"_s);
    else
        descriptor.insert(u"format"_s, format);

    QTemporaryDir dir;
    CatalogError error;
    auto store = SqliteCatalogStore::create(dir.filePath(u"x.mesh"_s), u"x"_s, &error);
    QVERIFY(store);
    QVERIFY(!DemoLoader::load(*store, descriptor, dir.filePath(u"samples"_s), &error));
    QCOMPARE(error.code, Code::Invalid);
    QVERIFY2(error.message.contains(u"format"_s), qPrintable(error.message));
    QCOMPARE(store->counts().products, 0);
    QCOMPARE(store->counts().domains, 0);
}

void TestDemoLoader::loaderWritesNothingWhenDescriptorIsInconsistent()
{
    QJsonObject descriptor = m_descriptor;
    QJsonArray lineage = descriptor.value(u"lineage"_s).toArray();
    lineage.append(QJsonObject{{u"from"_s, u"finance.gross-margin"_s},
                               {u"to"_s, u"kpi.no-such-kpi"_s},
                               {u"kind"_s, u"aggregate"_s},
                               {u"job"_s, u"broken"_s}});
    descriptor.insert(u"lineage"_s, lineage);

    QTemporaryDir dir;
    CatalogError error;
    auto store = SqliteCatalogStore::create(dir.filePath(u"x.mesh"_s), u"x"_s, &error);
    QVERIFY(store);
    QVERIFY(!DemoLoader::load(*store, descriptor, dir.filePath(u"samples"_s), &error));
    QVERIFY(error.code != Code::None);
    QVERIFY2(error.message.contains(u"kpi.no-such-kpi"_s), qPrintable(error.message));
    const CatalogCounts counts = store->counts();
    QCOMPARE(counts.products, 0);
    QCOMPARE(counts.users, 0);
    QCOMPARE(counts.lineageEdges, 0);
    QCOMPARE(store->displayName(), u"x"_s);
}

void TestDemoLoader::timesMoveForwardTogetherSoTheNewestIsAnHourOld()
{
    // Freshness must read the same on any day: the newest product is about an hour old and the
    // gaps between products are those of the descriptor.
    QList<QPair<QDateTime, QDateTime>> times; // descriptor, catalog
    for (const QJsonValue &v : MeshTest::demoDescriptor().value(u"products"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const QDateTime written = QDateTime::fromString(o.value(u"updatedAt"_s).toString(), Qt::ISODate);
        const auto product = m_store->productByKey(o.value(u"key"_s).toString());
        QVERIFY(product);
        if (written.isValid())
            times.append({written, product->updatedAt});
    }
    QVERIFY(times.size() > 10);
    const qint64 shift = times.first().first.secsTo(times.first().second);
    QDateTime newest;
    for (const auto &[written, stored] : std::as_const(times)) {
        QCOMPARE(written.secsTo(stored), shift);
        if (!newest.isValid() || stored > newest)
            newest = stored;
    }
    const qint64 age = newest.secsTo(QDateTime::currentDateTimeUtc());
    QVERIFY2(age >= 3500 && age < 3 * 3600, qPrintable(QString::number(age)));
}

QTEST_GUILESS_MAIN(TestDemoLoader)
#include "tst_demoloader.moc"
