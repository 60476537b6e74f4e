// SPDX-License-Identifier: MIT
#include "kpi/kpiengine.h"

#include "access/accesspolicy.h"
#include "catalog/sqlitecatalogstore.h"
#include "kpi/kpistore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include "db/sqlite.h"

#include <algorithm>
#include <thread>
#include <vector>

#include <cmath>

namespace Mesh {

struct KpiEngine::Private
{
    std::unique_ptr<SqliteCatalogStore> catalog;
    std::unique_ptr<KpiWarehouse> warehouse;
    std::unique_ptr<KpiQuery> query;
    QList<KpiDefinition> definitions;
    Clock clock;
    KpiEngine::ComputeProfile profile;
};

std::optional<double> KpiTile::change() const
{
    if (!value || !previous)
        return std::nullopt;
    if (!changeIsRelative())
        return *value - *previous;
    if (*previous == 0)
        return std::nullopt;
    return (*value - *previous) / std::abs(*previous);
}

bool KpiTile::changeIsRelative() const
{
    return definition.unit != QStringLiteral("ratio");
}

void KpiTile::applyAlerts(const QList<AffectingAlert> &affecting,
                          const QHash<QString, QString> &productNames)
{
    // The number is computed from the inputs: what matters is their alerts and those of
    // everything upstream of them. The KPI product's own (e.g. late loads of its published
    // table) are on its product page.
    alerts.clear();
    for (const AffectingAlert &a : affecting)
        if (a.distance > 0)
            alerts.append(a);
    alertProductNames = productNames;
    if (alerts.isEmpty() || status == Status::Error)
        return;
    status = Status::Warning;
}

QStringList KpiTile::alertKinds() const
{
    QStringList out;
    for (QualityFinding::Kind kind : QualityFinding::allKinds())
        for (const AffectingAlert &a : alerts)
            if (a.alert.finding.kind == kind) {
                out << QualityFinding::kindName(kind);
                break;
            }
    return out;
}

QStringList KpiTile::alertProducts() const
{
    QStringList out;
    for (const AffectingAlert &a : alerts)
        if (const QString name = productName(a.alert.finding.productKey); !out.contains(name))
            out << name;
    return out;
}

QString KpiTile::productName(const QString &productKey) const
{
    if (productKey == definition.key)
        return definition.name;
    if (const QString name = alertProductNames.value(productKey); !name.isEmpty())
        return name;
    for (const KpiInputStatus &in : inputs)
        if (in.productKey == productKey && !in.name.isEmpty())
            return in.name;
    return productKey;
}

std::unique_ptr<KpiEngine> KpiEngine::open(const QString &catalogPath, QString *error, Clock clock,
                                           const QString &analyticsPath)
{
    CatalogError cerr;
    auto catalog = SqliteCatalogStore::open(catalogPath, SqliteCatalogStore::OpenMode::ReadWrite, &cerr);
    if (!catalog && cerr.code == CatalogError::Code::ReadOnly)
        catalog = SqliteCatalogStore::open(catalogPath, SqliteCatalogStore::OpenMode::ReadOnly, &cerr);
    if (!catalog) {
        if (error)
            *error = cerr.message;
        return nullptr;
    }
    QString why;
    auto warehouse = KpiWarehouse::open(
        analyticsPath.isEmpty() ? KpiWarehouse::pathFor(catalogPath) : analyticsPath, &why);
    if (!warehouse) {
        if (error)
            *error = why;
        return nullptr;
    }
    std::unique_ptr<KpiEngine> e(new KpiEngine);
    e->d = std::make_unique<Private>();
    e->d->catalog = std::move(catalog);
    e->d->warehouse = std::move(warehouse);
    e->d->clock = clock ? clock : [] { return QDateTime::currentDateTimeUtc(); };
    KpiStore store(*e->d->catalog);
    if (!store.ensureDefaults(&why)) {
        if (error)
            *error = QStringLiteral("Could not add the default KPI definitions to %1: %2")
                         .arg(catalogPath, why);
        return nullptr;
    }
    e->reloadDefinitions();
    return e;
}

KpiEngine::~KpiEngine() = default;

SqliteCatalogStore &KpiEngine::catalog() const
{
    return *d->catalog;
}

KpiWarehouse &KpiEngine::warehouse() const
{
    return *d->warehouse;
}

QDateTime KpiEngine::now() const
{
    return d->clock();
}

QList<KpiDefinition> KpiEngine::definitions() const
{
    return d->definitions;
}

void KpiEngine::reloadDefinitions()
{
    d->definitions = KpiStore(*d->catalog).definitions();
    if (d->definitions.isEmpty() && d->catalog->isReadOnly()) {
        // A read-only demo catalog from before KPIs: show the defaults without storing them.
        for (const KpiDefinition &def : defaultKpiDefinitions()) {
            bool complete = d->catalog->productByKey(def.key).has_value();
            for (const QString &input : def.inputs)
                complete = complete && d->catalog->productByKey(input).has_value();
            if (complete)
                d->definitions << def;
        }
    }
}

KpiQuery &KpiEngine::query()
{
    if (!d->query)
        d->query = std::make_unique<KpiQuery>(d->warehouse->path());
    return *d->query;
}

QString KpiEngine::stageFingerprint(const KpiDefinition &def) const
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(QByteArray("stage\x1f"));
    h.addData(def.stageSql.toUtf8());
    for (const QString &input : def.inputs) {
        const auto load = d->warehouse->input(input);
        h.addData(QByteArray("\x1f"));
        h.addData(input.toUtf8());
        h.addData(load ? load->hash.toUtf8() : QByteArray("-"));
    }
    return QString::fromLatin1(h.result().toHex());
}

