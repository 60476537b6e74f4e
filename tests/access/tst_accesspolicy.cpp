// SPDX-License-Identifier: MIT
#include "access/accesspolicy.h"
#include "accessfixture.h"

#include <QTest>

using namespace Mesh;
using Verdict = AccessDecision::Verdict;

namespace {
const QString kSensitive = QStringLiteral("fixture.product-0"); // Finance: owner0, steward
const QString kPlain = QStringLiteral("fixture.product-1");     // Sales: owner1, steward
} // namespace

class TestAccessPolicy : public QObject
{
    Q_OBJECT

private slots:
    void metadataIsVisibleToEveryone();
    void masksPiiWithoutGrant();
    void rolesSeeEverything_data();
    void rolesSeeEverything();
    void maskingFollowsTheGrant();
    void whoMayEditApproveAndAdminister_data();
    void whoMayEditApproveAndAdminister();
    void unknownUserIsAnAnalyst();
    void sensitiveMeansPiiSensitiveOrTagged();
    void holdersSayWhy();
};

void TestAccessPolicy::metadataIsVisibleToEveryone()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QCOMPARE(f.service->policy().decide(QStringLiteral("nobody"), AccessAction::ViewMetadata,
                                        {kSensitive, {}}).verdict,
             Verdict::Allow);
    QCOMPARE(f.service->policy().decide(QStringLiteral("ana"), AccessAction::ViewMetadata,
                                        {QStringLiteral("no.such"), {}}).verdict,
             Verdict::Deny);
}

void TestAccessPolicy::masksPiiWithoutGrant()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    for (AccessAction action : {AccessAction::Preview, AccessAction::Export}) {
        const AccessDecision d = f.service->policy().decide(QStringLiteral("ana"), action,
                                                            {kSensitive, {}});
        QCOMPARE(d.verdict, Verdict::AllowMasked);
        QCOMPARE(d.maskedColumns, QStringList{QStringLiteral("email")});
    }
    // Asking only for non-PII columns needs no mask.
    QCOMPARE(f.service->policy().decide(QStringLiteral("ana"), AccessAction::Preview,
                                        {kSensitive, {QStringLiteral("amount")}}).verdict,
             Verdict::Allow);
}

void TestAccessPolicy::rolesSeeEverything_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("owner") << QStringLiteral("owner0");
    QTest::newRow("product steward") << QStringLiteral("steward");
    QTest::newRow("domain steward") << QStringLiteral("finsteward");
    QTest::newRow("admin") << QStringLiteral("root");
}

void TestAccessPolicy::rolesSeeEverything()
{
    QFETCH(QString, user);
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const AccessDecision d = f.service->policy().decide(user, AccessAction::Preview,
                                                        {kSensitive, {}});
    QCOMPARE(d.verdict, Verdict::Allow);
    QVERIFY(d.maskedColumns.isEmpty());
    QVERIFY(!d.reason.isEmpty());
}

void TestAccessPolicy::maskingFollowsTheGrant()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const AccessPolicy &policy = f.service->policy();
    const QString ana = QStringLiteral("ana");
    // A grant for "id" only leaves email masked.
    qint64 id = f.requestFor(ana, 0, {QStringLiteral("id")});
    QVERIFY(f.service->approve(QStringLiteral("owner0"), id).ok());
    QVERIFY(f.service->approve(QStringLiteral("steward"), id).ok());
    AccessDecision d = policy.decide(ana, AccessAction::Preview, {kSensitive, {}});
    QCOMPARE(d.verdict, Verdict::AllowMasked);
    QCOMPARE(d.maskedColumns, QStringList{QStringLiteral("email")});
    // A grant for email unmasks it, for ana only.
    id = f.requestFor(ana, 0, {QStringLiteral("email")});
    QVERIFY(f.service->approve(QStringLiteral("owner0"), id).ok());
    const qint64 grantId = f.service->approve(QStringLiteral("finsteward"), id).grantId;
    QVERIFY(grantId > 0);
    d = policy.decide(ana, AccessAction::Preview, {kSensitive, {}});
    QCOMPARE(d.verdict, Verdict::Allow);
    QVERIFY2(d.reason.contains(QStringLiteral("Grant #")), qPrintable(d.reason));
    QCOMPARE(policy.decide(QStringLiteral("bob"), AccessAction::Preview, {kSensitive, {}}).verdict,
             Verdict::AllowMasked);
    // Revoked: masked again.
    QVERIFY(f.service->revoke(QStringLiteral("owner0"), grantId).ok());
    QCOMPARE(policy.decide(ana, AccessAction::Preview, {kSensitive, {}}).maskedColumns,
             QStringList{QStringLiteral("email")});
    // A grant that starts tomorrow does not unmask today.
    const AccessOutcome later = f.service->request(ana, kPlain, {}, QStringLiteral("later"),
                                                   f.clock->addDays(1), f.clock->addDays(5));
    QVERIFY(f.service->approve(QStringLiteral("owner1"), later.id).ok());
    QCOMPARE(policy.decide(ana, AccessAction::Export, {kPlain, {}}).verdict, Verdict::AllowMasked);
    *f.clock = f.clock->addDays(1);
    QCOMPARE(policy.decide(ana, AccessAction::Export, {kPlain, {}}).verdict, Verdict::Allow);
}

