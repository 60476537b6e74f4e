// SPDX-License-Identifier: MIT
#include "team/teameditor.h"

#include "catalog/sqlitecatalogstore.h"
#include "editing/metadatasnapshot.h"
#include "team/datasetpatch.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QJsonArray>

namespace Mesh {

QJsonObject TeamEditor::changedFields(const Product &before, const Product &after,
                                      QStringList *unmatched)
{
    QJsonObject fields;
    if (after.name != before.name)
        fields.insert(QStringLiteral("name"), after.name);
    if (after.description != before.description)
        fields.insert(QStringLiteral("description"), after.description);
    if (after.status != before.status)
        fields.insert(QStringLiteral("status"), after.status);
    if (after.ownerId != before.ownerId)
        fields.insert(QStringLiteral("owner"), after.ownerId);
    if (after.stewardId != before.stewardId)
        fields.insert(QStringLiteral("steward"), after.stewardId);
    if (after.tags != before.tags)
        fields.insert(QStringLiteral("tags"), QJsonArray::fromStringList(after.tags));
    if (after.accessPolicy != before.accessPolicy)
        fields.insert(QStringLiteral("access_policy"), after.accessPolicy);
    if (after.freshnessSlaHours != before.freshnessSlaHours)
        fields.insert(QStringLiteral("freshness_sla_hours"), after.freshnessSlaHours);
    // Datasets and columns are compared as metadata (descriptions, classifications and tags)
    // and matched by name, not by row id: a re-synced product has new row ids.
    const QJsonArray datasets = DatasetPatch::diff(before, after, unmatched);
    if (!datasets.isEmpty())
        fields.insert(QStringLiteral("datasets"), datasets);
    return fields;
}

bool TeamEditor::applyFields(Product &product, const QJsonObject &f, QString *error)
{
    auto text = [&f](const char *name, const QString &fallback) {
        return f.contains(QLatin1String(name)) ? f.value(QLatin1String(name)).toString() : fallback;
    };
    product.name = text("name", product.name);
    product.description = text("description", product.description);
    product.status = text("status", product.status);
    product.ownerId = text("owner", product.ownerId);
    product.stewardId = text("steward", product.stewardId);
    product.accessPolicy = text("access_policy", product.accessPolicy);
    if (f.contains(QStringLiteral("tags")))
        product.tags = f.value(QStringLiteral("tags")).toVariant().toStringList();
    if (f.contains(QStringLiteral("freshness_sla_hours")))
        product.freshnessSlaHours = f.value(QStringLiteral("freshness_sla_hours")).toInt();
    return DatasetPatch::apply(product, f.value(QStringLiteral("datasets")).toArray(), error);
}

namespace {

/**
 * Everything a team save checks on the cache before the server sees it: the product is there,
 * AccessPolicy::decide lets actor edit it, nobody saved since baseVersion, the edit is valid,
 * and it changes something. Either the write to send or the outcome that ends the save here.
 */
std::optional<TeamWrite> prepare(SqliteCatalogStore &store, const QString &actor,
                                 const Product &edited, int baseVersion, bool overwrite,
                                 const QString &summary, EditOutcome *o, int *cachedVersion)
{
    using Code = EditOutcome::Code;
    EditingService editing(store);
    const std::optional<VersionedProduct> current = editing.load(edited.key);
    if (!current) {
        o->code = Code::Invalid;
        o->message =
            QStringLiteral("There is no product “%1” in this catalog.").arg(edited.key);
        return std::nullopt;
    }
    *cachedVersion = current->version;
    // The one policy function answers first, for its reason; the server decides the same.
    if (const AccessDecision d = editing.mayEdit(actor, edited.key); !d.allowed()) {
        o->code = Code::Refused;
        o->message = d.reason;
        return std::nullopt;
    }
    if (!overwrite && current->version != baseVersion) {
        const QList<ProductVersion> history = editing.history(edited.key);
        o->code = Code::Conflict;
        o->version = current->version;
        if (!history.isEmpty()) {
            o->changedBy = history.first().author;
            o->changedAt = history.first().at;
        }
        o->message = QStringLiteral("%1 saved version %2 on the team server since you started "
                                    "editing; reload, compare, or overwrite.")
                         .arg(o->changedBy.isEmpty() ? QStringLiteral("Someone") : o->changedBy)
                         .arg(current->version);
        return std::nullopt;
    }
    if (const QString problem = editing.validate(edited); !problem.isEmpty()) {
        o->code = Code::Invalid;
        o->message = QStringLiteral("%1 was not saved: %2").arg(edited.key, problem);
        return std::nullopt;
    }
    QStringList unmatched;
    const QJsonObject fields = TeamEditor::changedFields(current->product, edited, &unmatched);
    if (!unmatched.isEmpty()) {
        o->code = Code::Invalid;
        o->message = QStringLiteral("%1 no longer has %2 (its schema changed since you started "
                                    "editing); reload it and edit again.")
                         .arg(edited.key, unmatched.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (fields.isEmpty()) {
        o->code = Code::Unchanged;
        o->version = current->version;
        o->message = QStringLiteral("Nothing to save.");
        return std::nullopt;
    }
    TeamWrite w;
    w.kind = TeamWrite::Kind::Edit;
    w.actingUser = actor;
    w.productKey = edited.key;
    w.fields = fields;
    w.reason = !summary.isEmpty()
                   ? summary
                   : MetadataSnapshot::summary(
                         MetadataSnapshot::diff(MetadataSnapshot::fromProduct(current->product),
                                                MetadataSnapshot::fromProduct(edited)));
    const int rowVersion = TeamSync::rowVersion(store, edited.key);
    w.baseVersion = rowVersion > 0 ? rowVersion : qMax(current->version, 1);
    w.overwrite = overwrite;
    return w;
}

/** The editing outcome of a team write (queued counts as saved, for now, in the outbox). */
EditOutcome fromTeam(const TeamWriteOutcome &t, int cachedVersion)
{
    using Code = EditOutcome::Code;
    EditOutcome o;
    o.message = t.message;
    switch (t.code) {
    case TeamWriteOutcome::Code::Ok:
        o.code = Code::Ok;
        o.version = t.version;
        break;
    case TeamWriteOutcome::Code::Offline:
        o.code = t.queued ? Code::Unchanged : Code::Failed;
        o.queued = t.queued;
        o.version = cachedVersion;
        break;
    case TeamWriteOutcome::Code::Conflict:
        o.code = Code::Conflict;
        o.version = t.version;
        o.changedBy = t.changedBy;
        break;
    case TeamWriteOutcome::Code::Refused:
        o.code = Code::Refused;
        break;
    case TeamWriteOutcome::Code::Invalid:
        o.code = Code::Invalid;
        break;
    case TeamWriteOutcome::Code::Failed:
        o.code = Code::Failed;
        break;
    }
    return o;
}

} // namespace

EditOutcome TeamEditor::save(const TeamRoute &route, SqliteCatalogStore &store,
                             const Product &edited, int baseVersion, bool overwrite,
                             std::optional<VersionedProduct> *saved)
{
    return saveAs(route, store, edited, baseVersion, overwrite, {}, saved);
}

EditOutcome TeamEditor::saveAs(const TeamRoute &route, SqliteCatalogStore &store,
                               const Product &edited, int baseVersion, bool overwrite,
                               const QString &summary, std::optional<VersionedProduct> *saved)
{
    EditOutcome o;
    int cachedVersion = 0;
    const std::optional<TeamWrite> w =
        prepare(store, route.user, edited, baseVersion, overwrite, summary, &o, &cachedVersion);
    if (!w)
        return o;
    o = fromTeam(TeamClient::submitAndSync(route, store, *w), cachedVersion);
    if (o.code == EditOutcome::Code::Ok) {
        if (saved)
            *saved = EditingService(store).load(edited.key);
        if (saved && *saved)
            o.version = (*saved)->version;
    }
    return o;
}

EditOutcome TeamEditor::save(PgConnection *conn, const QString &actor, SqliteCatalogStore &store,
                             const Product &edited, int baseVersion, bool overwrite,
                             const QString &summary)
{
    EditOutcome o;
    int cachedVersion = 0;
    const std::optional<TeamWrite> w =
        prepare(store, actor, edited, baseVersion, overwrite, summary, &o, &cachedVersion);
    if (!w)
        return o;
    return fromTeam(TeamClient::submit(conn, store, *w), cachedVersion);
}

namespace {

/** A revert: version number's metadata saved by save (one of TeamEditor::save's two ways). */
template <typename Save>
EditOutcome revertWith(SqliteCatalogStore &store, const QString &productKey, int number,
                       const Save &save)
{
    EditOutcome o;
    const std::optional<Product> edited =
        EditingService(store).atVersion(productKey, number, &o);
    if (!edited)
        return o;
    o = save(*edited, EditingService::revertSummary(number));
    if (o.code == EditOutcome::Code::Unchanged && !o.queued)
        o.message = EditingService::alreadyAtVersion(productKey, number);
    return o;
}

} // namespace

EditOutcome TeamEditor::revert(const TeamRoute &route, SqliteCatalogStore &store,
                               const QString &productKey, int number, int baseVersion,
                               bool overwrite, std::optional<VersionedProduct> *saved)
{
    return revertWith(store, productKey, number, [&](const Product &edited, const QString &why) {
        return saveAs(route, store, edited, baseVersion, overwrite, why, saved);
    });
}

EditOutcome TeamEditor::revert(PgConnection *conn, const QString &actor,
                               SqliteCatalogStore &store, const QString &productKey, int number,
                               int baseVersion, bool overwrite)
{
    return revertWith(store, productKey, number, [&](const Product &edited, const QString &why) {
        return save(conn, actor, store, edited, baseVersion, overwrite, why);
    });
}

} // namespace Mesh
