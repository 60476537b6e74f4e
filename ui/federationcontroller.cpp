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

namespace {

FederationController::CredentialStoreFactory &credentialFactory()
{
    static FederationController::CredentialStoreFactory factory;
    return factory;
}

} // namespace

void FederationController::setCredentialStoreFactory(CredentialStoreFactory factory)
{
    credentialFactory() = std::move(factory);
}

std::unique_ptr<CredentialStore> FederationController::makeCredentialStore(const QString &catalogPath)
{
    if (const CredentialStoreFactory &factory = credentialFactory())
        return factory(catalogPath);
    return std::make_unique<KeychainCredentialStore>(catalogPath);
}

FederationController *FederationController::of(const MainWindow *window)
{
    return window ? window->findChild<FederationController *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

FederationController::FederationController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("federationController"));
    auto *action = new QAction(tr("&Sources…"), this);
    action->setObjectName(QStringLiteral("sourcesAction"));
    action->setEnabled(false);
    CatalogSession *session = window->session();
    connect(session, &CatalogSession::opened, action, [action] { action->setEnabled(true); });
    connect(action, &QAction::triggered, this, &FederationController::openSourcesDialog);
    // Always enabled: without a catalog it opens one first (the welcome's "Add a source").
    m_addAction = new QAction(tr("&Add Source…"), this);
    m_addAction->setObjectName(QStringLiteral("addSourceAction"));
    m_addAction->setToolTip(tr("Connect a catalog service, a Mesh export or a data contract"));
    connect(m_addAction, &QAction::triggered, this, &FederationController::addSource);
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == tr("File")) {
            const QList<QAction *> items = menu->menu()->actions();
            QAction *before = items.size() >= 2 ? items.at(items.size() - 2) : nullptr;
            before = before && before->isSeparator() ? before : nullptr;
            menu->menu()->insertAction(before, action);
            menu->menu()->insertAction(before, m_addAction);
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
    delete m_dialog; // it uses m_credentials
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
    m_credentials = makeCredentialStore(path);
    m_dialog = new SourcesDialog(path, m_credentials.get(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &SourcesDialog::catalogChanged, this, [this, path] {
        if (m_window->session()->path() == path)
            m_window->session()->open(path);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->show();
}

void FederationController::addSource()
{
    CatalogSession *session = m_window->session();
    disconnect(m_pendingAdd);
    disconnect(m_pendingAddFailed);
    const auto showForm = [this] {
        openSourcesDialog();
        if (!m_dialog)
            return;
        m_dialog->addSource(); // window-modal and asynchronous: returns at once
        emit addFormShown();
    };
    if (session->isOpen()) {
        showForm();
        return;
    }
    // Sources live in a catalog: open the one the user worked with last, or the demo.
    const auto stop = [this] {
        disconnect(m_pendingAdd);
        disconnect(m_pendingAddFailed);
    };
    m_pendingAdd = connect(session, &CatalogSession::opened, this, [stop, showForm] {
        stop();
        showForm();
    });
    m_pendingAddFailed = connect(session, &CatalogSession::openFailed, this, stop);
    m_window->statusBar()->showMessage(tr("Opening a catalog to add the source to…"));
    if (!session->isOpening())
        m_window->reopenLastCatalog();
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
    std::unique_ptr<CredentialStore> credentials;
    for (const SourceDefinition &s : SourceRegistry(*store).sources()) {
        if (!s.isDue(now))
            continue;
        due << s.name;
        if (s.auth != SourceAuth::None && s.tokenEnv.isEmpty()) {
            if (!credentials)
                credentials = makeCredentialStore(path);
            secrets->setSecret(s.name, credentials->secret(s.name), nullptr);
        }
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
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, path, failed, total = int(report.sources.size())] {
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
