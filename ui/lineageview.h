// SPDX-License-Identifier: MIT
#pragma once

#include "domaincolors.h"
#include "lineage/layeredlayout.h"
#include "lineage/lineagegraph.h"

#include <QGraphicsView>

#include <atomic>
#include <memory>

class QThread;

namespace Mesh {

class LineageGraphItem;

/**
 * A lineage graph drawn as cards (name, domain colour, owner) and arrows, laid out left to right
 * by LayeredLayout in a worker thread (a new graph cancels the running layout). One scene item
 * paints only what is exposed and draws plain boxes and thin lines when zoomed out, so 50,000
 * nodes pan and zoom smoothly. Wheel zooms, drag pans, a click on a card opens its product.
 * UI thread; the worker only runs the layout on a copy of the graph.
 */
class LineageView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit LineageView(QWidget *parent = nullptr);
    ~LineageView() override;

    void setDomainColors(const DomainColors &colors);
    /** Lays graph out (in a worker) and shows it; focusId is highlighted and centred. */
    void showGraph(const LineageGraph &graph, const QString &focusId);
    void clearGraph();
    const LineageGraph &graph() const { return m_graph; }
    bool isLayingOut() const { return m_worker != nullptr; }

    void fitToView();
    /** Centres and highlights the first node whose name or id contains text; false if none. */
    bool find(const QString &text);
    /** Writes the whole drawing as PNG or SVG (by suffix); false with *error when it cannot. */
    bool exportImage(const QString &path, QString *error) const;

signals:
    void layoutProgress(int percent);
    void layoutFinished(int nodes, int edges, long long crossings);
    /** The user clicked a card that belongs to a product. */
    void productActivated(const QString &key);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void cancelLayout();
    void applyLayout(quint64 generation, const LayoutResult &result);

    LineageGraph m_graph;
    QString m_focusId;
    DomainColors m_colors;
    LineageGraphItem *m_item = nullptr;
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    QPoint m_pressPos;
};

} // namespace Mesh
