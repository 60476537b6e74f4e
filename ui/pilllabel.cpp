// SPDX-License-Identifier: MIT
#include "pilllabel.h"

#include "theme.h"

#include <QPainter>

namespace Mesh {

PillLabel::PillLabel(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void PillLabel::setPill(const QString &text, const QColor &color, bool filled)
{
    m_text = text;
    m_color = color;
    m_filled = filled;
    setAccessibleName(text);
    setVisible(!text.isEmpty());
    updateGeometry();
    update();
}

QSize PillLabel::sizeHint() const
{
    return Theme::pillSize(fontMetrics(), m_text);
}

void PillLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    Theme::paintPill(&painter, rect(), m_text, m_color, m_filled);
}

} // namespace Mesh
