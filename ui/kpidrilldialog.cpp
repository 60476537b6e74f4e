// SPDX-License-Identifier: MIT
#include "kpidrilldialog.h"

#include "kpi/kpiresultmodel.h"
#include "kpisparkline.h"
#include "kpitilewidget.h"
#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>

namespace Mesh {

KpiDrillDialog::KpiDrillDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("kpiDrillDialog"));
    resize(1000, 780);
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setFont(Theme::titleFont(font()));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(split);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_trend = new KpiSparkline(true, top);
    m_trend->setObjectName(QStringLiteral("kpiTrend"));
    topLayout->addWidget(m_trend, 3);
    auto *breakdownBox = new QWidget(top);
    auto *bl = new QVBoxLayout(breakdownBox);
    bl->setContentsMargins(0, 0, 0, 0);
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(new QLabel(tr("Period:"), breakdownBox));
    m_periodBox = new QComboBox(breakdownBox);
    m_periodBox->setObjectName(QStringLiteral("kpiDrillPeriod"));
    periodRow->addWidget(m_periodBox, 1);
    bl->addLayout(periodRow);
    m_breakdown = new QChartView(breakdownBox);
    m_breakdown->setRenderHint(QPainter::Antialiasing);
    m_breakdown->setMinimumHeight(220);
    m_breakdown->chart()->legend()->hide();
    m_breakdown->chart()->setBackgroundVisible(false);
    bl->addWidget(m_breakdown, 1);
    m_breakdownNote = new QLabel(breakdownBox);
    m_breakdownNote->setWordWrap(true);
    bl->addWidget(m_breakdownNote);
    topLayout->addWidget(breakdownBox, 2);

    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *rowsBox = new QGroupBox(tr("Underlying rows"), bottom);
    auto *rl = new QVBoxLayout(rowsBox);
    m_rowsModel = new KpiResultModel(this);
    m_rowsView = new QTableView(rowsBox);
    m_rowsView->setObjectName(QStringLiteral("kpiRows"));
    m_rowsView->setModel(m_rowsModel);
    m_rowsView->setSortingEnabled(false);
    m_rowsView->setAlternatingRowColors(true);
    m_rowsView->horizontalHeader()->setStretchLastSection(true);
    m_rowsView->verticalHeader()->setDefaultSectionSize(m_rowsView->fontMetrics().height() + 6);
    rl->addWidget(m_rowsView);
    m_rowsNote = new QLabel(rowsBox);
    m_rowsNote->setWordWrap(true);
    rl->addWidget(m_rowsNote);
    bottomLayout->addWidget(rowsBox, 3);
    auto *inputsBox = new QGroupBox(tr("Where the number comes from"), bottom);
    m_inputsLayout = new QVBoxLayout(inputsBox);
    m_inputs = inputsBox;
    bottomLayout->addWidget(inputsBox, 2);
    split->addWidget(top);
    split->addWidget(bottom);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *edit = buttons->addButton(tr("Edit definition…"), QDialogButtonBox::ActionRole);
    connect(edit, &QPushButton::clicked, this, [this] { emit editRequested(kpiKey()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);

    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!period().isEmpty())
            emit periodRequested(period());
    });
}

QString KpiDrillDialog::period() const
{
    return m_periodBox->currentText();
}

void KpiDrillDialog::setTile(const KpiTile &tile, KpiGrain grain)
{
    const bool samePeriods = tile.definition.key == m_tile.definition.key && grain == m_grain;
    m_tile = tile;
    m_grain = grain;
    const KpiDefinition &def = tile.definition;
    setWindowTitle(tr("%1 — drill-down").arg(def.name));
    m_heading->setText(QStringLiteral("%1: %2 (%3)").arg(def.name, KpiFormat::value(tile.value, def.unit),
                                                          tile.period));
    QString summary = def.description.toHtmlEscaped();
    summary += QStringLiteral("<br><b>%1</b>").arg(kpiStatusText(tile.status).toHtmlEscaped());
    if (tile.target)
        summary += tr(" · target %1").arg(KpiFormat::value(tile.target, def.unit));
    if (const auto c = tile.change())
        summary += tr(" · %1 vs %2").arg(KpiFormat::change(c, tile.changeIsRelative()), tile.previousPeriod);
    if (!tile.reason.isEmpty())
        summary += QStringLiteral("<br><span style='color:%1'>⚠ %2</span>")
                       .arg(kpiStatusColor(KpiTile::Status::Warning).name(), tile.reason.toHtmlEscaped());
    m_summary->setText(summary);
    m_trend->setPoints(tile.series, tile.target, kpiStatusColor(tile.targetStatus), 36);
    if (!samePeriods) {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->clear();
        for (auto it = tile.series.crbegin(); it != tile.series.crend(); ++it)
            m_periodBox->addItem(it->period);
    }
    rebuildInputs();
}

