// SPDX-License-Identifier: MIT
#pragma once

#include "federation/httptransport.h"
#include "federation/sourcedefinition.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Mesh {

class CredentialStore;
class SqliteCatalogStore;

/** How one source's sync went. error is one human-readable sentence without secrets. */
struct SourceSyncResult
{
    QString source;
    SourceType type = SourceType::MeshJson;
    bool ok = false;
    bool unchanged = false; // every response was 304: the stored snapshot is current
    int products = 0;       // products now in the catalog from this source
    int edges = 0;
    int responses = 0;
    QString error;
    QStringList warnings;
    double seconds = 0;      // from the start of the sync until this source was written
    double writeSeconds = 0; // of which spent writing the catalog
};

struct SyncReport
{
    QList<SourceSyncResult> sources;
    TransportStats transport;
    double seconds = 0;
    bool allOk() const;
};

/**
 * Fetches sources in parallel on one HttpTransport and writes each into the catalog in its own
 * transaction as soon as it is complete. A source that fails (or is cancelled) keeps its last
 * good snapshot untouched; only its last_error and last_attempt_at change. Products are keyed
 * "<source name>/<key in the source>", so the same product from two sources stands side by side.
 *
 * Blocking: run it on a worker thread with its own SqliteCatalogStore. Secrets come from the
 * environment variable a source names (tokenEnv), else from the CredentialStore.
 */
class SyncEngine
{
public:
    /** state: "fetching", "writing", "unchanged", "done", "failed". */
    using Progress = std::function<void(const QString &source, const QString &state, int done, int total)>;

    explicit SyncEngine(SqliteCatalogStore &store, CredentialStore *credentials = nullptr);

    void setTransportOptions(const TransportOptions &options) { m_options = options; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /** Syncs the named sources (empty: every enabled source). Unknown names fail in the report. */
    SyncReport sync(const QStringList &names = {}, const std::atomic<bool> *cancel = nullptr,
                    const Progress &progress = {});
    /** Fetches and maps a source without writing anything: the Sources dialog's "Test". */
    SourceSyncResult test(const SourceDefinition &source, const QByteArray &secret,
                          const std::atomic<bool> *cancel = nullptr);

private:
    QDateTime now() const;
    QByteArray secretFor(const SourceDefinition &source, QString *hint) const;

    SqliteCatalogStore &m_store;
    CredentialStore *m_credentials = nullptr;
    TransportOptions m_options;
    std::function<QDateTime()> m_clock;
};

} // namespace Mesh
