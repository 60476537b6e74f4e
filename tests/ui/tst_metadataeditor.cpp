// SPDX-License-Identifier: MIT
// The Edit and History tabs, the conflict banner, the Unclaimed Data dialog and the Edit menu's
// undo/redo, driven as a user would on a copy of the demo catalog. Offscreen. With
// MESH_SCREENSHOT_DIR set, the main-window test also saves screenshots there.
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "demo/demoloader.h"
#include "editcontroller.h"
#include "editing/editingservice.h"
#include "editing/metadatasnapshot.h"
#include "editing/productdraft.h"
#include "historytab.h"
#include "mainwindow.h"
#include "metadataeditortab.h"
#include "productpage.h"
#include "session/catalogsession.h"
#include "session/searchresultmodel.h"
#include "unclaimeddialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("finance.gross-margin");
const QString kOwner = QStringLiteral("leila.farahani");
const QString kSteward = QStringLiteral("ingrid.berg");

/** Saves in the controller's worker and waits for the outcome. */
EditOutcome saveAndWait(EditController &controller, const QString &key)
{
    QSignalSpy finished(&controller, &EditController::saveFinished);
    if (!controller.save(key) && finished.isEmpty()) {
        EditOutcome o;
        o.code = EditOutcome::Code::Failed;
        o.message = QStringLiteral("the save did not start");
        return o;
    }
    if (finished.isEmpty() && !finished.wait(20000)) {
        EditOutcome o;
        o.code = EditOutcome::Code::Failed;
        o.message = QStringLiteral("the save did not finish");
        return o;
    }
    return finished.first().at(1).value<EditOutcome>();
}

void maybeGrab(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name);
}

} // namespace

class TestMetadataEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void ownerEditsWithLivePreviewAndSaves();
    void nonOwnerSeesWhyEditingIsRefused();
    void conflictBannerOffersReloadOverwriteCompare();
    void reloadAfterConflictTakesTheirVersion();
    void historyTabListsDiffsAndReverts();
    void unclaimedDialogClaimAndApprove();
    void editMenuUndoRedoInMainWindow();
    void closingWithUnsavedDraftsAsksFirst();
    void editsMadeWhileSavingStayInTheDraft();

private:
    QString m_template;
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

void TestMetadataEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_metadataeditor"));
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.mesh"));
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(m_template, &error), qPrintable(error.message));
}

void TestMetadataEditor::init()
{
    QSettings().clear();
    // A fresh copy for each test, so that versions from one do not leak into the next.
    m_path = m_dir.filePath(QStringLiteral("messy-%1.mesh").arg(++m_run));
    QVERIFY(QFile::copy(m_template, m_path));
}

void TestMetadataEditor::ownerEditsWithLivePreviewAndSaves()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    MetadataEditorTab tab(&controller);
    tab.resize(1000, 800);
    tab.show();
    tab.showProductKey(kProduct);
    QVERIFY(tab.isEditable());
    QVERIFY(tab.bannerText().isEmpty());
    QVERIFY(tab.findChild<QLabel *>(QStringLiteral("editVersionLabel"))
                ->text()
                .contains(QStringLiteral("Never edited")));
    QVERIFY(!tab.saveButton()->isEnabled());

    QPlainTextEdit *edit = tab.descriptionEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" **Reviewed** monthly."));
    QUndoStack *stack = controller.undoStack(kProduct);
    QCOMPARE(stack->count(), 1); // one typed sentence is one undo step
    QVERIFY(tab.descriptionPreview()->toPlainText().contains(QStringLiteral("Reviewed monthly.")));
    QVERIFY(!tab.descriptionPreview()->toPlainText().contains(QStringLiteral("**")));
    QVERIFY(tab.saveButton()->isEnabled());

    tab.statusBox()->setCurrentIndex(tab.statusBox()->findData(QStringLiteral("deprecated")));
    emit tab.statusBox()->activated(tab.statusBox()->currentIndex());
    QCOMPARE(stack->count(), 2);
    stack->undo();
    QCOMPARE(tab.statusBox()->currentData().toString(), QStringLiteral("active"));
    stack->redo();

    QSignalSpy saved(&controller, &EditController::productSaved);
    QTest::mouseClick(tab.saveButton(), Qt::LeftButton);
    // The save runs in the worker: the button waits, and the result comes back queued.
    QVERIFY(controller.isSaving(kProduct));
    QVERIFY(!tab.saveButton()->isEnabled());
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().at(1).toInt(), 2);
    QVERIFY(tab.findChild<QLabel *>(QStringLiteral("editVersionLabel"))
                ->text()
                .startsWith(QStringLiteral("Version 2")));
    QVERIFY(!tab.saveButton()->isEnabled());

    CatalogError error;
    auto check = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    const Product stored = *check->productByKey(kProduct);
    QVERIFY(stored.description.endsWith(QStringLiteral(" **Reviewed** monthly.")));
    QCOMPARE(stored.status, QStringLiteral("deprecated"));
}

