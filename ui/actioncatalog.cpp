// SPDX-License-Identifier: MIT
#include "actioncatalog.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>

namespace Mesh {

namespace {

struct Walker
{
    QList<ActionEntry> entries;
    QSet<const QAction *> seen;

    void walk(const QMenu *menu, const QStringList &path, const QString &mnemonic)
    {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || seen.contains(action))
                continue;
            const QString text = ActionCatalog::plainText(action->text());
            if (text.isEmpty())
                continue;
            const QChar letter = ActionCatalog::mnemonicOf(action->text());
            const QString keys = mnemonic.isEmpty() || letter.isNull()
                                     ? QString()
                                     : mnemonic + u", " + letter.toUpper();
            if (QMenu *sub = action->menu()) {
                walk(sub, path + QStringList{text}, keys);
                continue;
            }
            seen.insert(action);
            ActionEntry entry;
            entry.action = action;
            entry.path = path;
            entry.text = text;
            entry.shortcuts = action->shortcuts();
            entry.mnemonic = keys;
            entries.append(entry);
        }
    }
};

} // namespace

QString ActionEntry::pathText() const
{
    return path.join(QStringLiteral(" › "));
}

QString ActionEntry::shortcutText() const
{
    QStringList keys;
    for (const QKeySequence &sequence : shortcuts)
        keys << sequence.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

namespace ActionCatalog {

QString plainText(const QString &menuText)
{
    QString text = menuText.section(QLatin1Char('\t'), 0, 0);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&')
                out += u'&';
            else
                continue;
            ++i;
            continue;
        }
        out += text.at(i);
    }
    return out.trimmed();
}

QChar mnemonicOf(const QString &menuText)
{
    for (qsizetype i = 0; i + 1 < menuText.size(); ++i) {
        if (menuText.at(i) != u'&')
            continue;
        if (menuText.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return menuText.at(i + 1);
    }
    return {};
}

QList<ActionEntry> collect(const QMainWindow *window)
{
    Walker walker;
    if (!window)
        return {};
    if (QMenuBar *bar = window->menuBar()) {
        for (QAction *top : bar->actions()) {
            QMenu *menu = top->menu();
            if (!menu || !top->isVisible())
                continue;
            const QChar letter = mnemonicOf(top->text());
            walker.walk(menu, {plainText(top->text())},
                        letter.isNull()
                            ? QString()
                            : QCoreApplication::translate("Mesh::ActionCatalog", "Alt+%1")
                                  .arg(letter.toUpper()));
        }
    }
    // Actions added to the window only (shortcuts without a menu entry).
    for (QAction *action : window->actions()) {
        if (action->isSeparator() || action->menu() || walker.seen.contains(action))
            continue;
        const QString text = plainText(action->text());
        if (text.isEmpty())
            continue;
        walker.seen.insert(action);
        ActionEntry entry;
        entry.action = action;
        entry.text = text;
        entry.shortcuts = action->shortcuts();
        walker.entries.append(entry);
    }
    return walker.entries;
}

} // namespace ActionCatalog

} // namespace Mesh
