// SPDX-License-Identifier: MIT
#include "access/accesstypes.h"

namespace Mesh {

QString AccessRequest::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Approved:
        return QStringLiteral("approved");
    case Status::Denied:
        return QStringLiteral("denied");
    case Status::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

AccessRequest::Status AccessRequest::statusFromName(const QString &name)
{
    if (name == QStringLiteral("approved"))
        return Status::Approved;
    if (name == QStringLiteral("denied"))
        return Status::Denied;
    if (name == QStringLiteral("withdrawn"))
        return Status::Withdrawn;
    return Status::Pending;
}

AccessGrant::State AccessGrant::state(const QDateTime &now) const
{
    if (revokedAt.isValid() && revokedAt <= now)
        return State::Revoked;
    if (now >= endsAt)
        return State::Expired;
    if (now < startsAt)
        return State::Scheduled;
    return State::Active;
}

QString AccessGrant::stateName(State state)
{
    switch (state) {
    case State::Scheduled:
        return QStringLiteral("scheduled");
    case State::Active:
        return QStringLiteral("active");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

QString accessTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime parseAccessTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : t;
}

QStringList splitAccessList(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace Mesh
