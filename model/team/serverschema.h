// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Mesh {

class PgConnection;

/**
 * The team server's schema as ordered forward migrations, the same discipline as the SQLite
 * catalog's (catalog/schema.h): version N is the state after migration N, recorded in the one-row
 * table server_schema_version; a change is a new migration, never an edit of an old one.
 *
 * Migration 1: the catalog entities, the change log (one change number per row written, assigned
 * under the server's write lock so numbers commit in order) and the server's identity.
 * Migration 2: access requests, approvals, grants, metadata versions, governance policies,
 * quality alerts and the hash-chained audit log, with row-level security for the role mesh_user
 * that every person's database role is granted.
 * Migration 3: a NOTIFY on channel mesh_changes for every change-log entry (LISTEN/NOTIFY).
 * Migration 4: preview/export decisions (mesh_preview_decision) and ownership claims on the
 * server; grants created and revoked by triggers, readable by the grantee and the owner only.
 * Migration 5: narrowed approvals (an approval may keep fewer columns or end earlier; the grant
 * gets the narrowest terms).
 * Migration 6: quality alerts reported by any person's desktop scan, one live alert per
 * (product, fingerprint).
 * Migration 7: an audit entry a desktop records for a preview or export keeps the write's token
 * (audit_log.client_token), so a replayed use is audited once.
 */
namespace ServerSchema {

constexpr int kLatestVersion = 8;
/** The group role every person's login role is a member of. */
constexpr char kUserRole[] = "mesh_user";

/** 0 for an empty database; -1 and *error when it cannot be read. */
int currentVersion(PgConnection &conn, QString *error);
/**
 * Applies migrations (current, target] in one transaction, holding a lock on the version table so
 * two migrators never interleave. Refuses a database newer than this build. On failure nothing
 * changes.
 */
bool migrate(PgConnection &conn, int targetVersion, QString *error);

} // namespace ServerSchema
} // namespace Mesh
