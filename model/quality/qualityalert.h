// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Mesh {

/**
 * A data quality problem a detector found on a product. The fingerprint says which problem it is
 * (e.g. "duplicate-rows:deals", "null-spike:deals/HealthScore__gc"), so a later scan that finds
 * it again updates the same alert instead of raising a new one. Plain value.
 */
struct QualityFinding
{
    enum class Kind
    {
        Missing,
        Duplicate,
        Drift,
        NullSpike
    };
    QString productKey;
    Kind kind = Kind::Missing;
    QString fingerprint;
    QString severity = QStringLiteral("warning"); // warning or critical
    QString title;                                // one line
    QString detail;                               // what was measured, for people

    static QList<Kind> allKinds();
    /** missing, duplicate, drift, null-spike */
    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
};

/** A finding as stored in quality_alerts, with its life: open → acknowledged → resolved. */
struct QualityAlert
{
    enum class State
    {
        Open,
        Acknowledged,
        Resolved
    };
    qint64 id = 0;
    QualityFinding finding;
    State state = State::Open;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    QString resolvedBy;
    QDateTime resolvedAt;
    QString note;

    bool isLive() const { return state != State::Resolved; }
    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

/**
 * An alert that affects a product: raised on the product itself (distance 0) or on a product
 * upstream of it through lineage (distance = edges between them, path from the alert's product
 * down to the affected one).
 */
struct AffectingAlert
{
    QualityAlert alert;
    int distance = 0;
    QStringList path; // product keys, from alert.finding.productKey to the affected product
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::QualityAlert)
