// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesssession.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace Mesh {

/**
 * The Access inbox: requests the signed-in owner or steward may decide (approve, optionally
 * narrowing columns or shortening the period, or deny with a reason), the user's own requests
 * (withdraw) and notifications. Shows what AccessSession sends; every decision is the model's.
 * UI thread.
 */
class AccessInboxDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AccessInboxDialog(AccessSession *session, QWidget *parent = nullptr);

    QTreeWidget *requestList() const { return m_requests; }

private:
    void showInbox(const AccessInbox &inbox);
    void showSelected();
    void approveSelected();
    void denySelected();
    void withdrawSelected();
    const AccessRequest *selected() const;

    AccessSession *m_session = nullptr;
    AccessInbox m_inbox;
    QLabel *m_header = nullptr;
    QTreeWidget *m_requests = nullptr;
    QLabel *m_detail = nullptr;
    QListWidget *m_columns = nullptr;
    QDateEdit *m_end = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_deny = nullptr;
    QPushButton *m_withdraw = nullptr;
    QListWidget *m_notifications = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace Mesh
