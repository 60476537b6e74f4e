// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mesh {

/**
 * One governance rule as stored in the catalog (table governance_policies). Global policies
 * (empty scope) are set by the governance council; a domain's stewards add or tighten rules for
 * their domain (federated governance). Plain value.
 */
struct GovernancePolicy
{
    enum class Kind
    {
        RequiredOwner,        // every product has an owner
        DescriptionMinLength, // parameter: minimum characters of the description
        ColumnClassification, // every column carries a classification
        KpiFreshnessSla,      // products feeding a KPI have a freshness SLA; parameter: max hours
        NamingConvention,     // parameter: regular expression the product key must match
        PiiAccessPolicy,      // products with PII columns state an access policy
    };

    qint64 id = 0;
    QString scope; // empty = global; else a domain name
    Kind kind = Kind::RequiredOwner;
    QString parameter;
    bool enabled = true;
    QDateTime updatedAt;
    QString updatedBy;

    bool isGlobal() const { return scope.isEmpty(); }
    bool operator==(const GovernancePolicy &) const = default;

    static QList<Kind> allKinds();
    /** Stored name: required-owner, description-min-length, column-classification, … */
    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
    /** One line for people: "Description of at least 50 characters". */
    QString summary() const;
    /** Empty when the parameter suits the kind; else what is wrong with it. */
    static QString validateParameter(Kind kind, const QString &parameter);
};

/** One product breaking one policy, with the field that fixes it. */
struct GovernanceViolation
{
    QString productKey;
    QString productName;
    QString domain;  // empty for dark data
    QString ownerId; // empty when there is none
    GovernancePolicy::Kind kind = GovernancePolicy::Kind::RequiredOwner;
    QString scope;   // the scope of the policy broken (empty = global)
    QString message; // what is wrong, for people
    /**
     * Where to fix it on the product page: "overview:owner", "overview:description",
     * "overview:freshness", "overview:accessPolicy", "overview:key" or "schema:<dataset>/<column>".
     */
    QString field;
};

/** Compliance of one product: checks applied and passed, score 0–100. */
struct ProductCompliance
{
    QString productKey;
    QString productName;
    QString domain;
    QString ownerId;
    int checks = 0;
    int passed = 0;
    double score() const { return checks == 0 ? 100.0 : 100.0 * passed / checks; }
    bool compliant() const { return passed == checks; }
};

/** Compliance of a domain: the mean product score and how many products comply. */
struct DomainCompliance
{
    QString domain; // empty = products without a domain
    int products = 0;
    int compliantProducts = 0;
    int violations = 0;
    double score = 100.0;
};

/** The governance state of a catalog: the effective rules, scores and every violation. */
struct GovernanceReport
{
    QList<GovernancePolicy> policies;
    QList<ProductCompliance> products;
    QList<DomainCompliance> domains;
    QList<GovernanceViolation> violations;
    double overallScore = 100.0;
};

} // namespace Mesh
