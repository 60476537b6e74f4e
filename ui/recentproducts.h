// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Mesh {

/**
 * The products the user opened most recently, per catalog, newest first, kept in QSettings
 * ("products/recent") so the command palette can offer them across sessions. UI thread.
 */
class RecentProducts
{
public:
    static constexpr int kMax = 10;

    struct Item
    {
        QString key;
        QString name;
    };

    /** Moves (catalog, key) to the front, dropping the oldest beyond kMax for that catalog. */
    static void add(const QString &catalogPath, const QString &key, const QString &name);
    static QList<Item> list(const QString &catalogPath);
    static void clear();
};

} // namespace Mesh
