// SPDX-License-Identifier: MIT
#pragma once

#include "producttab.h"

class QLabel;
class QListWidget;

namespace Mesh {

/**
 * Upstream and downstream products of the shown product as two lists of keys; activating one
 * opens that product. A full lineage graph replaces this later. UI thread.
 */
class LineageTab : public ProductTab
{
    Q_OBJECT

public:
    explicit LineageTab(QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

    QListWidget *upstreamList() const { return m_upstream; }
    QListWidget *downstreamList() const { return m_downstream; }

private:
    QLabel *m_upstreamTitle = nullptr;
    QLabel *m_downstreamTitle = nullptr;
    QListWidget *m_upstream = nullptr;
    QListWidget *m_downstream = nullptr;
};

} // namespace Mesh
