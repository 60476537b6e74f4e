// SPDX-License-Identifier: MIT
#include "appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace Mesh::Appearance {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");

struct State
{
    bool captured = false;
    QString systemStyle; // the style the platform chose, restored by "System"
    ThemeMode mode = ThemeMode::System;
};

State &state()
{
    static State s;
    return s;
}

void captureSystem()
{
    State &s = state();
    if (s.captured || !qApp)
        return;
    s.captured = true;
    s.systemStyle = QApplication::style() ? QApplication::style()->name() : QString();
}

void useStyle(const QString &name)
{
    if (name.isEmpty() || !QApplication::style())
        return;
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(name));
}

} // namespace

QString modeKey(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    case ThemeMode::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeMode modeFromKey(const QString &key)
{
    if (key == u"light")
        return ThemeMode::Light;
    if (key == u"dark")
        return ThemeMode::Dark;
    return ThemeMode::System;
}

ThemeMode savedThemeMode()
{
    return modeFromKey(QSettings().value(kThemeKey).toString());
}

ThemeMode currentThemeMode()
{
    return state().mode;
}

void applySavedThemeMode()
{
    const ThemeMode mode = savedThemeMode();
    captureSystem();
    state().mode = mode;
    if (mode == ThemeMode::System)
        return; // leave the platform's palette alone, so it keeps following the desktop
    useStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(mode == ThemeMode::Dark ? darkPalette() : lightPalette());
}

void setThemeMode(ThemeMode mode)
{
    captureSystem();
    QSettings().setValue(kThemeKey, modeKey(mode));
    state().mode = mode;
    if (mode == ThemeMode::System) {
        useStyle(state().systemStyle);
        // An empty palette resolves every role from the style and platform theme again, so the
        // application follows the desktop's light or dark setting once more.
        QApplication::setPalette(QPalette());
        return;
    }
    useStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(mode == ThemeMode::Dark ? darkPalette() : lightPalette());
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QPalette lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::Link, QColor(0x1e, 0x63, 0xb5));
    return p;
}

QPalette darkPalette()
{
    // Fusion draws check box and frame outlines as the window colour darkened by 40 %, so the
    // window must be light enough above the base colour for those outlines to show.
    const QColor window(0x36, 0x38, 0x3c);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor alternate(0x26, 0x28, 0x2b);
    const QColor text(0xe3, 0xe5, 0xe8);
    const QColor disabledText(0x7a, 0x7e, 0x85);
    const QColor button(0x37, 0x3a, 0x3f);
    const QColor highlight(0x35, 0x74, 0xd4);

    QPalette p(window);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, disabled ? disabledText : text);
        p.setColor(group, QPalette::Base, disabled ? window : base);
        p.setColor(group, QPalette::AlternateBase, alternate);
        p.setColor(group, QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x8c, 0x90, 0x96));
        p.setColor(group, QPalette::Text, disabled ? disabledText : text);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, disabled ? disabledText : text);
        p.setColor(group, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(group, QPalette::Light, QColor(0x4a, 0x4d, 0x53));
        p.setColor(group, QPalette::Midlight, QColor(0x40, 0x43, 0x48));
        p.setColor(group, QPalette::Mid, QColor(0x24, 0x26, 0x29));
        p.setColor(group, QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
        p.setColor(group, QPalette::Shadow, QColor(0x0e, 0x0f, 0x10));
        p.setColor(group, QPalette::Highlight, disabled ? QColor(0x45, 0x48, 0x4e) : highlight);
        p.setColor(group, QPalette::HighlightedText, disabled ? disabledText : QColor(Qt::white));
        p.setColor(group, QPalette::Link, QColor(0x6c, 0xa8, 0xf7));
        p.setColor(group, QPalette::LinkVisited, QColor(0xb3, 0x8b, 0xf0));
    }
    return p;
}

} // namespace Mesh::Appearance