void TestMetadataEditor::nonOwnerSeesWhyEditingIsRefused()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(QStringLiteral("maria.lopez"));
    MetadataEditorTab tab(&controller);
    tab.show();
    tab.showProductKey(kProduct);
    QVERIFY(!tab.isEditable());
    QVERIFY2(
        tab.bannerText().contains(QStringLiteral("Only the owner or a steward of Gross Margin")),
        qPrintable(tab.bannerText()));
    QVERIFY(tab.descriptionEdit()->isReadOnly());
    QVERIFY(!tab.saveButton()->isVisible());
    QVERIFY(!tab.ownerBox()->isEnabled());
    tab.descriptionEdit()->setFocus();
    QTest::keyClicks(tab.descriptionEdit(), QStringLiteral("nope"));
    QCOMPARE(controller.undoStack(kProduct)->count(), 0);
    // Signing in as the owner makes the same tab editable.
    controller.setUserId(kOwner);
    QVERIFY(tab.isEditable());
    QVERIFY(tab.bannerText().isEmpty());
}

void TestMetadataEditor::conflictBannerOffersReloadOverwriteCompare()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    MetadataEditorTab tab(&controller);
    tab.resize(1000, 800);
    tab.show();
    tab.showProductKey(kProduct);
    tab.slaBox()->setValue(6);

    // Meanwhile the steward saves from another window (its own connection).
    CatalogError error;
    auto other = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QVERIFY(other);
    QCOMPARE(EditingService(*other)
                 .setFields(kSteward, kProduct,
                            {{QStringLiteral("description"), QStringLiteral("Steward text")}})
                 .code,
             EditOutcome::Code::Ok);

    QSignalSpy conflict(&controller, &EditController::conflict);
    QTest::mouseClick(tab.saveButton(), Qt::LeftButton);
    QVERIFY(conflict.wait(20000));
    QCOMPARE(conflict.size(), 1);
    QVERIFY2(tab.bannerText().contains(QStringLiteral("changed by <b>ingrid.berg</b> at")),
             qPrintable(tab.bannerText()));
    QVERIFY(tab.reloadButton()->isVisible());
    QVERIFY(tab.overwriteButton()->isVisible());
    QVERIFY(tab.compareButton()->isVisible());
    QCOMPARE(controller.draft(kProduct)->product().freshnessSlaHours, 6); // nothing lost

    QTest::mouseClick(tab.compareButton(), Qt::LeftButton);
    QVERIFY(tab.compareView()->isVisible());
    const QString compared = tab.compareView()->toPlainText();
    QVERIFY2(compared.contains(QStringLiteral("freshness SLA")), qPrintable(compared));
    QVERIFY(compared.contains(QStringLiteral("Steward text"))); // theirs, which yours replaces
    maybeGrab(&tab, QStringLiteral("editing-conflict.png"));

    QSignalSpy saved(&controller, &EditController::productSaved);
    QTest::mouseClick(tab.overwriteButton(), Qt::LeftButton);
    QVERIFY(saved.wait(20000));
    QVERIFY(tab.bannerText().isEmpty());
    EditingService check(*other);
    QCOMPARE(check.currentVersion(kProduct), 3);
    QCOMPARE(other->productByKey(kProduct)->freshnessSlaHours, 6);
    QCOMPARE(check.history(kProduct).at(1).author, kSteward); // theirs stays in the history
}

