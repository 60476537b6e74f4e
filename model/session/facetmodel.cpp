// SPDX-License-Identifier: MIT
#include "session/facetmodel.h"

namespace Mesh {

FacetModel::FacetModel(QObject *parent) : QAbstractItemModel(parent)
{
    for (FacetKind kind : kAllFacetKinds)
        m_groups.append(Group{kind, {}});
}

QString FacetModel::kindTitle(FacetKind kind)
{
    switch (kind) {
    case FacetKind::Domain:
        return tr("Domains");
    case FacetKind::Owner:
        return tr("Owners");
    case FacetKind::Tag:
        return tr("Tags");
    case FacetKind::Classification:
        return tr("Classification");
    case FacetKind::SourceSystem:
        return tr("Source systems");
    case FacetKind::Status:
        return tr("Status");
    }
    return {};
}

QModelIndex FacetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.row() >= m_groups.size()
        || row >= m_groups.at(parent.row()).values.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()));
}

QModelIndex FacetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId()), 0, kTopLevel);
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).values.size());
}

int FacetModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel) {
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return kindTitle(group.kind);
        case KindRole:
            return int(group.kind);
        case ValueRole:
            return QString();
        case CountRole:
            return qint64(group.values.size());
        case IsKindRole:
            return true;
        default:
            return {};
        }
    }
    const Group &group = m_groups.at(int(index.internalId()));
    const Value &value = group.values.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (!value.label.isEmpty())
            return value.label;
        if (!value.value.isEmpty())
            return value.value;
        return group.kind == FacetKind::Domain ? tr("Unowned") : tr("(none)");
    case Qt::ToolTipRole:
        return value.count == 1 ? tr("1 matching product")
                                : tr("%1 matching products").arg(value.count);
    case Qt::CheckStateRole:
        return value.checked ? Qt::Checked : Qt::Unchecked;
    case KindRole:
        return int(group.kind);
    case ValueRole:
        return value.value;
    case CountRole:
        return value.count;
    case IsKindRole:
        return false;
    default:
        return {};
    }
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.internalId() == kTopLevel)
        return false;
    Value &entry = m_groups[int(index.internalId())].values[index.row()];
    const bool checked = value.toInt() == Qt::Checked;
    if (entry.checked == checked)
        return true;
    entry.checked = checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit filtersChanged();
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kTopLevel)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
           | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> FacetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ValueRole, "value");
    names.insert(CountRole, "count");
    names.insert(IsKindRole, "isKind");
    return names;
}

void FacetModel::setFacets(const FacetCounts &facets)
{
    for (int g = 0; g < m_groups.size(); ++g) {
        Group &group = m_groups[g];
        QList<Value> fresh;
        for (const FacetCount &count : facets.value(group.kind))
            fresh.append(Value{count.value, count.label, count.count, false});
        for (const Value &old : std::as_const(group.values)) {
            if (!old.checked)
                continue;
            auto it = std::find_if(fresh.begin(), fresh.end(),
                                   [&](const Value &v) { return v.value == old.value; });
            if (it != fresh.end())
                it->checked = true;
            else
                fresh.append(Value{old.value, old.label, 0, true}); // so it can be unchecked
        }

        const QModelIndex parent = createIndex(g, 0, kTopLevel);
        const bool sameValues = std::equal(
            fresh.cbegin(), fresh.cend(), group.values.cbegin(), group.values.cend(),
            [](const Value &a, const Value &b) { return a.value == b.value; });
        if (sameValues) {
            if (fresh.isEmpty())
                continue;
            group.values = fresh;
            emit dataChanged(index(0, 0, parent), index(int(fresh.size()) - 1, 0, parent),
                             {CountRole, Qt::ToolTipRole});
            continue;
        }
        if (!group.values.isEmpty()) {
            beginRemoveRows(parent, 0, int(group.values.size()) - 1);
            group.values.clear();
            endRemoveRows();
        }
        if (!fresh.isEmpty()) {
            beginInsertRows(parent, 0, int(fresh.size()) - 1);
            group.values = fresh;
            endInsertRows();
        }
        emit dataChanged(parent, parent, {CountRole});
    }
}

QHash<FacetKind, QStringList> FacetModel::filters() const
{
    QHash<FacetKind, QStringList> result;
    for (const Group &group : m_groups) {
        for (const Value &value : group.values) {
            if (value.checked)
                result[group.kind].append(value.value);
        }
    }
    return result;
}

bool FacetModel::hasFilters() const
{
    for (const Group &group : m_groups) {
        for (const Value &value : group.values) {
            if (value.checked)
                return true;
        }
    }
    return false;
}

void FacetModel::setChecked(FacetKind kind, const QString &value, bool checked)
{
    QModelIndex idx = valueIndex(kind, value);
    if (!idx.isValid()) {
        if (!checked)
            return;
        // Filtering on a value the latest counts do not list (e.g. from a link): add it.
        const QModelIndex parent = kindIndex(kind);
        Group &group = m_groups[parent.row()];
        const int row = int(group.values.size());
        beginInsertRows(parent, row, row);
        group.values.append(Value{value, value, 0, false});
        endInsertRows();
        idx = index(row, 0, parent);
    }
    setData(idx, checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

void FacetModel::clearFilters()
{
    bool changed = false;
    for (int g = 0; g < m_groups.size(); ++g) {
        QList<Value> &values = m_groups[g].values;
        for (int row = 0; row < values.size(); ++row) {
            if (!values[row].checked)
                continue;
            values[row].checked = false;
            changed = true;
            const QModelIndex idx = index(row, 0, createIndex(g, 0, kTopLevel));
            emit dataChanged(idx, idx, {Qt::CheckStateRole});
        }
    }
    if (changed)
        emit filtersChanged();
}

QModelIndex FacetModel::kindIndex(FacetKind kind) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).kind == kind)
            return createIndex(g, 0, kTopLevel);
    }
    return {};
}

QModelIndex FacetModel::valueIndex(FacetKind kind, const QString &value) const
{
    const QModelIndex parent = kindIndex(kind);
    if (!parent.isValid())
        return {};
    const QList<Value> &values = m_groups.at(parent.row()).values;
    for (int row = 0; row < values.size(); ++row) {
        if (values.at(row).value == value)
            return index(row, 0, parent);
    }
    return {};
}

} // namespace Mesh
