// SPDX-License-Identifier: MIT
#include "team/teamclient.h"

#include "access/accesstypes.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "team/datasetpatch.h"
#include "team/pgconnection.h"
#include "team/teamsync.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace Mesh {

namespace {

using Code = TeamWriteOutcome::Code;

TeamWriteOutcome outcome(Code code, const QString &message, qint64 id = 0)
{
    TeamWriteOutcome o;
    o.code = code;
    o.message = message;
    o.id = id;
    return o;
}

/** The outcome of a failed statement: offline, refused, conflict or failed. */
TeamWriteOutcome fromError(const PgConnection &conn, const PgResult &r, const QString &what)
{
    if (!conn.isConnected() || r.isConnectionFailure())
        return outcome(
            Code::Offline,
            QStringLiteral("team server %1 is unreachable: %2").arg(conn.server(), r.error()));
    if (r.isRefusal())
        return outcome(
            Code::Refused,
            QStringLiteral("%1 was refused by the team server: %2").arg(what, r.error()));
    if (r.sqlState() == QLatin1String("40001") || r.sqlState() == QLatin1String("40P01"))
        return outcome(Code::Conflict, QStringLiteral("%1: %2").arg(what, r.error()));
    if (r.sqlState().startsWith(QLatin1String("23")) ||
        r.sqlState().startsWith(QLatin1String("22")))
        return outcome(Code::Invalid, QStringLiteral("%1: %2").arg(what, r.error()));
    return outcome(
        Code::Failed,
        QStringLiteral("%1 failed on team server %2: %3").arg(what, conn.server(), r.error()));
}

/** Runs the body in a write transaction as the acting role; commits when it returns Ok. */
TeamWriteOutcome inTransaction(PgConnection &conn, const TeamWrite &w, const QString &what,
                               const std::function<TeamWriteOutcome()> &body)
{
    if (!conn.isConnected())
        return outcome(Code::Offline,
                       QStringLiteral("team server %1 is unreachable").arg(conn.server()));
    PgResult begin = conn.exec(QStringLiteral("BEGIN"));
    if (!begin.ok())
        return fromError(conn, begin, what);
    auto rollback = [&conn](TeamWriteOutcome o) {
        conn.exec(QStringLiteral("ROLLBACK"));
        return o;
    };
    PgResult lock = conn.exec(QStringLiteral("SELECT mesh_write_lock()"));
    if (!lock.ok())
        return rollback(fromError(conn, lock, what));
    if (!w.actingUser.isEmpty()) {
        PgResult role =
            conn.exec(QStringLiteral("SET LOCAL ROLE %1").arg(conn.quoteIdentifier(w.actingUser)));
        if (!role.ok())
            return rollback(fromError(conn, role, what));
    }
    TeamWriteOutcome o = body();
    if (!o.ok())
        return rollback(o);
    PgResult commit = conn.exec(QStringLiteral("COMMIT"));
    if (!commit.ok())
        return fromError(conn, commit, what);
    return o;
}

bool audit(PgConnection &conn, const QString &action, const QString &productKey,
           const QString &subject, const QString &detail, PgResult *failed)
{
    PgResult r = conn.exec(QStringLiteral("INSERT INTO audit_log(action, product_key, subject, "
                                          "detail) VALUES ($1, $2, $3, $4)"),
                           {action, productKey, subject, detail});
    if (r.ok())
        return true;
    *failed = std::move(r);
    return false;
}

TeamWriteOutcome applyRequest(PgConnection &conn, const TeamWrite &w)
{
    const QString what = QStringLiteral("The access request for %1").arg(w.productKey);
    if (w.purpose.trimmed().isEmpty())
        return outcome(Code::Invalid, QStringLiteral("%1 needs a purpose").arg(what));
    if (w.days < 1 || w.days > 366)
        return outcome(Code::Invalid, QStringLiteral("%1: days must be 1 to 366").arg(what));
    return inTransaction(conn, w, what, [&]() {
        const PgResult done = conn.exec(
            QStringLiteral("SELECT id FROM access_requests WHERE client_token = $1"), {w.token});
        if (done.ok() && done.rows() == 1)
            return outcome(Code::Ok,
                           QStringLiteral("Request #%1 was already filed.").arg(done.integer(0, 0)),
                           done.integer(0, 0));
        const PgResult exists =
            conn.exec(QStringLiteral("SELECT 1 FROM products WHERE key = $1"), {w.productKey});
        if (!exists.ok())
            return fromError(conn, exists, what);
        if (exists.rows() == 0)
            return outcome(Code::Invalid, QStringLiteral("There is no product “%1” in the team "
                                                         "catalog.")
                                              .arg(w.productKey));
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO access_requests(product_key, columns, purpose, ends_at, "
                           "client_token) VALUES ($1, $2, $3, now() + make_interval(days => $4), "
                           "$5) RETURNING id, approvals_needed"),
            {w.productKey, QVariant(w.columns), w.purpose, w.days, w.token});
        if (!r.ok())
            return fromError(conn, r, what);
        const qint64 id = r.integer(0, 0);
        PgResult failed;
        if (!audit(
                conn, QStringLiteral("request"), w.productKey,
                QStringLiteral("request #%1").arg(id),
                QStringLiteral("%1 day(s)%2: %3")
                    .arg(w.days)
                    .arg(w.columns.isEmpty()
                             ? QString()
                             : QStringLiteral(", columns %1").arg(w.columns.join(QLatin1Char(','))),
                         w.purpose),
                &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok,
                       QStringLiteral("Request #%1 filed; it needs %2 approval(s).")
                           .arg(id)
                           .arg(r.integer(0, 1)),
                       id);
    });
}

TeamWriteOutcome applyDecision(PgConnection &conn, const TeamWrite &w)
{
    const bool approve = w.kind == TeamWrite::Kind::Approve;
    const QString what = QStringLiteral("%1 request #%2")
                             .arg(approve ? QStringLiteral("Approving") : QStringLiteral("Denying"))
                             .arg(w.requestId);
    return inTransaction(conn, w, what, [&]() {
        const PgResult req =
            conn.exec(QStringLiteral(
                          "SELECT product_key, requester_id, status, approvals_needed, "
                          "row_version, coalesce(decided_by, ''), columns, ends_at, "
                          "EXISTS (SELECT 1 FROM access_approvals a WHERE a.request_id = r.id "
                          "AND a.approver_id = current_user) FROM access_requests r WHERE id = $1"),
                      {w.requestId});
        if (!req.ok())
            return fromError(conn, req, what);
        if (req.rows() == 0)
            return outcome(Code::Refused,
                           QStringLiteral("%1: there is no such request that you may decide (only "
                                          "the product's owner or a steward may)")
                               .arg(what));
        const QString productKey = req.text(0, 0);
        const QString status = req.text(0, 2);
        if (approve && req.boolean(0, 8))
            return outcome(Code::Ok,
                           QStringLiteral("You had already approved request #%1.").arg(w.requestId),
                           w.requestId);
        if (!approve && status == QLatin1String("denied") && req.text(0, 5) == conn.currentUser())
            return outcome(Code::Ok,
                           QStringLiteral("You had already denied request #%1.").arg(w.requestId),
                           w.requestId);
        if (status != QLatin1String("pending")) {
            TeamWriteOutcome o =
                outcome(Code::Conflict, QStringLiteral("Request #%1 was already %2 by %3.")
                                            .arg(w.requestId)
                                            .arg(status, req.text(0, 5)));
            o.changedBy = req.text(0, 5);
            o.version = int(req.integer(0, 4));
            return o;
        }
        if (w.baseVersion > 0 && req.integer(0, 4) != w.baseVersion) {
            TeamWriteOutcome o =
                outcome(Code::Conflict, QStringLiteral("Request #%1 changed since you opened it "
                                                       "(version %2, you saw %3); reload it.")
                                            .arg(w.requestId)
                                            .arg(req.integer(0, 4))
                                            .arg(w.baseVersion));
            o.version = int(req.integer(0, 4));
            return o;
        }
        PgResult failed;
        if (!approve) {
            const PgResult r = conn.exec(
                QStringLiteral("UPDATE access_requests SET status = 'denied', decided_at = now(), "
                               "decided_by = current_user, reason = $2 WHERE id = $1"),
                {w.requestId, w.reason});
            if (!r.ok())
                return fromError(conn, r, what);
            if (r.affected() != 1)
                return outcome(Code::Refused,
                               QStringLiteral("%1 was refused by the team server").arg(what));
            if (!audit(conn, QStringLiteral("deny"), productKey,
                       QStringLiteral("request #%1").arg(w.requestId), w.reason, &failed))
                return fromError(conn, failed, what);
            return outcome(Code::Ok, QStringLiteral("Request #%1 denied.").arg(w.requestId),
                           w.requestId);
        }
        const PgResult capacity = conn.exec(
            QStringLiteral("SELECT CASE WHEN owner_id = current_user::text THEN 'owner' ELSE "
                           "'steward' END FROM products WHERE key = $1"),
            {productKey});
        // Narrowed columns or an earlier end, when the approver chose them; the server's
        // trigger refuses a widening (server migration 5) and the grant gets the narrowest.
        const PgResult a = conn.exec(
            QStringLiteral("INSERT INTO access_approvals(request_id, capacity, columns, ends_at) "
                           "SELECT id, $2, CASE WHEN cardinality($3::text[]) > 0 THEN "
                           "$3::text[] ELSE columns END, coalesce($4::timestamptz, ends_at) "
                           "FROM access_requests WHERE id = $1"),
            {w.requestId, capacity.text(0, 0), QVariant(w.columns),
             w.endsAt.isValid() ? QVariant(w.endsAt) : QVariant()});
        if (!a.ok()) {
            if (a.sqlState() == QLatin1String("23505"))
                return outcome(Code::Conflict, QStringLiteral("Request #%1 already has the %2's "
                                                              "approval; it needs another "
                                                              "approver.")
                                                   .arg(w.requestId)
                                                   .arg(capacity.text(0, 0)));
            return fromError(conn, a, what);
        }
        QString terms = QStringLiteral("as %1").arg(capacity.text(0, 0));
        if (!w.columns.isEmpty())
            terms += QStringLiteral("; columns %1").arg(w.columns.join(QLatin1Char(',')));
        if (w.endsAt.isValid())
            terms += QStringLiteral("; until %1")
                         .arg(w.endsAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        if (!audit(conn, QStringLiteral("approve"), productKey,
                   QStringLiteral("request #%1").arg(w.requestId), terms, &failed))
            return fromError(conn, failed, what);
        const PgResult count =
            conn.exec(QStringLiteral("SELECT count(*) FROM access_approvals WHERE request_id = $1"),
                      {w.requestId});
        if (count.integer(0, 0) < req.integer(0, 3))
            return outcome(
                Code::Ok,
                QStringLiteral("Approved request #%1 as %2; it needs %3 more approval(s).")
                    .arg(w.requestId)
                    .arg(capacity.text(0, 0))
                    .arg(req.integer(0, 3) - count.integer(0, 0)),
                w.requestId);
        const PgResult decided = conn.exec(
            QStringLiteral("UPDATE access_requests SET status = 'approved', decided_at = now(), "
                           "decided_by = current_user WHERE id = $1"),
            {w.requestId});
        if (!decided.ok())
            return fromError(conn, decided, what);
        // The server's trigger creates the grant and its audit entry (server migration 4): an
        // approver need not be able to read grants.
        return outcome(Code::Ok,
                       QStringLiteral("Approved request #%1: access granted to %2.")
                           .arg(w.requestId)
                           .arg(req.text(0, 1)),
                       w.requestId);
    });
}

/**
 * An Edit, or an ImportContract: the contract's YAML (fields.contract) stored for the product,
 * with the metadata changes it implies (the other fields, possibly none) saved as an edit in the
 * same transaction.
 */
TeamWriteOutcome applyEdit(PgConnection &conn, const TeamWrite &w)
{
    const bool contract = w.kind == TeamWrite::Kind::ImportContract;
    const QString what = contract ? QStringLiteral("The contract import for %1").arg(w.productKey)
                                  : QStringLiteral("The edit of %1").arg(w.productKey);
    const QString yaml = w.fields.value(QStringLiteral("contract")).toString();
    if (contract && yaml.trimmed().isEmpty())
        return outcome(Code::Invalid, QStringLiteral("%1 has no contract document").arg(what));
    static const QList<QPair<QString, QString>> kFields = {
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("description"), QStringLiteral("description")},
        {QStringLiteral("status"), QStringLiteral("status")},
        {QStringLiteral("owner"), QStringLiteral("owner_id")},
        {QStringLiteral("steward"), QStringLiteral("steward_id")},
        {QStringLiteral("tags"), QStringLiteral("tags")},
        {QStringLiteral("access_policy"), QStringLiteral("access_policy")},
        {QStringLiteral("freshness_sla_hours"), QStringLiteral("freshness_sla_hours")},
    };
    QStringList sets;
    PgParams params{w.productKey};
    // Dataset and column metadata travel as a patch (DatasetPatch), applied below to the
    // server's datasets document as read inside the transaction.
    const QJsonValue datasetPatch = w.fields.value(QStringLiteral("datasets"));
    if (!datasetPatch.isUndefined() && !datasetPatch.isArray())
        return outcome(
            Code::Invalid,
            QStringLiteral("%1: the dataset and column changes are not a list").arg(what));
    for (auto it = w.fields.begin(); it != w.fields.end(); ++it) {
        if (it.key() == QLatin1String("datasets") ||
            (contract && it.key() == QLatin1String("contract")))
            continue;
        QString column;
        for (const auto &[name, col] : kFields)
            if (name == it.key())
                column = col;
        if (column.isEmpty())
            return outcome(Code::Invalid,
                           QStringLiteral("%1: unknown field “%2”").arg(what, it.key()));
        if (column == QLatin1String("tags"))
            params.append(QVariant(it.value().toVariant().toStringList()));
        else if (column == QLatin1String("freshness_sla_hours"))
            params.append(it.value().toInt());
        else
            params.append(it.value().toString());
        sets.append(QStringLiteral("%1 = $%2").arg(column).arg(params.size()));
    }
    const bool metadata = !sets.isEmpty() || !datasetPatch.toArray().isEmpty();
    if (!metadata && !contract)
        return outcome(Code::Invalid, QStringLiteral("%1 changes no field").arg(what));
    return inTransaction(conn, w, what, [&]() {
        if (contract) {
            const PgResult done = conn.exec(
                QStringLiteral("SELECT 1 FROM product_contracts WHERE client_token = $1"),
                {w.token});
            if (done.ok() && done.rows() == 1)
                return outcome(Code::Ok, QStringLiteral("The contract of %1 was already imported.")
                                             .arg(w.productKey));
        }
        const PgResult done = conn.exec(
            QStringLiteral("SELECT version FROM product_versions WHERE client_token = $1"),
            {w.token});
        if (!contract && done.ok() && done.rows() == 1) {
            TeamWriteOutcome o = outcome(Code::Ok, QStringLiteral("The edit was already saved "
                                                                  "as version %1.")
                                                       .arg(done.integer(0, 0)));
            o.version = int(done.integer(0, 0));
            return o;
        }
        const PgResult current = conn.exec(
            QStringLiteral("SELECT row_version, mesh_may_edit(key), "
                           "(SELECT author || ' at ' || to_char(created_at AT TIME ZONE 'UTC', "
                           "'YYYY-MM-DD HH24:MI \"UTC\"') FROM product_versions v WHERE "
                           "v.product_key = p.key ORDER BY version DESC LIMIT 1), "
                           "datasets::text FROM products p WHERE key = $1"),
            {w.productKey});
        if (!current.ok())
            return fromError(conn, current, what);
        if (current.rows() == 0)
            return outcome(
                Code::Invalid,
                QStringLiteral("There is no product “%1” in the team catalog.").arg(w.productKey));
        if (!current.boolean(0, 1))
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused: only its owner or a steward (or an "
                                          "administrator) may edit its metadata")
                               .arg(what));
        const int version = int(current.integer(0, 0));
        if (!w.overwrite && w.baseVersion > 0 && version != w.baseVersion) {
            const QString by = current.text(0, 2);
            TeamWriteOutcome o =
                outcome(Code::Conflict,
                        QStringLiteral("%1 started from version %2, but %3 saved version %4 since; "
                                       "reload, compare, or overwrite.")
                            .arg(w.productKey)
                            .arg(w.baseVersion)
                            .arg(by.isEmpty() ? QStringLiteral("someone") : by)
                            .arg(version));
            o.version = version;
            o.changedBy = by.section(QStringLiteral(" at "), 0, 0);
            return o;
        }
        QStringList allSets = sets;
        PgParams allParams = params;
        if (!datasetPatch.toArray().isEmpty()) {
            QJsonArray datasets = QJsonDocument::fromJson(current.text(0, 3).toUtf8()).array();
            QString patchError;
            if (!DatasetPatch::apply(datasets, datasetPatch.toArray(), &patchError))
                return outcome(Code::Invalid, QStringLiteral("%1: %2").arg(what, patchError));
            allParams.append(
                QString::fromUtf8(QJsonDocument(datasets).toJson(QJsonDocument::Compact)));
            allSets.append(QStringLiteral("datasets = $%1::jsonb").arg(allParams.size()));
        }
        const QString summary =
            w.reason.isEmpty()
                ? QStringLiteral("Changed %1").arg(w.fields.keys().join(QStringLiteral(", ")))
                : w.reason;
        int newVersion = version;
        qint64 versionId = 0;
        if (metadata) {
            const PgResult updated = conn.exec(
                QStringLiteral("UPDATE products SET %1, updated_at = now() WHERE key = $1 "
                               "RETURNING row_version")
                    .arg(allSets.join(QStringLiteral(", "))),
                allParams);
            if (!updated.ok())
                return fromError(conn, updated, what);
            if (updated.rows() != 1)
                return outcome(Code::Refused,
                               QStringLiteral("%1 was refused by the team server").arg(what));
            newVersion = int(updated.integer(0, 0));
            const PgResult v = conn.exec(
                QStringLiteral("INSERT INTO product_versions(product_key, version, summary, "
                               "snapshot, client_token) SELECT key, row_version, $2, to_jsonb(p), "
                               "$3 FROM products p WHERE key = $1 RETURNING id"),
                {w.productKey, summary, w.token});
            if (!v.ok())
                return fromError(conn, v, what);
            versionId = v.integer(0, 0);
        }
        if (contract) {
            const PgResult stored = conn.exec(
                QStringLiteral("INSERT INTO product_contracts(product_key, yaml, imported_at, "
                               "imported_by, client_token) VALUES ($1, $2, now(), current_user, "
                               "$3) ON CONFLICT (product_key) DO UPDATE SET yaml = excluded.yaml, "
                               "imported_at = excluded.imported_at, imported_by = "
                               "excluded.imported_by, client_token = excluded.client_token"),
                {w.productKey, yaml, w.token});
            if (!stored.ok())
                return fromError(conn, stored, what);
        }
        PgResult failed;
        const QString detail =
            w.overwrite ? summary + QStringLiteral(" (overwrote a newer version)") : summary;
        if (!audit(conn, contract ? QStringLiteral("import-contract") : QStringLiteral("edit"),
                   w.productKey,
                   contract && !metadata ? QStringLiteral("contract")
                                         : QStringLiteral("version %1").arg(newVersion),
                   detail, &failed))
            return fromError(conn, failed, what);
        TeamWriteOutcome o = outcome(
            Code::Ok,
            contract ? (metadata ? QStringLiteral("Imported the contract of %1; its metadata is "
                                                  "version %2.")
                                       .arg(w.productKey)
                                       .arg(newVersion)
                                 : QStringLiteral("Imported the contract of %1; its metadata "
                                                  "already matched.")
                                       .arg(w.productKey))
                     : QStringLiteral("Saved %1 as version %2.").arg(w.productKey).arg(newVersion),
            versionId);
        o.version = newVersion;
        return o;
    });
}

