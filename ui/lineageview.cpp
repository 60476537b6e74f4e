// SPDX-License-Identifier: MIT
#include "lineageview.h"

#include <QContextMenuEvent>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QScrollBar>
#include <QSet>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QThread>
#include <QWheelEvent>

#include <cmath>
#include <limits>

namespace Mesh {

namespace {
constexpr double kCardWidth = 200.0;
constexpr double kCardHeight = 58.0;
constexpr double kCell = 600.0; // spatial index cell, scene units
constexpr double kRowHeight = 18.0; // one column of an expanded card
constexpr int kMaxRows = 60;        // columns listed before "… N more"

int rowCount(const QStringList &columns)
{
    return int(std::min<qsizetype>(columns.size(), kMaxRows)) + (columns.size() > kMaxRows ? 1 : 0);
}

double cardHeight(bool expanded, const QStringList &columns)
{
    return expanded ? kCardHeight + 4.0 + std::max(1, rowCount(columns)) * kRowHeight : kCardHeight;
}
} // namespace

/**
 * The whole drawing as one item: cards and edge polylines, indexed by grid cell so a paint only
 * visits what is exposed. Level of detail: below 35 % zoom cards lose their text, below 12 % they
 * become filled boxes and edges one thin path.
 */
class LineageGraphItem : public QGraphicsItem
{
public:
    LineageGraphItem(const LineageGraph &graph, const LayoutResult &layout, int focus,
                     const DomainColors &colors, const QSet<QString> &expanded, const QDateTime &now)
        : m_graph(graph), m_layout(layout), m_focus(focus), m_colors(colors), m_now(now)
    {
        setFlag(ItemUsesExtendedStyleOption);
        m_expanded.assign(size_t(graph.nodeCount()), false);
        m_heights.assign(size_t(graph.nodeCount()), kCardHeight);
        m_freshness.assign(size_t(graph.nodeCount()), LineageView::Freshness::None);
        for (int i = 0; i < graph.nodeCount(); ++i) {
            const LineageCardDetails *details = graph.details(graph.node(i).id);
            m_freshness[size_t(i)] = LineageView::freshnessOf(details, now);
            if (!expanded.contains(graph.node(i).id))
                continue;
            m_expanded[size_t(i)] = true;
            m_heights[size_t(i)] = cardHeight(true, details ? details->columns : QStringList());
        }
        // Column edges between two expanded cards, from the right of one row to the left of the other.
        for (const LineageColumnEdge &edge : graph.columnEdges()) {
            const int a = graph.find(edge.fromCard), b = graph.find(edge.toCard);
            if (a < 0 || b < 0 || !m_expanded[size_t(a)] || !m_expanded[size_t(b)])
                continue;
            const QRectF ra = rowRect(a, edge.fromColumn), rb = rowRect(b, edge.toColumn);
            if (ra.isNull() || rb.isNull())
                continue;
            m_columnEdges.push_back({QPointF(ra.right(), ra.center().y()), QPointF(rb.left(), rb.center().y())});
            m_drawnColumnEdges.append(edge);
        }
        m_bounds = layout.bounds.adjusted(-40, -40, 40, 40);
        const auto cellsOf = [](const QRectF &r, const std::function<void(qint64)> &f) {
            const int x0 = int(std::floor(r.left() / kCell)), x1 = int(std::floor(r.right() / kCell));
            const int y0 = int(std::floor(r.top() / kCell)), y1 = int(std::floor(r.bottom() / kCell));
            for (int x = x0; x <= x1; ++x)
                for (int y = y0; y <= y1; ++y)
                    f((qint64(x) << 32) ^ quint32(y));
        };
        for (int i = 0; i < int(layout.positions.size()); ++i)
            cellsOf(cardRect(i), [&](qint64 cell) { m_nodeCells[cell].push_back(i); });
        for (int e = 0; e < int(layout.routes.size()); ++e) {
            const auto &route = layout.routes[size_t(e)];
            for (size_t k = 0; k + 1 < route.size(); ++k)
                cellsOf(QRectF(route[k], route[k + 1]).normalized().adjusted(-1, -1, 1, 1),
                        [&](qint64 cell) {
                            auto &list = m_edgeCells[cell];
                            if (list.empty() || list.back() != e)
                                list.push_back(e);
                        });
        }
        m_edgeSeen.assign(layout.routes.size(), 0);
        m_nodeSeen.assign(layout.positions.size(), 0);
    }

