// SPDX-License-Identifier: MIT
#include "lineagecontroller.h"

#include "catalog/sqlitecatalogstore.h"
#include "lineagetab.h"
#include "lineagewindow.h"
#include "mainwindow.h"
#include "productpage.h"

#include <QAction>
#include <QMenuBar>
#include <QThread>

namespace Mesh {

LineageController::LineageController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("lineageController"));
    CatalogSession *session = window->session();
    connect(session, &CatalogSession::opened, this, [this, session] { loadGraph(session->path()); });
    if (auto *tab = window->productPage()->findChild<LineageTab *>())
        connect(tab, &LineageTab::lineageWindowRequested, this, &LineageController::openWindow);

    auto *action = new QAction(tr("&Lineage window"), this);
    action->setObjectName(QStringLiteral("lineageWindowAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(action, &QAction::triggered, this, [this] {
        if (const auto &p = m_window->productPage()->product())
            openWindow(p->product.key);
    });
    window->addAction(action);
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == tr("View")) {
            menu->menu()->addAction(action);
            return;
        }
    }
    window->menuBar()->addMenu(tr("&Lineage"))->addAction(action);
}

LineageController::~LineageController()
{
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
    }
}

void LineageController::loadGraph(const QString &path)
{
    auto *tab = m_window->productPage()->findChild<LineageTab *>();
    if (!tab)
        return;
    tab->setGraph(nullptr, {});
    if (m_loader) {
        m_loader->wait();
        delete m_loader;
    }
    const quint64 generation = ++m_generation;
    m_loader = QThread::create([this, path, generation] {
        CatalogError error;
        auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
        auto graph = std::make_shared<LineageGraph>();
        QList<Domain> domains;
        if (!store || !LineageGraph::load(*store, graph.get(), &error))
            return; // the tab keeps drawing each product's own edges
        domains = store->domains();
        std::shared_ptr<const LineageGraph> result = graph;
        QMetaObject::invokeMethod(this, [this, result, domains, generation] {
            if (generation != m_generation)
                return;
            DomainColors colors;
            colors.setDomains(domains);
            if (auto *tab = m_window->productPage()->findChild<LineageTab *>())
                tab->setGraph(result, colors);
        }, Qt::QueuedConnection);
    });
    m_loader->start();
}

void LineageController::openWindow(const QString &focusId)
{
    auto *window = new LineageWindow(m_window->session()->path(), focusId, m_window);
    window->setWindowFlag(Qt::Window);
    connect(window, &LineageWindow::productActivated, m_window->session(), &CatalogSession::loadProductByKey);
    window->show();
}

} // namespace Mesh
