// SPDX-License-Identifier: MIT
// meshctl sync-team: pull the team server's changes into a local catalog (the offline cache).
#include "cli.h"

#include "team/pgconnection.h"
#include "team/teamsync.h"

#include <QFileInfo>

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
                 {QStringLiteral("lineage_edges"), result->lineageEdges}});
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
        out(QStringLiteral("Up to date with %1 (change %2).\n").arg(conn->server()).arg(result->toChange));
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

int cmdTeam(const QStringList &) { return fail(Usage, QStringLiteral("not yet")); }

} // namespace Mesh::Cli
