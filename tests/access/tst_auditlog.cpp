// SPDX-License-Identifier: MIT
#include "access/auditlog.h"
#include "accessfixture.h"
#include "db/sqlite.h"

#include <QTest>

using namespace Mesh;
using Problem = AuditVerification::Problem;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void appendChainsEachEntryToThePrevious();
    void triggersRefuseUpdateAndDelete();
    void detectsModifiedEntry();
    void detectsDeletedEntry();
    void detectsSwappedEntries();
    void lifecycleWritesVerifiableEntries();
    void filtersAndExportsCsv();

private:
    static bool fill(MeshTest::AccessFixture &f, int n);
    static bool dropTriggers(Database &db);
};

bool TestAuditLog::fill(MeshTest::AccessFixture &f, int n)
{
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.at = f.clock->addSecs(i);
        e.actor = i % 2 ? QStringLiteral("ana") : QStringLiteral("owner1");
        e.action = QStringLiteral("preview-pii");
        e.productKey = QStringLiteral("fixture.product-%1").arg(i % 3);
        e.subject = QStringLiteral("entry %1").arg(i);
        e.detail = QStringLiteral("détail, \"quoted\"\nline %1").arg(i);
        QString error;
        if (!AuditLog::append(f.store->database(), e, &error))
            return false;
    }
    return true;
}

bool TestAuditLog::dropTriggers(Database &db)
{
    return db.exec(QStringLiteral("DROP TRIGGER audit_log_no_update; "
                                  "DROP TRIGGER audit_log_no_delete;"));
}

void TestAuditLog::appendChainsEachEntryToThePrevious()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 3));
    const QList<AuditEntry> log = AuditLog::entries(f.store->database());
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].seq, 1);
    QCOMPARE(log[0].prevHash, QString::fromLatin1(AuditLog::kGenesisHash));
    QCOMPARE(log[1].prevHash, log[0].hash);
    QCOMPARE(log[2].prevHash, log[1].hash);
    QCOMPARE(log[1].hash, AuditLog::computeHash(log[0].hash, log[1]));
    QCOMPARE(log[1].hash.size(), 64);
    const AuditVerification v = AuditLog::verify(f.store->database());
    QVERIFY2(v.intact(), qPrintable(v.message));
    QCOMPARE(v.entries, 3);
    QCOMPARE(v.headHash, log[2].hash);
}

void TestAuditLog::triggersRefuseUpdateAndDelete()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 2));
    QString error;
    QVERIFY(!f.store->database().exec(QStringLiteral("UPDATE audit_log SET actor = 'x'"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!f.store->database().exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2"),
                                      &error));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log")), 2);
    QVERIFY(AuditLog::verify(f.store->database()).intact());
}

void TestAuditLog::detectsModifiedEntry()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 5));
    QVERIFY(dropTriggers(f.store->database()));
    QVERIFY(f.store->database().exec(
        QStringLiteral("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3")));
    const AuditVerification v = AuditLog::verify(f.store->database());
    QCOMPARE(v.problem, Problem::Modified);
    QCOMPARE(v.firstBadSeq, 3);
    QVERIFY2(v.message.contains(QStringLiteral("#3 was modified")), qPrintable(v.message));
}

void TestAuditLog::detectsDeletedEntry()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 5));
    QVERIFY(dropTriggers(f.store->database()));
    QVERIFY(f.store->database().exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2")));
    const AuditVerification v = AuditLog::verify(f.store->database());
    QCOMPARE(v.problem, Problem::Deleted);
    QCOMPARE(v.firstBadSeq, 2);
    QVERIFY2(v.message.contains(QStringLiteral("#2 was deleted")), qPrintable(v.message));

    // Renumbering the rows after the gap does not hide it: the chain link still breaks.
    QVERIFY(f.store->database().exec(QStringLiteral("UPDATE audit_log SET seq = seq - 1 "
                                                    "WHERE seq > 2")));
    const AuditVerification renumbered = AuditLog::verify(f.store->database());
    QCOMPARE(renumbered.problem, Problem::Reordered);
    QCOMPARE(renumbered.firstBadSeq, 2);
}

void TestAuditLog::detectsSwappedEntries()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 5));
    Database &db = f.store->database();
    QVERIFY(dropTriggers(db));
    // Swap rows 3 and 4 whole (each keeps a self-consistent hash), as an attacker reordering
    // history would.
    QVERIFY(db.exec(QStringLiteral(
        "UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; "
        "UPDATE audit_log SET seq = 4 WHERE seq = -1;")));
    const AuditVerification v = AuditLog::verify(db);
    QCOMPARE(v.problem, Problem::Reordered);
    QCOMPARE(v.firstBadSeq, 3);
    QVERIFY2(v.message.contains(QStringLiteral("#3 is out of place")), qPrintable(v.message));
}

void TestAuditLog::lifecycleWritesVerifiableEntries()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(QStringLiteral("ana"), 1, {}, 2);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), id).ok());
    const qint64 denied = f.requestFor(QStringLiteral("bob"), 1);
    QVERIFY(f.service->deny(QStringLiteral("owner1"), denied, QStringLiteral("no")).ok());
    *f.clock = f.clock->addDays(3);
    QCOMPARE(f.service->recordExpiries(), 1);
    QStringList actions;
    for (const AuditEntry &e : AuditLog::entries(f.store->database()))
        actions.append(e.action);
    QCOMPARE(actions, (QStringList{QStringLiteral("request"), QStringLiteral("approve"),
                                   QStringLiteral("grant"), QStringLiteral("request"),
                                   QStringLiteral("deny"), QStringLiteral("expire")}));
    QVERIFY(AuditLog::verify(f.store->database()).intact());
}

void TestAuditLog::filtersAndExportsCsv()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(fill(f, 6));
    Database &db = f.store->database();
    QCOMPARE(AuditLog::entries(db, {QStringLiteral("ana"), {}, {}, {}, {}}).size(), 3);
    QCOMPARE(AuditLog::entries(db, {{}, QStringLiteral("fixture.product-0"), {}, {}, {}}).size(), 2);
    QCOMPARE(AuditLog::entries(db, {{}, {}, {}, f.clock->addSecs(2), f.clock->addSecs(4)}).size(),
             2);
    const QByteArray csv = AuditLog::toCsv(AuditLog::entries(db));
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(lines.first().startsWith("seq,at,actor,action,product,subject,detail,prev_hash,hash"));
    QVERIFY(csv.contains("\"détail, \"\"quoted\"\"\nline 1\"")); // RFC 4180 quoting, UTF-8
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
