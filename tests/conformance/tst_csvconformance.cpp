// SPDX-License-Identifier: MIT
// RFC 4180 cases (tests/conformance/csv: NAME.csv and NAME.expected.json) against the preview's
// CSV reader, opened the way the preview opens any sample (SampleReader::openFile sniffs it).
#include "preview/csvreader.h"
#include "preview/samplereader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Mesh;

class TestCsvConformance : public QObject
{
    Q_OBJECT

private slots:
    void readsRfc4180Cases_data();
    void readsRfc4180Cases();
    void cleanupTestCase();

private:
    int m_passed = 0;
    int m_run = 0;
};

void TestCsvConformance::readsRfc4180Cases_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(MESH_CONFORMANCE_DIR "/csv"));
    const QStringList files = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 20, "the corpus is in place");
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestCsvConformance::readsRfc4180Cases()
{
    QFETCH(QString, path);
    ++m_run;
    QFile expectedFile(path.chopped(4) + QStringLiteral(".expected.json"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
    QVERIFY(!expected.isEmpty());

    ReaderOptions options;
    options.header = expected.value(QStringLiteral("header")).toString() == u"yes"
                         ? ReaderOptions::Header::Yes
                         : ReaderOptions::Header::No;
    PreviewError error;
    auto reader = SampleReader::openFile(path, options, &error);
    if (reader)
        while (reader->indexMore(100)) {
        }
    const PreviewError stop = reader ? reader->error() : error;
    if (expected.contains(QStringLiteral("error"))) {
        QVERIFY2(stop, "an unclosed quote is reported");
        QCOMPARE(stop.kind, PreviewError::Kind::Quoting);
        QVERIFY(stop.line > 0);
        ++m_passed;
        return;
    }
    QVERIFY2(reader && !stop, qPrintable(stop.toString()));
    QVERIFY2(dynamic_cast<CsvReader *>(reader.get()), "read as CSV");
    QCOMPARE(static_cast<CsvReader *>(reader.get())->delimiter(), ',');
    if (expected.contains(QStringLiteral("columns"))) {
        QStringList columns;
        for (const QJsonValue &c : expected.value(QStringLiteral("columns")).toArray())
            columns << c.toString();
        QCOMPARE(reader->columns(), columns);
    }
    const QJsonArray rows = expected.value(QStringLiteral("rows")).toArray();
    QCOMPARE(reader->rowCount(), qint64(rows.size()));
    QList<SampleRow> actual;
    QVERIFY(reader->readRows(0, rows.size(), &actual));
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonArray want = rows.at(r).toArray();
        QCOMPARE(actual.at(r).fieldCount, int(want.size()));
        QVERIFY(!actual.at(r).ragged);
        for (int c = 0; c < want.size(); ++c) {
            const QString cell = actual.at(r).cell(c);
            if (want.at(c).isNull())
                QVERIFY2(cell.isNull(), qPrintable(QStringLiteral("row %1 cell %2 should be missing, is “%3”").arg(r).arg(c).arg(cell)));
            else
                QCOMPARE(cell, want.at(c).toString());
        }
    }
    ++m_passed;
}

void TestCsvConformance::cleanupTestCase()
{
    qInfo("CSV conformance (RFC 4180): %d/%d", m_passed, m_run);
}

QTEST_GUILESS_MAIN(TestCsvConformance)
#include "tst_csvconformance.moc"
