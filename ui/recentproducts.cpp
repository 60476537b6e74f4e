// SPDX-License-Identifier: MIT
#include "recentproducts.h"

#include <QSettings>
#include <QVariantMap>

namespace Mesh {

namespace {

const QString kKey = QStringLiteral("products/recent");
const QString kCatalog = QStringLiteral("catalog");
const QString kProduct = QStringLiteral("key");
const QString kName = QStringLiteral("name");

} // namespace

void RecentProducts::add(const QString &catalogPath, const QString &key, const QString &name)
{
    if (catalogPath.isEmpty() || key.isEmpty())
        return;
    QSettings settings;
    const QVariantList old = settings.value(kKey).toList();
    QVariantList kept{QVariantMap{{kCatalog, catalogPath}, {kProduct, key}, {kName, name}}};
    int forCatalog = 1;
    for (const QVariant &v : old) {
        const QVariantMap m = v.toMap();
        const bool same = m.value(kCatalog).toString() == catalogPath;
        if (same && m.value(kProduct).toString() == key)
            continue;
        if (same && ++forCatalog > kMax)
            continue;
        kept.append(m);
    }
    settings.setValue(kKey, kept);
}

QList<RecentProducts::Item> RecentProducts::list(const QString &catalogPath)
{
    QList<Item> items;
    const QVariantList all = QSettings().value(kKey).toList();
    for (const QVariant &v : all) {
        const QVariantMap m = v.toMap();
        if (m.value(kCatalog).toString() == catalogPath)
            items.append({m.value(kProduct).toString(), m.value(kName).toString()});
    }
    return items;
}

void RecentProducts::clear()
{
    QSettings().remove(kKey);
}

} // namespace Mesh
