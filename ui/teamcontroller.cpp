// SPDX-License-Identifier: MIT
#include "teamcontroller.h"

#include "accesscontroller.h"
#include "editcontroller.h"
#include "keychaincredentialstore.h"
#include "mainwindow.h"
#include "teamconflictdialog.h"
#include "teamconnectdialog.h"

#include "access/accesssession.h"
#include "catalog/sqlitecatalogstore.h"
#include "session/catalogsession.h"
#include "team/pgconnection.h"
#include "team/teamclient.h"
#include "team/teameditor.h"
#include "team/teamlistener.h"
#include "team/teamsync.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

namespace {

TeamSyncRun runSync(const QString &catalog, const QString &url, const QString &user,
                    const QByteArray &password)
{
    TeamSyncRun run;
    CatalogError catalogError;
    auto store =
        SqliteCatalogStore::open(catalog, SqliteCatalogStore::OpenMode::ReadWrite, &catalogError);
    if (!store) {
        run.message = catalogError.message;
        return run;
    }
    QString error;
    auto conn = PgConnection::connect(url, user, password, &error);
    if (conn) {
        const TeamReplayResult replayed = TeamClient::replay(*conn, *store);
        run.conflicts = replayed.conflicts;
        if (const auto synced = TeamSync::sync(*conn, *store, url, &error)) {
            run.online = true;
            run.change = synced->toChange;
            run.changes = synced->full ? synced->products : synced->changes;
            run.message =
                QObject::tr("Synced with %1 (change %2).").arg(conn->server()).arg(run.change);
        } else {
            run.message = error;
        }
    } else {
        run.message = error;
    }
    run.queued = int(TeamClient::outbox(*store, QStringLiteral("queued")).size());
    for (const TeamOutboxEntry &e : TeamClient::outbox(*store, QStringLiteral("conflict"))) {
        if (e.write.kind != TeamWrite::Kind::Edit)
            continue;
        if (const std::optional<Product> p = store->productByKey(e.write.productKey))
            run.queuedConflicts.append({e, *p});
    }
    run.conflicts = qMax(run.conflicts, int(run.queuedConflicts.size()));
    return run;
}

} // namespace

TeamController::TeamController(MainWindow *window, CredentialStore *credentials)
    : QObject(window), m_window(window), m_credentials(credentials)
{
    setObjectName(QStringLiteral("teamController"));
    auto *action = new QAction(tr("Connect to &Team Catalog…"), this);
    action->setObjectName(QStringLiteral("teamConnectAction"));
    action->setEnabled(false);
    connect(window->session(), &CatalogSession::opened, action,
            [action] { action->setEnabled(true); });
    connect(action, &QAction::triggered, this, &TeamController::openConnectDialog);
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == tr("File")) {
            const QList<QAction *> items = menu->menu()->actions();
            QAction *before = items.size() >= 2 ? items.at(items.size() - 2) : nullptr;
            menu->menu()->insertAction(before && before->isSeparator() ? before : nullptr, action);
            break;
        }
    }
    m_indicator = new QLabel(window);
    m_indicator->setObjectName(QStringLiteral("teamIndicator"));
    m_indicator->setAccessibleName(tr("Team catalog connection"));
    window->statusBar()->addPermanentWidget(m_indicator);
    m_indicator->hide(); // until a team server is configured

    m_poll = new QTimer(this);
    m_poll->setInterval(kPollSeconds * 1000);
    connect(m_poll, &QTimer::timeout, this, &TeamController::syncNow);
    connect(&m_watcher, &QFutureWatcher<TeamSyncRun>::finished, this, [this] {
        const TeamSyncRun run = m_watcher.result();
        QString text;
        if (run.online)
            text = run.queued > 0 ? tr("● Team: online · %n queued", nullptr, run.queued)
                                  : tr("● Team: online");
        else
            text = tr("○ Team: offline · %n queued", nullptr, run.queued);
        if (run.conflicts > 0)
            text += tr(" · %n conflict(s)", nullptr, run.conflicts);
        showState(text, run.message);
        QSettings settings;
        if (run.online && !m_listener->isListening())
            m_listener->start(settings.value(QStringLiteral("team/url")).toString(),
                              settings.value(QStringLiteral("team/user")).toString(), m_password);
        if (run.online && run.changes > 0 && !m_window->session()->path().isEmpty())
            m_window->session()->open(m_window->session()->path());
        for (const TeamQueuedConflict &c : run.queuedConflicts)
            if (!m_asked.contains(c.entry.id)) {
                m_asked.insert(c.entry.id);
                m_conflicts.append(c);
            }
        askAboutConflicts();
        emit syncFinished(run.online);
        if (std::exchange(m_syncAgain, false))
            syncNow();
    });
    m_listener = new TeamListener(this);
    connect(m_listener, &TeamListener::changed, this, &TeamController::syncSoon);
    // A write from the Access or Edit views (sent, refused or queued): show the queue, send it.
    if (auto *access = window->findChild<AccessController *>())
        connect(access->session(), &AccessSession::actionFinished, this, [this] {
            if (m_route.isSet())
                syncSoon();
        });
    if (auto *edit = window->findChild<EditController *>())
        connect(edit, &EditController::saveFinished, this, [this] {
            if (m_route.isSet())
                syncSoon();
        });
    if (!QSettings().value(QStringLiteral("team/url")).toString().isEmpty()) {
        connect(window->session(), &CatalogSession::opened, this, [this] {
            if (!m_poll->isActive()) {
                m_poll->start();
                syncNow();
            }
        });
    }
}

