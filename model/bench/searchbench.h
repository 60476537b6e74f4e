// SPDX-License-Identifier: MIT
#pragma once

#include "bench/benchreport.h"

#include <QStringList>

namespace Mesh {

class CatalogStore;
class SqliteCatalogStore;

/**
 * `meshctl bench search`: types realistic queries letter by letter against a catalog and
 * measures each keystroke's search (first page of 50 ranked hits with snippets) and facets.
 */
class SearchBench
{
public:
    /** Deterministic queries drawn from the catalog's own words (names, tags, columns, owners). */
    static QStringList realisticQueries(SqliteCatalogStore &store, int count, quint64 seed);

    /** Every prefix of every query, as typed: "g", "gr", …, "gross m", … */
    static QStringList keystrokes(const QStringList &queries);

    /** Runs the keystrokes; when slowest is given, it receives the slowest ones with their ms. */
    static void run(CatalogStore &store, const QStringList &queries, BenchReport &report,
                    const QString &caseName, QList<QPair<double, QString>> *slowest = nullptr);
};

} // namespace Mesh
