// SPDX-License-Identifier: MIT
#include "access/accesssession.h"

#include "access/accessservice.h"
#include "catalog/sqlitecatalogstore.h"
#include "team/teamclient.h"

namespace Mesh {

/** The worker side of AccessSession: owns the connection; runs on the worker thread only. */
class AccessWorker : public QObject
{
    Q_OBJECT

public:
    std::unique_ptr<SqliteCatalogStore> store;
    std::unique_ptr<AccessService> service;
    QString userId;
    TeamRoute route;
    bool team = false; // the catalog is a team cache and a route is set: writes go to the server

    void open(const QString &path, const QString &login)
    {
        service.reset();
        CatalogError error;
        store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
        if (!store) {
            emit openFailed(error.message);
            return;
        }
        service = std::make_unique<AccessService>(*store);
        userId = service->userForLogin(login);
        team = route.isSet() && TeamClient::isTeamCache(*store);
        if (team)
            userId = route.user;
        emit opened(service->isDemoCatalog(), store->users(), userId);
        emit teamChanged(team, userId);
    }

    /** route's write, or false when this is not a team cache (the local service decides). */
    bool toServer(TeamWrite write)
    {
        if (!team || !store)
            return false;
        const TeamWriteOutcome o = TeamClient::submitAndSync(route, *store, std::move(write));
        AccessOutcome a;
        a.message = o.message;
        a.id = o.id;
        switch (o.code) {
        case TeamWriteOutcome::Code::Ok:
            a.code = AccessOutcome::Code::Ok;
            break;
        case TeamWriteOutcome::Code::Offline: // queued: sent when the server is back
            a.code = o.queued ? AccessOutcome::Code::Ok : AccessOutcome::Code::Failed;
            break;
        case TeamWriteOutcome::Code::Refused:
            a.code = AccessOutcome::Code::Refused;
            break;
        case TeamWriteOutcome::Code::Invalid:
            a.code = AccessOutcome::Code::Invalid;
            break;
        case TeamWriteOutcome::Code::Conflict:
        case TeamWriteOutcome::Code::Failed:
            a.code = AccessOutcome::Code::Failed;
            break;
        }
        // The server's changes (this write among them) are in the cache: let the views reread.
        service = std::make_unique<AccessService>(*store);
        finish(a);
        return true;
    }

    void finish(const AccessOutcome &outcome)
    {
        emit actionFinished(outcome);
        refresh();
    }

    void refresh()
    {
        if (!service)
            return;
        service->recordExpiries();
        AccessInbox inbox;
        inbox.userId = userId;
        inbox.toDecide = service->inbox(userId);
        inbox.mine = service->requests({}, userId);
        inbox.myGrants = service->grants({}, userId);
        inbox.notifications = service->notifications(userId);
        for (const AccessNotification &n : inbox.notifications)
            inbox.unread += n.unread ? 1 : 0;
        emit inboxReady(inbox);
    }

    void loadProduct(const QString &key)
    {
        if (!service)
            return;
        ProductAccess access;
        access.productKey = key;
        access.holders = service->policy().holders(key);
        access.requests = service->requests(key);
        access.grants = service->grants(key);
        if (const auto product = store->productByKey(key))
            for (const Dataset &ds : product->datasets)
                for (const Column &c : ds.columns)
                    if (!access.columns.contains(c.name))
                        access.columns.append(c.name);
        access.mayAdminister =
            service->policy().decide(userId, AccessAction::Administer, {key, {}}).allowed();
        access.previewReason =
            service->policy().decide(userId, AccessAction::Preview, {key, {}}).reason;
        emit productAccessReady(access);
    }

signals:
    void opened(bool demo, const QList<Mesh::User> &users, const QString &userId);
    void teamChanged(bool team, const QString &userId);
    void openFailed(const QString &message);
    void inboxReady(const Mesh::AccessInbox &inbox);
    void productAccessReady(const Mesh::ProductAccess &access);
    void auditReady(const Mesh::AuditSnapshot &snapshot);
    void actionFinished(const Mesh::AccessOutcome &outcome);
};

AccessSession::AccessSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Mesh::AccessInbox>();
    qRegisterMetaType<Mesh::ProductAccess>();
    qRegisterMetaType<Mesh::AuditSnapshot>();
    qRegisterMetaType<Mesh::AccessOutcome>();
    qRegisterMetaType<QList<Mesh::User>>();
    m_thread.setObjectName(QStringLiteral("access worker"));
    m_worker = new AccessWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &AccessWorker::opened, this, &AccessSession::onOpened);
    connect(m_worker, &AccessWorker::openFailed, this, [this](const QString &message) {
        m_open = false;
        emit openFailed(message);
    });
    connect(m_worker, &AccessWorker::teamChanged, this, [this](bool team, const QString &user) {
        const bool changed = team != m_team || (team && user != m_userId);
        m_team = team;
        if (team && user != m_userId) {
            m_userId = user;
            emit userChanged(user);
        }
        if (changed)
            emit teamModeChanged(team);
    });
    connect(m_worker, &AccessWorker::inboxReady, this, &AccessSession::inboxReady);
    connect(m_worker, &AccessWorker::productAccessReady, this,
            &AccessSession::productAccessReady);
    connect(m_worker, &AccessWorker::auditReady, this, &AccessSession::auditReady);
    connect(m_worker, &AccessWorker::actionFinished, this, [this](const AccessOutcome &o) {
        emit actionFinished(o);
        if (!m_lastProduct.isEmpty())
            loadProduct(m_lastProduct);
    });
    m_thread.start();
}

