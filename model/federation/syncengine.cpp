// SPDX-License-Identifier: MIT
#include "federation/syncengine.h"

#include "catalog/productinserter.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "federation/credentialstore.h"
#include "federation/sourceadapter.h"
#include "federation/sourceregistry.h"
#include "system/backgrounddisposer.h"

#include <QElapsedTimer>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace Mesh {

namespace {

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

bool recordFailure(SqliteCatalogStore &store, SourceId id, const QDateTime &at, const QString &message)
{
    CatalogError error;
    return store.transaction(
        [&](CatalogError *) {
            Statement &st = store.database().prepare(QStringLiteral(
                "UPDATE sources SET last_attempt_at = ?2, last_error = ?3 WHERE id = ?1"));
            return st.bind(1, id).bind(2, isoTime(at)).bind(3, message).exec();
        },
        &error);
}

bool recordUnchanged(SqliteCatalogStore &store, SourceId id, const QDateTime &at, QString *message)
{
    CatalogError error;
    const bool ok = store.transaction(
        [&](CatalogError *) {
            Statement &st = store.database().prepare(QStringLiteral(
                "UPDATE sources SET checked_at = ?2, last_attempt_at = ?2, last_error = '' "
                "WHERE id = ?1"));
            return st.bind(1, id).bind(2, isoTime(at)).exec();
        },
        &error);
    if (!ok)
        *message = error.message;
    return ok;
}

/** A source whose requests are all answered (or failed), waiting to be written. */
struct FetchedSource
{
    SourceAdapter *adapter = nullptr;
    SourceSyncResult *result = nullptr;
    QDateTime at;
};

/** Hands fetched sources from the fetching thread to the writing one, in the order they end. */
class FetchedQueue
{
public:
    /**
     * Queues a fetched source. On the fetching thread (mayWait) this waits while kMaxWaiting
     * parsed sources are already queued, so that parsed snapshots, several times the size of
     * their JSON, do not pile up in memory when writing is the slower side.
     */
    void push(FetchedSource source, bool mayWait)
    {
        std::unique_lock lock(m_mutex);
        if (mayWait)
            m_changed.wait(lock, [this] { return m_ready.size() < kMaxWaiting; });
        m_ready.push_back(std::move(source));
        m_changed.notify_all();
    }
    /** The transport has nothing left to run: every adapter has reported. */
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    /** The next fetched source; false once the transport is done and all were handed out. */
    bool pop(FetchedSource &out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty() || m_closed; });
        if (m_ready.empty())
            return false;
        out = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return true;
    }

private:
    static constexpr size_t kMaxWaiting = 3;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<FetchedSource> m_ready;
    bool m_closed = false;
};

