// SPDX-License-Identifier: MIT
// Build-time helper: renders the SVG app icon to the hicolor PNG sizes the desktop needs.
// Usage: mesh-render-icon SOURCE.svg OUTPUT_DIR NAME SIZE...  → OUTPUT_DIR/SIZExSIZE/apps/NAME.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 5) {
        err << "usage: mesh-render-icon SOURCE.svg OUTPUT_DIR NAME SIZE..." << Qt::endl;
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "mesh-render-icon: cannot read " << args.at(1) << Qt::endl;
        return 1;
    }
    for (const QString &arg : args.mid(4)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size <= 0 || size > 1024) {
            err << "mesh-render-icon: bad size " << arg << Qt::endl;
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        QDir().mkpath(dir);
        const QString file = dir + u'/' + args.at(3) + QStringLiteral(".png");
        if (!image.save(file)) {
            err << "mesh-render-icon: cannot write " << file << Qt::endl;
            return 1;
        }
    }
    return 0;
}
