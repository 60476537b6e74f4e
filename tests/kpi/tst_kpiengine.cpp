// SPDX-License-Identifier: MIT
// The KPI engine on the Messy Inc. demo: every KPI value against a figure computed here from
// the raw sample rows, warnings for stale and missing inputs, clear SQL errors, refused writes,
// incremental refresh, the owner-only editor and the automatic lineage.
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"
#include "kpi/kpiengine.h"
#include "kpi/kpifacts.h"
#include "kpi/kpiresultmodel.h"
#include "kpi/kpistore.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

/** Minimal RFC 4180 reader for the demo's CSVs: header → list of field maps. */
QList<QHash<QString, QString>> readCsv(const QString &path, QChar delimiter = u',')
{
    const QString text = QString::fromUtf8(MeshTest::fileBytes(path));
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == delimiter) {
            record << field;
            field.clear();
        } else if (c == u'\n') {
            record << field;
            field.clear();
            records << record;
            record.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    QList<QHash<QString, QString>> rows;
    const QStringList header = records.value(0);
    for (qsizetype r = 1; r < records.size(); ++r) {
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(header.at(c), records.at(r).value(c));
        rows << row;
    }
    return rows;
}

QJsonArray jsonRecords(const QString &path)
{
    const QJsonObject o = QJsonDocument::fromJson(MeshTest::fileBytes(path)).object();
    for (const QString &key : {u"results"_s, u"values"_s, u"items"_s})
        if (o.value(key).isArray())
            return o.value(key).toArray();
    return o.value(u"data"_s).toObject().value(u"records"_s).toArray();
}

/** The month ("2026-11") or quarter ("2026-Q4") an ISO date text falls in, computed here. */
QString periodOf(const QString &isoDate, bool quarter)
{
    if (!quarter)
        return isoDate.left(7);
    const int month = isoDate.mid(5, 2).toInt();
    return isoDate.left(4) + u"-Q"_s + QString::number((month - 1) / 3 + 1);
}

struct Expected
{
    QString key;
    QString period;
    double value = 0;
};

double num(const QJsonValue &v)
{
    return v.isString() ? v.toString().toDouble() : v.toDouble();
}

} // namespace

class TestKpiEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;
    QString m_samples;

    /** A fresh copy of the demo catalog (and its samples) for a test that changes things. */
    QString freshCatalog(const QString &name)
    {
        const QString path = m_dir.filePath(name + u".mesh"_s);
        CatalogError error;
        auto store = DemoLoader::createDemoCatalog(path, &error);
        if (!store)
            qWarning("%s", qPrintable(error.message));
        return path;
    }

    static QDateTime demoNow() { return QDateTime::currentDateTimeUtc(); }

    std::unique_ptr<KpiEngine> openEngine(const QString &catalog, KpiEngine::Clock clock = {})
    {
        QString error;
        auto engine = KpiEngine::open(catalog, &error, clock ? clock : &demoNow);
        if (!engine)
            qWarning("%s", qPrintable(error));
        return engine;
    }

    static const KpiTile *tileOf(const KpiDashboard &d, const QString &key)
    {
        for (const KpiTile &t : d.tiles)
            if (t.definition.key == key)
                return &t;
        return nullptr;
    }

    /** Every KPI's value for period, computed from the raw sample files alone. */
    QList<Expected> expectedFromSamples(const QString &samples, const QString &period, bool quarter)
    {
        QList<Expected> out;
        const auto in = [&](const QString &date) { return !date.isEmpty() && periodOf(date, quarter) == period; };

        // Sales forecast: Σ amount × probability, EUR at the month's average legacy rate.
        QHash<QString, QList<double>> ratesByMonth;
        QList<double> allRates;
        for (const auto &row : readCsv(samples + u"/legacy/fx_rates_tmp.csv"_s)) {
            if (row.value(u"ccy"_s) != u"EUR"_s)
                continue;
            ratesByMonth[row.value(u"d"_s).left(7)] << row.value(u"r"_s).toDouble();
            allRates << row.value(u"r"_s).toDouble();
        }
        const auto mean = [](const QList<double> &v) {
            double s = 0;
            for (double x : v)
                s += x;
            return v.isEmpty() ? 0.0 : s / double(v.size());
        };
        double sales = 0;
        for (const QJsonValue &v : jsonRecords(samples + u"/hubspot/deals.json"_s)) {
            const QJsonObject p = v.toObject().value(u"properties"_s).toObject();
            const QString close = p.value(u"closedate"_s).toString();
            if (!in(close) || p.value(u"amount"_s).toString().isEmpty())
                continue;
            double rate = 1.0;
            if (p.value(u"deal_currency_code"_s).toString() == u"EUR"_s)
                rate = ratesByMonth.contains(close.left(7)) ? mean(ratesByMonth.value(close.left(7))) : mean(allRates);
            sales += num(p.value(u"amount"_s)) * num(p.value(u"hs_deal_stage_probability"_s)) * rate;
        }
        out << Expected{u"kpi.sales-forecast"_s, period, sales};

        // Customer success: gross renewal rate of the decided renewals due in the period.
        double renewed = 0, up = 0;
        for (const QJsonValue &v : jsonRecords(samples + u"/gainsight/renewals.json"_s)) {
            const QJsonObject r = v.toObject();
            if (r.value(u"Outcome__gc"_s).toString() == u"Pending"_s || !in(r.value(u"Renewal_Date__gc"_s).toString()))
                continue;
            renewed += std::min(num(r.value(u"Renewed_ARR__gc"_s)), num(r.value(u"ARR_Up_For_Renewal__gc"_s)));
            up += num(r.value(u"ARR_Up_For_Renewal__gc"_s));
        }
        out << Expected{u"kpi.customer-success"_s, period, renewed / up};

        // Gross margin: (revenue − COGS) / revenue.
        double revenue = 0, cogs = 0;
        for (const auto &row : readCsv(samples + u"/netsuite/gross_margin_monthly.csv"_s)) {
            if (!in(row.value(u"period"_s)))
                continue;
            revenue += row.value(u"revenue_usd"_s).toDouble();
            cogs += row.value(u"cogs_usd"_s).toDouble();
        }
        out << Expected{u"kpi.gross-margin"_s, period, (revenue - cogs) / revenue};

        // Product release: share shipped on or before the planned date.
        int shipped = 0, onTime = 0;
        for (const QJsonValue &v : jsonRecords(samples + u"/jira/versions.json"_s)) {
            const QJsonObject r = v.toObject();
            const QString actual = r.value(u"messyActualReleaseDate"_s).toString();
            if (!r.value(u"released"_s).toBool() || !in(actual))
                continue;
            ++shipped;
            onTime += actual <= r.value(u"releaseDate"_s).toString() ? 1 : 0;
        }
        out << Expected{u"kpi.product-release"_s, period, double(onTime) / shipped};

        // Marketing leads: MQLs created.
        int mqls = 0;
        for (const QJsonValue &v : jsonRecords(samples + u"/hubspot/leads.json"_s))
            mqls += in(v.toObject().value(u"properties"_s).toObject().value(u"messy_mql_date"_s).toString()) ? 1 : 0;
        out << Expected{u"kpi.marketing-leads"_s, period, double(mqls)};

        // OEE: availability × performance × quality over the runs started in the period.
        double planned = 0, run = 0, ideal = 0, total = 0, good = 0;
        for (const auto &row : readCsv(samples + u"/mes/production_runs.csv"_s)) {
            if (!in(row.value(u"start_local"_s)))
                continue;
            planned += row.value(u"planned_run_min"_s).toDouble();
            run += row.value(u"actual_run_min"_s).toDouble();
            ideal += row.value(u"ideal_cycle_time_s"_s).toDouble() * row.value(u"total_count"_s).toDouble() / 60.0;
            total += row.value(u"total_count"_s).toDouble();
            good += row.value(u"good_count"_s).toDouble();
        }
        out << Expected{u"kpi.oee"_s, period, (run / planned) * (ideal / run) * (good / total)};
        return out;
    }