    QRectF boundingRect() const override { return m_bounds; }

    QRectF cardRect(int node) const
    {
        const QPointF c = m_layout.positions[size_t(node)];
        const double h = m_heights[size_t(node)];
        return {c.x() - kCardWidth / 2, c.y() - h / 2, kCardWidth, h};
    }

    QRectF chevronRect(int node) const
    {
        const QRectF r = cardRect(node);
        return {r.right() - 24, r.top() + 4, 20, 20};
    }

    /** The row of a column in an expanded card; null when it is not listed. */
    QRectF rowRect(int node, const QString &column) const
    {
        const LineageCardDetails *details = m_graph.details(m_graph.node(node).id);
        if (!details || !m_expanded[size_t(node)])
            return {};
        const qsizetype row = details->columns.indexOf(column);
        if (row < 0 || row >= kMaxRows)
            return {};
        const QRectF r = cardRect(node);
        return {r.left() + 8, r.top() + kCardHeight + 2 + double(row) * kRowHeight, r.width() - 16, kRowHeight};
    }

    bool isExpanded(int node) const { return m_expanded[size_t(node)]; }
    LineageView::Freshness freshness(int node) const { return m_freshness[size_t(node)]; }
    const QList<LineageColumnEdge> &drawnColumnEdges() const { return m_drawnColumnEdges; }

    int nodeAt(const QPointF &scenePos) const
    {
        const qint64 cell = (qint64(int(std::floor(scenePos.x() / kCell))) << 32) ^
                            quint32(int(std::floor(scenePos.y() / kCell)));
        const auto it = m_nodeCells.find(cell);
        if (it == m_nodeCells.end())
            return -1;
        for (const int n : it->second)
            if (cardRect(n).contains(scenePos))
                return n;
        return -1;
    }

    void setHighlight(int node)
    {
        m_highlight = node;
        update();
    }

    void setPath(const QList<int> &nodes, const QSet<int> &edges)
    {
        m_pathNodes = QSet<int>(nodes.begin(), nodes.end());
        m_pathEdges = edges;
        update();
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
        const QRectF exposed = option->exposedRect.adjusted(-kCardWidth, -kCardHeight, kCardWidth, kCardHeight);
        ++m_stamp;
        std::vector<int> nodes, edges;
        const int x0 = int(std::floor(exposed.left() / kCell)), x1 = int(std::floor(exposed.right() / kCell));
        const int y0 = int(std::floor(exposed.top() / kCell)), y1 = int(std::floor(exposed.bottom() / kCell));
        for (int x = x0; x <= x1; ++x) {
            for (int y = y0; y <= y1; ++y) {
                const qint64 cell = (qint64(x) << 32) ^ quint32(y);
                if (const auto it = m_nodeCells.find(cell); it != m_nodeCells.end())
                    for (const int n : it->second)
                        if (m_nodeSeen[size_t(n)] != m_stamp) {
                            m_nodeSeen[size_t(n)] = m_stamp;
                            nodes.push_back(n);
                        }
                if (const auto it = m_edgeCells.find(cell); it != m_edgeCells.end())
                    for (const int e : it->second)
                        if (m_edgeSeen[size_t(e)] != m_stamp) {
                            m_edgeSeen[size_t(e)] = m_stamp;
                            edges.push_back(e);
                        }
            }
        }
        const QPalette palette;
        const QColor edgeColor = palette.color(QPalette::Mid);
        // Edges: one path; arrowheads only when they can be seen.
        QPainterPath plainPath, plainArrows, pathPath, pathArrows;
        for (const int e : edges) {
            const auto &route = m_layout.routes[size_t(e)];
            const bool onPath = m_pathEdges.contains(e);
            QPainterPath &path = onPath ? pathPath : plainPath;
            QPainterPath &arrows = onPath ? pathArrows : plainArrows;
            if (route.size() < 2)
                continue;
            path.moveTo(route.front());
            if (lod > 0.35 && route.size() > 2) {
                // Smooth bends: quadratic curves through the midpoints of the polyline.
                for (size_t k = 1; k + 1 < route.size(); ++k)
                    path.quadTo(route[k], (route[k] + route[k + 1]) / 2.0);
                path.lineTo(route.back());
            } else {
                for (size_t k = 1; k < route.size(); ++k)
                    path.lineTo(route[k]);
            }
            if (lod > 0.2 || onPath) {
                const QPointF tip = route.back();
                const QPointF from = route[route.size() - 2];
                const QPointF d = tip - from;
                const double len = std::hypot(d.x(), d.y());
                if (len > 0.0) {
                    const double size = onPath ? 1.5 : 1.0;
                    const QPointF u = d / len, n(-u.y(), u.x());
                    arrows.moveTo(tip);
                    arrows.lineTo(tip - u * 10 * size + n * 5 * size);
                    arrows.lineTo(tip - u * 10 * size - n * 5 * size);
                    arrows.closeSubpath();
                }
            }
        }
        const QColor pathColor = palette.color(QPalette::Highlight);
        painter->setRenderHint(QPainter::Antialiasing, lod > 0.2);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(edgeColor, lod > 0.2 ? 1.4 : 0.0));
        painter->drawPath(plainPath);
        painter->setPen(Qt::NoPen);
        painter->setBrush(edgeColor);
        painter->drawPath(plainArrows);
        if (!pathPath.isEmpty()) {
            // The path stays visible at any zoom: its width is in device pixels when zoomed out.
            QPen pen(pathColor, lod > 0.2 ? 3.5 : 3.0 / std::max(lod, 1e-6));
            pen.setCapStyle(Qt::RoundCap);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(pen);
            painter->drawPath(pathPath);
            painter->setPen(Qt::NoPen);
            painter->setBrush(pathColor);
            painter->drawPath(pathArrows);
        }

