// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace Mesh {

/**
 * LISTENs on the team server's mesh_changes channel on a thread of its own (its own connection)
 * and emits changed() — queued to the receiver's thread — when another desktop's
 * write commits, so that the cache syncs within a second. Notifications that arrive together
 * are folded into one signal. When the connection drops it emits disconnected() and stops; the
 * owner falls back to polling and may start() again. Created and destroyed on one thread.
 */
class TeamListener final : public QObject
{
    Q_OBJECT

public:
    explicit TeamListener(QObject *parent = nullptr);
    ~TeamListener() override;

    /** Connects (on the listening thread) and listens; listening() or disconnected() follows. */
    void start(const QString &url, const QString &user, const QByteArray &password);
    void stop();
    bool isListening() const { return m_running.load(); }

signals:
    void listening();
    void changed();
    void disconnected(const QString &message);

private:
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stop{false};
};

} // namespace Mesh
