// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiengine.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Mesh {

/**
 * The dashboard's worker half: lives on its own thread and owns the KpiEngine (a catalog
 * connection of its own and the analytics database). The window calls its methods through
 * queued invocations and gets every answer as a queued signal, so the UI never waits on SQL.
 */
class KpiDashboardWorker : public QObject
{
    Q_OBJECT

public:
    KpiDashboardWorker();
    ~KpiDashboardWorker() override;

    /** Set from the UI thread to stop a running refresh. */
    std::atomic<bool> cancel{false};

    void open(const QString &catalogPath);
    void refresh(bool force);
    void loadDashboard(Mesh::KpiGrain grain, const QString &domain);
    void drill(const Mesh::KpiDefinition &definition, Mesh::KpiGrain grain, const QString &period);
    void testRun(const Mesh::KpiDefinition &definition, Mesh::KpiGrain grain);
    void save(const Mesh::KpiDefinition &definition, const QString &userId);

signals:
    void opened(const QString &error);
    void progress(int done, int total, const QString &what);
    void refreshed(const Mesh::KpiRefreshReport &report);
    void dashboardReady(const Mesh::KpiDashboard &dashboard);
    void drillReady(const QString &key, const QString &period, const Mesh::KpiQueryResult &breakdown,
                    const Mesh::KpiQueryResult &rows);
    void testRunDone(const Mesh::KpiQueryResult &result);
    void saved(bool ok, const QString &error, bool refused);

private:
    std::unique_ptr<KpiEngine> m_engine;
};

} // namespace Mesh
