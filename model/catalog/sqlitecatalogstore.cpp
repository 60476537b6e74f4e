// SPDX-License-Identifier: MIT
#include "catalog/sqlitecatalogstore.h"

#include "catalog/productinserter.h"
#include "catalog/schema.h"
#include "db/sqlite.h"
#include "search/facetindex.h"
#include "search/searchquery.h"
#include "system/isotime.h"

#include <QFile>
#include <QFileInfo>

namespace Mesh {

namespace {

constexpr char kSqliteMagic[] = "SQLite format 3";

CatalogError makeError(CatalogError::Code code, const QString &message)
{
    return CatalogError{code, message};
}

void setError(CatalogError *error, CatalogError::Code code, const QString &message)
{
    if (error)
        *error = makeError(code, message);
}

QDateTime parseTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

QStringList splitList(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// Reads a file's first bytes without SQLite so that a file which is not a database is never
// handed to SQLite (which could otherwise try to recover a journal next to it).
CatalogError checkHeader(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(CatalogError::Code::NotFound,
                         QStringLiteral("Catalog file “%1” does not exist. Check the path, or "
                                        "create a catalog with `meshctl demo --out %1`.")
                             .arg(path));
    if (info.isDir())
        return makeError(CatalogError::Code::NotACatalog,
                         QStringLiteral("“%1” is a folder, not a catalog file. Choose a "
                                        ".mesh file inside it.")
                             .arg(path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(CatalogError::Code::Io,
                         QStringLiteral("Cannot read “%1”: %2. Check the file's permissions.")
                             .arg(path, f.errorString()));
    const QByteArray head = f.read(16);
    if (head.isEmpty())
        return makeError(CatalogError::Code::NotACatalog,
                         QStringLiteral("“%1” is empty, so it is not a Mesh Explorer catalog. "
                                        "Open a .mesh file, or create one with "
                                        "`meshctl demo --out FILE`.")
                             .arg(path));
    if (head.size() < 16 || !head.startsWith(kSqliteMagic))
        return makeError(CatalogError::Code::NotACatalog,
                         QStringLiteral("“%1” is not a Mesh Explorer catalog (it is not an "
                                        "SQLite database). Open a .mesh file instead.")
                             .arg(path));
    return {};
}

} // namespace

struct SqliteCatalogStore::Private
{
    std::unique_ptr<Database> db;
    bool readOnly = false;
    bool deferIndex = false;
    bool bulk = false; // inside bulkTransaction(): foreign keys are off
    QStringList deferredIndexes; // bulkTransaction(): CREATE INDEX statements still to run
    std::unique_ptr<FacetIndex> facetIndex;

    std::optional<qint64> domainId(const QString &name, bool create, CatalogError *error);
    std::optional<qint64> sourceId(const QString &name, CatalogError *error);
    bool reindex(ProductId id, CatalogError *error);
    bool fail(CatalogError *error, const QString &what, const QString &detail) const;
    QList<Dataset> datasetsOf(ProductId id) const;
    std::optional<Product> readProduct(Statement &st) const;
};

bool SqliteCatalogStore::Private::fail(CatalogError *error, const QString &what,
                                       const QString &detail) const
{
    setError(error, CatalogError::Code::Io,
             QStringLiteral("%1 in “%2” failed: %3").arg(what, db->path(), detail));
    return false;
}

std::optional<qint64> SqliteCatalogStore::Private::domainId(const QString &name, bool create,
                                                            CatalogError *error)
{
    Statement &find = db->prepare(QStringLiteral("SELECT id FROM domains WHERE name = ?1"));
    find.bind(1, name);
    if (find.step()) {
        const qint64 id = find.integer(0);
        find.reset();
        return id;
    }
    if (!create)
        return std::nullopt;
    Statement &ins = db->prepare(QStringLiteral("INSERT INTO domains(name) VALUES (?1)"));
    if (!ins.bind(1, name).exec()) {
        fail(error, QStringLiteral("Adding domain “%1”").arg(name), ins.lastError());
        return std::nullopt;
    }
    return db->lastInsertRowId();
}

std::optional<qint64> SqliteCatalogStore::Private::sourceId(const QString &name,
                                                            CatalogError *error)
{
    Statement &find = db->prepare(QStringLiteral("SELECT id FROM sources WHERE name = ?1"));
    find.bind(1, name);
    if (find.step()) {
        const qint64 id = find.integer(0);
        find.reset();
        return id;
    }
    Statement &ins = db->prepare(QStringLiteral("INSERT INTO sources(name) VALUES (?1)"));
    if (!ins.bind(1, name).exec()) {
        fail(error, QStringLiteral("Adding source “%1”").arg(name), ins.lastError());
        return std::nullopt;
    }
    return db->lastInsertRowId();
}

// A product's search document in the current shape (migration 2 builds the same shape for
// catalogs that existed before the index; migrations stay frozen, this follows the code).
const QString kSearchDocumentSql = QStringLiteral(R"SQL(
SELECT p.id, p.name,
       coalesce((SELECT group_concat(tag, ' ') FROM product_tags WHERE product_id = p.id), ''),
       p.description,
       coalesce((SELECT group_concat(ds.name || ' ' || coalesce(
                    (SELECT group_concat(c.name || ' ' || c.description, ' ')
                       FROM columns c WHERE c.dataset_id = ds.id), ''), ' ')
                   FROM datasets ds WHERE ds.product_id = p.id), ''),
       coalesce(p.owner_id, '') || ' ' || coalesce(u.display_name, ''),
       coalesce(d.name, ''),
       p.source_system || ' ' || p.formats
  FROM products p
  LEFT JOIN users u ON u.id = p.owner_id
  LEFT JOIN domains d ON d.id = p.domain_id)SQL");

bool SqliteCatalogStore::Private::reindex(ProductId id, CatalogError *error)
{
    if (deferIndex)
        return true;
    Statement &del = db->prepare(QStringLiteral("DELETE FROM product_fts WHERE rowid = ?1"));
    Statement &delMeta =
        db->prepare(QStringLiteral("DELETE FROM product_meta_fts WHERE rowid = ?1"));
    if (!del.bind(1, id).exec() || !delMeta.bind(1, id).exec())
        return fail(error, QStringLiteral("Updating the search index"), db->lastError());
    Statement &ins = db->prepare(
        QStringLiteral("INSERT INTO product_fts(rowid, name, tags, description, columns, owner, "
                       "domain, source) ") +
        kSearchDocumentSql + QStringLiteral(" WHERE p.id = ?1"));
    Statement &meta = db->prepare(QStringLiteral(
        "INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source) "
        "SELECT rowid, name, tags, owner, domain, source FROM product_fts WHERE rowid = ?1"));
    if (!ins.bind(1, id).exec() || !meta.bind(1, id).exec())
        return fail(error, QStringLiteral("Updating the search index"), db->lastError());
    return true;
}

bool SqliteCatalogStore::rebuildSearchIndex(CatalogError *error)
{
    return transaction(
        [&](CatalogError *e) {
            const QString sql =
                QStringLiteral("DELETE FROM product_fts; DELETE FROM product_meta_fts; "
                               "INSERT INTO product_fts(rowid, name, tags, description, columns, "
                               "owner, domain, source) ") +
                kSearchDocumentSql +
                QStringLiteral("; INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, "
                               "source) SELECT rowid, name, tags, owner, domain, source FROM "
                               "product_fts;");
            QString message;
            if (!d->db->exec(sql, &message))
                return d->fail(e, QStringLiteral("Rebuilding the search index"), message);
            return true;
        },
        error);
}

bool SqliteCatalogStore::reindexProducts(const QList<ProductId> &ids, CatalogError *error)
{
    return indexProducts(ids, /*replace=*/true, error);
}

bool SqliteCatalogStore::indexNewProducts(const QList<ProductId> &ids, CatalogError *error)
{
    return indexProducts(ids, /*replace=*/false, error);
}

bool SqliteCatalogStore::indexNewDocuments(const std::vector<SearchDocument> &documents,
                                           CatalogError *error)
{
    if (documents.empty())
        return true;
    return transaction(
        [&](CatalogError *e) {
            QString message;
            if (!writeSearchDocuments(*d->db, documents, &message))
                return d->fail(e, QStringLiteral("Updating the search index"), message);
            return true;
        },
        error);
}

bool SqliteCatalogStore::indexProducts(const QList<ProductId> &ids, bool replace,
                                       CatalogError *error)
{
    if (ids.isEmpty())
        return true;
    if (ids.size() < 64) {
        const bool deferred = d->deferIndex;
        d->deferIndex = false;
        const bool ok = transaction(
            [&](CatalogError *e) {
                for (ProductId id : ids)
                    if (!d->reindex(id, e))
                        return false;
                return true;
            },
            error);
        d->deferIndex = deferred;
        return ok;
    }
    // Many products (a federated source's snapshot, a page of a team sync): one set-based pass,
    // as rebuildSearchIndex.
    return transaction(
        [&](CatalogError *e) {
            QString message;
            if (!d->db->exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS reindex_ids(id INTEGER "
                                            "PRIMARY KEY); DELETE FROM temp.reindex_ids;"),
                             &message))
                return d->fail(e, QStringLiteral("Updating the search index"), message);
            Statement &add =
                d->db->prepare(QStringLiteral("INSERT OR IGNORE INTO temp.reindex_ids(id) VALUES (?1)"));
            for (ProductId id : ids)
                if (!add.reset().bind(1, id).exec())
                    return d->fail(e, QStringLiteral("Updating the search index"), add.lastError());
            const QString sql =
                (replace ? QStringLiteral(
                               "DELETE FROM product_fts WHERE rowid IN (SELECT id FROM temp.reindex_ids); "
                               "DELETE FROM product_meta_fts WHERE rowid IN (SELECT id FROM "
                               "temp.reindex_ids); ")
                         : QString()) +
                QStringLiteral("INSERT INTO product_fts(rowid, name, tags, description, columns, owner, "
                               "domain, source) ") +
                kSearchDocumentSql +
                QStringLiteral(" WHERE p.id IN (SELECT id FROM temp.reindex_ids); "
                               "INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source) "
                               "SELECT rowid, name, tags, owner, domain, source FROM product_fts "
                               "WHERE rowid IN (SELECT id FROM temp.reindex_ids); "
                               "DELETE FROM temp.reindex_ids;");
            if (!d->db->exec(sql, &message))
                return d->fail(e, QStringLiteral("Updating the search index"), message);
            return true;
        },
        error);
}

void SqliteCatalogStore::setSearchIndexDeferred(bool deferred)
{
    d->deferIndex = deferred;
}

QList<Dataset> SqliteCatalogStore::Private::datasetsOf(ProductId id) const
{
    QList<Dataset> result;
    Statement &ds = db->prepare(
        QStringLiteral("SELECT id, name, format, location, endpoint, description FROM datasets "
                       "WHERE product_id = ?1 ORDER BY position"));
    ds.bind(1, id);
    while (ds.step()) {
        Dataset d;
        d.id = ds.integer(0);
        d.name = ds.text(1);
        d.format = ds.text(2);
        d.location = ds.text(3);
        d.endpoint = ds.text(4);
        d.description = ds.text(5);
        result.append(d);
    }
    for (Dataset &d : result) {
        Statement &cs = db->prepare(
            QStringLiteral("SELECT id, name, type, description, classification, tags FROM columns "
                           "WHERE dataset_id = ?1 ORDER BY position"));
        cs.bind(1, d.id);
        while (cs.step()) {
            Column c;
            c.id = cs.integer(0);
            c.name = cs.text(1);
            c.type = cs.text(2);
            c.description = cs.text(3);
            c.classification = cs.text(4);
            c.tags = splitList(cs.text(5));
            d.columns.append(c);
        }
    }
    return result;
}

static const QString kProductSelect = QStringLiteral(
    "SELECT p.id, p.key, p.name, coalesce(d.name, ''), p.description, coalesce(p.owner_id, ''), "
    "coalesce(p.steward_id, ''), p.status, p.source_system, p.formats, p.access_policy, "
    "p.freshness_sla_hours, p.version, coalesce(p.updated_at, ''), coalesce(s.name, '') "
    "FROM products p LEFT JOIN domains d ON d.id = p.domain_id "
    "LEFT JOIN sources s ON s.id = p.source_id ");

std::optional<Product> SqliteCatalogStore::Private::readProduct(Statement &st) const
{
    if (!st.step())
        return std::nullopt;
    Product p;
    p.id = st.integer(0);
    p.key = st.text(1);
    p.name = st.text(2);
    p.domain = st.text(3);
    p.description = st.text(4);
    p.ownerId = st.text(5);
    p.stewardId = st.text(6);
    p.status = st.text(7);
    p.sourceSystem = st.text(8);
    p.formats = splitList(st.text(9));
    p.accessPolicy = st.text(10);
    p.freshnessSlaHours = int(st.integer(11));
    p.version = st.text(12);
    p.updatedAt = parseTime(st.text(13));
    p.sourceName = st.text(14);
    st.reset();
    Statement &tagSt = db->prepare(
        QStringLiteral("SELECT tag FROM product_tags WHERE product_id = ?1 ORDER BY rowid"));
    tagSt.bind(1, p.id);
    while (tagSt.step())
        p.tags.append(tagSt.text(0));
    p.datasets = datasetsOf(p.id);
    return p;
}

SqliteCatalogStore::SqliteCatalogStore(std::unique_ptr<Database> db, bool readOnly)
    : d(std::make_unique<Private>())
{
    d->db = std::move(db);
    d->readOnly = readOnly;
}

SqliteCatalogStore::~SqliteCatalogStore() = default;

std::unique_ptr<SqliteCatalogStore> SqliteCatalogStore::create(const QString &path,
                                                              const QString &name,
                                                              CatalogError *error)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        setError(error, CatalogError::Code::Invalid,
                 QStringLiteral("“%1” already exists; a new catalog is never written over an "
                                "existing file. Choose another name or remove the file first.")
                     .arg(path));
        return nullptr;
    }
    QString message;
    auto db = Database::open(path, Database::Mode::ReadWriteCreate, &message);
    if (!db) {
        setError(error, CatalogError::Code::Io,
                 QStringLiteral("Cannot create catalog “%1”: %2. Check that the folder exists "
                                "and is writable.")
                     .arg(path, message));
        return nullptr;
    }
    if (!db->exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                 "PRAGMA foreign_keys = ON; PRAGMA application_id = %1")
                      .arg(kApplicationId),
                  &message) ||
        !Schema::migrate(*db, kSchemaVersion, &message)) {
        db.reset();
        QFile::remove(path);
        setError(error, CatalogError::Code::Io,
                 QStringLiteral("Cannot create catalog “%1”: %2").arg(path, message));
        return nullptr;
    }
    std::unique_ptr<SqliteCatalogStore> store(new SqliteCatalogStore(std::move(db), false));
    store->setMetadata(QStringLiteral("name"), name, nullptr);
    store->setMetadata(QStringLiteral("created_at"), isoUtc(QDateTime::currentDateTimeUtc()),
                       nullptr);
    return store;
}

