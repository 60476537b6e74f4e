// SPDX-License-Identifier: MIT
// meshctl bench sync: N loopback Mesh Explorer JSON sources × M products — full sync, refresh
// answered by 304s, and the curl command-line tool fetching the same URLs one after another.
#include "cli.h"
#include "loopbackserver.h"

#include "bench/benchreport.h"
#include "federation/httptransport.h"
#include "federation/meshjson.h"
#include "federation/sourceregistry.h"
#include "federation/syncengine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

namespace Mesh::Cli {

namespace {

/** A deterministic Mesh Explorer JSON document of one source: products with 6 columns each. */
QByteArray sourceDocument(int source, int products)
{
    static const char *kDomains[] = {"Sales", "Finance", "Operations", "People", "Product"};
    static const char *kTypes[] = {"string", "integer", "decimal", "date", "timestamp", "boolean"};
    QJsonArray list;
    for (int i = 0; i < products; ++i) {
        QJsonArray columns;
        for (int c = 0; c < 6; ++c)
            columns.append(QJsonObject{
                {QStringLiteral("name"), QStringLiteral("field_%1_%2").arg(c).arg(i % 97)},
                {QStringLiteral("type"), QLatin1String(kTypes[c])},
                {QStringLiteral("description"), QStringLiteral("Column %1 of table %2").arg(c).arg(i)}});
        list.append(QJsonObject{
            {QStringLiteral("key"), QStringLiteral("s%1.table-%2").arg(source).arg(i)},
            {QStringLiteral("name"), QStringLiteral("Table %1 of source %2").arg(i).arg(source)},
            {QStringLiteral("domain"), QLatin1String(kDomains[i % 5])},
            {QStringLiteral("description"),
             QStringLiteral("Synthetic table %1 served by loopback source %2.").arg(i).arg(source)},
            {QStringLiteral("owner"), QStringLiteral("owner%1").arg(i % 40)},
            {QStringLiteral("tags"), QJsonArray{QStringLiteral("bench"), QStringLiteral("tier%1").arg(i % 3)}},
            {QStringLiteral("source_system"), QStringLiteral("Loopback")},
            {QStringLiteral("datasets"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("table_%1").arg(i)},
                                    {QStringLiteral("format"), QStringLiteral("table")},
                                    {QStringLiteral("columns"), columns}}}}});
    }
    QJsonArray lineage;
    for (int i = 1; i < products; i += 10)
        lineage.append(QJsonObject{{QStringLiteral("from"), QStringLiteral("s%1.table-%2").arg(source).arg(i - 1)},
                                   {QStringLiteral("to"), QStringLiteral("s%1.table-%2").arg(source).arg(i)}});
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(MeshJson::kFormat)},
                           {QStringLiteral("version"), MeshJson::kVersion},
                           {QStringLiteral("products"), list},
                           {QStringLiteral("lineage"), lineage}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

