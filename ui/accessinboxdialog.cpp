// SPDX-License-Identifier: MIT
#include "accessinboxdialog.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kMineRole = Qt::UserRole + 2;

QString period(const AccessRequest &r)
{
    return QStringLiteral("%1 – %2").arg(
        r.startsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")),
        r.endsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
}

QString columnsText(const QStringList &columns)
{
    return columns.isEmpty() ? AccessInboxDialog::tr("whole product")
                             : columns.join(QStringLiteral(", "));
}

} // namespace

AccessInboxDialog::AccessInboxDialog(AccessSession *session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("accessInboxDialog"));
    setWindowTitle(tr("Access Inbox"));

    m_header = new QLabel(this);
    m_header->setWordWrap(true);

    m_requests = new QTreeWidget(this);
    m_requests->setObjectName(QStringLiteral("accessRequests"));
    m_requests->setAccessibleName(tr("Access requests"));
    m_requests->setHeaderLabels({tr("Request"), tr("Product"), tr("From"), tr("Status")});
    m_requests->setRootIsDecorated(true);
    m_requests->setUniformRowHeights(true);
    m_requests->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_columns = new QListWidget(this);
    m_columns->setMaximumHeight(130);
    m_end = new QDateEdit(this);
    m_end->setCalendarPopup(true);
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("Reason (required to deny)"));
    m_approve = new QPushButton(tr("Approve"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_deny = new QPushButton(tr("Deny…"), this);
    m_deny->setObjectName(QStringLiteral("denyButton"));
    m_withdraw = new QPushButton(tr("Withdraw"), this);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);

    auto *decision = new QFormLayout;
    decision->addRow(tr("Grant columns:"), m_columns);
    decision->addRow(tr("Until:"), m_end);
    decision->addRow(tr("Reason:"), m_reason);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_withdraw);
    buttons->addStretch(1);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_approve);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addLayout(decision);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_result);
    detailLayout->addStretch(1);

    m_notifications = new QListWidget(this);
    m_notifications->setObjectName(QStringLiteral("accessNotifications"));
    m_notifications->setMaximumHeight(120);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_requests);
    split->addWidget(detailPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(split, 1);
    layout->addWidget(new QLabel(tr("Notifications"), this));
    layout->addWidget(m_notifications);
    resize(1040, 620);

    connect(m_session, &AccessSession::inboxReady, this, &AccessInboxDialog::showInbox);
    connect(m_session, &AccessSession::actionFinished, this, [this](const AccessOutcome &o) {
        m_result->setText(o.ok() ? o.message : tr("<b>Refused:</b> %1").arg(o.message.toHtmlEscaped()));
    });
    connect(m_requests, &QTreeWidget::currentItemChanged, this, &AccessInboxDialog::showSelected);
    connect(m_approve, &QPushButton::clicked, this, &AccessInboxDialog::approveSelected);
    connect(m_deny, &QPushButton::clicked, this, &AccessInboxDialog::denySelected);
    connect(m_withdraw, &QPushButton::clicked, this, &AccessInboxDialog::withdrawSelected);
    showSelected();
    m_session->refresh();
    m_session->markNotificationsSeen();
}

void AccessInboxDialog::showInbox(const AccessInbox &inbox)
{
    const qint64 current = selected() ? selected()->id : 0;
    m_inbox = inbox;
    m_header->setText(tr("Signed in as <b>%1</b>. %n request(s) wait for your decision.", nullptr,
                         int(inbox.toDecide.size()))
                          .arg(inbox.userId.toHtmlEscaped()));
    m_requests->clear();
    auto group = [this](const QString &title, const QList<AccessRequest> &list, bool mine) {
        auto *top = new QTreeWidgetItem(m_requests, {title.arg(list.size())});
        top->setFirstColumnSpanned(true);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const AccessRequest &r : list) {
            auto *item = new QTreeWidgetItem(
                top, {QStringLiteral("#%1").arg(r.id), r.productKey, r.requesterId,
                      AccessRequest::statusName(r.status) +
                          (r.status == AccessRequest::Status::Pending
                               ? QStringLiteral(" (%1/%2)").arg(r.approvals.size()).arg(
                                     r.approvalsNeeded)
                               : QString())});
            item->setData(0, kIdRole, r.id);
            item->setData(0, kMineRole, mine);
        }
        top->setExpanded(true);
    };
    group(tr("Waiting for your decision (%1)"), inbox.toDecide, false);
    group(tr("Your requests (%1)"), inbox.mine, true);
    for (int i = 0; i < m_requests->topLevelItemCount(); ++i)
        for (int j = 0; j < m_requests->topLevelItem(i)->childCount(); ++j)
            if (m_requests->topLevelItem(i)->child(j)->data(0, kIdRole).toLongLong() == current)
                m_requests->setCurrentItem(m_requests->topLevelItem(i)->child(j));
    if (!m_requests->currentItem() && !inbox.toDecide.isEmpty())
        m_requests->setCurrentItem(m_requests->topLevelItem(0)->child(0));

    m_notifications->clear();
    for (const AccessNotification &n : inbox.notifications) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(
                n.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), n.text),
            m_notifications);
        if (n.unread) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    if (inbox.notifications.isEmpty())
        m_notifications->addItem(tr("No notifications."));
    showSelected();
}

