// SPDX-License-Identifier: MIT
#include "accesstab.h"

#include "requestaccessdialog.h"
#include "session/catalogsession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

AccessTab::AccessTab(AccessSession *session, QWidget *parent)
    : ProductTab(parent), m_session(session)
{
    setObjectName(QStringLiteral("accessTab"));
    m_you = new QLabel(this);
    m_you->setWordWrap(true);
    m_request = new QPushButton(tr("Request Access…"), this);
    m_request->setObjectName(QStringLiteral("requestAccessButton"));
    m_revoke = new QPushButton(tr("Revoke Grant…"), this);
    m_revoke->setEnabled(false);
    m_holders = new QTreeWidget(this);
    m_holders->setObjectName(QStringLiteral("accessHolders"));
    m_holders->setAccessibleName(tr("Who has access and why"));
    m_holders->setHeaderLabels({tr("Who"), tr("Why")});
    m_holders->setRootIsDecorated(false);
    m_holders->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_history = new QTreeWidget(this);
    m_history->setAccessibleName(tr("Access request history"));
    m_history->setHeaderLabels({tr("Request"), tr("By"), tr("Columns"), tr("Until"),
                                tr("Status")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_you, 1);
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_request);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("<b>Who has access, and why</b>"), this));
    layout->addWidget(m_holders, 3);
    layout->addWidget(new QLabel(tr("<b>Requests</b>"), this));
    layout->addWidget(m_history, 2);

    connect(m_session, &AccessSession::productAccessReady, this, &AccessTab::showAccess);
    connect(m_session, &AccessSession::userChanged, this, [this] {
        if (!m_key.isEmpty())
            m_session->loadProduct(m_key);
    });
    connect(m_request, &QPushButton::clicked, this, &AccessTab::requestAccess);
    connect(m_revoke, &QPushButton::clicked, this, &AccessTab::revokeSelected);
    connect(m_holders, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_revoke->setEnabled(m_access.mayAdminister && item &&
                             item->data(0, Qt::UserRole).toLongLong() > 0);
    });
}

void AccessTab::showProduct(const ProductDetails &details)
{
    m_key = details.product.key;
    m_name = details.product.name;
    m_holders->clear();
    m_history->clear();
    if (m_session->isOpen())
        m_session->loadProduct(m_key);
}

void AccessTab::clearProduct()
{
    m_key.clear();
    m_holders->clear();
    m_history->clear();
}

void AccessTab::showAccess(const ProductAccess &access)
{
    if (access.productKey != m_key)
        return;
    m_access = access;
    m_you->setText(tr("You are <b>%1</b>: %2")
                       .arg(m_session->userId().toHtmlEscaped(),
                            access.previewReason.toHtmlEscaped()));
    m_holders->clear();
    for (const AccessHolder &h : access.holders) {
        auto *item = new QTreeWidgetItem(m_holders, {h.displayName, h.why});
        item->setToolTip(0, h.userId);
        item->setData(0, Qt::UserRole, h.grantId);
    }
    m_history->clear();
    for (const AccessRequest &r : access.requests)
        new QTreeWidgetItem(
            m_history,
            {QStringLiteral("#%1").arg(r.id), r.requesterId,
             r.columns.isEmpty() ? tr("all") : r.columns.join(QStringLiteral(", ")),
             r.endsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")),
             AccessRequest::statusName(r.status) +
                 (r.reason.isEmpty() ? QString() : QStringLiteral(": ") + r.reason)});
    for (const AccessGrant &g : access.grants)
        if (g.state(QDateTime::currentDateTimeUtc()) != AccessGrant::State::Active)
            new QTreeWidgetItem(m_history,
                                {QStringLiteral("grant #%1").arg(g.id), g.userId,
                                 g.columns.isEmpty() ? tr("all") : g.columns.join(QStringLiteral(", ")),
                                 g.endsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")),
                                 AccessGrant::stateName(g.state(QDateTime::currentDateTimeUtc()))});
    m_revoke->setVisible(access.mayAdminister);
}

void AccessTab::requestAccess()
{
    if (m_key.isEmpty())
        return;
    RequestAccessDialog dialog(m_name, m_access.columns, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session->request(m_key, dialog.columns(), dialog.purpose(), dialog.startsAt(),
                       dialog.endsAt());
}

void AccessTab::revokeSelected()
{
    const QTreeWidgetItem *item = m_holders->currentItem();
    const qint64 grantId = item ? item->data(0, Qt::UserRole).toLongLong() : 0;
    if (grantId <= 0)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Revoke Grant #%1").arg(grantId),
        tr("Revoke %1's access? Say why (kept in the audit log):").arg(item->text(0)),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        m_session->revoke(grantId, reason);
}

} // namespace Mesh
