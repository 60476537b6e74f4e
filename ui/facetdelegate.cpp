// SPDX-License-Identifier: MIT
#include "facetdelegate.h"

#include "domaincolors.h"
#include "search/searchtypes.h"
#include "session/facetmodel.h"
#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace Mesh {

namespace {

bool isKindRow(const QModelIndex &index)
{
    return index.data(FacetModel::IsKindRole).toBool();
}

QString countText(const QModelIndex &index)
{
    return QLocale().toString(index.data(FacetModel::CountRole).toLongLong());
}

} // namespace

FacetDelegate::FacetDelegate(const DomainColors *domainColors, QObject *parent)
    : QStyledItemDelegate(parent), m_domainColors(domainColors)
{
}

void FacetDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (isKindRow(index))
        return;
    if (FacetKind(index.data(FacetModel::KindRole).toInt()) == FacetKind::Domain) {
        const QString domain = index.data(FacetModel::ValueRole).toString();
        const QColor color = m_domainColors ? m_domainColors->color(domain)
                                            : Theme::fallbackDomainColor(domain);
        const int size = option->fontMetrics.height();
        QPixmap dot(size, size);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        Theme::paintDot(&painter, QRect(0, 0, size, size).adjusted(3, 3, -3, -3), color);
        painter.end();
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = QIcon(dot);
        option->decorationSize = QSize(size, size);
    }
}

QSize FacetDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int line = option.fontMetrics.height();
    size.setHeight(isKindRow(index) ? line + 14 : qMax(size.height(), line + 8));
    return size;
}

void FacetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    if (isKindRow(index)) {
        painter->save();
        QFont font = Theme::smallFont(option.font);
        font.setWeight(QFont::Bold);
        font.setCapitalization(QFont::AllUppercase);
        font.setLetterSpacing(QFont::PercentageSpacing, 106);
        painter->setFont(font);
        painter->setPen(Theme::mutedTextColor(option.widget));
        const QString title = index.data(Qt::DisplayRole).toString();
        painter->drawText(option.rect.adjusted(2, 4, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          title);
        painter->restore();
        return;
    }

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QFont badgeFont = Theme::smallFont(option.font);
    const QFontMetrics badgeFm(badgeFont);
    const QString count = countText(index);
    const QSize badge = Theme::pillSize(badgeFm, count);
    opt.rect.setRight(opt.rect.right() - badge.width() - 8);
    opt.state &= ~QStyle::State_HasFocus;
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, option.widget);

    painter->save();
    painter->setFont(badgeFont);
    const QRect badgeRect(option.rect.right() - badge.width() - 4, option.rect.top(),
                          badge.width(), option.rect.height());
    Theme::paintPill(painter, badgeRect, count, QColor(0x60, 0x6b, 0x78), false);
    painter->restore();
}

bool FacetDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (isKindRow(index) || !(index.flags() & Qt::ItemIsUserCheckable))
        return false;
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !option.rect.contains(mouse->position().toPoint()))
            return false;
        const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    }
    if (event->type() == QEvent::MouseButtonDblClick)
        return true;
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Mesh
