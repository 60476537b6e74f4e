// SPDX-License-Identifier: MIT
#include "quality/qualityalert.h"

namespace Mesh {

QList<QualityFinding::Kind> QualityFinding::allKinds()
{
    return {Kind::Missing, Kind::Duplicate, Kind::Drift, Kind::NullSpike};
}

QString QualityFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::Duplicate:
        return QStringLiteral("duplicate");
    case Kind::Drift:
        return QStringLiteral("drift");
    case Kind::NullSpike:
        return QStringLiteral("null-spike");
    }
    return {};
}

bool QualityFinding::kindFromName(const QString &name, Kind *kind)
{
    for (Kind k : allKinds()) {
        if (kindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString QualityAlert::stateName(State state)
{
    switch (state) {
    case State::Open:
        return QStringLiteral("open");
    case State::Acknowledged:
        return QStringLiteral("acknowledged");
    case State::Resolved:
        return QStringLiteral("resolved");
    }
    return {};
}

QualityAlert::State QualityAlert::stateFromName(const QString &name)
{
    if (name == QStringLiteral("acknowledged"))
        return State::Acknowledged;
    if (name == QStringLiteral("resolved"))
        return State::Resolved;
    return State::Open;
}

} // namespace Mesh
