// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "federation/sourceadapter.h"

#include <QByteArray>
#include <QString>

namespace Mesh {

class SqliteCatalogStore;

/**
 * Mesh Explorer JSON (docs/mesh-json.md): this project's versioned export of a catalog —
 * domains, users, products with datasets and columns, lineage. Stateless functions.
 */
namespace MeshJson {

constexpr int kVersion = 1;
inline constexpr char kFormat[] = "mesh-explorer-catalog";

/** The whole catalog as a mesh.json document. */
QByteArray exportCatalog(SqliteCatalogStore &store);
/** Writes exportCatalog() to path via a temporary file renamed into place. */
bool writeFile(SqliteCatalogStore &store, const QString &path, QString *error);
/**
 * Reads a document into a snapshot. where names the document in messages. Fails (returns false,
 * *error set) on a wrong format, a newer version, or a product without key or name.
 */
bool parse(const QByteArray &json, const QString &where, SourceSnapshot *out, QString *error);

} // namespace MeshJson
} // namespace Mesh
