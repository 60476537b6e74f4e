// SPDX-License-Identifier: MIT
#include "bench/previewbench.h"

#include "preview/samplereader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <sys/resource.h>

namespace Mesh {

namespace {

void appendNumber(QByteArray &b, quint64 n)
{
    char tmp[24];
    int i = 0;
    do {
        tmp[i++] = char('0' + n % 10);
        n /= 10;
    } while (n);
    while (i)
        b.append(tmp[--i]);
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

/** Resets the kernel's peak-RSS mark (VmHWM) so that each case gets its own; false if unable. */
bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

/** VmHWM: peak RSS since the last resetPeakRss(), in MiB; -1 when unknown. */
double casePeakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

/** Median ms of opening path and reading its first 200 rows, as the preview's first screen. */
double firstRowsMs(const QString &path, int repeats, QString *problem)
{
    QList<double> runs;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        PreviewError error;
        auto reader = SampleReader::openFile(path, {}, &error);
        if (!reader) {
            *problem = error.toString();
            return -1;
        }
        QList<SampleRow> rows;
        reader->readRows(0, 200, &rows);
        // What a first screen decodes: the cells of the columns in sight, not all of them.
        const qsizetype columns = std::min<qsizetype>(reader->columns().size(), PreviewBench::kScreenColumns);
        qsizetype chars = 0;
        for (const SampleRow &row : std::as_const(rows))
            for (qsizetype c = 0; c < columns; ++c)
                chars += row.cell(c).size();
        const double elapsed = ms(t);
        if (chars == 0) {
            *problem = QStringLiteral("%1: the first screen is empty").arg(path);
            return -1;
        }
        if (rows.size() != 200) {
            *problem = QStringLiteral("%1: only %2 rows on the first screen").arg(path).arg(rows.size());
            return -1;
        }
        runs << elapsed;
    }
    return percentile(runs, 50);
}

/** Median ms of `head -n 200 path` writing to a pipe this process reads. */
double headMs(const QString &path, int repeats)
{
    QList<double> runs;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("head"), {QStringLiteral("-n"), QStringLiteral("200"), path});
        p.waitForFinished(30000);
        p.readAllStandardOutput();
        runs << ms(t);
    }
    return percentile(runs, 50);
}

} // namespace

bool PreviewBench::writeLongCsv(const QString &path, qint64 bytes, qint64 *rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    static const char *const countries[] = {"United Kingdom", "Mexico", "Germany", "United States",
                                            "Japan", "Brazil", "South Africa", "India"};
    static const char *const status[] = {"open", "won", "lost", "on hold"};
    QByteArray buf = "id,email,amount,close_date,country,status,quantity,note\n";
    qint64 total = 0;
    qint64 n = 0;
    quint64 x = 88172645463325252ULL;
    while (total + buf.size() < bytes) {
        for (int k = 0; k < 20000; ++k) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ++n;
            appendNumber(buf, quint64(n));
            buf.append(",user");
            appendNumber(buf, x % 1000000);
            buf.append("@example.com,");
            appendNumber(buf, x % 100000);
            buf.append('.');
            appendNumber(buf, 10 + x % 90);
            buf.append(",2026-");
            appendNumber(buf, 10 + x % 3);
            buf.append("-1");
            appendNumber(buf, x % 10);
            buf.append(',');
            buf.append(countries[x % 8]);
            buf.append(',');
            buf.append(status[(x >> 8) % 4]);
            buf.append(',');
            appendNumber(buf, (x >> 16) % 500);
            buf.append((x >> 20) % 16 == 0 ? ",\"late, needs a call\"\n" : ",\n");
        }
        if (f.write(buf) != buf.size())
            return false;
        total += buf.size();
        buf.clear();
    }
    *rows = n;
    return f.flush();
}

bool PreviewBench::writeWideCsv(const QString &path, int columns, int rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray line;
    for (int c = 0; c < columns; ++c) {
        line.append("col_");
        appendNumber(line, quint64(c));
        line.append(c + 1 < columns ? ',' : '\n');
    }
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            appendNumber(line, quint64(r * 7 + c * 13) % 100000);
            line.append(c + 1 < columns ? ',' : '\n');
        }
        if (line.size() > (4 << 20)) {
            if (f.write(line) != line.size())
                return false;
            line.clear();
        }
    }
    return f.write(line) == line.size() && f.flush();
}

bool PreviewBench::writeJsonRecords(const QString &path, qint64 bytes, bool envelope, qint64 *rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    static const char *const countries[] = {"United Kingdom", "Mexico", "Germany", "United States",
                                            "Japan", "Brazil", "South Africa", "India"};
    static const char *const stages[] = {"lead", "qualified", "customer", "churned"};
    QByteArray buf = envelope ? "{\"total\": null, \"results\": [\n" : "";
    qint64 total = 0;
    qint64 n = 0;
    quint64 x = 88172645463325252ULL;
    while (total + buf.size() < bytes) {
        for (int k = 0; k < 10000; ++k) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if (envelope && n > 0)
                buf.append(",\n");
            ++n;
            buf.append("{\"id\": ");
            appendNumber(buf, quint64(n));
            buf.append(", \"properties\": {\"email\": \"user");
            appendNumber(buf, x % 1000000);
            buf.append("@example.com\", \"lifecyclestage\": \"");
            buf.append(stages[(x >> 4) % 4]);
            buf.append("\", \"amount\": ");
            appendNumber(buf, x % 100000);
            buf.append('.');
            appendNumber(buf, 10 + x % 90);
            buf.append(", \"address\": {\"country\": \"");
            buf.append(countries[x % 8]);
            buf.append("\", \"zip\": \"");
            appendNumber(buf, 10000 + (x >> 12) % 90000);
            buf.append("\"}}, \"archived\": ");
            buf.append((x >> 20) % 9 == 0 ? "true" : "false");
            buf.append(", \"tags\": [\"t");
            appendNumber(buf, (x >> 24) % 50);
            buf.append("\"]}");
            if (!envelope)
                buf.append('\n');
        }
        if (f.write(buf) != buf.size())
            return false;
        total += buf.size();
        buf.clear();
    }
    if (envelope)
        buf.append("\n], \"paging\": {\"next\": null}}\n");
    *rows = n;
    return f.write(buf) == buf.size() && f.flush();
}

