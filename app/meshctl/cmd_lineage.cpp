// SPDX-License-Identifier: MIT
// meshctl import-openlineage, lineage, impact: lineage on the command line.
#include "cli.h"

#include "lineage/lineagegraph.h"
#include "lineage/openlineageimporter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

namespace {

QString levelName(LineageLevel level)
{
    switch (level) {
    case LineageLevel::Product:
        return QStringLiteral("product");
    case LineageLevel::Dataset:
        return QStringLiteral("dataset");
    case LineageLevel::Column:
        return QStringLiteral("column");
    }
    return {};
}

/** "all" or a depth 0–1000; sets *code on a bad value. */
std::optional<int> depthOption(const Command &c, const QString &flag, int *code)
{
    if (!c.isSet(flag) || c.value(flag) == QStringLiteral("all"))
        return LineageGraph::kAll;
    bool ok = false;
    const int depth = c.value(flag).toInt(&ok);
    if (!ok || depth < 0 || depth > 1000) {
        *code = fail(Usage, QStringLiteral("--%1 wants a depth 0–1000 or “all”, not “%2”")
                                .arg(flag, c.value(flag)));
        return std::nullopt;
    }
    return depth;
}

/** Opens the catalog and finds NODE in its lineage graph; prints why not. */
bool loadGraph(const Command &c, LineageGraph *graph, int *node, int *code)
{
    auto store = openCatalog(c.positional(0), code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return false;
    CatalogError error;
    if (!LineageGraph::load(*store, graph, &error)) {
        *code = fail(Usage, error.message);
        return false;
    }
    *node = graph->find(c.positional(1));
    if (*node < 0) {
        *code = fail(Usage, QStringLiteral("“%1” is no product key, dataset (namespace/name) or "
                                           "column (namespace/name#field) with lineage in %2, nor "
                                           "the name of exactly one")
                                .arg(c.positional(1), c.positional(0)));
        return false;
    }
    return true;
}

QJsonObject nodeJson(const LineageNode &n)
{
    return {{QStringLiteral("id"), n.id},
            {QStringLiteral("level"), levelName(n.level)},
            {QStringLiteral("label"), n.label},
            {QStringLiteral("product"), n.productKey},
            {QStringLiteral("domain"), n.domain},
            {QStringLiteral("owner"), n.ownerId},
            {QStringLiteral("owner_name"), n.ownerName}};
}

} // namespace

int cmdImportOpenLineage(const QStringList &args)
{
    Command c(QStringLiteral("import-openlineage"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Import OpenLineage RunEvents (one JSON object, a JSON array or NDJSON) into a catalog."));
    c.parser.addPositionalArgument(QStringLiteral("CATALOG"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("EVENTS_FILE"), QStringLiteral("Events file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    OpenLineageImporter importer(*store);
    const bool tty = isatty(STDERR_FILENO) && !c.isSet(QStringLiteral("json"));
    if (tty)
        importer.setProgress([](qint64 bytes) {
            static qint64 shown = 0;
            if (bytes - shown >= (8 << 20)) {
                shown = bytes;
                std::fprintf(stderr, "\rimporting… %lld MiB", static_cast<long long>(bytes >> 20));
            }
        });
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    CatalogError error;
    const bool ok = importer.importFile(c.positional(1), &report, &error);
    if (tty)
        std::fprintf(stderr, "\r");
    if (!ok)
        return fail(Usage, error.message);
    const int exit = report.rejected == 0 ? Ok : report.imported > 0 ? PartlyFailed : Usage;
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray problems;
        for (const ImportProblem &p : std::as_const(report.problems))
            problems.append(QJsonObject{{QStringLiteral("record"), p.record},
                                        {QStringLiteral("line"), p.line},
                                        {QStringLiteral("severity"), p.warning ? QStringLiteral("warning") : QStringLiteral("error")},
                                        {QStringLiteral("message"), p.message}});
        outJson({{QStringLiteral("file"), c.positional(1)},
                 {QStringLiteral("records"), report.records},
                 {QStringLiteral("imported"), report.imported},
                 {QStringLiteral("rejected"), report.rejected},
                 {QStringLiteral("dataset_edges"), report.datasetEdges},
                 {QStringLiteral("column_edges"), report.columnEdges},
                 {QStringLiteral("product_edges"), report.productEdges},
                 {QStringLiteral("problem_count"), report.problemCount},
                 {QStringLiteral("problems"), problems}});
        return exit;
    }
    for (const ImportProblem &p : std::as_const(report.problems)) {
        const QString where = p.record > 0 ? QStringLiteral("record %1 (line %2)").arg(p.record).arg(p.line)
                                           : QStringLiteral("file");
        out(QStringLiteral("%1: %2%3\n").arg(where, p.warning ? QStringLiteral("warning: ") : QString(), p.message));
    }
    if (report.problemCount > report.problems.size())
        out(QStringLiteral("… and %1 more problems\n").arg(report.problemCount - report.problems.size()));
    out(QStringLiteral("Imported %1 of %2 events from %3 in %4 s: %5 dataset edges, %6 column edges, "
                       "%7 new product edges; %8 rejected\n")
            .arg(report.imported)
            .arg(report.records)
            .arg(c.positional(1))
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(report.datasetEdges)
            .arg(report.columnEdges)
            .arg(report.productEdges)
            .arg(report.rejected));
    return exit;
}

int cmdLineage(const QStringList &args)
{
    Command c(QStringLiteral("lineage"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Print the lineage around a product, dataset or column, as text, JSON, DOT or OpenLineage."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("NODE"), QStringLiteral("Product key, namespace/name or namespace/name#field."));
    c.option(QStringLiteral("up"), QStringLiteral("Upstream depth, or “all” (default)."), QStringLiteral("N"));
    c.option(QStringLiteral("down"), QStringLiteral("Downstream depth, or “all” (default)."), QStringLiteral("N"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    c.option(QStringLiteral("dot"), QStringLiteral("Print Graphviz DOT."));
    c.option(QStringLiteral("openlineage"), QStringLiteral("Print OpenLineage RunEvents (a JSON array)."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto up = depthOption(c, QStringLiteral("up"), &code);
    const auto down = depthOption(c, QStringLiteral("down"), &code);
    if (!up || !down)
        return code;
    LineageGraph graph;
    int node = -1;
    if (!loadGraph(c, &graph, &node, &code))
        return code;
    const LineageGraph sub = graph.subgraph(graph.neighbourhood(node, *up, *down));
    if (c.isSet(QStringLiteral("dot"))) {
        out(QString::fromUtf8(LineageExport::toDot(sub, graph.node(node).id)));
        return Ok;
    }
    if (c.isSet(QStringLiteral("openlineage"))) {
        out(QString::fromUtf8(LineageExport::toOpenLineage(sub)));
        return Ok;
    }
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray nodes, edges;
        for (const LineageNode &n : sub.nodes())
            nodes.append(nodeJson(n));
        for (const LineageLink &l : sub.links())
            edges.append(QJsonObject{{QStringLiteral("from"), sub.node(l.from).id},
                                     {QStringLiteral("to"), sub.node(l.to).id},
                                     {QStringLiteral("kind"), l.kind},
                                     {QStringLiteral("job"), l.job},
                                     {QStringLiteral("source"), l.source}});
        const auto depthJson = [](int d) { return d == LineageGraph::kAll ? QJsonValue() : QJsonValue(d); };
        outJson({{QStringLiteral("node"), graph.node(node).id},
                 {QStringLiteral("up"), depthJson(*up)},
                 {QStringLiteral("down"), depthJson(*down)},
                 {QStringLiteral("nodes"), nodes},
                 {QStringLiteral("edges"), edges}});
        return Ok;
    }
    const LineageNode &focus = graph.node(node);
    out(QStringLiteral("%1 (%2 %3): %4 nodes, %5 edges\n")
            .arg(focus.label, levelName(focus.level), focus.id)
            .arg(sub.nodeCount())
            .arg(sub.linkCount()));
    for (const LineageLink &l : sub.links()) {
        QStringList about;
        if (!l.kind.isEmpty())
            about << l.kind;
        if (!l.job.isEmpty())
            about << QStringLiteral("job ") + l.job;
        out(QStringLiteral("  %1 → %2%3\n")
                .arg(sub.node(l.from).id, sub.node(l.to).id,
                     about.isEmpty() ? QString() : QStringLiteral("  (") + about.join(QStringLiteral(", ")) + QLatin1Char(')')));
    }
    return Ok;
}

int cmdImpact(const QStringList &args)
{
    Command c(QStringLiteral("impact"));
    c.parser.setApplicationDescription(QStringLiteral(
        "List every product downstream of a product, dataset or column, with its owner."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("NODE"), QStringLiteral("Product key, namespace/name or namespace/name#field."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    LineageGraph graph;
    int node = -1;
    if (!loadGraph(c, &graph, &node, &code))
        return code;
    const QList<ImpactEntry> impact = graph.impact(node);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray affected;
        for (const ImpactEntry &e : impact)
            affected.append(QJsonObject{{QStringLiteral("key"), e.productKey},
                                        {QStringLiteral("name"), e.productName},
                                        {QStringLiteral("domain"), e.domain},
                                        {QStringLiteral("owner"), e.ownerId},
                                        {QStringLiteral("owner_name"), e.ownerName},
                                        {QStringLiteral("distance"), e.distance}});
        outJson({{QStringLiteral("node"), graph.node(node).id},
                 {QStringLiteral("total"), impact.size()},
                 {QStringLiteral("affected"), affected}});
        return Ok;
    }
    out(QStringLiteral("%1 downstream products of %2\n").arg(impact.size()).arg(graph.node(node).id));
    for (const ImpactEntry &e : impact)
        out(QStringLiteral("  %1  %2 (%3)  owner %4\n")
                .arg(e.distance, 2)
                .arg(e.productName, e.productKey,
                     e.ownerName.isEmpty() ? (e.ownerId.isEmpty() ? QStringLiteral("none") : e.ownerId)
                                           : e.ownerName));
    return Ok;
}

} // namespace Mesh::Cli
