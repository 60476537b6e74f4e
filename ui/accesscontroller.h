// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QToolButton;

namespace Mesh {

class AccessInboxDialog;
class AccessSession;
class AuditLogDialog;
class MainWindow;
struct AccessInbox;

/**
 * Puts access into the main window: the Access menu (inbox, audit log, the demo-only "Sign in
 * as" switcher), the status-bar user label and notification badge, and the product page's
 * Access tab. Owns the AccessSession, which follows the catalog the window opens. UI thread.
 */
class AccessController : public QObject
{
    Q_OBJECT

public:
    explicit AccessController(MainWindow *window);

    AccessSession *session() const { return m_session; }
    AccessInboxDialog *showInbox();
    AuditLogDialog *showAuditLog();

private:
    void onOpened(bool demo);
    void onInbox(const AccessInbox &inbox);
    void rebuildSignInMenu();
    void updateUserLabel();

    MainWindow *m_window = nullptr;
    AccessSession *m_session = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_signInMenu = nullptr;
    QAction *m_inboxAction = nullptr;
    QAction *m_auditAction = nullptr;
    QLabel *m_userLabel = nullptr;
    QToolButton *m_badge = nullptr;
    QPointer<AccessInboxDialog> m_inbox;
    QPointer<AuditLogDialog> m_audit;
};

} // namespace Mesh
