// SPDX-License-Identifier: MIT
#include "team/localpgserver.h"

#include "team/pgconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>

#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Mesh {

namespace {

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof(addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

} // namespace

LocalPgServer::LocalPgServer() = default;

LocalPgServer::~LocalPgServer()
{
    if (m_running)
        stop(true);
}

QString LocalPgServer::binDir()
{
    const QString env = qEnvironmentVariable("MESH_PG_BINDIR");
    if (!env.isEmpty())
        return QFileInfo(QDir(env).filePath(QStringLiteral("pg_ctl"))).isExecutable() ? env
                                                                                      : QString();
    QDir base(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    for (const QString &v : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = base.filePath(v + QStringLiteral("/bin"));
        const QVersionNumber n = QVersionNumber::fromString(v);
        if (QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable() &&
            QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() && n > best) {
            best = n;
            bestDir = dir;
        }
    }
    if (!bestDir.isEmpty())
        return bestDir;
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
}

bool LocalPgServer::runTool(const QString &tool, const QStringList &args, int timeoutMs,
                            QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir->path());
    const QString exe = QDir(m_bin).filePath(tool);
    if (m_asNobody)
        p.start(QStringLiteral("setpriv"),
                QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                            QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                    QStringList{exe} + args);
    else
        p.start(exe, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        if (output)
            *output =
                QStringLiteral("%1 did not finish within %2 s").arg(tool).arg(timeoutMs / 1000);
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void LocalPgServer::setTls(const QString &certFile, const QString &keyFile)
{
    m_tlsCert = certFile;
    m_tlsKey = keyFile;
}

bool LocalPgServer::start(QString *error)
{
    if (m_running)
        return true;
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_initialized) {
        m_bin = binDir();
        if (m_bin.isEmpty())
            return fail(
                QStringLiteral("PostgreSQL is not installed (no initdb/pg_ctl in "
                               "/usr/lib/postgresql/*/bin or PATH); install postgresql-15"));
        m_asNobody = ::geteuid() == 0;
        // As root, $TMPDIR may lie under a directory nobody cannot enter (/root/tmp): use /tmp.
        m_dir = std::make_unique<QTemporaryDir>(
            (m_asNobody ? QStringLiteral("/tmp") : QDir::tempPath()) +
            QStringLiteral("/mesh-pg-XXXXXX"));
        if (!m_dir->isValid())
            return fail(QStringLiteral("cannot create a temporary directory for PostgreSQL: %1")
                            .arg(m_dir->errorString()));
        const QString root = m_dir->path();
        m_dataDir = root + QStringLiteral("/data");
        m_logFile = root + QStringLiteral("/server.log");
        if (m_asNobody) {
            const passwd *pw = ::getpwnam("nobody");
            if (!pw)
                return fail(
                    QStringLiteral("running as root, PostgreSQL needs an unprivileged user, "
                                   "but there is no user “nobody”"));
            // The temporary directory is root's (0700): let nobody in and own it.
            if (::chmod(QFile::encodeName(root).constData(), 0755) != 0 ||
                ::chown(QFile::encodeName(root).constData(), pw->pw_uid, pw->pw_gid) != 0)
                return fail(QStringLiteral("cannot hand %1 to the user nobody").arg(root));
        }
        QString out;
        if (!runTool(QStringLiteral("initdb"),
                     {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("mesh"),
                      QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"),
                      QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C")},
                     120000, &out))
            return fail(QStringLiteral("initdb failed in %1: %2").arg(m_dataDir, out.right(400)));
        m_port = freePort();
        if (m_port == 0)
            return fail(QStringLiteral("no free TCP port on 127.0.0.1 for PostgreSQL"));
        QFile conf(m_dataDir + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append | QIODevice::Text))
            return fail(QStringLiteral("cannot write %1").arg(conf.fileName()));
        conf.write(QStringLiteral("\n# mesh: a throw-away server\n"
                                  "listen_addresses = '127.0.0.1'\nport = %1\n"
                                  "unix_socket_directories = ''\nfsync = off\n"
                                  "synchronous_commit = off\nfull_page_writes = off\n"
                                  "max_connections = 100\nshared_buffers = 128MB\n")
                       .arg(m_port)
                       .toUtf8());
        if (!m_tlsCert.isEmpty()) {
            // PostgreSQL refuses a key readable by others: the server's user owns both, 0600.
            const passwd *pw = m_asNobody ? ::getpwnam("nobody") : nullptr;
            for (const auto &[from, to] : {std::pair{m_tlsCert, QStringLiteral("server.crt")},
                                           std::pair{m_tlsKey, QStringLiteral("server.key")}}) {
                const QString target = m_dataDir + QLatin1Char('/') + to;
                const QByteArray path = QFile::encodeName(target);
                if (!QFile::copy(from, target) || ::chmod(path.constData(), 0600) != 0 ||
                    (pw && ::chown(path.constData(), pw->pw_uid, pw->pw_gid) != 0))
                    return fail(QStringLiteral("cannot copy %1 to %2 for PostgreSQL's TLS")
                                    .arg(from, target));
            }
            conf.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        }
        conf.close();
        m_initialized = true;
    }
    QString out;
    if (!runTool(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), m_logFile,
                  QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                  QStringLiteral("start")},
                 90000, &out))
        return fail(QStringLiteral("PostgreSQL did not start on 127.0.0.1:%1 (%2); log: %3")
                        .arg(m_port)
                        .arg(out.right(200), logTail()));
    m_running = true;
    return true;
}

bool LocalPgServer::stop(bool immediate)
{
    if (!m_running)
        return true;
    QString out;
    const bool ok = runTool(QStringLiteral("pg_ctl"),
                            {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
                             immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                             QStringLiteral("-w"), QStringLiteral("stop")},
                            60000, &out);
    m_running = !ok;
    return ok;
}

QString LocalPgServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://mesh@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

bool LocalPgServer::createDatabase(const QString &name, QString *error)
{
    auto conn = PgConnection::connect(url(), error);
    if (!conn)
        return false;
    return conn->run(QStringLiteral("CREATE DATABASE %1").arg(conn->quoteIdentifier(name)), {},
                     error);
}

QString LocalPgServer::logTail() const
{
    QFile f(m_logFile);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log at %1)").arg(m_logFile);
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(600)).simplified();
}

} // namespace Mesh
