// SPDX-License-Identifier: MIT
#include "launchdriver.h"

#include "mainwindow.h"
#include "productpage.h"
#include "session/catalogsession.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace Mesh {

LaunchDriver::LaunchDriver(MainWindow *window, const Options &options,
                           const QElapsedTimer &sinceStart, QObject *parent)
    : QObject(parent), m_window(window), m_options(options), m_sinceStart(sinceStart)
{
}

bool LaunchDriver::isNeeded(const Options &options)
{
    return options.measureStartup || !options.screenshotPath.isEmpty();
}

void LaunchDriver::start()
{
    connect(m_window, &MainWindow::resultsShown, this, &LaunchDriver::onFirstResults,
            Qt::SingleShotConnection);
    connect(m_window, &MainWindow::catalogOpenFailed, this,
            [this](const QString &path, const QString &message) {
                QTextStream(stderr) << "mesh-explorer: " << path << ": " << message << Qt::endl;
                m_exitCode = 1;
            });
}

void LaunchDriver::onFirstResults()
{
    if (!m_window)
        return;
    if (m_options.measureStartup) {
        m_window->repaint(); // count the first paint of the results, not just their arrival
        QTextStream(stdout) << "startup_ms " << m_sinceStart.elapsed() << Qt::endl;
        if (m_options.screenshotPath.isEmpty()) {
            QCoreApplication::exit(m_exitCode);
            return;
        }
    }
    if (m_exitCode == 0 && !m_options.searchText.isEmpty()) {
        connect(m_window, &MainWindow::resultsShown, this, &LaunchDriver::afterSearch,
                Qt::SingleShotConnection);
        m_window->setSearchText(m_options.searchText);
        return;
    }
    afterSearch();
}

void LaunchDriver::afterSearch()
{
    if (m_options.selectFirst) {
        connect(m_window, &MainWindow::productShown, this, &LaunchDriver::afterSelection,
                Qt::SingleShotConnection);
        if (m_window->selectRow(0))
            return;
        disconnect(m_window, &MainWindow::productShown, this, &LaunchDriver::afterSelection);
    }
    afterSelection();
}

void LaunchDriver::afterSelection()
{
    if (!m_options.tab.isEmpty())
        m_window->productPage()->setCurrentPage(m_options.tab);
    // Let layouts settle and pages that arrived meanwhile paint before grabbing.
    QTimer::singleShot(250, this, &LaunchDriver::finish);
}

void LaunchDriver::finish()
{
    if (!m_options.screenshotPath.isEmpty() && m_window) {
        const QPixmap shot = m_window->grab();
        if (!shot.save(m_options.screenshotPath)) {
            QTextStream(stderr) << "mesh-explorer: cannot write " << m_options.screenshotPath
                                << Qt::endl;
            m_exitCode = 1;
        }
    }
    QCoreApplication::exit(m_exitCode);
}

} // namespace Mesh