QString KpiEngine::fingerprint(const KpiDefinition &def) const
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(def.sql.toUtf8());
    if (def.hasStage()) {
        h.addData(QByteArray("\x1e"));
        h.addData(def.stageSql.toUtf8());
        h.addData(QByteArray("\x1e"));
        h.addData(def.periodSql.toUtf8());
    }
    for (const QString &input : def.inputs) {
        const auto load = d->warehouse->input(input);
        h.addData(QByteArray("\x1f"));
        h.addData(input.toUtf8());
        h.addData(load ? load->hash.toUtf8() : QByteArray("-"));
    }
    return QString::fromLatin1(h.result().toHex());
}

QList<KpiPoint> KpiEngine::pointsFrom(const KpiQueryResult &result, QString *error)
{
    QList<KpiPoint> points;
    if (!result.ok()) {
        *error = result.error;
        return points;
    }
    if (result.columns.size() < 2 || result.columns.size() > 3) {
        *error = QStringLiteral("The SQL must return the columns period, value and optionally "
                                "secondary; it returned %1 (%2).")
                     .arg(result.columns.size())
                     .arg(result.columns.join(QStringLiteral(", ")));
        return points;
    }
    QSet<QString> seen;
    for (const QVariantList &row : result.rows) {
        KpiPoint p;
        p.period = row.value(0).toString();
        if (p.period.isEmpty())
            continue; // rows without a date: nothing to roll up into
        if (seen.contains(p.period)) {
            *error = QStringLiteral("The SQL returned the period %1 twice; GROUP BY the period.")
                         .arg(p.period);
            return {};
        }
        seen.insert(p.period);
        const auto number = [&](int c, const QString &what) -> std::optional<double> {
            const QVariant v = row.value(c);
            if (!v.isValid() || v.isNull())
                return std::nullopt;
            bool ok = false;
            const double x = v.toDouble(&ok);
            if (!ok && error->isEmpty())
                *error = QStringLiteral("The %1 of period %2 is “%3”, not a number.")
                             .arg(what, p.period, v.toString());
            return ok && std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
        };
        p.value = number(1, QStringLiteral("value"));
        if (result.columns.size() > 2)
            p.secondary = number(2, QStringLiteral("secondary value"));
        if (!error->isEmpty())
            return {};
        points << p;
    }
    return points;
}

