// SPDX-License-Identifier: MIT
// Dataset and column metadata edited in the app on a team cache: saved on the server as the
// connected person (version check, product_versions, audit, row-level security), pulled into
// another desktop's cache, conflicts between two desktops, and the offline queue.
#include "pgfixture.h"
#include "testsupport.h"

#include "editing/editingservice.h"
#include "editing/metadatafield.h"
#include "team/datasetpatch.h"
#include "team/teamclient.h"
#include "team/teameditor.h"
#include "team/teamsync.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("product.jira-sprints"); // owner lucas, steward sofia
const QString kOwner = QStringLiteral("lucas.moreau");
const QString kSteward = QStringLiteral("sofia.rossi");
const QString kOutsider = QStringLiteral("kenji.watanabe");

/** The product's column `name` (dataset 0), for edits through the same field the Edit tab uses. */
MetadataField columnField(const Product &p, const QString &column, MetadataField::Kind kind)
{
    MetadataField f;
    f.kind = kind;
    f.dataset = 0;
    for (qsizetype i = 0; i < p.datasets.first().columns.size(); ++i)
        if (p.datasets.first().columns.at(i).name == column)
            f.column = int(i);
    return f;
}

const Column *findColumn(const Product &p, const QString &name)
{
    for (const Dataset &ds : p.datasets)
        for (const Column &c : ds.columns)
            if (c.name == name)
                return &c;
    return nullptr;
}

} // namespace

