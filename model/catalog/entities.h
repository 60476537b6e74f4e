// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mesh {

using DomainId = qint64;
using ProductId = qint64;
using DatasetId = qint64;
using ColumnId = qint64;
using SourceId = qint64;

/** A business domain that owns data products (Sales & Marketing, Finance, …). Plain value. */
struct Domain
{
    DomainId id = 0;
    QString name;
    QString description;
    QString color; // "#rrggbb", used by views to tint the domain; empty = default
    bool operator==(const Domain &) const = default;
};

/** A person known to the catalog. Roles are free strings: analyst, owner, steward, manager, admin. */
struct User
{
    QString id; // login, e.g. "maria.lopez"
    QString displayName;
    QString email;
    QStringList roles;
    QString domain; // home domain name, may be empty
    bool operator==(const User &) const = default;
};

/** Where a record came from: the embedded demo, a generator run, a federated source. */
struct Source
{
    SourceId id = 0;
    QString name;
    QString kind; // "demo", "generated", "mesh-json", "openmetadata", …
    QString url;
    QDateTime fetchedAt;
    bool operator==(const Source &) const = default;
};

/** One column of a dataset, with its documentation and classification. */
struct Column
{
    ColumnId id = 0;
    QString name;
    QString type; // logical type: string, integer, decimal, date, timestamp, boolean, json
    QString description;
    QString classification; // "PII.Sensitive", "PII.NonSensitive" or empty
    QStringList tags;
    bool operator==(const Column &) const = default;
};

/** An output port of a product: a table, file or API endpoint with its columns. */
struct Dataset
{
    DatasetId id = 0;
    QString name;
    QString format;   // csv, json, ndjson, sqlite, api
    QString location; // file path or URL of the data (sample data for demo products)
    QString endpoint; // API endpoint the data is served from, may be empty
    QString description;
    QList<Column> columns;
    bool operator==(const Dataset &) const = default;
};

/** A data product: the unit of discovery, ownership and access in the mesh. */
struct Product
{
    ProductId id = 0;
    QString key;    // stable, unique, e.g. "sales.hubspot-deals"
    QString name;   // human title, e.g. "HubSpot Deals"
    QString domain; // domain name; empty for unowned "dark data"
    QString description; // Markdown
    QString ownerId;     // user id, may be empty
    QString stewardId;   // user id, may be empty
    QString status;      // draft, active, deprecated, retired
    QStringList tags;
    QString sourceSystem; // HubSpot, Jira, Workday, Gainsight, NetSuite, MES, …
    QStringList formats;
    QString accessPolicy; // human-readable access policy text
    int freshnessSlaHours = 0; // 0 = no SLA
    QString version;
    QDateTime updatedAt;
    QString sourceName; // the Source this record came from
    QList<Dataset> datasets;
    bool operator==(const Product &) const = default;
};

/** A product → product lineage edge. */
struct LineageEdge
{
    QString fromKey;
    QString toKey;
    QString kind; // copy, transform, aggregate
    QString jobName;
    bool operator==(const LineageEdge &) const = default;
};

/** Row counts of every entity, as `meshctl info` prints them. */
struct CatalogCounts
{
    qint64 domains = 0;
    qint64 products = 0;
    qint64 datasets = 0;
    qint64 columns = 0;
    qint64 lineageEdges = 0;
    qint64 users = 0;
    qint64 sources = 0;
};

} // namespace Mesh
