// SPDX-License-Identifier: MIT
#include "previewtab.h"

#include "columnprofilepanel.h"
#include "emptystatewidget.h"
#include "preview/previewmodel.h"
#include "previewheaderview.h"
#include "session/catalogsession.h"
#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/**
 * Quick filter over the rows already fetched: rows not in the model's cache are hidden rather
 * than fetched, so typing never reads the whole file. Used only while the filter has text.
 */
class LoadedRowsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString &needle)
    {
        m_needle = needle;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto *model = static_cast<const PreviewModel *>(sourceModel());
        if (!model->isRowLoaded(row))
            return false;
        for (int c = 0; c < model->columnCount(parent); ++c)
            if (model->cellText(row, c).contains(m_needle, Qt::CaseInsensitive))
                return true;
        return false;
    }

private:
    QString m_needle;
};

} // namespace

PreviewTab::PreviewTab(const CatalogSession *session, QWidget *parent)
    : ProductTab(parent), m_session(session)
{
    setObjectName(QStringLiteral("previewTab"));
    m_model = new PreviewModel(this);
    m_filter = new LoadedRowsFilter(this);

    m_datasets = new QComboBox(this);
    m_datasets->setObjectName(QStringLiteral("previewDataset"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    m_status->setPalette(muted);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop indexing; the rows found so far stay"));
    m_goTo = new QSpinBox(this);
    m_goTo->setObjectName(QStringLiteral("previewGoTo"));
    m_goTo->setAccessibleName(tr("Go to row"));
    m_goTo->setPrefix(tr("Row "));
    m_goTo->setRange(1, 1);
    m_goTo->setMinimumWidth(120);
    m_goTo->setKeyboardTracking(false);
    m_goTo->setToolTip(tr("Go to row (Ctrl+G)"));
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("previewFilter"));
    m_filterEdit->setAccessibleName(tr("Filter loaded rows"));
    m_filterEdit->setPlaceholderText(tr("Filter loaded rows…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setToolTip(tr("Copy the selected cells as tab-separated text (masked columns stay masked)"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(tr("Save the sample as CSV (masked columns stay masked)"));

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_datasets);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_goTo);
    bar->addWidget(m_copy);
    bar->addWidget(m_export);
    auto *statusBar = new QHBoxLayout;
    statusBar->setSpacing(8);
    statusBar->addWidget(m_status, 1);
    statusBar->addWidget(m_progress);
    statusBar->addWidget(m_cancel);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("previewNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Sample rows"));
    m_table->setHorizontalHeader(new PreviewHeaderView(m_table));
    m_table->setModel(m_model);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_profile = new ColumnProfilePanel(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_profile);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({760, 240});
    m_profile->setMinimumWidth(200);

    m_empty = new EmptyStateWidget(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addLayout(statusBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);

    connect(m_datasets, &QComboBox::activated, this, &PreviewTab::openDataset);
    connect(m_cancel, &QToolButton::clicked, m_model, &PreviewModel::cancel);
    connect(m_goTo, &QSpinBox::valueChanged, this, [this](int row) { goToRow(row); });
    connect(m_filterEdit, &QLineEdit::textChanged, this, &PreviewTab::setFilterText);
    connect(m_copy, &QPushButton::clicked, this, &PreviewTab::copySelection);
    connect(m_export, &QPushButton::clicked, this, &PreviewTab::exportSample);
    auto *copy = new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &PreviewTab::copySelection);
    auto *goTo = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_G), this);
    connect(goTo, &QShortcut::activated, this, [this] {
        m_goTo->setFocus();
        m_goTo->selectAll();
    });
    connect(m_model, &PreviewModel::opened, this, [this] {
        m_stack->setCurrentWidget(m_splitter);
        m_profile->clear();
        // Open on the first masked column, if any, so what the policy hides is in sight.
        int column = 0;
        for (int c = 0; c < m_model->columnCount(); ++c)
            if (m_model->isColumnMasked(c)) {
                column = c;
                break;
            }
        if (m_model->columnCount() > 0) {
            m_profile->showPending(m_model->columnNames().value(column));
            m_model->requestProfile(column);
            if (column > 0)
                m_table->scrollTo(m_model->index(0, column), QAbstractItemView::PositionAtTop);
        }
        updateStatus();
    });
    connect(m_model, &PreviewModel::progressChanged, this, &PreviewTab::updateStatus);
    connect(m_model, &PreviewModel::transferChanged, this, &PreviewTab::updateStatus);
    connect(m_model, &PreviewModel::columnsInserted, this, &PreviewTab::updateStatus);
    connect(m_model, &PreviewModel::loadingChanged, this, &PreviewTab::updateStatus);
    connect(m_model, &PreviewModel::failed, this, &PreviewTab::showFailure);
    connect(m_model, &PreviewModel::profileReady, this, &PreviewTab::onProfile);
    connect(m_model, &PreviewModel::rowsInserted, this, [this] {
        if (!m_filterEdit->text().isEmpty())
            m_filter->invalidate();
    });
    connect(m_model, &PreviewModel::exportFinished, this,
            [this](const QString &path, qint64 rows, const QString &error) {
                m_notice->setText(error.isEmpty() ? tr("Exported %L1 rows to %2.").arg(rows).arg(path) : error);
                m_notice->show();
            });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        m_profile->showPending(m_model->columnNames().value(column));
        m_model->requestProfile(column);
    });
    clearProduct();
}

