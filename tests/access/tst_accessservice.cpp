// SPDX-License-Identifier: MIT
#include "access/accessservice.h"
#include "access/auditlog.h"
#include "accessfixture.h"
#include "db/sqlite.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace Mesh;
using Code = AccessOutcome::Code;

namespace {
const QString kSensitive = QStringLiteral("fixture.product-0"); // owner0, steward, finsteward
const QString kPlain = QStringLiteral("fixture.product-1");     // owner1, steward
const QString kAna = QStringLiteral("ana");
} // namespace

class TestAccessService : public QObject
{
    Q_OBJECT

private slots:
    void requestIsPendingAndAudited();
    void rejectsRequestForUnknownColumnOrBadPeriod();
    void rejectsSelfApproval();
    void rejectsApprovalByNonOwner();
    void rejectsDoubleApproval();
    void sensitiveProductNeedsOwnerAndStewardApproval();
    void approvalNarrowsColumnsAndShortensButNeverWidens();
    void grantExpiresWhenClockPassesEnd();
    void revokeEndsAccessAndOnlyOwnerOrAdminMayRevoke();
    void withdrawOnlyByRequesterWhilePending();
    void denyNeedsReasonAndIsFinal();
    void historyIsNeverDeleted();
    void concurrentApprovalsFromTwoConnectionsYieldOneGrant();
    void notificationsForOwnerRequesterAndExpiringGrant();
    void signInAsOnlyOnDemoCatalogAndAudited();
};

void TestAccessService::requestIsPendingAndAudited()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 0, {QStringLiteral("email")});
    QVERIFY(id > 0);
    const auto r = f.service->request(id);
    QVERIFY(r);
    QCOMPARE(r->status, AccessRequest::Status::Pending);
    QCOMPARE(r->approvalsNeeded, 2);
    QCOMPARE(r->columns, QStringList{QStringLiteral("email")});
    QCOMPARE(f.service->requests(kPlain).size(), 0);
    const QList<AuditEntry> log = AuditLog::entries(f.store->database());
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().action, QStringLiteral("request"));
    QCOMPARE(log.first().actor, kAna);
    QCOMPARE(log.first().productKey, kSensitive);
}

void TestAccessService::rejectsRequestForUnknownColumnOrBadPeriod()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const QDateTime now = *f.clock;
    QCOMPARE(f.service->request(kAna, kPlain, {QStringLiteral("nope")}, QStringLiteral("x"), now,
                                now.addDays(3)).code,
             Code::Invalid);
    QCOMPARE(f.service->request(kAna, kPlain, {}, QStringLiteral("x"), now, now).code,
             Code::Invalid);
    QCOMPARE(f.service->request(kAna, kPlain, {}, QStringLiteral("  "), now, now.addDays(1)).code,
             Code::Invalid);
    QCOMPARE(f.service->request(kAna, QStringLiteral("no.such"), {}, QStringLiteral("x"), now,
                                now.addDays(1)).code,
             Code::Invalid);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_requests")), 0);
}

void TestAccessService::rejectsSelfApproval()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    // owner1 may approve requests for product 1, but not one they made themselves.
    const qint64 id = f.requestFor(QStringLiteral("owner1"), 1);
    QVERIFY(id > 0);
    const AccessOutcome o = f.service->approve(QStringLiteral("owner1"), id);
    QCOMPARE(o.code, Code::Refused);
    QVERIFY2(o.message.contains(QStringLiteral("own request")), qPrintable(o.message));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants")), 0);
    QCOMPARE(f.service->request(id)->status, AccessRequest::Status::Pending);
}

void TestAccessService::rejectsApprovalByNonOwner()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1);
    for (const QString &who : {QStringLiteral("owner0"), QStringLiteral("bob"),
                               QStringLiteral("root"), QStringLiteral("finsteward"),
                               QStringLiteral("stranger")}) {
        const AccessOutcome o = f.service->approve(who, id);
        QCOMPARE(o.code, Code::Refused);
        QVERIFY2(o.message.contains(QStringLiteral("Only the owner")), qPrintable(o.message));
    }
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_approvals")), 0);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), id).ok());
}

