// SPDX-License-Identifier: MIT
#include "editing/columneditmodel.h"
#include "editing/productdraft.h"
#include "metadatacommands.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Mesh;

namespace {

using K = MetadataField::Kind;
using Merge = SetFieldCommand::Merge;

Product fixture()
{
    return MeshTest::makeProduct(1);
}

void type(QUndoStack &stack, ProductDraft &draft, const MetadataField &field, const QString &text)
{
    QString typed = draft.value(field).toString();
    for (const QChar c : text) {
        typed += c;
        stack.push(new SetFieldCommand(&draft, field, typed, Merge::Typing));
    }
}

} // namespace

class TestMetadataCommands : public QObject
{
    Q_OBJECT

private slots:
    void undoRedoRoundTripsEveryField();
    void typingMergesIntoOneStep();
    void typingInAnotherFieldStartsANewStep();
    void mergeBackToTheOldValueDropsTheStep();
    void setFieldsIsOneStep();
    void draftReportsModifiedState();
    void columnModelAsksForCommandsInsteadOfEditing();
};

void TestMetadataCommands::undoRedoRoundTripsEveryField()
{
    ProductDraft draft;
    draft.load(fixture(), 3);
    const Product original = draft.product();
    QUndoStack stack;
    const QList<std::pair<MetadataField, QVariant>> edits = {
        {{K::Description}, QStringLiteral("New *Markdown*")},
        {{K::Tags}, QStringList{QStringLiteral("a"), QStringLiteral("b")}},
        {{K::Owner}, QStringLiteral("owner2")},
        {{K::Steward}, QString()},
        {{K::Status}, QStringLiteral("deprecated")},
        {{K::FreshnessSla}, 6},
        {{K::AccessPolicy}, QStringLiteral("Finance only")},
        {{K::DatasetDescription, 1, -1}, QStringLiteral("The JSON one")},
        {{K::ColumnDescription, 0, 2}, QStringLiteral("Net amount")},
        {{K::ColumnClassification, 0, 0}, QStringLiteral("PII.NonSensitive")},
        {{K::ColumnTags, 1, 1}, QStringList{QStringLiteral("contact")}},
    };
    for (const auto &[field, value] : edits) {
        stack.push(new SetFieldCommand(&draft, field, value));
        QCOMPARE(draft.value(field), value);
    }
    QCOMPARE(stack.count(), edits.size());
    QCOMPARE(stack.text(0), QStringLiteral("Edit description"));
    QCOMPARE(stack.text(9), QStringLiteral("Edit column id: classification"));
    const Product edited = draft.product();
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(draft.product(), original);
    QVERIFY(!draft.isModified());
    while (stack.canRedo())
        stack.redo();
    QCOMPARE(draft.product(), edited);
    QCOMPARE(draft.baseVersion(), 3);
}

void TestMetadataCommands::typingMergesIntoOneStep()
{
    ProductDraft draft;
    draft.load(fixture(), 0);
    const QString before = draft.product().description;
    QUndoStack stack;
    type(stack, draft, {K::Description}, QStringLiteral(" Updated daily."));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(draft.product().description, before + QStringLiteral(" Updated daily."));
    stack.undo();
    QCOMPARE(draft.product().description, before);
    stack.redo();
    QCOMPARE(draft.product().description, before + QStringLiteral(" Updated daily."));
    // The SLA spin box merges its steps the same way, under its own id.
    for (int h : {25, 26, 27})
        stack.push(new SetFieldCommand(&draft, {K::FreshnessSla}, h, Merge::Stepping));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    QCOMPARE(draft.product().freshnessSlaHours, 24);
}

void TestMetadataCommands::typingInAnotherFieldStartsANewStep()
{
    ProductDraft draft;
    draft.load(fixture(), 0);
    QUndoStack stack;
    type(stack, draft, {K::Description}, QStringLiteral("ab"));
    type(stack, draft, {K::AccessPolicy}, QStringLiteral("cd"));
    type(stack, draft, {K::ColumnDescription, 0, 1}, QStringLiteral("ef"));
    type(stack, draft, {K::ColumnDescription, 0, 2}, QStringLiteral("gh"));
    type(stack, draft, {K::Description}, QStringLiteral("ij"));
    QCOMPARE(stack.count(), 5);
    // A non-typing edit between two typing runs in one field separates them too.
    stack.push(new SetFieldCommand(&draft, {K::Status}, QStringLiteral("draft")));
    type(stack, draft, {K::Description}, QStringLiteral("kl"));
    QCOMPARE(stack.count(), 7);
    stack.undo();
    QVERIFY(draft.product().description.endsWith(QStringLiteral("abij")));
}

