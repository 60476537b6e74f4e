// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

namespace Mesh {

/**
 * The application's colour scheme: follow the system (the platform theme's palette, light or
 * dark, and its changes while running) or force light or dark with the Fusion style. The choice
 * is kept in QSettings ("appearance/theme"). Applies to the whole QApplication; UI thread.
 */
namespace Appearance {

enum class ThemeMode
{
    System,
    Light,
    Dark
};

ThemeMode savedThemeMode();
/** Applies mode to the application and remembers it. */
void setThemeMode(ThemeMode mode);
/** Applies the saved mode; called once at start, before the first window shows. */
void applySavedThemeMode();
ThemeMode currentThemeMode();

/** True when the palette has light text on a dark window, whatever chose it. */
bool isDark(const QPalette &palette);

QPalette lightPalette();
QPalette darkPalette();

QString modeKey(ThemeMode mode);
ThemeMode modeFromKey(const QString &key);

} // namespace Appearance

} // namespace Mesh
