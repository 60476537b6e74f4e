// SPDX-License-Identifier: MIT
// meshctl access … and meshctl audit …: the access request lifecycle and the audit log.
#include "cli.h"

#include "access/accessservice.h"
#include "access/auditlog.h"
#include "db/sqlite.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace Mesh::Cli {

namespace {

constexpr int kChainBroken = 1; // `audit verify`: the chain is broken (documented in the issue)

const char kAccessUsage[] =
    "Usage: meshctl access <request|approve|deny|revoke|withdraw|list> FILE …\n"
    "  request FILE PRODUCT --purpose TEXT --days N [--columns a,b]\n"
    "  approve FILE REQUEST_ID [--columns a,b] [--days N]   (narrow columns, shorten to N days)\n"
    "  deny FILE REQUEST_ID --reason TEXT\n"
    "  revoke FILE GRANT_ID [--reason TEXT]\n"
    "  withdraw FILE REQUEST_ID\n"
    "  list FILE [--json]\n"
    "All act as the OS user; --as USER is accepted on the demo catalog only (and audited).\n";

const char kAuditUsage[] = "Usage: meshctl audit verify FILE [--server URL [--as USER]]\n"
                           "       meshctl audit export FILE --out audit.csv [--server URL]\n"
                           "  --server: the team server's log, read live (FILE is not read)\n";

QStringList columnList(const QString &value)
{
    QStringList result;
    for (const QString &c : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        result.append(c.trimmed());
    return result;
}


std::optional<qint64> idArgument(const QString &text, const QString &what, int *code)
{
    bool ok = false;
    const qint64 id = text.startsWith(QLatin1Char('#')) ? text.mid(1).toLongLong(&ok)
                                                        : text.toLongLong(&ok);
    if (!ok || id <= 0) {
        *code = fail(Usage, QStringLiteral("%1 must be a number, got “%2”").arg(what, text));
        return std::nullopt;
    }
    return id;
}

QJsonObject requestJson(const AccessRequest &r)
{
    QJsonArray approvals;
    for (const AccessApproval &a : r.approvals)
        approvals.append(QJsonObject{{QStringLiteral("by"), a.approverId},
                                     {QStringLiteral("as"), a.capacity},
                                     {QStringLiteral("at"), accessTime(a.approvedAt)}});
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("product"), r.productKey},
            {QStringLiteral("requester"), r.requesterId},
            {QStringLiteral("columns"), QJsonArray::fromStringList(r.columns)},
            {QStringLiteral("purpose"), r.purpose},
            {QStringLiteral("starts_at"), accessTime(r.startsAt)},
            {QStringLiteral("ends_at"), accessTime(r.endsAt)},
            {QStringLiteral("status"), AccessRequest::statusName(r.status)},
            {QStringLiteral("approvals_needed"), r.approvalsNeeded},
            {QStringLiteral("approvals"), approvals},
            {QStringLiteral("decided_by"), r.decidedBy},
            {QStringLiteral("reason"), r.reason}};
}

QJsonObject grantJson(const AccessGrant &g, const QDateTime &now)
{
    return {{QStringLiteral("id"), g.id},
            {QStringLiteral("request"), g.requestId},
            {QStringLiteral("product"), g.productKey},
            {QStringLiteral("user"), g.userId},
            {QStringLiteral("columns"), QJsonArray::fromStringList(g.columns)},
            {QStringLiteral("starts_at"), accessTime(g.startsAt)},
            {QStringLiteral("ends_at"), accessTime(g.endsAt)},
            {QStringLiteral("state"), AccessGrant::stateName(g.state(now))},
            {QStringLiteral("revoked_by"), g.revokedBy}};
}

