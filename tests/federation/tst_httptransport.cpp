// SPDX-License-Identifier: MIT
// HttpTransport on a loopback server: parallel requests on reused connections, conditional
// requests, retries with backoff and Retry-After, and every failure classified.
#include "federation/httptransport.h"

#include "fedfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace Mesh;
using namespace MeshTest;

class TstHttpTransport : public QObject
{
    Q_OBJECT

private:
    LoopbackServer m_server;
    QByteArray url(const char *path) const { return (m_server.baseUrl() + QLatin1String(path)).toUtf8(); }

    static TransportOptions options()
    {
        TransportOptions o;
        o.requestTimeoutMs = 1500;
        o.stallTimeoutMs = 1000;
        o.maxAttempts = 3;
        o.backoffBaseMs = 10;
        o.backoffMaxMs = 40;
        o.maxResponseBytes = 64 * 1024;
        o.maxRedirects = 3;
        return o;
    }

    HttpResponse fetch(const QByteArray &u, const QByteArray &ifNoneMatch = {},
                       const TransportOptions &o = options())
    {
        HttpTransport transport(o);
        HttpResponse result;
        HttpRequest r;
        r.url = u;
        r.ifNoneMatch = ifNoneMatch;
        r.done = [&](HttpResponse &&resp) { result = std::move(resp); };
        transport.submit(std::move(r));
        transport.run();
        return result;
    }

private slots:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init()
    {
        m_server.clear();
        m_server.resetCounts();
    }

    void fetchesInParallelOnReusedConnections()
    {
        LoopbackServer::Reply slow = json("{\"ok\": true}");
        slow.delayMs = 300;
        for (int i = 0; i < 8; ++i)
            m_server.setReply("/slow/" + QByteArray::number(i), slow);
        HttpTransport transport(options());
        int done = 0;
        for (int round = 0; round < 2; ++round)
            for (int i = 0; i < 8; ++i) {
                HttpRequest r;
                r.url = url("/slow/") + QByteArray::number(i);
                r.done = [&](HttpResponse &&resp) { done += resp.ok() ? 1 : 0; };
                transport.submit(std::move(r));
            }
        QElapsedTimer timer;
        timer.start();
        transport.run();
        QCOMPARE(done, 16);
        // 16 requests of 300 ms, at most 6 connections per host: about 3 rounds, not 16.
        QVERIFY2(timer.elapsed() < 16 * 300 / 2, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(transport.stats().newConnections <= 6);
        QVERIFY(m_server.connectionCount() <= 6);
    }

    void revalidatesWithETag()
    {
        m_server.setReply("/doc", json("{\"v\": 1}", "\"v1\""));
        HttpResponse first = fetch(url("/doc"));
        QVERIFY(first.ok());
        QCOMPARE(first.etag, QByteArray("\"v1\""));
        HttpResponse second = fetch(url("/doc"), first.etag);
        QVERIFY(second.notModified());
        QVERIFY(second.body.isEmpty());
        HttpResponse stale = fetch(url("/doc"), "\"v0\"");
        QCOMPARE(stale.status, 200L);
    }

    void acceptsCompressedResponses()
    {
        const QByteArray plain = QByteArray(R"({"rows": [)") + QByteArray("1,").repeated(5000) + "1]}";
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
        gzip.write(plain);
        gzip.closeWriteChannel();
        QVERIFY(gzip.waitForFinished(10000));
        const QByteArray packed = gzip.readAllStandardOutput();
        QVERIFY(packed.size() < plain.size() / 10);
        QByteArray acceptEncoding;
        m_server.setHandler([&](const LoopbackServer::Request &r) {
            acceptEncoding = r.headers.value("accept-encoding");
            LoopbackServer::Reply reply;
            reply.body = packed;
            reply.headers.append(QPair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
            return reply;
        });
        const HttpResponse r = fetch(url("/packed"));
        QVERIFY(r.ok());
        QVERIFY2(acceptEncoding.contains("gzip"), acceptEncoding.constData());
        QCOMPARE(r.body, plain);
    }

    void classifiesFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<bool>("truncate");
        QTest::addColumn<bool>("stall");
        QTest::addColumn<int>("bodyBytes");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("attempts");
        QTest::newRow("timeout") << 200 << 2500 << false << false << 10
                                 << int(HttpResponse::Error::Timeout) << 3;
        QTest::newRow("stall") << 200 << 0 << false << true << 4000
                               << int(HttpResponse::Error::Timeout) << 3;
        QTest::newRow("truncated") << 200 << 0 << true << false << 4000
                                   << int(HttpResponse::Error::Truncated) << 3;
        QTest::newRow("oversized") << 200 << 0 << false << false << 100 * 1024
                                   << int(HttpResponse::Error::TooLarge) << 1;
        QTest::newRow("404 is not retried") << 404 << 0 << false << false << 10
                                            << int(HttpResponse::Error::None) << 1;
        QTest::newRow("502 is retried") << 502 << 0 << false << false << 10
                                        << int(HttpResponse::Error::None) << 3;
    }

    void classifiesFailures()
    {
        QFETCH(int, status);
        QFETCH(int, delayMs);
        QFETCH(bool, truncate);
        QFETCH(bool, stall);
        QFETCH(int, bodyBytes);
        QFETCH(int, error);
        QFETCH(int, attempts);
        LoopbackServer::Reply r;
        r.status = status;
        r.delayMs = delayMs;
        r.truncate = truncate;
        r.stall = stall;
        r.body = QByteArray(bodyBytes, 'x');
        m_server.setReply("/fault", r);
        const HttpResponse resp = fetch(url("/fault"));
        QCOMPARE(int(resp.error), error);
        QCOMPARE(resp.attempts, attempts);
        QCOMPARE(m_server.requestCount("/fault"), attempts);
        QVERIFY(!resp.ok());
        if (error == int(HttpResponse::Error::None))
            QCOMPARE(resp.status, long(status));
        else
            QVERIFY(!resp.detail.isEmpty());
    }

    void followsRedirectsButNotLoops()
    {
        LoopbackServer::Reply moved;
        moved.status = 301;
        moved.headers.append(QPair<QByteArray, QByteArray>("Location", "/target"));
        m_server.setReply("/moved", moved);
        m_server.setReply("/target", json("{}"));
        QVERIFY(fetch(url("/moved")).ok());
        LoopbackServer::Reply loop;
        loop.status = 302;
        loop.headers.append(QPair<QByteArray, QByteArray>("Location", "/loop"));
        m_server.setReply("/loop", loop);
        const HttpResponse r = fetch(url("/loop"));
        QCOMPARE(r.error, HttpResponse::Error::Redirects);
    }

    void retryAfterLongerThanAllowedFailsAtOnce()
    {
        LoopbackServer::Reply busy;
        busy.status = 429;
        busy.headers.append(QPair<QByteArray, QByteArray>("Retry-After", "600"));
        m_server.setReply("/busy", busy);
        QElapsedTimer timer;
        timer.start();
        const HttpResponse r = fetch(url("/busy"));
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(r.status, 429L);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.detail.contains(QStringLiteral("retry after 600 s")));
    }