bool SqliteCatalogStore::createComplete(
    const QString &path, const QString &name,
    const std::function<bool(SqliteCatalogStore &, CatalogError *)> &fill, CatalogError *error)
{
    if (QFileInfo::exists(path)) {
        setError(error, CatalogError::Code::Invalid,
                 QStringLiteral("“%1” already exists; a new catalog is never written over an "
                                "existing file. Choose another path or remove it first.")
                     .arg(path));
        return false;
    }
    const QString partial = path + QStringLiteral(".part");
    const QStringList leftovers = {partial, partial + QStringLiteral("-wal"),
                                   partial + QStringLiteral("-shm")};
    for (const QString &leftover : leftovers)
        QFile::remove(leftover);
    {
        auto store = create(partial, name, error);
        if (!store)
            return false;
        // The temporary file is discarded on any failure, so it needs no write-ahead log:
        // an in-memory rollback journal halves the bytes a large fill writes.
        store->database().exec(QStringLiteral("PRAGMA journal_mode = MEMORY; "
                                              "PRAGMA synchronous = OFF"));
        const bool filled = fill(*store, error);
        if (filled)
            store->database().exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!filled) {
            store.reset();
            for (const QString &leftover : leftovers)
                QFile::remove(leftover);
            return false;
        }
    } // closing the last connection checkpoints the WAL into the file
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        setError(error, CatalogError::Code::Io,
                 QStringLiteral("Cannot move the new catalog into place at “%1”. Check that the "
                                "folder is writable.")
                     .arg(path));
        return false;
    }
    return true;
}

