// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace Mesh {

/**
 * The dataset and column metadata of one team edit: what the person changed in a product's
 * datasets (a dataset's description; a column's description, classification and tags), as sent
 * to the team server in TeamWrite::fields["datasets"] and kept in the offline outbox. Only the
 * changed values travel, so an overwrite after a conflict replaces those and nothing else.
 *
 * The patch is a JSON array of {"dataset": NAME, "index": I, "description"?: TEXT,
 * "columns"?: [{"column": NAME, "index": J, "description"?, "classification"?, "tags"?}]}.
 * Datasets and columns are found by name, at the same position first (a name may repeat), so
 * a patch made on a cache applies to the server's document and to another cache alike; one it
 * cannot find is an error, never a silent skip. Stateless; any thread.
 */
class DatasetPatch
{
public:
    /** The changes that turn before's dataset and column metadata into after's (empty: none).
     *  Datasets or columns of after that before does not have are named in *unmatched. */
    static QJsonArray diff(const Product &before, const Product &after,
                           QStringList *unmatched = nullptr);
    /** Applies patch to a products.datasets document (TeamCatalog::datasetsToJson's shape). */
    static bool apply(QJsonArray &datasets, const QJsonArray &patch, QString *error);
    /** Applies patch to product's datasets (what a queued edit wanted, for the conflict view). */
    static bool apply(Product &product, const QJsonArray &patch, QString *error);
};

} // namespace Mesh
