// SPDX-License-Identifier: MIT
// The JSON conformance corpus (tests/conformance/json, written from RFC 8259) against both JSON
// readers: the preview's JsonReader and the OpenLineage events reader (JsonRecordReader splitting
// the stream, JsonText::parse on each record, as OpenLineageImporter does).
#include "json/jsontext.h"
#include "lineage/jsonrecordreader.h"
#include "preview/jsonreader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Mesh;

class TestJsonConformance : public QObject
{
    Q_OBJECT

private slots:
    void previewReaderAcceptsValidAndRejectsInvalid_data() { corpus(false); }
    void previewReaderAcceptsValidAndRejectsInvalid();
    void eventsReaderAcceptsValidAndRejectsInvalid_data() { corpus(true); }
    void eventsReaderAcceptsValidAndRejectsInvalid();
    void eventsReaderAcceptsNdjsonAndConcatenatedRecords();
    void scalarDocumentsAreOneValue();
    void cleanupTestCase();

private:
    static void corpus(bool eventsReader);
    int m_passed[2] = {0, 0};
    int m_run[2] = {0, 0};
};

/** Every y_/n_ file; for the events reader not the blank ones (a stream with no events). */
void TestJsonConformance::corpus(bool eventsReader)
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    const QDir dir(QStringLiteral(MESH_CONFORMANCE_DIR "/json"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 80, "the corpus is in place");
    for (const QString &name : files) {
        if (!name.startsWith(u"y_") && !name.startsWith(u"n_"))
            continue;
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        if (eventsReader && file.readAll().trimmed().isEmpty())
            continue;
        QTest::newRow(qPrintable(name)) << dir.filePath(name) << name.startsWith(u"y_");
    }
}

void TestJsonConformance::previewReaderAcceptsValidAndRejectsInvalid()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    ++m_run[0];
    PreviewError error;
    const auto reader = JsonReader::open(path, ReaderOptions{}, &error);
    const bool accepted = reader && !reader->error();
    if (accepted) {
        QList<SampleRow> rows;
        QVERIFY(reader->readRows(0, reader->rowCount(), &rows));
    }
    QVERIFY2(accepted == valid, qPrintable(valid ? QStringLiteral("rejected: ") + error.toString() +
                                                       (reader ? reader->error().toString() : QString())
                                                 : QStringLiteral("accepted invalid JSON")));
    if (!accepted)
        QVERIFY2(!(reader ? reader->error() : error).what.isEmpty(), "a rejection says why");
    ++m_passed[0];
}

void TestJsonConformance::eventsReaderAcceptsValidAndRejectsInvalid()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    ++m_run[1];
    JsonRecordReader reader(&file);
    QByteArray record;
    QString problem;
    int records = 0;
    while (problem.isEmpty() && reader.next(&record)) {
        ++records;
        QJsonParseError parseError;
        JsonText::parse(record, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            problem = QStringLiteral("record %1: %2").arg(records).arg(parseError.errorString());
    }
    if (problem.isEmpty())
        problem = reader.error();
    QVERIFY2(problem.isEmpty() == valid,
             qPrintable(valid ? QStringLiteral("rejected: ") + problem : QStringLiteral("accepted")));
    ++m_passed[1];
}

void TestJsonConformance::eventsReaderAcceptsNdjsonAndConcatenatedRecords()
{
    // Not single JSON texts, but the events reader's documented input: one record each.
    for (const QByteArray &text : {QByteArray("{\"a\":1}\n{\"b\":2}\n"), QByteArray("{\"a\":1}{\"b\":2}"),
                                   QByteArray("[{\"a\":1},\n{\"b\":2}]")}) {
        QBuffer buffer;
        buffer.setData(text);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        JsonRecordReader reader(&buffer);
        QByteArray record;
        int records = 0;
        while (reader.next(&record))
            ++records;
        QCOMPARE(reader.error(), QString());
        QCOMPARE(records, 2);
    }
}

void TestJsonConformance::scalarDocumentsAreOneValue()
{
    QJsonParseError e;
    QCOMPARE(JsonText::parse(" 42 ", &e), QJsonValue(42));
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(JsonText::parse("null", &e), QJsonValue());
    QCOMPARE(e.error, QJsonParseError::NoError);
    QVERIFY(JsonText::parse("1,2", &e).isUndefined());
    QVERIFY(e.error != QJsonParseError::NoError);
    QVERIFY(JsonText::parse("1] [2", &e).isUndefined());
    QVERIFY(e.error != QJsonParseError::NoError);
}

void TestJsonConformance::cleanupTestCase()
{
    // The figures the README quotes.
    qInfo("JSON conformance: preview reader %d/%d, events reader %d/%d", m_passed[0], m_run[0],
          m_passed[1], m_run[1]);
}

QTEST_GUILESS_MAIN(TestJsonConformance)
#include "tst_jsonconformance.moc"
