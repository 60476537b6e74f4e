// SPDX-License-Identifier: MIT
#include "resultdelegate.h"

#include "domaincolors.h"
#include "search/searchtypes.h"
#include "session/searchresultmodel.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>

namespace Mesh {

namespace {

constexpr int kPadX = 14;
constexpr int kPadY = 9;
constexpr int kLineGap = 3;
constexpr int kBarWidth = 4;

struct Fonts
{
    QFont name;
    QFont meta;
    QFont body;
    QFont match;
    QFont matchBold;
    QFont key;
};

Fonts fontsFor(const QFont &base)
{
    Fonts f;
    f.name = base;
    f.name.setPointSizeF(base.pointSizeF() * 1.1);
    f.name.setWeight(QFont::DemiBold);
    f.meta = Theme::smallFont(base);
    f.body = base;
    f.match = Theme::smallFont(base);
    f.matchBold = f.match;
    f.matchBold.setWeight(QFont::Bold);
    f.key = QFont(QStringLiteral("monospace"));
    f.key.setStyleHint(QFont::Monospace);
    f.key.setPointSizeF(f.meta.pointSizeF());
    return f;
}

/** Draws text with kSnippetOpen … kSnippetClose runs highlighted, elided at the right. */
void drawSnippet(QPainter *painter, const QRect &rect, const QString &snippet, const Fonts &fonts,
                 const QColor &textColor, const QColor &highlight)
{
    const QString text = snippet.simplified();
    int x = rect.left();
    const int right = rect.right();
    bool inMatch = false;
    QString run;

    // Draws the pending run; false once the line is full.
    auto flush = [&]() -> bool {
        if (run.isEmpty())
            return true;
        const QFont &font = inMatch ? fonts.matchBold : fonts.match;
        const QFontMetrics fm(font);
        painter->setFont(font);
        int width = fm.horizontalAdvance(run);
        bool clipped = false;
        QString shown = run;
        if (x + width > right) {
            shown = fm.elidedText(run, Qt::ElideRight, right - x);
            width = fm.horizontalAdvance(shown);
            clipped = true;
        }
        if (inMatch && !shown.isEmpty()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(highlight);
            painter->drawRoundedRect(QRect(x - 1, rect.top(), width + 2, rect.height()), 3, 3);
        }
        painter->setPen(textColor);
        painter->drawText(QRect(x, rect.top(), width + 1, rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += width;
        run.clear();
        return !clipped;
    };

    for (QChar ch : text) {
        if (ch == kSnippetOpen || ch == kSnippetClose) {
            if (!flush())
                return;
            inMatch = ch == kSnippetOpen;
            continue;
        }
        run.append(ch);
    }
    flush();
}

} // namespace

ResultDelegate::ResultDelegate(const DomainColors *domainColors, QObject *parent)
    : QStyledItemDelegate(parent), m_domainColors(domainColors)
{
}

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const Fonts fonts = fontsFor(option.font);
    const int height = kPadY * 2 + QFontMetrics(fonts.name).height()
                       + QFontMetrics(fonts.meta).height() + QFontMetrics(fonts.body).height()
                       + QFontMetrics(fonts.match).height() + 2 + kLineGap * 3;
    return QSize(360, height);
}

void ResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    const QPalette &palette = option.palette;
    const Fonts fonts = fontsFor(option.font);
    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;

    painter->save();
    painter->setClipRect(rect);

    // Background: white card, tinted when hovered or selected.
    QColor background = palette.color(QPalette::Base);
    QColor accent = palette.color(QPalette::Highlight);
    if (selected) {
        QColor tint = accent;
        tint.setAlpha(option.state & QStyle::State_Active ? 46 : 30);
        painter->fillRect(rect, background);
        painter->fillRect(rect, tint);
    } else {
        painter->fillRect(rect, background);
        if (hovered) {
            QColor tint = accent;
            tint.setAlpha(14);
            painter->fillRect(rect, tint);
        }
    }
    QColor separator = palette.color(QPalette::Mid);
    separator.setAlpha(70);
    painter->setPen(separator);
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());

    const QColor textColor = palette.color(QPalette::Text);
    const QColor muted = Theme::mutedTextColor(widget);
    const QRect content = rect.adjusted(kPadX + kBarWidth, kPadY, -kPadX, -kPadY);

    const bool loaded = index.data(SearchResultModel::LoadedRole).toBool();
    const QFontMetrics nameFm(fonts.name);
    const QFontMetrics metaFm(fonts.meta);
    const QFontMetrics bodyFm(fonts.body);
    const QFontMetrics matchFm(fonts.match);

    int y = content.top();
    const QRect line1(content.left(), y, content.width(), nameFm.height());
    y += nameFm.height() + kLineGap;
    const QRect line2(content.left(), y, content.width(), metaFm.height());
    y += metaFm.height() + kLineGap;
    const QRect line3(content.left(), y, content.width(), bodyFm.height());
    y += bodyFm.height() + kLineGap;
    const QRect line4(content.left(), y, content.width(), matchFm.height() + 2);

