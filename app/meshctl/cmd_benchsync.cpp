// SPDX-License-Identifier: MIT
// meshctl bench sync: N loopback Mesh Explorer JSON sources × M products — full sync, refresh
// answered by 304s, and the curl command-line tool fetching the same URLs one after another.
#include "cli.h"
#include "loopbackserver.h"

#include "bench/benchreport.h"
#include "bench/peerprocess.h"
#include "db/sqlite.h"
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
#include <string>

#include <sqlite3.h>

namespace Mesh::Cli {

namespace {

// The bench's products: domain i % 5, column c of type kTypes[c] (the documents and the floor).
const char *const kDomains[] = {"Sales", "Finance", "Operations", "People", "Product"};
const char *const kTypes[] = {"string", "integer", "decimal", "date", "timestamp", "boolean"};

/** A deterministic Mesh Explorer JSON document of one source: products with 6 columns each. */
QByteArray sourceDocument(int source, int products)
{
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

/** A quoted SQL string literal. */
QString sqlString(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

/**
 * The peer of the full sync: SQLite alone doing the same load. The sqlite3 shell reads each
 * source's document from a file (readfile) and writes it with json_each into the same tables
 * and the same search index (both FTS5 tables, as SearchDocument composes them), one
 * transaction per source, with the catalog's own settings. It shows in every run what the
 * catalog's storage costs on this machine, apart from anything this project's code does.
 */
QByteArray sqlitePeerScript(const QList<std::pair<QString, QString>> &sources)
{
    QByteArray script = "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;\n"
                        "PRAGMA wal_autocheckpoint = 0;\n";
    for (const auto &[name, file] : sources) {
        const QString prefix = sqlString(name + QLatin1Char('/'));
        script += QStringLiteral(R"SQL(
BEGIN;
DROP TABLE IF EXISTS temp.doc; DROP TABLE IF EXISTS temp.p;
CREATE TEMP TABLE doc AS SELECT readfile(%1) AS j,
    (SELECT coalesce(max(id), 0) + 1 FROM products) AS base,
    (SELECT id FROM sources WHERE name = %2) AS source;
CREATE TEMP TABLE p AS SELECT doc.base + e.key AS id, e.value AS v
  FROM temp.doc, json_each(doc.j, '$.products') e;
INSERT OR IGNORE INTO domains(name)
SELECT DISTINCT v->>'domain' FROM temp.p WHERE coalesce(v->>'domain', '') <> '';
INSERT INTO products(id, key, name, domain_id, description, owner_id, source_system,
                     source_id, fetched_at)
SELECT id, %3 || (v->>'key'), v->>'name', (SELECT d.id FROM domains d WHERE d.name = v->>'domain'),
       coalesce(v->>'description', ''), v->>'owner', coalesce(v->>'source_system', ''),
       (SELECT source FROM temp.doc), strftime('%Y-%m-%dT%H:%M:%SZ') FROM temp.p;
INSERT OR IGNORE INTO product_tags(product_id, tag)
SELECT p.id, t.value FROM temp.p, json_each(p.v, '$.tags') t;
INSERT INTO datasets(product_id, position, name, format, location, endpoint, description)
SELECT p.id, ds.key, ds.value->>'name', coalesce(ds.value->>'format', ''),
       coalesce(ds.value->>'location', ''), coalesce(ds.value->>'endpoint', ''),
       coalesce(ds.value->>'description', '')
  FROM temp.p, json_each(p.v, '$.datasets') ds;
INSERT INTO columns(dataset_id, position, name, type, description)
SELECT d.id, c.key, c.value->>'name', coalesce(c.value->>'type', ''),
       coalesce(c.value->>'description', '')
  FROM temp.p, json_each(p.v, '$.datasets') ds
  JOIN datasets d ON d.product_id = p.id AND d.position = ds.key,
       json_each(ds.value, '$.columns') c;
INSERT INTO product_fts(rowid, name, tags, description, columns, owner, domain, source)
SELECT id, v->>'name', (SELECT group_concat(value, ' ') FROM json_each(v, '$.tags')),
       coalesce(v->>'description', ''),
       (SELECT group_concat((ds.value->>'name') || ' ' ||
                            (SELECT group_concat((c.value->>'name') || ' ' ||
                                                 coalesce(c.value->>'description', ''), ' ')
                               FROM json_each(ds.value, '$.columns') c), ' ')
          FROM json_each(v, '$.datasets') ds),
       coalesce(v->>'owner', '') || ' ', coalesce(v->>'domain', ''),
       coalesce(v->>'source_system', '') || ' ' FROM temp.p;
INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source)
SELECT id, v->>'name', (SELECT group_concat(value, ' ') FROM json_each(v, '$.tags')),
       coalesce(v->>'owner', '') || ' ', coalesce(v->>'domain', ''),
       coalesce(v->>'source_system', '') || ' ' FROM temp.p;
INSERT OR IGNORE INTO lineage_edges(from_id, to_id, kind, job_name)
SELECT f.id, t.id, 'transform', '' FROM temp.doc, json_each(doc.j, '$.lineage') e
  JOIN products f ON f.key = %3 || (e.value->>'from')
  JOIN products t ON t.key = %3 || (e.value->>'to');
UPDATE sources SET fetched_at = strftime('%Y-%m-%dT%H:%M:%SZ') WHERE name = %2;
COMMIT;
)SQL")
                      .arg(sqlString(file), sqlString(name), prefix)
                      .toUtf8();
    }
    return script + "PRAGMA wal_checkpoint(PASSIVE);\n";
}

/** What a load left in a catalog, to check that the peer did the same work as the sync. */
QString loadCounts(const QString &path)
{
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store)
        return error.message;
    // The index's terms and their occurrences (fts5vocab), so that the same text was indexed.
    Database &db = store->database();
    if (QString why; !db.exec(QStringLiteral(
                                  "CREATE VIRTUAL TABLE temp.full_terms USING "
                                  "fts5vocab(main, product_fts, 'row'); "
                                  "CREATE VIRTUAL TABLE temp.meta_terms USING "
                                  "fts5vocab(main, product_meta_fts, 'row')"),
                              &why))
        return why;
    return db
        .scalar(QStringLiteral(
            "SELECT (SELECT count(*) FROM products) || ' products, ' || "
            "(SELECT count(*) FROM columns) || ' columns, ' || "
            "(SELECT count(*) FROM lineage_edges) || ' lineage edges, ' || "
            "(SELECT count(*) || ' terms ' || sum(cnt) || ' times' FROM temp.full_terms) || "
            "' and ' || (SELECT count(*) || ' terms ' || sum(cnt) || ' times' "
            "FROM temp.meta_terms) || ' in the search index'"))
        .toString();
}

/** What one part of the storage floor measured: milliseconds, or why it could not run. */
struct FloorPart
{
    double ms = 0;
    QString problem;
};

enum class FloorLoad { Rows, BareRows, FullIndex, MetaIndex };

/**
 * --floor: what the catalog's storage alone costs for the bench's products, written through the
 * SQLite C API with nothing else around it (no fetching, parsing or Qt strings), one
 * transaction per source as the sync does, into a new catalog made the same way:
 * Rows — products, tags, datasets and columns with the catalog's indexes and foreign keys;
 * BareRows — the same rows without the CREATE INDEX indexes and without foreign-key checks;
 * FullIndex, MetaIndex — the search documents into product_fts or product_meta_fts alone.
 * It is the floor under any sync into this catalog on this machine.
 */
FloorPart measureFloor(const QString &path, FloorLoad load, int sources, int products)
{
    FloorPart part;
    CatalogError error;
    auto store = SqliteCatalogStore::create(path, QStringLiteral("Sync floor"), &error);
    if (!store) {
        part.problem = error.message;
        return part;
    }
    sqlite3 *db = store->database().handle();
    auto exec = [&](const std::string &sql) {
        char *message = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK)
            return true;
        part.problem = QString::fromUtf8(message ? message : "?");
        sqlite3_free(message);
        return false;
    };
    // Before any statement is prepared, so that an early return leaves none unfinalized.
    if (!exec("INSERT INTO sources(name) VALUES ('floor'); INSERT INTO domains(id, name) VALUES "
              "(1, 'Sales'), (2, 'Finance'), (3, 'Operations'), (4, 'People'), (5, 'Product')"))
        return part;
    if (load == FloorLoad::BareRows) {
        std::string drop = "PRAGMA foreign_keys = OFF;";
        sqlite3_stmt *list = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                           "NULL AND tbl_name IN ('products', 'product_tags', 'datasets', "
                           "'columns')",
                           -1, &list, nullptr);
        while (list && sqlite3_step(list) == SQLITE_ROW)
            drop += std::string("DROP INDEX \"") +
                    reinterpret_cast<const char *>(sqlite3_column_text(list, 0)) + "\";";
        sqlite3_finalize(list);
        if (!exec(drop))
            return part;
    }
    const bool rows = load == FloorLoad::Rows || load == FloorLoad::BareRows;
    const char *sql[] = {
        "INSERT INTO products(key, name, domain_id, description, owner_id, source_system, "
        "source_id, fetched_at) VALUES (?1, ?2, (SELECT 1 + ?5 % 5), ?3, ?4, 'Loopback', 1, "
        "'2026-12-01T00:00:00Z')",
        "INSERT OR IGNORE INTO product_tags(product_id, tag) VALUES (?1, ?2)",
        "INSERT INTO datasets(product_id, position, name, format) VALUES (?1, 0, ?2, 'table')",
        "INSERT INTO columns(dataset_id, position, name, type, description) "
        "VALUES (?1, ?2, ?3, ?4, ?5)",
        load == FloorLoad::FullIndex
            ? "INSERT INTO product_fts(rowid, name, tags, description, columns, owner, domain, "
              "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'Loopback ')"
            : "INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source) "
              "VALUES (?1, ?2, ?3, ?6, ?7, 'Loopback ')"};
    sqlite3_stmt *st[5] = {};
    for (int i = 0; i < 5; ++i)
        if (sqlite3_prepare_v2(db, sql[i], -1, &st[i], nullptr) != SQLITE_OK) {
            part.problem = QString::fromUtf8(sqlite3_errmsg(db));
            for (sqlite3_stmt *s : st)
                sqlite3_finalize(s);
            return part;
        }
    auto text = [](sqlite3_stmt *s, int i, const std::string &v) {
        sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    };
    auto step = [&](sqlite3_stmt *s) {
        const bool ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
        if (!ok && part.problem.isEmpty())
            part.problem = QString::fromUtf8(sqlite3_errmsg(db));
        return ok;
    };
    QElapsedTimer timer;
    timer.start();
    sqlite3_int64 id = 0;
    for (int s = 0; s < sources && part.problem.isEmpty(); ++s) {
        exec("BEGIN");
        const std::string src = std::to_string(s);
        for (int i = 0; i < products && part.problem.isEmpty(); ++i) {
            const std::string n = std::to_string(i);
            const std::string name = "Table " + n + " of source " + src;
            const std::string tier = "tier" + std::to_string(i % 3);
            const std::string description =
                "Synthetic table " + n + " served by loopback source " + src + ".";
            const std::string owner = "owner" + std::to_string(i % 40);
            if (rows) {
                text(st[0], 1, "loopback-" + src + "/s" + src + ".table-" + n);
                text(st[0], 2, name);
                text(st[0], 3, description);
                text(st[0], 4, owner);
                sqlite3_bind_int(st[0], 5, i);
                step(st[0]);
                id = sqlite3_last_insert_rowid(db);
                for (const std::string &tag : {std::string("bench"), tier}) {
                    sqlite3_bind_int64(st[1], 1, id);
                    text(st[1], 2, tag);
                    step(st[1]);
                }
                sqlite3_bind_int64(st[2], 1, id);
                text(st[2], 2, "table_" + n);
                step(st[2]);
                const sqlite3_int64 dataset = sqlite3_last_insert_rowid(db);
                for (int c = 0; c < 6; ++c) {
                    sqlite3_bind_int64(st[3], 1, dataset);
                    sqlite3_bind_int(st[3], 2, c);
                    text(st[3], 3, "field_" + std::to_string(c) + "_" + std::to_string(i % 97));
                    text(st[3], 4, kTypes[c]);
                    text(st[3], 5, "Column " + std::to_string(c) + " of table " + n);
                    step(st[3]);
                }
            } else {
                std::string columns = "table_" + n;
                for (int c = 0; c < 6; ++c)
                    columns += " field_" + std::to_string(c) + "_" + std::to_string(i % 97) +
                               " Column " + std::to_string(c) + " of table " + n;
                sqlite3_bind_int64(st[4], 1, ++id);
                text(st[4], 2, name);
                text(st[4], 3, "bench " + tier);
                text(st[4], 4, description);
                text(st[4], 5, columns);
                text(st[4], 6, owner + " ");
                text(st[4], 7, kDomains[i % 5]);
                step(st[4]);
            }
        }
        exec(part.problem.isEmpty() ? "COMMIT" : "ROLLBACK");
    }
    part.ms = double(timer.nsecsElapsed()) / 1e6;
    for (sqlite3_stmt *s : st)
        sqlite3_finalize(s);
    return part;
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
    c.option(QStringLiteral("floor"),
             QStringLiteral("Also measure the storage floor: the same rows and search index "
                            "written through the SQLite C API alone."));
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
    QList<QByteArray> documents; // shared with the servers' replies, for the sqlite3 peer
    qint64 bytes = 0;
    for (int s = 0; s < *nSources; ++s) {
        auto server = std::make_unique<LoopbackServer>();
        QString error;
        if (!server->start(&error))
            return fail(Usage, QStringLiteral("cannot start a loopback server: ") + error);
        LoopbackServer::Reply reply;
        reply.body = sourceDocument(s, int(*nProducts));
        documents.append(reply.body);
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
    const auto sourceName = [](int s) {
        return QStringLiteral("loopback-%1").arg(s, 2, 10, QLatin1Char('0'));
    };
    const auto addSources = [&](SqliteCatalogStore &catalog) {
        SourceRegistry registry(catalog);
        for (int s = 0; s < *nSources; ++s) {
            SourceDefinition def;
            def.name = sourceName(s);
            def.type = SourceType::MeshJson;
            def.url = urls[s];
            if (!registry.add(def, &error))
                return false;
        }
        return true;
    };
    if (!addSources(*store))
        return fail(Usage, error.message);
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

    // 5. SQLite alone: the sqlite3 shell loading the same documents from files into a catalog
    //    made the same way (sqlitePeerScript), checked to end with the same rows and index.
    std::optional<double> sqliteMs;
    QString sqliteProblem;
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty()) {
        sqliteProblem = QStringLiteral("not installed: apt-get install sqlite3");
    } else {
        const QString peerPath = dir.filePath(QStringLiteral("peer.mesh"));
        QList<std::pair<QString, QString>> files;
        for (int s = 0; s < *nSources && sqliteProblem.isEmpty(); ++s) {
            const QString file = dir.filePath(QStringLiteral("%1.json").arg(sourceName(s)));
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly) ||
                f.write(documents[s]) < 0)
                sqliteProblem = QStringLiteral("cannot write %1: %2").arg(file, f.errorString());
            files.append({sourceName(s), file});
        }
        const QString scriptPath = dir.filePath(QStringLiteral("peer.sql"));
        if (sqliteProblem.isEmpty()) {
            QFile script(scriptPath);
            auto peer = SqliteCatalogStore::create(peerPath, QStringLiteral("Sync bench"), &error);
            if (!peer || !addSources(*peer))
                sqliteProblem = error.message;
            else if (!script.open(QIODevice::WriteOnly) ||
                     script.write(sqlitePeerScript(files)) < 0)
                sqliteProblem = QStringLiteral("cannot write %1").arg(scriptPath);
        }
        if (sqliteProblem.isEmpty()) {
            timer.restart();
            const PeerProcess run =
                runPeerProcess(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), peerPath},
                               600000, scriptPath);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            const QString ours = loadCounts(path), theirs = loadCounts(peerPath);
            if (!run.ok)
                sqliteProblem = run.problem;
            else if (ours != theirs)
                sqliteProblem = QStringLiteral("its load differs: %1, against %2").arg(theirs, ours);
            else
                sqliteMs = ms;
        }
    }
    if (!sqliteProblem.isEmpty())
        std::fprintf(stderr, "meshctl: the sqlite3 peer did not run: %s\n",
                     qUtf8Printable(sqliteProblem));

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
    BenchResult alone{caseName, QStringLiteral("full sync vs SQLite alone loading the same JSON"),
                      fullMs, QStringLiteral("ms"), {}, QStringLiteral("sqlite3 CLI, json_each"),
                      sqliteMs, {}, {}};
    if (sqliteMs)
        alone.ratio = *sqliteMs / fullMs;
    else
        alone.peer = QStringLiteral("sqlite3 CLI (%1)").arg(sqliteProblem);
    report.add(alone);
    if (c.isSet(QStringLiteral("floor"))) {
        const struct
        {
            FloorLoad load;
            const char *metric;
        } parts[] = {
            {FloorLoad::Rows, "floor: rows, with the catalog's indexes and foreign keys"},
            {FloorLoad::BareRows, "floor: rows, no CREATE INDEX index, no foreign keys"},
            {FloorLoad::FullIndex, "floor: search index product_fts"},
            {FloorLoad::MetaIndex, "floor: search index product_meta_fts"},
        };
        double oneWriter = 0;
        for (const auto &part : parts) {
            const QString floorPath = dir.filePath(QStringLiteral("floor-%1.mesh").arg(int(part.load)));
            const FloorPart f = measureFloor(floorPath, part.load, int(*nSources), int(*nProducts));
            if (!f.problem.isEmpty())
                return fail(Usage, QStringLiteral("the storage floor could not be measured: ") +
                                       f.problem);
            if (part.load != FloorLoad::BareRows)
                oneWriter += f.ms;
            report.addTime(caseName, QString::fromLatin1(part.metric), f.ms, QStringLiteral("ms"));
        }
        report.addTime(caseName,
                       QStringLiteral("floor: rows and search index, the one writer (sum)"),
                       oneWriter, QStringLiteral("ms"));
    }
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
