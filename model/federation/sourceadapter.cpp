// SPDX-License-Identifier: MIT
#include "federation/sourceadapter.h"

#include "federation/datahubadapter.h"
#include "federation/marquezadapter.h"
#include "federation/meshjsonadapter.h"
#include "federation/odcsadapter.h"
#include "federation/openmetadataadapter.h"

#include <QJsonObject>
#include <QJsonParseError>

namespace Mesh {

std::unique_ptr<SourceAdapter> SourceAdapter::create(Context context, HttpTransport &transport)
{
    switch (context.source.type) {
    case SourceType::MeshJson:
        return std::unique_ptr<SourceAdapter>(new MeshJsonAdapter(std::move(context), transport));
    case SourceType::OpenMetadata:
        return std::unique_ptr<SourceAdapter>(new OpenMetadataAdapter(std::move(context), transport));
    case SourceType::DataHub:
        return std::unique_ptr<SourceAdapter>(new DataHubAdapter(std::move(context), transport));
    case SourceType::Marquez:
        return std::unique_ptr<SourceAdapter>(new MarquezAdapter(std::move(context), transport));
    case SourceType::Odcs:
        return std::unique_ptr<SourceAdapter>(new OdcsAdapter(std::move(context), transport));
    }
    return nullptr;
}

SourceAdapter::SourceAdapter(Context context, HttpTransport &transport)
    : m_context(std::move(context)), m_transport(transport)
{
}

void SourceAdapter::start(std::function<void()> finished)
{
    m_finished = std::move(finished);
    ++m_pending; // hold settle() back until begin() has issued its requests
    begin();
    --m_pending;
    settle();
}

QByteArray SourceAdapter::apiUrl(const QString &path) const
{
    return joinApiUrl(m_context.source.url, path).toUtf8();
}

QString SourceAdapter::where(const QByteArray &url) const
{
    return QStringLiteral("%1 at %2")
        .arg(sourceTypeLabel(m_context.source.type), redactedUrl(QString::fromUtf8(url)));
}

void SourceAdapter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void SourceAdapter::get(const QByteArray &url, bool keepBody, Handler handler)
{
    HttpRequest r;
    r.url = url;
    r.headers << "Accept: application/json, application/yaml;q=0.9, */*;q=0.5";
    submit(std::move(r), keepBody, std::move(handler));
}

void SourceAdapter::post(const QByteArray &url, const QByteArray &json, Handler handler)
{
    HttpRequest r;
    r.url = url;
    r.method = "POST";
    r.body = json;
    // "Expect:" stops libcurl from waiting for a 100 Continue before sending the query.
    r.headers << "Accept: application/json" << "Content-Type: application/json" << "Expect:";
    submit(std::move(r), false, std::move(handler));
}

void SourceAdapter::submit(HttpRequest r, bool keepBody, Handler handler)
{
    if (failed())
        return;
    // The same request twice (a table listed on two pages, a cursor that points back) is made
    // once: its answer is already in the snapshot.
    QByteArray identity = r.method + ' ' + r.url + '\n' + r.body;
    if (m_requested.contains(identity)) {
        if (!m_warnedRepeat)
            m_snapshot.warnings << QStringLiteral("%1 led to the same request more than once "
                                                  "(a repeated paging cursor or table); it was "
                                                  "made once")
                                       .arg(where(r.url));
        m_warnedRepeat = true;
        return;
    }
    if (++m_requests > kMaxRequests) {
        fail(QStringLiteral("%1 needed more than %2 requests, so the sync stopped; the server "
                            "may report a wrong total or page size. Nothing was changed.")
                 .arg(where(r.url))
                 .arg(kMaxRequests));
        return;
    }
    m_requested.insert(std::move(identity));
    const SourceDefinition &s = m_context.source;
    if (s.auth == SourceAuth::Bearer)
        r.bearerToken = m_context.token;
    else if (s.auth == SourceAuth::Basic) {
        r.userName = s.username.toUtf8();
        r.password = m_context.token;
    }
    r.caBundle = s.caBundle;
    const auto cached = m_context.cache.constFind(r.url);
    const bool canRevalidate = r.method == "GET" && cached != m_context.cache.constEnd() &&
                               (!keepBody || cached->hasBody);
    if (canRevalidate) {
        r.ifNoneMatch = cached->etag;
        r.ifModifiedSince = cached->lastModified;
    }
    ++m_pending;
    r.done = [this, keepBody, canRevalidate, handler = std::move(handler)](HttpResponse &&resp) {
        --m_pending;
        if (!failed() && !m_done) {
            ++m_responses;
            if (resp.notModified() && canRevalidate) {
                const HttpCacheEntry entry = m_context.cache.value(resp.url);
                m_newCache.append(entry);
                if (keepBody)
                    handler(entry.body, QByteArray("application/json"));
            } else if (resp.ok()) {
                m_allNotModified = false;
                if (!resp.etag.isEmpty() || !resp.lastModified.isEmpty()) {
                    HttpCacheEntry entry;
                    entry.url = resp.url;
                    entry.etag = resp.etag;
                    entry.lastModified = resp.lastModified;
                    entry.hasBody = keepBody;
                    if (keepBody)
                        entry.body = resp.body;
                    m_newCache.append(entry);
                }
                handler(resp.body, resp.contentType);
            } else {
                m_allNotModified = false;
                fail(describe(resp));
            }
        }
        settle();
    };
    m_transport.submit(std::move(r));
}

bool SourceAdapter::notePagedKey(const QString &key)
{
    if (m_pagedKeys.contains(key))
        return false;
    m_pagedKeys.insert(key);
    return true;
}

void SourceAdapter::stopPaging(const QString &where)
{
    if (!m_warnedPaging)
        m_snapshot.warnings << QStringLiteral("%1 sent a page with no new products; paging "
                                              "stopped there (the server repeats its pages or "
                                              "reports a wrong total)")
                                   .arg(where);
    m_warnedPaging = true;
}

void SourceAdapter::settle()
{
    if (m_done)
        return;
    if (!failed() && m_pending > 0)
        return;
    if (!failed())
        end();
    m_done = true;
    if (m_finished)
        m_finished();
}

bool SourceAdapter::parseJsonObject(const QByteArray &url, const QByteArray &body,
                                    const QByteArray &contentType, QJsonObject *out)
{
    const QByteArray type = contentType.toLower();
    if (!type.isEmpty() && !type.contains("json") && !type.startsWith("text/plain") &&
        !type.startsWith("application/octet-stream")) {
        fail(QStringLiteral("%1 answered with %2 instead of JSON: the address may point at a web "
                            "page or a login portal rather than the %3 API; check the URL in "
                            "Sources.")
                 .arg(where(url), QString::fromLatin1(contentType.split(';').value(0)),
                      sourceTypeLabel(m_context.source.type)));
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        fail(QStringLiteral("%1 sent invalid JSON (%2 at byte %3 of %4): the response is damaged "
                            "or not from a %5 API; nothing was changed.")
                 .arg(where(url), error.errorString(), QString::number(error.offset),
                      QString::number(body.size()), sourceTypeLabel(m_context.source.type)));
        return false;
    }
    if (!doc.isObject()) {
        fail(QStringLiteral("%1 sent JSON that is not an object; expected a %2 response.")
                 .arg(where(url), sourceTypeLabel(m_context.source.type)));
        return false;
    }
    *out = doc.object();
    return true;
}

QString SourceAdapter::describe(const HttpResponse &r) const
{
    using E = HttpResponse::Error;
    const QString at = where(r.url);
    const QString tries =
        r.attempts > 1 ? QStringLiteral(" after %1 attempts").arg(r.attempts) : QString();
    const TransportOptions &o = m_transport.options();
    switch (r.error) {
    case E::None:
        break;
    case E::Connect:
        return QStringLiteral("Cannot connect to %1%2 (%3): check the address and the network, "
                              "or whether the server is up.")
            .arg(at, tries, r.detail);
    case E::Timeout:
        return QStringLiteral("%1 did not answer in time%2 (%3): the server is slow or "
                              "unreachable; try again later.")
            .arg(at, tries, r.detail);
    case E::Tls:
        return QStringLiteral("The TLS certificate of %1 cannot be verified (%2): if the server "
                              "uses a private certificate authority, set its CA bundle in "
                              "Sources; verification is never turned off.")
            .arg(at, r.detail);
    case E::TooLarge:
        return QStringLiteral("%1 sent more than %2, the response size limit: the address may "
                              "be wrong, or ask the admin for a smaller page size.")
            .arg(at, o.maxResponseBytes >= (qint64(1) << 20)
                         ? QStringLiteral("%1 MB").arg(o.maxResponseBytes >> 20)
                         : QStringLiteral("%1 KB").arg(o.maxResponseBytes >> 10));
    case E::Truncated:
        return QStringLiteral("%1 closed the connection before the end of its response%2: try "
                              "again later.")
            .arg(at, tries);
    case E::Redirects:
        return QStringLiteral("%1 redirected more than %2 times (a redirect loop?): check the "
                              "base URL in Sources.")
            .arg(at, QString::number(o.maxRedirects));
    case E::Cancelled:
        return QStringLiteral("Sync of %1 was cancelled; the last good copy is kept.").arg(at);
    case E::Other:
        if (r.url.startsWith("file:"))
            return QStringLiteral("Cannot read %1 (%2): check the path.").arg(at, r.detail);
        return QStringLiteral("Cannot fetch %1 (%2).").arg(at, r.detail);
    }
    const QString status = QStringLiteral("%1 %2").arg(r.status).arg(HttpTransport::reasonPhrase(r.status));
    switch (r.status) {
    case 401:
        return QStringLiteral("%1 from %2: the %3 was refused; update it in Sources%4.")
            .arg(status, at,
                 m_context.source.auth == SourceAuth::Basic ? QStringLiteral("user name or password")
                 : m_context.source.auth == SourceAuth::Bearer ? QStringLiteral("token")
                                                              : QStringLiteral("request (no credentials are set)"),
                 m_context.tokenHint.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_context.tokenHint));
    case 403:
        return QStringLiteral("%1 from %2: these credentials may not read the catalog; ask its "
                              "admin for read access.")
            .arg(status, at);
    case 404:
    case 410:
        return QStringLiteral("%1 from %2: check the base URL in Sources (the %3 API was not "
                              "found there).")
            .arg(status, at, sourceTypeLabel(m_context.source.type));
    case 429:
        return QStringLiteral("%1 from %2%3: the server is rate-limiting%4; try again later.")
            .arg(status, at, tries,
                 r.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.detail));
    default:
        break;
    }
    if (r.status >= 500)
        return QStringLiteral("%1 from %2%3: the server failed%4; try again later or tell its "
                              "admin.")
            .arg(status, at, tries,
                 r.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.detail));
    if (r.status == 304)
        return QStringLiteral("%1 from %2 for a request that was not conditional.").arg(status, at);
    return QStringLiteral("%1 from %2: unexpected answer.").arg(status, at);
}

} // namespace Mesh
