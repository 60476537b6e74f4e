// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "lineage/lineagegraph.h"
#include "lineageview.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QThread;
class QTreeWidget;

namespace Mesh {

/**
 * The full lineage of one product (or dataset or column) in its own window: the graph up to the
 * chosen depth upstream and downstream, find, fit, PNG/SVG export, and the impact panel (every
 * downstream product and its owner, exportable as CSV), the path between two nodes (Ctrl+click
 * or "Path to"), and expanding or collapsing one node's neighbours. Reads the catalog in a worker thread with
 * its own read-only connection; the layout runs in the view's worker. UI thread; deletes itself
 * when closed.
 */
class LineageWindow : public QMainWindow
{
    Q_OBJECT

public:
    LineageWindow(const QString &catalogPath, const QString &focusId, QWidget *parent = nullptr);
    ~LineageWindow() override;

    LineageView *view() const { return m_view; }
    QTreeWidget *impactList() const { return m_impact; }
    /** Sets the depths (LineageGraph::kAll for all) and redraws. */
    void setDepths(int up, int down);
    bool exportImpactCsv(const QString &path, QString *error) const;
    /** Highlights the path from the focused node to the node text finds; false when none. */
    bool showPathTo(const QString &text);
    /** Adds a node's direct neighbours on one side to the picture (from the whole graph). */
    void expandNode(const QString &id, LineageView::Neighbours which);
    /** Removes what is up- or downstream of a node and no longer connected to the focus. */
    void collapseNode(const QString &id, LineageView::Neighbours which);

signals:
    void productActivated(const QString &key);
    /** The graph is on screen (after each depth change). */
    void graphShown(int nodes);

private:
    void onGraphLoaded(const std::shared_ptr<const LineageGraph> &graph, const QList<Domain> &domains,
                       const QString &error);
    void redraw();
    void showShown(const QString &anchorId);
    void reportPath(const QString &fromId, const QString &toId, const QStringList &path);
    void exportImage();
    void exportCsv();

    QString m_path;
    QString m_focusId;
    std::shared_ptr<const LineageGraph> m_graph;
    QThread *m_loader = nullptr;
    LineageView *m_view = nullptr;
    QComboBox *m_up = nullptr;
    QComboBox *m_down = nullptr;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_pathTo = nullptr;
    QList<int> m_shown; // nodes of m_graph on screen, the focus first
    QTreeWidget *m_impact = nullptr;
    QLabel *m_impactTitle = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QList<ImpactEntry> m_impactEntries;
};

} // namespace Mesh
