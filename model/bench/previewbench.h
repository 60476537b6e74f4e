// SPDX-License-Identifier: MIT
#pragma once

#include "bench/benchreport.h"

#include <QString>

namespace Mesh {

/**
 * `meshctl bench preview`: writes a large CSV (sizeMb), a 1,000-column CSV, a large NDJSON file
 * and a large API envelope (`{"results": [...]}`) into dir and measures the preview's reader on
 * each: time to the first screen (open, read rows 1–200 and decode the cells of their first
 * kScreenColumns columns, against `head -n 200` on the same file in the same run), full index
 * time, time to reach row 10,000,000 once indexed (or the last row of a smaller file), peak RSS
 * while the case ran, and the process's peak RSS.
 */
class PreviewBench
{
public:
    struct Options
    {
        qint64 sizeMb = 2048;
        qint64 ndjsonMb = 512;   // 0: no NDJSON case
        qint64 envelopeMb = 256; // 0: no envelope case
        int wideColumns = 1000;
        int wideRows = 20000;
        int repeats = 5;
    };

    /** Writes rows of ~100 bytes (8 columns) until the file has at least bytes; false on error. */
    static bool writeLongCsv(const QString &path, qint64 bytes, qint64 *rows);
    static bool writeWideCsv(const QString &path, int columns, int rows);
    /** Writes nested JSON records of ~200 bytes, one a line, as NDJSON or inside an envelope. */
    static bool writeJsonRecords(const QString &path, qint64 bytes, bool envelope, qint64 *rows);

    /** Columns a first screen shows, decoded in the first-screen timing. */
    static constexpr int kScreenColumns = 30;

    /** Runs everything; progress lines go to log (may be null). False with *problem on error. */
    static bool run(const QString &dir, const Options &options, BenchReport &report,
                    const std::function<void(const QString &)> &log, QString *problem);
};

} // namespace Mesh
