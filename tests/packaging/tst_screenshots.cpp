// SPDX-License-Identifier: MIT
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/**
 * scripts/screenshots runs offscreen into a temporary folder with the built mesh-explorer and
 * writes every shot of the table (and the dark variants) as a real picture: the right size, many
 * colours, not one flat area, the dark ones darker than the light ones.
 */
class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void scriptTakesEveryShot();

private:
    static double meanLightness(const QImage &image);
};

double TestScreenshots::meanLightness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++n)
            sum += QColor(image.pixel(x, y)).lightness();
    return n ? sum / n : 0;
}

void TestScreenshots::scriptTakesEveryShot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    // The shots the binary knows, from its own table.
    QProcess list;
    list.setProcessEnvironment(env);
    list.start(QStringLiteral(MESH_EXPLORER), {QStringLiteral("--list-screenshots")});
    QVERIFY(list.waitForFinished(30000));
    QCOMPARE(list.exitCode(), 0);
    QStringList names;
    for (const QString &line :
         QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts))
        names << line.section(u'\t', 0, 0);
    for (const char *expected :
         {"main-window", "schema", "lineage", "preview", "access-inbox", "audit-log", "empty-state",
          "command-palette", "keyboard-shortcuts", "welcome", "about"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);

    const QString out = dir.filePath(QStringLiteral("shots"));
    QProcess script;
    script.setProcessEnvironment(env);
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("bash"),
                 {QStringLiteral(MESH_SCREENSHOTS_SCRIPT), QStringLiteral("--binary"),
                  QStringLiteral(MESH_EXPLORER), QStringLiteral("--out"), out,
                  QStringLiteral("--dark"), QStringLiteral("main-window,welcome")});
    QVERIFY(script.waitForFinished(240000));
    const QString log = QString::fromUtf8(script.readAll());
    QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
             qPrintable(log));

    QStringList files = names;
    files << QStringLiteral("main-window-dark") << QStringLiteral("welcome-dark");
    for (const QString &name : std::as_const(files)) {
        const QString path = out + u'/' + name + QStringLiteral(".png");
        QVERIFY2(QFileInfo::exists(path), qPrintable(path + u'\n' + log));
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QVERIFY2(image.width() >= 400 && image.height() >= 250, qPrintable(name));
        // Non-trivial: many colours, and no single colour covers nearly everything.
        QHash<QRgb, int> counts;
        int samples = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3, ++samples)
                ++counts[image.pixel(x, y)];
        int top = 0;
        for (int c : std::as_const(counts))
            top = std::max(top, c);
        QVERIFY2(counts.size() >= 32,
                 qPrintable(name + QStringLiteral(": %1 colours").arg(counts.size())));
        QVERIFY2(top < samples * 0.97, qPrintable(name + QStringLiteral(": one colour covers it")));
    }
    // The dark theme is dark.
    for (const QString &name : {QStringLiteral("main-window"), QStringLiteral("welcome")}) {
        const double light = meanLightness(QImage(out + u'/' + name + QStringLiteral(".png")));
        const double dark = meanLightness(QImage(out + u'/' + name + QStringLiteral("-dark.png")));
        QVERIFY2(dark + 60 < light,
                 qPrintable(name + QStringLiteral(": light %1, dark %2").arg(light).arg(dark)));
    }
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