TeamWriteOutcome applyWithdraw(PgConnection &conn, const TeamWrite &w)
{
    const QString what = QStringLiteral("Withdrawing request #%1").arg(w.requestId);
    return inTransaction(conn, w, what, [&]() {
        const PgResult req = conn.exec(
            QStringLiteral("SELECT product_key, requester_id, status, coalesce(decided_by, ''), "
                           "requester_id = current_user::text FROM access_requests WHERE id = $1"),
            {w.requestId});
        if (!req.ok())
            return fromError(conn, req, what);
        if (req.rows() == 0 || !req.boolean(0, 4))
            return outcome(Code::Refused, QStringLiteral("%1 was refused: only the person who "
                                                         "filed a request may withdraw it")
                                              .arg(what));
        const QString status = req.text(0, 2);
        if (status == QLatin1String("withdrawn"))
            return outcome(Code::Ok,
                           QStringLiteral("Request #%1 was already withdrawn.").arg(w.requestId),
                           w.requestId);
        if (status != QLatin1String("pending")) {
            TeamWriteOutcome o = outcome(Code::Conflict,
                                         QStringLiteral("Request #%1 was already %2 by %3.")
                                             .arg(w.requestId)
                                             .arg(status, req.text(0, 3)));
            o.changedBy = req.text(0, 3);
            return o;
        }
        const PgResult r = conn.exec(
            QStringLiteral("UPDATE access_requests SET status = 'withdrawn', decided_at = now(), "
                           "decided_by = current_user WHERE id = $1"),
            {w.requestId});
        if (!r.ok())
            return fromError(conn, r, what);
        if (r.affected() != 1)
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused by the team server").arg(what));
        PgResult failed;
        if (!audit(conn, QStringLiteral("withdraw"), req.text(0, 0),
                   QStringLiteral("request #%1").arg(w.requestId), QString(), &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok, QStringLiteral("Request #%1 withdrawn.").arg(w.requestId),
                       w.requestId);
    });
}

TeamWriteOutcome applyRevoke(PgConnection &conn, const TeamWrite &w)
{
    const QString what = QStringLiteral("Revoking grant #%1").arg(w.requestId);
    return inTransaction(conn, w, what, [&]() {
        // A revocation record; the server's trigger revokes and audits it (server migration 4),
        // and row-level security lets only the product's owner or an administrator file it.
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO grant_revocations(grant_id, reason) VALUES ($1, $2)"),
            {w.requestId, w.reason});
        if (r.ok())
            return outcome(Code::Ok, QStringLiteral("Grant #%1 revoked.").arg(w.requestId),
                           w.requestId);
        if (r.sqlState() == QLatin1String("40001")) {
            const QString by = r.error()
                                   .section(QStringLiteral("revoked by "), 1)
                                   .section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
            // The transaction is aborted now: the acting user is known without asking.
            if (!by.isEmpty() && by == w.actingUser)
                return outcome(Code::Ok,
                               QStringLiteral("Grant #%1 was already revoked.").arg(w.requestId),
                               w.requestId);
            TeamWriteOutcome o = outcome(Code::Conflict,
                                         QStringLiteral("Grant #%1 was already revoked by %2.")
                                             .arg(w.requestId)
                                             .arg(by));
            o.changedBy = by;
            return o;
        }
        if (r.isRefusal())
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused: only the product's owner or an "
                                          "administrator may revoke its grants")
                               .arg(what));
        return fromError(conn, r, what);
    });
}

