// SPDX-License-Identifier: MIT
// meshctl server and sync-team: the team catalog on PostgreSQL (issue #12).
#include "cli.h"

#include "demo/demoloader.h"
#include "team/pgconnection.h"
#include "team/serverschema.h"
#include "team/teamcatalog.h"

#include <QTemporaryDir>

namespace Mesh::Cli {

namespace {

const char kServerUsage[] =
    "Usage: meshctl server init URL          create the team catalog schema on an empty database\n"
    "       meshctl server migrate URL       bring an older team catalog schema forward\n"
    "       meshctl server status URL [--json]  schema version, server id, change number\n"
    "       meshctl server seed-demo URL [--password TEXT]\n"
    "                                        load Messy Inc.; its people become database roles\n"
    "                                        (NOLOGIN, or LOGIN with --password: demo only)\n"
    "URL is a libpq connection URL, e.g. "
    "postgresql://mesh@db.example:5432/mesh?sslmode=verify-full\n"
    "(connect as the database owner: the migration role).\n";

std::unique_ptr<PgConnection> connectOrFail(const QString &url, int *code)
{
    QString error;
    auto conn = PgConnection::connect(url, &error);
    if (!conn)
        *code = fail(PartlyFailed, error);
    return conn;
}

int serverInitOrMigrate(const QString &verb, const QStringList &args)
{
    Command c(QStringLiteral("server ") + verb);
    c.parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("libpq URL."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto conn = connectOrFail(c.positional(0), &code);
    if (!conn)
        return code;
    QString error;
    const int before = ServerSchema::currentVersion(*conn, &error);
    if (before < 0)
        return fail(PartlyFailed, error);
    if (verb == QStringLiteral("init") && before > 0)
        return fail(Usage, QStringLiteral("team server %1 already has a team catalog (schema %2); "
                                          "use `meshctl server migrate` to bring it forward")
                               .arg(conn->server())
                               .arg(before));
    if (verb == QStringLiteral("migrate") && before == 0)
        return fail(Usage, QStringLiteral("team server %1 has no team catalog yet; create it with "
                                          "`meshctl server init`")
                               .arg(conn->server()));
    if (!ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error))
        return fail(PartlyFailed, error);
    if (before == ServerSchema::kLatestVersion)
        out(QStringLiteral("Team catalog on %1 is up to date (schema %2).\n")
                .arg(conn->server())
                .arg(before));
    else
        out(QStringLiteral("Team catalog on %1: schema %2 → %3.\n")
                .arg(conn->server())
                .arg(before)
                .arg(ServerSchema::kLatestVersion));
    return Ok;
}

int serverStatus(const QStringList &args)
{
    Command c(QStringLiteral("server status"));
    c.parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("libpq URL."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto conn = connectOrFail(c.positional(0), &code);
    if (!conn)
        return code;
    QString error;
    const int version = ServerSchema::currentVersion(*conn, &error);
    if (version < 0)
        return fail(PartlyFailed, error);
    QString id;
    qint64 change = 0;
    qint64 products = 0;
    if (version > 0) {
        const PgResult r =
            conn->exec(QStringLiteral("SELECT (SELECT id FROM server_info LIMIT 1), "
                                      "(SELECT coalesce(max(change_no), 0) FROM change_log), "
                                      "(SELECT count(*) FROM products)"));
        if (!r.ok())
            return fail(PartlyFailed,
                        QStringLiteral("team server %1: %2").arg(conn->server(), r.error()));
        id = r.text(0, 0);
        change = r.integer(0, 1);
        products = r.integer(0, 2);
    }
    if (c.isSet(QStringLiteral("json"))) {
        outJson({{QStringLiteral("server"), conn->server()},
                 {QStringLiteral("schema"), version},
                 {QStringLiteral("latest_schema"), ServerSchema::kLatestVersion},
                 {QStringLiteral("server_id"), id},
                 {QStringLiteral("change"), change},
                 {QStringLiteral("products"), products}});
        return Ok;
    }
    out(QStringLiteral("server   %1\nschema   %2 (this build: %3)\nid       %4\nchange   %5\n"
                       "products %6\n")
            .arg(conn->server())
            .arg(version)
            .arg(ServerSchema::kLatestVersion)
            .arg(id.isEmpty() ? QStringLiteral("-") : id)
            .arg(change)
            .arg(products));
    return Ok;
}

int serverSeedDemo(const QStringList &args)
{
    Command c(QStringLiteral("server seed-demo"));
    c.parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("libpq URL."));
    c.option(QStringLiteral("password"),
             QStringLiteral("Give the demo people LOGIN roles with this password (demo only)."),
             QStringLiteral("TEXT"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto conn = connectOrFail(c.positional(0), &code);
    if (!conn)
        return code;
    QString error;
    const int version = ServerSchema::currentVersion(*conn, &error);
    if (version < 0)
        return fail(PartlyFailed, error);
    if (version != ServerSchema::kLatestVersion)
        return fail(Usage,
                    QStringLiteral("team server %1 has schema %2, not %3; run `meshctl server "
                                   "%4` first")
                        .arg(conn->server())
                        .arg(version)
                        .arg(ServerSchema::kLatestVersion)
                        .arg(version == 0 ? QStringLiteral("init") : QStringLiteral("migrate")));
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(
            PartlyFailed,
            QStringLiteral("cannot create a temporary directory: %1").arg(dir.errorString()));
    CatalogError catalogError;
    auto demo = DemoLoader::createDemoCatalog(dir.filePath(QStringLiteral("messy-inc.mesh")),
                                              &catalogError);
    if (!demo)
        return fail(PartlyFailed, catalogError.message);
    const auto count =
        TeamCatalog::seedFromCatalog(*conn, *demo, c.value(QStringLiteral("password")), &error);
    if (!count)
        return fail(PartlyFailed, error);
    out(QStringLiteral("Loaded Messy Inc. onto %1: %2 products, %3 people as database roles "
                       "(members of %4).\n")
            .arg(conn->server())
            .arg(*count)
            .arg(demo->users().size())
            .arg(QLatin1String(ServerSchema::kUserRole)));
    return Ok;
}

} // namespace

int cmdServer(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QStringLiteral("init") || verb == QStringLiteral("migrate"))
        return serverInitOrMigrate(verb, args.mid(1));
    if (verb == QStringLiteral("status"))
        return serverStatus(args.mid(1));
    if (verb == QStringLiteral("seed-demo"))
        return serverSeedDemo(args.mid(1));
    if (verb.isEmpty() || verb == QStringLiteral("--help") || verb == QStringLiteral("-h")) {
        out(QString::fromLatin1(kServerUsage));
        return verb.isEmpty() ? Usage : Ok;
    }
    return fail(Usage, QStringLiteral("unknown server command “%1”; use init, migrate, status or "
                                      "seed-demo")
                           .arg(verb));
}

} // namespace Mesh::Cli