void PreviewTab::showProduct(const ProductDetails &details)
{
    if (details.product.key == m_product.key && m_model->columnCount() > 0)
        return; // the same product again: keep the scroll position and the cache
    m_product = details.product;
    m_datasets->clear();
    for (const Dataset &ds : m_product.datasets)
        m_datasets->addItem(ds.name.isEmpty() ? ds.location : ds.name);
    m_datasets->setVisible(m_product.datasets.size() > 1);
    if (m_product.datasets.isEmpty()) {
        m_model->clear();
        m_empty->setState(QStringLiteral(":/icons/no-results.svg"), tr("No sample data"),
                          tr("This product documents no dataset with a sample to preview."));
        m_stack->setCurrentWidget(m_empty);
        updateStatus();
        return;
    }
    openDataset(0);
}

void PreviewTab::clearProduct()
{
    m_product = {};
    m_model->clear();
    m_datasets->clear();
    m_datasets->hide();
    m_notice->hide();
    m_profile->clear();
    updateStatus();
}

void PreviewTab::openDataset(int index)
{
    const Dataset ds = m_product.datasets.value(index);
    PreviewSource source;
    source.location = ds.location;
    source.catalogPath = m_session ? m_session->path() : QString();
    source.productKey = m_product.key;
    if (m_session)
        source.team = m_session->teamRoute();
    m_filterEdit->clear();
    m_notice->hide();
    m_notice->setToolTip(QString());
    m_profile->clear();
    m_model->open(source, ds.columns);
    m_stack->setCurrentWidget(m_splitter);
    updateStatus();
}

QString PreviewTab::statusText() const
{
    return m_status->text();
}

