// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Mesh {

/**
 * One editable piece of a product's metadata: a product field, a dataset's description, or a
 * column's description, classification or tags (datasets and columns by position). The one
 * vocabulary shared by the draft, the undo commands, the editing service and `meshctl edit`.
 * Plain value.
 */
struct MetadataField
{
    enum class Kind
    {
        Description,
        Tags,
        Owner,
        Steward,
        Status,
        FreshnessSla,
        AccessPolicy,
        DatasetDescription,
        ColumnDescription,
        ColumnClassification,
        ColumnTags,
    };

    Kind kind = Kind::Description;
    int dataset = -1; // for dataset and column fields
    int column = -1;  // for column fields

    bool operator==(const MetadataField &) const = default;

    bool isColumnField() const;
    bool isDatasetField() const { return kind == Kind::DatasetDescription; }
    /** Free text the user types (merged into one undo step while typing). */
    bool isText() const;

    /**
     * Parses a field name as `meshctl edit --field` takes it: description, tags, owner, steward,
     * status, freshness_sla_hours (or sla), access_policy, dataset.NAME.description,
     * column.NAME.description|classification|tags (NAME may be DATASET/COLUMN when a column name
     * occurs in several datasets). nullopt with *error (naming the field and the choices).
     */
    static std::optional<MetadataField> parse(const Product &product, const QString &name,
                                              QString *error);
    /** The name parse() accepts for this field of product. */
    QString name(const Product &product) const;
    /** A label for people: "description", "column email: classification". */
    QString label(const Product &product) const;

    /** The field's value in product: QString, QStringList (tags) or int (SLA hours). */
    QVariant value(const Product &product) const;
    /**
     * Sets the field in product, normalising it (tags trimmed and deduplicated, text kept as
     * typed). False when the dataset or column does not exist.
     */
    bool setValue(Product &product, const QVariant &value) const;
    /** Converts command-line text to the field's value type ("a, b" for tags, hours for SLA). */
    std::optional<QVariant> fromText(const QString &text, QString *error) const;

    static QStringList statuses();
    static QStringList normaliseTags(const QStringList &tags);
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::MetadataField)