/** Replaces the source's snapshot in one transaction; on failure nothing changes. */
bool writeSnapshot(SqliteCatalogStore &store, const SourceDefinition &source, SourceAdapter &adapter,
                   const QDateTime &at, SourceSyncResult *result, QString *message,
                   BackgroundDisposer<std::vector<SearchDocument>> &indexed)
{
    SourceSnapshot &snap = adapter.snapshot();
    Database &db = store.database();
    CatalogError error;
    const bool ok = store.transaction(
        [&](CatalogError *e) {
            auto sqlFail = [&](const Statement &st) {
                *e = CatalogError{CatalogError::Code::Io, st.lastError()};
                return false;
            };
            for (const char *sql :
                 {"DELETE FROM product_fts WHERE rowid IN (SELECT id FROM products WHERE source_id = ?1)",
                  "DELETE FROM product_meta_fts WHERE rowid IN "
                  "(SELECT id FROM products WHERE source_id = ?1)",
                  "DELETE FROM products WHERE source_id = ?1",
                  "DELETE FROM source_http_cache WHERE source_id = ?1"}) {
                Statement &st = db.prepare(QString::fromLatin1(sql));
                if (!st.bind(1, source.id).exec())
                    return sqlFail(st);
            }
            // Owners a source names are added when unknown; local users are never overwritten.
            Statement &user = db.prepare(QStringLiteral(
                "INSERT OR IGNORE INTO users(id, display_name, email) VALUES (?1, ?2, ?3)"));
            for (const User &u : std::as_const(snap.users))
                if (!user.reset().bind(1, u.id).bind(2, u.displayName).bind(3, u.email).exec())
                    return sqlFail(user);
            QSet<QString> keys;
            std::vector<SearchDocument> documents;
            documents.reserve(size_t(snap.products.size()));
            int duplicates = 0;
            const QString fetchedAt = isoTime(at);
            ProductInserter inserter(db);
            for (Product &p : snap.products) {
                if (keys.contains(p.key)) {
                    ++duplicates;
                    continue;
                }
                keys.insert(p.key);
                p.key = federatedKey(source.name, p.key);
                p.sourceName = source.name;
                const auto id = inserter.insert(p, source.id, fetchedAt, e);
                if (!id)
                    return false;
                documents.push_back(inserter.document(*id, p));
            }
            if (duplicates > 0)
                snap.warnings << QStringLiteral("%1 product(s) repeated a key already seen and "
                                                "were skipped")
                                     .arg(duplicates);
            // The snapshot's old index rows went with the first DELETE above.
            if (!store.indexNewDocuments(documents, e))
                return false;
            const int written = int(documents.size());
            indexed.dispose(documents);
            Statement &edge = db.prepare(QStringLiteral(R"SQL(
INSERT OR IGNORE INTO lineage_edges(from_id, to_id, kind, job_name)
SELECT f.id, t.id, ?3, ?4 FROM products f, products t WHERE f.key = ?1 AND t.key = ?2)SQL"));
            int edges = 0, dangling = 0;
            for (const LineageEdge &le : std::as_const(snap.edges)) {
                if (!keys.contains(le.fromKey) || !keys.contains(le.toKey)) {
                    ++dangling;
                    continue;
                }
                edge.reset()
                    .bind(1, federatedKey(source.name, le.fromKey))
                    .bind(2, federatedKey(source.name, le.toKey))
                    .bind(3, le.kind.isEmpty() ? QStringLiteral("transform") : le.kind)
                    .bind(4, le.jobName);
                if (!edge.exec())
                    return sqlFail(edge);
                edges += db.changes();
            }
            if (dangling > 0)
                snap.warnings << QStringLiteral("%1 lineage edge(s) name products this source "
                                                "does not have and were skipped")
                                     .arg(dangling);
            Statement &cache = db.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO source_http_cache(source_id, url, etag, last_modified, "
                "body) VALUES (?1, ?2, ?3, ?4, ?5)"));
            for (const HttpCacheEntry &c : adapter.newCache()) {
                cache.reset()
                    .bind(1, source.id)
                    .bind(2, QString::fromUtf8(c.url))
                    .bind(3, QString::fromLatin1(c.etag))
                    .bind(4, QString::fromLatin1(c.lastModified));
                if (c.hasBody)
                    cache.bind(5, QString::fromLatin1(qCompress(c.body, 1).toBase64()));
                else
                    cache.bindNull(5);
                if (!cache.exec())
                    return sqlFail(cache);
            }
            Statement &src = db.prepare(QStringLiteral(
                "UPDATE sources SET fetched_at = ?2, checked_at = ?2, last_attempt_at = ?2, "
                "last_error = '' WHERE id = ?1"));
            if (!src.bind(1, source.id).bind(2, isoTime(at)).exec())
                return sqlFail(src);
            result->products = written;
            result->edges = edges;
            return true;
        },
        &error);
    if (!ok)
        *message = QStringLiteral("Writing the snapshot of “%1” into the catalog failed (%2); "
                                  "the previous copy is kept.")
                       .arg(source.name, error.message);
    return ok;
}

} // namespace