private slots:
    void resultModelShowsNumbersReadably()
    {
        KpiResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        KpiQueryResult r;
        r.columns = {QStringLiteral("period"), QStringLiteral("value"), QStringLiteral("secondary")};
        r.rows = {{QStringLiteral("2025-01"), 0.1 + 0.2, 1460940.125},
                  {QStringLiteral("2025-02"), QVariant(qlonglong(42)), QVariant()}};
        model.setResult(r);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("0.3"));
        QCOMPARE(model.data(model.index(0, 2)).toString(), QStringLiteral("1460940.125"));
        QCOMPARE(model.data(model.index(0, 2), Qt::EditRole).toDouble(), 1460940.125);
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("42"));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("2025-01"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("value"));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = freshCatalog(u"demo"_s);
        m_samples = DemoLoader::samplesDirFor(m_catalog);
        QVERIFY(QFileInfo::exists(m_catalog));
    }

    void seedsSixDefinitionsWithLineage()
    {
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        QCOMPARE(engine->definitions().size(), 6);
        // Each KPI product gets edges from exactly its inputs, made by the engine.
        for (const KpiDefinition &def : engine->definitions()) {
            QStringList from;
            for (const LineageEdge &e : engine->catalog().lineageOf(def.key))
                if (e.toKey == def.key && e.jobName == QLatin1String(KpiStore::kLineageJob))
                    from << e.fromKey;
            from.sort();
            QStringList inputs = def.inputs;
            inputs.sort();
            QCOMPARE(from, inputs);
        }
    }

    void valuesMatchRawSamples_data()
    {
        QTest::addColumn<bool>("quarter");
        QTest::addColumn<QString>("period");
        QTest::newRow("month 2026-11") << false << u"2026-11"_s;
        QTest::newRow("month 2026-10") << false << u"2026-10"_s;
        QTest::newRow("quarter 2026-Q3") << true << u"2026-Q3"_s;
    }

    void valuesMatchRawSamples()
    {
        QFETCH(bool, quarter);
        QFETCH(QString, period);
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        const KpiRefreshReport report = engine->refresh();
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u'\n')));
        const KpiGrain grain = quarter ? KpiGrain::Quarter : KpiGrain::Month;
        // The period is current when as-of is its last day.
        const KpiDashboard dash = engine->dashboard(grain, KpiPeriod::last(period, grain));
        QCOMPARE(dash.tiles.size(), 6);
        const QList<Expected> expected = expectedFromSamples(m_samples, period, quarter);
        QCOMPARE(expected.size(), 6);
        for (const Expected &e : expected) {
            const KpiTile *tile = tileOf(dash, e.key);
            QVERIFY2(tile, qPrintable(e.key));
            QCOMPARE(tile->period, e.period);
            QVERIFY2(tile->value.has_value(), qPrintable(e.key));
            QVERIFY2(std::isfinite(e.value) && e.value > 0, qPrintable(e.key));
            QVERIFY2(std::abs(*tile->value - e.value) <= 1e-9 * std::max(1.0, std::abs(e.value)),
                     qPrintable(u"%1: engine %2, from the samples %3"_s.arg(e.key).arg(*tile->value, 0, 'g', 15)
                                    .arg(e.value, 0, 'g', 15)));
        }
    }

    void changeComparesWithPreviousPeriod()
    {
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        engine->refresh();
        const KpiDashboard dash = engine->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        const KpiTile *ml = tileOf(dash, u"kpi.marketing-leads"_s);
        QVERIFY(ml);
        const auto nov = expectedFromSamples(m_samples, u"2026-11"_s, false).at(4).value;
        const auto oct = expectedFromSamples(m_samples, u"2026-10"_s, false).at(4).value;
        QCOMPARE(ml->previousPeriod, u"2026-10"_s);
        QCOMPARE(*ml->previous, oct);
        QCOMPARE(*ml->change(), (nov - oct) / oct);
        QCOMPARE(ml->status == KpiTile::Status::Warning || ml->status == KpiTile::Status::Error, false);
    }

    void staleInputGivesWarning()
    {
        // Two days later every input with a 24 h freshness SLA is past it.
        auto engine = openEngine(m_catalog, [] { return QDateTime::currentDateTimeUtc().addDays(2); });
        QVERIFY(engine);
        engine->refresh();
        const KpiDashboard dash = engine->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        const KpiTile *gm = tileOf(dash, u"kpi.gross-margin"_s);
        QVERIFY(gm);
        QCOMPARE(gm->status, KpiTile::Status::Warning);
        QVERIFY2(gm->reason.contains(u"stale"_s) && gm->reason.contains(u"Gross Margin"_s), qPrintable(gm->reason));
        QCOMPARE(gm->inputs.first().state, KpiInputStatus::State::Stale);
        // The number is still there, flagged, and its colour against the target is kept apart.
        QVERIFY(gm->value.has_value());
        QVERIFY(gm->targetStatus != KpiTile::Status::Warning);

        // Today the same inputs are fresh and the tile shows its colour.
        auto now = openEngine(m_catalog);
        const KpiDashboard today = now->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        const KpiTile *fresh = tileOf(today, u"kpi.gross-margin"_s);
        QVERIFY(fresh);
        QCOMPARE(fresh->status, fresh->targetStatus);
        QCOMPARE(fresh->inputs.first().state, KpiInputStatus::State::Fresh);
    }

    void missingInputBreaksOnlyItsTile()
    {
        const QString catalog = freshCatalog(u"missing"_s);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        QVERIFY(QFile::remove(DemoLoader::samplesDirFor(catalog) + u"/mes/production_runs.csv"_s));
        const KpiRefreshReport report = engine->refresh();
        QCOMPARE(report.inputsFailed, 1);
        const KpiDashboard dash = engine->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        const KpiTile *oee = tileOf(dash, u"kpi.oee"_s);
        QVERIFY(oee);
        QCOMPARE(oee->status, KpiTile::Status::Error);
        QVERIFY2(oee->reason.contains(u"missing"_s), qPrintable(oee->reason));
        QCOMPARE(oee->inputs.first().state, KpiInputStatus::State::Missing);
        for (const KpiTile &t : dash.tiles)
            if (t.definition.key != u"kpi.oee"_s)
                QVERIFY2(t.status != KpiTile::Status::Error, qPrintable(t.definition.key));
    }

    void badSqlGivesClearError_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown table") << u"SELECT PERIOD(d) AS period, 1 AS value FROM nowhere"_s
                                       << u"no such table: nowhere"_s;
        QTest::newRow("unknown column") << u"SELECT PERIOD(nope) AS period, count(*) FROM finance_gross_margin GROUP BY 1"_s
                                        << u"no such column: nope"_s;
        QTest::newRow("syntax") << u"SELECT period, FROM finance_gross_margin"_s << u"syntax error"_s;
        QTest::newRow("one column") << u"SELECT period FROM finance_gross_margin"_s
                                    << u"must return the columns period, value"_s;
        QTest::newRow("duplicate period") << u"SELECT 'x' AS period, 1 UNION ALL SELECT 'x', 2"_s
                                          << u"returned the period x twice"_s;
        QTest::newRow("empty") << u"   "_s << u"empty"_s;
        QTest::newRow("unbound parameter") << u"SELECT :period, 1"_s << u":period"_s;
    }

    void badSqlGivesClearError()
    {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        engine->refresh();
        KpiDefinition def = engine->definitions().first();
        def.sql = sql;
        const KpiQueryResult r = engine->testRun(def, KpiGrain::Month);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }

    void badDefinitionIsNotSavedAndBreaksNothingElse()
    {
        const QString catalog = freshCatalog(u"baddef"_s);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        engine->refresh();
        KpiDefinition def = *KpiStore(engine->catalog()).definition(u"kpi.gross-margin"_s);
        const QString before = def.sql;
        def.sql = u"SELECT PERIOD(period) AS period, sum(revenue) AS value FROM finance_gross_margin GROUP BY 1"_s;
        QString error;
        bool refused = true;
        QVERIFY(!engine->saveDefinition(def, u"nadia.haddad"_s, &error, &refused));
        QVERIFY(!refused);
        QVERIFY2(error.contains(u"no such column: revenue"_s), qPrintable(error));
        QCOMPARE(KpiStore(engine->catalog()).definition(u"kpi.gross-margin"_s)->sql, before);

        // A definition that breaks later (stored by another tool) marks its own tile only. (Its
        // stage is cleared: the stage gives margins, this value SQL revenue.)
        def.sql = u"SELECT PERIOD(period) AS period, sum(revenue_usd) AS value FROM finance_gross_margin GROUP BY 1"_s;
        def.stageSql.clear();
        def.periodSql.clear();
        QVERIFY2(engine->saveDefinition(def, u"nadia.haddad"_s, &error), qPrintable(error));
        Database &db = engine->catalog().database();
        QVERIFY(db.exec(u"UPDATE kpi_definitions SET sql = 'SELECT broken' WHERE key = 'kpi.gross-margin'"_s));
        engine->reloadDefinitions();
        const KpiRefreshReport report = engine->refresh();
        QCOMPARE(report.kpisFailed, 1);
        const KpiDashboard dash = engine->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        QCOMPARE(tileOf(dash, u"kpi.gross-margin"_s)->status, KpiTile::Status::Error);
        QVERIFY(tileOf(dash, u"kpi.gross-margin"_s)->reason.contains(u"definition fails"_s));
        for (const KpiTile &t : dash.tiles)
            if (t.definition.key != u"kpi.gross-margin"_s)
                QVERIFY(t.status != KpiTile::Status::Error);
    }

    void writeAttemptsAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("delete") << u"DELETE FROM finance_gross_margin"_s;
        QTest::newRow("insert") << u"INSERT INTO finance_gross_margin(period) VALUES ('x')"_s;
        QTest::newRow("update") << u"UPDATE finance_gross_margin SET revenue_usd = 0"_s;
        QTest::newRow("drop") << u"DROP TABLE finance_gross_margin"_s;
        QTest::newRow("create temp") << u"CREATE TEMP TABLE t AS SELECT * FROM finance_gross_margin"_s;
        QTest::newRow("attach") << u"ATTACH DATABASE '/tmp/kpi-evil.sqlite' AS evil"_s;
        QTest::newRow("pragma") << u"PRAGMA journal_mode = DELETE"_s;
        QTest::newRow("load_extension") << u"SELECT load_extension('/tmp/evil.so')"_s;
        QTest::newRow("second statement") << u"SELECT 1, 2; DELETE FROM finance_gross_margin"_s;
        QTest::newRow("cte delete") << u"WITH x AS (SELECT 1) DELETE FROM finance_gross_margin"_s;
        QTest::newRow("begin") << u"BEGIN"_s;
    }

    void writeAttemptsAreRefused()
    {
        QFETCH(QString, sql);
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        engine->refresh();
        Database &db = engine->warehouse().database();
        const qint64 rowsBefore = db.scalar(u"SELECT count(*) FROM finance_gross_margin"_s).toLongLong();
        QVERIFY(rowsBefore > 0);
        KpiDefinition def = engine->definitions().first();
        def.sql = sql;
        const KpiQueryResult r = engine->testRun(def, KpiGrain::Month);
        QVERIFY2(!r.ok(), qPrintable(sql));
        QVERIFY2(r.error.contains(u"only read"_s) || r.error.contains(u"one statement"_s) ||
                     r.error.contains(u"refused"_s),
                 qPrintable(r.error));
        QCOMPARE(db.scalar(u"SELECT count(*) FROM finance_gross_margin"_s).toLongLong(), rowsBefore);
        QVERIFY(!QFileInfo::exists(u"/tmp/kpi-evil.sqlite"_s));
    }

    void runawayQueryIsStopped()
    {
        auto engine = openEngine(m_catalog);
        QVERIFY(engine);
        KpiQuery query(engine->warehouse().path());
        query.setTimeLimitMs(300);
        const KpiQueryResult r = query.run(
            u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i), 1 FROM n"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"longer than"_s), qPrintable(r.error));
    }

    void refreshIsIncrementalAndRollupsFollowChanges()
    {
        const QString catalog = freshCatalog(u"incremental"_s);
        const QString samples = DemoLoader::samplesDirFor(catalog);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        KpiRefreshReport r = engine->refresh();
        QCOMPARE(r.inputsLoaded, 9);
        QCOMPARE(r.kpisComputed, 6);
        // Nothing changed: nothing is reloaded or recomputed.
        r = engine->refresh();
        QCOMPARE(r.inputsLoaded, 0);
        QCOMPARE(r.inputsUnchanged, 9);
        QCOMPARE(r.kpisComputed, 0);
        QCOMPARE(r.kpisUnchanged, 6);

        // Touched but identical: the hash says unchanged.
        const QString gmFile = samples + u"/netsuite/gross_margin_monthly.csv"_s;
        QFile touch(gmFile);
        QVERIFY(touch.open(QIODevice::ReadWrite));
        QVERIFY(touch.setFileTime(QDateTime::currentDateTimeUtc().addSecs(60), QFileDevice::FileModificationTime));
        touch.close();
        r = engine->refresh();
        QCOMPARE(r.inputsLoaded, 0);
        QCOMPARE(r.kpisComputed, 0);

        // A new November row for one product line: only Gross Margin is recomputed, and its
        // rollups for the month, the quarter and the year equal the figure from the new file.
        QByteArray bytes = MeshTest::fileBytes(gmFile);
        QVERIFY(bytes.endsWith('\n'));
        bytes += "2026-11,223,Messy Inc. (US),Sensors,1000000.00,100000.00,900000.00,0.9000,open\n";
        QVERIFY(MeshTest::writeFile(gmFile, bytes));
        r = engine->refresh();
        QCOMPARE(r.inputsLoaded, 1);
        QCOMPARE(r.kpisComputed, 1);
        QCOMPARE(r.kpisUnchanged, 5);
        const struct
        {
            KpiGrain grain;
            QString period;
            bool quarter;
        } cases[] = {{KpiGrain::Month, u"2026-11"_s, false}, {KpiGrain::Quarter, u"2026-Q4"_s, true}};
        for (const auto &c : cases) {
            const KpiDashboard dash = engine->dashboard(c.grain, QDate(2026, 11, 20));
            const KpiTile *gm = tileOf(dash, u"kpi.gross-margin"_s);
            QVERIFY(gm);
            QCOMPARE(gm->period, c.period);
            const double expected = expectedFromSamples(samples, c.period, c.quarter).at(2).value;
            QVERIFY2(std::abs(*gm->value - expected) < 1e-12, qPrintable(u"%1 vs %2"_s.arg(*gm->value).arg(expected)));
        }
        // Rollups survive a reopen: the dashboard opens from them without recomputing.
        engine.reset();
        auto again = openEngine(catalog);
        const KpiDashboard reopened = again->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        const KpiTile *gm = tileOf(reopened, u"kpi.gross-margin"_s);
        QVERIFY(gm && gm->value);
        QVERIFY(std::abs(*gm->value - expectedFromSamples(samples, u"2026-11"_s, false).at(2).value) < 1e-12);
    }

