// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Mesh {

/** One measured figure; peer fields are set when the same case was also run by a peer tool. */
struct BenchResult
{
    QString caseName; // e.g. "100000 products"
    QString metric;   // e.g. "keystroke p99"
    double value = 0.0;
    QString unit;     // "ms", "s", "MiB", "rows/s", …
    QString target;   // e.g. "<= 10", empty when the issue sets none
    QString peer;     // e.g. "graphviz dot", empty when there is none
    std::optional<double> peerValue;
    /** value relative to the peer, as peer_value / value for times (how many times faster). */
    std::optional<double> ratio;
    /** True/false when a target is set and the value was checked against it. */
    std::optional<bool> met;
};

/**
 * The shared output of every `meshctl bench`: a readable table, or with --json one object
 * {"bench": NAME, "results": [{"case", "metric", "value", "unit", "target", "peer",
 * "peer_value", "ratio"}]} with the peer fields left out where there is no peer.
 */
class BenchReport
{
public:
    explicit BenchReport(QString name) : m_name(std::move(name)) {}

    void add(const BenchResult &result) { m_results.append(result); }
    /** Adds a time with a "<= target" check; lower is better. */
    void addTime(const QString &caseName, const QString &metric, double value, const QString &unit,
                 std::optional<double> target = {});
    const QList<BenchResult> &results() const { return m_results; }
    QString name() const { return m_name; }

    QByteArray toJson() const;
    QString toTable() const;

private:
    QString m_name;
    QList<BenchResult> m_results;
};

/** Percentile (0–100) of samples by nearest rank; 0 for an empty list. Sorts a copy. */
double percentile(QList<double> samples, double p);

} // namespace Mesh