        if (lod >= 0.35 && !m_columnEdges.empty()) {
            QPainterPath columnPath;
            for (const auto &[from, to] : m_columnEdges) {
                const double dx = std::max(40.0, std::abs(to.x() - from.x()) / 2);
                columnPath.moveTo(from);
                columnPath.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
            }
            m_deferredColumns = columnPath; // drawn over the cards below
        } else {
            m_deferredColumns = QPainterPath();
        }

        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        const QColor focusColor = palette.color(QPalette::Highlight);
        QFont nameFont = painter->font();
        nameFont.setPointSizeF(10.5);
        nameFont.setBold(true);
        QFont ownerFont = painter->font();
        ownerFont.setPointSizeF(9.0);
        for (const int n : nodes) {
            const QRectF r = cardRect(n);
            const LineageNode &node = m_graph.node(n);
            const QColor domain = m_colors.color(node.domain);
            const bool focus = n == m_focus;
            const bool highlight = n == m_highlight || m_pathNodes.contains(n);
            if (lod < 0.12) {
                painter->fillRect(r, focus || highlight ? focusColor : domain);
                continue;
            }
            painter->setPen(QPen(focus || highlight ? focusColor : palette.color(QPalette::Mid),
                                 focus || highlight ? 3.0 : 1.0));
            painter->setBrush(base);
            painter->drawRoundedRect(r, 6, 6);
            painter->fillRect(QRectF(r.left() + 1, r.top() + 6, 6, r.height() - 12), domain);
            if (lod < 0.35)
                continue;
            const QRectF textRect = QRectF(r.left(), r.top(), r.width(), kCardHeight).adjusted(14, 6, -30, -6);
            drawExtras(painter, n, r, text);
            painter->setPen(text);
            painter->setFont(nameFont);
            const QFontMetricsF nameMetrics(nameFont);
            painter->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), nameMetrics.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              nameMetrics.elidedText(node.label, Qt::ElideRight, textRect.width()));
            painter->setFont(ownerFont);
            const QFontMetricsF ownerMetrics(ownerFont);
            QString second = node.ownerName.isEmpty() ? node.ownerId : node.ownerName;
            if (second.isEmpty())
                second = node.level == LineageLevel::Product ? QObject::tr("no owner") : node.olNamespace;
            if (!node.domain.isEmpty())
                second = node.domain + QStringLiteral(" · ") + second;
            QColor muted = text;
            muted.setAlphaF(0.65);
            painter->setPen(muted);
            painter->drawText(QRectF(textRect.left(), textRect.bottom() - ownerMetrics.height(), textRect.width(),
                                     ownerMetrics.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              ownerMetrics.elidedText(second, Qt::ElideRight, textRect.width()));
        }
        if (!m_deferredColumns.isEmpty()) {
            QColor columnColor = pathColor;
            columnColor.setAlphaF(0.75);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(columnColor, 1.4));
            painter->drawPath(m_deferredColumns);
        }
    }

    /** Chevron, freshness badge and the column rows: only drawn with the card's text. */
    void drawExtras(QPainter *painter, int n, const QRectF &r, const QColor &text)
    {
        const bool expanded = m_expanded[size_t(n)];
        // The chevron: ▸ folded, ▾ expanded.
        const QRectF c = chevronRect(n).adjusted(5, 6, -5, -6);
        QPainterPath chevron;
        if (expanded) {
            chevron.moveTo(c.left(), c.top());
            chevron.lineTo(c.center().x(), c.bottom());
            chevron.lineTo(c.right(), c.top());
        } else {
            chevron.moveTo(c.left() + 2, c.top() - 1);
            chevron.lineTo(c.right() - 1, c.center().y());
            chevron.lineTo(c.left() + 2, c.bottom() + 1);
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(text, 1.6));
        painter->drawPath(chevron);
        // The badge, under the chevron at the right.
        const LineageView::Freshness f = m_freshness[size_t(n)];
        if (f != LineageView::Freshness::None) {
            QFont badgeFont = painter->font();
            badgeFont.setPointSizeF(7.5);
            badgeFont.setBold(true);
            const QString label = f == LineageView::Freshness::Fresh ? QObject::tr("fresh") : QObject::tr("stale");
            const QColor colour = f == LineageView::Freshness::Fresh   ? QColor(0x2e, 0x9e, 0x4f)
                                  : f == LineageView::Freshness::Stale ? QColor(0xd9, 0x8a, 0x00)
                                                                       : QColor(0xc6, 0x28, 0x28);
            const QFontMetricsF metrics(badgeFont);
            const double w = metrics.horizontalAdvance(label) + 10;
            const QRectF badge(r.right() - 8 - w, r.top() + kCardHeight - 22, w, 15);
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawRoundedRect(badge, 7, 7);
            painter->setPen(Qt::white);
            painter->setFont(badgeFont);
            painter->drawText(badge, Qt::AlignCenter, label);
        }
        if (!expanded)
            return;
        const LineageCardDetails *details = m_graph.details(m_graph.node(n).id);
        const QStringList columns = details ? details->columns : QStringList();
        QFont rowFont = painter->font();
        rowFont.setPointSizeF(8.5);
        rowFont.setBold(false);
        painter->setFont(rowFont);
        QColor line = text;
        line.setAlphaF(0.2);
        painter->setPen(line);
        painter->drawLine(QPointF(r.left() + 8, r.top() + kCardHeight), QPointF(r.right() - 8, r.top() + kCardHeight));
        painter->setPen(text);
        const QFontMetricsF metrics(rowFont);
        const auto row = [&](int k) {
            return QRectF(r.left() + 14, r.top() + kCardHeight + 2 + k * kRowHeight, r.width() - 22, kRowHeight);
        };
        if (columns.isEmpty()) {
            QColor muted = text;
            muted.setAlphaF(0.6);
            painter->setPen(muted);
            painter->drawText(row(0), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("no known columns"));
            return;
        }
        for (int k = 0; k < std::min<int>(int(columns.size()), kMaxRows); ++k)
            painter->drawText(row(k), Qt::AlignLeft | Qt::AlignVCenter,
                              metrics.elidedText(columns.at(k), Qt::ElideRight, row(k).width()));
        if (columns.size() > kMaxRows)
            painter->drawText(row(kMaxRows), Qt::AlignLeft | Qt::AlignVCenter,
                              QObject::tr("… %1 more").arg(columns.size() - kMaxRows));
    }

