// SPDX-License-Identifier: MIT
#include "federation/httptransport.h"

#include <QElapsedTimer>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace Mesh {

namespace {

using Clock = std::chrono::steady_clock;

struct Transfer
{
    HttpRequest request;
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    QByteArray body;
    QByteArray etag;
    QByteArray lastModified;
    QByteArray retryAfter;
    qint64 cap = 0;
    bool overCap = false;
    int attempt = 0;
    QElapsedTimer elapsed;
    Clock::time_point notBefore;
    char errorBuffer[CURL_ERROR_SIZE] = {0};

    ~Transfer()
    {
        if (easy)
            curl_easy_cleanup(easy);
        if (headers)
            curl_slist_free_all(headers);
    }
};

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const qint64 n = qint64(size * count);
    if (t->body.size() + n > t->cap) {
        t->overCap = true;
        return 0;
    }
    if (t->body.isEmpty()) {
        // One allocation for a body of announced length (up to the cap), not ~log2(size)
        // reallocations that copy it again and again.
        curl_off_t length = -1;
        if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK &&
            length > 0)
            t->body.reserve(qsizetype(std::min<qint64>(length, t->cap)));
    }
    t->body.append(data, n);
    return size_t(n);
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    if (line.startsWith("HTTP/")) { // a new response (after a redirect or 100 Continue)
        t->etag.clear();
        t->lastModified.clear();
        t->retryAfter.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return n;
    const QByteArray name = line.left(colon).trimmed().toLower();
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (name == "etag")
        t->etag = value;
    else if (name == "last-modified")
        t->lastModified = value;
    else if (name == "retry-after")
        t->retryAfter = value;
    return n;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP-date; -1 when absent/bad. */
qint64 retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 secs = value.toLongLong(&ok);
    if (ok)
        return secs < 0 ? -1 : secs * 1000;
    const time_t when = curl_getdate(value.constData(), nullptr);
    if (when < 0)
        return -1;
    return std::max<qint64>(0, (qint64(when) - qint64(std::time(nullptr))) * 1000);
}

