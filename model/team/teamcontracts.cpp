// SPDX-License-Identifier: MIT
#include "team/teamcontracts.h"

#include "access/accesspolicy.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "contract/contractservice.h"
#include "editing/metadatasnapshot.h"
#include "team/pgconnection.h"
#include "team/teameditor.h"
#include "team/teamsync.h"

namespace Mesh {

namespace {

TeamWriteOutcome refused(TeamWriteOutcome::Code code, const QString &message)
{
    TeamWriteOutcome o;
    o.code = code;
    o.message = message;
    return o;
}

} // namespace

TeamContractImport TeamContracts::importContract(PgConnection *conn, SqliteCatalogStore &store,
                                                 const QString &actor, const QByteArray &yaml)
{
    using Code = TeamWriteOutcome::Code;
    TeamContractImport result;
    const OdcsParseResult parsed = Odcs::parse(yaml);
    for (const OdcsIssue &w : parsed.warnings)
        result.warnings.append(w.toString());
    if (!parsed.ok()) {
        result.errors = parsed.errors;
        result.outcome = refused(Code::Invalid, parsed.errors.value(0).toString());
        return result;
    }
    OdcsProductMapping mapping = Odcs::toProduct(*parsed.contract);
    result.warnings += mapping.warnings;
    const QString key = mapping.product.key;
    result.productKey = key;
    refreshSnapshot(store.database());
    const std::optional<Product> existing = store.productByKey(key);
    if (!existing) {
        result.outcome = refused(
            Code::Invalid,
            QStringLiteral("The team catalog has no product “%1” (as of the last sync of %2): a "
                           "contract describes a product the team catalog already has, and its "
                           "products come from its sources. Check the contract's id, or run "
                           "`meshctl sync-team` and try again.")
                .arg(key, store.path()));
        return result;
    }
    if (!mapping.product.domain.isEmpty() && mapping.product.domain != existing->domain) {
        result.outcome = refused(
            Code::Invalid,
            QStringLiteral("The contract puts %1 in the domain “%2”, but the team catalog has it "
                           "in “%3”; a contract cannot move a product to another domain.")
                .arg(key, mapping.product.domain, existing->domain));
        return result;
    }
    const AccessDecision decision =
        AccessPolicy(store).decide(actor, AccessAction::EditMetadata, {key, {}, {}});
    if (!decision.allowed()) {
        result.outcome = refused(Code::Refused, decision.reason);
        return result;
    }
    const Product edited = ContractService::mergedWith(mapping.product, *existing);
    QStringList unmatched;
    QJsonObject fields = TeamEditor::changedFields(*existing, edited, &unmatched);
    if (!unmatched.isEmpty()) {
        result.outcome = refused(
            Code::Invalid,
            QStringLiteral("The contract describes %1, which %2 does not have on the team server "
                           "(its schema comes from its source); align the contract with the "
                           "product's schema, then import it again.")
                .arg(unmatched.join(QStringLiteral(", ")), key));
        return result;
    }
    fields.insert(QStringLiteral("contract"), QString::fromUtf8(yaml));
    TeamWrite w;
    w.kind = TeamWrite::Kind::ImportContract;
    w.actingUser = actor;
    w.productKey = key;
    w.fields = fields;
    const QString changes = MetadataSnapshot::summary(MetadataSnapshot::diff(
        MetadataSnapshot::fromProduct(*existing), MetadataSnapshot::fromProduct(edited)));
    w.reason = QStringLiteral("Imported contract %1 %2")
                   .arg(parsed.contract->id, parsed.contract->version)
                   .trimmed();
    if (fields.size() > 1 && !changes.isEmpty())
        w.reason += QStringLiteral(": ") + changes;
    w.baseVersion = TeamSync::rowVersion(store, key);
    result.outcome = TeamClient::submit(conn, store, w);
    result.sent = true;
    return result;
}

TeamContractImport TeamContracts::importAndSync(const TeamRoute &route, SqliteCatalogStore &store,
                                                const QByteArray &yaml)
{
    QString error;
    auto conn = PgConnection::connect(route.url, route.user, route.password, &error);
    if (conn && !TeamSync::sync(*conn, store, route.url, &error)) {
        TeamContractImport result;
        result.outcome = refused(TeamWriteOutcome::Code::Failed,
                                 error + QStringLiteral("; the contract was not imported"));
        return result;
    }
    TeamContractImport result = importContract(conn.get(), store, route.user, yaml);
    if (result.outcome.ok() && !TeamSync::sync(*conn, store, route.url, &error))
        result.outcome.message +=
            QStringLiteral(" (the local copy will catch up at the next sync: %1)").arg(error);
    return result;
}

} // namespace Mesh
