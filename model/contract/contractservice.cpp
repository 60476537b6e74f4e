// SPDX-License-Identifier: MIT
#include "contract/contractservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

namespace Mesh {

ContractService::ContractService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, std::move(clock))
{
}

Product ContractService::mergedWith(Product product, const Product &existing)
{
    // What a contract does not say stays as the catalog has it.
    if (product.ownerId.isEmpty())
        product.ownerId = existing.ownerId;
    if (product.stewardId.isEmpty())
        product.stewardId = existing.stewardId;
    if (product.sourceSystem.isEmpty())
        product.sourceSystem = existing.sourceSystem;
    if (product.accessPolicy.isEmpty())
        product.accessPolicy = existing.accessPolicy;
    if (product.freshnessSlaHours == 0)
        product.freshnessSlaHours = existing.freshnessSlaHours;
    product.updatedAt = existing.updatedAt;
    product.sourceName = existing.sourceName;
    for (Dataset &ds : product.datasets)
        for (const Dataset &old : existing.datasets)
            if (old.name == ds.name) {
                if (ds.location.isEmpty())
                    ds.location = old.location;
                if (ds.format.isEmpty())
                    ds.format = old.format;
                if (ds.endpoint.isEmpty())
                    ds.endpoint = old.endpoint;
            }
    if (product.formats.isEmpty())
        product.formats = existing.formats;
    if (product.status.isEmpty())
        product.status = existing.status;
    if (product.domain.isEmpty())
        product.domain = existing.domain;
    if (product.description.isEmpty())
        product.description = existing.description;
    return product;
}

ContractImport ContractService::importContract(const QString &actor, const QByteArray &yaml)
{
    using Code = AccessOutcome::Code;
    ContractImport result;
    const OdcsParseResult parsed = Odcs::parse(yaml);
    for (const OdcsIssue &w : parsed.warnings)
        result.warnings.append(w.toString());
    if (!parsed.ok()) {
        result.errors = parsed.errors;
        result.outcome.code = Code::Invalid;
        result.outcome.message = parsed.errors.value(0).toString();
        return result;
    }
    OdcsProductMapping mapping = Odcs::toProduct(*parsed.contract);
    result.warnings += mapping.warnings;
    Product &product = mapping.product;
    result.productKey = product.key;
    refreshSnapshot(m_store.database());
    const std::optional<Product> existing = m_store.productByKey(product.key);
    if (!product.domain.isEmpty()) {
        bool known = false;
        for (const Domain &d : m_store.domains())
            known = known || d.name == product.domain;
        if (!known) {
            result.outcome = {Code::Invalid,
                              QStringLiteral("The contract's domain “%1” is not a domain of this "
                                             "catalog; use one of its domains or add it first.")
                                  .arg(product.domain),
                              0, 0};
            return result;
        }
    }
    AccessDecision decision;
    if (existing) {
        decision = m_policy.decide(actor, AccessAction::EditMetadata, {product.key, {}, {}});
    } else {
        AccessResource resource;
        resource.domain = product.domain;
        decision = m_policy.decide(actor, AccessAction::SetGovernancePolicy, resource);
    }
    if (!decision.allowed()) {
        result.outcome = {Code::Refused, decision.reason, 0, 0};
        return result;
    }
    if (existing)
        product = mergedWith(std::move(product), *existing);
    else
        product.updatedAt = m_policy.now();
    if (product.status.isEmpty())
        product.status = QStringLiteral("active");
    CatalogError error;
    const QDateTime now = m_policy.now();
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            if (!m_store.upsertProduct(product, e))
                return false;
            Database &db = m_store.database();
            Statement &st = db.prepare(QStringLiteral(
                "INSERT INTO product_contracts(product_key, yaml, imported_at, imported_by) "
                "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(product_key) DO UPDATE SET "
                "yaml = excluded.yaml, imported_at = excluded.imported_at, "
                "imported_by = excluded.imported_by"));
            st.bind(1, product.key)
                .bind(2, QString::fromUtf8(yaml))
                .bind(3, accessTime(now))
                .bind(4, actor);
            if (!st.exec()) {
                *e = {CatalogError::Code::Io, st.lastError()};
                return false;
            }
            AuditEntry entry;
            entry.at = now;
            entry.actor = actor;
            entry.action = QStringLiteral("import-contract");
            entry.productKey = product.key;
            entry.subject =
                QStringLiteral("contract %1 %2").arg(parsed.contract->id, parsed.contract->version);
            entry.detail =
                QStringLiteral("%1 the product from ODCS %2. %3")
                    .arg(existing ? QStringLiteral("Updated") : QStringLiteral("Created"),
                         parsed.contract->apiVersion, decision.reason);
            QString message;
            if (!AuditLog::append(db, entry, &message)) {
                *e = {CatalogError::Code::Io, message};
                return false;
            }
            return true;
        },
        &error);
    if (!ok) {
        result.outcome = {Code::Failed,
                          QStringLiteral("Importing the contract failed: %1").arg(error.message), 0,
                          0};
        return result;
    }
    result.created = !existing;
    result.outcome.message =
        QStringLiteral("%1 %2 from contract %3 %4.")
            .arg(existing ? QStringLiteral("Updated") : QStringLiteral("Created"), product.key,
                 parsed.contract->id, parsed.contract->version);
    return result;
}

std::optional<OdcsContract> ContractService::contractOf(const QString &productKey,
                                                        bool *stored) const
{
    refreshSnapshot(m_store.database());
    const std::optional<Product> product = m_store.productByKey(productKey);
    if (!product)
        return std::nullopt;
    Statement &st = m_store.database().prepare(
        QStringLiteral("SELECT yaml FROM product_contracts WHERE product_key = ?1"));
    st.bind(1, productKey);
    std::optional<OdcsContract> base;
    if (st.step())
        base = Odcs::parse(st.text(0).toUtf8()).contract;
    st.reset();
    if (stored)
        *stored = base.has_value();
    return base ? *base : Odcs::fromProduct(*product);
}

std::optional<QByteArray> ContractService::exportContract(const QString &productKey,
                                                          QString *error) const
{
    refreshSnapshot(m_store.database());
    const std::optional<Product> product = m_store.productByKey(productKey);
    if (!product) {
        if (error)
            *error = QStringLiteral("There is no product “%1” in this catalog.").arg(productKey);
        return std::nullopt;
    }
    bool stored = false;
    const std::optional<OdcsContract> base = contractOf(productKey, &stored);
    const OdcsContract contract = Odcs::fromProduct(*product, stored && base ? &*base : nullptr);
    return Odcs::write(contract);
}

std::optional<ContractCheckResult> ContractService::check(const QString &productKey,
                                                          QString *error) const
{
    const std::optional<Product> product = m_store.productByKey(productKey);
    if (!product) {
        if (error)
            *error = QStringLiteral("There is no product “%1” in this catalog.").arg(productKey);
        return std::nullopt;
    }
    const std::optional<OdcsContract> contract = contractOf(productKey);
    QHash<QString, SampleTable> samples;
    for (const Dataset &ds : product->datasets)
        if (!ds.location.isEmpty())
            samples.insert(ds.name, SampleTable::read(ds.location));
    return ContractCheck::run(*contract, *product, samples);
}

} // namespace Mesh
