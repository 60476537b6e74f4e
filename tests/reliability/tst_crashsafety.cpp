// SPDX-License-Identifier: MIT
// Kills meshctl with SIGKILL at random moments of a long write, 100 times with a fixed seed, and
// checks after each kill that the catalog is intact and the write is all-or-nothing.
//
// A case is a long meshctl write plus a fingerprint of what it changes: the fingerprint after a
// kill must equal the one before the write or the one after an uninterrupted run, and when
// meshctl had reported the write as done it must equal the latter. To add sync, metadata edits
// or KPI refresh, append a CrashCase to cases() with its command and fingerprint query.
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "openlineagegen.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <limits>
#include <random>

using namespace Mesh;

namespace {

struct CrashCase
{
    QString name;
    /** Creates the inputs in dir (once); the catalog is a fresh demo copy each run. */
    std::function<bool(const QString &dir)> prepare;
    /** meshctl's arguments for the write into `catalog`. */
    std::function<QStringList(const QString &dir, const QString &catalog)> arguments;
    /** One SQL query whose single text result changes exactly when the write is applied. */
    QString fingerprintSql;
    /** A line meshctl prints only after the write was committed. */
    QString committedMarker;
};

QList<CrashCase> cases()
{
    return {
        {QStringLiteral("import-openlineage"),
         [](const QString &dir) {
             // ~3 MB: 250 events, 6 × 4 dataset edges, column lineage and an 8 KB run facet
             // each (about 0.5 s of work on the CI machine).
             return TestGen::writeOpenLineageEvents(dir + QStringLiteral("/events.ndjson"), 250,
                                                    6, 4, true, 8192) > 0;
         },
         [](const QString &dir, const QString &catalog) {
             return QStringList{QStringLiteral("import-openlineage"), catalog,
                                dir + QStringLiteral("/events.ndjson")};
         },
         QStringLiteral("SELECT (SELECT count(*) FROM ol_datasets) || '/' || "
                        "(SELECT count(*) FROM ol_fields) || '/' || "
                        "(SELECT count(*) FROM dataset_lineage) || '/' || "
                        "(SELECT count(*) FROM column_lineage) || '/' || "
                        "(SELECT count(*) FROM ol_runs) || '/' || "
                        "(SELECT count(*) FROM lineage_edges)"),
         QStringLiteral("Imported ")},
    };
}

/** integrity_check, then the fingerprint; opens read-write as the next meshctl would. */
bool inspect(const QString &path, const QString &fingerprintSql, QString *fingerprint,
             QString *problem)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK) {
        *problem = QStringLiteral("cannot open: ") + QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    auto text = [&](const QString &sql, QString *result) {
        sqlite3_stmt *st = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK &&
                  sqlite3_step(st) == SQLITE_ROW;
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
    ok = ok && text(fingerprintSql, fingerprint);
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
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(base, &error), qPrintable(error.message));
    QVERIFY(c.prepare(dir.path()));

    QString before;
    QString problem;
    QVERIFY2(inspect(base, c.fingerprintSql, &before, &problem), qPrintable(problem));

    // One run to the end: how long the write takes and what it leaves.
    auto fresh = [&] {
        removeCatalog(work);
        return QFile::copy(base, work);
    };
    // Two runs to the end: how long the write takes (the shorter, so a load spike does not
    // stretch the kill window) and what it leaves.
    qint64 fullMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 2; ++i) {
        QVERIFY(fresh());
        QProcess full;
        QElapsedTimer timer;
        timer.start();
        full.start(QStringLiteral(MESHCTL), c.arguments(dir.path(), work));
        QVERIFY(full.waitForFinished(120000));
        fullMs = std::min(fullMs, timer.elapsed());
        QCOMPARE(full.exitCode(), 0);
        QVERIFY(QString::fromUtf8(full.readAllStandardOutput()).contains(c.committedMarker));
    }
    QString after;
    QVERIFY2(inspect(work, c.fingerprintSql, &after, &problem), qPrintable(problem));
    QVERIFY2(after != before, "the write changes the catalog");

    std::mt19937 random(11); // fixed seed: the same kill moments every run
    // Up to 1.2 × the full run, so that some runs finish (or die after committing) too.
    std::uniform_int_distribution<qint64> moment(0, fullMs * 6 / 5);
    int killed = 0, finished = 0, applied = 0, reportedCommitted = 0;
    for (int run = 0; run < 100; ++run) {
        QVERIFY(fresh());
        const qint64 killAt = moment(random);
        QProcess p;
        p.start(QStringLiteral(MESHCTL), c.arguments(dir.path(), work));
        QVERIFY(p.waitForStarted());
        if (p.waitForFinished(int(killAt))) {
            ++finished;
        } else {
            p.kill(); // SIGKILL
            QVERIFY(p.waitForFinished(10000));
            ++killed;
        }
        const bool committed = QString::fromUtf8(p.readAllStandardOutput()).contains(c.committedMarker);
        reportedCommitted += committed;
        QString now;
        const QString where = QStringLiteral("run %1 (kill at %2 ms): ").arg(run).arg(killAt);
        QVERIFY2(inspect(work, c.fingerprintSql, &now, &problem), qPrintable(where + problem));
        QVERIFY2(now == before || now == after,
                 qPrintable(where + QStringLiteral("half-applied: %1, before %2, after %3")
                                        .arg(now, before, after)));
        if (committed)
            QVERIFY2(now == after, qPrintable(where + QStringLiteral("reported committed but lost")));
        applied += now == after;
        QVERIFY2(!QFile::exists(work + QStringLiteral("-journal")),
                 qPrintable(where + QStringLiteral("a rollback journal was left behind")));
        // The next open through the catalog's own code works and can write.
        auto store = SqliteCatalogStore::open(work, SqliteCatalogStore::OpenMode::ReadWrite, &error);
        QVERIFY2(store, qPrintable(where + error.message));
        QVERIFY2(store->setMetadata(QStringLiteral("crash-test"), QString::number(run), &error),
                 qPrintable(where + error.message));
    }
    qInfo("%s: full run %lld ms; 100 runs: %d killed, %d finished first, %d left the write "
          "applied, %d reported committed",
          qPrintable(c.name), fullMs, killed, finished, applied, reportedCommitted);
    QVERIFY2(killed >= 30, "many kills land while the write is running");
    QVERIFY2(applied < 100, "some kills land before the commit");
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
