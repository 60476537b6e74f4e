// SPDX-License-Identifier: MIT
// The editing tests' catalog: a fresh copy of the Messy Inc. demo in a temporary folder, so that
// owners, stewards and Ashi's unowned tables are the real ones.
#pragma once

#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"

#include <QTemporaryDir>

#include <memory>

namespace MeshTest {

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
