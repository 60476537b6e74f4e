// SPDX-License-Identifier: MIT
#include "catalog/sqlitecatalogstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

/**
 * The desktop files validate, the MIME type recognises catalogs by content, and CPack makes a
 * .deb and a .tar.gz from the already built tree with everything a desktop needs, whose
 * mesh-explorer runs from a temporary root. Runs the real tools (cpack, dpkg-deb,
 * desktop-file-validate, appstreamcli, update-mime-database).
 */
class TestPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void desktopFileValidates();
    void metainfoValidates();
    void mimeTypeRecognisesCatalogsByContent();
    void packagesBuildWithEverything();
    void debDependenciesComeFromShlibdeps();
    void installedAppRunsFromTemporaryRoot();
    void tarballHoldsTheSameFiles();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &args,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                   int timeoutMs = 240000);
    static QStringList listedPaths(const QString &listing);

    QTemporaryDir m_dir;
    QString m_deb;
    QString m_tarball;
    QStringList m_debFiles;
};

TestPackage::Run TestPackage::run(const QString &program, const QStringList &args,
                                  const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = program + QStringLiteral(": cannot start");
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = program + QStringLiteral(": timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList TestPackage::listedPaths(const QString &listing)
{
    // dpkg-deb -c prints "drwxr-xr-x root/root 0 2026-11-30 10:00 ./usr/bin/"; tar t prints paths.
    QStringList paths;
    for (const QString &line : listing.split(u'\n', Qt::SkipEmptyParts)) {
        QString path = line.section(u' ', -1);
        if (line.contains(QStringLiteral(" -> ")))
            path = line.section(QStringLiteral(" -> "), 0, 0).section(u' ', -1);
        if (path.startsWith(QStringLiteral("./")))
            path = path.mid(1);
        paths << path;
    }
    return paths;
}

void TestPackage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(QStringLiteral(MESH_CPACK_CONFIG)),
             "CPackConfig.cmake is missing; configure the build first");
}

void TestPackage::desktopFileValidates()
{
    const Run r = run(QStringLiteral("desktop-file-validate"), {QStringLiteral(MESH_DESKTOP_FILE)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.out)); // not even hints
}

void TestPackage::metainfoValidates()
{
    const Run r = run(QStringLiteral("appstreamcli"),
                      {QStringLiteral("validate"), QStringLiteral("--no-net"),
                       QStringLiteral("--no-color"), QStringLiteral(MESH_METAINFO_FILE)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(
                 QRegularExpression(QStringLiteral("^[EW]:"), QRegularExpression::MultilineOption)),
             qPrintable(r.out));
}

void TestPackage::mimeTypeRecognisesCatalogsByContent()
{
    // The system's MIME packages plus ours, merged into one database by the same tool the
    // package's trigger runs, as on an installed system (one mime.cache, sorted by priority).
    const QString mimeRoot = m_dir.filePath(QStringLiteral("xdg"));
    QVERIFY(QDir().mkpath(mimeRoot + QStringLiteral("/mime/packages")));
    QVERIFY(QFile::copy(QStringLiteral(MESH_MIME_FILE),
                        mimeRoot +
                            QStringLiteral("/mime/packages/org.mesh-explorer.MeshExplorer.xml")));
    QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"),
                        mimeRoot + QStringLiteral("/mime/packages/freedesktop.org.xml")));
    const Run r = run(QStringLiteral("update-mime-database"), {mimeRoot + QStringLiteral("/mime")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    qputenv("XDG_DATA_DIRS", mimeRoot.toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("no-user-data")).toLocal8Bit());

    // A catalog under a name that does not say so, and another application's SQLite file.
    const QString catalog = m_dir.filePath(QStringLiteral("renamed.bin"));
    CatalogError error;
    QVERIFY2(SqliteCatalogStore::create(catalog, QStringLiteral("Mime test"), &error),
             qPrintable(error.message));
    QByteArray foreign("SQLite format 3\0", 16);
    foreign += QByteArray(4080, '\0');
    const QString other = m_dir.filePath(QStringLiteral("other.bin"));
    QFile f(other);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(foreign);
    f.close();

    const QMimeDatabase db;
    QCOMPARE(db.mimeTypeForFile(catalog, QMimeDatabase::MatchContent).name(),
             QStringLiteral("application/x-mesh-catalog"));
    QVERIFY(db.mimeTypeForFile(catalog).inherits(QStringLiteral("application/vnd.sqlite3")));
    QVERIFY(db.mimeTypeForFile(other, QMimeDatabase::MatchContent).name() !=
            QStringLiteral("application/x-mesh-catalog"));
    QCOMPARE(db.mimeTypeForFile(QStringLiteral("somewhere/q3.mesh"), QMimeDatabase::MatchExtension)
                 .name(),
             QStringLiteral("application/x-mesh-catalog"));
}