private:
    LineageGraph m_graph;
    LayoutResult m_layout;
    int m_focus = -1;
    int m_highlight = -1;
    QSet<int> m_pathNodes;
    QSet<int> m_pathEdges;
    DomainColors m_colors;
    QDateTime m_now;
    std::vector<bool> m_expanded;
    std::vector<double> m_heights;
    std::vector<LineageView::Freshness> m_freshness;
    std::vector<std::pair<QPointF, QPointF>> m_columnEdges;
    QList<LineageColumnEdge> m_drawnColumnEdges;
    QPainterPath m_deferredColumns;
    QRectF m_bounds;
    std::unordered_map<qint64, std::vector<int>> m_nodeCells;
    std::unordered_map<qint64, std::vector<int>> m_edgeCells;
    std::vector<quint32> m_nodeSeen, m_edgeSeen;
    quint32 m_stamp = 0;
};

/**
 * The whole graph in a corner of the view, from an image rendered once a layout (or a path)
 * changes, with the visible rectangle on top. A click or a drag centres the view there.
 */
class LineageMinimap : public QWidget
{
public:
    explicit LineageMinimap(LineageView *view) : QWidget(view), m_view(view)
    {
        setObjectName(QStringLiteral("lineageMinimap"));
        setCursor(Qt::PointingHandCursor);
        setToolTip(LineageView::tr("Overview: click or drag to move"));
        resize(220, 150);
        hide();
    }

