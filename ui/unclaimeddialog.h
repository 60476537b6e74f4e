// SPDX-License-Identifier: MIT
#pragma once

#include "editing/darkdataservice.h"

#include <QDialog>
#include <QSet>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Mesh {

class EditController;
class SqliteCatalogStore;

/**
 * "Unclaimed data": products with no owner, no description or (optionally) never previewed,
 * such as the tables the demo's departed engineer left. Anyone may claim ownership of an
 * unowned one; stewards see the claims they may decide and approve or deny them here. Every
 * rule is the model's (DarkDataService, AccessPolicy::decide); this only shows the answers.
 * On a team cache the claims and decisions go to the team server instead (TeamClaims, in a
 * worker: row-level security decides, queued while the server is away) and the answer comes
 * back with actionFinished(). UI thread.
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

    /** Claims the selected product with the reason typed; returns the outcome (on a team
     *  cache: that it was sent; the server's answer comes with actionFinished()). */
    AccessOutcome claimSelected();
    AccessOutcome approveSelected();
    AccessOutcome denySelected();
    /** A team write is on its way to the server. */
    bool isBusy() const { return m_busy; }

signals:
    /** A claim, approval or denial ended (local or on the team server), as shown. */
    void actionFinished(const Mesh::AccessOutcome &outcome);

private:
    struct TeamAnswer
    {
        AccessOutcome outcome;
        bool queued = false;
        bool refusedByServer = false;
        QString productKey;
    };
    /** Runs a team write in a worker with its own connection to the cache. */
    void sendToTeam(const QString &productKey,
                    std::function<TeamAnswer(SqliteCatalogStore &)> write);
    void finishTeam(const TeamAnswer &answer, bool decision);
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
    bool m_busy = false;
    QSet<QString> m_queued; // products claimed while the team server was away (this session)
};

} // namespace Mesh