void TestMetadataCommands::mergeBackToTheOldValueDropsTheStep()
{
    ProductDraft draft;
    draft.load(fixture(), 0);
    const QString before = draft.product().accessPolicy;
    QUndoStack stack;
    stack.push(new SetFieldCommand(&draft, {K::AccessPolicy}, QString(before + QLatin1Char('x')),
                                   Merge::Typing));
    QCOMPARE(stack.count(), 1);
    stack.push(new SetFieldCommand(&draft, {K::AccessPolicy}, before, Merge::Typing)); // backspace
    QCOMPARE(stack.count(), 0);
    QCOMPARE(draft.product().accessPolicy, before);
    QVERIFY(!draft.isModified());
}

void TestMetadataCommands::setFieldsIsOneStep()
{
    ProductDraft draft;
    draft.load(fixture(), 0);
    const Product original = draft.product();
    QUndoStack stack;
    stack.push(new SetFieldsCommand(
        &draft,
        {{{K::ColumnClassification, 0, 1}, QStringLiteral("PII.NonSensitive")},
         {{K::ColumnClassification, 1, 1}, QStringLiteral("PII.NonSensitive")}},
        QStringLiteral("Classify 2 columns")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(draft.product().datasets.at(1).columns.at(1).classification,
             QStringLiteral("PII.NonSensitive"));
    stack.undo();
    QCOMPARE(draft.product(), original);
}

void TestMetadataCommands::draftReportsModifiedState()
{
    ProductDraft draft;
    QSignalSpy modified(&draft, &ProductDraft::modifiedChanged);
    QSignalSpy changed(&draft, &ProductDraft::fieldChanged);
    draft.load(fixture(), 0);
    QVERIFY(draft.setValue({K::Status}, QStringLiteral("retired")));
    QVERIFY(draft.setValue({K::Status}, QStringLiteral("retired"))); // same value: no signal
    QCOMPARE(changed.size(), 1);
    QCOMPARE(modified.size(), 1);
    QVERIFY(draft.isModified());
    QVERIFY(!draft.setValue({K::ColumnDescription, 5, 0}, QStringLiteral("no such column")));
    draft.load(draft.product(), 2); // after a save
    QVERIFY(!draft.isModified());
    QCOMPARE(modified.size(), 2);
}

void TestMetadataCommands::columnModelAsksForCommandsInsteadOfEditing()
{
    ProductDraft draft;
    draft.load(fixture(), 0);
    ColumnEditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDraft(&draft);
    QCOMPARE(model.rowCount(), 6); // 2 datasets × 3 columns
    const QModelIndex email = model.index(1, ColumnEditModel::ClassificationSection);
    QCOMPARE(email.data().toString(), QStringLiteral("PII.Sensitive"));
    QVERIFY(!(model.flags(model.index(1, ColumnEditModel::TypeSection)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(email) & Qt::ItemIsEditable);

    QUndoStack stack;
    connect(&model, &ColumnEditModel::editRequested, &stack,
            [&](const MetadataField &f, const QVariant &v) {
                stack.push(new SetFieldCommand(&draft, f, v));
            });
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(email, QStringLiteral("PII.NonSensitive")));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(email.data().toString(), QStringLiteral("PII.NonSensitive"));
    QVERIFY(email.data(ColumnEditModel::ModifiedRole).toBool());
    stack.undo();
    QCOMPARE(email.data().toString(), QStringLiteral("PII.Sensitive"));
    QVERIFY(!email.data(ColumnEditModel::ModifiedRole).toBool());
    // Tags are typed as a comma list and stored normalised.
    const QModelIndex tags = model.index(2, ColumnEditModel::TagsSection);
    QVERIFY(model.setData(tags, QStringLiteral(" money ,kpi-input, audit")));
    QCOMPARE(draft.product().datasets.at(0).columns.at(2).tags,
             (QStringList{QStringLiteral("money"), QStringLiteral("kpi-input"),
                          QStringLiteral("audit")}));
    // Read-only for people who may not edit.
    model.setEditable(false);
    QVERIFY(!(model.flags(email) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(email, QStringLiteral("")));
    QCOMPARE(stack.count(), 1); // the tags edit replaced the undone classification edit
    QCOMPARE(stack.index(), 1);
}

QTEST_GUILESS_MAIN(TestMetadataCommands)
#include "tst_metadatacommands.moc"