bool KpiEngine::compute(const KpiDefinition &def, QString *error, const std::atomic<bool> *cancel)
{
    const QHash<QString, QString> errors = computeMany({def}, cancel, 1);
    if (errors.contains(def.key) && error)
        *error = errors.value(def.key);
    return !errors.contains(def.key);
}

namespace {

constexpr int kMaxStageRows = 2000000;

/** A stage result's shape problem, or empty. */
QString stageShapeError(const KpiQueryResult &r)
{
    if (r.truncated)
        return QStringLiteral("it returned more than %1 rows; group by day (or a coarser date) "
                              "and keep only partial aggregates")
            .arg(kMaxStageRows);
    if (r.columns.size() < 2)
        return QStringLiteral("it must return the date first and at least one partial aggregate; "
                              "it returned %1 column(s)")
            .arg(r.columns.size());
    return {};
}

} // namespace

QHash<QString, QString> KpiEngine::buildStages(const QList<KpiDefinition> &defs, bool force,
                                               const std::atomic<bool> *cancel, int threads,
                                               int *built)
{
    struct Job
    {
        KpiDefinition def;
        QString fingerprint;
        KpiQueryResult result;
        double ms = 0;
    };
    std::vector<Job> jobs;
    for (const KpiDefinition &def : defs) {
        if (!def.hasStage())
            continue;
        const QString f = stageFingerprint(def);
        if (force || d->warehouse->stageFingerprint(def.key) != f)
            jobs.push_back({def, f, {}, 0});
    }
    if (built)
        *built = 0;
    QHash<QString, QString> errors;
    if (jobs.empty())
        return errors;
    std::atomic<int> next{0};
    const QString path = d->warehouse->path();
    const auto work = [&] {
        KpiQuery query(path);
        query.setTimeLimitMs(30 * 60 * 1000);
        int t;
        while ((t = next.fetch_add(1)) < int(jobs.size())) {
            Job &job = jobs[size_t(t)];
            QElapsedTimer timer;
            timer.start();
            job.result = query.run(job.def.stageSql, {}, kMaxStageRows, cancel);
            job.ms = double(timer.nsecsElapsed()) / 1e6;
        }
    };
    const int n = std::clamp(threads > 0 ? threads : QThread::idealThreadCount(), 1, int(jobs.size()));
    std::vector<std::thread> pool;
    for (int i = 1; i < n; ++i)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    if (cancel && cancel->load()) {
        for (const Job &job : jobs)
            errors.insert(job.def.key, QStringLiteral("cancelled"));
        return errors;
    }
    for (Job &job : jobs) {
        QString problem = job.result.ok() ? stageShapeError(job.result) : job.result.error;
        if (!problem.isEmpty())
            problem = QStringLiteral("Stage SQL: %1").arg(problem);
        QString why;
        if (!d->warehouse->writeStage(job.def.key, job.fingerprint, job.result.columns,
                                      job.result.rows, problem, job.ms, &why))
            problem = QStringLiteral("Stage SQL: storing its %1 rows failed: %2")
                          .arg(job.result.rows.size())
                          .arg(why);
        if (!problem.isEmpty())
            errors.insert(job.def.key, problem);
        else if (built)
            ++*built;
        job.result = {}; // free the rows early
    }
    d->query.reset(); // later reads see the new stage tables
    return errors;
}

