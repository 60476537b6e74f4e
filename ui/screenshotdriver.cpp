// SPDX-License-Identifier: MIT
#include "screenshotdriver.h"

#include "appearance.h"
#include "mainwindow.h"
#include "productpage.h"
#include "session/catalogsession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace Mesh {

ScreenshotDriver::ScreenshotDriver(MainWindow *window, const QString &outputDir,
                                   const QStringList &only, bool dark, QObject *parent)
    : QObject(parent), m_window(window), m_outputDir(outputDir), m_only(only), m_dark(dark)
{
    for (const Shot &shot : shots())
        if (m_only.isEmpty() || m_only.contains(shot.name))
            m_queue.append(shot);
}

void ScreenshotDriver::start()
{
    QDir().mkpath(m_outputDir);
    if (m_dark)
        Appearance::setThemeMode(Appearance::ThemeMode::Dark);
    else
        Appearance::setThemeMode(Appearance::ThemeMode::Light); // the same look on every machine
    m_window->resize(1400, 860);
    connect(m_window, &MainWindow::catalogOpenFailed, this,
            [this](const QString &path, const QString &message) {
                fail(QStringLiteral("cannot open the demo %1: %2").arg(path, message));
                QCoreApplication::exit(1);
            });
    connect(
        m_window, &MainWindow::resultsShown, this, [this] { settle(300, [this] { runNext(); }); },
        Qt::SingleShotConnection);
    m_window->openDemoCatalog();
}

void ScreenshotDriver::runNext()
{
    reset();
    if (++m_index >= m_queue.size()) {
        QTextStream(stdout) << "screenshots: " << m_saved << " saved in "
                            << QDir::toNativeSeparators(m_outputDir) << Qt::endl;
        QCoreApplication::exit(m_failures == 0 ? 0 : 1);
        return;
    }
    const Shot shot = m_queue.at(m_index);
    // A shot that never grabs must not hang the run.
    auto done = std::make_shared<bool>(false);
    QTimer::singleShot(30000, this, [this, done, name = shot.name] {
        if (*done)
            return;
        *done = true;
        fail(QStringLiteral("%1: timed out").arg(name));
        runNext();
    });
    shot.take(*this, [this, done, name = shot.name](const QPixmap &picture) {
        if (*done)
            return;
        *done = true;
        save(name, picture);
        QTimer::singleShot(0, this, &ScreenshotDriver::runNext);
    });
}

void ScreenshotDriver::save(const QString &name, const QPixmap &picture)
{
    if (picture.isNull()) {
        fail(QStringLiteral("%1: nothing to grab").arg(name));
        return;
    }
    const QString file =
        QDir(m_outputDir)
            .filePath(name + (m_dark ? QStringLiteral("-dark.png") : QStringLiteral(".png")));
    if (!picture.save(file)) {
        fail(QStringLiteral("cannot write %1").arg(file));
        return;
    }
    ++m_saved;
    QTextStream(stdout) << "screenshot " << QDir::toNativeSeparators(file) << Qt::endl;
}

void ScreenshotDriver::reset()
{
    if (!m_window)
        return;
    // Close what the previous shot opened: dialogs, palettes, extra windows.
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w != m_window && w->isVisible())
            w->close();
    m_window->activateWindow();
}

void ScreenshotDriver::fail(const QString &message)
{
    ++m_failures;
    QTextStream(stderr) << "mesh-explorer: screenshot " << message << Qt::endl;
}

void ScreenshotDriver::search(const QString &text, const Next &next)
{
    connect(
        m_window, &MainWindow::resultsShown, this, [this, next] { settle(150, next); },
        Qt::SingleShotConnection);
    m_window->setSearchText(text);
}

void ScreenshotDriver::showProduct(const QString &key, const QString &tab, const Next &next)
{
    connect(
        m_window, &MainWindow::productShown, this,
        [this, tab, next] {
            if (!tab.isEmpty())
                m_window->productPage()->setCurrentPage(tab);
            settle(300, next);
        },
        Qt::SingleShotConnection);
    m_window->session()->loadProductByKey(key);
}

void ScreenshotDriver::settle(int ms, const Next &next)
{
    QTimer::singleShot(ms, this, next);
}

void ScreenshotDriver::waitUntil(const std::function<bool()> &ready, int timeoutMs,
                                 const Next &next)
{
    auto *timer = new QTimer(this);
    timer->setInterval(50);
    QElapsedTimer elapsed;
    elapsed.start();
    connect(timer, &QTimer::timeout, this, [timer, ready, timeoutMs, next, elapsed] {
        if (!ready() && elapsed.elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater();
        next();
    });
    timer->start();
}

QPixmap ScreenshotDriver::composite(QWidget *window, QWidget *overlay)
{
    QPixmap base = window->grab();
    if (!overlay)
        return base;
    QPainter painter(&base);
    const QPoint at = overlay->frameGeometry().topLeft() - window->geometry().topLeft();
    const QPixmap top = overlay->grab();
    // A thin frame and shadow, as a window manager would draw around a popup.
    painter.fillRect(QRect(at + QPoint(3, 4), top.size() / top.devicePixelRatio()),
                     QColor(0, 0, 0, 60));
    painter.drawPixmap(at, top);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.drawRect(QRect(at, top.size() / top.devicePixelRatio()).adjusted(0, 0, -1, -1));
    return base;
}

} // namespace Mesh
