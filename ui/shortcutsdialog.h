// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace Mesh {

/**
 * Help → Keyboard Shortcuts: every action of the main window's menus (found by ActionCatalog,
 * so it lists what new features add without being told), grouped by menu, with its shortcut and
 * its menu keys (Alt+F, O), plus the keys that work inside views. A filter field narrows the
 * list. Rebuilt each time it is shown. UI thread.
 */
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow *window);

    /** Re-reads the window's actions. */
    void refresh();
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter(const QString &text);

    QMainWindow *m_window = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Mesh
