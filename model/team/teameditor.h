// SPDX-License-Identifier: MIT
#pragma once

#include "editing/editingservice.h"

#include <QJsonObject>

#include <optional>

namespace Mesh {

class PgConnection;
class SqliteCatalogStore;
struct TeamRoute;

/**
 * Saves a product draft edited in the app to the team server, with the same outcomes as
 * EditingService::save on a local catalog: AccessPolicy::decide on the cache answers first (for
 * its reason), then the draft's base version is checked against the cache and the cache's
 * server row_version against the server (TeamClient, row-level security decides), and after the
 * save the server's changes are pulled into the cache. When the server is down the edit is
 * queued (EditOutcome::queued). Stateless; runs on the caller's thread (a worker).
 */
class TeamEditor
{
public:
    static EditOutcome save(const TeamRoute &route, SqliteCatalogStore &store,
                            const Product &edited, int baseVersion, bool overwrite,
                            std::optional<VersionedProduct> *saved);
    /**
     * The same save over an open connection (meshctl: the URL's login role acts as actor, whose
     * database role the write takes with SET ROLE); conn may be null (offline: queued). summary
     * names the version (empty: what changed). Unlike save(), the cache is not synced after.
     */
    static EditOutcome save(PgConnection *conn, const QString &actor, SqliteCatalogStore &store,
                            const Product &edited, int baseVersion, bool overwrite,
                            const QString &summary = {});
    /** Reverts to version number on the team server (a new version, as EditingService::revert
     *  does on a local catalog): EditingService::atVersion() saved with save(route, …). */
    static EditOutcome revert(const TeamRoute &route, SqliteCatalogStore &store,
                              const QString &productKey, int number, int baseVersion,
                              bool overwrite, std::optional<VersionedProduct> *saved);
    /** The same revert over an open connection as actor (meshctl; see save(conn, …)). */
    static EditOutcome revert(PgConnection *conn, const QString &actor, SqliteCatalogStore &store,
                              const QString &productKey, int number, int baseVersion,
                              bool overwrite);
    /** The team write's fields (TeamWrite::fields) that turn before into after, dataset and
     *  column metadata as a DatasetPatch under "datasets"; datasets or columns of after that
     *  before lacks are named in *unmatched. */
    static QJsonObject changedFields(const Product &before, const Product &after,
                                     QStringList *unmatched);
    /** The reverse: sets product's fields from a team write's fields (what a queued edit
     *  wanted, shown beside the server's version after a conflict). False with *error when the
     *  dataset and column changes name something product lacks. */
    static bool applyFields(Product &product, const QJsonObject &fields, QString *error);

private:
    static EditOutcome saveAs(const TeamRoute &route, SqliteCatalogStore &store,
                              const Product &edited, int baseVersion, bool overwrite,
                              const QString &summary, std::optional<VersionedProduct> *saved);
};

} // namespace Mesh
