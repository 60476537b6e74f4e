// SPDX-License-Identifier: MIT
#include "catalog/schema.h"

#include "db/sqlite.h"

namespace Mesh::Schema {

namespace {

// Migration 1: the entities. Lineage edges reference products by id and die with them.
// product_classifications is derived from columns (kept by the store) so that the
// classification facet never scans millions of column rows.
constexpr const char *kMigration1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    fetched_at TEXT);
CREATE TABLE domains(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '');
CREATE TABLE users(
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '',
    domain TEXT NOT NULL DEFAULT '');
CREATE TABLE products(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    domain_id INTEGER REFERENCES domains(id),
    description TEXT NOT NULL DEFAULT '',
    owner_id TEXT,
    steward_id TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    source_system TEXT NOT NULL DEFAULT '',
    formats TEXT NOT NULL DEFAULT '',
    access_policy TEXT NOT NULL DEFAULT '',
    freshness_sla_hours INTEGER NOT NULL DEFAULT 0,
    version TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    source_id INTEGER REFERENCES sources(id));
CREATE INDEX products_domain ON products(domain_id);
CREATE INDEX products_owner ON products(owner_id);
CREATE INDEX products_name ON products(name COLLATE NOCASE);
CREATE TABLE product_tags(
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE(product_id, tag));
CREATE INDEX product_tags_tag ON product_tags(tag);
CREATE TABLE product_classifications(
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    classification TEXT NOT NULL,
    PRIMARY KEY(product_id, classification)) WITHOUT ROWID;
CREATE INDEX product_classifications_value ON product_classifications(classification);
CREATE TABLE datasets(
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    endpoint TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '');
CREATE INDEX datasets_product ON datasets(product_id);
CREATE TABLE columns(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '');
CREATE INDEX columns_dataset ON columns(dataset_id);
CREATE TABLE lineage_edges(
    id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'transform',
    job_name TEXT NOT NULL DEFAULT '',
    UNIQUE(from_id, to_id, job_name));
CREATE INDEX lineage_edges_to ON lineage_edges(to_id);
)SQL";

// Migration 2: the full-text search index, built from whatever the catalog already holds.
// product_fts holds every searchable field of a product (rowid = products.id);
// product_meta_fts holds only the short metadata fields, so that ranking the best candidates of
// a broad query never reads the long description and column doclists (see sqlitesearch.cpp).
// The store rewrites a product's rows in the same transaction as every write to that product,
// with the same SELECT as here (SqliteCatalogStore's reindex).
constexpr const char *kMigration2 = R"SQL(
CREATE VIRTUAL TABLE product_fts USING fts5(
    name, tags, description, columns, owner, domain, source,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8');
CREATE VIRTUAL TABLE product_meta_fts USING fts5(
    name, tags, owner, domain, source,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8');
CREATE TEMP VIEW product_search_documents AS
SELECT p.id AS id, p.name AS name,
       coalesce((SELECT group_concat(tag, ' ') FROM product_tags WHERE product_id = p.id), '')
           AS tags,
       p.description AS description,
       coalesce((SELECT group_concat(ds.name || ' ' || coalesce(
                    (SELECT group_concat(c.name || ' ' || c.description, ' ')
                       FROM columns c WHERE c.dataset_id = ds.id), ''), ' ')
                   FROM datasets ds WHERE ds.product_id = p.id), '') AS columns,
       coalesce(p.owner_id, '') || ' ' || coalesce(u.display_name, '') AS owner,
       coalesce(d.name, '') AS domain,
       p.source_system || ' ' || p.formats AS source
  FROM products p
  LEFT JOIN users u ON u.id = p.owner_id
  LEFT JOIN domains d ON d.id = p.domain_id;
INSERT INTO product_fts(rowid, name, tags, description, columns, owner, domain, source)
SELECT id, name, tags, description, columns, owner, domain, source FROM product_search_documents;
INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source)
SELECT id, name, tags, owner, domain, source FROM product_search_documents;
DROP VIEW temp.product_search_documents;
)SQL";

// Migration 3: reserved for access requests, grants and the hash-chained audit log
// (model/access). Migration 4: reserved for dataset- and column-level lineage (model/lineage).
// Both are filled in by the features that own them before any catalog with them is released.
constexpr const char *kMigration3 = "SELECT 1;";
constexpr const char *kMigration4 = "SELECT 1;";

constexpr const char *kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4};
static_assert(std::size(kMigrations) == kLatestVersion, "kLatestVersion counts the migrations");

} // namespace

int currentVersion(Database &db)
{
    return db.scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

bool migrate(Database &db, int targetVersion, QString *error)
{
    const int from = currentVersion(db);
    if (from >= targetVersion)
        return true;
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = db.lastError();
        return false;
    }
    if (targetVersion > kLatestVersion) {
        if (error)
            *error = QStringLiteral("schema %1 is unknown to this build").arg(targetVersion);
        return false;
    }
    for (int v = from + 1; v <= targetVersion; ++v) {
        QString stepError;
        if (!db.exec(QString::fromUtf8(kMigrations[v - 1]), &stepError)) {
            if (error)
                *error = QStringLiteral("migration to schema %1 failed: %2").arg(v).arg(stepError);
            return false;
        }
    }
    if (!db.exec(QStringLiteral("PRAGMA user_version = %1").arg(targetVersion), error))
        return false;
    return tx.commit(error);
}

} // namespace Mesh::Schema
