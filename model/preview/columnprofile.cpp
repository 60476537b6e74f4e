// SPDX-License-Identifier: MIT
#include "preview/columnprofile.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <bit>
#include <cmath>

namespace Mesh {

namespace {

quint64 mix(quint64 x)
{
    // splitmix64 finaliser: spreads qHash's bits evenly over the registers and the rank
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

double toNumber(const QString &v, QChar decimal, bool *ok)
{
    if (decimal == QLatin1Char(','))
        return QString(v).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(ok);
    return v.toDouble(ok);
}

QString numberText(double d)
{
    if (d == std::floor(d) && std::abs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 6);
}

} // namespace

HyperLogLog::HyperLogLog(int precision)
    : m_precision(precision), m_registers(size_t(1) << precision, 0)
{
}

void HyperLogLog::add(const QString &value)
{
    addHash(mix(qHash(value, 0x5eed)));
}

void HyperLogLog::addHash(quint64 hash)
{
    const quint64 index = hash >> (64 - m_precision);
    const quint64 rest = (hash << m_precision) | (quint64(1) << (m_precision - 1));
    const quint8 rank = quint8(std::countl_zero(rest) + 1);
    quint8 &r = m_registers[size_t(index)];
    r = std::max(r, rank);
}

double HyperLogLog::estimate() const
{
    const double m = double(m_registers.size());
    double sum = 0;
    int zeros = 0;
    for (const quint8 r : m_registers) {
        sum += std::ldexp(1.0, -int(r));
        zeros += r == 0;
    }
    const double alpha = 0.7213 / (1.0 + 1.079 / m);
    double e = alpha * m * m / sum;
    if (e <= 2.5 * m && zeros > 0)
        e = m * std::log(m / double(zeros)); // linear counting for small cardinalities
    return e;
}

QString ColumnProfiler::valueType(const QString &value, QChar decimal)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return {};
    if (v.compare(u"true", Qt::CaseInsensitive) == 0 || v.compare(u"false", Qt::CaseInsensitive) == 0)
        return QStringLiteral("boolean");
    bool ok = false;
    v.toLongLong(&ok);
    if (ok)
        return QStringLiteral("integer");
    toNumber(v, decimal, &ok);
    if (ok && !v.contains(QLatin1Char(' ')) && v.compare(u"nan", Qt::CaseInsensitive) != 0 &&
        !v.contains(u"inf", Qt::CaseInsensitive))
        return QStringLiteral("decimal");
    if (v.size() == 10 && QDate::fromString(v, Qt::ISODate).isValid())
        return QStringLiteral("date");
    if (v.size() >= 16 && v.size() <= 35 && v.at(4) == QLatin1Char('-') &&
        (v.at(10) == QLatin1Char('T') || v.at(10) == QLatin1Char(' '))) {
        QString iso = v;
        iso[10] = QLatin1Char('T');
        if (QDateTime::fromString(iso, Qt::ISODateWithMs).isValid() ||
            QDateTime::fromString(iso, Qt::ISODate).isValid())
            return QStringLiteral("timestamp");
    }
    return QStringLiteral("string");
}

ColumnProfile ColumnProfiler::profile(const QString &column, const QStringList &values,
                                      QChar decimal, qsizetype maxTracked)
{
    ColumnProfile p;
    p.column = column;
    p.count = values.size();
    const bool useHll = values.size() > maxTracked;
    QHash<QString, qint64> counts;
    HyperLogLog hll;
    QSet<QString> types;
    for (const QString &v : values) {
        if (v.isNull()) {
            ++p.nulls;
            continue;
        }
        if (useHll)
            hll.add(v);
        auto it = counts.find(v);
        if (it != counts.end())
            ++*it;
        else if (counts.size() < maxTracked)
            counts.insert(v, 1);
        else
            p.topValuesExact = false;
        const QString t = valueType(v, decimal);
        if (!t.isEmpty())
            types.insert(t);
    }
    // Exact while every distinct value fits in the tracking table, HyperLogLog beyond it.
    p.distinctExact = p.topValuesExact;
    p.distinct = p.distinctExact ? counts.size() : qint64(std::llround(hll.estimate()));
    if (types.isEmpty())
        p.inferredType = p.count == p.nulls ? QStringLiteral("empty") : QStringLiteral("string");
    else if (types.size() == 1)
        p.inferredType = *types.begin();
    else if (types == QSet<QString>{QStringLiteral("integer"), QStringLiteral("decimal")})
        p.inferredType = QStringLiteral("decimal");
    else if (types == QSet<QString>{QStringLiteral("date"), QStringLiteral("timestamp")})
        p.inferredType = QStringLiteral("timestamp");
    else
        p.inferredType = QStringLiteral("string");

    QList<ProfileBar> top;
    top.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        top.append({it.key(), it.value()});
    std::sort(top.begin(), top.end(), [](const ProfileBar &a, const ProfileBar &b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
    p.topValues = top.mid(0, 10);

    const bool numeric = p.inferredType == u"integer" || p.inferredType == u"decimal";
    if (numeric) {
        std::vector<double> nums;
        for (const QString &v : values) {
            bool ok = false;
            const double d = toNumber(v.trimmed(), decimal, &ok);
            if (!v.isNull() && ok)
                nums.push_back(d);
        }
        if (!nums.empty()) {
            const auto [lo, hi] = std::minmax_element(nums.begin(), nums.end());
            const double mn = *lo;
            const double mx = *hi;
            p.min = numberText(mn);
            p.max = numberText(mx);
            const int bins = mn == mx ? 1 : 10;
            const double width = (mx - mn) / bins;
            QList<qint64> counted(bins, 0);
            for (const double d : nums)
                ++counted[std::min(bins - 1, width > 0 ? int((d - mn) / width) : 0)];
            for (int b = 0; b < bins; ++b)
                p.histogram.append({QStringLiteral("%1–%2").arg(numberText(mn + b * width),
                                                                numberText(mn + (b + 1) * width)),
                                    counted.at(b)});
        }
    } else {
        bool any = false;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.key().isEmpty())
                continue;
            if (!any || it.key() < p.min)
                p.min = it.key();
            if (!any || it.key() > p.max)
                p.max = it.key();
            any = true;
        }
    }
    return p;
}

} // namespace Mesh
