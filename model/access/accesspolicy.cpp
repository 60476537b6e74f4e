// SPDX-License-Identifier: MIT
#include "access/accesspolicy.h"

#include "catalog/sqlitecatalogstore.h"

namespace Mesh {

AccessPolicy::AccessPolicy(const SqliteCatalogStore &store, Clock clock)
    : m_store(store), m_clock(std::move(clock))
{
}

QDateTime AccessPolicy::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

AccessDecision AccessPolicy::decide(const QString &userId, AccessAction action,
                                    const AccessResource &resource) const
{
    Q_UNUSED(userId);
    const std::optional<Product> product = m_store.productByKey(resource.productKey);
    if (!product)
        return {AccessDecision::Verdict::Deny,
                QStringLiteral("There is no product “%1” in this catalog.").arg(resource.productKey),
                {}};
    switch (action) {
    case AccessAction::ViewMetadata:
        return {AccessDecision::Verdict::Allow,
                QStringLiteral("Catalog metadata is visible to everyone."), {}};
    case AccessAction::Preview:
    case AccessAction::Export: {
        // Until access grants exist, every column classified PII is masked for everyone.
        QStringList masked;
        for (const Dataset &ds : product->datasets)
            for (const Column &c : ds.columns)
                if (c.classification.startsWith(QStringLiteral("PII")) &&
                    (resource.columns.isEmpty() || resource.columns.contains(c.name)))
                    masked.append(c.name);
        if (masked.isEmpty())
            return {AccessDecision::Verdict::Allow,
                    QStringLiteral("The product has no PII columns."), {}};
        return {AccessDecision::Verdict::AllowMasked,
                QStringLiteral("PII columns are masked without an active access grant."), masked};
    }
    case AccessAction::EditMetadata:
    case AccessAction::Approve:
    case AccessAction::Administer:
        return {AccessDecision::Verdict::Deny,
                QStringLiteral("Only the product's owner or steward may do this."), {}};
    }
    return {};
}

} // namespace Mesh