bool transientStatus(long status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

struct HttpTransport::Private
{
    TransportOptions options;
    CURLM *multi = nullptr;
    std::deque<std::unique_ptr<Transfer>> waiting;
    std::map<CURL *, std::unique_ptr<Transfer>> active;
    TransportStats stats;
    std::mt19937 rng{std::random_device{}()};

    bool start(Transfer &t);
    void finish(std::unique_ptr<Transfer> t, CURLcode code);
    void complete(Transfer &t, HttpResponse &&r);
    qint64 backoffMs(int attempt);
};

HttpTransport::HttpTransport(TransportOptions options) : d(std::make_unique<Private>())
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    d->options = options;
    d->multi = curl_multi_init();
    curl_multi_setopt(d->multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    curl_multi_setopt(d->multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(options.maxConnectionsPerHost));
    curl_multi_setopt(d->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, long(options.maxConnections));
    curl_multi_setopt(d->multi, CURLMOPT_MAXCONNECTS, long(options.maxConnections));
}

HttpTransport::~HttpTransport()
{
    for (auto &[easy, t] : d->active)
        curl_multi_remove_handle(d->multi, easy);
    d->active.clear();
    curl_multi_cleanup(d->multi);
}

const TransportOptions &HttpTransport::options() const
{
    return d->options;
}

TransportStats HttpTransport::stats() const
{
    return d->stats;
}

void HttpTransport::submit(HttpRequest request)
{
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->cap = d->options.maxResponseBytes;
    t->elapsed.start();
    t->notBefore = Clock::now();
    d->waiting.push_back(std::move(t));
}

qint64 HttpTransport::Private::backoffMs(int attempt)
{
    const qint64 ceiling = std::min<qint64>(options.backoffMaxMs,
                                            qint64(options.backoffBaseMs) << std::min(attempt - 1, 20));
    std::uniform_int_distribution<qint64> jitter(ceiling / 2, std::max<qint64>(ceiling / 2, ceiling));
    return jitter(rng);
}

bool HttpTransport::Private::start(Transfer &t)
{
    t.easy = curl_easy_init();
    if (!t.easy)
        return false;
    ++t.attempt;
    ++stats.attempts;
    t.body.clear();
    t.etag.clear();
    t.lastModified.clear();
    t.retryAfter.clear();
    t.overCap = false;
    t.errorBuffer[0] = 0;
    if (t.headers) {
        curl_slist_free_all(t.headers);
        t.headers = nullptr;
    }
    const HttpRequest &r = t.request;
    CURL *c = t.easy;
    curl_easy_setopt(c, CURLOPT_URL, r.url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, long(options.maxRedirects));
    curl_easy_setopt(c, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(c, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    // Catalog documents run to megabytes: read them 128 KB at a time (the curl tool reads
    // 100 KB), not in libcurl's default 16 KB, for fewer reads and body callbacks.
    curl_easy_setopt(c, CURLOPT_BUFFERSIZE, 128L * 1024);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!r.caBundle.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, r.caBundle.toLocal8Bit().constData());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(options.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(options.requestTimeoutMs));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, long(std::max(1, options.stallTimeoutMs / 1000)));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes));
    curl_easy_setopt(c, CURLOPT_USERAGENT, "mesh-explorer/" MESH_VERSION);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t.errorBuffer);
    curl_easy_setopt(c, CURLOPT_PRIVATE, &t);
    if (!r.bearerToken.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, long(CURLAUTH_BEARER));
        curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, r.bearerToken.constData());
    } else if (!r.userName.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(c, CURLOPT_USERNAME, r.userName.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, r.password.constData());
    }
    for (const QByteArray &h : r.headers)
        t.headers = curl_slist_append(t.headers, h.constData());
    if (!r.ifNoneMatch.isEmpty())
        t.headers = curl_slist_append(t.headers, QByteArray("If-None-Match: " + r.ifNoneMatch).constData());
    if (!r.ifModifiedSince.isEmpty())
        t.headers =
            curl_slist_append(t.headers, QByteArray("If-Modified-Since: " + r.ifModifiedSince).constData());
    if (t.headers)
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, t.headers);
    if (r.method == "POST") {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, long(r.body.size()));
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.constData());
    }
    return curl_multi_add_handle(multi, c) == CURLM_OK;
}

void HttpTransport::Private::complete(Transfer &t, HttpResponse &&r)
{
    ++stats.requests;
    r.url = t.request.url;
    r.attempts = t.attempt;
    r.seconds = double(t.elapsed.elapsed()) / 1000.0;
    if (t.request.done)
        t.request.done(std::move(r));
}

void HttpTransport::Private::finish(std::unique_ptr<Transfer> t, CURLcode code)
{
    HttpResponse r;
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    r.status = status;
    long version = 0;
    curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
    r.httpVersion = version == CURL_HTTP_VERSION_2_0 ? 20
                    : version == CURL_HTTP_VERSION_1_1 ? 11
                    : version == CURL_HTTP_VERSION_1_0 ? 10
                                                       : 0;
    if (r.httpVersion == 20)
        ++stats.http2;
    long connects = 0;
    curl_easy_getinfo(t->easy, CURLINFO_NUM_CONNECTS, &connects);
    stats.newConnections += int(connects);
    char *ct = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
    r.contentType = ct ? QByteArray(ct) : QByteArray();
    r.etag = t->etag;
    r.lastModified = t->lastModified;
    stats.bytes += t->body.size();

    using E = HttpResponse::Error;
    switch (code) {
    case CURLE_OK:
        break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
        r.error = E::Connect;
        break;
    case CURLE_OPERATION_TIMEDOUT:
        r.error = E::Timeout;
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        r.error = E::Tls;
        break;
    case CURLE_FILESIZE_EXCEEDED:
        r.error = E::TooLarge;
        break;
    case CURLE_WRITE_ERROR:
        r.error = t->overCap ? E::TooLarge : E::Other;
        break;
    case CURLE_PARTIAL_FILE:
        r.error = E::Truncated;
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        r.error = E::Redirects;
        break;
    default:
        r.error = E::Other;
        break;
    }
    if (r.error != E::None)
        r.detail = QString::fromUtf8(t->errorBuffer[0] ? t->errorBuffer : curl_easy_strerror(code));

    curl_multi_remove_handle(multi, t->easy);
    curl_easy_cleanup(t->easy);
    t->easy = nullptr;

    const bool transient = r.error == E::Connect || r.error == E::Timeout ||
                           r.error == E::Truncated ||
                           (r.error == E::None && transientStatus(r.status));
    if (transient && t->attempt < options.maxAttempts) {
        qint64 wait = backoffMs(t->attempt);
        const qint64 asked =
            (r.status == 429 || r.status == 503) ? retryAfterMs(t->retryAfter) : qint64(-1);
        if (asked > options.maxRetryAfterMs) {
            r.detail = QStringLiteral("the server asked to retry after %1 s").arg(asked / 1000);
            complete(*t, std::move(r));
            return;
        }
        if (asked >= 0)
            wait = asked;
        ++stats.retries;
        t->notBefore = Clock::now() + std::chrono::milliseconds(wait);
        waiting.push_back(std::move(t));
        return;
    }
    if (r.error == E::None)
        r.body = std::move(t->body);
    complete(*t, std::move(r));
}

