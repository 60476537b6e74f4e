// SPDX-License-Identifier: MIT
#include "shortcutsdialog.h"

#include "actioncatalog.h"
#include "theme.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

ShortcutsDialog::ShortcutsDialog(QMainWindow *window) : QDialog(window), m_window(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    auto *intro = new QLabel(
        tr("Every command is also in the command palette (%1): type a few letters of its name.")
            .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText)),
        this);
    intro->setWordWrap(true);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("shortcutsFilter"));
    m_filter->setPlaceholderText(tr("Filter by command or key"));
    m_filter->setAccessibleName(tr("Filter shortcuts"));
    m_filter->setClearButtonEnabled(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setHeaderLabels({tr("Command"), tr("Shortcut"), tr("Menu keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(760, 640);

    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    refresh();
}

void ShortcutsDialog::showEvent(QShowEvent *event)
{
    refresh();
    QDialog::showEvent(event);
}

void ShortcutsDialog::refresh()
{
    m_tree->clear();
    const QFont section = Theme::sectionFont(font());
    QTreeWidgetItem *group = nullptr;
    QString groupName;
    auto addGroup = [&](const QString &name) {
        group = new QTreeWidgetItem(m_tree, {name});
        group->setFirstColumnSpanned(true);
        group->setFont(0, section);
        group->setFlags(Qt::ItemIsEnabled);
        groupName = name;
    };
    const QString windowGroup = tr("Window");
    for (const ActionEntry &entry : ActionCatalog::collect(m_window)) {
        const QString name = entry.path.isEmpty() ? windowGroup : entry.path.first();
        if (!group || name != groupName)
            addGroup(name);
        QString text = entry.text;
        if (entry.path.size() > 1)
            text = entry.path.mid(1).join(QStringLiteral(" › ")) + u" › " + text;
        auto *item = new QTreeWidgetItem(group, {text, entry.shortcutText(), entry.mnemonic});
        item->setData(0, Qt::UserRole,
                      QVariant::fromValue(static_cast<QObject *>(entry.action.data())));
        if (entry.action && !entry.action->toolTip().isEmpty() &&
            entry.action->toolTip() != entry.text)
            item->setToolTip(0, entry.action->toolTip());
    }
    // Keys that belong to views rather than to actions.
    addGroup(tr("In views"));
    const QList<QPair<QString, QString>> keys = {
        {tr("Search field: go to the results"), tr("Down, Enter")},
        {tr("Search field: clear the search"), tr("Esc")},
        {tr("Command palette: move, run, close (also Page Up, Page Down)"),
         tr("Up, Down, Enter, Esc")},
        {tr("Preview: go to row"),
         QKeySequence(Qt::CTRL | Qt::Key_G).toString(QKeySequence::NativeText)},
        {tr("Preview: copy the selected cells"),
         QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)},
        {tr("Lineage window: highlight the path to a second card"), tr("Ctrl+click")},
        {tr("Dialogs: next and previous field"), tr("Tab, Shift+Tab")},
    };
    for (const auto &[what, key] : keys)
        new QTreeWidgetItem(group, {what, key, QString()});
    m_tree->expandAll();
    applyFilter(m_filter->text());
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty() ||
                               item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->text(1).contains(needle, Qt::CaseInsensitive) ||
                               group->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

} // namespace Mesh
