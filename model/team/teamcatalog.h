// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QString>

#include <optional>

namespace Mesh {

class PgConnection;
class PgResult;
class SqliteCatalogStore;

/**
 * Catalog entities on the team server: how a product, user, domain or lineage edge is written to
 * and read from its table (a product's datasets and columns travel as one jsonb document, so a
 * product is one row and one change). Stateless; callers hold the transaction.
 */
namespace TeamCatalog {

/** SELECT list of a product row, in the order productAt() reads it. */
QString productColumns();
Product productAt(const PgResult &result, int row);
QString datasetsToJson(const QList<Dataset> &datasets);
QList<Dataset> datasetsFromJson(const QByteArray &json);

bool upsertDomain(PgConnection &conn, const Domain &domain, QString *error);
bool upsertUser(PgConnection &conn, const User &user, QString *error);
bool upsertProduct(PgConnection &conn, const Product &product, QString *error);
bool upsertLineageEdge(PgConnection &conn, const LineageEdge &edge, QString *error);

/**
 * Makes user a database role (named exactly as the user id) and a member of mesh_user. Roles are
 * cluster-wide: an existing role is only granted the membership. password empty: NOLOGIN.
 */
bool ensureRole(PgConnection &conn, const QString &userId, const QString &password, QString *error);

/**
 * Loads a local catalog's domains, users (as roles), products and lineage onto the server in one
 * transaction (`meshctl server seed-demo` with the Messy Inc. demo). Returns the product count.
 */
std::optional<int> seedFromCatalog(PgConnection &conn, const SqliteCatalogStore &store,
                                   const QString &rolePassword, QString *error);

} // namespace TeamCatalog
} // namespace Mesh
