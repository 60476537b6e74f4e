// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiengine.h"

#include <QFrame>

class QLabel;

namespace Mesh {

class KpiSparkline;

/** The colour of a tile status, readable on dark and light backgrounds alike. */
QColor kpiStatusColor(KpiTile::Status status);
/** "On target", "Watch", "Off target", "Warning", "Error", "No target". */
QString kpiStatusText(KpiTile::Status status);
/** The colour of an input's freshness dot. */
QColor kpiInputColor(KpiInputStatus::State state);
/** "Legacy FX rates (2 steps upstream): duplicate — 14 duplicate rows in rates". */
QString kpiAlertLine(const AffectingAlert &alert, const KpiTile &tile);

/**
 * One KPI tile: title, status, the big current value, change against the previous period, a
 * sparkline, target and the freshness of each input; a warning or error line with its reason
 * instead of a silently wrong number, and a line counting the live quality alerts on its inputs
 * or upstream of them (the products are in its tooltip). Emits activated() on click or Enter. UI thread.
 */
class KpiTileWidget : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTileWidget(QWidget *parent = nullptr);

    void setTile(const KpiTile &tile, KpiGrain grain);
    const KpiTile &tile() const { return m_tile; }

    QLabel *valueLabel() const { return m_value; }
    QLabel *reasonLabel() const { return m_reason; }
    /** "3 quality alerts: duplicate, drift"; hidden when no alert affects the KPI. */
    QLabel *alertsLabel() const { return m_alerts; }

signals:
    void activated(const QString &kpiKey);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override { QFrame::focusInEvent(event); update(); }
    void focusOutEvent(QFocusEvent *event) override { QFrame::focusOutEvent(event); update(); }

private:
    void applyStyle();

    KpiTile m_tile;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_change = nullptr;
    QLabel *m_target = nullptr;
    QLabel *m_secondary = nullptr;
    KpiSparkline *m_sparkline = nullptr;
    QLabel *m_inputs = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_alerts = nullptr;
    QString m_appliedStyle;
};

} // namespace Mesh
