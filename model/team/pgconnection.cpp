// SPDX-License-Identifier: MIT
#include "team/pgconnection.h"

#include <QDateTime>
#include <QRegularExpression>

#include <libpq-fe.h>

#include <atomic>
#include <cerrno>

#include <poll.h>

namespace Mesh {

namespace {

QString connectionMessage(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).simplified();
}

std::atomic<int> g_defaultConnectTimeout{PgConnection::kDefaultConnectTimeout};
std::atomic<int> g_replyTimeout{PgConnection::kDefaultReplyTimeout};

/** The value libpq uses for keyword on conn (also on a connection that failed). */
QString conninfoValue(PGconn *conn, const char *keyword)
{
    PQconninfoOption *options = PQconninfo(conn);
    QString value;
    for (PQconninfoOption *o = options; o && o->keyword; ++o)
        if (qstrcmp(o->keyword, keyword) == 0 && o->val)
            value = QString::fromUtf8(o->val);
    if (options)
        PQconninfoFree(options);
    return value;
}

/** Keywords the environment already sets (PGCONNECT_TIMEOUT, a service file …): theirs wins. */
QList<QByteArray> keywordsSetByEnvironment()
{
    QList<QByteArray> set;
    PQconninfoOption *defaults = PQconndefaults();
    for (PQconninfoOption *o = defaults; o && o->keyword; ++o)
        if (o->val && o->val[0] != '\0')
            set.append(QByteArray(o->keyword));
    if (defaults)
        PQconninfoFree(defaults);
    return set;
}

/** One line naming the server (without its password) and saying what to do. */
QString connectFailure(PGconn *conn, const QString &url)
{
    const QString message = connectionMessage(conn);
    if (message.contains(QLatin1String("timeout expired"))) {
        // libpq waits at least 2 s, whatever the URL says.
        const int seconds = qMax(2, conninfoValue(conn, "connect_timeout").toInt());
        return QStringLiteral("the team server %1 did not answer within %2 s; check the network "
                              "or VPN and that the server is up, or wait longer by setting "
                              "connect_timeout (seconds) in the URL")
            .arg(redactedPgUrl(url))
            .arg(seconds);
    }
    if (message.contains(QLatin1String("certificate")) || message.contains(QLatin1String("SSL")))
        return QStringLiteral("cannot connect to the team server %1 over TLS: %2; check sslmode "
                              "and that sslrootcert names the CA that signed the server's "
                              "certificate")
            .arg(redactedPgUrl(url), message);
    return QStringLiteral("cannot connect to the team server %1: %2; check the URL, that the "
                          "server is running and reachable, and the user's password")
        .arg(redactedPgUrl(url), message);
}

} // namespace

int PgConnection::defaultConnectTimeout()
{
    return g_defaultConnectTimeout.load();
}

void PgConnection::setDefaultConnectTimeout(int seconds)
{
    g_defaultConnectTimeout.store(seconds);
}

int PgConnection::replyTimeout()
{
    return g_replyTimeout.load();
}

void PgConnection::setReplyTimeout(int seconds)
{
    g_replyTimeout.store(seconds);
}

QList<std::pair<QByteArray, QByteArray>> PgConnection::defaultOptions()
{
    // Keepalives probe an idle connection (one waiting for a long query's result) after 30 s,
    // every 10 s, 3 times; tcp_user_timeout drops one whose sent data stays unacknowledged for
    // 60 s. A server that vanished is noticed within about a minute instead of hours.
    return {{"connect_timeout", QByteArray::number(defaultConnectTimeout())},
            {"keepalives", "1"},
            {"keepalives_idle", "30"},
            {"keepalives_interval", "10"},
            {"keepalives_count", "3"},
            {"tcp_user_timeout", "60000"}};
}

PgResult::PgResult(pg_result *result, QString error) : m_result(result), m_error(std::move(error))
{
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr)), m_error(std::move(other.m_error))
{
}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

PgResult::~PgResult()
{
    if (m_result)
        PQclear(m_result);
}

bool PgResult::ok() const
{
    if (!m_result)
        return false;
    const ExecStatusType s = PQresultStatus(m_result);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_COPY_IN;
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

int PgResult::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}

