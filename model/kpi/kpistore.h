// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpidefinition.h"

#include <QList>
#include <QString>

#include <optional>

namespace Mesh {

class SqliteCatalogStore;

/**
 * The KPI definitions of a catalog (table kpi_definitions) and the lineage edges they imply.
 *
 * Saving asks AccessPolicy::decide for EditMetadata on the KPI's product, so only its owner, a
 * steward or an administrator changes a definition. Each save is one transaction that also
 * keeps the edges "input → KPI product" (job kLineageJob) equal to the definition's inputs.
 * Lives on the thread of the store it is given.
 */
class KpiStore
{
public:
    static constexpr const char *kLineageJob = "mesh-explorer.kpi";

    explicit KpiStore(SqliteCatalogStore &store) : m_store(store) {}

    QList<KpiDefinition> definitions() const;
    std::optional<KpiDefinition> definition(const QString &key) const;

    /**
     * Checks the definition (product and inputs exist, SQL not empty) and saves it as userId.
     * *refused is set when the policy said no (error then holds its reason).
     */
    bool save(const KpiDefinition &definition, const QString &userId, QString *error,
              bool *refused = nullptr);
    /**
     * Seeds the default definitions (defaultKpiDefinitions()) whose KPI product and inputs exist
     * in the catalog, when the catalog has no definitions yet. No-op on a read-only catalog.
     */
    bool ensureDefaults(QString *error);

private:
    bool write(const KpiDefinition &definition, const QString &userId, QString *error);
    SqliteCatalogStore &m_store;
};

} // namespace Mesh
