// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourcedefinition.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace Mesh {

/**
 * The federated sources of a catalog as a table for the Sources dialog: name, type, address,
 * products, staleness, status (the live sync state while a sync runs, else the last error).
 * Data roles only; the dialog colours errors. Lives on the UI thread; fed by setSources() and
 * setState() from queued worker signals.
 */
class SourceTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Type, Address, Products, Synced, Status, ColumnCount };
    enum Role {
        SourceNameRole = Qt::UserRole + 1,
        HasErrorRole,   // bool: the last sync failed
        StaleHoursRole, // double, -1 when never synced
    };

    explicit SourceTableModel(QObject *parent = nullptr);

    void setSources(const QList<SourceDefinition> &sources);
    const QList<SourceDefinition> &sources() const { return m_sources; }
    /** A live state for one source ("fetching", "writing", …); empty clears it. */
    void setState(const QString &name, const QString &state);
    void clearStates();
    void setNow(const QDateTime &now) { m_now = now; }

    int indexOf(const QString &name) const;
    std::optional<SourceDefinition> sourceAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /** "never synced", "just now", "12 min ago", "5.0 h ago", "3 days ago" (also meshctl's). */
    static QString stalenessText(double hours);

private:
    QList<SourceDefinition> m_sources;
    QHash<QString, QString> m_states;
    QDateTime m_now;
};

} // namespace Mesh
