// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

class QIODevice;
class QJsonObject;

namespace Mesh {

class SqliteCatalogStore;
struct CatalogError;

/** One thing wrong with one record of an events file: where, and what. */
struct ImportProblem
{
    qint64 record = 0; // 1-based; 0 = the file as a whole
    qint64 line = 0;   // line the record starts on
    QString message;
    bool warning = false; // imported anyway (e.g. a self-loop left out), or rejected
};

/** What an import did, for the CLI and the File → Import dialog. */
struct ImportReport
{
    qint64 records = 0; // imported + rejected (an unreadable rest of the file counts as one)
    qint64 imported = 0;
    qint64 rejected = 0;
    qint64 datasets = 0;       // datasets seen (namespace + name), counted once a record
    qint64 datasetEdges = 0;   // dataset → dataset edges written (new or updated)
    qint64 columnEdges = 0;    // column → column edges written
    qint64 productEdges = 0;   // product → product edges derived from linked datasets
    qint64 problemCount = 0;   // all problems; `problems` keeps the first kMaxProblems
    QList<ImportProblem> problems;
    bool cancelled = false;
    static constexpr int kMaxProblems = 1000;
};

/**
 * Imports OpenLineage RunEvents (spec 2-0-2, and 1.x events without schemaURL) into a catalog:
 * datasets by namespace + name with their schema facet, dataset edges from inputs × outputs,
 * column edges from the columnLineage facet, runs by runId, unknown facets kept as JSON.
 *
 * Merge rule: repeated events merge and the later eventTime wins (run state, schema, facets,
 * an output's column lineage per job); edges are keyed by (from, to, job) so duplicates merge.
 * A dataset whose name matches a product key, one of its dataset names or locations is linked to
 * that product, and edges between linked datasets also become product → product edges.
 *
 * Each record is its own savepoint inside one transaction: a bad record is reported (record
 * number, line, what is wrong) and skipped, the rest commits. Streams the file, so memory stays
 * bounded for any number of events. Runs on whichever thread calls it.
 */
class OpenLineageImporter
{
public:
    explicit OpenLineageImporter(SqliteCatalogStore &store) : m_store(store) {}

    /** Progress in bytes read; cancel stops at the next record and rolls everything back. */
    void setProgress(std::function<void(qint64 bytesRead)> progress) { m_progress = std::move(progress); }
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    /** Imports every record of device; false only when nothing could be written (error set). */
    bool import(QIODevice *device, ImportReport *report, CatalogError *error);
    bool importFile(const QString &path, ImportReport *report, CatalogError *error);

    /**
     * Opens catalogPath read-write on a connection of its own and imports eventsPath into it:
     * what File → Import runs in a worker, since the session's own connection is read-only.
     */
    static bool importIntoCatalog(const QString &catalogPath, const QString &eventsPath,
                                  ImportReport *report, CatalogError *error,
                                  const std::atomic<bool> *cancel = nullptr,
                                  std::function<void(qint64 bytesRead)> progress = {});

    /**
     * Parses an OpenLineage timestamp: ISO 8601 with any number of fraction digits (nanoseconds
     * are truncated to milliseconds), 'Z', ±hh:mm or no zone at all (taken as UTC).
     */
    static QDateTime parseEventTime(const QString &text);

private:
    struct Context;
    bool importRecord(const QJsonObject &event, Context &context, QString *problem);

    SqliteCatalogStore &m_store;
    std::function<void(qint64)> m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace Mesh