    /** Renders the scene into the cached image; call after the drawing changed. */
    void refresh()
    {
        QGraphicsScene *scene = m_view->scene();
        m_source = scene->itemsBoundingRect();
        if (m_source.isEmpty()) {
            hide();
            return;
        }
        // Fit the scene into at most 220 × 150 keeping its aspect ratio.
        const double scale = std::min(220.0 / m_source.width(), 150.0 / m_source.height());
        const QSize size = (m_source.size() * scale).toSize().expandedTo(QSize(40, 30));
        resize(size);
        m_image = QImage(size * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(devicePixelRatioF());
        m_image.fill(m_view->palette().color(QPalette::Base));
        QPainter painter(&m_image);
        scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), m_source);
        painter.end();
        show();
        raise();
        update();
    }

    QPointF toScene(const QPointF &p) const
    {
        return {m_source.left() + p.x() / width() * m_source.width(),
                m_source.top() + p.y() / height() * m_source.height()};
    }

    QRectF toMap(const QRectF &r) const
    {
        const double sx = width() / m_source.width(), sy = height() / m_source.height();
        return {(r.left() - m_source.left()) * sx, (r.top() - m_source.top()) * sy, r.width() * sx,
                r.height() * sy};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.drawImage(0, 0, m_image);
        const QRectF visible =
            m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(m_source);
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.18);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        painter.setBrush(fill);
        painter.drawRect(toMap(visible).adjusted(0.5, 0.5, -0.5, -0.5));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
    void mousePressEvent(QMouseEvent *event) override { m_view->centerOn(toScene(event->position())); }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (event->buttons() & Qt::LeftButton)
            m_view->centerOn(toScene(event->position()));
    }

private:
    LineageView *m_view = nullptr;
    QImage m_image;
    QRectF m_source;
};

LineageView::LineageView(QWidget *parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("lineageView"));
    setScene(new QGraphicsScene(this));
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setRenderHint(QPainter::TextAntialiasing);
    setBackgroundBrush(palette().color(QPalette::AlternateBase));
    m_minimap = new LineageMinimap(this);
}

LineageView::~LineageView()
{
    cancelLayout();
}

void LineageView::setDomainColors(const DomainColors &colors)
{
    m_colors = colors;
}

void LineageView::cancelLayout()
{
    if (!m_worker)
        return;
    m_cancel->store(true);
    m_worker->wait();
    m_worker = nullptr;
}

void LineageView::clearGraph()
{
    cancelLayout();
    ++m_generation;
    scene()->clear();
    m_item = nullptr;
    m_graph = {};
    m_selected = -1;
    m_pathIds.clear();
    m_minimap->hide();
}

