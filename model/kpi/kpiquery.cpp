// SPDX-License-Identifier: MIT
#include "kpi/kpiquery.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <sqlite3.h>

namespace Mesh {

namespace {

/** What the authorizer refused, so the error can say it in words. */
struct Guard
{
    QString refused;
    QElapsedTimer clock;
    int limitMs = 0;
    const std::atomic<bool> *cancel = nullptr;
    bool timedOut = false;
};

QString actionText(int action, const char *a, const char *b)
{
    const QString x = QString::fromUtf8(a ? a : "");
    const QString y = QString::fromUtf8(b ? b : "");
    switch (action) {
    case SQLITE_INSERT:
        return QStringLiteral("INSERT into %1").arg(x);
    case SQLITE_UPDATE:
        return QStringLiteral("UPDATE of %1").arg(x);
    case SQLITE_DELETE:
        return QStringLiteral("DELETE from %1").arg(x);
    case SQLITE_ATTACH:
        return QStringLiteral("ATTACH of “%1”").arg(x);
    case SQLITE_DETACH:
        return QStringLiteral("DETACH");
    case SQLITE_PRAGMA:
        return QStringLiteral("PRAGMA %1").arg(x);
    case SQLITE_FUNCTION:
        return QStringLiteral("the function %1()").arg(y);
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
        return QStringLiteral("transaction control");
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_VTABLE:
        return QStringLiteral("CREATE %1").arg(x);
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_TEMP_VIEW:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_TEMP_TRIGGER:
    case SQLITE_DROP_VTABLE:
        return QStringLiteral("DROP %1").arg(x);
    case SQLITE_ALTER_TABLE:
        return QStringLiteral("ALTER TABLE %1").arg(y);
    default:
        return QStringLiteral("this kind of statement (%1)").arg(action);
    }
}

int authorize(void *user, int action, const char *a, const char *b, const char *, const char *)
{
    auto *guard = static_cast<Guard *>(user);
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_FUNCTION: {
        // Functions that reach outside the database: the shell's file helpers, extension
        // loading, the FTS3 tokenizer pointer trick. The library ships none of the file
        // helpers, but a future build or extension might.
        static const char *const refused[] = {"load_extension", "readfile", "writefile", "edit",
                                              "fts3_tokenizer", "sqlite_dbpage", "fsdir",
                                              "zipfile", "sqlar_compress", "sqlar_uncompress"};
        const QByteArray name = QByteArray(b ? b : "").toLower();
        for (const char *r : refused)
            if (name == r) {
                guard->refused = actionText(action, a, b);
                return SQLITE_DENY;
            }
        return SQLITE_OK;
    }
    default:
        guard->refused = actionText(action, a, b);
        return SQLITE_DENY;
    }
}

int progress(void *user)
{
    auto *guard = static_cast<Guard *>(user);
    if (guard->cancel && guard->cancel->load())
        return 1;
    if (guard->limitMs > 0 && guard->clock.elapsed() > guard->limitMs) {
        guard->timedOut = true;
        return 1;
    }
    return 0;
}

/** "line 3, column 14" for a byte offset into utf8. */
QString where(const QByteArray &utf8, int offset)
{
    if (offset < 0 || offset > utf8.size())
        return {};
    const QByteArray before = utf8.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
    return QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
}

} // namespace