QHash<QString, QString> KpiEngine::computeMany(const QList<KpiDefinition> &defs,
                                               const std::atomic<bool> *cancel, int threads,
                                               Source source)
{
    ComputeProfile profile;
    QElapsedTimer phase;
    phase.start();
    // Stages first (a no-op when they are current), so the period SQL reads what the inputs hold.
    QHash<QString, QString> stageErrors;
    if (source == Source::Auto)
        stageErrors = buildStages(defs, false, cancel, threads);
    struct Job
    {
        KpiDefinition def;
        QString fingerprint;
        QList<KpiPoint> points[3];
        QString error;
        double ms = 0;
    };
    static constexpr KpiGrain kGrains[] = {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year};
    std::vector<Job> jobs;
    for (const KpiDefinition &def : defs) {
        jobs.push_back({def, fingerprint(def), {}, {}, 0});
        if (source == Source::Auto && def.hasStage()) {
            jobs.back().def.sql = def.periodSql;
            if (!d->warehouse->stageError(def.key).isEmpty())
                jobs.back().error = stageErrors.value(def.key, d->warehouse->stageError(def.key));
            else if (d->warehouse->stageFingerprint(def.key) != stageFingerprint(def))
                jobs.back().error = stageErrors.value(def.key, QStringLiteral("its stage could not be built"));
        }
    }
    // Every (KPI, grain) query is one task, so two threads share six KPIs evenly.
    std::atomic<int> next{0};
    const int tasks = int(jobs.size()) * 3;
    std::vector<double> taskMs(size_t(tasks), 0.0);
    const QString path = d->warehouse->path();
    const auto work = [&] {
        KpiQuery query(path);
        query.setTimeLimitMs(30 * 60 * 1000); // large fact tables; an editor test run keeps 30 s
        int t;
        while ((t = next.fetch_add(1)) < tasks) {
            Job &job = jobs[size_t(t / 3)];
            if (!job.error.isEmpty())
                continue; // its stage failed: nothing to run
            QElapsedTimer timer;
            timer.start();
            const KpiQueryResult r =
                query.run(KpiPeriod::expandMacro(job.def.sql, kGrains[t % 3]), {}, 1000000, cancel);
            QString why;
            job.points[t % 3] = pointsFrom(r, &why);
            if (!why.isEmpty())
                job.error = why; // the same message from any grain
            taskMs[size_t(t)] = double(timer.nsecsElapsed()) / 1e6;
        }
    };
    profile.checkMs = double(phase.nsecsElapsed()) / 1e6;
    phase.restart();
    const int n = std::clamp(threads > 0 ? threads : QThread::idealThreadCount(), 1, std::max(1, tasks));
    profile.threads = n;
    std::vector<std::thread> pool;
    for (int i = 1; i < n; ++i)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    QHash<QString, QString> errors;
    if (cancel && cancel->load()) {
        // Cancelled: keep the previous rollups and fingerprints, so the next refresh redoes these.
        for (const Job &job : jobs)
            errors.insert(job.def.key, QStringLiteral("cancelled"));
        return errors;
    }
    profile.queryMs = double(phase.nsecsElapsed()) / 1e6;
    phase.restart();
    for (int t = 0; t < tasks; ++t)
        profile.slowest.append({QStringLiteral("%1/%2").arg(jobs[size_t(t / 3)].def.key,
                                                           KpiPeriod::grainName(kGrains[t % 3])),
                                taskMs[size_t(t)]});
    std::sort(profile.slowest.begin(), profile.slowest.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    // All rollups and computation records in one transaction: one commit (one WAL sync) for the
    // recompute, and a crash keeps the previous rollups and fingerprints of every KPI.
    Transaction tx(d->warehouse->database());
    for (size_t j = 0; j < jobs.size(); ++j) {
        Job &job = jobs[j];
        QString why = job.error;
        for (int g = 0; g < 3 && why.isEmpty(); ++g)
            d->warehouse->writeRollups(job.def.key, kGrains[g], job.points[g], &why);
        job.ms = taskMs[j * 3] + taskMs[j * 3 + 1] + taskMs[j * 3 + 2];
        d->warehouse->recordComputation(job.def.key, why.isEmpty() ? job.fingerprint : QString(), why, job.ms);
        if (!why.isEmpty())
            errors.insert(job.def.key, why);
    }
    if (QString why; !tx.commit(&why))
        for (const Job &job : jobs)
            errors.insert(job.def.key, QStringLiteral("storing the rollups failed: %1").arg(why));
    profile.writeMs = double(phase.nsecsElapsed()) / 1e6;
    d->profile = profile;
    return errors;
}

KpiEngine::ComputeProfile KpiEngine::lastComputeProfile() const
{
    return d->profile;
}

KpiRefreshReport KpiEngine::refresh(bool force, const Progress &progress,
                                    const std::atomic<bool> *cancel)
{
    KpiRefreshReport report;
    QElapsedTimer t;
    t.start();
    QStringList inputs;
    for (const KpiDefinition &def : d->definitions)
        for (const QString &input : def.inputs)
            if (!inputs.contains(input))
                inputs << input;
    const int total = int(inputs.size() + d->definitions.size());
    int done = 0;
    for (const QString &key : inputs) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            return report;
        }
        if (progress)
            progress(done, total, QStringLiteral("Loading %1").arg(key));
        const auto product = d->catalog->productByKey(key);
        const QString location = product && !product->datasets.isEmpty()
                                     ? product->datasets.first().location
                                     : QString();
        switch (d->warehouse->sync(key, location, force, cancel)) {
        case KpiWarehouse::SyncResult::Unchanged:
            ++report.inputsUnchanged;
            break;
        case KpiWarehouse::SyncResult::Loaded:
            ++report.inputsLoaded;
            break;
        case KpiWarehouse::SyncResult::Failed:
            ++report.inputsFailed;
            report.problems << QStringLiteral("%1: %2").arg(
                key, d->warehouse->input(key).value_or(KpiInputLoad{}).error);
            break;
        }
        ++done;
    }
    report.loadMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    d->query.reset(); // see the tables just swapped in
    // The stages of the KPIs whose inputs (or stage SQL) changed are rebuilt with the load;
    // a failed stage fails its KPI below, with the reason.
    if (progress)
        progress(done, total, QStringLiteral("Building KPI stages"));
    buildStages(d->definitions, force, cancel, 0, &report.stagesBuilt);
    if (cancel && cancel->load()) {
        report.cancelled = true;
        return report;
    }
    report.stageMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    QList<KpiDefinition> stale;
    for (const KpiDefinition &def : d->definitions) {
        if (!force && d->warehouse->computedFingerprint(def.key) == fingerprint(def))
            ++report.kpisUnchanged;
        else
            stale << def;
    }
    if (progress)
        progress(done, total, QStringLiteral("Computing %1 KPIs").arg(stale.size()));
    const QHash<QString, QString> errors = computeMany(stale, cancel);
    if (cancel && cancel->load()) {
        report.cancelled = true;
        return report;
    }
    for (const KpiDefinition &def : stale) {
        if (errors.contains(def.key)) {
            ++report.kpisFailed;
            report.problems << QStringLiteral("%1: %2").arg(def.name, errors.value(def.key));
        } else {
            ++report.kpisComputed;
        }
    }
    report.computeMs = double(t.nsecsElapsed()) / 1e6;
    if (progress)
        progress(total, total, QString());
    return report;
}

