// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Mesh {

/** One approval given to a request: by whom, in which capacity, with what narrowing. */
struct AccessApproval
{
    QString approverId;
    QString capacity; // "owner" or "steward"
    QStringList columns; // empty: whatever was requested
    QDateTime endsAt;
    QDateTime approvedAt;
};

/** A person's request for access to a product or some of its columns. Plain value. */
struct AccessRequest
{
    enum class Status { Pending, Approved, Denied, Withdrawn };
    qint64 id = 0;
    QString productKey;
    QString requesterId;
    QStringList columns; // empty: the whole product
    QString purpose;
    QDateTime startsAt;
    QDateTime endsAt;
    int approvalsNeeded = 1;
    Status status = Status::Pending;
    QDateTime createdAt;
    QDateTime decidedAt;
    QString decidedBy;
    QString reason; // why it was denied
    QList<AccessApproval> approvals;

    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
};

/** Access to a product (or columns of it) granted by an approved request. Plain value. */
struct AccessGrant
{
    enum class State { Scheduled, Active, Expired, Revoked };
    qint64 id = 0;
    qint64 requestId = 0;
    QString productKey;
    QString userId;
    QStringList columns; // empty: the whole product
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime grantedAt;
    QString grantedBy;
    QDateTime revokedAt;
    QString revokedBy;
    QString revokeReason;

    /** The state at time now: expiry is a matter of the clock, not of a job that ran. */
    State state(const QDateTime &now) const;
    static QString stateName(State state);
};

/** One row of the hash-chained audit log. */
struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action; // request, approve, deny, grant, withdraw, revoke, expire, sign-in-as, …
    QString productKey;
    QString subject; // e.g. "request #3", "grant #2", a user id
    QString detail;
    QString prevHash;
    QString hash;
};

/** Who can read a product's data, and why: a role or a grant. */
struct AccessHolder
{
    enum class Kind { Owner, Steward, DomainSteward, Admin, Grant };
    Kind kind = Kind::Grant;
    QString userId;
    QString displayName;
    QString why;         // one line a person can read
    QStringList columns; // for grants: the columns; empty = all
    qint64 grantId = 0;
    QDateTime endsAt;
};

/** An in-app notification for one user. */
struct AccessNotification
{
    enum class Kind { NewRequest, Decision, Expiring };
    Kind kind = Kind::NewRequest;
    QDateTime at;
    QString text;
    QString productKey;
    qint64 requestId = 0;
    qint64 grantId = 0;
    bool unread = false;
};

/** The result of an access operation: done, refused by policy, bad input, or failed. */
struct AccessOutcome
{
    enum class Code { Ok, Refused, Invalid, Failed };
    Code code = Code::Ok;
    QString message;
    qint64 id = 0;      // the request, grant or approval subject
    qint64 grantId = 0; // set when an approval created a grant
    bool ok() const { return code == Code::Ok; }
};

/** Time as stored in the catalog: UTC, ISO 8601, seconds. Sorts as text. */
QString accessTime(const QDateTime &t);
QDateTime parseAccessTime(const QString &s);
/** Comma list as stored; empty list for an empty string. */
QStringList splitAccessList(const QString &s);

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::AccessRequest)
Q_DECLARE_METATYPE(Mesh::AccessGrant)
Q_DECLARE_METATYPE(Mesh::AuditEntry)
Q_DECLARE_METATYPE(Mesh::AccessOutcome)
