// SPDX-License-Identifier: MIT
#include "access/auditlog.h"
#include "editing/editingservice.h"
#include "editing/metadatafield.h"
#include "editingfixture.h"
#include "search/searchtypes.h"

#include <QTest>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("finance.gross-margin");
const QString kOwner = QStringLiteral("leila.farahani");
const QString kSteward = QStringLiteral("ingrid.berg");  // Finance's steward
const QString kOutsider = QStringLiteral("maria.lopez"); // owns Sales products, not this one

qint64 versionRows(SqliteCatalogStore &store)
{
    return store.database()
        .scalar(QStringLiteral("SELECT count(*) FROM product_versions"))
        .toLongLong();
}

QStringList keysFor(SqliteCatalogStore &store, const QString &query)
{
    SearchRequest r;
    r.text = query;
    QStringList keys;
    for (const SearchHit &h : store.search(r).hits)
        keys.append(h.key);
    return keys;
}

qint64 facetCount(const FacetCounts &facets, FacetKind kind, const QString &value)
{
    for (const FacetCount &f : facets.value(kind))
        if (f.value == value)
            return f.count;
    return 0;
}

} // namespace

class TestEditingService : public QObject
{
    Q_OBJECT

private slots:
    void ownerSavesNewVersionWithAuthorAndTime();
    void domainStewardMayEdit();
    void refusesEditByNonOwnerWithReason();
    void refusesInvalidValuesAndKeepsProduct();
    void unchangedSaveCreatesNoVersion();
    void secondConnectionSaveIsRefusedAsConflict();
    void overwriteAfterConflictKeepsBothInHistory();
    void diffsVersionsReadably();
    void revertIsItselfANewVersion();
    void searchAndFacetsReflectEdits();
    void setFieldsParsesFieldNames();
    void lineDiffMarksChangedLines();
};

void TestEditingService::ownerSavesNewVersionWithAuthorAndTime()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    const auto loaded = editing.load(kProduct);
    QVERIFY(loaded);
    QCOMPARE(loaded->version, 0);
    Product p = loaded->product;
    const QString before = p.description;
    p.description += QStringLiteral("\n\nReviewed by finance in November.");
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
    const EditOutcome o = editing.save(kOwner, p, loaded->version);
    QCOMPARE(o.code, EditOutcome::Code::Ok);
    QCOMPARE(o.version, 2); // 1 records the product as it was before the first edit
    QCOMPARE(demo.store->productByKey(kProduct)->description, p.description);

    const QList<ProductVersion> history = editing.history(kProduct);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).number, 2);
    QCOMPARE(history.at(0).author, kOwner);
    QVERIFY(history.at(0).at >= start.addSecs(-1));
    QVERIFY(history.at(0).summary.contains(QStringLiteral("description")));
    QCOMPARE(history.at(0).snapshot.value(QStringLiteral("description")).toString(), p.description);
    QCOMPARE(history.at(1).number, 1);
    QCOMPARE(history.at(1).snapshot.value(QStringLiteral("description")).toString(), before);

    // The edit is in the audit log, with the policy's reason, and the chain still verifies.
    AuditFilter filter;
    filter.action = QStringLiteral("edit-metadata");
    const QList<AuditEntry> entries = AuditLog::entries(demo.store->database(), filter);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().actor, kOwner);
    QCOMPARE(entries.first().productKey, kProduct);
    QCOMPARE(entries.first().subject, QStringLiteral("version 2"));
    QVERIFY(entries.first().detail.contains(QStringLiteral("owner")));
    QVERIFY(AuditLog::verify(demo.store->database()).intact());
}

void TestEditingService::domainStewardMayEdit()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    QVERIFY(editing.mayEdit(kSteward, kProduct).allowed());
    const EditOutcome o =
        editing.setFields(kSteward, kProduct,
                          {{QStringLiteral("tags"), QStringLiteral("gross-margin, curated, kpi")}});
    QCOMPARE(o.code, EditOutcome::Code::Ok);
    QCOMPARE(demo.store->productByKey(kProduct)->tags,
             (QStringList{QStringLiteral("gross-margin"), QStringLiteral("curated"),
                          QStringLiteral("kpi")}));
    QCOMPARE(editing.history(kProduct).first().author, kSteward);
}

