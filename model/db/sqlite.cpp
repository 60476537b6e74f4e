// SPDX-License-Identifier: MIT
#include "db/sqlite.h"

#include <QStringEncoder>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <atomic>

namespace Mesh {

namespace {
QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}
} // namespace

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_error(std::move(other.m_error)), m_prepareError(std::move(other.m_prepareError))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
        m_prepareError = std::move(other.m_prepareError);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_error = m_prepareError;
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (m_stmt) {
        // Encoded on the stack (SQLite copies it): a bulk load binds millions of short values,
        // and a QByteArray each cost a heap allocation and free on the writing thread.
        QVarLengthArray<char, 1024> utf8(value.size() * 3);
        QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
        const char *end = encoder.appendToBuffer(utf8.data(), value);
        sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(end - utf8.constData()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    return *this;
}

Statement &Statement::bindUtf8(int index, const QByteArray &value)
{
    if (m_stmt)
        sqlite3_bind_text64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (m_stmt)
        sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bindNullable(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

bool Statement::step()
{
    if (!m_stmt) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("invalid statement");
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqliteMessage(m_db);
    return false;
}

bool Statement::exec()
{
    while (step()) {
    }
    const bool ok = m_error.isEmpty();
    if (m_stmt)
        sqlite3_reset(m_stmt);
    return ok;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

QString Statement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

std::unique_ptr<Database> Database::open(const QString &path, Mode mode, QString *error)
{
    // SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which this
    // project never reads; a bulk load makes tens of millions of them. Settable only before
    // SQLite initialises, i.e. before the first connection of the process (later it is a no-op).
    static const bool memoryStatusOff = [] {
        return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    Q_UNUSED(memoryStatusOff);
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::Immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        break;
    }
    QByteArray name = path.toUtf8();
    if (mode == Mode::Immutable)
        name = "file:" + QByteArray(name).toPercentEncoding("/") + "?immutable=1";
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(name.constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = sqliteMessage(db);
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

bool Database::exec(const QString &sql, QString *error)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = message ? QString::fromUtf8(message) : sqliteMessage(m_db);
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement &Database::prepare(const QString &sql)
{
    const std::string key = sql.toStdString();
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        sqlite3_stmt *stmt = nullptr;
        QString error;
        if (sqlite3_prepare_v3(m_db, key.c_str(), int(key.size()), SQLITE_PREPARE_PERSISTENT,
                               &stmt, nullptr) != SQLITE_OK)
            error = sqliteMessage(m_db);
        // An invalid statement is cached too, so its error is reported consistently.
        it = m_cache.emplace(key, std::make_unique<Statement>(m_db, stmt, error)).first;
    }
    return it->second->reset();
}

Statement Database::prepareOnce(const QString &sql, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = sqliteMessage(m_db);
        sqlite3_finalize(stmt);
        return {};
    }
    return Statement(m_db, stmt);
}

QVariant Database::scalar(const QString &sql, QString *error)
{
    Statement st = prepareOnce(sql, error);
    if (!st.isValid() || !st.step()) {
        if (error && st.isValid() && !st.lastError().isEmpty())
            *error = st.lastError();
        return {};
    }
    if (st.isNull(0))
        return {};
    return QVariant(st.text(0));
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastError() const
{
    return sqliteMessage(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

Transaction::Transaction(Database &db, Begin begin) : m_db(db)
{
    static std::atomic<quint64> counter{0};
    m_nested = db.inTransaction();
    if (m_nested) {
        m_savepoint = "sp_" + QByteArray::number(++counter);
        m_active = m_db.exec(QStringLiteral("SAVEPOINT ") + QString::fromLatin1(m_savepoint));
    } else {
        m_active = m_db.exec(begin == Begin::Immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                                       : QStringLiteral("BEGIN"));
    }
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active) {
        if (error)
            *error = QStringLiteral("no active transaction");
        return false;
    }
    const QString sql = m_nested ? QStringLiteral("RELEASE ") + QString::fromLatin1(m_savepoint)
                                 : QStringLiteral("COMMIT");
    if (!m_db.exec(sql, error)) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    if (m_nested) {
        const QString name = QString::fromLatin1(m_savepoint);
        m_db.exec(QStringLiteral("ROLLBACK TO ") + name + QStringLiteral("; RELEASE ") + name);
    } else {
        m_db.exec(QStringLiteral("ROLLBACK"));
    }
    m_active = false;
}

} // namespace Mesh