/** The federated-governance rule of GovernanceService::setPolicy: a domain only tightens. */
QString loosens(const TeamWrite &w, const QString &globalParameter, bool globalEnabled)
{
    if (w.policyScope.isEmpty() || !globalEnabled)
        return {};
    if (!w.enabled)
        return QStringLiteral("%1 cannot switch off “%2”: the governance council requires it for "
                              "every domain")
            .arg(w.policyScope, w.policyKind);
    if (w.policyKind == QLatin1String("description-min-length") &&
        w.parameter.toInt() < globalParameter.toInt())
        return QStringLiteral("%1 may only tighten the description rule: the council requires %2 "
                              "characters, %3 would loosen it")
            .arg(w.policyScope, globalParameter, w.parameter);
    if (w.policyKind == QLatin1String("kpi-freshness-sla") && globalParameter.toInt() > 0 &&
        (w.parameter.toInt() == 0 || w.parameter.toInt() > globalParameter.toInt()))
        return QStringLiteral("%1 may only tighten the KPI freshness rule: the council allows at "
                              "most %2 h")
            .arg(w.policyScope, globalParameter);
    return {};
}

TeamWriteOutcome applySetPolicy(PgConnection &conn, const TeamWrite &w)
{
    const QString what =
        QStringLiteral("Setting the %1 policy %2")
            .arg(w.policyScope.isEmpty() ? QStringLiteral("global") : w.policyScope, w.policyKind);
    if (w.policyKind.isEmpty())
        return outcome(Code::Invalid, QStringLiteral("%1: no policy kind").arg(what));
    return inTransaction(conn, w, what, [&]() {
        if (!w.policyScope.isEmpty()) {
            const PgResult d = conn.exec(QStringLiteral("SELECT 1 FROM domains WHERE name = $1"),
                                         {w.policyScope});
            if (!d.ok())
                return fromError(conn, d, what);
            if (d.rows() == 0)
                return outcome(Code::Invalid,
                               QStringLiteral("There is no domain “%1” in the team catalog.")
                                   .arg(w.policyScope));
            const PgResult may = conn.exec(QStringLiteral("SELECT mesh_may_set_policy($1)"),
                                           {w.policyScope});
            if (!may.ok())
                return fromError(conn, may, what);
            if (!may.boolean(0, 0))
                return outcome(Code::Refused,
                               QStringLiteral("%1 was refused: only the governance council, an "
                                              "administrator or a steward of %2 may")
                                   .arg(what, w.policyScope));
            const PgResult global = conn.exec(
                QStringLiteral("SELECT parameter, enabled FROM governance_policies WHERE scope = "
                               "'' AND kind = $1"),
                {w.policyKind});
            if (!global.ok())
                return fromError(conn, global, what);
            if (global.rows() == 1)
                if (const QString why = loosens(w, global.text(0, 0), global.boolean(0, 1));
                    !why.isEmpty())
                    return outcome(Code::Invalid, why);
        }
        // An upsert: row-level security refuses it (42501) for anyone who may not set it.
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO governance_policies(scope, kind, parameter, enabled, "
                           "updated_by) VALUES ($1, $2, $3, $4, current_user) ON CONFLICT (scope, "
                           "kind) DO UPDATE SET parameter = excluded.parameter, enabled = "
                           "excluded.enabled, updated_at = now(), updated_by = current_user"),
            {w.policyScope, w.policyKind, w.parameter, w.enabled});
        if (!r.ok())
            return fromError(conn, r, what);
        PgResult failed;
        if (!audit(conn, QStringLiteral("set-policy"), QString(),
                   QStringLiteral("%1 policy %2")
                       .arg(w.policyScope.isEmpty() ? QStringLiteral("global") : w.policyScope,
                            w.policyKind),
                   QStringLiteral("%1%2").arg(w.enabled ? QString() : QStringLiteral("Disabled: "),
                                              w.parameter),
                   &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok, QStringLiteral("%1 policy %2 set%3.")
                                     .arg(w.policyScope.isEmpty() ? QStringLiteral("Global")
                                                                  : w.policyScope,
                                          w.policyKind,
                                          w.enabled ? QString() : QStringLiteral(" (off)")));
    });
}

