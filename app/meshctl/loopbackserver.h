// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Mesh {

/**
 * A small HTTP/1.1 server on 127.0.0.1 only, for `meshctl bench sync` and the federation tests:
 * it serves canned replies per path (ETag revalidation answered with 304), keeps connections
 * alive, and can misbehave on purpose (delay, stall, truncate, wrong status). With a certificate
 * and key it speaks TLS (QSslServer).
 *
 * Runs its own thread, so a blocking client (SyncEngine) can run on the caller's thread.
 * setReply/setHandler may be called while it runs; handlers run on the server thread.
 */
class LoopbackServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path with query, as sent
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray etag;      // answered with 304 when If-None-Match matches
        int delayMs = 0;      // wait before answering
        bool stall = false;   // send headers and part of the body, then nothing
        bool truncate = false; // announce the full length, send half, close
    };
    using Handler = std::function<Reply(const Request &)>;

    LoopbackServer();
    ~LoopbackServer();

    /** Serves TLS with this PEM certificate and key (both files). Call before start(). */
    void setTls(const QString &certificatePath, const QString &keyPath);
    /** Starts listening on 127.0.0.1 (port 0: any free port). False with *error on failure. */
    bool start(QString *error = nullptr);
    quint16 port() const;
    QString baseUrl() const; // http(s)://127.0.0.1:PORT

    /** Exact target match (path and query) first, then path-only match. */
    void setReply(const QByteArray &target, const Reply &reply);
    /** Called when no reply is set for a target. */
    void setHandler(Handler handler);
    void clear();

    int requestCount(const QByteArray &pathPrefix = {}) const;
    int notModifiedCount() const;
    int connectionCount() const;
    void resetCounts();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Mesh
