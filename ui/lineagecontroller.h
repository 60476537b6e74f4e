// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QThread;

namespace Mesh {

class MainWindow;

/**
 * Wires lineage into the main window: reads the opened catalog's lineage graph in a worker
 * (its own read-only connection) for the product page's Lineage tab, opens Lineage windows on
 * request (View → Lineage window, or the tab's button) and routes their clicks back to the
 * product page. Child of the main window; UI thread.
 */
class LineageController : public QObject
{
    Q_OBJECT

public:
    explicit LineageController(MainWindow *window);
    ~LineageController() override;

    void openWindow(const QString &focusId);

private:
    void loadGraph(const QString &path);

    MainWindow *m_window = nullptr;
    QThread *m_loader = nullptr;
    quint64 m_generation = 0;
};

} // namespace Mesh