void TestMetadataEditor::reloadAfterConflictTakesTheirVersion()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    MetadataEditorTab tab(&controller);
    tab.show();
    tab.showProductKey(kProduct);
    tab.slaBox()->setValue(6);
    CatalogError error;
    auto other = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    QCOMPARE(EditingService(*other)
                 .setFields(kSteward, kProduct,
                            {{QStringLiteral("description"), QStringLiteral("Steward text")}})
                 .code,
             EditOutcome::Code::Ok);
    QCOMPARE(saveAndWait(controller, kProduct).code, EditOutcome::Code::Conflict);
    QTest::mouseClick(tab.reloadButton(), Qt::LeftButton);
    QVERIFY(!controller.draft(kProduct)->isModified());
    QCOMPARE(controller.draft(kProduct)->baseVersion(), 2);
    QCOMPARE(tab.descriptionEdit()->toPlainText(), QStringLiteral("Steward text"));
    QCOMPARE(tab.slaBox()->value(), 24);
}

void TestMetadataEditor::historyTabListsDiffsAndReverts()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    HistoryTab history(&controller);
    history.resize(900, 700);
    history.show();
    history.showProductKey(kProduct);
    QCOMPARE(history.versionList()->topLevelItemCount(), 0);

    ProductDraft *draft = controller.draft(kProduct);
    const Product original = draft->product();
    draft->setValue({MetadataField::Kind::Description}, QStringLiteral("Line one\nLine two"));
    QCOMPARE(saveAndWait(controller, kProduct).code, EditOutcome::Code::Ok);
    draft->setValue({MetadataField::Kind::Description}, QStringLiteral("Line one\nLine 2"));
    draft->setValue({MetadataField::Kind::Tags}, QStringList{QStringLiteral("margin")});
    QCOMPARE(saveAndWait(controller, kProduct).code, EditOutcome::Code::Ok);

    QCOMPARE(history.versionList()->topLevelItemCount(), 3); // follows productSaved
    QCOMPARE(history.versionList()->topLevelItem(0)->text(2), kOwner);
    history.compare(2, 3);
    const QString diff = history.diffView()->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("Version 2 → version 3")), qPrintable(diff));
    QVERIFY(diff.contains(QStringLiteral("- Line two")));
    QVERIFY(diff.contains(QStringLiteral("+ Line 2")));
    QVERIFY(diff.contains(QStringLiteral("tags")));
    maybeGrab(&history, QStringLiteral("editing-history.png"));

    history.versionList()->setCurrentItem(history.versionList()->topLevelItem(2)); // version 1
    QVERIFY(history.revertButton()->isEnabled());
    const EditOutcome o = history.revertSelected();
    QCOMPARE(o.code, EditOutcome::Code::Ok);
    QCOMPARE(history.versionList()->topLevelItemCount(), 4);
    QCOMPARE(history.versionList()->topLevelItem(0)->text(3),
             QStringLiteral("Reverted to version 1"));
    // The unmodified draft follows (dataset and column ids change with each save).
    QCOMPARE(MetadataSnapshot::fromProduct(controller.draft(kProduct)->product()),
             MetadataSnapshot::fromProduct(original));
}

