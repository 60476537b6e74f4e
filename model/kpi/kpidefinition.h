// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mesh {

/** The time grain of a dashboard: one value per calendar month, quarter or year. */
enum class KpiGrain { Month, Quarter, Year };

namespace KpiPeriod {
QString grainName(KpiGrain grain); // "month", "quarter", "year"
std::optional<KpiGrain> grainFromName(const QString &name);
/** The period holding date: "2026-11", "2026-Q4", "2026". */
QString of(const QDate &date, KpiGrain grain);
/** The period before period ("2026-Q1" → "2025-Q4"); empty for a malformed period. */
QString previous(const QString &period, KpiGrain grain);
/** First and last day of period; invalid dates for a malformed one. */
QDate first(const QString &period, KpiGrain grain);
QDate last(const QString &period, KpiGrain grain);
/**
 * Replaces every PERIOD(expr) in sql by plain SQLite that maps an ISO date or timestamp text
 * ("2026-11-20", "2026-11-20T06:00:00Z", "2026-11") to its period for grain, e.g.
 * substr(expr, 1, 7) for months. Plain SQL, so the sqlite3 shell runs the same statement.
 * A PERIOD( without its closing parenthesis is left alone (the parser then says where).
 */
QString expandMacro(const QString &sql, KpiGrain grain);
} // namespace KpiPeriod

namespace KpiFormat {
/** "$1.24M", "85.2 %", "1,204", "3.4 d" — how tiles, exports and meshctl print a value. */
QString value(std::optional<double> value, const QString &unit);
/** "+3.1 pp" for ratios (a difference), "+12 %" otherwise (relative); empty without a change. */
QString change(std::optional<double> change, bool relative);
} // namespace KpiFormat

/**
 * A KPI as data: what it measures, over which input data products, and how good is good.
 *
 * Stored in the catalog (table kpi_definitions) and edited by the KPI product's owner. `sql` is
 * one SELECT over the input tables (see KpiWarehouse::tableName) returning the columns
 * `period, value[, secondary]`, grouped by PERIOD(date column). `breakdownSql` returns
 * `label, value` and `rowsSql` any columns, both for the one period bound to :period.
 */
struct KpiDefinition
{
    QString key;  // the KPI data product's key, e.g. "kpi.gross-margin"
    QString name; // tile title
    QString ownerId;
    QString unit; // "USD", "ratio", "count", "days"
    QString description;
    QStringList inputs; // product keys the SQL reads
    QString sql;
    QString breakdownSql;
    QString breakdownLabel; // what the breakdown is by, e.g. "product line"
    QString rowsSql;
    /**
     * Optional stage: stageSql is one SELECT over the input tables whose first column is a date
     * (a day, or a coarser ISO prefix such as a month) followed by decomposable partial
     * aggregates (sums, counts, mins, maxes; or a value with its count for an exact median),
     * grouped by that date. The warehouse keeps its result as the table stageTable() and
     * rebuilds it when an input or stageSql changes. periodSql is the SELECT over that table
     * returning `period, value[, secondary]` like sql, and must give the same figures as sql;
     * the rollups then come from it. Without both, the rollups come from sql.
     */
    QString stageSql;
    QString periodSql;
    QString secondaryLabel;
    QString secondaryUnit;
    std::optional<double> target;
    std::optional<double> green; // at or better than this: green
    std::optional<double> amber; // at or better than this: amber, else red
    bool higherIsBetter = true;
    bool additive = false; // a sum over time: targets scale with the period (×3 a quarter)
    KpiGrain grain = KpiGrain::Month; // the grain the owner reads it at by default
    int position = 0;
    QString updatedAt;
    QString updatedBy;

    /** Whether the rollups come from a stage (stageSql and periodSql both set). */
    bool hasStage() const { return !stageSql.trimmed().isEmpty() && !periodSql.trimmed().isEmpty(); }
    /** The stage table of the KPI with key: "kpi.gross-margin" → kpi_gross_margin__stage. */
    static QString stageTable(const QString &key);

    /** The factor targets of an additive KPI are multiplied by at grain (month = 1). */
    double targetScale(KpiGrain at) const;

    QJsonObject toJson() const;
    static KpiDefinition fromJson(const QJsonObject &o);
    bool operator==(const KpiDefinition &) const = default;
};

/** The six KPIs Messy Inc.'s managers asked for, from resources/demo/kpi-definitions.json. */
QList<KpiDefinition> defaultKpiDefinitions();

} // namespace Mesh
