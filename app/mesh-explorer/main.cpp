// SPDX-License-Identifier: MIT
#include "launchdriver.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    // The same names as meshctl, so both find the same settings and demo catalog.
    QApplication::setOrganizationName(QStringLiteral("mesh-explorer"));
    QApplication::setOrganizationDomain(QStringLiteral("mesh-explorer.org"));
    QApplication::setApplicationName(QStringLiteral("mesh-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Mesh Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(MESH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.mesh-explorer.MeshExplorer"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mesh-explorer.svg")));

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
    // The screenshot helpers serve the README and the benchmark, not users.
    for (QCommandLineOption *option : {&screenshot, &search, &selectFirst, &tab})
        option->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({catalog, demo, measure, screenshot, search, selectFirst, tab});
    parser.process(app);

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

    window.show();
    if (parser.isSet(catalog))
        window.openCatalog(parser.value(catalog));
    else if (parser.isSet(demo))
        window.openDemoCatalog();
    else
        window.reopenLastCatalog();
    return app.exec();
}
