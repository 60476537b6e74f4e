// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "catalog/searchdocument.h"
#include "catalog/schema.h"

#include <functional>
#include <memory>
#include <vector>

namespace Mesh {

class Database;
class FacetIndex;

/**
 * The catalog in one SQLite file (WAL, foreign keys on, schema versioned by PRAGMA user_version,
 * FTS5 search index kept in sync in the same transaction as each write).
 *
 * Not thread-safe: one instance per thread. Opening never modifies a file it refuses.
 */
class SqliteCatalogStore final : public CatalogStore
{
public:
    enum class OpenMode { ReadWrite, ReadOnly };

    static constexpr int kSchemaVersion = Schema::kLatestVersion;
    static constexpr int kApplicationId = 0x4D455348; // "MESH"

    /** Creates a new, empty catalog. Refuses to overwrite an existing non-empty file. */
    static std::unique_ptr<SqliteCatalogStore> create(const QString &path, const QString &name,
                                                      CatalogError *error);
    /**
     * Creates a complete catalog or nothing: fill runs on a temporary file that is renamed to
     * path only when fill succeeded, so a crash or error never leaves a half-written catalog.
     * Refuses an existing path.
     */
    static bool createComplete(const QString &path, const QString &name,
                               const std::function<bool(SqliteCatalogStore &, CatalogError *)> &fill,
                               CatalogError *error);
    /** Opens an existing catalog, migrating an older schema forward (ReadWrite only). */
    static std::unique_ptr<SqliteCatalogStore> open(const QString &path, OpenMode mode,
                                                    CatalogError *error);

    ~SqliteCatalogStore() override;

    QString path() const override;
    QString displayName() const override;
    bool isReadOnly() const override;
    int schemaVersion() const;

    QString metadata(const QString &key) const override;
    bool setMetadata(const QString &key, const QString &value, CatalogError *error) override;

    bool upsertDomain(const Domain &domain, CatalogError *error) override;
    bool upsertUser(const User &user, CatalogError *error) override;
    bool upsertSource(const Source &source, CatalogError *error) override;
    std::optional<ProductId> upsertProduct(const Product &product, CatalogError *error) override;
    bool addLineageEdge(const LineageEdge &edge, CatalogError *error) override;
    bool removeProduct(const QString &key, CatalogError *error) override;

    /**
     * Bulk loading: while deferred, writes skip the search index; rebuildSearchIndex() then
     * builds it in one pass (several times faster than row by row for 100k products).
     */
    void setSearchIndexDeferred(bool deferred);
    bool rebuildSearchIndex(CatalogError *error);
    /** Rewrites the search index rows of these products (after deferred writes of a few). */
    bool reindexProducts(const QList<ProductId> &ids, CatalogError *error);
    /**
     * Writes the search index rows of products that have none yet: ones just inserted (e.g. by
     * ProductInserter) under ids that are in no index row. Same rows as reindexProducts, without
     * first deleting rows that are not there: on FTS5 such deletes are not free, and between
     * pages of a bulk load they make the index write out its pending entries early.
     */
    bool indexNewProducts(const QList<ProductId> &ids, CatalogError *error);
    /**
     * The same for products whose documents the caller built while inserting them
     * (ProductInserter::document): written straight into the index, without reading them back.
     */
    bool indexNewDocuments(const std::vector<SearchDocument> &documents, CatalogError *error);

    /** Runs body inside one transaction; nested writes join it. Rolls back when body fails. */
    bool transaction(const std::function<bool(CatalogError *)> &body, CatalogError *error);
    /**
     * transaction() for filling a catalog that has no products yet (a first team sync): the same
     * all-or-nothing result, with two costs of a large load moved out of the way.
     * - Rollback journal instead of the write-ahead log, when this is the file's only
     *   connection: pages past the file's old end need no journal, so the load is written once,
     *   not once to the log and again at the checkpoint. A crash still rolls back. WAL is put
     *   back afterwards (and by open(), should the process die first).
     * - Foreign keys are checked once, set-based, just before the commit (PRAGMA
     *   foreign_key_check), not row by row; any violation fails the load as the row would have.
     * - Into a catalog without products, the non-unique indexes of the product tables are
     *   dropped and built again (one sort each) after the rows are in, inside the transaction
     *   (MESH_BULK_KEEP_INDEXES=1 keeps them, for comparisons).
     * - Only the catalog's own write lock is taken (BEGIN, then a write that changes nothing to
     *   main), not every attached file's as BEGIN IMMEDIATE would: a scratch file attached for
     *   the load (SearchIndexBuilder) stays writable by its own connection.
     * body must not delete products or datasets (their cascades are off): removeProduct()
     * refuses while it runs.
     */
    bool bulkTransaction(const std::function<bool(CatalogError *)> &body, CatalogError *error);
    /** Inside bulkTransaction(): builds the indexes it deferred now (it builds any left after
     *  body itself), e.g. while other threads finish their share of the load. */
    bool buildDeferredIndexes(CatalogError *error);

    CatalogCounts counts() const override;
    QList<Domain> domains() const override;
    QList<User> users() const override;
    std::optional<User> user(const QString &id) const override;
    QList<Source> sources() const override;
    std::optional<Product> product(ProductId id) const override;
    std::optional<Product> productByKey(const QString &key) const override;
    QList<LineageEdge> lineageEdges() const override;
    QList<LineageEdge> lineageOf(const QString &productKey) const override;

    SearchResult search(const SearchRequest &request, CatalogError *error = nullptr) const override;
    std::optional<qint64> countMatches(const SearchRequest &request,
                                       CatalogError *error = nullptr) const override;
    FacetCounts facets(const SearchRequest &request, int perKind = 12,
                       CatalogError *error = nullptr) const override;

    /** The underlying connection, for tests and tools in model/ only. */
    Database &database() const;
    /** This connection's in-memory facet index (search/facetindex.h), built on first use. */
    FacetIndex &facetIndex() const;

private:
    bool indexProducts(const QList<ProductId> &ids, bool replace, CatalogError *error);
    bool runTransaction(const std::function<bool(CatalogError *)> &body, CatalogError *error,
                        bool lockMainOnly);

    explicit SqliteCatalogStore(std::unique_ptr<Database> db, bool readOnly);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Mesh
