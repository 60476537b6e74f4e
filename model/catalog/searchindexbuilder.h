// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "catalog/searchdocument.h"

#include <QString>

#include <memory>
#include <vector>

namespace Mesh {

class SqliteCatalogStore;

/**
 * Writes the search index of a bulk load into a catalog whose index is empty (a first team sync
 * into an empty cache) on a thread of its own, while the catalog's connection writes the
 * products' rows.
 *
 * Why: SQLite has one writer per file, and in a first sync of 100,000 products the rows and the
 * two FTS5 tables each take about half of that writer's CPU (~5 s each). So the documents go to
 * two more connections, one per index table, each on a thread of its own writing a scratch file
 * that holds the catalog's own definition and settings of its table (product_fts,
 * product_meta_fts); once the rows are written (the bulk load builds their secondary indexes
 * at the end), both cores work on the index. install() then moves the finished tables into the
 * catalog inside the caller's transaction: SQLite copies whole records between identical tables
 * when the target is empty (0.5–0.9 s for 100,000 products, against ~5 s to index them). The
 * result is the index the catalog's connection would have written itself; the tests check it with FTS5's own integrity-check and against a row-by-row index.
 *
 * Use: start() before the transaction (it attaches the scratch files, which SQLite allows only
 * outside one); add() documents as their products are inserted; install() once inside the
 * transaction, before anything else writes to the index. The destructor (after the
 * transaction) stops the threads, detaches and deletes the scratch files, also when the load
 * failed or was abandoned.
 */
class SearchIndexBuilder
{
public:
    /** Creates the scratch file and starts the thread; nullptr with *why when it cannot (the
     *  caller then indexes the load on its own connection, as before). */
    static std::unique_ptr<SearchIndexBuilder> start(SqliteCatalogStore &store, QString *why);
    ~SearchIndexBuilder();
    SearchIndexBuilder(const SearchIndexBuilder &) = delete;
    SearchIndexBuilder &operator=(const SearchIndexBuilder &) = delete;

    /** Queues documents for the index; their ids ascend and are above any queued before. */
    void add(std::vector<SearchDocument> documents);

    /** Waits for the thread, then replaces the catalog's index tables, which must hold no
     *  document, with the built ones. Inside the caller's transaction; on failure the caller
     *  rolls back. */
    bool install(CatalogError *error);

    /** The directory of the scratch files (for tests). */
    QString scratchPath() const;

private:
    struct Private;
    explicit SearchIndexBuilder(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Mesh
