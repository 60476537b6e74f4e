// SPDX-License-Identifier: MIT
#include "editing/metadatafield.h"

#include <QSet>

namespace Mesh {

namespace {

struct ProductFieldName
{
    const char *name;
    MetadataField::Kind kind;
};

constexpr ProductFieldName kProductFields[] = {
    {"description", MetadataField::Kind::Description},
    {"tags", MetadataField::Kind::Tags},
    {"owner", MetadataField::Kind::Owner},
    {"steward", MetadataField::Kind::Steward},
    {"status", MetadataField::Kind::Status},
    {"freshness_sla_hours", MetadataField::Kind::FreshnessSla},
    {"sla", MetadataField::Kind::FreshnessSla},
    {"access_policy", MetadataField::Kind::AccessPolicy},
};

const Column *columnAt(const Product &p, int ds, int col)
{
    if (ds < 0 || ds >= p.datasets.size() || col < 0 || col >= p.datasets.at(ds).columns.size())
        return nullptr;
    return &p.datasets.at(ds).columns.at(col);
}

QString fieldChoices()
{
    return QStringLiteral("description, tags, owner, steward, status, freshness_sla_hours, "
                          "access_policy, dataset.NAME.description, "
                          "column.NAME.description|classification|tags");
}

} // namespace

bool MetadataField::isColumnField() const
{
    return kind == Kind::ColumnDescription || kind == Kind::ColumnClassification ||
           kind == Kind::ColumnTags;
}

bool MetadataField::isText() const
{
    return kind == Kind::Description || kind == Kind::AccessPolicy ||
           kind == Kind::DatasetDescription || kind == Kind::ColumnDescription;
}

QStringList MetadataField::statuses()
{
    return {QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("deprecated"),
            QStringLiteral("retired")};
}

QStringList MetadataField::normaliseTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &t : tags) {
        const QString tag = t.trimmed();
        if (tag.isEmpty() || seen.contains(tag))
            continue;
        seen.insert(tag);
        result.append(tag);
    }
    return result;
}

std::optional<MetadataField> MetadataField::parse(const Product &product, const QString &name,
                                                  QString *error)
{
    const QString n = name.trimmed();
    for (const ProductFieldName &f : kProductFields)
        if (n == QLatin1String(f.name))
            return MetadataField{f.kind, -1, -1};

    auto fail = [&](const QString &message) -> std::optional<MetadataField> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const int firstDot = n.indexOf(QLatin1Char('.'));
    const int lastDot = n.lastIndexOf(QLatin1Char('.'));
    if (firstDot < 0 || lastDot == firstDot)
        return fail(QStringLiteral("unknown field “%1”; fields are %2").arg(n, fieldChoices()));
    const QString scope = n.left(firstDot);
    const QString target = n.mid(firstDot + 1, lastDot - firstDot - 1);
    const QString attribute = n.mid(lastDot + 1);

    if (scope == QStringLiteral("dataset")) {
        if (attribute != QStringLiteral("description"))
            return fail(QStringLiteral("a dataset has only an editable description, not “%1”")
                            .arg(attribute));
        for (int d = 0; d < product.datasets.size(); ++d)
            if (product.datasets.at(d).name == target)
                return MetadataField{Kind::DatasetDescription, d, -1};
        QStringList names;
        for (const Dataset &ds : product.datasets)
            names.append(ds.name);
        return fail(QStringLiteral("%1 has no dataset “%2”; its datasets are %3")
                        .arg(product.key, target, names.join(QStringLiteral(", "))));
    }
    if (scope != QStringLiteral("column"))
        return fail(QStringLiteral("unknown field “%1”; fields are %2").arg(n, fieldChoices()));

    Kind kind;
    if (attribute == QStringLiteral("description"))
        kind = Kind::ColumnDescription;
    else if (attribute == QStringLiteral("classification"))
        kind = Kind::ColumnClassification;
    else if (attribute == QStringLiteral("tags"))
        kind = Kind::ColumnTags;
    else
        return fail(QStringLiteral("a column's editable fields are description, classification "
                                   "and tags, not “%1”")
                        .arg(attribute));
    QString datasetName;
    QString columnName = target;
    if (const int slash = target.indexOf(QLatin1Char('/')); slash >= 0) {
        datasetName = target.left(slash);
        columnName = target.mid(slash + 1);
    }
    QList<MetadataField> found;
    for (int d = 0; d < product.datasets.size(); ++d) {
        const Dataset &ds = product.datasets.at(d);
        if (!datasetName.isEmpty() && ds.name != datasetName)
            continue;
        for (int c = 0; c < ds.columns.size(); ++c)
            if (ds.columns.at(c).name == columnName)
                found.append({kind, d, c});
    }
    if (found.isEmpty())
        return fail(QStringLiteral("%1 has no column “%2”").arg(product.key, target));
    if (found.size() > 1)
        return fail(QStringLiteral("column “%1” is in several datasets of %2; name it as "
                                   "column.DATASET/%1.%3")
                        .arg(columnName, product.key, attribute));
    return found.first();
}

