// SPDX-License-Identifier: MIT
#pragma once

#include "editing/darkdataservice.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Mesh {

class EditController;

/**
 * "Unclaimed data": products with no owner, no description or (optionally) never previewed,
 * such as the tables the demo's departed engineer left. Anyone may claim ownership of an
 * unowned one; stewards see the claims they may decide and approve or deny them here. Every
 * rule is the model's (DarkDataService, AccessPolicy::decide); this only shows the answers.
 * UI thread.
 */
class UnclaimedDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UnclaimedDialog(EditController *controller, QWidget *parent = nullptr);

    void refresh();

    QTreeWidget *productList() const { return m_products; }
    QTreeWidget *claimList() const { return m_claims; }
    QCheckBox *includeUnpreviewed() const { return m_includeUnpreviewed; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLabel *statusLabel() const { return m_status; }

    /** Claims the selected product with the reason typed; returns the outcome. */
    AccessOutcome claimSelected();
    AccessOutcome approveSelected();
    AccessOutcome denySelected();

private:
    QString selectedProduct() const;
    qint64 selectedClaim() const;
    void report(const AccessOutcome &outcome);
    void updateButtons();

    EditController *m_controller = nullptr;
    QLabel *m_intro = nullptr;
    QCheckBox *m_includeUnpreviewed = nullptr;
    QTreeWidget *m_products = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_claim = nullptr;
    QLabel *m_claimsTitle = nullptr;
    QTreeWidget *m_claims = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_deny = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Mesh
