// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"
#include "team/teamclient.h"

namespace Mesh {

class SqliteCatalogStore;

/** What a claim sent from the app came to: the outcome, and whether it was queued offline. */
struct TeamClaimOutcome
{
    AccessOutcome outcome;
    bool queued = false;
    bool refusedByServer = false;
};

/**
 * Ownership claims on a team cache, for the Unclaimed Data view: filed, decided and withdrawn
 * on the team server as the connected person (row-level security decides: mesh_may_claim,
 * mesh_may_approve_claim), queued in the cache's outbox while the server is unreachable, and
 * pulled back into the cache after the write so the view shows the server's state (claims keep
 * the server's ids). Stateless; runs on the caller's thread (a worker: it connects).
 */
class TeamClaims
{
public:
    static TeamClaimOutcome claim(const TeamRoute &route, SqliteCatalogStore &store,
                                  const QString &productKey, const QString &reason);
    static TeamClaimOutcome approve(const TeamRoute &route, SqliteCatalogStore &store,
                                    qint64 claimId);
    static TeamClaimOutcome deny(const TeamRoute &route, SqliteCatalogStore &store, qint64 claimId,
                                 const QString &reason);
    static TeamClaimOutcome withdraw(const TeamRoute &route, SqliteCatalogStore &store,
                                     qint64 claimId);
    /** Claims of store's user waiting in the outbox (filed offline, not sent yet). */
    static QList<TeamWrite> queuedClaims(SqliteCatalogStore &store);
};

} // namespace Mesh
