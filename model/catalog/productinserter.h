// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "catalog/searchdocument.h"

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
 * caller runs it inside its own transaction and writes the search index afterwards, from the
 * documents it built with document() (SqliteCatalogStore::indexNewDocuments) or for the ids it
 * got back (SqliteCatalogStore::indexNewProducts).
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

    /** The search document of p, inserted under id in this transaction, for
     *  SqliteCatalogStore::indexNewDocuments. Owners' names are read once each. */
    SearchDocument document(ProductId id, const Product &p);

private:
    std::optional<qint64> domainId(const QString &name, CatalogError *error);

    Database &m_db;
    Statement &m_product;
    Statement &m_tag;
    Statement &m_dataset;
    Statement &m_column;
    Statement &m_classification;
    QHash<QString, qint64> m_domains;
    QHash<QString, QString> m_ownerNames;
};

} // namespace Mesh
