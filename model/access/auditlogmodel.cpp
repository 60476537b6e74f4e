// SPDX-License-Identifier: MIT
#include "access/auditlogmodel.h"

namespace Mesh {

void AuditLogModel::setEntries(const QList<AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const AuditEntry *AuditLogModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

QModelIndex AuditLogModel::indexOf(qint64 seq) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).seq == seq)
            return index(int(i), 0);
    return {};
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    const AuditEntry *e = entryAt(index);
    if (!e || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Seq:
            return e->seq;
        case Time:
            return e->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Actor:
            return e->actor;
        case Action:
            return e->action;
        case Product:
            return e->productKey;
        case Subject:
            return e->subject;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
    case DetailRole:
        return e->detail;
    case SeqRole:
        return e->seq;
    case HashRole:
        return e->hash;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Seq:
        return tr("#");
    case Time:
        return tr("Time");
    case Actor:
        return tr("User");
    case Action:
        return tr("Action");
    case Product:
        return tr("Product");
    case Subject:
        return tr("Subject");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Mesh
