// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "search/searchtypes.h"

#include <QString>

#include <memory>
#include <optional>

namespace Mesh {

/** What went wrong, said so a person can act on it: what, where, what to do. */
struct CatalogError
{
    enum class Code { None, NotFound, NotACatalog, NewerSchema, ReadOnly, Corrupt, Io, Invalid };
    Code code = Code::None;
    QString message;
    explicit operator bool() const { return code != Code::None; }
};

/**
 * The catalog: products, datasets, columns, lineage, users and sources, with full-text search.
 *
 * The one interface the UI and the CLI talk to, so that a shared server catalog can stand behind
 * it later. An instance is used from one thread at a time; open one per thread (SQLite WAL lets
 * readers run beside a writer). Every write is one transaction: on failure nothing changes.
 */
class CatalogStore
{
public:
    virtual ~CatalogStore() = default;

    virtual QString path() const = 0;
    virtual QString displayName() const = 0; // catalog name from its metadata, or the file name
    virtual bool isReadOnly() const = 0;

    // Metadata
    virtual QString metadata(const QString &key) const = 0;
    virtual bool setMetadata(const QString &key, const QString &value, CatalogError *error) = 0;

    // Writes; each is one transaction
    virtual bool upsertDomain(const Domain &domain, CatalogError *error) = 0;
    virtual bool upsertUser(const User &user, CatalogError *error) = 0;
    virtual bool upsertSource(const Source &source, CatalogError *error) = 0;
    /** Inserts or replaces the product with the same key, datasets and columns included. */
    virtual std::optional<ProductId> upsertProduct(const Product &product, CatalogError *error) = 0;
    virtual bool addLineageEdge(const LineageEdge &edge, CatalogError *error) = 0;
    virtual bool removeProduct(const QString &key, CatalogError *error) = 0;

    // Reads
    virtual CatalogCounts counts() const = 0;
    virtual QList<Domain> domains() const = 0;
    virtual QList<User> users() const = 0;
    virtual std::optional<User> user(const QString &id) const = 0;
    virtual QList<Source> sources() const = 0;
    virtual std::optional<Product> product(ProductId id) const = 0;
    virtual std::optional<Product> productByKey(const QString &key) const = 0;
    virtual QList<LineageEdge> lineageEdges() const = 0;
    virtual QList<LineageEdge> lineageOf(const QString &productKey) const = 0; // in and out edges

    // Search
    virtual SearchResult search(const SearchRequest &request, CatalogError *error = nullptr) const = 0;
    /** The exact number of products request matches (for results whose totalExact is false). */
    virtual std::optional<qint64> countMatches(const SearchRequest &request,
                                               CatalogError *error = nullptr) const = 0;
    virtual FacetCounts facets(const SearchRequest &request, int perKind = 12,
                               CatalogError *error = nullptr) const = 0;
};

} // namespace Mesh