int cmdBenchSync(const QStringList &args)
{
    Command c(QStringLiteral("bench sync"));
    c.parser.setApplicationDescription(
        QStringLiteral("Federated sync on loopback: full sync, refresh where every source "
                       "answers 304, and the curl command-line tool fetching the same URLs one "
                       "after another."));
    c.option(QStringLiteral("sources"), QStringLiteral("Loopback sources (default 20)."), QStringLiteral("N"));
    c.option(QStringLiteral("products"), QStringLiteral("Products per source (default 5000)."), QStringLiteral("N"));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto nSources = c.integer(QStringLiteral("sources"), 20, 1, 200, &code);
    const auto nProducts = c.integer(QStringLiteral("products"), 5000, 1, 100000, &code);
    if (!nSources || !nProducts)
        return code;

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(Usage, QStringLiteral("cannot create a temporary directory"));
    std::vector<std::unique_ptr<LoopbackServer>> servers;
    QStringList urls;
    qint64 bytes = 0;
    for (int s = 0; s < *nSources; ++s) {
        auto server = std::make_unique<LoopbackServer>();
        QString error;
        if (!server->start(&error))
            return fail(Usage, QStringLiteral("cannot start a loopback server: ") + error);
        LoopbackServer::Reply reply;
        reply.body = sourceDocument(s, int(*nProducts));
        reply.etag = "\"bench-" + QByteArray::number(s) + "\"";
        bytes += reply.body.size();
        server->setReply("/mesh.json", reply);
        urls << server->baseUrl() + QStringLiteral("/mesh.json");
        servers.push_back(std::move(server));
    }
    CatalogError error;
    const QString path = dir.filePath(QStringLiteral("bench.mesh"));
    auto store = SqliteCatalogStore::create(path, QStringLiteral("Sync bench"), &error);
    if (!store)
        return fail(Usage, error.message);
    SourceRegistry registry(*store);
    for (int s = 0; s < *nSources; ++s) {
        SourceDefinition def;
        def.name = QStringLiteral("loopback-%1").arg(s, 2, 10, QLatin1Char('0'));
        def.type = SourceType::MeshJson;
        def.url = urls[s];
        if (!registry.add(def, &error))
            return fail(Usage, error.message);
    }
    const QString caseName = QStringLiteral("%1 sources x %2 products (%3 MB)")
                                 .arg(*nSources)
                                 .arg(*nProducts)
                                 .arg(double(bytes) / 1e6, 0, 'f', 1);
    SyncEngine engine(*store);

    // 1. Fetch only: the transport alone, all URLs in parallel (what curl is compared with).
    QElapsedTimer timer;
    timer.start();
    {
        HttpTransport transport;
        for (const QString &u : std::as_const(urls)) {
            HttpRequest r;
            r.url = u.toUtf8();
            transport.submit(std::move(r));
        }
        transport.run();
    }
    const double fetchMs = double(timer.nsecsElapsed()) / 1e6;

    // 2. Full sync: fetch, parse, write every source in its own transaction.
    timer.restart();
    const std::clock_t cpuStart = std::clock();
    const SyncReport full = engine.sync();
    const double fullMs = double(timer.nsecsElapsed()) / 1e6;
    // Process CPU time (all threads, the loopback servers' included): what the sync costs
    // without the waiting for a busy machine's cores that wall time also counts.
    const double fullCpuMs = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
    if (!full.allOk())
        for (const SourceSyncResult &r : full.sources)
            if (!r.ok)
                return fail(PartlyFailed, QStringLiteral("bench source failed: ") + r.error);
    double writeMs = 0;
    for (const SourceSyncResult &r : full.sources)
        writeMs += r.writeSeconds * 1000;

    // 3. Refresh: nothing changed, every source answers 304.
    for (auto &s : servers)
        s->resetCounts();
    timer.restart();
    const SyncReport refresh = engine.sync();
    const double refreshMs = double(timer.nsecsElapsed()) / 1e6;
    int notModified = 0;
    for (auto &s : servers)
        notModified += s->notModifiedCount();
    bool allUnchanged = refresh.allOk();
    for (const SourceSyncResult &r : refresh.sources)
        allUnchanged = allUnchanged && r.unchanged;
    if (!allUnchanged || notModified != *nSources)
        return fail(PartlyFailed, QStringLiteral("the refresh was not answered by 304s only (%1 of %2)")
                                      .arg(notModified)
                                      .arg(*nSources));

    // 4. The curl command-line tool, one URL after another, in one process.
    std::optional<double> curlMs;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        std::fprintf(stderr, "meshctl: curl is not installed, its column stays empty "
                             "(apt-get install curl)\n");
    } else {
        QStringList curlArgs{QStringLiteral("--silent"), QStringLiteral("--show-error"),
                             QStringLiteral("--fail")};
        for (const QString &u : std::as_const(urls))
            curlArgs << QStringLiteral("-o") << QStringLiteral("/dev/null") << u;
        QProcess p;
        timer.restart();
        p.start(curl, curlArgs);
        if (p.waitForFinished(120000) && p.exitCode() == 0)
            curlMs = double(timer.nsecsElapsed()) / 1e6;
        else
            std::fprintf(stderr, "meshctl: curl failed: %s\n",
                         p.readAllStandardError().simplified().constData());
    }

    BenchReport report(QStringLiteral("sync"));
    report.addTime(caseName, QStringLiteral("full sync (fetch, parse, write)"), fullMs,
                   QStringLiteral("ms"), 3000.0);
    report.addTime(caseName, QStringLiteral("  CPU time of the full sync (process)"), fullCpuMs,
                   QStringLiteral("ms"));
    report.addTime(caseName, QStringLiteral("  of which writing the catalog (summed)"), writeMs,
                   QStringLiteral("ms"));
    report.addTime(caseName, QStringLiteral("refresh, every source 304"), refreshMs,
                   QStringLiteral("ms"), 200.0);
    BenchResult fetch;
    fetch.caseName = caseName;
    fetch.metric = QStringLiteral("fetch only, parallel (libcurl multi)");
    fetch.value = fetchMs;
    fetch.unit = QStringLiteral("ms");
    BenchResult sync;
    sync.caseName = caseName;
    sync.metric = QStringLiteral("full sync vs curl fetching one after another");
    sync.value = fullMs;
    sync.unit = QStringLiteral("ms");
    if (curlMs) {
        fetch.peer = sync.peer = QStringLiteral("curl CLI, sequential");
        fetch.peerValue = sync.peerValue = *curlMs;
        fetch.ratio = *curlMs / fetchMs;
        sync.ratio = *curlMs / fullMs;
    }
    report.add(fetch);
    report.add(sync);
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