std::unique_ptr<SqliteCatalogStore> SqliteCatalogStore::open(const QString &path, OpenMode mode,
                                                            CatalogError *error)
{
    if (CatalogError header = checkHeader(path)) {
        if (error)
            *error = header;
        return nullptr;
    }
    // Inspect read-only first: a file we refuse is never opened for writing.
    QString message;
    int version = 0;
    {
        // A process that died inside a rollback-journal write (bulkTransaction()) left a hot
        // journal: the file is whole again only once it is rolled back, which SQLite does on a
        // writable connection's first read. A read-only open cannot, and says so below.
        const QString journal = path + QStringLiteral("-journal");
        if (mode == OpenMode::ReadWrite && QFileInfo::exists(journal) &&
            QFileInfo(path).isWritable()) {
            if (auto recover = Database::open(path, Database::Mode::ReadWrite, &message))
                recover->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        }
        // Without a write-ahead log or journal beside it, the file holds all its content:
        // inspect it immutably so that a refused file gains no -wal/-shm companions either.
        const bool hasLog = QFileInfo::exists(path + QStringLiteral("-wal")) ||
                            QFileInfo::exists(journal);
        auto probe = Database::open(
            path, hasLog ? Database::Mode::ReadOnly : Database::Mode::Immutable, &message);
        if (!probe) {
            setError(error, CatalogError::Code::Io,
                     QStringLiteral("Cannot open “%1”: %2.").arg(path, message));
            return nullptr;
        }
        const QVariant appId = probe->scalar(QStringLiteral("PRAGMA application_id"), &message);
        const QVariant userVersion = probe->scalar(QStringLiteral("PRAGMA user_version"));
        const QVariant tables = probe->scalar(
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'meta'"), &message);
        if ((!appId.isValid() || !tables.isValid()) && QFileInfo::exists(journal)) {
            setError(error, CatalogError::Code::ReadOnly,
                     QStringLiteral("“%1” holds an unfinished write of a process that stopped "
                                    "(%2). Open it once for writing (e.g. `meshctl info %1`) to "
                                    "roll that write back.")
                         .arg(path, message));
            return nullptr;
        }
        if (!appId.isValid() || !tables.isValid()) {
            setError(error, CatalogError::Code::Corrupt,
                     QStringLiteral("“%1” is damaged and cannot be read (%2). The file was not "
                                    "changed; restore it from a backup or re-create the catalog.")
                         .arg(path, message));
            return nullptr;
        }
        if (appId.toLongLong() != kApplicationId || tables.toInt() != 1) {
            setError(error, CatalogError::Code::NotACatalog,
                     QStringLiteral("“%1” is an SQLite database but not a Mesh Explorer catalog. "
                                    "The file was not changed; open a .mesh catalog instead.")
                         .arg(path));
            return nullptr;
        }
        version = userVersion.toInt();
        if (version > kSchemaVersion) {
            setError(error, CatalogError::Code::NewerSchema,
                     QStringLiteral("“%1” was written by a newer Mesh Explorer (catalog schema %2; "
                                    "this version reads up to %3). The file was not changed; "
                                    "update Mesh Explorer to open it.")
                         .arg(path)
                         .arg(version)
                         .arg(kSchemaVersion));
            return nullptr;
        }
        // A full integrity check reads the whole file; checking that the schema can be read
        // and the search index answers catches the damage users meet (truncation, overwrites).
        if (!probe->scalar(QStringLiteral("SELECT count(*) FROM products"), &message).isValid()) {
            setError(error, CatalogError::Code::Corrupt,
                     QStringLiteral("“%1” is damaged and cannot be read (%2). The file was not "
                                    "changed; restore it from a backup or re-create the catalog.")
                         .arg(path, message));
            return nullptr;
        }
    }

    const bool readOnly = mode == OpenMode::ReadOnly;
    if (!readOnly && !QFileInfo(path).isWritable()) {
        setError(error, CatalogError::Code::ReadOnly,
                 QStringLiteral("“%1” is read-only, so changes cannot be saved. Open it "
                                "read-only to browse, or copy it to a writable folder.")
                     .arg(path));
        return nullptr;
    }
    if (readOnly && version < kSchemaVersion) {
        setError(error, CatalogError::Code::ReadOnly,
                 QStringLiteral("“%1” uses an older catalog schema (%2) that must be upgraded "
                                "to %3 before it can be read; open it once for writing "
                                "(e.g. `meshctl info %1`) to upgrade it.")
                     .arg(path)
                     .arg(version)
                     .arg(kSchemaVersion));
        return nullptr;
    }
    auto db = Database::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite,
                             &message);
    if (!db) {
        setError(error, CatalogError::Code::Io,
                 QStringLiteral("Cannot open “%1”: %2.").arg(path, message));
        return nullptr;
    }
    // A larger page cache and memory-mapped reads keep search on a 100k-product catalog
    // (~600 MB) from re-reading the FTS index from disk on every keystroke.
    db->exec(QStringLiteral("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; "
                            "PRAGMA mmap_size = 1073741824"));
    if (!readOnly) {
        // A process that died inside bulkTransaction() left the file in rollback-journal mode
        // (its hot journal has been rolled back by now); catalogs are always opened in WAL.
        db->exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        db->exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        if (!Schema::migrate(*db, kSchemaVersion, &message)) {
            setError(error, CatalogError::Code::Io,
                     QStringLiteral("Cannot upgrade “%1” from schema %2: %3. The file was not "
                                    "changed.")
                         .arg(path)
                         .arg(version)
                         .arg(message));
            return nullptr;
        }
    }
    return std::unique_ptr<SqliteCatalogStore>(new SqliteCatalogStore(std::move(db), readOnly));
}

