// SPDX-License-Identifier: MIT
// The main window on a team cache: the Access and Edit views write to the team server (as the
// connected person, row-level security deciding), and queue in the cache while it is down.
#include "../team/pgfixture.h"

#include "access/accesssession.h"
#include "accesscontroller.h"
#include "editcontroller.h"
#include "editing/columneditmodel.h"
#include "editing/productdraft.h"
#include "federation/credentialstore.h"
#include "mainwindow.h"
#include "metadataeditortab.h"
#include "productpage.h"
#include "session/catalogsession.h"
#include "session/searchresultmodel.h"
#include "team/teamclient.h"
#include "teamconflictdialog.h"
#include "teamcontroller.h"

#include <QPushButton>
#include <QTableView>

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>

using namespace Mesh;

class TestTeamController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamcontroller"));
        QSettings().clear();
        MESH_START_PG(m_pg);
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        m_pg.stop();
    }

    void accessAndEditViewsWriteToTheServerOrQueue()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        QString error;
        // The person signs in as their own database role.
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"lucas.moreau\" LOGIN"), {}, &error));
        QSettings settings;
        settings.setValue(QStringLiteral("team/url"), url);
        settings.setValue(QStringLiteral("team/user"), QStringLiteral("lucas.moreau"));
        const QString path = m_pg.tempPath(QStringLiteral("app-writes.mesh"));
        QVERIFY(SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr));

        InMemoryCredentialStore credentials; // never the OS keychain in tests
        MainWindow window(nullptr, &credentials);
        auto *team = window.findChild<TeamController *>(QStringLiteral("teamController"));
        auto *access = window.findChild<AccessController *>();
        auto *edit = window.findChild<EditController *>();
        QVERIFY(team && access && edit);
        QSignalSpy synced(team, &TeamController::syncFinished);
        window.show();
        window.openCatalog(path);
        QVERIFY(synced.wait(30000));
        QVERIFY(synced.first().at(0).toBool());
        // The cache is a team cache: the session acts as the server's user.
        QTRY_VERIFY_WITH_TIMEOUT(access->session()->isTeam(), 20000);
        QCOMPARE(access->session()->userId(), QStringLiteral("lucas.moreau"));
        QTRY_COMPARE_WITH_TIMEOUT(edit->userId(), QStringLiteral("lucas.moreau"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            edit->isOpen() && edit->draft(QStringLiteral("product.jira-issues")), 20000);

        // Edit view → the server: one transaction with the version check, audited as lucas.
        const QString key = QStringLiteral("product.jira-issues");
        ProductDraft *draft = edit->draft(key);
        QVERIFY(draft);
        draft->setValue(MetadataField{}, QStringLiteral("Saved from the desktop to the server."));
        QSignalSpy saved(edit, &EditController::saveFinished);
        QVERIFY(edit->save(key));
        QVERIFY(saved.wait(30000));
        const EditOutcome done = saved.last().at(1).value<EditOutcome>();
        QVERIFY2(done.code == EditOutcome::Code::Ok, qPrintable(done.message));
        QCOMPARE(
            admin->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
                .text(0, 0),
            QStringLiteral("Saved from the desktop to the server."));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'edit' "
                                           "AND product_key = $1"),
                            {key})
                     .text(0, 0),
                 QStringLiteral("lucas.moreau"));
        // The save pulled its own version back: the draft starts from it.
        QCOMPARE(edit->draft(key)->baseVersion(), 2);

        // Access view → the server: a request filed as lucas on someone else's product.
        QSignalSpy finished(access->session(), &AccessSession::actionFinished);
        access->session()->request(QStringLiteral("finance.gross-margin"), {},
                                   QStringLiteral("margin review"), QDateTime::currentDateTimeUtc(),
                                   QDateTime::currentDateTimeUtc().addDays(14));
        QVERIFY(finished.wait(30000));
        const AccessOutcome filed = finished.last().at(0).value<AccessOutcome>();
        QVERIFY2(filed.ok(), qPrintable(filed.message));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT count(*) FROM access_requests WHERE "
                                           "requester_id = 'lucas.moreau' AND purpose = "
                                           "'margin review'"))
                     .integer(0, 0),
                 1);
        // Refused by the server's row-level security, with its reason, nothing written.
        access->session()->approve(filed.id, {}, {});
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).value<AccessOutcome>().code, AccessOutcome::Code::Refused);

        // The server goes away: the next edit is queued in the cache, and the indicator says so.
        settings.setValue(QStringLiteral("team/url"),
                          QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2"));
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000); // the one the request started
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        QVERIFY(!synced.last().at(0).toBool());
        draft = edit->draft(key);
        draft->setValue(MetadataField{}, QStringLiteral("Typed while the server was down."));
        saved.clear();
        QVERIFY(edit->save(key));
        QVERIFY(saved.wait(30000));
        const EditOutcome queued = saved.last().at(1).value<EditOutcome>();
        QVERIFY2(queued.queued, qPrintable(queued.message));
        {
            auto cache =
                SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, nullptr);
            QCOMPARE(TeamClient::outbox(*cache, QStringLiteral("queued")).size(), 1);
        }
        QTRY_VERIFY2_WITH_TIMEOUT(team->indicator()->text().contains(QStringLiteral("1 queued")),
                                  qPrintable(team->indicator()->text()), 30000);
        // Back online: the queued edit is sent.
        settings.setValue(QStringLiteral("team/url"), url);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(
            admin->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
                .text(0, 0),
            QStringLiteral("Typed while the server was down."), 30000);

        // Queued again, and meanwhile someone else saves: the replay conflicts, the person is
        // asked (not silently overwritten or dropped) and chooses to overwrite.
        settings.setValue(QStringLiteral("team/url"),
                          QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2"));
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        synced.clear();
        team->syncNow();
        QVERIFY(synced.wait(30000));
        edit->draft(key)->setValue(MetadataField{}, QStringLiteral("Queued, then overtaken."));
        saved.clear();
        QVERIFY(edit->save(key));
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.last().at(1).value<EditOutcome>().queued);
        TeamWrite other;
        other.kind = TeamWrite::Kind::Edit;
        other.actingUser = QStringLiteral("sofia.rossi");
        other.productKey = key;
        other.fields.insert(QStringLiteral("description"), QStringLiteral("Sofia's version."));
        QVERIFY(TeamClient::apply(*admin, other).ok());
        settings.setValue(QStringLiteral("team/url"), url);
        QTRY_VERIFY_WITH_TIMEOUT(!team->isSyncing(), 30000);
        team->syncNow();
        TeamConflictDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = window.findChild<TeamConflictDialog *>()) && dialog->isVisible(), 30000);
        QCOMPARE(dialog->changes().size(), 1);
        QCOMPARE(dialog->changes().first().before, QStringLiteral("Sofia's version."));
        QCOMPARE(dialog->changes().first().after, QStringLiteral("Queued, then overtaken."));
        QCOMPARE(
            admin->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
                .text(0, 0),
            QStringLiteral("Sofia's version."));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("teamConflictOverwrite")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            admin->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
                .text(0, 0),
            QStringLiteral("Queued, then overtaken."), 30000);
        QVERIFY(admin
                    ->exec(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'edit' "
                                          "ORDER BY seq DESC LIMIT 1"))
                    .text(0, 0)
                    .contains(QStringLiteral("overwrote")));
    }

    void editTabSavesColumnMetadataAndNarrowedApprovalsGoToTheServer()
    {
        const QString url = m_pg.seededDatabase();
        auto admin = Test::PgFixture::connect(url);
        QVERIFY(admin);
        QString error;
        QVERIFY(admin->run(QStringLiteral("ALTER ROLE \"lucas.moreau\" LOGIN"), {}, &error));
        QSettings settings;
        settings.setValue(QStringLiteral("team/url"), url);
        settings.setValue(QStringLiteral("team/user"), QStringLiteral("lucas.moreau"));
        const QString path = m_pg.tempPath(QStringLiteral("app-columns.mesh"));
        QVERIFY(SqliteCatalogStore::create(path, QStringLiteral("Team cache"), nullptr));

        InMemoryCredentialStore credentials; // never the OS keychain in tests
        MainWindow window(nullptr, &credentials);
        window.resize(1440, 900);
        auto *team = window.findChild<TeamController *>(QStringLiteral("teamController"));
        auto *access = window.findChild<AccessController *>();
        auto *edit = window.findChild<EditController *>();
        QVERIFY(team && access && edit);
        QSignalSpy synced(team, &TeamController::syncFinished);
        window.show();
        window.openCatalog(path);
        QVERIFY(synced.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(access->session()->isTeam(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(edit->userId(), QStringLiteral("lucas.moreau"), 5000);
        const QString key = QStringLiteral("product.jira-sprints");
        QTRY_VERIFY_WITH_TIMEOUT(edit->isOpen() && edit->draft(key), 20000);

        // The Edit tab: a column's description typed in the columns table, then Save.
        QSignalSpy productShown(&window, &MainWindow::productShown);
        window.setSearchText(QStringLiteral("jira sprints"));
        QTRY_COMPARE_WITH_TIMEOUT(window.resultModel()->requestId(),
                                  window.session()->currentRequestId(), 10000);
        bool found = false;
        for (int row = 0; row < 10 && !found; ++row) {
            if (!window.selectRow(row))
                break;
            QTRY_VERIFY_WITH_TIMEOUT(window.productPage()->product(), 5000);
            QTest::qWait(200);
            found = window.productPage()->product()->product.key == key;
        }
        QVERIFY(found);
        QVERIFY(window.productPage()->setCurrentPage(QStringLiteral("Edit")));
        auto *tab = window.findChild<MetadataEditorTab *>();
        QTRY_VERIFY_WITH_TIMEOUT(tab && tab->productKey() == key && tab->isEditable(), 10000);
        ColumnEditModel *columns = tab->columnModel();
        int goal = -1;
        for (int row = 0; row < columns->rowCount(); ++row)
            if (columns->index(row, ColumnEditModel::ColumnSection).data().toString() ==
                QStringLiteral("goal"))
                goal = row;
        QVERIFY(goal >= 0);
        QVERIFY(columns->setData(columns->index(goal, ColumnEditModel::DescriptionSection),
                                 QStringLiteral("What the team meant to finish this sprint.")));
        QTRY_VERIFY(tab->saveButton()->isEnabled());
        QSignalSpy saved(edit, &EditController::saveFinished);
        QTest::mouseClick(tab->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(30000));
        const EditOutcome done = saved.last().at(1).value<EditOutcome>();
        QVERIFY2(done.code == EditOutcome::Code::Ok, qPrintable(done.message));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT c ->> 'description' FROM products p, "
                                           "jsonb_array_elements(p.datasets) ds, "
                                           "jsonb_array_elements(ds -> 'columns') c WHERE p.key "
                                           "= $1 AND c ->> 'name' = 'goal'"),
                            {key})
                     .text(0, 0),
                 QStringLiteral("What the team meant to finish this sprint."));
        QCOMPARE(admin
                     ->exec(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'edit' "
                                           "AND product_key = $1"),
                            {key})
                     .text(0, 0),
                 QStringLiteral("lucas.moreau"));
        QTRY_COMPARE_WITH_TIMEOUT(
            columns->index(goal, ColumnEditModel::DescriptionSection).data().toString(),
            QStringLiteral("What the team meant to finish this sprint."), 10000);
        tab->columnView()->scrollTo(columns->index(goal, ColumnEditModel::DescriptionSection));
        tab->columnView()->selectRow(goal);
        QTest::qWait(300);
        if (qEnvironmentVariableIsSet("MESH_SCREENSHOT_DIR"))
            window.grab().save(qEnvironmentVariable("MESH_SCREENSHOT_DIR") +
                               QStringLiteral("/team-column-edit.png"));

        // Access view: Lucas approves Kenji's request narrowed to two columns and ten days.
        TeamWrite filed;
        filed.kind = TeamWrite::Kind::Request;
        filed.actingUser = QStringLiteral("kenji.watanabe");
        filed.productKey = key;
        filed.purpose = QStringLiteral("velocity report");
        filed.days = 30;
        const TeamWriteOutcome request = TeamClient::apply(*admin, filed);
        QVERIFY2(request.ok(), qPrintable(request.message));
        const QDateTime now = QDateTime::currentDateTimeUtc(); // one clock reading
        const QDateTime endsAt = now.addDays(10).addMSecs(-now.time().msec());
        QSignalSpy finished(access->session(), &AccessSession::actionFinished);
        access->session()->approve(request.id, {QStringLiteral("name"), QStringLiteral("goal")},
                                   endsAt);
        QVERIFY(finished.wait(30000));
        const AccessOutcome approved = finished.last().at(0).value<AccessOutcome>();
        QVERIFY2(approved.ok(), qPrintable(approved.message));
        const PgResult grant = admin->exec(
            QStringLiteral("SELECT array_to_string(columns, ','), ends_at = $2::timestamptz FROM "
                           "access_grants WHERE request_id = $1"),
            {request.id, endsAt});
        QCOMPARE(grant.rows(), 1);
        QCOMPARE(grant.text(0, 0), QStringLiteral("name,goal"));
        QVERIFY(grant.boolean(0, 1));
    }

private:
    Test::PgFixture m_pg;
};

QTEST_MAIN(TestTeamController)
#include "tst_teamcontroller.moc"
