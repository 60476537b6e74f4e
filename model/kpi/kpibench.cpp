// SPDX-License-Identifier: MIT
#include "kpi/kpibench.h"

#include "bench/benchreport.h"
#include "bench/peerprocess.h"
#include "db/sqlite.h"
#include "kpi/kpiengine.h"
#include "kpi/kpifacts.h"
#include "kpi/kpiwarehouse.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

namespace Mesh {

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v.at(v.size() / 2);
}

QString peerDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/mesh-explorer/peers");
}

/** The six KPIs in DuckDB's dialect: the same aggregates, with {P(x)} for the period. */
const char *const kDuckQueries[] = {
    R"SQL(WITH fx AS (SELECT substr(CAST(d AS VARCHAR), 1, 7) AS month, avg(r) AS rate
              FROM legacy_fx_rates_tmp WHERE ccy = 'EUR' GROUP BY 1),
     usd AS (SELECT deal.*, deal."properties.amount" * CASE deal."properties.deal_currency_code"
                WHEN 'EUR' THEN coalesce(fx.rate, (SELECT avg(r) FROM legacy_fx_rates_tmp WHERE ccy = 'EUR'))
                ELSE 1.0 END AS amount_usd
              FROM sales_hubspot_deals AS deal
              LEFT JOIN fx ON fx.month = substr(CAST(deal."properties.closedate" AS VARCHAR), 1, 7))
SELECT {P("properties.closedate")} AS period, sum(amount_usd * "properties.hs_deal_stage_probability") AS value,
       count_if(NOT "properties.hs_is_closed") AS secondary FROM usd GROUP BY 1 ORDER BY 1)SQL",
    R"SQL(SELECT {P("Renewal_Date__gc")} AS period,
       sum(least("Renewed_ARR__gc", "ARR_Up_For_Renewal__gc")) / sum("ARR_Up_For_Renewal__gc") AS value,
       (SELECT avg(CASE WHEN "HealthColor__gc" = 'Green' THEN 1.0 ELSE 0.0 END) FROM cs_gainsight_accounts) AS secondary
  FROM cs_renewals WHERE "Outcome__gc" <> 'Pending' GROUP BY 1 ORDER BY 1)SQL",
    R"SQL(SELECT {P(period)} AS p, (sum(revenue_usd) - sum(cogs_usd)) / sum(revenue_usd) AS value,
       sum(revenue_usd) AS secondary FROM finance_gross_margin GROUP BY 1 ORDER BY 1)SQL",
    R"SQL(WITH rel AS (SELECT {P("messyActualReleaseDate")} AS period,
                    avg(CASE WHEN "messyActualReleaseDate" <= "releaseDate" THEN 1.0 ELSE 0.0 END) AS share
               FROM product_jira_releases WHERE released AND "messyActualReleaseDate" IS NOT NULL GROUP BY 1),
     cyc AS (SELECT {P("fields.resolutiondate")} AS period,
                    median(epoch(CAST(substr(CAST("fields.resolutiondate" AS VARCHAR), 1, 19) AS TIMESTAMP))
                         - epoch(CAST(substr(CAST("fields.created" AS VARCHAR), 1, 19) AS TIMESTAMP))) / 86400.0 AS median
               FROM product_jira_issues WHERE "fields.resolutiondate" IS NOT NULL GROUP BY 1)
SELECT rel.period, rel.share AS value, cyc.median AS secondary
  FROM rel LEFT JOIN cyc ON cyc.period = rel.period ORDER BY 1)SQL",
    R"SQL(SELECT {P("properties.messy_mql_date")} AS period, count(*) AS value,
       avg(CASE WHEN "associations.deals.results" IS NOT NULL THEN 1.0 ELSE 0.0 END) AS secondary
  FROM sales_marketing_leads WHERE "properties.messy_mql_date" IS NOT NULL GROUP BY 1 ORDER BY 1)SQL",
    R"SQL(SELECT {P(start_local)} AS period,
       (sum(actual_run_min) * 1.0 / sum(planned_run_min))
     * (sum(ideal_cycle_time_s * total_count) / 60.0 / sum(actual_run_min))
     * (sum(good_count) * 1.0 / sum(total_count)) AS value,
       sum(actual_run_min) * 1.0 / sum(planned_run_min) AS secondary
  FROM mfg_production_runs GROUP BY 1 ORDER BY 1)SQL",
};

