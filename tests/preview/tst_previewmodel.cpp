// SPDX-License-Identifier: MIT
// The lazy preview model: growth while indexing, the row cache, masking from the access policy
// (with and without a grant) in cells, copy and export, profiles through the worker.
#include "access/accessservice.h"
#include "demo/demoloader.h"
#include "access/auditlog.h"
#include "preview/previewmodel.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

class TstPreviewModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;
    Product m_contacts;

    static void waitLoaded(PreviewModel &model)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
    }
    /** Touches every cell of the rows so their blocks load, then waits for them. */
    static void fetchRows(PreviewModel &model, int first, int last)
    {
        for (int r = first; r <= last; ++r)
            model.data(model.index(r, 0));
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(first) && model.isRowLoaded(last), 10000);
    }
    PreviewSource contactsSource(const QString &user) const
    {
        PreviewSource s;
        s.location = m_contacts.datasets.first().location;
        s.catalogPath = m_catalog;
        s.productKey = m_contacts.key;
        s.userId = user;
        return s;
    }

private slots:
    void initTestCase()
    {
        CatalogError error;
        auto store = DemoLoader::createDemoCatalog(m_dir.filePath(QStringLiteral("demo.mesh")), &error);
        QVERIFY2(store, qPrintable(error.message));
        m_catalog = store->path();
        m_contacts = *store->productByKey(QStringLiteral("sales.hubspot-contacts"));
    }

    void growsWhileIndexingAndPassesTheModelTester()
    {
        QByteArray bytes("id,name\n");
        for (int i = 0; i < 200000; ++i)
            bytes += QByteArray::number(i) + ",name" + QByteArray::number(i) + "\n";
        const QString path = m_dir.filePath(QStringLiteral("rows.csv"));
        MeshTest::writeFile(path, bytes);
        PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        PreviewSource source;
        source.location = path;
        model.open(source);
        QCOMPARE(model.rowCountState(), PreviewModel::RowCountState::Unknown);
        waitLoaded(model);
        QCOMPARE(model.rowCountState(), PreviewModel::RowCountState::Complete);
        QCOMPARE(model.rowCount(), 200000);
        QVERIFY(!inserted.isEmpty()); // rows arrived in steps, not all at once
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));
        QCOMPARE(model.headerData(41, Qt::Vertical).toString(), QStringLiteral("42"));
        // Unfetched cells are empty until their block arrives.
        const QModelIndex far = model.index(150000, 1);
        QCOMPARE(model.data(far, PreviewModel::LoadedRole).toBool(), false);
        QTRY_COMPARE(model.data(far).toString(), QStringLiteral("name150000"));
        // The cache stays bounded however far one scrolls.
        for (int r = 0; r < 200000; r += 5000)
            model.data(model.index(r, 0));
        QTRY_VERIFY(model.cachedBlocks() > 0);
        QTest::qWait(200);
        QVERIFY(model.cachedBlocks() <= PreviewModel::kMaxBlocks);
    }

    void showsErrorsInline()
    {
        PreviewModel model;
        QSignalSpy failed(&model, &PreviewModel::failed);
        PreviewSource source;
        source.location = m_dir.filePath(QStringLiteral("missing.csv"));
        model.open(source);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(model.error().kind, PreviewError::Kind::Missing);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
    }

    void masksPiiWithoutAGrantInCellsCopyAndExport()
    {
        PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.open(contactsSource(QStringLiteral("kenji.watanabe")), m_contacts.datasets.first().columns);
        waitLoaded(model);
        QVERIFY(model.error().kind == PreviewError::Kind::None);
        const int email = int(model.columnNames().indexOf(QStringLiteral("properties.email")));
        const int job = int(model.columnNames().indexOf(QStringLiteral("id"))); // not PII
        QVERIFY(email >= 0 && job >= 0);
        // Documented columns come first, in the catalog's order.
        QCOMPARE(model.columnNames().first(), m_contacts.datasets.first().columns.first().name);
        QVERIFY(model.headerData(email, Qt::Horizontal, PreviewModel::MaskedRole).toBool());
        QCOMPARE(model.headerData(email, Qt::Horizontal, PreviewModel::ClassificationRole).toString(),
                 QStringLiteral("PII.Sensitive"));
        fetchRows(model, 0, 1);
        QCOMPARE(model.data(model.index(0, email)).toString(), QStringLiteral("t•••@••••.example"));
        QCOMPARE(model.data(model.index(0, job)).toString(), QStringLiteral("1501"));

        const QString tsv = model.selectionAsTsv({model.index(0, email), model.index(0, job),
                                                  model.index(1, email), model.index(1, job)});
        QVERIFY2(!tsv.contains(u"thandiwe.moreau@"), qPrintable(tsv));
        QVERIFY(tsv.startsWith(QStringLiteral("t•••@••••.example\t")) || tsv.contains(u"t•••@••••.example"));
        QCOMPARE(tsv.count(QLatin1Char('\n')), 2);

        QSignalSpy exported(&model, &PreviewModel::exportFinished);
        const QString out = m_dir.filePath(QStringLiteral("export.csv"));
        model.exportCsv(out, 1000);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(2).toString(), QString());
        QCOMPARE(exported.first().at(1).toLongLong(), 260);
        const QByteArray csv = MeshTest::fileBytes(out);
        QVERIFY(!csv.contains("@valecomponents.example"));
        QVERIFY(csv.contains("t•••@••••.example"));
        QVERIFY(csv.contains("1501"));
        QVERIFY(!csv.contains("Thandiwe")); // first names are PII too

        // The profile of a masked column does not leak values either.
        QSignalSpy profiled(&model, &PreviewModel::profileReady);
        model.requestProfile(email);
        QTRY_COMPARE(profiled.size(), 1);
        const auto p = profiled.first().first().value<ColumnProfile>();
        QCOMPARE(p.count, 260);
        for (const ProfileBar &b : p.topValues)
            QVERIFY(!b.label.contains(u"valecomponents"));
    }

    void showsPiiToTheOwnerAndWithAGrant()
    {
        {
            PreviewModel model;
            model.open(contactsSource(m_contacts.ownerId), m_contacts.datasets.first().columns);
            waitLoaded(model);
            QVERIFY(model.access().maskedForPreview.isEmpty());
        }
        // kenji.watanabe asks for access and the owner approves: clear values from then on.
        {
            CatalogError error;
            auto store = SqliteCatalogStore::open(m_catalog, SqliteCatalogStore::OpenMode::ReadWrite, &error);
            QVERIFY(store);
            AccessService access(*store);
            const QDateTime now = access.now();
            const AccessOutcome requested = access.request(
                QStringLiteral("kenji.watanabe"), m_contacts.key, {},
                QStringLiteral("Check contact quality"), now, now.addDays(7));
            QVERIFY2(requested.ok(), qPrintable(requested.message));
            // Sensitive PII needs the owner and the steward.
            AccessOutcome approved = access.approve(m_contacts.ownerId, requested.id);
            QVERIFY2(approved.ok(), qPrintable(approved.message));
            if (approved.grantId == 0)
                approved = access.approve(m_contacts.stewardId, requested.id);
            QVERIFY2(approved.ok() && approved.grantId > 0, qPrintable(approved.message));
        }
        PreviewModel model;
        model.open(contactsSource(QStringLiteral("kenji.watanabe")), m_contacts.datasets.first().columns);
        waitLoaded(model);
        QVERIFY2(model.access().maskedForPreview.isEmpty(), qPrintable(model.access().reason));
        const int email = int(model.columnNames().indexOf(QStringLiteral("properties.email")));
        fetchRows(model, 0, 0);
        QCOMPARE(model.data(model.index(0, email)).toString(),
                 QStringLiteral("thandiwe.moreau@valecomponents.example"));
    }

    void auditsPiiPreviewsAndExports()
    {
        auto auditedActions = [&](const QString &productKey) {
            CatalogError error;
            auto store = SqliteCatalogStore::open(m_catalog, SqliteCatalogStore::OpenMode::ReadOnly,
                                                  &error);
            QStringList actions;
            if (!store)
                return actions;
            for (const AuditEntry &e : AuditLog::entries(store->database()))
                if (e.productKey == productKey && e.actor == QStringLiteral("visiting.analyst"))
                    actions.append(e.action);
            return actions;
        };
        const QStringList before = auditedActions(m_contacts.key);
        PreviewModel model;
        model.open(contactsSource(QStringLiteral("visiting.analyst")), // no grants: masked
                   m_contacts.datasets.first().columns);
        waitLoaded(model);
        const QStringList afterPreview = before + QStringList{QStringLiteral("preview-masked")};
        QCOMPARE(auditedActions(m_contacts.key), afterPreview);
        QSignalSpy exported(&model, &PreviewModel::exportFinished);
        model.exportCsv(m_dir.filePath(QStringLiteral("audited.csv")), 10);
        QTRY_COMPARE(exported.size(), 1);
        const QStringList afterExport = afterPreview + QStringList{QStringLiteral("export")};
        QCOMPARE(auditedActions(m_contacts.key), afterExport);
    }

    void growsJsonRowsAndColumnsWhileIndexing()
    {
        // NDJSON larger than the first screen, with a PII column that first appears late.
        QByteArray bytes;
        const int n = 30000;
        for (int i = 0; i < n; ++i) {
            bytes += "{\"id\":" + QByteArray::number(i);
            if (i >= 25000)
                bytes += ",\"properties\":{\"email\":\"late" + QByteArray::number(i) + "@vale.example\"}";
            bytes += "}\n";
        }
        const QString path = m_dir.filePath(QStringLiteral("late.ndjson"));
        MeshTest::writeFile(path, bytes);
        PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy columnsAdded(&model, &QAbstractItemModel::columnsInserted);
        int rowsAtOpen = -1;
        PreviewModel::RowCountState stateAtOpen = PreviewModel::RowCountState::Unknown;
        connect(&model, &PreviewModel::opened, this, [&] {
            rowsAtOpen = model.rowCount();
            stateAtOpen = model.rowCountState();
        });
        PreviewSource source = contactsSource(QStringLiteral("visiting.analyst")); // no grant
        source.location = path;
        model.open(source, m_contacts.datasets.first().columns);
        waitLoaded(model);
        QVERIFY2(!model.error(), qPrintable(model.error().toString()));
        // The first screen came before the whole file was indexed.
        QCOMPARE(stateAtOpen, PreviewModel::RowCountState::Partial);
        QVERIFY2(rowsAtOpen > 0 && rowsAtOpen < n, qPrintable(QString::number(rowsAtOpen)));
        QCOMPARE(model.rowCountState(), PreviewModel::RowCountState::Complete);
        QCOMPARE(model.rowCount(), n);
        // The late column was added at the right, and the policy masks it like any PII column.
        QCOMPARE(columnsAdded.size(), 1);
        QCOMPARE(model.columnNames(), (QStringList{QStringLiteral("id"), QStringLiteral("properties.email")}));
        QVERIFY(model.isColumnMasked(1));
        fetchRows(model, 29999, 29999);
        QCOMPARE(model.data(model.index(29999, 0)).toString(), QStringLiteral("29999"));
        QCOMPARE(model.data(model.index(29999, 1)).toString(), QStringLiteral("l•••@••••.example"));
        fetchRows(model, 0, 0);
        QVERIFY(model.data(model.index(0, 1), PreviewModel::IsNullRole).toBool());
    }

    void reportsExportProgressAndCancels()
    {
        QByteArray bytes("id,name\n");
        const int n = 200000;
        for (int i = 0; i < n; ++i)
            bytes += QByteArray::number(i) + ",name" + QByteArray::number(i) + "\n";
        const QString path = m_dir.filePath(QStringLiteral("export-me.csv"));
        MeshTest::writeFile(path, bytes);
        PreviewModel model;
        PreviewSource source;
        source.location = path;
        model.open(source);
        waitLoaded(model);
        QCOMPARE(model.rowCount(), n);

        qint64 maxDone = 0;
        qint64 maxBytes = 0;
        qint64 total = -1;
        connect(&model, &PreviewModel::transferChanged, this, [&] {
            if (model.transfer() != PreviewModel::Transfer::Export)
                return;
            total = model.transferTotal();
            maxDone = std::max(maxDone, model.transferDone());
            maxBytes = std::max(maxBytes, model.transferBytes());
        });
        QSignalSpy exported(&model, &PreviewModel::exportFinished);
        const QString out = m_dir.filePath(QStringLiteral("exported.csv"));
        model.exportCsv(out, n);
        QCOMPARE(model.transfer(), PreviewModel::Transfer::Export);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        QCOMPARE(exported.first().at(2).toString(), QString());
        QCOMPARE(model.transfer(), PreviewModel::Transfer::None);
        QCOMPARE(total, n);
        QCOMPARE(maxDone, n);
        QCOMPARE(maxBytes, QFileInfo(out).size());

        // Cancel stops an export and leaves no file behind.
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
        model.exportCsv(cancelled, n);
        model.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 20000);
        QVERIFY2(exported.at(1).at(2).toString().contains(u"cancelled"),
                 qPrintable(exported.at(1).at(2).toString()));
        QVERIFY(!QFileInfo::exists(cancelled));
        QCOMPARE(model.transfer(), PreviewModel::Transfer::None);
        // The preview itself is untouched.
        QCOMPARE(model.rowCount(), n);
        QVERIFY(!model.error());
    }

    void refusesUnknownProductsClosed()
    {
        PreviewModel model;
        PreviewSource source = contactsSource(QStringLiteral("kenji.watanabe"));
        source.productKey = QStringLiteral("no.such-product");
        QSignalSpy failed(&model, &PreviewModel::failed);
        model.open(source);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(model.error().kind, PreviewError::Kind::Denied);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstPreviewModel)
#include "tst_previewmodel.moc"
