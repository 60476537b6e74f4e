// SPDX-License-Identifier: MIT
#include "quality/qualitydetectors.h"

#include "preview/samplereader.h"

#include <QCryptographicHash>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Mesh {

SampleTable SampleTable::read(const QString &location, int maxRows)
{
    SampleTable table;
    if (location.isEmpty()) {
        table.error = QStringLiteral("the dataset has no sample location");
        return table;
    }
    PreviewError error;
    ReaderOptions options;
    std::unique_ptr<SampleReader> reader = SampleReader::open(location, options, &error);
    if (!reader) {
        table.error = error.toString();
        return table;
    }
    while (!reader->isComplete() && reader->rowCount() < maxRows && reader->indexMore(200)) {
    }
    table.columns = reader->columns();
    const qint64 count = std::min<qint64>(reader->rowCount(), maxRows);
    table.truncated = !reader->isComplete();
    QList<SampleRow> rows;
    if (!reader->readRows(0, count, &rows)) {
        table.error =
            reader->error() ? reader->error().toString() : QStringLiteral("reading rows failed");
        return table;
    }
    table.rows.reserve(rows.size());
    for (const SampleRow &r : rows)
        table.rows.append(r.cells());
    if (table.rows.isEmpty() && reader->error())
        table.error = reader->error().toString();
    return table;
}

namespace QualityDetectors {

namespace {

using Kind = QualityFinding::Kind;

QualityFinding finding(const QString &productKey, Kind kind, const QString &fingerprint,
                       const QString &title, const QString &detail,
                       const QString &severity = QStringLiteral("warning"))
{
    QualityFinding f;
    f.productKey = productKey;
    f.kind = kind;
    f.fingerprint = fingerprint;
    f.title = title;
    f.detail = detail;
    f.severity = severity;
    return f;
}

QString age(qint64 secs)
{
    const qint64 days = secs / 86400;
    const qint64 hours = (secs % 86400) / 3600;
    if (days == 0)
        return QStringLiteral("%1 h").arg(hours);
    return hours == 0 ? QStringLiteral("%1 d").arg(days)
                      : QStringLiteral("%1 d %2 h").arg(days).arg(hours);
}

bool isMissing(const QString &cell)
{
    return cell.isNull() || cell.trimmed().isEmpty() ||
           cell.compare(QStringLiteral("null"), Qt::CaseInsensitive) == 0;
}

QDate parseDay(const QString &text)
{
    return QDate::fromString(text.left(10), Qt::ISODate);
}

QString listSome(const QStringList &items, int max = 5)
{
    QStringList shown = items.mid(0, max);
    if (items.size() > max)
        shown.append(QStringLiteral("… (%1 more)").arg(items.size() - max));
    return shown.join(QStringLiteral(", "));
}

const QRegularExpression &re(const char *pattern)
{
    // A few fixed patterns; a small cache keyed by the literal's address.
    thread_local QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QString::fromLatin1(pattern)));
    return *it;
}

} // namespace

