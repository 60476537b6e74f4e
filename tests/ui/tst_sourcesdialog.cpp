// SPDX-License-Identifier: MIT
// The Sources dialog against a loopback source: list, sync with progress, a failed sync that
// keeps the cache and says why, cancel, remove — all off the UI thread.
#include "federation/credentialstore.h"
#include "federation/sourceregistry.h"
#include "federation/sourcetablemodel.h"
#include "sourceeditdialog.h"
#include "sourcesdialog.h"

#include "federation/fedfixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Mesh;
using namespace MeshTest;

class TstSourcesDialog : public QObject
{
    Q_OBJECT

private:
    LoopbackServer m_server;

    static bool waitIdle(SourcesDialog &dialog)
    {
        return QTest::qWaitFor([&] { return !dialog.isBusy(); }, 20000);
    }
    static void click(SourcesDialog &dialog, const char *name)
    {
        auto *b = dialog.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY(b);
        QVERIFY(b->isEnabled());
        b->click();
    }
    static QString message(SourcesDialog &dialog)
    {
        return dialog.findChild<QLabel *>(QStringLiteral("sourcesMessage"))->text();
    }
    static qint64 productsOf(const SourcesDialog &dialog, int row)
    {
        return dialog.model()->index(row, SourceTableModel::Products).data().toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        serveAllTypes(m_server);
    }

    void editorValidatesAsTheUserTypes()
    {
        SourceEditDialog editor(std::nullopt);
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("sourceName"));
        auto *url = editor.findChild<QLineEdit *>(QStringLiteral("sourceUrl"));
        auto *auth = editor.findChild<QComboBox *>(QStringLiteral("sourceAuth"));
        auto *secret = editor.findChild<QLineEdit *>(QStringLiteral("sourceSecret"));
        auto *type = editor.findChild<QComboBox *>(QStringLiteral("sourceType"));
        auto *problem = editor.findChild<QLabel *>(QStringLiteral("sourceProblem"));
        QPushButton *ok = editor.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(name && url && auth && secret && type && problem && ok);
        QVERIFY(!ok->isEnabled());
        name->setText(QStringLiteral("om-prod"));
        type->setCurrentIndex(type->findData(QStringLiteral("openmetadata")));
        url->setText(QStringLiteral("https://reader:pw@om.example.com"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->text().contains(QStringLiteral("not in its URL")));
        url->setText(QStringLiteral("https://om.example.com"));
        QVERIFY(ok->isEnabled());
        auth->setCurrentIndex(auth->findData(QStringLiteral("bearer")));
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->text().contains(QStringLiteral("kept in the system keychain")));
        secret->setText(QStringLiteral("token-123"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        const SourceDefinition def = editor.definition();
        QCOMPARE(def.type, SourceType::OpenMetadata);
        QCOMPARE(def.auth, SourceAuth::Bearer);
        QCOMPARE(editor.secret(), QByteArray("token-123"));
        if (const QByteArray shots = qgetenv("MESH_SCREENSHOT_DIR"); !shots.isEmpty()) {
            editor.show();
            editor.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/source-edit.png"));
        }
    }

    void syncsShowsErrorsAndKeepsTheCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.mesh"));
        {
            auto store = newCatalog(dir, QStringLiteral("ui.mesh"));
            CatalogError e;
            QVERIFY(SourceRegistry(*store).add(
                source(QStringLiteral("finance"), SourceType::MeshJson, m_server.baseUrl() + QStringLiteral("/mesh.json")), &e));
            QVERIFY(SourceRegistry(*store).add(
                source(QStringLiteral("om"), SourceType::OpenMetadata, m_server.baseUrl() + QStringLiteral("/om")), &e));
        }
        InMemoryCredentialStore credentials;
        SourcesDialog dialog(path, &credentials);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(waitIdle(dialog));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(dialog.model()->index(0, SourceTableModel::Synced).data().toString(), QStringLiteral("never synced"));

        QSignalSpy changed(&dialog, &SourcesDialog::catalogChanged);
        click(dialog, "syncAllButton");
        QVERIFY(dialog.isBusy());
        QVERIFY(waitIdle(dialog));
        QVERIFY2(message(dialog).startsWith(QStringLiteral("Synced 2 source(s)")), qPrintable(message(dialog)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(productsOf(dialog, 0), 2);
        QCOMPARE(dialog.model()->index(0, SourceTableModel::Synced).data().toString(), QStringLiteral("just now"));
        if (const QByteArray shots = qgetenv("MESH_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.resize(1000, 380);
            dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/sources-ok.png"));
        }

        LoopbackServer::Reply broken;
        broken.status = 500;
        m_server.setReply("/mesh.json", broken);
        dialog.findChild<QTableView *>()->selectRow(0);
        click(dialog, "syncSourceButton");
        QVERIFY(waitIdle(dialog));
        QVERIFY2(message(dialog).contains(QStringLiteral("500 Internal Server Error from Mesh Explorer JSON at http://127.0.0.1")),
                 qPrintable(message(dialog)));
        QCOMPARE(productsOf(dialog, 0), 2); // the last good copy
        QVERIFY(dialog.model()->index(0, SourceTableModel::Status).data().toString().startsWith(QStringLiteral("500")));
        QVERIFY(dialog.model()->index(0, SourceTableModel::Status).data(SourceTableModel::HasErrorRole).toBool());
        if (const QByteArray shots = qgetenv("MESH_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/sources-error.png"));

        // Cancel a slow sync: the copy stays.
        LoopbackServer::Reply slow = json(fixture("mesh.json"));
        slow.delayMs = 3000;
        m_server.setReply("/mesh.json", slow);
        click(dialog, "syncSourceButton");
        QTest::qWait(100);
        click(dialog, "cancelSyncButton");
        QVERIFY(waitIdle(dialog));
        QVERIFY2(message(dialog).contains(QStringLiteral("cancelled")), qPrintable(message(dialog)));
        QCOMPARE(productsOf(dialog, 0), 2);
        m_server.setReply("/mesh.json", json(fixture("mesh.json"), "\"mesh-1\""));

        // Test connection writes nothing and reports counts.
        dialog.findChild<QTableView *>()->selectRow(1);
        click(dialog, "testSourceButton");
        QVERIFY(waitIdle(dialog));
        QVERIFY2(message(dialog).startsWith(QStringLiteral("Connection to “om” works: 2 products")), qPrintable(message(dialog)));

        // Remove, confirming the question.
        QTimer::singleShot(200, [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w))
                    box->button(QMessageBox::Yes)->click();
        });
        click(dialog, "removeSourceButton");
        QVERIFY(waitIdle(dialog));
        QCOMPARE(dialog.model()->rowCount(), 1);
    }
};

QTEST_MAIN(TstSourcesDialog)
#include "tst_sourcesdialog.moc"