void KpiDrillDialog::rebuildInputs()
{
    while (QLayoutItem *item = m_inputsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const KpiInputStatus &in : m_tile.inputs) {
        auto *row = new QWidget(m_inputs);
        auto *l = new QHBoxLayout(row);
        l->setContentsMargins(0, 2, 0, 2);
        auto *label = new QLabel(QStringLiteral("<span style='color:%1'>●</span> <b>%2</b><br><small>%3</small>")
                                     .arg(kpiInputColor(in.state).name(), in.name.toHtmlEscaped(),
                                          in.reason.toHtmlEscaped()),
                                 row);
        label->setWordWrap(true);
        l->addWidget(label, 1);
        auto *open = new QPushButton(tr("Open"), row);
        open->setToolTip(tr("Show %1's product page").arg(in.name));
        auto *lineage = new QPushButton(tr("Lineage"), row);
        lineage->setToolTip(tr("Show where %1 comes from and what it feeds").arg(in.name));
        const QString key = in.productKey;
        connect(open, &QPushButton::clicked, this, [this, key] { emit productRequested(key); });
        connect(lineage, &QPushButton::clicked, this, [this, key] { emit lineageRequested(key); });
        l->addWidget(open);
        l->addWidget(lineage);
        m_inputsLayout->addWidget(row);
    }
    if (!m_tile.alerts.isEmpty()) {
        auto *heading = new QLabel(
            QStringLiteral("<b style='color:%1'>%2</b>")
                .arg(kpiStatusColor(KpiTile::Status::Warning).name(),
                     (m_tile.alerts.size() == 1
                          ? tr("⚑ 1 live quality alert this number may rest on")
                          : tr("⚑ %1 live quality alerts this number may rest on")
                                .arg(m_tile.alerts.size()))
                         .toHtmlEscaped()),
            m_inputs);
        heading->setObjectName(QStringLiteral("kpiDrillAlertsHeading"));
        m_inputsLayout->addWidget(heading);
        for (const AffectingAlert &a : m_tile.alerts) {
            auto *row = new QWidget(m_inputs);
            auto *l = new QHBoxLayout(row);
            l->setContentsMargins(0, 2, 0, 2);
            auto *label = new QLabel(kpiAlertLine(a, m_tile), row);
            label->setObjectName(QStringLiteral("kpiDrillAlert"));
            label->setWordWrap(true);
            label->setToolTip(a.alert.finding.detail);
            l->addWidget(label, 1);
            auto *open = new QPushButton(tr("Open"), row);
            const QString key = a.alert.finding.productKey;
            open->setToolTip(tr("Show %1's product page and its alerts").arg(m_tile.productName(key)));
            connect(open, &QPushButton::clicked, this, [this, key] { emit productRequested(key); });
            l->addWidget(open);
            m_inputsLayout->addWidget(row);
        }
    }
    auto *self = new QPushButton(tr("Lineage of this KPI"), m_inputs);
    connect(self, &QPushButton::clicked, this, [this] { emit lineageRequested(kpiKey()); });
    m_inputsLayout->addWidget(self);
    m_inputsLayout->addStretch();
}

void KpiDrillDialog::setDrill(const QString &period, const KpiQueryResult &breakdown,
                              const KpiQueryResult &rows)
{
    if (period != this->period()) {
        const QSignalBlocker block(m_periodBox);
        m_periodBox->setCurrentIndex(std::max(0, m_periodBox->findText(period)));
    }
    QChart *chart = m_breakdown->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const KpiDefinition &def = m_tile.definition;
    chart->setTitle(def.breakdownLabel.isEmpty() ? QString() : tr("%1 by %2").arg(period, def.breakdownLabel));
    chart->setTitleBrush(palette().color(QPalette::WindowText));
    if (!breakdown.ok()) {
        m_breakdownNote->setText(tr("The breakdown failed: %1").arg(breakdown.error));
    } else if (breakdown.rows.isEmpty()) {
        m_breakdownNote->setText(def.breakdownSql.isEmpty() ? tr("This KPI defines no breakdown.")
                                                            : tr("Nothing to break down in %1.").arg(period));
    } else {
        m_breakdownNote->clear();
        auto *set = new QBarSet(def.breakdownLabel);
        set->setColor(kpiStatusColor(m_tile.targetStatus));
        QStringList labels;
        double hi = 0;
        for (auto it = breakdown.rows.crbegin(); it != breakdown.rows.crend(); ++it) {
            labels << it->value(0).toString();
            const double v = it->value(1).toDouble();
            *set << v;
            hi = std::max(hi, v);
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        chart->addSeries(series);
        chart->createDefaultAxes();
        if (const QList<QAbstractAxis *> ys = chart->axes(Qt::Vertical); !ys.isEmpty())
            if (auto *y = qobject_cast<QBarCategoryAxis *>(ys.first()))
                y->setCategories(labels);
        if (const QList<QAbstractAxis *> xs = chart->axes(Qt::Horizontal); !xs.isEmpty())
            if (auto *x = qobject_cast<QValueAxis *>(xs.first())) {
                x->setRange(0, hi * 1.1 + 1e-9);
                x->setLabelFormat(QStringLiteral("%.3g"));
            }
        for (QAbstractAxis *axis : chart->axes())
            axis->setLabelsColor(palette().color(QPalette::WindowText));
    }
    m_rowsModel->setResult(rows);
    m_rowsView->resizeColumnsToContents();
    if (!rows.ok())
        m_rowsNote->setText(tr("The rows could not be read: %1").arg(rows.error));
    else
        m_rowsNote->setText(rows.truncated ? tr("The first %1 rows of %2.").arg(rows.rows.size()).arg(period)
                                           : tr("%1 rows in %2.").arg(rows.rows.size()).arg(period));
}

} // namespace Mesh
