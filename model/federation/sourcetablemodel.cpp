// SPDX-License-Identifier: MIT
#include "federation/sourcetablemodel.h"

namespace Mesh {

SourceTableModel::SourceTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SourceTableModel::setSources(const QList<SourceDefinition> &sources)
{
    beginResetModel();
    m_sources = sources;
    endResetModel();
}

void SourceTableModel::setState(const QString &name, const QString &state)
{
    if (state.isEmpty())
        m_states.remove(name);
    else
        m_states.insert(name, state);
    const int row = indexOf(name);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SourceTableModel::clearStates()
{
    m_states.clear();
    if (!m_sources.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SourceTableModel::indexOf(const QString &name) const
{
    for (int i = 0; i < m_sources.size(); ++i)
        if (m_sources[i].name == name)
            return i;
    return -1;
}

std::optional<SourceDefinition> SourceTableModel::sourceAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_sources.size())
        return std::nullopt;
    return m_sources[index.row()];
}

int SourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SourceTableModel::stalenessText(double h)
{
    if (h < 0)
        return tr("never synced");
    if (h * 60 < 1)
        return tr("just now");
    if (h < 1)
        return tr("%1 min ago").arg(int(h * 60));
    if (h < 48)
        return tr("%1 h ago").arg(h, 0, 'f', 1);
    return tr("%1 days ago").arg(int(h / 24));
}

QVariant SourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sources.size())
        return {};
    const SourceDefinition &s = m_sources[index.row()];
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    switch (role) {
    case SourceNameRole:
        return s.name;
    case HasErrorRole:
        return !s.lastError.isEmpty();
    case StaleHoursRole:
        return s.staleHours(now);
    case Qt::ToolTipRole:
        if (index.column() == Status && !s.lastError.isEmpty())
            return s.lastError;
        if (index.column() == Synced && s.fetchedAt.isValid())
            return tr("Content fetched %1, last confirmed %2 (UTC)")
                .arg(s.fetchedAt.toString(Qt::ISODate), s.checkedAt.toString(Qt::ISODate));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Name:
        return s.enabled ? s.name : tr("%1 (disabled)").arg(s.name);
    case Type:
        return sourceTypeLabel(s.type);
    case Address:
        return redactedUrl(s.url);
    case Products:
        return s.productCount;
    case Synced:
        return stalenessText(s.staleHours(now));
    case Status:
        if (const QString live = m_states.value(s.name); !live.isEmpty())
            return live;
        if (!s.lastError.isEmpty())
            return s.lastError;
        if (!s.checkedAt.isValid())
            return tr("not synced yet");
        return s.scheduleMinutes > 0 ? tr("ok · every %1 min").arg(s.scheduleMinutes) : tr("ok · manual");
    default:
        return {};
    }
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Source");
    case Type: return tr("Type");
    case Address: return tr("Address");
    case Products: return tr("Products");
    case Synced: return tr("Synced");
    case Status: return tr("Status");
    default: return {};
    }
}

} // namespace Mesh
