// SPDX-License-Identifier: MIT
#pragma once

#include "domaincolors.h"
#include "lineage/layeredlayout.h"
#include "lineage/lineagegraph.h"

#include <QDateTime>
#include <QGraphicsView>
#include <QSet>

#include <atomic>
#include <memory>

class QThread;

namespace Mesh {

class LineageGraphItem;
class LineageMinimap;

/**
 * A lineage graph drawn as cards (name, domain colour, owner) and arrows, laid out left to right
 * by LayeredLayout in a worker thread (a new graph cancels the running layout). One scene item
 * paints only what is exposed and draws plain boxes and thin lines when zoomed out, so 50,000
 * nodes pan and zoom smoothly. Wheel zooms, drag pans, a click on a card opens its product,
 * Ctrl+click on a second card highlights the shortest path between the two, the context menu
 * asks to expand or collapse a card's neighbours. A minimap in the bottom-right corner shows the
 * whole graph and the visible rectangle. A card shows a freshness badge (its product's
 * freshness SLA against its last update) and a chevron that expands it into its column list;
 * column-level edges are drawn between the rows of two expanded cards. A redrawn graph starts from the previous positions of the
 * nodes it keeps and stays anchored on the card that was expanded, so the picture does not jump.
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
    /**
     * Like showGraph, for a graph that changes the one on screen (a card expanded or collapsed):
     * the layout starts from the current positions and anchorId keeps its place in the viewport.
     */
    void updateGraph(const LineageGraph &graph, const QString &focusId, const QString &anchorId);
    void clearGraph();
    const LineageGraph &graph() const { return m_graph; }
    bool isLayingOut() const { return m_worker != nullptr; }

    void fitToView();
    /** Centres and highlights the first node whose name or id contains text; false if none. */
    bool find(const QString &text);
    /** Writes the whole drawing as PNG or SVG (by suffix); false with *error when it cannot. */
    bool exportImage(const QString &path, QString *error) const;

    /**
     * Highlights the shortest directed path between two nodes (by id, either direction) with its
     * cards and edges; returns its node ids, empty (and nothing highlighted) when there is none.
     */
    QStringList highlightPath(const QString &fromId, const QString &toId);
    void clearPath();
    QStringList highlightedPath() const;
    /** The node clicked last, the start of a Ctrl+click path. */
    QString selectedId() const;
    /** Centre of a node's card in scene coordinates; null when it is not drawn. */
    QPointF nodePosition(const QString &id) const;
    QWidget *minimap() const;

    enum class Neighbours { Upstream, Downstream, Both };

    /** The badge of a card: none without an SLA, fresh within it, stale past it, overdue past twice it. */
    enum class Freshness { None, Fresh, Stale, Overdue };
    static Freshness freshnessOf(const LineageCardDetails *details, const QDateTime &now);
    Freshness freshness(const QString &id) const;
    /** The time badges are computed against; invalid (the default) = the current time. */
    void setNow(const QDateTime &now);
    QDateTime now() const;

    /** Expands a card into its column list (or folds it back); relays the graph out. */
    void setExpanded(const QString &id, bool expanded);
    bool isExpanded(const QString &id) const { return m_expanded.contains(id); }
    /** The columns a card lists when expanded. */
    QStringList columnsOf(const QString &id) const;
    /** A card's rectangle in scene coordinates; null when it is not drawn. */
    QRectF cardRect(const QString &id) const;
    /** Where a card's expand chevron is, in scene coordinates; null when it is not drawn. */
    QRectF chevronRect(const QString &id) const;
    /** The column edges drawn now: those whose two cards are expanded. */
    QList<LineageColumnEdge> drawnColumnEdges() const;

signals:
    void layoutProgress(int percent);
    void layoutFinished(int nodes, int edges, long long crossings);
    /** The user clicked a card that belongs to a product. */
    void productActivated(const QString &key);
    /** Ctrl+click asked for a path; path is empty when there is none. */
    void pathRequested(const QString &fromId, const QString &toId, const QStringList &path);
    void expandRequested(const QString &id, Mesh::LineageView::Neighbours which);
    void collapseRequested(const QString &id, Mesh::LineageView::Neighbours which);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void cancelLayout();
    void startLayout(const std::vector<QPointF> &previous);
    void applyLayout(quint64 generation, const LayoutResult &result);
    void placeMinimap();

    LineageGraph m_graph;
    QString m_focusId;
    DomainColors m_colors;
    LineageGraphItem *m_item = nullptr;
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    QPoint m_pressPos;
    int m_selected = -1;
    LineageMinimap *m_minimap = nullptr;
    QString m_anchorId;
    QPointF m_anchorOffset; // viewport centre minus the anchor's position, scene units
    bool m_keepView = false;
    QStringList m_pathIds;
    QSet<QString> m_expanded;
    QDateTime m_now;
};

} // namespace Mesh