int accessList(AccessService &service, const QString &user, bool json)
{
    const QList<AccessRequest> requests = service.requests();
    const QList<AccessGrant> grants = service.grants();
    const QList<AccessRequest> inbox = service.inbox(user);
    if (json) {
        QJsonArray r, g, in;
        for (const AccessRequest &x : requests)
            r.append(requestJson(x));
        for (const AccessGrant &x : grants)
            g.append(grantJson(x, service.now()));
        for (const AccessRequest &x : inbox)
            in.append(x.id);
        outJson({{QStringLiteral("user"), user},
                 {QStringLiteral("requests"), r},
                 {QStringLiteral("grants"), g},
                 {QStringLiteral("inbox"), in}});
        return Ok;
    }
    QString text = QStringLiteral("Requests (acting as %1; %2 waiting for you)\n")
                       .arg(user)
                       .arg(inbox.size());
    for (const AccessRequest &x : requests)
        text += QStringLiteral("  #%1  %2  %3 → %4  %5  until %6  %7/%8 approvals%9\n")
                    .arg(x.id)
                    .arg(AccessRequest::statusName(x.status), -9)
                    .arg(x.requesterId, x.productKey,
                         x.columns.isEmpty() ? QStringLiteral("all columns")
                                             : x.columns.join(QLatin1Char(',')),
                         accessTime(x.endsAt))
                    .arg(x.approvals.size())
                    .arg(x.approvalsNeeded)
                    .arg(x.reason.isEmpty() ? QString() : QStringLiteral("  (") + x.reason +
                                                              QLatin1Char(')'));
    text += QStringLiteral("Grants\n");
    for (const AccessGrant &x : grants)
        text += QStringLiteral("  #%1  %2  %3 → %4  %5  until %6\n")
                    .arg(x.id)
                    .arg(AccessGrant::stateName(x.state(service.now())), -9)
                    .arg(x.userId, x.productKey,
                         x.columns.isEmpty() ? QStringLiteral("all columns")
                                             : x.columns.join(QLatin1Char(',')),
                         accessTime(x.endsAt));
    out(text);
    return Ok;
}

} // namespace

std::optional<QString> actingUser(Command &c, AccessService &service, int *code)
{
    const QString login = AccessService::osLogin();
    if (!c.isSet(QStringLiteral("as"))) {
        const QString user = service.userForLogin(login);
        if (user.isEmpty()) {
            *code = fail(Usage, QStringLiteral("cannot tell who you are: neither USER nor LOGNAME "
                                               "is set"));
            return std::nullopt;
        }
        return user;
    }
    const QString as = c.value(QStringLiteral("as")).trimmed();
    const AccessOutcome o = service.signInAs(login.isEmpty() ? QStringLiteral("unknown") : login, as);
    if (!o.ok()) {
        *code = accessExit(o);
        return std::nullopt;
    }
    return as;
}

std::optional<QString> actingUser(Command &c, SqliteCatalogStore &store, int *code)
{
    AccessService service(store);
    return actingUser(c, service, code);
}

