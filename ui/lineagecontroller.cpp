// SPDX-License-Identifier: MIT
#include "lineagecontroller.h"

#include "catalog/sqlitecatalogstore.h"
#include "lineagetab.h"
#include "lineagewindow.h"
#include "mainwindow.h"
#include "productpage.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>

#include <algorithm>

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

    auto *import = new QAction(tr("&Import OpenLineage events…"), this);
    import->setObjectName(QStringLiteral("importOpenLineageAction"));
    import->setEnabled(false);
    connect(session, &CatalogSession::opened, import, [import] { import->setEnabled(true); });
    connect(import, &QAction::triggered, this, &LineageController::chooseEventsFile);
    QMenu *viewMenu = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (!menu->menu())
            continue;
        const QString title = menu->text().remove(QLatin1Char('&'));
        if (title == tr("File")) {
            // Above the separator that precedes Quit.
            const QList<QAction *> items = menu->menu()->actions();
            QAction *before = items.size() >= 2 ? items.at(items.size() - 2) : nullptr;
            menu->menu()->insertAction(before && before->isSeparator() ? before : nullptr, import);
        } else if (title == tr("View")) {
            viewMenu = menu->menu();
        }
    }
    if (!viewMenu)
        viewMenu = window->menuBar()->addMenu(tr("&Lineage"));
    viewMenu->addAction(action);
}

LineageController::~LineageController()
{
    if (m_importer) {
        m_importCancel->store(true);
        m_importer->wait();
        delete m_importer;
    }
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

namespace Mesh {

void LineageController::chooseEventsFile()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import OpenLineage events"), QFileInfo(m_window->session()->path()).absolutePath(),
        tr("OpenLineage events (*.json *.ndjson *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        importEvents(path);
}

void LineageController::importEvents(const QString &eventsPath)
{
    const QString catalog = m_window->session()->path();
    if (m_importer || catalog.isEmpty())
        return;
    const qint64 size = std::max<qint64>(1, QFileInfo(eventsPath).size());
    m_importProgress = new QProgressDialog(tr("Importing %1…").arg(QFileInfo(eventsPath).fileName()),
                                           tr("Cancel"), 0, 100, m_window);
    m_importProgress->setObjectName(QStringLiteral("lineageImportProgress"));
    m_importProgress->setWindowTitle(tr("Import OpenLineage events"));
    m_importProgress->setWindowModality(Qt::WindowModal);
    m_importProgress->setMinimumDuration(300);
    m_importProgress->setAutoClose(false);
    m_importProgress->setAutoReset(false);
    m_importProgress->setValue(0);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_importCancel = cancel;
    connect(m_importProgress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });

    // The worker opens its own read-write connection; the session's stays read-only.
    m_importer = QThread::create([this, catalog, eventsPath, cancel, size] {
        ImportReport report;
        CatalogError error;
        auto shown = std::make_shared<int>(-1);
        const bool ok = OpenLineageImporter::importIntoCatalog(
            catalog, eventsPath, &report, &error, cancel.get(), [this, size, shown](qint64 bytes) {
                const int percent = int(std::min<qint64>(100, bytes * 100 / size));
                if (percent == *shown)
                    return;
                *shown = percent;
                QMetaObject::invokeMethod(this, [this, percent] {
                    if (m_importProgress)
                        m_importProgress->setValue(percent);
                }, Qt::QueuedConnection);
            });
        const QString message = ok ? QString() : error.message;
        QMetaObject::invokeMethod(this, [this, report, message] { onImportDone(report, message); },
                                  Qt::QueuedConnection);
    });
    m_importer->start();
}

void LineageController::onImportDone(const ImportReport &report, const QString &error)
{
    m_importer->wait();
    delete m_importer;
    m_importer = nullptr;
    // Later, not now: a modal progress dialog's setValue() processes events, so this can run
    // inside it, and deleting the dialog there crashes when setValue() carries on.
    m_importProgress->hide();
    m_importProgress->deleteLater();
    m_importProgress = nullptr;
    m_lastReport = report;

    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("lineageImportSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Import OpenLineage events"));
    if (!error.isEmpty()) {
        box->setIcon(QMessageBox::Warning);
        box->setText(error);
    } else if (report.cancelled) {
        box->setIcon(QMessageBox::Information);
        box->setText(tr("The import was cancelled; the catalog is unchanged."));
    } else {
        box->setIcon(report.rejected > 0 ? QMessageBox::Warning : QMessageBox::Information);
        box->setText(importSummary(report));
        // Reopen so the results, the product page's lineage and its graph are read again.
        m_window->session()->open(m_window->session()->path());
    }
    box->open();
    emit importFinished(error);
}

QString LineageController::importSummary(const ImportReport &report, int maxProblems)
{
    QString text = tr("Imported %1 of %2 events, %3 rejected: %4 dataset edges, %5 column edges, "
                      "%6 product edges.")
                       .arg(report.imported)
                       .arg(report.records)
                       .arg(report.rejected)
                       .arg(report.datasetEdges)
                       .arg(report.columnEdges)
                       .arg(report.productEdges);
    int shown = 0;
    for (const ImportProblem &p : report.problems) {
        if (shown == maxProblems)
            break;
        const QString where = p.record > 0 ? tr("record %1 (line %2)").arg(p.record).arg(p.line) : tr("file");
        text += QLatin1Char('\n') + where + QStringLiteral(": ") + (p.warning ? tr("warning: ") : QString()) +
                p.message;
        ++shown;
    }
    if (report.problemCount > shown)
        text += QLatin1Char('\n') + tr("… and %1 more problems").arg(report.problemCount - shown);
    return text;
}

} // namespace Mesh
