// SPDX-License-Identifier: MIT
#include "unclaimeddialog.h"

#include "editcontroller.h"
#include "theme.h"

#include "catalog/sqlitecatalogstore.h"
#include "team/teamclaims.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Mesh {

UnclaimedDialog::UnclaimedDialog(EditController *controller, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("unclaimedDialog"));
    setWindowTitle(tr("Unclaimed Data"));
    resize(980, 620);

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_includeUnpreviewed = new QCheckBox(tr("Also list owned products nobody has previewed"), this);
    m_includeUnpreviewed->setObjectName(QStringLiteral("includeUnpreviewed"));
    connect(m_includeUnpreviewed, &QCheckBox::toggled, this, &UnclaimedDialog::refresh);

    m_products = new QTreeWidget(this);
    m_products->setObjectName(QStringLiteral("unclaimedList"));
    m_products->setHeaderLabels({tr("Product"), tr("Key"), tr("Source"), tr("Why it is listed"),
                                 tr("Updated"), tr("Claim")});
    m_products->setRootIsDecorated(false);
    m_products->setAlternatingRowColors(true);
    m_products->setUniformRowHeights(true);
    connect(m_products, &QTreeWidget::currentItemChanged, this, &UnclaimedDialog::updateButtons);
    connect(m_products, &QTreeWidget::itemDoubleClicked, this,
            [this] { emit m_controller->productActivated(selectedProduct()); });

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("claimReason"));
    m_reason->setPlaceholderText(tr("Why you should own it (helps the steward decide)"));
    m_open = new QPushButton(tr("Open Product"), this);
    m_claim = new QPushButton(tr("Claim Ownership"), this);
    m_claim->setObjectName(QStringLiteral("claimButton"));
    connect(m_open, &QPushButton::clicked, this,
            [this] { emit m_controller->productActivated(selectedProduct()); });
    connect(m_claim, &QPushButton::clicked, this, [this] { claimSelected(); });
    auto *claimRow = new QHBoxLayout;
    claimRow->addWidget(m_reason, 1);
    claimRow->addWidget(m_open);
    claimRow->addWidget(m_claim);

    m_claimsTitle = new QLabel(this);
    m_claimsTitle->setFont(Theme::sectionFont(font()));
    m_claims = new QTreeWidget(this);
    m_claims->setObjectName(QStringLiteral("claimList"));
    m_claims->setHeaderLabels(
        {tr("Claim"), tr("Product"), tr("Claimant"), tr("Reason"), tr("Filed")});
    m_claims->setRootIsDecorated(false);
    m_claims->setMaximumHeight(160);
    connect(m_claims, &QTreeWidget::currentItemChanged, this, &UnclaimedDialog::updateButtons);
    m_approve = new QPushButton(tr("Approve"), this);
    m_approve->setObjectName(QStringLiteral("approveClaimButton"));
    m_deny = new QPushButton(tr("Deny"), this);
    m_deny->setObjectName(QStringLiteral("denyClaimButton"));
    m_deny->setToolTip(tr("Deny with the reason typed above"));
    connect(m_approve, &QPushButton::clicked, this, [this] { approveSelected(); });
    connect(m_deny, &QPushButton::clicked, this, [this] { denySelected(); });
    auto *decideRow = new QHBoxLayout;
    decideRow->addStretch();
    decideRow->addWidget(m_deny);
    decideRow->addWidget(m_approve);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("unclaimedStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_includeUnpreviewed);
    layout->addWidget(m_products, 1);
    layout->addLayout(claimRow);
    layout->addSpacing(8);
    layout->addWidget(m_claimsTitle);
    layout->addWidget(m_claims);
    layout->addLayout(decideRow);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_controller, &EditController::userChanged, this, &UnclaimedDialog::refresh);
    refresh();
}

