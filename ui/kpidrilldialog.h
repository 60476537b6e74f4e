// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiengine.h"

#include <QDialog>

class QChartView;
class QComboBox;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace Mesh {

class KpiResultModel;
class KpiSparkline;

/**
 * A tile's drill-down: the trend over every period with the target, the breakdown of one period
 * by the definition's dimension, the underlying rows, and each input product with its freshness
 * and buttons that open its product page or its lineage. UI thread; the rows come from the
 * dashboard's worker.
 */
class KpiDrillDialog : public QDialog
{
    Q_OBJECT

public:
    explicit KpiDrillDialog(QWidget *parent = nullptr);

    void setTile(const KpiTile &tile, KpiGrain grain);
    void setDrill(const QString &period, const KpiQueryResult &breakdown, const KpiQueryResult &rows);
    const KpiTile &tile() const { return m_tile; }
    QString kpiKey() const { return m_tile.definition.key; }
    QString period() const;
    KpiResultModel *rowsModel() const { return m_rowsModel; }

signals:
    void periodRequested(const QString &period);
    void productRequested(const QString &productKey);
    void lineageRequested(const QString &productKey);
    void editRequested(const QString &kpiKey);

private:
    void rebuildInputs();

    KpiTile m_tile;
    KpiGrain m_grain = KpiGrain::Month;
    QLabel *m_heading = nullptr;
    QLabel *m_summary = nullptr;
    KpiSparkline *m_trend = nullptr;
    QComboBox *m_periodBox = nullptr;
    QChartView *m_breakdown = nullptr;
    QLabel *m_breakdownNote = nullptr;
    QTableView *m_rowsView = nullptr;
    KpiResultModel *m_rowsModel = nullptr;
    QLabel *m_rowsNote = nullptr;
    QWidget *m_inputs = nullptr;
    QVBoxLayout *m_inputsLayout = nullptr;
};

} // namespace Mesh