bool SyncReport::allOk() const
{
    for (const SourceSyncResult &r : sources)
        if (!r.ok)
            return false;
    return true;
}

SyncEngine::SyncEngine(SqliteCatalogStore &store, CredentialStore *credentials)
    : m_store(store), m_credentials(credentials)
{
}

QDateTime SyncEngine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QByteArray SyncEngine::secretFor(const SourceDefinition &source, QString *hint) const
{
    if (source.auth == SourceAuth::None)
        return {};
    if (!source.tokenEnv.isEmpty()) {
        *hint = QStringLiteral("the token comes from the environment variable %1").arg(source.tokenEnv);
        const QByteArray value = qgetenv(source.tokenEnv.toLocal8Bit().constData());
        if (!value.isEmpty())
            return value;
    }
    if (m_credentials) {
        if (hint->isEmpty())
            *hint = QStringLiteral("the secret is kept in the system keychain");
        return m_credentials->secret(source.name);
    }
    return {};
}

SyncReport SyncEngine::sync(const QStringList &names, const std::atomic<bool> *cancel,
                            const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    SyncReport report;
    SourceRegistry registry(m_store);
    QList<SourceDefinition> selected;
    const QList<SourceDefinition> all = registry.sources();
    if (names.isEmpty()) {
        for (const SourceDefinition &s : all)
            if (s.enabled)
                selected << s;
    } else {
        for (const QString &name : names) {
            const auto it = std::find_if(all.begin(), all.end(),
                                         [&](const SourceDefinition &s) { return s.name == name; });
            if (it == all.end()) {
                SourceSyncResult r;
                r.source = name;
                r.error = registry.noSuchSource(name);
                report.sources << r;
                continue;
            }
            selected << *it;
        }
    }

    HttpTransport transport(m_options);
    std::vector<std::unique_ptr<SourceAdapter>> adapters;
    const int total = int(selected.size());
    int finished = 0;
    const qsizetype firstResult = report.sources.size();
    for (const SourceDefinition &s : std::as_const(selected)) {
        SourceSyncResult r;
        r.source = s.name;
        r.type = s.type;
        report.sources << r;
    }
    // Sources are fetched and parsed on a thread of their own, and written here one after
    // another as they arrive: the next sources download and parse while one is being written,
    // and the catalog is only ever touched from this thread.
    FetchedQueue fetched;
    for (qsizetype i = 0; i < selected.size(); ++i) {
        const SourceDefinition &s = selected[i];
        SourceSyncResult *result = &report.sources[firstResult + i];
        SourceAdapter::Context context;
        context.source = s;
        context.token = secretFor(s, &context.tokenHint);
        const QDateTime attempt = now();
        if (s.auth != SourceAuth::None && context.token.isEmpty()) {
            const QString secret = s.auth == SourceAuth::Basic ? QStringLiteral("password")
                                                               : QStringLiteral("token");
            result->error =
                s.tokenEnv.isEmpty()
                    ? QStringLiteral("%1 source “%2” needs a %3 but none is set: enter it in "
                                     "Sources (kept in the system keychain) or give meshctl "
                                     "--token-from-env VAR.")
                          .arg(sourceTypeLabel(s.type), s.name, secret)
                    : QStringLiteral("%1 source “%2” takes its %3 from the environment "
                                     "variable %4, which is not set here: set it before "
                                     "syncing, or enter the %3 in Sources (kept in the system "
                                     "keychain).")
                          .arg(sourceTypeLabel(s.type), s.name, secret, s.tokenEnv);
            recordFailure(m_store, s.id, attempt, result->error);
            if (progress)
                progress(s.name, QStringLiteral("failed"), ++finished, total);
            continue;
        }
        context.cache = registry.cache(s.id);
        auto adapter = SourceAdapter::create(std::move(context), transport);
        SourceAdapter *a = adapter.get();
        adapters.push_back(std::move(adapter));
        if (progress)
            progress(s.name, QStringLiteral("fetching"), finished, total);
        // Runs on the fetching thread, or here when the adapter fails before any request (and
        // then must not wait for the writer, which is this thread).
        a->start([this, a, result, &fetched, caller = std::this_thread::get_id()] {
            fetched.push(FetchedSource{a, result, now()}, std::this_thread::get_id() != caller);
        });
    }
    std::thread fetcher([&transport, &fetched, cancel] {
        transport.run(cancel);
        fetched.close();
    });
    // Every written source is its own transaction; folding the write-ahead log into the file
    // after each of them would copy the pages that the next source rewrites again (the search
    // index's segments, the tables' upper levels). The log is folded in once, at the end.
    Database &db = m_store.database();
    db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
    bool wrote = false;
    BackgroundDisposer<SourceSnapshot> freed;
    BackgroundDisposer<std::vector<SearchDocument>> indexed;
    FetchedSource next;
    while (fetched.pop(next)) {
        SourceAdapter *a = next.adapter;
        SourceSyncResult *result = next.result;
        const SourceDefinition &def = a->source();
        const QDateTime &at = next.at;
        result->responses = a->responses();
        result->warnings = a->snapshot().warnings;
        if (a->failed() || (cancel && cancel->load())) {
            result->error = a->failed()
                                ? a->error()
                                : QStringLiteral("Sync of “%1” was cancelled; the last good "
                                                 "copy is kept.")
                                      .arg(def.name);
            recordFailure(m_store, def.id, at, result->error);
        } else if (a->unchanged()) {
            result->unchanged = true;
            result->ok = recordUnchanged(m_store, def.id, at, &result->error);
            result->products = int(SourceRegistry(m_store).source(def.name)
                                       .value_or(SourceDefinition{}).productCount);
        } else {
            if (progress)
                progress(def.name, QStringLiteral("writing"), finished, total);
            QElapsedTimer write;
            write.start();
            QString message;
            result->ok = writeSnapshot(m_store, def, *a, at, result, &message, indexed);
            wrote = wrote || result->ok;
            result->warnings = a->snapshot().warnings;
            result->writeSeconds = double(write.nsecsElapsed()) / 1e9;
            if (!result->ok) {
                result->error = message;
                recordFailure(m_store, def.id, at, message);
            }
            freed.dispose(a->snapshot()); // free the memory now, on the other core
        }
        result->seconds = double(timer.nsecsElapsed()) / 1e9;
        if (progress)
            progress(def.name,
                     result->ok ? (result->unchanged ? QStringLiteral("unchanged")
                                                     : QStringLiteral("done"))
                                : QStringLiteral("failed"),
                     ++finished, total);
    }
    fetcher.join();
    db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
    if (wrote)
        db.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    report.transport = transport.stats();
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

SourceSyncResult SyncEngine::test(const SourceDefinition &source, const QByteArray &secret,
                                  const std::atomic<bool> *cancel)
{
    SourceSyncResult result;
    result.source = source.name;
    result.type = source.type;
    if (const QString problem = SourceRegistry::validate(source); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    HttpTransport transport(m_options);
    SourceAdapter::Context context;
    context.source = source;
    context.token = secret;
    auto adapter = SourceAdapter::create(std::move(context), transport);
    adapter->start([] {});
    transport.run(cancel);
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.responses = adapter->responses();
    result.warnings = adapter->snapshot().warnings;
    if (adapter->failed()) {
        result.error = adapter->error();
        return result;
    }
    result.ok = true;
    // As many products as a sync would write: a key seen twice is written once.
    QSet<QString> keys;
    for (const Product &p : std::as_const(adapter->snapshot().products))
        keys.insert(p.key);
    result.products = int(keys.size());
    result.edges = int(adapter->snapshot().edges.size());
    return result;
}

} // namespace Mesh