void HttpTransport::run(const std::atomic<bool> *cancel)
{
    while (!d->waiting.empty() || !d->active.empty()) {
        if (cancel && cancel->load()) {
            std::deque<std::unique_ptr<Transfer>> all;
            for (auto &[easy, t] : d->active) {
                curl_multi_remove_handle(d->multi, easy);
                all.push_back(std::move(t));
            }
            d->active.clear();
            for (auto &t : d->waiting)
                all.push_back(std::move(t));
            d->waiting.clear();
            for (auto &t : all) {
                HttpResponse r;
                r.error = HttpResponse::Error::Cancelled;
                r.detail = QStringLiteral("cancelled");
                d->complete(*t, std::move(r));
            }
            continue; // callbacks may not submit after cancel, but drain if they did
        }
        // Start every request whose backoff has passed.
        const auto now = Clock::now();
        auto nextStart = Clock::time_point::max();
        for (auto it = d->waiting.begin(); it != d->waiting.end();) {
            if ((*it)->notBefore <= now) {
                std::unique_ptr<Transfer> t = std::move(*it);
                it = d->waiting.erase(it);
                if (!d->start(*t)) {
                    HttpResponse r;
                    r.error = HttpResponse::Error::Other;
                    r.detail = QStringLiteral("libcurl could not start the request");
                    d->complete(*t, std::move(r));
                    continue;
                }
                CURL *easy = t->easy;
                d->active.emplace(easy, std::move(t));
            } else {
                nextStart = std::min(nextStart, (*it)->notBefore);
                ++it;
            }
        }
        int running = 0;
        curl_multi_perform(d->multi, &running);
        int left = 0;
        while (CURLMsg *msg = curl_multi_info_read(d->multi, &left)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            auto it = d->active.find(msg->easy_handle);
            if (it == d->active.end())
                continue;
            std::unique_ptr<Transfer> t = std::move(it->second);
            d->active.erase(it);
            d->finish(std::move(t), msg->data.result);
        }
        if (d->active.empty() && d->waiting.empty())
            break;
        long waitMs = 100;
        if (nextStart != Clock::time_point::max()) {
            const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   nextStart - Clock::now())
                                   .count();
            waitMs = std::clamp<long>(long(until), 0, 100);
        }
        if (!d->active.empty())
            curl_multi_poll(d->multi, nullptr, 0, int(waitMs), nullptr);
        else if (waitMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(waitMs));
    }
}

QString HttpTransport::reasonPhrase(long status)
{
    switch (status) {
    case 200: return QStringLiteral("OK");
    case 301: return QStringLiteral("Moved Permanently");
    case 302: return QStringLiteral("Found");
    case 304: return QStringLiteral("Not Modified");
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 406: return QStringLiteral("Not Acceptable");
    case 408: return QStringLiteral("Request Timeout");
    case 410: return QStringLiteral("Gone");
    case 413: return QStringLiteral("Content Too Large");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 501: return QStringLiteral("Not Implemented");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: break;
    }
    return status >= 500 ? QStringLiteral("Server Error")
           : status >= 400 ? QStringLiteral("Client Error")
                           : QStringLiteral("Status");
}

} // namespace Mesh
