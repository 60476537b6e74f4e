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
constexpr const char *kMigration3 = R"SQL(
CREATE TABLE access_requests(
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL,
    requester_id TEXT NOT NULL,
    columns TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    approvals_needed INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK(status IN ('pending', 'approved', 'denied', 'withdrawn')),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    reason TEXT NOT NULL DEFAULT '');
CREATE INDEX access_requests_product ON access_requests(product_key);
CREATE INDEX access_requests_status ON access_requests(status);
CREATE TABLE access_approvals(
    request_id INTEGER NOT NULL REFERENCES access_requests(id),
    approver_id TEXT NOT NULL,
    capacity TEXT NOT NULL,
    columns TEXT NOT NULL DEFAULT '',
    ends_at TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    UNIQUE(request_id, approver_id),
    UNIQUE(request_id, capacity));
CREATE TABLE access_grants(
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES access_requests(id),
    product_key TEXT NOT NULL,
    user_id TEXT NOT NULL,
    columns TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    revoke_reason TEXT NOT NULL DEFAULT '',
    expiry_logged_at TEXT);
CREATE INDEX access_grants_user ON access_grants(user_id, product_key);
CREATE INDEX access_grants_product ON access_grants(product_key);
CREATE TABLE access_seen(user_id TEXT PRIMARY KEY, seen_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE audit_log(
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    product_key TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE INDEX audit_log_product ON audit_log(product_key);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER access_requests_no_delete BEFORE DELETE ON access_requests
BEGIN SELECT RAISE(ABORT, 'access history is never deleted'); END;
CREATE TRIGGER access_requests_final BEFORE UPDATE ON access_requests
WHEN OLD.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided access request is final'); END;
CREATE TRIGGER access_approvals_no_change BEFORE UPDATE ON access_approvals
BEGIN SELECT RAISE(ABORT, 'approvals are never changed'); END;
CREATE TRIGGER access_approvals_no_delete BEFORE DELETE ON access_approvals
BEGIN SELECT RAISE(ABORT, 'access history is never deleted'); END;
CREATE TRIGGER access_grants_no_delete BEFORE DELETE ON access_grants
BEGIN SELECT RAISE(ABORT, 'access history is never deleted'); END;
CREATE TRIGGER access_grants_terms_fixed
BEFORE UPDATE OF request_id, product_key, user_id, columns, starts_at, ends_at, granted_at,
                 granted_by ON access_grants
BEGIN SELECT RAISE(ABORT, 'the terms of a grant are never changed'); END;
CREATE TRIGGER access_grants_revoke_once BEFORE UPDATE OF revoked_at ON access_grants
WHEN OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a revoked grant stays revoked'); END;
)SQL";
constexpr const char *kMigration4 = R"SQL(
CREATE TABLE ol_datasets(
    id INTEGER PRIMARY KEY,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
    facets TEXT NOT NULL DEFAULT '{}',
    schema_time TEXT NOT NULL DEFAULT '',
    UNIQUE(namespace, name));
CREATE INDEX ol_datasets_product ON ol_datasets(product_id);
CREATE TABLE ol_fields(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES ol_datasets(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    UNIQUE(dataset_id, name));
CREATE TABLE dataset_lineage(
    id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES ol_datasets(id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES ol_datasets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'transform',
    job_namespace TEXT NOT NULL DEFAULT '',
    job_name TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    run_id TEXT NOT NULL DEFAULT '',
    event_time TEXT NOT NULL DEFAULT '',
    UNIQUE(from_id, to_id, job_namespace, job_name));
CREATE INDEX dataset_lineage_to ON dataset_lineage(to_id);
CREATE TABLE column_lineage(
    id INTEGER PRIMARY KEY,
    from_field_id INTEGER NOT NULL REFERENCES ol_fields(id) ON DELETE CASCADE,
    to_field_id INTEGER NOT NULL REFERENCES ol_fields(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'transform',
    job_namespace TEXT NOT NULL DEFAULT '',
    job_name TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    event_time TEXT NOT NULL DEFAULT '',
    UNIQUE(from_field_id, to_field_id, job_namespace, job_name));
CREATE INDEX column_lineage_to ON column_lineage(to_field_id);
CREATE TABLE ol_runs(
    run_id TEXT PRIMARY KEY,
    job_namespace TEXT NOT NULL,
    job_name TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '',
    event_time TEXT NOT NULL DEFAULT '',
    producer TEXT NOT NULL DEFAULT '',
    facets TEXT NOT NULL DEFAULT '{}') WITHOUT ROWID;
)SQL";

// Migration 5: metadata editing and dark data (issue #9, editing half; model/editing).
// product_versions: every saved edit of a product's metadata as a JSON snapshot (columns
// included), numbered per product; the highest number is the version an editor's save must
// start from (optimistic concurrency). product_previews: when a product's sample was last
// previewed, for "never previewed" dark data. ownership_claims: "claim ownership" requests
// that a steward approves. Nothing here is ever updated in place except a pending claim's
// decision, and nothing is deleted.
constexpr const char *kMigration5 = R"SQL(
CREATE TABLE product_versions(
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL,
    UNIQUE(product_key, version));
CREATE TRIGGER product_versions_no_update BEFORE UPDATE ON product_versions
BEGIN SELECT RAISE(ABORT, 'saved versions are never changed'); END;
CREATE TRIGGER product_versions_no_delete BEFORE DELETE ON product_versions
BEGIN SELECT RAISE(ABORT, 'saved versions are never deleted'); END;
CREATE TABLE product_previews(
    product_key TEXT PRIMARY KEY,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    last_by TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE ownership_claims(
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL,
    claimant_id TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK(status IN ('pending', 'approved', 'denied', 'withdrawn')),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX ownership_claims_product ON ownership_claims(product_key);
CREATE UNIQUE INDEX ownership_claims_one_pending ON ownership_claims(product_key, claimant_id)
    WHERE status = 'pending';
CREATE TRIGGER ownership_claims_no_delete BEFORE DELETE ON ownership_claims
BEGIN SELECT RAISE(ABORT, 'ownership claims are never deleted'); END;
CREATE TRIGGER ownership_claims_final BEFORE UPDATE ON ownership_claims
WHEN OLD.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided ownership claim is final'); END;
)SQL";

// Migration 6: governance policies (global and per domain), quality alerts with their
// acknowledge/resolve state, schema snapshots for drift, and imported ODCS data contracts
// (model/governance, model/quality, model/contract). The global default policies are the
// governance council's starting point; domains add or tighten their own.
constexpr const char *kMigration6 = R"SQL(
CREATE TABLE governance_policies(
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    parameter TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE(scope, kind));
INSERT INTO governance_policies(scope, kind, parameter, enabled, updated_at, updated_by) VALUES
    ('', 'required-owner', '', 1, '2026-01-01T00:00:00Z', 'governance-council'),
    ('', 'description-min-length', '50', 1, '2026-01-01T00:00:00Z', 'governance-council'),
    ('', 'kpi-freshness-sla', '48', 1, '2026-01-01T00:00:00Z', 'governance-council'),
    ('', 'naming-convention', '^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$', 1, '2026-01-01T00:00:00Z',
     'governance-council'),
    ('', 'pii-access-policy', '', 1, '2026-01-01T00:00:00Z', 'governance-council');
CREATE TABLE quality_alerts(
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK(kind IN ('missing', 'duplicate', 'drift', 'null-spike')),
    fingerprint TEXT NOT NULL,
    severity TEXT NOT NULL DEFAULT 'warning',
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open', 'acknowledged', 'resolved')),
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT,
    resolved_by TEXT,
    resolved_at TEXT,
    note TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX quality_alerts_live ON quality_alerts(product_key, fingerprint)
    WHERE state <> 'resolved';
CREATE INDEX quality_alerts_product ON quality_alerts(product_key);
CREATE TRIGGER quality_alerts_no_delete BEFORE DELETE ON quality_alerts
BEGIN SELECT RAISE(ABORT, 'alert history is never deleted'); END;
CREATE TRIGGER quality_alerts_resolved_final BEFORE UPDATE ON quality_alerts
WHEN OLD.state = 'resolved'
BEGIN SELECT RAISE(ABORT, 'a resolved alert is final'); END;
CREATE TABLE schema_snapshots(
    id INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL,
    dataset TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    columns TEXT NOT NULL);
CREATE INDEX schema_snapshots_product ON schema_snapshots(product_key, dataset, id);
CREATE TABLE product_contracts(
    product_key TEXT PRIMARY KEY,
    yaml TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL) WITHOUT ROWID;
)SQL";

// Migration 7: KPI definitions (model/kpi, the KPI dashboard). A KPI is data: SQL over named input
// products, its unit, target and thresholds, edited by the KPI product's owner. Rollups and the
// loaded input tables live in the analytics database beside the catalog, not here.
constexpr const char *kMigration7 = R"SQL(
CREATE TABLE kpi_definitions(
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner_id TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    inputs TEXT NOT NULL DEFAULT '',
    sql TEXT NOT NULL,
    breakdown_sql TEXT NOT NULL DEFAULT '',
    breakdown_label TEXT NOT NULL DEFAULT '',
    rows_sql TEXT NOT NULL DEFAULT '',
    secondary_label TEXT NOT NULL DEFAULT '',
    secondary_unit TEXT NOT NULL DEFAULT '',
    target REAL,
    green REAL,
    amber REAL,
    higher_is_better INTEGER NOT NULL DEFAULT 1,
    additive INTEGER NOT NULL DEFAULT 0,
    grain TEXT NOT NULL DEFAULT 'month' CHECK(grain IN ('month', 'quarter', 'year')),
    position INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
)SQL";

// Migration 8: federated sources (model/federation, issue #8). A source row gains its connection
// settings (never a secret: only the name of an environment variable may be kept), its schedule
// and sync state; products carry the time their record was fetched; source_http_cache keeps the
// validators (ETag, Last-Modified) and, for paged APIs, the body of each URL of the last good
// snapshot (base64 of the zlib-compressed body), written in the same transaction as that snapshot.
constexpr const char *kMigration8 = R"SQL(
ALTER TABLE sources ADD COLUMN auth TEXT NOT NULL DEFAULT 'none';
ALTER TABLE sources ADD COLUMN username TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN token_env TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN ca_bundle TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN schedule_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sources ADD COLUMN checked_at TEXT;
ALTER TABLE sources ADD COLUMN last_attempt_at TEXT;
ALTER TABLE sources ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN fetched_at TEXT;
CREATE INDEX products_source ON products(source_id);
CREATE TABLE source_http_cache(
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    body BLOB,
    PRIMARY KEY(source_id, url)) WITHOUT ROWID;
)SQL";

// Migration 9: team catalog on PostgreSQL (issue #12, model/team). team_sync: per team server
// (by its server_info id), the last change number this cache has applied. team_outbox: writes
// made while the server was unreachable, replayed in order when it is back; a replay that meets
// a conflict or a refusal keeps the row (state and message) so that nothing is lost silently.
constexpr const char *kMigration9 = R"SQL(
CREATE TABLE team_sync(
    server_id TEXT PRIMARY KEY,
    url TEXT NOT NULL DEFAULT '',
    last_change INTEGER NOT NULL DEFAULT 0,
    synced_at TEXT) WITHOUT ROWID;
CREATE TABLE team_outbox(
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    acting_user TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK(state IN ('queued', 'done', 'conflict', 'refused', 'failed')),
    message TEXT NOT NULL DEFAULT '',
    attempted_at TEXT);
CREATE INDEX team_outbox_state ON team_outbox(state, id);
)SQL";

// Migration 10: team catalog (issue #12, model/team). team_row_versions: each product's
// row_version on the team server as last synced, the version a team edit starts from (the
// server's optimistic check), kept apart from product_versions, which a raw server UPDATE
// need not have written.
constexpr const char *kMigration10 = R"SQL(
CREATE TABLE team_row_versions(
    product_key TEXT PRIMARY KEY,
    row_version INTEGER NOT NULL) WITHOUT ROWID;
)SQL";

// Migration 11: KPI stages (model/kpi, issue #7's speed target). A KPI definition may carry a
// per-day stage (stage_sql: decomposable partial aggregates over the inputs, kept as a table in
// the analytics database) and the period query over it (period_sql); empty = the raw sql path.
constexpr const char *kMigration11 = R"SQL(
ALTER TABLE kpi_definitions ADD COLUMN stage_sql TEXT NOT NULL DEFAULT '';
ALTER TABLE kpi_definitions ADD COLUMN period_sql TEXT NOT NULL DEFAULT '';
)SQL";

// Migration 12: faster bulk loading (federated and team sync). FTS5 keeps up to 32 MB of new
// index entries in memory before it writes them out as a segment (instead of 1 MB): a bulk
// load makes a few large segments rather than many small ones that it must then merge again
// and again (~30 % less time for 40,000 documents). Only how the index is written changes, so
// every search finds exactly what it found before. (Dropping the 5-8 letter prefix indexes
// was faster still, but made the search benchmark's tail slower, so they stay.)
constexpr const char *kMigration12 = R"SQL(
INSERT INTO product_fts(product_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO product_meta_fts(product_meta_fts, rank) VALUES ('hashsize', 33554432);
)SQL";

constexpr const char *kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4,
                                       kMigration5, kMigration6, kMigration7, kMigration8,
                                       kMigration9, kMigration10, kMigration11, kMigration12};
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
