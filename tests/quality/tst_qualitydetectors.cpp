// SPDX-License-Identifier: MIT
// Each quality detector on crafted data: freshness, missing days, duplicates, schema drift
// (declared and between snapshots), null-rate spikes, and type inference.
#include "quality/qualitydetectors.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;
using namespace Mesh::QualityDetectors;

namespace {

const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

SampleTable table(const QStringList &columns, const QList<QStringList> &rows)
{
    SampleTable t;
    t.columns = columns;
    t.rows = rows;
    return t;
}

Dataset dataset(const QList<QPair<QString, QString>> &columns)
{
    Dataset ds;
    ds.name = QStringLiteral("t");
    for (const auto &[name, type] : columns)
        ds.columns.append({0, name, type, QString(), QString(), {}});
    return ds;
}

/** A daily series from first for n days, skipping the given day offsets. */
QList<QStringList> daily(QDate first, int n, const QSet<int> &skip = {}, int lateDay = -1)
{
    QList<QStringList> rows;
    for (int i = 0; i < n; ++i) {
        if (skip.contains(i))
            continue;
        const QDate d = first.addDays(i);
        const QDateTime loaded(d.addDays(1), QTime(i == lateDay ? 0 : 6, 0), Qt::UTC);
        rows.append({d.toString(Qt::ISODate), QString::number(i),
                     (i == lateDay ? loaded.addDays(3) : loaded).toString(Qt::ISODate)});
    }
    return rows;
}

} // namespace

class TestQualityDetectors : public QObject
{
    Q_OBJECT

private slots:
    void freshnessFlagsLateProducts()
    {
        Product p;
        p.key = QStringLiteral("a.x");
        p.freshnessSlaHours = 24;
        p.updatedAt = kNow.addSecs(-23 * 3600);
        QVERIFY(!freshness(p, kNow));
        p.updatedAt = kNow.addSecs(-30 * 3600);
        const auto late = freshness(p, kNow);
        QVERIFY(late);
        QCOMPARE(late->kind, QualityFinding::Kind::Missing);
        QCOMPARE(late->severity, QStringLiteral("warning"));
        QVERIFY(late->title.contains(QStringLiteral("1 d 6 h")));
        p.updatedAt = kNow.addDays(-3);
        QCOMPARE(freshness(p, kNow)->severity, QStringLiteral("critical"));
        p.updatedAt = QDateTime();
        QVERIFY(freshness(p, kNow)->title.contains(QStringLiteral("never")));
    }

    void freshnessFlagsAbandonedProductsWithoutSla()
    {
        Product p;
        p.key = QStringLiteral("legacy.x");
        p.updatedAt = kNow.addDays(-(kNoSlaStaleDays - 1));
        QVERIFY(!freshness(p, kNow));
        p.updatedAt = kNow.addDays(-(kNoSlaStaleDays + 10));
        const auto stale = freshness(p, kNow);
        QVERIFY(stale);
        QCOMPARE(stale->fingerprint, QStringLiteral("stale"));
    }

    void missingDaysInADailySeries()
    {
        const Dataset ds = dataset({{QStringLiteral("date"), QStringLiteral("date")},
                                    {QStringLiteral("v"), QStringLiteral("integer")},
                                    {QStringLiteral("loaded_at"), QStringLiteral("timestamp")}});
        const QStringList cols = {QStringLiteral("date"), QStringLiteral("v"),
                                  QStringLiteral("loaded_at")};
        QVERIFY(
            !missingDays(QStringLiteral("a.x"), ds, table(cols, daily(QDate(2026, 3, 1), 30)), 24));
        const auto gaps = missingDays(QStringLiteral("a.x"), ds,
                                      table(cols, daily(QDate(2026, 3, 1), 30, {5, 17})), 24);
        QVERIFY(gaps);
        QVERIFY2(gaps->detail.contains(QStringLiteral("2026-03-06")), qPrintable(gaps->detail));
        QVERIFY(gaps->detail.contains(QStringLiteral("2026-03-18")));
        QVERIFY(gaps->title.startsWith(QStringLiteral("2 day(s) missing")));
        const auto late = missingDays(QStringLiteral("a.x"), ds,
                                      table(cols, daily(QDate(2026, 3, 1), 30, {}, 10)), 24);
        QVERIFY(late);
        QVERIFY(late->title.contains(QStringLiteral("1 day(s) loaded late")));
        QVERIFY(late->detail.contains(QStringLiteral("2026-03-11")));
    }

