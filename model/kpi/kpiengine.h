// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpidefinition.h"
#include "kpi/kpiquery.h"
#include "kpi/kpiwarehouse.h"
#include "quality/qualityalert.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Mesh {

class SqliteCatalogStore;

/** Whether an input product can be trusted right now, and why not. */
struct KpiInputStatus
{
    enum class State { Fresh, NoSla, Stale, Missing, Failing };
    QString productKey;
    QString name;
    QString domain;
    QString ownerId;
    State state = State::Missing;
    QString reason; // e.g. "updated 30 h ago; its freshness SLA is 24 h"
    QDateTime updatedAt;
    int slaHours = 0;
    double ageHours = 0;
    qint64 rows = 0;
    bool isProblem() const { return state == State::Stale || state == State::Missing || state == State::Failing; }
};

/** One tile of the dashboard, built from the rollups alone (no SQL runs to show it). */
struct KpiTile
{
    enum class Status { Green, Amber, Red, NoTarget, Warning, Error };
    KpiDefinition definition;
    QStringList domains; // departments of its inputs, for the domain filter
    QString period;      // the current period: the latest with data, not after the as-of date
    QString previousPeriod;
    std::optional<double> value;
    std::optional<double> previous;
    std::optional<double> secondary;
    std::optional<double> target; // scaled to the grain for additive KPIs
    Status status = Status::NoTarget; // what to show: thresholds, or Warning/Error with reason
    Status targetStatus = Status::NoTarget; // value against thresholds alone
    QString reason;
    QList<KpiPoint> series; // periods up to the current one
    QList<KpiInputStatus> inputs;
    /** Live quality alerts on the KPI's inputs and everything upstream of them, nearest first. */
    QList<AffectingAlert> alerts;
    QHash<QString, QString> alertProductNames; // key → name of each product an alert is on

    /** value − previous: a difference for ratios, else relative (0.12 = +12 %). */
    std::optional<double> change() const;
    bool changeIsRelative() const;
    /**
     * Keeps the alerts of QualityService::alertsAffecting(KPI product) that are on its inputs or
     * upstream of them (distance > 0) and, when there are any, puts a tile that would show a
     * number as if nothing were wrong into the Warning state: the number may rest on missing,
     * duplicated or drifted data.
     */
    void applyAlerts(const QList<AffectingAlert> &affecting,
                     const QHash<QString, QString> &productNames = {});
    /** The alert kinds present ("duplicate", "drift", …), in QualityFinding::Kind order. */
    QStringList alertKinds() const;
    /** The products the alerts were raised on, nearest first, named as the inputs are. */
    QStringList alertProducts() const;
    /** An input's (or the KPI's) name for productKey, or the key itself. */
    QString productName(const QString &productKey) const;
};

/** The whole dashboard at one grain. */
struct KpiDashboard
{
    QString catalogName;
    QString catalogPath;
    KpiGrain grain = KpiGrain::Month;
    QDate asOf;
    QDateTime generatedAt;
    QList<KpiTile> tiles;
    QStringList domains; // every department with a tile, for the filter
};

/** What a refresh did. */
struct KpiRefreshReport
{
    int inputsLoaded = 0;
    int inputsUnchanged = 0;
    int inputsFailed = 0;
    int kpisComputed = 0;
    int kpisUnchanged = 0;
    int kpisFailed = 0;
    int stagesBuilt = 0; // stage tables rebuilt because an input or the stage SQL changed
    QStringList problems; // one line each
    double loadMs = 0;
    double stageMs = 0;
    double computeMs = 0;
    bool cancelled = false;
};

/**
 * The KPI engine of one catalog: definitions from the catalog (KpiStore), input tables and
 * rollups in the analytics database (KpiWarehouse), definition SQL run read-only (KpiQuery).
 *
 * refresh() loads the inputs that changed and recomputes only the KPIs whose SQL or inputs
 * changed; dashboard() reads the rollups. A failing definition marks its own tile and nothing
 * else. Lives on one thread (a worker in the GUI); the clock is injectable for tests.
 */
class KpiEngine
{
public:
    using Clock = std::function<QDateTime()>;
    using Progress = std::function<void(int done, int total, const QString &what)>;

    /**
     * Opens the catalog (read-write when possible) and its analytics database (analyticsPath,
     * or KpiWarehouse::pathFor). Seeds the default KPI definitions into a catalog without any.
     */
    static std::unique_ptr<KpiEngine> open(const QString &catalogPath, QString *error,
                                           Clock clock = {}, const QString &analyticsPath = {});
    ~KpiEngine();

    SqliteCatalogStore &catalog() const;
    KpiWarehouse &warehouse() const;
    QDateTime now() const;

    QList<KpiDefinition> definitions() const;
    /** Re-reads the definitions from the catalog (after another connection saved one). */
    void reloadDefinitions();