private:
    /** Every row of table, ordered, as text (values printed exactly), for comparing two databases. */
    static QStringList dumpTable(Database &db, const QString &table)
    {
        QStringList out;
        Statement q = db.prepareOnce(u"SELECT * FROM \"%1\""_s.arg(table));
        while (q.step()) {
            QStringList cells;
            for (int c = 0; c < q.columnCount(); ++c)
                cells << (q.isNull(c) ? u"NULL"_s : QString::number(q.real(c), 'g', 17) + u"|"_s + q.text(c));
            out << cells.join(u'\t');
        }
        out.sort();
        return out;
    }

    static QString generated(QTemporaryDir &dir, const QString &name, qint64 rows)
    {
        const QString catalog = dir.filePath(name + u".mesh"_s);
        QString error;
        if (!KpiFacts::write(catalog, rows, 7, {}, &error))
            qWarning("%s", qPrintable(error));
        return catalog;
    }

    /** Each KPI at each grain: the rollups (from the stages) against the value SQL over the raw rows. */
    static void checkStagesEqualRaw(KpiEngine &engine)
    {
        for (KpiGrain g : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year}) {
            const QHash<QString, QList<KpiPoint>> rollups = engine.warehouse().rollups(g);
            for (const KpiDefinition &def : engine.definitions()) {
                const QString what = u"%1 by %2"_s.arg(def.key, KpiPeriod::grainName(g));
                QVERIFY2(def.hasStage(), qPrintable(what));
                const KpiQueryResult raw = engine.testRun(def, g);
                QVERIFY2(raw.ok(), qPrintable(raw.error));
                QString why;
                const QList<KpiPoint> expected = KpiEngine::pointsFrom(raw, &why);
                QVERIFY2(why.isEmpty(), qPrintable(why));
                const QList<KpiPoint> staged = rollups.value(def.key);
                QVERIFY2(expected.size() > (g == KpiGrain::Year ? 5 : 20), qPrintable(what));
                QCOMPARE(staged.size(), expected.size());
                for (qsizetype i = 0; i < expected.size(); ++i) {
                    const KpiPoint &e = expected.at(i), &a = staged.at(i);
                    QCOMPARE(a.period, e.period);
                    QCOMPARE(a.value.has_value(), e.value.has_value());
                    QCOMPARE(a.secondary.has_value(), e.secondary.has_value());
                    const auto close = [](double x, double y) {
                        return std::abs(x - y) <= 1e-9 * std::max({1.0, std::abs(x), std::abs(y)});
                    };
                    if (e.value)
                        QVERIFY2(close(*a.value, *e.value),
                                 qPrintable(u"%1 %2: stage %3, raw %4"_s.arg(what, e.period).arg(*a.value, 0, 'g', 17).arg(*e.value, 0, 'g', 17)));
                    if (e.secondary && def.key == u"kpi.product-release"_s) {
                        // The median cycle time is exact: the stage keeps each value with its count.
                        QCOMPARE(*a.secondary, *e.secondary);
                    } else if (e.secondary) {
                        QVERIFY2(close(*a.secondary, *e.secondary),
                                 qPrintable(u"%1 %2 secondary: stage %3, raw %4"_s.arg(what, e.period).arg(*a.secondary, 0, 'g', 17).arg(*e.secondary, 0, 'g', 17)));
                    }
                }
            }
        }
    }

