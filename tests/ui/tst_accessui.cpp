// SPDX-License-Identifier: MIT
// The access views on the Messy Inc. demo: the inbox of an owner, the Access tab and the audit
// viewer. With MESH_SCREENSHOT_DIR set, saves access-inbox.png and audit-log.png there.
#include "access/accessservice.h"
#include "access/accesssession.h"
#include "access/auditlogmodel.h"
#include "accesscontroller.h"
#include "accessinboxdialog.h"
#include "auditlogdialog.h"
#include "demo/demoloader.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Mesh;

class TestAccessUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void inboxShowsRequestsTheOwnerMayDecide();
    void auditViewerShowsVerifiedChain();
    void auditLogModelIsConsistent();
    void statusBarNamesTheSignedInPerson();

private:
    void save(QWidget *w, const QString &name);
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    AccessController *m_access = nullptr;
};

void TestAccessUi::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("messy.mesh"));
    CatalogError error;
    {
        auto store = DemoLoader::createDemoCatalog(m_path, &error);
        QVERIFY2(store, qPrintable(error.message));
        AccessService s(*store);
        const QDateTime now = s.now();
        QVERIFY(s.request(QStringLiteral("kenji.watanabe"), QStringLiteral("sales.hubspot-contacts"),
                          {QStringLiteral("id"), QStringLiteral("properties.email")},
                          QStringLiteral("Match churned accounts to their marketing contacts"),
                          now, now.addDays(30))
                    .ok());
        const AccessOutcome deals = s.request(
            QStringLiteral("leila.farahani"), QStringLiteral("sales.hubspot-deals"), {},
            QStringLiteral("Reconcile the pipeline with NetSuite revenue"), now, now.addDays(90));
        QVERIFY(deals.ok());
        QVERIFY(s.request(QStringLiteral("amara.okafor"), QStringLiteral("sales.hubspot-companies"),
                          {}, QStringLiteral("Board pack: customers by segment"), now,
                          now.addDays(14))
                    .ok());
        QVERIFY(s.approve(QStringLiteral("maria.lopez"), deals.id).ok());
        const AccessOutcome denied = s.request(
            QStringLiteral("grace.mensah"), QStringLiteral("sales.marketing-leads"), {},
            QStringLiteral("Hiring plan"), now, now.addDays(10));
        QVERIFY(denied.ok());
        QVERIFY(s.deny(QStringLiteral("priya.raman"), denied.id,
                       QStringLiteral("Use the Marketing Leads KPI instead"))
                    .ok());
    }
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1440, 900);
    m_access = m_window->findChild<AccessController *>();
    QVERIFY(m_access);
    QSignalSpy opened(m_access->session(), &AccessSession::opened);
    m_window->openCatalog(m_path);
    QVERIFY(opened.wait(20000) || opened.size() == 1);
    QVERIFY(m_access->session()->isDemo());
    QSignalSpy signedIn(m_access->session(), &AccessSession::inboxReady);
    m_access->session()->signInAs(QStringLiteral("maria.lopez"));
    QVERIFY(signedIn.wait(10000));
    QCOMPARE(m_access->session()->userId(), QStringLiteral("maria.lopez"));
}

void TestAccessUi::save(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("MESH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

void TestAccessUi::inboxShowsRequestsTheOwnerMayDecide()
{
    QSignalSpy ready(m_access->session(), &AccessSession::inboxReady);
    AccessInboxDialog *inbox = m_access->showInbox();
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY(inbox->requestList()->topLevelItemCount() == 2);
    // Maria owns contacts and companies: two pending requests wait for her; deals is decided.
    QTreeWidgetItem *toDecide = inbox->requestList()->topLevelItem(0);
    QCOMPARE(toDecide->childCount(), 2);
    QStringList products;
    for (int i = 0; i < toDecide->childCount(); ++i)
        products.append(toDecide->child(i)->text(1));
    products.sort();
    QCOMPARE(products, (QStringList{QStringLiteral("sales.hubspot-companies"),
                                    QStringLiteral("sales.hubspot-contacts")}));
    inbox->requestList()->setCurrentItem(toDecide->child(toDecide->childCount() - 1));
    QTest::qWait(100);
    save(inbox, QStringLiteral("access-inbox.png"));
    inbox->close();
}

void TestAccessUi::auditViewerShowsVerifiedChain()
{
    QSignalSpy ready(m_access->session(), &AccessSession::auditReady);
    AuditLogDialog *audit = m_access->showAuditLog();
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY(audit->chainStatus()->text().contains(QStringLiteral("Chain verified")));
    // request ×4, approve, grant, deny, and the sign-in-as switch.
    QCOMPARE(audit->model()->rowCount(), 8);
    QTest::qWait(100);
    save(audit, QStringLiteral("audit-log.png"));
    audit->close();
}

void TestAccessUi::auditLogModelIsConsistent()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditEntry e;
    e.seq = 7;
    e.actor = QStringLiteral("ana");
    e.action = QStringLiteral("request");
    e.detail = QStringLiteral("why");
    model.setEntries({e});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, AuditLogModel::Actor)).toString(), QStringLiteral("ana"));
    QCOMPARE(model.data(model.index(0, 0), AuditLogModel::DetailRole).toString(),
             QStringLiteral("why"));
    QCOMPARE(model.indexOf(7).row(), 0);
    QVERIFY(!model.indexOf(8).isValid());
}

void TestAccessUi::statusBarNamesTheSignedInPerson()
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("accessUserLabel"));
    QVERIFY(label);
    QString name;
    for (const User &u : m_access->session()->users())
        if (u.id == QStringLiteral("maria.lopez"))
            name = u.displayName;
    QVERIFY(!name.isEmpty());
    QCOMPARE(label->text(), QStringLiteral("Signed in as %1 · DEMO").arg(name));
    m_access->session()->signInAs(QStringLiteral("priya.raman"));
    QVERIFY(label->text().startsWith(QStringLiteral("Signed in as ")));
    QVERIFY(!label->text().contains(name));
    m_access->session()->signInAs(QStringLiteral("maria.lopez"));
    QCOMPARE(label->text(), QStringLiteral("Signed in as %1 · DEMO").arg(name));
}

QTEST_MAIN(TestAccessUi)
#include "tst_accessui.moc"
