// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpidefinition.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Mesh {

class Database;

/** What the warehouse knows about one loaded input product. */
struct KpiInputLoad
{
    QString productKey;
    QString tableName;
    QString location;
    qint64 size = -1;
    QString mtime;
    QString hash;
    qint64 rows = 0;
    QString loadedAt;
    QString error;    // why the last load failed; empty when it worked
    QString warnings; // reader warnings worth showing (ragged rows, encoding fallback)
};

/** One rolled-up value of a KPI. */
struct KpiPoint
{
    QString period;
    std::optional<double> value;
    std::optional<double> secondary;
    bool operator==(const KpiPoint &) const = default;
};

/**
 * The local analytics database beside a catalog (CATALOG-analytics.sqlite): one table per input
 * data product, loaded from its sample with the preview readers, and the KPI rollups per grain
 * and period the dashboard opens from.
 *
 * Inputs are refreshed incrementally: an input whose file has the size and modification time
 * seen at its last load is skipped; when they changed, its SHA-1 decides, and only a changed
 * file is reloaded (into a new table swapped in with the old one in one transaction, so a
 * failed load keeps the previous data). Owned by one thread.
 */
class KpiWarehouse
{
public:
    /** The analytics database for a catalog: beside it, or in the cache dir when not writable. */
    static QString pathFor(const QString &catalogPath);
    /** The SQL table name of an input product: "sales.hubspot-deals" → sales_hubspot_deals. */
    static QString tableName(const QString &productKey);

    static std::unique_ptr<KpiWarehouse> open(const QString &path, QString *error);
    ~KpiWarehouse();

    QString path() const;
    Database &database() const;

    enum class SyncResult { Unchanged, Loaded, Failed };
    /**
     * Brings the table of productKey up to date with the file at location. force reloads even
     * an unchanged file. Failed keeps any earlier table and records the error.
     */
    SyncResult sync(const QString &productKey, const QString &location, bool force,
                    const std::atomic<bool> *cancel = nullptr);
    std::optional<KpiInputLoad> input(const QString &productKey) const;

    /** Replaces the rollups of kpiKey at grain in one transaction. */
    bool writeRollups(const QString &kpiKey, KpiGrain grain, const QList<KpiPoint> &points,
                      QString *error);
    /** Every KPI's rollups at grain, ordered by period. */
    QHash<QString, QList<KpiPoint>> rollups(KpiGrain grain) const;

    /** The fingerprint (definition SQL + input hashes) of the last successful computation. */
    QString computedFingerprint(const QString &kpiKey) const;
    bool recordComputation(const QString &kpiKey, const QString &fingerprint, const QString &error,
                           double ms);
    QString computationError(const QString &kpiKey) const;

    /**
     * Replaces the stage table of kpiKey (KpiDefinition::stageTable) by rows, recording its
     * fingerprint (stage SQL + input hashes), in one transaction: a crash keeps the old stage
     * and its old fingerprint. An error is recorded instead when error is not empty.
     */
    bool writeStage(const QString &kpiKey, const QString &fingerprint, const QStringList &columns,
                    const QList<QVariantList> &rows, const QString &error, double ms,
                    QString *why);
    /** The fingerprint of kpiKey's stage as last built; empty when none or it failed. */
    QString stageFingerprint(const QString &kpiKey) const;
    QString stageError(const QString &kpiKey) const;
    /** Creates table in db from columns and fills it with rows (values kept as typed). */
    static bool createTable(Database &db, const QString &table, const QStringList &columns,
                            const QList<QVariantList> &rows, QString *why);

private:
    KpiWarehouse() = default;
    bool load(KpiInputLoad *state, const std::atomic<bool> *cancel);
    bool saveState(const KpiInputLoad &state);
    std::unique_ptr<Database> m_db;
};

} // namespace Mesh
