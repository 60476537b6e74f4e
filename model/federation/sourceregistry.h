// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogstore.h"
#include "federation/sourcedefinition.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace Mesh {

class SqliteCatalogStore;

/** What the last good snapshot of a source knew about one URL: its validators and maybe body. */
struct HttpCacheEntry
{
    QByteArray url;
    QByteArray etag;
    QByteArray lastModified;
    QByteArray body; // kept only for paged APIs, whose later pages depend on it
    bool hasBody = false;
};

/**
 * The federated sources of one catalog: add, edit, remove, list, and the HTTP validators of each
 * source's last good snapshot. Works on the store's connection, on the store's thread; every
 * write is one transaction.
 */
class SourceRegistry
{
public:
    explicit SourceRegistry(SqliteCatalogStore &store) : m_store(store) {}

    /** Federated sources only (demo and generator sources are not listed), by name. */
    QList<SourceDefinition> sources() const;
    std::optional<SourceDefinition> source(const QString &name) const;
    /** The federated source the product came from (its productCount left 0, not counted);
     *  nullopt for a local, demo or generated product. */
    std::optional<SourceDefinition> originOf(const QString &productKey) const;
    /** "No source called “NAME” in “FILE”; `meshctl sources list FILE` shows the sources." */
    QString noSuchSource(const QString &name) const;

    /** Checks the definition and says what is wrong, or returns an empty string. */
    static QString validate(const SourceDefinition &definition);

    /** Adds a new source; refuses a name already in use. */
    bool add(const SourceDefinition &definition, CatalogError *error);
    /** Changes the connection settings of the source called name (may rename it). */
    bool update(const QString &name, const SourceDefinition &definition, CatalogError *error);
    /** Removes the source and every product, edge and cache entry that came from it. */
    bool remove(const QString &name, CatalogError *error);

    QHash<QByteArray, HttpCacheEntry> cache(SourceId id) const;

private:
    SqliteCatalogStore &m_store;
};

} // namespace Mesh
