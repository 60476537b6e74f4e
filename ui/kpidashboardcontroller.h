// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace Mesh {

class KpiDashboardWindow;
class MainWindow;

/**
 * Wires the KPI dashboard into the main window: View → KPI Dashboard (Ctrl+D) and a tool bar
 * button open a KpiDashboardWindow on the open catalog; its links to input products open their
 * page in the main window or their lineage. Child of the main window; UI thread.
 */
class KpiDashboardController : public QObject
{
    Q_OBJECT

public:
    explicit KpiDashboardController(MainWindow *window);

    KpiDashboardWindow *openDashboard();
    KpiDashboardWindow *dashboard() const;
    QAction *action() const { return m_action; }

private:
    QString currentUser() const;

    MainWindow *m_window = nullptr;
    QAction *m_action = nullptr;
    QPointer<KpiDashboardWindow> m_dashboard;
};

} // namespace Mesh
