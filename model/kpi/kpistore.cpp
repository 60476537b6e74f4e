// SPDX-License-Identifier: MIT
#include "kpi/kpistore.h"

#include "access/accesspolicy.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

namespace Mesh {

namespace {

constexpr const char *kColumns =
    "key, name, owner_id, unit, description, inputs, sql, breakdown_sql, breakdown_label, "
    "rows_sql, secondary_label, secondary_unit, target, green, amber, higher_is_better, "
    "additive, grain, position, updated_at, updated_by, stage_sql, period_sql";

KpiDefinition fromRow(const Statement &s)
{
    KpiDefinition d;
    d.key = s.text(0);
    d.name = s.text(1);
    d.ownerId = s.text(2);
    d.unit = s.text(3);
    d.description = s.text(4);
    d.inputs = s.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    d.sql = s.text(6);
    d.breakdownSql = s.text(7);
    d.breakdownLabel = s.text(8);
    d.rowsSql = s.text(9);
    d.secondaryLabel = s.text(10);
    d.secondaryUnit = s.text(11);
    if (!s.isNull(12))
        d.target = s.real(12);
    if (!s.isNull(13))
        d.green = s.real(13);
    if (!s.isNull(14))
        d.amber = s.real(14);
    d.higherIsBetter = s.integer(15) != 0;
    d.additive = s.integer(16) != 0;
    d.grain = KpiPeriod::grainFromName(s.text(17)).value_or(KpiGrain::Month);
    d.position = int(s.integer(18));
    d.updatedAt = s.text(19);
    d.updatedBy = s.text(20);
    d.stageSql = s.text(21);
    d.periodSql = s.text(22);
    return d;
}

} // namespace

QList<KpiDefinition> KpiStore::definitions() const
{
    QList<KpiDefinition> out;
    Database &db = m_store.database();
    if (db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'kpi_definitions'")).toInt() == 0)
        return out;
    Statement &s = db.prepare(QStringLiteral("SELECT %1 FROM kpi_definitions ORDER BY position, key")
                                  .arg(QLatin1String(kColumns)));
    while (s.step())
        out << fromRow(s);
    s.reset();
    return out;
}

std::optional<KpiDefinition> KpiStore::definition(const QString &key) const
{
    for (const KpiDefinition &d : definitions())
        if (d.key == key)
            return d;
    return std::nullopt;
}

bool KpiStore::save(const KpiDefinition &definition, const QString &userId, QString *error,
                    bool *refused)
{
    if (refused)
        *refused = false;
    const AccessDecision decision =
        AccessPolicy(m_store).decide(userId, AccessAction::EditMetadata, {definition.key, {}});
    if (!decision.allowed()) {
        if (refused)
            *refused = true;
        if (error)
            *error = decision.reason;
        return false;
    }
    return write(definition, userId, error);
}

bool KpiStore::write(const KpiDefinition &d, const QString &userId, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_store.isReadOnly())
        return fail(QStringLiteral("The catalog %1 is read-only; KPI definitions cannot be saved.")
                        .arg(m_store.path()));
    if (d.name.trimmed().isEmpty())
        return fail(QStringLiteral("The KPI needs a name."));
    if (d.sql.trimmed().isEmpty())
        return fail(QStringLiteral("The KPI “%1” has no SQL; write one SELECT returning period, value.")
                        .arg(d.name));
    if (d.stageSql.trimmed().isEmpty() != d.periodSql.trimmed().isEmpty())
        return fail(QStringLiteral("The KPI “%1” has a stage SQL without its period SQL or the other "
                                   "way round; write both, or clear both to use the value SQL alone.")
                        .arg(d.name));
    if (!m_store.productByKey(d.key))
        return fail(QStringLiteral("The KPI “%1” names the product “%2”, which is not in this "
                                   "catalog; create the KPI's data product first.")
                        .arg(d.name, d.key));
    if (d.inputs.isEmpty())
        return fail(QStringLiteral("The KPI “%1” lists no input products.").arg(d.name));
    for (const QString &input : d.inputs)
        if (!m_store.productByKey(input))
            return fail(QStringLiteral("The KPI “%1” reads “%2”, which is no product in this "
                                       "catalog; fix the input list.")
                            .arg(d.name, input));
    CatalogError cerr;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            Statement &s = db.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO kpi_definitions(%1) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                "?18, ?19, ?20, ?21, ?22, ?23)")
                                          .arg(QLatin1String(kColumns)));
            s.bind(1, d.key)
                .bind(2, d.name)
                .bind(3, d.ownerId)
                .bind(4, d.unit)
                .bind(5, d.description)
                .bind(6, d.inputs.join(QLatin1Char(',')))
                .bind(7, d.sql)
                .bind(8, d.breakdownSql)
                .bind(9, d.breakdownLabel)
                .bind(10, d.rowsSql)
                .bind(11, d.secondaryLabel)
                .bind(12, d.secondaryUnit);
            d.target ? s.bind(13, *d.target) : s.bindNull(13);
            d.green ? s.bind(14, *d.green) : s.bindNull(14);
            d.amber ? s.bind(15, *d.amber) : s.bindNull(15);
            s.bind(16, d.higherIsBetter ? 1 : 0)
                .bind(17, d.additive ? 1 : 0)
                .bind(18, KpiPeriod::grainName(d.grain))
                .bind(19, d.position)
                .bind(20, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                .bind(21, userId)
                .bind(22, d.stageSql)
                .bind(23, d.periodSql);
            if (!s.exec()) {
                e->code = CatalogError::Code::Io;
                e->message = QStringLiteral("Saving the KPI “%1” failed: %2").arg(d.name, s.lastError());
                return false;
            }
            // The KPI's automatic lineage: exactly its current inputs.
            Statement &del = db.prepare(QStringLiteral(
                "DELETE FROM lineage_edges WHERE job_name = ?1 AND to_id = "
                "(SELECT id FROM products WHERE key = ?2)"));
            del.bind(1, QString::fromLatin1(kLineageJob)).bind(2, d.key);
            if (!del.exec()) {
                e->code = CatalogError::Code::Io;
                e->message = del.lastError();
                return false;
            }
            for (const QString &input : d.inputs) {
                if (!m_store.addLineageEdge({input, d.key, QStringLiteral("aggregate"),
                                             QString::fromLatin1(kLineageJob)},
                                            e))
                    return false;
            }
            return true;
        },
        &cerr);
    if (!ok)
        return fail(cerr.message);
    return true;
}

