// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <vector>

namespace Mesh {

class Database;

/**
 * A product's search document: the text of product_fts's seven columns (name, tags,
 * description, columns, owner, domain, source) as UTF-8, under the product's id.
 *
 * SqliteCatalogStore's document query (searchDocumentSql) reads the same text back from the
 * catalog's tables; a bulk load that has the products in memory builds it here instead, which
 * saves reading back every row it has just written. The two must agree byte for byte
 * (tst_searchdocument checks it on awkward products): a later reindex of the product deletes
 * its rows with the text stored here.
 */
struct SearchDocument
{
    ProductId id = 0;
    std::array<QByteArray, 7> fields;
};

/**
 * The document of p as ProductInserter writes it: tags once each, sorted by their UTF-8 bytes
 * (the order of the UNIQUE(product_id, tag) index the query reads), datasets and their columns
 * in order, "owner-id display-name", the domain's name, "source-system formats".
 * ownerName is the display name of p.ownerId in the users table (empty when unknown).
 */
SearchDocument searchDocument(ProductId id, const Product &p, const QString &ownerName);

/**
 * Inserts the documents into db's product_fts and product_meta_fts under their ids, which have
 * no rows there yet; the caller holds the transaction. On failure *error has SQLite's message.
 * product_fts first, then product_meta_fts: each table gets its rows in rowid order, which keeps
 * FTS5 from writing out its pending entries early.
 */
bool writeSearchDocuments(Database &db, const std::vector<SearchDocument> &documents,
                          QString *error);

/** The index tables writeSearchDocuments() fills (SearchIndexBuilder writes each on a thread). */
enum class SearchTable
{
    Full, // product_fts: every searchable field
    Meta  // product_meta_fts: the short metadata fields
};
/** writeSearchDocuments() for one of the two tables. */
bool writeSearchDocuments(Database &db, const std::vector<SearchDocument> &documents,
                          SearchTable table, QString *error);

} // namespace Mesh
