// SPDX-License-Identifier: MIT
#pragma once

#include "contract/odcscontract.h"
#include "team/teamclient.h"

namespace Mesh {

class PgConnection;
class SqliteCatalogStore;

/** What importing a data contract onto the team server came to. */
struct TeamContractImport
{
    TeamWriteOutcome outcome;
    QString productKey;
    QList<OdcsIssue> errors; // the document's problems when it was refused as invalid
    QStringList warnings;
    bool sent = false; // the write reached the server (or its outbox): not refused on the cache
};

/**
 * ODCS v3 data contracts on the team catalog (server migration 8). A contract is imported for a
 * product the team catalog already has: the document is parsed and mapped here (model/contract),
 * AccessPolicy::decide on the cache answers first (EditMetadata, for its reason), and one team
 * write (TeamWrite::Kind::ImportContract) stores the document on the server and saves the
 * metadata it changes as a new version, the server's row-level security deciding the same rule
 * (mesh_may_edit). Offline the write is queued like any other. Export and check read the
 * contract the sync brought into the cache (ContractService). Stateless; caller's thread.
 */
class TeamContracts
{
public:
    /**
     * Refused as Invalid, before anything is sent, when the document is not a valid contract,
     * names a product the cache does not have (the team catalog's products come from its seed
     * and sources, not from contracts), moves it to another domain, or describes datasets or
     * columns the team catalog's product lacks. conn may be null (queued).
     */
    static TeamContractImport importContract(PgConnection *conn, SqliteCatalogStore &store,
                                             const QString &actor, const QByteArray &yaml);
    /**
     * The app's import on a team cache: connects as route.user, pulls the server's changes into
     * store first (so the checks see the product as the server has it), imports, and pulls the
     * result back; queued when the server is unreachable.
     */
    static TeamContractImport importAndSync(const TeamRoute &route, SqliteCatalogStore &store,
                                            const QByteArray &yaml);
};

} // namespace Mesh
