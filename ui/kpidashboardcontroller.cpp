// SPDX-License-Identifier: MIT
#include "kpidashboardcontroller.h"

#include "access/accessservice.h"
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "governancecontroller.h"
#include "kpidashboardwindow.h"
#include "lineagecontroller.h"
#include "mainwindow.h"
#include "session/catalogsession.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace Mesh {

KpiDashboardController::KpiDashboardController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("kpiDashboardController"));
    m_action = new QAction(tr("KPI &Dashboard"), this);
    m_action->setObjectName(QStringLiteral("kpiDashboardAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_action->setToolTip(tr("The cross-department KPI dashboard of this catalog (Ctrl+D)"));
    m_action->setEnabled(false);
    connect(window->session(), &CatalogSession::opened, m_action, [this] { m_action->setEnabled(true); });
    connect(m_action, &QAction::triggered, this, &KpiDashboardController::openDashboard);
    window->addAction(m_action);

    // Into the View menu (or the menu lineage put there), before Help; and the main tool bar.
    QMenu *view = nullptr;
    QAction *help = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (!menu->menu())
            continue;
        const QString title = menu->text().remove(QLatin1Char('&'));
        if (title == tr("View") || title == tr("Lineage"))
            view = menu->menu();
        else if (title == tr("Help"))
            help = menu;
    }
    if (!view) {
        view = new QMenu(tr("&View"), window->menuBar());
        window->menuBar()->insertMenu(help, view);
    }
    view->addAction(m_action);
    if (auto *bar = window->findChild<QToolBar *>())
        bar->addAction(m_action);
}

KpiDashboardWindow *KpiDashboardController::dashboard() const
{
    return m_dashboard;
}

QString KpiDashboardController::currentUser() const
{
    if (auto *access = m_window->findChild<AccessController *>())
        if (access->session() && !access->session()->userId().isEmpty())
            return access->session()->userId();
    return AccessService::osLogin();
}

KpiDashboardWindow *KpiDashboardController::openDashboard()
{
    const QString path = m_window->session()->path();
    if (path.isEmpty())
        return nullptr;
    if (m_dashboard && m_dashboard->property("catalogPath").toString() == path) {
        m_dashboard->setUserId(currentUser());
        m_dashboard->show();
        m_dashboard->raise();
        m_dashboard->activateWindow();
        return m_dashboard;
    }
    if (m_dashboard)
        m_dashboard->close();
    m_dashboard = new KpiDashboardWindow(path, m_window);
    m_dashboard->setWindowFlag(Qt::Window);
    m_dashboard->setProperty("catalogPath", path);
    m_dashboard->setUserId(currentUser());
    connect(m_dashboard, &KpiDashboardWindow::productRequested, this, [this](const QString &key) {
        m_window->session()->loadProductByKey(key);
        m_window->raise();
        m_window->activateWindow();
    });
    connect(m_dashboard, &KpiDashboardWindow::lineageRequested, this, [this](const QString &key) {
        if (auto *lineage = m_window->findChild<LineageController *>())
            lineage->openWindow(key);
    });
    // A scan, an acknowledgement or a resolution changes what the tiles warn about.
    if (auto *governance = m_window->findChild<GovernanceController *>())
        connect(governance, &GovernanceController::alertsRefreshed, m_dashboard,
                &KpiDashboardWindow::reloadTiles);
    m_dashboard->show();
    return m_dashboard;
}

} // namespace Mesh
