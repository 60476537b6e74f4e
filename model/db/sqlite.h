// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace Mesh {

/**
 * A prepared statement. Owned by its Database's cache (or by the caller for one-off statements).
 * Database::prepare() hands out a cached statement already reset; a one-off statement that has
 * been stepped must be reset() before it is bound again. Column and bind indexes as in SQLite.
 */
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt, QString prepareError = {})
        : m_db(db), m_stmt(stmt), m_error(std::move(prepareError)), m_prepareError(m_error)
    {
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    Statement &reset();
    Statement &bind(int index, const QString &value);
    /** Text that is UTF-8 already (copied). */
    Statement &bindUtf8(int index, const QByteArray &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    /** Binds an empty or null string as SQL NULL. */
    Statement &bindNullable(int index, const QString &value);

    /** Advances to the next row: true while a row is available. Errors are kept in lastError(). */
    bool step();
    /** Runs to completion, for statements that return no rows. */
    bool exec();

    QString text(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    int columnCount() const;
    QString columnName(int column) const;

    QString lastError() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    QString m_prepareError; // kept so a cached invalid statement keeps saying why
};

/**
 * One SQLite connection (C API) with a cache of prepared statements.
 * Lives on one thread; open another Database for another thread.
 */
class Database
{
public:
    /**
     * Immutable: read-only without locks or a write-ahead log, so not even the -wal/-shm files
     * appear; only for inspecting a file that nothing else is writing.
     */
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly, Immutable };

    /** Opens the file; on failure returns nullptr and fills *error with SQLite's message. */
    static std::unique_ptr<Database> open(const QString &path, Mode mode, QString *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    /** Runs one or more statements that return no rows. */
    bool exec(const QString &sql, QString *error = nullptr);
    /** A cached statement, reset and ready to bind; invalid (check isValid) on a syntax error. */
    Statement &prepare(const QString &sql);
    /** A one-off statement owned by the caller. */
    Statement prepareOnce(const QString &sql, QString *error = nullptr);

    /** First column of the first row, or an invalid QVariant. */
    QVariant scalar(const QString &sql, QString *error = nullptr);
    qint64 lastInsertRowId() const;
    int changes() const;
    QString lastError() const;
    bool inTransaction() const;

private:
    Database(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}
    sqlite3 *m_db = nullptr;
    QString m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

/**
 * Scoped transaction: BEGIN IMMEDIATE at the outermost level, SAVEPOINT when nested.
 * Rolls back on destruction unless commit() succeeded.
 */
class Transaction
{
public:
    /**
     * Immediate: BEGIN IMMEDIATE, which takes the write lock of every attached database at once.
     * Deferred: plain BEGIN, locking each database when a statement first uses it; the caller
     * takes the write lock it needs with its first statement (e.g. one that writes to main), so
     * that another connection may go on writing an attached file meanwhile.
     */
    enum class Begin { Immediate, Deferred };
    explicit Transaction(Database &db, Begin begin = Begin::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);
    void rollback();

private:
    Database &m_db;
    bool m_nested = false;
    bool m_active = false;
    QByteArray m_savepoint;
};

} // namespace Mesh
