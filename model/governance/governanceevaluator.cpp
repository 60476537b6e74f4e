// SPDX-License-Identifier: MIT
#include "governance/governanceevaluator.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace Mesh {

namespace {

using Kind = GovernancePolicy::Kind;

/** The rules that apply to one domain's products, combined from both levels. */
struct EffectiveRules
{
    bool requiredOwner = false;
    QString ownerScope;
    int minDescription = 0;
    QString descriptionScope;
    bool classification = false;
    QString classificationScope;
    bool kpiSla = false;
    int maxSlaHours = 0; // 0 = any SLA
    QString slaScope;
    QList<QPair<QRegularExpression, QString>> naming; // pattern, scope
    bool piiAccess = false;
    QString piiScope;
};

EffectiveRules combine(const QList<GovernancePolicy> &policies, const QString &domain)
{
    EffectiveRules r;
    for (const GovernancePolicy &p : policies) {
        if (!p.enabled || (!p.isGlobal() && p.scope != domain))
            continue;
        switch (p.kind) {
        case Kind::RequiredOwner:
            if (!r.requiredOwner)
                r.ownerScope = p.scope;
            r.requiredOwner = true;
            break;
        case Kind::DescriptionMinLength: {
            const int n = p.parameter.toInt();
            if (n > r.minDescription) {
                r.minDescription = n;
                r.descriptionScope = p.scope;
            }
            break;
        }
        case Kind::ColumnClassification:
            if (!r.classification)
                r.classificationScope = p.scope;
            r.classification = true;
            break;
        case Kind::KpiFreshnessSla: {
            const int h = p.parameter.toInt();
            if (!r.kpiSla) {
                r.maxSlaHours = h;
                r.slaScope = p.scope;
            } else if (h > 0 && (r.maxSlaHours == 0 || h < r.maxSlaHours)) {
                r.maxSlaHours = h;
                r.slaScope = p.scope;
            }
            r.kpiSla = true;
            break;
        }
        case Kind::NamingConvention: {
            QRegularExpression re(p.parameter);
            if (re.isValid())
                r.naming.append({re, p.scope});
            break;
        }
        case Kind::PiiAccessPolicy:
            if (!r.piiAccess)
                r.piiScope = p.scope;
            r.piiAccess = true;
            break;
        }
    }
    return r;
}

} // namespace

QSet<QString> GovernanceEvaluator::productsFeedingKpis(const QList<Product> &products,
                                                       const QList<LineageEdge> &edges)
{
    QHash<QString, QStringList> upstream;
    for (const LineageEdge &e : edges)
        upstream[e.toKey].append(e.fromKey);
    QStringList queue;
    for (const Product &p : products)
        if (p.domain == QLatin1String(kKpiDomain))
            queue.append(p.key);
    QSet<QString> seen(queue.cbegin(), queue.cend());
    QSet<QString> feeding;
    while (!queue.isEmpty()) {
        const QString key = queue.takeLast();
        for (const QString &from : upstream.value(key)) {
            feeding.insert(from);
            if (!seen.contains(from)) {
                seen.insert(from);
                queue.append(from);
            }
        }
    }
    // A KPI feeding another KPI is still a KPI, not an input.
    for (const Product &p : products)
        if (p.domain == QLatin1String(kKpiDomain))
            feeding.remove(p.key);
    return feeding;
}