QString duckPeriod(const QString &sql, KpiGrain grain)
{
    // {P(x)} → the period text of x, whatever type DuckDB's CSV sniffer gave x.
    QString out = sql;
    qsizetype at;
    while ((at = out.indexOf(QStringLiteral("{P("))) >= 0) {
        const qsizetype end = out.indexOf(QStringLiteral(")}"), at);
        const QString x = QStringLiteral("CAST(%1 AS VARCHAR)").arg(out.mid(at + 3, end - at - 3));
        QString e;
        switch (grain) {
        case KpiGrain::Month:
            e = QStringLiteral("substr(%1, 1, 7)").arg(x);
            break;
        case KpiGrain::Quarter:
            e = QStringLiteral("(substr(%1, 1, 4) || '-Q' || CAST((CAST(substr(%1, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR))").arg(x);
            break;
        case KpiGrain::Year:
            e = QStringLiteral("substr(%1, 1, 4)").arg(x);
            break;
        }
        out.replace(at, end + 2 - at, e);
    }
    return out;
}

const char kDuckScript[] = R"JS(
const fs = require('fs');
const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
(async () => {
  const { DuckDBInstance } = require(job.module);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  for (const t of job.tables)
    await con.run(`CREATE TABLE ${t.name} AS SELECT * FROM read_csv('${t.csv}', header = true)`);
  const times = [];
  let rows = 0;
  for (let rep = 0; rep < job.repeats; ++rep) {
    const t0 = process.hrtime.bigint();
    rows = 0;
    for (const q of job.queries) {
      const reader = await con.runAndReadAll(q);
      rows += reader.getRows().length;
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ ms: times[Math.floor(times.length / 2)], rows }));
})().catch(e => { console.error(String(e && e.message || e)); process.exit(1); });
)JS";

bool runProcess(const QString &program, const QStringList &args, int timeoutMs, QByteArray *out,
                QString *problem, const QString &stdinFile = {})
{
    PeerProcess run = runPeerProcess(program, args, timeoutMs, stdinFile);
    *problem = run.problem;
    if (out)
        *out = std::move(run.output);
    return run.ok;
}

} // namespace

