// SPDX-License-Identifier: MIT
#include "team/teamclaims.h"

#include "catalog/sqlitecatalogstore.h"

namespace Mesh {

namespace {

TeamClaimOutcome send(const TeamRoute &route, SqliteCatalogStore &store, TeamWrite w)
{
    TeamClaimOutcome result;
    const TeamWriteOutcome o = TeamClient::submitAndSync(route, store, std::move(w));
    result.outcome.message = o.message;
    result.outcome.id = o.id;
    switch (o.code) {
    case TeamWriteOutcome::Code::Ok:
        result.outcome.code = AccessOutcome::Code::Ok;
        break;
    case TeamWriteOutcome::Code::Offline:
        result.queued = o.queued;
        result.outcome.code = o.queued ? AccessOutcome::Code::Ok : AccessOutcome::Code::Failed;
        break;
    case TeamWriteOutcome::Code::Refused:
        result.refusedByServer = true;
        result.outcome.code = AccessOutcome::Code::Refused;
        break;
    case TeamWriteOutcome::Code::Invalid:
        result.outcome.code = AccessOutcome::Code::Invalid;
        break;
    case TeamWriteOutcome::Code::Conflict: // decided by someone else first: the message says who
    case TeamWriteOutcome::Code::Failed:
        result.outcome.code = AccessOutcome::Code::Failed;
        break;
    }
    return result;
}

TeamWrite decision(TeamWrite::Kind kind, qint64 claimId, const QString &reason)
{
    TeamWrite w;
    w.kind = kind;
    w.requestId = claimId;
    w.reason = reason;
    return w;
}

} // namespace

TeamClaimOutcome TeamClaims::claim(const TeamRoute &route, SqliteCatalogStore &store,
                                   const QString &productKey, const QString &reason)
{
    TeamWrite w;
    w.kind = TeamWrite::Kind::Claim;
    w.productKey = productKey;
    w.reason = reason;
    return send(route, store, std::move(w));
}

TeamClaimOutcome TeamClaims::approve(const TeamRoute &route, SqliteCatalogStore &store,
                                     qint64 claimId)
{
    return send(route, store, decision(TeamWrite::Kind::ApproveClaim, claimId, {}));
}

TeamClaimOutcome TeamClaims::deny(const TeamRoute &route, SqliteCatalogStore &store, qint64 claimId,
                                  const QString &reason)
{
    return send(route, store, decision(TeamWrite::Kind::DenyClaim, claimId, reason));
}

TeamClaimOutcome TeamClaims::withdraw(const TeamRoute &route, SqliteCatalogStore &store,
                                      qint64 claimId)
{
    return send(route, store, decision(TeamWrite::Kind::WithdrawClaim, claimId, {}));
}

QList<TeamWrite> TeamClaims::queuedClaims(SqliteCatalogStore &store)
{
    QList<TeamWrite> claims;
    for (const TeamOutboxEntry &e : TeamClient::outbox(store, QStringLiteral("queued")))
        if (e.write.kind == TeamWrite::Kind::Claim)
            claims.append(e.write);
    return claims;
}

} // namespace Mesh
