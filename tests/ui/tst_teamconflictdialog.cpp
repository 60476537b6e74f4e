// SPDX-License-Identifier: MIT
// Two desktops edit one product on the team server: the second meets a conflict, and the dialog
// offers Reload, Overwrite (audited) and Compare, side by side; nothing is lost.
#include "../team/pgfixture.h"

#include "editing/editingservice.h"
#include "team/teamclient.h"
#include "team/teameditor.h"
#include "team/teamsync.h"
#include "teamconflictdialog.h"

#include <QPushButton>
#include <QTableWidget>

using namespace Mesh;

class TestTeamConflictDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        MESH_START_PG(m_pg);
        m_url = m_pg.seededDatabase();
        m_admin = Test::PgFixture::connect(m_url);
        QVERIFY(m_admin);
        QString error;
        QVERIFY2(
            Test::PgFixture::allowLogin(
                *m_admin, {QStringLiteral("lucas.moreau"), QStringLiteral("sofia.rossi")}, &error),
            qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void secondDesktopGetsTheDialogAndOverwritesAudited()
    {
        const QString key = QStringLiteral("product.jira-sprints");
        auto lucasCache = cache(QStringLiteral("lucas.mesh"));
        auto sofiaCache = cache(QStringLiteral("sofia.mesh"));
        QVERIFY(lucasCache && sofiaCache);
        const TeamRoute lucas{m_url, QStringLiteral("lucas.moreau"), {}};
        const TeamRoute sofia{m_url, QStringLiteral("sofia.rossi"), {}};

        // Both start from the same version; Lucas saves first.
        const VersionedProduct start = *EditingService(*lucasCache).load(key);
        Product lucasDraft = start.product;
        lucasDraft.description = QStringLiteral("Sprints, as Lucas wrote it.");
        std::optional<VersionedProduct> saved;
        const EditOutcome first =
            TeamEditor::save(lucas, *lucasCache, lucasDraft, start.version, false, &saved);
        QVERIFY2(first.code == EditOutcome::Code::Ok, qPrintable(first.message));

        Product sofiaDraft = EditingService(*sofiaCache).load(key)->product;
        sofiaDraft.description = QStringLiteral("Sprints, as Sofia wrote it.");
        sofiaDraft.tags.append(QStringLiteral("agile"));
        const EditOutcome second =
            TeamEditor::save(sofia, *sofiaCache, sofiaDraft, start.version, false, &saved);
        QCOMPARE(second.code, EditOutcome::Code::Conflict);
        QCOMPARE(second.changedBy, QStringLiteral("lucas.moreau"));
        // Nothing of Sofia's reached the server; her cache now holds Lucas's version.
        QCOMPARE(serverDescription(key), QStringLiteral("Sprints, as Lucas wrote it."));
        const Product theirs = EditingService(*sofiaCache).load(key)->product;
        QCOMPARE(theirs.description, QStringLiteral("Sprints, as Lucas wrote it."));

        TeamConflictDialog dialog(theirs, sofiaDraft, second.message);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidget *table = dialog.compareTable();
        QVERIFY(!table->isVisible());
        QTest::mouseClick(button(dialog, "teamConflictCompareButton"), Qt::LeftButton);
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2); // description and tags
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("description"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Sprints, as Lucas wrote it."));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Sprints, as Sofia wrote it."));
        QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("agile")));
        if (qEnvironmentVariableIsSet("MESH_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("MESH_SCREENSHOT_DIR") +
                               QStringLiteral("/team-conflict.png"));
        QTest::mouseClick(button(dialog, "teamConflictOverwrite"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), TeamConflictDialog::Choice::Overwrite);
        QVERIFY(!dialog.isVisible());

        // Overwrite: hers on top of the new version, and the audit says it overwrote.
        const EditOutcome over =
            TeamEditor::save(sofia, *sofiaCache, sofiaDraft,
                             EditingService(*sofiaCache).currentVersion(key), true, &saved);
        QVERIFY2(over.code == EditOutcome::Code::Ok, qPrintable(over.message));
        QCOMPARE(serverDescription(key), QStringLiteral("Sprints, as Sofia wrote it."));
        QVERIFY(m_admin
                    ->exec(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'edit' AND "
                                          "actor = 'sofia.rossi' ORDER BY seq DESC LIMIT 1"))
                    .text(0, 0)
                    .contains(QStringLiteral("overwrote")));
        // Both versions are kept on the server.
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT count(*) FROM product_versions WHERE "
                                           "product_key = $1"),
                            {key})
                     .integer(0, 0),
                 2);
    }

    void columnConflictIsComparedColumnByColumn()
    {
        const QString key = QStringLiteral("product.jira-releases");
        auto lucasCache = cache(QStringLiteral("lucas-columns.mesh"));
        auto sofiaCache = cache(QStringLiteral("sofia-columns.mesh"));
        QVERIFY(lucasCache && sofiaCache);
        const TeamRoute lucas{m_url, QStringLiteral("lucas.moreau"), {}};
        const TeamRoute sofia{m_url, QStringLiteral("sofia.rossi"), {}};
        const VersionedProduct start = *EditingService(*lucasCache).load(key);
        QVERIFY(!start.product.datasets.isEmpty());
        const QString column = start.product.datasets.first().columns.at(2).name;

        Product lucasDraft = start.product;
        lucasDraft.datasets[0].columns[2].description = QStringLiteral("Release name (Lucas).");
        std::optional<VersionedProduct> saved;
        QCOMPARE(
            TeamEditor::save(lucas, *lucasCache, lucasDraft, start.version, false, &saved).code,
            EditOutcome::Code::Ok);
        Product sofiaDraft = EditingService(*sofiaCache).load(key)->product;
        sofiaDraft.datasets[0].columns[2].description = QStringLiteral("Release name (Sofia).");
        sofiaDraft.datasets[0].columns[2].classification = QStringLiteral("Internal.Label");
        const EditOutcome second =
            TeamEditor::save(sofia, *sofiaCache, sofiaDraft, start.version, false, &saved);
        QCOMPARE(second.code, EditOutcome::Code::Conflict);

        const Product theirs = EditingService(*sofiaCache).load(key)->product;
        TeamConflictDialog dialog(theirs, sofiaDraft, second.message);
        dialog.resize(760, 420);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(button(dialog, "teamConflictCompareButton"), Qt::LeftButton);
        QTableWidget *table = dialog.compareTable();
        QCOMPARE(table->rowCount(), 2); // the column's description and classification
        QStringList rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows.append(table->item(r, 0)->text() + QLatin1Char('|') + table->item(r, 1)->text() +
                        QLatin1Char('|') + table->item(r, 2)->text());
        QVERIFY2(rows.contains(QStringLiteral("column %1: description|Release name (Lucas).|"
                                              "Release name (Sofia).")
                                   .arg(column)),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        if (qEnvironmentVariableIsSet("MESH_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("MESH_SCREENSHOT_DIR") +
                               QStringLiteral("/team-column-conflict.png"));
        QTest::mouseClick(button(dialog, "teamConflictLater"), Qt::LeftButton);
        QCOMPARE(serverColumnDescription(key, column), QStringLiteral("Release name (Lucas)."));
    }

    void reloadAndLaterAreChoicesToo()
    {
        Product theirs = m_pg.demo()->productByKey(QStringLiteral("product.jira-issues")).value();
        Product yours = theirs;
        yours.status = QStringLiteral("deprecated");
        {
            TeamConflictDialog dialog(theirs, yours, QStringLiteral("changed since"));
            dialog.show();
            QCOMPARE(dialog.changes().size(), 1);
            QTest::mouseClick(button(dialog, "teamConflictReload"), Qt::LeftButton);
            QCOMPARE(dialog.choice(), TeamConflictDialog::Choice::Reload);
            // The person's values stay available to the caller after Reload.
            QCOMPARE(dialog.changes().first().after, QStringLiteral("deprecated"));
        }
        TeamConflictDialog dialog(theirs, yours, QStringLiteral("changed since"));
        dialog.show();
        QTest::mouseClick(button(dialog, "teamConflictLater"), Qt::LeftButton);
        QCOMPARE(dialog.choice(), TeamConflictDialog::Choice::Later);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

private:
    std::unique_ptr<SqliteCatalogStore> cache(const QString &name)
    {
        auto store =
            SqliteCatalogStore::create(m_pg.tempPath(name), QStringLiteral("cache"), nullptr);
        QString error;
        if (!store || !TeamSync::sync(*m_admin, *store, m_url, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return store;
    }
    QString serverDescription(const QString &key)
    {
        return m_admin
            ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"), {key})
            .text(0, 0);
    }
    QString serverColumnDescription(const QString &key, const QString &column)
    {
        return m_admin
            ->exec(QStringLiteral("SELECT c ->> 'description' FROM products p, "
                                  "jsonb_array_elements(p.datasets) ds, "
                                  "jsonb_array_elements(ds -> 'columns') c WHERE p.key = $1 AND "
                                  "c ->> 'name' = $2"),
                   {key, column})
            .text(0, 0);
    }
    static QPushButton *button(QDialog &dialog, const char *name)
    {
        auto *b = dialog.findChild<QPushButton *>(QLatin1String(name));
        if (!b)
            qWarning("no button %s", name);
        return b;
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
};

QTEST_MAIN(TestTeamConflictDialog)
#include "tst_teamconflictdialog.moc"
