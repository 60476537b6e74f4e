// SPDX-License-Identifier: MIT
#include "aboutdialog.h"
#include "appearance.h"
#include "commandpalette.h"
#include "demo/demoloader.h"
#include "desktopcontroller.h"
#include "federation/credentialstore.h"
#include "federationcontroller.h"
#include "mainwindow.h"
#include "session/catalogsession.h"
#include "shortcutsdialog.h"
#include "sourceeditdialog.h"
#include "sourcesdialog.h"
#include "federation/sourcetablemodel.h"
#include "system/libraryversions.h"
#include "welcomedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QCommandLinkButton>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <curl/curl.h>
#include <sqlite3.h>

using namespace Mesh;

/** View → Theme, the About dialog, the first-run welcome and accessible names. Offscreen. */
class TestDesktopController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void viewMenuComesBeforeHelpWithThemeChoices();
    void darkThemeAppliesAndPersists();
    void systemThemeRestoresThePlatformPalette();
    void aboutShowsLibraryVersions();
    void welcomeOnFirstRunOnly();
    void welcomeOpensTheDemo();
    void welcomeAddSourceOpensTheSourcesForm();
    void interactiveWidgetsHaveAccessibleNames();

private:
    QTemporaryDir m_dir;
    QString m_demoPath;
    QPalette m_systemPalette;
};

void TestDesktopController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Source secrets stay in memory: no test may wait on (or write to) a real keychain.
    FederationController::setCredentialStoreFactory(
        [](const QString &) { return std::make_unique<InMemoryCredentialStore>(); });
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopcontroller"));
    m_systemPalette = QApplication::palette();
    QVERIFY(m_dir.isValid());
    m_demoPath = m_dir.filePath(QStringLiteral("messy-inc.mesh"));
    CatalogError error;
    QVERIFY2(DemoLoader::createDemoCatalog(m_demoPath, &error), qPrintable(error.message));
}

void TestDesktopController::init()
{
    QSettings().clear();
    Appearance::setThemeMode(Appearance::ThemeMode::System);
}

void TestDesktopController::viewMenuComesBeforeHelpWithThemeChoices()
{
    MainWindow window;
    QStringList titles;
    for (QAction *a : window.menuBar()->actions())
        titles << a->text().remove(u'&');
    QVERIFY2(titles.indexOf(QStringLiteral("View")) > titles.indexOf(QStringLiteral("Edit")),
             qPrintable(titles.join(u',')));
    QCOMPARE(titles.last(), QStringLiteral("Help"));
    auto *theme = window.findChild<QMenu *>(QStringLiteral("themeMenu"));
    QVERIFY(theme);
    QStringList modes;
    for (QAction *a : theme->actions()) {
        QVERIFY(a->isCheckable());
        modes << a->text().remove(u'&');
    }
    QCOMPARE(modes, (QStringList{QStringLiteral("System"), QStringLiteral("Light"),
                                 QStringLiteral("Dark")}));
    QVERIFY(theme->actions().first()->isChecked());
    // The lineage window, added by another controller, lands in the View menu too.
    auto *lineage = window.findChild<QAction *>(QStringLiteral("lineageWindowAction"));
    QVERIFY(lineage);
    QVERIFY(theme->menuAction()->associatedObjects().size() > 0);
    bool inView = false;
    for (QAction *a : window.menuBar()->actions())
        if (a->text().remove(u'&') == u"View")
            inView = a->menu()->actions().contains(lineage);
    QVERIFY(inView);
}

void TestDesktopController::darkThemeAppliesAndPersists()
{
    MainWindow window;
    auto *dark = window.findChild<QAction *>(QStringLiteral("theme-darkAction"));
    QVERIFY(dark);
    dark->trigger();
    QVERIFY(Appearance::isDark(QApplication::palette()));
    QTRY_VERIFY(Appearance::isDark(window.palette())); // widgets follow the application palette
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(),
             QStringLiteral("dark"));
    QCOMPARE(Appearance::savedThemeMode(), Appearance::ThemeMode::Dark);

    // A new window (the next start) shows the saved choice ticked.
    MainWindow next;
    QVERIFY(next.findChild<QAction *>(QStringLiteral("theme-darkAction"))->isChecked());

    window.findChild<QAction *>(QStringLiteral("theme-lightAction"))->trigger();
    QVERIFY(!Appearance::isDark(QApplication::palette()));
    QCOMPARE(Appearance::savedThemeMode(), Appearance::ThemeMode::Light);
}

