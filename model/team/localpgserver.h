// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace Mesh {

/**
 * A throw-away PostgreSQL server for tests and `meshctl bench team`: initdb into a temporary
 * directory, pg_ctl start on 127.0.0.1 at a free port (no Unix socket), trust authentication for
 * its superuser "mesh", durability off (fsync, synchronous_commit) because the data dies with
 * it. PostgreSQL refuses to run as root, so as root the binaries run as the unprivileged user
 * "nobody" (setpriv) and the data directory is given to that user. The destructor stops the
 * server (pg_ctl stop -m immediate). Used from one thread.
 */
class LocalPgServer
{
public:
    LocalPgServer();
    ~LocalPgServer();
    LocalPgServer(const LocalPgServer &) = delete;
    LocalPgServer &operator=(const LocalPgServer &) = delete;

    /** The directory of initdb/pg_ctl ($MESH_PG_BINDIR, the newest /usr/lib/postgresql/N/bin,
     *  or PATH); empty when PostgreSQL is not installed. */
    static QString binDir();

    /** Serves TLS (ssl = on) with this PEM certificate and key, copied into the data directory
     *  for the server's user with mode 0600. Call before the first start(). */
    void setTls(const QString &certFile, const QString &keyFile);

    /** initdb (once) and start; false with *error saying what failed and where its log is. */
    bool start(QString *error);
    /** Stops the server; immediate skips the shutdown checkpoint (a crash, as far as PG knows). */
    bool stop(bool immediate = false);
    bool isRunning() const { return m_running; }

    int port() const { return m_port; }
    /** postgresql://mesh@127.0.0.1:PORT/DATABASE */
    QString url(const QString &database = QStringLiteral("postgres")) const;
    /** CREATE DATABASE name (as the superuser). */
    bool createDatabase(const QString &name, QString *error);
    QString logTail() const;

private:
    bool runTool(const QString &tool, const QStringList &args, int timeoutMs, QString *output);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bin;
    QString m_dataDir;
    QString m_logFile;
    QString m_tlsCert;
    QString m_tlsKey;
    int m_port = 0;
    bool m_initialized = false;
    bool m_running = false;
    bool m_asNobody = false;
};

} // namespace Mesh
