// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"
#include "catalog/entities.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

namespace Mesh {

class SqliteCatalogStore;

/**
 * Everything a person can try to do with a product; each is decided by AccessPolicy::decide.
 * ClaimOwnership and ApproveClaim are the dark-data ownership claims (model/editing).
 */
enum class AccessAction {
    ViewMetadata,
    Preview,
    Export,
    EditMetadata,
    Approve,
    Administer,
    ClaimOwnership,
    ApproveClaim,
    // Governance: set a policy of resource.domain (empty: a global policy); no product involved.
    SetGovernancePolicy,
    // Quality: acknowledge or resolve an alert on a product.
    ManageQualityAlerts,
};

/** What was asked about: a product by key, optionally narrowed to some of its columns. */
struct AccessResource
{
    QString productKey;
    QStringList columns; // empty: the whole product
    QString domain = {}; // SetGovernancePolicy: the domain whose policy is set; empty = global
};

/** The policy's answer. AllowMasked: allowed, with maskedColumns shown masked. */
struct AccessDecision
{
    enum class Verdict { Allow, Deny, AllowMasked };
    Verdict verdict = Verdict::Deny;
    QString reason;            // one sentence a person can read: why
    QStringList maskedColumns; // for AllowMasked: the columns to mask
    bool allowed() const { return verdict != Verdict::Deny; }
};

/**
 * The one place access is decided. Every reader, editor, exporter and dashboard asks decide();
 * the UI only hides what decide() would refuse. Reads the catalog through the store it is given;
 * use it on the store's thread. The clock is injectable so that expiry can be tested.
 */
class AccessPolicy
{
public:
    using Clock = std::function<QDateTime()>;

    explicit AccessPolicy(const SqliteCatalogStore &store, Clock clock = {});

    AccessDecision decide(const QString &userId, AccessAction action,
                          const AccessResource &resource) const;

    QDateTime now() const;

    /** The roles a user holds; an id unknown to the catalog is an analyst. */
    QStringList rolesOf(const QString &userId) const;
    /** "owner" or "steward" when userId may approve requests for product, else empty. */
    QString approverCapacity(const QString &userId, const Product &product) const;
    /** The grants of userId on productKey that are active now (not revoked, not expired). */
    QList<AccessGrant> activeGrants(const QString &userId, const QString &productKey) const;
    /** Everyone who can read the product's data now, and why. */
    QList<AccessHolder> holders(const QString &productKey) const;

    /**
     * Sensitive products need two approvals (owner and steward): those with any column
     * classified PII.Sensitive, or tagged "sensitive".
     */
    static bool isSensitive(const Product &product);
    static QString actionName(AccessAction action);

private:
    const SqliteCatalogStore &m_store;
    Clock m_clock;
};

} // namespace Mesh