void TestEditingService::refusesEditByNonOwnerWithReason()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    const Product before = *demo.store->productByKey(kProduct);
    for (const QString &user : {kOutsider, QStringLiteral("stranger"), QString()}) {
        const AccessDecision d = editing.mayEdit(user, kProduct);
        QVERIFY(!d.allowed());
        Product p = before;
        p.description = QStringLiteral("vandalised");
        const EditOutcome o = editing.save(user, p, 0);
        QCOMPARE(o.code, EditOutcome::Code::Refused);
        QVERIFY2(o.message.contains(QStringLiteral("Only the owner or a steward of Gross Margin")),
                 qPrintable(o.message));
    }
    // Another domain's steward is no steward of this product either.
    QVERIFY(!editing.mayEdit(QStringLiteral("priya.raman"), kProduct).allowed());
    QCOMPARE(MeshTest::metadataOf(*demo.store->productByKey(kProduct)),
             MeshTest::metadataOf(before));
    QCOMPARE(versionRows(*demo.store), 0);
}

void TestEditingService::refusesInvalidValuesAndKeepsProduct()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    const Product before = *demo.store->productByKey(kProduct);
    const QList<std::pair<QString, QString>> bad = {
        {QStringLiteral("owner"), QStringLiteral("nobody.here")},
        {QStringLiteral("status"), QStringLiteral("shiny")},
        {QStringLiteral("freshness_sla_hours"), QStringLiteral("-3")},
        {QStringLiteral("freshness_sla_hours"), QStringLiteral("soon")},
        {QStringLiteral("column.period.classification"), QStringLiteral("very secret!")},
        {QStringLiteral("colour"), QStringLiteral("blue")},
        {QStringLiteral("column.nosuch.description"), QStringLiteral("x")},
    };
    for (const auto &[field, value] : bad) {
        const EditOutcome o = editing.setFields(kOwner, kProduct, {{field, value}});
        QVERIFY2(o.code == EditOutcome::Code::Invalid, qPrintable(field));
        QVERIFY2(!o.message.isEmpty(), qPrintable(field));
    }
    QCOMPARE(MeshTest::metadataOf(*demo.store->productByKey(kProduct)),
             MeshTest::metadataOf(before));
    QCOMPARE(versionRows(*demo.store), 0);
}

void TestEditingService::unchangedSaveCreatesNoVersion()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    const auto loaded = editing.load(kProduct);
    const EditOutcome o = editing.save(kOwner, loaded->product, loaded->version);
    QCOMPARE(o.code, EditOutcome::Code::Unchanged);
    QVERIFY(o.ok());
    QCOMPARE(versionRows(*demo.store), 0);
}

void TestEditingService::secondConnectionSaveIsRefusedAsConflict()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    auto other = demo.openAnother();
    QVERIFY(other);
    EditingService first(*demo.store);
    EditingService second(*other);
    // Both windows open the product at the same version.
    const VersionedProduct a = *first.load(kProduct);
    const VersionedProduct b = *second.load(kProduct);
    QCOMPARE(a.version, b.version);

    Product mine = a.product;
    mine.freshnessSlaHours = 12;
    QCOMPARE(first.save(kOwner, mine, a.version).code, EditOutcome::Code::Ok);

    Product theirs = b.product;
    theirs.description = QStringLiteral("Steward's rewrite.");
    const EditOutcome o = second.save(kSteward, theirs, b.version);
    QCOMPARE(o.code, EditOutcome::Code::Conflict);
    QCOMPARE(o.changedBy, kOwner);
    QVERIFY(o.changedAt.isValid());
    QCOMPARE(o.version, 2);
    QVERIFY2(o.message.contains(QStringLiteral("changed by leila.farahani at ")),
             qPrintable(o.message));
    QVERIFY(o.message.contains(o.changedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    // Nothing of the refused save landed, and the first save is intact.
    const Product now = *other->productByKey(kProduct);
    QCOMPARE(now.freshnessSlaHours, 12);
    QCOMPARE(now.description, a.product.description);
    QCOMPARE(second.currentVersion(kProduct), 2);

    // Starting again from the newest version works.
    const VersionedProduct fresh = *second.load(kProduct);
    Product retry = fresh.product;
    retry.description = theirs.description;
    QCOMPARE(second.save(kSteward, retry, fresh.version).code, EditOutcome::Code::Ok);
    const Product merged = *demo.store->productByKey(kProduct);
    QCOMPARE(merged.freshnessSlaHours, 12);
    QCOMPARE(merged.description, theirs.description);
}

void TestEditingService::overwriteAfterConflictKeepsBothInHistory()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    auto other = demo.openAnother();
    EditingService first(*demo.store);
    EditingService second(*other);
    const VersionedProduct a = *first.load(kProduct);
    Product mine = a.product;
    mine.status = QStringLiteral("deprecated");
    QCOMPARE(first.save(kOwner, mine, 0).code, EditOutcome::Code::Ok);
    Product theirs = a.product;
    theirs.accessPolicy = QStringLiteral("Finance only.");
    QCOMPARE(second.save(kSteward, theirs, 0).code, EditOutcome::Code::Conflict);
    const EditOutcome o = second.save(kSteward, theirs, 0, {}, true);
    QCOMPARE(o.code, EditOutcome::Code::Ok);
    QCOMPARE(o.version, 3);
    const QList<ProductVersion> h = first.history(kProduct);
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.at(1).snapshot.value(QStringLiteral("status")).toString(),
             QStringLiteral("deprecated"));
    QCOMPARE(h.at(0).snapshot.value(QStringLiteral("status")).toString(), a.product.status);
    AuditFilter filter;
    filter.action = QStringLiteral("edit-metadata");
    const QList<AuditEntry> entries = AuditLog::entries(demo.store->database(), filter);
    QCOMPARE(entries.size(), 2);
    bool overwriteAudited = false;
    for (const AuditEntry &e : entries)
        overwriteAudited =
            overwriteAudited || e.detail.contains(QStringLiteral("Overwrote version 2"));
    QVERIFY(overwriteAudited);
}

