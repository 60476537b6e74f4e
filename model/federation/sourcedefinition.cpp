// SPDX-License-Identifier: MIT
#include "federation/sourcedefinition.h"

#include <QUrl>

#include <algorithm>

namespace Mesh {

namespace {

struct TypeName
{
    SourceType type;
    const char *id;
    const char *label;
};

constexpr TypeName kTypes[] = {
    {SourceType::MeshJson, "mesh-json", "Mesh Explorer JSON"},
    {SourceType::OpenMetadata, "openmetadata", "OpenMetadata"},
    {SourceType::DataHub, "datahub", "DataHub"},
    {SourceType::Marquez, "marquez", "Marquez"},
    {SourceType::Odcs, "odcs", "ODCS contract"},
};

} // namespace

double SourceDefinition::staleHours(const QDateTime &now) const
{
    if (!checkedAt.isValid())
        return -1;
    return double(checkedAt.secsTo(now)) / 3600.0;
}

bool SourceDefinition::isDue(const QDateTime &now) const
{
    if (!enabled || scheduleMinutes <= 0)
        return false;
    return !lastAttemptAt.isValid() || lastAttemptAt.secsTo(now) >= qint64(scheduleMinutes) * 60;
}

QString sourceTypeId(SourceType type)
{
    for (const TypeName &t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.id);
    return {};
}

QString sourceTypeLabel(SourceType type)
{
    for (const TypeName &t : kTypes)
        if (t.type == type)
            return QString::fromLatin1(t.label);
    return {};
}

std::optional<SourceType> sourceTypeFromId(const QString &id)
{
    for (const TypeName &t : kTypes)
        if (id == QLatin1String(t.id))
            return t.type;
    return std::nullopt;
}

QStringList sourceTypeIds()
{
    QStringList ids;
    for (const TypeName &t : kTypes)
        ids << QString::fromLatin1(t.id);
    return ids;
}

QString sourceAuthId(SourceAuth auth)
{
    switch (auth) {
    case SourceAuth::Bearer:
        return QStringLiteral("bearer");
    case SourceAuth::Basic:
        return QStringLiteral("basic");
    case SourceAuth::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<SourceAuth> sourceAuthFromId(const QString &id)
{
    if (id == QLatin1String("none") || id.isEmpty())
        return SourceAuth::None;
    if (id == QLatin1String("bearer"))
        return SourceAuth::Bearer;
    if (id == QLatin1String("basic"))
        return SourceAuth::Basic;
    return std::nullopt;
}

QString redactedUrl(const QString &url)
{
    QUrl u(url);
    if (!u.isValid())
        return url;
    u.setUserInfo({});
    return u.toString();
}

QString joinApiUrl(const QString &base, const QString &path)
{
    QString root = base;
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    const QStringList wanted =
        path.left(query < 0 ? path.size() : query).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList have = QUrl(root).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype k = std::min(wanted.size(), have.size()); k > 0; --k) {
        if (have.mid(have.size() - k) != wanted.mid(0, k))
            continue;
        // Drop the k segments the base already ends with: "/" + the k joined by "/".
        const qsizetype overlap = 1 + wanted.mid(0, k).join(QLatin1Char('/')).size();
        return root + path.mid(overlap);
    }
    return root + path;
}

QString federatedKey(const QString &sourceName, const QString &key)
{
    return sourceName + QLatin1Char('/') + key;
}

} // namespace Mesh
