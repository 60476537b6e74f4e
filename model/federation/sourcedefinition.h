// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mesh {

/** The kinds of catalog a federated source can be. */
enum class SourceType { MeshJson, OpenMetadata, DataHub, Marquez, Odcs };

/** How requests to a source authenticate. The secret itself never lives in the catalog. */
enum class SourceAuth { None, Bearer, Basic };

/**
 * One federated source as the catalog stores it (the `sources` table, migration 5): where it is,
 * how to reach it, when to sync it, and the state of its last sync. Plain value.
 *
 * Secrets are not part of it: a bearer token or password comes from a CredentialStore (the OS
 * keychain in the GUI) or, for meshctl, from the environment variable named by tokenEnv.
 */
struct SourceDefinition
{
    SourceId id = 0;
    QString name;
    SourceType type = SourceType::MeshJson;
    QString url;
    SourceAuth auth = SourceAuth::None;
    QString username; // for basic auth
    QString tokenEnv; // name of an environment variable holding the token, may be empty
    QString caBundle; // path of an extra CA bundle (PEM) for a private CA, may be empty
    int scheduleMinutes = 0; // 0 = manual
    bool enabled = true;

    // Sync state, written by SyncEngine
    QDateTime fetchedAt;     // when the current snapshot's content was fetched
    QDateTime checkedAt;     // last time the source answered (200 or 304)
    QDateTime lastAttemptAt; // last sync attempt, successful or not
    QString lastError;       // human-readable, empty after a good sync
    qint64 productCount = 0;

    /** Hours since the source was last confirmed current; -1 when it never was. */
    double staleHours(const QDateTime &now) const;
    bool isDue(const QDateTime &now) const;
};

QString sourceTypeId(SourceType type);      // "mesh-json", "openmetadata", …
QString sourceTypeLabel(SourceType type);   // "Mesh Explorer JSON", "OpenMetadata", …
std::optional<SourceType> sourceTypeFromId(const QString &id);
QStringList sourceTypeIds();
QString sourceAuthId(SourceAuth auth);
std::optional<SourceAuth> sourceAuthFromId(const QString &id);

/** The url as safe to show: user info (user:password@) removed. */
QString redactedUrl(const QString &url);

/**
 * The URL of an API path ("/api/v1/tables?limit=100") on a source's base URL. A base URL that
 * already ends with the path's first segments is not given them twice: OpenMetadata's own
 * configuration names its server "http://host:8585/api", Marquez users paste ".../api/v1" and
 * DataHub users the GraphQL endpoint itself, and each must reach the same request as the bare
 * "http://host:port". Only whole segments of the path (before any query) count.
 */
QString joinApiUrl(const QString &base, const QString &path);

/** The catalog key of a product from a source: the source name, a slash, the source's own key. */
QString federatedKey(const QString &sourceName, const QString &key);

} // namespace Mesh
