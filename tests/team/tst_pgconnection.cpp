// SPDX-License-Identifier: MIT
// Connection safety of PgConnection: every connection is bounded (connect_timeout, keepalives,
// tcp_user_timeout by default, the URL's own values win), a server that never answers fails
// within the timeout with one clear line, and TLS with sslmode=verify-full works against a
// PostgreSQL server serving a certificate made here by a throw-away CA.
#include "pgfixture.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "team/pgconnection.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QElapsedTimer>
#include <QProcess>

#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <signal.h>
#include <unistd.h>

using namespace Mesh;

namespace {

const QString kReader = QStringLiteral("kenji.watanabe");

/** A TCP server on 127.0.0.1 that lets clients connect (the kernel completes the handshake)
 *  and never answers: a server behind a network that silently drops everything. */
/** Stops a server backend (SIGSTOP) on request and always lets it run again (SIGCONT). */
class StoppedBackend
{
public:
    explicit StoppedBackend(qint64 pid) : m_pid(pid_t(pid)) {}
    ~StoppedBackend() { resume(); }
    StoppedBackend(const StoppedBackend &) = delete;
    StoppedBackend &operator=(const StoppedBackend &) = delete;
    void stop() const
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGSTOP);
    }
    void resume() const
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGCONT);
    }

private:
    pid_t m_pid;
};

class BlackHole
{
public:
    BlackHole()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof(addr);
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0 &&
            ::listen(m_fd, 8) == 0 &&
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            m_port = ntohs(addr.sin_port);
    }
    ~BlackHole()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    BlackHole(const BlackHole &) = delete;
    BlackHole &operator=(const BlackHole &) = delete;
    int port() const { return m_port; }
    /** A client's connection was established (and is waiting, unanswered, to be accepted). */
    bool wasConnected() const
    {
        pollfd p{m_fd, POLLIN, 0};
        return ::poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

struct Attempt
{
    bool connected = false;
    QString error;
    qint64 elapsedMs = 0;
};

/** PgConnection::connect(url) on another thread; nullopt when it has not returned after
 *  limitMs (the test then fails instead of hanging; the stuck thread dies with the process). */
std::optional<Attempt> connectWithin(const QString &url, int limitMs)
{
    auto promise = std::make_shared<std::promise<Attempt>>();
    std::future<Attempt> future = promise->get_future();
    std::thread([promise, url] {
        QElapsedTimer timer;
        timer.start();
        Attempt a;
        a.connected = PgConnection::connect(url, &a.error) != nullptr;
        a.elapsedMs = timer.elapsed();
        promise->set_value(a);
    }).detach();
    if (future.wait_for(std::chrono::milliseconds(limitMs)) != std::future_status::ready)
        return std::nullopt;
    return future.get();
}

} // namespace

class TestPgConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_certs.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
                 "the openssl command is not installed (scripts/deps.sh installs it)");
        QVERIFY(writeFile(QStringLiteral("openssl.cnf"),
                          "[req]\ndistinguished_name = dn\nprompt = no\n"
                          "[dn]\nCN = Mesh test CA\n"
                          "[v3_ca]\nbasicConstraints = critical,CA:TRUE\n"
                          "keyUsage = critical,keyCertSign,cRLSign\n"
                          "subjectKeyIdentifier = hash\n"
                          "[v3_server]\nbasicConstraints = CA:FALSE\n"
                          "keyUsage = critical,digitalSignature,keyEncipherment\n"
                          "extendedKeyUsage = serverAuth\n"
                          "subjectAltName = DNS:localhost,IP:127.0.0.1\n"));
        const QStringList ec{
            QStringLiteral("-newkey"),    QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"),   QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"),     QStringLiteral("-config"),
            QStringLiteral("openssl.cnf")};
        // The CA that signs the server's certificate, and another one that signed nothing.
        for (const QString &ca : {QStringLiteral("ca"), QStringLiteral("other-ca")})
            QVERIFY(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                            QStringList{QStringLiteral("-extensions"), QStringLiteral("v3_ca"),
                                        QStringLiteral("-subj"), QStringLiteral("/CN=") + ca,
                                        QStringLiteral("-days"), QStringLiteral("2"),
                                        QStringLiteral("-keyout"), ca + QStringLiteral(".key"),
                                        QStringLiteral("-out"), ca + QStringLiteral(".crt")}));
        QVERIFY(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} + ec +
                        QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                    QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                    QStringLiteral("-out"), QStringLiteral("server.csr")}));
        QVERIFY(openssl(
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
             QStringLiteral("openssl.cnf"), QStringLiteral("-extensions"),
             QStringLiteral("v3_server"), QStringLiteral("-out"), QStringLiteral("server.crt")}));
        m_pg.server().setTls(m_certs.filePath(QStringLiteral("server.crt")),
                             m_certs.filePath(QStringLiteral("server.key")));
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(m_url);
        QVERIFY(admin);
        QString error;
        QVERIFY2(Test::PgFixture::allowLogin(*admin, {kReader}, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_pg.stop(); }
    void cleanup()
    {
        PgConnection::setDefaultConnectTimeout(PgConnection::kDefaultConnectTimeout);
        PgConnection::setReplyTimeout(PgConnection::kDefaultReplyTimeout);
    }

    void boundedByDefault()
    {
        QVERIFY(!m_url.contains(QLatin1String("timeout")));
        auto conn = Test::PgFixture::connect(m_url);
        QVERIFY(conn);
        QCOMPARE(conn->option(QStringLiteral("connect_timeout")),
                 QString::number(PgConnection::kDefaultConnectTimeout));
        QCOMPARE(conn->option(QStringLiteral("keepalives")), QStringLiteral("1"));
        QCOMPARE(conn->option(QStringLiteral("keepalives_idle")), QStringLiteral("30"));
        QCOMPARE(conn->option(QStringLiteral("keepalives_interval")), QStringLiteral("10"));
        QCOMPARE(conn->option(QStringLiteral("keepalives_count")), QStringLiteral("3"));
        QCOMPARE(conn->option(QStringLiteral("tcp_user_timeout")), QStringLiteral("60000"));

        // The injectable default is what a URL without connect_timeout gets.
        PgConnection::setDefaultConnectTimeout(42);
        auto other = Test::PgFixture::connect(m_url);
        QVERIFY(other);
        QCOMPARE(other->option(QStringLiteral("connect_timeout")), QStringLiteral("42"));
    }

    void theUrlsOwnValuesWin()
    {
        // URL form and keyword form; a user and password passed apart do not change this.
        const QString url = m_url + QStringLiteral("?connect_timeout=7&keepalives_idle=5"
                                                   "&tcp_user_timeout=1234");
        QString error;
        auto conn = PgConnection::connect(url, kReader, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        QCOMPARE(conn->option(QStringLiteral("connect_timeout")), QStringLiteral("7"));
        QCOMPARE(conn->option(QStringLiteral("keepalives_idle")), QStringLiteral("5"));
        QCOMPARE(conn->option(QStringLiteral("tcp_user_timeout")), QStringLiteral("1234"));
        QCOMPARE(conn->option(QStringLiteral("keepalives_count")), QStringLiteral("3"));
        QCOMPARE(conn->currentUser(), kReader);

        const QString keywords =
            QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=mesh keepalives=0 "
                           "connect_timeout=3")
                .arg(m_pg.server().port());
        auto byKeywords = PgConnection::connect(keywords, &error);
        QVERIFY2(byKeywords, qPrintable(error));
        QCOMPARE(byKeywords->option(QStringLiteral("connect_timeout")), QStringLiteral("3"));
        QCOMPARE(byKeywords->option(QStringLiteral("keepalives")), QStringLiteral("0"));
    }

    void aServerThatNeverAnswersFailsWithinTheDefaultTimeout()
    {
        BlackHole hole;
        QVERIFY(hole.port() > 0);
        PgConnection::setDefaultConnectTimeout(2); // libpq's minimum
        const QString url =
            QStringLiteral("postgresql://mesh:s3cret@127.0.0.1:%1/team").arg(hole.port());
        const std::optional<Attempt> a = connectWithin(url, 15000);
        QVERIFY2(a, "connecting to a server that never answers did not return within 15 s");
        QVERIFY(hole.wasConnected()); // it was a silent server, not a refused connection
        QVERIFY(!a->connected);
        // libpq counts connect_timeout in whole seconds of time(): its deadline is the second
        // that is N seconds after the start's, so a wait of N s ends after N-1 to N s.
        QVERIFY2(a->elapsedMs >= 900 && a->elapsedMs < 8000,
                 qPrintable(QString::number(a->elapsedMs)));
        QCOMPARE(a->error,
                 QStringLiteral("the team server postgresql://mesh:***@127.0.0.1:%1/team did not "
                                "answer within 2 s; check the network or VPN and that the server "
                                "is up, or wait longer by setting connect_timeout (seconds) in "
                                "the URL")
                     .arg(hole.port()));
        QVERIFY(!a->error.contains(QLatin1String("s3cret")));
    }

    void aServerThatStopsAnsweringMidQueryIsGivenUp()
    {
        // The server's host still answers TCP (keepalives too) but its backend is stopped
        // (SIGSTOP 300 ms into a query): only the reply timeout ends the wait.
        auto conn = Test::PgFixture::connect(m_url);
        QVERIFY(conn);
        const qint64 backend = conn->exec(QStringLiteral("SELECT pg_backend_pid()")).integer(0, 0);
        QVERIFY(backend > 0);
        const StoppedBackend stopped(backend);
        PgConnection::setReplyTimeout(2);
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            stopped.stop();
        });
        QElapsedTimer timer;
        timer.start();
        const PgResult r = conn->exec(QStringLiteral("SELECT pg_sleep(1), 42"));
        const qint64 elapsed = timer.elapsed();
        stopper.join();
        QVERIFY(!r.ok());
        QVERIFY2(elapsed >= 2000 && elapsed < 8000, qPrintable(QString::number(elapsed)));
        QVERIFY(r.isConnectionFailure());
        const QString expected = QStringLiteral("team server %1 sent nothing for 2 s, so the "
                                                "connection was closed (the server may be stopped "
                                                "or overloaded); try again later")
                                     .arg(conn->server());
        QCOMPARE(r.error(), expected);
        QVERIFY(conn->server().contains(QStringLiteral("127.0.0.1")));
        // The connection is given up: later queries fail at once with the same reason.
        QVERIFY(!conn->isConnected());
        timer.restart();
        const PgResult again = conn->exec(QStringLiteral("SELECT 1"));
        QVERIFY(!again.ok());
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(again.error(), expected);
        // The server itself is fine once the backend runs again: a new connection works.
        stopped.resume();
        auto fresh = Test::PgFixture::connect(m_url);
        QVERIFY(fresh);
        QCOMPARE(fresh->exec(QStringLiteral("SELECT 42")).integer(0, 0), 42);
    }

    void aStoppedServerLeavesTheCacheIntactAndQueuesWrites()
    {
        const QString path = m_pg.tempPath(QStringLiteral("stopped.mesh"));
        auto store = SqliteCatalogStore::create(path, QStringLiteral("cache"), nullptr);
        QVERIFY(store);
        QString error;
        {
            auto conn = PgConnection::connect(m_url, kReader, {}, &error);
            QVERIFY2(conn && TeamSync::sync(*conn, *store, m_url, &error), qPrintable(error));
        }
        const qint64 products = store->counts().products;
        QVERIFY(products > 0);
        PgConnection::setReplyTimeout(2);
        auto conn = PgConnection::connect(m_url, kReader, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        const StoppedBackend stopped(conn->exec(QStringLiteral("SELECT pg_backend_pid()")).integer(0, 0));
        stopped.stop();
        // A sync fails with the reason and writes nothing.
        QVERIFY(!TeamSync::sync(*conn, *store, m_url, &error));
        QVERIFY2(error.contains(QStringLiteral("sent nothing for 2 s")), qPrintable(error));
        QCOMPARE(store->counts().products, products);
        QCOMPARE(store->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        // A write is queued in the cache, as when the server is unreachable.
        TeamWrite w;
        w.kind = TeamWrite::Kind::Request;
        w.actingUser = kReader;
        w.productKey = QStringLiteral("finance.netsuite-customers");
        w.purpose = QStringLiteral("quarter close");
        w.days = 7;
        const TeamWriteOutcome o = TeamClient::submit(conn.get(), *store, w);
        QCOMPARE(o.code, TeamWriteOutcome::Code::Offline);
        QVERIFY(o.queued);
        QCOMPARE(TeamClient::outbox(*store).size(), 1);
    }

    void theUrlsTimeoutWinsOverTheDefault()
    {
        BlackHole hole;
        QVERIFY(hole.port() > 0);
        PgConnection::setDefaultConnectTimeout(600);
        const QString url = QStringLiteral("postgresql://mesh@127.0.0.1:%1/team?connect_timeout=3")
                                .arg(hole.port());
        const std::optional<Attempt> a = connectWithin(url, 15000);
        QVERIFY2(a, "the URL's connect_timeout=3 was not applied (still waiting after 15 s)");
        QVERIFY(!a->connected);
        // Whole seconds in libpq (above): connect_timeout=3 ends after 2 to 3 s.
        QVERIFY2(a->elapsedMs >= 1900 && a->elapsedMs < 9000,
                 qPrintable(QString::number(a->elapsedMs)));
        QVERIFY2(a->error.contains(QLatin1String("did not answer within 3 s")),
                 qPrintable(a->error));
    }

    void meshctlSaysInOneLineThatTheServerDidNotAnswer()
    {
        // PGCONNECT_TIMEOUT is the person's choice as much as the URL's: it beats the default.
        BlackHole hole;
        QVERIFY(hole.port() > 0);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("2"));
        p.setProcessEnvironment(env);
        const QString file = m_pg.tempPath(QStringLiteral("silent.mesh"));
        QElapsedTimer timer;
        timer.start();
        p.start(QStringLiteral(MESHCTL),
                {QStringLiteral("sync-team"), file, QStringLiteral("--server"),
                 QStringLiteral("postgresql://mesh:s3cret@127.0.0.1:%1/team").arg(hole.port())});
        const bool finished = p.waitForFinished(15000);
        if (!finished)
            p.kill();
        QVERIFY2(finished, "meshctl sync-team still waited for a silent server after 15 s");
        QVERIFY2(timer.elapsed() < 9000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(p.exitCode(), 4);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("the team server postgresql://mesh:***@127.0.0.1:%1/"
                                             "team did not answer within 2 s")
                                  .arg(hole.port())),
                 qPrintable(err));
        QVERIFY(!err.contains(QLatin1String("s3cret")));
        QVERIFY2(err.endsWith(QLatin1String("the local catalog was not changed")), qPrintable(err));
        QVERIFY(!QFileInfo::exists(file));
    }

    void verifyFullConnectsEncrypted()
    {
        QString error;
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            QString url = tlsUrl(QStringLiteral("ca.crt"));
            url.replace(QLatin1String("127.0.0.1"), host);
            auto conn = PgConnection::connect(url, &error);
            QVERIFY2(conn, qPrintable(error));
            QVERIFY(conn->isEncrypted());
            QCOMPARE(conn->option(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
            const PgResult r = conn->exec(
                QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
            QVERIFY2(r.ok(), qPrintable(r.error()));
            QCOMPARE(r.rows(), 1);
            QVERIFY(r.boolean(0, 0));
        }
        // The same server without TLS: the check above can tell the difference.
        auto plain = PgConnection::connect(m_url + QStringLiteral("?sslmode=disable"), &error);
        QVERIFY2(plain, qPrintable(error));
        QVERIFY(!plain->isEncrypted());
        const PgResult r =
            plain->exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        QVERIFY(r.ok());
        QVERIFY(!r.boolean(0, 0));
    }

    void verifyFullAgainstAnotherCaFails()
    {
        QString error;
        const QString url = tlsUrl(QStringLiteral("other-ca.crt"));
        auto conn = PgConnection::connect(url, &error);
        QVERIFY(!conn);
        QVERIFY2(error.startsWith(
                     QStringLiteral("cannot connect to the team server %1 over TLS: ").arg(url)),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("certificate verify failed")), qPrintable(error));
        QVERIFY2(error.endsWith(QLatin1String("check sslmode and that sslrootcert names the CA "
                                              "that signed the server's certificate")),
                 qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void teamSyncRunsOverTls()
    {
        // The app's path: a person's connection (PgConnection) and a first sync into a cache.
        const QString url = tlsUrl(QStringLiteral("ca.crt"));
        QString error;
        auto conn = PgConnection::connect(url, kReader, {}, &error);
        QVERIFY2(conn, qPrintable(error));
        QVERIFY(conn->isEncrypted());
        auto cache = SqliteCatalogStore::create(m_pg.tempPath(QStringLiteral("tls.mesh")),
                                                QStringLiteral("tls"), nullptr);
        QVERIFY(cache);
        QVERIFY2(TeamSync::sync(*conn, *cache, url, &error), qPrintable(error));
        QVERIFY(TeamClient::isTeamCache(*cache));
        // The same as a sync without TLS brings.
        auto plain = m_pg.syncedCache(QStringLiteral("plain.mesh"),
                                      m_url + QStringLiteral("?sslmode=disable"), kReader);
        QVERIFY(plain);
        QVERIFY(cache->counts().products > 0);
        QCOMPARE(cache->counts().products, plain->counts().products);
        QCOMPARE(cache->counts().datasets, plain->counts().datasets);
    }

private:
    QString tlsUrl(const QString &caFile) const
    {
        return m_url + QStringLiteral("?sslmode=verify-full&sslrootcert=") +
               m_certs.filePath(caFile);
    }
    bool writeFile(const QString &name, const char *text)
    {
        QFile f(m_certs.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == qint64(qstrlen(text));
    }
    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_certs.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning("openssl %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                     p.readAll().constData());
            return false;
        }
        return true;
    }

    Test::PgFixture m_pg;
    QTemporaryDir m_certs;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
