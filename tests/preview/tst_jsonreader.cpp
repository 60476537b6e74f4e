// SPDX-License-Identifier: MIT
// JSON and SQLite samples: each API envelope of the demo, NDJSON, flattening, bad documents.
#include "demo/demoloader.h"
#include "preview/jsonreader.h"
#include "preview/samplereader.h"

#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Mesh;

class TstJsonReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_samples;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        MeshTest::writeFile(path, bytes);
        return path;
    }

private slots:
    void initTestCase()
    {
        CatalogError error;
        auto store = DemoLoader::createDemoCatalog(m_dir.filePath(QStringLiteral("demo.mesh")), &error);
        QVERIFY2(store, qPrintable(error.message));
        m_samples = DemoLoader::samplesDirFor(store->path());
    }

    void readsEachDemoEnvelope_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("envelope");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("firstValue");
        QTest::newRow("HubSpot results[]") << "hubspot/contacts.json" << "results[]"
                                           << "properties.email" << "thandiwe.moreau@valecomponents.example";
        QTest::newRow("Jira issues[]") << "jira/issues_search.json" << "issues[]" << "fields.summary" << "";
        QTest::newRow("Jira versions values[]") << "jira/versions.json" << "values[]" << "name" << "PLAT 4.0.1";
        QTest::newRow("Workday Report_Entry[]") << "workday/workers.json" << "Report_Entry[]" << "Legal_Name" << "";
        QTest::newRow("Gainsight data.records[]") << "gainsight/nps_responses.json" << "data.records[]" << "ContactEmail" << "";
        QTest::newRow("NetSuite items[]") << "netsuite/customers.json" << "items[]" << "companyname" << "";
        QTest::newRow("NDJSON") << "jira/release_readiness.ndjson" << "NDJSON" << "version" << "PLAT 4.0.1";
    }

    void readsEachDemoEnvelope()
    {
        QFETCH(QString, file);
        QFETCH(QString, envelope);
        QFETCH(QString, column);
        QFETCH(QString, firstValue);
        PreviewError error;
        auto r = SampleReader::openFile(m_samples + QLatin1Char('/') + file, {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QVERIFY2(r->formatDescription().contains(envelope), qPrintable(r->formatDescription()));
        while (r->indexMore(100)) {
        }
        QVERIFY2(!r->error(), qPrintable(r->error().toString()));
        QVERIFY(r->isComplete());
        QVERIFY(r->rowCount() >= 200); // every demo sample has at least 200 records
        const qsizetype c = r->columns().indexOf(column);
        QVERIFY2(c >= 0, qPrintable(r->columns().join(u',')));
        QList<SampleRow> rows;
        r->readRows(0, 1, &rows);
        QCOMPARE(rows.first().cells().size(), r->columns().size());
        if (!firstValue.isEmpty())
            QCOMPARE(rows.first().cells().at(c), firstValue);
        else
            QVERIFY(!rows.first().cells().at(c).isEmpty());
    }

    void flattensNestedAndSummarisesArrays()
    {
        const QString path = write(QStringLiteral("nested.json"),
                                   R"([{"id":1,"a":{"b":{"c":"deep"}},"tags":["x","y"],"n":null,"e":"","f":1.5,"t":true},
                                       {"id":2,"extra":"later"}])");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY(r);
        const QStringList cols = r->columns();
        for (const char *name : {"id", "a.b.c", "tags", "n", "e", "f", "t", "extra"})
            QVERIFY2(cols.contains(QLatin1String(name)), name);
        QList<SampleRow> rows;
        r->readRows(0, 2, &rows);
        const auto cell = [&](int row, const char *name) {
            return rows.at(row).cells().at(cols.indexOf(QLatin1String(name)));
        };
        QCOMPARE(cell(0, "a.b.c"), QStringLiteral("deep"));
        QCOMPARE(cell(0, "tags"), QStringLiteral(R"(["x","y"])"));
        QVERIFY(cell(0, "n").isNull());
        QVERIFY(!cell(0, "e").isNull() && cell(0, "e").isEmpty());
        QCOMPARE(cell(0, "f"), QStringLiteral("1.5"));
        QCOMPARE(cell(0, "t"), QStringLiteral("true"));
        QCOMPARE(cell(0, "id"), QStringLiteral("1"));
        QVERIFY(cell(0, "extra").isNull());
        QCOMPARE(cell(1, "extra"), QStringLiteral("later"));
        QVERIFY(cell(1, "a.b.c").isNull());
    }

    void summarisesLongArraysWithTheirLength()
    {
        QByteArray items = "[";
        for (int i = 0; i < 100; ++i)
            items += (i ? "," : "") + QByteArray::number(i);
        items += "]";
        const QString path = write(QStringLiteral("long.json"), "[{\"xs\":" + items + "}]");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QList<SampleRow> rows;
        r->readRows(0, 1, &rows);
        QVERIFY(rows.first().cells().first().startsWith(u"[100 items] [0,1,2"));
    }

    void reportsBrokenJsonWithLineAndOffset()
    {
        const QString path = write(QStringLiteral("broken.json"), "{\"results\": [\n {\"id\": 1},\n {\"id\": 2,,}\n]}");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->rowCount(), 1); // the record before the bad one stays
        QCOMPARE(r->error().kind, PreviewError::Kind::Json);
        QCOMPARE(r->error().line, 3);
        QVERIFY(r->error().byteOffset > 20);
        QVERIFY(!r->isComplete());
    }

    void refusesJsonWithNoGoodRecord()
    {
        const QString path = write(QStringLiteral("bad-first.json"), "[\n{\"id\": 1,,}\n]");
        PreviewError error;
        QVERIFY(!SampleReader::openFile(path, {}, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Json);
        QCOMPARE(error.line, 2);
    }

    void reportsTruncatedJson()
    {
        const QString path = write(QStringLiteral("cut.json"), "{\"results\": [{\"id\": 1}, {\"id\"");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->rowCount(), 1);
        QCOMPARE(r->error().kind, PreviewError::Kind::Json);
        QVERIFY2(r->error().hint.contains(u"cut off"), qPrintable(r->error().toString()));
    }

    void reportsAnArrayThatIsNotClosed()
    {
        // Not JSON (RFC 8259), so an error rather than a warning; the complete records stay.
        const QString path = write(QStringLiteral("open.json"), "[{\"a\":1},\n{\"a\":2}\n");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->rowCount(), 2);
        QCOMPARE(r->error().kind, PreviewError::Kind::Json);
        QCOMPARE(r->error().line, 3);
        QVERIFY2(r->error().what.contains(u"not closed"), qPrintable(r->error().toString()));
        QVERIFY2(r->error().hint.contains(u"cut off"), qPrintable(r->error().toString()));
        QVERIFY(!r->isComplete());
        QList<SampleRow> rows;
        QVERIFY(r->readRows(0, 2, &rows));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).cell(0), QStringLiteral("2"));
    }

    void readsATopLevelScalarAsOneValue()
    {
        PreviewError error;
        auto r = SampleReader::openFile(write(QStringLiteral("scalar.json"), " -1.5 \n"), {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QVERIFY2(!r->error(), qPrintable(r->error().toString()));
        QVERIFY(r->isComplete());
        QVERIFY(r->formatDescription().contains(u"single value"));
        QCOMPARE(r->columns(), QStringList{QStringLiteral("value")});
        QCOMPARE(r->rowCount(), 1);
        QList<SampleRow> rows;
        QVERIFY(r->readRows(0, 1, &rows));
        QCOMPARE(rows.first().cell(0), QStringLiteral("-1.5"));

        // A second value is not one JSON text, and scalars are not NDJSON records.
        auto two = SampleReader::openFile(write(QStringLiteral("two.json"), "1\n2\n"), {}, &error);
        QVERIFY(two);
        QCOMPARE(two->rowCount(), 1);
        QCOMPARE(two->error().kind, PreviewError::Kind::Json);
        QCOMPARE(two->error().line, 2);
        QVERIFY(!two->isComplete());
    }

    void rejectsTextAfterTheDocument()
    {
        struct Case
        {
            QByteArray text;
            qint64 line;
            qint64 rows;
        };
        const QList<Case> cases = {
            {"[{\"a\":1}]\n[{\"a\":2}]\n", 2, 1},                 // a second array
            {"[{\"a\":1}]]", 1, 1},                                  // an extra ]
            {"[{\"a\":1}]\n// exported by hand\n", 2, 1},           // a comment
            {"{\n\"results\": [{\"a\":1}, {\"a\":2}]\n}\nx\n", 4, 2}, // after an envelope
            {"{\n\"data\": {\"records\": [{\"a\":1}]}}}", 2, 1},     // one } too many
        };
        for (const Case &c : cases) {
            PreviewError error;
            auto r = SampleReader::openFile(write(QStringLiteral("tail.json"), c.text), {}, &error);
            QVERIFY2(r, qPrintable(error.toString()));
            QCOMPARE(r->rowCount(), c.rows);
            QCOMPARE(r->error().kind, PreviewError::Kind::Json);
            QCOMPARE(r->error().line, c.line);
            QVERIFY2(r->error().what.contains(u"after the end"), qPrintable(r->error().toString()));
            QVERIFY(!r->isComplete());
        }

        // An envelope cut off after its records array: an error that says so.
        PreviewError error;
        auto cut = SampleReader::openFile(
            write(QStringLiteral("cut-envelope.json"), "{\"results\": [{\"a\":1}], \"paging\": {"), {}, &error);
        QVERIFY(cut);
        QCOMPARE(cut->rowCount(), 1);
        QVERIFY2(cut->error().hint.contains(u"cut off"), qPrintable(cut->error().toString()));

        // Still fine: NDJSON of objects, and white space after an array or envelope.
        for (const QByteArray &ok : {QByteArray("{\"a\":1}\n{\"a\":2}\n"), QByteArray("[{\"a\":1},{\"a\":2}]\n\n"),
                                     QByteArray("{\"results\": [{\"a\":1},{\"a\":2}], \"n\": \"]}\"}\n")}) {
            auto r = SampleReader::openFile(write(QStringLiteral("ok.json"), ok), {}, &error);
            QVERIFY2(r, qPrintable(error.toString()));
            QVERIFY2(!r->error(), qPrintable(r->error().toString()));
            QVERIFY(r->isComplete());
            QCOMPARE(r->rowCount(), 2);
        }
    }

    void refusesAFileWithNoValue()
    {
        for (const QByteArray &text : {QByteArray(), QByteArray(" \n\t ")}) {
            PreviewError error;
            QVERIFY(!JsonReader::open(write(QStringLiteral("blank.json"), text), {}, &error));
            QCOMPARE(error.kind, PreviewError::Kind::Empty);
            QVERIFY2(error.what.contains(u"no JSON value"), qPrintable(error.toString()));
        }
    }

    void keepsNdjsonLinesBeforeABadLine()
    {
        const QString path = write(QStringLiteral("bad.ndjson"), "{\"a\":1}\n{\"a\":2}\n{\"a\":\n{\"a\":4}\n");
        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY(r);
        QCOMPARE(r->rowCount(), 2);
        QCOMPARE(r->error().kind, PreviewError::Kind::Json);
        QCOMPARE(r->error().line, 3);
    }

    void stopsAtARecordAboveTheLimit()
    {
        ReaderOptions options;
        options.maxRecordBytes = 1024;
        const QByteArray huge = "{\"a\":\"" + QByteArray(4096, 'x') + "\"}\n";
        const QString path = write(QStringLiteral("huge.ndjson"), "{\"a\":\"1\"}\n{\"a\":\"2\"}\n" + huge);
        PreviewError error;
        auto r = SampleReader::openFile(path, options, &error);
        QVERIFY(r);
        QCOMPARE(r->rowCount(), 2);
        QCOMPARE(r->error().kind, PreviewError::Kind::LineTooLong);
        QCOMPARE(r->error().line, 3);
    }

    void indexesNdjsonLazilyWithBoundedCheckpoints()
    {
        // More records than the first screen, and a key that first appears late.
        QByteArray bytes;
        const int n = 5000;
        for (int i = 0; i < n; ++i) {
            bytes += "{\"id\":" + QByteArray::number(i) + ",\"user\":{\"email\":\"u" +
                     QByteArray::number(i) + "@example.com\"}";
            if (i == 4321)
                bytes += ",\"late\":\"only here\"";
            bytes += "}\n";
        }
        const QString path = write(QStringLiteral("many.ndjson"), bytes);
        PreviewError error;
        auto opened = SampleReader::openFile(path, {}, &error);
        QVERIFY2(opened, qPrintable(error.toString()));
        auto *r = dynamic_cast<JsonReader *>(opened.get());
        QVERIFY(r);
        QVERIFY(r->formatDescription().contains(u"NDJSON"));
        QVERIFY(r->columnsCanGrow());
        // Only the first screen is read by open(); the rest waits for indexMore().
        QVERIFY(!r->isComplete());
        QVERIFY(r->rowCount() >= 200 && r->rowCount() < n);
        QVERIFY(r->progress() < 1.0);
        QVERIFY(!r->columns().contains(QStringLiteral("late")));
        QCOMPARE(r->columns(), (QStringList{QStringLiteral("id"), QStringLiteral("user.email")}));
        QList<SampleRow> rows;
        QVERIFY(r->readRows(0, 200, &rows));
        QCOMPARE(rows.size(), 200);
        QCOMPARE(rows.at(199).cell(0), QStringLiteral("199"));
        while (r->indexMore(5)) {
        }
        QVERIFY(r->isComplete());
        QCOMPARE(r->rowCount(), n);
        QCOMPARE(r->progress(), 1.0);
        // One checkpoint every kStride records: the index, not the records, is what is kept.
        QCOMPARE(r->checkpointCount(), (n + JsonReader::kStride - 1) / JsonReader::kStride);
        QCOMPARE(r->columns().last(), QStringLiteral("late")); // the union, in order found
        // Any row: a checkpoint and a few skipped records away.
        QVERIFY(r->readRows(4320, 3, &rows));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).cell(0), QStringLiteral("4321"));
        QCOMPARE(rows.at(1).cell(1), QStringLiteral("u4321@example.com"));
        QCOMPARE(rows.at(1).cell(2), QStringLiteral("only here"));
        QVERIFY(rows.at(0).cell(2).isNull());
        QVERIFY(r->readRows(n - 1, 10, &rows));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().cell(0), QString::number(n - 1));
    }

    void streamsALargeEnvelopeRecordByRecord()
    {
        // The records array sits between other keys; it is found and split, never parsed whole.
        QByteArray bytes = "{\"meta\": {\"page\": 1, \"tags\": [{\"x\": 1}]},\n \"results\": [\n";
        const int n = 3000;
        for (int i = 0; i < n; ++i)
            bytes += QByteArray(i ? ",\n" : "") + "  {\"id\": \"" + QByteArray::number(i) +
                     "\", \"properties\": {\"email\": \"p" + QByteArray::number(i) + "@x.example\"}}";
        bytes += "\n],\n \"paging\": {\"next\": {\"after\": \"3000\"}}}\n";
        const QString path = write(QStringLiteral("envelope.json"), bytes);
        PreviewError error;
        auto opened = SampleReader::openFile(path, {}, &error);
        QVERIFY2(opened, qPrintable(error.toString()));
        auto *r = dynamic_cast<JsonReader *>(opened.get());
        QVERIFY(r);
        QCOMPARE(r->envelope(), QStringLiteral("results[]"));
        QVERIFY(!r->isComplete());
        QVERIFY(r->rowCount() < n);
        while (r->indexMore(5)) {
        }
        QVERIFY2(!r->error(), qPrintable(r->error().toString()));
        QVERIFY(r->isComplete());
        QVERIFY(r->warnings().isEmpty());
        QCOMPARE(r->rowCount(), n);
        QCOMPARE(r->columns(), (QStringList{QStringLiteral("id"), QStringLiteral("properties.email")}));
        QList<SampleRow> rows;
        QVERIFY(r->readRows(2999, 1, &rows));
        QCOMPARE(rows.first().cell(1), QStringLiteral("p2999@x.example"));
    }

    void picksTheLargestArrayOfObjectsOtherwise()
    {
        const QString path = write(QStringLiteral("unknown.json"),
                                   R"({"count": 3, "few": [{"b": 1}], "list": [{"a": 1}, {"a": 2}, {"a": 3}], "nums": [1, 2, 3, 4]})");
        PreviewError error;
        auto opened = SampleReader::openFile(path, {}, &error);
        auto *r = dynamic_cast<JsonReader *>(opened.get());
        QVERIFY(r);
        QCOMPARE(r->envelope(), QStringLiteral("list[]"));
        QCOMPARE(r->rowCount(), 3);
        QCOMPARE(r->columns(), QStringList{QStringLiteral("a")});
    }

    void readsScalarElementsAndSingleObjects()
    {
        PreviewError error;
        auto numbers = SampleReader::openFile(write(QStringLiteral("nums.json"), "[1, 2.5, \"x\", null]"), {}, &error);
        QVERIFY(numbers);
        QCOMPARE(numbers->columns(), QStringList{QStringLiteral("value")});
        QList<SampleRow> rows;
        numbers->readRows(0, 4, &rows);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(1).cell(0), QStringLiteral("2.5"));
        QVERIFY(rows.at(3).cell(0).isNull());

        auto one = SampleReader::openFile(write(QStringLiteral("one.json"), "{\"a\": {\"b\": 1}, \"c\": \"d\"}"), {}, &error);
        QVERIFY(one);
        QVERIFY(one->formatDescription().contains(u"single object"));
        QCOMPARE(one->rowCount(), 1);
        QCOMPARE(one->columns(), (QStringList{QStringLiteral("a.b"), QStringLiteral("c")}));
    }

    void readsSqliteTablesAndViews()
    {
        const QString path = m_dir.filePath(QStringLiteral("s.sqlite"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TABLE deals(id INTEGER, name TEXT, amount REAL, note TEXT);"
                              "INSERT INTO deals VALUES (1,'Alpha',10.5,NULL),(2,'Beta',20,''),(3,'Gamma',30,'x');"
                              "CREATE VIEW big AS SELECT * FROM deals WHERE amount > 15;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        const QByteArray before = MeshTest::fileSha256(path);

        PreviewError error;
        auto r = SampleReader::openFile(path, {}, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QVERIFY(r->formatDescription().contains(u"deals"));
        QCOMPARE(r->columns(), (QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                            QStringLiteral("amount"), QStringLiteral("note")}));
        while (r->indexMore(100)) {
        }
        QCOMPARE(r->rowCount(), 3);
        QList<SampleRow> rows;
        r->readRows(1, 5, &rows);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).cells().at(1), QStringLiteral("Beta"));
        QVERIFY(!rows.at(0).cells().at(3).isNull() && rows.at(0).cells().at(3).isEmpty());
        r->readRows(0, 1, &rows);
        QVERIFY(rows.at(0).cells().at(3).isNull());

        ReaderOptions view;
        view.table = QStringLiteral("big");
        auto v = SampleReader::openFile(path, view, &error);
        QVERIFY(v);
        v->indexMore(100);
        QCOMPARE(v->rowCount(), 2);

        view.table = QStringLiteral("nope");
        QVERIFY(!SampleReader::openFile(path, view, &error));
        QVERIFY(error.hint.contains(u"deals"));
        r.reset();
        v.reset();
        QCOMPARE(MeshTest::fileSha256(path), before); // read-only: never modified
    }
};

QTEST_GUILESS_MAIN(TstJsonReader)
#include "tst_jsonreader.moc"
