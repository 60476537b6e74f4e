// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "governance/governancepolicy.h"

#include <QSet>

namespace Mesh {

/**
 * Checks products against governance policies. Pure: the products, the product lineage and the
 * policies go in, the report comes out, so every rule can be tested on crafted data.
 *
 * For each product the global and its domain's policies combine per kind, and a domain can only
 * tighten: a rule enabled at either level applies; the longer minimum description and the
 * shorter maximum SLA win; every naming convention of both levels must match.
 */
class GovernanceEvaluator
{
public:
    /** The domain whose products are KPIs; products upstream of them "feed a KPI". */
    static constexpr char kKpiDomain[] = "KPI";

    static GovernanceReport evaluate(const QList<Product> &products,
                                     const QList<LineageEdge> &edges,
                                     const QList<GovernancePolicy> &policies);

    /** Keys of the products upstream (transitively) of a product of the KPI domain. */
    static QSet<QString> productsFeedingKpis(const QList<Product> &products,
                                             const QList<LineageEdge> &edges);
};

} // namespace Mesh