void TestMetadataEditor::unclaimedDialogClaimAndApprove()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    UnclaimedDialog dialog(&controller);
    dialog.show();
    QCOMPARE(dialog.productList()->topLevelItemCount(), 4);
    QTreeWidgetItem *fx = nullptr;
    for (int i = 0; i < 4; ++i)
        if (dialog.productList()->topLevelItem(i)->text(1) == QStringLiteral("legacy.fx_rates_tmp"))
            fx = dialog.productList()->topLevelItem(i);
    QVERIFY(fx);
    QVERIFY(fx->text(3).contains(QStringLiteral("no owner")));
    dialog.productList()->setCurrentItem(fx);
    dialog.reasonEdit()->setText(QStringLiteral("Gross margin converts with it"));
    QCOMPARE(dialog.claimSelected().code, AccessOutcome::Code::Ok);
    QCOMPARE(dialog.claimList()->topLevelItemCount(), 0); // not for the claimant to decide

    controller.setUserId(QStringLiteral("priya.raman")); // a steward
    QCOMPARE(dialog.claimList()->topLevelItemCount(), 1);
    maybeGrab(&dialog, QStringLiteral("unclaimed-data.png"));
    dialog.claimList()->setCurrentItem(dialog.claimList()->topLevelItem(0));
    QCOMPARE(dialog.approveSelected().code, AccessOutcome::Code::Ok);
    QCOMPARE(dialog.claimList()->topLevelItemCount(), 0);
    // Still listed while undocumented, but no longer without an owner.
    for (int i = 0; i < dialog.productList()->topLevelItemCount(); ++i)
        if (dialog.productList()->topLevelItem(i)->text(1) == QStringLiteral("legacy.fx_rates_tmp"))
            QVERIFY(!dialog.productList()->topLevelItem(i)->text(3).contains(
                QStringLiteral("no owner")));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("now owns")));
}

void TestMetadataEditor::editMenuUndoRedoInMainWindow()
{
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    window.openCatalog(m_path);
    QVERIFY(shown.wait(10000));
    auto *edit = window.findChild<EditController *>();
    auto *access = window.findChild<AccessController *>();
    QVERIFY(edit && access);
    QTRY_VERIFY(access->session()->isOpen());
    QTRY_VERIFY(edit->isOpen());
    access->session()->signInAs(kOwner);
    QTRY_COMPARE(edit->userId(), kOwner);

    // The Edit menu carries Undo, Redo and Save with their shortcuts.
    QCOMPARE(edit->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(
        edit->redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QCOMPARE(edit->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
    QMenu *editMenu = nullptr;
    for (QAction *a : window.menuBar()->actions())
        if (a->text() == QStringLiteral("&Edit"))
            editMenu = a->menu();
    QVERIFY(editMenu && editMenu->actions().contains(edit->undoAction()));
    QVERIFY(editMenu->actions().contains(edit->unclaimedAction()));

    QSignalSpy productShown(&window, &MainWindow::productShown);
    window.setSearchText(QStringLiteral("gross margin"));
    QTRY_COMPARE(window.resultModel()->requestId(), window.session()->currentRequestId());
    QVERIFY(window.selectRow(0));
    QVERIFY(productShown.wait(5000) || window.productPage()->product());
    QTRY_COMPARE(window.productPage()->product()->product.key, kProduct);
    QVERIFY(window.productPage()->setCurrentPage(QStringLiteral("Edit")));
    auto *tab = window.findChild<MetadataEditorTab *>();
    QVERIFY(tab && tab->isEditable());
    const QString before = tab->descriptionEdit()->toPlainText();
    tab->descriptionEdit()->setFocus();
    tab->descriptionEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(tab->descriptionEdit(), QStringLiteral(" Checked."));
    QCOMPARE(tab->descriptionEdit()->toPlainText(), before + QStringLiteral(" Checked."));
    maybeGrab(&window, QStringLiteral("editing.png"));

    QTest::keySequence(tab->descriptionEdit(), QKeySequence::Undo); // Ctrl+Z: the Edit menu's undo
    QCOMPARE(tab->descriptionEdit()->toPlainText(), before);
    QTest::keyClick(tab->descriptionEdit(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tab->descriptionEdit()->toPlainText(), before + QStringLiteral(" Checked."));

    // Ctrl+S saves; the product page and the search show the new text.
    QTest::keySequence(tab->descriptionEdit(), QKeySequence::Save);
    QTRY_VERIFY(
        window.productPage()->product()->product.description.endsWith(QStringLiteral(" Checked.")));
    QVERIFY(window.productPage()->setCurrentPage(QStringLiteral("History")));
    auto *history = window.findChild<HistoryTab *>();
    QTRY_COMPARE(history->versionList()->topLevelItemCount(), 2);
    maybeGrab(&window, QStringLiteral("editing-history-window.png"));
}

void TestMetadataEditor::closingWithUnsavedDraftsAsksFirst()
{
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    window.openCatalog(m_path);
    QVERIFY(shown.wait(10000));
    auto *edit = window.findChild<EditController *>();
    auto *access = window.findChild<AccessController *>();
    QVERIFY(edit && access);
    // Sign in through the access session as a user does: setting the editor's user directly
    // races the session's own "opened" signal, which resets it to the account's user.
    QTRY_VERIFY(access->session()->isOpen());
    QTRY_VERIFY(edit->isOpen());
    access->session()->signInAs(kOwner);
    QTRY_COMPARE(edit->userId(), kOwner);
    ProductDraft *draft = edit->draft(kProduct);
    QVERIFY(draft);
    draft->setValue({MetadataField::Kind::AccessPolicy}, QStringLiteral("Unsaved policy"));
    QCOMPARE(edit->modifiedProducts(), QStringList{kProduct});

    // Answers the prompt once it is on screen: on a loaded machine it may not be the active
    // modal widget at the first timer tick, so look for it among the top-level widgets.
    // Any other box (such as "Not Saved") is dismissed and remembered, so that a failed save
    // fails the test instead of leaving a modal box open until the ctest timeout.
    QStringList unexpected;
    auto answer = [&unexpected](QMessageBox::StandardButton button) {
        auto *poll = new QTimer;
        poll->setInterval(10);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, button, &unexpected] {
            const QWidgetList windows = QApplication::topLevelWidgets();
            for (QWidget *w : windows) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (!box || !box->isVisible())
                    continue;
                if (!box->text().contains(QStringLiteral("finance.gross-margin"))) {
                    unexpected.append(box->text());
                    box->reject();
                    continue;
                }
                poll->stop();
                poll->deleteLater();
                box->button(button)->click();
                return;
            }
        });
        poll->start();
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    answer(QMessageBox::SaveAll);
    // The save runs in the worker; the window closes once it has succeeded.
    QVERIFY(!window.close());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 20000);
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QStringLiteral(" | "))));
    QVERIFY(edit->modifiedProducts().isEmpty());
    CatalogError error;
    auto check = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QCOMPARE(check->productByKey(kProduct)->accessPolicy, QStringLiteral("Unsaved policy"));
}

