// SPDX-License-Identifier: MIT
#pragma once

#include "appearance.h"

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QMenu;

namespace Mesh {

class AboutDialog;
class CommandPalette;
class DropHandler;
class MainWindow;
class ShortcutsDialog;
class WelcomeDialog;

/**
 * The desktop conventions of the main window: View → Theme (System/Light/Dark, remembered),
 * View → Command Palette (Ctrl+Shift+P), Help → Keyboard Shortcuts, Help → Welcome, the About
 * dialog, file drops (DropHandler) and the recent products the palette offers. Everything it
 * lists is discovered from the window's menus, so it needs no changes when features add
 * actions. Created by MainWindow before the other controllers, so the View menu exists when
 * they look for it. Child of the window; UI thread.
 */
class DesktopController : public QObject
{
    Q_OBJECT

public:
    explicit DesktopController(MainWindow *window);

    static DesktopController *of(const MainWindow *window);

    CommandPalette *showCommandPalette();
    ShortcutsDialog *showShortcuts();
    AboutDialog *showAbout();
    /** Shows the welcome and acts on the choice; marks the first run as done. */
    WelcomeDialog *showWelcome();
    /**
     * At start-up without a catalog argument: the welcome on the very first run, otherwise the
     * last catalog (or the demo).
     */
    void startUp();

    void setThemeMode(Appearance::ThemeMode mode);
    DropHandler *dropHandler() const { return m_drops; }
    QAction *paletteAction() const { return m_paletteAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *welcomeAction() const { return m_welcomeAction; }

private:
    QMenu *findMenu(const QString &title) const;
    QMenu *viewMenu();
    QAction *findAction(const QString &objectName) const;
    void createThemeMenu(QMenu *view);
    void onWelcomeChoice(int choice);

    MainWindow *m_window = nullptr;
    DropHandler *m_drops = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_welcomeAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QPointer<CommandPalette> m_palette;
    QPointer<ShortcutsDialog> m_shortcuts;
    QPointer<AboutDialog> m_about;
    QPointer<WelcomeDialog> m_welcome;
};

} // namespace Mesh
