// SPDX-License-Identifier: MIT
#pragma once

#include "governance/governancepolicy.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QAction;
class QDialog;
class QDockWidget;
class QToolButton;

namespace Mesh {

class AlertsPanel;
class GovernanceView;
class MainWindow;
class QualityTab;

/**
 * Puts governance and quality into the main window: the Governance menu, the Governance view
 * (a dialog), the Quality Alerts dock with a status-bar badge, and the product page's Quality
 * tab. Every read and write runs in a worker (QtConcurrent) on its own connection to the
 * catalog; acknowledging and resolving act as the signed-in user and are decided and audited in
 * model/. A scan runs whenever a catalog is opened, whatever its size: in the worker, with its
 * progress in the dock and the badge and a Cancel button (alerts found so far are kept). UI
 * thread.
 */
class GovernanceController : public QObject
{
    Q_OBJECT

public:
    explicit GovernanceController(MainWindow *window);

    GovernanceView *showGovernance();
    QDockWidget *alertsDock() const { return m_dock; }
    AlertsPanel *alertsPanel() const { return m_panel; }
    QualityTab *qualityTab() const { return m_tab; }
    /** Opens productKey on the product page at field ("overview:owner", "schema:ds/col", …). */
    void openField(const QString &productKey, const QString &field);
    void scan();
    /** Stops a running scan after the product being scanned; its alerts are kept. */
    void cancelScan();
    bool isScanning() const { return m_scanning; }
    void refreshAlerts();
    /** Stops checking the governance report (the view says so; Refresh checks again). */
    void cancelGovernance();
    /** Sets a policy as the signed-in user; the model decides and audits. */
    void setPolicy(const GovernancePolicy &policy);

signals:
    void alertsRefreshed(int open);
    void scanProgress(int done, int total);
    /** A scan ended (cancelled or not); emitted before alertsRefreshed. */
    void scanFinished(bool cancelled, int scanned);
    void governanceRefreshed();

private:
    void refreshGovernance();
    void onScanProgress(int done, int total);
    void transition(qint64 alertId, bool resolve);
    void focusPendingField();
    QString currentUser() const;

    MainWindow *m_window = nullptr;
    QString m_path;
    QAction *m_governanceAction = nullptr;
    QAction *m_scanAction = nullptr;
    QDockWidget *m_dock = nullptr;
    AlertsPanel *m_panel = nullptr;
    QualityTab *m_tab = nullptr;
    QToolButton *m_badge = nullptr;
    QPointer<QDialog> m_dialog;
    QPointer<GovernanceView> m_view;
    QString m_pendingKey;
    QString m_pendingField;
    bool m_scanning = false;
    bool m_rescan = false; // another catalog was opened while scanning: scan it next
    std::shared_ptr<std::atomic<bool>> m_cancelScan;
    std::shared_ptr<std::atomic<bool>> m_governanceCancel; // the running report check
};

} // namespace Mesh
