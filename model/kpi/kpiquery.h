// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>

struct sqlite3;

namespace Mesh {

/** The rows a definition's SQL returned, or why it could not run. */
struct KpiQueryResult
{
    QStringList columns;
    QList<QVariantList> rows;
    bool truncated = false; // more rows than maxRows existed
    QString error;          // empty on success; one sentence a person can act on
    QString note;           // what else a person should know (e.g. stage checked against the SQL)
    bool ok() const { return error.isEmpty(); }
};

/**
 * Runs KPI definition SQL read-only. The connection is opened read-only and, while a statement
 * is prepared and stepped, a SQLite authorizer allows nothing but reading: SELECT, reading
 * columns, harmless functions and recursive CTEs. Writes, schema changes, ATTACH/DETACH,
 * transactions, PRAGMA statements and functions that touch files or load code
 * (load_extension, readfile, writefile, edit, fts3_tokenizer) are refused with a clear error.
 * Only one statement is accepted; a time limit stops run-away queries.
 *
 * Not thread-safe: one instance per thread.
 */
class KpiQuery
{
public:
    /** Opens path read-only. */
    explicit KpiQuery(const QString &databasePath);
    ~KpiQuery();
    KpiQuery(const KpiQuery &) = delete;
    KpiQuery &operator=(const KpiQuery &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString openError() const { return m_openError; }

    /**
     * Prepares and runs sql with named parameters (":period" → value), returning at most
     * maxRows rows. cancel, when set, stops the query at the next check.
     */
    KpiQueryResult run(const QString &sql, const QVariantMap &params = {}, int maxRows = 100000,
                       const std::atomic<bool> *cancel = nullptr);

    void setTimeLimitMs(int ms) { m_timeLimitMs = ms; }

private:
    sqlite3 *m_db = nullptr;
    QString m_openError;
    int m_timeLimitMs = 30000;
};

} // namespace Mesh
