// SPDX-License-Identifier: MIT
// The streaming JSON record splitter: documents, NDJSON, resuming mid-file at a known record,
// the elements of an array inside an envelope, record offsets and the record size cap.
#include "lineage/jsonrecordreader.h"

#include <QBuffer>
#include <QTest>

using namespace Mesh;

class TstJsonRecordReader : public QObject
{
    Q_OBJECT

private:
    static QList<QByteArray> all(JsonRecordReader &reader)
    {
        QList<QByteArray> records;
        QByteArray record;
        while (reader.next(&record))
            records << record;
        return records;
    }

private slots:
    void splitsATopLevelArrayAndNdjson()
    {
        // Brackets and escaped quotes inside strings do not end a record.
        const QByteArray first("{\"a\": [1, {\"b\": \"}\"}]}");
        const QByteArray second("{\"c\": \"\\\"]\"}");
        QByteArray array = "[" + first + ", " + second + "]";
        QBuffer a(&array);
        a.open(QIODevice::ReadOnly);
        JsonRecordReader ra(&a);
        QCOMPARE(all(ra), (QList<QByteArray>{first, second}));
        QVERIFY(ra.arrayClosed());
        QVERIFY(ra.error().isEmpty());

        QByteArray lines = "{\"n\":1}\n{\"n\":2}\n";
        QBuffer l(&lines);
        l.open(QIODevice::ReadOnly);
        JsonRecordReader rl(&l);
        QCOMPARE(all(rl), (QList<QByteArray>{"{\"n\":1}", "{\"n\":2}"}));
    }

    void givesEachRecordsOffsetAndLine()
    {
        QByteArray lines = "{\"n\":1}\n\n  {\"n\":2}\n{\"n\":3}";
        QBuffer b(&lines);
        b.open(QIODevice::ReadOnly);
        JsonRecordReader r(&b);
        r.setChunkBytes(5); // records cross read chunks
        QByteArray record;
        QVERIFY(r.next(&record));
        QCOMPARE(r.recordOffset(), 0);
        QVERIFY(r.next(&record));
        QCOMPARE(r.recordOffset(), lines.indexOf("{\"n\":2}"));
        QCOMPARE(r.recordLine(), 3);
        QVERIFY(r.next(&record));
        QCOMPARE(record, QByteArray("{\"n\":3}"));
        QCOMPARE(r.recordOffset(), lines.indexOf("{\"n\":3}"));
    }

    void resumesAtAnOffsetInValuesMode()
    {
        // Values mode starts at any record boundary and never unwraps an array.
        QByteArray lines = "{\"n\":1}\n[1,2]\n{\"n\":3}\n";
        QBuffer b(&lines);
        b.open(QIODevice::ReadOnly);
        b.seek(lines.indexOf('['));
        JsonRecordReader r(&b, JsonRecordReader::Mode::Values, 2);
        QByteArray record;
        QVERIFY(r.next(&record));
        QCOMPARE(record, QByteArray("[1,2]"));
        QCOMPARE(r.recordOffset(), lines.indexOf('['));
        QCOMPARE(r.recordLine(), 2);
        QVERIFY(r.next(&record));
        QCOMPARE(record, QByteArray("{\"n\":3}"));
        QVERIFY(!r.next(&record));
    }

    void readsTheElementsOfAnEnvelopesArray()
    {
        QByteArray doc = R"({"results": [{"id": 1}, {"id": 2}], "paging": {"next": null}})";
        QBuffer b(&doc);
        b.open(QIODevice::ReadOnly);
        b.seek(doc.indexOf('[') + 1);
        JsonRecordReader r(&b, JsonRecordReader::Mode::Elements);
        QCOMPARE(all(r), (QList<QByteArray>{R"({"id": 1})", R"({"id": 2})"}));
        QVERIFY(r.arrayClosed());
        QVERIFY2(r.error().isEmpty(), qPrintable(r.error())); // what follows ] is not an error
        QByteArray record;
        QVERIFY(!r.next(&record));

        // An array that is cut off: the complete elements, and it says the ] never came.
        QByteArray cut = R"({"items": [{"id": 1}, )";
        QBuffer c(&cut);
        c.open(QIODevice::ReadOnly);
        c.seek(cut.indexOf('[') + 1);
        JsonRecordReader rc(&c, JsonRecordReader::Mode::Elements);
        QCOMPARE(all(rc), QList<QByteArray>{R"({"id": 1})"});
        QVERIFY(!rc.arrayClosed());
        QCOMPARE(rc.problem(), JsonRecordReader::Problem::Unclosed);
        QCOMPARE(rc.line(), 1);
        QCOMPARE(rc.position(), cut.size());
        QCOMPARE(r.problem(), JsonRecordReader::Problem::None);
        QCOMPARE(r.position(), doc.indexOf(']') + 1); // where the enclosing document goes on
    }

    void refusesRecordsAboveTheCap()
    {
        QByteArray lines = "{\"n\":1}\n{\"long\":\"" + QByteArray(200, 'x') + "\"}\n";
        QBuffer b(&lines);
        b.open(QIODevice::ReadOnly);
        JsonRecordReader r(&b);
        r.setMaxRecordBytes(100);
        QByteArray record;
        QVERIFY(r.next(&record));
        QVERIFY(!r.next(&record));
        QVERIFY2(r.error().contains(u"record 2 (line 2)"), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TstJsonRecordReader)
#include "tst_jsonrecordreader.moc"
