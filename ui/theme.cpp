// SPDX-License-Identifier: MIT
#include "theme.h"

#include "appearance.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QWidget>

namespace Mesh::Theme {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Mesh::Theme", text);
}
} // namespace

QColor statusColor(const QString &status)
{
    const QString s = status.toLower();
    if (s == u"active" || s == u"published")
        return QColor(0x2e, 0x7d, 0x32);
    if (s == u"draft" || s == u"proposed")
        return QColor(0x1e, 0x63, 0xb5);
    if (s == u"deprecated")
        return QColor(0xc7, 0x6a, 0x00);
    if (s == u"retired")
        return QColor(0x75, 0x75, 0x75);
    return QColor(0x60, 0x6b, 0x78);
}

QColor classificationColor(const QString &classification)
{
    if (classification.compare(u"PII.Sensitive", Qt::CaseInsensitive) == 0)
        return QColor(0xc6, 0x28, 0x28);
    if (classification.startsWith(u"PII", Qt::CaseInsensitive))
        return QColor(0xd8, 0x7a, 0x00);
    return QColor(0x54, 0x6e, 0x7a);
}

QString matchedFieldLabel(const QString &field)
{
    if (field == u"name")
        return tr("Name");
    if (field == u"tags")
        return tr("Tag");
    if (field == u"description")
        return tr("Description");
    if (field == u"columns")
        return tr("Column");
    if (field == u"owner")
        return tr("Owner");
    if (field == u"domain")
        return tr("Domain");
    if (field == u"source")
        return tr("Source system");
    if (field == u"key")
        return tr("Key");
    if (field.isEmpty())
        return tr("Match");
    QString label = field;
    label[0] = label[0].toUpper();
    return label;
}

QColor fallbackDomainColor(const QString &domain)
{
    if (domain.isEmpty())
        return QColor(0x8a, 0x8f, 0x98);
    const int hue = int(qHash(domain, 7u) % 360u);
    return QColor::fromHsl(hue, 140, 110);
}

QFont titleFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 1.6);
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont sectionFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 1.1);
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.88);
    return font;
}

QColor mutedTextColor(const QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QPalette();
    QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Halfway between text and background reads as secondary on light and dark themes alike.
    return QColor((text.red() * 3 + base.red() * 2) / 5, (text.green() * 3 + base.green() * 2) / 5,
                  (text.blue() * 3 + base.blue() * 2) / 5);
}

QSize pillSize(const QFontMetrics &fm, const QString &text)
{
    return QSize(fm.horizontalAdvance(text) + fm.height() + 2, fm.height() + 4);
}

QRect paintPill(QPainter *painter, const QRect &rect, const QString &text, const QColor &color,
                bool filled)
{
    const QFontMetrics fm = painter->fontMetrics();
    QSize size = pillSize(fm, text);
    size.setWidth(qMin(size.width(), rect.width()));
    const QRect pill(rect.left(), rect.top() + (rect.height() - size.height()) / 2, size.width(),
                     size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    if (!filled)
        fill.setAlpha(38);
    painter->setPen(filled ? Qt::NoPen : QPen(QColor(color.red(), color.green(), color.blue(), 90)));
    painter->setBrush(fill);
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    // Tinted pills carry text in their own colour: darker on light themes, lighter on dark ones.
    const bool dark = Appearance::isDark(QGuiApplication::palette());
    painter->setPen(filled ? QColor(Qt::white) : dark ? color.lighter(150) : color.darker(125));
    const QRect textRect = pill.adjusted(fm.height() / 2, 0, -fm.height() / 2, 0);
    // elidedText() may cut a text that fits exactly; only elide what really does not fit.
    const bool fits = fm.horizontalAdvance(text) <= textRect.width() + 2;
    painter->drawText(textRect.adjusted(-2, 0, 2, 0), Qt::AlignCenter,
                      fits ? text : fm.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
    return pill;
}

void paintDot(QPainter *painter, const QRect &rect, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const int d = qMin(rect.width(), rect.height());
    painter->drawEllipse(QRect(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d));
    painter->restore();
}

} // namespace Mesh::Theme
