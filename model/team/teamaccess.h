// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "team/teamclient.h"

#include <QDateTime>

namespace Mesh {

class SqliteCatalogStore;

/** Who decided a preview or export, and what: the team server, or the cache when it is away. */
struct TeamUseDecision
{
    enum class Where
    {
        Local,       // not a team cache: AccessPolicy::decide on the catalog, as always
        Server,      // the team server's mesh_preview_decision, as the connected person
        OfflineCache // a team cache whose server could not be asked: AccessPolicy::decide on it
    };
    Where where = Where::Local;
    AccessDecision preview;
    AccessDecision exporting;
    QString userId;
    /** For people: who decided ("Decided by the team server … as …") or, offline, that the
     *  answer comes from the cache and of when ("decided offline from the cache of …"). */
    QString note;
    /** Offline: why the server could not be asked (the connection's error), for a tooltip. */
    QString problem;
};

/**
 * Preview and export decisions on a team cache. The server is the source of truth for grants
 * (one revoked there may not have reached the cache yet), so when the open catalog is a team
 * cache and its server answers, the decision is the server's mesh_preview_decision, asked as the
 * connected person; when it does not, AccessPolicy::decide on the cache decides and the answer
 * says so. The reason texts are AccessPolicy's when both agree. Stateless; runs on the caller's
 * thread (a worker: it may connect to the server).
 */
class TeamAccess
{
public:
    /**
     * The decision for previewing and exporting resource. route unset or store not a team cache:
     * AccessPolicy::decide for userId (Where::Local). Otherwise as route.user.
     */
    static TeamUseDecision decideUse(const TeamRoute &route, SqliteCatalogStore &store,
                                     const QString &userId, const AccessResource &resource);
    /**
     * Puts the audit entry of a preview (Preview) or an export (Export) into the team server's
     * audit log as route.user, or queues it in store's outbox when the server is unreachable.
     */
    static TeamWriteOutcome recordUse(const TeamRoute &route, SqliteCatalogStore &store,
                                      AccessAction action, const AccessResource &resource,
                                      const AccessDecision &decision);
    /** The audit action of a use, as AccessService::recordUse names it. */
    static QString useAction(AccessAction action, const AccessDecision &decision);
    /** When the cache last synced with a team server (invalid: never). */
    static QDateTime lastSynced(SqliteCatalogStore &store);
};

} // namespace Mesh
