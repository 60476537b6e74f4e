// SPDX-License-Identifier: MIT
#pragma once

#include "bench/benchreport.h"

#include <QString>

namespace Mesh {

/**
 * `meshctl bench preview`: writes a large CSV (sizeMb) and a 1,000-column CSV into dir and
 * measures the preview's reader on them: time to the first 200 rows (against `head -n 200` on
 * the same file in the same run), full index time, time to reach row 10,000,000 once indexed
 * (or the last row of a smaller file), and the process's peak RSS.
 */
class PreviewBench
{
public:
    struct Options
    {
        qint64 sizeMb = 2048;
        int wideColumns = 1000;
        int wideRows = 20000;
        int repeats = 5;
    };

    /** Writes rows of ~100 bytes (8 columns) until the file has at least bytes; false on error. */
    static bool writeLongCsv(const QString &path, qint64 bytes, qint64 *rows);
    static bool writeWideCsv(const QString &path, int columns, int rows);

    /** Runs everything; progress lines go to log (may be null). False with *problem on error. */
    static bool run(const QString &dir, const Options &options, BenchReport &report,
                    const std::function<void(const QString &)> &log, QString *problem);
};

} // namespace Mesh
