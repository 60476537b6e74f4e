// SPDX-License-Identifier: MIT
#include "kpi/kpiresultmodel.h"

namespace Mesh {

void KpiResultModel::setResult(const KpiQueryResult &result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

int KpiResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int KpiResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.columns.size());
}

QVariant KpiResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant v = m_result.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        // Full precision without exponents for the magnitudes KPIs have (1460940.12, not
        // 1.46094e+06); 15 significant digits hide binary noise such as 0.30000000000000004.
        if (v.typeId() == QMetaType::Double)
            return QString::number(v.toDouble(), 'g', 15);
        return v;
    case Qt::EditRole:
        return v;
    case Qt::TextAlignmentRole:
        return (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong)
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant KpiResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_result.columns.value(section);
}

} // namespace Mesh