void TestEditingService::diffsVersionsReadably()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    QCOMPARE(editing
                 .setFields(kOwner, kProduct,
                            {{QStringLiteral("column.product_line.classification"),
                              QStringLiteral("Internal.ProductLine")},
                             {QStringLiteral("steward"), QStringLiteral("rafael.costa")}})
                 .code,
             EditOutcome::Code::Ok);
    const auto changes = editing.diff(kProduct, 1, 2);
    QVERIFY(changes);
    QCOMPARE(changes->size(), 2);
    QCOMPARE(changes->at(0).field, QStringLiteral("steward"));
    QCOMPARE(changes->at(0).before, kSteward);
    QCOMPARE(changes->at(0).after, QStringLiteral("rafael.costa"));
    QCOMPARE(changes->at(1).field,
             QStringLiteral("column.gross_margin_monthly/product_line.classification"));
    QCOMPARE(changes->at(1).after, QStringLiteral("Internal.ProductLine"));
    const QString text = MetadataSnapshot::diffText(*changes);
    QVERIFY2(text.contains(QStringLiteral("steward: “ingrid.berg” → “rafael.costa”")),
             qPrintable(text));
    // The reverse direction swaps before and after; a version with itself has no differences.
    QCOMPARE(editing.diff(kProduct, 2, 1)->at(0).after, kSteward);
    QVERIFY(editing.diff(kProduct, 2, 2)->isEmpty());
    QString error;
    QVERIFY(!editing.diff(kProduct, 1, 9, &error));
    QVERIFY(error.contains(QStringLiteral("no version 9")));
}

void TestEditingService::revertIsItselfANewVersion()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    EditingService editing(*demo.store);
    const Product original = *demo.store->productByKey(kProduct);
    QCOMPARE(
        editing.setFields(kOwner, kProduct, {{QStringLiteral("description"), QStringLiteral("v2")}})
            .version,
        2);
    QCOMPARE(editing.setFields(kOwner, kProduct, {{QStringLiteral("tags"), QStringLiteral("x, y")}})
                 .version,
             3);
    // A stale base is refused for reverts too.
    QCOMPARE(editing.revert(kOwner, kProduct, 1, 2).code, EditOutcome::Code::Conflict);
    QCOMPARE(editing.revert(kOutsider, kProduct, 1, 3).code, EditOutcome::Code::Refused);
    const EditOutcome o = editing.revert(kOwner, kProduct, 1, 3);
    QCOMPARE(o.code, EditOutcome::Code::Ok);
    QCOMPARE(o.version, 4);
    QCOMPARE(MeshTest::metadataOf(*demo.store->productByKey(kProduct)),
             MeshTest::metadataOf(original));
    const QList<ProductVersion> h = editing.history(kProduct);
    QCOMPARE(h.size(), 4);
    QCOMPARE(h.first().summary, QStringLiteral("Reverted to version 1"));
    QVERIFY(editing.diff(kProduct, 1, 4)->isEmpty());
    // Reverting to where it already is saves nothing.
    QCOMPARE(editing.revert(kOwner, kProduct, 4, 4).code, EditOutcome::Code::Unchanged);
    QCOMPARE(editing.revert(kOwner, kProduct, 7, 4).code, EditOutcome::Code::Invalid);
}

