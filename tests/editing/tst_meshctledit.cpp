// SPDX-License-Identifier: MIT
// meshctl edit, history, revert, unclaimed and claim as people run them: separate processes on
// one demo catalog, each acting as the OS login in USER.
#include "editing/editingservice.h"
#include "editingfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Mesh;

namespace {

const QString kProduct = QStringLiteral("finance.gross-margin");

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

QProcess *start(const QString &user, const QStringList &args)
{
    auto *p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), user);
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(MESHCTL), args);
    return p;
}

Run finish(QProcess *p)
{
    Run r;
    if (p->waitForFinished(30000))
        r.code = p->exitCode();
    r.out = QString::fromUtf8(p->readAllStandardOutput());
    r.err = QString::fromUtf8(p->readAllStandardError());
    delete p;
    return r;
}

Run meshctl(const QString &user, const QStringList &args)
{
    return finish(start(user, args));
}

} // namespace

class TestMeshctlEdit : public QObject
{
    Q_OBJECT

private slots:
    void ownerEditsAndHistoryListsTheVersion();
    void refusedEditExitsThreeWithTheReason();
    void badInputExitsTwo();
    void staleExpectVersionIsAConflictNamingWhoAndWhen();
    void twoProcessesSavingAtOnceLoseNothing();
    void historyDiffsAndRevertRestores();
    void unclaimedAndClaimApproval();
};

void TestMeshctlEdit::ownerEditsAndHistoryListsTheVersion()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    Run r =
        meshctl(QStringLiteral("leila.farahani"),
                {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                 QStringLiteral("status"), QStringLiteral("--value"), QStringLiteral("deprecated"),
                 QStringLiteral("--field"), QStringLiteral("tags"), QStringLiteral("--value"),
                 QStringLiteral("margin, kpi")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("version 2")));
    r = meshctl(QStringLiteral("anyone"),
                {QStringLiteral("history"), demo.path(), kProduct, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject h = r.json();
    QCOMPARE(h.value(QStringLiteral("current_version")).toInt(), 2);
    const QJsonArray versions = h.value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("leila.farahani"));
    QVERIFY(versions.at(0)
                .toObject()
                .value(QStringLiteral("summary"))
                .toString()
                .contains(QStringLiteral("status")));
    QCOMPARE(demo.store->productByKey(kProduct)->status, QStringLiteral("deprecated"));
}

void TestMeshctlEdit::refusedEditExitsThreeWithTheReason()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    const Run r =
        meshctl(QStringLiteral("maria.lopez"),
                {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                 QStringLiteral("description"), QStringLiteral("--value"), QStringLiteral("x")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("Only the owner or a steward of Gross Margin")),
             qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
    QCOMPARE(EditingService(*demo.store).currentVersion(kProduct), 0);
}

void TestMeshctlEdit::badInputExitsTwo()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    const QString owner = QStringLiteral("leila.farahani");
    const QList<QStringList> bad = {
        {QStringLiteral("edit"), demo.path(), kProduct},
        {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
         QStringLiteral("status")},
        {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
         QStringLiteral("colour"), QStringLiteral("--value"), QStringLiteral("red")},
        {QStringLiteral("edit"), demo.path(), QStringLiteral("no.such"), QStringLiteral("--field"),
         QStringLiteral("status"), QStringLiteral("--value"), QStringLiteral("active")},
        {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
         QStringLiteral("sla"), QStringLiteral("--value"), QStringLiteral("soon")},
        {QStringLiteral("revert"), demo.path(), kProduct},
        {QStringLiteral("revert"), demo.path(), kProduct, QStringLiteral("--version"),
         QStringLiteral("9")},
        {QStringLiteral("history"), demo.path(), QStringLiteral("no.such")},
        {QStringLiteral("claim"), QStringLiteral("approve"), demo.path(), QStringLiteral("abc")},
        {QStringLiteral("unclaimed"), demo.path() + QStringLiteral(".missing")},
    };
    for (const QStringList &args : bad) {
        const Run r = meshctl(owner, args);
        QVERIFY2(r.code == 2,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" → ") + r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("meshctl: ")), qPrintable(r.err));
    }
    QCOMPARE(EditingService(*demo.store).currentVersion(kProduct), 0);
}

void TestMeshctlEdit::staleExpectVersionIsAConflictNamingWhoAndWhen()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    Run r = meshctl(QStringLiteral("ingrid.berg"),
                    {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                     QStringLiteral("sla"), QStringLiteral("--value"), QStringLiteral("12"),
                     QStringLiteral("--expect-version"), QStringLiteral("0")});
    QCOMPARE(r.code, 0);
    r = meshctl(QStringLiteral("leila.farahani"),
                {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                 QStringLiteral("sla"), QStringLiteral("--value"), QStringLiteral("48"),
                 QStringLiteral("--expect-version"), QStringLiteral("0")});
    QCOMPARE(r.code, 5);
    const ProductVersion newest = EditingService(*demo.store).history(kProduct).first();
    QVERIFY2(
        r.err.contains(QStringLiteral("changed by ingrid.berg at %1")
                           .arg(newest.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))),
        qPrintable(r.err));
    QCOMPARE(demo.store->productByKey(kProduct)->freshnessSlaHours, 12);
    r = meshctl(QStringLiteral("leila.farahani"),
                {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                 QStringLiteral("sla"), QStringLiteral("--value"), QStringLiteral("48"),
                 QStringLiteral("--expect-version"), QStringLiteral("0"),
                 QStringLiteral("--overwrite")});
    QCOMPARE(r.code, 0);
    QCOMPARE(demo.store->productByKey(kProduct)->freshnessSlaHours, 48);
}

