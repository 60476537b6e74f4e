// SPDX-License-Identifier: MIT
#pragma once

#include "editing/editingservice.h"

#include <QJsonObject>

#include <optional>

namespace Mesh {

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
    /** The team write's fields (TeamWrite::fields) that turn before into after; changes the team
     *  server cannot hold yet (dataset and column metadata) are named in *unsupported. */
    static QJsonObject changedFields(const Product &before, const Product &after,
                                     QStringList *unsupported);
};

} // namespace Mesh
