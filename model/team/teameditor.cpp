// SPDX-License-Identifier: MIT
#include "team/teameditor.h"

#include "catalog/sqlitecatalogstore.h"
#include "editing/metadatasnapshot.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QJsonArray>

namespace Mesh {

QJsonObject TeamEditor::changedFields(const Product &before, const Product &after,
                                      QStringList *unsupported)
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
    // Datasets and columns are compared as metadata (names, descriptions, classifications and
    // tags), not as rows: a re-synced product has the same metadata under new row ids.
    if (unsupported) {
        for (const MetadataChange &c : MetadataSnapshot::diff(MetadataSnapshot::fromProduct(before),
                                                              MetadataSnapshot::fromProduct(after)))
            if (c.field.startsWith(QLatin1String("column.")) ||
                c.field.startsWith(QLatin1String("dataset."))) {
                unsupported->append(QStringLiteral("dataset and column metadata"));
                break;
            }
    }
    return fields;
}

EditOutcome TeamEditor::save(const TeamRoute &route, SqliteCatalogStore &store,
                             const Product &edited, int baseVersion, bool overwrite,
                             std::optional<VersionedProduct> *saved)
{
    using Code = EditOutcome::Code;
    EditOutcome o;
    EditingService editing(store);
    const std::optional<VersionedProduct> current = editing.load(edited.key);
    if (!current) {
        o.code = Code::Invalid;
        o.message = QStringLiteral("There is no product “%1” in this catalog.").arg(edited.key);
        return o;
    }
    // The one policy function answers first, for its reason; the server decides the same.
    if (const AccessDecision d = editing.mayEdit(route.user, edited.key); !d.allowed()) {
        o.code = Code::Refused;
        o.message = d.reason;
        return o;
    }
    if (!overwrite && current->version != baseVersion) {
        const QList<ProductVersion> history = editing.history(edited.key);
        o.code = Code::Conflict;
        o.version = current->version;
        if (!history.isEmpty()) {
            o.changedBy = history.first().author;
            o.changedAt = history.first().at;
        }
        o.message = QStringLiteral("%1 saved version %2 on the team server since you started "
                                   "editing; reload, compare, or overwrite.")
                        .arg(o.changedBy.isEmpty() ? QStringLiteral("Someone") : o.changedBy)
                        .arg(current->version);
        return o;
    }
    QStringList unsupported;
    const QJsonObject fields = changedFields(current->product, edited, &unsupported);
    if (!unsupported.isEmpty()) {
        o.code = Code::Invalid;
        o.message = QStringLiteral("The team server does not keep %1 yet; only the product's "
                                   "name, description, status, owner, steward, tags, access policy "
                                   "and freshness SLA can be saved there. Undo those changes to "
                                   "save the rest.")
                        .arg(unsupported.join(QStringLiteral(", ")));
        return o;
    }
    if (fields.isEmpty()) {
        o.code = Code::Unchanged;
        o.version = current->version;
        o.message = QStringLiteral("Nothing to save.");
        return o;
    }
    TeamWrite w;
    w.kind = TeamWrite::Kind::Edit;
    w.productKey = edited.key;
    w.fields = fields;
    const int rowVersion = TeamSync::rowVersion(store, edited.key);
    w.baseVersion = rowVersion > 0 ? rowVersion : qMax(current->version, 1);
    w.overwrite = overwrite;
    const TeamWriteOutcome t = TeamClient::submitAndSync(route, store, w);
    o.message = t.message;
    switch (t.code) {
    case TeamWriteOutcome::Code::Ok:
        o.code = Code::Ok;
        if (saved)
            *saved = editing.load(edited.key);
        o.version = saved && *saved ? (*saved)->version : t.version;
        break;
    case TeamWriteOutcome::Code::Offline:
        o.code = t.queued ? Code::Unchanged : Code::Failed;
        o.queued = t.queued;
        o.version = current->version;
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

} // namespace Mesh
