// SPDX-License-Identifier: MIT
// The CSV reader against a corpus of RFC 4180 cases and real-world quirks, and bad input.
#include "preview/csvreader.h"
#include "preview/samplereader.h"

#include "testsupport.h"

#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

namespace {
/** Rows from C strings: nullptr is a missing value, "" an empty string. */
QList<QStringList> R(std::initializer_list<std::initializer_list<const char *>> rows)
{
    QList<QStringList> out;
    for (const auto &row : rows) {
        QStringList cells;
        for (const char *c : row)
            cells << (!c ? QString() : *c ? QString::fromUtf8(c) : QStringLiteral(""));
        out << cells;
    }
    return out;
}

} // namespace

class TstCsvReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString write(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_n));
        MeshTest::writeFile(path, bytes);
        return path;
    }
    std::unique_ptr<SampleReader> openBytes(const QByteArray &bytes, PreviewError *error,
                                            const ReaderOptions &options = {})
    {
        return SampleReader::openFile(write(bytes), options, error);
    }
    static QList<SampleRow> allRows(SampleReader &r)
    {
        while (r.indexMore(1000)) {
        }
        QList<SampleRow> rows;
        r.readRows(0, r.rowCount(), &rows);
        return rows;
    }

private slots:
    void readsCorpus_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("columns");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QString>("encoding");

        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab
                                  << R({{"1", "2"}, {"3", "4"}}) << "UTF-8";
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab
                              << R({{"1", "2"}, {"3", "4"}}) << "UTF-8";
        QTest::newRow("CRLF and LF mixed, no final newline")
            << QByteArray("a,b\r\n1,2\n3,4\r\n5,6") << ab
            << R({{"1", "2"}, {"3", "4"}, {"5", "6"}}) << "UTF-8";
        QTest::newRow("quoted delimiter") << QByteArray("a,b\n\"x,y\",2\n") << ab
                                          << R({{"x,y", "2"}}) << "UTF-8";
        QTest::newRow("doubled quotes") << QByteArray("a,b\n\"say \"\"hi\"\"\",2\n") << ab
                                        << R({{"say \"hi\"", "2"}}) << "UTF-8";
        QTest::newRow("embedded LF and CRLF")
            << QByteArray("a,b\n\"line1\nline2\",2\n\"x\r\ny\",3\n") << ab
            << R({{"line1\nline2", "2"}, {"x\r\ny", "3"}}) << "UTF-8";
        QTest::newRow("empty field vs empty string")
            << QByteArray("a,b\n,\"\"\n\"\",\n") << ab << R({{nullptr, ""}, {"", nullptr}})
            << "UTF-8";
        QTest::newRow("stray quote inside unquoted field kept")
            << QByteArray("a,b\n5\" pipe,2\n") << ab << R({{"5\" pipe", "2"}})
            << "UTF-8";
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" "a,b\né,ü\n") << ab
                                   << R({{"é", "ü"}}) << "UTF-8 with BOM";
        QTest::newRow("semicolon with decimal commas")
            << QByteArray("a;b\n1,5;x\n2,25;y\n") << ab
            << R({{"1,5", "x"}, {"2,25", "y"}}) << "UTF-8";
        QTest::newRow("tab separated") << QByteArray("a\tb\nx y\t2\n") << ab
                                       << R({{"x y", "2"}}) << "UTF-8";
        QTest::newRow("pipe separated") << QByteArray("a|b\n1|2\n3|4\n") << ab
                                        << R({{"1", "2"}, {"3", "4"}}) << "UTF-8";
        QTest::newRow("Latin-1 fallback") << QByteArray("a,b\ncaf\xE9,2\n") << ab
                                          << R({{"café", "2"}}) << "Latin-1";
        QTest::newRow("no header: numbers in the first row")
            << QByteArray("1,2\n3,4\n")
            << QStringList{QStringLiteral("column_1"), QStringLiteral("column_2")}
            << R({{"1", "2"}, {"3", "4"}}) << "UTF-8";
        QTest::newRow("single column") << QByteArray("name\nAda\nGrace\n")
                                       << QStringList{QStringLiteral("name")}
                                       << R({{"Ada"}, {"Grace"}}) << "UTF-8";
        QTest::newRow("blank line is an empty row")
            << QByteArray("a,b\n1,2\n\n3,4\n") << ab
            << R({{"1", "2"}, {nullptr, nullptr}, {"3", "4"}}) << "UTF-8";
    }

    void readsCorpus()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, columns);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QString, encoding);
        PreviewError error;
        auto r = openBytes(bytes, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->columns(), columns);
        const QList<SampleRow> got = allRows(*r);
        QVERIFY(r->isComplete());
        QVERIFY(!r->error());
        QCOMPARE(got.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(got.at(i).cells(), rows.at(i));
            for (int c = 0; c < rows.at(i).size(); ++c)
                QCOMPARE(got.at(i).cells().at(c).isNull(), rows.at(i).at(c).isNull());
        }
        QVERIFY2(r->formatDescription().contains(encoding), qPrintable(r->formatDescription()));
    }

    void readsUtf16WithBom_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::newRow("LE") << true;
        QTest::newRow("BE") << false;
    }
    void readsUtf16WithBom()
    {
        QFETCH(bool, littleEndian);
        QStringEncoder enc(littleEndian ? QStringEncoder::Utf16LE : QStringEncoder::Utf16BE);
        QByteArray bytes = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
        bytes += enc.encode(QStringLiteral("name;city\nZoë;Kraków\n"));
        PreviewError error;
        auto r = openBytes(bytes, &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->columns(), (QStringList{QStringLiteral("name"), QStringLiteral("city")}));
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().cells(), (QStringList{QStringLiteral("Zoë"), QStringLiteral("Kraków")}));
        QVERIFY(r->formatDescription().contains(u"UTF-16"));
    }

    void flagsRaggedRowsWithoutDropping()
    {
        PreviewError error;
        auto r = openBytes("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", &error);
        QVERIFY(r);
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.size(), 3);
        QVERIFY(!rows.at(0).ragged);
        QVERIFY(rows.at(1).ragged);
        QCOMPARE(rows.at(1).fieldCount, 2);
        QCOMPARE(rows.at(1).cells(), (QStringList{QStringLiteral("4"), QStringLiteral("5"), QString()}));
        QVERIFY(rows.at(2).ragged);
        QCOMPARE(rows.at(2).fieldCount, 4);
        QCOMPARE(rows.at(2).cells().last(), QStringLiteral("8,9")); // nothing hidden
    }

    void reachesAnyRowThroughCheckpoints()
    {
        QByteArray bytes("id,text\n");
        for (int i = 0; i < 1000; ++i)
            bytes += QByteArray::number(i) + (i % 7 == 0 ? ",\"multi\nline\"\n" : ",plain\n");
        PreviewError error;
        auto r = openBytes(bytes, &error);
        QVERIFY(r);
        while (r->indexMore(1000)) {
        }
        QCOMPARE(r->rowCount(), 1000);
        for (const qint64 row : {0, 63, 64, 65, 500, 999}) {
            QList<SampleRow> rows;
            r->readRows(row, 1, &rows);
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().cells().first(), QString::number(row));
        }
        QStringList column;
        r->readColumn(126, 3, 1, &column);
        QCOMPARE(column, (QStringList{QStringLiteral("multi\nline"), QStringLiteral("plain"), QStringLiteral("plain")}));
    }

    void showsFirstRowsBeforeIndexingEnds()
    {
        QByteArray bytes("a,b\n");
        for (int i = 0; i < 300000; ++i)
            bytes += "12345,abcdefghij\n";
        PreviewError error;
        auto r = openBytes(bytes, &error);
        QVERIFY(r);
        QVERIFY(r->rowCount() >= 200); // the first screen is indexed at open
        QVERIFY(r->progress() <= 1.0);
        while (r->indexMore(1000)) {
        }
        QCOMPARE(r->rowCount(), 300000);
        QCOMPARE(r->progress(), 1.0);
    }

    void reportsBadInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qint64>("byte");
        QTest::addColumn<int>("rowsBefore"); // -1: open itself fails
        QTest::newRow("empty") << QByteArray() << int(PreviewError::Kind::Empty) << qint64(-1) << qint64(-1) << -1;
        QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << int(PreviewError::Kind::Empty) << qint64(-1) << qint64(-1) << -1;
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << int(PreviewError::Kind::Empty) << qint64(-1) << qint64(-1) << -1;
        QTest::newRow("binary") << QByteArray("PK\x03\x04\x00\x00garbage", 13)
                                << int(PreviewError::Kind::Binary) << qint64(-1) << qint64(4) << -1;
        QTest::newRow("unclosed quote") << QByteArray("a,b\n1,2\n3,\"open\n4,5\n")
                                        << int(PreviewError::Kind::Quoting) << qint64(3) << qint64(8) << 1;
    }

    void reportsBadInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        QFETCH(qint64, line);
        QFETCH(qint64, byte);
        QFETCH(int, rowsBefore);
        PreviewError error;
        auto r = openBytes(bytes, &error);
        if (rowsBefore < 0) {
            QVERIFY(!r);
        } else {
            QVERIFY(r);
            const QList<SampleRow> rows = allRows(*r);
            QCOMPARE(rows.size(), rowsBefore); // partial rows stay
            error = r->error();
        }
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.line, line);
        QCOMPARE(error.byteOffset, byte);
        QVERIFY(!error.what.isEmpty());
        QVERIFY(error.toString().contains(m_dir.path()));
    }

    void reportsMissingFile()
    {
        PreviewError error;
        QVERIFY(!SampleReader::openFile(m_dir.filePath(QStringLiteral("nope.csv")), {}, &error));
        QCOMPARE(error.kind, PreviewError::Kind::Missing);
        QVERIFY(!error.hint.isEmpty());
    }

    void warnsAboutTruncatedUtf8()
    {
        PreviewError error;
        auto r = openBytes("a,b\nx,caf\xC3", &error); // the é was cut in half
        QVERIFY(r);
        QCOMPARE(r->warnings().size(), 1);
        QVERIFY(r->warnings().first().contains(u"byte 9"));
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().cells().at(1).startsWith(u"caf"));
    }

    void stopsAtAnOverlongLineWithBoundedMemory()
    {
        // The 100 MB single line, scaled down: the cap is an option, the behaviour is the same.
        ReaderOptions options;
        options.maxRecordBytes = 1 << 20;
        QByteArray bytes("a,b\n1,2\n");
        bytes += QByteArray(3 << 20, 'x');
        bytes += "\n3,4\n";
        PreviewError error;
        auto r = openBytes(bytes, &error, options);
        QVERIFY(r);
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(r->error().kind, PreviewError::Kind::LineTooLong);
        QCOMPARE(r->error().line, 3);
        QCOMPARE(r->error().byteOffset, 8);
        // A file that is one huge line fails at open.
        PreviewError e2;
        QVERIFY(!openBytes(QByteArray(3 << 20, 'y'), &e2, options));
        QCOMPARE(e2.kind, PreviewError::Kind::LineTooLong);
    }

    void keepsRowsAsBytesAndDecodesCellsOnDemand()
    {
        // Fields one delimiter apart; quoted ones flagged, so "" is empty and ,, is missing.
        const QByteArray bytes("12,,x;y,,Zo\xC3\xAB");
        const QList<quint32> starts{0, 3, SampleRow::kQuoted | 4, SampleRow::kQuoted | 8, 9};
        SampleRow row(bytes, starts, false, 100);
        QCOMPARE(row.size(), 5);
        QCOMPARE(row.cell(0), QStringLiteral("12"));
        QVERIFY(row.cell(1).isNull() && row.isNull(1));
        QCOMPARE(row.cell(2), QStringLiteral("x;y"));
        QVERIFY(!row.cell(3).isNull() && row.cell(3).isEmpty() && !row.isNull(3));
        QCOMPARE(row.cell(4), QStringLiteral("Zoë"));
        QVERIFY(row.cell(5).isNull() && row.isNull(-1)); // past either end: missing
        // Too few fields: padded with missing cells; too many: folded into the last one.
        SampleRow wide = row;
        wide.fitTo(7, QLatin1Char(','));
        QCOMPARE(wide.size(), 7);
        QVERIFY(wide.cell(6).isNull());
        SampleRow narrow = row;
        narrow.fitTo(3, QLatin1Char(','));
        QCOMPARE(narrow.cells(), (QStringList{QStringLiteral("12"), QString(), QStringLiteral("x;y,,Zoë")}));
        QCOMPARE(row.cells().size(), 5); // copies are independent
        // Latin-1 rows and the cell cap.
        SampleRow latin(QByteArray("caf\xE9"), {0}, true, 3);
        QCOMPARE(latin.cell(0), QStringLiteral("caf") + QChar(0x2026));
    }

    void readsAWideRowWithQuotedFields()
    {
        QByteArray header;
        QByteArray line;
        for (int c = 0; c < 1000; ++c) {
            header += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
            line += c ? "," : "";
            if (c == 500)
                line += "\"a, \"\"quoted\"\" one\"";
            else if (c == 501)
                line += "\"\"";
            else if (c != 502)
                line += QByteArray::number(c);
        }
        PreviewError error;
        auto r = openBytes(header + '\n' + line + "\r\n" + line + '\n', &error);
        QVERIFY2(r, qPrintable(error.toString()));
        QCOMPARE(r->columns().size(), 1000);
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.size(), 2);
        for (const SampleRow &row : rows) {
            QVERIFY(!row.ragged);
            QCOMPARE(row.size(), 1000);
            QCOMPARE(row.cell(0), QStringLiteral("0"));
            QCOMPARE(row.cell(499), QStringLiteral("499"));
            QCOMPARE(row.cell(500), QStringLiteral("a, \"quoted\" one"));
            QVERIFY(row.cell(501).isEmpty() && !row.cell(501).isNull());
            QVERIFY(row.cell(502).isNull());
            QCOMPARE(row.cell(999), QStringLiteral("999"));
        }
    }

    void cutsHugeCells()
    {
        ReaderOptions options;
        options.maxCellChars = 10;
        PreviewError error;
        auto r = openBytes("a\n" + QByteArray(100, 'z') + "\n", &error, options);
        QVERIFY(r);
        const QList<SampleRow> rows = allRows(*r);
        QCOMPARE(rows.first().cells().first(), QString(10, QLatin1Char('z')) + QChar(0x2026));
    }
};

QTEST_GUILESS_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
