// SPDX-License-Identifier: MIT
#include "federationcontroller.h"

#include "catalog/sqlitecatalogstore.h"
#include "federation/credentialstore.h"
#include "federation/sourceregistry.h"
#include "federation/syncengine.h"
#include "keychaincredentialstore.h"
#include "mainwindow.h"
#include "session/catalogsession.h"
#include "sourcesdialog.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

namespace Mesh {

FederationController::FederationController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("federationController"));
    auto *action = new QAction(tr("&Sources…"), this);
    action->setObjectName(QStringLiteral("sourcesAction"));
    action->setEnabled(false);
    CatalogSession *session = window->session();
    connect(session, &CatalogSession::opened, action, [action] { action->setEnabled(true); });
    connect(action, &QAction::triggered, this, &FederationController::openSourcesDialog);
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == tr("File")) {
            const QList<QAction *> items = menu->menu()->actions();
            QAction *before = items.size() >= 2 ? items.at(items.size() - 2) : nullptr;
            menu->menu()->insertAction(before && before->isSeparator() ? before : nullptr, action);
            break;
        }
    }
    m_schedule = new QTimer(this);
    m_schedule->setInterval(60 * 1000);
    connect(m_schedule, &QTimer::timeout, this, &FederationController::syncDueSources);
    m_schedule->start();
}

FederationController::~FederationController()
{
    if (m_scheduled) {
        m_scheduled->wait();
        delete m_scheduled;
    }
}

void FederationController::openSourcesDialog()
{
    const QString path = m_window->session()->path();
    if (path.isEmpty())
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_keychain = std::make_unique<KeychainCredentialStore>(path);
    m_dialog = new SourcesDialog(path, m_keychain.get(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &SourcesDialog::catalogChanged, this, [this, path] {
        if (m_window->session()->path() == path)
            m_window->session()->open(path);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->show();
}

void FederationController::syncDueSources()
{
    const QString path = m_window->session()->path();
    if (path.isEmpty() || m_dialog || m_scheduled)
        return;
    // Secrets of due sources are read here, on the UI thread; the worker gets them in memory.
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList due;
    auto secrets = std::make_shared<InMemoryCredentialStore>();
    KeychainCredentialStore keychain(path);
    for (const SourceDefinition &s : SourceRegistry(*store).sources()) {
        if (!s.isDue(now))
            continue;
        due << s.name;
        if (s.auth != SourceAuth::None && s.tokenEnv.isEmpty())
            secrets->setSecret(s.name, keychain.secret(s.name), nullptr);
    }
    store.reset();
    if (due.isEmpty())
        return;
    m_window->statusBar()->showMessage(tr("Syncing %n scheduled source(s)…", nullptr, int(due.size())));
    QPointer<FederationController> self(this);
    m_scheduled = QThread::create([self, path, due, secrets] {
        CatalogError e;
        auto rw = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &e);
        if (!rw)
            return;
        const SyncReport report = SyncEngine(*rw, secrets.get()).sync(due);
        int failed = 0;
        for (const SourceSyncResult &r : report.sources)
            failed += r.ok ? 0 : 1;
        QMetaObject::invokeMethod(qApp, [self, path, failed, total = int(report.sources.size())] {
            if (!self)
                return;
            self->m_scheduled->deleteLater();
            self->m_scheduled = nullptr;
            self->m_window->statusBar()->showMessage(
                failed == 0 ? tr("Scheduled sync: %n source(s) up to date.", nullptr, total)
                            : tr("Scheduled sync: %n source(s) failed and kept their last good "
                                 "copy; see File → Sources.", nullptr, failed),
                10000);
            if (self->m_window->session()->path() == path)
                self->m_window->session()->open(path);
        }, Qt::QueuedConnection);
    });
    m_scheduled->start();
}

} // namespace Mesh
