// SPDX-License-Identifier: MIT
#include "lineageview.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QThread>
#include <QWheelEvent>

#include <cmath>

namespace Mesh {

namespace {
constexpr double kCardWidth = 200.0;
constexpr double kCardHeight = 58.0;
constexpr double kCell = 600.0; // spatial index cell, scene units
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
                     const DomainColors &colors)
        : m_graph(graph), m_layout(layout), m_focus(focus), m_colors(colors)
    {
        setFlag(ItemUsesExtendedStyleOption);
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
        return {c.x() - kCardWidth / 2, c.y() - kCardHeight / 2, kCardWidth, kCardHeight};
    }

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
        QPainterPath path;
        QPainterPath arrows;
        for (const int e : edges) {
            const auto &route = m_layout.routes[size_t(e)];
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
            if (lod > 0.2) {
                const QPointF tip = route.back();
                const QPointF from = route[route.size() - 2];
                const QPointF d = tip - from;
                const double len = std::hypot(d.x(), d.y());
                if (len > 0.0) {
                    const QPointF u = d / len, n(-u.y(), u.x());
                    arrows.moveTo(tip);
                    arrows.lineTo(tip - u * 10 + n * 5);
                    arrows.lineTo(tip - u * 10 - n * 5);
                    arrows.closeSubpath();
                }
            }
        }
        painter->setRenderHint(QPainter::Antialiasing, lod > 0.2);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(edgeColor, lod > 0.2 ? 1.4 : 0.0));
        painter->drawPath(path);
        painter->setPen(Qt::NoPen);
        painter->setBrush(edgeColor);
        painter->drawPath(arrows);

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
            const bool highlight = n == m_highlight;
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
            const QRectF textRect = r.adjusted(14, 6, -8, -6);
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
    }

private:
    LineageGraph m_graph;
    LayoutResult m_layout;
    int m_focus = -1;
    int m_highlight = -1;
    DomainColors m_colors;
    QRectF m_bounds;
    std::unordered_map<qint64, std::vector<int>> m_nodeCells;
    std::unordered_map<qint64, std::vector<int>> m_edgeCells;
    std::vector<quint32> m_nodeSeen, m_edgeSeen;
    quint32 m_stamp = 0;
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
}

void LineageView::showGraph(const LineageGraph &graph, const QString &focusId)
{
    clearGraph();
    m_graph = graph;
    m_focusId = focusId;
    const quint64 generation = m_generation;
    LayoutGraph input;
    input.nodeCount = int(graph.nodeCount());
    for (const LineageLink &l : graph.links())
        input.edges.emplace_back(l.from, l.to);
    LayoutOptions options;
    options.direction = LayoutOptions::Direction::LeftToRight;
    options.nodeWidth = kCardWidth;
    options.nodeHeight = kCardHeight;
    options.nodeGap = 22;
    options.layerGap = 90;
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
    m_item = new LineageGraphItem(m_graph, result, focus, m_colors);
    scene()->addItem(m_item);
    scene()->setSceneRect(m_item->boundingRect());
    if (focus >= 0 && m_graph.nodeCount() > 40) {
        resetTransform();
        centerOn(result.positions[size_t(focus)]);
    } else {
        fitToView();
    }
    emit layoutFinished(int(m_graph.nodeCount()), int(m_graph.linkCount()), result.crossings);
}

void LineageView::fitToView()
{
    if (!m_item)
        return;
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
    m_item->setHighlight(node);
    const QString key = m_graph.node(node).productKey;
    if (!key.isEmpty())
        emit productActivated(key);
}

} // namespace Mesh