void TestDesktopController::systemThemeRestoresThePlatformPalette()
{
    Appearance::setThemeMode(Appearance::ThemeMode::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window) !=
            m_systemPalette.color(QPalette::Window));
    Appearance::setThemeMode(Appearance::ThemeMode::System);
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::WindowText, QPalette::Base,
                                     QPalette::Text, QPalette::Highlight, QPalette::Button})
        QCOMPARE(QApplication::palette().color(role), m_systemPalette.color(role));
    QCOMPARE(Appearance::savedThemeMode(), Appearance::ThemeMode::System);
}

void TestDesktopController::aboutShowsLibraryVersions()
{
    QCOMPARE(LibraryVersions::sqlite(), QString::fromLatin1(sqlite3_libversion()));
    QCOMPARE(LibraryVersions::curl(),
             QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version));
    QVERIFY(QRegularExpression(QStringLiteral("^3\\.\\d+\\.\\d+"))
                .match(LibraryVersions::sqlite())
                .hasMatch());

    MainWindow window;
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *about = window.findChild<AboutDialog *>();
    QVERIFY(about);
    QVERIFY(about->isVisible());
    QStringList shown;
    for (QLabel *label : about->findChildren<QLabel *>())
        shown << label->text();
    const QString all = shown.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral(MESH_VERSION)), qPrintable(all));
    QVERIFY(all.contains(QString::fromLatin1(qVersion())));
    QVERIFY(all.contains(LibraryVersions::sqlite()));
    QVERIFY(all.contains(LibraryVersions::curl()));
    const QString report = about->versionReport();
    QVERIFY(report.contains(QStringLiteral("SQLite: ") + LibraryVersions::sqlite()));
    QVERIFY(report.contains(QStringLiteral("libcurl: ") + LibraryVersions::curl()));
}

void TestDesktopController::welcomeOnFirstRunOnly()
{
    QVERIFY(WelcomeDialog::isFirstRun());
    {
        MainWindow window;
        window.show();
        DesktopController::of(&window)->startUp();
        auto *welcome = window.findChild<WelcomeDialog *>();
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QVERIFY(!window.session()->isOpen()); // nothing opened behind the user's back
        welcome->reject();
    }
    QVERIFY(!WelcomeDialog::isFirstRun());
    // The second start reopens the last catalog instead.
    QSettings().setValue(QStringLiteral("catalogs/last"), m_demoPath);
    MainWindow window;
    window.show();
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    DesktopController::of(&window)->startUp();
    QVERIFY(!window.findChild<WelcomeDialog *>());
    QVERIFY(opened.wait(10000));
    QCOMPARE(window.session()->path(), m_demoPath);
    // Help → Welcome shows it again on request.
    window.findChild<QAction *>(QStringLiteral("welcomeAction"))->trigger();
    QVERIFY(window.findChild<WelcomeDialog *>());
}

void TestDesktopController::welcomeOpensTheDemo()
{
    MainWindow window;
    window.show();
    WelcomeDialog *welcome = DesktopController::of(&window)->showWelcome();
    auto *demo = welcome->findChild<QCommandLinkButton *>(QStringLiteral("welcomeDemoButton"));
    QVERIFY(demo);
    QSignalSpy opened(&window, &MainWindow::catalogOpened);
    demo->click();
    QVERIFY(opened.wait(60000)); // the demo is built on first use
    QCOMPARE(window.session()->path(), DemoLoader::defaultDemoPath());
}