void TestMetadataEditor::editsMadeWhileSavingStayInTheDraft()
{
    EditController controller;
    QVERIFY(controller.openCatalog(m_path));
    controller.setUserId(kOwner);
    ProductDraft *draft = controller.draft(kProduct);
    QVERIFY(draft);
    const int base = draft->baseVersion();
    draft->setValue({MetadataField::Kind::AccessPolicy}, QStringLiteral("Saved policy"));
    QSignalSpy finished(&controller, &EditController::saveFinished);
    QVERIFY(controller.save(kProduct));
    QVERIFY(!controller.save(kProduct)); // one save of a product at a time
    // The UI thread is free while the worker writes: keep editing.
    draft->setValue({MetadataField::Kind::Tags}, QStringList{QStringLiteral("while-saving")});
    QVERIFY(finished.wait(20000));
    const EditOutcome first = finished.first().at(1).value<EditOutcome>();
    QCOMPARE(first.code, EditOutcome::Code::Ok);
    QVERIFY(first.version > base);
    QCOMPARE(draft->baseVersion(), first.version);
    QCOMPARE(draft->original().accessPolicy, QStringLiteral("Saved policy"));
    QVERIFY(draft->isModified()); // the tag typed meanwhile is still to be saved
    QCOMPARE(draft->product().tags, QStringList{QStringLiteral("while-saving")});
    QCOMPARE(controller.modifiedProducts(), QStringList{kProduct});
    // Saving it next is not a conflict with our own previous save.
    QCOMPARE(saveAndWait(controller, kProduct).code, EditOutcome::Code::Ok);
    QVERIFY(!draft->isModified());
    CatalogError error;
    auto check = SqliteCatalogStore::open(m_path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    const Product stored = *check->productByKey(kProduct);
    QCOMPARE(stored.accessPolicy, QStringLiteral("Saved policy"));
    QCOMPARE(stored.tags, QStringList{QStringLiteral("while-saving")});
}

QTEST_MAIN(TestMetadataEditor)
#include "tst_metadataeditor.moc"