GovernanceReport GovernanceEvaluator::evaluate(const QList<Product> &products,
                                               const QList<LineageEdge> &edges,
                                               const QList<GovernancePolicy> &policies)
{
    GovernanceReport report;
    report.policies = policies;
    const QSet<QString> feedingKpis = productsFeedingKpis(products, edges);
    QHash<QString, EffectiveRules> rulesByDomain;
    QMap<QString, DomainCompliance> domains;

    for (const Product &p : products) {
        if (!rulesByDomain.contains(p.domain))
            rulesByDomain.insert(p.domain, combine(policies, p.domain));
        const EffectiveRules &r = rulesByDomain[p.domain];
        ProductCompliance pc{p.key, p.name, p.domain, p.ownerId, 0, 0};
        auto check = [&](bool ok, Kind kind, const QString &scope, const QString &message,
                         const QString &field) {
            ++pc.checks;
            if (ok) {
                ++pc.passed;
                return;
            }
            report.violations.append(
                {p.key, p.name, p.domain, p.ownerId, kind, scope, message, field});
        };

        if (r.requiredOwner)
            check(!p.ownerId.trimmed().isEmpty(), Kind::RequiredOwner, r.ownerScope,
                  QStringLiteral("No owner: nobody answers for this product."),
                  QStringLiteral("overview:owner"));
        if (r.minDescription > 0) {
            const int length = int(p.description.trimmed().size());
            check(length >= r.minDescription, Kind::DescriptionMinLength, r.descriptionScope,
                  length == 0 ? QStringLiteral("No description (at least %1 characters needed).")
                                    .arg(r.minDescription)
                              : QStringLiteral("Description has %1 characters; at least %2 "
                                               "needed.")
                                    .arg(length)
                                    .arg(r.minDescription),
                  QStringLiteral("overview:description"));
        }
        QStringList allColumns;
        QStringList unclassified;
        QString firstUnclassified;
        bool hasPii = false;
        for (const Dataset &ds : p.datasets) {
            for (const Column &c : ds.columns) {
                allColumns.append(c.name);
                if (c.classification.trimmed().isEmpty()) {
                    if (unclassified.isEmpty())
                        firstUnclassified = QStringLiteral("schema:%1/%2").arg(ds.name, c.name);
                    unclassified.append(c.name);
                }
                if (c.classification.startsWith(QStringLiteral("PII")))
                    hasPii = true;
            }
        }
        if (r.classification && !allColumns.isEmpty()) {
            QStringList shown = unclassified.mid(0, 5);
            if (unclassified.size() > 5)
                shown.append(QStringLiteral("…"));
            check(unclassified.isEmpty(), Kind::ColumnClassification, r.classificationScope,
                  QStringLiteral("%1 of %2 columns have no classification: %3.")
                      .arg(unclassified.size())
                      .arg(allColumns.size())
                      .arg(shown.join(QStringLiteral(", "))),
                  firstUnclassified);
        }
        if (r.kpiSla && feedingKpis.contains(p.key)) {
            const bool has = p.freshnessSlaHours > 0;
            const bool within = r.maxSlaHours <= 0 || p.freshnessSlaHours <= r.maxSlaHours;
            check(has && within, Kind::KpiFreshnessSla, r.slaScope,
                  !has ? QStringLiteral("Feeds a KPI but has no freshness SLA.")
                       : QStringLiteral("Feeds a KPI with a freshness SLA of %1 h; at most %2 h "
                                        "allowed.")
                             .arg(p.freshnessSlaHours)
                             .arg(r.maxSlaHours),
                  QStringLiteral("overview:freshness"));
        }
        if (!r.naming.isEmpty()) {
            QStringList failed;
            QString scope;
            for (const auto &[re, ruleScope] : r.naming) {
                if (!re.match(p.key).hasMatch()) {
                    failed.append(re.pattern());
                    if (scope.isEmpty())
                        scope = ruleScope;
                }
            }
            check(failed.isEmpty(), Kind::NamingConvention, scope,
                  QStringLiteral("Key “%1” does not match the naming convention %2.")
                      .arg(p.key, failed.join(QStringLiteral(" and "))),
                  QStringLiteral("overview:key"));
        }
        if (r.piiAccess && hasPii)
            check(!p.accessPolicy.trimmed().isEmpty(), Kind::PiiAccessPolicy, r.piiScope,
                  QStringLiteral("Has PII columns but states no access policy."),
                  QStringLiteral("overview:accessPolicy"));

        report.products.append(pc);
        DomainCompliance &dc = domains[p.domain];
        dc.domain = p.domain;
        ++dc.products;
        dc.compliantProducts += pc.compliant() ? 1 : 0;
        dc.violations += pc.checks - pc.passed;
    }

    double total = 0;
    QHash<QString, double> sums;
    for (const ProductCompliance &pc : report.products) {
        sums[pc.domain] += pc.score();
        total += pc.score();
    }
    for (DomainCompliance &dc : domains) {
        dc.score = dc.products > 0 ? sums.value(dc.domain) / dc.products : 100.0;
        report.domains.append(dc);
    }
    report.overallScore = report.products.isEmpty() ? 100.0 : total / report.products.size();
    return report;
}

} // namespace Mesh
