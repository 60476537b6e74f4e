// SPDX-License-Identifier: MIT
// meshctl bench lineage: the layered layout against Graphviz dot and elkjs.
#include "cli.h"

#include "bench/benchreport.h"
#include "bench/lineagebench.h"

#include <cstdio>

namespace Mesh::Cli {

int cmdBenchLineage(const QStringList &args)
{
    Command c(QStringLiteral("bench lineage"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Lay out layered DAGs of 200, 2,000, 20,000 and 50,000 nodes with this project, Graphviz "
        "dot and elkjs; print time, edge crossings and ratios."));
    c.option(QStringLiteral("nodes"), QStringLiteral("Run one size only."), QStringLiteral("N"));
    c.option(QStringLiteral("peer-timeout"), QStringLiteral("Seconds before a peer is stopped (default 120)."), QStringLiteral("S"));
    c.option(QStringLiteral("no-install"), QStringLiteral("Do not install missing peers."));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto nodes = c.integer(QStringLiteral("nodes"), 0, 2, 1000000, &code);
    const auto timeout = c.integer(QStringLiteral("peer-timeout"), 120, 1, 3600, &code);
    if (!nodes || !timeout)
        return code;
    const QList<int> sizes = c.isSet(QStringLiteral("nodes")) ? QList<int>{int(*nodes)}
                                                              : QList<int>{200, 2000, 20000, 50000};
    for (const QString &line : LineageBench::ensurePeers(!c.isSet(QStringLiteral("no-install"))))
        std::fprintf(stderr, "meshctl: peer missing, its columns stay empty: %s\n", line.toUtf8().constData());
    BenchReport report(QStringLiteral("lineage"));
    LineageBench::run(sizes, report, int(*timeout) * 1000, [](const QString &text) {
        std::fprintf(stderr, "%s\n", text.toUtf8().constData());
    });
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
