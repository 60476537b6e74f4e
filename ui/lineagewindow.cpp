// SPDX-License-Identifier: MIT
#include "lineagewindow.h"

#include "catalog/sqlitecatalogstore.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Mesh {

namespace {

QComboBox *depthBox(QWidget *parent, const QString &name)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->addItem(QStringLiteral("1"), 1);
    box->addItem(QStringLiteral("2"), 2);
    box->addItem(QStringLiteral("3"), 3);
    box->addItem(LineageWindow::tr("all"), LineageGraph::kAll);
    box->setCurrentIndex(3);
    return box;
}

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return text;
}

} // namespace

LineageWindow::LineageWindow(const QString &catalogPath, const QString &focusId, QWidget *parent)
    : QMainWindow(parent), m_path(catalogPath), m_focusId(focusId)
{
    setObjectName(QStringLiteral("lineageWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Lineage of %1").arg(focusId));
    resize(1280, 800);

    m_view = new LineageView(this);
    setCentralWidget(m_view);

    auto *bar = addToolBar(tr("Lineage"));
    bar->setObjectName(QStringLiteral("lineageToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" Upstream "), bar));
    m_up = depthBox(bar, QStringLiteral("upstreamDepth"));
    bar->addWidget(m_up);
    bar->addWidget(new QLabel(tr("  Downstream "), bar));
    m_down = depthBox(bar, QStringLiteral("downstreamDepth"));
    bar->addWidget(m_down);
    bar->addSeparator();
    m_find = new QLineEdit(bar);
    m_find->setObjectName(QStringLiteral("lineageFind"));
    m_find->setPlaceholderText(tr("Find in graph"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(240);
    bar->addWidget(m_find);
    m_pathTo = new QLineEdit(bar);
    m_pathTo->setObjectName(QStringLiteral("lineagePathTo"));
    m_pathTo->setPlaceholderText(tr("Path to…"));
    m_pathTo->setToolTip(tr("Highlights the shortest path from the focused node; Ctrl+click two cards does the same"));
    m_pathTo->setClearButtonEnabled(true);
    m_pathTo->setMaximumWidth(200);
    bar->addWidget(m_pathTo);
    bar->addSeparator();
    bar->addAction(tr("Fit to view"), m_view, &LineageView::fitToView);
    bar->addAction(tr("Export image…"), this, &LineageWindow::exportImage);

    connect(m_up, &QComboBox::currentIndexChanged, this, &LineageWindow::redraw);
    connect(m_down, &QComboBox::currentIndexChanged, this, &LineageWindow::redraw);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_view->find(m_find->text()))
            statusBar()->showMessage(tr("“%1” is not in this graph").arg(m_find->text()), 4000);
    });
    connect(m_view, &LineageView::productActivated, this, &LineageWindow::productActivated);
    connect(m_pathTo, &QLineEdit::returnPressed, this, [this] { showPathTo(m_pathTo->text()); });
    connect(m_pathTo, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_view->clearPath();
    });
    connect(m_view, &LineageView::pathRequested, this, &LineageWindow::reportPath);
    connect(m_view, &LineageView::expandRequested, this, &LineageWindow::expandNode);
    connect(m_view, &LineageView::collapseRequested, this, &LineageWindow::collapseNode);

    // Impact panel
    auto *dock = new QDockWidget(tr("Impact"), this);
    dock->setObjectName(QStringLiteral("impactDock"));
    auto *panel = new QWidget(dock);
    m_impactTitle = new QLabel(panel);
    m_impactTitle->setWordWrap(true);
    m_impact = new QTreeWidget(panel);
    m_impact->setObjectName(QStringLiteral("impactList"));
    m_impact->setAccessibleName(tr("Downstream products affected by a change"));
    m_impact->setRootIsDecorated(false);
    m_impact->setHeaderLabels({tr("Product"), tr("Owner"), tr("Domain"), tr("Hops")});
    m_impact->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_impact, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit productActivated(item->data(0, Qt::UserRole).toString());
    });
    auto *csv = new QPushButton(tr("Export CSV…"), panel);
    connect(csv, &QPushButton::clicked, this, &LineageWindow::exportCsv);
    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(m_impactTitle);
    layout->addWidget(m_impact, 1);
    layout->addWidget(csv, 0, Qt::AlignRight);
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({dock}, {380}, Qt::Horizontal);

    m_status = new QLabel(tr("Reading lineage…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 100);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    connect(m_view, &LineageView::layoutProgress, m_progress, &QProgressBar::setValue);
    connect(m_view, &LineageView::layoutFinished, this, [this](int nodes, int edges, long long crossings) {
        m_progress->hide();
        m_status->setText(tr("%1 nodes, %2 edges, %3 crossings · click a card to open its product")
                              .arg(nodes).arg(edges).arg(crossings));
        emit graphShown(nodes);
    });

    // The catalog is read on a worker with its own read-only connection.
    const QString path = m_path;
    m_loader = QThread::create([this, path] {
        CatalogError error;
        auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
        auto graph = std::make_shared<LineageGraph>();
        QList<Domain> domains;
        if (store && LineageGraph::load(*store, graph.get(), &error))
            domains = store->domains();
        const QString message = error ? error.message : QString();
        std::shared_ptr<const LineageGraph> result = graph;
        QMetaObject::invokeMethod(this, [this, result, domains, message] {
            onGraphLoaded(result, domains, message);
        }, Qt::QueuedConnection);
    });
    m_loader->start();
}

LineageWindow::~LineageWindow()
{
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
    }
}

