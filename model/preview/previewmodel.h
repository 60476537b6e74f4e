// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "preview/columnprofile.h"
#include "preview/previewerror.h"
#include "preview/previewloader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QThread>

#include <memory>

namespace Mesh {

/**
 * The sample as a lazy table, after DB Browser for SQLite's SqliteTableModel: rows are fetched
 * in blocks by a PreviewLoader on the model's worker thread and kept in a bounded cache; the row
 * count grows while the worker indexes (Partial) until the whole input is known (Complete).
 * Cells not fetched yet are empty until their block arrives (dataChanged).
 *
 * Masking happens here, in the data: columns the access policy masked come out masked from
 * data(), selectionAsTsv() and exportCsv(), so no view can show or copy the clear value.
 * JSON samples gain columns while indexing (columnsInserted, at the right). A URL download or
 * an export in progress is reported as a transfer with its byte count (transferChanged), and
 * cancel() stops it. Lives on the UI thread and never touches the disk or the network itself.
 */
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool: a missing value (not an empty string)
        RaggedRole,                    // bool, any cell of a row: the record had a wrong field count
        MaskedRole,                    // bool, cells and horizontal headers
        ColumnTypeRole,                // horizontal header: documented or inferred type
        ClassificationRole,            // horizontal header: PII.Sensitive, … or empty
        LoadedRole,                    // bool: the cell's block is in the cache
    };
    enum class RowCountState { Unknown, Partial, Complete };
    /** Work with a byte count the tab shows as progress (with Cancel). */
    enum class Transfer { None, Download, Export };

    /** Rows fetched at most for a profile. */
    static constexpr qint64 kProfileRows = 100000;

    explicit PreviewModel(QObject *parent = nullptr);
    ~PreviewModel() override;

    /** Starts previewing source; documented gives column types and classifications. */
    void open(const PreviewSource &source, const QList<Column> &documented = {});
    /** Stops indexing or the download; rows found so far stay. */
    void cancel();
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    RowCountState rowCountState() const { return m_state; }
    Transfer transfer() const { return m_transfer; }
    /** Download: bytes so far of transferTotal() (-1 when unknown). Export: rows written. */
    qint64 transferDone() const { return m_transferDone; }
    /** Download: the size the server announced, or -1. Export: rows to write. */
    qint64 transferTotal() const { return m_transferTotal; }
    /** Bytes received (download) or written (export) so far. */
    qint64 transferBytes() const { return m_transferBytes; }
    bool isLoading() const { return m_loading; }
    double progress() const { return m_progress; }
    QString formatDescription() const { return m_description; }
    QStringList warnings() const { return m_warnings; }
    PreviewError error() const { return m_error; }
    PreviewAccess access() const { return m_access; }
    QStringList columnNames() const { return m_columns; }
    bool isRowLoaded(int row) const;
    bool isColumnMasked(int column) const;
    /** The cell as it may be shown (masked where the policy says). */
    QString cellText(int row, int column) const;
    /** Cells of the given indexes as tab-separated lines, masked; unfetched cells are empty. */
    QString selectionAsTsv(const QModelIndexList &indexes) const;
    /** Writes up to maxRows rows as CSV in the worker, masked for export: exportFinished(). */
    void exportCsv(const QString &path, qint64 maxRows);
    /** Profiles column over the first kProfileRows rows in the worker: profileReady(). */
    void requestProfile(int column);
    int blockRows() const { return m_blockRows; }
    /** Blocks in the cache (bounded by kMaxBlocks). */
    int cachedBlocks() const { return int(m_blocks.size()); }
    static constexpr int kMaxBlocks = 24;

signals:
    void loadingChanged(bool loading);
    void progressChanged(double fraction, qint64 rows);
    void opened();
    void failed(const Mesh::PreviewError &error);
    void profileReady(const Mesh::ColumnProfile &profile);
    void exportFinished(const QString &path, qint64 rows, const QString &error);
    /** transfer(), transferDone(), transferTotal() or transferBytes() changed. */
    void transferChanged();

private:
    void onOpened(quint64 epoch, const QStringList &columns, const QString &description,
                  const QStringList &warnings, qint64 rows, bool complete, QChar decimal);
    void onAccess(quint64 epoch, const Mesh::PreviewAccess &access);
    void onProgress(quint64 epoch, qint64 rows, double fraction, bool complete);
    void onRows(quint64 epoch, qint64 block, const QList<Mesh::SampleRow> &rows);
    void onFailed(quint64 epoch, const Mesh::PreviewError &error);
    void onColumnsGrew(quint64 epoch, const QStringList &columns);
    void setTransfer(Transfer transfer, qint64 done, qint64 total, qint64 bytes);
    void growTo(qint64 rows);
    const SampleRow *rowAt(int row) const;
    void requestBlock(qint64 block) const;
    void setLoading(bool loading);

    std::shared_ptr<PreviewShared> m_shared;
    QThread m_thread;
    PreviewLoader *m_loader = nullptr;
    quint64 m_epoch = 0;

    QStringList m_columns;     // in view order
    QList<int> m_order;        // view column → reader column
    QList<Column> m_documented;
    QList<bool> m_masked;
    PreviewAccess m_access;
    QString m_description;
    QStringList m_warnings;
    PreviewError m_error;
    int m_rows = 0;
    int m_blockRows = 256;
    RowCountState m_state = RowCountState::Unknown;
    bool m_loading = false;
    double m_progress = 0.0;
    Transfer m_transfer = Transfer::None;
    qint64 m_transferDone = 0;
    qint64 m_transferTotal = -1;
    qint64 m_transferBytes = 0;

    mutable QHash<qint64, QList<SampleRow>> m_blocks;
    mutable QList<qint64> m_recent; // most recently used last
    mutable QSet<qint64> m_pending;
};

} // namespace Mesh