void TestAccessPolicy::whoMayEditApproveAndAdminister_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("edit");
    QTest::addColumn<bool>("approve");
    QTest::addColumn<bool>("administer");
    QTest::newRow("owner") << QStringLiteral("owner0") << true << true << true;
    QTest::newRow("steward") << QStringLiteral("steward") << true << true << false;
    QTest::newRow("domain steward") << QStringLiteral("finsteward") << true << true << false;
    QTest::newRow("admin") << QStringLiteral("root") << true << false << true;
    QTest::newRow("other owner") << QStringLiteral("owner1") << false << false << false;
    QTest::newRow("analyst") << QStringLiteral("ana") << false << false << false;
}

void TestAccessPolicy::whoMayEditApproveAndAdminister()
{
    QFETCH(QString, user);
    QFETCH(bool, edit);
    QFETCH(bool, approve);
    QFETCH(bool, administer);
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const AccessPolicy &p = f.service->policy();
    QCOMPARE(p.decide(user, AccessAction::EditMetadata, {kSensitive, {}}).allowed(), edit);
    QCOMPARE(p.decide(user, AccessAction::Approve, {kSensitive, {}}).allowed(), approve);
    QCOMPARE(p.decide(user, AccessAction::Administer, {kSensitive, {}}).allowed(), administer);
    if (!approve)
        QVERIFY(!p.decide(user, AccessAction::Approve, {kSensitive, {}}).reason.isEmpty());
}

void TestAccessPolicy::unknownUserIsAnAnalyst()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QCOMPARE(f.service->policy().rolesOf(QStringLiteral("whoever")),
             QStringList{QStringLiteral("analyst")});
    QCOMPARE(f.service->policy().decide(QStringLiteral("whoever"), AccessAction::Preview,
                                        {kSensitive, {}}).verdict,
             Verdict::AllowMasked);
    QVERIFY(!f.service->policy()
                 .decide(QStringLiteral("whoever"), AccessAction::EditMetadata, {kSensitive, {}})
                 .allowed());
}

void TestAccessPolicy::sensitiveMeansPiiSensitiveOrTagged()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(AccessPolicy::isSensitive(*f.store->productByKey(kSensitive)));
    Product plain = *f.store->productByKey(kPlain);
    QVERIFY(!AccessPolicy::isSensitive(plain));
    plain.tags.append(QStringLiteral("sensitive"));
    QVERIFY(AccessPolicy::isSensitive(plain));
    QCOMPARE(f.service->request(f.requestFor(QStringLiteral("ana"), 1))->approvalsNeeded, 1);
}

void TestAccessPolicy::holdersSayWhy()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 grantId =
        f.service->approve(QStringLiteral("owner1"), f.requestFor(QStringLiteral("ana"), 1,
                                                                  {QStringLiteral("email")}))
            .grantId;
    QVERIFY(grantId > 0);
    QMap<QString, QString> why;
    for (const AccessHolder &h : f.service->policy().holders(kPlain))
        why.insert(h.userId, h.why);
    QCOMPARE(why.value(QStringLiteral("owner1")), QStringLiteral("Owner of the product"));
    QCOMPARE(why.value(QStringLiteral("steward")), QStringLiteral("Steward of the product"));
    QCOMPARE(why.value(QStringLiteral("root")), QStringLiteral("Administrator"));
    QVERIFY(why.value(QStringLiteral("ana")).startsWith(QStringLiteral("Grant #%1").arg(grantId)));
    QVERIFY(why.value(QStringLiteral("ana")).contains(QStringLiteral("columns email")));
    QVERIFY(!why.contains(QStringLiteral("bob")));
    QVERIFY(!why.contains(QStringLiteral("finsteward"))); // Finance steward, product is Sales
}

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
