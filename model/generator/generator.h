// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/sqlitecatalogstore.h"

#include <functional>

namespace Mesh {

/** Options of a synthetic catalog: size and seed decide every byte of the content. */
struct GeneratorOptions
{
    int products = 1000;
    quint64 seed = 1;
    int columnsPerDataset = 20;
};

/**
 * Writes a realistic synthetic catalog (domains, owners, products with ~20 documented columns,
 * tags, PII classifications, lineage edges forming a DAG) for scale tests and benchmarks.
 * Deterministic for a given seed. Runs on the calling thread.
 */
class Generator
{
public:
    using Progress = std::function<bool(int done, int total)>; // return false to cancel

    explicit Generator(GeneratorOptions options) : m_options(options) {}

    /** Fills an open, empty store in one transaction. */
    bool populate(SqliteCatalogStore &store, const Progress &progress, CatalogError *error);

    /** Creates path (via a temporary file renamed into place); refuses an existing file. */
    bool writeCatalog(const QString &path, const Progress &progress, CatalogError *error);

private:
    GeneratorOptions m_options;
};

} // namespace Mesh
