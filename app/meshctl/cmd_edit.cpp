// SPDX-License-Identifier: MIT
// meshctl edit, history, revert, unclaimed and claim: metadata editing with versions, and
// dark data with ownership claims (model/editing).
#include "cli.h"

#include "access/accessservice.h"
#include "editing/darkdataservice.h"
#include "editing/editingservice.h"
#include "team/pgconnection.h"
#include "team/teameditor.h"
#include "team/teamsync.h"

#include <QJsonArray>

namespace Mesh::Cli {

namespace {

const char kClaimUsage[] =
    "Usage: meshctl claim FILE PRODUCT [--reason TEXT]     file a claim to own PRODUCT\n"
    "       meshctl claim approve FILE CLAIM_ID            a steward approves: claimant owns it\n"
    "       meshctl claim deny FILE CLAIM_ID --reason TEXT\n"
    "       meshctl claim withdraw FILE CLAIM_ID\n"
    "       meshctl claim list FILE [--json]\n"
    "All act as the OS user; --as USER is accepted on the demo catalog only (and audited).\n";

int exitFor(const EditOutcome &o)
{
    switch (o.code) {
    case EditOutcome::Code::Ok:
    case EditOutcome::Code::Unchanged:
        out(o.message + QLatin1Char('\n'));
        return Ok;
    case EditOutcome::Code::Refused:
        return fail(Refused, o.message);
    case EditOutcome::Code::Conflict:
        return fail(Conflict, o.message + QStringLiteral(" (run `meshctl history` to compare, "
                                                         "then --expect-version %1 or "
                                                         "--overwrite)")
                                              .arg(o.version));
    case EditOutcome::Code::Invalid:
    case EditOutcome::Code::Failed:
        return fail(Usage, o.message);
    }
    return Usage;
}

/** A claim's outcome: its message on success (what was filed or decided), else the error. */
int claimExit(const AccessOutcome &o)
{
    if (o.ok())
        out(o.message + QLatin1Char('\n'));
    return accessExit(o);
}

void addAs(Command &c)
{
    c.option(QStringLiteral("as"), QStringLiteral("Act as USER (demo catalog only; audited)."),
             QStringLiteral("USER"));
}

std::optional<int> versionOption(Command &c, const QString &flag, int *code)
{
    if (!c.isSet(flag))
        return std::nullopt;
    const auto v = c.integer(flag, 0, 0, std::numeric_limits<int>::max(), code);
    if (!v)
        return std::nullopt;
    return int(*v);
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                       : QStringLiteral("-");
}

QJsonObject changeJson(const MetadataChange &c)
{
    QJsonObject o{{QStringLiteral("field"), c.field},
                  {QStringLiteral("label"), c.label},
                  {QStringLiteral("before"), c.before},
                  {QStringLiteral("after"), c.after}};
    if (!c.lineDiff.isEmpty())
        o.insert(QStringLiteral("line_diff"), QJsonArray::fromStringList(c.lineDiff));
    return o;
}

std::optional<qint64> claimId(const QString &text, int *code)
{
    bool ok = false;
    const qint64 id =
        text.startsWith(QLatin1Char('#')) ? text.mid(1).toLongLong(&ok) : text.toLongLong(&ok);
    if (!ok || id <= 0) {
        *code =
            fail(Usage, QStringLiteral("CLAIM_ID must be a number such as 3, got “%1”").arg(text));
        return std::nullopt;
    }
    return id;
}

QJsonObject claimJson(const OwnershipClaim &c)
{
    return {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("product"), c.productKey},
        {QStringLiteral("claimant"), c.claimantId},
        {QStringLiteral("reason"), c.reason},
        {QStringLiteral("status"), OwnershipClaim::statusName(c.status)},
        {QStringLiteral("created_at"), accessTime(c.createdAt)},
        {QStringLiteral("decided_by"), c.decidedBy},
        {QStringLiteral("decided_at"), c.decidedAt.isValid() ? accessTime(c.decidedAt) : QString()},
        {QStringLiteral("decision_reason"), c.decisionReason}};
}

} // namespace

