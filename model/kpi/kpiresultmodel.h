// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiquery.h"

#include <QAbstractTableModel>

namespace Mesh {

/**
 * A KPI query's rows as a table (the drill-down's underlying rows, the editor's test run).
 * Holds a copy of the result; set a new one with setResult. Qt::DisplayRole shows a real number
 * with up to 15 significant digits and no exponent for ordinary magnitudes; Qt::EditRole keeps
 * every value as it came (a proxy that sorts should use it as its sortRole). UI thread.
 */
class KpiResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const KpiQueryResult &result);
    const KpiQueryResult &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    KpiQueryResult m_result;
};

} // namespace Mesh
