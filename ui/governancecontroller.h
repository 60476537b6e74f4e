// SPDX-License-Identifier: MIT
#pragma once

#include "governance/governancepolicy.h"

#include <QObject>
#include <QPointer>

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
 * model/. A scan runs when a catalog of up to kAutoScanProducts products is opened. UI thread.
 */
class GovernanceController : public QObject
{
    Q_OBJECT

public:
    /** Catalogs up to this size are scanned for alerts when they are opened. */
    static constexpr qint64 kAutoScanProducts = 5000;

    explicit GovernanceController(MainWindow *window);

    GovernanceView *showGovernance();
    QDockWidget *alertsDock() const { return m_dock; }
    AlertsPanel *alertsPanel() const { return m_panel; }
    QualityTab *qualityTab() const { return m_tab; }
    /** Opens productKey on the product page at field ("overview:owner", "schema:ds/col", …). */
    void openField(const QString &productKey, const QString &field);
    void scan();
    void refreshAlerts();
    /** Sets a policy as the signed-in user; the model decides and audits. */
    void setPolicy(const GovernancePolicy &policy);

signals:
    void alertsRefreshed(int open);
    void governanceRefreshed();

private:
    void refreshGovernance();
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
};

} // namespace Mesh