void TestAccessService::rejectsDoubleApproval()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1);
    const AccessOutcome first = f.service->approve(QStringLiteral("owner1"), id);
    QVERIFY2(first.ok(), qPrintable(first.message));
    QVERIFY(first.grantId > 0);
    const AccessOutcome again = f.service->approve(QStringLiteral("steward"), id);
    QCOMPARE(again.code, Code::Refused);
    QVERIFY2(again.message.contains(QStringLiteral("already approved")), qPrintable(again.message));
    QCOMPARE(f.service->deny(QStringLiteral("steward"), id, QStringLiteral("late")).code,
             Code::Refused);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants")), 1);
}

void TestAccessService::sensitiveProductNeedsOwnerAndStewardApproval()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 0);
    const AccessOutcome first = f.service->approve(QStringLiteral("owner0"), id);
    QVERIFY2(first.ok(), qPrintable(first.message));
    QCOMPARE(first.grantId, 0);
    QCOMPARE(f.service->request(id)->status, AccessRequest::Status::Pending);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants")), 0);
    QVERIFY(!f.service->policy().activeGrants(kAna, kSensitive).size());
    // The same person twice is not two approvals.
    QCOMPARE(f.service->approve(QStringLiteral("owner0"), id).code, Code::Refused);
    // The inbox of the owner no longer shows it; the stewards' still do.
    QVERIFY(f.service->inbox(QStringLiteral("owner0")).isEmpty());
    QCOMPARE(f.service->inbox(QStringLiteral("finsteward")).size(), 1);
    const AccessOutcome second = f.service->approve(QStringLiteral("finsteward"), id);
    QVERIFY2(second.ok(), qPrintable(second.message));
    QVERIFY(second.grantId > 0);
    QCOMPARE(f.service->request(id)->status, AccessRequest::Status::Approved);
    QCOMPARE(f.service->request(id)->approvals.size(), 2);
    QCOMPARE(f.service->policy().activeGrants(kAna, kSensitive).size(), 1);
}

void TestAccessService::approvalNarrowsColumnsAndShortensButNeverWidens()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1, {QStringLiteral("email"), QStringLiteral("id")}, 30);
    QCOMPARE(f.service->approve(QStringLiteral("owner1"), id, {QStringLiteral("amount")}).code,
             Code::Invalid);
    QCOMPARE(f.service->approve(QStringLiteral("owner1"), id, {}, f.clock->addDays(60)).code,
             Code::Invalid);
    const AccessOutcome o = f.service->approve(QStringLiteral("owner1"), id,
                                               {QStringLiteral("id")}, f.clock->addDays(7));
    QVERIFY2(o.ok(), qPrintable(o.message));
    const auto g = f.service->grant(o.grantId);
    QVERIFY(g);
    QCOMPARE(g->columns, QStringList{QStringLiteral("id")});
    QCOMPARE(g->endsAt, f.clock->addDays(7));
    QCOMPARE(g->userId, kAna);
}

void TestAccessService::grantExpiresWhenClockPassesEnd()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 0, {}, 10);
    QVERIFY(f.service->approve(QStringLiteral("owner0"), id).ok());
    const qint64 grantId = f.service->approve(QStringLiteral("steward"), id).grantId;
    QVERIFY(grantId > 0);
    const AccessPolicy &policy = f.service->policy();
    QCOMPARE(policy.decide(kAna, AccessAction::Preview, {kSensitive, {}}).verdict,
             AccessDecision::Verdict::Allow);
    *f.clock = f.clock->addDays(10).addSecs(-1);
    QCOMPARE(policy.decide(kAna, AccessAction::Preview, {kSensitive, {}}).verdict,
             AccessDecision::Verdict::Allow);
    // Nothing has run since: the decision alone sees that the grant has ended.
    *f.clock = f.clock->addSecs(1);
    const AccessDecision after = policy.decide(kAna, AccessAction::Preview, {kSensitive, {}});
    QCOMPARE(after.verdict, AccessDecision::Verdict::AllowMasked);
    QCOMPARE(after.maskedColumns, QStringList{QStringLiteral("email")});
    QCOMPARE(f.service->grant(grantId)->state(*f.clock), AccessGrant::State::Expired);
    // The expiry is recorded once in the audit log; the grant stays in the history.
    QCOMPARE(f.service->recordExpiries(), 1);
    QCOMPARE(f.service->recordExpiries(), 0);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'expire'")),
             1);
    QCOMPARE(f.service->grants(kSensitive).size(), 1);
    QCOMPARE(f.service->revoke(QStringLiteral("owner0"), grantId).code, Code::Refused);
}

