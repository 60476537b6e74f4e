// SPDX-License-Identifier: MIT
#include "federation/sourcedefinition.h"

#include <QUrl>

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

QString federatedKey(const QString &sourceName, const QString &key)
{
    return sourceName + QLatin1Char('/') + key;
}

} // namespace Mesh
