// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"
#include "governance/governancepolicy.h"

#include <atomic>
#include <functional>

namespace Mesh {

class SqliteCatalogStore;

/**
 * Governance policies as data in the catalog, and the compliance report. Setting a policy is
 * decided by AccessPolicy::decide (SetGovernancePolicy) and audited in the same transaction as
 * the change. Use on the store's thread; the clock is injectable for tests.
 */
class GovernanceService
{
public:
    explicit GovernanceService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    /** Every stored policy, global ones first, then by domain and kind. */
    QList<GovernancePolicy> policies() const;
    /**
     * Sets (inserts or replaces) the policy of policy.scope and policy.kind as actor. Refused
     * unless decide() allows it; Invalid for a bad parameter, an unknown domain, or a domain
     * rule that would loosen the global one.
     */
    AccessOutcome setPolicy(const QString &actor, const GovernancePolicy &policy);

    using Progress = std::function<void(int done, int total)>;
    /**
     * Checks every product of the catalog against the stored policies. Reading the products is
     * the long part: progress counts them, and a set cancel flag stops there (*cancelled set,
     * an empty report returned).
     */
    GovernanceReport report(const std::atomic<bool> *cancel = nullptr,
                            const Progress &progress = {}, bool *cancelled = nullptr) const;

    /**
     * The demo's domain policies (Finance wants longer descriptions, People classified columns,
     * Sales & Marketing fresher KPI inputs), on top of the global defaults of the schema.
     */
    static bool seedDemoPolicies(SqliteCatalogStore &store, QString *error);

private:
    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
};

} // namespace Mesh
