// SPDX-License-Identifier: MIT
// The Governance view and the Alerts panel, offscreen: violations grouped by domain and owner,
// a double-click asks for the field to fix, the kind filter and the alert buttons.
#include "alertspanel.h"
#include "governance/governanceevaluator.h"
#include "governance/violationmodel.h"
#include "governanceview.h"
#include "quality/alertlistmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace Mesh;

namespace {

GovernanceReport crafted()
{
    auto product = [](const QString &key, const QString &domain, const QString &owner) {
        Product p;
        p.key = key;
        p.name = key;
        p.domain = domain;
        p.ownerId = owner;
        p.description = QStringLiteral("short");
        return p;
    };
    GovernancePolicy owner;
    owner.kind = GovernancePolicy::Kind::RequiredOwner;
    GovernancePolicy description;
    description.kind = GovernancePolicy::Kind::DescriptionMinLength;
    description.parameter = QStringLiteral("10");
    return GovernanceEvaluator::evaluate(
        {product(QStringLiteral("a.one"), QStringLiteral("A"), QStringLiteral("ann")),
         product(QStringLiteral("a.two"), QStringLiteral("A"), QStringLiteral("bob")),
         product(QStringLiteral("legacy.x"), QString(), QString())},
        {}, {owner, description});
}

QualityAlert alert(qint64 id, QualityFinding::Kind kind,
                   const QString &state = QStringLiteral("open"))
{
    QualityAlert a;
    a.id = id;
    a.finding.productKey = QStringLiteral("p.%1").arg(id);
    a.finding.kind = kind;
    a.finding.title = QStringLiteral("Alert %1").arg(id);
    a.finding.detail = QStringLiteral("Detail %1").arg(id);
    a.state = QualityAlert::stateFromName(state);
    a.lastSeen = QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
    return a;
}

} // namespace

class TestGovernanceView : public QObject
{
    Q_OBJECT

private slots:
    void groupsViolationsByDomainAndOwner()
    {
        GovernanceView view;
        QAbstractItemModelTester tester(view.violationModel());
        view.resize(900, 600);
        view.show();
        view.setReport(crafted());
        ViolationModel *model = view.violationModel();
        // Worst domain first: the dark data (0 %) before A (50 %).
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("No domain (dark data)"));
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("A"));
        const QModelIndex a = model->index(1, 0);
        QCOMPARE(model->rowCount(a), 2); // owners ann and bob
        QCOMPARE(model->index(0, 0, a).data().toString(), QStringLiteral("Owner: ann"));
        const QModelIndex leaf = model->index(0, 0, model->index(0, 0, a));
        QCOMPARE(leaf.data(ViolationModel::LevelRole).toInt(), 2);
        QCOMPARE(leaf.data(ViolationModel::ProductKeyRole).toString(), QStringLiteral("a.one"));
        QCOMPARE(leaf.data(ViolationModel::FieldRole).toString(),
                 QStringLiteral("overview:description"));
        QCOMPARE(view.productTable()->rowCount(), 3);
    }

    void activatingAViolationAsksForItsField()
    {
        GovernanceView view;
        view.setReport(crafted());
        view.show();
        QSignalSpy spy(&view, &GovernanceView::fixRequested);
        ViolationModel *model = view.violationModel();
        const QModelIndex dark = model->index(0, 0);
        const QModelIndex leaf = model->index(0, 2, model->index(0, 0, dark));
        QTreeView *tree = view.violationView();
        tree->expandAll();
        tree->setCurrentIndex(leaf);
        emit tree->activated(leaf);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toString(), QStringLiteral("legacy.x"));
        QCOMPARE(spy[0][1].toString(), QStringLiteral("overview:owner"));
        // A group row toggles instead.
        emit tree->activated(dark);
        QCOMPARE(spy.size(), 1);
    }

    void showsAMessageWithoutProducts()
    {
        GovernanceView view;
        view.setReport(GovernanceEvaluator::evaluate({}, {}, {}));
        QCOMPARE(view.violationModel()->rowCount(), 0);
    }

    void alertsPanelFiltersAndActs()
    {
        AlertsPanel panel(true);
        QAbstractItemModelTester tester(panel.model());
        panel.resize(900, 400);
        panel.show();
        panel.setAlerts(
            {alert(1, QualityFinding::Kind::Duplicate), alert(2, QualityFinding::Kind::Missing),
             alert(3, QualityFinding::Kind::Duplicate, QStringLiteral("acknowledged"))});
        QCOMPARE(panel.view()->model()->rowCount(), 3);
        panel.kindFilter()->setCurrentIndex(
            panel.kindFilter()->findData(QStringLiteral("duplicate")));
        QCOMPARE(panel.view()->model()->rowCount(), 2);
        QVERIFY(panel.selectAlert(1));
        QSignalSpy ack(&panel, &AlertsPanel::acknowledgeRequested);
        QSignalSpy resolve(&panel, &AlertsPanel::resolveRequested);
        auto *ackButton = panel.findChild<QPushButton *>(QStringLiteral("alertAcknowledge"));
        auto *resolveButton = panel.findChild<QPushButton *>(QStringLiteral("alertResolve"));
        QVERIFY(ackButton->isEnabled());
        QTest::mouseClick(ackButton, Qt::LeftButton);
        QCOMPARE(ack.size(), 1);
        QCOMPARE(ack[0][0].toLongLong(), 1);
        // An acknowledged alert can be resolved but not acknowledged again.
        QVERIFY(panel.selectAlert(3));
        QVERIFY(!ackButton->isEnabled());
        QTest::mouseClick(resolveButton, Qt::LeftButton);
        QCOMPARE(resolve.size(), 1);
        QCOMPARE(resolve[0][0].toLongLong(), 3);
        // Filtering to a kind with no alerts says so.
        panel.kindFilter()->setCurrentIndex(panel.kindFilter()->findData(QStringLiteral("drift")));
        QCOMPARE(panel.view()->model()->rowCount(), 0);
        QVERIFY(!panel.view()->isVisible());
    }
};

QTEST_MAIN(TestGovernanceView)
#include "tst_governanceview.moc"
