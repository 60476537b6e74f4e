// SPDX-License-Identifier: MIT
#include "demo/demoloader.h"
#include "desktopcontroller.h"
#include "drophandler.h"
#include "filepreviewdialog.h"
#include "lineagecontroller.h"
#include "mainwindow.h"
#include "preview/previewmodel.h"
#include "previewtab.h"
#include "session/catalogsession.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Mesh;

/**
 * Dropping files on the main window, through simulated drag-enter and drop events: a catalog
 * opens, a CSV or JSON sample opens a preview window, an OpenLineage file offers the import.
 * Offscreen.
 */
class TestDropHandler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void classifiesByContent_data();
    void classifiesByContent();
    void ignoresDragsWithoutFiles();
    void droppedCatalogOpens();
    void droppedCsvOpensPreview();
    void droppedJsonOpensPreview();
    void droppedOpenLineageOffersImport();
    void droppedOpenLineageWithoutCatalogExplains();

private:
    QString write(const QString &name, const QByteArray &bytes);
    /** Sends drag-enter, then drop of files; returns whether the window accepted the drop. */
    static bool drop(QWidget *target, const QStringList &files);
    static QByteArray lineageEvents();

    QTemporaryDir m_dir;
    QString m_demoPath;
    QString m_otherPath;
};

void TestDropHandler::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_drophandler"));
    QVERIFY(m_dir.isValid());
    m_demoPath = m_dir.filePath(QStringLiteral("messy-inc.mesh"));
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(m_demoPath, &error), qPrintable(error.message));
    // A second catalog under a name that does not say so.
    m_otherPath = m_dir.filePath(QStringLiteral("second-copy.data"));
    QVERIFY(DemoLoader::createDemoCatalog(m_otherPath, &error));
}

void TestDropHandler::init()
{
    QSettings().clear();
}

void TestDropHandler::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (qobject_cast<QDialog *>(w))
            w->close();
}

QString TestDropHandler::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray TestDropHandler::lineageEvents()
{
    const auto dataset = [](const QString &name) {
        return QJsonObject{
            {QStringLiteral("namespace"), QStringLiteral("postgres://warehouse:5432")},
            {QStringLiteral("name"), name}};
    };
    QByteArray out;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject event{
            {QStringLiteral("eventType"), QStringLiteral("COMPLETE")},
            {QStringLiteral("eventTime"), QStringLiteral("2025-03-01T02:00:0%1Z").arg(i)},
            {QStringLiteral("producer"), QStringLiteral("https://example.com/dropped-test")},
            {QStringLiteral("run"),
             QJsonObject{{QStringLiteral("runId"), QStringLiteral("run-%1").arg(i)}}},
            {QStringLiteral("job"),
             QJsonObject{{QStringLiteral("namespace"), QStringLiteral("dbt")},
                         {QStringLiteral("name"), QStringLiteral("job_%1").arg(i)}}},
            {QStringLiteral("inputs"), QJsonArray{dataset(QStringLiteral("raw.orders_%1").arg(i))}},
            {QStringLiteral("outputs"),
             QJsonArray{dataset(QStringLiteral("mart.orders_%1").arg(i))}}};
        out += QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

bool TestDropHandler::drop(QWidget *target, const QStringList &files)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &f : files)
        urls << QUrl::fromLocalFile(f);
    data.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

void TestDropHandler::classifiesByContent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<DropHandler::Kind>("kind");

    QTest::newRow("csv") << QStringLiteral("orders.csv") << QByteArray("id,amount\n1,10\n2,20\n")
                         << DropHandler::Kind::Sample;
    QTest::newRow("csv named .json")
        << QStringLiteral("odd.json") << QByteArray("id;amount\n1;10\n")
        << DropHandler::Kind::Sample;
    QTest::newRow("json records") << QStringLiteral("records.json")
                                  << QByteArray(R"([{"id": 1, "run": "x"}, {"id": 2}])")
                                  << DropHandler::Kind::Sample;
    QTest::newRow("openlineage ndjson")
        << QStringLiteral("events.ndjson") << lineageEvents() << DropHandler::Kind::OpenLineage;
    QTest::newRow("openlineage named .txt")
        << QStringLiteral("events.txt") << lineageEvents() << DropHandler::Kind::OpenLineage;
    QTest::newRow("text named .mesh")
        << QStringLiteral("notes.mesh") << QByteArray("not a catalog\n")
        << DropHandler::Kind::Catalog;
    QByteArray foreign("SQLite format 3\0", 16);
    foreign += QByteArray(200, '\0'); // application id 0 at byte 68: another program's database
    QTest::newRow("foreign sqlite")
        << QStringLiteral("foreign.db") << foreign << DropHandler::Kind::Sample;
}

