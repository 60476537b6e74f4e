// SPDX-License-Identifier: MIT
#pragma once

#include "producttab.h"

class QLabel;
class QTreeWidget;

namespace Mesh {

/**
 * The product's schema: one group per dataset with a row per column — name, type, a coloured
 * classification badge (PII.Sensitive, PII.NonSensitive), description and tags. UI thread.
 */
class SchemaTab : public ProductTab
{
    Q_OBJECT

public:
    enum SchemaColumn { NameColumn, TypeColumn, ClassificationColumn, DescriptionColumn, TagsColumn };

    explicit SchemaTab(QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

    QTreeWidget *tree() const { return m_tree; }

private:
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Mesh