void UnclaimedDialog::refresh()
{
    DarkDataService *dark = m_controller->darkData();
    const QString selected = selectedProduct();
    m_products->clear();
    m_claims->clear();
    if (!dark) {
        m_intro->setText(m_controller->unavailableReason());
        updateButtons();
        return;
    }
    const QList<UnclaimedProduct> list = dark->unclaimed(m_includeUnpreviewed->isChecked());
    m_intro->setText(tr("<b>%n product(s)</b> nobody looks after: no owner, no description, or "
                        "never previewed. Claim one to become its owner once a steward approves.",
                        nullptr, int(list.size())));
    if (m_controller->isTeam())
        m_intro->setText(m_intro->text() + QLatin1Char(' ') +
                         tr("Claims and decisions go to the team server as <b>%1</b>; its "
                            "row-level security decides.")
                             .arg(m_controller->teamRoute().user.toHtmlEscaped()));
    for (const UnclaimedProduct &u : list) {
        auto *item = new QTreeWidgetItem(
            m_products,
            {u.name, u.productKey, u.sourceSystem, u.reasons().join(QStringLiteral(", ")),
             u.updatedAt.isValid() ? u.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"))
                                   : QString(),
             u.pendingClaimId ? tr("#%1 by %2 pending").arg(u.pendingClaimId).arg(u.pendingClaimant)
             : m_queued.contains(u.productKey) ? tr("yours, queued until the team server is back")
                                                : QString()});
        item->setData(0, Qt::UserRole, u.productKey);
        item->setData(0, Qt::UserRole + 1, u.noOwner);
        item->setToolTip(3, u.reasons().join(QLatin1Char('\n')));
        if (u.productKey == selected)
            m_products->setCurrentItem(item);
    }
    for (int c = 0; c < 6; ++c)
        m_products->resizeColumnToContents(c);
    // The reasons can be long; the tooltip has them all.
    m_products->setColumnWidth(3, std::clamp(m_products->columnWidth(3), 200, 380));
    const QList<OwnershipClaim> toDecide = dark->claimsToDecide(m_controller->userId());
    m_claimsTitle->setText(
        toDecide.isEmpty() ? tr("No ownership claims wait for you (%1)").arg(m_controller->userId())
                           : tr("Ownership claims you may decide (%1)").arg(toDecide.size()));
    for (const OwnershipClaim &c : toDecide) {
        auto *item = new QTreeWidgetItem(
            m_claims, {QStringLiteral("#%1").arg(c.id), c.productKey, c.claimantId, c.reason,
                       c.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))});
        item->setData(0, Qt::UserRole, c.id);
    }
    for (int c = 0; c < 5; ++c)
        m_claims->resizeColumnToContents(c);
    updateButtons();
}

QString UnclaimedDialog::selectedProduct() const
{
    const QTreeWidgetItem *item = m_products->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

qint64 UnclaimedDialog::selectedClaim() const
{
    const QTreeWidgetItem *item = m_claims->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void UnclaimedDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_products->currentItem();
    m_open->setEnabled(item != nullptr);
    // Convenience only: the policy decides when the claim is filed.
    m_claim->setEnabled(!m_busy && item && item->data(0, Qt::UserRole + 1).toBool());
    m_approve->setEnabled(!m_busy && selectedClaim() > 0);
    m_deny->setEnabled(!m_busy && selectedClaim() > 0);
}

void UnclaimedDialog::report(const AccessOutcome &o)
{
    m_status->setText(o.message.toHtmlEscaped());
    m_status->setStyleSheet(o.ok() ? QString() : QStringLiteral("color: #b3261e"));
}

void UnclaimedDialog::sendToTeam(const QString &productKey,
                                 std::function<TeamAnswer(SqliteCatalogStore &)> write)
{
    m_busy = true;
    updateButtons();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Sending to the team server as %1…")
                          .arg(m_controller->teamRoute().user)
                          .toHtmlEscaped());
    const QString path = m_controller->catalogPath();
    auto *watcher = new QFutureWatcher<TeamAnswer>(this);
    const bool decision = productKey.isEmpty(); // approve or deny: no product of its own
    connect(watcher, &QFutureWatcher<TeamAnswer>::finished, this, [this, watcher, decision] {
        finishTeam(watcher->result(), decision);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, productKey, write = std::move(write)] {
        TeamAnswer a;
        CatalogError e;
        auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &e);
        if (!store) {
            a.outcome = {AccessOutcome::Code::Failed, e.message, 0, 0};
            return a;
        }
        a = write(*store);
        if (a.productKey.isEmpty())
            a.productKey = productKey;
        return a;
    }));
}

