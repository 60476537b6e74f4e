// SPDX-License-Identifier: MIT
#include "quality/alertlistmodel.h"

namespace Mesh {

AlertListModel::AlertListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AlertListModel::setAlerts(const QList<QualityAlert> &alerts)
{
    QList<AffectingAlert> rows;
    for (const QualityAlert &a : alerts)
        rows.append({a, 0, {a.finding.productKey}});
    setAffecting(rows);
}

void AlertListModel::setAffecting(const QList<AffectingAlert> &alerts)
{
    beginResetModel();
    m_rows = alerts;
    endResetModel();
}

int AlertListModel::rowOf(qint64 alertId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].alert.id == alertId)
            return i;
    return -1;
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AffectingAlert &row = m_rows.at(index.row());
    const QualityAlert &a = row.alert;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return QualityFinding::kindName(a.finding.kind);
        case SeverityColumn:
            return a.finding.severity;
        case StateColumn:
            return QualityAlert::stateName(a.state);
        case ProductColumn:
            return row.distance == 0 ? a.finding.productKey
                                     : tr("%1 (upstream, %n step(s))", nullptr, row.distance)
                                           .arg(a.finding.productKey);
        case TitleColumn:
            return a.finding.title;
        case LastSeenColumn:
            return a.lastSeen.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = a.finding.detail;
        if (row.distance > 0)
            tip +=
                tr("\nReaches this product through %1.").arg(row.path.join(QStringLiteral(" → ")));
        if (!a.acknowledgedBy.isEmpty())
            tip += tr("\nAcknowledged by %1.").arg(a.acknowledgedBy);
        return tip;
    }
    case AlertIdRole:
        return a.id;
    case ProductKeyRole:
        return a.finding.productKey;
    case KindRole:
        return QualityFinding::kindName(a.finding.kind);
    case SeverityRole:
        return a.finding.severity;
    case StateRole:
        return QualityAlert::stateName(a.state);
    case DistanceRole:
        return row.distance;
    case DetailRole:
        return a.finding.detail;
    default:
        return {};
    }
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case ProductColumn:
        return tr("Product");
    case TitleColumn:
        return tr("Alert");
    case LastSeenColumn:
        return tr("Last seen (UTC)");
    default:
        return {};
    }
}

} // namespace Mesh
