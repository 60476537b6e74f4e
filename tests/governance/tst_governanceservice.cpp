// SPDX-License-Identifier: MIT
// Governance policies stored in the demo catalog: who may set them (AccessPolicy::decide), the
// audit entry each change writes, domains that may only tighten, and the demo's compliance mix.
#include "access/auditlog.h"
#include "demo/demoloader.h"
#include "testsupport.h"
#include "governance/governanceservice.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;
using Kind = GovernancePolicy::Kind;

namespace {

GovernancePolicy rule(Kind kind, const QString &parameter = {}, const QString &scope = {},
                      bool enabled = true)
{
    GovernancePolicy p;
    p.kind = kind;
    p.parameter = parameter;
    p.scope = scope;
    p.enabled = enabled;
    return p;
}

} // namespace

class TestGovernanceService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_store;

    int auditCount(const QString &action)
    {
        AuditFilter f;
        f.action = action;
        return int(AuditLog::entries(m_store->database(), f).size());
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = MeshTest::freshDemoCatalog(m_dir, QStringLiteral("gov"));
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void demoShowsARealisticMix()
    {
        const GovernanceReport r = GovernanceService(*m_store).report();
        QCOMPARE(r.products.size(), 36);
        int compliant = 0;
        for (const ProductCompliance &p : r.products)
            compliant += p.compliant() ? 1 : 0;
        QVERIFY2(compliant >= 18 && compliant < 36, qPrintable(QString::number(compliant)));
        QVERIFY(r.overallScore > 50 && r.overallScore < 100);
        // Every dark table breaks the owner rule; the stricter Finance rule catches a product
        // that the global rule lets through; fx_rates_tmp feeds a KPI without an SLA.
        int darkOwner = 0;
        bool finance = false, fx = false;
        for (const GovernanceViolation &v : r.violations) {
            darkOwner +=
                v.productKey.startsWith(QStringLiteral("legacy.")) && v.kind == Kind::RequiredOwner;
            finance = finance || (v.scope == QStringLiteral("Finance") &&
                                  v.kind == Kind::DescriptionMinLength);
            fx = fx || (v.productKey == QStringLiteral("legacy.fx_rates_tmp") &&
                        v.kind == Kind::KpiFreshnessSla);
        }
        QCOMPARE(darkOwner, 4);
        QVERIFY(finance);
        QVERIFY(fx);
        // Policies are data in the catalog: global defaults plus the demo domains' own.
        const QList<GovernancePolicy> policies = GovernanceService(*m_store).policies();
        QVERIFY(policies.size() >= 9);
        QVERIFY(policies.first().isGlobal());
    }

    void councilSetsGlobalPoliciesAndIsAudited()
    {
        GovernanceService service(*m_store);
        const int before = auditCount(QStringLiteral("set-policy"));
        const double scoreBefore = service.report().overallScore;
        const AccessOutcome o =
            service.setPolicy(QStringLiteral("aiko.tanaka"), rule(Kind::ColumnClassification));
        QVERIFY2(o.ok(), qPrintable(o.message));
        QCOMPARE(auditCount(QStringLiteral("set-policy")), before + 1);
        AuditFilter f;
        f.action = QStringLiteral("set-policy");
        const AuditEntry last = AuditLog::entries(m_store->database(), f).last();
        QCOMPARE(last.actor, QStringLiteral("aiko.tanaka"));
        QVERIFY(last.subject.contains(QStringLiteral("global")));
        QVERIFY(AuditLog::verify(m_store->database()).intact());
        // Many demo columns are unclassified, so the score drops.
        QVERIFY(service.report().overallScore < scoreBefore);
    }

    void stewardsSetOnlyTheirDomain()
    {
        GovernanceService service(*m_store);
        const int before = auditCount(QStringLiteral("set-policy"));
        QVERIFY(
            service
                .setPolicy(QStringLiteral("priya.raman"), rule(Kind::ColumnClassification, {},
                                                               QStringLiteral("Sales & Marketing")))
                .ok());
        const AccessOutcome other =
            service.setPolicy(QStringLiteral("priya.raman"),
                              rule(Kind::ColumnClassification, {}, QStringLiteral("Finance")));
        QCOMPARE(other.code, AccessOutcome::Code::Refused);
        QVERIFY(other.message.contains(QStringLiteral("steward of Finance")));
        const AccessOutcome global =
            service.setPolicy(QStringLiteral("priya.raman"), rule(Kind::ColumnClassification));
        QCOMPARE(global.code, AccessOutcome::Code::Refused);
        QVERIFY(global.message.contains(QStringLiteral("governance council")));
        QCOMPARE(service
                     .setPolicy(QStringLiteral("kenji.watanabe"),
                                rule(Kind::RequiredOwner, {}, QStringLiteral("Sales & Marketing")))
                     .code,
                 AccessOutcome::Code::Refused);
        // Only the allowed change was written and audited.
        QCOMPARE(auditCount(QStringLiteral("set-policy")), before + 1);
    }

    void domainsMayOnlyTighten()
    {
        GovernanceService service(*m_store);
        const AccessOutcome looser = service.setPolicy(
            QStringLiteral("priya.raman"), rule(Kind::DescriptionMinLength, QStringLiteral("20"),
                                                QStringLiteral("Sales & Marketing")));
        QCOMPARE(looser.code, AccessOutcome::Code::Invalid);
        QVERIFY(looser.message.contains(QStringLiteral("only tighten")));
        const AccessOutcome off = service.setPolicy(
            QStringLiteral("priya.raman"),
            rule(Kind::RequiredOwner, {}, QStringLiteral("Sales & Marketing"), false));
        QCOMPARE(off.code, AccessOutcome::Code::Invalid);
        const AccessOutcome slaLooser = service.setPolicy(
            QStringLiteral("priya.raman"),
            rule(Kind::KpiFreshnessSla, QStringLiteral("96"), QStringLiteral("Sales & Marketing")));
        QCOMPARE(slaLooser.code, AccessOutcome::Code::Invalid);
        QVERIFY(service
                    .setPolicy(QStringLiteral("priya.raman"),
                               rule(Kind::DescriptionMinLength, QStringLiteral("400"),
                                    QStringLiteral("Sales & Marketing")))
                    .ok());
    }

    void refusesBadParametersAndUnknownDomains()
    {
        GovernanceService service(*m_store);
        QCOMPARE(service
                     .setPolicy(QStringLiteral("aiko.tanaka"),
                                rule(Kind::NamingConvention, QStringLiteral("([a-z")))
                     .code,
                 AccessOutcome::Code::Invalid);
        const AccessOutcome unknown =
            service.setPolicy(QStringLiteral("aiko.tanaka"),
                              rule(Kind::RequiredOwner, {}, QStringLiteral("Nowhere")));
        QCOMPARE(unknown.code, AccessOutcome::Code::Invalid);
        QVERIFY(unknown.message.contains(QStringLiteral("Nowhere")));
    }
};

QTEST_GUILESS_MAIN(TestGovernanceService)
#include "tst_governanceservice.moc"
