// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace Mesh {

class PgConnection;
class SqliteCatalogStore;

/** What one sync did. */
struct TeamSyncResult
{
    QString serverId;
    bool full = false;     // first sync with this server: every row was fetched
    qint64 fromChange = 0; // the cache's change number before
    qint64 toChange = 0;   // and after
    qint64 changes = 0;    // change-log entries covered (full sync: 0)
    int products = 0;      // products written to the cache
    int removed = 0;       // products removed from the cache
    int users = 0;
    int domains = 0;
    int lineageEdges = 0;
    int accessRequests = 0; // access requests and grants the connected role may read
    int accessGrants = 0;
    int approvals = 0; // access approvals, metadata versions, governance policies and quality
    int versions = 0;  // alerts (with their acknowledgements) written to the cache
    int policies = 0;
    int alerts = 0;
    int claims = 0; // ownership claims the connected role may read (server migration 4)
    int contracts = 0; // data contracts imported (server migration 8)
    int movedAlerts = 0; // first sync: the catalog's own alerts moved to the team-local ids
};

/**
 * Pulls the team server's catalog into the local SQLite cache. The first sync with a server
 * copies everything as of one snapshot; later syncs read change_log after the cache's last change
 * number and fetch only the rows named there. Everything fetched is applied in one SQLite
 * transaction (search index and facets included) together with the new change number, so the
 * cache is always a state the server was in, and an interrupted sync changes nothing.
 * Access requests, approvals and grants come along as row-level security shows them to the
 * connected role (a requester's own, an owner's products'), with the server's ids, so an approval
 * made on another desktop reaches the requester's Access views; so do metadata versions (with
 * each product's server row_version, the base of the next team edit), governance policies and
 * quality alerts with their acknowledgements, by change number like the products. The first sync
 * of a catalog that has alerts of its own moves them to the team-local ids
 * (QualityService::kTeamLocalIdBase up), so they are reported like a scan's on a team cache.
 * Runs on the caller's thread with the connection and store it is given.
 */
class TeamSync
{
public:
    static std::optional<TeamSyncResult> sync(PgConnection &conn, SqliteCatalogStore &store,
                                              const QString &url, QString *error);
    /** The last change number of serverId applied to the cache (0: never synced). */
    static qint64 lastChange(SqliteCatalogStore &store, const QString &serverId);
    /** The product's row_version on the server as last synced: what a team edit starts from
     *  (0: not synced from a team server). */
    static int rowVersion(SqliteCatalogStore &store, const QString &productKey);
};

} // namespace Mesh