    KpiRefreshReport refresh(bool force = false, const Progress &progress = {},
                             const std::atomic<bool> *cancel = nullptr);
    /** Recomputes one KPI from the loaded inputs (all grains); false with *error on failure. */
    bool compute(const KpiDefinition &definition, QString *error,
                 const std::atomic<bool> *cancel = nullptr);
    /** Where computeMany takes a KPI's figures from. */
    enum class Source {
        Auto, // the period SQL over the stage when the KPI has one, else the value SQL
        Raw   // the value SQL over the input tables, even when there is a stage
    };
    /**
     * Recomputes several KPIs, their queries spread over threads (each with its own read-only
     * connection; threads 0 = one per core); rollups are then written here. With Source::Auto a
     * KPI with a stage reads it (rebuilt first by buildStages when stale). Returns the error of
     * each KPI that failed, by key.
     */
    QHash<QString, QString> computeMany(const QList<KpiDefinition> &definitions,
                                        const std::atomic<bool> *cancel = nullptr, int threads = 0,
                                        Source source = Source::Auto);
    /** Where the last computeMany spent its wall time, for the bench. */
    struct ComputeProfile
    {
        double checkMs = 0; // stage and definition fingerprints (and any stage rebuild)
        double queryMs = 0; // the queries, over the threads
        double writeMs = 0; // rollups and records, one transaction
        int threads = 0;
        QList<QPair<QString, double>> slowest; // (KPI key / grain, ms), slowest first
    };
    ComputeProfile lastComputeProfile() const;
    /**
     * Rebuilds the stage tables of the definitions that have a stage and whose stage SQL or
     * inputs changed since it was built (all of them when force): each stage SQL runs read-only
     * (KpiQuery, one thread per core), then its rows replace the stage table in one transaction.
     * Returns the error of each stage that failed, by key; *built counts the rebuilt ones.
     */
    QHash<QString, QString> buildStages(const QList<KpiDefinition> &definitions, bool force = false,
                                        const std::atomic<bool> *cancel = nullptr, int threads = 0,
                                        int *built = nullptr);
    /** The fingerprint a stage of definition has when it is current (stage SQL + input hashes). */
    QString stageFingerprint(const KpiDefinition &definition) const;

    /** The tiles at grain; asOf invalid = today. domain empty = every department. */
    KpiDashboard dashboard(KpiGrain grain, QDate asOf = {}, const QString &domain = {}) const;
    QList<KpiInputStatus> inputStatus(const KpiDefinition &definition) const;

    /** Runs a (possibly unsaved) definition's SQL at grain: the editor's "test run". */
    KpiQueryResult testRun(const KpiDefinition &definition, KpiGrain grain,
                           const std::atomic<bool> *cancel = nullptr);
    /**
     * Runs a (possibly unsaved) definition's stage SQL over the inputs (read-only), keeps its
     * rows in a scratch database (never the analytics one) and runs the period SQL over them
     * at grain, read-only. An error names the part that failed ("Stage SQL: …").
     */
    KpiQueryResult testRunStaged(const KpiDefinition &definition, KpiGrain grain,
                                 const std::atomic<bool> *cancel = nullptr);
    /**
     * The editor's test run: the value SQL, and when the definition has a stage, the stage and
     * period SQL too; the result then shows the staged rows and `note` says whether they equal
     * the value SQL's (a difference is an error: the stage must give the same figures).
     */
    KpiQueryResult testRunAll(const KpiDefinition &definition, KpiGrain grain,
                              const std::atomic<bool> *cancel = nullptr);
    /**
     * Empty when the two series have the same periods and their values and secondaries agree
     * to 1e-9 relative (sums added up in another order differ in the last bits), else what differs.
     */
    static QString comparePoints(const QList<KpiPoint> &expected, const QList<KpiPoint> &actual);
    KpiQueryResult breakdown(const KpiDefinition &definition, KpiGrain grain, const QString &period);
    KpiQueryResult rows(const KpiDefinition &definition, KpiGrain grain, const QString &period,
                        int maxRows = 1000);
    /** Checks the policy, test-runs the SQL (a failing one is not saved), saves and recomputes. */
    bool saveDefinition(const KpiDefinition &definition, const QString &userId, QString *error,
                        bool *refused = nullptr);

    /** period/value/secondary out of a query result; *error says what shape was wrong. */
    static QList<KpiPoint> pointsFrom(const KpiQueryResult &result, QString *error);
    static KpiTile::Status statusFor(const KpiDefinition &definition, std::optional<double> value,
                                     std::optional<double> target);

private:
    KpiEngine() = default;
    QString fingerprint(const KpiDefinition &definition) const;
    KpiQuery &query();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::KpiDashboard)
Q_DECLARE_METATYPE(Mesh::KpiRefreshReport)
Q_DECLARE_METATYPE(Mesh::KpiQueryResult)
Q_DECLARE_METATYPE(Mesh::KpiDefinition)
Q_DECLARE_METATYPE(Mesh::KpiGrain)
