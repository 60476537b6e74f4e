// SPDX-License-Identifier: MIT
// meshctl kpi: the KPI dashboard on the command line.
#include "cli.h"

#include "bench/benchreport.h"
#include "kpi/kpibench.h"
#include "kpi/kpiengine.h"
#include "kpi/kpifacts.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

namespace {

QString statusName(KpiTile::Status s)
{
    switch (s) {
    case KpiTile::Status::Green:
        return QStringLiteral("green");
    case KpiTile::Status::Amber:
        return QStringLiteral("amber");
    case KpiTile::Status::Red:
        return QStringLiteral("red");
    case KpiTile::Status::NoTarget:
        return QStringLiteral("no-target");
    case KpiTile::Status::Warning:
        return QStringLiteral("warning");
    case KpiTile::Status::Error:
        return QStringLiteral("error");
    }
    return {};
}

QString stateName(KpiInputStatus::State s)
{
    switch (s) {
    case KpiInputStatus::State::Fresh:
        return QStringLiteral("fresh");
    case KpiInputStatus::State::NoSla:
        return QStringLiteral("no-sla");
    case KpiInputStatus::State::Stale:
        return QStringLiteral("stale");
    case KpiInputStatus::State::Missing:
        return QStringLiteral("missing");
    case KpiInputStatus::State::Failing:
        return QStringLiteral("failing");
    }
    return {};
}

QJsonValue number(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

} // namespace

int cmdKpi(const QStringList &args)
{
    Command c(QStringLiteral("kpi"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Refresh the KPI inputs that changed and print every KPI with its value, target, status "
        "and input freshness."));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    c.option(QStringLiteral("period"), QStringLiteral("month (default), quarter or year."),
             QStringLiteral("GRAIN"));
    c.option(QStringLiteral("as-of"), QStringLiteral("The date whose period is current (default today)."),
             QStringLiteral("YYYY-MM-DD"));
    c.option(QStringLiteral("domain"), QStringLiteral("Only KPIs fed by this department."),
             QStringLiteral("NAME"));
    c.option(QStringLiteral("force"), QStringLiteral("Reload every input and recompute every KPI."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    const QString grainText = c.isSet(QStringLiteral("period")) ? c.value(QStringLiteral("period"))
                                                                 : QStringLiteral("month");
    const auto grain = KpiPeriod::grainFromName(grainText);
    if (!grain)
        return fail(Usage, QStringLiteral("--period wants month, quarter or year, not “%1”").arg(grainText));
    QDate asOf;
    if (c.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(c.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid())
            return fail(Usage, QStringLiteral("--as-of wants a date like 2026-11-20, not “%1”")
                                   .arg(c.value(QStringLiteral("as-of"))));
    }
    if (!QFileInfo::exists(c.positional(0)))
        return fail(Usage, QStringLiteral("%1 does not exist; create a catalog with `meshctl demo --out FILE`")
                               .arg(c.positional(0)));
    QString error;
    auto engine = KpiEngine::open(c.positional(0), &error);
    if (!engine)
        return fail(Usage, error);
    if (engine->definitions().isEmpty())
        return fail(Usage, QStringLiteral("%1 has no KPI definitions (the demo catalog has six; "
                                          "add one in the Dashboard's KPI editor)")
                               .arg(c.positional(0)));
    const KpiRefreshReport report = engine->refresh(c.isSet(QStringLiteral("force")));
    const KpiDashboard dash = engine->dashboard(*grain, asOf, c.value(QStringLiteral("domain")));
    if (c.isSet(QStringLiteral("domain")) && dash.tiles.isEmpty())
        return fail(Usage, QStringLiteral("no KPI is fed by the department “%1”; departments: %2")
                               .arg(c.value(QStringLiteral("domain")), dash.domains.join(QStringLiteral(", "))));
    bool anyError = false;
    for (const KpiTile &t : dash.tiles)
        anyError = anyError || t.status == KpiTile::Status::Error;

    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray kpis;
        for (const KpiTile &t : dash.tiles) {
            QJsonArray inputs;
            for (const KpiInputStatus &in : t.inputs)
                inputs.append(QJsonObject{{QStringLiteral("product"), in.productKey},
                                          {QStringLiteral("name"), in.name},
                                          {QStringLiteral("state"), stateName(in.state)},
                                          {QStringLiteral("age_hours"), qRound(in.ageHours * 10) / 10.0},
                                          {QStringLiteral("sla_hours"), in.slaHours},
                                          {QStringLiteral("rows"), in.rows},
                                          {QStringLiteral("reason"), in.reason}});
            QJsonArray series;
            for (const KpiPoint &p : t.series)
                series.append(QJsonObject{{QStringLiteral("period"), p.period},
                                          {QStringLiteral("value"), number(p.value)},
                                          {QStringLiteral("secondary"), number(p.secondary)}});
            kpis.append(QJsonObject{{QStringLiteral("key"), t.definition.key},
                                    {QStringLiteral("name"), t.definition.name},
                                    {QStringLiteral("unit"), t.definition.unit},
                                    {QStringLiteral("period"), t.period},
                                    {QStringLiteral("value"), number(t.value)},
                                    {QStringLiteral("previous_period"), t.previousPeriod},
                                    {QStringLiteral("previous"), number(t.previous)},
                                    {QStringLiteral("change"), number(t.change())},
                                    {QStringLiteral("change_relative"), t.changeIsRelative()},
                                    {QStringLiteral("secondary_label"), t.definition.secondaryLabel},
                                    {QStringLiteral("secondary"), number(t.secondary)},
                                    {QStringLiteral("target"), number(t.target)},
                                    {QStringLiteral("status"), statusName(t.status)},
                                    {QStringLiteral("target_status"), statusName(t.targetStatus)},
                                    {QStringLiteral("reason"), t.reason},
                                    {QStringLiteral("domains"), QJsonArray::fromStringList(t.domains)},
                                    {QStringLiteral("inputs"), inputs},
                                    {QStringLiteral("series"), series}});
        }
        outJson({{QStringLiteral("catalog"), dash.catalogName},
                 {QStringLiteral("file"), QFileInfo(dash.catalogPath).absoluteFilePath()},
                 {QStringLiteral("period"), KpiPeriod::grainName(dash.grain)},
                 {QStringLiteral("as_of"), dash.asOf.toString(Qt::ISODate)},
                 {QStringLiteral("refresh"),
                  QJsonObject{{QStringLiteral("inputs_loaded"), report.inputsLoaded},
                              {QStringLiteral("inputs_unchanged"), report.inputsUnchanged},
                              {QStringLiteral("inputs_failed"), report.inputsFailed},
                              {QStringLiteral("kpis_computed"), report.kpisComputed},
                              {QStringLiteral("kpis_unchanged"), report.kpisUnchanged},
                              {QStringLiteral("kpis_failed"), report.kpisFailed},
                              {QStringLiteral("stages_built"), report.stagesBuilt},
                              {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)}}},
                 {QStringLiteral("kpis"), kpis}});
        return anyError ? PartlyFailed : Ok;
    }

    out(QStringLiteral("%1 — KPIs by %2, as of %3 (inputs: %4 loaded, %5 unchanged, %6 failed)\n\n")
            .arg(dash.catalogName, KpiPeriod::grainName(dash.grain), dash.asOf.toString(Qt::ISODate))
            .arg(report.inputsLoaded)
            .arg(report.inputsUnchanged)
            .arg(report.inputsFailed));
    const QString header = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                               .arg(QStringLiteral("KPI").leftJustified(30),
                                    QStringLiteral("period").leftJustified(8),
                                    QStringLiteral("value").rightJustified(10),
                                    QStringLiteral("change").rightJustified(9),
                                    QStringLiteral("target").rightJustified(10),
                                    QStringLiteral("status").leftJustified(9),
                                    QStringLiteral("inputs"));
    out(header);
    out(QString(header.size() - 1, QLatin1Char('-')) + QLatin1Char('\n'));
    for (const KpiTile &t : dash.tiles) {
        QStringList inputs;
        for (const KpiInputStatus &in : t.inputs)
            inputs << QStringLiteral("%1 %2").arg(in.productKey, stateName(in.state));
        out(QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                .arg(t.definition.name.left(30).leftJustified(30), t.period.leftJustified(8),
                     KpiFormat::value(t.value, t.definition.unit).rightJustified(10),
                     KpiFormat::change(t.change(), t.changeIsRelative()).rightJustified(9),
                     KpiFormat::value(t.target, t.definition.unit).rightJustified(10),
                     statusName(t.status).leftJustified(9), inputs.join(QStringLiteral(", "))));
        if (t.secondary || !t.definition.secondaryLabel.isEmpty())
            out(QStringLiteral("    %1: %2\n")
                    .arg(t.definition.secondaryLabel,
                         KpiFormat::value(t.secondary, t.definition.secondaryUnit)));
        if (!t.reason.isEmpty())
            out(QStringLiteral("    ! %1\n").arg(t.reason));
    }
    return anyError ? PartlyFailed : Ok;
}

int generateKpiFacts(Command &c)
{
    int code = Ok;
    const auto rows = c.integer(QStringLiteral("kpi-rows"), 10000000, 1000, 1000000000, &code);
    const auto seed = c.integer(QStringLiteral("seed"), 1, 0, std::numeric_limits<qint64>::max(), &code);
    if (!rows || !seed)
        return code;
    if (!c.isSet(QStringLiteral("out")))
        return fail(Usage, QStringLiteral("generate needs --out FILE"));
    if (QFileInfo::exists(c.value(QStringLiteral("out"))))
        return fail(Usage, QStringLiteral("%1 exists; choose a new file name").arg(c.value(QStringLiteral("out"))));
    QElapsedTimer timer;
    timer.start();
    const bool tty = isatty(STDERR_FILENO);
    QString error;
    const bool ok = KpiFacts::write(c.value(QStringLiteral("out")), *rows, quint64(*seed),
                                    [tty](qint64 done, qint64 total) {
                                        if (tty)
                                            std::fprintf(stderr, "\rgenerating… %lld / %lld rows",
                                                         static_cast<long long>(done), static_cast<long long>(total));
                                        return true;
                                    },
                                    &error);
    if (tty)
        std::fprintf(stderr, "\n");
    if (!ok)
        return fail(Usage, error);
    out(QStringLiteral("Wrote %1: the Messy Inc. demo with %2 rows of KPI facts in %3 s\n")
            .arg(c.value(QStringLiteral("out")))
            .arg(*rows)
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return Ok;
}

int cmdBenchKpi(const QStringList &args)
{
    Command c(QStringLiteral("bench kpi"));
    c.parser.setApplicationDescription(QStringLiteral(
        "Recompute the six KPIs over large fact tables, against the sqlite3 shell and DuckDB, and "
        "time opening the dashboard from the rollups."));
    c.option(QStringLiteral("rows"), QStringLiteral("Rows across the KPI inputs (default 10,000,000)."), QStringLiteral("N"));
    c.option(QStringLiteral("dir"), QStringLiteral("Where to put the data (default: a temporary folder)."), QStringLiteral("DIR"));
    c.option(QStringLiteral("reuse"), QStringLiteral("Reuse the data an earlier run left in --dir."));
    c.option(QStringLiteral("no-install"), QStringLiteral("Do not npm-install @duckdb/node-api."));
    c.option(QStringLiteral("peer-timeout"), QStringLiteral("Seconds a peer may take (default 600)."), QStringLiteral("S"));
    c.option(QStringLiteral("repeats"), QStringLiteral("Runs of each recompute; the median counts (default 3)."), QStringLiteral("N"));
    c.option(QStringLiteral("threads"), QStringLiteral("Query threads of our recomputes (default: one per core)."), QStringLiteral("N"));
    c.option(QStringLiteral("no-raw-peer"), QStringLiteral("Do not run the raw SQL (no stages) in the sqlite3 shell too."));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto repeats = c.integer(QStringLiteral("repeats"), 3, 1, 100, &code);
    if (!repeats)
        return code;
    const auto rows = c.integer(QStringLiteral("rows"), 10000000, 1000, 1000000000, &code);
    const auto timeout = c.integer(QStringLiteral("peer-timeout"), 600, 1, 86400, &code);
    const auto threads = c.integer(QStringLiteral("threads"), 0, 0, 64, &code);
    if (!rows || !timeout || !threads)
        return code;
    KpiBenchOptions options;
    options.threads = int(*threads);
    options.rows = *rows;
    options.dir = c.value(QStringLiteral("dir"));
    options.reuse = c.isSet(QStringLiteral("reuse"));
    options.install = !c.isSet(QStringLiteral("no-install"));
    options.peerTimeoutSecs = int(*timeout);
    options.repeats = int(*repeats);
    options.rawPeer = !c.isSet(QStringLiteral("no-raw-peer"));
    BenchReport report(QStringLiteral("kpi"));
    QString error;
    if (!KpiBench::run(options, report, [](const QString &line) {
            std::fprintf(stderr, "%s\n", line.toUtf8().constData());
        }, &error))
        return fail(Usage, QStringLiteral("bench kpi: ") + error);
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
