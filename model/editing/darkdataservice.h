// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Mesh {

class SqliteCatalogStore;

/** A product nobody looks after: no owner, no description, or never previewed. Plain value. */
struct UnclaimedProduct
{
    QString productKey;
    QString name;
    QString domain;
    QString sourceSystem;
    QString status;
    QString ownerId;
    QDateTime updatedAt;
    bool noOwner = false;
    bool noDescription = false;       // the product's own description is empty
    QStringList undocumentedDatasets; // datasets without a description
    int undocumentedColumns = 0;      // columns without a description
    bool neverPreviewed = false;
    QDateTime lastPreviewedAt;
    qint64 pendingClaimId = 0; // the oldest pending ownership claim, if any
    QString pendingClaimant;

    /** "no owner", "no description", "2 undocumented columns", "never previewed". */
    QStringList reasons() const;
};

/** A request to become a product's owner, decided by a steward. Plain value. */
struct OwnershipClaim
{
    enum class Status
    {
        Pending,
        Approved,
        Denied,
        Withdrawn
    };
    qint64 id = 0;
    QString productKey;
    QString claimantId;
    QString reason;
    Status status = Status::Pending;
    QDateTime createdAt;
    QDateTime decidedAt;
    QString decidedBy;
    QString decisionReason;

    static QString statusName(Status status);
};

/**
 * Dark data: lists the products nobody looks after, records previews (so "never previewed"
 * means something), and runs the claim-ownership lifecycle: claim → a steward approves (the
 * claimant becomes owner, as a new metadata version) or denies; the claimant may withdraw.
 * Every decision is asked of AccessPolicy::decide (ClaimOwnership, ApproveClaim) inside the
 * write transaction that makes it, and each step is in the audit log. Nothing is deleted.
 *
 * Uses the store it is given, on that store's thread.
 */
class DarkDataService
{
public:
    explicit DarkDataService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    /**
     * Products with no owner, or no description (product or dataset). With includeUnpreviewed,
     * also owned and documented products whose sample nobody has previewed.
     */
    QList<UnclaimedProduct> unclaimed(bool includeUnpreviewed = false) const;

    /** Notes that userId previewed productKey's sample (one short transaction). */
    bool recordPreview(const QString &productKey, const QString &userId, QString *error = nullptr);

    AccessOutcome claim(const QString &userId, const QString &productKey, const QString &reason);
    /** Makes the claimant owner (a new metadata version, audited); refuses self-approval. */
    AccessOutcome approve(const QString &approverId, qint64 claimId);
    AccessOutcome deny(const QString &approverId, qint64 claimId, const QString &reason);
    AccessOutcome withdraw(const QString &userId, qint64 claimId);

    std::optional<OwnershipClaim> claimById(qint64 id) const;
    /** Claims, newest first; empty productKey matches all; pendingOnly drops decided ones. */
    QList<OwnershipClaim> claims(const QString &productKey = {}, bool pendingOnly = false) const;
    /** Pending claims userId may decide (not their own). */
    QList<OwnershipClaim> claimsToDecide(const QString &userId) const;

private:
    AccessOutcome decide(const QString &approverId, qint64 claimId, bool approve,
                         const QString &reason);

    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
    AccessPolicy::Clock m_clock;
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::UnclaimedProduct)
Q_DECLARE_METATYPE(Mesh::OwnershipClaim)
