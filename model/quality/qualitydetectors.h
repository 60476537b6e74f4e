// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "quality/qualityalert.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace Mesh {

/** A sample read whole into memory: column names and rows of cells (null QString = missing). */
struct SampleTable
{
    QStringList columns;
    QList<QStringList> rows;
    bool truncated = false; // more rows than the reader was allowed to read
    QString error;          // why the sample could not be read; empty when it was

    int columnIndex(const QString &name) const { return int(columns.indexOf(name)); }
    /** Reads a sample through the preview readers (CSV, JSON, NDJSON, SQLite). */
    static SampleTable read(const QString &location, int maxRows = 200000);
};

/** A column as a schema snapshot records it: name and logical type. */
struct SnapshotColumn
{
    QString name;
    QString type;
    bool operator==(const SnapshotColumn &) const = default;
};

/**
 * The quality detectors, each a pure function of its inputs so that it can be tested on crafted
 * data. Thresholds are the documented constants below.
 */
namespace QualityDetectors {

/** A product without a freshness SLA that has not changed for this long is reported stale. */
constexpr int kNoSlaStaleDays = 540;
/** Null-rate spike: the last quarter of the rows against the first three quarters. */
constexpr int kNullSpikeMinRows = 40;
constexpr double kNullSpikeMinIncrease = 0.30;
constexpr double kNullSpikeMinRecentRate = 0.40;

/** Late (updated longer ago than the SLA) or abandoned (no SLA, kNoSlaStaleDays unchanged). */
std::optional<QualityFinding> freshness(const Product &product, const QDateTime &now);
/**
 * Days missing from a daily series: the first column declared `date` whose values are ISO dates
 * a day apart (median gap); plus rows loaded (loaded_at) later than the SLA after their day.
 */
std::optional<QualityFinding> missingDays(const QString &productKey, const Dataset &dataset,
                                          const SampleTable &sample, int slaHours);
/** Exact duplicate rows, and duplicate values of the key columns when there are any. */
std::optional<QualityFinding> duplicates(const QString &productKey, const QString &datasetName,
                                         const SampleTable &sample, const QStringList &keyColumns);
/** The key of a dataset when the contract gives none: a first column named id, key or *_id. */
QStringList guessKeyColumns(const Dataset &dataset, const SampleTable &sample);
/** The logical type the values of one column have: integer, decimal, date, timestamp, boolean or
 * string. */
QString inferType(const SampleTable &sample, int column);
/** Declared schema against the sample's columns: added, removed, type changed. */
std::optional<QualityFinding> declaredDrift(const QString &productKey, const Dataset &dataset,
                                            const SampleTable &sample);
/** The columns of a sample with inferred types, as a snapshot records them. */
QList<SnapshotColumn> snapshotOf(const SampleTable &sample);
/** Two recorded snapshots of one dataset: added, removed, type changed. */
std::optional<QualityFinding> snapshotDrift(const QString &productKey, const QString &datasetName,
                                            const QList<SnapshotColumn> &before,
                                            const QList<SnapshotColumn> &after,
                                            const QDateTime &beforeAt);
/** Columns whose share of missing values jumps in the most recent rows. */
QList<QualityFinding> nullSpikes(const QString &productKey, const QString &datasetName,
                                 const SampleTable &sample);

/** Whether a declared catalog type accepts values of an inferred type. */
bool typeAccepts(const QString &declared, const QString &inferred);

} // namespace QualityDetectors
} // namespace Mesh
