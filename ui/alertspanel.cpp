// SPDX-License-Identifier: MIT
#include "alertspanel.h"

#include "quality/alertlistmodel.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/** Colours severity and state; the model only says what they are. */
class AlertDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString state = index.data(AlertListModel::StateRole).toString();
        if (state == QStringLiteral("acknowledged")) {
            option->palette.setColor(QPalette::Text, Theme::mutedTextColor(nullptr));
            return;
        }
        if (index.column() == AlertListModel::SeverityColumn ||
            index.column() == AlertListModel::KindColumn) {
            const bool critical =
                index.data(AlertListModel::SeverityRole).toString() == QStringLiteral("critical");
            option->palette.setColor(QPalette::Text, critical ? QColor(0xb3, 0x26, 0x1e)
                                                              : QColor(0xb2, 0x6a, 0x00));
            option->font.setBold(critical);
        }
    }
};

} // namespace

AlertsPanel::AlertsPanel(bool showRescan, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("alertsPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("alertKindFilter"));
    m_kind->addItem(tr("All kinds"), QString());
    for (QualityFinding::Kind k : QualityFinding::allKinds())
        m_kind->addItem(QualityFinding::kindName(k), QualityFinding::kindName(k));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertsStatus"));
    m_status->setWordWrap(true);
    bar->addWidget(m_kind);
    bar->addWidget(m_status, 1);
    if (showRescan) {
        m_rescan = new QPushButton(tr("&Scan now"), this);
        m_rescan->setObjectName(QStringLiteral("alertsRescan"));
        connect(m_rescan, &QPushButton::clicked, this, &AlertsPanel::rescanRequested);
        m_progress = new QProgressBar(this);
        m_progress->setObjectName(QStringLiteral("alertsScanProgress"));
        m_progress->setAccessibleName(tr("Scan progress"));
        m_progress->setFormat(QStringLiteral("%p %")); // the status line says how many
        m_progress->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("100 %")) * 3);
        m_progress->hide();
        m_cancelScan = new QPushButton(tr("&Cancel Scan"), this);
        m_cancelScan->setObjectName(QStringLiteral("alertsCancelScan"));
        m_cancelScan->setToolTip(tr("Stop the scan; alerts found so far are kept"));
        m_cancelScan->hide();
        connect(m_cancelScan, &QPushButton::clicked, this, &AlertsPanel::cancelScanRequested);
        bar->addWidget(m_progress);
        bar->addWidget(m_cancelScan);
        bar->addWidget(m_rescan);
    }
    m_ack = new QPushButton(tr("&Acknowledge"), this);
    m_ack->setObjectName(QStringLiteral("alertAcknowledge"));
    m_resolve = new QPushButton(tr("&Resolve"), this);
    m_resolve->setObjectName(QStringLiteral("alertResolve"));
    bar->addWidget(m_ack);
    bar->addWidget(m_resolve);
    layout->addLayout(bar);

    m_model = new AlertListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(AlertListModel::KindRole);
    m_proxy->setFilterKeyColumn(AlertListModel::KindColumn);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setAccessibleName(tr("Quality alerts"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new AlertDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(AlertListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("alertsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    layout->addWidget(m_empty);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("alertDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        m_proxy->setFilterRegularExpression(
            kind.isEmpty() ? QString()
                           : QStringLiteral("^%1$").arg(QRegularExpression::escape(kind)));
        updateEmpty();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPanel::updateSelection);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit productActivated(index.data(AlertListModel::ProductKeyRole).toString());
    });
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedAlertId())
            emit acknowledgeRequested(id);
    });
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedAlertId())
            emit resolveRequested(id);
    });
    m_emptyText = tr("No open alerts.");
    updateSelection();
}

void AlertsPanel::setAlerts(const QList<QualityAlert> &alerts)
{
    const qint64 keep = selectedAlertId();
    m_model->setAlerts(alerts);
    m_view->resizeColumnsToContents();
    if (!keep || !selectAlert(keep))
        updateSelection();
    updateEmpty();
}

void AlertsPanel::setAffecting(const QList<AffectingAlert> &alerts)
{
    const qint64 keep = selectedAlertId();
    m_model->setAffecting(alerts);
    m_view->resizeColumnsToContents();
    if (!keep || !selectAlert(keep))
        updateSelection();
    updateEmpty();
}

void AlertsPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

void AlertsPanel::setBusy(bool busy)
{
    if (m_rescan)
        m_rescan->setEnabled(!busy);
    m_ack->setEnabled(!busy && selectedAlertId() != 0);
    m_resolve->setEnabled(!busy && selectedAlertId() != 0);
}

void AlertsPanel::setScanning(bool scanning)
{
    m_scanning = scanning;
    if (m_progress) {
        m_progress->setRange(0, 0); // busy until the first product is done
        m_progress->setVisible(scanning);
        m_cancelScan->setVisible(scanning);
        m_cancelScan->setEnabled(scanning);
    }
    setBusy(scanning);
}

void AlertsPanel::setScanProgress(int done, int total)
{
    if (!m_progress)
        return;
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
}

void AlertsPanel::setEmptyText(const QString &text)
{
    m_emptyText = text;
    updateEmpty();
}

qint64 AlertsPanel::selectedAlertId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(AlertListModel::AlertIdRole).toLongLong() : 0;
}

bool AlertsPanel::selectAlert(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    updateSelection();
    return true;
}

void AlertsPanel::updateSelection()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool has = current.isValid();
    const QString state = current.data(AlertListModel::StateRole).toString();
    m_ack->setEnabled(has && state == QStringLiteral("open"));
    m_resolve->setEnabled(has && state != QStringLiteral("resolved"));
    m_detail->setText(has ? current.data(Qt::ToolTipRole).toString()
                          : tr("Select an alert to see what was measured."));
}

void AlertsPanel::updateEmpty()
{
    const bool empty = m_proxy->rowCount() == 0;
    m_empty->setText(m_model->rowCount() == 0 ? m_emptyText : tr("No alerts of this kind."));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

} // namespace Mesh
