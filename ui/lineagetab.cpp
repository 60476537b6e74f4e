// SPDX-License-Identifier: MIT
#include "lineagetab.h"

#include "lineageview.h"
#include "session/catalogsession.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mesh {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

void fill(QListWidget *list, const ProductDetails &details, bool upstream)
{
    list->clear();
    for (const LineageEdge &edge : details.lineage) {
        const bool matches = upstream ? edge.toKey == details.product.key
                                      : edge.fromKey == details.product.key;
        if (!matches)
            continue;
        const QString key = upstream ? edge.fromKey : edge.toKey;
        auto *item = new QListWidgetItem(key, list);
        item->setData(kKeyRole, key);
        QStringList about;
        if (!edge.kind.isEmpty())
            about << edge.kind;
        if (!edge.jobName.isEmpty())
            about << LineageTab::tr("job %1").arg(edge.jobName);
        item->setToolTip(about.join(QStringLiteral(" · ")));
    }
    if (list->count() == 0) {
        auto *item = new QListWidgetItem(upstream ? LineageTab::tr("No upstream products recorded")
                                                  : LineageTab::tr("No downstream products recorded"),
                                         list);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace

LineageTab::LineageTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("lineageTab"));
    const auto makeList = [this](const QString &name) {
        auto *list = new QListWidget(this);
        list->setObjectName(name);
        list->setAlternatingRowColors(true);
        list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px 6px; }"));
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            const QString key = item->data(kKeyRole).toString();
            if (!key.isEmpty())
                emit productActivated(key);
        });
        return list;
    };
    m_upstreamTitle = new QLabel(this);
    m_upstreamTitle->setFont(Theme::sectionFont(font()));
    m_upstream = makeList(QStringLiteral("upstreamList"));
    m_upstream->setAccessibleName(tr("Upstream products"));
    m_downstreamTitle = new QLabel(this);
    m_downstreamTitle->setFont(Theme::sectionFont(font()));
    m_downstream = makeList(QStringLiteral("downstreamList"));
    m_downstream->setAccessibleName(tr("Downstream products"));

    auto *hint = new QLabel(tr("Click a card or double-click a row to open that product."), this);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    hint->setPalette(palette);

    m_view = new LineageView(this);
    m_view->setMinimumHeight(220);
    connect(m_view, &LineageView::productActivated, this, &ProductTab::productActivated);
    m_openWindow = new QPushButton(tr("Open lineage window…"), this);
    m_openWindow->setObjectName(QStringLiteral("openLineageWindow"));
    connect(m_openWindow, &QPushButton::clicked, this, [this] {
        if (m_details)
            emit lineageWindowRequested(m_details->product.key);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(hint, 1);
    top->addWidget(m_openWindow);
    auto *lists = new QHBoxLayout;
    for (const auto &[title, list] : {std::pair(m_upstreamTitle, m_upstream), std::pair(m_downstreamTitle, m_downstream)}) {
        auto *column = new QVBoxLayout;
        column->addWidget(title);
        column->addWidget(list, 1);
        lists->addLayout(column, 1);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_view, 3);
    layout->addSpacing(4);
    layout->addLayout(lists, 1);
    clearProduct();
}

void LineageTab::showProduct(const ProductDetails &details)
{
    fill(m_upstream, details, true);
    fill(m_downstream, details, false);
    m_upstreamTitle->setText(tr("Upstream — feeds this product (%1)")
                                 .arg(details.upstreamKeys().size()));
    m_downstreamTitle->setText(tr("Downstream — built from this product (%1)")
                                   .arg(details.downstreamKeys().size()));
    m_details = details;
    redraw();
}

void LineageTab::setGraph(std::shared_ptr<const LineageGraph> graph, const DomainColors &colors)
{
    m_graph = std::move(graph);
    m_view->setDomainColors(colors);
    redraw();
}

void LineageTab::redraw()
{
    if (!m_details) {
        m_view->clearGraph();
        return;
    }
    const Product &p = m_details->product;
    if (m_graph && m_graph->find(p.key) >= 0) {
        m_view->showGraph(m_graph->subgraph(m_graph->neighbourhood(m_graph->find(p.key), 2, 2)), p.key);
        return;
    }
    // Until the catalog's graph is read: the product and its direct neighbours, named by key.
    LineageGraph graph;
    const QString owner = m_details->owner ? m_details->owner->displayName : p.ownerId;
    graph.addNode({p.key, LineageLevel::Product, p.name, p.key, p.domain, p.ownerId, owner, {}, {}});
    for (const LineageEdge &edge : m_details->lineage) {
        for (const QString &key : {edge.fromKey, edge.toKey})
            graph.addNode({key, LineageLevel::Product, key, key, {}, {}, {}, {}, {}});
        graph.addLink({graph.find(edge.fromKey), graph.find(edge.toKey), edge.kind, edge.jobName, {}});
    }
    m_view->showGraph(graph, p.key);
}

void LineageTab::clearProduct()
{
    m_details.reset();
    m_view->clearGraph();
    m_upstream->clear();
    m_downstream->clear();
    m_upstreamTitle->setText(tr("Upstream"));
    m_downstreamTitle->setText(tr("Downstream"));
}

} // namespace Mesh