void UnclaimedDialog::finishTeam(const TeamAnswer &a, bool decision)
{
    m_busy = false;
    AccessOutcome shown = a.outcome;
    if (a.refusedByServer)
        shown.message = tr("Refused by the team server: %1").arg(a.outcome.message);
    else if (a.queued)
        shown.message = tr("The team server is unreachable: queued, and sent when it is back. "
                           "(%1)")
                            .arg(a.outcome.message);
    else if (a.outcome.ok())
        shown.message = tr("Team server: %1").arg(a.outcome.message);
    if (a.queued && !decision)
        m_queued.insert(a.productKey);
    report(shown);
    if (a.outcome.ok() && !a.queued) {
        m_reason->clear();
        if (decision && !a.productKey.isEmpty())
            m_controller->productChangedElsewhere(a.productKey);
    }
    refresh();
    emit actionFinished(shown);
}

AccessOutcome UnclaimedDialog::claimSelected()
{
    DarkDataService *dark = m_controller->darkData();
    const QString key = selectedProduct();
    AccessOutcome o;
    if (!dark || key.isEmpty()) {
        o = {AccessOutcome::Code::Invalid, tr("Select a product to claim."), 0, 0};
    } else if (m_controller->isTeam()) {
        const TeamRoute route = m_controller->teamRoute();
        const QString reason = m_reason->text();
        sendToTeam(key, [route, key, reason](SqliteCatalogStore &store) {
            const TeamClaimOutcome t = TeamClaims::claim(route, store, key, reason);
            return TeamAnswer{t.outcome, t.queued, t.refusedByServer, key};
        });
        return {AccessOutcome::Code::Ok, m_status->text(), 0, 0};
    } else {
        o = dark->claim(m_controller->userId(), key, m_reason->text());
        if (o.ok())
            m_reason->clear();
    }
    report(o);
    if (o.ok())
        refresh();
    emit actionFinished(o);
    return o;
}

AccessOutcome UnclaimedDialog::approveSelected()
{
    DarkDataService *dark = m_controller->darkData();
    const qint64 id = selectedClaim();
    if (dark && id && m_controller->isTeam()) {
        const TeamRoute route = m_controller->teamRoute();
        const QString key = dark->claimById(id) ? dark->claimById(id)->productKey : QString();
        sendToTeam({}, [route, id, key](SqliteCatalogStore &store) {
            const TeamClaimOutcome t = TeamClaims::approve(route, store, id);
            return TeamAnswer{t.outcome, t.queued, t.refusedByServer, key};
        });
        return {AccessOutcome::Code::Ok, m_status->text(), id, 0};
    }
    AccessOutcome o = dark && id ? dark->approve(m_controller->userId(), id)
                                 : AccessOutcome{AccessOutcome::Code::Invalid,
                                                 tr("Select a claim to approve."), 0, 0};
    report(o);
    if (o.ok()) {
        if (const auto claim = dark->claimById(id))
            m_controller->productChangedElsewhere(claim->productKey);
        refresh();
    }
    emit actionFinished(o);
    return o;
}

AccessOutcome UnclaimedDialog::denySelected()
{
    DarkDataService *dark = m_controller->darkData();
    const qint64 id = selectedClaim();
    if (dark && id && m_controller->isTeam()) {
        const TeamRoute route = m_controller->teamRoute();
        const QString reason = m_reason->text();
        sendToTeam({}, [route, id, reason](SqliteCatalogStore &store) {
            const TeamClaimOutcome t = TeamClaims::deny(route, store, id, reason);
            return TeamAnswer{t.outcome, t.queued, t.refusedByServer, {}};
        });
        return {AccessOutcome::Code::Ok, m_status->text(), id, 0};
    }
    AccessOutcome o = dark && id ? dark->deny(m_controller->userId(), id, m_reason->text())
                                 : AccessOutcome{AccessOutcome::Code::Invalid,
                                                 tr("Select a claim to deny."), 0, 0};
    report(o);
    if (o.ok()) {
        m_reason->clear();
        refresh();
    }
    emit actionFinished(o);
    return o;
}

} // namespace Mesh
