// SPDX-License-Identifier: MIT
#include "loopbackserver.h"

#include <QFile>
#include <QMutex>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace Mesh {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

struct LoopbackServer::Private
{
    QThread thread;
    QObject *context = nullptr; // lives on thread
    QTcpServer *server = nullptr;
    QString certPath, keyPath;
    quint16 port = 0;
    mutable QMutex mutex;
    QHash<QByteArray, Reply> replies;
    Handler handler;
    QHash<QByteArray, int> counts;
    int notModified = 0;
    int connections = 0;

    Reply lookup(const Request &r)
    {
        QMutexLocker lock(&mutex);
        ++counts[r.target];
        auto it = replies.constFind(r.target);
        if (it == replies.constEnd())
            it = replies.constFind(r.target.split('?').value(0));
        if (it != replies.constEnd())
            return *it;
        Handler h = handler;
        lock.unlock();
        if (h)
            return h(r);
        Reply notFound;
        notFound.status = 404;
        notFound.body = R"({"message":"no such fixture"})";
        return notFound;
    }

    void send(QTcpSocket *socket, const Request &request, const Reply &reply)
    {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        const bool notMod = !reply.etag.isEmpty() &&
                            request.headers.value("if-none-match") == reply.etag && reply.status == 200;
        if (notMod) {
            QMutexLocker lock(&mutex);
            ++notModified;
        }
        const int status = notMod ? 304 : reply.status;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
        if (!reply.contentType.isEmpty() && !notMod)
            head += "Content-Type: " + reply.contentType + "\r\n";
        if (!reply.etag.isEmpty())
            head += "ETag: " + reply.etag + "\r\n";
        for (const auto &[name, value] : reply.headers)
            head += name + ": " + value + "\r\n";
        const QByteArray body = notMod ? QByteArray() : reply.body;
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        head += "Connection: keep-alive\r\n\r\n";
        if (reply.truncate) {
            socket->write(QByteArray(head + body.left(body.size() / 2)));
            socket->flush();
            socket->disconnectFromHost();
            return;
        }
        if (reply.stall) {
            socket->write(QByteArray(head + body.left(qMin<qsizetype>(body.size() / 2, 16))));
            return; // and never more
        }
        socket->write(head);
        socket->write(body);
    }

    void serve(QTcpSocket *socket)
    {
        {
            QMutexLocker lock(&mutex);
            ++connections;
        }
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                Request r;
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                r.method = first.value(0);
                r.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines[i].trimmed();
                    const qsizetype colon = line.indexOf(':');
                    if (colon > 0)
                        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
                }
                const qsizetype length = r.headers.value("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                r.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                const Reply reply = lookup(r);
                if (reply.delayMs > 0) {
                    QPointer<QTcpSocket> guard(socket);
                    QTimer::singleShot(reply.delayMs, socket, [this, guard, r, reply] {
                        send(guard, r, reply);
                    });
                } else {
                    send(socket, r, reply);
                }
            }
        });
    }
};

LoopbackServer::LoopbackServer() : d(std::make_unique<Private>())
{
    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->context, &QObject::deleteLater);
    d->thread.start();
}

LoopbackServer::~LoopbackServer()
{
    QMetaObject::invokeMethod(
        d->context, [this] { delete d->server; d->server = nullptr; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

void LoopbackServer::setTls(const QString &certificatePath, const QString &keyPath)
{
    d->certPath = certificatePath;
    d->keyPath = keyPath;
}

bool LoopbackServer::start(QString *error)
{
    bool ok = false;
    QString problem;
    QMetaObject::invokeMethod(
        d->context,
        [&] {
            if (!d->certPath.isEmpty()) {
                QFile certFile(d->certPath), keyFile(d->keyPath);
                if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
                    problem = QStringLiteral("cannot read the TLS certificate or key");
                    return;
                }
                auto *ssl = new QSslServer;
                QSslConfiguration config = QSslConfiguration::defaultConfiguration();
                config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
                config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
                config.setPeerVerifyMode(QSslSocket::VerifyNone);
                ssl->setSslConfiguration(config);
                d->server = ssl;
            } else {
                d->server = new QTcpServer;
            }
            QObject::connect(d->server, &QTcpServer::pendingConnectionAvailable, d->server, [this] {
                while (QTcpSocket *s = d->server->nextPendingConnection())
                    d->serve(s);
            });
            ok = d->server->listen(QHostAddress::LocalHost);
            if (!ok)
                problem = d->server->errorString();
            d->port = d->server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = problem;
    return ok;
}

quint16 LoopbackServer::port() const
{
    return d->port;
}

QString LoopbackServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(d->certPath.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"))
        .arg(d->port);
}

void LoopbackServer::setReply(const QByteArray &target, const Reply &reply)
{
    QMutexLocker lock(&d->mutex);
    d->replies.insert(target, reply);
}

void LoopbackServer::setHandler(Handler handler)
{
    QMutexLocker lock(&d->mutex);
    d->handler = std::move(handler);
}

void LoopbackServer::clear()
{
    QMutexLocker lock(&d->mutex);
    d->replies.clear();
    d->handler = {};
}

int LoopbackServer::requestCount(const QByteArray &pathPrefix) const
{
    QMutexLocker lock(&d->mutex);
    int n = 0;
    for (auto it = d->counts.cbegin(); it != d->counts.cend(); ++it)
        if (it.key().startsWith(pathPrefix))
            n += it.value();
    return n;
}

int LoopbackServer::notModifiedCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->notModified;
}

int LoopbackServer::connectionCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->connections;
}

void LoopbackServer::resetCounts()
{
    QMutexLocker lock(&d->mutex);
    d->counts.clear();
    d->notModified = 0;
    d->connections = 0;
}

} // namespace Mesh
