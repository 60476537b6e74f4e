// SPDX-License-Identifier: MIT
#include "actioncatalog.h"
#include "commandpalette.h"
#include "commandpalettemodel.h"
#include "demo/demoloader.h"
#include "desktopcontroller.h"
#include "fuzzymatch.h"
#include "mainwindow.h"
#include "productpage.h"
#include "recentproducts.h"
#include "session/catalogsession.h"
#include "shortcutsdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Mesh;

/**
 * The command palette and the shortcuts list: fuzzy matching, discovery of every menu action
 * (also ones a feature adds later), keyboard navigation, triggering, recent products. Offscreen.
 */
class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void fuzzyMatchScores_data();
    void fuzzyMatchScores();
    void fuzzyMatchRanksWordStartsFirst();
    void plainTextStripsMnemonics();
    void catalogFindsNestedAndLaterActions();
    void modelFiltersAndRanks();
    void shortcutOpensPaletteAndEnterTriggersAction();
    void arrowKeysChooseAnotherEntry();
    void disabledActionsAreNotOffered();
    void recentProductIsOfferedAndOpens();
    void shortcutsDialogListsEveryAction();

private:
    std::unique_ptr<MainWindow> openDemoWindow();
    CommandPalette *openPalette(MainWindow *window);

    QTemporaryDir m_dir;
    QString m_demoPath;
};

void TestCommandPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_commandpalette"));
    QVERIFY(m_dir.isValid());
    m_demoPath = m_dir.filePath(QStringLiteral("messy-inc.mesh"));
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(m_demoPath, &error), qPrintable(error.message));
}

void TestCommandPalette::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestCommandPalette::openDemoWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QSignalSpy shown(window.get(), &MainWindow::resultsShown);
    window->openCatalog(m_demoPath);
    if (!shown.wait(10000))
        return nullptr;
    return window;
}

CommandPalette *TestCommandPalette::openPalette(MainWindow *window)
{
    QApplication::setActiveWindow(window);
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    auto *palette = window->findChild<CommandPalette *>();
    return palette && palette->isVisible() ? palette : nullptr;
}

void TestCommandPalette::fuzzyMatchScores_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QList<int>>("positions");

    QTest::newRow("empty pattern") << QString() << QStringLiteral("Open") << true << QList<int>{};
    QTest::newRow("prefix") << QStringLiteral("op") << QStringLiteral("Open Catalog…") << true
                            << QList<int>{0, 1};
    QTest::newRow("initials") << QStringLiteral("oc") << QStringLiteral("Open Catalog…") << true
                              << QList<int>{0, 5};
    QTest::newRow("case-insensitive") << QStringLiteral("CATA") << QStringLiteral("Open Catalog…")
                                      << true << QList<int>{5, 6, 7, 8};
    QTest::newRow("spaces ignored") << QStringLiteral("open cat") << QStringLiteral("Open Catalog…")
                                    << true << QList<int>{0, 1, 2, 3, 5, 6, 7};
    QTest::newRow("out of order") << QStringLiteral("co") << QStringLiteral("Open") << false
                                  << QList<int>{};
    QTest::newRow("missing letter")
        << QStringLiteral("opz") << QStringLiteral("Open Catalog") << false << QList<int>{};
    QTest::newRow("longer than text")
        << QStringLiteral("quitting") << QStringLiteral("Quit") << false << QList<int>{};
}

void TestCommandPalette::fuzzyMatchScores()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QFETCH(QList<int>, positions);
    QList<int> found;
    const int score = FuzzyMatch::score(pattern, text, &found);
    QCOMPARE(score != FuzzyMatch::kNoMatch, matches);
    if (matches)
        QCOMPARE(found, positions);
}