/**
 * Acknowledges (or resolves) live alert `id` of productKey as the connected role, with its audit
 * entry: the one statement both an explicit AckAlert/ResolveAlert and a report that carries a
 * catalog's own acknowledgement use. *changed: whether the alert was still in a state to change.
 */
bool setAlertState(PgConnection &conn, qint64 id, const QString &productKey, bool resolve,
                   const QString &note, bool *changed, PgResult *failed)
{
    PgResult r = conn.exec(
        resolve ? QStringLiteral("UPDATE quality_alerts SET state = 'resolved', resolved_by = "
                                 "current_user, resolved_at = now(), note = $2 WHERE id = $1 "
                                 "AND state <> 'resolved'")
                : QStringLiteral("UPDATE quality_alerts SET state = 'acknowledged', "
                                 "acknowledged_by = current_user, acknowledged_at = now(), "
                                 "note = $2 WHERE id = $1 AND state = 'open'"),
        {id, note});
    if (!r.ok()) {
        *failed = std::move(r);
        return false;
    }
    *changed = r.affected() == 1;
    return !*changed ||
           audit(conn, resolve ? QStringLiteral("resolve-alert") : QStringLiteral("acknowledge-alert"),
                 productKey, QStringLiteral("alert #%1").arg(id), note, failed);
}