    void aWeekdayMissingEveryWeekIsNotMissingData()
    {
        // 2026-03-01 is a Sunday: skip every Sunday, and one Wednesday.
        QSet<int> skip;
        for (int i = 0; i < 56; i += 7)
            skip.insert(i);
        skip.insert(10);
        const Dataset ds = dataset({{QStringLiteral("date"), QStringLiteral("date")}});
        const auto f = missingDays(
            QStringLiteral("mfg.x"), ds,
            table({QStringLiteral("date"), QStringLiteral("v"), QStringLiteral("loaded_at")},
                  daily(QDate(2026, 3, 1), 56, skip)),
            0);
        QVERIFY(f);
        QVERIFY2(f->title.startsWith(QStringLiteral("1 day(s) missing")), qPrintable(f->title));
        QVERIFY(f->detail.contains(QStringLiteral("Sunday")));
    }

    void duplicateRowsAndKeys()
    {
        const QStringList cols = {QStringLiteral("id"), QStringLiteral("amount")};
        QVERIFY(!duplicates(QStringLiteral("a.x"), QStringLiteral("t"),
                            table(cols, {{QStringLiteral("1"), QStringLiteral("5")},
                                         {QStringLiteral("2"), QStringLiteral("5")}}),
                            {QStringLiteral("id")}));
        const auto rows = duplicates(QStringLiteral("a.x"), QStringLiteral("t"),
                                     table(cols, {{QStringLiteral("1"), QStringLiteral("5")},
                                                  {QStringLiteral("1"), QStringLiteral("5")},
                                                  {QStringLiteral("1"), QStringLiteral("5")},
                                                  {QStringLiteral("2"), QStringLiteral("7")}}),
                                     {});
        QVERIFY(rows);
        QCOMPARE(rows->kind, QualityFinding::Kind::Duplicate);
        QVERIFY(rows->title.startsWith(QStringLiteral("2 duplicate row(s)")));
        const auto keys = duplicates(QStringLiteral("a.x"), QStringLiteral("t"),
                                     table(cols, {{QStringLiteral("1"), QStringLiteral("5")},
                                                  {QStringLiteral("1"), QStringLiteral("6")},
                                                  {QString(), QStringLiteral("7")},
                                                  {QString(), QStringLiteral("8")}}),
                                     {QStringLiteral("id")});
        QVERIFY(keys);
        QVERIFY2(keys->title.startsWith(QStringLiteral("1 duplicate key(s)")),
                 qPrintable(keys->title));
        // A null and an empty string are different cells.
        QVERIFY(!duplicates(QStringLiteral("a.x"), QStringLiteral("t"),
                            table({QStringLiteral("a")}, {{QString()}, {QStringLiteral("")}}), {}));
    }

    void guessesOnlyObviousKeys()
    {
        SampleTable t = table({QStringLiteral("id"), QStringLiteral("x")}, {});
        QCOMPARE(guessKeyColumns(dataset({{QStringLiteral("id"), QStringLiteral("string")}}), t),
                 QStringList{QStringLiteral("id")});
        QVERIFY(guessKeyColumns(dataset({{QStringLiteral("run_id"), QStringLiteral("string")}}), t)
                    .isEmpty());
    }

    void declaredSchemaAgainstTheData()
    {
        const Dataset ds = dataset({{QStringLiteral("id"), QStringLiteral("integer")},
                                    {QStringLiteral("gone"), QStringLiteral("string")},
                                    {QStringLiteral("amount"), QStringLiteral("decimal")},
                                    {QStringLiteral("payload"), QStringLiteral("json")}});
        const SampleTable data =
            table({QStringLiteral("id"), QStringLiteral("amount"), QStringLiteral("extra"),
                   QStringLiteral("payload.a"), QStringLiteral("payload.b")},
                  {{QStringLiteral("1"), QStringLiteral("n/a"), QStringLiteral("x"),
                    QStringLiteral("1"), QStringLiteral("2")},
                   {QStringLiteral("2"), QStringLiteral("3.5"), QStringLiteral("y"), QString(),
                    QString()}});
        const auto f = declaredDrift(QStringLiteral("a.x"), ds, data);
        QVERIFY(f);
        QCOMPARE(f->kind, QualityFinding::Kind::Drift);
        QVERIFY2(f->detail.contains(QStringLiteral("not in the data: gone")),
                 qPrintable(f->detail));
        QVERIFY(f->detail.contains(QStringLiteral("not declared: extra."))); // payload.* covered
        QVERIFY(f->detail.contains(QStringLiteral("amount (declared decimal, data is string)")));
        QCOMPARE(f->severity, QStringLiteral("critical"));
        QVERIFY(!declaredDrift(QStringLiteral("a.x"),
                               dataset({{QStringLiteral("id"), QStringLiteral("decimal")}}),
                               table({QStringLiteral("id")}, {{QStringLiteral("4")}})));
    }

