// SPDX-License-Identifier: MIT
#include "access/accesspolicy.h"

#include "catalog/sqlitecatalogstore.h"
#include "access/snapshot.h"
#include "db/sqlite.h"

#include <QSet>

namespace Mesh {

namespace {

using Verdict = AccessDecision::Verdict;

AccessDecision allow(const QString &reason)
{
    return {Verdict::Allow, reason, {}};
}

AccessDecision deny(const QString &reason)
{
    return {Verdict::Deny, reason, {}};
}

bool isDomainSteward(const std::optional<User> &user, const Product &product)
{
    return user && !product.domain.isEmpty() && user->domain == product.domain &&
           user->roles.contains(QStringLiteral("steward"));
}

QString day(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace

AccessPolicy::AccessPolicy(const SqliteCatalogStore &store, Clock clock)
    : m_store(store), m_clock(std::move(clock))
{
}

QDateTime AccessPolicy::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool AccessPolicy::isSensitive(const Product &product)
{
    if (product.tags.contains(QStringLiteral("sensitive")))
        return true;
    for (const Dataset &ds : product.datasets)
        for (const Column &c : ds.columns)
            if (c.classification == QStringLiteral("PII.Sensitive"))
                return true;
    return false;
}

QString AccessPolicy::actionName(AccessAction action)
{
    switch (action) {
    case AccessAction::ViewMetadata:
        return QStringLiteral("view metadata");
    case AccessAction::Preview:
        return QStringLiteral("preview");
    case AccessAction::Export:
        return QStringLiteral("export");
    case AccessAction::EditMetadata:
        return QStringLiteral("edit metadata");
    case AccessAction::Approve:
        return QStringLiteral("approve");
    case AccessAction::Administer:
        return QStringLiteral("administer");
    case AccessAction::ClaimOwnership:
        return QStringLiteral("claim ownership");
    case AccessAction::ApproveClaim:
        return QStringLiteral("approve an ownership claim");
    case AccessAction::SetGovernancePolicy:
        return QStringLiteral("set governance policy");
    case AccessAction::ManageQualityAlerts:
        return QStringLiteral("manage quality alerts");
    }
    return {};
}

QStringList AccessPolicy::rolesOf(const QString &userId) const
{
    const std::optional<User> user = m_store.user(userId);
    if (!user || user->roles.isEmpty())
        return {QStringLiteral("analyst")};
    return user->roles;
}

QString AccessPolicy::approverCapacity(const QString &userId, const Product &product) const
{
    if (userId.isEmpty())
        return {};
    if (!product.ownerId.isEmpty() && product.ownerId == userId)
        return QStringLiteral("owner");
    if (!product.stewardId.isEmpty() && product.stewardId == userId)
        return QStringLiteral("steward");
    if (isDomainSteward(m_store.user(userId), product))
        return QStringLiteral("steward");
    return {};
}

QList<AccessGrant> AccessPolicy::activeGrants(const QString &userId,
                                              const QString &productKey) const
{
    // Expiry is decided here, against the clock, at every decision: a grant past its end is
    // inactive whether or not anything has recorded its expiry yet.
    const QString t = accessTime(now());
    Statement &st = m_store.database().prepare(QStringLiteral(
        "SELECT id, request_id, columns, starts_at, ends_at, granted_at, granted_by "
        "FROM access_grants WHERE user_id = ?1 AND product_key = ?2 AND revoked_at IS NULL "
        "AND starts_at <= ?3 AND ends_at > ?3 ORDER BY id"));
    st.bind(1, userId).bind(2, productKey).bind(3, t);
    QList<AccessGrant> grants;
    while (st.step()) {
        AccessGrant g;
        g.id = st.integer(0);
        g.requestId = st.integer(1);
        g.productKey = productKey;
        g.userId = userId;
        g.columns = splitAccessList(st.text(2));
        g.startsAt = parseAccessTime(st.text(3));
        g.endsAt = parseAccessTime(st.text(4));
        g.grantedAt = parseAccessTime(st.text(5));
        g.grantedBy = st.text(6);
        grants.append(g);
    }
    return grants;
}

AccessDecision AccessPolicy::decide(const QString &userId, AccessAction action,
                                    const AccessResource &resource) const
{
    refreshSnapshot(m_store.database());
    if (action == AccessAction::SetGovernancePolicy) {
        // Global policies belong to the governance council; a domain's stewards may add or
        // tighten their own domain's (federated governance). Administrators may do both.
        const std::optional<User> user = m_store.user(userId);
        const QStringList roles = user ? user->roles : QStringList();
        const QString who = userId.isEmpty() ? QStringLiteral("an unknown user") : userId;
        if (roles.contains(QStringLiteral("admin")))
            return allow(QStringLiteral("%1 is an administrator.").arg(who));
        if (roles.contains(QStringLiteral("council")))
            return allow(QStringLiteral("%1 is on the governance council.").arg(who));
        if (resource.domain.isEmpty())
            return deny(QStringLiteral("Only the governance council (or an administrator) may set "
                                       "global policies; %1 is not on it.")
                            .arg(who));
        if (user && roles.contains(QStringLiteral("steward")) && user->domain == resource.domain)
            return allow(QStringLiteral("%1 is a steward of %2.").arg(who, resource.domain));
        return deny(QStringLiteral("Only a steward of %1, the governance council or an "
                                   "administrator may set %1's policies; %2 is none of them.")
                        .arg(resource.domain, who));
    }
    const std::optional<Product> product = m_store.productByKey(resource.productKey);
    if (!product)
        return deny(
            QStringLiteral("There is no product “%1” in this catalog.").arg(resource.productKey));
    if (action == AccessAction::ViewMetadata)
        return allow(QStringLiteral("Catalog metadata is visible to everyone."));

    const std::optional<User> user = m_store.user(userId);
    const QStringList roles = user && !user->roles.isEmpty() ? user->roles
                                                             : QStringList{QStringLiteral("analyst")};
    const bool isAdmin = roles.contains(QStringLiteral("admin"));
    const QString capacity = approverCapacity(userId, *product);
    const QString who = userId.isEmpty() ? QStringLiteral("an unknown user") : userId;

    switch (action) {
    case AccessAction::ViewMetadata:
        break;
    case AccessAction::Preview:
    case AccessAction::Export: {
        if (capacity == QStringLiteral("owner"))
            return allow(QStringLiteral("%1 owns %2.").arg(who, product->name));
        if (capacity == QStringLiteral("steward"))
            return allow(QStringLiteral("%1 is a steward of %2.")
                             .arg(who, product->domain.isEmpty() ? product->name
                                                                 : product->domain));
        if (isAdmin)
            return allow(QStringLiteral("%1 is an administrator.").arg(who));
        const QList<AccessGrant> grants = activeGrants(userId, product->key);
        QSet<QString> granted;
        for (const AccessGrant &g : grants) {
            if (g.columns.isEmpty())
                return allow(QStringLiteral("Grant #%1 gives %2 access to %3 until %4.")
                                 .arg(g.id)
                                 .arg(who, product->name, day(g.endsAt)));
            for (const QString &c : g.columns)
                granted.insert(c);
        }
        QStringList masked;
        for (const Dataset &ds : product->datasets)
            for (const Column &c : ds.columns)
                if (c.classification.startsWith(QStringLiteral("PII")) &&
                    (resource.columns.isEmpty() || resource.columns.contains(c.name)) &&
                    !granted.contains(c.name) && !masked.contains(c.name))
                    masked.append(c.name);
        if (masked.isEmpty())
            return allow(grants.isEmpty()
                             ? QStringLiteral("The requested data has no PII columns.")
                             : QStringLiteral("Grant #%1 covers the PII columns asked for.")
                                   .arg(grants.first().id));
        if (grants.isEmpty())
            return {Verdict::AllowMasked,
                    QStringLiteral("PII columns are masked without an active access grant."),
                    masked};
        return {Verdict::AllowMasked,
                QStringLiteral("Grant #%1 covers only some columns; other PII columns are masked.")
                    .arg(grants.first().id),
                masked};
    }
    case AccessAction::EditMetadata:
        if (!capacity.isEmpty())
            return allow(QStringLiteral("%1 is the product's %2.").arg(who, capacity));
        if (isAdmin)
            return allow(QStringLiteral("%1 is an administrator.").arg(who));
        return deny(QStringLiteral("Only the owner or a steward of %1 (or an administrator) may "
                                   "edit its metadata; %2 is neither.")
                        .arg(product->name, who));
    case AccessAction::Approve:
        if (!capacity.isEmpty())
            return allow(QStringLiteral("%1 is the product's %2.").arg(who, capacity));
        if (product->ownerId.isEmpty() && product->domain.isEmpty())
            return deny(QStringLiteral("%1 has no owner or domain, so nobody can approve access "
                                       "to it.")
                            .arg(product->name));
        return deny(QStringLiteral("Only the owner (%1) or a steward of %2 may approve access to "
                                   "%3; %4 is neither.")
                        .arg(product->ownerId.isEmpty() ? QStringLiteral("none")
                                                        : product->ownerId,
                             product->domain.isEmpty() ? product->name : product->domain,
                             product->name, who));
    case AccessAction::SetGovernancePolicy:
        break; // decided above, before the product lookup
    case AccessAction::ManageQualityAlerts:
        if (!capacity.isEmpty())
            return allow(QStringLiteral("%1 is the product's %2.").arg(who, capacity));
        if (isAdmin || roles.contains(QStringLiteral("council")))
            return allow(QStringLiteral("%1 is %2.").arg(
                who, isAdmin ? QStringLiteral("an administrator")
                             : QStringLiteral("on the governance council")));
        return deny(QStringLiteral("Only the owner or a steward of %1 (or the governance "
                                   "council, or an administrator) may acknowledge or resolve its "
                                   "alerts; %2 is none of them.")
                        .arg(product->name, who));
    case AccessAction::Administer:
        if (capacity == QStringLiteral("owner"))
            return allow(QStringLiteral("%1 owns %2.").arg(who, product->name));
        if (isAdmin)
            return allow(QStringLiteral("%1 is an administrator.").arg(who));
        return deny(QStringLiteral("Only the owner of %1 or an administrator may administer its "
                                   "access; %2 is neither.")
                        .arg(product->name, who));
    case AccessAction::ClaimOwnership:
        if (!product->ownerId.isEmpty())
            return deny(QStringLiteral("%1 is already owned by %2; ask them or a steward of %3 to "
                                       "hand it over by editing its owner.")
                            .arg(product->name, product->ownerId,
                                 product->domain.isEmpty() ? product->name : product->domain));
        if (!user)
            return deny(QStringLiteral("Only people known to the catalog may claim ownership; "
                                       "%1 is not one of its users.")
                            .arg(who));
        return allow(QStringLiteral("%1 has no owner, so %2 may claim it.").arg(product->name, who));
    case AccessAction::ApproveClaim:
        // Dark data has no domain and so no domain steward: any steward or a member of the
        // governance council decides who takes it over.
        if (capacity == QStringLiteral("steward"))
            return allow(QStringLiteral("%1 is a steward of %2.")
                             .arg(who, product->domain.isEmpty() ? product->name
                                                                 : product->domain));
        if (product->domain.isEmpty() && (roles.contains(QStringLiteral("steward")) ||
                                          roles.contains(QStringLiteral("council"))))
            return allow(QStringLiteral("%1 has no domain; %2 is a %3.")
                             .arg(product->name, who,
                                  roles.contains(QStringLiteral("steward"))
                                      ? QStringLiteral("steward")
                                      : QStringLiteral("governance council member")));
        if (isAdmin)
            return allow(QStringLiteral("%1 is an administrator.").arg(who));
        return deny(QStringLiteral("Only a steward of %1 (or an administrator) may approve "
                                   "ownership claims for %2; %3 is neither.")
                        .arg(product->domain.isEmpty() ? QStringLiteral("any domain")
                                                       : product->domain,
                             product->name, who));
    }
    return deny(QStringLiteral("Unknown action."));
}

QList<AccessHolder> AccessPolicy::holders(const QString &productKey) const
{
    refreshSnapshot(m_store.database());
    QList<AccessHolder> result;
    const std::optional<Product> product = m_store.productByKey(productKey);
    if (!product)
        return result;
    auto name = [this](const QString &id) {
        const std::optional<User> u = m_store.user(id);
        return u && !u->displayName.isEmpty() ? u->displayName : id;
    };
    QSet<QString> seen;
    if (!product->ownerId.isEmpty()) {
        result.append({AccessHolder::Kind::Owner, product->ownerId, name(product->ownerId),
                       QStringLiteral("Owner of the product"), {}, 0, {}});
        seen.insert(product->ownerId);
    }
    if (!product->stewardId.isEmpty() && !seen.contains(product->stewardId)) {
        result.append({AccessHolder::Kind::Steward, product->stewardId, name(product->stewardId),
                       QStringLiteral("Steward of the product"), {}, 0, {}});
        seen.insert(product->stewardId);
    }
    for (const User &u : m_store.users()) {
        if (seen.contains(u.id))
            continue;
        if (isDomainSteward(u, *product)) {
            result.append({AccessHolder::Kind::DomainSteward, u.id, name(u.id),
                           QStringLiteral("Steward of the %1 domain").arg(product->domain), {}, 0,
                           {}});
            seen.insert(u.id);
        } else if (u.roles.contains(QStringLiteral("admin"))) {
            result.append({AccessHolder::Kind::Admin, u.id, name(u.id),
                           QStringLiteral("Administrator"), {}, 0, {}});
            seen.insert(u.id);
        }
    }
    const QString t = accessTime(now());
    Statement &st = m_store.database().prepare(QStringLiteral(
        "SELECT id, user_id, columns, ends_at, request_id FROM access_grants "
        "WHERE product_key = ?1 AND revoked_at IS NULL AND starts_at <= ?2 AND ends_at > ?2 "
        "ORDER BY id"));
    st.bind(1, productKey).bind(2, t);
    struct Row
    {
        qint64 id;
        QString user;
        QStringList columns;
        QDateTime endsAt;
        qint64 requestId;
    };
    QList<Row> rows;
    while (st.step())
        rows.append({st.integer(0), st.text(1), splitAccessList(st.text(2)),
                     parseAccessTime(st.text(3)), st.integer(4)});
    for (const Row &r : rows)
        result.append({AccessHolder::Kind::Grant, r.user, name(r.user),
                       QStringLiteral("Grant #%1 (request #%2) until %3%4")
                           .arg(r.id)
                           .arg(r.requestId)
                           .arg(day(r.endsAt),
                                r.columns.isEmpty()
                                    ? QStringLiteral(", whole product")
                                    : QStringLiteral(", columns %1")
                                          .arg(r.columns.join(QStringLiteral(", ")))),
                       r.columns, r.id, r.endsAt});
    return result;
}

} // namespace Mesh
