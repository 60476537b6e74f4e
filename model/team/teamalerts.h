// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"
#include "team/teamclient.h"

namespace Mesh {

class SqliteCatalogStore;

/** What reporting a scan's alerts to the team server did. */
struct TeamAlertReport
{
    int reported = 0; // new on the server
    int known = 0;    // the server already had them live (another desktop reported them)
    // Of those, ones this catalog acknowledged before it became a team cache: acknowledged on
    // the server too, or left open there (the connected person may not manage them).
    int acknowledged = 0;
    int leftOpen = 0;
    int queued = 0; // the server was unreachable: in the outbox
    int refused = 0;
    int failed = 0;
    bool synced = false; // the cache was synced afterwards (the alerts carry the server's ids)
    QString message;     // one line for people
};

/**
 * Quality alerts a desktop's scan raised on a team cache go to the team server. A scan on a team
 * cache numbers its new alerts from QualityService::kTeamLocalIdBase (and the first sync moves
 * the alerts a catalog had before it became a team cache there); reportNew() reports each
 * live one as the connected person (TeamWrite::Kind::ReportAlert: the server keeps one live
 * alert per product and fingerprint, so the same finding from two desktops is one alert), queues
 * them while the server is unreachable (once per finding), and syncs: the sync gives the cache's
 * alert the server's id, so it is listed once and other desktops get it too. Stateless; runs on
 * the caller's thread (a worker: it connects).
 */
class TeamAlerts
{
public:
    static TeamAlertReport reportNew(const TeamRoute &route, SqliteCatalogStore &store);
    /**
     * Acknowledges (or resolves) alertId on the team server as route.user — the product's owner,
     * stewards, administrators and the council may — and pulls the result into the cache; queued
     * while the server is unreachable. An alert this desktop raised that has not reached the
     * server yet is refused with that reason.
     */
    static AccessOutcome transition(const TeamRoute &route, SqliteCatalogStore &store,
                                    qint64 alertId, bool resolve, const QString &note = {});
};

} // namespace Mesh