AccessSession::~AccessSession()
{
    m_thread.quit();
    m_thread.wait();
}

void AccessSession::post(std::function<void(AccessWorker *)> job)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job = std::move(job)] { job(w); },
                              Qt::QueuedConnection);
}

void AccessSession::open(const QString &path)
{
    m_open = false;
    const QString login = AccessService::osLogin();
    post([path, login](AccessWorker *w) { w->open(path, login); });
}

void AccessSession::onOpened(bool demo, const QList<User> &users, const QString &userId)
{
    m_open = true;
    m_demo = demo;
    m_users = users;
    m_userId = userId;
    emit opened(demo);
    emit userChanged(userId);
    refresh();
}

void AccessSession::signInAs(const QString &userId)
{
    if (!m_open || !m_demo)
        return;
    const QString login = AccessService::osLogin();
    m_userId = userId;
    post([login, userId](AccessWorker *w) {
        const AccessOutcome o = w->service->signInAs(
            login.isEmpty() ? QStringLiteral("unknown") : login, userId);
        if (o.ok())
            w->userId = userId;
        w->finish(o);
    });
    emit userChanged(userId);
}

void AccessSession::setTeamRoute(const TeamRoute &route)
{
    post([route](AccessWorker *w) {
        w->route = route;
        const bool team = route.isSet() && w->store && TeamClient::isTeamCache(*w->store);
        if (team)
            w->userId = route.user;
        else if (w->team && w->service)
            w->userId = w->service->userForLogin(AccessService::osLogin());
        w->team = team;
        emit w->teamChanged(team, w->userId);
        w->refresh();
    });
}

void AccessSession::refresh()
{
    post([](AccessWorker *w) { w->refresh(); });
}

void AccessSession::loadProduct(const QString &productKey)
{
    m_lastProduct = productKey;
    post([productKey](AccessWorker *w) { w->loadProduct(productKey); });
}

void AccessSession::loadAudit(const AuditFilter &filter)
{
    post([filter](AccessWorker *w) {
        if (!w->store)
            return;
        AuditSnapshot s;
        s.verification = AuditLog::verify(w->store->database());
        s.entries = AuditLog::entries(w->store->database(), filter);
        emit w->auditReady(s);
    });
}

void AccessSession::markNotificationsSeen()
{
    post([](AccessWorker *w) {
        if (w->service) {
            w->service->markNotificationsSeen(w->userId);
            w->refresh();
        }
    });
}

void AccessSession::request(const QString &productKey, const QStringList &columns,
                            const QString &purpose, const QDateTime &startsAt,
                            const QDateTime &endsAt)
{
    post([=](AccessWorker *w) {
        TeamWrite t;
        t.kind = TeamWrite::Kind::Request;
        t.productKey = productKey;
        t.columns = columns;
        t.purpose = purpose;
        t.days = int(qMax<qint64>(1, startsAt.daysTo(endsAt)));
        if (w->toServer(t))
            return;
        if (w->service)
            w->finish(w->service->request(w->userId, productKey, columns, purpose, startsAt,
                                          endsAt));
    });
}

void AccessSession::approve(qint64 requestId, const QStringList &narrowColumns,
                            const QDateTime &endsAt)
{
    post([=](AccessWorker *w) {
        TeamWrite t;
        t.kind = TeamWrite::Kind::Approve;
        t.requestId = requestId;
        t.columns = narrowColumns; // the server narrows the grant (server migration 5)
        t.endsAt = endsAt;
        if (w->toServer(t))
            return;
        if (w->service)
            w->finish(w->service->approve(w->userId, requestId, narrowColumns, endsAt));
    });
}

void AccessSession::deny(qint64 requestId, const QString &reason)
{
    post([=](AccessWorker *w) {
        TeamWrite t;
        t.kind = TeamWrite::Kind::Deny;
        t.requestId = requestId;
        t.reason = reason;
        if (w->toServer(t))
            return;
        if (w->service)
            w->finish(w->service->deny(w->userId, requestId, reason));
    });
}

void AccessSession::withdraw(qint64 requestId)
{
    post([=](AccessWorker *w) {
        TeamWrite t;
        t.kind = TeamWrite::Kind::Withdraw;
        t.requestId = requestId;
        if (w->toServer(t))
            return;
        if (w->service)
            w->finish(w->service->withdraw(w->userId, requestId));
    });
}

void AccessSession::revoke(qint64 grantId, const QString &reason)
{
    post([=](AccessWorker *w) {
        TeamWrite t;
        t.kind = TeamWrite::Kind::Revoke;
        t.requestId = grantId;
        t.reason = reason;
        if (w->toServer(t))
            return;
        if (w->service)
            w->finish(w->service->revoke(w->userId, grantId, reason));
    });
}

} // namespace Mesh

#include "accesssession.moc"
