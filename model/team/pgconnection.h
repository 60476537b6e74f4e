// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <utility>

struct pg_conn;
struct pg_result;

namespace Mesh {

/** Parameters of a query, bound to $1, $2, …: a null QVariant is SQL NULL, a QStringList an array.
 */
using PgParams = QList<QVariant>;

/** One libpq result, owned (PQclear on destruction). Move-only value. */
class PgResult
{
public:
    PgResult() = default;
    PgResult(pg_result *result, QString error);
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;
    ~PgResult();

    /** The command or query succeeded. */
    bool ok() const;
    int rows() const;
    int columns() const;
    QString text(int row, int column) const;
    /** The value's bytes as the server sent them (UTF-8), not copied: valid while this result
     *  lives. */
    QByteArray utf8View(int row, int column) const;
    qint64 integer(int row, int column) const;
    bool boolean(int row, int column) const;
    bool isNull(int row, int column) const;
    /** Rows inserted, updated or deleted (PQcmdTuples). */
    qint64 affected() const;
    /** The server's message (or the connection's, when no result came back). */
    QString error() const { return m_error; }
    /** The five-character SQLSTATE, e.g. "42501" (insufficient privilege); empty on success. */
    QString sqlState() const;
    /** The error is a refusal by privileges or row-level security (SQLSTATE 42501). */
    bool isRefusal() const { return sqlState() == QLatin1String("42501"); }
    /** The connection was lost or never there (SQLSTATE class 08 or no result at all). */
    bool isConnectionFailure() const;

private:
    pg_result *m_result = nullptr;
    QString m_error;
};

/**
 * One connection to a PostgreSQL server through libpq. Not thread-safe: one per thread.
 * exec() sends parameters separately from the SQL text (PQexecParams), never interpolated.
 * Errors name the server (host:port/database, never the password) so a person can act on them.
 *
 * Every connection is bounded: unless the URL (or PGCONNECT_TIMEOUT) says otherwise, connecting
 * gives up after defaultConnectTimeout() seconds, and TCP keepalives plus tcp_user_timeout
 * drop a connection whose server vanished mid-query within about a minute. A URL's own
 * connect_timeout, keepalives* or tcp_user_timeout always wins. A server whose host still
 * answers TCP but whose backend sends nothing (stopped, swapped out, wedged) is not caught by
 * those: exec() gives up after replyTimeout() seconds without a byte of its answer, closes the
 * connection (its protocol state is unknown) and fails, and every later exec() fails at once
 * with the same reason (isConnectionFailure(): team writes are queued).
 */
class PgConnection
{
public:
    /** Seconds to wait for a server that does not answer, when the URL sets no connect_timeout. */
    static constexpr int kDefaultConnectTimeout = 10;
    /** The connect_timeout used when the URL sets none (kDefaultConnectTimeout; tests lower it). */
    static int defaultConnectTimeout();
    static void setDefaultConnectTimeout(int seconds);
    /** The libpq options a connection gets unless its URL sets them: keyword, value pairs. */
    static QList<std::pair<QByteArray, QByteArray>> defaultOptions();
    /** Seconds exec() waits while the server sends nothing before it gives the connection up. */
    static constexpr int kDefaultReplyTimeout = 120;
    static int replyTimeout();
    /** Sets replyTimeout() for every connection (tests lower it). */
    static void setReplyTimeout(int seconds);

    /** Connects to a libpq URL or keyword string; nullptr and *error on failure. */
    static std::unique_ptr<PgConnection> connect(const QString &url, QString *error);
    /** Connects to url as user (empty: as the URL says) with password, which never enters the
     *  URL, a message or the settings (PQconnectdbParams with an expanded dbname). */
    static std::unique_ptr<PgConnection> connect(const QString &url, const QString &user,
                                                 const QByteArray &password, QString *error);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    PgResult exec(const QString &sql, const PgParams &params = {});
    /** Runs sql; on failure fills *error with "what failed: server's message". */
    bool run(const QString &sql, const PgParams &params = {}, QString *error = nullptr);
    bool isConnected() const;
    /** host:port/database as connected, for messages (also after the connection was lost). */
    QString server() const;
    /** The role the session runs as now (current_user). */
    QString currentUser();
    /** Runs SET ROLE; an empty role resets to the login role. */
    bool setRole(const QString &role, QString *error);
    QString quoteIdentifier(const QString &identifier) const;
    /** The value libpq uses for a connection option (PQconninfo), e.g. "connect_timeout". */
    QString option(const QString &keyword) const;
    /** The connection is encrypted with TLS (PQsslInUse). */
    bool isEncrypted() const;
    pg_conn *handle() const { return m_conn; }

private:
    explicit PgConnection(pg_conn *conn) : m_conn(conn) {}
    /** Waits until the answer to the query sent is complete; false after replyTimeout() s of
     *  silence from the server. */
    bool awaitReply();
    pg_conn *m_conn = nullptr;
    QString m_server; // server() as connected, for messages after the connection was given up
    QString m_lost;   // why the connection was given up (exec() fails with it)
};

/**
 * BEGIN … COMMIT on a connection; rolls back on destruction unless committed. A write transaction
 * first takes the server's write lock (mesh_write_lock()), so that change numbers and audit
 * entries are assigned in commit order and two writers never deadlock on each other's rows.
 */
class PgTransaction
{
public:
    enum class Kind
    {
        Write,
        ReadSnapshot
    };
    PgTransaction(PgConnection &conn, Kind kind, QString *error);
    ~PgTransaction();
    PgTransaction(const PgTransaction &) = delete;
    PgTransaction &operator=(const PgTransaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit(QString *error);
    void rollback();

private:
    PgConnection &m_conn;
    bool m_active = false;
};

/** A PostgreSQL array literal ({"a","b"}) for a text[] parameter. */
QString pgArrayLiteral(const QStringList &values);
/** Parses a text[] value as libpq returns it ({a,"b c",NULL}). */
QStringList parsePgArray(const QString &literal);
/** The URL with any password removed, for messages and settings. */
QString redactedPgUrl(const QString &url);

} // namespace Mesh
