// SPDX-License-Identifier: MIT
// meshctl sources list|add|remove, sync and export: the federated catalog on the command line.
#include "cli.h"

#include "federation/meshjson.h"
#include "federation/sourceregistry.h"
#include "federation/sourcetablemodel.h"
#include "federation/syncengine.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

namespace {

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString staleText(const SourceDefinition &s, const QDateTime &now)
{
    const double h = s.staleHours(now);
    return h < 0 ? SourceTableModel::stalenessText(h)
                 : QStringLiteral("synced ") + SourceTableModel::stalenessText(h);
}

int sourcesList(const QStringList &args)
{
    Command c(QStringLiteral("sources list"));
    c.parser.setApplicationDescription(QStringLiteral("List the federated sources of a catalog."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<SourceDefinition> sources = SourceRegistry(*store).sources();
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const SourceDefinition &s : sources)
            list.append(QJsonObject{
                {QStringLiteral("name"), s.name},
                {QStringLiteral("type"), sourceTypeId(s.type)},
                {QStringLiteral("url"), redactedUrl(s.url)},
                {QStringLiteral("auth"), sourceAuthId(s.auth)},
                {QStringLiteral("token_env"), s.tokenEnv},
                {QStringLiteral("ca_bundle"), s.caBundle},
                {QStringLiteral("schedule_minutes"), s.scheduleMinutes},
                {QStringLiteral("enabled"), s.enabled},
                {QStringLiteral("products"), s.productCount},
                {QStringLiteral("fetched_at"), isoOrEmpty(s.fetchedAt)},
                {QStringLiteral("checked_at"), isoOrEmpty(s.checkedAt)},
                {QStringLiteral("stale_hours"), s.checkedAt.isValid() ? QJsonValue(s.staleHours(now))
                                                                      : QJsonValue()},
                {QStringLiteral("last_error"), s.lastError}});
        outJson({{QStringLiteral("file"), store->path()}, {QStringLiteral("sources"), list}});
        return Ok;
    }
    if (sources.isEmpty()) {
        out(QStringLiteral("No sources in %1. Add one with `meshctl sources add %1 --name NAME "
                           "--type TYPE --url URL`.\n")
                .arg(store->path()));
        return Ok;
    }
    for (const SourceDefinition &s : sources) {
        out(QStringLiteral("%1  [%2]%3\n    %4\n    %5 products · %6 · %7%8\n")
                .arg(s.name, sourceTypeId(s.type), s.enabled ? QString() : QStringLiteral(" (disabled)"),
                     redactedUrl(s.url), QString::number(s.productCount), staleText(s, now),
                     s.scheduleMinutes > 0 ? QStringLiteral("every %1 min").arg(s.scheduleMinutes)
                                           : QStringLiteral("manual"),
                     s.auth == SourceAuth::None
                         ? QString()
                         : QStringLiteral(" · %1 auth%2").arg(sourceAuthId(s.auth),
                                                              s.tokenEnv.isEmpty() ? QString()
                                                              : QStringLiteral(" from $") + s.tokenEnv)));
        if (!s.lastError.isEmpty())
            out(QStringLiteral("    last error: %1\n").arg(s.lastError));
    }
    return Ok;
}

int sourcesAdd(const QStringList &args)
{
    Command c(QStringLiteral("sources add"));
    c.parser.setApplicationDescription(QStringLiteral("Add a federated source to a catalog."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("name"), QStringLiteral("Source name (unique, no “/”)."), QStringLiteral("NAME"));
    c.option(QStringLiteral("type"), QStringLiteral("mesh-json, openmetadata, datahub, marquez or odcs."),
             QStringLiteral("TYPE"));
    c.option(QStringLiteral("url"), QStringLiteral("Base URL of the API, or URL of the document."),
             QStringLiteral("URL"));
    c.option(QStringLiteral("token-from-env"),
             QStringLiteral("Environment variable holding the token (bearer) or password (basic); "
                            "only its name is stored."),
             QStringLiteral("VAR"));
    c.option(QStringLiteral("user"), QStringLiteral("User name for basic authentication."),
             QStringLiteral("NAME"));
    c.option(QStringLiteral("ca-bundle"), QStringLiteral("PEM file of the CA that signed the server's certificate."),
             QStringLiteral("FILE"));
    c.option(QStringLiteral("every"), QStringLiteral("Sync every N minutes (default: manual)."),
             QStringLiteral("N"));
    c.option(QStringLiteral("disabled"), QStringLiteral("Add it disabled."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    for (const char *required : {"name", "type", "url"})
        if (!c.isSet(QString::fromLatin1(required)))
            return fail(Usage, QStringLiteral("sources add needs --%1, e.g. `meshctl sources add "
                                              "cat.mesh --name om --type openmetadata --url "
                                              "https://om.example.com --token-from-env OM_TOKEN`")
                                   .arg(QLatin1String(required)));
    const auto type = sourceTypeFromId(c.value(QStringLiteral("type")));
    if (!type)
        return fail(Usage, QStringLiteral("unknown source type “%1”; use one of %2")
                               .arg(c.value(QStringLiteral("type")),
                                    sourceTypeIds().join(QStringLiteral(", "))));
    int code = Ok;
    const auto every = c.integer(QStringLiteral("every"), 0, 0, 7 * 24 * 60, &code);
    if (!every)
        return code;
    SourceDefinition s;
    s.name = c.value(QStringLiteral("name"));
    s.type = *type;
    s.url = c.value(QStringLiteral("url"));
    s.tokenEnv = c.value(QStringLiteral("token-from-env"));
    s.username = c.value(QStringLiteral("user"));
    s.caBundle = c.value(QStringLiteral("ca-bundle"));
    s.scheduleMinutes = int(*every);
    s.enabled = !c.isSet(QStringLiteral("disabled"));
    if (!s.tokenEnv.isEmpty())
        s.auth = s.username.isEmpty() ? SourceAuth::Bearer : SourceAuth::Basic;
    else if (!s.username.isEmpty())
        return fail(Usage, QStringLiteral("--user needs --token-from-env VAR naming the variable "
                                          "that holds the password"));
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    CatalogError error;
    if (!SourceRegistry(*store).add(s, &error))
        return fail(Usage, error.message);
    out(QStringLiteral("Added %1 source “%2” (%3). Run `meshctl sync %4 --source %2` to fetch it.\n")
            .arg(sourceTypeLabel(s.type), s.name, redactedUrl(s.url), store->path()));
    if (!s.tokenEnv.isEmpty() && qgetenv(s.tokenEnv.toLocal8Bit().constData()).isEmpty())
        fail(Ok, QStringLiteral("note: the environment variable %1 is not set now; set it before "
                                "`meshctl sync`")
                     .arg(s.tokenEnv));
    return Ok;
}

int sourcesRemove(const QStringList &args)
{
    Command c(QStringLiteral("sources remove"));
    c.parser.setApplicationDescription(
        QStringLiteral("Remove a source and every product that came from it."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Source name."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const auto s = SourceRegistry(*store).source(c.positional(1));
    CatalogError error;
    if (!SourceRegistry(*store).remove(c.positional(1), &error))
        return fail(Usage, error.message);
    out(QStringLiteral("Removed source “%1” and its %2 products.\n").arg(c.positional(1)).arg(s ? s->productCount : 0));
    return Ok;
}

} // namespace

int cmdSources(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("list"))
        return sourcesList(args.mid(1));
    if (sub == QStringLiteral("add"))
        return sourcesAdd(args.mid(1));
    if (sub == QStringLiteral("remove"))
        return sourcesRemove(args.mid(1));
    out(QStringLiteral("Usage: meshctl sources list FILE [--json]\n"
                       "       meshctl sources add FILE --name NAME --type TYPE --url URL "
                       "[--token-from-env VAR] [--user NAME] [--ca-bundle FILE] [--every N]\n"
                       "       meshctl sources remove FILE NAME\n"
                       "Types: %1\n")
            .arg(sourceTypeIds().join(QStringLiteral(", "))));
    return sub.isEmpty() || sub == QStringLiteral("--help") || sub == QStringLiteral("-h")
               ? (sub.isEmpty() ? Usage : Ok)
               : fail(Usage, QStringLiteral("unknown sources command “%1”").arg(sub));
}

int cmdSync(const QStringList &args)
{
    Command c(QStringLiteral("sync"));
    c.parser.setApplicationDescription(
        QStringLiteral("Fetch federated sources in parallel; each is written in its own "
                       "transaction and a failed one keeps its last good copy. Exit 0 when every "
                       "source synced, 4 when any failed."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("source"), QStringLiteral("Sync only this source (repeatable)."),
             QStringLiteral("NAME"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    c.option(QStringLiteral("timeout"), QStringLiteral("Per-request timeout in seconds (default 60)."),
             QStringLiteral("S"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto timeout = c.integer(QStringLiteral("timeout"), 60, 1, 3600, &code);
    if (!timeout)
        return code;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    if (store->isReadOnly())
        return fail(Usage, QStringLiteral("“%1” is read-only; sync needs to write it.").arg(store->path()));
    // A name that is not a source is bad input: nothing is synced (exit 2, not 4).
    const QStringList names = c.parser.values(QStringLiteral("source"));
    const SourceRegistry registry(*store);
    for (const QString &name : names)
        if (!registry.source(name))
            return fail(Usage, registry.noSuchSource(name));
    SyncEngine engine(*store);
    TransportOptions options;
    options.requestTimeoutMs = int(*timeout) * 1000;
    engine.setTransportOptions(options);
    const bool tty = isatty(STDERR_FILENO) && !c.isSet(QStringLiteral("json"));
    const SyncReport report = engine.sync(
        names, nullptr,
        [tty](const QString &source, const QString &state, int done, int total) {
            if (tty)
                std::fprintf(stderr, "[%d/%d] %s: %s\n", done, total, source.toUtf8().constData(),
                             state.toUtf8().constData());
        });
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const SourceSyncResult &r : report.sources) {
            QJsonArray warnings;
            for (const QString &w : r.warnings)
                warnings.append(w);
            list.append(QJsonObject{
                {QStringLiteral("name"), r.source},
                {QStringLiteral("type"), sourceTypeId(r.type)},
                {QStringLiteral("status"), r.ok ? (r.unchanged ? QStringLiteral("unchanged")
                                                               : QStringLiteral("synced"))
                                                : QStringLiteral("failed")},
                {QStringLiteral("products"), r.products},
                {QStringLiteral("edges"), r.edges},
                {QStringLiteral("seconds"), r.seconds},
                {QStringLiteral("error"), r.error},
                {QStringLiteral("warnings"), warnings}});
        }
        outJson({{QStringLiteral("file"), store->path()},
                 {QStringLiteral("ok"), report.allOk()},
                 {QStringLiteral("seconds"), report.seconds},
                 {QStringLiteral("sources"), list}});
    } else {
        if (report.sources.isEmpty())
            out(QStringLiteral("No enabled sources in %1.\n").arg(store->path()));
        for (const SourceSyncResult &r : report.sources) {
            if (r.ok)
                out(QStringLiteral("%1: %2, %3 products, %4 lineage edges (%5 s)\n")
                        .arg(r.source, r.unchanged ? QStringLiteral("unchanged") : QStringLiteral("synced"))
                        .arg(r.products)
                        .arg(r.edges)
                        .arg(r.seconds, 0, 'f', 2));
            for (const QString &w : r.warnings)
                out(QStringLiteral("%1: note: %2\n").arg(r.source, w));
        }
        for (const SourceSyncResult &r : report.sources)
            if (!r.ok)
                fail(PartlyFailed, QStringLiteral("%1: %2").arg(r.source, r.error));
    }
    return report.allOk() ? Ok : PartlyFailed;
}

int cmdExport(const QStringList &args)
{
    Command c(QStringLiteral("export"));
    c.parser.setApplicationDescription(
        QStringLiteral("Write the catalog as Mesh Explorer JSON (docs/mesh-json.md)."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("out"), QStringLiteral("mesh.json file to write."), QStringLiteral("FILE"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    if (!c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("export needs --out FILE, e.g. `meshctl export cat.mesh --out mesh.json`"));
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    QString error;
    if (!MeshJson::writeFile(*store, c.value(QStringLiteral("out")), &error))
        return fail(Usage, error);
    out(QStringLiteral("Wrote %1: %2 products as Mesh Explorer JSON version %3\n")
            .arg(c.value(QStringLiteral("out")))
            .arg(store->counts().products)
            .arg(MeshJson::kVersion));
    return Ok;
}

} // namespace Mesh::Cli
