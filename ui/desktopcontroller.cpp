// SPDX-License-Identifier: MIT
#include "desktopcontroller.h"

#include "aboutdialog.h"
#include "actioncatalog.h"
#include "commandpalette.h"
#include "commandpalettemodel.h"
#include "drophandler.h"
#include "mainwindow.h"
#include "productpage.h"
#include "recentproducts.h"
#include "session/catalogsession.h"
#include "shortcutsdialog.h"
#include "welcomedialog.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

namespace Mesh {

DesktopController::DesktopController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("desktopController"));
    m_drops = new DropHandler(window);

    QMenu *view = viewMenu();
    m_paletteAction = new QAction(tr("Command &Palette…"), this);
    m_paletteAction->setObjectName(QStringLiteral("commandPaletteAction"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_paletteAction->setToolTip(tr("Search every command and your recent products"));
    connect(m_paletteAction, &QAction::triggered, this, &DesktopController::showCommandPalette);
    view->addAction(m_paletteAction);
    window->addAction(m_paletteAction); // also when the menu bar is hidden
    createThemeMenu(view);
    view->addSeparator();

    if (QMenu *help = findMenu(tr("Help"))) {
        const QList<QAction *> items = help->actions();
        QAction *first = items.isEmpty() ? nullptr : items.first();
        m_welcomeAction = new QAction(tr("&Welcome"), this);
        m_welcomeAction->setObjectName(QStringLiteral("welcomeAction"));
        m_welcomeAction->setToolTip(tr("What Mesh Explorer is and how to start"));
        connect(m_welcomeAction, &QAction::triggered, this, &DesktopController::showWelcome);
        m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
        m_shortcutsAction->setObjectName(QStringLiteral("keyboardShortcutsAction"));
        m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
        connect(m_shortcutsAction, &QAction::triggered, this, &DesktopController::showShortcuts);
        help->insertAction(first, m_welcomeAction);
        help->insertAction(first, m_shortcutsAction);
        help->insertSeparator(first);
    }

    // Remember the products the user opens, per catalog, for the palette.
    connect(window, &MainWindow::productShown, this, [this] {
        if (const auto &shown = m_window->productPage()->product())
            RecentProducts::add(m_window->session()->path(), shown->product.key,
                                shown->product.name);
    });
}

DesktopController *DesktopController::of(const MainWindow *window)
{
    return window ? window->findChild<DesktopController *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

QMenu *DesktopController::findMenu(const QString &title) const
{
    for (QAction *action : m_window->menuBar()->actions())
        if (action->menu() && ActionCatalog::plainText(action->text()) == title)
            return action->menu();
    return nullptr;
}

QMenu *DesktopController::viewMenu()
{
    if (QMenu *view = findMenu(tr("View")))
        return view;
    // After Edit (or File), before the menus features add and before Help.
    auto *view = new QMenu(tr("&View"), m_window);
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *before = nullptr;
    const QList<QAction *> menus = m_window->menuBar()->actions();
    for (int i = 0; i < menus.size(); ++i) {
        const QString title = ActionCatalog::plainText(menus.at(i)->text());
        if (title == tr("Edit") || title == tr("File"))
            before = i + 1 < menus.size() ? menus.at(i + 1) : nullptr;
    }
    m_window->menuBar()->insertMenu(before, view);
    return view;
}

QAction *DesktopController::findAction(const QString &objectName) const
{
    for (const ActionEntry &entry : ActionCatalog::collect(m_window))
        if (entry.action && entry.action->objectName() == objectName)
            return entry.action;
    return nullptr;
}

void DesktopController::createThemeMenu(QMenu *view)
{
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    const Appearance::ThemeMode current = Appearance::currentThemeMode();
    const QList<QPair<Appearance::ThemeMode, QString>> modes = {
        {Appearance::ThemeMode::System, tr("&System")},
        {Appearance::ThemeMode::Light, tr("&Light")},
        {Appearance::ThemeMode::Dark, tr("&Dark")},
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = theme->addAction(text);
        action->setObjectName(QStringLiteral("theme-%1Action").arg(Appearance::modeKey(mode)));
        action->setCheckable(true);
        action->setChecked(mode == current);
        action->setData(int(mode));
        action->setToolTip(mode == Appearance::ThemeMode::System
                               ? tr("Follow the desktop's light or dark setting")
                               : tr("Use this theme whatever the desktop uses"));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode = mode] { setThemeMode(mode); });
    }
}

void DesktopController::setThemeMode(Appearance::ThemeMode mode)
{
    Appearance::setThemeMode(mode);
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(mode));
}

CommandPalette *DesktopController::showCommandPalette()
{
    if (!m_palette) {
        m_palette = new CommandPalette(m_window);
        connect(m_palette, &CommandPalette::productRequested, this,
                [this](const QString &key) { m_window->session()->loadProductByKey(key); });
    }
    QList<PaletteEntry> products;
    if (m_window->session()->isOpen()) {
        for (const RecentProducts::Item &item : RecentProducts::list(m_window->session()->path())) {
            PaletteEntry e;
            e.kind = PaletteEntry::Kind::Product;
            e.text = item.name.isEmpty() ? item.key : item.name;
            e.detail = tr("Recent product · %1").arg(item.key);
            e.productKey = item.key;
            e.icon = QIcon(QStringLiteral(":/icons/select-product.svg"));
            products.append(e);
        }
    }
    m_palette->popup(products);
    return m_palette;
}

ShortcutsDialog *DesktopController::showShortcuts()
{
    if (!m_shortcuts)
        m_shortcuts = new ShortcutsDialog(m_window);
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
    return m_shortcuts;
}

AboutDialog *DesktopController::showAbout()
{
    if (!m_about)
        m_about = new AboutDialog(m_window);
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
    return m_about;
}

WelcomeDialog *DesktopController::showWelcome()
{
    if (m_welcome && m_welcome->isVisible()) {
        m_welcome->raise();
        return m_welcome;
    }
    m_welcome =
        new WelcomeDialog(findAction(QStringLiteral("addSourceAction")) != nullptr, m_window);
    m_welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_welcome, &QDialog::finished, this, [this, welcome = m_welcome.data()] {
        onWelcomeChoice(welcome->choice());
        if (m_welcome == welcome)
            m_welcome = nullptr;
    });
    WelcomeDialog::markShown();
    m_welcome->open();
    return m_welcome;
}

void DesktopController::onWelcomeChoice(int choice)
{
    QAction *open = findAction(QStringLiteral("openCatalogAction"));
    switch (WelcomeDialog::Choice(choice)) {
    case WelcomeDialog::OpenDemo:
        m_window->openDemoCatalog();
        break;
    case WelcomeDialog::OpenCatalog:
        if (open)
            open->trigger();
        break;
    case WelcomeDialog::AddSource:
        // File → Add Source… (FederationController) opens a catalog first when none is open;
        // a window without it (a stripped-down build) falls back to opening a catalog file.
        if (QAction *add = findAction(QStringLiteral("addSourceAction")))
            add->trigger();
        else if (open)
            open->trigger();
        break;
    case WelcomeDialog::None:
        break;
    }
}

void DesktopController::startUp()
{
    if (WelcomeDialog::isFirstRun())
        showWelcome();
    else
        m_window->reopenLastCatalog();
}

} // namespace Mesh
