// SPDX-License-Identifier: MIT
// meshctl access, audit, governance and alerts with --server URL: the same commands against the team
// catalog on PostgreSQL. Writes are team writes (one server transaction as the acting role, the
// server's row-level security decides, queued in FILE when the server is unreachable); reports
// first pull the server's changes into FILE (the cache) and then run the local command on it.
#include "cli.h"

#include "access/accessservice.h"
#include "access/auditlog.h"
#include "governance/governancepolicy.h"
#include "team/pgconnection.h"
#include "team/teamaudit.h"
#include "team/teamclient.h"
#include "team/teamcontracts.h"
#include "team/teamsync.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace Mesh::Cli {

namespace {

/** args without --server URL / --server=URL and --as USER / --as=USER. */
QStringList withoutTeamOptions(const QStringList &args, QString *url, QString *as)
{
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QStringLiteral("--server") || a == QStringLiteral("--as")) {
            (a == QStringLiteral("--server") ? *url : *as) = args.value(i + 1);
            ++i;
        } else if (a.startsWith(QStringLiteral("--server="))) {
            *url = a.mid(9);
        } else if (a.startsWith(QStringLiteral("--as="))) {
            *as = a.mid(5);
        } else {
            rest.append(a);
        }
    }
    return rest;
}

/** Pulls the server's changes into the cache at path; prints the error and returns false. */
bool syncCache(const QString &url, const QString &path, int *code)
{
    if (url.isEmpty()) {
        *code = fail(Usage, QStringLiteral("--server needs a URL, e.g. --server "
                                           "postgresql://me@db.example/mesh"));
        return false;
    }
    if (!QFileInfo::exists(path)) {
        *code = fail(Usage, QStringLiteral("there is no catalog %1; create the cache with "
                                           "`meshctl sync-team %1 --server URL`")
                                .arg(path));
        return false;
    }
    QString error;
    auto conn = PgConnection::connect(url, &error);
    if (!conn) {
        *code = fail(PartlyFailed, error + QStringLiteral("; nothing was read"));
        return false;
    }
    auto store = openCatalog(path, code);
    if (!store)
        return false;
    if (!TeamSync::sync(*conn, *store, url, &error)) {
        *code = fail(PartlyFailed, error);
        return false;
    }
    return true;
}

/** A team write from an already parsed command: connect, send (or queue), exit code. */
int submit(Command &c, TeamWrite w)
{
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    w.actingUser =
        c.isSet(QStringLiteral("as")) ? c.value(QStringLiteral("as")) : AccessService::osLogin();
    w.token = TeamWrite::newToken();
    const QString url = c.value(QStringLiteral("server"));
    if (url.isEmpty())
        return fail(Usage, QStringLiteral("%1 needs --server URL").arg(c.name));
    QString error;
    auto conn = PgConnection::connect(url, &error);
    return teamWriteExit(TeamClient::submit(conn.get(), *store, w));
}

void teamOptions(Command &c)
{
    c.option(QStringLiteral("server"), QStringLiteral("libpq URL of the team server."),
             QStringLiteral("URL"));
    c.option(QStringLiteral("as"), QStringLiteral("Act as this person (their database role)."),
             QStringLiteral("USER"));
}

QString timeSql(const QString &column)
{
    return QStringLiteral("coalesce(to_char(%1 AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '')")
        .arg(column);
}