    if (!loaded) {
        // Placeholder bars while the page is on its way.
        QColor bar = palette.color(QPalette::Mid);
        bar.setAlpha(60);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bar);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->drawRoundedRect(QRect(line1.left(), line1.top() + 3, line1.width() * 2 / 5,
                                       line1.height() - 6), 4, 4);
        painter->drawRoundedRect(QRect(line2.left(), line2.top() + 3, line2.width() / 3,
                                       line2.height() - 6), 4, 4);
        painter->drawRoundedRect(QRect(line3.left(), line3.top() + 3, line3.width() * 3 / 4,
                                       line3.height() - 6), 4, 4);
        painter->restore();
        return;
    }

    const QString domain = index.data(SearchResultModel::DomainRole).toString();
    const QColor domainColor = m_domainColors ? m_domainColors->color(domain)
                                              : Theme::fallbackDomainColor(domain);
    painter->fillRect(QRect(rect.left(), rect.top(), kBarWidth, rect.height() - 1), domainColor);

    // Line 1: name, status pill at the right.
    const QString status = index.data(SearchResultModel::StatusRole).toString();
    painter->setFont(fonts.meta);
    const QSize statusSize = status.isEmpty() ? QSize() : Theme::pillSize(metaFm, status);
    int nameRight = line1.right();
    if (!status.isEmpty()) {
        const QRect pillRect(line1.right() - statusSize.width() + 1, line1.top(),
                             statusSize.width(), line1.height());
        Theme::paintPill(painter, pillRect, status, Theme::statusColor(status), false);
        nameRight = pillRect.left() - 8;
    }
    painter->setFont(fonts.name);
    painter->setPen(textColor);
    const QString name = index.data(SearchResultModel::NameRole).toString();
    painter->drawText(QRect(line1.left(), line1.top(), nameRight - line1.left(), line1.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      nameFm.elidedText(name, Qt::ElideRight, nameRight - line1.left()));

    // Line 2: domain chip · owner · source system.
    painter->setFont(fonts.meta);
    const int dot = metaFm.height() / 2 + 1;
    Theme::paintDot(painter, QRect(line2.left(), line2.top(), dot, line2.height()), domainColor);
    QStringList meta;
    meta << (domain.isEmpty() ? tr("Unowned") : domain);
    const QString owner = index.data(SearchResultModel::OwnerRole).toString();
    meta << (owner.isEmpty() ? tr("No owner") : owner);
    const QString source = index.data(SearchResultModel::SourceSystemRole).toString();
    if (!source.isEmpty())
        meta << source;
    // A federated product's key is "<source>/<key>": name its origin, so that the same product
    // from two sources is told apart in the list.
    if (const QString key = index.data(SearchResultModel::KeyRole).toString(); key.contains(QLatin1Char('/')))
        meta << tr("from %1").arg(key.section(QLatin1Char('/'), 0, 0));
    const QRect metaRect = line2.adjusted(dot + 6, 0, 0, 0);
    painter->setPen(muted);
    painter->drawText(metaRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metaFm.elidedText(meta.join(QStringLiteral("  ·  ")), Qt::ElideRight,
                                        metaRect.width()));

    // Line 3: summary.
    painter->setFont(fonts.body);
    painter->setPen(textColor);
    QString summary = index.data(SearchResultModel::SummaryRole).toString().simplified();
    if (summary.isEmpty()) {
        summary = tr("No description yet");
        painter->setPen(muted);
    }
    painter->drawText(line3, Qt::AlignLeft | Qt::AlignVCenter,
                      bodyFm.elidedText(summary, Qt::ElideRight, line3.width()));

    // Line 4: why it matched, or the key when browsing.
    const QString snippet = index.data(SearchResultModel::SnippetRole).toString();
    const QString field = index.data(SearchResultModel::MatchedFieldRole).toString();
    if (!snippet.isEmpty() || !field.isEmpty()) {
        const QString label = tr("%1 match").arg(Theme::matchedFieldLabel(field)) + u' ';
        QFont labelFont = fonts.match;
        labelFont.setWeight(QFont::DemiBold);
        const QFontMetrics labelFm(labelFont);
        painter->setFont(labelFont);
        painter->setPen(accent.darker(110));
        const int labelWidth = labelFm.horizontalAdvance(label);
        painter->drawText(QRect(line4.left(), line4.top(), labelWidth, line4.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, label);
        QColor highlight(0xff, 0xd5, 0x4f);
        highlight.setAlpha(150);
        drawSnippet(painter, line4.adjusted(labelWidth + 4, 0, 0, 0),
                    snippet.isEmpty() ? name : snippet, fonts, muted.darker(140), highlight);
    } else {
        painter->setFont(fonts.key);
        painter->setPen(muted);
        const QString key = index.data(SearchResultModel::KeyRole).toString();
        painter->drawText(line4, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(fonts.key).elidedText(key, Qt::ElideMiddle, line4.width()));
    }

    if (option.state & QStyle::State_HasFocus && selected) {
        QColor focus = accent;
        focus.setAlpha(120);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

} // namespace Mesh
