// SPDX-License-Identifier: MIT
#include "appearance.h"
#include "desktopcontroller.h"
#include "launchdriver.h"
#include "mainwindow.h"
#include "screenshotdriver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    // Fractional scale factors (125 %, 150 %) as the desktop sets them, not rounded to 1 or 2.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    // The same names as meshctl, so both find the same settings and demo catalog.
    QApplication::setOrganizationName(QStringLiteral("mesh-explorer"));
    QApplication::setOrganizationDomain(QStringLiteral("mesh-explorer.org"));
    QApplication::setApplicationName(QStringLiteral("mesh-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Mesh Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(MESH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.mesh-explorer.MeshExplorer"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.mesh-explorer.MeshExplorer"),
                                                 QIcon(QStringLiteral(":/icons/mesh-explorer.svg"))));

    // Translations compiled in from resources/translations (none but the template yet), then Qt's.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("mesh-explorer"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explore the data products of a company's data mesh."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption catalog(
        QStringLiteral("catalog"), QApplication::translate("main", "Open the catalog FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the Messy Inc. demo catalog (built on first use)."));
    const QCommandLineOption measure(
        QStringLiteral("measure-startup"),
        QApplication::translate("main", "Print \"startup_ms N\" once the first results show, "
                                        "then quit."));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE once results show, "
                                        "then quit."),
        QStringLiteral("FILE"));
    QCommandLineOption search(
        QStringLiteral("search"),
        QApplication::translate("main", "With --screenshot: search for TEXT first."),
        QStringLiteral("TEXT"));
    QCommandLineOption selectFirst(
        QStringLiteral("select-first"),
        QApplication::translate("main", "With --screenshot: select the first result."));
    QCommandLineOption tab(
        QStringLiteral("tab"),
        QApplication::translate("main", "With --screenshot: show the product tab NAME."),
        QStringLiteral("NAME"));
    QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main", "Take the README's screenshots of the demo into DIR, then "
                                        "quit (see scripts/screenshots)."),
        QStringLiteral("DIR"));
    QCommandLineOption only(
        QStringLiteral("only"),
        QApplication::translate("main", "With --screenshots: take only the shots NAMES "
                                        "(comma-separated)."),
        QStringLiteral("NAMES"));
    QCommandLineOption dark(QStringLiteral("dark"),
                            QApplication::translate("main", "With --screenshots: use the dark "
                                                            "theme and name files NAME-dark.png."));
    QCommandLineOption listShots(
        QStringLiteral("list-screenshots"),
        QApplication::translate("main", "List the screenshots --screenshots takes, then quit."));
    // The screenshot helpers serve the README and the benchmark, not users.
    for (QCommandLineOption *option :
         {&screenshot, &search, &selectFirst, &tab, &screenshots, &only, &dark, &listShots})
        option->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({catalog, demo, measure, screenshot, search, selectFirst, tab, screenshots,
                       only, dark, listShots});
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main", "A catalog to open (the same as --catalog FILE)."),
        QStringLiteral("[FILE]"));
    parser.process(app);

    if (parser.isSet(listShots)) {
        QTextStream out(stdout);
        for (const Mesh::ScreenshotDriver::Shot &shot : Mesh::ScreenshotDriver::shots())
            out << shot.name << '\t' << shot.description << Qt::endl;
        return 0;
    }
    if (!parser.isSet(screenshots))
        Mesh::Appearance::applySavedThemeMode();

    Mesh::MainWindow window;
    Mesh::LaunchDriver::Options options;
    options.measureStartup = parser.isSet(measure);
    options.screenshotPath = parser.value(screenshot);
    options.searchText = parser.value(search);
    options.selectFirst = parser.isSet(selectFirst);
    options.tab = parser.value(tab);
    Mesh::LaunchDriver driver(&window, options, sinceStart);
    if (Mesh::LaunchDriver::isNeeded(options))
        driver.start();

    if (parser.isSet(screenshots)) {
        QStringList names;
        for (const QString &name : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts))
            names << name.trimmed();
        auto *shots = new Mesh::ScreenshotDriver(&window, parser.value(screenshots), names,
                                                 parser.isSet(dark), &window);
        window.show();
        shots->start();
        return app.exec();
    }

    window.show();
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(catalog))
        window.openCatalog(parser.value(catalog));
    else if (!files.isEmpty())
        window.openCatalog(files.first());
    else if (parser.isSet(demo))
        window.openDemoCatalog();
    else if (Mesh::LaunchDriver::isNeeded(options))
        window.reopenLastCatalog();
    else
        Mesh::DesktopController::of(&window)->startUp(); // the welcome on the very first run
    return app.exec();
}