    void driftBetweenSnapshots()
    {
        const QList<SnapshotColumn> before = {{QStringLiteral("id"), QStringLiteral("integer")},
                                              {QStringLiteral("score"), QStringLiteral("integer")},
                                              {QStringLiteral("old"), QStringLiteral("string")}};
        QVERIFY(!snapshotDrift(QStringLiteral("a.x"), QStringLiteral("t"), before, before, kNow));
        const QList<SnapshotColumn> after = {{QStringLiteral("id"), QStringLiteral("integer")},
                                             {QStringLiteral("score"), QStringLiteral("string")},
                                             {QStringLiteral("new"), QStringLiteral("date")}};
        const auto f =
            snapshotDrift(QStringLiteral("a.x"), QStringLiteral("t"), before, after, kNow);
        QVERIFY(f);
        QVERIFY(f->detail.contains(QStringLiteral("Added: new.")));
        QVERIFY(f->detail.contains(QStringLiteral("Removed: old.")));
        QVERIFY(f->detail.contains(QStringLiteral("score (integer → string)")));
        QVERIFY(f->fingerprint.startsWith(QStringLiteral("snapshot-drift:t:")));
    }

    void nullRateSpike()
    {
        QList<QStringList> rows;
        for (int i = 0; i < 80; ++i)
            rows.append({QString::number(i), i >= 60 ? QString() : QStringLiteral("7"),
                         i % 2 ? QString() : QStringLiteral("x")});
        const QList<QualityFinding> found = nullSpikes(
            QStringLiteral("a.x"), QStringLiteral("t"),
            table({QStringLiteral("id"), QStringLiteral("score"), QStringLiteral("half")}, rows));
        QCOMPARE(found.size(), 1); // steady 50 % nulls in "half" is not a spike
        QCOMPARE(found[0].kind, QualityFinding::Kind::NullSpike);
        QCOMPARE(found[0].fingerprint, QStringLiteral("null-spike:t/score"));
        QCOMPARE(found[0].severity, QStringLiteral("critical"));
        // Too few rows to tell.
        QVERIFY(nullSpikes(QStringLiteral("a.x"), QStringLiteral("t"),
                           table({QStringLiteral("a")}, rows.mid(0, kNullSpikeMinRows - 1)))
                    .isEmpty());
    }

    void infersTypes_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("type");
        QTest::newRow("integer") << QStringList{QStringLiteral("1"), QStringLiteral("-20")}
                                 << QStringLiteral("integer");
        QTest::newRow("decimal comma")
            << QStringList{QStringLiteral("5,0"), QStringLiteral("3")} << QStringLiteral("decimal");
        QTest::newRow("boolean Y/N")
            << QStringList{QStringLiteral("Y"), QStringLiteral("N")} << QStringLiteral("boolean");
        QTest::newRow("dates") << QStringList{QStringLiteral("2026-01-02"),
                                              QStringLiteral("3/14/2026")}
                               << QStringLiteral("date");
        QTest::newRow("timestamps") << QStringList{QStringLiteral("2026-01-02T10:00:00Z"),
                                                   QStringLiteral("2026-01-02 10:00:00")}
                                    << QStringLiteral("timestamp");
        QTest::newRow("text") << QStringList{QStringLiteral("12"), QStringLiteral("twelve")}
                              << QStringLiteral("string");
        QTest::newRow("all missing") << QStringList{QString(), QString()} << QString();
    }

    void infersTypes()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        QList<QStringList> rows;
        for (const QString &v : values)
            rows.append({v});
        QCOMPARE(inferType(table({QStringLiteral("c")}, rows), 0), type);
    }

    void readsSamplesThroughThePreviewReaders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b\n1,x\n2,\n");
        f.close();
        const SampleTable t = SampleTable::read(path);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.columns, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(t.rows.size(), 2);
        QVERIFY(!SampleTable::read(dir.filePath(QStringLiteral("missing.csv"))).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQualityDetectors)
#include "tst_qualitydetectors.moc"