int cmdAccess(const QStringList &args)
{
    const QString sub = args.value(0);
    static const QStringList subs = {QStringLiteral("request"), QStringLiteral("approve"),
                                     QStringLiteral("deny"),    QStringLiteral("revoke"),
                                     QStringLiteral("withdraw"), QStringLiteral("list")};
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        out(QString::fromLatin1(kAccessUsage));
        return sub.isEmpty() ? Usage : Ok;
    }
    if (!subs.contains(sub))
        return fail(Usage, QStringLiteral("unknown access command “%1”; see `meshctl access "
                                          "--help`")
                               .arg(sub));
    Command c(QStringLiteral("access ") + sub);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("as"), QStringLiteral("Act as USER (demo catalog only; audited)."),
             QStringLiteral("USER"));
    int positional = 2;
    if (sub == QStringLiteral("request")) {
        c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
        c.option(QStringLiteral("purpose"), QStringLiteral("What the access is for."),
                 QStringLiteral("TEXT"));
        c.option(QStringLiteral("days"), QStringLiteral("Duration in days, from now."),
                 QStringLiteral("N"));
        c.option(QStringLiteral("columns"), QStringLiteral("Only these columns."),
                 QStringLiteral("a,b"));
    } else if (sub == QStringLiteral("list")) {
        c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
        positional = 1;
    } else {
        c.parser.addPositionalArgument(sub == QStringLiteral("revoke") ? QStringLiteral("GRANT_ID")
                                                                       : QStringLiteral("REQUEST_ID"),
                                       QStringLiteral("Id as printed by `access list`."));
        if (sub != QStringLiteral("withdraw"))
            c.option(QStringLiteral("reason"), QStringLiteral("Why (required to deny)."),
                     QStringLiteral("TEXT"));
        if (sub == QStringLiteral("approve")) {
            c.option(QStringLiteral("columns"), QStringLiteral("Narrow to these columns."),
                     QStringLiteral("a,b"));
            c.option(QStringLiteral("days"), QStringLiteral("Shorten to N days from now."),
                     QStringLiteral("N"));
        }
    }
    if (int r = c.parse(args.mid(1), positional, positional); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    AccessService service(*store);
    const std::optional<QString> user = actingUser(c, service, &code);
    if (!user)
        return code;

    if (sub == QStringLiteral("list")) {
        if (!store->isReadOnly())
            service.recordExpiries();
        return accessList(service, *user, c.isSet(QStringLiteral("json")));
    }
    if (sub == QStringLiteral("request")) {
        if (!c.isSet(QStringLiteral("purpose")) || !c.isSet(QStringLiteral("days")))
            return fail(Usage, QStringLiteral("access request needs --purpose TEXT and --days N"));
        const auto days = c.integer(QStringLiteral("days"), 30, 1, AccessService::kMaxDays, &code);
        if (!days)
            return code;
        const QDateTime now = service.now();
        const AccessOutcome o = service.request(*user, c.positional(1),
                                                columnList(c.value(QStringLiteral("columns"))),
                                                c.value(QStringLiteral("purpose")), now,
                                                now.addDays(*days));
        if (o.ok())
            out(QString::number(o.id) + QLatin1Char('\n'));
        return accessExit(o);
    }
    const auto id = idArgument(c.positional(1),
                               sub == QStringLiteral("revoke") ? QStringLiteral("GRANT_ID")
                                                               : QStringLiteral("REQUEST_ID"),
                               &code);
    if (!id)
        return code;
    AccessOutcome o;
    if (sub == QStringLiteral("approve")) {
        QDateTime endsAt;
        if (c.isSet(QStringLiteral("days"))) {
            const auto days =
                c.integer(QStringLiteral("days"), 30, 1, AccessService::kMaxDays, &code);
            if (!days)
                return code;
            endsAt = service.now().addDays(*days);
        }
        o = service.approve(*user, *id, columnList(c.value(QStringLiteral("columns"))), endsAt);
    } else if (sub == QStringLiteral("deny")) {
        o = service.deny(*user, *id, c.value(QStringLiteral("reason")));
    } else if (sub == QStringLiteral("revoke")) {
        o = service.revoke(*user, *id, c.value(QStringLiteral("reason")));
    } else {
        o = service.withdraw(*user, *id);
    }
    if (o.ok())
        out(o.message + QLatin1Char('\n'));
    return accessExit(o);
}

int cmdAudit(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        out(QString::fromLatin1(kAuditUsage));
        return sub.isEmpty() ? Usage : Ok;
    }
    if (sub != QStringLiteral("verify") && sub != QStringLiteral("export"))
        return fail(Usage, QStringLiteral("unknown audit command “%1”; see `meshctl audit "
                                          "--help`")
                               .arg(sub));
    Command c(QStringLiteral("audit ") + sub);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    if (sub == QStringLiteral("export"))
        c.option(QStringLiteral("out"), QStringLiteral("CSV file to write."),
                 QStringLiteral("FILE"));
    if (int r = c.parse(args.mid(1), 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    Database &db = store->database();
    if (sub == QStringLiteral("verify")) {
        const AuditVerification v = AuditLog::verify(db);
        if (!v.intact()) {
            fail(kChainBroken, v.message);
            return kChainBroken;
        }
        out(v.message + QLatin1Char('\n'));
        return Ok;
    }
    if (!c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("audit export needs --out FILE"));
    QSaveFile file(c.value(QStringLiteral("out")));
    const QList<AuditEntry> entries = AuditLog::entries(db);
    if (!file.open(QIODevice::WriteOnly) || file.write(AuditLog::toCsv(entries)) < 0 ||
        !file.commit())
        return fail(Usage, QStringLiteral("cannot write “%1”: %2")
                               .arg(c.value(QStringLiteral("out")), file.errorString()));
    out(QStringLiteral("Wrote %1 audit entries to %2\n")
            .arg(entries.size())
            .arg(c.value(QStringLiteral("out"))));
    return Ok;
}

} // namespace Mesh::Cli