QString SqliteCatalogStore::path() const
{
    return d->db->path();
}

QString SqliteCatalogStore::displayName() const
{
    const QString name = metadata(QStringLiteral("name"));
    return name.isEmpty() ? QFileInfo(path()).completeBaseName() : name;
}

bool SqliteCatalogStore::isReadOnly() const
{
    return d->readOnly;
}

int SqliteCatalogStore::schemaVersion() const
{
    return Schema::currentVersion(*d->db);
}

Database &SqliteCatalogStore::database() const
{
    return *d->db;
}

FacetIndex &SqliteCatalogStore::facetIndex() const
{
    if (!d->facetIndex)
        d->facetIndex = std::make_unique<FacetIndex>();
    return *d->facetIndex;
}

QString SqliteCatalogStore::metadata(const QString &key) const
{
    Statement &st = d->db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
    st.bind(1, key);
    // Reset at once: a statement left on its row keeps a read lock (or WAL snapshot) open.
    const QString value = st.step() ? st.text(0) : QString();
    st.reset();
    return value;
}

bool SqliteCatalogStore::transaction(const std::function<bool(CatalogError *)> &body,
                                     CatalogError *error)
{
    return runTransaction(body, error, /*lockMainOnly=*/false);
}

bool SqliteCatalogStore::runTransaction(const std::function<bool(CatalogError *)> &body,
                                        CatalogError *error, bool lockMainOnly)
{
    if (d->readOnly) {
        setError(error, CatalogError::Code::ReadOnly,
                 QStringLiteral("“%1” is open read-only; the change was not made.").arg(path()));
        return false;
    }
    Transaction tx(*d->db, lockMainOnly ? Transaction::Begin::Deferred
                                        : Transaction::Begin::Immediate);
    if (!tx.isActive())
        return d->fail(error, QStringLiteral("Starting a transaction"), d->db->lastError());
    // The catalog's write lock, taken by a write that changes nothing before anything is read
    // (so SQLite waits for the lock as BEGIN IMMEDIATE would), and only the catalog's: a file
    // attached for a bulk load (SearchIndexBuilder) stays writable by its own connection.
    if (lockMainOnly && !d->db->exec(QStringLiteral("DELETE FROM main.meta WHERE 0")))
        return d->fail(error, QStringLiteral("Starting a transaction"), d->db->lastError());
    CatalogError inner;
    if (!body(&inner)) {
        if (error)
            *error = inner;
        return false;
    }
    QString message;
    if (!tx.commit(&message))
        return d->fail(error, QStringLiteral("Saving"), message);
    return true;
}

