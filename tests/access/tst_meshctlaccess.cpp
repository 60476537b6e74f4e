// SPDX-License-Identifier: MIT
// meshctl access/audit as a user runs them: separate processes on one catalog file.
#include "access/auditlog.h"
#include "accessfixture.h"

#include <QProcess>
#include <QTest>

using namespace Mesh;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QProcess *start(const QStringList &args)
{
    auto *p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
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

Run meshctl(const QStringList &args)
{
    return finish(start(args));
}

} // namespace

class TestMeshctlAccess : public QObject
{
    Q_OBJECT

private slots:
    void requestPrintsIdAndListShowsIt();
    void refusedActionExitsThreeWithThePolicyReason();
    void actingAsAnotherUserOnlyOnTheDemoCatalog();
    void concurrentApprovalsFromTwoProcessesYieldOneGrant();
    void auditVerifyExitsOneNamingTheFirstBadEntry();
    void auditExportWritesCsv();
};

void TestMeshctlAccess::requestPrintsIdAndListShowsIt()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init(true));
    const QString path = f.path();
    f.store.reset(); // the processes own the file now
    Run r = meshctl({QStringLiteral("access"), QStringLiteral("request"), path,
                     QStringLiteral("fixture.product-1"), QStringLiteral("--purpose"),
                     QStringLiteral("churn"), QStringLiteral("--days"), QStringLiteral("7"),
                     QStringLiteral("--columns"), QStringLiteral("email,id")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("1"));
    r = meshctl({QStringLiteral("access"), QStringLiteral("list"), path, QStringLiteral("--json"),
                 QStringLiteral("--as"), QStringLiteral("owner1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\"requester\": \"tester\"")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("\"inbox\": [\n        1\n    ]")));
}

void TestMeshctlAccess::refusedActionExitsThreeWithThePolicyReason()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init(true));
    const qint64 id = f.requestFor(QStringLiteral("ana"), 1);
    const QString path = f.path();
    f.store.reset();
    Run r = meshctl({QStringLiteral("access"), QStringLiteral("approve"), path,
                     QString::number(id), QStringLiteral("--as"), QStringLiteral("bob")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("Only the owner (owner1)")), qPrintable(r.err));
    r = meshctl({QStringLiteral("access"), QStringLiteral("approve"), path, QString::number(id),
                 QStringLiteral("--as"), QStringLiteral("ana")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("own request")), qPrintable(r.err));
    r = meshctl({QStringLiteral("access"), QStringLiteral("deny"), path, QString::number(id),
                 QStringLiteral("--as"), QStringLiteral("owner1")});
    QCOMPARE(r.code, 2); // a denial needs a reason
    r = meshctl({QStringLiteral("access"), QStringLiteral("withdraw"), path, QString::number(id)});
    QCOMPARE(r.code, 3); // tester did not make it
}

void TestMeshctlAccess::actingAsAnotherUserOnlyOnTheDemoCatalog()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init(false));
    const qint64 id = f.requestFor(QStringLiteral("ana"), 1);
    const QString path = f.path();
    f.store.reset();
    const Run r = meshctl({QStringLiteral("access"), QStringLiteral("approve"), path,
                           QString::number(id), QStringLiteral("--as"), QStringLiteral("owner1")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains(QStringLiteral("only possible in the demo catalog")), qPrintable(r.err));
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY(store);
    QCOMPARE(store->database().scalar(QStringLiteral("SELECT count(*) FROM access_approvals")).toInt(),
             0);
}

void TestMeshctlAccess::concurrentApprovalsFromTwoProcessesYieldOneGrant()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init(true));
    QList<qint64> ids;
    for (int round = 0; round < 4; ++round)
        ids.append(f.requestFor(QStringLiteral("ana"), 1));
    const QString path = f.path();
    f.store.reset();
    for (qint64 id : ids) {
        // The owner and a steward approve the same request at the same moment.
        QProcess *a = start({QStringLiteral("access"), QStringLiteral("approve"), path,
                             QString::number(id), QStringLiteral("--as"), QStringLiteral("owner1")});
        QProcess *b = start({QStringLiteral("access"), QStringLiteral("approve"), path,
                             QString::number(id), QStringLiteral("--as"), QStringLiteral("steward")});
        const Run ra = finish(a);
        const Run rb = finish(b);
        QList<int> codes = {ra.code, rb.code};
        std::sort(codes.begin(), codes.end());
        QCOMPARE(codes, (QList<int>{0, 3}));
        QVERIFY2((ra.code == 3 ? ra.err : rb.err).contains(QStringLiteral("already approved")),
                 qPrintable(ra.err + rb.err));
    }
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    QVERIFY(store);
    QCOMPARE(store->database().scalar(QStringLiteral("SELECT count(*) FROM access_grants")).toInt(),
             ids.size());
    QCOMPARE(store->database()
                 .scalar(QStringLiteral("SELECT count(DISTINCT request_id) FROM access_grants"))
                 .toInt(),
             ids.size());
    QVERIFY(AuditLog::verify(store->database()).intact());
}

void TestMeshctlAccess::auditVerifyExitsOneNamingTheFirstBadEntry()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(QStringLiteral("ana"), 1);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), id).ok());
    Run r = meshctl({QStringLiteral("audit"), QStringLiteral("verify"), f.path()});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Chain verified: 3 entries")), qPrintable(r.out));
    QVERIFY(f.store->database().exec(QStringLiteral(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing to see' "
        "WHERE seq = 2")));
    r = meshctl({QStringLiteral("audit"), QStringLiteral("verify"), f.path()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("#2 was modified")), qPrintable(r.err));
}

void TestMeshctlAccess::auditExportWritesCsv()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    QVERIFY(f.requestFor(QStringLiteral("ana"), 1) > 0);
    const QString csv = f.dir.filePath(QStringLiteral("audit.csv"));
    const Run r = meshctl({QStringLiteral("audit"), QStringLiteral("export"), f.path(),
                           QStringLiteral("--out"), csv});
    QCOMPARE(r.code, 0);
    const QByteArray bytes = MeshTest::fileBytes(csv);
    QCOMPARE(bytes.count('\n'), 2);
    QVERIFY(bytes.contains(",ana,request,fixture.product-1,request #1,"));
}

QTEST_GUILESS_MAIN(TestMeshctlAccess)
#include "tst_meshctlaccess.moc"
