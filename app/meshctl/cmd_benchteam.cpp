// SPDX-License-Identifier: MIT
// meshctl bench team: the team catalog against a throw-away local PostgreSQL server.
#include "cli.h"

#include "bench/benchreport.h"
#include "team/teambench.h"

#include <cstdio>

namespace Mesh::Cli {

int cmdBenchTeam(const QStringList &args)
{
    Command c(QStringLiteral("bench team"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Start a local PostgreSQL server (initdb + pg_ctl; as root, as the user nobody), seed it, "
        "and time the first and an incremental sync into a local catalog and concurrent writers."));
    c.option(QStringLiteral("products"), QStringLiteral("Generated products (default 100000)."),
             QStringLiteral("N"));
    c.option(QStringLiteral("changes"),
             QStringLiteral("Changes before the incremental sync (default 100)."),
             QStringLiteral("N"));
    c.option(QStringLiteral("clients"), QStringLiteral("Concurrent writers (default 20)."),
             QStringLiteral("N"));
    c.option(QStringLiteral("writes"), QStringLiteral("Writes in total (default 1000)."),
             QStringLiteral("N"));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    TeamBenchOptions o;
    const auto products = c.integer(QStringLiteral("products"), o.products, 100, 2000000, &code);
    const auto changes = c.integer(QStringLiteral("changes"), o.changes, 1, 100000, &code);
    const auto clients = c.integer(QStringLiteral("clients"), o.clients, 1, 80, &code);
    const auto writes = c.integer(QStringLiteral("writes"), o.writes, 3, 1000000, &code);
    if (!products || !changes || !clients || !writes)
        return code;
    o.products = int(*products);
    o.changes = int(std::min(*changes, *products));
    o.clients = int(*clients);
    o.writes = int(std::min<qint64>(*writes, *products));
    BenchReport report(QStringLiteral("team"));
    QString error;
    const bool ok = runTeamBench(o, report, &error, [](const QString &line) {
        std::fprintf(stderr, "bench team: %s\n", line.toUtf8().constData());
    });
    if (!ok)
        return fail(PartlyFailed, QStringLiteral("bench team: ") + error);
    out(c.isSet(QStringLiteral("json"))
            ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
            : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