void LineageWindow::onGraphLoaded(const std::shared_ptr<const LineageGraph> &graph,
                                  const QList<Domain> &domains, const QString &error)
{
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_progress->hide();
        return;
    }
    m_graph = graph;
    DomainColors colors;
    colors.setDomains(domains);
    m_view->setDomainColors(colors);
    const int focus = m_graph->find(m_focusId);
    if (focus < 0) {
        m_status->setText(tr("“%1” has no lineage in this catalog").arg(m_focusId));
        m_progress->hide();
        return;
    }
    const LineageNode &node = m_graph->node(focus);
    setWindowTitle(tr("Lineage of %1").arg(node.label));
    m_impactEntries = m_graph->impact(focus);
    m_impactTitle->setText(m_impactEntries.isEmpty()
                               ? tr("Nothing downstream of %1: a change to it affects no other product.").arg(node.label)
                               : tr("A change to %1 affects these %2 downstream products:").arg(node.label).arg(m_impactEntries.size()));
    for (const ImpactEntry &e : std::as_const(m_impactEntries)) {
        auto *item = new QTreeWidgetItem(m_impact, {e.productName, e.ownerName.isEmpty() ? e.ownerId : e.ownerName,
                                                    e.domain, QString::number(e.distance)});
        item->setData(0, Qt::UserRole, e.productKey);
        item->setToolTip(0, e.productKey);
    }
    redraw();
}

void LineageWindow::setDepths(int up, int down)
{
    m_up->setCurrentIndex(m_up->findData(up));
    m_down->setCurrentIndex(m_down->findData(down));
    redraw();
}

void LineageWindow::redraw()
{
    if (!m_graph)
        return;
    const int focus = m_graph->find(m_focusId);
    if (focus < 0)
        return;
    m_shown = m_graph->neighbourhood(focus, m_up->currentData().toInt(), m_down->currentData().toInt());
    showShown({});
}

void LineageWindow::showShown(const QString &anchorId)
{
    const QString focusId = m_graph->node(m_shown.first()).id;
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Laying out %1 nodes…").arg(m_shown.size()));
    if (anchorId.isEmpty())
        m_view->showGraph(m_graph->subgraph(m_shown), focusId);
    else
        m_view->updateGraph(m_graph->subgraph(m_shown), focusId, anchorId);
}

void LineageWindow::expandNode(const QString &id, LineageView::Neighbours which)
{
    const int node = m_graph ? m_graph->find(id) : -1;
    if (node < 0 || m_shown.isEmpty())
        return;
    const bool up = which != LineageView::Neighbours::Downstream;
    const bool down = which != LineageView::Neighbours::Upstream;
    QSet<int> shown(m_shown.begin(), m_shown.end());
    const qsizetype before = m_shown.size();
    const auto add = [&](int other) {
        if (!shown.contains(other)) {
            shown.insert(other);
            m_shown.append(other);
        }
    };
    if (up)
        for (const int l : m_graph->inLinks(node))
            add(m_graph->link(l).from);
    if (down)
        for (const int l : m_graph->outLinks(node))
            add(m_graph->link(l).to);
    if (m_shown.size() == before) {
        const QString label = m_graph->node(node).label;
        statusBar()->showMessage(!down ? tr("Everything upstream of %1 is shown").arg(label)
                                 : !up ? tr("Everything downstream of %1 is shown").arg(label)
                                       : tr("Every neighbour of %1 is shown").arg(label),
                                 4000);
        return;
    }
    showShown(id);
}