bool KpiBench::run(const KpiBenchOptions &o, BenchReport &report,
                   const std::function<void(const QString &)> &log, QString *error)
{
    QTemporaryDir tmp;
    const QString dir = o.dir.isEmpty() ? tmp.path() : o.dir;
    QDir().mkpath(dir);
    const QString catalog = QDir(dir).filePath(QStringLiteral("kpi-bench-%1.mesh").arg(o.rows));
    const QString caseName = QStringLiteral("%1 rows, 6 KPIs").arg(o.rows);
    if (!(o.reuse && QFileInfo::exists(catalog))) {
        QFile::remove(catalog);
        QDir(QFileInfo(catalog).absolutePath())
            .remove(QFileInfo(catalog).completeBaseName() + QStringLiteral("-analytics.sqlite"));
        log(QStringLiteral("generating %1 rows of KPI facts in %2…").arg(o.rows).arg(dir));
        QElapsedTimer t;
        t.start();
        if (!KpiFacts::write(catalog, o.rows, o.seed, {}, error))
            return false;
        report.add({caseName, QStringLiteral("generate the fact CSVs"), double(t.elapsed()) / 1000.0,
                    QStringLiteral("s"), {}, {}, {}, {}, {}});
    }
    QString why;
    auto engine = KpiEngine::open(catalog, &why);
    if (!engine) {
        *error = why;
        return false;
    }
    log(QStringLiteral("loading the inputs into %1…").arg(engine->warehouse().path()));
    const KpiRefreshReport load = engine->refresh(!o.reuse);
    if (!load.problems.isEmpty()) {
        *error = load.problems.join(QStringLiteral("; "));
        return false;
    }
    if (load.inputsLoaded > 0)
        report.add({caseName, QStringLiteral("load inputs into the analytics db"), load.loadMs / 1000.0,
                    QStringLiteral("s"), {}, {}, {}, {}, {}});

    const QList<KpiDefinition> defs = engine->definitions();
    const QString warehouse = engine->warehouse().path();
    const bool haveSqlite3 = !QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty();
    // The sqlite3 shell running the same statements on the same file (-readonly), median of repeats.
    const auto shell = [&](const QString &name, const QStringList &statements, BenchResult *row) {
        if (!haveSqlite3) {
            row->peer = QStringLiteral("sqlite3 CLI (not installed: apt-get install sqlite3)");
            return;
        }
        const QString sqlFile = QDir(dir).filePath(name);
        QFile f(sqlFile);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            row->peer = QStringLiteral("sqlite3 CLI (cannot write %1)").arg(sqlFile);
            return;
        }
        for (const QString &sql : statements)
            f.write(sql.toUtf8() + ";\n");
        f.close();
        QList<double> peer;
        QString why;
        for (int rep = 0; rep < o.repeats; ++rep) {
            QElapsedTimer t;
            t.start();
            QByteArray out;
            if (!runProcess(QStringLiteral("sqlite3"), {QStringLiteral("-readonly"), warehouse},
                            o.peerTimeoutSecs * 1000, &out, &why, sqlFile)) {
                row->peer = QStringLiteral("sqlite3 CLI (%1)").arg(why);
                return;
            }
            peer << double(t.nsecsElapsed()) / 1e6;
        }
        row->peerValue = median(peer);
        row->ratio = *row->peerValue / row->value;
    };
    const auto timed = [&](KpiEngine::Source source, QList<double> *times) {
        for (int rep = 0; rep < o.repeats; ++rep) {
            QElapsedTimer t;
            t.start();
            const QHash<QString, QString> errors = engine->computeMany(defs, nullptr, o.threads, source);
            if (!errors.isEmpty()) {
                *error = QStringLiteral("%1: %2").arg(errors.begin().key(), errors.begin().value());
                return false;
            }
            *times << double(t.nsecsElapsed()) / 1e6;
            const KpiEngine::ComputeProfile p = engine->lastComputeProfile();
            QStringList slow;
            for (qsizetype i = 0; i < std::min<qsizetype>(3, p.slowest.size()); ++i)
                slow << QStringLiteral("%1 %2 ms").arg(p.slowest.at(i).first).arg(p.slowest.at(i).second, 0, 'f', 1);
            log(QStringLiteral("  %1 ms: checks %2 ms, queries %3 ms on %4 threads, writes %5 ms; slowest: %6")
                    .arg(times->last(), 0, 'f', 1)
                    .arg(p.checkMs, 0, 'f', 1)
                    .arg(p.queryMs, 0, 'f', 1)
                    .arg(p.threads)
                    .arg(p.writeMs, 0, 'f', 1)
                    .arg(slow.join(QStringLiteral(", "))));
        }
        return true;
    };
    const auto series = [&] {
        QHash<QString, QList<KpiPoint>> all;
        for (KpiGrain g : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year}) {
            const QHash<QString, QList<KpiPoint>> r = engine->warehouse().rollups(g);
            for (auto it = r.begin(); it != r.end(); ++it)
                all.insert(it.key() + QLatin1Char('/') + KpiPeriod::grainName(g), it.value());
        }
        return all;
    };
    int staged = 0;
    for (const KpiDefinition &def : defs)
        staged += def.hasStage() ? 1 : 0;

    // The stages: each staged KPI's stage SQL over its raw inputs, its rows written (what a
    // refresh does after loading a changed input, here for all KPIs at once).
    log(QStringLiteral("building the per-day stages of %1 KPIs…").arg(staged));
    QList<double> stageTimes;
    qint64 stageRows = 0;
    for (int rep = 0; rep < o.repeats; ++rep) {
        QElapsedTimer t;
        t.start();
        const QHash<QString, QString> errors = engine->buildStages(defs, true);
        if (!errors.isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(errors.begin().key(), errors.begin().value());
            return false;
        }
        stageTimes << double(t.nsecsElapsed()) / 1e6;
    }
    for (const KpiDefinition &def : defs)
        if (def.hasStage())
            stageRows += engine->warehouse().database()
                             .scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(KpiDefinition::stageTable(def.key)))
                             .toLongLong();
    report.add({caseName,
                QStringLiteral("build the stages (%1 stage queries over the inputs, %2 stage rows written; median of %3)")
                    .arg(staged)
                    .arg(stageRows)
                    .arg(o.repeats),
                median(stageTimes), QStringLiteral("ms"), {}, {}, {}, {}, {}});

    // Full recompute: every KPI value of every period at month, quarter and year from the
    // stages (18 period queries), rollups written; the sqlite3 shell runs the same 18 statements.
    log(QStringLiteral("recomputing all six KPIs from their stages…"));
    QList<double> ours;
    if (!timed(KpiEngine::Source::Auto, &ours))
        return false;
    const auto fromStages = series();
    const double oursMs = median(ours);
    BenchResult recompute{caseName,
                          QStringLiteral("full recompute from stages (18 queries, median of %1) vs sqlite3 CLI").arg(o.repeats),
                          oursMs, QStringLiteral("ms"), QStringLiteral("<= 1000"), QStringLiteral("sqlite3 CLI"),
                          {}, {}, oursMs <= 1000.0};
    QStringList periodStatements, rawStatements;
    for (const KpiDefinition &def : defs)
        for (KpiGrain g : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year}) {
            periodStatements << KpiPeriod::expandMacro(def.hasStage() ? def.periodSql : def.sql, g);
            rawStatements << KpiPeriod::expandMacro(def.sql, g);
        }
    log(QStringLiteral("running the same period SQL in the sqlite3 shell…"));
    shell(QStringLiteral("kpi-bench-stages.sql"), periodStatements, &recompute);
    if (recompute.peerValue) {
        // "no slower than the sqlite3 shell" is part of the target.
        recompute.met = oursMs <= 1000.0 && oursMs <= *recompute.peerValue;
        recompute.target = QStringLiteral("<= 1000 and <= sqlite3");
    }
    report.add(recompute);

    // The same recompute from the raw input rows (the value SQL, no stages), for comparison.
    log(QStringLiteral("recomputing all six KPIs from the raw inputs (no stages)…"));
    QList<double> raw;
    if (!timed(KpiEngine::Source::Raw, &raw))
        return false;
    const double rawMs = median(raw);
    // Both ways must give the same figures, or the fast one is not worth printing.
    const auto fromRaw = series();
    for (auto it = fromRaw.begin(); it != fromRaw.end(); ++it)
        if (const QString diff = KpiEngine::comparePoints(it.value(), fromStages.value(it.key())); !diff.isEmpty()) {
            *error = QStringLiteral("%1: the stages give other figures than the raw SQL: %2").arg(it.key(), diff);
            return false;
        }
    BenchResult rawRow{caseName,
                       QStringLiteral("raw full recompute, no stages (18 queries, median of %1) vs sqlite3 CLI").arg(o.repeats),
                       rawMs, QStringLiteral("ms"), {}, QStringLiteral("sqlite3 CLI"), {}, {}, {}};
    if (o.rawPeer) {
        log(QStringLiteral("running the same raw SQL in the sqlite3 shell…"));
        shell(QStringLiteral("kpi-bench-raw.sql"), rawStatements, &rawRow);
    } else {
        rawRow.peer = QStringLiteral("sqlite3 CLI (skipped: --no-raw-peer)");
    }
    report.add(rawRow);
    if (!timed(KpiEngine::Source::Auto, &ours)) // leave the staged rollups for the dashboard
        return false;

    // Opening the dashboard: a new engine (catalog + analytics db) and the tiles from rollups.
    engine.reset();
    QList<double> opens;
    int tiles = 0;
    for (int rep = 0; rep < 5; ++rep) {
        QElapsedTimer t;
        t.start();
        auto e = KpiEngine::open(catalog, &why);
        if (!e) {
            *error = why;
            return false;
        }
        tiles = int(e->dashboard(KpiGrain::Month).tiles.size());
        opens << double(t.nsecsElapsed()) / 1e6;
    }
    report.addTime(QStringLiteral("%1 rows, %2 tiles").arg(o.rows).arg(tiles),
                   QStringLiteral("dashboard open from rollups (median of 5)"), median(opens),
                   QStringLiteral("ms"), 100.0);

    // DuckDB on the same CSVs, as a reference.
    BenchResult duck{caseName, QStringLiteral("raw full recompute, no stages (18 queries, median of %1) vs DuckDB").arg(o.repeats), rawMs,
                     QStringLiteral("ms"), {}, QStringLiteral("DuckDB (@duckdb/node-api)"), {}, {}, {}};
    const QString module = peerDir() + QStringLiteral("/node_modules/@duckdb/node-api");
    if (!QFileInfo::exists(module + QStringLiteral("/package.json")) && o.install &&
        !QStandardPaths::findExecutable(QStringLiteral("npm")).isEmpty()) {
        log(QStringLiteral("installing @duckdb/node-api into %1…").arg(peerDir()));
        QDir().mkpath(peerDir());
        runProcess(QStringLiteral("npm"), {QStringLiteral("install"), QStringLiteral("--prefix"), peerDir(),
                                           QStringLiteral("--no-audit"), QStringLiteral("--no-fund"),
                                           QStringLiteral("@duckdb/node-api")},
                   600000, nullptr, &why);
    }
    if (!QFileInfo::exists(module + QStringLiteral("/package.json"))) {
        duck.peer = QStringLiteral("DuckDB (not installed: npm install --prefix %1 @duckdb/node-api)").arg(peerDir());
    } else {
        log(QStringLiteral("running the same aggregates in DuckDB…"));
        QJsonArray tables, queries;
        for (const KpiFacts::Table &t : KpiFacts::tables())
            tables.append(QJsonObject{{QStringLiteral("name"), KpiWarehouse::tableName(t.productKey)},
                                      {QStringLiteral("csv"), KpiFacts::csvPath(catalog, t.productKey)}});
        for (const char *q : kDuckQueries)
            for (KpiGrain g : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year})
                queries.append(duckPeriod(QString::fromUtf8(q), g));
        const QString jobFile = QDir(dir).filePath(QStringLiteral("kpi-bench-duckdb.json"));
        const QString scriptFile = QDir(dir).filePath(QStringLiteral("kpi-bench-duckdb.js"));
        QFile job(jobFile), script(scriptFile);
        if (job.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
            script.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            job.write(QJsonDocument(QJsonObject{{QStringLiteral("module"), module},
                                                {QStringLiteral("tables"), tables},
                                                {QStringLiteral("queries"), queries},
                                                {QStringLiteral("repeats"), o.repeats}})
                          .toJson());
            script.write(kDuckScript);
            job.close();
            script.close();
            QByteArray out;
            if (runProcess(QStringLiteral("node"), {scriptFile, jobFile}, o.peerTimeoutSecs * 1000, &out, &why)) {
                const double ms = QJsonDocument::fromJson(out.trimmed()).object().value(QStringLiteral("ms")).toDouble();
                duck.peerValue = ms;
                duck.ratio = ms / rawMs;
            } else {
                duck.peer = QStringLiteral("DuckDB (%1)").arg(why);
            }
        }
    }
    report.add(duck);

    // An input changes: rows appended to one input's file, then the refresh a user gets (that
    // file reloaded whole, the stage of each KPI reading it rebuilt, their rollups recomputed);
    // then the file is put back and refreshed again, untimed.
    {
        const QString key = QStringLiteral("mfg.production-runs");
        const QString file = KpiFacts::csvPath(catalog, key);
        QFile f(file);
        QByteArray original;
        if (f.open(QIODevice::ReadOnly)) {
            original = f.readAll();
            f.close();
        }
        constexpr int kAppended = 1000;
        QByteArray changed = original;
        for (int i = 0; i < kAppended; ++i)
            changed += QStringLiteral("R-appended-%1,LEE-L1,SNS-101,A,2026-11-%2 06:00:00,450,%3,12.0,1000,990\n")
                           .arg(i)
                           .arg(10 + i % 10)
                           .arg(300 + i % 100)
                           .toLatin1();
        const auto write = [&](const QByteArray &bytes) {
            QFile out(file);
            return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(bytes) == bytes.size();
        };
        if (original.isEmpty() || !write(changed)) {
            *error = QStringLiteral("cannot change %1 for the incremental case").arg(file);
            return false;
        }
        log(QStringLiteral("refreshing after %1 rows were appended to %2…").arg(kAppended).arg(key));
        auto e = KpiEngine::open(catalog, &why);
        if (!e) {
            *error = why;
            return false;
        }
        QElapsedTimer t;
        t.start();
        const KpiRefreshReport r = e->refresh();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const bool restored = write(original);
        const KpiRefreshReport back = e->refresh();
        if (!r.problems.isEmpty() || !restored || !back.problems.isEmpty()) {
            *error = QStringLiteral("incremental refresh: %1")
                         .arg((r.problems + back.problems).join(QStringLiteral("; ")));
            return false;
        }
        const qint64 inputRows = e->warehouse().input(key).value_or(KpiInputLoad{}).rows;
        report.add({caseName,
                    QStringLiteral("refresh after %1 rows appended to one input (%2 rows reloaded %3 ms, "
                                   "%4 stage rebuilt %5 ms, %6 KPI recomputed %7 ms)")
                        .arg(kAppended)
                        .arg(inputRows + kAppended)
                        .arg(r.loadMs, 0, 'f', 0)
                        .arg(r.stagesBuilt)
                        .arg(r.stageMs, 0, 'f', 0)
                        .arg(r.kpisComputed)
                        .arg(r.computeMs, 0, 'f', 0),
                    ms, QStringLiteral("ms"), {}, {}, {}, {}, {}});
    }
    if (o.dir.isEmpty())
        log(QStringLiteral("removing %1").arg(dir));
    return true;
}

} // namespace Mesh
