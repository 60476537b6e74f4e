// SPDX-License-Identifier: MIT
// Kills meshctl with SIGKILL at random moments of a long write, 100 times with a fixed seed (more
// when load left one side of the commits unhit), and checks after each kill that the catalog is
// intact and every write is all-or-nothing.
//
// A case is a sequence of meshctl commands (one long write, or a batch of small ones) and a list
// of "parts": one SQL fingerprint per unit that must change atomically (one source of a sync, one
// saved edit, one KPI's rollups at one grain). After a kill each part must equal its value before
// the case or after an uninterrupted run; a part whose command (or whose own marker line) said it
// was committed must equal the latter, and a part whose command never started the former.
// Cases: OpenLineage import, federated sync of two sources, a batch of metadata edits, and a KPI
// refresh (checked in the analytics database, and refreshed again after some kills to show it
// recovers).
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "openlineagegen.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>
#include <random>

using namespace Mesh;

namespace {

struct Part
{
    int step = 0;        // the command that writes it
    QString sql;         // one text result that changes exactly when the unit is applied
    QString marker;      // a line printed only after this unit was committed (empty: the step's)
};

struct CrashCase
{
    QString name;
    /** Creates the inputs in dir and may change the base catalog (once, before any run). */
    std::function<bool(const QString &dir, const QString &base)> prepare;
    /** The meshctl commands run one after another on `catalog`. */
    std::function<QList<QStringList>(const QString &dir, const QString &catalog)> steps;
    QList<Part> parts;
    /** A line a step prints only after all its writes were committed. */
    QString committedMarker;
    /** The file the parts live in, as a suffix replacing ".mesh" (empty: the catalog). */
    QString databaseSuffix;
    /** After every Nth kill, rerun the steps and expect the uninterrupted result (0: never). */
    int recoverEvery = 0;
};

QString runMeshctl(const QStringList &args, int *exitCode)
{
    QProcess p;
    p.start(QStringLiteral(MESHCTL), args);
    p.waitForFinished(120000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

const char *const kEditProducts[] = {"sales.hubspot-deals",   "sales.marketing-leads",
                                     "product.jira-issues",   "product.jira-releases",
                                     "finance.gross-margin",  "cs.renewals",
                                     "mfg.production-runs",   "people.workday-workers"};

QList<CrashCase> cases()
{
    QList<CrashCase> all;
    all.append({QStringLiteral("import-openlineage"),
                [](const QString &dir, const QString &) {
                    // ~3 MB: 250 events, 6 × 4 dataset edges, column lineage and an 8 KB run
                    // facet each (about 0.5 s of work on the CI machine).
                    return TestGen::writeOpenLineageEvents(dir + QStringLiteral("/events.ndjson"),
                                                           250, 6, 4, true, 8192) > 0;
                },
                [](const QString &dir, const QString &catalog) {
                    return QList<QStringList>{{QStringLiteral("import-openlineage"), catalog,
                                               dir + QStringLiteral("/events.ndjson")}};
                },
                {{0,
                  QStringLiteral("SELECT (SELECT count(*) FROM ol_datasets) || '/' || "
                                 "(SELECT count(*) FROM ol_fields) || '/' || "
                                 "(SELECT count(*) FROM dataset_lineage) || '/' || "
                                 "(SELECT count(*) FROM column_lineage) || '/' || "
                                 "(SELECT count(*) FROM ol_runs) || '/' || "
                                 "(SELECT count(*) FROM lineage_edges)"),
                  {}}},
                QStringLiteral("Imported "),
                {},
                0});

    // Two Mesh Explorer JSON sources read from files: each is written in its own transaction,
    // so after a kill each is entirely old or entirely new, never a mix.
    QList<Part> sourceParts;
    for (const char *name : {"a", "b"})
        sourceParts.append(
            {0,
             QStringLiteral("SELECT (SELECT count(*) FROM products WHERE source_id = s.id) || '/' || "
                            "(SELECT count(*) FROM columns c JOIN datasets d ON d.id = c.dataset_id "
                            "JOIN products p ON p.id = d.product_id WHERE p.source_id = s.id) || '/' "
                            "|| (SELECT count(*) FROM lineage_edges e JOIN products p ON p.id = "
                            "e.to_id WHERE p.source_id = s.id) || '/' || (SELECT count(*) FROM "
                            "product_fts f JOIN products p ON p.id = f.rowid WHERE p.source_id = "
                            "s.id) FROM sources s WHERE s.name = '%1'")
                 .arg(QLatin1String(name)),
             QStringLiteral("%1: synced").arg(QLatin1String(name))});
    all.append({QStringLiteral("sync-two-sources"),
                [](const QString &dir, const QString &base) {
                    int code = 0;
                    const QString gen = dir + QStringLiteral("/gen.mesh");
                    const QString json = dir + QStringLiteral("/source.json");
                    runMeshctl({QStringLiteral("generate"), QStringLiteral("--products"),
                                QStringLiteral("600"), QStringLiteral("--out"), gen},
                               &code);
                    if (code != 0)
                        return false;
                    runMeshctl({QStringLiteral("export"), gen, QStringLiteral("--out"), json}, &code);
                    if (code != 0)
                        return false;
                    for (const char *name : {"a", "b"}) {
                        runMeshctl({QStringLiteral("sources"), QStringLiteral("add"), base,
                                    QStringLiteral("--name"), QLatin1String(name),
                                    QStringLiteral("--type"), QStringLiteral("mesh-json"),
                                    QStringLiteral("--url"), QStringLiteral("file://") + json},
                                   &code);
                        if (code != 0)
                            return false;
                    }
                    return true;
                },
                [](const QString &, const QString &catalog) {
                    return QList<QStringList>{{QStringLiteral("sync"), catalog}};
                },
                sourceParts,
                QStringLiteral("b: synced"),
                {},
                0});

    // A batch of edits, one meshctl process each, as a steward's script would run them: every
    // edit reported saved is there after a kill, with both of its fields.
    QList<Part> editParts;
    for (int i = 0; i < int(std::size(kEditProducts)); ++i)
        editParts.append({i,
                          QStringLiteral("SELECT p.description || '|' || coalesce((SELECT "
                                         "group_concat(tag, ',') FROM (SELECT tag FROM product_tags "
                                         "WHERE product_id = p.id ORDER BY tag)), '') FROM products "
                                         "p WHERE p.key = '%1'")
                              .arg(QLatin1String(kEditProducts[i])),
                          {}});
    all.append({QStringLiteral("metadata-edits"),
                [](const QString &, const QString &) { return true; },
                [](const QString &, const QString &catalog) {
                    QList<QStringList> steps;
                    CatalogError error;
                    auto store = SqliteCatalogStore::open(
                        catalog, SqliteCatalogStore::OpenMode::ReadOnly, &error);
                    if (!store)
                        return steps;
                    for (const char *key : kEditProducts) {
                        const auto product = store->productByKey(QLatin1String(key));
                        steps.append({QStringLiteral("edit"), catalog, QLatin1String(key),
                                      QStringLiteral("--field"), QStringLiteral("description"),
                                      QStringLiteral("--value"),
                                      QStringLiteral("Checked after the crash test. ") +
                                          (product ? product->description : QString()),
                                      QStringLiteral("--field"), QStringLiteral("tags"),
                                      QStringLiteral("--value"), QStringLiteral("crash-tested,reviewed"),
                                      QStringLiteral("--as"), product ? product->ownerId : QString()});
                    }
                    return steps;
                },
                editParts,
                QStringLiteral("Saved "),
                {},
                0});

    // The KPI refresh: inputs loaded and rollups written in the analytics database beside the
    // catalog; each KPI's rollups at a grain are one unit.
    QList<Part> kpiParts;
    for (const char *kpi : {"kpi.sales-forecast", "kpi.customer-success", "kpi.gross-margin",
                            "kpi.product-release", "kpi.marketing-leads", "kpi.oee"})
        for (const char *grain : {"month", "quarter", "year"})
            kpiParts.append({0,
                             QStringLiteral("SELECT coalesce((SELECT group_concat(period || '=' || "
                                            "printf('%.9g', value), ',') FROM (SELECT period, value "
                                            "FROM kpi_rollups WHERE kpi_key = '%1' AND grain = '%2' "
                                            "ORDER BY period)), '')")
                                 .arg(QLatin1String(kpi), QLatin1String(grain)),
                             {}});
    all.append({QStringLiteral("kpi-refresh"),
                [](const QString &, const QString &) { return true; },
                [](const QString &, const QString &catalog) {
                    return QList<QStringList>{{QStringLiteral("kpi"), catalog}};
                },
                kpiParts,
                QStringLiteral("Manufacturing Efficiency"),
                QStringLiteral("-analytics.sqlite"),
                10});
    return all;
}

/**
 * integrity_check, then each part's fingerprint; opens read-write as the next meshctl would.
 * A database that does not exist yet (the analytics file before the first refresh) or a table
 * not created yet reads as empty fingerprints: the state before the case.
 */
bool inspect(const QString &path, const QList<Part> &parts, QStringList *fingerprints,
             QString *problem)
{
    fingerprints->clear();
    if (!QFile::exists(path)) {
        for (qsizetype i = 0; i < parts.size(); ++i)
            fingerprints->append(QString());
        return true;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK) {
        *problem = QStringLiteral("cannot open: ") + QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    auto text = [&](const QString &sql, QString *result) {
        sqlite3_stmt *st = nullptr;
        const int prepared = sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr);
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        if (prepared != SQLITE_OK && message.startsWith(QStringLiteral("no such table"))) {
            result->clear();
            return true;
        }
        bool ok = prepared == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
        if (ok)
            *result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        else
            *problem = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return ok;
    };
    QString integrity;
    bool ok = text(QStringLiteral("PRAGMA integrity_check"), &integrity);
    if (ok && integrity != u"ok") {
        *problem = QStringLiteral("integrity_check: ") + integrity;
        ok = false;
    }
    for (const Part &part : parts) {
        QString value;
        ok = ok && text(part.sql, &value);
        fingerprints->append(value);
    }
    sqlite3_close(db);
    return ok;
}

void removeCatalog(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void survivesSigkillAtRandomMoments_data();
    void survivesSigkillAtRandomMoments();
};

void TestCrashSafety::survivesSigkillAtRandomMoments_data()
{
    QTest::addColumn<int>("index");
    const QList<CrashCase> all = cases();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(qPrintable(all.at(i).name)) << i;
}

void TestCrashSafety::survivesSigkillAtRandomMoments()
{
    QFETCH(int, index);
    const CrashCase c = cases().at(index);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString base = dir.filePath(QStringLiteral("base.mesh"));
    const QString work = dir.filePath(QStringLiteral("work.mesh"));
    const QString inspected = c.databaseSuffix.isEmpty()
                                  ? work
                                  : dir.filePath(QStringLiteral("work") + c.databaseSuffix);
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(base, &error), qPrintable(error.message));
    QVERIFY(c.prepare(dir.path(), base));

    auto fresh = [&] {
        removeCatalog(work);
        if (inspected != work)
            removeCatalog(inspected);
        return QFile::copy(base, work);
    };
    QStringList before, after, now;
    QString problem;
    QVERIFY(fresh());
    QVERIFY2(inspect(inspected, c.parts, &before, &problem), qPrintable(problem));
    const QList<QStringList> steps = c.steps(dir.path(), work);
    QVERIFY(!steps.isEmpty());

    // Runs the steps one after another until they end or the kill moment comes. Returns, per
    // step, its output, and whether it started and finished (exit 0).
    struct StepRun
    {
        bool started = false;
        bool finished = false;
        QString output;
    };
    auto runSteps = [&](qint64 killAtMs, bool *killed) {
        QList<StepRun> runs(steps.size());
        QElapsedTimer clock;
        clock.start();
        *killed = false;
        for (qsizetype i = 0; i < steps.size() && !*killed; ++i) {
            QProcess p;
            p.start(QStringLiteral(MESHCTL), steps.at(i));
            if (!p.waitForStarted())
                break;
            runs[i].started = true;
            const qint64 left = killAtMs - clock.elapsed();
            if (left > 0 && p.waitForFinished(int(left))) {
                runs[i].finished = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
            } else {
                p.kill(); // SIGKILL
                p.waitForFinished(10000);
                *killed = true;
            }
            runs[i].output = QString::fromUtf8(p.readAllStandardOutput());
        }
        return runs;
    };

    // Two runs to the end: how long the steps take (the shorter, so a load spike does not
    // stretch the kill window) and what they leave.
    qint64 fullMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 2; ++i) {
        QVERIFY(fresh());
        QElapsedTimer timer;
        timer.start();
        bool killed = false;
        const QList<StepRun> runs = runSteps(std::numeric_limits<int>::max(), &killed);
        fullMs = std::min(fullMs, timer.elapsed());
        for (const StepRun &r : runs) {
            QVERIFY2(r.finished, qPrintable(c.name + QStringLiteral(": ") + r.output));
            QVERIFY2(r.output.contains(c.committedMarker), qPrintable(r.output));
        }
    }
    QVERIFY2(inspect(inspected, c.parts, &after, &problem), qPrintable(problem));
    for (qsizetype i = 0; i < c.parts.size(); ++i)
        QVERIFY2(after.at(i) != before.at(i),
                 qPrintable(QStringLiteral("part %1 changes when the steps run").arg(i)));

    std::mt19937 random(11); // fixed seed: the same kill moments every run
    // Up to 1.2 × the full run, so that some runs finish (or die after committing) too.
    std::uniform_int_distribution<qint64> moment(0, fullMs * 6 / 5);
    int killed = 0, finished = 0, partsApplied = 0, partsCommitted = 0, recovered = 0;
    qsizetype partChecks = 0;
    // The kills must land on both sides of the commits. When the machine's load changed the
    // steps' speed so much that the first 100 moments all fell on one side, up to 100 more runs
    // aim at the side still missing (every run is checked in full either way).
    auto coverageMissing = [&] {
        return killed < 30 || partsApplied == partChecks || partsApplied == 0;
    };
    for (int run = 0; run < 100 || (run < 200 && coverageMissing()); ++run) {
        QVERIFY(fresh());
        qint64 killAt = moment(random);
        if (run >= 100)
            killAt = partsApplied == 0 ? fullMs + killAt * 2 // late: after the commits
                                       : killAt / 3;        // early: while the write runs
        partChecks += c.parts.size();
        bool wasKilled = false;
        const QList<StepRun> runs = runSteps(killAt, &wasKilled);
        wasKilled ? ++killed : ++finished;
        const QString where = QStringLiteral("run %1 (kill at %2 ms): ").arg(run).arg(killAt);
        QVERIFY2(inspect(inspected, c.parts, &now, &problem), qPrintable(where + problem));
        for (qsizetype i = 0; i < c.parts.size(); ++i) {
            const Part &part = c.parts.at(i);
            const StepRun &step = runs.at(part.step);
            const QString what = where + QStringLiteral("part %1: ").arg(i);
            QVERIFY2(now.at(i) == before.at(i) || now.at(i) == after.at(i),
                     qPrintable(what + QStringLiteral("half-applied: %1, before %2, after %3")
                                           .arg(now.at(i), before.at(i), after.at(i))));
            const bool committed = part.marker.isEmpty()
                                       ? step.finished && step.output.contains(c.committedMarker)
                                       : step.output.contains(part.marker);
            if (committed)
                QVERIFY2(now.at(i) == after.at(i), qPrintable(what + QStringLiteral("reported "
                                                                                    "committed but lost")));
            if (!step.started)
                QVERIFY2(now.at(i) == before.at(i),
                         qPrintable(what + QStringLiteral("changed by a step that never ran")));
            partsCommitted += committed;
            partsApplied += now.at(i) == after.at(i);
        }
        // The catalog is in WAL mode from its creation, so a rollback journal beside it would mean
        // a write outside the store's own mode. The analytics database is created by the KPI
        // refresh itself: a kill while it is being created and switched to WAL can leave a hot
        // journal, which SQLite rolls back on the next open (checked above by integrity_check
        // and, every tenth kill, by the rerun ending where an uninterrupted run does).
        QVERIFY2(!QFile::exists(work + QStringLiteral("-journal")),
                 qPrintable(where + QStringLiteral("a rollback journal was left behind")));
        // The next open through the catalog's own code works and can write.
        {
            auto store = SqliteCatalogStore::open(work, SqliteCatalogStore::OpenMode::ReadWrite, &error);
            QVERIFY2(store, qPrintable(where + error.message));
            QVERIFY2(store->setMetadata(QStringLiteral("crash-test"), QString::number(run), &error),
                     qPrintable(where + error.message));
        }
        // And running the steps again after the crash ends where an uninterrupted run does.
        if (c.recoverEvery > 0 && wasKilled && killed % c.recoverEvery == 0) {
            bool again = false;
            for (const StepRun &r : runSteps(std::numeric_limits<int>::max(), &again))
                QVERIFY2(r.finished, qPrintable(where + QStringLiteral("rerun failed: ") + r.output));
            QVERIFY2(inspect(inspected, c.parts, &now, &problem), qPrintable(where + problem));
            QVERIFY2(now == after, qPrintable(where + QStringLiteral("the rerun after the crash "
                                                                     "did not recover")));
            ++recovered;
        }
    }
    qInfo("%s: full run %lld ms; %d runs: %d killed, %d finished first; of %lld part checks %d "
          "found the write applied and %d were reported committed; %d recoveries checked",
          qPrintable(c.name), fullMs, killed + finished, killed, finished, qlonglong(partChecks),
          partsApplied, partsCommitted, recovered);
    QVERIFY2(killed >= 30, "many kills land while the write is running");
    QVERIFY2(partsApplied < partChecks, "some kills land before a commit");
    QVERIFY2(partsApplied > 0, "some kills land after a commit");
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
