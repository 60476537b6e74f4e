// SPDX-License-Identifier: MIT
#include "kpi/kpidefinition.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace Mesh {

namespace KpiPeriod {

QString grainName(KpiGrain grain)
{
    switch (grain) {
    case KpiGrain::Month:
        return QStringLiteral("month");
    case KpiGrain::Quarter:
        return QStringLiteral("quarter");
    case KpiGrain::Year:
        return QStringLiteral("year");
    }
    return {};
}

std::optional<KpiGrain> grainFromName(const QString &name)
{
    for (KpiGrain g : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year})
        if (grainName(g) == name)
            return g;
    return std::nullopt;
}

QString of(const QDate &date, KpiGrain grain)
{
    if (!date.isValid())
        return {};
    switch (grain) {
    case KpiGrain::Month:
        return date.toString(QStringLiteral("yyyy-MM"));
    case KpiGrain::Quarter:
        return QStringLiteral("%1-Q%2").arg(date.year()).arg((date.month() + 2) / 3);
    case KpiGrain::Year:
        return QString::number(date.year());
    }
    return {};
}

QDate first(const QString &period, KpiGrain grain)
{
    bool ok = false;
    const int year = period.left(4).toInt(&ok);
    if (!ok)
        return {};
    switch (grain) {
    case KpiGrain::Month: {
        static const QRegularExpression re(QStringLiteral("^\\d{4}-(\\d{2})$"));
        const auto m = re.match(period);
        return m.hasMatch() ? QDate(year, m.captured(1).toInt(), 1) : QDate();
    }
    case KpiGrain::Quarter: {
        static const QRegularExpression re(QStringLiteral("^\\d{4}-Q([1-4])$"));
        const auto m = re.match(period);
        return m.hasMatch() ? QDate(year, m.captured(1).toInt() * 3 - 2, 1) : QDate();
    }
    case KpiGrain::Year:
        return period.size() == 4 ? QDate(year, 1, 1) : QDate();
    }
    return {};
}

QDate last(const QString &period, KpiGrain grain)
{
    const QDate start = first(period, grain);
    if (!start.isValid())
        return {};
    const int months = grain == KpiGrain::Month ? 1 : grain == KpiGrain::Quarter ? 3 : 12;
    return start.addMonths(months).addDays(-1);
}

QString previous(const QString &period, KpiGrain grain)
{
    const QDate start = first(period, grain);
    return start.isValid() ? of(start.addDays(-1), grain) : QString();
}

QString expandMacro(const QString &sql, KpiGrain grain)
{
    static const QRegularExpression open(QStringLiteral("\\bPERIOD\\s*\\("),
                                         QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype pos = 0;
    while (true) {
        const auto m = open.match(sql, pos);
        if (!m.hasMatch())
            break;
        // Find the matching parenthesis, skipping string literals and quoted names.
        qsizetype i = m.capturedEnd();
        int depth = 1;
        QChar quote;
        for (; i < sql.size() && depth > 0; ++i) {
            const QChar c = sql.at(i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
            } else if (c == QLatin1Char('(')) {
                ++depth;
            } else if (c == QLatin1Char(')')) {
                --depth;
            }
        }
        if (depth != 0)
            break;
        const QString e = sql.mid(m.capturedEnd(), i - 1 - m.capturedEnd()).trimmed();
        QString expr;
        switch (grain) {
        case KpiGrain::Month:
            expr = QStringLiteral("substr(%1, 1, 7)").arg(e);
            break;
        case KpiGrain::Quarter:
            expr = QStringLiteral("(substr(%1, 1, 4) || '-Q' || ((CAST(substr(%1, 6, 2) AS INTEGER) "
                                  "+ 2) / 3))")
                       .arg(e);
            break;
        case KpiGrain::Year:
            expr = QStringLiteral("substr(%1, 1, 4)").arg(e);
            break;
        }
        out += sql.mid(pos, m.capturedStart() - pos) + expr;
        pos = i;
    }
    return out + sql.mid(pos);
}

} // namespace KpiPeriod

namespace KpiFormat {

QString value(std::optional<double> v, const QString &unit)
{
    if (!v)
        return QStringLiteral("—");
    const double x = *v;
    if (unit == QStringLiteral("ratio"))
        return QStringLiteral("%1 %").arg(x * 100.0, 0, 'f', 1);
    if (unit == QStringLiteral("USD")) {
        const double a = std::abs(x);
        const QString sign = x < 0 ? QStringLiteral("-") : QString();
        if (a >= 1e9)
            return QStringLiteral("%1$%2B").arg(sign).arg(a / 1e9, 0, 'f', 2);
        if (a >= 1e6)
            return QStringLiteral("%1$%2M").arg(sign).arg(a / 1e6, 0, 'f', 2);
        if (a >= 1e3)
            return QStringLiteral("%1$%2k").arg(sign).arg(a / 1e3, 0, 'f', 1);
        return QStringLiteral("%1$%2").arg(sign).arg(a, 0, 'f', 0);
    }
    if (unit == QStringLiteral("days"))
        return QStringLiteral("%1 d").arg(x, 0, 'f', 1);
    if (unit == QStringLiteral("count") && x == std::floor(x))
        return QLocale(QLocale::English).toString(qint64(x));
    return QLocale(QLocale::English).toString(x, 'f', 2);
}

QString change(std::optional<double> c, bool relative)
{
    if (!c)
        return {};
    const QString sign = *c > 0 ? QStringLiteral("+") : *c < 0 ? QStringLiteral("−") : QString();
    if (relative)
        return QStringLiteral("%1%2 %").arg(sign).arg(std::abs(*c) * 100.0, 0, 'f', 1);
    return QStringLiteral("%1%2 pp").arg(sign).arg(std::abs(*c) * 100.0, 0, 'f', 1);
}

} // namespace KpiFormat

