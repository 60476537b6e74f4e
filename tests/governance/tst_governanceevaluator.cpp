// SPDX-License-Identifier: MIT
// Each governance policy on crafted products, how global and domain rules combine, and scores.
#include "governance/governanceevaluator.h"

#include <QTest>

using namespace Mesh;
using Kind = GovernancePolicy::Kind;

namespace {

Product product(const QString &key, const QString &domain,
                const QString &owner = QStringLiteral("o"))
{
    Product p;
    p.key = key;
    p.name = key;
    p.domain = domain;
    p.ownerId = owner;
    p.description = QString(120, QLatin1Char('x'));
    p.accessPolicy = QStringLiteral("Internal.");
    p.freshnessSlaHours = 24;
    Dataset ds;
    ds.name = QStringLiteral("t");
    ds.columns = {{0,
                   QStringLiteral("id"),
                   QStringLiteral("string"),
                   QString(),
                   QStringLiteral("PII.NonSensitive"),
                   {}}};
    p.datasets = {ds};
    return p;
}

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

QList<GovernanceViolation> violationsOf(const GovernanceReport &r, const QString &key)
{
    QList<GovernanceViolation> out;
    for (const GovernanceViolation &v : r.violations)
        if (v.productKey == key)
            out.append(v);
    return out;
}

const ProductCompliance *complianceOf(const GovernanceReport &r, const QString &key)
{
    for (const ProductCompliance &p : r.products)
        if (p.productKey == key)
            return &p;
    return nullptr;
}

} // namespace

class TestGovernanceEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void requiredOwnerFlagsProductsWithoutOwner()
    {
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {product(QStringLiteral("a.one"), QStringLiteral("A")),
             product(QStringLiteral("a.two"), QStringLiteral("A"), QString())},
            {}, {rule(Kind::RequiredOwner)});
        QVERIFY(violationsOf(r, QStringLiteral("a.one")).isEmpty());
        const auto v = violationsOf(r, QStringLiteral("a.two"));
        QCOMPARE(v.size(), 1);
        QCOMPARE(v[0].kind, Kind::RequiredOwner);
        QCOMPARE(v[0].field, QStringLiteral("overview:owner"));
        QCOMPARE(v[0].scope, QString());
    }

    void descriptionNeedsAtLeastNCharacters()
    {
        Product shortOne = product(QStringLiteral("a.short"), QStringLiteral("A"));
        shortOne.description = QString(49, QLatin1Char('d'));
        Product exact = product(QStringLiteral("a.exact"), QStringLiteral("A"));
        exact.description = QString(50, QLatin1Char('d'));
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {shortOne, exact}, {}, {rule(Kind::DescriptionMinLength, QStringLiteral("50"))});
        QCOMPARE(violationsOf(r, QStringLiteral("a.short")).size(), 1);
        QVERIFY(violationsOf(r, QStringLiteral("a.short"))[0].message.contains(
            QStringLiteral("49 characters")));
        QCOMPARE(violationsOf(r, QStringLiteral("a.short"))[0].field,
                 QStringLiteral("overview:description"));
        QVERIFY(violationsOf(r, QStringLiteral("a.exact")).isEmpty());
    }

    void domainPolicyTightensOnlyItsDomain()
    {
        // Global: 50 characters; Finance: 300. A 120-character description passes in Sales,
        // fails in Finance, and the violation names Finance's rule.
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {product(QStringLiteral("sales.x"), QStringLiteral("Sales")),
             product(QStringLiteral("finance.x"), QStringLiteral("Finance"))},
            {},
            {rule(Kind::DescriptionMinLength, QStringLiteral("50")),
             rule(Kind::DescriptionMinLength, QStringLiteral("300"), QStringLiteral("Finance"))});
        QVERIFY(violationsOf(r, QStringLiteral("sales.x")).isEmpty());
        const auto v = violationsOf(r, QStringLiteral("finance.x"));
        QCOMPARE(v.size(), 1);
        QCOMPARE(v[0].scope, QStringLiteral("Finance"));
        QVERIFY(v[0].message.contains(QStringLiteral("300")));
        // One check per kind: the two levels do not count twice.
        QCOMPARE(complianceOf(r, QStringLiteral("finance.x"))->checks, 1);
    }

    void aDisabledDomainRuleDoesNotLoosenTheGlobalOne()
    {
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {product(QStringLiteral("a.x"), QStringLiteral("A"), QString())}, {},
            {rule(Kind::RequiredOwner), rule(Kind::RequiredOwner, {}, QStringLiteral("A"), false)});
        QCOMPARE(violationsOf(r, QStringLiteral("a.x")).size(), 1);
        const GovernanceReport off = GovernanceEvaluator::evaluate(
            {product(QStringLiteral("a.x"), QStringLiteral("A"), QString())}, {},
            {rule(Kind::RequiredOwner, {}, {}, false)});
        QVERIFY(off.violations.isEmpty());
        QCOMPARE(off.products[0].checks, 0);
    }

    void everyColumnNeedsAClassification()
    {
        Product p = product(QStringLiteral("a.x"), QStringLiteral("A"));
        p.datasets[0].columns.append(
            {0, QStringLiteral("amount"), QStringLiteral("decimal"), QString(), QString(), {}});
        p.datasets[0].columns.append({0,
                                      QStringLiteral("note"),
                                      QStringLiteral("string"),
                                      QString(),
                                      QStringLiteral(" "),
                                      {}});
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {p}, {}, {rule(Kind::ColumnClassification, {}, QStringLiteral("A"))});
        const auto v = violationsOf(r, QStringLiteral("a.x"));
        QCOMPARE(v.size(), 1);
        QVERIFY(v[0].message.startsWith(QStringLiteral("2 of 3 columns")));
        QCOMPARE(v[0].field, QStringLiteral("schema:t/amount"));
        // Another domain's rule does not apply.
        Product other = p;
        other.domain = QStringLiteral("B");
        QVERIFY(GovernanceEvaluator::evaluate(
                    {other}, {}, {rule(Kind::ColumnClassification, {}, QStringLiteral("A"))})
                    .violations.isEmpty());
    }

    void productsFeedingKpisNeedAFreshnessSla()
    {
        Product raw = product(QStringLiteral("a.raw"), QStringLiteral("A"));
        raw.freshnessSlaHours = 0;
        Product curated = product(QStringLiteral("a.curated"), QStringLiteral("A"));
        curated.freshnessSlaHours = 72;
        Product unrelated = product(QStringLiteral("a.unrelated"), QStringLiteral("A"));
        unrelated.freshnessSlaHours = 0;
        Product kpi = product(QStringLiteral("kpi.x"), QStringLiteral("KPI"));
        kpi.freshnessSlaHours = 0;
        const QList<LineageEdge> edges = {
            {QStringLiteral("a.raw"), QStringLiteral("a.curated"), QStringLiteral("copy"), {}},
            {QStringLiteral("a.curated"),
             QStringLiteral("kpi.x"),
             QStringLiteral("aggregate"),
             {}}};
        QCOMPARE(GovernanceEvaluator::productsFeedingKpis({raw, curated, unrelated, kpi}, edges),
                 (QSet<QString>{QStringLiteral("a.raw"), QStringLiteral("a.curated")}));
        const GovernanceReport r =
            GovernanceEvaluator::evaluate({raw, curated, unrelated, kpi}, edges,
                                          {rule(Kind::KpiFreshnessSla, QStringLiteral("48"))});
        QVERIFY(violationsOf(r, QStringLiteral("a.raw"))[0].message.contains(
            QStringLiteral("no freshness SLA")));
        QVERIFY(violationsOf(r, QStringLiteral("a.curated"))[0].message.contains(
            QStringLiteral("72 h")));
        QCOMPARE(violationsOf(r, QStringLiteral("a.curated"))[0].field,
                 QStringLiteral("overview:freshness"));
        QVERIFY(violationsOf(r, QStringLiteral("a.unrelated")).isEmpty());
        QCOMPARE(complianceOf(r, QStringLiteral("a.unrelated"))->checks, 0); // not applicable
        QVERIFY(violationsOf(r, QStringLiteral("kpi.x")).isEmpty());
        // The domain tightens 48 h to 24 h; 0 ("any SLA") at domain level cannot loosen it.
        curated.freshnessSlaHours = 36;
        const GovernanceReport tight = GovernanceEvaluator::evaluate(
            {raw, curated, kpi}, edges,
            {rule(Kind::KpiFreshnessSla, QStringLiteral("48")),
             rule(Kind::KpiFreshnessSla, QStringLiteral("24"), QStringLiteral("A"))});
        QCOMPARE(violationsOf(tight, QStringLiteral("a.curated")).value(0).scope,
                 QStringLiteral("A"));
    }

    void keysFollowEveryNamingConvention()
    {
        const QList<GovernancePolicy> rules = {
            rule(Kind::NamingConvention, QStringLiteral("^[a-z]+\\.[a-z0-9-]+$")),
            rule(Kind::NamingConvention, QStringLiteral("^kpi\\."), QStringLiteral("KPI"))};
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {product(QStringLiteral("kpi.good"), QStringLiteral("KPI")),
             product(QStringLiteral("finance.bad"), QStringLiteral("KPI")),
             product(QStringLiteral("legacy.cust_map"), QString()),
             product(QStringLiteral("finance.fine"), QStringLiteral("Finance"))},
            {}, rules);
        QVERIFY(violationsOf(r, QStringLiteral("kpi.good")).isEmpty());
        QCOMPARE(violationsOf(r, QStringLiteral("finance.bad")).value(0).scope,
                 QStringLiteral("KPI"));
        QCOMPARE(violationsOf(r, QStringLiteral("legacy.cust_map")).value(0).field,
                 QStringLiteral("overview:key"));
        QVERIFY(violationsOf(r, QStringLiteral("finance.fine")).isEmpty());
    }

    void piiColumnsNeedAnAccessPolicy()
    {
        Product pii = product(QStringLiteral("a.pii"), QStringLiteral("A"));
        pii.accessPolicy.clear();
        Product plain = product(QStringLiteral("a.plain"), QStringLiteral("A"));
        plain.accessPolicy.clear();
        plain.datasets[0].columns[0].classification = QStringLiteral("public");
        const GovernanceReport r =
            GovernanceEvaluator::evaluate({pii, plain}, {}, {rule(Kind::PiiAccessPolicy)});
        QCOMPARE(violationsOf(r, QStringLiteral("a.pii")).value(0).field,
                 QStringLiteral("overview:accessPolicy"));
        QVERIFY(violationsOf(r, QStringLiteral("a.plain")).isEmpty());
        QCOMPARE(complianceOf(r, QStringLiteral("a.plain"))->checks, 0);
    }

    void scoresPerProductAndDomain()
    {
        Product a = product(QStringLiteral("a.one"), QStringLiteral("A"), QString()); // 1 of 2
        Product b = product(QStringLiteral("a.two"), QStringLiteral("A"));            // 2 of 2
        Product c = product(QStringLiteral("b.one"), QStringLiteral("B"), QString()); // 0 of 2
        c.description.clear();
        const GovernanceReport r = GovernanceEvaluator::evaluate(
            {a, b, c}, {},
            {rule(Kind::RequiredOwner), rule(Kind::DescriptionMinLength, QStringLiteral("10"))});
        QCOMPARE(complianceOf(r, QStringLiteral("a.one"))->score(), 50.0);
        QCOMPARE(complianceOf(r, QStringLiteral("a.two"))->score(), 100.0);
        QCOMPARE(complianceOf(r, QStringLiteral("b.one"))->score(), 0.0);
        QCOMPARE(r.domains.size(), 2);
        QCOMPARE(r.domains[0].domain, QStringLiteral("A"));
        QCOMPARE(r.domains[0].score, 75.0);
        QCOMPARE(r.domains[0].compliantProducts, 1);
        QCOMPARE(r.domains[0].violations, 1);
        QCOMPARE(r.domains[1].score, 0.0);
        QCOMPARE(r.domains[1].violations, 2);
        QCOMPARE(r.overallScore, 50.0);
        QCOMPARE(r.violations.size(), 3);
    }

    void validatesParameters()
    {
        QVERIFY(
            GovernancePolicy::validateParameter(Kind::DescriptionMinLength, QStringLiteral("abc"))
                .contains(QStringLiteral("number")));
        QVERIFY(GovernancePolicy::validateParameter(Kind::NamingConvention, QStringLiteral("(["))
                    .contains(QStringLiteral("not a valid regular expression")));
        QVERIFY(GovernancePolicy::validateParameter(Kind::RequiredOwner, QStringLiteral("x"))
                    .contains(QStringLiteral("no parameter")));
        QVERIFY(GovernancePolicy::validateParameter(Kind::KpiFreshnessSla, QStringLiteral("24"))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGovernanceEvaluator)
#include "tst_governanceevaluator.moc"
