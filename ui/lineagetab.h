// SPDX-License-Identifier: MIT
#pragma once

#include "domaincolors.h"
#include "lineage/lineagegraph.h"
#include "producttab.h"
#include "session/catalogsession.h"

#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace Mesh {

class LineageView;

/**
 * The lineage of the shown product: a graph two steps upstream and downstream (from the catalog's
 * lineage graph once LineageController has loaded it, else from the product's own edges) over two
 * lists of upstream and downstream products; clicking a card or activating a row opens that
 * product, and a button opens the full Lineage window. UI thread.
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
    LineageView *graphView() const { return m_view; }

    /** The whole catalog's lineage, read by LineageController in a worker; null to forget it. */
    void setGraph(std::shared_ptr<const LineageGraph> graph, const DomainColors &colors);

signals:
    void lineageWindowRequested(const QString &key);

private:
    void redraw();

    std::shared_ptr<const LineageGraph> m_graph;
    std::optional<ProductDetails> m_details;
    LineageView *m_view = nullptr;
    QPushButton *m_openWindow = nullptr;
    QLabel *m_upstreamTitle = nullptr;
    QLabel *m_downstreamTitle = nullptr;
    QListWidget *m_upstream = nullptr;
    QListWidget *m_downstream = nullptr;
};

} // namespace Mesh
