// SPDX-License-Identifier: MIT
#include "governance/governanceservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "governance/governanceevaluator.h"

namespace Mesh {

namespace {

AccessOutcome outcome(AccessOutcome::Code code, const QString &message)
{
    AccessOutcome o;
    o.code = code;
    o.message = message;
    return o;
}

bool writePolicy(Database &db, const GovernancePolicy &p, QString *error)
{
    Statement &st = db.prepare(QStringLiteral(
        "INSERT INTO governance_policies(scope, kind, parameter, enabled, updated_at, updated_by) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(scope, kind) DO UPDATE SET "
        "parameter = excluded.parameter, enabled = excluded.enabled, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    st.bind(1, p.scope)
        .bind(2, GovernancePolicy::kindName(p.kind))
        .bind(3, p.parameter)
        .bind(4, p.enabled ? 1 : 0)
        .bind(5, accessTime(p.updatedAt))
        .bind(6, p.updatedBy);
    if (!st.exec()) {
        *error = st.lastError();
        return false;
    }
    return true;
}

} // namespace

GovernanceService::GovernanceService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, std::move(clock))
{
}

QList<GovernancePolicy> GovernanceService::policies() const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        QStringLiteral("SELECT id, scope, kind, parameter, enabled, updated_at, updated_by "
                       "FROM governance_policies ORDER BY scope <> '', scope, kind"));
    QList<GovernancePolicy> out;
    while (st.step()) {
        GovernancePolicy p;
        if (!GovernancePolicy::kindFromName(st.text(2), &p.kind))
            continue; // a kind from a newer build: not ours to judge
        p.id = st.integer(0);
        p.scope = st.text(1);
        p.parameter = st.text(3);
        p.enabled = st.integer(4) != 0;
        p.updatedAt = parseAccessTime(st.text(5));
        p.updatedBy = st.text(6);
        out.append(p);
    }
    return out;
}

AccessOutcome GovernanceService::setPolicy(const QString &actor, const GovernancePolicy &policy)
{
    using Code = AccessOutcome::Code;
    const QString kindName = GovernancePolicy::kindName(policy.kind);
    if (const QString bad = GovernancePolicy::validateParameter(policy.kind, policy.parameter);
        !bad.isEmpty())
        return outcome(Code::Invalid, QStringLiteral("Policy %1: %2.").arg(kindName, bad));
    if (!policy.isGlobal()) {
        bool known = false;
        for (const Domain &d : m_store.domains())
            known = known || d.name == policy.scope;
        if (!known)
            return outcome(
                Code::Invalid,
                QStringLiteral("There is no domain “%1” in this catalog.").arg(policy.scope));
    }
    AccessResource resource;
    resource.domain = policy.scope;
    const AccessDecision decision =
        m_policy.decide(actor, AccessAction::SetGovernancePolicy, resource);
    if (!decision.allowed())
        return outcome(Code::Refused, decision.reason);

    // Federated governance: a domain adds or tightens, never loosens the council's rule.
    if (!policy.isGlobal()) {
        for (const GovernancePolicy &g : policies()) {
            if (!g.isGlobal() || g.kind != policy.kind || !g.enabled)
                continue;
            if (!policy.enabled)
                return outcome(Code::Invalid,
                               QStringLiteral("%1 cannot switch off “%2”: the governance council "
                                              "requires it for every domain.")
                                   .arg(policy.scope, g.summary()));
            if (policy.kind == GovernancePolicy::Kind::DescriptionMinLength &&
                policy.parameter.toInt() < g.parameter.toInt())
                return outcome(Code::Invalid,
                               QStringLiteral("%1 may only tighten the description rule: the "
                                              "council requires %2 characters, %3 would loosen "
                                              "it.")
                                   .arg(policy.scope, g.parameter, policy.parameter));
            if (policy.kind == GovernancePolicy::Kind::KpiFreshnessSla && g.parameter.toInt() > 0 &&
                (policy.parameter.toInt() == 0 || policy.parameter.toInt() > g.parameter.toInt()))
                return outcome(Code::Invalid,
                               QStringLiteral("%1 may only tighten the KPI freshness rule: the "
                                              "council allows at most %2 h, %3 would loosen it.")
                                   .arg(policy.scope, g.parameter,
                                        policy.parameter.isEmpty() ? QStringLiteral("any")
                                                                   : policy.parameter));
        }
    }

    GovernancePolicy stored = policy;
    stored.updatedAt = m_policy.now();
    stored.updatedBy = actor;
    CatalogError error;
    QString detail;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            QString message;
            if (!writePolicy(m_store.database(), stored, &message)) {
                e->code = CatalogError::Code::Io;
                e->message = message;
                return false;
            }
            AuditEntry entry;
            entry.at = stored.updatedAt;
            entry.actor = actor;
            entry.action = QStringLiteral("set-policy");
            entry.subject =
                QStringLiteral("%1 policy %2")
                    .arg(stored.isGlobal() ? QStringLiteral("global") : stored.scope, kindName);
            entry.detail = QStringLiteral("%1%2. %3")
                               .arg(stored.enabled ? QString() : QStringLiteral("Disabled: "),
                                    stored.summary(), decision.reason);
            if (!AuditLog::append(m_store.database(), entry, &message)) {
                e->code = CatalogError::Code::Io;
                e->message = message;
                return false;
            }
            return true;
        },
        &error);
    if (!ok)
        return outcome(Code::Failed,
                       QStringLiteral("Saving the policy failed: %1").arg(error.message));
    AccessOutcome done;
    done.message = QStringLiteral("%1: %2").arg(
        stored.isGlobal() ? QStringLiteral("Global") : stored.scope, stored.summary());
    return done;
}

GovernanceReport GovernanceService::report(const std::atomic<bool> *cancel,
                                           const Progress &progress, bool *cancelled) const
{
    if (cancelled)
        *cancelled = false;
    refreshSnapshot(m_store.database());
    QList<Product> products;
    {
        Statement &st =
            m_store.database().prepare(QStringLiteral("SELECT key FROM products ORDER BY key"));
        QStringList keys;
        while (st.step())
            keys.append(st.text(0));
        st.reset();
        const int total = int(keys.size());
        int done = 0;
        for (const QString &key : keys) {
            if (cancel && cancel->load()) {
                if (cancelled)
                    *cancelled = true;
                return {};
            }
            if (std::optional<Product> p = m_store.productByKey(key))
                products.append(std::move(*p));
            if (progress)
                progress(++done, total);
        }
    }
    return GovernanceEvaluator::evaluate(products, m_store.lineageEdges(), policies());
}

bool GovernanceService::seedDemoPolicies(SqliteCatalogStore &store, QString *error)
{
    using Kind = GovernancePolicy::Kind;
    const QDateTime at = QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC);
    const QList<GovernancePolicy> seeds = {
        {0, QStringLiteral("Finance"), Kind::DescriptionMinLength, QStringLiteral("300"), true, at,
         QStringLiteral("ingrid.berg")},
        {0, QStringLiteral("People"), Kind::ColumnClassification, QString(), true, at,
         QStringLiteral("daniel.cohen")},
        {0, QStringLiteral("Sales & Marketing"), Kind::KpiFreshnessSla, QStringLiteral("24"), true,
         at, QStringLiteral("priya.raman")},
        {0, QStringLiteral("KPI"), Kind::NamingConvention, QStringLiteral("^kpi\\."), true, at,
         QStringLiteral("samuel.adeyemi")},
    };
    for (const GovernancePolicy &p : seeds)
        if (!writePolicy(store.database(), p, error))
            return false;
    return true;
}

} // namespace Mesh
