// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiwarehouse.h"

#include <QChartView>

#include <optional>

namespace Mesh {

/**
 * A small Qt Charts line of a KPI's last periods, with the target as a dashed line; no axes,
 * no legend. In the drill-down the same class draws the large trend with period labels. UI thread.
 */
class KpiSparkline : public QChartView
{
    Q_OBJECT

public:
    explicit KpiSparkline(bool large = false, QWidget *parent = nullptr);

    void setPoints(const QList<KpiPoint> &points, std::optional<double> target, const QColor &color,
                   int maxPoints = 12);
    int pointCount() const { return m_points; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    bool m_large = false;
    int m_points = 0;
};

} // namespace Mesh
