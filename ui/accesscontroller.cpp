// SPDX-License-Identifier: MIT
#include "accesscontroller.h"

#include "access/accesssession.h"
#include "accessinboxdialog.h"
#include "accesstab.h"
#include "auditlogdialog.h"
#include "mainwindow.h"
#include "productpage.h"
#include "session/catalogsession.h"

#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolButton>

namespace Mesh {

AccessController::AccessController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("accessController"));
    m_session = new AccessSession(this);

    m_inboxAction = new QAction(tr("Access &Inbox…"), this);
    m_inboxAction->setObjectName(QStringLiteral("accessInboxAction"));
    m_inboxAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_inboxAction->setEnabled(false);
    connect(m_inboxAction, &QAction::triggered, this, &AccessController::showInbox);
    m_auditAction = new QAction(tr("Audit &Log…"), this);
    m_auditAction->setObjectName(QStringLiteral("auditLogAction"));
    m_auditAction->setEnabled(false);
    connect(m_auditAction, &QAction::triggered, this, &AccessController::showAuditLog);

    // Inserted before Help, so the menu bar reads File, Edit, Access, Help.
    m_menu = new QMenu(tr("&Access"), window);
    m_menu->addAction(m_inboxAction);
    m_menu->addAction(m_auditAction);
    m_menu->addSeparator();
    m_signInMenu = m_menu->addMenu(tr("Sign In As (Demo Only)"));
    m_signInMenu->setObjectName(QStringLiteral("signInAsMenu"));
    m_signInMenu->setEnabled(false);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_menu);

    m_userLabel = new QLabel(window);
    m_userLabel->setObjectName(QStringLiteral("accessUserLabel"));
    m_userLabel->setContentsMargins(8, 0, 8, 0);
    m_badge = new QToolButton(window);
    m_badge->setObjectName(QStringLiteral("accessBadge"));
    m_badge->setAccessibleName(tr("Access notifications"));
    m_badge->setAutoRaise(true);
    m_badge->setToolTip(tr("Access notifications: open the inbox"));
    m_badge->hide();
    connect(m_badge, &QToolButton::clicked, this, &AccessController::showInbox);
    window->statusBar()->addPermanentWidget(m_userLabel);
    window->statusBar()->addPermanentWidget(m_badge);

    window->productPage()->addPage(new AccessTab(m_session), tr("&Access"));

    connect(window->session(), &CatalogSession::opened, this,
            [this] { m_session->open(m_window->session()->path()); });
    connect(m_session, &AccessSession::opened, this, &AccessController::onOpened);
    connect(m_session, &AccessSession::openFailed, this, [this](const QString &message) {
        m_inboxAction->setEnabled(false);
        m_auditAction->setEnabled(false);
        m_userLabel->setText(tr("Access unavailable"));
        m_userLabel->setToolTip(message);
        m_badge->hide();
    });
    connect(m_session, &AccessSession::userChanged, this, &AccessController::updateUserLabel);
    connect(m_session, &AccessSession::inboxReady, this, &AccessController::onInbox);
}

void AccessController::onOpened(bool demo)
{
    m_inboxAction->setEnabled(true);
    m_auditAction->setEnabled(true);
    m_signInMenu->setEnabled(demo);
    rebuildSignInMenu();
    updateUserLabel();
}

void AccessController::rebuildSignInMenu()
{
    m_signInMenu->clear();
    if (!m_session->isDemo()) {
        m_signInMenu->addAction(tr("Only in the demo catalog"))->setEnabled(false);
        return;
    }
    auto *group = new QActionGroup(m_signInMenu);
    for (const User &u : m_session->users()) {
        QAction *a = m_signInMenu->addAction(
            QStringLiteral("%1 — %2").arg(u.displayName, u.roles.join(QStringLiteral(", "))));
        a->setCheckable(true);
        a->setChecked(u.id == m_session->userId());
        a->setData(u.id);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = u.id] { m_session->signInAs(id); });
    }
}

void AccessController::updateUserLabel()
{
    const QString user = m_session->userId();
    QString name = user;
    for (const User &u : m_session->users())
        if (u.id == user)
            name = u.displayName;
    const bool known = name != user || user.isEmpty();
    if (user.isEmpty())
        // No access data yet (e.g. a team cache), or a demo before anyone is picked.
        m_userLabel->setText(m_session->isDemo() ? tr("Not signed in · DEMO") : tr("Not signed in"));
    else
        m_userLabel->setText(
            m_session->isDemo()
                ? tr("Signed in as %1 · DEMO").arg(name)
                : tr("Signed in as %1%2").arg(name, known ? QString() : tr(" (analyst)")));
    for (QAction *a : m_signInMenu->actions())
        a->setChecked(a->data().toString() == user);
}

void AccessController::onInbox(const AccessInbox &inbox)
{
    const int count = inbox.unread;
    m_badge->setText(count > 0 ? tr("● %n new", nullptr, count) : tr("Inbox"));
    m_badge->setStyleSheet(count > 0 ? QStringLiteral("QToolButton { color: #b3261e; "
                                                      "font-weight: 600; }")
                                     : QString());
    m_badge->setVisible(true);
    m_inboxAction->setText(count > 0 ? tr("Access &Inbox (%1)…").arg(count)
                                     : tr("Access &Inbox…"));
}

AccessInboxDialog *AccessController::showInbox()
{
    if (!m_inbox) {
        m_inbox = new AccessInboxDialog(m_session, m_window);
        m_inbox->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_session->refresh();
    }
    m_inbox->show();
    m_inbox->raise();
    return m_inbox;
}

AuditLogDialog *AccessController::showAuditLog()
{
    if (!m_audit) {
        m_audit = new AuditLogDialog(m_session, m_window);
        m_audit->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_audit->show();
    m_audit->raise();
    return m_audit;
}

} // namespace Mesh
