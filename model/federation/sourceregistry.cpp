// SPDX-License-Identifier: MIT
#include "federation/sourceregistry.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QUrl>

namespace Mesh {

namespace {

const QString kColumns = QStringLiteral(
    "SELECT s.id, s.name, s.kind, s.url, s.auth, s.username, s.token_env, s.ca_bundle, "
    "s.schedule_minutes, s.enabled, coalesce(s.fetched_at, ''), coalesce(s.checked_at, ''), "
    "coalesce(s.last_attempt_at, ''), s.last_error, ");
const QString kSelect =
    kColumns + QStringLiteral("(SELECT count(*) FROM products p WHERE p.source_id = s.id) "
                              "FROM sources s ");
// The same without counting the source's products (0), for a lookup per product shown.
const QString kSelectUncounted = kColumns + QStringLiteral("0 FROM sources s ");

QDateTime parseTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : t;
}

std::optional<SourceDefinition> readRow(Statement &st)
{
    const auto type = sourceTypeFromId(st.text(2));
    if (!type)
        return std::nullopt;
    SourceDefinition s;
    s.id = st.integer(0);
    s.name = st.text(1);
    s.type = *type;
    s.url = st.text(3);
    s.auth = sourceAuthFromId(st.text(4)).value_or(SourceAuth::None);
    s.username = st.text(5);
    s.tokenEnv = st.text(6);
    s.caBundle = st.text(7);
    s.scheduleMinutes = int(st.integer(8));
    s.enabled = st.integer(9) != 0;
    s.fetchedAt = parseTime(st.text(10));
    s.checkedAt = parseTime(st.text(11));
    s.lastAttemptAt = parseTime(st.text(12));
    s.lastError = st.text(13);
    s.productCount = st.integer(14);
    return s;
}

bool fail(CatalogError *error, CatalogError::Code code, const QString &message)
{
    if (error)
        *error = CatalogError{code, message};
    return false;
}

} // namespace

QList<SourceDefinition> SourceRegistry::sources() const
{
    QList<SourceDefinition> result;
    Statement &st = m_store.database().prepare(kSelect + QStringLiteral("ORDER BY s.name"));
    while (st.step())
        if (auto s = readRow(st))
            result.append(*s);
    return result;
}

namespace {

std::optional<SourceDefinition> selectOne(Database &db, const QString &select,
                                          const QString &where, const QString &value)
{
    Statement &st = db.prepare(select + where);
    st.bind(1, value);
    std::optional<SourceDefinition> result;
    if (st.step())
        result = readRow(st);
    st.reset();
    return result;
}

} // namespace

std::optional<SourceDefinition> SourceRegistry::source(const QString &name) const
{
    return selectOne(m_store.database(), kSelect, QStringLiteral("WHERE s.name = ?1"), name);
}

std::optional<SourceDefinition> SourceRegistry::originOf(const QString &productKey) const
{
    return selectOne(m_store.database(), kSelectUncounted,
                     QStringLiteral("WHERE s.id = (SELECT source_id FROM products WHERE key = ?1)"),
                     productKey);
}

QString SourceRegistry::noSuchSource(const QString &name) const
{
    return QStringLiteral("No source called “%1” in “%2”; `meshctl sources list %2` shows the "
                          "sources.")
        .arg(name, m_store.path());
}

QString SourceRegistry::validate(const SourceDefinition &s)
{
    if (s.name.trimmed().isEmpty())
        return QStringLiteral("A source needs a name.");
    if (s.name.contains(QLatin1Char('/')))
        return QStringLiteral("The source name “%1” contains “/”, which separates a source from "
                              "its product keys; choose a name without it.")
            .arg(s.name);
    const QUrl url(s.url, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || scheme.isEmpty())
        return QStringLiteral("“%1” is not a URL; give an http://, https:// or file:// address.")
            .arg(redactedUrl(s.url));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
        scheme != QLatin1String("file"))
        return QStringLiteral("“%1” uses %2://; sources are read over http://, https:// or "
                              "file://.")
            .arg(redactedUrl(s.url), scheme);
    if (scheme == QLatin1String("file") && s.type != SourceType::MeshJson &&
        s.type != SourceType::Odcs)
        return QStringLiteral("A %1 source is an API and needs an http(s):// address, not a "
                              "file.")
            .arg(sourceTypeLabel(s.type));
    if (!url.userInfo().isEmpty())
        return QStringLiteral("Put credentials in the source's authentication settings, not in "
                              "its URL.");
    if (s.scheduleMinutes < 0)
        return QStringLiteral("The schedule must be manual (0) or a number of minutes.");
    if (s.auth == SourceAuth::Basic && s.username.isEmpty())
        return QStringLiteral("Basic authentication needs a user name.");
    return {};
}