class TestTeamEditor : public QObject
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
        QVERIFY2(Test::PgFixture::allowLogin(*m_admin, {kOwner, kSteward, kOutsider}, &error),
                 qPrintable(error));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_pg.stop();
    }

    void patchFindsDatasetsAndColumnsByNameAndRefusesUnknownOnes()
    {
        Product before = *m_pg.demo()->productByKey(kProduct);
        Product after = before;
        after.datasets[0].columns[2].description = QStringLiteral("Sprint state.");
        after.datasets[0].columns[2].tags = {QStringLiteral("lifecycle")};
        const QJsonArray patch = DatasetPatch::diff(before, after);
        QCOMPARE(patch.size(), 1);
        const QJsonArray columns =
            patch.first().toObject().value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 1);
        QCOMPARE(columns.first().toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("state"));
        QVERIFY(!columns.first().toObject().contains(QStringLiteral("classification")));
        QVERIFY(DatasetPatch::diff(before, before).isEmpty());

        // The server's document has the columns in another order: found by name.
        Product reordered = before;
        std::swap(reordered.datasets[0].columns[0], reordered.datasets[0].columns[2]);
        QString error;
        QVERIFY2(DatasetPatch::apply(reordered, patch, &error), qPrintable(error));
        QCOMPARE(findColumn(reordered, QStringLiteral("state"))->description,
                 QStringLiteral("Sprint state."));
        QCOMPARE(findColumn(reordered, QStringLiteral("id"))->description,
                 findColumn(before, QStringLiteral("id"))->description);

        // A column that is gone is an error naming it, and nothing is changed.
        Product gone = before;
        gone.datasets[0].columns.removeAt(2);
        const Product untouched = gone;
        QVERIFY(!DatasetPatch::apply(gone, patch, &error));
        QVERIFY2(error.contains(QStringLiteral("column state")), qPrintable(error));
        QCOMPARE(gone, untouched);
        QJsonArray document =
            QJsonDocument::fromJson(TeamCatalog::datasetsToJson(untouched.datasets).toUtf8())
                .array();
        const QJsonArray documentBefore = document;
        QVERIFY(!DatasetPatch::apply(document, patch, &error));
        QCOMPARE(document, documentBefore);
        // A malformed patch (an outbox row is text on disk) is refused with a reason.
        QVERIFY(!DatasetPatch::apply(
            document, QJsonArray{QJsonObject{{QStringLiteral("dataset"), 3}}}, &error));
        QVERIFY2(error.contains(QStringLiteral("malformed")), qPrintable(error));
    }

    void ownersColumnEditReachesASecondDesktop()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("owner.mesh"), m_url, kOwner);
        auto kenjiCache = m_pg.syncedCache(QStringLiteral("reader.mesh"), m_url, kOutsider);
        QVERIFY(lucasCache && kenjiCache);
        const int rowVersion = serverRowVersion();

        const VersionedProduct start = *EditingService(*lucasCache).load(kProduct);
        Product draft = start.product;
        QVERIFY(columnField(draft, QStringLiteral("goal"), MetadataField::Kind::ColumnDescription)
                    .setValue(draft, QStringLiteral("The sprint goal as the team wrote it.")));
        QVERIFY(columnField(draft, QStringLiteral("goal"), MetadataField::Kind::ColumnTags)
                    .setValue(draft, QStringList{QStringLiteral("free-text"),
                                                 QStringLiteral("planning")}));
        QVERIFY(
            columnField(draft, QStringLiteral("name"), MetadataField::Kind::ColumnClassification)
                .setValue(draft, QStringLiteral("Internal.Label")));
        MetadataField dsField;
        dsField.kind = MetadataField::Kind::DatasetDescription;
        dsField.dataset = 0;
        QVERIFY(dsField.setValue(draft, QStringLiteral("One row per sprint.")));
        std::optional<VersionedProduct> saved;
        const EditOutcome o =
            TeamEditor::save(route(kOwner), *lucasCache, draft, start.version, false, &saved);
        QVERIFY2(o.code == EditOutcome::Code::Ok, qPrintable(o.message));
        QVERIFY(saved);

        // On the server: the datasets document, one new row version, a version and an audit
        // entry in the owner's name.
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        const PgResult doc = m_admin->exec(
            QStringLiteral("SELECT c ->> 'description', c -> 'tags', ds ->> 'description' FROM "
                           "products p, jsonb_array_elements(p.datasets) ds, "
                           "jsonb_array_elements(ds -> 'columns') c WHERE p.key = $1 AND "
                           "c ->> 'name' = 'goal'"),
            {kProduct});
        QCOMPARE(doc.rows(), 1);
        QCOMPARE(doc.text(0, 0), QStringLiteral("The sprint goal as the team wrote it."));
        QCOMPARE(doc.text(0, 1), QStringLiteral("[\"free-text\", \"planning\"]"));
        QCOMPARE(doc.text(0, 2), QStringLiteral("One row per sprint."));
        const PgResult version = m_admin->exec(
            QStringLiteral("SELECT author, summary, snapshot -> 'datasets' IS NOT NULL FROM "
                           "product_versions WHERE product_key = $1 AND version = $2"),
            {kProduct, rowVersion + 1});
        QCOMPARE(version.rows(), 1);
        QCOMPARE(version.text(0, 0), kOwner);
        QVERIFY2(version.text(0, 1).contains(QStringLiteral("goal")),
                 qPrintable(version.text(0, 1)));
        QVERIFY(version.boolean(0, 2));
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'edit' AND "
                                           "product_key = $1 ORDER BY seq DESC LIMIT 1"),
                            {kProduct})
                     .text(0, 0),
                 kOwner);
        // The owner's own cache has it at once (the save pulled it back).
        QCOMPARE(findColumn(saved->product, QStringLiteral("goal"))->description,
                 QStringLiteral("The sprint goal as the team wrote it."));

        // A second edit before the other desktop syncs: its history must tell them apart.
        Product second = saved->product;
        QVERIFY(columnField(second, QStringLiteral("goal"), MetadataField::Kind::ColumnDescription)
                    .setValue(second, QStringLiteral("The sprint goal, second wording.")));
        const EditOutcome o2 =
            TeamEditor::save(route(kOwner), *lucasCache, second, saved->version, false, &saved);
        QVERIFY2(o2.code == EditOutcome::Code::Ok, qPrintable(o2.message));

        // A second desktop gets the columns at its next sync, and its history shows the change.
        QString error;
        auto kenji = PgConnection::connect(m_url, kOutsider, {}, &error);
        QVERIFY2(kenji, qPrintable(error));
        QVERIFY2(TeamSync::sync(*kenji, *kenjiCache, m_url, &error), qPrintable(error));
        const Product there = *kenjiCache->productByKey(kProduct);
        QCOMPARE(findColumn(there, QStringLiteral("goal"))->description,
                 QStringLiteral("The sprint goal, second wording."));
        QCOMPARE(findColumn(there, QStringLiteral("goal"))->tags,
                 (QStringList{QStringLiteral("free-text"), QStringLiteral("planning")}));
        QCOMPARE(findColumn(there, QStringLiteral("name"))->classification,
                 QStringLiteral("Internal.Label"));
        QCOMPARE(there.datasets.first().description, QStringLiteral("One row per sprint."));
        QCOMPARE(TeamSync::rowVersion(*kenjiCache, kProduct), rowVersion + 2);
        const QList<ProductVersion> history = EditingService(*kenjiCache).history(kProduct);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).author, kOwner);
        const auto diff =
            EditingService(*kenjiCache).diff(kProduct, history.at(1).number, history.at(0).number);
        QVERIFY(diff);
        QCOMPARE(diff->size(), 1);
        QCOMPARE(diff->first().before, QStringLiteral("The sprint goal as the team wrote it."));
        QCOMPARE(diff->first().after, QStringLiteral("The sprint goal, second wording."));
        QStringList fields;
        for (const MetadataChange &c : *diff)
            fields.append(c.field);
        QVERIFY2(fields.contains(QStringLiteral("column.sprints/goal.description")),
                 qPrintable(fields.join(QLatin1Char(' '))));
    }

    void nonOwnersAreRefusedByTheServerAndTheApp()
    {
        const QString before = serverDatasets();
        // A raw SQL UPDATE of the datasets document as someone who is not an editor: row-level
        // security shows them no row to update.
        QVERIFY(m_admin->run(QStringLiteral("BEGIN"), {}, nullptr));
        QVERIFY(m_admin->run(QStringLiteral("SET LOCAL ROLE \"kenji.watanabe\""), {}, nullptr));
        const PgResult raw = m_admin->exec(
            QStringLiteral("UPDATE products SET datasets = '[]'::jsonb WHERE key = $1"),
            {kProduct});
        m_admin->exec(QStringLiteral("COMMIT"));
        QVERIFY2(raw.ok(), qPrintable(raw.error()));
        QCOMPARE(raw.affected(), 0);
        QCOMPARE(serverDatasets(), before);

        // The app refuses first, with the policy's reason, and sends nothing.
        auto kenjiCache = m_pg.syncedCache(QStringLiteral("outsider.mesh"), m_url, kOutsider);
        QVERIFY(kenjiCache);
        const VersionedProduct start = *EditingService(*kenjiCache).load(kProduct);
        Product draft = start.product;
        QVERIFY(columnField(draft, QStringLiteral("goal"), MetadataField::Kind::ColumnDescription)
                    .setValue(draft, QStringLiteral("Not mine to write.")));
        const EditOutcome o =
            TeamEditor::save(route(kOutsider), *kenjiCache, draft, start.version, false, nullptr);
        QCOMPARE(o.code, EditOutcome::Code::Refused);
        QVERIFY(!o.message.isEmpty());
        // And the server refuses the same write sent past the app.
        TeamWrite w;
        w.kind = TeamWrite::Kind::Edit;
        w.actingUser = kOutsider;
        w.productKey = kProduct;
        w.fields = TeamEditor::changedFields(start.product, draft, nullptr);
        QVERIFY(w.fields.contains(QStringLiteral("datasets")));
        QCOMPARE(TeamClient::apply(*m_admin, w).code, TeamWriteOutcome::Code::Refused);
        QCOMPARE(serverDatasets(), before);
        QVERIFY(TeamClient::outbox(*kenjiCache).isEmpty());
    }

    void twoDesktopsEditingOneColumnGetOneConflictAndLoseNothing()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("a.mesh"), m_url, kOwner);
        auto sofiaCache = m_pg.syncedCache(QStringLiteral("b.mesh"), m_url, kSteward);
        QVERIFY(lucasCache && sofiaCache);
        const VersionedProduct start = *EditingService(*lucasCache).load(kProduct);
        QCOMPARE(EditingService(*sofiaCache).load(kProduct)->version, start.version);
        const MetadataField field = columnField(start.product, QStringLiteral("state"),
                                                MetadataField::Kind::ColumnDescription);

        Product lucasDraft = start.product;
        QVERIFY(field.setValue(lucasDraft, QStringLiteral("active, closed or future (Lucas)")));
        std::optional<VersionedProduct> saved;
        const EditOutcome first =
            TeamEditor::save(route(kOwner), *lucasCache, lucasDraft, start.version, false, &saved);
        QVERIFY2(first.code == EditOutcome::Code::Ok, qPrintable(first.message));

        Product sofiaDraft = EditingService(*sofiaCache).load(kProduct)->product;
        QVERIFY(field.setValue(sofiaDraft, QStringLiteral("Sprint lifecycle state (Sofia)")));
        const EditOutcome second = TeamEditor::save(route(kSteward), *sofiaCache, sofiaDraft,
                                                    start.version, false, &saved);
        QCOMPARE(second.code, EditOutcome::Code::Conflict);
        QCOMPARE(second.changedBy, kOwner);
        // The server kept Lucas's; Sofia's cache now holds it (what she compares with), and her
        // draft is still hers.
        QCOMPARE(serverColumnDescription(QStringLiteral("state")),
                 QStringLiteral("active, closed or future (Lucas)"));
        const VersionedProduct theirs = *EditingService(*sofiaCache).load(kProduct);
        QCOMPARE(findColumn(theirs.product, QStringLiteral("state"))->description,
                 QStringLiteral("active, closed or future (Lucas)"));
        QCOMPARE(findColumn(sofiaDraft, QStringLiteral("state"))->description,
                 QStringLiteral("Sprint lifecycle state (Sofia)"));

        // She overwrites: hers is on the server, and both versions stay in the history.
        const EditOutcome over = TeamEditor::save(route(kSteward), *sofiaCache, sofiaDraft,
                                                  theirs.version, true, &saved);
        QVERIFY2(over.code == EditOutcome::Code::Ok, qPrintable(over.message));
        QCOMPARE(serverColumnDescription(QStringLiteral("state")),
                 QStringLiteral("Sprint lifecycle state (Sofia)"));
        const PgResult history = m_admin->exec(
            QStringLiteral("SELECT v.author, c ->> 'description' FROM product_versions v, "
                           "jsonb_array_elements(v.snapshot -> 'datasets') ds, "
                           "jsonb_array_elements(ds -> 'columns') c WHERE v.product_key = $1 "
                           "AND c ->> 'name' = 'state' ORDER BY v.version DESC LIMIT 2"),
            {kProduct});
        QCOMPARE(history.rows(), 2);
        QCOMPARE(history.text(0, 0), kSteward);
        QCOMPARE(history.text(0, 1), QStringLiteral("Sprint lifecycle state (Sofia)"));
        QCOMPARE(history.text(1, 0), kOwner);
        QCOMPARE(history.text(1, 1), QStringLiteral("active, closed or future (Lucas)"));

        // The same race through the outbox: the queued edit meets the newer version on replay,
        // stays in the outbox as a conflict with its values, and is never applied silently.
        QString error;
        auto lucas = PgConnection::connect(m_url, kOwner, {}, &error);
        QVERIFY2(lucas && TeamSync::sync(*lucas, *lucasCache, m_url, &error), qPrintable(error));
        const VersionedProduct fresh = *EditingService(*lucasCache).load(kProduct);
        QCOMPARE(TeamSync::rowVersion(*lucasCache, kProduct), serverRowVersion());
        Product queuedDraft = fresh.product;
        QVERIFY(field.setValue(queuedDraft, QStringLiteral("Queued by Lucas")));
        TeamWrite queued;
        queued.kind = TeamWrite::Kind::Edit;
        queued.actingUser = kOwner;
        queued.productKey = kProduct;
        queued.fields = TeamEditor::changedFields(fresh.product, queuedDraft, nullptr);
        queued.baseVersion = TeamSync::rowVersion(*lucasCache, kProduct);
        QVERIFY(TeamClient::enqueue(*lucasCache, queued, nullptr));
        Product sofiaAgain = EditingService(*sofiaCache).load(kProduct)->product;
        QVERIFY(field.setValue(sofiaAgain, QStringLiteral("Saved by Sofia meanwhile")));
        QCOMPARE(TeamEditor::save(route(kSteward), *sofiaCache, sofiaAgain,
                                  EditingService(*sofiaCache).currentVersion(kProduct), false,
                                  nullptr)
                     .code,
                 EditOutcome::Code::Ok);
        const TeamReplayResult replay = TeamClient::replay(*m_admin, *lucasCache);
        QCOMPARE(replay.conflicts, 1);
        QCOMPARE(replay.done, 0);
        QCOMPARE(serverColumnDescription(QStringLiteral("state")),
                 QStringLiteral("Saved by Sofia meanwhile"));
        const QList<TeamOutboxEntry> conflicts =
            TeamClient::outbox(*lucasCache, QStringLiteral("conflict"));
        QCOMPARE(conflicts.size(), 1);
        Product wanted = fresh.product;
        QVERIFY2(TeamEditor::applyFields(wanted, conflicts.first().write.fields, &error),
                 qPrintable(error));
        QCOMPARE(findColumn(wanted, QStringLiteral("state"))->description,
                 QStringLiteral("Queued by Lucas"));
    }

    void offlineColumnEditReplaysAfterTheServerRestarts()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("offline.mesh"), m_url, kOwner);
        QVERIFY(lucasCache);
        const int rowVersion = serverRowVersion();
        const VersionedProduct start = *EditingService(*lucasCache).load(kProduct);
        Product draft = start.product;
        QVERIFY(
            columnField(draft, QStringLiteral("endDate"), MetadataField::Kind::ColumnDescription)
                .setValue(draft, QStringLiteral("Planned end, typed while offline.")));

        m_admin.reset();
        QVERIFY(m_pg.server().stop());
        const EditOutcome o =
            TeamEditor::save(route(kOwner), *lucasCache, draft, start.version, false, nullptr);
        QVERIFY2(o.queued, qPrintable(o.message));
        QVERIFY(o.ok());
        QCOMPARE(TeamClient::outbox(*lucasCache, QStringLiteral("queued")).size(), 1);

        QString error;
        QVERIFY2(m_pg.server().start(&error), qPrintable(error));
        m_admin = Test::PgFixture::connect(m_url);
        QVERIFY(m_admin);
        auto lucas = PgConnection::connect(m_url, kOwner, {}, &error);
        QVERIFY2(lucas, qPrintable(error));
        const TeamReplayResult r = TeamClient::replay(*lucas, *lucasCache);
        QCOMPARE(r.done, 1);
        QCOMPARE(r.remaining, 0);
        QCOMPARE(TeamClient::replay(*lucas, *lucasCache).done, 0); // nothing twice
        QCOMPARE(serverColumnDescription(QStringLiteral("endDate")),
                 QStringLiteral("Planned end, typed while offline."));
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        QVERIFY2(TeamSync::sync(*lucas, *lucasCache, m_url, &error), qPrintable(error));
        QCOMPARE(
            findColumn(*lucasCache->productByKey(kProduct), QStringLiteral("endDate"))->description,
            QStringLiteral("Planned end, typed while offline."));
    }

    void meshctlEditsColumnsAndApprovesNarrowed()
    {
        const QString file = m_pg.tempPath(QStringLiteral("cli.mesh"));
        QString error;
        {
            auto store = SqliteCatalogStore::create(file, QStringLiteral("cli"), nullptr);
            QVERIFY(store);
            QVERIFY2(TeamSync::sync(*m_admin, *store, m_url, &error), qPrintable(error));
        }
        const auto run = &Test::PgFixture::meshctl;
        QByteArray output;
        const int rowVersion = serverRowVersion();
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("edit"), file, kProduct,
                      QStringLiteral("--field"), QStringLiteral("column.sprints/id.description"),
                      QStringLiteral("--value"), QStringLiteral("Sprint number."),
                      QStringLiteral("--field"), QStringLiteral("column.id.tags"),
                      QStringLiteral("--value"), QStringLiteral("key, numeric"),
                      QStringLiteral("--expect-version"), QString::number(rowVersion),
                      QStringLiteral("--as"), kOwner, QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(serverColumnDescription(QStringLiteral("id")), QStringLiteral("Sprint number."));
        QCOMPARE(serverRowVersion(), rowVersion + 1);
        // An unknown column is a usage error naming it, and nothing is sent.
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("edit"), file, kProduct,
                      QStringLiteral("--field"), QStringLiteral("column.nosuch.description"),
                      QStringLiteral("--value"), QStringLiteral("x"), QStringLiteral("--as"),
                      kOwner, QStringLiteral("--server"), m_url},
                     &output),
                 2);
        QVERIFY2(output.contains("nosuch"), output.constData());
        QCOMPARE(serverRowVersion(), rowVersion + 1);

        // access approve --server narrows: --columns and --days, checked by the server.
        TeamWrite filed;
        filed.kind = TeamWrite::Kind::Request;
        filed.actingUser = kOutsider;
        filed.productKey = kProduct;
        filed.purpose = QStringLiteral("cli narrowing");
        filed.days = 30;
        filed.columns = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("goal")};
        const qint64 id = TeamClient::apply(*m_admin, filed).id;
        QVERIFY(id > 0);
        QCOMPARE(run({QStringLiteral("access"), QStringLiteral("approve"), file,
                      QString::number(id), QStringLiteral("--columns"), QStringLiteral("state"),
                      QStringLiteral("--as"), kOwner, QStringLiteral("--server"), m_url},
                     &output),
                 2); // not requested
        QVERIFY2(output.contains("state"), output.constData());
        QCOMPARE(run({QStringLiteral("access"), QStringLiteral("approve"), file,
                      QString::number(id), QStringLiteral("--columns"), QStringLiteral("goal,id"),
                      QStringLiteral("--days"), QStringLiteral("5"), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        const PgResult grant = m_admin->exec(
            QStringLiteral("SELECT array_to_string(columns, ','), extract(epoch FROM ends_at - "
                           "now()) / 86400 FROM access_grants WHERE request_id = $1"),
            {id});
        QCOMPARE(grant.rows(), 1);
        QCOMPARE(grant.text(0, 0), QStringLiteral("id,goal")); // in the request's order
        QVERIFY2(qAbs(grant.text(0, 1).toDouble() - 5.0) < 0.01, qPrintable(grant.text(0, 1)));
    }

    void revertSavesAnOlderVersionAsANewOneOnTheServer()
    {
        auto lucasCache = m_pg.syncedCache(QStringLiteral("revert-owner.mesh"), m_url, kOwner);
        auto kenjiCache = m_pg.syncedCache(QStringLiteral("revert-reader.mesh"), m_url, kOutsider);
        QVERIFY(lucasCache && kenjiCache);
        // Two saved versions: the first wording, then a second one that also drops a tag.
        const VersionedProduct start = *EditingService(*lucasCache).load(kProduct);
        Product first = start.product;
        first.description = QStringLiteral("Sprints, first wording.");
        std::optional<VersionedProduct> saved;
        QCOMPARE(TeamEditor::save(route(kOwner), *lucasCache, first, start.version, false, &saved)
                     .code,
                 EditOutcome::Code::Ok);
        const int firstVersion = saved->version;
        Product second = saved->product;
        second.description = QStringLiteral("Sprints, second wording.");
        second.tags = {QStringLiteral("agile")};
        QVERIFY(
            columnField(second, QStringLiteral("goal"), MetadataField::Kind::ColumnDescription)
                .setValue(second, QStringLiteral("Goal, second wording.")));
        QCOMPARE(TeamEditor::save(route(kOwner), *lucasCache, second, firstVersion, false, &saved)
                     .code,
                 EditOutcome::Code::Ok);
        const int secondVersion = saved->version;
        QCOMPARE(secondVersion, serverRowVersion());

        // Someone who may not edit is refused by the policy, and the server is untouched.
        QString error;
        auto kenji = PgConnection::connect(m_url, kOutsider, {}, &error);
        QVERIFY2(kenji && TeamSync::sync(*kenji, *kenjiCache, m_url, &error), qPrintable(error));
        EditOutcome o = TeamEditor::revert(route(kOutsider), *kenjiCache, kProduct, firstVersion,
                                           secondVersion, false, nullptr);
        QCOMPARE(o.code, EditOutcome::Code::Refused);
        QCOMPARE(serverRowVersion(), secondVersion);
        // A version that does not exist is bad input, named.
        o = TeamEditor::revert(route(kOwner), *lucasCache, kProduct, 9999, secondVersion, false,
                               nullptr);
        QCOMPARE(o.code, EditOutcome::Code::Invalid);
        QVERIFY2(o.message.contains(QStringLiteral("no version 9999")), qPrintable(o.message));
        // Starting from an older version than the cache's newest is a conflict.
        o = TeamEditor::revert(route(kOwner), *lucasCache, kProduct, firstVersion, firstVersion,
                               false, nullptr);
        QCOMPARE(o.code, EditOutcome::Code::Conflict);
        QCOMPARE(serverRowVersion(), secondVersion);

        // The owner reverts: a new version on the server with the first version's metadata,
        // the dataset and column metadata included, under the local revert's summary.
        o = TeamEditor::revert(route(kOwner), *lucasCache, kProduct, firstVersion, secondVersion,
                               false, &saved);
        QVERIFY2(o.code == EditOutcome::Code::Ok, qPrintable(o.message));
        QCOMPARE(serverRowVersion(), secondVersion + 1);
        QCOMPARE(o.version, secondVersion + 1);
        const PgResult row = m_admin->exec(
            QStringLiteral("SELECT description, array_to_string(tags, ',') FROM products WHERE "
                           "key = $1"),
            {kProduct});
        QCOMPARE(row.text(0, 0), QStringLiteral("Sprints, first wording."));
        QCOMPARE(row.text(0, 1), first.tags.join(QLatin1Char(',')));
        QCOMPARE(serverColumnDescription(QStringLiteral("goal")),
                 findColumn(first, QStringLiteral("goal"))->description);
        const PgResult version = m_admin->exec(
            QStringLiteral("SELECT author, summary FROM product_versions WHERE product_key = $1 "
                           "AND version = $2"),
            {kProduct, secondVersion + 1});
        QCOMPARE(version.rows(), 1);
        QCOMPARE(version.text(0, 0), kOwner);
        QCOMPARE(version.text(0, 1), EditingService::revertSummary(firstVersion));
        // The owner's cache has it at once; the reader's at its next sync.
        QVERIFY(saved);
        QCOMPARE(saved->product.description, QStringLiteral("Sprints, first wording."));
        QVERIFY2(TeamSync::sync(*kenji, *kenjiCache, m_url, &error), qPrintable(error));
        QCOMPARE(kenjiCache->productByKey(kProduct)->description,
                 QStringLiteral("Sprints, first wording."));
        QCOMPARE(EditingService(*kenjiCache).history(kProduct).first().summary,
                 EditingService::revertSummary(firstVersion));
        // Reverting again changes nothing and says so.
        o = TeamEditor::revert(route(kOwner), *lucasCache, kProduct, firstVersion,
                               saved->version, false, nullptr);
        QCOMPARE(o.code, EditOutcome::Code::Unchanged);
        QVERIFY2(o.message.contains(QStringLiteral("already has the metadata of version")),
                 qPrintable(o.message));
        QCOMPARE(serverRowVersion(), secondVersion + 1);
    }

    void meshctlEditAndRevertTakeServer()
    {
        const QString file = m_pg.tempPath(QStringLiteral("cli-revert.mesh"));
        QString error;
        {
            auto store = SqliteCatalogStore::create(file, QStringLiteral("cli"), nullptr);
            QVERIFY(store);
            QVERIFY2(TeamSync::sync(*m_admin, *store, m_url, &error), qPrintable(error));
        }
        const auto run = &Test::PgFixture::meshctl;
        QByteArray output;
        const int start = serverRowVersion();
        // edit --server, the value from a file (as for a long Markdown description).
        const QString valueFile = m_pg.tempPath(QStringLiteral("description.md"));
        {
            QFile f(valueFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# Sprints\n\nOne row per sprint, from Jira.\n");
        }
        QCOMPARE(run({QStringLiteral("edit"), file, kProduct, QStringLiteral("--field"),
                      QStringLiteral("description"), QStringLiteral("--value-file"), valueFile,
                      QStringLiteral("--as"), kOwner, QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(serverRowVersion(), start + 1);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                            {kProduct})
                     .text(0, 0),
                 QStringLiteral("# Sprints\n\nOne row per sprint, from Jira."));
        QCOMPARE(run({QStringLiteral("edit"), file, kProduct, QStringLiteral("--field"),
                      QStringLiteral("description"), QStringLiteral("--value"),
                      QStringLiteral("Replaced."), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(serverRowVersion(), start + 2);
        // Someone else may not: exit 3, nothing saved.
        QCOMPARE(run({QStringLiteral("edit"), file, kProduct, QStringLiteral("--field"),
                      QStringLiteral("description"), QStringLiteral("--value"),
                      QStringLiteral("Mine now."), QStringLiteral("--as"), kOutsider,
                      QStringLiteral("--server"), m_url},
                     &output),
                 3);
        QCOMPARE(serverRowVersion(), start + 2);

        // revert --server: syncs the versions in, saves version start+1 as a new version.
        QCOMPARE(run({QStringLiteral("revert"), file, kProduct, QStringLiteral("--version"),
                      QString::number(start + 1), QStringLiteral("--as"), kOutsider,
                      QStringLiteral("--server"), m_url},
                     &output),
                 3);
        QCOMPARE(serverRowVersion(), start + 2);
        QCOMPARE(run({QStringLiteral("revert"), file, kProduct, QStringLiteral("--version"),
                      QString::number(start + 1), QStringLiteral("--expect-version"),
                      QString::number(start + 1), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), m_url},
                     &output),
                 5); // someone saved since start+1
        QVERIFY2(output.contains("version"), output.constData());
        QCOMPARE(run({QStringLiteral("revert"), file, kProduct, QStringLiteral("--version"),
                      QString::number(start + 1), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(serverRowVersion(), start + 3);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                            {kProduct})
                     .text(0, 0),
                 QStringLiteral("# Sprints\n\nOne row per sprint, from Jira."));
        {
            auto store = SqliteCatalogStore::open(file, SqliteCatalogStore::OpenMode::ReadOnly,
                                                  nullptr);
            QVERIFY(store);
            QCOMPARE(EditingService(*store).currentVersion(kProduct), start + 3); // synced back
        }
        // Offline: the revert is queued in the cache (exit 4) and sent by `team replay`.
        const QString down = QStringLiteral("postgresql://127.0.0.1:1/mesh?connect_timeout=2");
        QCOMPARE(run({QStringLiteral("revert"), file, kProduct, QStringLiteral("--version"),
                      QString::number(start + 2), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), down},
                     &output),
                 4);
        QVERIFY2(output.contains("queued"), output.constData());
        QCOMPARE(serverRowVersion(), start + 3);
        QCOMPARE(run({QStringLiteral("team"), QStringLiteral("replay"), file,
                      QStringLiteral("--server"), m_url},
                     &output),
                 0);
        QCOMPARE(serverRowVersion(), start + 4);
        QCOMPARE(m_admin
                     ->exec(QStringLiteral("SELECT description FROM products WHERE key = $1"),
                            {kProduct})
                     .text(0, 0),
                 QStringLiteral("Replaced."));
        // Bad input: no such version, named; no --server URL.
        QCOMPARE(run({QStringLiteral("revert"), file, kProduct, QStringLiteral("--version"),
                      QStringLiteral("777"), QStringLiteral("--as"), kOwner,
                      QStringLiteral("--server"), m_url},
                     &output),
                 2);
        QVERIFY2(output.contains("no version 777"), output.constData());
    }

private:
    TeamRoute route(const QString &user) const { return TeamRoute{m_url, user, {}}; }

    int serverRowVersion()
    {
        return int(m_admin
                       ->exec(QStringLiteral("SELECT row_version FROM products WHERE key = $1"),
                              {kProduct})
                       .integer(0, 0));
    }
    QString serverDatasets()
    {
        return m_admin
            ->exec(QStringLiteral("SELECT datasets::text FROM products WHERE key = $1"), {kProduct})
            .text(0, 0);
    }
    QString serverColumnDescription(const QString &column)
    {
        return m_admin
            ->exec(QStringLiteral("SELECT c ->> 'description' FROM products p, "
                                  "jsonb_array_elements(p.datasets) ds, "
                                  "jsonb_array_elements(ds -> 'columns') c WHERE p.key = $1 AND "
                                  "c ->> 'name' = $2"),
                   {kProduct, column})
            .text(0, 0);
    }

    Test::PgFixture m_pg;
    QString m_url;
    std::unique_ptr<PgConnection> m_admin;
};

QTEST_GUILESS_MAIN(TestTeamEditor)
#include "tst_teameditor.moc"
