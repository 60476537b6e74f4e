// SPDX-License-Identifier: MIT
#pragma once

#include "quality/qualityalert.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Mesh {

class AlertListModel;

/**
 * A list of quality alerts with a kind filter, the selected alert's detail, and Acknowledge /
 * Resolve buttons. Used as the global Alerts panel (a dock) and inside the product page's
 * Quality tab. It only asks: the controller does the work and the model layer decides who may.
 * UI thread.
 */
class AlertsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AlertsPanel(bool showRescan, QWidget *parent = nullptr);

    void setAlerts(const QList<QualityAlert> &alerts);
    void setAffecting(const QList<AffectingAlert> &alerts);
    /** A line above the list: progress, the outcome of the last action, or an error. */
    void setStatus(const QString &text, bool error = false);
    void setBusy(bool busy);
    /** While a scan runs: a progress bar (done of total products) and a Cancel button. */
    void setScanProgress(int done, int total);
    void setScanning(bool scanning);
    bool isScanning() const { return m_scanning; }
    /** Shown when there are no alerts. */
    void setEmptyText(const QString &text);

    AlertListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *kindFilter() const { return m_kind; }
    /** The selected alert's id, or 0. */
    qint64 selectedAlertId() const;
    bool selectAlert(qint64 id);

signals:
    void rescanRequested();
    void cancelScanRequested();
    void acknowledgeRequested(qint64 alertId);
    void resolveRequested(qint64 alertId);
    void productActivated(const QString &productKey);

private:
    void updateSelection();
    void updateEmpty();

    AlertListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_rescan = nullptr;
    QPushButton *m_cancelScan = nullptr;
    QProgressBar *m_progress = nullptr;
    bool m_scanning = false;
    QPushButton *m_ack = nullptr;
    QPushButton *m_resolve = nullptr;
    QString m_emptyText;
};

} // namespace Mesh