QList<KpiInputStatus> KpiEngine::inputStatus(const KpiDefinition &def) const
{
    QList<KpiInputStatus> out;
    const QDateTime now = d->clock();
    for (const QString &key : def.inputs) {
        KpiInputStatus s;
        s.productKey = key;
        const auto product = d->catalog->productByKey(key);
        if (!product) {
            s.state = KpiInputStatus::State::Missing;
            s.name = key;
            s.reason = QStringLiteral("%1 is not in the catalog").arg(key);
            out << s;
            continue;
        }
        s.name = product->name;
        s.domain = product->domain;
        s.ownerId = product->ownerId;
        s.updatedAt = product->updatedAt;
        s.slaHours = product->freshnessSlaHours;
        s.ageHours = product->updatedAt.isValid() ? double(product->updatedAt.secsTo(now)) / 3600.0 : 0;
        const auto load = d->warehouse->input(key);
        s.rows = load ? load->rows : 0;
        if (!load || (load->hash.isEmpty() && load->error.isEmpty())) {
            s.state = KpiInputStatus::State::Missing;
            s.reason = QStringLiteral("%1 has not been loaded yet; refresh").arg(s.name);
        } else if (!load->error.isEmpty()) {
            const bool missing = load->error.contains(QStringLiteral("missing")) ||
                                 load->error.contains(QStringLiteral("no sample"));
            s.state = missing ? KpiInputStatus::State::Missing : KpiInputStatus::State::Failing;
            s.reason = QStringLiteral("%1 %2").arg(s.name, load->error);
        } else if (load->rows == 0) {
            s.state = KpiInputStatus::State::Failing;
            s.reason = QStringLiteral("%1 fails its quality check: the sample has no rows").arg(s.name);
        } else if (s.slaHours <= 0) {
            s.state = KpiInputStatus::State::NoSla;
            s.reason = QStringLiteral("%1 has no freshness SLA").arg(s.name);
        } else if (!s.updatedAt.isValid() || s.ageHours > s.slaHours) {
            s.state = KpiInputStatus::State::Stale;
            s.reason = s.updatedAt.isValid()
                           ? QStringLiteral("%1 is stale: updated %2 h ago, its freshness SLA is %3 h")
                                 .arg(s.name)
                                 .arg(qRound(s.ageHours))
                                 .arg(s.slaHours)
                           : QStringLiteral("%1 has never been updated").arg(s.name);
        } else {
            s.state = KpiInputStatus::State::Fresh;
            s.reason = QStringLiteral("%1 updated %2 h ago (SLA %3 h)")
                           .arg(s.name)
                           .arg(qRound(s.ageHours))
                           .arg(s.slaHours);
        }
        out << s;
    }
    return out;
}