void TestDesktopController::welcomeAddSourceOpensTheSourcesForm()
{
    // No catalog is open: "Add a source" opens the last catalog first, then the Sources dialog
    // with its add form, without a nested event loop (the test would stall in one) and without
    // the OS keychain (initTestCase installs an in-memory store).
    QSettings().setValue(QStringLiteral("catalogs/last"), m_demoPath);
    MainWindow window;
    window.show();
    QVERIFY(!window.session()->isOpen());
    WelcomeDialog *welcome = DesktopController::of(&window)->showWelcome();
    auto *source = welcome->findChild<QCommandLinkButton *>(QStringLiteral("welcomeSourceButton"));
    QVERIFY(source);
    QVERIFY2(!source->description().contains(QStringLiteral("not available")),
             qPrintable(source->description()));
    FederationController *federation = FederationController::of(&window);
    QVERIFY(federation);
    QSignalSpy formShown(federation, &FederationController::addFormShown);
    auto *open = window.findChild<QAction *>(QStringLiteral("openCatalogAction"));
    QSignalSpy openTriggered(open, &QAction::triggered);
    source->click(); // returns at once: the catalog opens in the background
    QVERIFY(formShown.wait(20000));
    QCOMPARE(openTriggered.count(), 0); // no file dialog instead
    QVERIFY(window.session()->isOpen());
    QCOMPARE(window.session()->path(), m_demoPath);
    SourcesDialog *sources = federation->sourcesDialog();
    QVERIFY(sources);
    QVERIFY(sources->isVisible());
    QVERIFY(sources->editor());
    QVERIFY(sources->editor()->isVisible());
    QVERIFY(sources->editor()->isModal());

    // Filling the form adds the source to the catalog that was opened.
    auto *name = sources->editor()->findChild<QLineEdit *>(QStringLiteral("sourceName"));
    auto *type = sources->editor()->findChild<QComboBox *>(QStringLiteral("sourceType"));
    auto *url = sources->editor()->findChild<QLineEdit *>(QStringLiteral("sourceUrl"));
    QVERIFY(name && type && url);
    name->setText(QStringLiteral("partner-export"));
    type->setCurrentIndex(type->findData(QStringLiteral("mesh-json")));
    url->setText(QStringLiteral("http://127.0.0.1:9/mesh.json"));
    QPushButton *ok = sources->editor()->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY2(ok->isEnabled(), qPrintable(sources->editor()
                                             ->findChild<QLabel *>(QStringLiteral("sourceProblem"))
                                             ->text()));
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(!sources->isBusy() && sources->model()->rowCount() == 1, 10000);
    QCOMPARE(sources->model()->sources().first().name, QStringLiteral("partner-export"));

    // With a catalog open, the action goes straight to the form; a second request reuses the
    // dialog.
    sources->close();
    QTRY_VERIFY(!federation->sourcesDialog());
    federation->addSourceAction()->trigger();
    QCOMPARE(formShown.count(), 2);
    QVERIFY(federation->sourcesDialog()->editor()->isVisible());
    federation->sourcesDialog()->editor()->reject();
}

void TestDesktopController::interactiveWidgetsHaveAccessibleNames()
{
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::productShown);
    window.openCatalog(m_demoPath);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->isOpen(), 10000);
    window.session()->loadProductByKey(QStringLiteral("sales.hubspot-contacts"));
    QVERIFY(shown.wait(10000));
    DesktopController *desktop = DesktopController::of(&window);
    QList<QWidget *> roots{&window, desktop->showCommandPalette(), desktop->showShortcuts(),
                           desktop->showAbout(), desktop->showWelcome()};
    QStringList unnamed;
    for (QWidget *root : roots) {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(w) ||
                                     qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                     qobject_cast<QAbstractSpinBox *>(w) ||
                                     qobject_cast<QAbstractItemView *>(w);
            if (!interactive ||
                (w->focusPolicy() == Qt::NoFocus && !qobject_cast<QAbstractItemView *>(w)))
                continue;
            if (qobject_cast<QHeaderView *>(w))
                continue; // part of its view, which carries the name
            if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // a combo box's own editor: the combo box carries the name
            if (w->parent() && w->parent()->inherits("QAbstractSpinBox"))
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            if (iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 %2 in %3")
                               .arg(QString::fromLatin1(w->metaObject()->className()),
                                    w->objectName(), root->objectName());
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
}

QTEST_MAIN(TestDesktopController)
#include "tst_desktopcontroller.moc"
