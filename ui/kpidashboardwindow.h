// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiengine.h"

#include <QMainWindow>
#include <QPointer>

class QComboBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QThread;
class QToolButton;

namespace Mesh {

class KpiDashboardWorker;
class KpiDrillDialog;
class KpiTileWidget;

/**
 * The cross-department KPI dashboard of one catalog: a grid of tiles read from the rollups,
 * month/quarter/year and department filters, a drill-down per tile, the KPI editor, and PNG
 * and PDF export. On open it shows the stored rollups at once, then refreshes the inputs that
 * changed in its worker (progress and Cancel in the tool bar) and redraws. UI thread.
 */
class KpiDashboardWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit KpiDashboardWindow(const QString &catalogPath, QWidget *parent = nullptr);
    ~KpiDashboardWindow() override;

    /** The user saving definitions (the signed-in catalog user). */
    void setUserId(const QString &userId) { m_userId = userId; }
    QString userId() const { return m_userId; }

    KpiGrain grain() const;
    void setGrain(KpiGrain grain);
    void setDomain(const QString &domain); // empty: every department
    const KpiDashboard &dashboard() const { return m_dashboard; }
    QList<KpiTileWidget *> tiles() const { return m_tiles; }
    bool isBusy() const { return m_busy; }

    /** Renders the dashboard (header with catalog name and time, the tiles) as one image/page. */
    QImage renderImage() const;
    bool exportPng(const QString &path, QString *error) const;
    bool exportPdf(const QString &path, QString *error) const;

    void openDrillDown(const QString &kpiKey);
    void openEditor(const QString &kpiKey);
    void refresh(bool force = false);
    /** Re-reads the tiles from the rollups and the quality alerts (after alerts changed). */
    void reloadTiles() { requestDashboard(); }

signals:
    /** The tiles show a new dashboard. */
    void dashboardShown();
    void refreshFinished(const Mesh::KpiRefreshReport &report);
    void productRequested(const QString &productKey);
    void lineageRequested(const QString &productKey);

private:
    void requestDashboard();
    void showDashboard(const KpiDashboard &dashboard);
    void onRefreshed(const KpiRefreshReport &report);
    void chooseExport(bool pdf);
    void paintDashboard(QPainter *painter, const QRect &target) const;

    QString m_catalogPath;
    QString m_userId;
    QThread *m_thread = nullptr;
    KpiDashboardWorker *m_worker = nullptr;
    KpiDashboard m_dashboard;
    QList<KpiTileWidget *> m_tiles;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QComboBox *m_grainBox = nullptr;
    QComboBox *m_domainBox = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QLabel *m_empty = nullptr;
    QPointer<KpiDrillDialog> m_drill;
    bool m_busy = false;
    bool m_opened = false;
};

} // namespace Mesh
