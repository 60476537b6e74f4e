// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "producttab.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace Mesh {

class CatalogSession;
class ColumnProfilePanel;
class EmptyStateWidget;
class PreviewModel;
struct ColumnProfile;
struct PreviewError;

/**
 * The Preview tab: a dataset's sample in a virtualized table (PreviewModel, lazy in rows and
 * fixed-width in columns, so huge and 1,000-column samples stay responsive) with row numbers,
 * go-to-row, a quick filter over the rows fetched so far, copy as TSV and export as CSV (both
 * masked by the model), progress and cancel while indexing or downloading, an inline error
 * state, and the selected column's profile beside it. UI thread.
 */
class PreviewTab : public ProductTab
{
    Q_OBJECT

public:
    explicit PreviewTab(const CatalogSession *session, QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

    PreviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ColumnProfilePanel *profilePanel() const { return m_profile; }
    /** Copies the selected cells as TSV (masked) to the clipboard. */
    void copySelection();
    /** Scrolls to 1-based row; false when it is not indexed (yet). */
    bool goToRow(int row);
    void setFilterText(const QString &text);
    QString statusText() const;

private:
    void openDataset(int index);
    void updateStatus();
    void showFailure(const PreviewError &error);
    void onProfile(const ColumnProfile &profile);
    void exportSample();

    const CatalogSession *m_session = nullptr;
    Product m_product;
    PreviewModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QComboBox *m_datasets = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QSpinBox *m_goTo = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_notice = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    ColumnProfilePanel *m_profile = nullptr;
};

} // namespace Mesh
