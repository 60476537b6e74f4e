// SPDX-License-Identifier: MIT
#include "editing/columneditmodel.h"

#include "editing/productdraft.h"

namespace Mesh {

ColumnEditModel::ColumnEditModel(QObject *parent) : QAbstractTableModel(parent) {}

void ColumnEditModel::setDraft(ProductDraft *draft)
{
    if (m_draft)
        disconnect(m_draft, nullptr, this, nullptr);
    m_draft = draft;
    if (m_draft) {
        connect(m_draft, &ProductDraft::loaded, this, &ColumnEditModel::rebuild);
        connect(m_draft, &ProductDraft::fieldChanged, this, [this](const MetadataField &f) {
            if (!f.isColumnField())
                return;
            const QModelIndex i = indexOf(f);
            if (i.isValid())
                emit dataChanged(i, i, {Qt::DisplayRole, Qt::EditRole, ModifiedRole});
        });
    }
    rebuild();
}

void ColumnEditModel::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, SectionCount - 1));
}

void ColumnEditModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_draft) {
        const Product &p = m_draft->product();
        for (int d = 0; d < p.datasets.size(); ++d)
            for (int c = 0; c < p.datasets.at(d).columns.size(); ++c)
                m_rows.append({d, c});
    }
    endResetModel();
}

std::optional<MetadataField> ColumnEditModel::fieldAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return std::nullopt;
    const Row r = m_rows.at(index.row());
    switch (index.column()) {
    case ClassificationSection:
        return MetadataField{MetadataField::Kind::ColumnClassification, r.dataset, r.column};
    case DescriptionSection:
        return MetadataField{MetadataField::Kind::ColumnDescription, r.dataset, r.column};
    case TagsSection:
        return MetadataField{MetadataField::Kind::ColumnTags, r.dataset, r.column};
    default:
        return std::nullopt;
    }
}

QModelIndex ColumnEditModel::indexOf(const MetadataField &field) const
{
    int section = -1;
    switch (field.kind) {
    case MetadataField::Kind::ColumnClassification:
        section = ClassificationSection;
        break;
    case MetadataField::Kind::ColumnDescription:
        section = DescriptionSection;
        break;
    case MetadataField::Kind::ColumnTags:
        section = TagsSection;
        break;
    default:
        return {};
    }
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).dataset == field.dataset && m_rows.at(row).column == field.column)
            return index(row, section);
    return {};
}

int ColumnEditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ColumnEditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SectionCount;
}

QVariant ColumnEditModel::data(const QModelIndex &index, int role) const
{
    if (!m_draft || !index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row r = m_rows.at(index.row());
    const Product &p = m_draft->product();
    if (r.dataset >= p.datasets.size() || r.column >= p.datasets.at(r.dataset).columns.size())
        return {};
    const Dataset &ds = p.datasets.at(r.dataset);
    const Column &c = ds.columns.at(r.column);
    if (role == FieldRole) {
        const auto f = fieldAt(index);
        return f ? QVariant::fromValue(*f) : QVariant();
    }
    if (role == ModifiedRole) {
        const auto f = fieldAt(index);
        return f && f->value(p) != f->value(m_draft->original());
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case DatasetSection:
        return ds.name;
    case ColumnSection:
        return c.name;
    case TypeSection:
        return c.type;
    case ClassificationSection:
        return c.classification;
    case DescriptionSection:
        return c.description;
    case TagsSection:
        return role == Qt::EditRole ? QVariant(c.tags.join(QStringLiteral(", ")))
                                    : QVariant(c.tags.join(QStringLiteral(", ")));
    default:
        return {};
    }
}

QVariant ColumnEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DatasetSection:
        return tr("Dataset");
    case ColumnSection:
        return tr("Column");
    case TypeSection:
        return tr("Type");
    case ClassificationSection:
        return tr("Classification");
    case DescriptionSection:
        return tr("Description");
    case TagsSection:
        return tr("Tags");
    default:
        return {};
    }
}

Qt::ItemFlags ColumnEditModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_editable && fieldAt(index))
        f |= Qt::ItemIsEditable;
    return f;
}

bool ColumnEditModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_editable || !m_draft)
        return false;
    const std::optional<MetadataField> f = fieldAt(index);
    if (!f)
        return false;
    QVariant v = value;
    if (f->kind == MetadataField::Kind::ColumnTags)
        v = MetadataField::normaliseTags(value.toString().split(QLatin1Char(',')));
    if (v == f->value(m_draft->product()))
        return false;
    emit editRequested(*f, v);
    return true;
}

} // namespace Mesh
