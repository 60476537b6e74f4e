// SPDX-License-Identifier: MIT
// Edit → Import Contract… / Export Contract… in the main window on the demo: an invalid
// document and one missing required fields are explained in the dialog, a refused import says
// why, an allowed one creates the product and shows it, and export writes the contract back
// with the fields the catalog has no place for.
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "catalog/sqlitecatalogstore.h"
#include "contractcontroller.h"
#include "contractimportdialog.h"
#include "demo/demoloader.h"
#include "mainwindow.h"
#include "productpage.h"
#include "session/catalogsession.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

const char kContract[] = R"YAML(apiVersion: v3.1.0
kind: DataContract
id: finance.fx-hedges
name: FX Hedges
version: 1.0.0
status: active
domain: Finance
description:
  purpose: Open currency hedges per subsidiary, from the treasury system.
schema:
  - name: hedges
    properties:
      - name: hedge_id
        logicalType: string
        primaryKey: true
        required: true
      - name: notional
        logicalType: number
team:
  name: Treasury
  members:
    - username: rafael.costa
      role: owner
    - username: ingrid.berg
      role: steward
x-treasury-system: Kyriba
)YAML";

const char kBrokenYaml[] = "apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema:\n"
                           "  - name: a\n    properties: [unclosed\n";

const char kMissingFields[] = "name: Only a name\nschema:\n  - properties:\n"
                              "      - logicalType: string\n";

} // namespace

class TestContractController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    static bool importFile(ContractImportDialog *dialog, const QString &file)
    {
        QSignalSpy done(dialog, &ContractImportDialog::finishedImport);
        dialog->setFile(file);
        dialog->findChild<QPushButton *>(u"contractImportButton"_s)->click();
        return done.wait(20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(u"demo.mesh"_s);
        CatalogError error;
        QVERIFY2(DemoLoader::createDemoCatalog(m_catalog, &error), qPrintable(error.message));
    }

    void importExplainsProblemsRefusesThenImportsAndExports()
    {
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QSignalSpy opened(&window, &MainWindow::catalogOpened);
        window.openCatalog(m_catalog);
        QVERIFY(opened.wait(30000));
        auto *access = window.findChild<AccessController *>();
        QVERIFY(access);
        QTRY_VERIFY_WITH_TIMEOUT(access->session()->isOpen(), 20000);
        // Sign in through the access session: it owns who the user is (its opened signal
        // resets it), so setting a user anywhere else would race it.
        access->session()->signInAs(u"kenji.watanabe"_s); // an analyst in Sales & Marketing
        QTRY_COMPARE(access->session()->userId(), u"kenji.watanabe"_s);

        ContractController *contracts = ContractController::of(&window);
        QVERIFY(contracts);
        QMenu *edit = nullptr;
        for (QAction *a : window.menuBar()->actions())
            if (a->text() == u"&Edit"_s)
                edit = a->menu();
        QVERIFY(edit && edit->actions().contains(contracts->importAction()));
        QVERIFY(edit->actions().contains(contracts->exportAction()));
        QTRY_VERIFY(contracts->importAction()->isEnabled());
        QVERIFY(!contracts->exportAction()->isEnabled()); // no product on screen yet

        contracts->importAction()->trigger();
        auto *dialog = window.findChild<ContractImportDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        // Invalid YAML: the parser's complaint with its line, in the dialog, which stays open.
        QVERIFY(importFile(dialog, writeFile(u"broken.yaml"_s, kBrokenYaml)));
        QVERIFY2(dialog->message().contains(u"broken.yaml is not a valid ODCS v3 contract"_s),
                 qPrintable(dialog->message()));
        QCOMPARE(dialog->issues().size(), 1);
        QVERIFY2(dialog->issues().first().startsWith(u"line "_s) &&
                     dialog->issues().first().contains(u"not valid YAML"_s),
                 qPrintable(dialog->issues().first()));
        QVERIFY(dialog->findChild<QListWidget *>(u"contractIssues"_s)->isVisible());
        QVERIFY(dialog->isVisible());

        // Missing required fields: each one named.
        QVERIFY(importFile(dialog, writeFile(u"missing.yaml"_s, kMissingFields)));
        const QString issues = dialog->issues().join(u'\n');
        for (const char *field : {"apiVersion", "kind", "id", "version", "status", "schema[0].name"})
            QVERIFY2(issues.contains(QString::fromLatin1(field) + u": required field is missing"_s),
                     qPrintable(issues));
        if (const QString shots = qEnvironmentVariable("MESH_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(shots + u"/contract-import-errors.png"_s);

        // A valid contract for a new Finance product, by an analyst of another domain: refused.
        const QString good = writeFile(u"fx-hedges.yaml"_s, kContract);
        QVERIFY(importFile(dialog, good));
        QVERIFY2(dialog->message().startsWith(u"Refused: "_s), qPrintable(dialog->message()));
        QVERIFY(dialog->issues().isEmpty());
        {
            CatalogError error;
            auto store = SqliteCatalogStore::open(m_catalog, SqliteCatalogStore::OpenMode::ReadOnly, &error);
            QVERIFY(store);
            QVERIFY(!store->productByKey(u"finance.fx-hedges"_s)); // nothing was written
        }

        // The Finance steward may: the product is created and shown.
        access->session()->signInAs(u"ingrid.berg"_s);
        QTRY_COMPARE(access->session()->userId(), u"ingrid.berg"_s);
        QSignalSpy imported(dialog, &ContractImportDialog::imported);
        QSignalSpy shown(&window, &MainWindow::productShown);
        QVERIFY(importFile(dialog, good));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().at(0).toString(), u"finance.fx-hedges"_s);
        QVERIFY(imported.first().at(1).toBool()); // created
        QTRY_VERIFY_WITH_TIMEOUT(window.productPage()->product() &&
                                     window.productPage()->product()->product.key ==
                                         u"finance.fx-hedges"_s,
                                 20000);
        QCOMPARE(window.productPage()->product()->product.name, u"FX Hedges"_s);
        dialog->close();

        // Export the shown product: the unknown field comes back.
        QTRY_VERIFY(contracts->exportAction()->isEnabled());
        QSignalSpy exported(contracts, &ContractController::exported);
        const QString out = m_dir.filePath(u"out.yaml"_s);
        contracts->exportContract(u"finance.fx-hedges"_s, out);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        const QByteArray written = MeshTest::fileBytes(out);
        QVERIFY(written.contains("id: finance.fx-hedges"));
        QVERIFY(written.contains("x-treasury-system: Kyriba"));
        QVERIFY(written.contains("hedge_id"));

        // A folder that does not exist: the error says where, in a message box.
        contracts->exportContract(u"finance.fx-hedges"_s, u"/nonexistent-dir/x.yaml"_s);
        QVERIFY(exported.wait(20000));
        QVERIFY(!exported.last().at(0).toBool());
        QVERIFY(exported.last().at(1).toString().contains(u"nonexistent-dir"_s));
        auto *box = window.findChild<QMessageBox *>(u"contractExportError"_s);
        QVERIFY(box);
        QVERIFY(box->isVisible());
        box->close();
    }
};

QTEST_MAIN(TestContractController)
#include "tst_contractcontroller.moc"
