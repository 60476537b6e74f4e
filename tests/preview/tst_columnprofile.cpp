// SPDX-License-Identifier: MIT
// Column profiles against hand-computed figures, HyperLogLog accuracy, and the mask shapes.
#include "preview/columnprofile.h"
#include "preview/masking.h"

#include <QTest>

using namespace Mesh;

namespace {
QStringList L(std::initializer_list<const char *> values)
{
    QStringList out;
    for (const char *c : values)
        out << (c ? QString::fromUtf8(c) : QString());
    return out;
}
} // namespace

class TstColumnProfile : public QObject
{
    Q_OBJECT

private slots:
    void profilesIntegersByHand()
    {
        // 10 values: 2 missing, 8 numbers 1,2,2,3,3,3,10,20
        const QStringList values{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("2"),
                                 QString(), QStringLiteral("3"), QStringLiteral("3"),
                                 QStringLiteral("3"), QString(), QStringLiteral("10"),
                                 QStringLiteral("20")};
        const ColumnProfile p = ColumnProfiler::profile(QStringLiteral("n"), values);
        QCOMPARE(p.inferredType, QStringLiteral("integer"));
        QCOMPARE(p.count, 10);
        QCOMPARE(p.nulls, 2);
        QCOMPARE(p.nullPercent(), 20.0);
        QCOMPARE(p.distinct, 5);
        QVERIFY(p.distinctExact);
        QCOMPARE(p.min, QStringLiteral("1"));
        QCOMPARE(p.max, QStringLiteral("20"));
        QCOMPARE(p.topValues.first().label, QStringLiteral("3"));
        QCOMPARE(p.topValues.first().count, 3);
        QCOMPARE(p.topValues.at(1).label, QStringLiteral("2"));
        // bins of width 1.9 from 1: [1,2.9) has 1,2,2; [2.9,4.8) has 3,3,3; 10 in bin 4; 20 in bin 9
        QCOMPARE(p.histogram.size(), 10);
        QCOMPARE(p.histogram.at(0).count, 3);
        QCOMPARE(p.histogram.at(1).count, 3);
        QCOMPARE(p.histogram.at(4).count, 1);
        QCOMPARE(p.histogram.at(9).count, 1);
    }

    void infersTypes_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("decimal");
        QTest::newRow("decimal mix") << L({"1", "2.5", "-3"}) << "decimal" << ".";
        QTest::newRow("decimal comma") << L({"1,5", "2,25"}) << "decimal" << ",";
        QTest::newRow("boolean") << L({"true", "False"}) << "boolean" << ".";
        QTest::newRow("date") << L({"2026-01-31", "2025-12-01"}) << "date" << ".";
        QTest::newRow("timestamp") << L({"2026-01-31T10:00:00Z", "2026-03-02 06:42:00"}) << "timestamp" << ".";
        QTest::newRow("date and timestamp") << L({"2026-01-31", "2026-03-02 06:42:00"}) << "timestamp" << ".";
        QTest::newRow("string") << L({"1", "abc"}) << "string" << ".";
        QTest::newRow("German dates stay strings") << L({"01.09.2023"}) << "string" << ".";
        QTest::newRow("all missing") << L({nullptr, nullptr}) << "empty" << ".";
    }
    void infersTypes()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        QFETCH(QString, decimal);
        QCOMPARE(ColumnProfiler::profile(QStringLiteral("c"), values, decimal.at(0)).inferredType, type);
    }

    void countsEmptyStringsAsValuesNotNulls()
    {
        const ColumnProfile p = ColumnProfiler::profile(
            QStringLiteral("c"), {QStringLiteral(""), QString(), QStringLiteral("x")});
        QCOMPARE(p.nulls, 1);
        QCOMPARE(p.distinct, 2);
        QCOMPARE(p.min, QStringLiteral("x")); // min/max of text skip the empty string
    }

    void estimatesDistinctWithHyperLogLogBeyondTheTrackingLimit()
    {
        QStringList values;
        for (int i = 0; i < 30000; ++i)
            values << QStringLiteral("v%1").arg(i % 20000);
        const ColumnProfile p = ColumnProfiler::profile(QStringLiteral("c"), values,
                                                        QLatin1Char('.'), 1000);
        QVERIFY(!p.distinctExact);
        QVERIFY2(std::abs(p.distinct - 20000) < 20000 * 0.05, qPrintable(QString::number(p.distinct)));
        const ColumnProfile exact = ColumnProfiler::profile(QStringLiteral("c"), values);
        QVERIFY(exact.distinctExact);
        QCOMPARE(exact.distinct, 20000);
    }

    void masksValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("masked");
        QTest::newRow("email") << "jane.doe@example.com" << "j•••@••••.com";
        QTest::newRow("phone") << "+1 982-555-3930" << "••••3930";
        QTest::newRow("name") << "Thandiwe" << "T•••";
        QTest::newRow("empty string") << "" << "";
    }
    void masksValues()
    {
        QFETCH(QString, value);
        QFETCH(QString, masked);
        QCOMPARE(Masking::mask(value), masked);
        QVERIFY(Masking::mask(QString()).isNull());
    }
};

QTEST_GUILESS_MAIN(TstColumnProfile)
#include "tst_columnprofile.moc"