void TestAccessService::revokeEndsAccessAndOnlyOwnerOrAdminMayRevoke()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 grantId = f.service->approve(QStringLiteral("owner1"), f.requestFor(kAna, 1)).grantId;
    QVERIFY(grantId > 0);
    QCOMPARE(f.service->revoke(kAna, grantId).code, Code::Refused);
    QCOMPARE(f.service->revoke(QStringLiteral("owner0"), grantId).code, Code::Refused);
    QCOMPARE(f.service->policy().activeGrants(kAna, kPlain).size(), 1);
    const AccessOutcome o = f.service->revoke(QStringLiteral("owner1"), grantId,
                                              QStringLiteral("project cancelled"));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(f.service->policy().activeGrants(kAna, kPlain).size(), 0);
    const auto g = f.service->grant(grantId);
    QCOMPARE(g->state(*f.clock), AccessGrant::State::Revoked);
    QCOMPARE(g->revokedBy, QStringLiteral("owner1"));
    QCOMPARE(f.service->revoke(QStringLiteral("owner1"), grantId).code, Code::Refused);
    // An admin may revoke too.
    const qint64 second = f.service->approve(QStringLiteral("owner1"), f.requestFor(kAna, 1)).grantId;
    QVERIFY(f.service->revoke(QStringLiteral("root"), second).ok());
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'revoke'")),
             2);
}

void TestAccessService::withdrawOnlyByRequesterWhilePending()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1);
    QCOMPARE(f.service->withdraw(QStringLiteral("bob"), id).code, Code::Refused);
    QCOMPARE(f.service->withdraw(QStringLiteral("owner1"), id).code, Code::Refused);
    QVERIFY(f.service->withdraw(kAna, id).ok());
    QCOMPARE(f.service->request(id)->status, AccessRequest::Status::Withdrawn);
    QCOMPARE(f.service->withdraw(kAna, id).code, Code::Refused);
    QCOMPARE(f.service->approve(QStringLiteral("owner1"), id).code, Code::Refused);
    QVERIFY(f.service->inbox(QStringLiteral("owner1")).isEmpty());
    QCOMPARE(f.service->requests({}, kAna).size(), 1); // kept in the history
    // An approved request can no longer be withdrawn.
    const qint64 approved = f.requestFor(kAna, 1);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), approved).ok());
    QCOMPARE(f.service->withdraw(kAna, approved).code, Code::Refused);
}

void TestAccessService::denyNeedsReasonAndIsFinal()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1);
    QCOMPARE(f.service->deny(QStringLiteral("owner1"), id, QString()).code, Code::Invalid);
    QCOMPARE(f.service->deny(QStringLiteral("bob"), id, QStringLiteral("no")).code, Code::Refused);
    QVERIFY(f.service->deny(QStringLiteral("owner1"), id, QStringLiteral("Use the aggregate")).ok());
    const auto r = f.service->request(id);
    QCOMPARE(r->status, AccessRequest::Status::Denied);
    QCOMPARE(r->reason, QStringLiteral("Use the aggregate"));
    QCOMPARE(f.service->approve(QStringLiteral("owner1"), id).code, Code::Refused);
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants")), 0);
}

void TestAccessService::historyIsNeverDeleted()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), id).ok());
    Database &db = f.store->database();
    QString error;
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM access_requests"), &error));
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM access_grants"), &error));
    QVERIFY(!db.exec(QStringLiteral("DELETE FROM access_approvals"), &error));
    QVERIFY(!db.exec(QStringLiteral("UPDATE access_requests SET status = 'pending'"), &error));
    QVERIFY(!db.exec(QStringLiteral("UPDATE access_grants SET ends_at = '2099-01-01T00:00:00Z'"),
                     &error));
    QVERIFY(error.contains(QStringLiteral("never changed")));
    QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants")), 1);
}

