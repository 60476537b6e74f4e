// SPDX-License-Identifier: MIT
#include "previewheaderview.h"

#include "preview/previewmodel.h"
#include "theme.h"

#include <QPainter>

namespace Mesh {

PreviewHeaderView::PreviewHeaderView(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("previewHeader"));
    setSectionsClickable(true);
    setHighlightSections(true);
    setSectionResizeMode(QHeaderView::Interactive);
    setDefaultSectionSize(130);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QSize PreviewHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    const QFontMetrics small(Theme::smallFont(font()));
    size.setHeight(fontMetrics().height() + small.height() + 16);
    return size;
}

void PreviewHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    // The frame and background as the style draws them, then our two lines on top. The clip
    // QHeaderView hands over can be empty here (offscreen grabs), so clip to the section itself.
    painter->save();
    painter->setClipRect(rect);
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    opt.rect = rect;
    opt.section = logicalIndex;
    opt.text.clear();
    if (selectionModel() && selectionModel()->isColumnSelected(logicalIndex, rootIndex()))
        opt.state |= QStyle::State_On;
    style()->drawControl(QStyle::CE_Header, &opt, painter, this);
    if (!model()) {
        painter->restore();
        return;
    }
    const QString name = model()->headerData(logicalIndex, Qt::Horizontal).toString();
    const QString type = model()->headerData(logicalIndex, Qt::Horizontal, PreviewModel::ColumnTypeRole).toString();
    const QString klass = model()->headerData(logicalIndex, Qt::Horizontal, PreviewModel::ClassificationRole).toString();
    const bool masked = model()->headerData(logicalIndex, Qt::Horizontal, PreviewModel::MaskedRole).toBool();

    painter->save();
    const QRect inner = rect.adjusted(6, 4, -6, -4);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    painter->setFont(bold);
    painter->setPen(palette().color(QPalette::ButtonText));
    const QFontMetrics fm(bold);
    painter->drawText(QRect(inner.left(), inner.top(), inner.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(name, Qt::ElideMiddle, inner.width()));
    const QFont smallFont = Theme::smallFont(font());
    painter->setFont(smallFont);
    const QFontMetrics sm(smallFont);
    QRect second(inner.left(), inner.top() + fm.height() + 2, inner.width(), sm.height() + 4);
    int x = second.left();
    if (!type.isEmpty()) {
        painter->setPen(Theme::mutedTextColor(this));
        painter->drawText(QRect(x, second.top(), second.width(), second.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, type);
        x += sm.horizontalAdvance(type) + 6;
    }
    if (!klass.isEmpty() || masked) {
        const QString badge = masked ? tr("masked") : klass.section(QLatin1Char('.'), 1);
        const QColor color = Theme::classificationColor(klass.isEmpty() ? QStringLiteral("PII.Sensitive") : klass);
        const QRect pill(x, second.top(), std::max(0, second.right() - x), second.height());
        if (pill.width() > 20)
            Theme::paintPill(painter, pill, badge, color, masked);
    }
    painter->restore();
    painter->restore();
}

} // namespace Mesh