std::optional<QualityFinding> freshness(const Product &p, const QDateTime &now)
{
    if (p.freshnessSlaHours > 0) {
        if (!p.updatedAt.isValid())
            return finding(p.key, Kind::Missing, QStringLiteral("freshness"),
                           QStringLiteral("No data: never updated"),
                           QStringLiteral("The freshness SLA is %1 h but the product has no "
                                          "recorded update.")
                               .arg(p.freshnessSlaHours),
                           QStringLiteral("critical"));
        const qint64 secs = p.updatedAt.secsTo(now);
        if (secs > qint64(p.freshnessSlaHours) * 3600) {
            const bool critical = secs > qint64(p.freshnessSlaHours) * 3600 * 2;
            return finding(
                p.key, Kind::Missing, QStringLiteral("freshness"),
                QStringLiteral("Late: last update %1 ago, SLA %2 h")
                    .arg(age(secs))
                    .arg(p.freshnessSlaHours),
                QStringLiteral("Last update %1 UTC; the freshness SLA of %2 h was "
                               "breached by %3.")
                    .arg(p.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                    .arg(p.freshnessSlaHours)
                    .arg(age(secs - qint64(p.freshnessSlaHours) * 3600)),
                critical ? QStringLiteral("critical") : QStringLiteral("warning"));
        }
        return std::nullopt;
    }
    if (p.updatedAt.isValid() && p.updatedAt.daysTo(now) > kNoSlaStaleDays)
        return finding(p.key, Kind::Missing, QStringLiteral("stale"),
                       QStringLiteral("Stale: no update for %1 days").arg(p.updatedAt.daysTo(now)),
                       QStringLiteral("Last update %1 UTC; the product has no freshness SLA and "
                                      "has not changed for more than %2 days.")
                           .arg(p.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")))
                           .arg(kNoSlaStaleDays));
    return std::nullopt;
}

std::optional<QualityFinding> missingDays(const QString &productKey, const Dataset &dataset,
                                          const SampleTable &sample, int slaHours)
{
    int dateCol = -1;
    for (const Column &c : dataset.columns) {
        if (c.type != QStringLiteral("date"))
            continue;
        const int idx = sample.columnIndex(c.name);
        if (idx < 0)
            continue;
        int parsed = 0;
        int seen = 0;
        for (const QStringList &row : sample.rows) {
            if (seen >= 50)
                break;
            const QString cell = row.value(idx);
            if (isMissing(cell))
                continue;
            ++seen;
            if (parseDay(cell).isValid())
                ++parsed;
        }
        if (seen > 0 && parsed == seen) {
            dateCol = idx;
            break;
        }
    }
    if (dateCol < 0)
        return std::nullopt;

    QSet<QDate> daySet;
    for (const QStringList &row : sample.rows) {
        const QDate d = parseDay(row.value(dateCol));
        if (d.isValid())
            daySet.insert(d);
    }
    QList<QDate> days(daySet.cbegin(), daySet.cend());
    std::sort(days.begin(), days.end());
    if (days.size() < 7)
        return std::nullopt;
    QList<qint64> gaps;
    for (qsizetype i = 1; i < days.size(); ++i)
        gaps.append(days[i - 1].daysTo(days[i]));
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    if (gaps[gaps.size() / 2] != 1)
        return std::nullopt; // not a daily series
    // A weekday missing in most weeks is a day the business is closed (plants stop on
    // Sundays), not missing data.
    int missingByWeekday[8] = {};
    int daysByWeekday[8] = {};
    for (QDate d = days.first(); d < days.last(); d = d.addDays(1)) {
        ++daysByWeekday[d.dayOfWeek()];
        if (!daySet.contains(d))
            ++missingByWeekday[d.dayOfWeek()];
    }
    QStringList closed;
    bool isClosed[8] = {};
    for (int w = 1; w <= 7; ++w) {
        if (daysByWeekday[w] >= 4 && missingByWeekday[w] >= 0.8 * daysByWeekday[w]) {
            isClosed[w] = true;
            closed.append(QLocale::c().dayName(w));
        }
    }
    QStringList missing;
    for (QDate d = days.first(); d < days.last(); d = d.addDays(1))
        if (!daySet.contains(d) && !isClosed[d.dayOfWeek()])
            missing.append(d.toString(Qt::ISODate));

    QStringList late;
    qint64 worst = 0;
    const int loadedCol = sample.columnIndex(QStringLiteral("loaded_at"));
    if (loadedCol >= 0 && slaHours > 0) {
        for (const QStringList &row : sample.rows) {
            const QDate d = parseDay(row.value(dateCol));
            QDateTime loaded = QDateTime::fromString(row.value(loadedCol), Qt::ISODate);
            if (!d.isValid() || !loaded.isValid())
                continue;
            const QDateTime due = QDateTime(d.addDays(1), QTime(0, 0), Qt::UTC);
            const qint64 delay = due.secsTo(loaded);
            if (delay > qint64(slaHours) * 3600) {
                late.append(d.toString(Qt::ISODate));
                worst = std::max(worst, delay);
            }
        }
    }
    if (missing.isEmpty() && late.isEmpty())
        return std::nullopt;
    QStringList parts;
    if (!missing.isEmpty())
        parts.append(QStringLiteral("%1 day(s) missing between %2 and %3: %4%5.")
                         .arg(missing.size())
                         .arg(days.first().toString(Qt::ISODate), days.last().toString(Qt::ISODate),
                              listSome(missing),
                              closed.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (%1 not counted: no data on most of them)")
                                        .arg(closed.join(QStringLiteral(", ")))));
    if (!late.isEmpty())
        parts.append(QStringLiteral("%1 day(s) loaded later than the %2 h SLA (worst %3 after "
                                    "the day ended): %4.")
                         .arg(late.size())
                         .arg(slaHours)
                         .arg(age(worst), listSome(late)));
    const QString title =
        !missing.isEmpty() && !late.isEmpty()
            ? QStringLiteral("%1 day(s) missing, %2 loaded late in %3")
                  .arg(missing.size())
                  .arg(late.size())
                  .arg(dataset.name)
        : !missing.isEmpty()
            ? QStringLiteral("%1 day(s) missing in %2").arg(missing.size()).arg(dataset.name)
            : QStringLiteral("%1 day(s) loaded late in %2").arg(late.size()).arg(dataset.name);
    return finding(productKey, Kind::Missing, QStringLiteral("missing-days:%1").arg(dataset.name),
                   title, parts.join(QLatin1Char(' ')));
}

QStringList guessKeyColumns(const Dataset &dataset, const SampleTable &sample)
{
    const QString first =
        !dataset.columns.isEmpty() ? dataset.columns.first().name : sample.columns.value(0);
    const QString lower = first.toLower();
    if (lower == QStringLiteral("id") || lower == QStringLiteral("key") ||
        lower == QStringLiteral("gsid"))
        return {first};
    return {};
}

std::optional<QualityFinding> duplicates(const QString &productKey, const QString &datasetName,
                                         const SampleTable &sample, const QStringList &keyColumns)
{
    QHash<QByteArray, int> rowCounts;
    QStringList examples;
    int duplicateRows = 0;
    for (const QStringList &row : sample.rows) {
        QCryptographicHash h(QCryptographicHash::Sha1);
        for (const QString &cell : row) {
            h.addData(cell.isNull() ? QByteArrayView("\x01N") : QByteArrayView("\x01V"));
            h.addData(cell.toUtf8());
        }
        int &n = rowCounts[h.result()];
        if (++n == 2) {
            ++duplicateRows;
            if (examples.size() < 3)
                examples.append(row.mid(0, 4).join(QStringLiteral(" | ")));
        } else if (n > 2) {
            ++duplicateRows;
        }
    }
    QList<int> keyIdx;
    for (const QString &k : keyColumns)
        if (sample.columnIndex(k) >= 0)
            keyIdx.append(sample.columnIndex(k));
    int duplicateKeys = 0;
    QStringList keyExamples;
    if (!keyIdx.isEmpty() && keyIdx.size() == keyColumns.size()) {
        QHash<QString, int> keys;
        for (const QStringList &row : sample.rows) {
            QStringList parts;
            bool missing = false;
            for (int i : keyIdx) {
                missing = missing || isMissing(row.value(i));
                parts.append(row.value(i));
            }
            if (missing)
                continue;
            const QString k = parts.join(QChar(0x1f));
            if (++keys[k] == 2) {
                ++duplicateKeys;
                if (keyExamples.size() < 5)
                    keyExamples.append(parts.join(QStringLiteral("/")));
            }
        }
    }
    if (duplicateRows == 0 && duplicateKeys == 0)
        return std::nullopt;
    QStringList parts;
    if (duplicateRows > 0)
        parts.append(QStringLiteral("%1 of %2 rows are exact copies of an earlier row (e.g. %3).")
                         .arg(duplicateRows)
                         .arg(sample.rows.size())
                         .arg(examples.join(QStringLiteral("; "))));
    if (duplicateKeys > 0)
        parts.append(QStringLiteral("%1 value(s) of the key %2 occur more than once: %3.")
                         .arg(duplicateKeys)
                         .arg(keyColumns.join(QStringLiteral(" + ")), listSome(keyExamples)));
    const QString title =
        duplicateKeys > 0 && duplicateRows == 0
            ? QStringLiteral("%1 duplicate key(s) in %2").arg(duplicateKeys).arg(datasetName)
            : QStringLiteral("%1 duplicate row(s) in %2").arg(duplicateRows).arg(datasetName);
    return finding(productKey, Kind::Duplicate, QStringLiteral("duplicate:%1").arg(datasetName),
                   title, parts.join(QLatin1Char(' ')));
}

QString inferType(const SampleTable &sample, int column)
{
    bool allBool = true, allInt = true, allNum = true, allDate = true, allTime = true;
    int seen = 0;
    for (const QStringList &row : sample.rows) {
        const QString cell = row.value(column).trimmed();
        if (isMissing(cell))
            continue;
        if (++seen > 2000)
            break;
        const QString lower = cell.toLower();
        if (allBool && !(lower == QStringLiteral("true") || lower == QStringLiteral("false") ||
                         lower == QStringLiteral("t") || lower == QStringLiteral("f") ||
                         lower == QStringLiteral("y") || lower == QStringLiteral("n") ||
                         lower == QStringLiteral("yes") || lower == QStringLiteral("no")))
            allBool = false;
        if (allInt && !re("^[-+]?[0-9]+$").match(cell).hasMatch())
            allInt = false;
        if (allNum &&
            !re("^[-+]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][-+]?[0-9]+)?$").match(cell).hasMatch())
            allNum = false;
        const bool isDate = re("^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|"
                               "[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4})$")
                                .match(cell)
                                .hasMatch();
        if (allDate && !isDate)
            allDate = false;
        if (allTime && !isDate &&
            !re("^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?"
                "(Z|[+-][0-9]{2}:?[0-9]{2})?$")
                 .match(cell)
                 .hasMatch())
            allTime = false;
    }
    if (seen == 0)
        return {};
    if (allBool)
        return QStringLiteral("boolean");
    if (allInt)
        return QStringLiteral("integer");
    if (allNum)
        return QStringLiteral("decimal");
    if (allDate)
        return QStringLiteral("date");
    if (allTime)
        return QStringLiteral("timestamp");
    return QStringLiteral("string");
}

bool typeAccepts(const QString &declared, const QString &inferred)
{
    if (inferred.isEmpty() || declared.isEmpty() || declared == QStringLiteral("string") ||
        declared == QStringLiteral("json"))
        return true;
    if (declared == inferred)
        return true;
    if (declared == QStringLiteral("decimal"))
        return inferred == QStringLiteral("integer");
    if (declared == QStringLiteral("timestamp"))
        return inferred == QStringLiteral("date");
    if (declared == QStringLiteral("boolean"))
        return inferred == QStringLiteral("integer"); // 0/1 flags
    return false;
}

std::optional<QualityFinding> declaredDrift(const QString &productKey, const Dataset &dataset,
                                            const SampleTable &sample)
{
    QStringList removed, added, changed;
    QSet<QString> declared;
    for (const Column &c : dataset.columns) {
        declared.insert(c.name);
        const int idx = sample.columnIndex(c.name);
        if (idx < 0) {
            removed.append(c.name);
            continue;
        }
        const QString inferred = inferType(sample, idx);
        if (!typeAccepts(c.type, inferred))
            changed.append(
                QStringLiteral("%1 (declared %2, data is %3)").arg(c.name, c.type, inferred));
    }
    // JSON samples flatten objects into dotted paths: a declared `json` column covers the
    // fields inside it, and an object that is null in some records appears as its own column.
    auto covered = [&](const QString &column) {
        for (const QString &d : declared)
            if (column.startsWith(d + QLatin1Char('.')) || d.startsWith(column + QLatin1Char('.')))
                return true;
        return false;
    };
    for (const QString &c : sample.columns)
        if (!declared.contains(c) && !covered(c))
            added.append(c);
    if (removed.isEmpty() && added.isEmpty() && changed.isEmpty())
        return std::nullopt;
    QStringList parts;
    if (!removed.isEmpty())
        parts.append(QStringLiteral("Declared but not in the data: %1.").arg(listSome(removed)));
    if (!added.isEmpty())
        parts.append(QStringLiteral("In the data but not declared: %1.").arg(listSome(added)));
    if (!changed.isEmpty())
        parts.append(QStringLiteral("Type changed: %1.").arg(listSome(changed)));
    QStringList summary;
    if (!added.isEmpty())
        summary.append(QStringLiteral("%1 added").arg(added.size()));
    if (!removed.isEmpty())
        summary.append(QStringLiteral("%1 removed").arg(removed.size()));
    if (!changed.isEmpty())
        summary.append(QStringLiteral("%1 type changed").arg(changed.size()));
    return finding(productKey, Kind::Drift, QStringLiteral("drift:%1").arg(dataset.name),
                   QStringLiteral("Schema drift in %1: %2")
                       .arg(dataset.name, summary.join(QStringLiteral(", "))),
                   parts.join(QLatin1Char(' ')),
                   removed.isEmpty() && changed.isEmpty() ? QStringLiteral("warning")
                                                          : QStringLiteral("critical"));
}

QList<SnapshotColumn> snapshotOf(const SampleTable &sample)
{
    QList<SnapshotColumn> out;
    for (int i = 0; i < sample.columns.size(); ++i)
        out.append({sample.columns[i], inferType(sample, i)});
    return out;
}

std::optional<QualityFinding> snapshotDrift(const QString &productKey, const QString &datasetName,
                                            const QList<SnapshotColumn> &before,
                                            const QList<SnapshotColumn> &after,
                                            const QDateTime &beforeAt)
{
    QHash<QString, QString> was, now;
    for (const SnapshotColumn &c : before)
        was.insert(c.name, c.type);
    for (const SnapshotColumn &c : after)
        now.insert(c.name, c.type);
    QStringList added, removed, changed;
    for (const SnapshotColumn &c : after)
        if (!was.contains(c.name))
            added.append(c.name);
    for (const SnapshotColumn &c : before) {
        if (!now.contains(c.name))
            removed.append(c.name);
        else if (!c.type.isEmpty() && !now.value(c.name).isEmpty() && now.value(c.name) != c.type)
            changed.append(QStringLiteral("%1 (%2 → %3)").arg(c.name, c.type, now.value(c.name)));
    }
    if (added.isEmpty() && removed.isEmpty() && changed.isEmpty())
        return std::nullopt;
    QStringList parts;
    if (!added.isEmpty())
        parts.append(QStringLiteral("Added: %1.").arg(listSome(added)));
    if (!removed.isEmpty())
        parts.append(QStringLiteral("Removed: %1.").arg(listSome(removed)));
    if (!changed.isEmpty())
        parts.append(QStringLiteral("Type changed: %1.").arg(listSome(changed)));
    QByteArray key;
    for (const SnapshotColumn &c : after)
        key += c.name.toUtf8() + ':' + c.type.toUtf8() + ';';
    return finding(
        productKey, Kind::Drift,
        QStringLiteral("snapshot-drift:%1:%2")
            .arg(datasetName,
                 QString::fromLatin1(
                     QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12))),
        QStringLiteral("Schema changed in %1 since %2")
            .arg(datasetName, beforeAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        parts.join(QLatin1Char(' ')),
        removed.isEmpty() && changed.isEmpty() ? QStringLiteral("warning")
                                               : QStringLiteral("critical"));
}

QList<QualityFinding> nullSpikes(const QString &productKey, const QString &datasetName,
                                 const SampleTable &sample)
{
    QList<QualityFinding> out;
    const qsizetype n = sample.rows.size();
    if (n < kNullSpikeMinRows)
        return out;
    const qsizetype split = n - n / 4;
    for (int c = 0; c < sample.columns.size(); ++c) {
        qsizetype baseNull = 0, recentNull = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (isMissing(sample.rows[i].value(c)))
                ++(i < split ? baseNull : recentNull);
        }
        const double baseRate = double(baseNull) / double(split);
        const double recentRate = double(recentNull) / double(n - split);
        if (recentRate - baseRate >= kNullSpikeMinIncrease && recentRate >= kNullSpikeMinRecentRate)
            out.append(finding(
                productKey, Kind::NullSpike,
                QStringLiteral("null-spike:%1/%2").arg(datasetName, sample.columns[c]),
                QStringLiteral("Null rate of %1 jumped to %2%")
                    .arg(sample.columns[c])
                    .arg(qRound(recentRate * 100)),
                QStringLiteral("%1.%2 is missing in %3% of the latest %4 rows, against %5% of the "
                               "%6 rows before them.")
                    .arg(datasetName, sample.columns[c])
                    .arg(qRound(recentRate * 100))
                    .arg(n - split)
                    .arg(qRound(baseRate * 100))
                    .arg(split),
                recentRate >= 0.9 ? QStringLiteral("critical") : QStringLiteral("warning")));
    }
    return out;
}

} // namespace QualityDetectors
} // namespace Mesh
