// SPDX-License-Identifier: MIT
#include "commandpalettemodel.h"

#include "fuzzymatch.h"

#include <algorithm>

namespace Mesh {

CommandPaletteModel::CommandPaletteModel(QObject *parent) : QAbstractListModel(parent) {}

void CommandPaletteModel::setEntries(const QList<PaletteEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_rows = computeRows();
    endResetModel();
}

void CommandPaletteModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    beginResetModel();
    m_filter = text;
    m_rows = computeRows();
    endResetModel();
}

const PaletteEntry *CommandPaletteModel::entryAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_entries.at(m_rows.at(row).entry);
}

QList<CommandPaletteModel::Row> CommandPaletteModel::computeRows() const
{
    QList<Row> rows;
    const QString pattern = m_filter.trimmed();
    for (int i = 0; i < m_entries.size(); ++i) {
        const PaletteEntry &e = m_entries.at(i);
        Row row;
        row.entry = i;
        if (pattern.isEmpty()) {
            rows.append(row);
            continue;
        }
        QList<int> positions;
        const int onText = FuzzyMatch::score(pattern, e.text, &positions);
        // The menu path (or product key) helps: "file open" finds File › Open Catalog….
        const QString full = e.detail + u' ' + e.text;
        const int onFull = FuzzyMatch::score(pattern, full);
        if (onText == FuzzyMatch::kNoMatch && onFull == FuzzyMatch::kNoMatch)
            continue;
        if (onText != FuzzyMatch::kNoMatch && onText * 2 >= onFull) {
            row.score = onText * 2;
            row.positions = positions;
        } else {
            row.score = onFull;
        }
        rows.append(row);
    }
    if (!pattern.isEmpty()) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row &a, const Row &b) { return a.score > b.score; });
    } else {
        std::stable_sort(rows.begin(), rows.end(), [this](const Row &a, const Row &b) {
            return m_entries.at(a.entry).kind == PaletteEntry::Kind::Product &&
                   m_entries.at(b.entry).kind != PaletteEntry::Kind::Product;
        });
    }
    return rows;
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const PaletteEntry &e = m_entries.at(row.entry);
    switch (role) {
    case Qt::DisplayRole:
        return e.text;
    case Qt::ToolTipRole:
        return e.detail.isEmpty() ? e.text : QString(e.detail + u" › " + e.text);
    case Qt::AccessibleTextRole: {
        QStringList parts{e.text};
        for (const QString &part : {e.detail, e.shortcut})
            if (!part.isEmpty())
                parts << part;
        return parts.join(u", ");
    }
    case Qt::DecorationRole:
        return e.icon;
    case DetailRole:
        return e.detail;
    case ShortcutRole:
        return e.shortcut;
    case KindRole:
        return int(e.kind);
    case ProductKeyRole:
        return e.productKey;
    case MatchPositionsRole:
        return QVariant::fromValue(row.positions);
    default:
        return {};
    }
}

QHash<int, QByteArray> CommandPaletteModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(DetailRole, "detail");
    names.insert(ShortcutRole, "shortcut");
    names.insert(KindRole, "kind");
    names.insert(ProductKeyRole, "productKey");
    names.insert(MatchPositionsRole, "matchPositions");
    return names;
}

} // namespace Mesh
