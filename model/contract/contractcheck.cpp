// SPDX-License-Identifier: MIT
#include "contract/contractcheck.h"

namespace Mesh {

int ContractCheckResult::failed() const
{
    int n = 0;
    for (const ContractCheckItem &i : items)
        n += i.passed ? 0 : 1;
    return n;
}

namespace ContractCheck {

namespace {

bool missingCell(const QString &cell)
{
    return cell.isNull() || cell.trimmed().isEmpty();
}

} // namespace

ContractCheckResult run(const OdcsContract &contract, const Product &product,
                        const QHash<QString, SampleTable> &samples)
{
    using Kind = QualityFinding::Kind;
    ContractCheckResult result;
    for (const OdcsSchemaObject &object : contract.schema) {
        const Dataset *dataset = nullptr;
        for (const Dataset &ds : product.datasets)
            if (ds.name == object.name ||
                (product.datasets.size() == 1 && contract.schema.size() == 1))
                dataset = &ds;
        if (!dataset) {
            result.items.append({QStringLiteral("%1 exists").arg(object.name), false,
                                 QStringLiteral("the product has no dataset %1").arg(object.name)});
            QualityFinding f;
            f.productKey = product.key;
            f.kind = Kind::Drift;
            f.fingerprint = QStringLiteral("contract:%1").arg(object.name);
            f.severity = QStringLiteral("critical");
            f.title = QStringLiteral("Contract: dataset %1 is missing").arg(object.name);
            f.detail = QStringLiteral("The contract %1 %2 describes %3, which the product does "
                                      "not have.")
                           .arg(contract.id, contract.version, object.name);
            result.findings.append(f);
            continue;
        }
        const SampleTable sample = samples.value(dataset->name);
        const bool haveSample = sample.error.isEmpty() && !sample.columns.isEmpty();
        QStringList driftProblems, nullProblems;
        QStringList keyColumns;
        for (const OdcsProperty &prop : object.properties) {
            const QString name = QStringLiteral("%1.%2").arg(object.name, prop.name);
            const Column *column = nullptr;
            for (const Column &c : dataset->columns)
                if (c.name == prop.name)
                    column = &c;
            if (!column) {
                result.items.append({QStringLiteral("%1 declared").arg(name), false,
                                     QStringLiteral("not in the product's schema")});
                driftProblems.append(QStringLiteral("%1 is not in the schema").arg(prop.name));
                continue;
            }
            result.items.append({QStringLiteral("%1 declared").arg(name), true, {}});
            if (prop.primaryKey)
                keyColumns.append(prop.name);
            if (!prop.logicalType.isEmpty()) {
                const bool same = Odcs::logicalTypeFor(column->type) == prop.logicalType;
                result.items.append(
                    {QStringLiteral("%1 is %2 in the schema").arg(name, prop.logicalType), same,
                     same ? QString()
                          : QStringLiteral("declared %1 (%2)")
                                .arg(column->type, Odcs::logicalTypeFor(column->type))});
                if (!same)
                    driftProblems.append(QStringLiteral("%1 is %2, the contract says %3")
                                             .arg(prop.name, column->type, prop.logicalType));
            }
            if (!haveSample)
                continue;
            const int idx = sample.columnIndex(prop.name);
            if (idx < 0) {
                result.items.append({QStringLiteral("%1 present in the data").arg(name), false,
                                     QStringLiteral("the sample has no such column")});
                driftProblems.append(QStringLiteral("%1 is not in the data").arg(prop.name));
                continue;
            }
            result.items.append({QStringLiteral("%1 present in the data").arg(name), true, {}});
            if (!prop.logicalType.isEmpty()) {
                const QString inferred = QualityDetectors::inferType(sample, idx);
                const bool ok =
                    QualityDetectors::typeAccepts(Odcs::columnTypeFor(prop.logicalType), inferred);
                result.items.append(
                    {QStringLiteral("%1 values are %2").arg(name, prop.logicalType), ok,
                     ok ? QString() : QStringLiteral("values are %1").arg(inferred)});
                if (!ok)
                    driftProblems.append(QStringLiteral("%1 values are %2, the contract says %3")
                                             .arg(prop.name, inferred, prop.logicalType));
            }
            bool mustNotBeNull = prop.required;
            for (const OdcsQuality &q : prop.quality)
                if (q.effectiveMetric() == QStringLiteral("nullValues") &&
                    q.op == QStringLiteral("mustBe") && q.threshold.toInt() == 0)
                    mustNotBeNull = true;
            if (mustNotBeNull) {
                int nulls = 0;
                for (const QStringList &row : sample.rows)
                    nulls += missingCell(row.value(idx)) ? 1 : 0;
                result.items.append({QStringLiteral("%1 has no missing values").arg(name),
                                     nulls == 0,
                                     nulls == 0 ? QString()
                                                : QStringLiteral("%1 of %2 rows are missing it")
                                                      .arg(nulls)
                                                      .arg(sample.rows.size())});
                if (nulls > 0)
                    nullProblems.append(QStringLiteral("%1 is missing in %2 of %3 rows")
                                            .arg(prop.name)
                                            .arg(nulls)
                                            .arg(sample.rows.size()));
            }
        }
        if (!driftProblems.isEmpty()) {
            QualityFinding f;
            f.productKey = product.key;
            f.kind = Kind::Drift;
            f.fingerprint = QStringLiteral("contract-drift:%1").arg(object.name);
            f.severity = QStringLiteral("critical");
            f.title = QStringLiteral("Contract broken in %1: %2 problem(s)")
                          .arg(object.name)
                          .arg(driftProblems.size());
            f.detail =
                QStringLiteral("Contract %1 %2: %3.")
                    .arg(contract.id, contract.version, driftProblems.join(QStringLiteral("; ")));
            result.findings.append(f);
        }
        if (!nullProblems.isEmpty()) {
            QualityFinding f;
            f.productKey = product.key;
            f.kind = Kind::NullSpike;
            f.fingerprint = QStringLiteral("contract-nulls:%1").arg(object.name);
            f.severity = QStringLiteral("critical");
            f.title = QStringLiteral("Contract: required values missing in %1").arg(object.name);
            f.detail =
                QStringLiteral("Contract %1 %2: %3.")
                    .arg(contract.id, contract.version, nullProblems.join(QStringLiteral("; ")));
            result.findings.append(f);
        }
        if (haveSample && !keyColumns.isEmpty()) {
            const auto dup =
                QualityDetectors::duplicates(product.key, object.name, sample, keyColumns);
            const bool ok = !dup || !dup->detail.contains(QStringLiteral("of the key"));
            result.items.append({QStringLiteral("%1 key %2 is unique")
                                     .arg(object.name, keyColumns.join(QStringLiteral(" + "))),
                                 ok, ok ? QString() : dup->detail});
            if (!ok) {
                QualityFinding f = *dup;
                f.fingerprint = QStringLiteral("contract-key:%1").arg(object.name);
                f.title = QStringLiteral("Contract: duplicate primary keys in %1").arg(object.name);
                result.findings.append(f);
            }
        }
    }
    return result;
}

} // namespace ContractCheck
} // namespace Mesh