bool PreviewBench::run(const QString &dir, const Options &options, BenchReport &report,
                       const std::function<void(const QString &)> &log, QString *problem)
{
    const auto say = [&](const QString &s) {
        if (log)
            log(s);
    };
    const QString longPath = dir + QStringLiteral("/long.csv");
    const QString widePath = dir + QStringLiteral("/wide.csv");
    qint64 longRows = 0;
    say(QStringLiteral("writing %1 MB CSV…").arg(options.sizeMb));
    if (!writeLongCsv(longPath, options.sizeMb << 20, &longRows)) {
        *problem = QStringLiteral("cannot write %1").arg(longPath);
        return false;
    }
    say(QStringLiteral("writing %1-column CSV…").arg(options.wideColumns));
    if (!writeWideCsv(widePath, options.wideColumns, options.wideRows)) {
        *problem = QStringLiteral("cannot write %1").arg(widePath);
        return false;
    }
    const QString longCase = QStringLiteral("%1 MB CSV, %2 rows").arg(options.sizeMb).arg(longRows);
    const QString wideCase = QStringLiteral("%1 columns x %2 rows").arg(options.wideColumns).arg(options.wideRows);
    QList<std::pair<QString, QString>> cases{{longPath, longCase}, {widePath, wideCase}};
    for (const bool envelope : {false, true}) {
        const qint64 mb = envelope ? options.envelopeMb : options.ndjsonMb;
        if (mb <= 0)
            continue;
        const QString path = dir + (envelope ? QStringLiteral("/envelope.json") : QStringLiteral("/records.ndjson"));
        qint64 rows = 0;
        say(QStringLiteral("writing %1 MB %2…").arg(mb).arg(envelope ? QStringLiteral("JSON envelope") : QStringLiteral("NDJSON")));
        if (!writeJsonRecords(path, mb << 20, envelope, &rows)) {
            *problem = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        cases.append({path, QStringLiteral("%1 MB %2, %3 rows")
                                .arg(mb)
                                .arg(envelope ? QStringLiteral("JSON results[]") : QStringLiteral("NDJSON"))
                                .arg(rows)});
    }

    double highest = peakRssMiB(); // writing the files
    for (const auto &[path, caseName] : std::as_const(cases)) {
        highest = std::max(highest, peakRssMiB());
        const bool ownPeak = resetPeakRss();
        say(QStringLiteral("first rows of %1…").arg(caseName));
        const double head = headMs(path, options.repeats); // also warms the page cache
        const double first = firstRowsMs(path, options.repeats, problem);
        if (first < 0)
            return false;
        BenchResult r;
        r.caseName = caseName;
        r.metric = QStringLiteral("first 200 rows (median of %1)").arg(options.repeats);
        r.value = first;
        r.unit = QStringLiteral("ms");
        r.target = QStringLiteral("<= 50");
        r.peer = QStringLiteral("head -n 200");
        r.peerValue = head;
        r.ratio = head / first;
        r.met = first <= 50.0;
        report.add(r);
        // The second first-screen target: at most 3x head on the same file.
        BenchResult vsHead;
        vsHead.caseName = caseName;
        vsHead.metric = QStringLiteral("first 200 rows / head -n 200");
        vsHead.value = first / head;
        vsHead.unit = QStringLiteral("x");
        vsHead.target = QStringLiteral("<= 3");
        vsHead.met = first <= 3.0 * head;
        report.add(vsHead);

        say(QStringLiteral("indexing %1…").arg(caseName));
        PreviewError error;
        auto reader = SampleReader::openFile(path, {}, &error);
        if (!reader) {
            *problem = error.toString();
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (reader->indexMore(1000)) {
        }
        report.addTime(caseName, QStringLiteral("full index"), ms(t) / 1000.0, QStringLiteral("s"));
        if (reader->error()) {
            *problem = reader->error().toString();
            return false;
        }
        const qint64 target = std::min<qint64>(10000000, reader->rowCount()) - 1;
        t.restart();
        QList<SampleRow> rows;
        reader->readRows(target, 50, &rows);
        const double reach = ms(t);
        if (rows.isEmpty()) {
            *problem = QStringLiteral("row %1 could not be read").arg(target + 1);
            return false;
        }
        report.addTime(caseName, QStringLiteral("reach row %L1 after indexing").arg(target + 1),
                       reach, QStringLiteral("ms"), 100.0);
        reader.reset();
        if (ownPeak) {
            BenchResult peak;
            peak.caseName = caseName;
            peak.metric = QStringLiteral("peak RSS of this case");
            peak.value = casePeakRssMiB();
            peak.unit = QStringLiteral("MiB");
            report.add(peak);
        }
    }
    highest = std::max(highest, peakRssMiB());
    BenchResult rss;
    rss.caseName = QStringLiteral("whole run");
    rss.metric = QStringLiteral("peak RSS");
    rss.value = highest; // resetPeakRss() resets the kernel's own whole-run figure too
    rss.unit = QStringLiteral("MiB");
    report.add(rss);
    return true;
}

} // namespace Mesh
