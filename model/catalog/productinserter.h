// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Mesh {

class Database;
class Statement;

/**
 * Bulk insert of products a catalog does not have yet: a federated source's fresh snapshot (its
 * old rows were deleted first) and the new products of a team cache's sync. Plain INSERTs on
 * statements looked up once, with domains cached, instead of SqliteCatalogStore::upsertProduct's
 * savepoint, upsert and child-row deletes, which is several times faster per product. The
 * caller runs it inside its own transaction and writes the search index afterwards for the
 * ids it got back (SqliteCatalogStore::reindexProducts).
 */
class ProductInserter
{
public:
    explicit ProductInserter(Database &db);

    /** Inserts p with its tags, datasets, columns and classifications. source and fetchedAt
     *  say where a federated product came from and when (empty = NULL). */
    std::optional<ProductId> insert(const Product &p, std::optional<SourceId> source,
                                    const QString &fetchedAt, CatalogError *error);

    /** Inserts p's tags, datasets, columns and classifications under product id, which has
     *  none (new, or its children just deleted: SqliteCatalogStore::upsertProduct). On failure
     *  *detail says which insert failed and why. */
    bool insertChildren(ProductId id, const Product &p, QString *detail);

private:
    std::optional<qint64> domainId(const QString &name, CatalogError *error);

    Database &m_db;
    Statement &m_product;
    Statement &m_tag;
    Statement &m_dataset;
    Statement &m_column;
    Statement &m_classification;
    QHash<QString, qint64> m_domains;
};

} // namespace Mesh