bool KpiStore::ensureDefaults(QString *error)
{
    if (m_store.isReadOnly())
        return true;
    Database &db = m_store.database();
    if (db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'kpi_definitions'")).toInt() == 0)
        return true;
    if (const QList<KpiDefinition> stored = definitions(); !stored.isEmpty()) {
        // A demo definition saved before KPIs had stages gets the shipped stage, provided its
        // value SQL is still the shipped one (an owner's own SQL is left alone).
        const QList<KpiDefinition> defaults = defaultKpiDefinitions();
        Statement &up = db.prepare(QStringLiteral(
            "UPDATE kpi_definitions SET stage_sql = ?2, period_sql = ?3 WHERE key = ?1 AND sql = ?4 "
            "AND stage_sql = '' AND period_sql = ''"));
        for (const KpiDefinition &d : stored)
            for (const KpiDefinition &shipped : defaults)
                if (shipped.key == d.key && shipped.sql == d.sql && shipped.hasStage() && !d.hasStage()) {
                    up.reset();
                    up.bind(1, d.key).bind(2, shipped.stageSql).bind(3, shipped.periodSql).bind(4, d.sql);
                    if (!up.exec()) {
                        if (error)
                            *error = up.lastError();
                        return false;
                    }
                }
        return true;
    }
    CatalogError cerr;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            for (KpiDefinition d : defaultKpiDefinitions()) {
                bool complete = m_store.productByKey(d.key).has_value();
                for (const QString &input : d.inputs)
                    complete = complete && m_store.productByKey(input).has_value();
                if (!complete)
                    continue;
                if (const auto product = m_store.productByKey(d.key); product && d.ownerId.isEmpty())
                    d.ownerId = product->ownerId;
                QString why;
                if (!write(d, QStringLiteral("mesh-explorer"), &why)) {
                    e->code = CatalogError::Code::Io;
                    e->message = why;
                    return false;
                }
            }
            return true;
        },
        &cerr);
    if (!ok && error)
        *error = cerr.message;
    return ok;
}

} // namespace Mesh
