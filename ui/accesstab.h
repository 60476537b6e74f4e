// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesssession.h"
#include "producttab.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Mesh {

/**
 * The product page's Access tab: who has access and why (roles and grants), the request
 * history, "Request access…" and, for the owner or an admin, revoking a grant. UI thread.
 */
class AccessTab : public ProductTab
{
    Q_OBJECT

public:
    explicit AccessTab(AccessSession *session, QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

    QTreeWidget *holders() const { return m_holders; }

private:
    void showAccess(const ProductAccess &access);
    void requestAccess();
    void revokeSelected();

    AccessSession *m_session = nullptr;
    QString m_key;
    QString m_name;
    ProductAccess m_access;
    QLabel *m_you = nullptr;
    QPushButton *m_request = nullptr;
    QPushButton *m_revoke = nullptr;
    QTreeWidget *m_holders = nullptr;
    QTreeWidget *m_history = nullptr;
};

} // namespace Mesh