void PreviewTab::updateStatus()
{
    const QLocale locale;
    const qint64 rows = m_model->rowCount();
    QStringList parts;
    if (!m_model->formatDescription().isEmpty())
        parts << m_model->formatDescription();
    if (m_model->columnCount() > 0)
        parts << tr("%L1 columns").arg(m_model->columnCount());
    const PreviewModel::Transfer transfer = m_model->transfer();
    const qint64 done = m_model->transferDone();
    const qint64 total = m_model->transferTotal();
    const auto size = [&locale](qint64 bytes) {
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    if (transfer == PreviewModel::Transfer::Download)
        parts << (total > 0 ? tr("Downloading %1 of %2…").arg(size(done), size(total))
                            : tr("Downloading %1…").arg(size(done)));
    else if (transfer == PreviewModel::Transfer::Export)
        parts << tr("Exporting %L1 of %L2 rows (%3 written)…").arg(done).arg(total).arg(size(m_model->transferBytes()));
    if (transfer == PreviewModel::Transfer::Download) {
        // Rows come once the file is here.
    } else if (m_model->isLoading()) {
        parts << (rows > 0 ? tr("%L1 rows so far, indexing %2 %").arg(rows).arg(int(m_model->progress() * 100))
                           : tr("Opening…"));
    } else if (m_model->columnCount() > 0) {
        parts << tr("%L1 rows").arg(rows);
    }
    const PreviewAccess &access = m_model->access();
    const QStringList masked = access.maskedForPreview;
    if (!masked.isEmpty())
        parts << tr("%n column(s) masked", nullptr, int(masked.size()));
    if (access.decidedByServer)
        parts << tr("access decided by the team server");
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_status->setToolTip(access.decisionNote.isEmpty()
                             ? access.reason
                             : access.reason + QLatin1Char('\n') + access.decisionNote);
    // Offline, the cache decided: say so where it cannot be missed.
    if (access.decidedOffline && m_notice->isHidden()) {
        m_notice->setText(QStringLiteral("⚠ ") + access.decisionNote);
        m_notice->setToolTip(access.decisionProblem);
        m_notice->show();
    }
    // Downloads and exports show their own progress; a download of unknown size is indeterminate.
    const bool busy = m_model->isLoading() || transfer != PreviewModel::Transfer::None;
    if (transfer != PreviewModel::Transfer::None && total <= 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(transfer != PreviewModel::Transfer::None
                                 ? int(double(done) / double(total) * 1000)
                                 : int(m_model->progress() * 1000));
    }
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setToolTip(transfer == PreviewModel::Transfer::Download ? tr("Stop the download")
                         : transfer == PreviewModel::Transfer::Export ? tr("Stop the export; nothing is written")
                                                                      : tr("Stop indexing; the rows found so far stay"));
    m_goTo->setRange(1, std::max<qint64>(1, rows));
    const bool any = m_model->columnCount() > 0;
    m_copy->setEnabled(any);
    m_export->setEnabled(any);
    m_goTo->setEnabled(rows > 0);
    m_filterEdit->setEnabled(any);
    if (!m_model->warnings().isEmpty() && m_notice->isHidden()) {
        m_notice->setText(QStringLiteral("⚠ ") + m_model->warnings().join(QLatin1Char(' ')));
        m_notice->show();
    }
}

void PreviewTab::showFailure(const PreviewError &error)
{
    updateStatus();
    if (m_model->rowCount() > 0) {
        // Partial rows stay on screen; the problem is said above them.
        m_notice->setText(QStringLiteral("⚠ ") + error.toString());
        m_notice->show();
        return;
    }
    const QString title = error.kind == PreviewError::Kind::Denied ? tr("Preview not allowed")
                                                                   : tr("This sample cannot be previewed");
    m_empty->setState(QStringLiteral(":/icons/error.svg"), title, error.toString());
    m_stack->setCurrentWidget(m_empty);
}

void PreviewTab::onProfile(const ColumnProfile &profile)
{
    m_profile->showProfile(profile);
}

bool PreviewTab::goToRow(int row)
{
    if (row < 1 || row > m_model->rowCount())
        return false;
    if (m_table->model() != m_model)
        m_filterEdit->clear();
    const QModelIndex index = m_model->index(row - 1, std::max(0, m_table->currentIndex().column()));
    m_table->scrollTo(index, QAbstractItemView::PositionAtTop);
    m_table->setCurrentIndex(index);
    return true;
}

void PreviewTab::setFilterText(const QString &text)
{
    if (text.isEmpty()) {
        if (m_table->model() != m_model)
            m_table->setModel(m_model);
        return;
    }
    if (m_filter->sourceModel() != m_model)
        m_filter->setSourceModel(m_model);
    static_cast<LoadedRowsFilter *>(m_filter)->setNeedle(text);
    if (m_table->model() != m_filter)
        m_table->setModel(m_filter);
}

void PreviewTab::copySelection()
{
    QModelIndexList selected = m_table->selectionModel() ? m_table->selectionModel()->selectedIndexes()
                                                         : QModelIndexList();
    if (m_table->model() == m_filter)
        for (QModelIndex &i : selected)
            i = m_filter->mapToSource(i);
    const QString tsv = m_model->selectionAsTsv(selected);
    if (!tsv.isEmpty())
        QApplication::clipboard()->setText(tsv);
}

void PreviewTab::exportSample()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export sample as CSV"),
                                                      m_product.key + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_model->exportCsv(path, m_model->rowCount());
}

} // namespace Mesh