TeamWriteOutcome applyAlertTransition(PgConnection &conn, const TeamWrite &w)
{
    const bool resolve = w.kind == TeamWrite::Kind::ResolveAlert;
    const QString what = QStringLiteral("%1 alert #%2")
                             .arg(resolve ? QStringLiteral("Resolving")
                                          : QStringLiteral("Acknowledging"))
                             .arg(w.requestId);
    return inTransaction(conn, w, what, [&]() {
        const PgResult a = conn.exec(
            QStringLiteral("SELECT product_key, state, coalesce(acknowledged_by, ''), "
                           "coalesce(resolved_by, ''), mesh_may_manage_alerts(product_key) FROM "
                           "quality_alerts WHERE id = $1"),
            {w.requestId});
        if (!a.ok())
            return fromError(conn, a, what);
        if (a.rows() == 0)
            return outcome(Code::Invalid,
                           QStringLiteral("There is no alert #%1 in the team catalog.")
                               .arg(w.requestId));
        const QString state = a.text(0, 1);
        const QString me = conn.currentUser();
        const QString by = state == QLatin1String("resolved") ? a.text(0, 3) : a.text(0, 2);
        if ((state == QLatin1String("resolved") && resolve) ||
            (state == QLatin1String("acknowledged") && !resolve)) {
            if (by == me) // a replay after a lost acknowledgement
                return outcome(Code::Ok,
                               QStringLiteral("Alert #%1 was already %2 by you.")
                                   .arg(w.requestId)
                                   .arg(state),
                               w.requestId);
        }
        if (state == QLatin1String("resolved") ||
            (state == QLatin1String("acknowledged") && !resolve)) {
            TeamWriteOutcome o = outcome(Code::Conflict, QStringLiteral("Alert #%1 was already "
                                                                        "%2 by %3.")
                                                             .arg(w.requestId)
                                                             .arg(state, by));
            o.changedBy = by;
            return o;
        }
        if (!a.boolean(0, 4))
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused: only the product's owner or a steward, "
                                          "an administrator or the governance council may")
                               .arg(what));
        bool changed = false;
        PgResult failed;
        if (!setAlertState(conn, w.requestId, a.text(0, 0), resolve, w.reason, &changed, &failed))
            return fromError(conn, failed, what);
        if (!changed)
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused by the team server").arg(what));
        return outcome(Code::Ok,
                       QStringLiteral("Alert #%1 %2 by %3.")
                           .arg(w.requestId)
                           .arg(resolve ? QStringLiteral("resolved")
                                        : QStringLiteral("acknowledged"),
                                me),
                       w.requestId);
    });
}

TeamWriteOutcome applyClaim(PgConnection &conn, const TeamWrite &w)
{
    const QString what = QStringLiteral("The ownership claim on %1").arg(w.productKey);
    return inTransaction(conn, w, what, [&]() {
        const PgResult pending = conn.exec(
            QStringLiteral("SELECT id FROM ownership_claims WHERE product_key = $1 AND "
                           "claimant_id = current_user::text AND status = 'pending'"),
            {w.productKey});
        if (!pending.ok())
            return fromError(conn, pending, what);
        if (pending.rows() == 1) // a replay, or a second try: one pending claim a person
            return outcome(Code::Ok,
                           QStringLiteral("Claim #%1 on %2 is already pending.")
                               .arg(pending.integer(0, 0))
                               .arg(w.productKey),
                           pending.integer(0, 0));
        // Row-level security decides (mesh_may_claim: no owner yet, a known person).
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO ownership_claims(product_key, reason) VALUES ($1, $2) "
                           "RETURNING id"),
            {w.productKey, w.reason});
        if (!r.ok()) {
            if (r.isRefusal())
                return outcome(Code::Refused,
                               QStringLiteral("%1 was refused: only a product without owner may be "
                                              "claimed, by a person the catalog knows")
                                   .arg(what));
            return fromError(conn, r, what);
        }
        PgResult failed;
        if (!audit(conn, QStringLiteral("claim-ownership"), w.productKey,
                   QStringLiteral("claim #%1").arg(r.integer(0, 0)), w.reason, &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok,
                       QStringLiteral("Claim #%1 on %2 filed; a steward decides.")
                           .arg(r.integer(0, 0))
                           .arg(w.productKey),
                       r.integer(0, 0));
    });
}