KpiTile::Status KpiEngine::statusFor(const KpiDefinition &def, std::optional<double> value,
                                     std::optional<double> scale)
{
    if (!value || (!def.green && !def.amber))
        return KpiTile::Status::NoTarget;
    const double f = scale.value_or(1.0);
    const auto atLeast = [&](double threshold) {
        return def.higherIsBetter ? *value >= threshold * f : *value <= threshold * f;
    };
    if (def.green && atLeast(*def.green))
        return KpiTile::Status::Green;
    if (def.amber && atLeast(*def.amber))
        return KpiTile::Status::Amber;
    return KpiTile::Status::Red;
}

KpiDashboard KpiEngine::dashboard(KpiGrain grain, QDate asOf, const QString &domain) const
{
    KpiDashboard dash;
    dash.catalogName = d->catalog->displayName();
    dash.catalogPath = d->catalog->path();
    dash.grain = grain;
    dash.asOf = asOf.isValid() ? asOf : d->clock().date();
    dash.generatedAt = d->clock();
    const QString limit = KpiPeriod::of(dash.asOf, grain);
    const QHash<QString, QList<KpiPoint>> rollups = d->warehouse->rollups(grain);
    for (const KpiDefinition &def : d->definitions) {
        KpiTile tile;
        tile.definition = def;
        tile.inputs = inputStatus(def);
        for (const KpiInputStatus &in : tile.inputs)
            if (!in.domain.isEmpty() && !tile.domains.contains(in.domain))
                tile.domains << in.domain;
        for (const QString &dom : tile.domains)
            if (!dash.domains.contains(dom))
                dash.domains << dom;
        if (!domain.isEmpty() && !tile.domains.contains(domain))
            continue;
        for (const KpiPoint &p : rollups.value(def.key))
            if (p.period <= limit)
                tile.series << p;
        const double scale = def.targetScale(grain);
        if (def.target)
            tile.target = *def.target * scale;
        if (!tile.series.isEmpty()) {
            const KpiPoint &cur = tile.series.last();
            tile.period = cur.period;
            tile.value = cur.value;
            tile.secondary = cur.secondary;
            tile.previousPeriod = KpiPeriod::previous(cur.period, grain);
            for (const KpiPoint &p : tile.series)
                if (p.period == tile.previousPeriod)
                    tile.previous = p.value;
        }
        tile.targetStatus = statusFor(def, tile.value, scale);
        tile.status = tile.targetStatus;
        QStringList problems;
        bool broken = false;
        const QString sqlError = d->warehouse->computationError(def.key);
        if (!sqlError.isEmpty()) {
            broken = true;
            problems << QStringLiteral("The definition fails: %1").arg(sqlError);
        }
        for (const KpiInputStatus &in : tile.inputs) {
            if (in.state == KpiInputStatus::State::Missing || in.state == KpiInputStatus::State::Failing)
                broken = true;
            if (in.isProblem())
                problems << in.reason;
        }
        if (!broken && tile.series.isEmpty())
            problems << QStringLiteral("No data up to %1 yet; refresh the KPIs").arg(limit);
        if (broken) {
            tile.status = KpiTile::Status::Error;
        } else if (!problems.isEmpty() || !tile.value) {
            tile.status = KpiTile::Status::Warning;
        }
        tile.reason = problems.join(QStringLiteral("; "));
        dash.tiles << tile;
    }
    dash.domains.sort();
    return dash;
}