const AccessRequest *AccessInboxDialog::selected() const
{
    const QTreeWidgetItem *item = m_requests ? m_requests->currentItem() : nullptr;
    if (!item || !item->data(0, kIdRole).isValid())
        return nullptr;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    const QList<AccessRequest> &list =
        item->data(0, kMineRole).toBool() ? m_inbox.mine : m_inbox.toDecide;
    for (const AccessRequest &r : list)
        if (r.id == id)
            return &r;
    return nullptr;
}

void AccessInboxDialog::showSelected()
{
    const AccessRequest *r = selected();
    const bool mine = m_requests->currentItem() &&
                      m_requests->currentItem()->data(0, kMineRole).toBool();
    const bool decide = r && !mine;
    m_columns->clear();
    m_columns->setEnabled(decide);
    m_end->setEnabled(decide);
    m_reason->setEnabled(decide);
    m_approve->setEnabled(decide);
    m_deny->setEnabled(decide);
    m_withdraw->setVisible(r && mine);
    m_withdraw->setEnabled(r && mine && r->status == AccessRequest::Status::Pending);
    if (!r) {
        m_detail->setText(tr("<i>Select a request to see it here.</i>"));
        return;
    }
    QString approvals;
    for (const AccessApproval &a : r->approvals)
        approvals += tr("<br>✓ approved by %1 as %2").arg(a.approverId, a.capacity);
    m_detail->setText(
        tr("<h3>Request #%1 · %2</h3><p><b>%3</b> asks for <b>%4</b><br>%5</p>"
           "<p><i>“%6”</i></p><p>Status: %7 — %8 of %9 approval(s)%10%11</p>")
            .arg(r->id)
            .arg(r->productKey.toHtmlEscaped(), r->requesterId.toHtmlEscaped(),
                 columnsText(r->columns).toHtmlEscaped(), period(*r),
                 r->purpose.toHtmlEscaped(), AccessRequest::statusName(r->status))
            .arg(r->approvals.size())
            .arg(r->approvalsNeeded)
            .arg(r->approvalsNeeded > 1 ? tr(" (sensitive: owner and steward)") : QString(),
                 approvals + (r->reason.isEmpty()
                                  ? QString()
                                  : tr("<br>Reason: %1").arg(r->reason.toHtmlEscaped()))));
    for (const QString &c : r->columns) {
        auto *item = new QListWidgetItem(c, m_columns);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (r->columns.isEmpty())
        m_columns->addItem(tr("(whole product)"));
    m_end->setMinimumDate(QDate::currentDate().addDays(1));
    m_end->setMaximumDate(r->endsAt.toLocalTime().date());
    m_end->setDate(r->endsAt.toLocalTime().date());
}

void AccessInboxDialog::approveSelected()
{
    const AccessRequest *r = selected();
    if (!r)
        return;
    QStringList columns;
    for (int i = 0; i < m_columns->count(); ++i)
        if (m_columns->item(i)->checkState() == Qt::Checked)
            columns.append(m_columns->item(i)->text());
    if (!r->columns.isEmpty() && columns.isEmpty()) {
        m_result->setText(tr("Tick at least one column, or deny the request."));
        return;
    }
    if (columns.size() == r->columns.size())
        columns.clear(); // not narrowed
    const QDateTime end = m_end->date() < r->endsAt.toLocalTime().date()
                              ? QDateTime(m_end->date(), QTime(23, 59, 59)).toUTC()
                              : QDateTime();
    if (QMessageBox::question(this, tr("Approve Request #%1").arg(r->id),
                              tr("Give %1 access to %2 (%3)? This cannot be undone, but the owner "
                                 "can revoke the grant later.")
                                  .arg(r->requesterId, r->productKey,
                                       columnsText(columns.isEmpty() ? r->columns : columns))) !=
        QMessageBox::Yes)
        return;
    m_session->approve(r->id, columns, end);
}

void AccessInboxDialog::denySelected()
{
    const AccessRequest *r = selected();
    if (!r)
        return;
    if (m_reason->text().trimmed().isEmpty()) {
        m_result->setText(tr("Say why in the reason field; the requester will see it."));
        m_reason->setFocus();
        return;
    }
    m_session->deny(r->id, m_reason->text().trimmed());
    m_reason->clear();
}

void AccessInboxDialog::withdrawSelected()
{
    if (const AccessRequest *r = selected())
        m_session->withdraw(r->id);
}

} // namespace Mesh