QString PgResult::text(int row, int column) const
{
    if (!m_result || row >= rows() || column >= columns())
        return {};
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QByteArray PgResult::utf8View(int row, int column) const
{
    if (!m_result || row >= rows() || column >= columns())
        return {};
    return QByteArray::fromRawData(PQgetvalue(m_result, row, column),
                                   PQgetlength(m_result, row, column));
}

qint64 PgResult::integer(int row, int column) const
{
    if (!m_result || row >= rows() || column >= columns())
        return 0;
    return QByteArray(PQgetvalue(m_result, row, column)).toLongLong();
}

bool PgResult::boolean(int row, int column) const
{
    if (!m_result || row >= rows() || column >= columns())
        return false;
    return PQgetvalue(m_result, row, column)[0] == 't';
}

bool PgResult::isNull(int row, int column) const
{
    return !m_result || PQgetisnull(m_result, row, column);
}

qint64 PgResult::affected() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result)).toLongLong() : 0;
}

QString PgResult::sqlState() const
{
    if (!m_result)
        return {};
    const char *state = PQresultErrorField(m_result, PG_DIAG_SQLSTATE);
    return state ? QString::fromLatin1(state) : QString();
}

bool PgResult::isConnectionFailure() const
{
    if (!m_result)
        return true;
    const QString state = sqlState();
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return true;
    return PQresultStatus(m_result) == PGRES_FATAL_ERROR && state.isEmpty();
}

std::unique_ptr<PgConnection> PgConnection::connect(const QString &url, QString *error)
{
    return connect(url, {}, {}, error);
}

std::unique_ptr<PgConnection> PgConnection::connect(const QString &url, const QString &user,
                                                    const QByteArray &password, QString *error)
{
    const QByteArray dbname = url.toUtf8();
    const QByteArray userName = user.toUtf8();
    // The defaults come before dbname: libpq lets the URL expanded from dbname override them.
    const QList<std::pair<QByteArray, QByteArray>> defaults = defaultOptions();
    const QList<QByteArray> fromEnvironment = keywordsSetByEnvironment();
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &[keyword, value] : defaults) {
        if (fromEnvironment.contains(keyword))
            continue;
        keys.push_back(keyword.constData());
        values.push_back(value.constData());
    }
    keys.push_back("dbname");
    values.push_back(dbname.constData());
    if (!user.isEmpty()) {
        keys.push_back("user");
        values.push_back(userName.constData());
    }
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(password.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn *conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn) {
        if (error)
            *error = QStringLiteral("cannot connect to the team server: out of memory");
        return nullptr;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        if (error)
            *error = connectFailure(conn, url);
        PQfinish(conn);
        return nullptr;
    }
    std::unique_ptr<PgConnection> c(new PgConnection(conn));
    c->m_server = c->server();
    // Quiet NOTICEs (e.g. "relation already exists, skipping") instead of libpq printing them.
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    c->exec(QStringLiteral("SET client_min_messages = warning"));
    return c;
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgConnection::awaitReply()
{
    const int timeoutMs = replyTimeout() * 1000;
    while (PQisBusy(m_conn)) {
        pollfd p{PQsocket(m_conn), POLLIN, 0};
        const int n = ::poll(&p, 1, timeoutMs);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return false;
        if (n < 0 || !PQconsumeInput(m_conn))
            return true; // the broken connection's error comes with PQgetResult
    }
    return true;
}

PgResult PgConnection::exec(const QString &sql, const PgParams &params)
{
    if (!m_conn)
        return PgResult(nullptr, m_lost.isEmpty() ? QStringLiteral("not connected") : m_lost);
    QList<QByteArray> storage;
    storage.reserve(params.size());
    std::vector<const char *> values(size_t(params.size()), nullptr);
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &v = params.at(i);
        if (v.isNull() && v.typeId() != QMetaType::QStringList) {
            storage.append(QByteArray());
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::QStringList:
            storage.append(pgArrayLiteral(v.toStringList()).toUtf8());
            break;
        case QMetaType::Bool:
            storage.append(v.toBool() ? "true" : "false");
            break;
        case QMetaType::QDateTime:
            storage.append(v.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8());
            break;
        case QMetaType::QByteArray:
            storage.append(v.toByteArray());
            break;
        default:
            storage.append(v.toString().toUtf8());
        }
        values[size_t(i)] = storage.last().constData();
    }
    // Without parameters the simple protocol runs several statements at once (migrations).
    // Sent, then awaited with a bound on the server's silence; otherwise as PQexec: the last
    // result counts (a failed statement ends a batch, and its error is the last result).
    const QByteArray text = sql.toUtf8();
    const int sent = params.isEmpty()
                         ? PQsendQuery(m_conn, text.constData())
                         : PQsendQueryParams(m_conn, text.constData(), int(params.size()), nullptr,
                                             values.data(), nullptr, nullptr, 0);
    PGresult *r = nullptr;
    while (sent) {
        if (!awaitReply()) {
            PQclear(r);
            m_lost = QStringLiteral("team server %1 sent nothing for %2 s, so the connection was "
                                    "closed (the server may be stopped or overloaded); try again "
                                    "later")
                         .arg(m_server)
                         .arg(replyTimeout());
            PQfinish(m_conn);
            m_conn = nullptr;
            return PgResult(nullptr, m_lost);
        }
        PGresult *next = PQgetResult(m_conn);
        if (!next)
            break;
        PQclear(r);
        r = next;
        const ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_COPY_IN || s == PGRES_COPY_OUT || s == PGRES_COPY_BOTH)
            break;
    }
    QString error;
    if (!r) {
        error = connectionMessage(m_conn);
    } else {
        const ExecStatusType s = PQresultStatus(r);
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && s != PGRES_COPY_IN) {
            error = QString::fromUtf8(PQresultErrorMessage(r)).simplified();
            if (error.startsWith(QLatin1String("ERROR: ")))
                error = error.mid(7);
            if (error.isEmpty())
                error = connectionMessage(m_conn);
        }
    }
    return PgResult(r, error);
}

