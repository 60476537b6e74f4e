// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mesh {

class SqliteCatalogStore;

/**
 * The access request lifecycle on one catalog: request → approve/deny → grant → expiry → revoke,
 * withdraw, notifications, and the audit entries for each. Every rule is checked here, through
 * AccessPolicy, inside the write transaction that makes the change (BEGIN IMMEDIATE), so two
 * processes approving the same request at once yield exactly one grant. Nothing is deleted.
 *
 * Uses the store it is given, on that store's thread; reads work on a read-only store.
 */
class AccessService
{
public:
    static constexpr int kExpiringWithinDays = 3;
    static constexpr int kMaxDays = 366;

    explicit AccessService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    const AccessPolicy &policy() const { return m_policy; }
    QDateTime now() const { return m_policy.now(); }

    // Identity
    /** The OS login ($USER, else $LOGNAME). */
    static QString osLogin();
    /** The catalog user for a login: the login itself (unknown logins act as analysts). */
    QString userForLogin(const QString &login) const;
    /** True on the demo catalog, where "sign in as" is allowed. */
    bool isDemoCatalog() const;
    /** Audits osUser switching to asUser; refused outside the demo catalog or for unknown users. */
    AccessOutcome signInAs(const QString &osUser, const QString &asUser);

    // The lifecycle; each is one transaction with its audit entries.
    AccessOutcome request(const QString &requester, const QString &productKey,
                          const QStringList &columns, const QString &purpose,
                          const QDateTime &startsAt, const QDateTime &endsAt);
    /** Approves, optionally narrowing the columns or shortening the end (never widening). */
    AccessOutcome approve(const QString &approver, qint64 requestId,
                          const QStringList &narrowColumns = {},
                          const QDateTime &shortenEndsAt = {});
    AccessOutcome deny(const QString &approver, qint64 requestId, const QString &reason);
    AccessOutcome withdraw(const QString &requester, qint64 requestId);
    AccessOutcome revoke(const QString &actor, qint64 grantId, const QString &reason = {});
    /** Appends an "expire" entry for each grant that ended and was not yet recorded. */
    int recordExpiries(QString *error = nullptr);
    /**
     * Records a use the policy allowed (a PII preview, an export, a metadata edit) with the
     * decision's reason. Callers in Preview/Export/Editing call this after decide().
     */
    AccessOutcome recordUse(const QString &actor, AccessAction action,
                            const AccessResource &resource, const AccessDecision &decision);

    // Reads
    std::optional<AccessRequest> request(qint64 id) const;
    /** Requests, newest first; empty productKey/requester match all. */
    QList<AccessRequest> requests(const QString &productKey = {},
                                  const QString &requester = {}) const;
    std::optional<AccessGrant> grant(qint64 id) const;
    QList<AccessGrant> grants(const QString &productKey = {}, const QString &userId = {}) const;
    /** Pending requests userId may decide now (not their own, not yet approved by them). */
    QList<AccessRequest> inbox(const QString &userId) const;
    QList<AccessNotification> notifications(const QString &userId) const;
    int unreadCount(const QString &userId) const;
    bool markNotificationsSeen(const QString &userId, QString *error = nullptr);

private:
    AccessOutcome write(const std::function<AccessOutcome()> &body);
    bool audit(const QString &actor, const QString &action, const QString &productKey,
               const QString &subject, const QString &detail, QString *error);

    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
};

} // namespace Mesh
