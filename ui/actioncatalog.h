// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;
class QMainWindow;

namespace Mesh {

/** One command the user can run: a QAction found in the main window's menus or on the window. */
struct ActionEntry
{
    QPointer<QAction> action;
    /** The menu titles leading to it, without mnemonics: {"File", "Open Recent"}. */
    QStringList path;
    /** The action's text without mnemonic markers, e.g. "Open Catalog…". */
    QString text;
    QList<QKeySequence> shortcuts;
    /** Its menu mnemonics as keys, e.g. "Alt+F, O"; empty when a level has none. */
    QString mnemonic;

    /** "File › Open Recent", or empty for actions that live on the window only. */
    QString pathText() const;
    /** The shortcuts in the platform's notation, joined with ", ". */
    QString shortcutText() const;
};

/**
 * Discovers the window's commands by walking its menu bar (recursively through submenus) and
 * the actions added to the window itself, so every feature that puts a QAction in a menu shows
 * up in the command palette and in Help → Keyboard Shortcuts without being listed anywhere.
 * Separators, submenu entries and actions without text are left out; an action that appears
 * twice is listed once, at its first menu position. UI thread.
 */
namespace ActionCatalog {

QList<ActionEntry> collect(const QMainWindow *window);

/** Menu text as shown to a reader: "&Open…\tCtrl+O" → "Open…", "Save && Quit" → "Save & Quit". */
QString plainText(const QString &menuText);

/** The mnemonic letter of menu text ("&Open" → 'O'), or a null QChar when there is none. */
QChar mnemonicOf(const QString &menuText);

} // namespace ActionCatalog

} // namespace Mesh
