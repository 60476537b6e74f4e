// SPDX-License-Identifier: MIT
#include "access/auditlog.h"
#include "editing/darkdataservice.h"
#include "editing/editingservice.h"
#include "editingfixture.h"

#include <QTest>

using namespace Mesh;

namespace {

const QStringList kAshisTables = {
    QStringLiteral("legacy.cust_map_v2"), QStringLiteral("legacy.evt_dump_x"),
    QStringLiteral("legacy.fx_rates_tmp"), QStringLiteral("legacy.orders_bak_2024")};
const QString kFx = QStringLiteral("legacy.fx_rates_tmp");
const QString kClaimant = QStringLiteral("leila.farahani"); // uses the fx table for gross margin
const QString kSteward = QStringLiteral("priya.raman");     // a steward (Sales & Marketing)

QStringList keys(const QList<UnclaimedProduct> &list)
{
    QStringList k;
    for (const UnclaimedProduct &u : list)
        k.append(u.productKey);
    k.sort();
    return k;
}

QStringList auditActions(SqliteCatalogStore &store, const QString &productKey)
{
    AuditFilter f;
    f.productKey = productKey;
    QStringList actions;
    for (const AuditEntry &e : AuditLog::entries(store.database(), f))
        actions.append(e.action);
    actions.sort();
    return actions;
}

} // namespace

class TestDarkDataService : public QObject
{
    Q_OBJECT

private slots:
    void listsAshisTablesOnTheDemo();
    void neverPreviewedIsOptionalAndClearedByAPreview();
    void documentingAProductTakesItOffTheList();
    void claimApprovedByAStewardMakesTheClaimantOwner();
    void claimRulesAreEnforced();
    void deniedClaimNeedsReasonAndIsFinal();
    void withdrawIsForTheClaimantOnly();
};

void TestDarkDataService::listsAshisTablesOnTheDemo()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    const QList<UnclaimedProduct> list = DarkDataService(*demo.store).unclaimed();
    QCOMPARE(keys(list), kAshisTables);
    for (const UnclaimedProduct &u : list) {
        QVERIFY(u.noOwner);
        QVERIFY(u.neverPreviewed);
        QVERIFY(u.reasons().contains(QStringLiteral("no owner")));
        QVERIFY(!u.undocumentedDatasets.isEmpty());
        QVERIFY(u.undocumentedColumns > 0);
    }
    // cust_map_v2 has a one-line description; the others have none.
    for (const UnclaimedProduct &u : list)
        QCOMPARE(u.noDescription, u.productKey != QStringLiteral("legacy.cust_map_v2"));
}

void TestDarkDataService::neverPreviewedIsOptionalAndClearedByAPreview()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    DarkDataService dark(*demo.store);
    const qint64 products = demo.store->counts().products;
    QCOMPARE(dark.unclaimed(true).size(), products); // a fresh catalog: nobody previewed anything
    QVERIFY(dark.recordPreview(QStringLiteral("finance.gross-margin"),
                               QStringLiteral("leila.farahani")));
    QVERIFY(
        dark.recordPreview(QStringLiteral("finance.gross-margin"), QStringLiteral("ingrid.berg")));
    QVERIFY(dark.recordPreview(kFx, QStringLiteral("leila.farahani")));
    const QList<UnclaimedProduct> all = dark.unclaimed(true);
    QCOMPARE(all.size(), products - 1);
    QVERIFY(!keys(all).contains(QStringLiteral("finance.gross-margin")));
    for (const UnclaimedProduct &u : all)
        if (u.productKey == kFx) {
            QVERIFY(!u.neverPreviewed); // still listed: no owner
            QVERIFY(u.lastPreviewedAt.isValid());
        }
    QCOMPARE(demo.store->database()
                 .scalar(QStringLiteral("SELECT count FROM product_previews WHERE product_key = "
                                        "'finance.gross-margin'"))
                 .toInt(),
             2);
}

void TestDarkDataService::documentingAProductTakesItOffTheList()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    // The admin may edit anything; documenting is not owning, so it stays listed until claimed.
    EditingService editing(*demo.store);
    const QString admin = QStringLiteral("ravi.patel");
    QCOMPARE(editing
                 .setFields(admin, kFx,
                            {{QStringLiteral("description"), QStringLiteral("Daily FX rates.")},
                             {QStringLiteral("dataset.fx_rates_tmp.description"),
                              QStringLiteral("One row per currency and day.")}})
                 .code,
             EditOutcome::Code::Ok);
    for (const UnclaimedProduct &u : DarkDataService(*demo.store).unclaimed())
        if (u.productKey == kFx) {
            QVERIFY(!u.noDescription);
            QVERIFY(u.undocumentedDatasets.isEmpty());
            QCOMPARE(u.reasons().first(), QStringLiteral("no owner"));
        }
}

