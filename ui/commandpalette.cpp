// SPDX-License-Identifier: MIT
#include "commandpalette.h"

#include "actioncatalog.h"
#include "commandpalettemodel.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/** Text with the matched letters in bold, the menu path muted, the shortcut at the right. */
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(200, option.fontMetrics.height() + 14);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        opt.text.clear();
        opt.icon = QIcon();
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        painter->save();
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette &pal = opt.palette;
        const QColor text =
            selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
        QColor muted = selected ? text : Theme::mutedTextColor(widget);
        if (selected)
            muted.setAlpha(200);
        QRect r = opt.rect.adjusted(10, 0, -10, 0);

        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        const int iconSize = opt.fontMetrics.height();
        if (!icon.isNull())
            icon.paint(painter, QRect(r.left(), r.center().y() - iconSize / 2, iconSize, iconSize));
        r.setLeft(r.left() + iconSize + 8);

        // Shortcut at the right, in a key cap.
        const QString shortcut = index.data(CommandPaletteModel::ShortcutRole).toString();
        const QFont small = Theme::smallFont(opt.font);
        if (!shortcut.isEmpty()) {
            painter->setFont(small);
            const QFontMetrics fm(small);
            const int w = fm.horizontalAdvance(shortcut) + 12;
            const QRect cap(r.right() - w, r.center().y() - fm.height() / 2 - 2, w,
                            fm.height() + 4);
            painter->setRenderHint(QPainter::Antialiasing);
            QColor frame = muted;
            frame.setAlpha(110);
            painter->setPen(frame);
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(cap).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
            painter->setPen(muted);
            painter->drawText(cap, Qt::AlignCenter, shortcut);
            r.setRight(cap.left() - 10);
        }

        // Text, with matched characters bold.
        const QString label = index.data(Qt::DisplayRole).toString();
        const QList<int> positions =
            index.data(CommandPaletteModel::MatchPositionsRole).value<QList<int>>();
        QFont normal = opt.font;
        QFont bold = opt.font;
        bold.setBold(true);
        int x = r.left();
        const int baseline = r.center().y() + opt.fontMetrics.ascent() / 2 - 1;
        painter->setPen(text);
        for (qsizetype i = 0; i < label.size(); ++i) {
            const bool hit = positions.contains(int(i));
            painter->setFont(hit ? bold : normal);
            const QString ch = label.mid(i, 1);
            const int advance = QFontMetrics(hit ? bold : normal).horizontalAdvance(ch);
            if (x + advance > r.right())
                break;
            painter->drawText(x, baseline, ch);
            x += advance;
        }

        // The menu path (or "Recent product") after the text, muted.
        const QString detail = index.data(CommandPaletteModel::DetailRole).toString();
        if (!detail.isEmpty() && x + 24 < r.right()) {
            painter->setFont(small);
            painter->setPen(muted);
            const QRect d(x + 12, r.top(), r.right() - x - 12, r.height());
            painter->drawText(d, Qt::AlignVCenter | Qt::AlignLeft,
                              QFontMetrics(small).elidedText(detail, Qt::ElideLeft, d.width()));
        }
        painter->restore();
    }
};

} // namespace

CommandPalette::CommandPalette(QMainWindow *window)
    : QDialog(window, Qt::Dialog | Qt::FramelessWindowHint), m_window(window)
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command Palette"));
    setAccessibleName(tr("Command palette"));

    m_model = new CommandPaletteModel(this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("commandPaletteSearch"));
    m_search->setPlaceholderText(tr("Type a command or a recent product…"));
    m_search->setAccessibleName(tr("Command to run"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumHeight(m_search->sizeHint().height() + 8);
    m_search->installEventFilter(this);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("commandPaletteList"));
    m_list->setAccessibleName(tr("Matching commands"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the field; arrows move the list
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *hint = new QLabel(tr("↑↓ to move · Enter to run · Esc to close"), this);
    hint->setFont(Theme::smallFont(font()));
    QPalette muted = hint->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    hint->setPalette(muted);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 6);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilterText(text);
        selectRow(0);
        fitToRows();
    });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
}

void CommandPalette::popup(const QList<PaletteEntry> &products)
{
    QList<PaletteEntry> entries = products;
    for (const ActionEntry &a : ActionCatalog::collect(m_window)) {
        if (!a.action || a.action->objectName() == u"commandPaletteAction")
            continue;
        if (!a.action->isEnabled() || !a.action->isVisible())
            continue;
        PaletteEntry e;
        e.kind = PaletteEntry::Kind::Action;
        e.text = a.text;
        e.detail = a.pathText();
        e.shortcut = a.shortcutText();
        e.icon = a.action->icon();
        e.action = a.action;
        entries.append(e);
    }
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_model->setFilterText(QString());
    m_model->setEntries(entries);
    selectRow(0);

    const QRect area = m_window->geometry();
    const int w = qBound(420, area.width() / 2, 720);
    setFixedWidth(w);
    fitToRows();
    move(area.left() + (area.width() - w) / 2, area.top() + 60);
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::PopupFocusReason);
}

bool CommandPalette::activateRow(int row)
{
    const PaletteEntry *entry = m_model->entryAt(row);
    if (!entry)
        return false;
    const PaletteEntry chosen = *entry;
    hide();
    // Run after the palette has gone, so a dialog the action opens is not stacked under it.
    QTimer::singleShot(0, this, [this, chosen] {
        if (chosen.kind == PaletteEntry::Kind::Product)
            emit productRequested(chosen.productKey);
        else if (chosen.action && chosen.action->isEnabled())
            chosen.action->trigger();
    });
    return true;
}

void CommandPalette::fitToRows()
{
    const int rowHeight = qMax(1, m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0)
                                                                : fontMetrics().height() + 14);
    const int rows = qBound(1, m_model->rowCount(), kMaxVisibleRows);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    adjustSize();
}

void CommandPalette::selectRow(int row)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const QModelIndex index = m_model->index(qBound(0, row, count - 1), 0);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int current = m_list->currentIndex().row();
        const int page =
            qMax(1, m_list->viewport()->height() / qMax(1, m_list->sizeHintForRow(0)) - 1);
        switch (key->key()) {
        case Qt::Key_Down:
            selectRow(current + 1);
            return true;
        case Qt::Key_Up:
            selectRow(current - 1);
            return true;
        case Qt::Key_PageDown:
            selectRow(current + page);
            return true;
        case Qt::Key_PageUp:
            selectRow(current - page);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activateRow(current);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Mesh
