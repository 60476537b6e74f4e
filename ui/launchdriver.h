// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Mesh {

class MainWindow;

/**
 * Drives a freshly started main window for the startup benchmark and the README screenshots:
 * waits for the first results, optionally searches, selects the first result, switches the product
 * tab, then prints the startup time or saves a screenshot, and quits. UI thread.
 */
class LaunchDriver : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool measureStartup = false;
        QString screenshotPath;
        QString searchText;
        bool selectFirst = false;
        QString tab;
    };

    LaunchDriver(MainWindow *window, const Options &options, const QElapsedTimer &sinceStart,
                 QObject *parent = nullptr);

    /** True when the options ask the driver to do anything. */
    static bool isNeeded(const Options &options);

    /** Starts watching the window; call before the catalog is opened. */
    void start();

private:
    void onFirstResults();
    void afterSearch();
    void afterSelection();
    void finish();

    QPointer<MainWindow> m_window;
    Options m_options;
    QElapsedTimer m_sinceStart;
    int m_exitCode = 0;
};

} // namespace Mesh