TeamWriteOutcome applyClaimDecision(PgConnection &conn, const TeamWrite &w)
{
    const QString status = w.kind == TeamWrite::Kind::ApproveClaim ? QStringLiteral("approved")
                           : w.kind == TeamWrite::Kind::DenyClaim  ? QStringLiteral("denied")
                                                                   : QStringLiteral("withdrawn");
    const QString what = QStringLiteral("Setting claim #%1 to %2").arg(w.requestId).arg(status);
    return inTransaction(conn, w, what, [&]() {
        const PgResult c = conn.exec(
            QStringLiteral("SELECT product_key, status, coalesce(decided_by, '') FROM "
                           "ownership_claims WHERE id = $1"),
            {w.requestId});
        if (!c.ok())
            return fromError(conn, c, what);
        if (c.rows() == 0)
            return outcome(Code::Refused, QStringLiteral("%1 was refused: there is no such claim "
                                                         "that you may decide")
                                              .arg(what));
        if (c.text(0, 1) != QLatin1String("pending")) {
            if (c.text(0, 1) == status && c.text(0, 2) == w.actingUser)
                return outcome(Code::Ok,
                               QStringLiteral("Claim #%1 was already %2.").arg(w.requestId).arg(
                                   status),
                               w.requestId);
            TeamWriteOutcome o = outcome(Code::Conflict, QStringLiteral("Claim #%1 was already "
                                                                        "%2 by %3.")
                                                             .arg(w.requestId)
                                                             .arg(c.text(0, 1), c.text(0, 2)));
            o.changedBy = c.text(0, 2);
            return o;
        }
        // Row-level security decides; an approval makes the claimant the owner (server trigger).
        const PgResult r = conn.exec(
            QStringLiteral("UPDATE ownership_claims SET status = $2, decision_reason = $3 WHERE "
                           "id = $1"),
            {w.requestId, status, w.reason});
        if (!r.ok() || r.affected() != 1) {
            if (!r.ok() && !r.isRefusal())
                return fromError(conn, r, what);
            return outcome(Code::Refused,
                           QStringLiteral("%1 was refused: a steward (or the governance council "
                                          "for data without domain) or an administrator decides "
                                          "claims, and only the claimant withdraws one")
                               .arg(what));
        }
        PgResult failed;
        if (w.kind != TeamWrite::Kind::ApproveClaim &&
            !audit(conn, TeamWrite::kindName(w.kind), c.text(0, 0),
                   QStringLiteral("claim #%1").arg(w.requestId), w.reason, &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok, QStringLiteral("Claim #%1 %2.").arg(w.requestId).arg(status),
                       w.requestId);
    });
}

/**
 * Carries a catalog's own acknowledgement of a reported alert (ReportAlert's "acknowledged"
 * field, sent for alerts acknowledged before the catalog became a team cache) over to the
 * server's live alert: as the connected person, only when they may manage the product's alerts
 * and the alert is still open there. *said gets the sentence for the outcome.
 */
bool carryAcknowledgement(PgConnection &conn, const TeamWrite &w, qint64 id, QString *said,
                          PgResult *failed)
{
    if (!w.fields.value(QStringLiteral("acknowledged")).toBool())
        return true;
    PgResult may = conn.exec(
        QStringLiteral("SELECT mesh_may_manage_alerts(product_key), state FROM quality_alerts "
                       "WHERE id = $1"),
        {id});
    if (!may.ok()) {
        *failed = std::move(may);
        return false;
    }
    if (may.rows() != 1 || may.text(0, 1) != QLatin1String("open"))
        return true;
    if (!may.boolean(0, 0)) {
        *said = QStringLiteral(" It stays open there: it was acknowledged in this catalog, but "
                               "only the product's owner or a steward may acknowledge it on the "
                               "team server.");
        return true;
    }
    bool changed = false;
    if (!setAlertState(conn, id, w.productKey, false,
                       w.fields.value(QStringLiteral("note")).toString(), &changed, failed))
        return false;
    if (changed)
        *said = QStringLiteral(" Acknowledged there too, as it was in this catalog.");
    return true;
}

TeamWriteOutcome applyReportAlert(PgConnection &conn, const TeamWrite &w)
{
    const QString fingerprint = w.fields.value(QStringLiteral("fingerprint")).toString();
    const QString what = QStringLiteral("Reporting the quality alert %1 on %2")
                             .arg(fingerprint, w.productKey);
    if (fingerprint.isEmpty() || w.fields.value(QStringLiteral("title")).toString().isEmpty())
        return outcome(Code::Invalid, QStringLiteral("%1: the alert has no fingerprint or title")
                                          .arg(what));
    return inTransaction(conn, w, what, [&]() {
        // The natural key: one live alert per product and fingerprint, whoever reports it.
        const PgResult live = conn.exec(
            QStringLiteral("SELECT id FROM quality_alerts WHERE product_key = $1 AND fingerprint "
                           "= $2 AND state <> 'resolved'"),
            {w.productKey, fingerprint});
        if (!live.ok())
            return fromError(conn, live, what);
        if (live.rows() == 0) {
            const PgResult exists = conn.exec(
                QStringLiteral("SELECT 1 FROM products WHERE key = $1"), {w.productKey});
            if (!exists.ok())
                return fromError(conn, exists, what);
            if (exists.rows() == 0)
                return outcome(Code::Invalid,
                               QStringLiteral("There is no product “%1” in the team catalog.")
                                   .arg(w.productKey));
        }
        if (live.rows() == 1) {
            const PgResult seen = conn.exec(QStringLiteral("SELECT mesh_alert_seen_again($1)"),
                                            {live.integer(0, 0)});
            if (!seen.ok())
                return fromError(conn, seen, what);
            QString said;
            PgResult failed;
            if (!carryAcknowledgement(conn, w, live.integer(0, 0), &said, &failed))
                return fromError(conn, failed, what);
            return outcome(Code::Ok,
                           QStringLiteral("The team server already has this alert as #%1.%2")
                               .arg(live.integer(0, 0))
                               .arg(said),
                           live.integer(0, 0));
        }
        // Row-level security decides (mesh_may_report_alert: a known product and person).
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO quality_alerts(product_key, kind, fingerprint, severity, "
                           "title, detail) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"),
            {w.productKey, w.fields.value(QStringLiteral("kind")).toString(), fingerprint,
             w.fields.value(QStringLiteral("severity")).toString(QStringLiteral("warning")),
             w.fields.value(QStringLiteral("title")).toString(),
             w.fields.value(QStringLiteral("detail")).toString()});
        if (!r.ok()) {
            if (r.isRefusal())
                return outcome(Code::Refused,
                               QStringLiteral("%1 was refused: alerts are reported on products "
                                              "the team catalog has, by people it knows")
                                   .arg(what));
            return fromError(conn, r, what);
        }
        PgResult failed;
        if (!audit(conn, QStringLiteral("report-alert"), w.productKey,
                   QStringLiteral("alert #%1").arg(r.integer(0, 0)),
                   w.fields.value(QStringLiteral("title")).toString(), &failed))
            return fromError(conn, failed, what);
        QString said;
        if (!carryAcknowledgement(conn, w, r.integer(0, 0), &said, &failed))
            return fromError(conn, failed, what);
        return outcome(Code::Ok,
                       QStringLiteral("Alert #%1 reported to the team server.%2")
                           .arg(r.integer(0, 0))
                           .arg(said),
                       r.integer(0, 0));
    });
}

