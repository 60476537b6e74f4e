// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "team/teamclient.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>

#include <memory>

class QLabel;
class QTimer;

namespace Mesh {

class CredentialStore;
class MainWindow;
class TeamListener;

/** A queued edit that met a newer version on replay, with the product as the server has it. */
struct TeamQueuedConflict
{
    TeamOutboxEntry entry;
    Product theirs;
};

/** What one background sync with the team server did. */
struct TeamSyncRun
{
    bool online = false;
    QString message; // for the tooltip: what happened, or why the server was not reached
    qint64 change = 0;
    qint64 changes = 0;
    int queued = 0; // writes still waiting in the outbox
    int conflicts = 0;
    QList<TeamQueuedConflict> queuedConflicts; // every queued edit still in conflict
};

/**
 * The team catalog in the main window: File → Connect to Team Catalog…, a connection indicator
 * in the status bar (online, syncing, offline with N queued changes), and a background sync —
 * send queued writes, then pull changes — when connecting, whenever the server NOTIFYs a commit
 * (TeamListener), and every 30 s as a fallback (polling by change number). The sync runs on a
 * worker with its own connections; when it brought changes the catalog is reopened so views show
 * them. Owned by the main window; UI thread.
 */
class TeamController final : public QObject
{
    Q_OBJECT

public:
    /** credentials: where the password is kept; nullptr = the OS keychain. */
    explicit TeamController(MainWindow *window, CredentialStore *credentials = nullptr);
    ~TeamController() override;

    void openConnectDialog();
    void syncNow();
    QLabel *indicator() const { return m_indicator; }
    bool isSyncing() const { return m_watcher.isRunning(); }

    static constexpr int kPollSeconds = 30;

signals:
    void syncFinished(bool online);

private:
    void showState(const QString &text, const QString &tooltip);
    /** Tells the Access and Edit views where the team server is: their writes go there. */
    void applyRoute(const TeamRoute &route);
    void syncSoon();
    /** Asks the person about the next queued edit in conflict (one dialog at a time). */
    void askAboutConflicts();

    MainWindow *m_window = nullptr;
    std::unique_ptr<CredentialStore> m_ownCredentials;
    CredentialStore *m_credentials = nullptr;
    QLabel *m_indicator = nullptr;
    QTimer *m_poll = nullptr;
    TeamListener *m_listener = nullptr;
    QByteArray m_password;    // for the listener's connection, from the credential store
    bool m_syncAgain = false; // a notification came during a sync
    QFutureWatcher<TeamSyncRun> m_watcher;
    TeamRoute m_route;
    QList<TeamQueuedConflict> m_conflicts; // waiting to be asked about
    QSet<qint64> m_asked;                  // outbox rows asked about in this session
    bool m_asking = false;
};

} // namespace Mesh