    void connectionRefusedIsAConnectError()
    {
        quint16 port = 0;
        {
            LoopbackServer gone;
            QVERIFY(gone.start());
            port = gone.port();
        }
        const HttpResponse r =
            fetch(QStringLiteral("http://127.0.0.1:%1/x").arg(port).toUtf8());
        QCOMPARE(r.error, HttpResponse::Error::Connect);
        QCOMPARE(r.attempts, 3);
    }

    void cancelEndsEveryRequest()
    {
        LoopbackServer::Reply slow = json("{}");
        slow.delayMs = 1200;
        m_server.setReply("/slow", slow);
        HttpTransport transport(options());
        std::atomic<bool> cancel{false};
        int cancelled = 0;
        for (int i = 0; i < 3; ++i) {
            HttpRequest r;
            r.url = url("/slow");
            r.done = [&](HttpResponse &&resp) {
                cancelled += resp.error == HttpResponse::Error::Cancelled ? 1 : 0;
            };
            transport.submit(std::move(r));
        }
        std::thread t([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancel = true;
        });
        transport.run(&cancel);
        t.join();
        QCOMPARE(cancelled, 3);
    }

    void reasonPhrases()
    {
        QCOMPARE(HttpTransport::reasonPhrase(401), QStringLiteral("Unauthorized"));
        QCOMPARE(HttpTransport::reasonPhrase(429), QStringLiteral("Too Many Requests"));
        QCOMPARE(HttpTransport::reasonPhrase(599), QStringLiteral("Server Error"));
    }
};

QTEST_GUILESS_MAIN(TstHttpTransport)
#include "tst_httptransport.moc"
