// SPDX-License-Identifier: MIT
// The editing tests' catalog: a fresh copy of the Messy Inc. demo in a temporary folder, so that
// owners, stewards and Ashi's unowned tables are the real ones.
#pragma once

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"
#include "editing/metadatasnapshot.h"

#include <QTemporaryDir>

#include <memory>

namespace MeshTest {

/** A product's editable metadata, for comparing products across saves (ids change). */
inline QJsonObject metadataOf(const Mesh::Product &product)
{
    return Mesh::MetadataSnapshot::fromProduct(product);
}

struct DemoCatalog
{
    QTemporaryDir dir;
    std::unique_ptr<Mesh::SqliteCatalogStore> store;

    QString path() const { return dir.filePath(QStringLiteral("messy.mesh")); }

    bool init()
    {
        Mesh::CatalogError error;
        store = Mesh::DemoLoader::createDemoCatalog(path(), &error);
        if (!store)
            qWarning("demo catalog: %s", qUtf8Printable(error.message));
        return store != nullptr;
    }

    /** A second, independent connection to the same file (another window or process). */
    std::unique_ptr<Mesh::SqliteCatalogStore> openAnother() const
    {
        Mesh::CatalogError error;
        return Mesh::SqliteCatalogStore::open(path(), Mesh::SqliteCatalogStore::OpenMode::ReadWrite,
                                              &error);
    }
};

} // namespace MeshTest
