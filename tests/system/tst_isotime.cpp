// SPDX-License-Identifier: MIT
// isoUtc: the same text as Qt's ISO formatter, for every kind of QDateTime the catalog meets.
#include "system/isotime.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Mesh;

class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void matchesQtForEveryKindOfTime_data()
    {
        QTest::addColumn<QDateTime>("t");
        const QDate day(2026, 11, 30);
        const QTime time(8, 15, 7, 999);
        QTest::newRow("utc") << QDateTime(day, time, Qt::UTC);
        QTest::newRow("utc, no milliseconds") << QDateTime(day, QTime(23, 59, 59), Qt::UTC);
        QTest::newRow("local time") << QDateTime(day, time, Qt::LocalTime);
        QTest::newRow("offset +05:30") << QDateTime(day, time, Qt::OffsetFromUTC, 5 * 3600 + 1800);
        QTest::newRow("offset -11:00, crosses the day")
            << QDateTime(QDate(2026, 12, 31), QTime(20, 0), Qt::OffsetFromUTC, -11 * 3600);
        QTest::newRow("time zone -03:00") << QDateTime(day, time, QTimeZone(-3 * 3600));
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("year -44") << QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC);
        QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(1, 2, 3), Qt::UTC);
    }
    void matchesQtForEveryKindOfTime()
    {
        QFETCH(QDateTime, t);
        QVERIFY(t.isValid());
        QCOMPARE(isoUtc(t), t.toUTC().toString(Qt::ISODate));
    }

    void matchesQtOnRandomTimes()
    {
        QRandomGenerator random(20261201);
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = qint64(random.bounded(253402300799.0)) * 1000 + random.bounded(1000);
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            QCOMPARE(isoUtc(t), t.toString(Qt::ISODate));
        }
    }

    void invalidIsEmpty()
    {
        QVERIFY(isoUtc(QDateTime()).isEmpty());
        QVERIFY(isoUtc(QDateTime(QDate(2026, 2, 30), QTime(0, 0), Qt::UTC)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