bool SourceRegistry::add(const SourceDefinition &s, CatalogError *error)
{
    if (const QString problem = validate(s); !problem.isEmpty())
        return fail(error, CatalogError::Code::Invalid, problem);
    if (m_store.isReadOnly())
        return fail(error, CatalogError::Code::ReadOnly,
                    QStringLiteral("“%1” is read-only; sources cannot be added.").arg(m_store.path()));
    return m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            Statement &exists = db.prepare(QStringLiteral("SELECT 1 FROM sources WHERE name = ?1"));
            exists.bind(1, s.name);
            const bool taken = exists.step();
            exists.reset();
            if (taken)
                return fail(e, CatalogError::Code::Invalid,
                            QStringLiteral("A source called “%1” already exists in “%2”; choose "
                                           "another name or remove it first.")
                                .arg(s.name, m_store.path()));
            Statement &ins = db.prepare(QStringLiteral(
                "INSERT INTO sources(name, kind, url, auth, username, token_env, ca_bundle, "
                "schedule_minutes, enabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
            ins.bind(1, s.name)
                .bind(2, sourceTypeId(s.type))
                .bind(3, s.url)
                .bind(4, sourceAuthId(s.auth))
                .bind(5, s.username)
                .bind(6, s.tokenEnv)
                .bind(7, s.caBundle)
                .bind(8, s.scheduleMinutes)
                .bind(9, s.enabled ? 1 : 0);
            if (!ins.exec())
                return fail(e, CatalogError::Code::Io,
                            QStringLiteral("Adding source “%1” failed: %2").arg(s.name, ins.lastError()));
            return true;
        },
        error);
}

bool SourceRegistry::update(const QString &name, const SourceDefinition &s, CatalogError *error)
{
    if (const QString problem = validate(s); !problem.isEmpty())
        return fail(error, CatalogError::Code::Invalid, problem);
    const auto old = source(name);
    if (!old)
        return fail(error, CatalogError::Code::NotFound, noSuchSource(name));
    return m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            if (name != s.name) {
                // Product keys carry the source name: renaming means re-keying its products.
                Statement &taken = db.prepare(QStringLiteral("SELECT 1 FROM sources WHERE name = ?1"));
                taken.bind(1, s.name);
                const bool exists = taken.step();
                taken.reset();
                if (exists)
                    return fail(e, CatalogError::Code::Invalid,
                                QStringLiteral("A source called “%1” already exists.").arg(s.name));
                Statement &rekey = db.prepare(QStringLiteral(
                    "UPDATE products SET key = ?2 || substr(key, length(?1) + 1) "
                    "WHERE source_id = ?3 AND substr(key, 1, length(?1)) = ?1"));
                rekey.bind(1, name + QLatin1Char('/'))
                    .bind(2, s.name + QLatin1Char('/'))
                    .bind(3, old->id);
                if (!rekey.exec())
                    return fail(e, CatalogError::Code::Io, rekey.lastError());
            }
            const bool urlChanged = old->url != s.url || old->type != s.type;
            Statement &up = db.prepare(QStringLiteral(
                "UPDATE sources SET name = ?2, kind = ?3, url = ?4, auth = ?5, username = ?6, "
                "token_env = ?7, ca_bundle = ?8, schedule_minutes = ?9, enabled = ?10 "
                "WHERE id = ?1"));
            up.bind(1, old->id)
                .bind(2, s.name)
                .bind(3, sourceTypeId(s.type))
                .bind(4, s.url)
                .bind(5, sourceAuthId(s.auth))
                .bind(6, s.username)
                .bind(7, s.tokenEnv)
                .bind(8, s.caBundle)
                .bind(9, s.scheduleMinutes)
                .bind(10, s.enabled ? 1 : 0);
            if (!up.exec())
                return fail(e, CatalogError::Code::Io, up.lastError());
            if (urlChanged) {
                // Validators of another address say nothing about the new one.
                Statement &clear =
                    db.prepare(QStringLiteral("DELETE FROM source_http_cache WHERE source_id = ?1"));
                if (!clear.bind(1, old->id).exec())
                    return fail(e, CatalogError::Code::Io, clear.lastError());
            }
            return true;
        },
        error);
}

bool SourceRegistry::remove(const QString &name, CatalogError *error)
{
    const auto s = source(name);
    if (!s)
        return fail(error, CatalogError::Code::NotFound, noSuchSource(name));
    return m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            QString message;
            Statement &fts = db.prepare(QStringLiteral(
                "DELETE FROM product_fts WHERE rowid IN (SELECT id FROM products WHERE source_id = ?1)"));
            Statement &meta = db.prepare(QStringLiteral(
                "DELETE FROM product_meta_fts WHERE rowid IN "
                "(SELECT id FROM products WHERE source_id = ?1)"));
            Statement &del = db.prepare(QStringLiteral("DELETE FROM products WHERE source_id = ?1"));
            Statement &src = db.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?1"));
            for (Statement *st : {&fts, &meta, &del, &src})
                if (!st->bind(1, s->id).exec())
                    return fail(e, CatalogError::Code::Io,
                                QStringLiteral("Removing source “%1” failed: %2").arg(name, st->lastError()));
            return true;
        },
        error);
}

QHash<QByteArray, HttpCacheEntry> SourceRegistry::cache(SourceId id) const
{
    QHash<QByteArray, HttpCacheEntry> result;
    Statement &st = m_store.database().prepare(QStringLiteral(
        "SELECT url, etag, last_modified, body, body IS NOT NULL FROM source_http_cache "
        "WHERE source_id = ?1"));
    st.bind(1, id);
    while (st.step()) {
        HttpCacheEntry e;
        e.url = st.text(0).toUtf8();
        e.etag = st.text(1).toUtf8();
        e.lastModified = st.text(2).toUtf8();
        e.hasBody = st.integer(4) != 0;
        if (e.hasBody)
            e.body = qUncompress(QByteArray::fromBase64(st.text(3).toLatin1()));
        result.insert(e.url, e);
    }
    return result;
}

} // namespace Mesh