void LineageView::showGraph(const LineageGraph &graph, const QString &focusId)
{
    clearGraph();
    m_graph = graph;
    m_focusId = focusId;
    m_keepView = false;
    startLayout({});
}

void LineageView::updateGraph(const LineageGraph &graph, const QString &focusId, const QString &anchorId)
{
    // Where the kept nodes are now, and where the anchor sits in the viewport.
    QHash<QString, QPointF> before;
    const QPointF centre = mapToScene(viewport()->rect().center());
    if (m_item)
        for (int i = 0; i < m_graph.nodeCount(); ++i)
            before.insert(m_graph.node(i).id, m_item->cardRect(i).center());
    const bool keep = before.contains(anchorId);
    if (keep)
        m_anchorOffset = centre - before.value(anchorId);
    const QTransform zoom = transform();
    clearGraph();
    m_graph = graph;
    m_focusId = focusId;
    m_anchorId = anchorId;
    m_keepView = keep;
    setTransform(zoom);
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<QPointF> previous(size_t(graph.nodeCount()), QPointF(nan, nan));
    for (int i = 0; i < graph.nodeCount(); ++i)
        if (const auto it = before.constFind(graph.node(i).id); it != before.constEnd())
            previous[size_t(i)] = *it;
    startLayout(previous);
}

