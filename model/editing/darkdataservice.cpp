// SPDX-License-Identifier: MIT
#include "editing/darkdataservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "editing/editingservice.h"

#include <QHash>

namespace Mesh {

namespace {

using Code = AccessOutcome::Code;

AccessOutcome result(Code code, const QString &message, qint64 id = 0)
{
    return {code, message, id, 0};
}

OwnershipClaim::Status statusFromName(const QString &name)
{
    if (name == QStringLiteral("approved"))
        return OwnershipClaim::Status::Approved;
    if (name == QStringLiteral("denied"))
        return OwnershipClaim::Status::Denied;
    if (name == QStringLiteral("withdrawn"))
        return OwnershipClaim::Status::Withdrawn;
    return OwnershipClaim::Status::Pending;
}

const QString kClaimSelect = QStringLiteral(
    "SELECT id, product_key, claimant_id, reason, status, created_at, coalesce(decided_at, ''), "
    "coalesce(decided_by, ''), decision_reason FROM ownership_claims ");

OwnershipClaim readClaim(const Statement &st)
{
    OwnershipClaim c;
    c.id = st.integer(0);
    c.productKey = st.text(1);
    c.claimantId = st.text(2);
    c.reason = st.text(3);
    c.status = statusFromName(st.text(4));
    c.createdAt = parseAccessTime(st.text(5));
    c.decidedAt = parseAccessTime(st.text(6));
    c.decidedBy = st.text(7);
    c.decisionReason = st.text(8);
    return c;
}

} // namespace

QStringList UnclaimedProduct::reasons() const
{
    QStringList r;
    if (noOwner)
        r.append(QStringLiteral("no owner"));
    if (noDescription)
        r.append(QStringLiteral("no description"));
    if (!undocumentedDatasets.isEmpty())
        r.append(undocumentedDatasets.size() == 1
                     ? QStringLiteral("dataset %1 undocumented").arg(undocumentedDatasets.first())
                     : QStringLiteral("%1 undocumented datasets").arg(undocumentedDatasets.size()));
    if (undocumentedColumns > 0)
        r.append(undocumentedColumns == 1
                     ? QStringLiteral("1 undocumented column")
                     : QStringLiteral("%1 undocumented columns").arg(undocumentedColumns));
    if (neverPreviewed)
        r.append(QStringLiteral("never previewed"));
    return r;
}

QString OwnershipClaim::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Approved:
        return QStringLiteral("approved");
    case Status::Denied:
        return QStringLiteral("denied");
    case Status::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

DarkDataService::DarkDataService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, clock), m_clock(std::move(clock))
{
}

