// SPDX-License-Identifier: MIT
#include "team/teamaccess.h"

#include "access/accesstypes.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "team/pgconnection.h"

#include <QJsonObject>

namespace Mesh {

namespace {

bool sameDecision(const AccessDecision &a, const AccessDecision &b)
{
    if (a.verdict != b.verdict)
        return false;
    QStringList x = a.maskedColumns;
    QStringList y = b.maskedColumns;
    x.sort();
    y.sort();
    return x == y;
}

QString syncedText(const QDateTime &synced)
{
    return synced.isValid() ? synced.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                            : QStringLiteral("(never synced)");
}

/** The server's verdict in AccessDecision's terms, with the cache's reason when they agree. */
AccessDecision serverDecision(const QString &verdict, const QStringList &masked,
                              const AccessDecision &cache, const QString &productKey,
                              const QString &user, const QString &synced)
{
    AccessDecision d;
    if (verdict == QLatin1String("allow"))
        d.verdict = AccessDecision::Verdict::Allow;
    else if (verdict == QLatin1String("masked"))
        d.verdict = AccessDecision::Verdict::AllowMasked;
    else
        d.verdict = AccessDecision::Verdict::Deny;
    if (d.verdict == AccessDecision::Verdict::AllowMasked)
        d.maskedColumns = masked;
    if (sameDecision(d, cache)) {
        d.reason = cache.reason;
        return d;
    }
    switch (d.verdict) {
    case AccessDecision::Verdict::Deny:
        d.reason = QStringLiteral("The team server has no product “%1” (your local copy, synced "
                                  "%2, is out of date).")
                       .arg(productKey, synced);
        break;
    case AccessDecision::Verdict::AllowMasked:
        d.reason = QStringLiteral("The team server masks %1 for %2: no active grant covers them "
                                  "there (your local copy, synced %3, is out of date).")
                       .arg(masked.join(QStringLiteral(", ")), user, synced);
        break;
    case AccessDecision::Verdict::Allow:
        d.reason = QStringLiteral("The team server allows %1 the whole sample (your local copy, "
                                  "synced %2, is out of date).")
                       .arg(user, synced);
        break;
    }
    return d;
}

} // namespace

QDateTime TeamAccess::lastSynced(SqliteCatalogStore &store)
{
    return parseAccessTime(
        store.database().scalar(QStringLiteral("SELECT max(synced_at) FROM team_sync")).toString());
}

TeamUseDecision TeamAccess::decideUse(const TeamRoute &route, SqliteCatalogStore &store,
                                      const QString &userId, const AccessResource &resource)
{
    TeamUseDecision result;
    const bool team = route.isSet() && TeamClient::isTeamCache(store);
    result.userId = team ? route.user : userId;
    const AccessPolicy policy(store);
    const AccessDecision cachePreview =
        policy.decide(result.userId, AccessAction::Preview, resource);
    const AccessDecision cacheExport = policy.decide(result.userId, AccessAction::Export, resource);
    result.preview = cachePreview;
    result.exporting = cacheExport;
    if (!team)
        return result;
    const QString synced = syncedText(lastSynced(store));
    QString error;
    if (auto conn = PgConnection::connect(route.url, route.user, route.password, &error)) {
        // As the connected person: the function reads only their own grants.
        const PgResult r =
            conn->exec(QStringLiteral("SELECT verdict, array_to_string(masked, ',') FROM "
                                      "mesh_preview_decision($1, $2::text[])"),
                       {resource.productKey, QVariant(resource.columns)});
        if (r.ok() && r.rows() == 1) {
            const QString verdict = r.text(0, 0);
            const QStringList masked = splitAccessList(r.text(0, 1));
            result.where = TeamUseDecision::Where::Server;
            result.preview = serverDecision(verdict, masked, cachePreview, resource.productKey,
                                            result.userId, synced);
            result.exporting = serverDecision(verdict, masked, cacheExport, resource.productKey,
                                              result.userId, synced);
            result.note = QStringLiteral("Access decided by the team server %1 as %2.")
                              .arg(conn->server(), result.userId);
            return result;
        }
        error = r.error();
    }
    result.where = TeamUseDecision::Where::OfflineCache;
    result.note = QStringLiteral("The team server is unreachable: access decided offline from "
                                 "the cache of %1.")
                      .arg(synced);
    result.problem = error.trimmed();
    return result;
}

QString TeamAccess::useAction(AccessAction action, const AccessDecision &decision)
{
    if (action == AccessAction::Export)
        return QStringLiteral("export");
    return decision.verdict == AccessDecision::Verdict::Allow ? QStringLiteral("preview-pii")
                                                              : QStringLiteral("preview-masked");
}

TeamWriteOutcome TeamAccess::recordUse(const TeamRoute &route, SqliteCatalogStore &store,
                                       AccessAction action, const AccessResource &resource,
                                       const AccessDecision &decision)
{
    TeamWrite w;
    w.kind = TeamWrite::Kind::RecordUse;
    w.actingUser = route.user;
    w.productKey = resource.productKey;
    QString detail = decision.reason;
    if (!decision.maskedColumns.isEmpty())
        detail +=
            QStringLiteral(" Masked: %1.").arg(decision.maskedColumns.join(QStringLiteral(", ")));
    w.fields = {{QStringLiteral("action"), useAction(action, decision)},
                {QStringLiteral("subject"), resource.columns.join(QStringLiteral(", "))},
                {QStringLiteral("detail"), detail}};
    QString error;
    auto conn = PgConnection::connect(route.url, route.user, route.password, &error);
    return TeamClient::submit(conn.get(), store, std::move(w));
}

} // namespace Mesh
