// SPDX-License-Identifier: MIT
// Remote samples against an HTTP server this test runs on 127.0.0.1: a body, 404, 500, a stall.
#include "preview/samplereader.h"
#include "preview/urlfetcher.h"

#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <thread>

using namespace Mesh;

class TstUrlFetcher : public QObject
{
    Q_OBJECT

private:
    QTcpServer m_server;
    QList<QTcpSocket *> m_stalled;

    QString url(const char *path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(path));
    }

    void serve(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        const QByteArray path = request.split(' ').value(1);
        auto reply = [socket](const QByteArray &status, const QByteArray &body) {
            socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/csv\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        };
        if (path == "/ok.csv")
            reply("200 OK", "name,email\nAda,ada@example.com\nGrace,grace@example.com\n");
        else if (path == "/missing.csv")
            reply("404 Not Found", "no");
        else if (path == "/broken.csv")
            reply("500 Internal Server Error", "oops");
        else if (path == "/big.csv")
            reply("200 OK", QByteArray(64 * 1024, 'a'));
        else if (path == "/stall.csv") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nname\n");
            m_stalled << socket; // keep it open, send nothing more
        }
    }

    /** Runs a blocking open on a thread while this thread's event loop serves HTTP. */
    std::unique_ptr<SampleReader> openAsync(const QString &location, const ReaderOptions &options,
                                            PreviewError *error)
    {
        std::unique_ptr<SampleReader> result;
        std::atomic<bool> done{false};
        std::thread t([&] {
            result = SampleReader::open(location, options, error);
            done = true;
        });
        QElapsedTimer waited;
        waited.start();
        while (!done.load() && waited.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        t.join(); // the fetch has its own timeouts, so this returns

        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
            }
        });
    }

    void readsANormalBody()
    {
        PreviewError error;
        auto r = openAsync(url("/ok.csv"), {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->location(), url("/ok.csv"));
        QCOMPARE(r->columns(), (QStringList{QStringLiteral("name"), QStringLiteral("email")}));
        while (r->indexMore(100)) {
        }
        QCOMPARE(r->rowCount(), 2);
    }

    void reportsHttpErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("status");
        QTest::newRow("404") << "/missing.csv" << "404";
        QTest::newRow("500") << "/broken.csv" << "500";
    }
    void reportsHttpErrors()
    {
        QFETCH(QString, path);
        QFETCH(QString, status);
        PreviewError error;
        QVERIFY(!openAsync(url(path.toUtf8().constData()), {}, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Http);
        QVERIFY2(error.what.contains(status), qPrintable(error.toString()));
        QVERIFY(error.source.endsWith(path));
        QVERIFY(!error.hint.isEmpty());
    }

    void timesOutOnAStalledServer()
    {
        ReaderOptions options;
        options.stallTimeoutSecs = 1;
        PreviewError error;
        QElapsedTimer t;
        t.start();
        QVERIFY(!openAsync(url("/stall.csv"), options, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Timeout);
        QVERIFY(t.elapsed() < 10000);
    }

    void refusesDownloadsAboveTheCap()
    {
        ReaderOptions options;
        options.maxDownloadBytes = 1024;
        PreviewError error;
        QVERIFY(!openAsync(url("/big.csv"), options, &error));
        QCOMPARE(error.kind, PreviewError::Kind::TooLarge);
    }

    void reportsAnUnreachableServer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        PreviewError error;
        QVERIFY(!openAsync(QStringLiteral("http://127.0.0.1:%1/x.csv").arg(port), {}, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Http);
    }

    void readsFileUrls()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("local.csv"));
        MeshTest::writeFile(path, "a,b\n1,2\n");
        PreviewError error;
        auto r = SampleReader::open(QUrl::fromLocalFile(path).toString(), {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->rowCount(), 1);
        QVERIFY(!SampleReader::open(QUrl::fromLocalFile(dir.filePath(QStringLiteral("none.csv"))).toString(), {}, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Missing);
    }
};

QTEST_GUILESS_MAIN(TstUrlFetcher)
#include "tst_urlfetcher.moc"