void LineageView::startLayout(const std::vector<QPointF> &previous)
{
    const LineageGraph &graph = m_graph;
    const quint64 generation = m_generation;
    LayoutGraph input;
    input.nodeCount = int(graph.nodeCount());
    for (const LineageLink &l : graph.links())
        input.edges.emplace_back(l.from, l.to);
    if (!m_expanded.isEmpty()) {
        input.sizes.assign(size_t(input.nodeCount), QPointF(kCardWidth, kCardHeight));
        for (int i = 0; i < input.nodeCount; ++i)
            if (m_expanded.contains(graph.node(i).id)) {
                const LineageCardDetails *details = graph.details(graph.node(i).id);
                input.sizes[size_t(i)].setY(cardHeight(true, details ? details->columns : QStringList()));
            }
    }
    LayoutOptions options;
    options.direction = LayoutOptions::Direction::LeftToRight;
    options.nodeWidth = kCardWidth;
    options.nodeHeight = kCardHeight;
    options.nodeGap = 22;
    options.layerGap = 90;
    options.previousPositions = previous;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    // The worker owns copies; results come back through a queued call, dropped when stale.
    m_worker = QThread::create([this, input, options, cancel, generation] {
        LayoutResult result = LayeredLayout(options).run(input, cancel.get(), [this, cancel](int p) {
            if (!cancel->load())
                QMetaObject::invokeMethod(this, [this, p] { emit layoutProgress(p); }, Qt::QueuedConnection);
        });
        if (!result.cancelled)
            QMetaObject::invokeMethod(this, [this, generation, result] { applyLayout(generation, result); },
                                      Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void LineageView::applyLayout(quint64 generation, const LayoutResult &result)
{
    if (generation != m_generation)
        return;
    if (m_worker) {
        m_worker->wait();
        m_worker = nullptr;
    }
    const int focus = m_graph.find(m_focusId);
    m_item = new LineageGraphItem(m_graph, result, focus, m_colors, m_expanded, now());
    scene()->addItem(m_item);
    scene()->setSceneRect(m_item->boundingRect());
    if (const int anchor = m_graph.find(m_anchorId); m_keepView && anchor >= 0) {
        // The scene must reach as far as the kept viewport, or a small graph would be re-centred.
        const QPointF centre = result.positions[size_t(anchor)] + m_anchorOffset;
        const QSizeF visible = mapToScene(viewport()->rect()).boundingRect().size();
        scene()->setSceneRect(m_item->boundingRect().united(
            QRectF(centre - QPointF(visible.width(), visible.height()) / 2.0, visible)));
        centerOn(centre);
    } else if (focus >= 0 && m_graph.nodeCount() > 40) {
        resetTransform();
        centerOn(result.positions[size_t(focus)]);
    } else {
        fitToView();
    }
    m_keepView = false;
    placeMinimap();
    m_minimap->refresh();
    emit layoutFinished(int(m_graph.nodeCount()), int(m_graph.linkCount()), result.crossings);
}

void LineageView::placeMinimap()
{
    const QRect area = viewport()->geometry();
    m_minimap->move(area.right() - m_minimap->width() - 8, area.bottom() - m_minimap->height() - 8);
}

QWidget *LineageView::minimap() const
{
    return m_minimap;
}

void LineageView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void LineageView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

QStringList LineageView::highlightPath(const QString &fromId, const QString &toId)
{
    const int a = m_graph.find(fromId), b = m_graph.find(toId);
    const QList<int> nodes = a >= 0 && b >= 0 && a != b ? m_graph.shortestPath(a, b) : QList<int>();
    QSet<int> edges;
    for (qsizetype k = 0; k + 1 < nodes.size(); ++k) {
        for (const int l : m_graph.outLinks(nodes[k]))
            if (m_graph.link(l).to == nodes[k + 1])
                edges.insert(l);
    }
    QStringList ids;
    for (const int n : nodes)
        ids << m_graph.node(n).id;
    if (m_item) {
        m_item->setPath(nodes, edges);
        m_minimap->refresh();
    }
    m_pathIds = ids;
    return ids;
}

void LineageView::clearPath()
{
    highlightPath({}, {});
}

QStringList LineageView::highlightedPath() const
{
    return m_pathIds;
}

QString LineageView::selectedId() const
{
    return m_selected >= 0 && m_selected < m_graph.nodeCount() ? m_graph.node(m_selected).id : QString();
}

QPointF LineageView::nodePosition(const QString &id) const
{
    const int n = m_graph.find(id);
    return m_item && n >= 0 ? m_item->cardRect(n).center() : QPointF();
}

void LineageView::fitToView()
{
    if (!m_item)
        return;
    scene()->setSceneRect(m_item->boundingRect()); // drop the room an anchored update added
    fitInView(m_item->boundingRect(), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size.
    if (transform().m11() > 1.0) {
        resetTransform();
        centerOn(m_item->boundingRect().center());
    }
}

bool LineageView::find(const QString &text)
{
    if (!m_item || text.isEmpty())
        return false;
    for (int i = 0; i < m_graph.nodeCount(); ++i) {
        const LineageNode &n = m_graph.node(i);
        if (n.label.contains(text, Qt::CaseInsensitive) || n.id.contains(text, Qt::CaseInsensitive)) {
            m_item->setHighlight(i);
            if (transform().m11() < 0.5)
                setTransform(QTransform::fromScale(0.8, 0.8));
            centerOn(m_item->cardRect(i).center());
            return true;
        }
    }
    return false;
}

bool LineageView::exportImage(const QString &path, QString *error) const
{
    if (!m_item) {
        *error = tr("There is no graph to export yet.");
        return false;
    }
    const QRectF source = m_item->boundingRect();
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(tr("Lineage"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1").arg(path);
            return false;
        }
        scene()->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        return painter.end();
    }
    // PNG at full size, capped so a 50,000-node graph still fits in memory.
    const double scale = std::min(1.0, 16000.0 / std::max(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())), source);
    painter.end();
    if (!image.save(path)) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

void LineageView::wheelEvent(QWheelEvent *event)
{
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double next = transform().m11() * factor;
    if (next < 0.005 || next > 4.0)
        return;
    scale(factor, factor);
    m_minimap->update();
}

void LineageView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->pos();
    QGraphicsView::mousePressEvent(event);
}

void LineageView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (!m_item || event->button() != Qt::LeftButton ||
        (event->pos() - m_pressPos).manhattanLength() > 4)
        return; // a drag, not a click
    const int node = m_item->nodeAt(mapToScene(event->pos()));
    if (node < 0)
        return;
    if (transform().m11() >= 0.35 && m_item->chevronRect(node).contains(mapToScene(event->pos()))) {
        const QString id = m_graph.node(node).id;
        setExpanded(id, !isExpanded(id));
        return;
    }
    if ((event->modifiers() & Qt::ControlModifier) && m_selected >= 0 && m_selected != node) {
        const QString from = m_graph.node(m_selected).id, to = m_graph.node(node).id;
        emit pathRequested(from, to, highlightPath(from, to));
        return;
    }
    m_selected = node;
    m_item->setHighlight(node);
    const QString key = m_graph.node(node).productKey;
    if (!key.isEmpty())
        emit productActivated(key);
}

} // namespace Mesh

namespace Mesh {

LineageView::Freshness LineageView::freshnessOf(const LineageCardDetails *details, const QDateTime &now)
{
    if (!details || details->freshnessSlaHours <= 0 || !details->updatedAt.isValid())
        return Freshness::None;
    const qint64 age = details->updatedAt.secsTo(now);
    const qint64 sla = qint64(details->freshnessSlaHours) * 3600;
    if (age <= sla)
        return Freshness::Fresh;
    return age <= 2 * sla ? Freshness::Stale : Freshness::Overdue;
}

LineageView::Freshness LineageView::freshness(const QString &id) const
{
    const int n = m_graph.find(id);
    return n < 0 ? Freshness::None : freshnessOf(m_graph.details(m_graph.node(n).id), now());
}

void LineageView::setNow(const QDateTime &now)
{
    m_now = now;
    if (m_item) {
        const LineageGraph graph = m_graph; // updateGraph clears m_graph first
        updateGraph(graph, m_focusId, m_focusId);
    }
}

QDateTime LineageView::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void LineageView::setExpanded(const QString &id, bool expanded)
{
    const int n = m_graph.find(id);
    if (n < 0)
        return;
    const QString nodeId = m_graph.node(n).id;
    if (expanded == m_expanded.contains(nodeId))
        return;
    if (expanded)
        m_expanded.insert(nodeId);
    else
        m_expanded.remove(nodeId);
    const LineageGraph graph = m_graph; // updateGraph clears m_graph first
    updateGraph(graph, m_focusId, nodeId);
}

QStringList LineageView::columnsOf(const QString &id) const
{
    const int n = m_graph.find(id);
    const LineageCardDetails *details = n < 0 ? nullptr : m_graph.details(m_graph.node(n).id);
    return details ? details->columns : QStringList();
}

QRectF LineageView::cardRect(const QString &id) const
{
    const int n = m_graph.find(id);
    return m_item && n >= 0 ? m_item->cardRect(n) : QRectF();
}

QRectF LineageView::chevronRect(const QString &id) const
{
    const int n = m_graph.find(id);
    return m_item && n >= 0 ? m_item->chevronRect(n) : QRectF();
}

QList<LineageColumnEdge> LineageView::drawnColumnEdges() const
{
    return m_item ? m_item->drawnColumnEdges() : QList<LineageColumnEdge>();
}

void LineageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = m_item ? m_item->nodeAt(mapToScene(event->pos())) : -1;
    if (node < 0) {
        QGraphicsView::mouseDoubleClickEvent(event);
        return;
    }
    // Double-click shows the next step both ways, in one relayout.
    emit expandRequested(m_graph.node(node).id, Neighbours::Both);
}

void LineageView::contextMenuEvent(QContextMenuEvent *event)
{
    const int node = m_item ? m_item->nodeAt(mapToScene(event->pos())) : -1;
    if (node < 0)
        return;
    const QString id = m_graph.node(node).id;
    QMenu menu(this);
    menu.addAction(tr("Show upstream of this node"), this, [this, id] { emit expandRequested(id, Neighbours::Upstream); });
    menu.addAction(tr("Show downstream of this node"), this, [this, id] { emit expandRequested(id, Neighbours::Downstream); });
    menu.addSeparator();
    menu.addAction(tr("Hide upstream of this node"), this, [this, id] { emit collapseRequested(id, Neighbours::Upstream); });
    menu.addAction(tr("Hide downstream of this node"), this, [this, id] { emit collapseRequested(id, Neighbours::Downstream); });
    if (m_selected >= 0 && m_selected != node) {
        menu.addSeparator();
        const QString from = m_graph.node(m_selected).id;
        menu.addAction(tr("Highlight path from %1").arg(m_graph.node(m_selected).label), this, [this, from, id] {
            emit pathRequested(from, id, highlightPath(from, id));
        });
    }
    menu.exec(event->globalPos());
}

} // namespace Mesh
