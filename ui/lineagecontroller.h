// SPDX-License-Identifier: MIT
#pragma once

#include "lineage/openlineageimporter.h"

#include <QObject>

#include <atomic>
#include <memory>

class QProgressDialog;
class QThread;

namespace Mesh {

class MainWindow;

/**
 * Wires lineage into the main window: reads the opened catalog's lineage graph in a worker
 * (its own read-only connection) for the product page's Lineage tab, opens Lineage windows on
 * request (View → Lineage window, or the tab's button) and routes their clicks back to the
 * product page; File → Import OpenLineage events… imports in a worker on a read-write connection of
 * its own, then reopens the catalog. Child of the main window; UI thread.
 */
class LineageController : public QObject
{
    Q_OBJECT

public:
    explicit LineageController(MainWindow *window);
    ~LineageController() override;

    void openWindow(const QString &focusId);

    /**
     * Imports an OpenLineage events file into the open catalog in a worker, with a cancellable
     * progress dialog; then shows the summary and reopens the catalog so lineage and results
     * refresh. What File → Import runs once a file is chosen.
     */
    void importEvents(const QString &eventsPath);
    bool isImporting() const { return m_importer != nullptr; }
    const ImportReport &lastImportReport() const { return m_lastReport; }
    /** "Imported N events, M rejected" and the first few per-record problems. */
    static QString importSummary(const ImportReport &report, int maxProblems = 5);

signals:
    /** An import ended (error empty) or could not run; the summary is on screen. */
    void importFinished(const QString &error);

private:
    void loadGraph(const QString &path);
    void chooseEventsFile();
    void onImportDone(const ImportReport &report, const QString &error);

    MainWindow *m_window = nullptr;
    QThread *m_loader = nullptr;
    quint64 m_generation = 0;
    QThread *m_importer = nullptr;
    std::shared_ptr<std::atomic<bool>> m_importCancel;
    QProgressDialog *m_importProgress = nullptr;
    ImportReport m_lastReport;
};

} // namespace Mesh
