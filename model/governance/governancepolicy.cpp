// SPDX-License-Identifier: MIT
#include "governance/governancepolicy.h"

#include <QRegularExpression>

namespace Mesh {

QList<GovernancePolicy::Kind> GovernancePolicy::allKinds()
{
    return {Kind::RequiredOwner,   Kind::DescriptionMinLength, Kind::ColumnClassification,
            Kind::KpiFreshnessSla, Kind::NamingConvention,     Kind::PiiAccessPolicy};
}

QString GovernancePolicy::kindName(Kind kind)
{
    switch (kind) {
    case Kind::RequiredOwner:
        return QStringLiteral("required-owner");
    case Kind::DescriptionMinLength:
        return QStringLiteral("description-min-length");
    case Kind::ColumnClassification:
        return QStringLiteral("column-classification");
    case Kind::KpiFreshnessSla:
        return QStringLiteral("kpi-freshness-sla");
    case Kind::NamingConvention:
        return QStringLiteral("naming-convention");
    case Kind::PiiAccessPolicy:
        return QStringLiteral("pii-access-policy");
    }
    return {};
}

bool GovernancePolicy::kindFromName(const QString &name, Kind *kind)
{
    for (Kind k : allKinds()) {
        if (kindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString GovernancePolicy::summary() const
{
    switch (kind) {
    case Kind::RequiredOwner:
        return QStringLiteral("Every product has an owner");
    case Kind::DescriptionMinLength:
        return QStringLiteral("Description of at least %1 characters").arg(parameter.toInt());
    case Kind::ColumnClassification:
        return QStringLiteral("Every column has a classification");
    case Kind::KpiFreshnessSla:
        return parameter.toInt() > 0
                   ? QStringLiteral("Products feeding a KPI have a freshness SLA of at most %1 h")
                         .arg(parameter.toInt())
                   : QStringLiteral("Products feeding a KPI have a freshness SLA");
    case Kind::NamingConvention:
        return QStringLiteral("Product keys match %1").arg(parameter);
    case Kind::PiiAccessPolicy:
        return QStringLiteral("Products with PII columns state an access policy");
    }
    return {};
}

QString GovernancePolicy::validateParameter(Kind kind, const QString &parameter)
{
    switch (kind) {
    case Kind::RequiredOwner:
    case Kind::ColumnClassification:
    case Kind::PiiAccessPolicy:
        return parameter.isEmpty() ? QString() : QStringLiteral("this policy takes no parameter");
    case Kind::DescriptionMinLength: {
        bool ok = false;
        const int n = parameter.toInt(&ok);
        return ok && n > 0 && n <= 100000
                   ? QString()
                   : QStringLiteral("the parameter must be a number of characters (1–100000), "
                                    "not “%1”")
                         .arg(parameter);
    }
    case Kind::KpiFreshnessSla: {
        if (parameter.isEmpty())
            return {};
        bool ok = false;
        const int n = parameter.toInt(&ok);
        return ok && n >= 0 ? QString()
                            : QStringLiteral("the parameter must be the maximum SLA in hours "
                                             "(0 = any SLA), not “%1”")
                                  .arg(parameter);
    }
    case Kind::NamingConvention: {
        if (parameter.isEmpty())
            return QStringLiteral("the parameter must be a regular expression");
        const QRegularExpression re(parameter);
        return re.isValid() ? QString()
                            : QStringLiteral("“%1” is not a valid regular expression: %2 at "
                                             "offset %3")
                                  .arg(parameter, re.errorString())
                                  .arg(re.patternErrorOffset());
    }
    }
    return {};
}

} // namespace Mesh