QString KpiDefinition::stageTable(const QString &key)
{
    QString t;
    for (const QChar c : key)
        t += (c.isLetterOrNumber() && c.unicode() < 128) ? c.toLower() : QLatin1Char('_');
    if (t.isEmpty() || t.at(0).isDigit())
        t.prepend(QLatin1Char('t'));
    return t + QStringLiteral("__stage");
}

double KpiDefinition::targetScale(KpiGrain at) const
{
    if (!additive)
        return 1.0;
    const double months = [at] {
        switch (at) {
        case KpiGrain::Month:
            return 1.0;
        case KpiGrain::Quarter:
            return 3.0;
        case KpiGrain::Year:
            return 12.0;
        }
        return 1.0;
    }();
    const double base = grain == KpiGrain::Month ? 1.0 : grain == KpiGrain::Quarter ? 3.0 : 12.0;
    return months / base;
}

namespace {

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

std::optional<double> numberOrNothing(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

/** SQL may be stored as one string or, for readability in the JSON file, a list of lines. */
QString text(const QJsonValue &v)
{
    if (!v.isArray())
        return v.toString();
    QStringList lines;
    for (const QJsonValue &line : v.toArray())
        lines << line.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QJsonObject KpiDefinition::toJson() const
{
    return {{QStringLiteral("key"), key},
            {QStringLiteral("name"), name},
            {QStringLiteral("owner"), ownerId},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("description"), description},
            {QStringLiteral("inputs"), QJsonArray::fromStringList(inputs)},
            {QStringLiteral("sql"), sql},
            {QStringLiteral("breakdownSql"), breakdownSql},
            {QStringLiteral("breakdownLabel"), breakdownLabel},
            {QStringLiteral("rowsSql"), rowsSql},
            {QStringLiteral("stageSql"), stageSql},
            {QStringLiteral("periodSql"), periodSql},
            {QStringLiteral("secondaryLabel"), secondaryLabel},
            {QStringLiteral("secondaryUnit"), secondaryUnit},
            {QStringLiteral("target"), optionalNumber(target)},
            {QStringLiteral("green"), optionalNumber(green)},
            {QStringLiteral("amber"), optionalNumber(amber)},
            {QStringLiteral("higherIsBetter"), higherIsBetter},
            {QStringLiteral("additive"), additive},
            {QStringLiteral("grain"), KpiPeriod::grainName(grain)},
            {QStringLiteral("position"), position}};
}

KpiDefinition KpiDefinition::fromJson(const QJsonObject &o)
{
    KpiDefinition d;
    d.key = o.value(QStringLiteral("key")).toString();
    d.name = o.value(QStringLiteral("name")).toString();
    d.ownerId = o.value(QStringLiteral("owner")).toString();
    d.unit = o.value(QStringLiteral("unit")).toString();
    d.description = text(o.value(QStringLiteral("description")));
    for (const QJsonValue &v : o.value(QStringLiteral("inputs")).toArray())
        d.inputs << v.toString();
    d.sql = text(o.value(QStringLiteral("sql")));
    d.breakdownSql = text(o.value(QStringLiteral("breakdownSql")));
    d.breakdownLabel = o.value(QStringLiteral("breakdownLabel")).toString();
    d.rowsSql = text(o.value(QStringLiteral("rowsSql")));
    d.stageSql = text(o.value(QStringLiteral("stageSql")));
    d.periodSql = text(o.value(QStringLiteral("periodSql")));
    d.secondaryLabel = o.value(QStringLiteral("secondaryLabel")).toString();
    d.secondaryUnit = o.value(QStringLiteral("secondaryUnit")).toString();
    d.target = numberOrNothing(o.value(QStringLiteral("target")));
    d.green = numberOrNothing(o.value(QStringLiteral("green")));
    d.amber = numberOrNothing(o.value(QStringLiteral("amber")));
    d.higherIsBetter = o.value(QStringLiteral("higherIsBetter")).toBool(true);
    d.additive = o.value(QStringLiteral("additive")).toBool(false);
    d.grain = KpiPeriod::grainFromName(o.value(QStringLiteral("grain")).toString())
                  .value_or(KpiGrain::Month);
    d.position = o.value(QStringLiteral("position")).toInt();
    return d;
}

QList<KpiDefinition> defaultKpiDefinitions()
{
    QFile f(QStringLiteral(":/demo/kpi-definitions.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<KpiDefinition> out;
    const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("kpis")).toArray();
    for (const QJsonValue &v : list)
        out << KpiDefinition::fromJson(v.toObject());
    return out;
}

} // namespace Mesh
