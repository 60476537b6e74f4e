// SPDX-License-Identifier: MIT
// meshctl sync-team: pull the team server's changes into a local catalog (the offline cache).
#include "cli.h"

#include "access/accessservice.h"
#include "editing/editingservice.h"
#include "editing/metadatafield.h"
#include "team/datasetpatch.h"
#include "team/pgconnection.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QFileInfo>
#include <QJsonArray>

namespace Mesh::Cli {

int cmdSyncTeam(const QStringList &args)
{
    Command c(QStringLiteral("sync-team"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Pull the team catalog's changes since the last sync into FILE (created when missing).\n"
        "The first sync copies everything; later ones fetch only what changed."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Local catalog file."));
    c.option(QStringLiteral("server"), QStringLiteral("libpq URL of the team server."),
             QStringLiteral("URL"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    const QString url = c.value(QStringLiteral("server"));
    if (url.isEmpty())
        return fail(Usage, QStringLiteral("sync-team needs --server URL, e.g. "
                                          "--server postgresql://me@db.example/mesh"));
    const QString path = c.positional(0);
    QString error;
    auto conn = PgConnection::connect(url, &error);
    if (!conn)
        return fail(PartlyFailed, error + QStringLiteral("; the local catalog was not changed"));
    int code = Ok;
    std::unique_ptr<SqliteCatalogStore> store;
    if (!QFileInfo::exists(path)) {
        CatalogError catalogError;
        store = SqliteCatalogStore::create(path, QStringLiteral("Team catalog"), &catalogError);
        if (!store)
            return fail(Usage, catalogError.message);
    } else {
        store = openCatalog(path, &code);
        if (!store)
            return code;
    }
    const auto result = TeamSync::sync(*conn, *store, url, &error);
    if (!result)
        return fail(PartlyFailed, error);
    if (c.isSet(QStringLiteral("json"))) {
        outJson({{QStringLiteral("server"), conn->server()},
                 {QStringLiteral("server_id"), result->serverId},
                 {QStringLiteral("full"), result->full},
                 {QStringLiteral("from_change"), result->fromChange},
                 {QStringLiteral("to_change"), result->toChange},
                 {QStringLiteral("changes"), result->changes},
                 {QStringLiteral("products"), result->products},
                 {QStringLiteral("removed"), result->removed},
                 {QStringLiteral("users"), result->users},
                 {QStringLiteral("domains"), result->domains},
                 {QStringLiteral("lineage_edges"), result->lineageEdges},
                 {QStringLiteral("access_requests"), result->accessRequests},
                 {QStringLiteral("access_grants"), result->accessGrants},
                 {QStringLiteral("approvals"), result->approvals},
                 {QStringLiteral("versions"), result->versions},
                 {QStringLiteral("policies"), result->policies},
                 {QStringLiteral("alerts"), result->alerts}});
        return Ok;
    }
    if (result->full)
        out(QStringLiteral("First sync from %1: %2 products, %3 people, %4 domains, %5 lineage "
                           "edges (change %6).\n")
                .arg(conn->server())
                .arg(result->products)
                .arg(result->users)
                .arg(result->domains)
                .arg(result->lineageEdges)
                .arg(result->toChange));
    else if (result->changes == 0)
        out(QStringLiteral("Up to date with %1 (change %2).\n")
                .arg(conn->server())
                .arg(result->toChange));
    else
        out(QStringLiteral("Synced %1 changes from %2 (change %3 → %4): %5 products updated, %6 "
                           "removed.\n")
                .arg(result->changes)
                .arg(conn->server())
                .arg(result->fromChange)
                .arg(result->toChange)
                .arg(result->products)
                .arg(result->removed));
    return Ok;
}

namespace {

const char kTeamUsage[] =
    "Usage: meshctl team request FILE PRODUCT --purpose TEXT [--days N] [--columns a,b] --server "
    "URL\n"
    "       meshctl team approve FILE REQUEST_ID [--columns a,b] [--days N] [--expect-version "
    "N]\n"
    "                         --server URL   (narrow the columns, shorten to N days from now)\n"
    "       meshctl team deny FILE REQUEST_ID --reason TEXT --server URL\n"
    "       meshctl team withdraw FILE REQUEST_ID --server URL\n"
    "       meshctl team revoke FILE GRANT_ID [--reason TEXT] --server URL\n"
    "       meshctl team edit FILE PRODUCT --field NAME --value V [--field …] [--expect-version "
    "N]\n"
    "                         [--overwrite] --server URL\n"
    "       meshctl team outbox FILE [--json]      writes queued while offline, and conflicts\n"
    "       meshctl team replay FILE --server URL  send the queued writes\n"
    "       meshctl team overwrite FILE OUTBOX_ID  re-queue a conflicting edit to overwrite\n"
    "Writes go to the team server as --as USER (default: the OS login), in one transaction each;\n"
    "the server's row-level security decides. FILE is the local cache (`meshctl sync-team`):\n"
    "when the server is unreachable the write is queued there (exit 4) and `team replay` sends "
    "it.\n"
    "Edit fields: name, description, status, owner, steward, tags (comma list), access_policy,\n"
    "freshness_sla_hours, dataset.NAME.description, column.NAME.description|classification|tags\n"
    "(NAME may be DATASET/COLUMN). Exit 3 when refused, 5 when someone else changed it first.\n";

} // namespace

int teamWriteExit(const TeamWriteOutcome &o)
{
    switch (o.code) {
    case TeamWriteOutcome::Code::Ok:
        out(o.message + QLatin1Char('\n'));
        return Ok;
    case TeamWriteOutcome::Code::Refused:
        return fail(Refused, o.message);
    case TeamWriteOutcome::Code::Conflict:
        return fail(Conflict, o.message);
    case TeamWriteOutcome::Code::Invalid:
        return fail(Usage, o.message);
    case TeamWriteOutcome::Code::Offline:
    case TeamWriteOutcome::Code::Failed:
        return fail(PartlyFailed, o.message);
    }
    return PartlyFailed;
}

namespace {

int exitFor(const TeamWriteOutcome &o)
{
    return teamWriteExit(o);
}

int teamWrite(const QString &verb, const QStringList &args)
{
    Command c(QStringLiteral("team ") + verb);
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    const bool byRequest = verb == QStringLiteral("approve") || verb == QStringLiteral("deny") ||
                           verb == QStringLiteral("withdraw") || verb == QStringLiteral("revoke");
    c.parser.addPositionalArgument(verb == QStringLiteral("revoke") ? QStringLiteral("GRANT_ID")
                                   : byRequest                      ? QStringLiteral("REQUEST_ID")
                                                                    : QStringLiteral("PRODUCT"),
                                   QStringLiteral("What the write is about."));
    c.option(QStringLiteral("server"), QStringLiteral("libpq URL of the team server."),
             QStringLiteral("URL"));
    c.option(QStringLiteral("as"), QStringLiteral("Act as this person (their database role)."),
             QStringLiteral("USER"));
    c.option(QStringLiteral("purpose"), QStringLiteral("Why access is needed."),
             QStringLiteral("TEXT"));
    c.option(QStringLiteral("days"),
             QStringLiteral("Days of access (default 30); approve: shorten to N days from now."),
             QStringLiteral("N"));
    c.option(QStringLiteral("columns"), QStringLiteral("Only these columns."),
             QStringLiteral("a,b"));
    c.option(QStringLiteral("reason"),
             QStringLiteral("Why (deny), or the version's summary (edit)."),
             QStringLiteral("TEXT"));
    c.option(QStringLiteral("field"), QStringLiteral("Field to set (repeatable)."),
             QStringLiteral("NAME"));
    c.option(QStringLiteral("value"), QStringLiteral("Value of the field before it."),
             QStringLiteral("V"));
    c.option(QStringLiteral("value-file"),
             QStringLiteral("Read the last field's value from a file (- for stdin)."),
             QStringLiteral("PATH"));
    c.option(QStringLiteral("expect-version"),
             QStringLiteral("The version the change starts from."), QStringLiteral("N"));
    c.option(QStringLiteral("overwrite"), QStringLiteral("Save over a newer version."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    TeamWrite w;
    w.actingUser =
        c.isSet(QStringLiteral("as")) ? c.value(QStringLiteral("as")) : AccessService::osLogin();
    w.token = TeamWrite::newToken();
    const auto version = c.integer(QStringLiteral("expect-version"), 0, 0, 1 << 30, &code);
    const auto days = c.integer(QStringLiteral("days"), 30, 1, AccessService::kMaxDays, &code);
    if (!version || !days)
        return code;
    w.baseVersion = int(*version);
    w.reason = c.value(QStringLiteral("reason"));
    if (byRequest) {
        bool ok = false;
        w.requestId = c.positional(1).remove(QLatin1Char('#')).toLongLong(&ok);
        if (!ok || w.requestId <= 0)
            return fail(Usage, QStringLiteral("%1 must be a number such as 3, got “%2”")
                                   .arg(verb == QStringLiteral("revoke")
                                            ? QStringLiteral("GRANT_ID")
                                            : QStringLiteral("REQUEST_ID"),
                                        c.positional(1)));
        w.kind = verb == QStringLiteral("approve")    ? TeamWrite::Kind::Approve
                 : verb == QStringLiteral("withdraw") ? TeamWrite::Kind::Withdraw
                 : verb == QStringLiteral("revoke")   ? TeamWrite::Kind::Revoke
                                                      : TeamWrite::Kind::Deny;
        if (w.kind == TeamWrite::Kind::Deny && w.reason.trimmed().isEmpty())
            return fail(Usage, QStringLiteral("team deny needs --reason TEXT"));
        if (w.kind == TeamWrite::Kind::Approve) { // narrowing only; the server checks it
            w.columns = splitAccessList(c.value(QStringLiteral("columns")));
            if (c.isSet(QStringLiteral("days")))
                w.endsAt = QDateTime::currentDateTimeUtc().addDays(*days);
        }
    } else {
        w.productKey = c.positional(1);
        if (verb == QStringLiteral("request")) {
            w.kind = TeamWrite::Kind::Request;
            w.purpose = c.value(QStringLiteral("purpose"));
            w.days = int(*days);
            w.columns = splitAccessList(c.value(QStringLiteral("columns")));
            if (w.purpose.trimmed().isEmpty())
                return fail(Usage, QStringLiteral("team request needs --purpose TEXT"));
        } else {
            w.kind = TeamWrite::Kind::Edit;
            w.overwrite = c.isSet(QStringLiteral("overwrite"));
            const QStringList fields = c.parser.values(QStringLiteral("field"));
            QStringList values = c.parser.values(QStringLiteral("value"));
            if (c.isSet(QStringLiteral("value-file"))) {
                const std::optional<QString> text =
                    valueFromFile(c.value(QStringLiteral("value-file")),
                                  EditingService::kMaxTextLength * 4 + 1, &code);
                if (!text)
                    return code;
                values.append(*text);
            }
            if (fields.isEmpty() || fields.size() != values.size())
                return fail(Usage, QStringLiteral("edit needs --field NAME --value V pairs (or "
                                                  "--value-file PATH for the last field)"));
            // Dataset and column fields are found in the cache's copy and sent as a patch.
            const std::optional<Product> cached = store->productByKey(w.productKey);
            Product edited = cached.value_or(Product{});
            for (qsizetype i = 0; i < fields.size(); ++i) {
                if (fields.at(i).startsWith(QLatin1String("column.")) ||
                    fields.at(i).startsWith(QLatin1String("dataset."))) {
                    if (!cached)
                        return fail(Usage, QStringLiteral("%1 is not in %2; run `meshctl "
                                                          "sync-team` first")
                                               .arg(w.productKey, c.positional(0)));
                    QString error;
                    const auto field = MetadataField::parse(edited, fields.at(i), &error);
                    const auto value =
                        field ? field->fromText(values.at(i), &error) : std::optional<QVariant>();
                    if (!value || !field->setValue(edited, *value))
                        return fail(Usage, error.isEmpty()
                                               ? QStringLiteral("cannot set %1").arg(fields.at(i))
                                               : error);
                    continue;
                }
                w.fields.insert(fields.at(i), fields.at(i) == QStringLiteral("tags")
                                                  ? QJsonValue(QJsonArray::fromStringList(
                                                        splitAccessList(values.at(i))))
                                                  : QJsonValue(values.at(i)));
            }
            if (cached)
                if (const QJsonArray patch = DatasetPatch::diff(*cached, edited); !patch.isEmpty())
                    w.fields.insert(QStringLiteral("datasets"), patch);
            if (w.fields.isEmpty())
                return fail(Usage, QStringLiteral("team edit: the values are what %1 already "
                                                  "has; nothing to send")
                                       .arg(w.productKey));
        }
        // The one policy function answers first, on the cache; the server enforces the same rules.
        if (store->productByKey(w.productKey) && w.kind == TeamWrite::Kind::Edit) {
            const AccessDecision d = AccessPolicy(*store).decide(
                w.actingUser, AccessAction::EditMetadata, {w.productKey, {}});
            if (!d.allowed())
                return fail(Refused, d.reason);
        }
    }
    const QString url = c.value(QStringLiteral("server"));
    if (url.isEmpty())
        return fail(Usage, QStringLiteral("team %1 needs --server URL").arg(verb));
    QString error;
    auto conn = PgConnection::connect(url, &error);
    return exitFor(TeamClient::submit(conn.get(), *store, w));
}

int teamOutbox(const QStringList &args)
{
    Command c(QStringLiteral("team outbox"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    const QList<TeamOutboxEntry> entries = TeamClient::outbox(*store);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const TeamOutboxEntry &e : entries)
            list.append(QJsonObject{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("state"), e.state},
                                    {QStringLiteral("message"), e.message},
                                    {QStringLiteral("write"), e.write.toJson()}});
        outJson({{QStringLiteral("outbox"), list}});
        return Ok;
    }
    if (entries.isEmpty())
        out(QStringLiteral("Nothing queued.\n"));
    for (const TeamOutboxEntry &e : entries)
        out(QStringLiteral("#%1 %2 %3 as %4 %5%6\n")
                .arg(e.id)
                .arg(e.state, TeamWrite::kindName(e.write.kind), e.write.actingUser,
                     e.write.productKey.isEmpty()
                         ? QStringLiteral("request #%1").arg(e.write.requestId)
                         : e.write.productKey,
                     e.message.isEmpty() ? QString() : QStringLiteral(": ") + e.message));
    return Ok;
}

int teamReplay(const QStringList &args)
{
    Command c(QStringLiteral("team replay"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.option(QStringLiteral("server"), QStringLiteral("libpq URL of the team server."),
             QStringLiteral("URL"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    QString error;
    auto conn = PgConnection::connect(c.value(QStringLiteral("server")), &error);
    if (!conn)
        return fail(PartlyFailed, error + QStringLiteral("; the queued writes stay queued"));
    const TeamReplayResult r = TeamClient::replay(*conn, *store);
    out(QStringLiteral("Sent %1; %2 conflict(s), %3 refused, %4 failed, %5 still queued.\n")
            .arg(r.done)
            .arg(r.conflicts)
            .arg(r.refused)
            .arg(r.failed)
            .arg(r.remaining));
    if (r.conflicts > 0)
        return fail(Conflict, QStringLiteral("%1 queued write(s) met a newer version; see `meshctl "
                                             "team outbox %2` and reload or `team overwrite`")
                                  .arg(r.conflicts)
                                  .arg(c.positional(0)));
    return r.refused + r.failed + r.remaining > 0 ? PartlyFailed : Ok;
}

} // namespace

int cmdTeam(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QStringLiteral("request") || verb == QStringLiteral("approve") ||
        verb == QStringLiteral("deny") || verb == QStringLiteral("edit") ||
        verb == QStringLiteral("withdraw") || verb == QStringLiteral("revoke"))
        return teamWrite(verb, args.mid(1));
    if (verb == QStringLiteral("outbox"))
        return teamOutbox(args.mid(1));
    if (verb == QStringLiteral("replay"))
        return teamReplay(args.mid(1));
    if (verb == QStringLiteral("overwrite")) {
        if (args.size() != 3)
            return fail(Usage, QStringLiteral("usage: meshctl team overwrite FILE OUTBOX_ID"));
        int code = Ok;
        auto store = openCatalog(args.at(1), &code);
        if (!store)
            return code;
        QString error;
        if (!TeamClient::requeueOverwriting(*store, args.at(2).toLongLong(), &error))
            return fail(Usage, error);
        out(QStringLiteral("Queued #%1 again to overwrite; run `meshctl team replay`.\n")
                .arg(args.at(2)));
        return Ok;
    }
    if (verb.isEmpty() || verb == QStringLiteral("--help") || verb == QStringLiteral("-h")) {
        out(QString::fromLatin1(kTeamUsage));
        return verb.isEmpty() ? Usage : Ok;
    }
    return fail(Usage,
                QStringLiteral("unknown team command “%1”; see `meshctl team --help`").arg(verb));
}

} // namespace Mesh::Cli
