// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mesh {

class PgConnection;
class SqliteCatalogStore;

/** One write to the team catalog, as sent or as kept in the offline queue. Plain value. */
struct TeamWrite
{
    enum class Kind
    {
        Request,
        Approve,
        Deny,
        Edit,
        Withdraw,    // the requester takes back a pending request (requestId)
        Revoke,      // a grant is ended early (requestId holds the grant's id; reason)
        SetPolicy,   // a governance policy is set (policyScope, policyKind, parameter, enabled)
        AckAlert,     // a quality alert is acknowledged (requestId holds the alert's id; reason)
        ResolveAlert, // … or resolved
        Claim,        // an ownership claim on an unowned product (productKey, reason)
        ApproveClaim, // a claim is decided (requestId holds the claim's id; reason for a denial)
        DenyClaim,
        WithdrawClaim, // the claimant takes it back
        ReportAlert,   // a desktop scan's alert (productKey; fields: kind, fingerprint,
                       // severity, title, detail): one live alert per product and fingerprint
        RecordUse,     // an audit entry for a preview or export made on the desktop (productKey;
                       // fields: action, subject, detail)
        ImportContract // an ODCS contract for productKey (fields.contract: the YAML) with the
                       // metadata edit it implies (the other Edit fields; reason: the summary)
    };
    Kind kind = Kind::Request;
    QString actingUser;   // the person (database role) the write is made as
    QString token;        // unique per write: a replayed write is applied at most once
    QString productKey;   // Request, Edit
    qint64 requestId = 0; // Approve, Deny, Withdraw; Revoke: the grant; Ack/ResolveAlert: alert
    QStringList columns;  // Request; Approve: narrowed to these (empty: as requested)
    QDateTime endsAt;     // Approve: an earlier end than requested (invalid: as requested)
    QString purpose;      // Request
    int days = 30;        // Request
    QString reason;       // Deny, Revoke; Edit: the version's summary; alerts: the note
    QString policyScope;  // SetPolicy: a domain, or empty for a global policy
    QString policyKind;   // SetPolicy: GovernancePolicy::kindName
    QString parameter;    // SetPolicy
    bool enabled = true;  // SetPolicy
    /** Edit: field → new value; fields: name, description, status, owner, steward, tags (array),
     *  access_policy, freshness_sla_hours, and datasets (a DatasetPatch: dataset and column
     *  descriptions, classifications and tags). ReportAlert and RecordUse: see Kind. */
    QJsonObject fields;
    /** Edit: the product version the edit started from; Approve/Deny: the request version
     *  (0 = whatever it is now). */
    int baseVersion = 0;
    bool overwrite = false; // Edit: save over a newer version (the person chose "overwrite")

    QJsonObject toJson() const;
    static TeamWrite fromJson(const QJsonObject &o);
    static QString kindName(Kind kind);
    /** A fresh token (a random UUID). */
    static QString newToken();
};

/** What a write did on the server (or that it was queued). */
struct TeamWriteOutcome
{
    enum class Code
    {
        Ok,
        Refused,
        Conflict,
        Invalid,
        Offline,
        Failed
    };
    Code code = Code::Ok;
    QString message;
    qint64 id = 0;       // the request or product version written; RecordUse: the audit entry
    int version = 0;     // Edit: the product's version now; Conflict: the newer version
    QString changedBy;   // Conflict: who saved the newer version or decided the request
    bool queued = false; // Offline: kept in the outbox for replay
    bool ok() const { return code == Code::Ok; }
};

/** Where the open catalog's team server is, for the app's own writes (set by TeamController). */
struct TeamRoute
{
    QString url;
    QString user; // the person, their database role
    QByteArray password;
    bool isSet() const { return !url.isEmpty() && !user.isEmpty(); }
};

/** One row of the offline queue. */
struct TeamOutboxEntry
{
    qint64 id = 0;
    QString state; // queued, done, conflict, refused, failed
    QString message;
    TeamWrite write;
};

/** What replay() did. */
struct TeamReplayResult
{
    int done = 0;
    int conflicts = 0;
    int refused = 0;
    int failed = 0;
    int remaining = 0; // still queued (the server went away again)
};

/**
 * Writes to the team server, each one transaction under the server's write lock, as the acting
 * person's database role (SET LOCAL ROLE), so row-level security decides exactly as for a SQL
 * client. Edits and decisions carry the version they started from: a newer version on the server
 * is a Conflict that names who changed it, never a silent overwrite. When the server cannot be
 * reached the write goes to the local catalog's outbox (team_outbox) and replay() sends it later;
 * every write carries a token, so a replay after a lost acknowledgement applies it once.
 * Stateless; runs on the caller's thread with the connection and store it is given.
 */
class TeamClient
{
public:
    static TeamWriteOutcome apply(PgConnection &conn, const TeamWrite &write);
    /** apply(), or queue the write in store's outbox when conn is null or the server is gone. */
    static TeamWriteOutcome submit(PgConnection *conn, SqliteCatalogStore &store, TeamWrite write);
    static bool enqueue(SqliteCatalogStore &store, const TeamWrite &write, QString *error);
    /** Sends the queued writes in order; stops at the first that finds the server gone. */
    static TeamReplayResult replay(PgConnection &conn, SqliteCatalogStore &store);
    static QList<TeamOutboxEntry> outbox(SqliteCatalogStore &store, const QString &state = {});
    /** Re-queues a conflicting write to overwrite (the person chose "overwrite"). */
    static bool requeueOverwriting(SqliteCatalogStore &store, qint64 outboxId, QString *error);
    /** Sets a conflicting or refused write aside for good (the person chose "reload"): the row
     *  stays, as state 'failed' with why, so nothing is lost silently. */
    static bool discard(SqliteCatalogStore &store, qint64 outboxId, const QString &why,
                        QString *error);
    /** Whether store is a team cache: synced from a team server at least once. */
    static bool isTeamCache(SqliteCatalogStore &store);
    /**
     * A write from the app: connects with route (on the caller's thread), applies the write as
     * route.user or queues it when the server is unreachable, and after a write that was applied
     * pulls the server's changes into store, so the views show it at once.
     */
    static TeamWriteOutcome submitAndSync(const TeamRoute &route, SqliteCatalogStore &store,
                                          TeamWrite write);
};

} // namespace Mesh