void TestCommandPalette::fuzzyMatchRanksWordStartsFirst()
{
    const auto score = [](const char *pattern, const char *text) {
        return FuzzyMatch::score(QString::fromUtf8(pattern), QString::fromUtf8(text));
    };
    // Word starts beat letters in the middle of words.
    QVERIFY(score("lw", "Lineage Window") > score("lw", "Allow writes"));
    // A run of consecutive letters beats scattered ones.
    QVERIFY(score("audit", "Audit Log…") > score("audit", "A user did it"));
    // The shorter of two equal matches wins.
    QVERIFY(score("open", "Open") > score("open", "Open Recent Catalog Folder"));
}

void TestCommandPalette::plainTextStripsMnemonics()
{
    QCOMPARE(ActionCatalog::plainText(QStringLiteral("&Open Catalog…")),
             QStringLiteral("Open Catalog…"));
    QCOMPARE(ActionCatalog::plainText(QStringLiteral("Save && &Quit\tCtrl+Q")),
             QStringLiteral("Save & Quit"));
    QCOMPARE(ActionCatalog::mnemonicOf(QStringLiteral("Save && &Quit")), QChar(u'Q'));
    QVERIFY(ActionCatalog::mnemonicOf(QStringLiteral("No mnemonic")).isNull());
}

void TestCommandPalette::catalogFindsNestedAndLaterActions()
{
    MainWindow window;
    // A feature that lands later adds a menu with a submenu; nothing else is told about it.
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
    QMenu *deep = tools->addMenu(QStringLiteral("&Deep"));
    QAction *frob = deep->addAction(QStringLiteral("&Frobnicate Widgets"));
    frob->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    tools->addSeparator();
    tools->addAction(QStringLiteral("Plain"));

    const QList<ActionEntry> entries = ActionCatalog::collect(&window);
    const ActionEntry *found = nullptr;
    QSet<QAction *> seen;
    for (const ActionEntry &e : entries) {
        QVERIFY2(!seen.contains(e.action), qPrintable(e.text)); // each action once
        seen.insert(e.action);
        QVERIFY(!e.text.isEmpty());
        QVERIFY(!e.action->isSeparator());
        if (e.action == frob)
            found = &e;
    }
    QVERIFY(found);
    QCOMPARE(found->path, (QStringList{QStringLiteral("Tools"), QStringLiteral("Deep")}));
    QCOMPARE(found->text, QStringLiteral("Frobnicate Widgets"));
    QCOMPARE(found->mnemonic, QStringLiteral("Alt+T, D, F"));
    QCOMPARE(found->shortcuts.value(0), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));

    // The main window's own actions, the View menu this feature adds, and window-only actions.
    QStringList texts;
    for (const ActionEntry &e : entries)
        texts << e.pathText() + u'/' + e.text;
    QVERIFY2(texts.contains(QStringLiteral("File/Open Catalog…")), qPrintable(texts.join(u',')));
    QVERIFY(texts.contains(QStringLiteral("View › Theme/Dark")));
    QVERIFY(texts.contains(QStringLiteral("Help/Keyboard Shortcuts")));
    QVERIFY(texts.contains(QStringLiteral("View/Command Palette…")));
}

