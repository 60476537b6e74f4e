// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "federation/httptransport.h"
#include "federation/sourcedefinition.h"
#include "federation/sourceregistry.h"

#include <QHash>
#include <QSet>
#include <QJsonDocument>

#include <functional>
#include <memory>

namespace Mesh {

/** Everything one source delivered, with its own (not yet namespaced) product keys. */
struct SourceSnapshot
{
    QList<Product> products;
    QList<LineageEdge> edges; // between keys of this snapshot
    QList<User> users;        // owners the source named; added only where unknown
    QStringList warnings;     // what was skipped, said plainly
};

/**
 * Turns one source's API into a SourceSnapshot by issuing requests on a shared HttpTransport.
 * Subclasses (one per SourceType) implement begin() and, optionally, end(); the base class does
 * authentication, conditional requests from the cache, content checks and human-readable errors.
 *
 * Lives on the thread that runs the transport. The first error ends the source: its later
 * responses are ignored and nothing of it is written.
 */
class SourceAdapter
{
public:
    struct Context
    {
        SourceDefinition source;
        QByteArray token;    // bearer token, or basic password
        QHash<QByteArray, HttpCacheEntry> cache;
        QString tokenHint;   // where the token comes from, for the 401 message
    };

    static std::unique_ptr<SourceAdapter> create(Context context, HttpTransport &transport);
    virtual ~SourceAdapter() = default;

    /** Issues the first requests; finished is called once all are done (or the first failed). */
    void start(std::function<void()> finished);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    /** Every response was 304 Not Modified: the stored snapshot is still current. */
    bool unchanged() const { return !failed() && m_allNotModified && m_responses > 0; }
    const SourceDefinition &source() const { return m_context.source; }
    SourceSnapshot &snapshot() { return m_snapshot; }
    const QList<HttpCacheEntry> &newCache() const { return m_newCache; }
    int responses() const { return m_responses; }

protected:
    SourceAdapter(Context context, HttpTransport &transport);

    using Handler = std::function<void(const QByteArray &body, const QByteArray &contentType)>;
    virtual void begin() = 0;
    /** Called after the last response when nothing failed: finish the snapshot. */
    virtual void end() {}

    /** GET url. keepBody: keep the body in the cache, so that a later 304 can replay it. */
    void get(const QByteArray &url, bool keepBody, Handler handler);
    void post(const QByteArray &url, const QByteArray &json, Handler handler);
    /** Parses JSON, failing the source with a clear message when it is not a JSON object. */
    bool parseJsonObject(const QByteArray &url, const QByteArray &body,
                         const QByteArray &contentType, QJsonObject *out);
    /** base URL + path, without a doubled slash. */
    QByteArray apiUrl(const QString &path) const;
    void fail(const QString &message);
    /**
     * Records a product key read from a page and says whether it is new in this sync. Pagers
     * follow the next page only when a page brought at least one new key, so that a server that
     * repeats its cursor or reports a wrong total cannot keep a sync running forever.
     */
    bool notePagedKey(const QString &key);
    /** Adds the "stopped paging" warning once; where names the source and endpoint. */
    void stopPaging(const QString &where);

    /** Requests one source may make in a sync: far above any real catalog, a guard on bugs. */
    static constexpr int kMaxRequests = 200000;
    QString where(const QByteArray &url) const; // "OpenMetadata at https://…"

    SourceSnapshot m_snapshot;

private:
    void submit(HttpRequest request, bool keepBody, Handler handler);
    QString describe(const HttpResponse &response) const;
    void settle();

    Context m_context;
    HttpTransport &m_transport;
    std::function<void()> m_finished;
    QString m_error;
    QList<HttpCacheEntry> m_newCache;
    int m_pending = 0;
    int m_responses = 0;
    bool m_allNotModified = true;
    bool m_done = false;
    bool m_warnedRepeat = false;
    bool m_warnedPaging = false;
    int m_requests = 0;
    QSet<QByteArray> m_requested; // method, URL and body of every request made
    QSet<QString> m_pagedKeys;
};

} // namespace Mesh
