// SPDX-License-Identifier: MIT
#include "team/teamlistener.h"

#include "team/pgconnection.h"

#include <libpq-fe.h>

#include <sys/select.h>

namespace Mesh {

TeamListener::TeamListener(QObject *parent) : QObject(parent) {}

TeamListener::~TeamListener()
{
    stop();
}

void TeamListener::start(const QString &url, const QString &user, const QByteArray &password)
{
    stop();
    m_stop = false;
    m_running = true;
    m_thread = std::thread([this, url, user, password]() {
        QString error;
        std::unique_ptr<PgConnection> conn = PgConnection::connect(url, user, password, &error);
        if (!conn || !conn->run(QStringLiteral("LISTEN mesh_changes"), {}, &error)) {
            m_running = false;
            QMetaObject::invokeMethod(
                this, [this, error] { emit disconnected(error); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this] { emit listening(); }, Qt::QueuedConnection);
        PGconn *pg = conn->handle();
        const int fd = PQsocket(pg);
        QString lost;
        while (!m_stop.load()) {
            fd_set read;
            FD_ZERO(&read);
            FD_SET(fd, &read);
            timeval timeout{0, 200 * 1000}; // wake to check m_stop
            if (select(fd + 1, &read, nullptr, nullptr, &timeout) < 0)
                continue;
            if (!PQconsumeInput(pg) || PQstatus(pg) != CONNECTION_OK) {
                lost = tr("lost the connection to team server %1: %2")
                           .arg(conn->server(), QString::fromUtf8(PQerrorMessage(pg)).simplified());
                break;
            }
            bool any = false;
            while (PGnotify *n = PQnotifies(pg)) {
                any = true;
                PQfreemem(n);
            }
            if (any)
                QMetaObject::invokeMethod(
                    this, [this] { emit changed(); }, Qt::QueuedConnection);
        }
        m_running = false;
        if (!lost.isEmpty())
            QMetaObject::invokeMethod(
                this, [this, lost] { emit disconnected(lost); }, Qt::QueuedConnection);
    });
}

void TeamListener::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    m_running = false;
}

} // namespace Mesh
