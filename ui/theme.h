// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QSize>
#include <QString>

class QFontMetrics;
class QPainter;
class QWidget;

namespace Mesh {

/** Colours, fonts and small painting helpers shared by the delegates and pages. */
namespace Theme {

QColor statusColor(const QString &status);
QColor classificationColor(const QString &classification);
/** A human label for a search hit's matched field: "name" → "Name", "columns" → "Column". */
QString matchedFieldLabel(const QString &field);
/** The hue of a domain without a colour of its own; grey for unowned products. */
QColor fallbackDomainColor(const QString &domain);

QFont titleFont(const QFont &base);
QFont sectionFont(const QFont &base);
QFont smallFont(const QFont &base);
QColor mutedTextColor(const QWidget *widget);

/** The size a pill with text takes in font metrics fm. */
QSize pillSize(const QFontMetrics &fm, const QString &text);
/**
 * Paints a rounded pill: solid fill with white text when filled, otherwise a tinted fill with
 * text in the colour. Returns the rectangle used (left-aligned in rect, vertically centred).
 */
QRect paintPill(QPainter *painter, const QRect &rect, const QString &text, const QColor &color,
                bool filled);
/** Paints a small round colour chip centred in rect. */
void paintDot(QPainter *painter, const QRect &rect, const QColor &color);

} // namespace Theme

} // namespace Mesh
