// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Mesh {

/** Limits and policies of one HttpTransport. The defaults suit a real catalog server. */
struct TransportOptions
{
    int connectTimeoutMs = 10000;
    int requestTimeoutMs = 60000; // whole request, per attempt
    int stallTimeoutMs = 20000;   // no byte received for this long
    int maxAttempts = 4;          // first try plus retries
    int backoffBaseMs = 500;      // exponential: base * 2^(attempt-1), full jitter
    int backoffMaxMs = 30000;
    int maxRetryAfterMs = 120000; // a Retry-After longer than this fails the request instead
    qint64 maxResponseBytes = qint64(256) << 20;
    int maxRedirects = 5;
    int maxConnectionsPerHost = 6;
    int maxConnections = 64;
};

/** The outcome of one request after all its attempts. */
struct HttpResponse
{
    enum class Error {
        None,
        Connect,   // could not connect (refused, DNS, proxy)
        Timeout,   // connect, stall or total timeout
        Tls,       // certificate could not be verified, or TLS failed
        TooLarge,  // over maxResponseBytes
        Truncated, // connection closed before the announced end of the body
        Redirects, // more than maxRedirects redirects (or a loop)
        Cancelled,
        Other,
    };
    QByteArray url;           // as requested
    long status = 0;          // HTTP status; 0 when none was received (or for file://)
    QByteArray body;
    QByteArray contentType;
    QByteArray etag;
    QByteArray lastModified;
    Error error = Error::None;
    QString detail;           // libcurl's own words for error, for the log
    int attempts = 0;
    long httpVersion = 0;     // 10, 11, 20 (CURL_HTTP_VERSION_* as a number)
    double seconds = 0;       // all attempts, waits included

    bool ok() const { return error == Error::None && (status == 0 || (status >= 200 && status < 300)); }
    bool notModified() const { return error == Error::None && status == 304; }
};

/** One request. done is called once, on the thread running HttpTransport::run. */
struct HttpRequest
{
    QByteArray url;
    QByteArray method = "GET";
    QByteArray body;                // request body (POST)
    QList<QByteArray> headers;      // "Name: value"
    QByteArray ifNoneMatch;         // ETag of the cached copy
    QByteArray ifModifiedSince;     // Last-Modified of the cached copy
    QByteArray bearerToken;         // sent as Authorization: Bearer; never logged
    QByteArray userName, password;  // basic auth; never logged
    QString caBundle;               // extra trusted CA bundle (PEM), or empty for the system's
    std::function<void(HttpResponse &&)> done;
};

/** What a run did, for benchmarks and the sync log. */
struct TransportStats
{
    int requests = 0;   // completed requests
    int attempts = 0;   // transfers started, retries included
    int retries = 0;
    int newConnections = 0;
    int http2 = 0;      // transfers that used HTTP/2
    qint64 bytes = 0;   // body bytes received (decompressed)
};

/**
 * Parallel HTTP(S) and file:// requests on one libcurl multi handle: connections are pooled and
 * reused across requests, HTTP/2 is negotiated over TLS (ALPN) and multiplexed, gzip/deflate/
 * brotli are accepted, proxies come from the usual environment variables (http_proxy,
 * https_proxy, no_proxy), TLS verification is always on (an extra CA bundle can be trusted per
 * request), bodies are capped, redirects limited, and transient failures (connect errors,
 * timeouts, truncated bodies, 429, 500, 502, 503, 504) are retried with exponential backoff and
 * full jitter, honouring Retry-After.
 *
 * Single-threaded: submit() and run() on one thread. A done callback may submit further
 * requests (next page); run() returns when nothing is left or on cancel.
 */
class HttpTransport
{
public:
    explicit HttpTransport(TransportOptions options = {});
    ~HttpTransport();
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;

    const TransportOptions &options() const;
    void submit(HttpRequest request);
    /** Runs until every request is done. On cancel, pending requests complete as Cancelled. */
    void run(const std::atomic<bool> *cancel = nullptr);
    TransportStats stats() const;

    /** The HTTP reason phrase for status, e.g. "Unauthorized" for 401. */
    static QString reasonPhrase(long status);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Mesh
