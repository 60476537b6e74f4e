// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"

#include <QAbstractTableModel>

namespace Mesh {

/**
 * The audit entries the viewer shows, one row each, oldest first. Data roles only (the view
 * decides the look). Fed by AccessSession::auditReady on the UI thread.
 */
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Seq, Time, Actor, Action, Product, Subject, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, HashRole, DetailRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<AuditEntry> &entries);
    const QList<AuditEntry> &entries() const { return m_entries; }
    /** The entry shown in row, or nullptr. */
    const AuditEntry *entryAt(const QModelIndex &index) const;
    /** The row of the entry with this sequence number, or an invalid index. */
    QModelIndex indexOf(qint64 seq) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};

} // namespace Mesh
