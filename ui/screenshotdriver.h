// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QPixmap;
class QWidget;

namespace Mesh {

class MainWindow;

/**
 * Makes the README's pictures: opens the demo catalog in a fresh main window, then runs a table
 * of named shots one after the other. Each shot puts the application into a state (search,
 * select a product, open a window or dialog) and hands back a picture of it; the driver saves
 * it as <name>.png (or <name>-dark.png with the dark theme) and resets the window for the next
 * shot. Features add a row to the table in screenshotshots.cpp. Started by
 * `mesh-explorer --screenshots DIR`, quits the application when done (exit 1 if any shot
 * failed). UI thread.
 */
class ScreenshotDriver : public QObject
{
    Q_OBJECT

public:
    using Next = std::function<void()>;
    /** Hands the picture to save to the driver; a null pixmap marks the shot failed. */
    using Grab = std::function<void(const QPixmap &picture)>;

    struct Shot
    {
        QString name;        // file stem, e.g. "main-window"
        QString description; // what the picture shows, for --list-screenshots
        std::function<void(ScreenshotDriver &driver, const Grab &grab)> take;
    };

    /** The table of shots, in the order they are taken (screenshotshots.cpp). */
    static QList<Shot> shots();

    /** only: shot names to take (empty: all); dark: take them with the dark theme. */
    ScreenshotDriver(MainWindow *window, const QString &outputDir, const QStringList &only,
                     bool dark, QObject *parent = nullptr);

    /** Opens the demo catalog and starts taking shots once its results are shown. */
    void start();

    MainWindow *window() const { return m_window; }

    // Steps for shots: each runs next once the window has caught up.
    /** Searches for text (empty: all products) and waits for the results. */
    void search(const QString &text, const Next &next);
    /** Loads the product with key and waits for its page; then shows the product tab, if any. */
    void showProduct(const QString &key, const QString &tab, const Next &next);
    /** Waits ms milliseconds for pages and workers to settle. */
    void settle(int ms, const Next &next);
    /** Polls until ready() is true (every 50 ms, up to timeoutMs), then runs next. */
    void waitUntil(const std::function<bool()> &ready, int timeoutMs, const Next &next);
    /** The main window with the top-level overlay (a palette, a dialog) painted where it is. */
    static QPixmap composite(QWidget *window, QWidget *overlay);

private:
    void runNext();
    void save(const QString &name, const QPixmap &picture);
    void reset();
    void fail(const QString &message);

    QPointer<MainWindow> m_window;
    QString m_outputDir;
    QStringList m_only;
    bool m_dark = false;
    QList<Shot> m_queue;
    int m_index = -1;
    int m_failures = 0;
    int m_saved = 0;
};

} // namespace Mesh