QString MetadataField::name(const Product &product) const
{
    switch (kind) {
    case Kind::Description:
        return QStringLiteral("description");
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Owner:
        return QStringLiteral("owner");
    case Kind::Steward:
        return QStringLiteral("steward");
    case Kind::Status:
        return QStringLiteral("status");
    case Kind::FreshnessSla:
        return QStringLiteral("freshness_sla_hours");
    case Kind::AccessPolicy:
        return QStringLiteral("access_policy");
    case Kind::DatasetDescription:
        return QStringLiteral("dataset.%1.description")
            .arg(dataset >= 0 && dataset < product.datasets.size()
                     ? product.datasets.at(dataset).name
                     : QString::number(dataset));
    case Kind::ColumnDescription:
    case Kind::ColumnClassification:
    case Kind::ColumnTags: {
        const Column *c = columnAt(product, dataset, column);
        const QString attribute = kind == Kind::ColumnDescription ? QStringLiteral("description")
                                  : kind == Kind::ColumnClassification
                                      ? QStringLiteral("classification")
                                      : QStringLiteral("tags");
        return QStringLiteral("column.%1/%2.%3")
            .arg(c ? product.datasets.at(dataset).name : QString::number(dataset),
                 c ? c->name : QString::number(column), attribute);
    }
    }
    return {};
}

QString MetadataField::label(const Product &product) const
{
    switch (kind) {
    case Kind::Description:
        return QStringLiteral("description");
    case Kind::Tags:
        return QStringLiteral("tags");
    case Kind::Owner:
        return QStringLiteral("owner");
    case Kind::Steward:
        return QStringLiteral("steward");
    case Kind::Status:
        return QStringLiteral("status");
    case Kind::FreshnessSla:
        return QStringLiteral("freshness SLA");
    case Kind::AccessPolicy:
        return QStringLiteral("access policy");
    case Kind::DatasetDescription:
        return QStringLiteral("dataset %1: description")
            .arg(dataset >= 0 && dataset < product.datasets.size()
                     ? product.datasets.at(dataset).name
                     : QString());
    case Kind::ColumnDescription:
    case Kind::ColumnClassification:
    case Kind::ColumnTags: {
        const Column *c = columnAt(product, dataset, column);
        return QStringLiteral("column %1: %2")
            .arg(c ? c->name : QString(),
                 kind == Kind::ColumnDescription      ? QStringLiteral("description")
                 : kind == Kind::ColumnClassification ? QStringLiteral("classification")
                                                      : QStringLiteral("tags"));
    }
    }
    return {};
}

QVariant MetadataField::value(const Product &p) const
{
    switch (kind) {
    case Kind::Description:
        return p.description;
    case Kind::Tags:
        return p.tags;
    case Kind::Owner:
        return p.ownerId;
    case Kind::Steward:
        return p.stewardId;
    case Kind::Status:
        return p.status;
    case Kind::FreshnessSla:
        return p.freshnessSlaHours;
    case Kind::AccessPolicy:
        return p.accessPolicy;
    case Kind::DatasetDescription:
        return dataset >= 0 && dataset < p.datasets.size() ? p.datasets.at(dataset).description
                                                           : QVariant();
    case Kind::ColumnDescription:
    case Kind::ColumnClassification:
    case Kind::ColumnTags: {
        const Column *c = columnAt(p, dataset, column);
        if (!c)
            return {};
        if (kind == Kind::ColumnDescription)
            return c->description;
        if (kind == Kind::ColumnClassification)
            return c->classification;
        return c->tags;
    }
    }
    return {};
}

bool MetadataField::setValue(Product &p, const QVariant &v) const
{
    switch (kind) {
    case Kind::Description:
        p.description = v.toString();
        return true;
    case Kind::Tags:
        p.tags = normaliseTags(v.toStringList());
        return true;
    case Kind::Owner:
        p.ownerId = v.toString().trimmed();
        return true;
    case Kind::Steward:
        p.stewardId = v.toString().trimmed();
        return true;
    case Kind::Status:
        p.status = v.toString().trimmed();
        return true;
    case Kind::FreshnessSla:
        p.freshnessSlaHours = v.toInt();
        return true;
    case Kind::AccessPolicy:
        p.accessPolicy = v.toString();
        return true;
    case Kind::DatasetDescription:
        if (dataset < 0 || dataset >= p.datasets.size())
            return false;
        p.datasets[dataset].description = v.toString();
        return true;
    case Kind::ColumnDescription:
    case Kind::ColumnClassification:
    case Kind::ColumnTags: {
        if (!columnAt(p, dataset, column))
            return false;
        Column &c = p.datasets[dataset].columns[column];
        if (kind == Kind::ColumnDescription)
            c.description = v.toString();
        else if (kind == Kind::ColumnClassification)
            c.classification = v.toString().trimmed();
        else
            c.tags = normaliseTags(v.toStringList());
        return true;
    }
    }
    return false;
}

std::optional<QVariant> MetadataField::fromText(const QString &text, QString *error) const
{
    switch (kind) {
    case Kind::Tags:
    case Kind::ColumnTags:
        return QVariant(normaliseTags(text.split(QLatin1Char(','))));
    case Kind::FreshnessSla: {
        bool ok = false;
        const int hours = text.trimmed().toInt(&ok);
        if (!ok) {
            if (error)
                *error = QStringLiteral("freshness_sla_hours must be a whole number of hours "
                                        "(0 for none), got “%1”")
                             .arg(text);
            return std::nullopt;
        }
        return QVariant(hours);
    }
    default:
        return QVariant(text);
    }
}

} // namespace Mesh