TeamWriteOutcome applyRecordUse(PgConnection &conn, const TeamWrite &w)
{
    const QString action = w.fields.value(QStringLiteral("action")).toString();
    const QString what = QStringLiteral("Recording the %1 of %2").arg(action, w.productKey);
    static const QStringList kUses = {QStringLiteral("preview-pii"),
                                      QStringLiteral("preview-masked"), QStringLiteral("export")};
    if (!kUses.contains(action))
        return outcome(Code::Invalid, QStringLiteral("%1: not a preview or an export").arg(what));
    return inTransaction(conn, w, what, [&]() {
        // The entry keeps the write's token (server migration 7), so a replay after a lost
        // acknowledgement finds it and adds none; the write lock, held since BEGIN, orders two
        // replays of one write. A server not migrated yet has no token column: audited again.
        const PgResult tokens = conn.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'audit_log'::regclass "
            "AND attname = 'client_token' AND NOT attisdropped)"));
        if (!tokens.ok())
            return fromError(conn, tokens, what);
        const QString subject = w.fields.value(QStringLiteral("subject")).toString();
        const QString detail = w.fields.value(QStringLiteral("detail")).toString();
        if (!tokens.boolean(0, 0)) {
            PgResult failed;
            if (!audit(conn, action, w.productKey, subject, detail, &failed))
                return fromError(conn, failed, what);
            return outcome(Code::Ok,
                           QStringLiteral("The %1 of %2 is in the team server's audit log.")
                               .arg(action, w.productKey));
        }
        const PgResult done =
            conn.exec(QStringLiteral("SELECT seq FROM audit_log WHERE client_token = $1"), {w.token});
        if (!done.ok())
            return fromError(conn, done, what);
        if (done.rows() == 1)
            return outcome(Code::Ok,
                           QStringLiteral("The %1 of %2 was already in the team server's audit "
                                          "log (entry %3).")
                               .arg(action, w.productKey)
                               .arg(done.integer(0, 0)),
                           done.integer(0, 0));
        // The audit table takes entries in one's own name only (row-level security).
        const PgResult r = conn.exec(
            QStringLiteral("INSERT INTO audit_log(action, product_key, subject, detail, "
                           "client_token) VALUES ($1, $2, $3, $4, $5) RETURNING seq"),
            {action, w.productKey, subject, detail, w.token});
        if (!r.ok())
            return fromError(conn, r, what);
        return outcome(Code::Ok,
                       QStringLiteral("The %1 of %2 is in the team server's audit log (entry %3).")
                           .arg(action, w.productKey)
                           .arg(r.integer(0, 0)),
                       r.integer(0, 0));
    });
}

TeamOutboxEntry entryFrom(Statement &st)
{
    TeamOutboxEntry e;
    e.id = st.integer(0);
    e.state = st.text(1);
    e.message = st.text(2);
    e.write = TeamWrite::fromJson(QJsonDocument::fromJson(st.text(3).toUtf8()).object());
    return e;
}

} // namespace

QString TeamWrite::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Request:
        return QStringLiteral("request");
    case Kind::Approve:
        return QStringLiteral("approve");
    case Kind::Deny:
        return QStringLiteral("deny");
    case Kind::Edit:
        return QStringLiteral("edit");
    case Kind::Withdraw:
        return QStringLiteral("withdraw");
    case Kind::Revoke:
        return QStringLiteral("revoke");
    case Kind::SetPolicy:
        return QStringLiteral("set-policy");
    case Kind::AckAlert:
        return QStringLiteral("acknowledge-alert");
    case Kind::ResolveAlert:
        return QStringLiteral("resolve-alert");
    case Kind::Claim:
        return QStringLiteral("claim-ownership");
    case Kind::ApproveClaim:
        return QStringLiteral("approve-claim");
    case Kind::DenyClaim:
        return QStringLiteral("deny-claim");
    case Kind::WithdrawClaim:
        return QStringLiteral("withdraw-claim");
    case Kind::ReportAlert:
        return QStringLiteral("report-alert");
    case Kind::RecordUse:
        return QStringLiteral("record-use");
    case Kind::ImportContract:
        return QStringLiteral("import-contract");
    }
    return {};
}

QString TeamWrite::newToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject TeamWrite::toJson() const
{
    return {{QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("acting_user"), actingUser},
            {QStringLiteral("token"), token},
            {QStringLiteral("product"), productKey},
            {QStringLiteral("request"), requestId},
            {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
            {QStringLiteral("purpose"), purpose},
            {QStringLiteral("days"), days},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("base_version"), baseVersion},
            {QStringLiteral("overwrite"), overwrite},
            {QStringLiteral("policy_scope"), policyScope},
            {QStringLiteral("policy_kind"), policyKind},
            {QStringLiteral("parameter"), parameter},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("ends_at"),
             endsAt.isValid() ? endsAt.toUTC().toString(Qt::ISODateWithMs) : QString()}};
}

TeamWrite TeamWrite::fromJson(const QJsonObject &o)
{
    TeamWrite w;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    for (Kind k : {Kind::Request, Kind::Approve, Kind::Deny, Kind::Edit, Kind::Withdraw,
                   Kind::Revoke, Kind::SetPolicy, Kind::AckAlert, Kind::ResolveAlert, Kind::Claim,
                   Kind::ApproveClaim, Kind::DenyClaim, Kind::WithdrawClaim, Kind::ReportAlert,
                   Kind::RecordUse, Kind::ImportContract})
        if (kindName(k) == kind)
            w.kind = k;
    w.actingUser = o.value(QStringLiteral("acting_user")).toString();
    w.token = o.value(QStringLiteral("token")).toString();
    w.productKey = o.value(QStringLiteral("product")).toString();
    w.requestId = o.value(QStringLiteral("request")).toInteger();
    for (const QJsonValue &c : o.value(QStringLiteral("columns")).toArray())
        w.columns.append(c.toString());
    w.purpose = o.value(QStringLiteral("purpose")).toString();
    w.days = o.value(QStringLiteral("days")).toInt(30);
    w.reason = o.value(QStringLiteral("reason")).toString();
    w.fields = o.value(QStringLiteral("fields")).toObject();
    w.baseVersion = o.value(QStringLiteral("base_version")).toInt();
    w.overwrite = o.value(QStringLiteral("overwrite")).toBool();
    w.policyScope = o.value(QStringLiteral("policy_scope")).toString();
    w.policyKind = o.value(QStringLiteral("policy_kind")).toString();
    w.parameter = o.value(QStringLiteral("parameter")).toString();
    w.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    if (const QString ends = o.value(QStringLiteral("ends_at")).toString(); !ends.isEmpty())
        w.endsAt = QDateTime::fromString(ends, Qt::ISODateWithMs);
    return w;
}

TeamWriteOutcome TeamClient::apply(PgConnection &conn, const TeamWrite &write)
{
    TeamWrite w = write;
    if (w.token.isEmpty())
        w.token = TeamWrite::newToken();
    switch (w.kind) {
    case TeamWrite::Kind::Request:
        return applyRequest(conn, w);
    case TeamWrite::Kind::Approve:
    case TeamWrite::Kind::Deny:
        return applyDecision(conn, w);
    case TeamWrite::Kind::Edit:
    case TeamWrite::Kind::ImportContract:
        return applyEdit(conn, w);
    case TeamWrite::Kind::Withdraw:
        return applyWithdraw(conn, w);
    case TeamWrite::Kind::Revoke:
        return applyRevoke(conn, w);
    case TeamWrite::Kind::SetPolicy:
        return applySetPolicy(conn, w);
    case TeamWrite::Kind::AckAlert:
    case TeamWrite::Kind::ResolveAlert:
        return applyAlertTransition(conn, w);
    case TeamWrite::Kind::Claim:
        return applyClaim(conn, w);
    case TeamWrite::Kind::ApproveClaim:
    case TeamWrite::Kind::DenyClaim:
    case TeamWrite::Kind::WithdrawClaim:
        return applyClaimDecision(conn, w);
    case TeamWrite::Kind::ReportAlert:
        return applyReportAlert(conn, w);
    case TeamWrite::Kind::RecordUse:
        return applyRecordUse(conn, w);
    }
    return outcome(Code::Invalid, QStringLiteral("unknown write"));
}

