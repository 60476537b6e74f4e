// SPDX-License-Identifier: MIT
#include "preview/previewmodel.h"

#include "preview/masking.h"

#include <climits>

namespace Mesh {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent), m_shared(std::make_shared<PreviewShared>())
{
    m_loader = new PreviewLoader(m_shared);
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &PreviewLoader::opened, this, &PreviewModel::onOpened);
    connect(m_loader, &PreviewLoader::accessDecided, this, &PreviewModel::onAccess);
    connect(m_loader, &PreviewLoader::progress, this, &PreviewModel::onProgress);
    connect(m_loader, &PreviewLoader::rowsReady, this, &PreviewModel::onRows);
    connect(m_loader, &PreviewLoader::failed, this, &PreviewModel::onFailed);
    connect(m_loader, &PreviewLoader::columnsGrew, this, &PreviewModel::onColumnsGrew);
    connect(m_loader, &PreviewLoader::downloadProgress, this,
            [this](quint64 epoch, qint64 done, qint64 total) {
                if (epoch == m_epoch && m_state == RowCountState::Unknown)
                    setTransfer(Transfer::Download, done, total, done);
            });
    connect(m_loader, &PreviewLoader::exportProgress, this,
            [this](quint64 epoch, qint64 rows, qint64 totalRows, qint64 bytes) {
                if (epoch == m_epoch && m_transfer == Transfer::Export)
                    setTransfer(Transfer::Export, rows, totalRows, bytes);
            });
    connect(m_loader, &PreviewLoader::profileReady, this,
            [this](quint64 epoch, const ColumnProfile &p) {
                if (epoch == m_epoch)
                    emit profileReady(p);
            });
    connect(m_loader, &PreviewLoader::exported, this,
            [this](quint64 epoch, const QString &path, qint64 rows, const QString &error) {
                if (epoch != m_epoch)
                    return;
                setTransfer(Transfer::None, 0, -1, 0);
                emit exportFinished(path, rows, error);
            });
    m_thread.setObjectName(QStringLiteral("preview-loader"));
    m_thread.start();
}

PreviewModel::~PreviewModel()
{
    m_shared->cancel = true;
    m_shared->epoch = ~quint64(0);
    m_thread.quit();
    m_thread.wait();
}

void PreviewModel::open(const PreviewSource &source, const QList<Column> &documented)
{
    beginResetModel();
    m_epoch = ++m_shared->epoch;
    m_shared->cancel = false;
    m_columns.clear();
    m_masked.clear();
    m_documented = documented;
    m_access = {};
    m_description.clear();
    m_warnings.clear();
    m_error = {};
    m_rows = 0;
    m_state = RowCountState::Unknown;
    m_progress = 0.0;
    m_blocks.clear();
    m_recent.clear();
    m_pending.clear();
    endResetModel();
    // A URL is downloaded first: say so at once, the size comes with the first bytes.
    if (SampleReader::isUrl(source.location))
        setTransfer(Transfer::Download, 0, -1, 0);
    else
        setTransfer(Transfer::None, 0, -1, 0);
    setLoading(true);
    const quint64 epoch = m_epoch;
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, epoch, source] {
        loader->open(epoch, source);
    }, Qt::QueuedConnection);
}

void PreviewModel::cancel()
{
    m_shared->cancel = true;
}

void PreviewModel::clear()
{
    beginResetModel();
    m_epoch = ++m_shared->epoch;
    m_columns.clear();
    m_masked.clear();
    m_rows = 0;
    m_blocks.clear();
    m_recent.clear();
    m_pending.clear();
    m_state = RowCountState::Unknown;
    m_error = {};
    m_description.clear();
    m_warnings.clear();
    endResetModel();
    setTransfer(Transfer::None, 0, -1, 0);
    setLoading(false);
}

void PreviewModel::setTransfer(Transfer transfer, qint64 done, qint64 total, qint64 bytes)
{
    if (m_transfer == transfer && m_transferDone == done && m_transferTotal == total &&
        m_transferBytes == bytes)
        return;
    m_transfer = transfer;
    m_transferDone = done;
    m_transferTotal = total;
    m_transferBytes = bytes;
    emit transferChanged();
}

void PreviewModel::onColumnsGrew(quint64 epoch, const QStringList &columns)
{
    if (epoch != m_epoch || columns.size() <= m_order.size())
        return;
    // Only ever appended: the view keeps its columns and gains new ones at the right.
    const int first = int(m_columns.size());
    const int last = int(columns.size()) - 1;
    beginInsertColumns({}, first, last);
    for (int i = int(m_order.size()); i <= last; ++i) {
        m_order << i;
        m_columns << columns.at(i);
        m_masked << m_access.maskedForPreview.contains(columns.at(i));
    }
    endInsertColumns();
}

void PreviewModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void PreviewModel::onAccess(quint64 epoch, const PreviewAccess &access)
{
    if (epoch == m_epoch)
        m_access = access;
}

void PreviewModel::onOpened(quint64 epoch, const QStringList &columns, const QString &description,
                            const QStringList &warnings, qint64 rows, bool complete, QChar)
{
    if (epoch != m_epoch)
        return;
    setTransfer(Transfer::None, 0, -1, 0);
    beginResetModel();
    // Documented columns first, in the catalog's order (JSON objects come back key-sorted).
    m_order.clear();
    for (const Column &doc : std::as_const(m_documented))
        if (const qsizetype i = columns.indexOf(doc.name); i >= 0 && !m_order.contains(int(i)))
            m_order << int(i);
    for (int i = 0; i < columns.size(); ++i)
        if (!m_order.contains(i))
            m_order << i;
    m_columns.clear();
    for (const int i : std::as_const(m_order))
        m_columns << columns.at(i);
    for (const QString &c : std::as_const(m_columns))
        m_masked << m_access.maskedForPreview.contains(c);
    // About 64k cells a block, so a 1,000-column sample does not fetch 256k cells at a time.
    m_blockRows = int(std::clamp<qsizetype>(65536 / std::max<qsizetype>(1, columns.size()), 16, 1024));
    m_description = description;
    m_warnings = warnings;
    m_rows = int(std::min<qint64>(rows, INT_MAX));
    m_state = complete ? RowCountState::Complete : RowCountState::Partial;
    endResetModel();
    if (complete)
        setLoading(false);
    emit opened();
    emit progressChanged(complete ? 1.0 : 0.0, rows);
}

void PreviewModel::growTo(qint64 rows)
{
    const int n = int(std::min<qint64>(rows, INT_MAX));
    if (n <= m_rows)
        return;
    beginInsertRows({}, m_rows, n - 1);
    m_rows = n;
    endInsertRows();
}

void PreviewModel::onProgress(quint64 epoch, qint64 rows, double fraction, bool complete)
{
    if (epoch != m_epoch)
        return;
    growTo(rows);
    m_progress = fraction;
    if (complete) {
        m_state = RowCountState::Complete;
        // The last block may have been fetched when it was still short.
        const qint64 lastBlock = (rows - 1) / m_blockRows;
        if (m_blocks.contains(lastBlock)) {
            m_blocks.remove(lastBlock);
            m_recent.removeAll(lastBlock);
            emit dataChanged(index(int(lastBlock * m_blockRows), 0),
                             index(m_rows - 1, std::max(0, columnCount() - 1)));
        }
        setLoading(false);
    }
    emit progressChanged(fraction, rows);
}

void PreviewModel::onFailed(quint64 epoch, const PreviewError &error)
{
    if (epoch != m_epoch)
        return;
    m_error = error;
    if (m_transfer == Transfer::Download)
        setTransfer(Transfer::None, 0, -1, 0);
    if (m_state == RowCountState::Partial)
        m_state = RowCountState::Complete; // nothing more will come
    setLoading(false);
    emit failed(error);
}

void PreviewModel::onRows(quint64 epoch, qint64 block, const QList<SampleRow> &rows)
{
    if (epoch != m_epoch)
        return;
    m_pending.remove(block);
    m_blocks.insert(block, rows);
    m_recent.removeAll(block);
    m_recent.append(block);
    while (m_blocks.size() > kMaxBlocks && !m_recent.isEmpty())
        m_blocks.remove(m_recent.takeFirst());
    const int first = int(block * m_blockRows);
    const int last = std::min(m_rows - 1, first + int(rows.size()) - 1);
    if (last >= first && !m_columns.isEmpty()) {
        emit dataChanged(index(first, 0), index(last, int(m_columns.size()) - 1));
        emit headerDataChanged(Qt::Vertical, first, last);
    }
}

void PreviewModel::requestBlock(qint64 block) const
{
    if (m_pending.contains(block))
        return;
    m_pending.insert(block);
    const quint64 epoch = m_epoch;
    const qint64 first = block * m_blockRows;
    const qint64 count = m_blockRows;
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, epoch, block, first, count] {
        loader->fetch(epoch, block, first, count);
    }, Qt::QueuedConnection);
}

