// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Mesh {

/** One bar of a profile's chart: a numeric bin ("10–20") or a value with its count. */
struct ProfileBar
{
    QString label;
    qint64 count = 0;
};

/** What a column of the loaded sample looks like. Plain value, computed by profile(). */
struct ColumnProfile
{
    QString column;
    QString inferredType; // integer, decimal, boolean, date, timestamp, string, empty
    qint64 count = 0;     // values looked at
    qint64 nulls = 0;     // missing values (an empty string is not missing)
    qint64 distinct = 0;  // non-null distinct values
    bool distinctExact = true; // false: HyperLogLog estimate (about ±1 %)
    QString min;
    QString max;
    QList<ProfileBar> topValues; // most frequent first, up to 10
    bool topValuesExact = true;
    QList<ProfileBar> histogram; // numeric columns: 10 equal-width bins; otherwise empty

    double nullPercent() const { return count ? 100.0 * double(nulls) / double(count) : 0.0; }
};

/** A HyperLogLog distinct-count estimator with 2^precision registers (standard error 1.04/√m). */
class HyperLogLog
{
public:
    explicit HyperLogLog(int precision = 14);
    void add(const QString &value);
    void addHash(quint64 hash);
    double estimate() const;

private:
    int m_precision;
    std::vector<quint8> m_registers;
};

/** Profiles columns of sample values; stateless, usable on any thread. */
class ColumnProfiler
{
public:
    /**
     * Distinct values counted exactly (memory bound). A column with more distinct values than
     * this gets a HyperLogLog estimate, and its top values are those of the tracked ones.
     */
    static constexpr qsizetype kMaxTracked = 50000;

    static ColumnProfile profile(const QString &column, const QStringList &values,
                                 QChar decimalSeparator = QLatin1Char('.'),
                                 qsizetype maxTracked = kMaxTracked);
    /** The logical type of one value ("" for a null or empty one). */
    static QString valueType(const QString &value, QChar decimalSeparator = QLatin1Char('.'));
};

} // namespace Mesh
