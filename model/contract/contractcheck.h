// SPDX-License-Identifier: MIT
#pragma once

#include "contract/odcscontract.h"
#include "quality/qualityalert.h"
#include "quality/qualitydetectors.h"

#include <QHash>

namespace Mesh {

/** One check of a contract against a product and its data: passed, or the finding it raised. */
struct ContractCheckItem
{
    QString what; // "deals.id present", "deals.amount is number", …
    bool passed = true;
    QString problem; // when not passed
};

struct ContractCheckResult
{
    QList<ContractCheckItem> items;
    QList<QualityFinding> findings; // one per failed group, fed to the quality alerts
    int failed() const;
};

/**
 * Checks a data contract against a product: every property present in the declared schema and
 * in the sample, logical types matching the declared column types and the values, required
 * properties without missing values, primary keys unique. Pure; samples are passed in by
 * dataset name.
 */
namespace ContractCheck {
ContractCheckResult run(const OdcsContract &contract, const Product &product,
                        const QHash<QString, SampleTable> &samples);
} // namespace ContractCheck

} // namespace Mesh