void TestPackage::packagesBuildWithEverything()
{
    // cpack installs the tree that is already built (no second build); gzip keeps it quick.
    const QString out = m_dir.filePath(QStringLiteral("packages"));
    const Run r =
        run(QStringLiteral(MESH_CPACK),
            {QStringLiteral("--config"), QStringLiteral(MESH_CPACK_CONFIG), QStringLiteral("-B"),
             out, QStringLiteral("-D"), QStringLiteral("CPACK_DEBIAN_COMPRESSION_TYPE=gzip")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
    const QStringList tarballs = QDir(out).entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    QCOMPARE(tarballs.size(), 1);
    QVERIFY2(debs.first().startsWith(QStringLiteral("mesh-explorer_" MESH_VERSION "_")),
             qPrintable(debs.first()));
    m_deb = QDir(out).filePath(debs.first());
    m_tarball = QDir(out).filePath(tarballs.first());

    const Run contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QVERIFY2(contents.exitCode == 0, qPrintable(contents.err));
    m_debFiles = listedPaths(contents.out);
    const QStringList expected = {
        QStringLiteral("/usr/bin/mesh-explorer"),
        QStringLiteral("/usr/bin/meshctl"),
        QStringLiteral("/usr/share/applications/org.mesh-explorer.MeshExplorer.desktop"),
        QStringLiteral("/usr/share/metainfo/org.mesh-explorer.MeshExplorer.metainfo.xml"),
        QStringLiteral("/usr/share/mime/packages/org.mesh-explorer.MeshExplorer.xml"),
        QStringLiteral("/usr/share/icons/hicolor/scalable/apps/org.mesh-explorer.MeshExplorer.svg"),
        QStringLiteral("/usr/share/icons/hicolor/48x48/apps/org.mesh-explorer.MeshExplorer.png"),
        QStringLiteral("/usr/share/icons/hicolor/256x256/apps/org.mesh-explorer.MeshExplorer.png"),
        QStringLiteral("/usr/share/man/man1/meshctl.1.gz"),
        QStringLiteral("/usr/share/man/man1/mesh-explorer.1.gz"),
        QStringLiteral("/usr/share/doc/mesh-explorer/copyright"),
    };
    for (const QString &path : expected)
        QVERIFY2(m_debFiles.contains(path),
                 qPrintable(path + QStringLiteral(" missing from\n") + contents.out));
    for (int size : {16, 22, 24, 32, 64, 128, 512})
        QVERIFY(m_debFiles.contains(
            QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/org.mesh-explorer.MeshExplorer.png")
                .arg(size)));
    // Nothing from the build tree or the tests leaks in.
    for (const QString &path : std::as_const(m_debFiles)) {
        QVERIFY2(path.startsWith(QStringLiteral("/usr/")) || path == u"/", qPrintable(path));
        QVERIFY2(!path.contains(QStringLiteral("tst_")) &&
                     !path.contains(QStringLiteral("mesh-render-icon")),
                 qPrintable(path));
    }
}

void TestPackage::debDependenciesComeFromShlibdeps()
{
    QVERIFY2(!m_deb.isEmpty(), "no package was built");
    const Run r =
        run(QStringLiteral("dpkg-deb"),
            {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Version"),
             QStringLiteral("Depends"), QStringLiteral("Architecture")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Package: mesh-explorer")));
    QVERIFY(r.out.contains(QStringLiteral("Version: " MESH_VERSION)));
    const QString depends = r.out.section(QStringLiteral("Depends: "), 1).section(u'\n', 0, 0);
    // Computed by dpkg-shlibdeps from the binaries, with versions.
    for (const char *lib : {"libqt6widgets6", "libqt6core6", "libqt6gui6", "libqt6charts6",
                            "libqt6svg6", "libsqlite3-0", "libcurl4", "libc6"})
        QVERIFY2(depends.contains(QLatin1String(lib)),
                 qPrintable(QLatin1String(lib) + QStringLiteral(" not in ") + depends));
    QVERIFY2(depends.contains(QRegularExpression(QStringLiteral("libc6 \\(>= [0-9.]+\\)"))),
             qPrintable(depends));
}

void TestPackage::installedAppRunsFromTemporaryRoot()
{
    QVERIFY2(!m_deb.isEmpty(), "no package was built");
    const QString root = m_dir.filePath(QStringLiteral("root"));
    const Run x = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root});
    QVERIFY2(x.exitCode == 0, qPrintable(x.err));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    const Run version = run(root + QStringLiteral("/usr/bin/mesh-explorer"),
                            {QStringLiteral("--version")}, env, 30000);
    QVERIFY2(version.exitCode == 0, qPrintable(version.out + version.err));
    QCOMPARE(version.out.trimmed(), QStringLiteral("mesh-explorer " MESH_VERSION));

    const Run help =
        run(root + QStringLiteral("/usr/bin/meshctl"), {QStringLiteral("--help")}, env, 30000);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("Usage: meshctl")));

    // The installed desktop file points at what the package installs.
    QFile desktop(root +
                  QStringLiteral("/usr/share/applications/org.mesh-explorer.MeshExplorer.desktop"));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(desktop.readAll());
    QVERIFY(entry.contains(QStringLiteral("\nExec=mesh-explorer %f\n")));
    QVERIFY(entry.contains(QStringLiteral("\nIcon=org.mesh-explorer.MeshExplorer\n")));
    QVERIFY(entry.contains(QStringLiteral("MimeType=application/x-mesh-catalog;")));
    // The man page is a man page.
    const Run man = run(QStringLiteral("sh"),
                        {QStringLiteral("-c"),
                         QStringLiteral("zcat '%1' | head -c 4000")
                             .arg(root + QStringLiteral("/usr/share/man/man1/meshctl.1.gz"))});
    QVERIFY(man.out.contains(QStringLiteral(".TH MESHCTL 1")));
    QVERIFY(man.out.contains(QStringLiteral("Mesh Explorer " MESH_VERSION)));
}

void TestPackage::tarballHoldsTheSameFiles()
{
    QVERIFY2(!m_tarball.isEmpty(), "no tarball was built");
    const Run r = run(QStringLiteral("tar"), {QStringLiteral("-tzf"), m_tarball});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList inTar;
    for (const QString &path : r.out.split(u'\n', Qt::SkipEmptyParts))
        if (!path.endsWith(u'/'))
            inTar << u'/' + path.section(u'/', 1); // drop the top-level folder
    for (const QString &path : std::as_const(m_debFiles)) {
        if (path.endsWith(u'/'))
            continue;
        QString relative = path;
        relative.remove(0, 4); // "/usr"
        QVERIFY2(inTar.contains(relative), qPrintable(relative));
    }
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