/** access list FILE --server URL: what row-level security shows the acting role, read live. */
int accessList(const QStringList &args)
{
    Command c(QStringLiteral("access list"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    teamOptions(c);
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    const QString user =
        c.isSet(QStringLiteral("as")) ? c.value(QStringLiteral("as")) : AccessService::osLogin();
    QString error;
    auto conn = PgConnection::connect(c.value(QStringLiteral("server")), &error);
    if (!conn)
        return fail(PartlyFailed, error);
    PgTransaction tx(*conn, PgTransaction::Kind::ReadSnapshot, &error);
    if (!tx.isActive() || !conn->setRole(user, &error))
        return fail(Refused,
                    QStringLiteral("cannot read the team catalog as %1: %2").arg(user, error));
    const PgResult requests = conn->exec(
        QStringLiteral("SELECT id, product_key, requester_id, array_to_json(columns)::text, "
                       "purpose, %1, %2, status, approvals_needed, (SELECT count(*) FROM "
                       "access_approvals a WHERE a.request_id = r.id), coalesce(decided_by, ''), "
                       "reason, status = 'pending' AND requester_id <> current_user::text AND "
                       "mesh_approver_of(product_key) AND NOT EXISTS (SELECT 1 FROM "
                       "access_approvals a WHERE a.request_id = r.id AND a.approver_id = "
                       "current_user::text) FROM access_requests r ORDER BY id")
            .arg(timeSql(QStringLiteral("starts_at")), timeSql(QStringLiteral("ends_at"))));
    const PgResult grants = conn->exec(
        QStringLiteral("SELECT id, request_id, product_key, user_id, array_to_json(columns)::text, "
                       "%1, %2, CASE WHEN revoked_at IS NOT NULL THEN 'revoked' WHEN ends_at <= "
                       "now() THEN 'expired' WHEN starts_at > now() THEN 'future' ELSE 'active' "
                       "END, coalesce(revoked_by, '') FROM access_grants ORDER BY id")
            .arg(timeSql(QStringLiteral("starts_at")), timeSql(QStringLiteral("ends_at"))));
    if (!requests.ok() || !grants.ok())
        return fail(PartlyFailed,
                    QStringLiteral("team server %1: %2")
                        .arg(conn->server(), requests.ok() ? grants.error() : requests.error()));
    auto columnsOf = [](const QString &json) {
        QStringList list;
        for (const QString &c :
             json.mid(1, json.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts))
            list.append(c.trimmed().remove(QLatin1Char('"')));
        return list;
    };
    QJsonArray r, g, inbox;
    QString text;
    for (int i = 0; i < requests.rows(); ++i) {
        const QStringList columns = columnsOf(requests.text(i, 3));
        r.append(QJsonObject{{QStringLiteral("id"), requests.integer(i, 0)},
                             {QStringLiteral("product"), requests.text(i, 1)},
                             {QStringLiteral("requester"), requests.text(i, 2)},
                             {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                             {QStringLiteral("purpose"), requests.text(i, 4)},
                             {QStringLiteral("starts_at"), requests.text(i, 5)},
                             {QStringLiteral("ends_at"), requests.text(i, 6)},
                             {QStringLiteral("status"), requests.text(i, 7)},
                             {QStringLiteral("approvals_needed"), requests.integer(i, 8)},
                             {QStringLiteral("approvals"), requests.integer(i, 9)},
                             {QStringLiteral("decided_by"), requests.text(i, 10)},
                             {QStringLiteral("reason"), requests.text(i, 11)}});
        if (requests.boolean(i, 12))
            inbox.append(requests.integer(i, 0));
        text += QStringLiteral("  #%1  %2  %3 → %4  %5  until %6  %7/%8 approvals%9\n")
                    .arg(requests.integer(i, 0))
                    .arg(requests.text(i, 7), -9)
                    .arg(requests.text(i, 2), requests.text(i, 1),
                         columns.isEmpty() ? QStringLiteral("all columns")
                                           : columns.join(QLatin1Char(',')),
                         requests.text(i, 6))
                    .arg(requests.integer(i, 9))
                    .arg(requests.integer(i, 8))
                    .arg(requests.text(i, 11).isEmpty()
                             ? QString()
                             : QStringLiteral("  (") + requests.text(i, 11) + QLatin1Char(')'));
    }
    text += QStringLiteral("Grants\n");
    for (int i = 0; i < grants.rows(); ++i) {
        const QStringList columns = columnsOf(grants.text(i, 4));
        g.append(QJsonObject{{QStringLiteral("id"), grants.integer(i, 0)},
                             {QStringLiteral("request"), grants.integer(i, 1)},
                             {QStringLiteral("product"), grants.text(i, 2)},
                             {QStringLiteral("user"), grants.text(i, 3)},
                             {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                             {QStringLiteral("starts_at"), grants.text(i, 5)},
                             {QStringLiteral("ends_at"), grants.text(i, 6)},
                             {QStringLiteral("state"), grants.text(i, 7)},
                             {QStringLiteral("revoked_by"), grants.text(i, 8)}});
        text += QStringLiteral("  #%1  %2  %3 → %4  %5  until %6\n")
                    .arg(grants.integer(i, 0))
                    .arg(grants.text(i, 7), -9)
                    .arg(grants.text(i, 3), grants.text(i, 2),
                         columns.isEmpty() ? QStringLiteral("all columns")
                                           : columns.join(QLatin1Char(',')),
                         grants.text(i, 6));
    }
    if (c.isSet(QStringLiteral("json"))) {
        outJson({{QStringLiteral("user"), user},
                 {QStringLiteral("server"), conn->server()},
                 {QStringLiteral("requests"), r},
                 {QStringLiteral("grants"), g},
                 {QStringLiteral("inbox"), inbox}});
        return Ok;
    }
    out(QStringLiteral("Requests on %1 (as %2; %3 waiting for you)\n")
            .arg(conn->server(), user)
            .arg(inbox.size()) +
        text);
    return Ok;
}

int governanceSet(const QStringList &args)
{
    Command c(QStringLiteral("governance set"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.parser.addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("Policy kind."));
    c.parser.addPositionalArgument(QStringLiteral("PARAMETER"), QStringLiteral("Its parameter."));
    c.option(QStringLiteral("domain"), QStringLiteral("Set the domain's policy (default: global)."),
             QStringLiteral("D"));
    c.option(QStringLiteral("disable"), QStringLiteral("Switch the policy off."));
    teamOptions(c);
    if (int r = c.parse(args, 2, 3); r != -1)
        return r == -2 ? Ok : r;
    GovernancePolicy::Kind kind;
    if (!GovernancePolicy::kindFromName(c.positional(1), &kind)) {
        QStringList kinds;
        for (auto k : GovernancePolicy::allKinds())
            kinds.append(GovernancePolicy::kindName(k));
        return fail(Usage, QStringLiteral("unknown policy kind “%1”; use one of %2")
                               .arg(c.positional(1), kinds.join(QStringLiteral(", "))));
    }
    if (const QString bad = GovernancePolicy::validateParameter(kind, c.positional(2));
        !bad.isEmpty())
        return fail(Usage, QStringLiteral("policy %1: %2").arg(c.positional(1), bad));
    TeamWrite w;
    w.kind = TeamWrite::Kind::SetPolicy;
    w.policyKind = GovernancePolicy::kindName(kind);
    w.policyScope = c.value(QStringLiteral("domain"));
    w.parameter = c.positional(2);
    w.enabled = !c.isSet(QStringLiteral("disable"));
    return submit(c, w);
}

int alertsTransition(const QStringList &args, bool resolve)
{
    Command c(resolve ? QStringLiteral("alerts resolve") : QStringLiteral("alerts ack"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Alert id."));
    c.option(QStringLiteral("note"), QStringLiteral("Why, for the audit log."),
             QStringLiteral("TEXT"));
    teamOptions(c);
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    bool ok = false;
    const qint64 id = QString(c.positional(1)).remove(QLatin1Char('#')).toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Usage, QStringLiteral("ID must be an alert number, got “%1”; see `meshctl "
                                          "alerts FILE --server URL`")
                               .arg(c.positional(1)));
    TeamWrite w;
    w.kind = resolve ? TeamWrite::Kind::ResolveAlert : TeamWrite::Kind::AckAlert;
    w.requestId = id;
    w.reason = c.value(QStringLiteral("note"));
    return submit(c, w);
}

int claimWrite(const QString &sub, const QStringList &args)
{
    const bool file = sub.isEmpty();
    Command c(file ? QStringLiteral("claim") : QStringLiteral("claim ") + sub);
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.parser.addPositionalArgument(file ? QStringLiteral("PRODUCT") : QStringLiteral("CLAIM_ID"),
                                   file ? QStringLiteral("Product key.")
                                        : QStringLiteral("Id as printed by `claim list`."));
    c.option(QStringLiteral("reason"), QStringLiteral("Why (required to deny)."),
             QStringLiteral("TEXT"));
    teamOptions(c);
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    TeamWrite w;
    w.reason = c.value(QStringLiteral("reason"));
    if (file) {
        w.kind = TeamWrite::Kind::Claim;
        w.productKey = c.positional(1);
        return submit(c, w);
    }
    bool ok = false;
    w.requestId = QString(c.positional(1)).remove(QLatin1Char('#')).toLongLong(&ok);
    if (!ok || w.requestId <= 0)
        return fail(
            Usage,
            QStringLiteral("CLAIM_ID must be a number such as 3, got “%1”").arg(c.positional(1)));
    if (sub == QStringLiteral("deny") && w.reason.trimmed().isEmpty())
        return fail(Usage, QStringLiteral("claim deny needs --reason TEXT"));
    w.kind = sub == QStringLiteral("approve") ? TeamWrite::Kind::ApproveClaim
             : sub == QStringLiteral("deny")  ? TeamWrite::Kind::DenyClaim
                                              : TeamWrite::Kind::WithdrawClaim;
    return submit(c, w);
}

/** The local command on the cache, after pulling the server's changes into it. */
int afterSync(const QStringList &args, int fileIndex, const QStringList &extra,
              int (*command)(const QStringList &))
{
    QString url, as;
    QStringList rest = withoutTeamOptions(args, &url, &as);
    // The file is the first positional argument after the subcommand (if any).
    QString path;
    int seen = 0;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest.at(i) == QStringLiteral("--product") || rest.at(i) == QStringLiteral("--from") ||
            rest.at(i) == QStringLiteral("--to") ||
            rest.at(i) == QStringLiteral("--out")) // the options with a value
            ++i;
        else if (!rest.at(i).startsWith(QLatin1Char('-')) && seen++ == fileIndex)
            path = rest.at(i);
    }
    int code = Ok;
    if (path.isEmpty())
        return command(rest); // prints the usage error
    if (!syncCache(url, path, &code))
        return code;
    // --as names the team server's person; the local command acts as a login, which a team
    // cache maps to the user of the same id (its own --as is for the demo catalog only).
    if (!as.isEmpty())
        qputenv("USER", as.toUtf8());
    return command(rest + extra);
}

/**
 * audit verify|export FILE --server URL: the server's audit log, read live as the connecting role
 * (or --as USER). The audit_log SELECT policy lets every mesh_user read every entry, so any
 * person verifies the whole chain. FILE (the cache) is not read.
 */
int teamAudit(const QString &sub, const QStringList &args)
{
    Command c(QStringLiteral("audit ") + sub);
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache); not read."));
    teamOptions(c);
    if (sub == QStringLiteral("export"))
        c.option(QStringLiteral("out"), QStringLiteral("CSV file to write."),
                 QStringLiteral("FILE"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    const QString url = c.value(QStringLiteral("server"));
    if (url.isEmpty())
        return fail(Usage, QStringLiteral("--server needs a URL, e.g. --server "
                                          "postgresql://me@db.example/mesh"));
    if (sub == QStringLiteral("export") && !c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("audit export needs --out FILE"));
    QString error;
    auto conn = PgConnection::connect(url, &error);
    if (!conn)
        return fail(PartlyFailed, error + QStringLiteral("; nothing was read"));
    PgTransaction tx(*conn, PgTransaction::Kind::ReadSnapshot, &error);
    const QString as = c.value(QStringLiteral("as"));
    if (!tx.isActive() || (!as.isEmpty() && !conn->setRole(as, &error)))
        return fail(Refused, QStringLiteral("cannot read the team audit log as %1: %2")
                                 .arg(as.isEmpty() ? QStringLiteral("the connecting role") : as,
                                      error));
    const auto entries = TeamAudit::entries(*conn, &error);
    if (!entries)
        return fail(PartlyFailed,
                    QStringLiteral("cannot read the team audit log at %1: %2").arg(url, error));
    if (sub == QStringLiteral("verify")) {
        const AuditVerification v = AuditLog::verify(*entries);
        if (!v.intact())
            return fail(1, QStringLiteral("team server: ") + v.message);
        // Every mesh_user may read every entry (audit_log SELECT policy): the whole chain.
        out(QStringLiteral("Team server: %1 Read as %2; every team member sees the whole log.\n")
                .arg(v.message, as.isEmpty() ? QStringLiteral("the connecting role") : as));
        return Ok;
    }
    QSaveFile file(c.value(QStringLiteral("out")));
    if (!file.open(QIODevice::WriteOnly) || file.write(AuditLog::toCsv(*entries)) < 0 ||
        !file.commit())
        return fail(Usage, QStringLiteral("cannot write “%1”: %2")
                               .arg(c.value(QStringLiteral("out")), file.errorString()));
    out(QStringLiteral("Wrote %1 audit entries from the team server to %2\n")
            .arg(entries->size())
            .arg(c.value(QStringLiteral("out"))));
    return Ok;
}

/**
 * contract import FILE CONTRACT.yaml --server URL [--as USER]: pulls the server's changes into
 * the cache FILE, then imports the contract on the team server (TeamContracts); queued in FILE
 * (exit 4) when the server is unreachable.
 */
int contractImport(const QStringList &args)
{
    Command c(QStringLiteral("contract import"));
    c.parser.addPositionalArgument(QStringLiteral("FILE"),
                                   QStringLiteral("Local catalog (cache)."));
    c.parser.addPositionalArgument(QStringLiteral("CONTRACT"), QStringLiteral("ODCS YAML file."));
    teamOptions(c);
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const std::optional<QByteArray> yaml = contractFile(c.positional(1), &code);
    if (!yaml)
        return code;
    std::optional<TeamWriteSetup> team =
        prepareTeamWrite(c, QStringLiteral("the contract was not imported"), &code);
    if (!team)
        return code;
    const TeamContractImport result =
        TeamContracts::importContract(team->conn.get(), *team->store, team->actor, *yaml);
    if (!result.errors.isEmpty())
        return invalidContract(c.positional(1), result.errors);
    const int exit = teamWriteExit(result.outcome);
    if (exit != Ok)
        return exit;
    for (const QString &w : result.warnings)
        out(QStringLiteral("warning: %1\n").arg(w));
    QString error; // the contract and the version, into the cache
    if (!TeamSync::sync(*team->conn, *team->store, team->url, &error))
        out(QStringLiteral("(the local copy will catch up at the next sync: %1)\n").arg(error));
    return Ok;
}

} // namespace

std::optional<TeamWriteSetup> prepareTeamWrite(Command &c, const QString &done, int *code)
{
    TeamWriteSetup t;
    t.url = c.value(QStringLiteral("server"));
    if (t.url.isEmpty()) {
        *code = fail(Usage, QStringLiteral("--server needs a URL, e.g. --server "
                                           "postgresql://me@db.example/mesh"));
        return std::nullopt;
    }
    t.store = openCatalog(c.positional(0), code);
    if (!t.store)
        return std::nullopt;
    QString error;
    t.conn = PgConnection::connect(t.url, &error);
    if (t.conn && !TeamSync::sync(*t.conn, *t.store, t.url, &error)) {
        *code = fail(PartlyFailed, error + QStringLiteral("; ") + done);
        return std::nullopt;
    }
    t.actor =
        c.isSet(QStringLiteral("as")) ? c.value(QStringLiteral("as")) : AccessService::osLogin();
    return t;
}

int cmdTeamContract(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("import"))
        return contractImport(args.mid(1));
    if (sub == QStringLiteral("export") || sub == QStringLiteral("check"))
        return afterSync(args, 1, {}, cmdContract); // the contract as the server has it
    return cmdContract(args); // help and unknown subcommands
}

int cmdTeamAccess(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("list"))
        return accessList(args.mid(1));
    return cmdTeam(args);
}

int cmdTeamGovernance(const QStringList &args)
{
    if (args.value(0) == QStringLiteral("set"))
        return governanceSet(args.mid(1));
    return afterSync(args, 0, {}, cmdGovernance);
}

int cmdTeamAlerts(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("ack") || sub == QStringLiteral("acknowledge"))
        return alertsTransition(args.mid(1), false);
    if (sub == QStringLiteral("resolve"))
        return alertsTransition(args.mid(1), true);
    if (sub == QStringLiteral("affecting"))
        return afterSync(args, 1, {}, cmdAlerts);
    // The server's alerts, as synced: the local scan needs sample data the server does not hold.
    return afterSync(args, 0, {QStringLiteral("--no-scan")}, cmdAlerts);
}

int cmdTeamHistory(const QStringList &args)
{
    return afterSync(args, 0, {}, cmdHistory); // the versions the sync brought in
}

int cmdTeamUnclaimed(const QStringList &args)
{
    return afterSync(args, 0, {}, cmdUnclaimed); // owners and descriptions as the server has them
}

int cmdTeamAudit(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("verify") || sub == QStringLiteral("export"))
        return teamAudit(sub, args.mid(1));
    return cmdAudit(args); // help and unknown subcommands
}

int cmdTeamClaim(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("list"))
        return afterSync(args, 1, {}, cmdClaim);
    if (sub == QStringLiteral("approve") || sub == QStringLiteral("deny") ||
        sub == QStringLiteral("withdraw"))
        return claimWrite(sub, args.mid(1));
    return claimWrite({}, args);
}

} // namespace Mesh::Cli