KpiQuery::KpiQuery(const QString &databasePath)
{
    const int rc = sqlite3_open_v2(databasePath.toUtf8().constData(), &m_db,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        m_openError = QStringLiteral("Cannot open the analytics database %1: %2")
                          .arg(databasePath, QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);
    // SQLite's defaults for the sorter and cache, as the sqlite3 shell has them: measured on the
    // 18 raw KPI queries at 1M rows, temp_store = MEMORY (with or without a 64 MiB cache) made
    // them 1.3-1.9x slower than the defaults.
    sqlite3_exec(m_db, "PRAGMA query_only = ON", nullptr, nullptr, nullptr);
}

KpiQuery::~KpiQuery()
{
    sqlite3_close(m_db);
}

KpiQueryResult KpiQuery::run(const QString &sql, const QVariantMap &params, int maxRows,
                             const std::atomic<bool> *cancel)
{
    KpiQueryResult result;
    if (!m_db) {
        result.error = m_openError;
        return result;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sql.trimmed().isEmpty()) {
        result.error = QStringLiteral("The SQL is empty; write one SELECT statement.");
        return result;
    }
    Guard guard;
    guard.limitMs = m_timeLimitMs;
    guard.cancel = cancel;
    guard.clock.start();
    sqlite3_set_authorizer(m_db, authorize, &guard);
    sqlite3_progress_handler(m_db, 10000, progress, &guard);
    struct Reset
    {
        sqlite3 *db;
        ~Reset()
        {
            sqlite3_set_authorizer(db, nullptr, nullptr);
            sqlite3_progress_handler(db, 0, nullptr, nullptr);
        }
    } reset{m_db};

    sqlite3_stmt *stmt = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, &tail);
    if (rc != SQLITE_OK || !stmt) {
        if (!guard.refused.isEmpty())
            result.error = QStringLiteral("KPI SQL may only read data: %1 is refused.")
                               .arg(guard.refused);
        else if (!stmt && rc == SQLITE_OK)
            result.error = QStringLiteral("The SQL holds no statement; write one SELECT.");
        else
            result.error = QStringLiteral("SQL error%1: %2")
                               .arg(where(utf8, sqlite3_error_offset(m_db)),
                                    QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_finalize(stmt);
        return result;
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> owner(stmt, sqlite3_finalize);
    if (tail && QByteArray(tail).trimmed().replace(';', "").trimmed().size() > 0) {
        result.error = QStringLiteral("Only one statement is allowed; remove what follows the "
                                      "first “;”%1.")
                           .arg(where(utf8, int(tail - utf8.constData())));
        return result;
    }
    if (!sqlite3_stmt_readonly(stmt)) {
        result.error = QStringLiteral("KPI SQL may only read data; this statement writes.");
        return result;
    }
    for (int i = 1; i <= sqlite3_bind_parameter_count(stmt); ++i) {
        const char *name = sqlite3_bind_parameter_name(stmt, i);
        const QString key = QString::fromUtf8(name ? name + 1 : "");
        if (!params.contains(key)) {
            result.error = QStringLiteral("The SQL uses the parameter %1, which is not provided "
                                          "here (only %2).")
                               .arg(QString::fromUtf8(name ? name : "?"),
                                    params.isEmpty() ? QStringLiteral("none")
                                                     : QStringLiteral(":") + params.keys().join(QStringLiteral(", :")));
            return result;
        }
        const QVariant v = params.value(key);
        if (v.typeId() == QMetaType::Double)
            sqlite3_bind_double(stmt, i, v.toDouble());
        else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
            sqlite3_bind_int64(stmt, i, v.toLongLong());
        else {
            const QByteArray t = v.toString().toUtf8();
            sqlite3_bind_text(stmt, i, t.constData(), int(t.size()), SQLITE_TRANSIENT);
        }
    }
    const int n = sqlite3_column_count(stmt);
    for (int c = 0; c < n; ++c)
        result.columns << QString::fromUtf8(sqlite3_column_name(stmt, c));
    while (true) {
        const int s = sqlite3_step(stmt);
        if (s == SQLITE_DONE)
            break;
        if (s != SQLITE_ROW) {
            if (guard.timedOut)
                result.error = QStringLiteral("The query ran longer than %1 s and was stopped; "
                                              "simplify it or filter earlier.")
                                   .arg(m_timeLimitMs / 1000.0);
            else if (cancel && cancel->load())
                result.error = QStringLiteral("Cancelled.");
            else
                result.error = QStringLiteral("SQL error while running: %1")
                                   .arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
            result.rows.clear();
            return result;
        }
        if (result.rows.size() >= maxRows) {
            result.truncated = true;
            break;
        }
        QVariantList row;
        row.reserve(n);
        for (int c = 0; c < n; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                row << QVariant(qint64(sqlite3_column_int64(stmt, c)));
                break;
            case SQLITE_FLOAT:
                row << QVariant(sqlite3_column_double(stmt, c));
                break;
            case SQLITE_NULL:
                row << QVariant();
                break;
            default:
                row << QVariant(QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)),
                    sqlite3_column_bytes(stmt, c)));
            }
        }
        result.rows << row;
    }
    return result;
}

} // namespace Mesh