void TestAccessService::concurrentApprovalsFromTwoConnectionsYieldOneGrant()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    // Several rounds: each time the owner and a steward approve the same plain request at once.
    for (int round = 0; round < 5; ++round) {
        const qint64 id = f.requestFor(kAna, 1);
        std::atomic<int> ready{0};
        std::atomic<int> granted{0};
        std::atomic<int> refusedCount{0};
        auto approveFrom = [&](const QString &approver) {
            CatalogError error;
            auto store =
                SqliteCatalogStore::open(f.path(), SqliteCatalogStore::OpenMode::ReadWrite, &error);
            if (!store)
                return;
            AccessService service(*store, f.clockFn());
            ++ready;
            while (ready.load() < 2) {
            }
            const AccessOutcome o = service.approve(approver, id);
            if (o.ok() && o.grantId > 0)
                ++granted;
            else if (o.code == Code::Refused)
                ++refusedCount;
        };
        std::unique_ptr<QThread> a(QThread::create(approveFrom, QStringLiteral("owner1")));
        std::unique_ptr<QThread> b(QThread::create(approveFrom, QStringLiteral("steward")));
        a->start();
        b->start();
        QVERIFY(a->wait(20000));
        QVERIFY(b->wait(20000));
        QCOMPARE(granted.load(), 1);
        QCOMPARE(refusedCount.load(), 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM access_grants WHERE request_id = %1")
                              .arg(id)),
                 1);
    }
    QVERIFY(AuditLog::verify(f.store->database()).intact());
}

void TestAccessService::notificationsForOwnerRequesterAndExpiringGrant()
{
    MeshTest::AccessFixture f;
    QVERIFY(f.init());
    const qint64 id = f.requestFor(kAna, 1, {}, 5);
    QList<AccessNotification> owner = f.service->notifications(QStringLiteral("owner1"));
    QCOMPARE(owner.size(), 1);
    QCOMPARE(owner.first().kind, AccessNotification::Kind::NewRequest);
    QCOMPARE(f.service->unreadCount(QStringLiteral("owner1")), 1);
    QVERIFY(f.service->markNotificationsSeen(QStringLiteral("owner1")));
    QCOMPARE(f.service->unreadCount(QStringLiteral("owner1")), 0);
    QVERIFY(f.service->notifications(QStringLiteral("owner0")).isEmpty());

    *f.clock = f.clock->addSecs(60);
    QVERIFY(f.service->approve(QStringLiteral("owner1"), id).ok());
    QList<AccessNotification> mine = f.service->notifications(kAna);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().kind, AccessNotification::Kind::Decision);
    QVERIFY(mine.first().text.contains(QStringLiteral("approved")));

    // Three days before the end (day 5) the grant shows up as expiring.
    *f.clock = f.clock->addDays(1);
    QCOMPARE(f.service->notifications(kAna).size(), 1);
    *f.clock = f.clock->addDays(1);
    mine = f.service->notifications(kAna);
    QCOMPARE(mine.size(), 2);
    QCOMPARE(mine.first().kind, AccessNotification::Kind::Expiring);
    *f.clock = f.clock->addDays(3); // expired: no longer "expiring"
    QCOMPARE(f.service->notifications(kAna).size(), 1);
}

void TestAccessService::signInAsOnlyOnDemoCatalogAndAudited()
{
    MeshTest::AccessFixture plain;
    QVERIFY(plain.init(false));
    QCOMPARE(plain.service->signInAs(QStringLiteral("me"), kAna).code, Code::Refused);
    MeshTest::AccessFixture demo;
    QVERIFY(demo.init(true));
    QCOMPARE(demo.service->signInAs(QStringLiteral("me"), QStringLiteral("nobody")).code,
             Code::Invalid);
    QVERIFY(demo.service->signInAs(QStringLiteral("me"), kAna).ok());
    const QList<AuditEntry> log = AuditLog::entries(demo.store->database());
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().action, QStringLiteral("sign-in-as"));
    QCOMPARE(log.first().actor, QStringLiteral("me"));
    QCOMPARE(log.first().subject, kAna);
}

QTEST_GUILESS_MAIN(TestAccessService)
#include "tst_accessservice.moc"
