// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"
#include "access/auditlog.h"
#include "catalog/entities.h"

#include <QObject>
#include <QThread>

namespace Mesh {

class AccessWorker;
struct TeamRoute;

/** What the inbox and the notification badge show for the signed-in user. */
struct AccessInbox
{
    QString userId;
    QList<AccessRequest> toDecide;  // pending requests this user may approve or deny
    QList<AccessRequest> mine;      // this user's own requests
    QList<AccessGrant> myGrants;
    QList<AccessNotification> notifications;
    int unread = 0;
};

/** Who has access to one product and why, its request history, and what the user may do. */
struct ProductAccess
{
    QString productKey;
    QList<AccessHolder> holders;
    QList<AccessRequest> requests;
    QList<AccessGrant> grants;
    QStringList columns; // the product's column names, for the request dialog
    bool mayAdminister = false;
    QString previewReason; // what decide(Preview) says for the user
};

/** The audit log as the viewer shows it, with the chain's state. */
struct AuditSnapshot
{
    QList<AuditEntry> entries;
    AuditVerification verification;
};

/**
 * Access requests, grants and the audit log for the views. Lives on the UI thread and owns a
 * worker thread with its own read-write connection to the catalog; every read and write
 * (each a single short transaction through AccessService) happens there and answers with a
 * queued signal, so the UI never touches disk. Acts as user(): the OS login, or on the demo
 * catalog whoever "sign in as" chose (audited), or on a team cache the team server's user.
 */
class AccessSession : public QObject
{
    Q_OBJECT

public:
    explicit AccessSession(QObject *parent = nullptr);
    ~AccessSession() override;

    /** Opens path read-write in the worker: opened() or openFailed(). */
    void open(const QString &path);
    bool isOpen() const { return m_open; }
    bool isDemo() const { return m_demo; }
    QString userId() const { return m_userId; }
    QList<User> users() const { return m_users; }
    /** Demo catalog only: act as another user from now on (audited in the worker). */
    void signInAs(const QString &userId);
    /**
     * The open catalog's team server (TeamController sets it; an unset route clears it). When
     * the catalog is a team cache, the writes below go to the server through TeamClient as
     * route.user (queued in the cache while the server is down) and the session acts as
     * route.user; the server's row-level security decides.
     */
    void setTeamRoute(const TeamRoute &route);
    bool isTeam() const { return m_team; }

    void refresh();
    void loadProduct(const QString &productKey);
    void loadAudit(const AuditFilter &filter = {});
    void markNotificationsSeen();

    void request(const QString &productKey, const QStringList &columns, const QString &purpose,
                 const QDateTime &startsAt, const QDateTime &endsAt);
    void approve(qint64 requestId, const QStringList &narrowColumns, const QDateTime &endsAt);
    void deny(qint64 requestId, const QString &reason);
    void withdraw(qint64 requestId);
    void revoke(qint64 grantId, const QString &reason);

signals:
    void opened(bool demo);
    void openFailed(const QString &message);
    void userChanged(const QString &userId);
    /** The catalog became (or stopped being) a team cache with a route: writes go to the server. */
    void teamModeChanged(bool team);
    void inboxReady(const Mesh::AccessInbox &inbox);
    void productAccessReady(const Mesh::ProductAccess &access);
    void auditReady(const Mesh::AuditSnapshot &snapshot);
    /** A request/approve/deny/withdraw/revoke/sign-in finished (ok, refused or failed). */
    void actionFinished(const Mesh::AccessOutcome &outcome);

private:
    void post(std::function<void(AccessWorker *)> job);
    void onOpened(bool demo, const QList<Mesh::User> &users, const QString &userId);

    QThread m_thread;
    AccessWorker *m_worker = nullptr;
    bool m_open = false;
    bool m_demo = false;
    QString m_userId;
    QString m_lastProduct;
    QList<User> m_users;
    bool m_team = false;
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::AccessInbox)
Q_DECLARE_METATYPE(Mesh::ProductAccess)
Q_DECLARE_METATYPE(Mesh::AuditSnapshot)