TeamController::~TeamController()
{
    m_watcher.waitForFinished();
}

void TeamController::showState(const QString &text, const QString &tooltip)
{
    m_indicator->setText(text);
    m_indicator->setToolTip(tooltip);
    m_indicator->show();
}

void TeamController::openConnectDialog()
{
    if (!m_credentials) {
        m_ownCredentials = std::make_unique<KeychainCredentialStore>(QStringLiteral("team"));
        m_credentials = m_ownCredentials.get();
    }
    TeamConnectDialog dialog(m_credentials, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_listener->stop();             // the server or user may have changed
    m_password = dialog.password(); // kept in memory for this session when not remembered
    m_poll->start();
    syncNow();
}

void TeamController::syncNow()
{
    const QString catalog = m_window->session()->path();
    QSettings settings;
    const QString url = settings.value(QStringLiteral("team/url")).toString();
    if (catalog.isEmpty() || url.isEmpty() || m_watcher.isRunning())
        return;
    const QString user = settings.value(QStringLiteral("team/user")).toString();
    if (!m_credentials) {
        m_ownCredentials = std::make_unique<KeychainCredentialStore>(QStringLiteral("team"));
        m_credentials = m_ownCredentials.get();
    }
    // The keychain is asked here, on the UI thread; the worker only gets the bytes.
    const QByteArray saved = m_credentials->secret(TeamConnectDialog::credentialKey(url, user));
    if (!saved.isEmpty())
        m_password = saved;
    const QByteArray password = m_password;
    applyRoute(TeamRoute{url, user, password});
    showState(tr("◌ Team: syncing…"), tr("Syncing with %1").arg(url));
    m_watcher.setFuture(QtConcurrent::run(&runSync, catalog, url, user, password));
}

void TeamController::syncSoon()
{
    if (m_watcher.isRunning())
        m_syncAgain = true;
    else
        syncNow();
}

void TeamController::applyRoute(const TeamRoute &route)
{
    if (route.url == m_route.url && route.user == m_route.user &&
        route.password == m_route.password)
        return;
    m_route = route;
    m_window->session()->setTeamRoute(route);
    if (auto *edit = m_window->findChild<EditController *>())
        edit->setTeamRoute(route);
    if (auto *access = m_window->findChild<AccessController *>())
        access->session()->setTeamRoute(route);
}

void TeamController::askAboutConflicts()
{
    if (m_asking || m_conflicts.isEmpty())
        return;
    const TeamQueuedConflict c = m_conflicts.takeFirst();
    // What the person wanted: the server's product with the queued fields applied.
    Product yours = c.theirs;
    QString unmatched;
    QString message =
        tr("Your edit of %1, queued while the team server was unreachable, was not sent: %2")
            .arg(c.entry.write.productKey, c.entry.message);
    if (!TeamEditor::applyFields(yours, c.entry.write.fields, &unmatched))
        message += tr(" (Some of it cannot be shown: %1.)").arg(unmatched);
    auto *dialog = new TeamConflictDialog(c.theirs, yours, message, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = true;
    const QString catalog = m_window->session()->path();
    const qint64 id = c.entry.id;
    connect(dialog, &QDialog::finished, this, [this, dialog, catalog, id] {
        m_asking = false;
        const TeamConflictDialog::Choice choice = dialog->choice();
        if (choice != TeamConflictDialog::Choice::Later) {
            QString mine;
            for (const MetadataChange &ch : dialog->changes())
                mine += QStringLiteral("%1: %2; ").arg(ch.label, ch.after);
            // A small write to the outbox; the queue is sent by the next sync.
            CatalogError e;
            auto store =
                SqliteCatalogStore::open(catalog, SqliteCatalogStore::OpenMode::ReadWrite, &e);
            QString error;
            const bool ok =
                store && (choice == TeamConflictDialog::Choice::Overwrite
                              ? TeamClient::requeueOverwriting(*store, id, &error)
                              : TeamClient::discard(
                                    *store, id,
                                    tr("Reloaded the server's version; your values were: %1")
                                        .arg(mine),
                                    &error));
            if (!ok)
                m_window->statusBar()->showMessage(
                    tr("The queued edit #%1 could not be changed: %2")
                        .arg(id)
                        .arg(store ? error : e.message),
                    10000);
            if (choice == TeamConflictDialog::Choice::Overwrite)
                syncSoon();
        }
        askAboutConflicts();
    });
    dialog->open();
}

} // namespace Mesh