KpiQueryResult KpiEngine::testRun(const KpiDefinition &def, KpiGrain grain,
                                  const std::atomic<bool> *cancel)
{
    KpiQueryResult r = query().run(KpiPeriod::expandMacro(def.sql, grain), {}, 100000, cancel);
    if (r.ok()) {
        QString why;
        pointsFrom(r, &why);
        if (!why.isEmpty())
            r.error = why;
    }
    return r;
}

KpiQueryResult KpiEngine::testRunStaged(const KpiDefinition &def, KpiGrain grain,
                                        const std::atomic<bool> *cancel)
{
    KpiQueryResult r;
    if (!def.hasStage()) {
        r.error = QStringLiteral("The KPI has no stage: write both the stage SQL and the period SQL.");
        return r;
    }
    const KpiQueryResult stage = query().run(def.stageSql, {}, kMaxStageRows, cancel);
    QString problem = stage.ok() ? stageShapeError(stage) : stage.error;
    if (!problem.isEmpty()) {
        r.error = QStringLiteral("Stage SQL: %1").arg(problem);
        return r;
    }
    // The period SQL runs over the stage rows in a scratch database, read-only like any KPI SQL.
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("stage.sqlite"));
    {
        QString why;
        auto db = Database::open(path, Database::Mode::ReadWriteCreate, &why);
        bool kept = db != nullptr;
        if (kept) {
            Transaction tx(*db);
            kept = KpiWarehouse::createTable(*db, KpiDefinition::stageTable(def.key), stage.columns,
                                             stage.rows, &why) &&
                   tx.commit(&why);
        }
        if (!kept) {
            r.error = QStringLiteral("Stage SQL: its rows cannot be kept: %1").arg(why);
            return r;
        }
    }
    KpiQuery period(path);
    r = period.run(KpiPeriod::expandMacro(def.periodSql, grain), {}, 100000, cancel);
    if (!r.ok()) {
        r.error = QStringLiteral("Period SQL: %1").arg(r.error);
        return r;
    }
    QString why;
    pointsFrom(r, &why);
    if (!why.isEmpty())
        r.error = QStringLiteral("Period SQL: %1").arg(why);
    else
        r.note = QStringLiteral("The stage has %1 rows (table %2).")
                     .arg(stage.rows.size())
                     .arg(KpiDefinition::stageTable(def.key));
    return r;
}