private slots:
    void stagesGiveTheRawSqlFiguresOnGeneratedData()
    {
        QTemporaryDir dir;
        const QString catalog = generated(dir, u"facts"_s, 20000);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        const KpiRefreshReport r = engine->refresh();
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.stagesBuilt, 6);
        QCOMPARE(r.kpisComputed, 6);
        // The stages are small: one row per day (the median part: per month and value).
        Database &db = engine->warehouse().database();
        for (const KpiDefinition &def : engine->definitions()) {
            const qint64 n = db.scalar(u"SELECT count(*) FROM \"%1\""_s.arg(KpiDefinition::stageTable(def.key))).toLongLong();
            QVERIFY2(n > 0 && n < 20000, qPrintable(u"%1: %2 stage rows"_s.arg(def.key).arg(n)));
        }
        checkStagesEqualRaw(*engine);
        // The raw path gives the same rollups too (computeMany with Source::Raw).
        QVERIFY(engine->computeMany(engine->definitions(), nullptr, 0, KpiEngine::Source::Raw).isEmpty());
        checkStagesEqualRaw(*engine);
    }

    void incrementalChangeEqualsRebuild()
    {
        QTemporaryDir dir;
        const QString catalog = generated(dir, u"incr"_s, 20000);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        QVERIFY(engine->refresh().problems.isEmpty());

        // One input changes: rows removed, changed and added in the production runs.
        const QString runs = KpiFacts::csvPath(catalog, u"mfg.production-runs"_s);
        QList<QByteArray> lines = MeshTest::fileBytes(runs).split('\n');
        QVERIFY(lines.size() > 1000);
        lines.remove(10, 200);                   // removed
        QList<QByteArray> cells = lines[5].split(',');
        cells[6] = "12";                         // changed: actual run minutes
        lines[5] = cells.join(',');
        lines.insert(lines.size() - 1, "R-new-1,LEE-L1,SNS-101,A,2026-11-19 06:00:00,450,400,12.0,1000,990");
        lines.insert(lines.size() - 1, "R-new-2,LEE-L2,SNS-102,B,2019-01-01 14:00:00,450,100,15.0,800,100");
        QVERIFY(MeshTest::writeFile(runs, lines.join('\n')));
        const KpiRefreshReport r = engine->refresh();
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(u'\n')));
        QCOMPARE(r.inputsLoaded, 1);
        QCOMPARE(r.stagesBuilt, 1); // only OEE reads it
        QCOMPARE(r.kpisComputed, 1);
        QCOMPARE(r.kpisUnchanged, 5);
        checkStagesEqualRaw(*engine);

        // A rebuild from scratch (a new analytics database) holds the same stages and rollups.
        QString error;
        auto fresh = KpiEngine::open(catalog, &error, &demoNow, dir.filePath(u"rebuilt-analytics.sqlite"_s));
        QVERIFY2(fresh, qPrintable(error));
        QVERIFY(fresh->refresh().problems.isEmpty());
        for (const KpiDefinition &def : engine->definitions()) {
            const QString table = KpiDefinition::stageTable(def.key);
            const QStringList a = dumpTable(engine->warehouse().database(), table);
            QVERIFY(!a.isEmpty());
            QCOMPARE(a, dumpTable(fresh->warehouse().database(), table));
        }
        QCOMPARE(dumpTable(engine->warehouse().database(), u"kpi_rollups"_s),
                 dumpTable(fresh->warehouse().database(), u"kpi_rollups"_s));
        // And the new rows are in: 2026-11-19 and 2019-01-01 have a run each that was not there.
        QVERIFY(engine->warehouse().database().scalar(u"SELECT count(*) FROM mfg_production_runs WHERE run_id LIKE 'R-new-%'"_s).toInt() == 2);
    }

    void stageDefinitionsRoundTripAndAreChecked()
    {
        const QString catalog = freshCatalog(u"stages"_s);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        QVERIFY(engine->refresh().problems.isEmpty());
        KpiDefinition def = *KpiStore(engine->catalog()).definition(u"kpi.marketing-leads"_s);
        QVERIFY(def.hasStage());
        KpiDefinition back = KpiDefinition::fromJson(def.toJson()); // the export format
        QCOMPARE(back.stageSql, def.stageSql);
        QCOMPARE(back.periodSql, def.periodSql);
        back.updatedAt = def.updatedAt; // who saved it and when are the catalog's, not exported
        back.updatedBy = def.updatedBy;
        QCOMPARE(back, def);

        // A period SQL that gives other figures than the value SQL is not saved.
        KpiDefinition wrong = def;
        wrong.periodSql.replace(u"sum(leads) AS value"_s, u"sum(leads) + 1 AS value"_s);
        QVERIFY(wrong.periodSql != def.periodSql);
        QString error;
        QVERIFY(!engine->saveDefinition(wrong, u"nadia.haddad"_s, &error));
        QVERIFY2(error.contains(u"does not give the value SQL"_s), qPrintable(error));
        const KpiQueryResult tr = engine->testRunAll(wrong, KpiGrain::Month);
        QVERIFY(!tr.ok());
        QVERIFY2(tr.error.contains(u"does not give the value SQL"_s), qPrintable(tr.error));
        // Half a stage is refused, and so is a stage that writes.
        KpiDefinition half = def;
        half.periodSql.clear();
        QVERIFY(!engine->testRunAll(half, KpiGrain::Month).ok());
        KpiDefinition writes = def;
        writes.stageSql = u"DELETE FROM sales_marketing_leads"_s;
        KpiQueryResult w = engine->testRunAll(writes, KpiGrain::Month);
        QVERIFY2(!w.ok() && w.error.startsWith(u"Stage SQL: "_s) && w.error.contains(u"only read"_s), qPrintable(w.error));
        writes = def;
        writes.periodSql = u"DROP TABLE kpi_marketing_leads__stage"_s;
        w = engine->testRunAll(writes, KpiGrain::Month);
        QVERIFY2(!w.ok() && w.error.startsWith(u"Period SQL: "_s), qPrintable(w.error));
        QVERIFY(engine->warehouse().database().scalar(u"SELECT count(*) FROM sales_marketing_leads"_s).toInt() > 0);
        QVERIFY(engine->warehouse().database().scalar(u"SELECT count(*) FROM kpi_marketing_leads__stage"_s).toInt() > 0);
        // The test run of a good stage says it matches.
        const KpiQueryResult ok = engine->testRunAll(def, KpiGrain::Quarter);
        QVERIFY2(ok.ok(), qPrintable(ok.error));
        QVERIFY2(ok.note.contains(u"equal the value SQL"_s), qPrintable(ok.note));

        // An owner's definition without a stage is computed from the value SQL, as before.
        KpiDefinition plain = def;
        plain.stageSql.clear();
        plain.periodSql.clear();
        QVERIFY2(engine->saveDefinition(plain, u"nadia.haddad"_s, &error), qPrintable(error));
        QVERIFY(!KpiStore(engine->catalog()).definition(def.key)->hasStage());
        const KpiDashboard dash = engine->dashboard(KpiGrain::Month, QDate(2026, 11, 20));
        QVERIFY(tileOf(dash, def.key)->value.has_value());

        // A catalog whose stored demo definitions predate stages gets them on open, unless
        // the owner changed the value SQL.
        Database &cat = engine->catalog().database();
        QVERIFY(cat.exec(u"UPDATE kpi_definitions SET stage_sql = '', period_sql = ''"_s));
        QVERIFY(cat.exec(u"UPDATE kpi_definitions SET sql = sql || ' ' WHERE key = 'kpi.oee'"_s));
        engine.reset();
        engine = openEngine(catalog);
        for (const KpiDefinition &d : engine->definitions())
            QCOMPARE(d.hasStage(), d.key != u"kpi.oee"_s);
        QVERIFY(engine->refresh().problems.isEmpty());
    }

    void onlyOwnersSaveDefinitions()
    {
        const QString catalog = freshCatalog(u"owners"_s);
        auto engine = openEngine(catalog);
        QVERIFY(engine);
        engine->refresh();
        KpiDefinition def = *KpiStore(engine->catalog()).definition(u"kpi.oee"_s);
        def.target = 0.8;
        def.green = 0.8;
        def.inputs << u"mfg.downtime-events"_s;
        QString error;
        bool refused = false;
        QVERIFY(!engine->saveDefinition(def, u"someone.unknown"_s, &error, &refused));
        QVERIFY(refused);
        QVERIFY2(error.contains(u"owner"_s), qPrintable(error));
        QCOMPARE(*KpiStore(engine->catalog()).definition(u"kpi.oee"_s)->target, 0.85);

        QVERIFY2(engine->saveDefinition(def, u"nadia.haddad"_s, &error, &refused), qPrintable(error));
        const KpiDefinition saved = *KpiStore(engine->catalog()).definition(u"kpi.oee"_s);
        QCOMPARE(*saved.target, 0.8);
        QCOMPARE(saved.updatedBy, u"nadia.haddad"_s);
        // The new input became a lineage edge into the KPI.
        bool edge = false;
        for (const LineageEdge &e : engine->catalog().lineageOf(u"kpi.oee"_s))
            edge = edge || (e.fromKey == u"mfg.downtime-events"_s && e.jobName == QLatin1String(KpiStore::kLineageJob));
        QVERIFY(edge);
    }

    void periodsAndMacro_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<int>("grain");
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("previous");
        QTest::newRow("month") << u"2026-01-15"_s << int(KpiGrain::Month) << u"2026-01"_s << u"2025-12"_s;
        QTest::newRow("quarter q1") << u"2026-03-31T23:00:00Z"_s << int(KpiGrain::Quarter) << u"2026-Q1"_s << u"2025-Q4"_s;
        QTest::newRow("quarter q4") << u"2026-10-01"_s << int(KpiGrain::Quarter) << u"2026-Q4"_s << u"2026-Q3"_s;
        QTest::newRow("year") << u"2026-11-20 06:00:00"_s << int(KpiGrain::Year) << u"2026"_s << u"2025"_s;
    }

    void periodsAndMacro()
    {
        QFETCH(QString, date);
        QFETCH(int, grain);
        QFETCH(QString, period);
        QFETCH(QString, previous);
        const auto g = KpiGrain(grain);
        QCOMPARE(KpiPeriod::of(QDate::fromString(date.left(10), Qt::ISODate), g), period);
        QCOMPARE(KpiPeriod::previous(period, g), previous);
        // The SQL macro gives the same period inside SQLite.
        auto db = Database::open(u":memory:"_s, Database::Mode::ReadWriteCreate, nullptr);
        QVERIFY(db);
        const QString sql = KpiPeriod::expandMacro(u"SELECT PERIOD('%1')"_s.arg(date), g);
        QVERIFY2(!sql.contains(u"PERIOD"_s), qPrintable(sql));
        QCOMPARE(db->scalar(sql).toString(), period);
    }

    void tileWarnsAboutAlertsOnInputsAndUpstreamOnly()
    {
        const auto alert = [](const QString &product, QualityFinding::Kind kind, int distance) {
            AffectingAlert a;
            a.alert.id = distance * 10 + int(kind);
            a.alert.finding.productKey = product;
            a.alert.finding.kind = kind;
            a.distance = distance;
            return a;
        };
        KpiTile tile;
        tile.definition.key = QStringLiteral("kpi.x");
        tile.definition.name = QStringLiteral("X");
        KpiInputStatus in;
        in.productKey = QStringLiteral("a.input");
        in.name = QStringLiteral("The Input");
        tile.inputs << in;
        tile.status = KpiTile::Status::Green;
        // The KPI product's own alert does not touch the number: no warning.
        tile.applyAlerts({alert(QStringLiteral("kpi.x"), QualityFinding::Kind::Missing, 0)});
        QVERIFY(tile.alerts.isEmpty());
        QCOMPARE(tile.status, KpiTile::Status::Green);
        // An input's and an upstream product's do.
        tile.applyAlerts({alert(QStringLiteral("kpi.x"), QualityFinding::Kind::Missing, 0),
                          alert(QStringLiteral("a.input"), QualityFinding::Kind::Drift, 1),
                          alert(QStringLiteral("b.raw"), QualityFinding::Kind::Duplicate, 2)},
                         {{QStringLiteral("b.raw"), QStringLiteral("Raw B")}});
        QCOMPARE(tile.alerts.size(), 2);
        QCOMPARE(tile.status, KpiTile::Status::Warning);
        QCOMPARE(tile.alertKinds(), (QStringList{QStringLiteral("duplicate"), QStringLiteral("drift")}));
        QCOMPARE(tile.alertProducts(), (QStringList{QStringLiteral("The Input"), QStringLiteral("Raw B")}));
        QCOMPARE(tile.productName(QStringLiteral("c.unknown")), QStringLiteral("c.unknown"));
        // A broken tile stays an error.
        KpiTile broken = tile;
        broken.status = KpiTile::Status::Error;
        broken.applyAlerts(tile.alerts);
        QCOMPARE(broken.status, KpiTile::Status::Error);
    }
};

QTEST_GUILESS_MAIN(TestKpiEngine)
#include "tst_kpiengine.moc"
