// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "access/accesstypes.h"
#include "contract/contractcheck.h"
#include "contract/odcscontract.h"

namespace Mesh {

class SqliteCatalogStore;

/** What importing a contract did: the product it created or updated, and what to know. */
struct ContractImport
{
    AccessOutcome outcome;
    QString productKey;
    bool created = false;
    QList<OdcsIssue> errors; // the document's problems when it was refused as invalid
    QStringList warnings;
};

/**
 * Data contracts of products: import an ODCS document (creating or updating the product and
 * keeping the document, so export gives back what the catalog has no field for), export a
 * product's contract, and check a product against its contract. Import is decided by
 * AccessPolicy::decide (EditMetadata on an existing product; for a new product, the right to set
 * its domain's policies: a steward of the domain, the council or an administrator) and audited.
 * Use on the store's thread.
 */
class ContractService
{
public:
    explicit ContractService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    ContractImport importContract(const QString &actor, const QByteArray &yaml);
    /** product (as a contract maps it) with what the contract does not say taken from the
     *  catalog's existing copy: owner, steward, domain, description, status, source, access
     *  policy, freshness SLA, dataset locations and formats. */
    static Product mergedWith(Product product, const Product &existing);
    /** The product's contract as YAML; nullopt (with error) when there is no such product. */
    std::optional<QByteArray> exportContract(const QString &productKey, QString *error) const;
    /** The stored contract of a product, or the one its metadata implies when none is stored. */
    std::optional<OdcsContract> contractOf(const QString &productKey, bool *stored = nullptr) const;
    /** Checks a product against its contract, reading its samples. */
    std::optional<ContractCheckResult> check(const QString &productKey, QString *error) const;

private:
    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
};

} // namespace Mesh
