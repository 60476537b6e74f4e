// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Mesh {

/**
 * A key the reader did not map to a typed field, with its value as a QVariant tree (QString,
 * bool, qint64, double, QVariantList, QVariantMap or a null QVariant). Kept in document order so
 * that writing the contract again gives the same document back.
 */
struct OdcsExtra
{
    QString key;
    QVariant value;
    bool operator==(const OdcsExtra &) const = default;
};
using OdcsExtras = QList<OdcsExtra>;

/** A `customProperties` item: {property, value}, other keys kept as extras. */
struct OdcsCustomProperty
{
    QString property;
    QVariant value;
    OdcsExtras extras;
    bool operator==(const OdcsCustomProperty &) const = default;
};

/** One `quality[]` rule (text, library, sql or custom). */
struct OdcsQuality
{
    QString name;
    QString description;
    QString type;   // text, library, sql, custom; empty = library (the default)
    QString metric; // v3.1.0: nullValues, missingValues, invalidValues, duplicateValues, rowCount
    QString rule;   // v3.0.x spelling of metric (deprecated in v3.1.0), kept as written
    QString dimension; // accuracy, completeness, uniqueness, …
    QString severity;
    QString query; // sql
    /** The comparison: mustBe, mustNotBe, mustBeGreaterThan, … (empty when none). */
    QString op;
    QVariant threshold;
    OdcsExtras extras;
    bool operator==(const OdcsQuality &) const = default;

    /** metric, or rule when only the v3.0 spelling was used. */
    QString effectiveMetric() const { return metric.isEmpty() ? rule : metric; }
};

/** A `schema[].properties[]` element: one column. Nested properties/items stay in extras. */
struct OdcsProperty
{
    QString name;
    QString logicalType; // string, date, timestamp, time, number, integer, object, array, boolean
    QString physicalType;
    QString physicalName;
    QString description;
    QString businessName;
    QString classification;
    bool primaryKey = false;
    int primaryKeyPosition = -1;
    bool required = false;
    bool unique = false;
    QStringList tags;
    QList<OdcsQuality> quality;
    OdcsExtras extras;
    bool operator==(const OdcsProperty &) const = default;
};

/** A `schema[]` element: one table, file or topic. */
struct OdcsSchemaObject
{
    QString name;
    QString logicalType; // "object" when given
    QString physicalName;
    QString physicalType; // table, view, topic, file, …
    QString description;
    QString businessName;
    QString dataGranularityDescription;
    QStringList tags;
    QList<OdcsProperty> properties;
    QList<OdcsQuality> quality;
    QList<OdcsCustomProperty> customProperties;
    OdcsExtras extras;
    bool operator==(const OdcsSchemaObject &) const = default;
};

/** An `slaProperties[]` item: {property, value, unit, element, driver, …}. */
struct OdcsSlaProperty
{
    QString property; // latency, retention, frequency, availability, timeOfAvailability, …
    QVariant value;
    QString unit;
    QString element;
    QString driver;
    QString description;
    OdcsExtras extras;
    bool operator==(const OdcsSlaProperty &) const = default;
};

/** A team member (v3.0.x `team[]`, v3.1.0 `team.members[]`). */
struct OdcsTeamMember
{
    QString username;
    QString name;
    QString role;
    OdcsExtras extras;
    bool operator==(const OdcsTeamMember &) const = default;
};

/**
 * An Open Data Contract Standard v3 document (v3.0.0–v3.0.2 and v3.1.0): the fields this
 * application maps to a product, and every other key kept in the extras of its level so that
 * nothing is lost when the contract is written again. A plain value.
 */
struct OdcsContract
{
    QString apiVersion; // v3.0.0, v3.0.1, v3.0.2 or v3.1.0
    QString kind;       // DataContract
    QString id;
    QString name;
    QString version;
    QString status;
    QString domain;
    QString dataProduct;
    QString tenant;
    QStringList tags;
    // description: {usage, purpose, limitations, …}
    QString purpose;
    QString usage;
    QString limitations;
    OdcsExtras descriptionExtras;
    QList<OdcsSchemaObject> schema;
    QList<OdcsSlaProperty> slaProperties;
    // team: a list in v3.0.x, an object {name, description, members} in v3.1.0
    bool teamIsObject = false;
    bool hasTeam = false;
    QString teamName;
    QList<OdcsTeamMember> team;
    OdcsExtras teamExtras;
    QList<OdcsCustomProperty> customProperties;
    OdcsExtras extras;
    bool operator==(const OdcsContract &) const = default;

    /** The value of a top-level customProperties item, or a null QVariant. */
    QVariant customProperty(const QString &property) const;
};

/** A problem in a contract document: where (1-based line and column, field path) and what. */
struct OdcsIssue
{
    int line = 0;   // 0 when unknown
    int column = 0; // 0 when unknown
    QString path;   // e.g. "schema[0].properties[2].logicalType"
    QString message;
    /** "line 12, column 5: schema[0].properties[2].logicalType: … " */
    QString toString() const;
    bool operator==(const OdcsIssue &) const = default;
};

/** What Odcs::parse() found: the contract (when it could be read) and its errors and warnings. */
struct OdcsParseResult
{
    std::optional<OdcsContract> contract; // set when there are no errors
    QList<OdcsIssue> errors;              // invalid YAML, missing required fields, wrong types
    QList<OdcsIssue> warnings; // things kept but not understood (unknown apiVersion, …)
    bool ok() const { return errors.isEmpty() && contract.has_value(); }
};

/** How a product becomes a contract and back; contracts carry what the catalog has no field for. */
struct OdcsProductMapping
{
    Product product;
    QStringList warnings;
};

/**
 * Reading and writing ODCS v3 YAML (yaml-cpp), and the mapping between a contract and a catalog
 * product. Stateless functions; safe from any thread.
 *
 * The fields follow the published JSON schema of bitol-io/open-data-contract-standard
 * (schema/odcs-json-schema-v3.0.x.json and v3.1.0.json): required top-level fields are
 * apiVersion, kind, id, version and status; `schema[]` elements need a name, as do their
 * properties; `slaProperties[]` items need property and value.
 */
namespace Odcs {

/** The apiVersions this reader accepts. */
QStringList supportedApiVersions();

/**
 * Parses YAML bytes through BoundedYaml (default YamlLimits: size, nesting depth, nodes after
 * alias expansion), so a hostile document is refused with one clear error instead of being
 * walked. Errors carry 1-based line and column where yaml-cpp knows them.
 */
OdcsParseResult parse(const QByteArray &yaml);
/** Writes a contract as YAML; unknown keys kept in extras are written back at their level. */
QByteArray write(const OdcsContract &contract);

/**
 * The catalog product a contract describes: key from id, name from name/dataProduct, purpose
 * (plus usage and limitations) as the Markdown description, owner and steward from the team
 * roles, freshness SLA from a latency/freshness SLA property, one dataset per schema object and
 * one column per property (logicalType mapped to the catalog's column types).
 */
OdcsProductMapping toProduct(const OdcsContract &contract);
/**
 * The contract of a product. When base is given, its extras, quality rules, primary keys and
 * required flags are kept for the columns that still exist, so import → export loses nothing.
 */
OdcsContract fromProduct(const Product &product, const OdcsContract *base = nullptr);

/** ODCS logicalType of a catalog column type, and back. */
QString logicalTypeFor(const QString &columnType);
QString columnTypeFor(const QString &logicalType);

} // namespace Odcs
} // namespace Mesh