TeamWriteOutcome TeamClient::submit(PgConnection *conn, SqliteCatalogStore &store, TeamWrite write)
{
    if (write.token.isEmpty())
        write.token = TeamWrite::newToken();
    if (conn) {
        TeamWriteOutcome o = apply(*conn, write);
        if (o.code != Code::Offline)
            return o;
    }
    QString error;
    if (!enqueue(store, write, &error))
        return outcome(Code::Failed, QStringLiteral("The team server is unreachable and the write "
                                                    "could not be queued: %1")
                                         .arg(error));
    TeamWriteOutcome o =
        outcome(Code::Offline, QStringLiteral("The team server is unreachable; the %1 is queued "
                                              "in %2 and will be sent when it is back.")
                                   .arg(TeamWrite::kindName(write.kind), store.path()));
    o.queued = true;
    return o;
}

bool TeamClient::enqueue(SqliteCatalogStore &store, const TeamWrite &write, QString *error)
{
    CatalogError catalogError;
    const bool ok = store.transaction(
        [&](CatalogError *e) {
            Statement &st = store.database().prepare(QStringLiteral(
                "INSERT INTO team_outbox(created_at, acting_user, kind, payload, token) "
                "VALUES (?1, ?2, ?3, ?4, ?5)"));
            st.bind(1, accessTime(QDateTime::currentDateTimeUtc()))
                .bind(2, write.actingUser)
                .bind(3, TeamWrite::kindName(write.kind))
                .bind(4, QString::fromUtf8(
                             QJsonDocument(write.toJson()).toJson(QJsonDocument::Compact)))
                .bind(5, write.token);
            if (!st.exec()) {
                e->code = CatalogError::Code::Io;
                e->message = st.lastError();
                return false;
            }
            return true;
        },
        &catalogError);
    if (!ok && error)
        *error = catalogError.message;
    return ok;
}

QList<TeamOutboxEntry> TeamClient::outbox(SqliteCatalogStore &store, const QString &state)
{
    QList<TeamOutboxEntry> list;
    Statement &st = store.database().prepare(
        QStringLiteral("SELECT id, state, message, payload FROM team_outbox WHERE ?1 = '' OR "
                       "state = ?1 ORDER BY id"));
    st.bind(1, state);
    while (st.step())
        list.append(entryFrom(st));
    st.reset();
    return list;
}

TeamReplayResult TeamClient::replay(PgConnection &conn, SqliteCatalogStore &store)
{
    TeamReplayResult result;
    const QList<TeamOutboxEntry> queued = outbox(store, QStringLiteral("queued"));
    for (qsizetype i = 0; i < queued.size(); ++i) {
        const TeamOutboxEntry &entry = queued.at(i);
        const TeamWriteOutcome o = apply(conn, entry.write);
        if (o.code == Code::Offline) {
            result.remaining = int(queued.size() - i);
            break;
        }
        QString state;
        switch (o.code) {
        case Code::Ok:
            state = QStringLiteral("done");
            ++result.done;
            break;
        case Code::Conflict:
            state = QStringLiteral("conflict");
            ++result.conflicts;
            break;
        case Code::Refused:
            state = QStringLiteral("refused");
            ++result.refused;
            break;
        default:
            state = QStringLiteral("failed");
            ++result.failed;
        }
        CatalogError ignored;
        store.transaction(
            [&](CatalogError *) {
                Statement &st = store.database().prepare(
                    QStringLiteral("UPDATE team_outbox SET state = ?2, message = ?3, attempted_at "
                                   "= ?4 WHERE id = ?1"));
                st.bind(1, entry.id)
                    .bind(2, state)
                    .bind(3, o.message)
                    .bind(4, accessTime(QDateTime::currentDateTimeUtc()));
                return st.exec();
            },
            &ignored);
    }
    return result;
}

bool TeamClient::requeueOverwriting(SqliteCatalogStore &store, qint64 outboxId, QString *error)
{
    CatalogError catalogError;
    const bool ok = store.transaction(
        [&](CatalogError *e) {
            Statement &get = store.database().prepare(QStringLiteral(
                "SELECT id, state, message, payload FROM team_outbox WHERE id = ?1"));
            get.bind(1, outboxId);
            if (!get.step()) {
                e->code = CatalogError::Code::NotFound;
                e->message = QStringLiteral("there is no queued write #%1").arg(outboxId);
                return false;
            }
            TeamOutboxEntry entry = entryFrom(get);
            get.reset();
            if (entry.state != QLatin1String("conflict")) {
                e->code = CatalogError::Code::Invalid;
                e->message = QStringLiteral("queued write #%1 is %2, not in conflict")
                                 .arg(outboxId)
                                 .arg(entry.state);
                return false;
            }
            entry.write.overwrite = true;
            Statement &st = store.database().prepare(QStringLiteral(
                "UPDATE team_outbox SET state = 'queued', payload = ?2 WHERE id = ?1"));
            st.bind(1, outboxId)
                .bind(2, QString::fromUtf8(
                             QJsonDocument(entry.write.toJson()).toJson(QJsonDocument::Compact)));
            return st.exec();
        },
        &catalogError);
    if (!ok && error)
        *error = catalogError.message;
    return ok;
}

bool TeamClient::discard(SqliteCatalogStore &store, qint64 outboxId, const QString &why,
                         QString *error)
{
    CatalogError catalogError;
    const bool ok = store.transaction(
        [&](CatalogError *e) {
            Statement &st = store.database().prepare(
                QStringLiteral("UPDATE team_outbox SET state = 'failed', message = ?2 WHERE id = "
                               "?1 AND state IN ('conflict', 'refused', 'queued')"));
            st.bind(1, outboxId).bind(2, why);
            if (!st.exec()) {
                e->code = CatalogError::Code::Io;
                e->message = st.lastError();
                return false;
            }
            if (store.database().changes() != 1) {
                e->code = CatalogError::Code::NotFound;
                e->message = QStringLiteral("there is no open queued write #%1").arg(outboxId);
                return false;
            }
            return true;
        },
        &catalogError);
    if (!ok && error)
        *error = catalogError.message;
    return ok;
}

bool TeamClient::isTeamCache(SqliteCatalogStore &store)
{
    return store.database().scalar(QStringLiteral("SELECT count(*) FROM team_sync")).toInt() > 0;
}

TeamWriteOutcome TeamClient::submitAndSync(const TeamRoute &route, SqliteCatalogStore &store,
                                           TeamWrite write)
{
    write.actingUser = route.user;
    QString error;
    auto conn = PgConnection::connect(route.url, route.user, route.password, &error);
    TeamWriteOutcome o = submit(conn.get(), store, std::move(write));
    // After a conflict too: the newer version is what the person reloads or compares with.
    if ((o.ok() || o.code == Code::Conflict) && conn &&
        !TeamSync::sync(*conn, store, route.url, &error))
        o.message += QStringLiteral(" (the local copy will catch up at the next sync: %1)")
                         .arg(error);
    return o;
}

} // namespace Mesh