void LineageWindow::collapseNode(const QString &id, LineageView::Neighbours which)
{
    const int node = m_graph ? m_graph->find(id) : -1;
    if (node < 0 || m_shown.isEmpty())
        return;
    const bool up = which != LineageView::Neighbours::Downstream;
    const bool down = which != LineageView::Neighbours::Upstream;
    const int focus = m_shown.first();
    QSet<int> shown(m_shown.begin(), m_shown.end());
    // Everything on screen up- (or down-) stream of the node goes, except the node and the focus…
    QSet<int> removed;
    QList<int> queue{node};
    while (!queue.isEmpty()) {
        const int n = queue.takeFirst();
        const auto remove = [&](int other) {
            if (shown.contains(other) && other != focus && other != node && !removed.contains(other)) {
                removed.insert(other);
                queue.append(other);
            }
        };
        if (up)
            for (const int l : m_graph->inLinks(n))
                remove(m_graph->link(l).from);
        if (down)
            for (const int l : m_graph->outLinks(n))
                remove(m_graph->link(l).to);
    }
    if (removed.isEmpty())
        return;
    // …and then whatever is no longer connected to the focus, so no island is left behind.
    QSet<int> kept{focus};
    queue = {focus};
    while (!queue.isEmpty()) {
        const int n = queue.takeFirst();
        const auto visit = [&](int other) {
            if (shown.contains(other) && !removed.contains(other) && !kept.contains(other)) {
                kept.insert(other);
                queue.append(other);
            }
        };
        for (const int l : m_graph->outLinks(n))
            visit(m_graph->link(l).to);
        for (const int l : m_graph->inLinks(n))
            visit(m_graph->link(l).from);
    }
    m_shown.erase(std::remove_if(m_shown.begin(), m_shown.end(), [&](int n) { return !kept.contains(n); }),
                  m_shown.end());
    showShown(kept.contains(node) ? id : m_graph->node(focus).id);
}

bool LineageWindow::showPathTo(const QString &text)
{
    if (!m_graph || m_shown.isEmpty())
        return false;
    const QString from = m_graph->node(m_shown.first()).id;
    int to = m_graph->find(text);
    if (to < 0) { // else the first node on screen whose name contains text
        for (const int n : std::as_const(m_shown))
            if (m_graph->node(n).label.contains(text, Qt::CaseInsensitive)) {
                to = n;
                break;
            }
    }
    if (to < 0) {
        m_view->clearPath();
        statusBar()->showMessage(tr("“%1” is not in this graph").arg(text), 6000);
        return false;
    }
    const QString toId = m_graph->node(to).id;
    const QStringList path = m_view->highlightPath(from, toId);
    reportPath(from, toId, path);
    return !path.isEmpty();
}

void LineageWindow::reportPath(const QString &fromId, const QString &toId, const QStringList &path)
{
    const auto label = [this](const QString &id) {
        const int n = m_graph->find(id);
        return n >= 0 ? m_graph->node(n).label : id;
    };
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("No path between %1 and %2 in this picture").arg(label(fromId), label(toId)), 8000);
        return;
    }
    QStringList labels;
    for (const QString &id : path)
        labels << label(id);
    statusBar()->showMessage(tr("Path: ") +
                             labels.join(QStringLiteral(" → ")));
}

void LineageWindow::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export lineage"), m_focusId + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_view->exportImage(path, &error))
        QMessageBox::warning(this, tr("Export lineage"), error);
}

bool LineageWindow::exportImpactCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QString text = QStringLiteral("product_key,product_name,domain,owner,owner_name,hops\n");
    for (const ImpactEntry &e : m_impactEntries)
        text += QStringList{csvField(e.productKey), csvField(e.productName), csvField(e.domain),
                            csvField(e.ownerId), csvField(e.ownerName), QString::number(e.distance)}
                    .join(QLatin1Char(',')) + QLatin1Char('\n');
    if (file.write(text.toUtf8()) < 0 || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LineageWindow::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export impact"), m_focusId + QStringLiteral("-impact.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportImpactCsv(path, &error))
        QMessageBox::warning(this, tr("Export impact"), error);
}

} // namespace Mesh
