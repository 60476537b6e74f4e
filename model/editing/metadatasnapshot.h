// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mesh {

/** One difference between two versions of a product's metadata. Plain value. */
struct MetadataChange
{
    QString field;  // the meshctl field name: description, tags, column.orders/amount.tags, …
    QString label;  // for people: "description", "column amount: tags"
    QString before; // as text; lists joined with ", "
    QString after;
    /** For multi-line text: the changed lines as "- old" / "+ new", with "  same" context. */
    QStringList lineDiff;
};

/**
 * A product's editable metadata as a JSON snapshot (what a saved version stores), and the
 * readable difference between two snapshots. Stateless; any thread.
 *
 * The snapshot holds the editable fields (description, tags, owner, steward, status, freshness
 * SLA, access policy; each dataset's description; each column's description, classification and
 * tags) plus the names and types that identify datasets and columns. Applying a snapshot changes
 * only those editable fields, matching datasets and columns by name, so reverting metadata never
 * touches locations or the schema itself.
 */
class MetadataSnapshot
{
public:
    static QJsonObject fromProduct(const Product &product);
    /** Sets product's editable fields from snapshot; names it could not match go to *unmatched. */
    static void apply(Product &product, const QJsonObject &snapshot,
                      QStringList *unmatched = nullptr);
    static QList<MetadataChange> diff(const QJsonObject &from, const QJsonObject &to);
    /** The changes as plain text, one field a block, for meshctl and logs. */
    static QString diffText(const QList<MetadataChange> &changes);
    /** A one-line summary: "Changed description, tags and column email: classification". */
    static QString summary(const QList<MetadataChange> &changes);
    /** A line diff of two texts (longest common subsequence on lines), as in lineDiff. */
    static QStringList lineDiff(const QString &before, const QString &after);
};

} // namespace Mesh
