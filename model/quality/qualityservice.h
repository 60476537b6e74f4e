// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"
#include "quality/qualityalert.h"
#include "quality/qualitydetectors.h"

#include <QHash>

#include <atomic>
#include <functional>

namespace Mesh {

class LineageGraph;
class SqliteCatalogStore;

/** What a scan did: products looked at, findings, alerts raised and refreshed, unreadable samples.
 */
struct QualityScanSummary
{
    int products = 0;
    int findings = 0;
    int raised = 0;
    int refreshed = 0;
    QStringList problems; // samples that could not be read, one line each
    bool cancelled = false;
};

/**
 * Quality alerts in the catalog (table quality_alerts): scans products with the detectors,
 * records schema snapshots, runs the stored data contracts' checks, and lets owners and stewards
 * acknowledge and resolve alerts (decided by AccessPolicy::decide, audited in the same
 * transaction). Also answers which alerts affect a product through lineage, for product pages
 * and KPI tiles. Use on the store's thread; a scan reads every sample, so run it off the UI
 * thread.
 */
class QualityService
{
public:
    using Progress = std::function<void(int done, int total)>;
    /** On a team cache the alerts a scan raises are numbered from here, so that they never
     *  share an id with the team server's alerts, which the sync keeps (model/team). */
    static constexpr qint64 kTeamLocalIdBase = 1'000'000'000'000;

    explicit QualityService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    /**
     * Runs every detector on every product (or only productKey) and stores the findings: a
     * finding already live updates its alert's last-seen time and text; a new one opens an
     * alert. Alerts are never closed by a scan: a person resolves them.
     */
    QualityScanSummary scan(const QString &productKey = {},
                            const std::atomic<bool> *cancel = nullptr,
                            const Progress &progress = {});
    /** The findings for one product without storing anything (for tests and `contract check`). */
    QList<QualityFinding> detect(const Product &product, QStringList *problems = nullptr);

    /** Alerts, newest first; live only unless includeResolved. Empty productKey = all. */
    QList<QualityAlert> alerts(const QString &productKey = {}, bool includeResolved = false) const;
    std::optional<QualityAlert> alert(qint64 id) const;

    AccessOutcome acknowledge(const QString &actor, qint64 alertId, const QString &note = {});
    AccessOutcome resolve(const QString &actor, qint64 alertId, const QString &note = {});

    /**
     * Live alerts on productKey itself and on every product upstream of it through lineage
     * (product edges and OpenLineage dataset edges), nearest first. What a KPI tile shows.
     */
    QList<AffectingAlert> alertsAffecting(const QString &productKey) const;
    /** alertsAffecting() for several products, reading the lineage graph once. */
    QHash<QString, QList<AffectingAlert>> alertsAffecting(const QStringList &productKeys) const;

private:
    QList<AffectingAlert> alertsAffecting(const LineageGraph &graph, const QString &productKey) const;
    AccessOutcome transition(const QString &actor, qint64 alertId, QualityAlert::State to,
                             const QString &note);
    bool store(const QList<QualityFinding> &findings, const QString &productKey,
               QualityScanSummary *summary, QString *error);

    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
};

} // namespace Mesh