bool SqliteCatalogStore::bulkTransaction(const std::function<bool(CatalogError *)> &body,
                                         CatalogError *error)
{
    if (d->readOnly || d->bulk)
        return transaction(body, error);
    Database &db = *d->db;
    // Leaving WAL needs the file to itself; with another connection open the load stays in WAL.
    const bool rollbackJournal =
        db.scalar(QStringLiteral("PRAGMA main.journal_mode = DELETE")).toString() ==
        QLatin1String("delete");
    db.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    d->bulk = true;
    const bool ok = runTransaction(
        [&](CatalogError *e) {
            // Into empty product tables, their secondary indexes are built once at the end, by
            // sorting, instead of by a random B-tree insert per row (the unique ones stay: the
            // inserts check them). Dropped and rebuilt inside the transaction, so a failed load
            // leaves them as they were.
            QStringList &rebuild = d->deferredIndexes;
            rebuild.clear();
            if (!db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM main.products)")).toBool() &&
                !qEnvironmentVariableIsSet("MESH_BULK_KEEP_INDEXES")) {
                QStringList names;
                Statement &list = db.prepare(QStringLiteral(
                    "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT "
                    "NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ('products', "
                    "'product_tags', 'product_classifications', 'datasets', 'columns')"));
                while (list.step()) {
                    names.append(list.text(0));
                    rebuild.append(list.text(1));
                }
                list.reset();
                for (const QString &name : std::as_const(names))
                    if (!db.exec(QStringLiteral("DROP INDEX main.\"%1\"").arg(name)))
                        return d->fail(e, QStringLiteral("Preparing the load"), db.lastError());
            }
            if (!body(e) || !buildDeferredIndexes(e))
                return false;
            Statement &check = db.prepare(QStringLiteral("PRAGMA foreign_key_check"));
            if (check.step()) {
                const QString table = check.text(0);
                const QString parent = check.text(2);
                check.reset();
                setError(e, CatalogError::Code::Invalid,
                         QStringLiteral("A row of %1 refers to a %2 row that is not in “%3”; "
                                        "nothing was saved.")
                             .arg(table, parent, path()));
                return false;
            }
            const QString checkError = check.lastError();
            check.reset();
            if (!checkError.isEmpty())
                return d->fail(e, QStringLiteral("Checking references"), checkError);
            return true;
        },
        error, /*lockMainOnly=*/true);
    d->bulk = false;
    d->deferredIndexes.clear();
    db.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (rollbackJournal &&
        db.scalar(QStringLiteral("PRAGMA main.journal_mode = WAL")).toString() != QLatin1String("wal"))
        qWarning("%s: could not return to write-ahead logging after a bulk load; the next open "
                 "will.",
                 qPrintable(path()));
    return ok;
}