void TestDarkDataService::claimApprovedByAStewardMakesTheClaimantOwner()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    DarkDataService dark(*demo.store);
    const AccessOutcome filed =
        dark.claim(kClaimant, kFx, QStringLiteral("Gross margin converts with it"));
    QCOMPARE(filed.code, AccessOutcome::Code::Ok);
    QVERIFY(filed.id > 0);
    for (const UnclaimedProduct &u : dark.unclaimed())
        if (u.productKey == kFx) {
            QCOMPARE(u.pendingClaimId, filed.id);
            QCOMPARE(u.pendingClaimant, kClaimant);
        }
    // Any steward decides claims on dark data (it has no domain); the claimant does not.
    QCOMPARE(dark.claimsToDecide(kSteward).size(), 1);
    QVERIFY(dark.claimsToDecide(kClaimant).isEmpty());
    QVERIFY(dark.claimsToDecide(QStringLiteral("maria.lopez")).isEmpty());

    const AccessOutcome approved = dark.approve(kSteward, filed.id);
    QCOMPARE(approved.code, AccessOutcome::Code::Ok);
    QCOMPARE(demo.store->productByKey(kFx)->ownerId, kClaimant);
    // Still listed while undocumented, but owned now.
    for (const UnclaimedProduct &u : dark.unclaimed())
        if (u.productKey == kFx) {
            QVERIFY(!u.noOwner);
            QCOMPARE(u.pendingClaimId, 0);
            QVERIFY(!u.reasons().contains(QStringLiteral("no owner")));
        }
    const auto claim = dark.claimById(filed.id);
    QCOMPARE(claim->status, OwnershipClaim::Status::Approved);
    QCOMPARE(claim->decidedBy, kSteward);
    // The ownership change is a metadata version by the steward, and the new owner may edit.
    EditingService editing(*demo.store);
    const QList<ProductVersion> history = editing.history(kFx);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().author, kSteward);
    QVERIFY(history.first().summary.contains(QStringLiteral("claim #%1").arg(filed.id)));
    QVERIFY(editing.mayEdit(kClaimant, kFx).allowed());
    QCOMPARE(auditActions(*demo.store, kFx),
             (QStringList{QStringLiteral("approve-claim"), QStringLiteral("claim-ownership")}));
    QVERIFY(AuditLog::verify(demo.store->database()).intact());
    // Once owned, the product cannot be claimed again.
    QCOMPARE(dark.claim(QStringLiteral("kenji.watanabe"), kFx, {}).code,
             AccessOutcome::Code::Refused);
}

void TestDarkDataService::claimRulesAreEnforced()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    DarkDataService dark(*demo.store);
    // Owned products are not up for claims; unknown people and products are refused clearly.
    const AccessOutcome owned = dark.claim(kClaimant, QStringLiteral("sales.hubspot-deals"), {});
    QCOMPARE(owned.code, AccessOutcome::Code::Refused);
    QVERIFY2(owned.message.contains(QStringLiteral("already owned by")), qPrintable(owned.message));
    QCOMPARE(dark.claim(QStringLiteral("stranger"), kFx, {}).code, AccessOutcome::Code::Refused);
    QCOMPARE(dark.claim(kClaimant, QStringLiteral("no.such"), {}).code,
             AccessOutcome::Code::Invalid);

    const AccessOutcome filed = dark.claim(kClaimant, kFx, {});
    QCOMPARE(filed.code, AccessOutcome::Code::Ok);
    QCOMPARE(dark.claim(kClaimant, kFx, {}).code, AccessOutcome::Code::Invalid); // one pending each
    // Nobody approves their own claim, and an owner who is no steward cannot approve.
    QCOMPARE(dark.approve(kClaimant, filed.id).code, AccessOutcome::Code::Refused);
    const AccessOutcome notSteward = dark.approve(QStringLiteral("maria.lopez"), filed.id);
    QCOMPARE(notSteward.code, AccessOutcome::Code::Refused);
    QVERIFY(notSteward.message.contains(QStringLiteral("Only a steward")));
    QVERIFY(demo.store->productByKey(kFx)->ownerId.isEmpty());
    QCOMPARE(dark.approve(kSteward, 999).code, AccessOutcome::Code::Invalid);
    // The governance council may approve too.
    QCOMPARE(dark.approve(QStringLiteral("aiko.tanaka"), filed.id).code, AccessOutcome::Code::Ok);
    QCOMPARE(dark.approve(kSteward, filed.id).code, AccessOutcome::Code::Invalid); // final
}

void TestDarkDataService::deniedClaimNeedsReasonAndIsFinal()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    DarkDataService dark(*demo.store);
    const qint64 id = dark.claim(kClaimant, kFx, {}).id;
    QCOMPARE(dark.deny(kSteward, id, QStringLiteral("  ")).code, AccessOutcome::Code::Invalid);
    QCOMPARE(dark.deny(kSteward, id, QStringLiteral("Treasury owns FX")).code,
             AccessOutcome::Code::Ok);
    QVERIFY(demo.store->productByKey(kFx)->ownerId.isEmpty());
    QCOMPARE(dark.claimById(id)->decisionReason, QStringLiteral("Treasury owns FX"));
    QCOMPARE(dark.approve(kSteward, id).code, AccessOutcome::Code::Invalid);
    // The table refuses changes to a decided claim even past the service.
    QString error;
    QVERIFY(!demo.store->database().exec(
        QStringLiteral("UPDATE ownership_claims SET status = 'approved' WHERE id = %1").arg(id),
        &error));
    QVERIFY(error.contains(QStringLiteral("final")));
    QCOMPARE(auditActions(*demo.store, kFx),
             (QStringList{QStringLiteral("claim-ownership"), QStringLiteral("deny-claim")}));
}

void TestDarkDataService::withdrawIsForTheClaimantOnly()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    DarkDataService dark(*demo.store);
    const qint64 id = dark.claim(kClaimant, kFx, {}).id;
    QCOMPARE(dark.withdraw(kSteward, id).code, AccessOutcome::Code::Refused);
    QCOMPARE(dark.withdraw(kClaimant, id).code, AccessOutcome::Code::Ok);
    QCOMPARE(dark.claimById(id)->status, OwnershipClaim::Status::Withdrawn);
    QVERIFY(dark.claimsToDecide(kSteward).isEmpty());
    // A new claim may follow a withdrawn one.
    QCOMPARE(dark.claim(kClaimant, kFx, {}).code, AccessOutcome::Code::Ok);
}

QTEST_GUILESS_MAIN(TestDarkDataService)
#include "tst_darkdataservice.moc"
