// SPDX-License-Identifier: MIT
#include "commands.h"

#include "cli.h"

#include "bench/benchreport.h"
#include "bench/searchbench.h"
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "generator/generator.h"

#include <functional>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

namespace {

const char kUsage[] =
    "Usage: meshctl <command> [options]\n"
    "\n"
    "Commands:\n"
    "  demo --out FILE                      write the Messy Inc. demo catalog\n"
    "  generate --products N [--seed S] --out FILE\n"
    "                                       write a synthetic catalog of N products\n"
    "  generate --kpi-rows N [--seed S] --out FILE\n"
    "                                       the demo with N rows of KPI facts (bench kpi)\n"
    "  info FILE [--json]                   counts per entity\n"
    "  search FILE QUERY [--limit N] [--json]\n"
    "                                       ranked full-text search\n"
    "  bench search FILE [--queries N] [--json] [--measure-startup]\n"
    "                                       search latency per keystroke\n"
    "  access request FILE PRODUCT --purpose TEXT --days N [--columns a,b]\n"
    "  access approve|deny FILE REQUEST_ID [--reason TEXT]\n"
    "  access revoke FILE GRANT_ID | withdraw FILE REQUEST_ID | list FILE [--json]\n"
    "                                       access requests and grants (--as USER: demo only)\n"
    "  audit verify FILE | export FILE --out audit.csv [--server URL [--as USER]]\n"
    "                                       check the hash chain (exit 1 when broken), export\n"
    "  preview FILE|URL [--rows N] [--json] [--profile]\n"
    "                                       first rows of a CSV/JSON/SQLite sample or URL\n"
    "  bench preview [--size-mb N] [--json] first screen, index, seek: big CSV and JSON\n"
    "  bench lineage [--nodes N] [--json]   layered layout vs Graphviz dot and elkjs\n"
    "  bench kpi [--rows N] [--json]        KPI recompute and dashboard open at 10M rows\n"
    "  import-openlineage CATALOG EVENTS_FILE [--json]\n"
    "                                       import OpenLineage RunEvents (JSON, array, NDJSON)\n"
    "  lineage FILE NODE [--up N] [--down N] [--json|--dot|--openlineage]\n"
    "                                       lineage around a product, dataset or column\n"
    "  impact FILE NODE [--json]            downstream products and their owners\n"
    "  edit FILE PRODUCT --field NAME --value V [--expect-version N]\n"
    "                                       edit metadata as owner or steward (new version)\n"
    "  history FILE PRODUCT [--from A --to B] [--json]\n"
    "                                       saved versions of a product, or their difference\n"
    "  revert FILE PRODUCT --version N      restore a version's metadata (as a new version)\n"
    "  unclaimed FILE [--all] [--json]      dark data: no owner, no description, never previewed\n"
    "  claim FILE PRODUCT | claim approve|deny|withdraw FILE ID | claim list FILE\n"
    "                                       claim ownership of dark data; a steward approves\n"
    "  governance FILE [--json] | governance set FILE KIND [PARAM] [--domain D]\n"
    "                                       compliance scores and violations; set a policy\n"
    "  alerts FILE [--json] | alerts ack|resolve FILE ID | alerts affecting FILE PRODUCT\n"
    "                                       quality alerts: missing, duplicate, drift, null-spike\n"
    "  contract import FILE C.yaml | export FILE PRODUCT [--out X.yaml] | check FILE PRODUCT\n"
    "                                       ODCS v3 data contracts\n"
    "  kpi FILE [--json] [--period month|quarter|year] [--as-of DATE] [--domain NAME]\n"
    "                                       every KPI with value, target, status, freshness\n"
    "  sources list FILE [--json] | add FILE --name NAME --type TYPE --url URL\n"
    "          [--token-from-env VAR] | remove FILE NAME\n"
    "                                       federated sources (mesh-json, openmetadata,\n"
    "                                       datahub, marquez, odcs)\n"
    "  sync FILE [--source NAME] [--json]   fetch sources in parallel (exit 4 if any failed)\n"
    "  export FILE --out mesh.json          write the catalog as Mesh Explorer JSON\n"
    "  server init|migrate|status|seed-demo URL\n"
    "                                       the team catalog on PostgreSQL (libpq URL)\n"
    "  sync-team FILE --server URL [--json] pull the team catalog's changes into FILE\n"
    "  team request|approve|deny|withdraw|revoke|edit|outbox|replay FILE ... --server URL\n"
    "                                       write to the team catalog; queued when offline\n"
    "  edit|revert|access|governance|alerts|claim|contract|history|unclaimed ... --server URL\n"
    "                                       the same commands against the team catalog\n"
    "  bench team [--products N] [--json]   team catalog sync and concurrent writes\n"
    "  bench sync [--sources N] [--products N] [--floor] [--json]\n"
    "                                       federated sync vs curl and the sqlite3 shell\n"
    "\n"
    "Exit codes: 0 ok, 2 usage or bad input, 3 refused by policy, 4 partly failed,\n"
    "5 conflict (someone else saved first).\n";

int cmdDemo(const QStringList &args)
{
    Command c(QStringLiteral("demo"));
    c.parser.setApplicationDescription(QStringLiteral("Write the Messy Inc. demo catalog."));
    c.option(QStringLiteral("out"), QStringLiteral("Catalog file to create."), QStringLiteral("FILE"));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    if (!c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("demo needs --out FILE, e.g. `meshctl demo --out messy.mesh`"));
    CatalogError error;
    auto store = DemoLoader::createDemoCatalog(c.value(QStringLiteral("out")), &error);
    if (!store)
        return fail(Usage, error.message);
    const CatalogCounts n = store->counts();
    out(QStringLiteral("Wrote %1: %2 products in %3 domains, samples in %4\n")
            .arg(store->path())
            .arg(n.products)
            .arg(n.domains)
            .arg(DemoLoader::samplesDirFor(store->path())));
    return Ok;
}

int cmdGenerate(const QStringList &args)
{
    Command c(QStringLiteral("generate"));
    c.parser.setApplicationDescription(QStringLiteral("Write a synthetic catalog for scale tests."));
    c.option(QStringLiteral("products"), QStringLiteral("Number of products (1–2000000)."), QStringLiteral("N"));
    c.option(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"));
    c.option(QStringLiteral("out"), QStringLiteral("Catalog file to create."), QStringLiteral("FILE"));
    c.option(QStringLiteral("kpi-rows"), QStringLiteral("Instead: the demo catalog with N rows of KPI facts across its KPI inputs."), QStringLiteral("N"));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    if (c.isSet(QStringLiteral("kpi-rows")))
        return generateKpiFacts(c);
    int code = Ok;
    const auto products = c.integer(QStringLiteral("products"), 1000, 1, 2000000, &code);
    const auto seed = c.integer(QStringLiteral("seed"), 1, 0, std::numeric_limits<qint64>::max(), &code);
    if (!products || !seed)
        return code;
    if (!c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("generate needs --out FILE"));
    GeneratorOptions options;
    options.products = int(*products);
    options.seed = quint64(*seed);
    QElapsedTimer timer;
    timer.start();
    const bool tty = isatty(STDERR_FILENO);
    CatalogError error;
    const bool ok = Generator(options).writeCatalog(
        c.value(QStringLiteral("out")),
        [&](int done, int total) {
            if (tty)
                std::fprintf(stderr, "\rgenerating… %d / %d", done, total);
            return true;
        },
        &error);
    if (tty)
        std::fprintf(stderr, "\n");
    if (!ok)
        return fail(Usage, error.message);
    out(QStringLiteral("Wrote %1: %2 products (seed %3) in %4 s\n")
            .arg(c.value(QStringLiteral("out")))
            .arg(*products)
            .arg(*seed)
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return Ok;
}

QJsonObject countsJson(const CatalogCounts &n)
{
    return {{QStringLiteral("domains"), n.domains},
            {QStringLiteral("products"), n.products},
            {QStringLiteral("datasets"), n.datasets},
            {QStringLiteral("columns"), n.columns},
            {QStringLiteral("lineage_edges"), n.lineageEdges},
            {QStringLiteral("users"), n.users},
            {QStringLiteral("sources"), n.sources}};
}

int cmdInfo(const QStringList &args)
{
    Command c(QStringLiteral("info"));
    c.parser.setApplicationDescription(QStringLiteral("Show a catalog's name and counts per entity."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const CatalogCounts n = store->counts();
    if (c.isSet(QStringLiteral("json"))) {
        outJson({{QStringLiteral("file"), QFileInfo(store->path()).absoluteFilePath()},
                 {QStringLiteral("name"), store->displayName()},
                 {QStringLiteral("schema_version"), store->schemaVersion()},
                 {QStringLiteral("read_only"), store->isReadOnly()},
                 {QStringLiteral("counts"), countsJson(n)}});
        return Ok;
    }
    out(QStringLiteral("%1 (%2)\nschema version %3%4\n\n")
            .arg(store->displayName(), store->path())
            .arg(store->schemaVersion())
            .arg(store->isReadOnly() ? QStringLiteral(", read-only") : QString()));
    const QList<std::pair<QString, qint64>> rows = {
        {QStringLiteral("domains"), n.domains},   {QStringLiteral("products"), n.products},
        {QStringLiteral("datasets"), n.datasets}, {QStringLiteral("columns"), n.columns},
        {QStringLiteral("lineage edges"), n.lineageEdges}, {QStringLiteral("users"), n.users},
        {QStringLiteral("sources"), n.sources}};
    for (const auto &[label, value] : rows)
        out(label.leftJustified(15) + QString::number(value).rightJustified(10) + QLatin1Char('\n'));
    return Ok;
}

QString markSnippet(QString snippet, bool bold)
{
    snippet.replace(kSnippetOpen, bold ? QStringLiteral("\x1b[1m") : QStringLiteral("**"));
    snippet.replace(kSnippetClose, bold ? QStringLiteral("\x1b[0m") : QStringLiteral("**"));
    return snippet;
}

int cmdSearch(const QStringList &args)
{
    Command c(QStringLiteral("search"));
    c.parser.setApplicationDescription(QStringLiteral("Ranked full-text search over a catalog."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("Words to find (prefixes match)."));
    c.option(QStringLiteral("limit"), QStringLiteral("Most hits to print (default 20)."), QStringLiteral("N"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON (hits and facets)."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto limit = c.integer(QStringLiteral("limit"), 20, 1, 10000, &code);
    if (!limit)
        return code;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    SearchRequest request;
    request.text = c.positional(1);
    request.limit = int(*limit);
    CatalogError error;
    SearchResult result = store->search(request, &error);
    if (error)
        return fail(Usage, error.message);
    if (!result.totalExact) { // a script wants the real count, not the typing-speed lower bound
        if (const auto total = store->countMatches(request, &error))
            result.total = *total;
    }
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray hits;
        for (const SearchHit &h : result.hits) {
            hits.append(QJsonObject{{QStringLiteral("key"), h.key},
                                    {QStringLiteral("name"), h.name},
                                    {QStringLiteral("domain"), h.domain},
                                    {QStringLiteral("owner"), h.ownerId},
                                    {QStringLiteral("owner_name"), h.ownerName},
                                    {QStringLiteral("source_system"), h.sourceSystem},
                                    {QStringLiteral("status"), h.status},
                                    {QStringLiteral("summary"), h.summary},
                                    {QStringLiteral("matched_field"), h.matchedField},
                                    {QStringLiteral("snippet"), markSnippet(h.snippet, false)},
                                    {QStringLiteral("score"), h.score}});
        }
        QJsonObject facets;
        const FacetCounts counts = store->facets(request);
        for (FacetKind kind : kAllFacetKinds) {
            QJsonArray values;
            for (const FacetCount &f : counts.value(kind))
                values.append(QJsonObject{{QStringLiteral("value"), f.value},
                                          {QStringLiteral("label"), f.label},
                                          {QStringLiteral("count"), f.count}});
            facets.insert(facetKindName(kind), values);
        }
        outJson({{QStringLiteral("query"), request.text},
                 {QStringLiteral("total"), result.total},
                 {QStringLiteral("hits"), hits},
                 {QStringLiteral("facets"), facets}});
        return Ok;
    }
    const bool tty = isatty(STDOUT_FILENO);
    if (result.hits.isEmpty()) {
        out(QStringLiteral("No products match “%1”. Try fewer or shorter words.\n").arg(request.text));
        return Ok;
    }
    out(QStringLiteral("%1 of %2 products match “%3”\n\n")
            .arg(result.hits.size())
            .arg(result.total)
            .arg(request.text));
    int rank = 1;
    for (const SearchHit &h : result.hits) {
        out(QStringLiteral("%1. %2  [%3]\n    %4 · %5 · owner %6\n")
                .arg(rank++)
                .arg(h.name, h.key, h.domain.isEmpty() ? QStringLiteral("no domain") : h.domain,
                     h.sourceSystem.isEmpty() ? QStringLiteral("unknown source") : h.sourceSystem,
                     h.ownerName.isEmpty() ? (h.ownerId.isEmpty() ? QStringLiteral("none") : h.ownerId)
                                           : h.ownerName));
        if (!h.matchedField.isEmpty())
            out(QStringLiteral("    matched %1: %2\n").arg(h.matchedField, markSnippet(h.snippet, tty)));
    }
    return Ok;
}

/** Runs the GUI with --measure-startup on the catalog and returns its reported milliseconds. */
std::optional<double> measureStartup(const QString &catalog, QString *problem)
{
    const QDir here(QCoreApplication::applicationDirPath());
    QString exe;
    for (const QString &candidate : {here.filePath(QStringLiteral("../mesh-explorer/mesh-explorer")),
                                     here.filePath(QStringLiteral("mesh-explorer"))}) {
        if (QFileInfo(candidate).isExecutable()) {
            exe = candidate;
            break;
        }
    }
    if (exe.isEmpty()) {
        *problem = QStringLiteral("mesh-explorer was not found next to meshctl");
        return std::nullopt;
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(exe, {QStringLiteral("--catalog"), catalog, QStringLiteral("--measure-startup")});
    if (!p.waitForFinished(60000)) {
        p.kill();
        *problem = QStringLiteral("mesh-explorer did not start within 60 s");
        return std::nullopt;
    }
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.startsWith("startup_ms "))
            return line.mid(11).trimmed().toDouble();
    }
    *problem = QStringLiteral("mesh-explorer printed no startup_ms line: ") +
               QString::fromUtf8(p.readAllStandardError()).simplified().left(200);
    return std::nullopt;
}

int cmdBenchSearch(const QStringList &args)
{
    Command c(QStringLiteral("bench search"));
    c.parser.setApplicationDescription(
        QStringLiteral("Type realistic queries letter by letter and print search latency."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file (e.g. 100,000 products from `meshctl generate`)."));
    c.option(QStringLiteral("queries"), QStringLiteral("Number of queries (default 1000)."), QStringLiteral("N"));
    c.option(QStringLiteral("seed"), QStringLiteral("Query seed (default 7)."), QStringLiteral("S"));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    c.option(QStringLiteral("measure-startup"), QStringLiteral("Also time the GUI's cold start to a usable window."));
    c.option(QStringLiteral("slowest"), QStringLiteral("Print the N slowest keystrokes to stderr."), QStringLiteral("N"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto queries = c.integer(QStringLiteral("queries"), 1000, 1, 1000000, &code);
    const auto seed = c.integer(QStringLiteral("seed"), 7, 0, std::numeric_limits<qint64>::max(), &code);
    if (!queries || !seed)
        return code;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    const qint64 products = store->counts().products;
    const QStringList list = SearchBench::realisticQueries(*store, int(*queries), quint64(*seed));
    if (list.isEmpty())
        return fail(Usage, QStringLiteral("“%1” has no products to search; generate one with "
                                          "`meshctl generate --products 100000 --out big.mesh`")
                               .arg(c.positional(0)));
    BenchReport report(QStringLiteral("search"));
    const QString caseName = QStringLiteral("%1 products").arg(products);
    const auto slowestCount = c.integer(QStringLiteral("slowest"), 0, 0, 1000, &code);
    if (!slowestCount)
        return code;
    QList<QPair<double, QString>> slowest;
    SearchBench::run(*store, list, report, caseName, *slowestCount > 0 ? &slowest : nullptr);
    for (qsizetype i = 0; i < std::min<qsizetype>(*slowestCount, slowest.size()); ++i)
        std::fprintf(stderr, "%8.2f ms  %s\n", slowest.at(i).first,
                     slowest.at(i).second.toUtf8().constData());
    if (c.isSet(QStringLiteral("measure-startup"))) {
        QList<double> runs;
        QString problem;
        for (int i = 0; i < 3; ++i) {
            if (const auto ms = measureStartup(store->path(), &problem))
                runs.append(*ms);
        }
        if (runs.isEmpty())
            return fail(Usage, QStringLiteral("could not measure start-up: ") + problem);
        report.addTime(caseName, QStringLiteral("GUI start to usable window (median of %1)").arg(runs.size()),
                       percentile(runs, 50), QStringLiteral("ms"), 500.0);
    }
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

int cmdBench(const QStringList &args)
{
    const QString which = args.value(0);
    if (which == QStringLiteral("search"))
        return cmdBenchSearch(args.mid(1));
    if (which == QStringLiteral("preview"))
        return cmdBenchPreview(args.mid(1));
    if (which == QStringLiteral("lineage"))
        return cmdBenchLineage(args.mid(1));
    if (which == QStringLiteral("kpi"))
        return cmdBenchKpi(args.mid(1));
    if (which == QStringLiteral("sync"))
        return cmdBenchSync(args.mid(1));
    if (which == QStringLiteral("team"))
        return cmdBenchTeam(args.mid(1));
    if (which.isEmpty() || which == QStringLiteral("--help") || which == QStringLiteral("-h")) {
        out(QStringLiteral("Usage: meshctl bench BENCHMARK [options]   (meshctl bench BENCHMARK --help for each)\n"
                           "  search FILE [--queries N] [--json] [--measure-startup]   search latency per keystroke\n"
                           "  preview [--size-mb N] [--dir DIR] [--json]              sample preview of large files\n"
                           "  lineage [--nodes N] [--peer-timeout S] [--no-install] [--json]\n"
                           "                                                          layout vs Graphviz dot and elkjs\n"
                           "  kpi [--rows N] [--dir DIR] [--reuse] [--no-install] [--json]\n"
                           "                                                          KPI recompute vs sqlite3 and DuckDB\n"
                           "  sync [--sources N] [--products N] [--floor] [--json]\n"
                           "                                                          federated sync vs curl and sqlite3\n"
                           "  team [--products N] [--clients N] [--writes N] [--json] team catalog on a local PostgreSQL\n"));
        return which.isEmpty() ? Usage : Ok;
    }
    return fail(Usage, QStringLiteral("unknown benchmark “%1”; available: search, preview, lineage, kpi, sync, team").arg(which));
}

} // namespace

int run(const QStringList &args)
{
    // One line per command; a command with its own file declares its entry in commands.h.
    static const QList<QPair<QString, std::function<int(const QStringList &)>>> commands = {
        {QStringLiteral("demo"), cmdDemo},
        {QStringLiteral("generate"), cmdGenerate},
        {QStringLiteral("info"), cmdInfo},
        {QStringLiteral("search"), cmdSearch},
        {QStringLiteral("access"), cmdAccess},
        {QStringLiteral("audit"), cmdAudit},
        {QStringLiteral("preview"), cmdPreview},
        {QStringLiteral("bench"), cmdBench},
        {QStringLiteral("import-openlineage"), cmdImportOpenLineage},
        {QStringLiteral("lineage"), cmdLineage},
        {QStringLiteral("governance"), cmdGovernance},
        {QStringLiteral("alerts"), cmdAlerts},
        {QStringLiteral("contract"), cmdContract},
        {QStringLiteral("impact"), cmdImpact},
        {QStringLiteral("edit"), cmdEdit},
        {QStringLiteral("history"), cmdHistory},
        {QStringLiteral("revert"), cmdRevert},
        {QStringLiteral("unclaimed"), cmdUnclaimed},
        {QStringLiteral("claim"), cmdClaim},
        {QStringLiteral("kpi"), cmdKpi},
        {QStringLiteral("sources"), cmdSources},
        {QStringLiteral("sync"), cmdSync},
        {QStringLiteral("export"), cmdExport},
        {QStringLiteral("server"), cmdServer},
        {QStringLiteral("sync-team"), cmdSyncTeam},
        {QStringLiteral("team"), cmdTeam},
    };
    const QString command = args.value(0);
    // edit, access, audit, governance, alerts, claim, history and unclaimed … --server URL: to
    // the team catalog (cmd_teamsync.cpp, cmd_teamgovernance.cpp; revert handles its own).
    const bool toServer = std::any_of(args.cbegin(), args.cend(), [](const QString &a) {
        return a == QStringLiteral("--server") || a.startsWith(QStringLiteral("--server="));
    });
    if (toServer && command == QStringLiteral("edit"))
        return cmdTeam(QStringList{QStringLiteral("edit")} + args.mid(1));
    if (toServer && command == QStringLiteral("access"))
        return cmdTeamAccess(args.mid(1));
    if (toServer && command == QStringLiteral("governance"))
        return cmdTeamGovernance(args.mid(1));
    if (toServer && command == QStringLiteral("alerts"))
        return cmdTeamAlerts(args.mid(1));
    if (toServer && command == QStringLiteral("contract"))
        return cmdTeamContract(args.mid(1));
    if (toServer && command == QStringLiteral("claim"))
        return cmdTeamClaim(args.mid(1));
    if (toServer && command == QStringLiteral("audit"))
        return cmdTeamAudit(args.mid(1));
    if (toServer && command == QStringLiteral("history"))
        return cmdTeamHistory(args.mid(1));
    if (toServer && command == QStringLiteral("unclaimed"))
        return cmdTeamUnclaimed(args.mid(1));
    for (const auto &[name, handler] : commands)
        if (name == command)
            return handler(args.mid(1));
    if (command == QStringLiteral("--version") || command == QStringLiteral("-v")) {
        out(QStringLiteral("meshctl ") + QCoreApplication::applicationVersion() + QLatin1Char('\n'));
        return Ok;
    }
    if (command == QStringLiteral("--help") || command == QStringLiteral("-h") ||
        command == QStringLiteral("help")) {
        out(QString::fromLatin1(kUsage));
        return Ok;
    }
    if (command.isEmpty()) {
        std::fputs(kUsage, stderr);
        return Usage;
    }
    return fail(Usage, QStringLiteral("unknown command “%1”; run `meshctl --help` for the list").arg(command));
}

} // namespace Mesh::Cli