const SampleRow *PreviewModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const qint64 block = row / m_blockRows;
    const auto it = m_blocks.constFind(block);
    if (it == m_blocks.cend()) {
        requestBlock(block);
        return nullptr;
    }
    const qsizetype offset = row - block * m_blockRows;
    if (offset >= it->size()) {
        // Fetched while the block was still being indexed: fetch it again.
        m_blocks.remove(block);
        m_recent.removeAll(block);
        requestBlock(block);
        return nullptr;
    }
    if (m_recent.isEmpty() || m_recent.last() != block) {
        m_recent.removeAll(block);
        m_recent.append(block);
    }
    return &it->at(offset);
}

bool PreviewModel::isRowLoaded(int row) const
{
    const auto it = m_blocks.constFind(row / m_blockRows);
    return it != m_blocks.cend() && row - (row / m_blockRows) * m_blockRows < it->size();
}

bool PreviewModel::isColumnMasked(int column) const
{
    return m_masked.value(column);
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString PreviewModel::cellText(int row, int column) const
{
    const SampleRow *r = rowAt(row);
    if (!r)
        return {};
    const QString v = r->cell(m_order.value(column, column));
    return isColumnMasked(column) ? Masking::mask(v) : v;
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
        QString text = cellText(index.row(), index.column());
        if (role == Qt::DisplayRole && text.size() > 200)
            text = text.left(200) + QChar(0x2026);
        return text;
    }
    case Qt::ToolTipRole: {
        const QString text = cellText(index.row(), index.column());
        return text.size() > 40 ? text.left(2000) : QVariant();
    }
    case IsNullRole: {
        const SampleRow *r = rowAt(index.row());
        return r && r->isNull(m_order.value(index.column(), index.column()));
    }
    case RaggedRole: {
        const SampleRow *r = rowAt(index.row());
        return r && r->ragged;
    }
    case MaskedRole:
        return isColumnMasked(index.column());
    case LoadedRole:
        return isRowLoaded(index.row());
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows)
            return {};
        if (role == Qt::DisplayRole)
            return QString::number(qint64(section) + 1);
        if (role == RaggedRole || role == Qt::ToolTipRole) {
            const auto it = m_blocks.constFind(section / m_blockRows);
            const qsizetype offset = section - (section / m_blockRows) * m_blockRows;
            const bool ragged = it != m_blocks.cend() && offset < it->size() && it->at(offset).ragged;
            if (role == RaggedRole)
                return ragged;
            return ragged ? tr("Row %1 has %2 fields; the header has %3.")
                                .arg(section + 1)
                                .arg(it->at(offset).fieldCount)
                                .arg(m_columns.size())
                          : QVariant();
        }
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const QString name = m_columns.at(section);
    const Column *doc = nullptr;
    for (const Column &c : m_documented)
        if (c.name == name)
            doc = &c;
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case ColumnTypeRole:
        return doc ? doc->type : QString();
    case ClassificationRole:
        return doc ? doc->classification : QString();
    case MaskedRole:
        return isColumnMasked(section);
    case Qt::ToolTipRole: {
        QString tip = name;
        if (doc && !doc->description.isEmpty())
            tip += QStringLiteral("\n") + doc->description;
        if (isColumnMasked(section))
            tip += QStringLiteral("\n") + tr("Masked: %1").arg(m_access.reason);
        return tip;
    }
    default:
        return {};
    }
}

QString PreviewModel::selectionAsTsv(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return {};
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    QSet<quint64> chosen;
    for (const QModelIndex &i : indexes) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
        chosen.insert((quint64(quint32(i.row())) << 32) | quint32(i.column()));
    }
    QString text;
    for (int r = top; r <= bottom; ++r) {
        QStringList line;
        bool any = false;
        for (int c = left; c <= right; ++c) {
            if (!chosen.contains((quint64(quint32(r)) << 32) | quint32(c))) {
                line << QString();
                continue;
            }
            any = true;
            QString v = cellText(r, c);
            v.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
            line << v;
        }
        if (any)
            text += line.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

void PreviewModel::exportCsv(const QString &path, qint64 maxRows)
{
    const quint64 epoch = m_epoch;
    m_shared->cancel = false; // Cancel from now on stops this export
    setTransfer(Transfer::Export, 0, std::min<qint64>(maxRows, m_rows), 0);
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, epoch, path, maxRows] {
        loader->exportCsv(epoch, path, maxRows);
    }, Qt::QueuedConnection);
}

void PreviewModel::requestProfile(int column)
{
    const quint64 epoch = m_epoch;
    const int readerColumn = m_order.value(column, column);
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, epoch, readerColumn] {
        loader->profile(epoch, readerColumn, kProfileRows);
    }, Qt::QueuedConnection);
}

} // namespace Mesh
