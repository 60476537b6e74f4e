// SPDX-License-Identifier: MIT
#include "governance/violationmodel.h"

#include <QMap>

namespace Mesh {

ViolationModel::ViolationModel(QObject *parent) : QAbstractItemModel(parent) {}

void ViolationModel::setReport(const GovernanceReport &report)
{
    beginResetModel();
    m_report = report;
    m_domains.clear();
    QMap<QString, QMap<QString, QList<int>>> grouped;
    for (int i = 0; i < m_report.violations.size(); ++i) {
        const GovernanceViolation &v = m_report.violations[i];
        grouped[v.domain][v.ownerId].append(i);
    }
    // Worst domains first, so the view opens on what needs work.
    for (const DomainCompliance &dc : m_report.domains) {
        if (!grouped.contains(dc.domain))
            continue;
        DomainGroup g{dc.domain, dc.score, dc.products, dc.compliantProducts, {}};
        const QMap<QString, QList<int>> &owners = grouped[dc.domain];
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            g.owners.append({it.key(), it.value()});
        m_domains.append(g);
    }
    std::stable_sort(m_domains.begin(), m_domains.end(),
                     [](const DomainGroup &a, const DomainGroup &b) { return a.score < b.score; });
    endResetModel();
}

const GovernanceViolation *ViolationModel::violationAt(const QModelIndex &index) const
{
    if (!index.isValid() || (index.internalId() & 0xffff) == 0)
        return nullptr;
    const int d = int(index.internalId() >> 16) - 1;
    const int o = int(index.internalId() & 0xffff) - 1;
    const QList<int> &list = m_domains.at(d).owners.at(o).violations;
    return &m_report.violations.at(list.at(index.row()));
}

QModelIndex ViolationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() == 0)
        return createIndex(row, column, ownerId(parent.row()));
    const int d = int(parent.internalId() >> 16) - 1;
    return createIndex(row, column, leafId(d, parent.row()));
}

QModelIndex ViolationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int d = int(child.internalId() >> 16) - 1;
    const int o = int(child.internalId() & 0xffff) - 1;
    if (o < 0)
        return createIndex(d, 0, quintptr(0));
    return createIndex(o, 0, ownerId(d));
}

int ViolationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_domains.size());
    if (parent.column() != 0)
        return 0;
    if (parent.internalId() == 0)
        return int(m_domains.at(parent.row()).owners.size());
    const int o = int(parent.internalId() & 0xffff) - 1;
    if (o >= 0)
        return 0;
    const int d = int(parent.internalId() >> 16) - 1;
    return int(m_domains.at(d).owners.at(parent.row()).violations.size());
}

int ViolationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ViolationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const quintptr id = index.internalId();
    if (id == 0) {
        const DomainGroup &g = m_domains.at(index.row());
        int count = 0;
        for (const OwnerGroup &o : g.owners)
            count += int(o.violations.size());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == ItemColumn)
                return g.domain.isEmpty() ? tr("No domain (dark data)") : g.domain;
            if (index.column() == PolicyColumn)
                return tr("%1% compliant").arg(QString::number(g.score, 'f', 0));
            if (index.column() == ProblemColumn)
                return tr("%n violation(s); %1 of %2 products comply", nullptr, count)
                    .arg(g.compliant)
                    .arg(g.products);
            return {};
        case LevelRole:
            return 0;
        case ScoreRole:
            return g.score;
        default:
            return {};
        }
    }
    const int d = int(id >> 16) - 1;
    const int o = int(id & 0xffff) - 1;
    if (o < 0) {
        const OwnerGroup &g = m_domains.at(d).owners.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == ItemColumn)
                return g.owner.isEmpty() ? tr("No owner") : tr("Owner: %1").arg(g.owner);
            if (index.column() == ProblemColumn)
                return tr("%n violation(s)", nullptr, int(g.violations.size()));
            return {};
        case LevelRole:
            return 1;
        default:
            return {};
        }
    }
    const GovernanceViolation *v = violationAt(index);
    if (!v)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == ItemColumn)
            return v->productName.isEmpty() ? v->productKey : v->productName;
        if (index.column() == PolicyColumn)
            return tr("%1 (%2)").arg(GovernancePolicy::kindName(v->kind),
                                     v->scope.isEmpty() ? tr("global") : v->scope);
        if (index.column() == ProblemColumn)
            return v->message;
        return {};
    case Qt::ToolTipRole:
        return tr("%1 — %2\nDouble-click to open the field to fix.").arg(v->productKey, v->message);
    case ProductKeyRole:
        return v->productKey;
    case FieldRole:
        return v->field;
    case PolicyKindRole:
        return GovernancePolicy::kindName(v->kind);
    case ScopeRole:
        return v->scope.isEmpty() ? QStringLiteral("global") : v->scope;
    case LevelRole:
        return 2;
    default:
        return {};
    }
}

QVariant ViolationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Domain / owner / product");
    case PolicyColumn:
        return tr("Policy");
    case ProblemColumn:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace Mesh
