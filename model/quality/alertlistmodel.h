// SPDX-License-Identifier: MIT
#pragma once

#include "quality/qualityalert.h"

#include <QAbstractTableModel>

namespace Mesh {

/**
 * Quality alerts as a table: kind, severity, state, product, title, last seen; and for alerts
 * reached through lineage, the path. Data roles only. Set from the UI thread.
 */
class AlertListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        AlertIdRole = Qt::UserRole + 1,
        ProductKeyRole,
        KindRole,     // missing, duplicate, drift, null-spike
        SeverityRole, // warning, critical
        StateRole,    // open, acknowledged, resolved
        DistanceRole, // 0 = on the product itself
        DetailRole,
    };
    enum Columns
    {
        KindColumn,
        SeverityColumn,
        StateColumn,
        ProductColumn,
        TitleColumn,
        LastSeenColumn,
        ColumnCount
    };

    explicit AlertListModel(QObject *parent = nullptr);

    void setAlerts(const QList<QualityAlert> &alerts);
    void setAffecting(const QList<AffectingAlert> &alerts);
    const AffectingAlert &at(int row) const { return m_rows.at(row); }
    int rowOf(qint64 alertId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AffectingAlert> m_rows;
};

} // namespace Mesh
