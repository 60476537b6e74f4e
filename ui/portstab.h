// SPDX-License-Identifier: MIT
#pragma once

#include "producttab.h"

class QLabel;
class QTreeWidget;

namespace Mesh {

/** The product's output ports: each dataset's name, format, location and API endpoint. UI thread. */
class PortsTab : public ProductTab
{
    Q_OBJECT

public:
    explicit PortsTab(QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

    QTreeWidget *tree() const { return m_tree; }

private:
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Mesh