bool SqliteCatalogStore::buildDeferredIndexes(CatalogError *error)
{
    while (!d->deferredIndexes.isEmpty()) {
        if (!d->db->exec(d->deferredIndexes.constFirst()))
            return d->fail(error, QStringLiteral("Indexing the loaded products"),
                           d->db->lastError());
        d->deferredIndexes.removeFirst();
    }
    return true;
}

bool SqliteCatalogStore::setMetadata(const QString &key, const QString &value,
                                     CatalogError *error)
{
    return transaction(
        [&](CatalogError *e) {
            Statement &st = d->db->prepare(
                QStringLiteral("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            if (!st.bind(1, key).bind(2, value).exec())
                return d->fail(e, QStringLiteral("Saving metadata"), st.lastError());
            return true;
        },
        error);
}

bool SqliteCatalogStore::upsertDomain(const Domain &domain, CatalogError *error)
{
    if (domain.name.trimmed().isEmpty()) {
        setError(error, CatalogError::Code::Invalid, QStringLiteral("A domain needs a name."));
        return false;
    }
    return transaction(
        [&](CatalogError *e) {
            Statement &st = d->db->prepare(QStringLiteral(
                "INSERT INTO domains(name, description, color) VALUES (?1, ?2, ?3) "
                "ON CONFLICT(name) DO UPDATE SET description = excluded.description, "
                "color = excluded.color"));
            if (!st.bind(1, domain.name).bind(2, domain.description).bind(3, domain.color).exec())
                return d->fail(e, QStringLiteral("Saving domain “%1”").arg(domain.name),
                               st.lastError());
            return true;
        },
        error);
}

bool SqliteCatalogStore::upsertUser(const User &user, CatalogError *error)
{
    if (user.id.trimmed().isEmpty()) {
        setError(error, CatalogError::Code::Invalid, QStringLiteral("A user needs an id."));
        return false;
    }
    return transaction(
        [&](CatalogError *e) {
            Statement &st = d->db->prepare(QStringLiteral(
                "INSERT INTO users(id, display_name, email, roles, domain) "
                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET "
                "display_name = excluded.display_name, email = excluded.email, "
                "roles = excluded.roles, domain = excluded.domain"));
            st.bind(1, user.id)
                .bind(2, user.displayName)
                .bind(3, user.email)
                .bind(4, user.roles.join(QLatin1Char(',')))
                .bind(5, user.domain);
            if (!st.exec())
                return d->fail(e, QStringLiteral("Saving user “%1”").arg(user.id), st.lastError());
            // Owner names are searchable: refresh the products this user owns.
            Statement &owned =
                d->db->prepare(QStringLiteral("SELECT id FROM products WHERE owner_id = ?1"));
            owned.bind(1, user.id);
            QList<ProductId> ids;
            while (owned.step())
                ids.append(owned.integer(0));
            for (ProductId id : ids)
                if (!d->reindex(id, e))
                    return false;
            return true;
        },
        error);
}

bool SqliteCatalogStore::upsertSource(const Source &source, CatalogError *error)
{
    if (source.name.trimmed().isEmpty()) {
        setError(error, CatalogError::Code::Invalid, QStringLiteral("A source needs a name."));
        return false;
    }
    return transaction(
        [&](CatalogError *e) {
            Statement &st = d->db->prepare(QStringLiteral(
                "INSERT INTO sources(name, kind, url, fetched_at) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, url = excluded.url, "
                "fetched_at = excluded.fetched_at"));
            st.bind(1, source.name)
                .bind(2, source.kind)
                .bind(3, source.url)
                .bindNullable(4, isoUtc(source.fetchedAt));
            if (!st.exec())
                return d->fail(e, QStringLiteral("Saving source “%1”").arg(source.name),
                               st.lastError());
            return true;
        },
        error);
}

std::optional<ProductId> SqliteCatalogStore::upsertProduct(const Product &product,
                                                           CatalogError *error)
{
    if (product.key.trimmed().isEmpty() || product.name.trimmed().isEmpty()) {
        setError(error, CatalogError::Code::Invalid,
                 QStringLiteral("A data product needs a key and a name (got key “%1”, name "
                                "“%2”).")
                     .arg(product.key, product.name));
        return std::nullopt;
    }
    ProductId id = 0;
    const bool ok = transaction(
        [&](CatalogError *e) {
            std::optional<qint64> domainId;
            if (!product.domain.isEmpty()) {
                domainId = d->domainId(product.domain, true, e);
                if (!domainId)
                    return false;
            }
            std::optional<qint64> sourceId;
            if (!product.sourceName.isEmpty()) {
                sourceId = d->sourceId(product.sourceName, e);
                if (!sourceId)
                    return false;
            }
            Statement &st = d->db->prepare(QStringLiteral(R"SQL(
INSERT INTO products(key, name, domain_id, description, owner_id, steward_id, status,
                     source_system, formats, access_policy, freshness_sla_hours, version,
                     updated_at, source_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
ON CONFLICT(key) DO UPDATE SET
    name = excluded.name, domain_id = excluded.domain_id, description = excluded.description,
    owner_id = excluded.owner_id, steward_id = excluded.steward_id, status = excluded.status,
    source_system = excluded.source_system, formats = excluded.formats,
    access_policy = excluded.access_policy, freshness_sla_hours = excluded.freshness_sla_hours,
    version = excluded.version, updated_at = excluded.updated_at, source_id = excluded.source_id
RETURNING id)SQL"));
            st.bind(1, product.key).bind(2, product.name);
            domainId ? st.bind(3, *domainId) : st.bindNull(3);
            st.bind(4, product.description)
                .bindNullable(5, product.ownerId)
                .bindNullable(6, product.stewardId)
                .bind(7, product.status.isEmpty() ? QStringLiteral("active") : product.status)
                .bind(8, product.sourceSystem)
                .bind(9, product.formats.join(QLatin1Char(',')))
                .bind(10, product.accessPolicy)
                .bind(11, product.freshnessSlaHours)
                .bind(12, product.version)
                .bindNullable(13, isoUtc(product.updatedAt));
            sourceId ? st.bind(14, *sourceId) : st.bindNull(14);
            if (!st.step())
                return d->fail(e, QStringLiteral("Saving product “%1”").arg(product.key),
                               st.lastError());
            id = st.integer(0);
            st.reset();

            // Children are replaced wholesale: the product record is the unit of change.
            for (const char *sql : {"DELETE FROM product_tags WHERE product_id = ?1",
                                    "DELETE FROM product_classifications WHERE product_id = ?1",
                                    "DELETE FROM datasets WHERE product_id = ?1"}) {
                Statement &del = d->db->prepare(QString::fromLatin1(sql));
                if (!del.bind(1, id).exec())
                    return d->fail(e, QStringLiteral("Saving product “%1”").arg(product.key),
                                   del.lastError());
            }
            if (QString detail; !ProductInserter(*d->db).insertChildren(id, product, &detail))
                return d->fail(e, QStringLiteral("Saving product “%1”").arg(product.key), detail);
            return d->reindex(id, e);
        },
        error);
    if (!ok)
        return std::nullopt;
    return id;
}

bool SqliteCatalogStore::addLineageEdge(const LineageEdge &edge, CatalogError *error)
{
    return transaction(
        [&](CatalogError *e) {
            Statement &ins = d->db->prepare(QStringLiteral(R"SQL(
INSERT INTO lineage_edges(from_id, to_id, kind, job_name)
SELECT f.id, t.id, ?3, ?4 FROM products f, products t WHERE f.key = ?1 AND t.key = ?2
ON CONFLICT(from_id, to_id, job_name) DO UPDATE SET kind = excluded.kind)SQL"));
            ins.bind(1, edge.fromKey)
                .bind(2, edge.toKey)
                .bind(3, edge.kind.isEmpty() ? QStringLiteral("transform") : edge.kind)
                .bind(4, edge.jobName);
            if (!ins.exec())
                return d->fail(e, QStringLiteral("Saving a lineage edge"), ins.lastError());
            if (d->db->changes() == 0) {
                const bool hasFrom = productByKey(edge.fromKey).has_value();
                setError(e, CatalogError::Code::Invalid,
                         QStringLiteral("Lineage edge %1 → %2 names an unknown product “%3”; "
                                        "add the product first.")
                             .arg(edge.fromKey, edge.toKey, hasFrom ? edge.toKey : edge.fromKey));
                return false;
            }
            return true;
        },
        error);
}

bool SqliteCatalogStore::removeProduct(const QString &key, CatalogError *error)
{
    if (d->bulk) { // the rows' cascades are off: removing would leave its datasets behind
        setError(error, CatalogError::Code::Invalid,
                 QStringLiteral("“%1” cannot be removed during a bulk load of “%2”.")
                     .arg(key, path()));
        return false;
    }
    return transaction(
        [&](CatalogError *e) {
            Statement &find = d->db->prepare(QStringLiteral("SELECT id FROM products WHERE key = ?1"));
            find.bind(1, key);
            if (!find.step()) {
                setError(e, CatalogError::Code::NotFound,
                         QStringLiteral("No product with key “%1”.").arg(key));
                return false;
            }
            const ProductId id = find.integer(0);
            find.reset();
            Statement &fts = d->db->prepare(QStringLiteral("DELETE FROM product_fts WHERE rowid = ?1"));
            Statement &meta =
                d->db->prepare(QStringLiteral("DELETE FROM product_meta_fts WHERE rowid = ?1"));
            Statement &del = d->db->prepare(QStringLiteral("DELETE FROM products WHERE id = ?1"));
            if (!fts.bind(1, id).exec() || !meta.bind(1, id).exec() || !del.bind(1, id).exec())
                return d->fail(e, QStringLiteral("Removing “%1”").arg(key), del.lastError());
            return true;
        },
        error);
}

CatalogCounts SqliteCatalogStore::counts() const
{
    CatalogCounts c;
    auto count = [&](const char *table) {
        return d->db->scalar(QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table))
            .toLongLong();
    };
    c.domains = count("domains");
    c.products = count("products");
    c.datasets = count("datasets");
    c.columns = count("columns");
    c.lineageEdges = count("lineage_edges");
    c.users = count("users");
    c.sources = count("sources");
    return c;
}

QList<Domain> SqliteCatalogStore::domains() const
{
    QList<Domain> result;
    Statement &st = d->db->prepare(
        QStringLiteral("SELECT id, name, description, color FROM domains ORDER BY name"));
    while (st.step())
        result.append({st.integer(0), st.text(1), st.text(2), st.text(3)});
    return result;
}

static User readUser(const Statement &st)
{
    return User{st.text(0), st.text(1), st.text(2), splitList(st.text(3)), st.text(4)};
}

QList<User> SqliteCatalogStore::users() const
{
    QList<User> result;
    Statement &st = d->db->prepare(QStringLiteral(
        "SELECT id, display_name, email, roles, domain FROM users ORDER BY display_name, id"));
    while (st.step())
        result.append(readUser(st));
    return result;
}

std::optional<User> SqliteCatalogStore::user(const QString &id) const
{
    Statement &st = d->db->prepare(QStringLiteral(
        "SELECT id, display_name, email, roles, domain FROM users WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    const User u = readUser(st);
    st.reset();
    return u;
}

QList<Source> SqliteCatalogStore::sources() const
{
    QList<Source> result;
    Statement &st = d->db->prepare(QStringLiteral(
        "SELECT id, name, kind, url, coalesce(fetched_at, '') FROM sources ORDER BY name"));
    while (st.step())
        result.append({st.integer(0), st.text(1), st.text(2), st.text(3), parseTime(st.text(4))});
    return result;
}

std::optional<Product> SqliteCatalogStore::product(ProductId id) const
{
    Statement &st = d->db->prepare(kProductSelect + QStringLiteral("WHERE p.id = ?1"));
    st.bind(1, id);
    return d->readProduct(st);
}

std::optional<Product> SqliteCatalogStore::productByKey(const QString &key) const
{
    Statement &st = d->db->prepare(kProductSelect + QStringLiteral("WHERE p.key = ?1"));
    st.bind(1, key);
    return d->readProduct(st);
}

static const QString kEdgeSelect = QStringLiteral(
    "SELECT f.key, t.key, e.kind, e.job_name FROM lineage_edges e "
    "JOIN products f ON f.id = e.from_id JOIN products t ON t.id = e.to_id ");

QList<LineageEdge> SqliteCatalogStore::lineageEdges() const
{
    QList<LineageEdge> result;
    Statement &st = d->db->prepare(kEdgeSelect + QStringLiteral("ORDER BY e.id"));
    while (st.step())
        result.append({st.text(0), st.text(1), st.text(2), st.text(3)});
    return result;
}

QList<LineageEdge> SqliteCatalogStore::lineageOf(const QString &productKey) const
{
    QList<LineageEdge> result;
    Statement &st = d->db->prepare(kEdgeSelect +
                                   QStringLiteral("WHERE f.key = ?1 OR t.key = ?1 ORDER BY e.id"));
    st.bind(1, productKey);
    while (st.step())
        result.append({st.text(0), st.text(1), st.text(2), st.text(3)});
    return result;
}

} // namespace Mesh
