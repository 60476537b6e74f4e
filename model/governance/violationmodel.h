// SPDX-License-Identifier: MIT
#pragma once

#include "governance/governancepolicy.h"

#include <QAbstractItemModel>

namespace Mesh {

/**
 * The violations of a governance report as a tree: domain → owner → violation, each group with
 * its count. Columns: item (domain, owner or product), policy, problem. Data roles only; the
 * Governance view draws it. Set from the UI thread with setReport().
 */
class ViolationModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        ProductKeyRole = Qt::UserRole + 1, // violation rows
        FieldRole,                         // where to fix it ("overview:owner", "schema:ds/col")
        PolicyKindRole,                    // GovernancePolicy::kindName
        ScopeRole,                         // "global" or the domain
        LevelRole,                         // 0 domain, 1 owner, 2 violation
        ScoreRole,                         // domain rows: the domain's score (double)
    };
    enum Columns
    {
        ItemColumn,
        PolicyColumn,
        ProblemColumn,
        ColumnCount
    };

    explicit ViolationModel(QObject *parent = nullptr);

    void setReport(const GovernanceReport &report);
    const GovernanceReport &report() const { return m_report; }
    /** The violation at a leaf index, or nullptr for group rows. */
    const GovernanceViolation *violationAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct OwnerGroup
    {
        QString owner;
        QList<int> violations; // indexes into m_report.violations
    };
    struct DomainGroup
    {
        QString domain;
        double score = 100.0;
        int products = 0;
        int compliant = 0;
        QList<OwnerGroup> owners;
    };
    // Internal ids: 0 = domain row; (d+1) << 16 = owner row of domain d;
    // ((d+1) << 16) | (o+1) = violation row under owner o of domain d.
    static quintptr ownerId(int d) { return quintptr(d + 1) << 16; }
    static quintptr leafId(int d, int o) { return (quintptr(d + 1) << 16) | quintptr(o + 1); }

    GovernanceReport m_report;
    QList<DomainGroup> m_domains;
};

} // namespace Mesh