QList<UnclaimedProduct> DarkDataService::unclaimed(bool includeUnpreviewed) const
{
    Database &db = m_store.database();
    refreshSnapshot(db);
    // A preview counts when it was noted here, or audited (PII previews and exports).
    QHash<QString, QDateTime> previewed;
    Statement &pv = db.prepare(QStringLiteral(
        "SELECT product_key, max(at) FROM ("
        "  SELECT product_key, last_at AS at FROM product_previews"
        "  UNION ALL SELECT product_key, at FROM audit_log"
        "  WHERE action IN ('preview-pii', 'preview-masked', 'export') AND product_key <> '')"
        " GROUP BY product_key"));
    while (pv.step())
        previewed.insert(pv.text(0), parseAccessTime(pv.text(1)));
    QHash<QString, std::pair<qint64, QString>> pending;
    Statement &pc = db.prepare(QStringLiteral(
        "SELECT product_key, id, claimant_id FROM ownership_claims WHERE status = 'pending' "
        "ORDER BY id DESC"));
    while (pc.step())
        pending.insert(pc.text(0), {pc.integer(1), pc.text(2)});

    Statement &st = db.prepare(QStringLiteral(R"SQL(
SELECT p.key, p.name, coalesce(d.name, ''), p.source_system, p.status, coalesce(p.owner_id, ''),
       coalesce(p.updated_at, ''), trim(p.description) = '',
       coalesce((SELECT group_concat(ds.name, char(31)) FROM datasets ds
                  WHERE ds.product_id = p.id AND trim(ds.description) = ''), ''),
       (SELECT count(*) FROM columns c JOIN datasets ds ON ds.id = c.dataset_id
         WHERE ds.product_id = p.id AND trim(c.description) = '')
  FROM products p LEFT JOIN domains d ON d.id = p.domain_id
 ORDER BY coalesce(p.owner_id, '') <> '', p.name COLLATE NOCASE)SQL"));
    QList<UnclaimedProduct> result;
    while (st.step()) {
        UnclaimedProduct u;
        u.productKey = st.text(0);
        u.name = st.text(1);
        u.domain = st.text(2);
        u.sourceSystem = st.text(3);
        u.status = st.text(4);
        u.ownerId = st.text(5);
        u.updatedAt = parseAccessTime(st.text(6));
        u.noOwner = u.ownerId.isEmpty();
        u.noDescription = st.integer(7) != 0;
        const QString undocumented = st.text(8);
        if (!undocumented.isEmpty())
            u.undocumentedDatasets = undocumented.split(QChar(31));
        u.undocumentedColumns = int(st.integer(9));
        u.lastPreviewedAt = previewed.value(u.productKey);
        u.neverPreviewed = !u.lastPreviewedAt.isValid();
        if (const auto it = pending.constFind(u.productKey); it != pending.cend()) {
            u.pendingClaimId = it->first;
            u.pendingClaimant = it->second;
        }
        const bool dark = u.noOwner || u.noDescription || !u.undocumentedDatasets.isEmpty();
        if (dark || (includeUnpreviewed && u.neverPreviewed))
            result.append(u);
    }
    return result;
}

bool DarkDataService::recordPreview(const QString &productKey, const QString &userId,
                                    QString *error)
{
    CatalogError e;
    const QString now = accessTime(m_policy.now());
    const bool ok = m_store.transaction(
        [&](CatalogError *) {
            Statement &st = m_store.database().prepare(QStringLiteral(
                "INSERT INTO product_previews(product_key, first_at, last_at, last_by, count) "
                "VALUES (?1, ?2, ?2, ?3, 1) ON CONFLICT(product_key) DO UPDATE SET "
                "last_at = excluded.last_at, last_by = excluded.last_by, count = count + 1"));
            return st.bind(1, productKey).bind(2, now).bind(3, userId).exec();
        },
        &e);
    if (!ok && error)
        *error = e.message.isEmpty() ? m_store.database().lastError() : e.message;
    return ok;
}

AccessOutcome DarkDataService::claim(const QString &userId, const QString &productKey,
                                     const QString &reason)
{
    refreshSnapshot(m_store.database());
    AccessOutcome out;
    CatalogError error;
    const bool ok = m_store.transaction(
        [&](CatalogError *) {
            const AccessDecision d =
                m_policy.decide(userId, AccessAction::ClaimOwnership, {productKey, {}});
            if (!d.allowed()) {
                out = result(m_store.productByKey(productKey) ? Code::Refused : Code::Invalid,
                             d.reason);
                return false;
            }
            Database &db = m_store.database();
            Statement &dup = db.prepare(QStringLiteral(
                "SELECT id FROM ownership_claims WHERE product_key = ?1 AND claimant_id = ?2 "
                "AND status = 'pending'"));
            dup.bind(1, productKey).bind(2, userId);
            if (dup.step()) {
                const qint64 id = dup.integer(0);
                dup.reset();
                out = result(Code::Invalid,
                             QStringLiteral("%1 already has a pending claim (#%2) on %3; wait for "
                                            "a steward to decide it.")
                                 .arg(userId)
                                 .arg(id)
                                 .arg(productKey),
                             id);
                return false;
            }
            const QString now = accessTime(m_policy.now());
            Statement &ins = db.prepare(QStringLiteral(
                "INSERT INTO ownership_claims(product_key, claimant_id, reason, created_at) "
                "VALUES (?1, ?2, ?3, ?4)"));
            if (!ins.bind(1, productKey)
                     .bind(2, userId)
                     .bind(3, reason.trimmed())
                     .bind(4, now)
                     .exec()) {
                out = result(Code::Failed,
                             QStringLiteral("Filing the claim failed: %1").arg(ins.lastError()));
                return false;
            }
            const qint64 id = db.lastInsertRowId();
            AuditEntry entry;
            entry.at = m_policy.now();
            entry.actor = userId;
            entry.action = QStringLiteral("claim-ownership");
            entry.productKey = productKey;
            entry.subject = QStringLiteral("claim #%1").arg(id);
            entry.detail = reason.trimmed().isEmpty()
                               ? d.reason
                               : d.reason + QStringLiteral(" Reason: ") + reason.trimmed();
            QString auditError;
            if (!AuditLog::append(db, entry, &auditError)) {
                out = result(Code::Failed, QStringLiteral("The claim was not filed because the "
                                                          "audit log could not record it: %1")
                                               .arg(auditError));
                return false;
            }
            out = result(Code::Ok,
                         QStringLiteral("Claim #%1 on %2 filed; a steward will decide it.")
                             .arg(id)
                             .arg(productKey),
                         id);
            return true;
        },
        &error);
    if (!ok && out.ok())
        out = result(Code::Failed, error.message);
    return out;
}

AccessOutcome DarkDataService::approve(const QString &approverId, qint64 claimId)
{
    return decide(approverId, claimId, true, {});
}

AccessOutcome DarkDataService::deny(const QString &approverId, qint64 claimId,
                                    const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return result(Code::Invalid, QStringLiteral("Say why the claim is denied (a reason is "
                                                    "required)."));
    return decide(approverId, claimId, false, reason.trimmed());
}

AccessOutcome DarkDataService::decide(const QString &approverId, qint64 claimId, bool approve,
                                      const QString &reason)
{
    refreshSnapshot(m_store.database());
    AccessOutcome out;
    CatalogError error;
    const bool ok = m_store.transaction(
        [&](CatalogError *) {
            const std::optional<OwnershipClaim> c = claimById(claimId);
            if (!c) {
                out = result(Code::Invalid,
                             QStringLiteral("There is no ownership claim #%1.").arg(claimId));
                return false;
            }
            if (c->status != OwnershipClaim::Status::Pending) {
                out = result(Code::Invalid,
                             QStringLiteral("Claim #%1 was already %2 by %3; a "
                                            "decided claim is final.")
                                 .arg(claimId)
                                 .arg(OwnershipClaim::statusName(c->status), c->decidedBy));
                return false;
            }
            if (c->claimantId == approverId) {
                out = result(Code::Refused, QStringLiteral("Nobody decides their own claim; "
                                                           "another steward must decide #%1.")
                                                .arg(claimId));
                return false;
            }
            const AccessDecision d =
                m_policy.decide(approverId, AccessAction::ApproveClaim, {c->productKey, {}});
            if (!d.allowed()) {
                out = result(Code::Refused, d.reason);
                return false;
            }
            const std::optional<Product> product = m_store.productByKey(c->productKey);
            if (!product) {
                out = result(Code::Invalid, QStringLiteral("Product %1 of claim #%2 no longer "
                                                           "exists.")
                                                .arg(c->productKey)
                                                .arg(claimId));
                return false;
            }
            if (approve && !product->ownerId.isEmpty()) {
                out = result(Code::Invalid,
                             QStringLiteral("%1 was given an owner (%2) since claim #%3 was filed; "
                                            "deny the claim instead.")
                                 .arg(c->productKey, product->ownerId)
                                 .arg(claimId));
                return false;
            }
            Database &db = m_store.database();
            const QDateTime now = m_policy.now();
            Statement &up = db.prepare(QStringLiteral(
                "UPDATE ownership_claims SET status = ?2, decided_at = ?3, decided_by = ?4, "
                "decision_reason = ?5 WHERE id = ?1 AND status = 'pending'"));
            if (!up.bind(1, claimId)
                     .bind(2, approve ? QStringLiteral("approved") : QStringLiteral("denied"))
                     .bind(3, accessTime(now))
                     .bind(4, approverId)
                     .bind(5, reason)
                     .exec()) {
                out = result(Code::Failed, QStringLiteral("Deciding claim #%1 failed: %2")
                                               .arg(claimId)
                                               .arg(up.lastError()));
                return false;
            }
            if (approve) {
                Product edited = *product;
                edited.ownerId = c->claimantId;
                EditingService editing(m_store, m_clock);
                const EditOutcome saved =
                    editing.saveDecided(approverId, *product, edited,
                                        QStringLiteral("Owner set to %1 (claim #%2 approved by %3)")
                                            .arg(c->claimantId)
                                            .arg(claimId)
                                            .arg(approverId),
                                        QStringLiteral("approve-claim"), d.reason);
                if (saved.code != EditOutcome::Code::Ok) {
                    out = result(saved.code == EditOutcome::Code::Invalid ? Code::Invalid
                                                                          : Code::Failed,
                                 saved.message);
                    return false;
                }
            } else {
                AuditEntry entry;
                entry.at = now;
                entry.actor = approverId;
                entry.action = QStringLiteral("deny-claim");
                entry.productKey = c->productKey;
                entry.subject = QStringLiteral("claim #%1").arg(claimId);
                entry.detail = QStringLiteral("Denied %1's claim: %2").arg(c->claimantId, reason);
                QString auditError;
                if (!AuditLog::append(db, entry, &auditError)) {
                    out = result(Code::Failed, QStringLiteral("The decision was not saved "
                                                              "because the audit log could not "
                                                              "record it: %1")
                                                   .arg(auditError));
                    return false;
                }
            }
            out = result(Code::Ok,
                         approve ? QStringLiteral("Claim #%1 approved: %2 now owns %3.")
                                       .arg(claimId)
                                       .arg(c->claimantId, c->productKey)
                                 : QStringLiteral("Claim #%1 denied.").arg(claimId),
                         claimId);
            return true;
        },
        &error);
    if (!ok && out.ok())
        out = result(Code::Failed, error.message);
    return out;
}

AccessOutcome DarkDataService::withdraw(const QString &userId, qint64 claimId)
{
    refreshSnapshot(m_store.database());
    AccessOutcome out;
    CatalogError error;
    const bool ok = m_store.transaction(
        [&](CatalogError *) {
            const std::optional<OwnershipClaim> c = claimById(claimId);
            if (!c) {
                out = result(Code::Invalid,
                             QStringLiteral("There is no ownership claim #%1.").arg(claimId));
                return false;
            }
            if (c->claimantId != userId) {
                out = result(Code::Refused, QStringLiteral("Only %1, who filed claim #%2, may "
                                                           "withdraw it.")
                                                .arg(c->claimantId)
                                                .arg(claimId));
                return false;
            }
            if (c->status != OwnershipClaim::Status::Pending) {
                out = result(Code::Invalid, QStringLiteral("Claim #%1 is already %2.")
                                                .arg(claimId)
                                                .arg(OwnershipClaim::statusName(c->status)));
                return false;
            }
            Database &db = m_store.database();
            Statement &up = db.prepare(
                QStringLiteral("UPDATE ownership_claims SET status = 'withdrawn', decided_at = ?2, "
                               "decided_by = ?3 WHERE id = ?1"));
            AuditEntry entry;
            entry.at = m_policy.now();
            entry.actor = userId;
            entry.action = QStringLiteral("withdraw-claim");
            entry.productKey = c->productKey;
            entry.subject = QStringLiteral("claim #%1").arg(claimId);
            QString auditError;
            if (!up.bind(1, claimId).bind(2, accessTime(entry.at)).bind(3, userId).exec() ||
                !AuditLog::append(db, entry, &auditError)) {
                out = result(Code::Failed,
                             QStringLiteral("Withdrawing claim #%1 failed: %2")
                                 .arg(claimId)
                                 .arg(auditError.isEmpty() ? up.lastError() : auditError));
                return false;
            }
            out = result(Code::Ok, QStringLiteral("Claim #%1 withdrawn.").arg(claimId), claimId);
            return true;
        },
        &error);
    if (!ok && out.ok())
        out = result(Code::Failed, error.message);
    return out;
}

std::optional<OwnershipClaim> DarkDataService::claimById(qint64 id) const
{
    Statement &st = m_store.database().prepare(kClaimSelect + QStringLiteral("WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    OwnershipClaim c = readClaim(st);
    st.reset();
    return c;
}

QList<OwnershipClaim> DarkDataService::claims(const QString &productKey, bool pendingOnly) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        kClaimSelect + QStringLiteral("WHERE (?1 = '' OR product_key = ?1) AND "
                                      "(?2 = 0 OR status = 'pending') ORDER BY id DESC"));
    st.bind(1, productKey).bind(2, pendingOnly ? 1 : 0);
    QList<OwnershipClaim> result;
    while (st.step())
        result.append(readClaim(st));
    return result;
}

QList<OwnershipClaim> DarkDataService::claimsToDecide(const QString &userId) const
{
    QList<OwnershipClaim> result;
    for (const OwnershipClaim &c : claims({}, true))
        if (c.claimantId != userId &&
            m_policy.decide(userId, AccessAction::ApproveClaim, {c.productKey, {}}).allowed())
            result.append(c);
    return result;
}

} // namespace Mesh
