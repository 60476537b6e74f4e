// SPDX-License-Identifier: MIT
#include "chipswidget.h"

#include "theme.h"

#include <QPainter>

namespace Mesh {

namespace {
constexpr int kSpacing = 6;
}

ChipsWidget::ChipsWidget(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ChipsWidget::setChips(const QStringList &chips)
{
    m_chips = chips;
    setAccessibleName(chips.join(QStringLiteral(", ")));
    updateGeometry();
    update();
}

QList<QRect> ChipsWidget::layoutChips(int width) const
{
    QList<QRect> rects;
    int x = 0;
    int y = 0;
    for (const QString &chip : m_chips) {
        QSize size = Theme::pillSize(fontMetrics(), chip);
        size.setWidth(qMin(size.width(), qMax(width, 1)));
        if (x > 0 && x + size.width() > width) {
            x = 0;
            y += size.height() + kSpacing / 2;
        }
        rects.append(QRect(QPoint(x, y), size));
        x += size.width() + kSpacing;
    }
    return rects;
}

int ChipsWidget::heightForWidth(int width) const
{
    if (m_chips.isEmpty())
        return fontMetrics().height() + 4;
    const QList<QRect> rects = layoutChips(width);
    return rects.last().bottom() + 1;
}

QSize ChipsWidget::sizeHint() const
{
    int width = 0;
    for (const QString &chip : m_chips)
        width += Theme::pillSize(fontMetrics(), chip).width() + kSpacing;
    width = qMin(width, 420);
    return QSize(width, heightForWidth(width));
}

QSize ChipsWidget::minimumSizeHint() const
{
    return QSize(60, fontMetrics().height() + 4);
}

void ChipsWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_chips.isEmpty()) {
        painter.setPen(Theme::mutedTextColor(this));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, m_placeholder);
        return;
    }
    const QList<QRect> rects = layoutChips(width());
    for (int i = 0; i < m_chips.size(); ++i)
        Theme::paintPill(&painter, rects.at(i), m_chips.at(i), m_color, false);
}

} // namespace Mesh