int cmdEdit(const QStringList &args)
{
    Command c(QStringLiteral("edit"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Edit a product's metadata as its owner or a steward; saves a new version.\n"
        "Fields: description, tags (comma list), owner, steward, status (draft, active, "
        "deprecated, retired), freshness_sla_hours, access_policy, dataset.NAME.description, "
        "column.NAME.description|classification|tags (NAME or DATASET/NAME).\n"
        "Give --field and --value (or --value-file, - for stdin) once per field; all are saved "
        "as one version. Exit 3 when refused, 5 when someone else saved first.\n"
        "With --server URL the edit is saved on the team catalog (FILE is its local cache) as "
        "--as USER, as `meshctl team edit` does."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("field"), QStringLiteral("Field to set (repeatable)."),
             QStringLiteral("NAME"));
    c.option(QStringLiteral("value"), QStringLiteral("New value of the field before it."),
             QStringLiteral("V"));
    c.option(QStringLiteral("value-file"),
             QStringLiteral("Read the value from a file (- for stdin), e.g. Markdown."),
             QStringLiteral("PATH"));
    c.option(QStringLiteral("expect-version"),
             QStringLiteral("Refuse (exit 5) unless the product is still at version N."),
             QStringLiteral("N"));
    c.option(QStringLiteral("overwrite"), QStringLiteral("Save even if someone saved since."));
    addAs(c);
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    const QStringList fields = c.parser.values(QStringLiteral("field"));
    QStringList values = c.parser.values(QStringLiteral("value"));
    int code = Ok;
    if (c.isSet(QStringLiteral("value-file"))) {
        const std::optional<QString> text = valueFromFile(
            c.value(QStringLiteral("value-file")), EditingService::kMaxTextLength * 4 + 1, &code);
        if (!text)
            return code;
        values.append(*text);
    }
    if (fields.isEmpty())
        return fail(Usage, QStringLiteral("edit needs --field NAME --value V, e.g. `meshctl edit "
                                          "FILE PRODUCT --field status --value deprecated`"));
    if (fields.size() != values.size())
        return fail(Usage, QStringLiteral("edit got %1 --field but %2 values; give one --value "
                                          "(or --value-file) per --field")
                               .arg(fields.size())
                               .arg(values.size()));
    const std::optional<int> expect = versionOption(c, QStringLiteral("expect-version"), &code);
    if (code != Ok)
        return code;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    QList<std::pair<QString, QString>> pairs;
    for (qsizetype i = 0; i < fields.size(); ++i)
        pairs.append({fields.at(i), values.at(i)});
    EditingService editing(*store);
    return exitFor(editing.setFields(*user, c.positional(1), pairs, expect,
                                     c.isSet(QStringLiteral("overwrite"))));
}

int cmdHistory(const QStringList &args)
{
    Command c(QStringLiteral("history"));
    c.parser.setApplicationDescription(QStringLiteral(
        "List the saved versions of a product's metadata, or the difference between two "
        "(--from A --to B; 0 is the product as stored now)."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("from"), QStringLiteral("Compare from version A."),
             QStringLiteral("A"));
    c.option(QStringLiteral("to"), QStringLiteral("Compare to version B (default: newest)."),
             QStringLiteral("B"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const std::optional<int> from = versionOption(c, QStringLiteral("from"), &code);
    const std::optional<int> to = versionOption(c, QStringLiteral("to"), &code);
    if (code != Ok)
        return code;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    const QString key = c.positional(1);
    if (!store->productByKey(key))
        return fail(Usage,
                    QStringLiteral("there is no product “%1” in %2").arg(key, store->path()));
    EditingService editing(*store);
    const bool json = c.isSet(QStringLiteral("json"));
    if (from || to) {
        const int latest = editing.currentVersion(key);
        const int a = from.value_or(latest > 1 ? latest - 1 : 1);
        const int b = to.value_or(latest);
        QString error;
        const auto changes = editing.diff(key, a, b, &error);
        if (!changes)
            return fail(Usage, error);
        if (json) {
            QJsonArray list;
            for (const MetadataChange &ch : *changes)
                list.append(changeJson(ch));
            outJson({{QStringLiteral("product"), key},
                     {QStringLiteral("from"), a},
                     {QStringLiteral("to"), b},
                     {QStringLiteral("changes"), list}});
            return Ok;
        }
        out(QStringLiteral("%1: version %2 → %3\n").arg(key).arg(a).arg(b) +
            MetadataSnapshot::diffText(*changes));
        return Ok;
    }
    const QList<ProductVersion> versions = editing.history(key);
    if (json) {
        QJsonArray list;
        for (const ProductVersion &v : versions)
            list.append(QJsonObject{{QStringLiteral("version"), v.number},
                                    {QStringLiteral("author"), v.author},
                                    {QStringLiteral("at"), accessTime(v.at)},
                                    {QStringLiteral("summary"), v.summary}});
        outJson(
            {{QStringLiteral("product"), key},
             {QStringLiteral("current_version"), versions.isEmpty() ? 0 : versions.first().number},
             {QStringLiteral("versions"), list}});
        return Ok;
    }
    if (versions.isEmpty()) {
        out(QStringLiteral("%1 has not been edited yet (version 0).\n").arg(key));
        return Ok;
    }
    for (const ProductVersion &v : versions)
        out(QStringLiteral("%1  %2  %3  %4\n")
                .arg(QString::number(v.number).rightJustified(4), when(v.at),
                     v.author.leftJustified(18), v.summary));
    return Ok;
}

namespace {

/**
 * revert FILE PRODUCT --version N --server URL: pulls the server's changes (and versions) into
 * the cache FILE, then saves version N's metadata on the team server as --as USER (default: the
 * OS login), the server's row-level security deciding; queued in FILE (exit 4) when the server is
 * unreachable, from the versions the cache already has.
 */
int teamRevert(Command &c, int number, std::optional<int> expect)
{
    int code = Ok;
    std::optional<TeamWriteSetup> team =
        prepareTeamWrite(c, QStringLiteral("nothing was reverted"), &code);
    if (!team)
        return code;
    const QString key = c.positional(1);
    EditOutcome o = TeamEditor::revert(
        team->conn.get(), team->actor, *team->store, key, number,
        expect.value_or(EditingService(*team->store).currentVersion(key)),
        c.isSet(QStringLiteral("overwrite")));
    if (o.queued)
        return fail(PartlyFailed, o.message);
    QString error;
    if (o.code == EditOutcome::Code::Ok &&
        !TeamSync::sync(*team->conn, *team->store, team->url, &error))
        o.message +=
            QStringLiteral(" (the local copy will catch up at the next sync: %1)").arg(error);
    return exitFor(o);
}

} // namespace

int cmdRevert(const QStringList &args)
{
    Command c(QStringLiteral("revert"));
    c.parser.setApplicationDescription(
        QStringLiteral("Restore the metadata of an earlier version, saved as a new version.\n"
                       "With --server URL the revert is saved on the team catalog (FILE is its "
                       "local cache) as --as USER."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("version"), QStringLiteral("The version to restore."),
             QStringLiteral("N"));
    c.option(QStringLiteral("expect-version"),
             QStringLiteral("Refuse (exit 5) unless the product is still at version M."),
             QStringLiteral("M"));
    c.option(QStringLiteral("overwrite"), QStringLiteral("Revert even if someone saved since."));
    c.option(QStringLiteral("server"), QStringLiteral("libpq URL of the team server."),
             QStringLiteral("URL"));
    addAs(c);
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    if (!c.isSet(QStringLiteral("version")))
        return fail(Usage, QStringLiteral("revert needs --version N (see `meshctl history FILE "
                                          "PRODUCT`)"));
    int code = Ok;
    const std::optional<int> number = versionOption(c, QStringLiteral("version"), &code);
    const std::optional<int> expect = versionOption(c, QStringLiteral("expect-version"), &code);
    if (code != Ok || !number)
        return code == Ok ? Usage : code;
    if (c.isSet(QStringLiteral("server")))
        return teamRevert(c, *number, expect);
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    EditingService editing(*store);
    const QString key = c.positional(1);
    return exitFor(editing.revert(*user, key, *number, expect.value_or(editing.currentVersion(key)),
                                  c.isSet(QStringLiteral("overwrite"))));
}

int cmdUnclaimed(const QStringList &args)
{
    Command c(QStringLiteral("unclaimed"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Dark data: products with no owner or no description (with --all, also products nobody "
        "has previewed)."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("all"), QStringLiteral("Include owned, documented products that were "
                                                   "never previewed."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    const QList<UnclaimedProduct> list =
        DarkDataService(*store).unclaimed(c.isSet(QStringLiteral("all")));
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray items;
        for (const UnclaimedProduct &u : list)
            items.append(QJsonObject{
                {QStringLiteral("key"), u.productKey},
                {QStringLiteral("name"), u.name},
                {QStringLiteral("domain"), u.domain},
                {QStringLiteral("source_system"), u.sourceSystem},
                {QStringLiteral("status"), u.status},
                {QStringLiteral("owner"), u.ownerId},
                {QStringLiteral("no_owner"), u.noOwner},
                {QStringLiteral("no_description"), u.noDescription},
                {QStringLiteral("undocumented_datasets"),
                 QJsonArray::fromStringList(u.undocumentedDatasets)},
                {QStringLiteral("undocumented_columns"), u.undocumentedColumns},
                {QStringLiteral("never_previewed"), u.neverPreviewed},
                {QStringLiteral("last_previewed_at"),
                 u.lastPreviewedAt.isValid() ? accessTime(u.lastPreviewedAt) : QString()},
                {QStringLiteral("updated_at"),
                 u.updatedAt.isValid() ? accessTime(u.updatedAt) : QString()},
                {QStringLiteral("pending_claim"), u.pendingClaimId},
                {QStringLiteral("pending_claimant"), u.pendingClaimant},
                {QStringLiteral("reasons"), QJsonArray::fromStringList(u.reasons())}});
        outJson({{QStringLiteral("total"), list.size()}, {QStringLiteral("products"), items}});
        return Ok;
    }
    if (list.isEmpty()) {
        out(QStringLiteral("No unclaimed data: every product has an owner and a description.\n"));
        return Ok;
    }
    out(QStringLiteral("%1 unclaimed product(s)\n\n").arg(list.size()));
    for (const UnclaimedProduct &u : list) {
        out(QStringLiteral("%1  [%2]  %3 · updated %4\n    %5%6\n")
                .arg(u.name, u.productKey,
                     u.sourceSystem.isEmpty() ? QStringLiteral("unknown source") : u.sourceSystem,
                     when(u.updatedAt), u.reasons().join(QStringLiteral(", ")),
                     u.pendingClaimId ? QStringLiteral(" · claim #%1 by %2 pending")
                                            .arg(u.pendingClaimId)
                                            .arg(u.pendingClaimant)
                                      : QString()));
    }
    return Ok;
}

int cmdClaim(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        out(QString::fromLatin1(kClaimUsage));
        return sub.isEmpty() ? Usage : Ok;
    }
    static const QStringList subs = {QStringLiteral("approve"), QStringLiteral("deny"),
                                     QStringLiteral("withdraw"), QStringLiteral("list")};
    const bool file = !subs.contains(sub);
    Command c(file ? QStringLiteral("claim") : QStringLiteral("claim ") + sub);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    addAs(c);
    int positional = 2;
    if (file) {
        c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
        c.option(QStringLiteral("reason"), QStringLiteral("Why you should own it."),
                 QStringLiteral("TEXT"));
    } else if (sub == QStringLiteral("list")) {
        c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
        positional = 1;
    } else {
        c.parser.addPositionalArgument(QStringLiteral("CLAIM_ID"),
                                       QStringLiteral("Id as printed by `claim list`."));
        if (sub == QStringLiteral("deny"))
            c.option(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                     QStringLiteral("TEXT"));
    }
    if (int r = c.parse(file ? args : args.mid(1), positional, positional); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    std::optional<qint64> id;
    if (!file && sub != QStringLiteral("list")) {
        id = claimId(c.positional(1), &code);
        if (!id)
            return code;
    }
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    DarkDataService dark(*store);
    if (file)
        return claimExit(dark.claim(*user, c.positional(1), c.value(QStringLiteral("reason"))));
    if (sub == QStringLiteral("approve"))
        return claimExit(dark.approve(*user, *id));
    if (sub == QStringLiteral("deny"))
        return claimExit(dark.deny(*user, *id, c.value(QStringLiteral("reason"))));
    if (sub == QStringLiteral("withdraw"))
        return claimExit(dark.withdraw(*user, *id));
    const QList<OwnershipClaim> claims = dark.claims();
    QList<qint64> mine;
    for (const OwnershipClaim &x : dark.claimsToDecide(*user))
        mine.append(x.id);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray list, toDecide;
        for (const OwnershipClaim &x : claims)
            list.append(claimJson(x));
        for (qint64 x : mine)
            toDecide.append(x);
        outJson({{QStringLiteral("user"), *user},
                 {QStringLiteral("claims"), list},
                 {QStringLiteral("to_decide"), toDecide}});
        return Ok;
    }
    if (claims.isEmpty()) {
        out(QStringLiteral("No ownership claims.\n"));
        return Ok;
    }
    for (const OwnershipClaim &x : claims)
        out(QStringLiteral("#%1  %2  %3 claims %4%5%6\n")
                .arg(x.id)
                .arg(OwnershipClaim::statusName(x.status).leftJustified(9), x.claimantId,
                     x.productKey,
                     x.decidedBy.isEmpty() ? QString()
                                           : QStringLiteral(" (by %1)").arg(x.decidedBy),
                     mine.contains(x.id) ? QStringLiteral("  ← you may decide") : QString()));
    return Ok;
}

} // namespace Mesh::Cli
