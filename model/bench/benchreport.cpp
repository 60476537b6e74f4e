// SPDX-License-Identifier: MIT
#include "bench/benchreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace Mesh {

void BenchReport::addTime(const QString &caseName, const QString &metric, double value,
                          const QString &unit, std::optional<double> target)
{
    BenchResult r;
    r.caseName = caseName;
    r.metric = metric;
    r.value = value;
    r.unit = unit;
    if (target) {
        r.target = QStringLiteral("<= ") + QString::number(*target);
        r.met = value <= *target;
    }
    m_results.append(r);
}

QByteArray BenchReport::toJson() const
{
    QJsonArray results;
    for (const BenchResult &r : m_results) {
        QJsonObject o;
        o.insert(QStringLiteral("case"), r.caseName);
        o.insert(QStringLiteral("metric"), r.metric);
        o.insert(QStringLiteral("value"), r.value);
        o.insert(QStringLiteral("unit"), r.unit);
        o.insert(QStringLiteral("target"),
                 r.target.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.target));
        if (!r.peer.isEmpty()) {
            o.insert(QStringLiteral("peer"), r.peer);
            o.insert(QStringLiteral("peer_value"),
                     r.peerValue ? QJsonValue(*r.peerValue) : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("ratio"),
                     r.ratio ? QJsonValue(*r.ratio) : QJsonValue(QJsonValue::Null));
        }
        results.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("bench"), m_name);
    root.insert(QStringLiteral("results"), results);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

namespace {
QString formatNumber(double v)
{
    if (v == 0.0)
        return QStringLiteral("0");
    const double a = std::fabs(v);
    if (a >= 1000)
        return QString::number(v, 'f', 0);
    if (a >= 10)
        return QString::number(v, 'f', 1);
    if (a >= 0.1)
        return QString::number(v, 'f', 2);
    return QString::number(v, 'g', 3);
}
} // namespace

QString BenchReport::toTable() const
{
    const QStringList headers = {QStringLiteral("case"),   QStringLiteral("metric"),
                                 QStringLiteral("value"),  QStringLiteral("target"),
                                 QStringLiteral("peer"),   QStringLiteral("peer value"),
                                 QStringLiteral("ratio")};
    QList<QStringList> rows;
    for (const BenchResult &r : m_results) {
        QString target = r.target.isEmpty() ? QStringLiteral("-")
                                            : QString(r.target + QLatin1Char(' ') + r.unit);
        if (r.met)
            target += *r.met ? QStringLiteral(" ok") : QStringLiteral(" MISSED");
        const QString dash = QStringLiteral("-");
        rows.append({r.caseName, r.metric, QString(formatNumber(r.value) + QLatin1Char(' ') + r.unit),
                     target, r.peer.isEmpty() ? dash : r.peer,
                     r.peerValue ? QString(formatNumber(*r.peerValue) + QLatin1Char(' ') + r.unit)
                                 : dash,
                     r.ratio ? QString(formatNumber(*r.ratio) + QLatin1Char('x')) : dash});
    }
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths.append(h.size());
    for (const QStringList &row : rows)
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    auto line = [&](const QStringList &cells) -> QString {
        QString out;
        for (int i = 0; i < cells.size(); ++i) {
            const bool numeric = i >= 2;
            out += numeric ? cells.at(i).rightJustified(widths[i]) : cells.at(i).leftJustified(widths[i]);
            if (i + 1 < cells.size())
                out += QStringLiteral("  ");
        }
        return out.trimmed() + QLatin1Char('\n');
    };
    QString out = QStringLiteral("bench: ") + m_name + QLatin1Char('\n') + line(headers);
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    out += line(rule);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const double rank = std::ceil(p / 100.0 * double(samples.size()));
    const qsizetype index = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, samples.size() - 1);
    return samples.at(index);
}

} // namespace Mesh