void TestEditingService::searchAndFacetsReflectEdits()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    // The GUI searches on its own read-only connection, whose facet index was built before.
    CatalogError error;
    auto reader =
        SqliteCatalogStore::open(demo.path(), SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY(reader);
    SearchRequest all;
    const FacetCounts before = reader->facets(all, 1000);
    const qint64 financeOwnedByRafael =
        facetCount(before, FacetKind::Owner, QStringLiteral("rafael.costa"));
    const qint64 curated = facetCount(before, FacetKind::Tag, QStringLiteral("curated"));
    QVERIFY(curated > 0);
    QVERIFY(!keysFor(*reader, QStringLiteral("zebracrossing")).contains(kProduct));

    EditingService editing(*demo.store);
    QCOMPARE(editing
                 .setFields(
                     kOwner, kProduct,
                     {{QStringLiteral("tags"), QStringLiteral("gross-margin, month-end-close")},
                      {QStringLiteral("description"), QStringLiteral("Margin; see zebracrossing.")},
                      {QStringLiteral("owner"), QStringLiteral("rafael.costa")}})
                 .code,
             EditOutcome::Code::Ok);

    QVERIFY(keysFor(*reader, QStringLiteral("zebracrossing")).contains(kProduct));
    QVERIFY(keysFor(*reader, QStringLiteral("month-end-close")).contains(kProduct));
    const FacetCounts facets = reader->facets(all, 1000);
    QCOMPARE(facetCount(facets, FacetKind::Tag, QStringLiteral("month-end-close")), 1);
    QCOMPARE(facetCount(facets, FacetKind::Tag, QStringLiteral("curated")), curated - 1);
    QCOMPARE(facetCount(facets, FacetKind::Owner, QStringLiteral("rafael.costa")),
             financeOwnedByRafael + 1);
    // The owner's display name is searchable under the new owner.
    SearchRequest byOwner;
    byOwner.text = QStringLiteral("Rafael");
    bool found = false;
    for (const SearchHit &h : reader->search(byOwner).hits)
        found = found || h.key == kProduct;
    QVERIFY(found);
}

void TestEditingService::setFieldsParsesFieldNames()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    const Product p = *demo.store->productByKey(kProduct);
    const qsizetype edges = demo.store->lineageOf(kProduct).size();
    QVERIFY(edges > 0);
    QString error;
    const auto f =
        MetadataField::parse(p, QStringLiteral("column.gross_margin_monthly/period.tags"), &error);
    QVERIFY(f);
    QCOMPARE(f->kind, MetadataField::Kind::ColumnTags);
    QCOMPARE(f->name(p), QStringLiteral("column.gross_margin_monthly/period.tags"));
    QCOMPARE(MetadataField::parse(p, f->name(p), nullptr), f);
    const auto ds =
        MetadataField::parse(p, QStringLiteral("dataset.gross_margin_monthly.description"), &error);
    QVERIFY(ds);
    QCOMPARE(ds->kind, MetadataField::Kind::DatasetDescription);
    QVERIFY(!MetadataField::parse(p, QStringLiteral("dataset.nosuch.description"), &error));
    QVERIFY(error.contains(QStringLiteral("gross_margin_monthly")));
    QVERIFY(!MetadataField::parse(p, QStringLiteral("column.period.type"), &error));
    QVERIFY(error.contains(QStringLiteral("description, classification and tags")));

    EditingService editing(*demo.store);
    QCOMPARE(
        editing
            .setFields(
                kOwner, kProduct,
                {{QStringLiteral("column.period.description"), QStringLiteral("Month, YYYY-MM.")},
                 {QStringLiteral("column.period.tags"), QStringLiteral("time, , time,period")},
                 {QStringLiteral("sla"), QStringLiteral("48")}})
            .code,
        EditOutcome::Code::Ok);
    const Product after = *demo.store->productByKey(kProduct);
    const Column &period = after.datasets.first().columns.first();
    QCOMPARE(period.description, QStringLiteral("Month, YYYY-MM."));
    QCOMPARE(period.tags, (QStringList{QStringLiteral("time"), QStringLiteral("period")}));
    QCOMPARE(after.freshnessSlaHours, 48);
    // Nothing but the edited metadata changed: locations, types and lineage are untouched.
    QCOMPARE(after.datasets.first().location, p.datasets.first().location);
    QCOMPARE(after.datasets.first().columns.size(), p.datasets.first().columns.size());
    QCOMPARE(demo.store->lineageOf(kProduct).size(), edges);
}

void TestEditingService::lineDiffMarksChangedLines()
{
    const QStringList d =
        MetadataSnapshot::lineDiff(QStringLiteral("a\nb\nc"), QStringLiteral("a\nB\nc\nd"));
    QCOMPARE(d, (QStringList{QStringLiteral("  a"), QStringLiteral("- b"), QStringLiteral("+ B"),
                             QStringLiteral("  c"), QStringLiteral("+ d")}));
}

QTEST_GUILESS_MAIN(TestEditingService)
#include "tst_editingservice.moc"