bool PgConnection::run(const QString &sql, const PgParams &params, QString *error)
{
    const PgResult r = exec(sql, params);
    if (r.ok())
        return true;
    if (error)
        *error = QStringLiteral("team server %1: %2").arg(server(), r.error());
    return false;
}

bool PgConnection::isConnected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

QString PgConnection::server() const
{
    if (!m_conn)
        return m_server;
    const QString host = QString::fromUtf8(PQhost(m_conn));
    return QStringLiteral("%1:%2/%3")
        .arg(host.startsWith(QLatin1Char('/')) ? QStringLiteral("[socket %1]").arg(host) : host,
             QString::fromUtf8(PQport(m_conn)), QString::fromUtf8(PQdb(m_conn)));
}

QString PgConnection::currentUser()
{
    const PgResult r = exec(QStringLiteral("SELECT current_user"));
    return r.ok() ? r.text(0, 0) : QString();
}

bool PgConnection::setRole(const QString &role, QString *error)
{
    return run(role.isEmpty() ? QStringLiteral("RESET ROLE")
                              : QStringLiteral("SET ROLE %1").arg(quoteIdentifier(role)),
               {}, error);
}

QString PgConnection::option(const QString &keyword) const
{
    return m_conn ? conninfoValue(m_conn, keyword.toUtf8().constData()) : QString();
}

bool PgConnection::isEncrypted() const
{
    return m_conn && PQsslInUse(m_conn) == 1;
}

QString PgConnection::quoteIdentifier(const QString &identifier) const
{
    const QByteArray utf8 = identifier.toUtf8();
    char *quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        return {};
    const QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

PgTransaction::PgTransaction(PgConnection &conn, Kind kind, QString *error) : m_conn(conn)
{
    const QString begin = kind == Kind::Write
                              ? QStringLiteral("BEGIN")
                              : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!m_conn.run(begin, {}, error))
        return;
    m_active = true;
    if (kind == Kind::Write && !m_conn.run(QStringLiteral("SELECT mesh_write_lock()"), {}, error))
        rollback();
}

PgTransaction::~PgTransaction()
{
    if (m_active)
        rollback();
}

bool PgTransaction::commit(QString *error)
{
    if (!m_active)
        return false;
    m_active = false;
    return m_conn.run(QStringLiteral("COMMIT"), {}, error);
}

void PgTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_conn.exec(QStringLiteral("ROLLBACK"));
}

QString pgArrayLiteral(const QStringList &values)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        QString v = values.at(i);
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        v.replace(QLatin1Char('"'), QLatin1String("\\\""));
        out += QLatin1Char('"') + v + QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

QStringList parsePgArray(const QString &literal)
{
    QStringList out;
    if (literal.size() < 2 || literal.front() != QLatin1Char('{'))
        return out;
    const QString body = literal.mid(1, literal.size() - 2);
    if (body.isEmpty())
        return out;
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < body.size())
                current += body.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                current += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            if (wasQuoted || current != QLatin1String("NULL"))
                out.append(current);
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    if (wasQuoted || current != QLatin1String("NULL"))
        out.append(current);
    return out;
}

QString redactedPgUrl(const QString &url)
{
    QString s = url;
    static const QRegularExpression userinfo(QStringLiteral("^(postgres(?:ql)?://[^:/@]*):[^@]*@"));
    s.replace(userinfo, QStringLiteral("\\1:***@"));
    static const QRegularExpression keyword(QStringLiteral("password\\s*=\\s*\\S+"));
    s.replace(keyword, QStringLiteral("password=***"));
    static const QRegularExpression param(QStringLiteral("([?&]password=)[^&]*"));
    s.replace(param, QStringLiteral("\\1***"));
    return s;
}

} // namespace Mesh
