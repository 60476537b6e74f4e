// SPDX-License-Identifier: MIT
#pragma once

#include "editing/metadatafield.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Mesh {

class ProductDraft;

/**
 * The columns of a ProductDraft as an editable table: dataset, column, type, classification,
 * description, tags. setData() does not change the draft: it emits editRequested() so that the
 * editor can push an undo command, which changes the draft, which this model follows. UI thread.
 */
class ColumnEditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Section
    {
        DatasetSection,
        ColumnSection,
        TypeSection,
        ClassificationSection,
        DescriptionSection,
        TagsSection,
        SectionCount
    };
    enum Role
    {
        FieldRole = Qt::UserRole + 1,
        ModifiedRole
    };

    explicit ColumnEditModel(QObject *parent = nullptr);

    void setDraft(ProductDraft *draft);
    void setEditable(bool editable);

    /** The draft field a cell edits (column fields only), or nullopt. */
    std::optional<MetadataField> fieldAt(const QModelIndex &index) const;
    QModelIndex indexOf(const MetadataField &field) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void editRequested(const Mesh::MetadataField &field, const QVariant &value);

private:
    void rebuild();
    struct Row
    {
        int dataset;
        int column;
    };
    QPointer<ProductDraft> m_draft;
    QList<Row> m_rows;
    bool m_editable = true;
};

} // namespace Mesh