void TestCommandPalette::modelFiltersAndRanks()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<PaletteEntry> entries;
    for (const auto &[text, detail] : QList<QPair<QString, QString>>{
             {QStringLiteral("Open Catalog…"), QStringLiteral("File")},
             {QStringLiteral("Export Capture Data"), QStringLiteral("File")},
             {QStringLiteral("Audit Log…"), QStringLiteral("Access")},
             {QStringLiteral("Dark"), QStringLiteral("View › Theme")}}) {
        PaletteEntry e;
        e.text = text;
        e.detail = detail;
        entries << e;
    }
    PaletteEntry product;
    product.kind = PaletteEntry::Kind::Product;
    product.text = QStringLiteral("Gross Margin");
    product.productKey = QStringLiteral("finance.gross-margin");
    entries << product;
    model.setEntries(entries);
    QCOMPARE(model.rowCount(), 5);
    // Without a filter, recent products come first.
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Gross Margin"));
    QCOMPARE(model.index(0).data(CommandPaletteModel::ProductKeyRole).toString(),
             QStringLiteral("finance.gross-margin"));

    model.setFilterText(QStringLiteral("opcat"));
    QVERIFY(model.rowCount() >= 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Open Catalog…"));
    QCOMPARE(model.index(0).data(CommandPaletteModel::MatchPositionsRole).value<QList<int>>(),
             (QList<int>{0, 1, 5, 6, 7}));

    // The menu path counts too: "theme dark" finds View › Theme › Dark.
    model.setFilterText(QStringLiteral("theme dark"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Dark"));

    model.setFilterText(QStringLiteral("zzz"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.entryAt(0));
}

void TestCommandPalette::shortcutOpensPaletteAndEnterTriggersAction()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
    QAction *frob = tools->addAction(QStringLiteral("Frobnicate Widgets"));
    QSignalSpy triggered(frob, &QAction::triggered);

    CommandPalette *palette = openPalette(&window);
    QVERIFY(palette);
    QVERIFY(palette->searchField()->hasFocus() || palette->searchField()->isVisible());
    QTest::keyClicks(palette->searchField(), QStringLiteral("frob"));
    QCOMPARE(palette->list()->currentIndex().data().toString(),
             QStringLiteral("Frobnicate Widgets"));
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QTRY_COMPARE(triggered.count(), 1);

    // Escape closes without running anything.
    palette = openPalette(&window);
    QVERIFY(palette);
    QVERIFY(palette->searchField()->text().isEmpty()); // a fresh search each time
    QTest::keyClicks(palette->searchField(), QStringLiteral("frob"));
    QTest::keyClick(palette->searchField(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QTest::qWait(20);
    QCOMPARE(triggered.count(), 1);
}

void TestCommandPalette::arrowKeysChooseAnotherEntry()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
    QAction *first = tools->addAction(QStringLiteral("Zebra Alpha"));
    QAction *second = tools->addAction(QStringLiteral("Zebra Beta"));
    QSignalSpy firstSpy(first, &QAction::triggered);
    QSignalSpy secondSpy(second, &QAction::triggered);

    CommandPalette *palette = openPalette(&window);
    QVERIFY(palette);
    QTest::keyClicks(palette->searchField(), QStringLiteral("zebra"));
    QCOMPARE(palette->model()->rowCount(), 2);
    QCOMPARE(palette->list()->currentIndex().row(), 0);
    QTest::keyClick(palette->searchField(), Qt::Key_Down);
    QCOMPARE(palette->list()->currentIndex().row(), 1);
    QTest::keyClick(palette->searchField(), Qt::Key_Down); // stays on the last row
    QCOMPARE(palette->list()->currentIndex().row(), 1);
    QTest::keyClick(palette->searchField(), Qt::Key_Up);
    QTest::keyClick(palette->searchField(), Qt::Key_Down);
    const QString chosen = palette->list()->currentIndex().data().toString();
    QTest::keyClick(palette->searchField(), Qt::Key_Enter);
    QTRY_COMPARE(firstSpy.count() + secondSpy.count(), 1);
    QCOMPARE(secondSpy.count(), chosen == u"Zebra Beta" ? 1 : 0);
    QCOMPARE(firstSpy.count(), chosen == u"Zebra Alpha" ? 1 : 0);
}

void TestCommandPalette::disabledActionsAreNotOffered()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
    tools->addAction(QStringLiteral("Quokka Enabled"));
    tools->addAction(QStringLiteral("Quokka Disabled"))->setEnabled(false);
    CommandPalette *palette = openPalette(&window);
    QVERIFY(palette);
    QTest::keyClicks(palette->searchField(), QStringLiteral("quokka"));
    QCOMPARE(palette->model()->rowCount(), 1);
    QCOMPARE(palette->model()->index(0).data().toString(), QStringLiteral("Quokka Enabled"));
    // The palette never lists itself.
    palette->searchField()->setText(QStringLiteral("command palette"));
    for (int row = 0; row < palette->model()->rowCount(); ++row)
        QVERIFY(palette->model()->index(row).data().toString() != u"Command Palette…");
}

void TestCommandPalette::recentProductIsOfferedAndOpens()
{
    auto window = openDemoWindow();
    QVERIFY(window);
    QSignalSpy shown(window.get(), &MainWindow::productShown);
    window->session()->loadProductByKey(QStringLiteral("finance.gross-margin"));
    QVERIFY(shown.wait(10000));
    window->session()->loadProductByKey(QStringLiteral("sales.hubspot-contacts"));
    QVERIFY(shown.wait(10000));
    const auto recent = RecentProducts::list(window->session()->path());
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.first().key, QStringLiteral("sales.hubspot-contacts"));

    CommandPalette *palette = openPalette(window.get());
    QVERIFY(palette);
    QTest::keyClicks(palette->searchField(), QStringLiteral("gross marg"));
    const QModelIndex top = palette->list()->currentIndex();
    QCOMPARE(top.data(CommandPaletteModel::KindRole).toInt(), int(PaletteEntry::Kind::Product));
    QCOMPARE(top.data(CommandPaletteModel::ProductKeyRole).toString(),
             QStringLiteral("finance.gross-margin"));
    QTest::keyClick(palette->searchField(), Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QCOMPARE(window->productPage()->product()->product.key, QStringLiteral("finance.gross-margin"));
}

void TestCommandPalette::shortcutsDialogListsEveryAction()
{
    MainWindow window;
    QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
    QAction *frob = tools->addAction(QStringLiteral("&Frobnicate Widgets"));
    frob->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Slash));
    auto *dialog = window.findChild<ShortcutsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    QHash<QString, QTreeWidgetItem *> rows;
    for (int g = 0; g < dialog->tree()->topLevelItemCount(); ++g)
        for (int i = 0; i < dialog->tree()->topLevelItem(g)->childCount(); ++i) {
            QTreeWidgetItem *item = dialog->tree()->topLevelItem(g)->child(i);
            rows.insert(dialog->tree()->topLevelItem(g)->text(0) + u'/' + item->text(0), item);
        }
    // Every action the catalog finds has a row, with its shortcut or its menu keys.
    for (const ActionEntry &e : ActionCatalog::collect(&window)) {
        const QString group = e.path.isEmpty() ? QStringLiteral("Window") : e.path.first();
        QString text = e.text;
        if (e.path.size() > 1)
            text = e.path.mid(1).join(QStringLiteral(" › ")) + u" › " + text;
        QTreeWidgetItem *item = rows.value(group + u'/' + text);
        QVERIFY2(item, qPrintable(group + u'/' + text));
        QCOMPARE(item->text(1), e.shortcutText());
        if (e.action->isEnabled()) // every enabled command has a shortcut or menu keys
            QVERIFY2(!item->text(1).isEmpty() || !item->text(2).isEmpty(), qPrintable(text));
    }
    QTreeWidgetItem *frobRow = rows.value(QStringLiteral("Tools/Frobnicate Widgets"));
    QVERIFY(frobRow);
    QCOMPARE(frobRow->text(1),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F).toString(QKeySequence::NativeText));
    QCOMPARE(frobRow->text(2), QStringLiteral("Alt+T, F"));
    QVERIFY(rows.contains(QStringLiteral("View/Command Palette…")));
    QCOMPARE(rows.value(QStringLiteral("View/Command Palette…"))->text(1),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText));

    // The filter narrows by command or key.
    dialog->filterField()->setText(QStringLiteral("frobnic"));
    QVERIFY(!frobRow->isHidden());
    QVERIFY(rows.value(QStringLiteral("View/Command Palette…"))->isHidden());
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
