// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;
class QListView;
class QMainWindow;

namespace Mesh {

class CommandPaletteModel;
struct PaletteEntry;

/**
 * The command palette (Ctrl+Shift+P): a search field over every action of the main window's
 * menus (found by ActionCatalog, so new features appear by themselves) and the recent products.
 * Fuzzy matching as you type, Up/Down/Page Up/Page Down move, Enter runs the selected entry
 * after the palette has closed, Escape closes. Products are reported through productRequested.
 * Owned by its parent window; UI thread.
 */
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    explicit CommandPalette(QMainWindow *window);

    /** Refills the list from the window's menus and the given products, then shows it. */
    void popup(const QList<PaletteEntry> &products);

    CommandPaletteModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QListView *list() const { return m_list; }

    /** Runs the entry at row (closing the palette first); false when there is none. */
    bool activateRow(int row);

signals:
    void productRequested(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectRow(int row);
    /** Sizes the list to its rows (up to kMaxVisibleRows), so two matches make a small popup. */
    void fitToRows();

    static constexpr int kMaxVisibleRows = 12;

    QMainWindow *m_window = nullptr;
    CommandPaletteModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
};

} // namespace Mesh