void TestMeshctlEdit::twoProcessesSavingAtOnceLoseNothing()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    // Two people save the same product at the same moment, both from version 0: exactly one
    // wins, the other is told about it, and the winner's change is what the catalog holds.
    QProcess *a = start(QStringLiteral("leila.farahani"),
                        {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                         QStringLiteral("description"), QStringLiteral("--value"),
                         QStringLiteral("Owner's text"), QStringLiteral("--expect-version"),
                         QStringLiteral("0")});
    QProcess *b = start(QStringLiteral("ingrid.berg"),
                        {QStringLiteral("edit"), demo.path(), kProduct, QStringLiteral("--field"),
                         QStringLiteral("description"), QStringLiteral("--value"),
                         QStringLiteral("Steward's text"), QStringLiteral("--expect-version"),
                         QStringLiteral("0")});
    const Run ra = finish(a);
    const Run rb = finish(b);
    QVERIFY2((ra.code == 0) != (rb.code == 0), qPrintable(ra.err + rb.err));
    const Run &loser = ra.code == 0 ? rb : ra;
    QCOMPARE(loser.code, 5);
    const QString winner =
        ra.code == 0 ? QStringLiteral("leila.farahani") : QStringLiteral("ingrid.berg");
    QVERIFY2(loser.err.contains(QStringLiteral("changed by %1 at ").arg(winner)),
             qPrintable(loser.err));
    EditingService editing(*demo.store);
    QCOMPARE(editing.currentVersion(kProduct), 2);
    QCOMPARE(demo.store->productByKey(kProduct)->description,
             ra.code == 0 ? QStringLiteral("Owner's text") : QStringLiteral("Steward's text"));
}

void TestMeshctlEdit::historyDiffsAndRevertRestores()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    const QString owner = QStringLiteral("leila.farahani");
    const Product original = *demo.store->productByKey(kProduct);
    QCOMPARE(meshctl(owner, {QStringLiteral("edit"), demo.path(), kProduct,
                             QStringLiteral("--field"), QStringLiteral("access_policy"),
                             QStringLiteral("--value"), QStringLiteral("Finance team only")})
                 .code,
             0);
    Run r =
        meshctl(owner, {QStringLiteral("history"), demo.path(), kProduct, QStringLiteral("--from"),
                        QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("2")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("access policy: ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("→ “Finance team only”")));
    r = meshctl(QStringLiteral("maria.lopez"), {QStringLiteral("revert"), demo.path(), kProduct,
                                                QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(r.code, 3);
    r = meshctl(owner, {QStringLiteral("revert"), demo.path(), kProduct,
                        QStringLiteral("--version"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("version 3")));
    QCOMPARE(MeshTest::metadataOf(*demo.store->productByKey(kProduct)),
             MeshTest::metadataOf(original));
    r = meshctl(owner, {QStringLiteral("history"), demo.path(), kProduct});
    QVERIFY(r.out.contains(QStringLiteral("Reverted to version 1")));
}

void TestMeshctlEdit::unclaimedAndClaimApproval()
{
    MeshTest::DemoCatalog demo;
    QVERIFY(demo.init());
    Run r = meshctl(QStringLiteral("anyone"),
                    {QStringLiteral("unclaimed"), demo.path(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 4);
    const QJsonObject first =
        r.json().value(QStringLiteral("products")).toArray().first().toObject();
    QVERIFY(first.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("legacy.")));
    QVERIFY(first.value(QStringLiteral("no_owner")).toBool());
    QVERIFY(first.value(QStringLiteral("never_previewed")).toBool());

    r = meshctl(QStringLiteral("kenji.watanabe"),
                {QStringLiteral("claim"), demo.path(), QStringLiteral("legacy.evt_dump_x"),
                 QStringLiteral("--reason"), QStringLiteral("Marketing events")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Claim #1")));
    r = meshctl(
        QStringLiteral("kenji.watanabe"),
        {QStringLiteral("claim"), QStringLiteral("approve"), demo.path(), QStringLiteral("1")});
    QCOMPARE(r.code, 3);
    r = meshctl(QStringLiteral("priya.raman"), {QStringLiteral("claim"), QStringLiteral("list"),
                                                demo.path(), QStringLiteral("--json")});
    QCOMPARE(r.json().value(QStringLiteral("to_decide")).toArray().size(), 1);
    r = meshctl(QStringLiteral("priya.raman"), {QStringLiteral("claim"), QStringLiteral("approve"),
                                                demo.path(), QStringLiteral("#1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(demo.store->productByKey(QStringLiteral("legacy.evt_dump_x"))->ownerId,
             QStringLiteral("kenji.watanabe"));
    // Still listed, since nobody has documented it yet, but no longer without an owner.
    r = meshctl(QStringLiteral("anyone"),
                {QStringLiteral("unclaimed"), demo.path(), QStringLiteral("--json")});
    for (const QJsonValue &v : r.json().value(QStringLiteral("products")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() ==
            QStringLiteral("legacy.evt_dump_x")) {
            QCOMPARE(v.toObject().value(QStringLiteral("owner")).toString(),
                     QStringLiteral("kenji.watanabe"));
            QVERIFY(!v.toObject()
                         .value(QStringLiteral("reasons"))
                         .toArray()
                         .contains(QStringLiteral("no owner")));
        }
    // A claim on an owned product is refused by policy.
    r = meshctl(QStringLiteral("maria.lopez"),
                {QStringLiteral("claim"), demo.path(), QStringLiteral("legacy.evt_dump_x")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains(QStringLiteral("already owned by kenji.watanabe")));
}

QTEST_GUILESS_MAIN(TestMeshctlEdit)
#include "tst_meshctledit.moc"