void TestDropHandler::classifiesByContent()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(DropHandler::Kind, kind);
    const QString path = write(name, bytes);
    QVERIFY(!path.isEmpty());
    QCOMPARE(DropHandler::classify(path), kind);
}

void TestDropHandler::ignoresDragsWithoutFiles()
{
    QCOMPARE(DropHandler::classify(m_demoPath), DropHandler::Kind::Catalog);
    QCOMPARE(DropHandler::classify(m_otherPath), DropHandler::Kind::Catalog); // by content
    QCOMPARE(DropHandler::classify(m_dir.path()), DropHandler::Kind::Unsupported);
    QCOMPARE(DropHandler::classify(m_dir.filePath(QStringLiteral("missing.csv"))),
             DropHandler::Kind::Unsupported);

    MainWindow window;
    window.show();
    QVERIFY(window.acceptDrops());
    QMimeData text;
    text.setText(QStringLiteral("just some text"));
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(!enter.isAccepted());
    QVERIFY(!drop(&window, {m_dir.filePath(QStringLiteral("missing.csv"))}));
}

void TestDropHandler::droppedCatalogOpens()
{
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    QVERIFY(drop(&window, {m_otherPath}));
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.session()->path(), m_otherPath);
    QVERIFY(!window.findChild<FilePreviewDialog *>());
}

void TestDropHandler::droppedCsvOpensPreview()
{
    MainWindow window;
    window.show();
    const QString csv =
        write(QStringLiteral("plant-output.csv"),
              "plant,units,shift\nLyon,120,early\nPorto,95,late\nOsaka,143,night\n");
    QVERIFY(drop(&window, {csv}));
    FilePreviewDialog *preview = DesktopController::of(&window)->dropHandler()->lastPreview();
    QVERIFY(preview);
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->path(), csv);
    QVERIFY(preview->windowTitle().contains(QStringLiteral("plant-output.csv")));
    PreviewModel *model = preview->previewTab()->model();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 3, 10000);
    QCOMPARE(model->columnNames(), (QStringList{QStringLiteral("plant"), QStringLiteral("units"),
                                                QStringLiteral("shift")}));
    QTRY_COMPARE(model->index(1, 0).data().toString(), QStringLiteral("Porto")); // fetched lazily
    QVERIFY(model->access().maskedForPreview.isEmpty()); // a loose file: nothing to mask
    QVERIFY(!window.session()->isOpen());                // no catalog was opened for it
}

void TestDropHandler::droppedJsonOpensPreview()
{
    MainWindow window;
    window.show();
    const QString json = write(QStringLiteral("tickets.json"),
                               R"({"issues": [{"key": "MX-1", "fields": {"summary": "Fix"}},
                                              {"key": "MX-2", "fields": {"summary": "Ship"}}]})");
    QVERIFY(drop(&window, {json}));
    FilePreviewDialog *preview = DesktopController::of(&window)->dropHandler()->lastPreview();
    QVERIFY(preview);
    PreviewModel *model = preview->previewTab()->model();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 2, 10000);
    QVERIFY(model->columnNames().contains(QStringLiteral("fields.summary")));
}

void TestDropHandler::droppedOpenLineageOffersImport()
{
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    window.openCatalog(m_otherPath);
    QVERIFY(opened.wait(10000));

    const QString events = write(QStringLiteral("warehouse-events.ndjson"), lineageEvents());
    auto *handler = DesktopController::of(&window)->dropHandler();
    QSignalSpy offered(handler, &DropHandler::lineageImportOffered);
    auto *lineage = window.findChild<LineageController *>();
    QSignalSpy finished(lineage, &LineageController::importFinished);
    QVERIFY(drop(&window, {events}));

    auto *box = window.findChild<QMessageBox *>(QStringLiteral("lineageImportOffer"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("warehouse-events.ndjson")));
    QVERIFY(!lineage->isImporting()); // nothing happens before the user agrees
    QPushButton *import = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            import = qobject_cast<QPushButton *>(b);
    QVERIFY(import);
    import->click();
    QCOMPARE(offered.count(), 1);
    QCOMPARE(offered.first().at(1).toBool(), true);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toString(), QString());
    QCOMPARE(lineage->lastImportReport().imported, 2);
    QCOMPARE(lineage->lastImportReport().rejected, 0);
}

void TestDropHandler::droppedOpenLineageWithoutCatalogExplains()
{
    MainWindow window;
    window.show();
    const QString events = write(QStringLiteral("early-events.ndjson"), lineageEvents());
    QVERIFY(drop(&window, {events}));
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("lineageImportOffer"));
    QVERIFY(box);
    QVERIFY(box->informativeText().contains(QStringLiteral("Open a catalog first")));
    QCOMPARE(box->buttons().size(), 1);
    QVERIFY(!window.findChild<LineageController *>()->isImporting());
}

QTEST_MAIN(TestDropHandler)
#include "tst_drophandler.moc"
