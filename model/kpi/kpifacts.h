// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace Mesh {

/**
 * Large KPI fact tables for scale tests: the Messy Inc. demo catalog whose nine KPI input
 * products point at generated CSV files (same column names as the demo samples, so the six
 * KPI definitions run unchanged) holding `rows` rows between them. Deterministic per seed.
 */
struct KpiFacts
{
    /** The share of the rows each input gets, and its CSV file name. */
    struct Table
    {
        QString productKey;
        QString file;
        double share;
    };
    static QList<Table> tables();

    /**
     * Writes the demo catalog to catalogPath (refusing an existing file) and the CSVs into its
     * samples folder under kpi-facts/, then points the input products' datasets at them.
     * progress gets rows written so far; returning false from it cancels.
     */
    static bool write(const QString &catalogPath, qint64 rows, quint64 seed,
                      const std::function<bool(qint64 done, qint64 total)> &progress,
                      QString *error);
    /** Where write() puts the CSV of an input product. */
    static QString csvPath(const QString &catalogPath, const QString &productKey);
};

} // namespace Mesh
