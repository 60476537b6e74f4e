// SPDX-License-Identifier: MIT
#pragma once

#include "governance/governancepolicy.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QTreeView;

namespace Mesh {

class EmptyStateWidget;
class ViolationModel;

/**
 * The Governance view: the overall compliance score, violations grouped by domain and owner
 * (double-click or Enter opens the product on the field to fix), product scores and the
 * policies in force. Shows a report it is given; UI thread.
 */
class GovernanceView : public QWidget
{
    Q_OBJECT

public:
    explicit GovernanceView(QWidget *parent = nullptr);

    void setReport(const GovernanceReport &report);
    /** The domains offered as policy scopes in the policy editor. */
    void setDomains(const QStringList &domains);
    /** The outcome of the last policy change (an error in red). */
    void setPolicyStatus(const QString &text, bool error);
    /** "Checking…" or an error in place of the report. */
    void showMessage(const QString &message);
    /** While the report is being checked: progress over the products and a Cancel button. */
    void setChecking(bool checking);
    void setProgress(int done, int total);

    ViolationModel *violationModel() const { return m_model; }
    QTreeView *violationView() const { return m_tree; }
    QTableWidget *productTable() const { return m_products; }

signals:
    /** The user wants to fix a violation: open productKey at field ("overview:owner", …). */
    void fixRequested(const QString &productKey, const QString &field);
    void refreshRequested();
    void cancelRequested();
    /** The user asks to set a policy; the model decides whether they may. */
    void policyChangeRequested(const GovernancePolicy &policy);

private:
    void activate(const QModelIndex &index);
    QWidget *createPolicyEditor(QWidget *parent);

    QLabel *m_score = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_tree = nullptr;
    QTableWidget *m_products = nullptr;
    QTableWidget *m_policies = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_parameter = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_policyStatus = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_refresh = nullptr;
    ViolationModel *m_model = nullptr;
};

} // namespace Mesh
