// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/sqlitecatalogstore.h"

#include <QJsonObject>

namespace Mesh {

/**
 * Builds the embedded Messy Inc. demo catalog from the descriptor and sample files compiled into
 * the binary (resources/demo). Stateless; safe from any thread.
 */
struct DemoLoader
{
    /** Resource path of the descriptor (":/demo/messy-inc.json"). */
    static QString descriptorPath();
    /** Where the GUI keeps its demo catalog: the XDG data directory + "/messy-inc.mesh". */
    static QString defaultDemoPath();
    /** Folder beside a catalog file where its sample files are extracted. */
    static QString samplesDirFor(const QString &catalogPath);

    /**
     * Creates the demo catalog at path: written to a temporary file first and renamed into place
     * when complete, so a crash never leaves a half-built catalog. Refuses an existing file.
     */
    static std::unique_ptr<SqliteCatalogStore> createDemoCatalog(const QString &path,
                                                                 CatalogError *error);

    /** Loads a descriptor into store in one transaction; sample paths resolve under samplesDir. */
    static bool load(SqliteCatalogStore &store, const QJsonObject &descriptor,
                     const QString &samplesDir, CatalogError *error);
};

} // namespace Mesh
