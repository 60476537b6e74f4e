// SPDX-License-Identifier: MIT
// File → Connect to Team Catalog…: test connection against a real server, errors, and the
// password going to the credential store only when asked.
#include "../team/pgfixture.h"

#include "federation/credentialstore.h"
#include "mainwindow.h"
#include "session/catalogsession.h"
#include "session/searchresultmodel.h"
#include "teamconnectdialog.h"
#include "teamcontroller.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>

using namespace Mesh;

class TestTeamConnectDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamconnectdialog"));
        QSettings().clear();
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        m_pg.stop();
    }

    void testConnectionSaysWhatItFound()
    {
        InMemoryCredentialStore credentials;
        TeamConnectDialog dialog(&credentials);
        dialog.setUrl(m_url);
        dialog.setUser(QStringLiteral("mesh"));
        QSignalSpy finished(&dialog, &TeamConnectDialog::testFinished);
        dialog.findChild<QPushButton *>(QStringLiteral("teamTest"))->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.testResult()));
        QVERIFY2(dialog.testResult().contains(QStringLiteral("team catalog schema %1, 36 products")
                                                  .arg(ServerSchema::kLatestVersion)),
                 qPrintable(dialog.testResult()));
        dialog.resize(620, dialog.sizeHint().height());
        dialog.grab().save(m_pg.tempPath(QStringLiteral("team-connect.png")));
        if (qEnvironmentVariableIsSet("MESH_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("MESH_SCREENSHOT_DIR") +
                               QStringLiteral("/team-connect.png"));

        // An empty database: reachable, but no team catalog, and it says what to do.
        dialog.setUrl(m_pg.freshDatabase());
        finished.clear();
        dialog.testConnection();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog.testResult().contains(QStringLiteral("meshctl server init")),
                 qPrintable(dialog.testResult()));

        // Nothing listening: the error names the server and never the password.
        dialog.setUrl(QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2"));
        dialog.setPassword(QStringLiteral("s3cret"));
        finished.clear();
        dialog.testConnection();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog.testResult().contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(dialog.testResult()));
        QVERIFY(!dialog.testResult().contains(QStringLiteral("s3cret")));
    }

    void passwordIsKeptOnlyWhenAskedAndNeverInSettings()
    {
        InMemoryCredentialStore credentials;
        {
            TeamConnectDialog dialog(&credentials);
            dialog.setUrl(m_url);
            dialog.setUser(QStringLiteral("maria.lopez"));
            dialog.setPassword(QStringLiteral("pw-1"));
            dialog.setRememberPassword(false);
            dialog.accept();
        }
        const QString key = TeamConnectDialog::credentialKey(m_url, QStringLiteral("maria.lopez"));
        QVERIFY(credentials.secret(key).isEmpty());
        {
            TeamConnectDialog dialog(&credentials);
            QCOMPARE(dialog.url(), m_url); // remembered in the settings
            QCOMPARE(dialog.user(), QStringLiteral("maria.lopez"));
            QVERIFY(dialog.password().isEmpty());
            dialog.setPassword(QStringLiteral("pw-2"));
            dialog.setRememberPassword(true);
            dialog.accept();
        }
        QCOMPARE(credentials.secret(key), QByteArray("pw-2"));
        TeamConnectDialog again(&credentials);
        QCOMPARE(again.password(), QByteArray("pw-2"));
        QVERIFY(again.rememberPassword());
        QSettings settings;
        for (const QString &k : settings.allKeys())
            QVERIFY2(!settings.value(k).toString().contains(QStringLiteral("pw-2")), qPrintable(k));
    }

    void mainWindowSyncsTheOpenCatalogAndShowsTheConnection()
    {
        QSettings().clear();
        // The password is remembered in the store the window is given, never the OS keychain.
        InMemoryCredentialStore credentials;
        {
            TeamConnectDialog dialog(&credentials);
            dialog.setUrl(m_pg.seededDatabase());
            dialog.setUser(QStringLiteral("mesh"));
            dialog.setPassword(QStringLiteral("pw-in-memory"));
            dialog.setRememberPassword(true);
            dialog.accept();
        }
        QSettings settings;
        QCOMPARE(credentials.secret(TeamConnectDialog::credentialKey(
                     settings.value(QStringLiteral("team/url")).toString(), QStringLiteral("mesh"))),
                 QByteArray("pw-in-memory"));
        const QString path = m_pg.tempPath(QStringLiteral("window-cache.mesh"));
        QVERIFY(SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr));
        MainWindow window(nullptr, &credentials);
        auto *controller = window.findChild<TeamController *>(QStringLiteral("teamController"));
        QVERIFY(controller);
        QSignalSpy synced(controller, &TeamController::syncFinished);
        window.show();
        window.openCatalog(path);
        QVERIFY(synced.wait(30000));
        QVERIFY(synced.first().at(0).toBool());
        QVERIFY2(controller->indicator()->text().contains(QStringLiteral("online")),
                 qPrintable(controller->indicator()->text()));
        QVERIFY(controller->indicator()->isVisible());
        // The sync brought the catalog: the window reopened it and lists every product.
        QTRY_COMPARE_WITH_TIMEOUT(window.resultModel()->rowCount(), 36, 20000);
        // The sync read the password from the injected store (the keychain would have none).
        QCOMPARE(window.session()->teamRoute().password, QByteArray("pw-in-memory"));

        // A sync in progress shows in the indicator at once, before the worker's result is
        // handled, and online again when it is done.
        QVERIFY(!controller->isSyncing());
        synced.clear();
        controller->syncNow();
        QVERIFY(controller->isSyncing());
        QCOMPARE(controller->indicator()->text(), QStringLiteral("◌ Team: syncing…"));
        QVERIFY(synced.wait(30000));
        QVERIFY(synced.first().at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(controller->indicator()->text(), QStringLiteral("● Team: online"),
                                  10000);

        // Another desktop commits: the server's NOTIFY brings it well before the 30 s poll.
        synced.clear();
        auto other = Test::PgFixture::connect(settings.value(QStringLiteral("team/url")).toString());
        QString error;
        QVERIFY(other->run(QStringLiteral("UPDATE products SET name = 'Churn Events (live)' WHERE "
                                          "key = 'cs.churn-events'"),
                           {}, &error));
        QVERIFY(synced.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.session()->path() == path &&
                SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, nullptr)
                        ->productByKey(QStringLiteral("cs.churn-events"))
                        ->name == QStringLiteral("Churn Events (live)"),
            10000);

        // The server goes away: offline, and it says so.
        settings.setValue(QStringLiteral("team/url"),
                          QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2"));
        synced.clear();
        controller->syncNow();
        QVERIFY(synced.wait(30000));
        QVERIFY(!synced.last().at(0).toBool());
        QVERIFY2(controller->indicator()->text().contains(QStringLiteral("offline · 0 queued")),
                 qPrintable(controller->indicator()->text()));
        QVERIFY2(controller->indicator()->toolTip().contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(controller->indicator()->toolTip()));
        window.grab().save(m_pg.tempPath(QStringLiteral("team-window.png")));
        if (qEnvironmentVariableIsSet("MESH_SCREENSHOT_DIR"))
            window.grab().save(qEnvironmentVariable("MESH_SCREENSHOT_DIR") +
                               QStringLiteral("/team-window.png"));
    }

private:
    Test::PgFixture m_pg;
    QString m_url;
};

QTEST_MAIN(TestTeamConnectDialog)
#include "tst_teamconnectdialog.moc"
