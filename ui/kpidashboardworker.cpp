// SPDX-License-Identifier: MIT
#include "kpidashboardworker.h"

#include "catalog/sqlitecatalogstore.h"
#include "quality/qualityservice.h"

namespace Mesh {

KpiDashboardWorker::KpiDashboardWorker()
{
    qRegisterMetaType<KpiDashboard>();
    qRegisterMetaType<KpiRefreshReport>();
    qRegisterMetaType<KpiQueryResult>();
    qRegisterMetaType<KpiDefinition>();
    qRegisterMetaType<KpiGrain>();
}

KpiDashboardWorker::~KpiDashboardWorker() = default;

void KpiDashboardWorker::open(const QString &catalogPath)
{
    QString error;
    m_engine = KpiEngine::open(catalogPath, &error);
    emit opened(m_engine ? QString() : error);
}

void KpiDashboardWorker::refresh(bool force)
{
    if (!m_engine)
        return;
    cancel.store(false);
    m_engine->reloadDefinitions();
    const KpiRefreshReport report = m_engine->refresh(
        force, [this](int done, int total, const QString &what) { emit progress(done, total, what); },
        &cancel);
    emit refreshed(report);
}

void KpiDashboardWorker::loadDashboard(KpiGrain grain, const QString &domain)
{
    if (!m_engine)
        return;
    KpiDashboard dashboard = m_engine->dashboard(grain, {}, domain);
    // Quality alerts on the KPIs' products and everything upstream of them, through lineage:
    // a tile whose number may rest on broken data says so.
    QStringList keys;
    for (const KpiTile &tile : std::as_const(dashboard.tiles))
        keys << tile.definition.key;
    SqliteCatalogStore &catalog = m_engine->catalog();
    const QHash<QString, QList<AffectingAlert>> affecting =
        QualityService(catalog).alertsAffecting(keys);
    QHash<QString, QString> names;
    for (KpiTile &tile : dashboard.tiles) {
        const QList<AffectingAlert> alerts = affecting.value(tile.definition.key);
        for (const AffectingAlert &a : alerts) {
            const QString &key = a.alert.finding.productKey;
            if (!names.contains(key)) {
                const auto product = catalog.productByKey(key);
                names.insert(key, product ? product->name : key);
            }
        }
        tile.applyAlerts(alerts, names);
    }
    emit dashboardReady(dashboard);
}

void KpiDashboardWorker::drill(const KpiDefinition &definition, KpiGrain grain, const QString &period)
{
    if (!m_engine)
        return;
    emit drillReady(definition.key, period, m_engine->breakdown(definition, grain, period),
                    m_engine->rows(definition, grain, period, 2000));
}

void KpiDashboardWorker::testRun(const KpiDefinition &definition, KpiGrain grain)
{
    if (!m_engine)
        return;
    cancel.store(false);
    emit testRunDone(m_engine->testRunAll(definition, grain, &cancel));
}

void KpiDashboardWorker::save(const KpiDefinition &definition, const QString &userId)
{
    if (!m_engine)
        return;
    QString error;
    bool refused = false;
    const bool ok = m_engine->saveDefinition(definition, userId, &error, &refused);
    emit saved(ok, error, refused);
}

} // namespace Mesh