KpiQueryResult KpiEngine::testRunAll(const KpiDefinition &def, KpiGrain grain,
                                     const std::atomic<bool> *cancel)
{
    const KpiQueryResult raw = testRun(def, grain, cancel);
    const bool stageWritten = !def.stageSql.trimmed().isEmpty() || !def.periodSql.trimmed().isEmpty();
    if (!raw.ok() || !stageWritten)
        return raw;
    if (!def.hasStage()) {
        KpiQueryResult r = raw;
        r.error = QStringLiteral("Write both the stage SQL and the period SQL, or clear both.");
        return r;
    }
    KpiQueryResult staged = testRunStaged(def, grain, cancel);
    if (!staged.ok())
        return staged;
    QString ignored;
    const QString diff = comparePoints(pointsFrom(raw, &ignored), pointsFrom(staged, &ignored));
    if (!diff.isEmpty())
        staged.error = QStringLiteral("The period SQL over the stage does not give the value SQL's "
                                      "figures at %1: %2")
                           .arg(KpiPeriod::grainName(grain), diff);
    else
        staged.note += QStringLiteral(" Its %1 periods equal the value SQL's at %2.")
                           .arg(staged.rows.size())
                           .arg(KpiPeriod::grainName(grain));
    return staged;
}

QString KpiEngine::comparePoints(const QList<KpiPoint> &expected, const QList<KpiPoint> &actual)
{
    const auto same = [](const std::optional<double> &a, const std::optional<double> &b) {
        if (a.has_value() != b.has_value())
            return false;
        return !a || std::abs(*a - *b) <= 1e-9 * std::max({1.0, std::abs(*a), std::abs(*b)});
    };
    const auto text = [](const std::optional<double> &v) {
        return v ? QString::number(*v, 'g', 15) : QStringLiteral("NULL");
    };
    if (expected.size() != actual.size())
        return QStringLiteral("%1 periods instead of %2").arg(actual.size()).arg(expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const KpiPoint &e = expected.at(i);
        const KpiPoint &a = actual.at(i);
        if (e.period != a.period)
            return QStringLiteral("period %1 instead of %2").arg(a.period, e.period);
        if (!same(e.value, a.value))
            return QStringLiteral("%1: value %2 instead of %3").arg(e.period, text(a.value), text(e.value));
        if (!same(e.secondary, a.secondary))
            return QStringLiteral("%1: secondary %2 instead of %3")
                .arg(e.period, text(a.secondary), text(e.secondary));
    }
    return {};
}

KpiQueryResult KpiEngine::breakdown(const KpiDefinition &def, KpiGrain grain, const QString &period)
{
    if (def.breakdownSql.trimmed().isEmpty())
        return {};
    return query().run(KpiPeriod::expandMacro(def.breakdownSql, grain),
                       {{QStringLiteral("period"), period}}, 1000);
}

KpiQueryResult KpiEngine::rows(const KpiDefinition &def, KpiGrain grain, const QString &period,
                               int maxRows)
{
    if (def.rowsSql.trimmed().isEmpty())
        return {};
    return query().run(KpiPeriod::expandMacro(def.rowsSql, grain),
                       {{QStringLiteral("period"), period}}, maxRows);
}

bool KpiEngine::saveDefinition(const KpiDefinition &def, const QString &userId, QString *error,
                               bool *refused)
{
    if (refused)
        *refused = false;
    // The policy first, so a refused user learns that rather than an SQL detail.
    const AccessDecision decision =
        AccessPolicy(*d->catalog).decide(userId, AccessAction::EditMetadata, {def.key, {}});
    if (!decision.allowed()) {
        if (refused)
            *refused = true;
        if (error)
            *error = decision.reason;
        return false;
    }
    for (const QString &input : def.inputs) {
        const auto product = d->catalog->productByKey(input);
        if (product && !product->datasets.isEmpty())
            d->warehouse->sync(input, product->datasets.first().location, false);
    }
    d->query.reset();
    for (KpiGrain grain : {KpiGrain::Month, KpiGrain::Quarter, KpiGrain::Year}) {
        const KpiQueryResult r = testRunAll(def, grain);
        if (!r.ok()) {
            if (error)
                *error = QStringLiteral("Not saved: %1").arg(r.error);
            return false;
        }
    }
    if (!KpiStore(*d->catalog).save(def, userId, error, refused))
        return false;
    reloadDefinitions();
    return compute(def, error);
}

} // namespace Mesh
