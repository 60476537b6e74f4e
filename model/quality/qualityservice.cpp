// SPDX-License-Identifier: MIT
#include "quality/qualityservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "contract/contractcheck.h"
#include "contract/odcscontract.h"
#include "db/sqlite.h"
#include "lineage/lineagegraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQueue>

namespace Mesh {

namespace {

const QString kAlertSelect = QStringLiteral(
    "SELECT id, product_key, kind, fingerprint, severity, title, detail, state, first_seen, "
    "last_seen, acknowledged_by, acknowledged_at, resolved_by, resolved_at, note "
    "FROM quality_alerts ");

QualityAlert readAlert(Statement &st)
{
    QualityAlert a;
    a.id = st.integer(0);
    a.finding.productKey = st.text(1);
    QualityFinding::kindFromName(st.text(2), &a.finding.kind);
    a.finding.fingerprint = st.text(3);
    a.finding.severity = st.text(4);
    a.finding.title = st.text(5);
    a.finding.detail = st.text(6);
    a.state = QualityAlert::stateFromName(st.text(7));
    a.firstSeen = parseAccessTime(st.text(8));
    a.lastSeen = parseAccessTime(st.text(9));
    a.acknowledgedBy = st.text(10);
    a.acknowledgedAt = parseAccessTime(st.text(11));
    a.resolvedBy = st.text(12);
    a.resolvedAt = parseAccessTime(st.text(13));
    a.note = st.text(14);
    return a;
}

AccessOutcome outcome(AccessOutcome::Code code, const QString &message)
{
    AccessOutcome o;
    o.code = code;
    o.message = message;
    return o;
}

std::optional<OdcsContract> storedContract(Database &db, const QString &productKey)
{
    Statement &st =
        db.prepare(QStringLiteral("SELECT yaml FROM product_contracts WHERE product_key = ?1"));
    st.bind(1, productKey);
    if (!st.step())
        return std::nullopt;
    const QByteArray yaml = st.text(0).toUtf8();
    st.reset();
    OdcsParseResult parsed = Odcs::parse(yaml);
    return parsed.contract;
}

QString snapshotJson(const QList<SnapshotColumn> &columns)
{
    QJsonArray array;
    for (const SnapshotColumn &c : columns)
        array.append(
            QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.type}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<SnapshotColumn> parseSnapshot(const QString &json)
{
    QList<SnapshotColumn> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append({v[QStringLiteral("name")].toString(), v[QStringLiteral("type")].toString()});
    return out;
}

} // namespace

QualityService::QualityService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, std::move(clock))
{
}

QList<QualityFinding> QualityService::detect(const Product &product, QStringList *problems)
{
    QList<QualityFinding> findings;
    if (auto f = QualityDetectors::freshness(product, m_policy.now()))
        findings.append(*f);
    const std::optional<OdcsContract> contract = storedContract(m_store.database(), product.key);
    QHash<QString, SampleTable> samples;
    for (const Dataset &ds : product.datasets) {
        if (ds.location.isEmpty())
            continue;
        SampleTable sample = SampleTable::read(ds.location);
        if (!sample.error.isEmpty()) {
            if (problems)
                problems->append(
                    QStringLiteral("%1 / %2: %3").arg(product.key, ds.name, sample.error));
            continue;
        }
        if (auto f =
                QualityDetectors::missingDays(product.key, ds, sample, product.freshnessSlaHours))
            findings.append(*f);
        QStringList keys;
        if (contract)
            for (const OdcsSchemaObject &o : contract->schema)
                if (o.name == ds.name)
                    for (const OdcsProperty &p : o.properties)
                        if (p.primaryKey)
                            keys.append(p.name);
        if (keys.isEmpty())
            keys = QualityDetectors::guessKeyColumns(ds, sample);
        if (auto f = QualityDetectors::duplicates(product.key, ds.name, sample, keys))
            findings.append(*f);
        if (auto f = QualityDetectors::declaredDrift(product.key, ds, sample))
            findings.append(*f);
        findings.append(QualityDetectors::nullSpikes(product.key, ds.name, sample));

        // Snapshots: record the data's schema when it changed, and report the change.
        const QList<SnapshotColumn> now = QualityDetectors::snapshotOf(sample);
        Database &db = m_store.database();
        Statement &last = db.prepare(QStringLiteral(
            "SELECT columns, taken_at FROM schema_snapshots WHERE product_key = ?1 AND "
            "dataset = ?2 ORDER BY id DESC LIMIT 1"));
        last.bind(1, product.key).bind(2, ds.name);
        std::optional<QList<SnapshotColumn>> before;
        QDateTime beforeAt;
        if (last.step()) {
            before = parseSnapshot(last.text(0));
            beforeAt = parseAccessTime(last.text(1));
        }
        last.reset();
        if (!before || *before != now) {
            if (before) {
                if (auto f = QualityDetectors::snapshotDrift(product.key, ds.name, *before, now,
                                                             beforeAt))
                    findings.append(*f);
            }
            if (!m_store.isReadOnly()) {
                Statement &ins = db.prepare(QStringLiteral(
                    "INSERT INTO schema_snapshots(product_key, dataset, taken_at, columns) "
                    "VALUES(?1, ?2, ?3, ?4)"));
                ins.bind(1, product.key)
                    .bind(2, ds.name)
                    .bind(3, accessTime(m_policy.now()))
                    .bind(4, snapshotJson(now));
                ins.exec();
            }
        }
        samples.insert(ds.name, std::move(sample));
    }
    if (contract)
        findings.append(ContractCheck::run(*contract, product, samples).findings);
    return findings;
}

bool QualityService::store(const QList<QualityFinding> &findings, const QString &productKey,
                           QualityScanSummary *summary, QString *error)
{
    Q_UNUSED(productKey);
    Database &db = m_store.database();
    const QString t = accessTime(m_policy.now());
    for (const QualityFinding &f : findings) {
        Statement &up = db.prepare(QStringLiteral(
            "UPDATE quality_alerts SET last_seen = ?3, title = ?4, detail = ?5, severity = ?6 "
            "WHERE product_key = ?1 AND fingerprint = ?2 AND state <> 'resolved'"));
        up.bind(1, f.productKey)
            .bind(2, f.fingerprint)
            .bind(3, t)
            .bind(4, f.title)
            .bind(5, f.detail)
            .bind(6, f.severity);
        if (!up.exec()) {
            *error = up.lastError();
            return false;
        }
        if (db.changes() > 0) {
            ++summary->refreshed;
            continue;
        }
        // NULL id: the next rowid, as in any catalog; on a team cache one of its own range.
        Statement &ins = db.prepare(QStringLiteral(
            "INSERT INTO quality_alerts(id, product_key, kind, fingerprint, severity, title, "
            "detail, state, first_seen, last_seen) VALUES((SELECT CASE WHEN EXISTS (SELECT 1 FROM "
            "team_sync) THEN max(coalesce((SELECT max(id) FROM quality_alerts), 0), ?8) + 1 END), "
            "?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?7)"));
        ins.bind(1, f.productKey)
            .bind(2, QualityFinding::kindName(f.kind))
            .bind(3, f.fingerprint)
            .bind(4, f.severity)
            .bind(5, f.title)
            .bind(6, f.detail)
            .bind(7, t)
            .bind(8, kTeamLocalIdBase);
        if (!ins.exec()) {
            *error = ins.lastError();
            return false;
        }
        ++summary->raised;
    }
    return true;
}

QualityScanSummary QualityService::scan(const QString &productKey, const std::atomic<bool> *cancel,
                                        const Progress &progress)
{
    QualityScanSummary summary;
    refreshSnapshot(m_store.database());
    QStringList keys;
    if (productKey.isEmpty()) {
        Statement &st =
            m_store.database().prepare(QStringLiteral("SELECT key FROM products ORDER BY key"));
        while (st.step())
            keys.append(st.text(0));
        st.reset();
    } else {
        keys.append(productKey);
    }
    int done = 0;
    for (const QString &key : keys) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const std::optional<Product> product = m_store.productByKey(key);
        if (!product) {
            summary.problems.append(QStringLiteral("There is no product “%1”.").arg(key));
            continue;
        }
        // Detection reads the sample data, which can take seconds for a large file: it runs
        // before the write transaction, so that other writers (an import, an edit, another
        // desktop) are not kept waiting on the lock meanwhile. Then one transaction per
        // product: its snapshots and alerts commit together.
        const QList<QualityFinding> findings = detect(*product, &summary.problems);
        summary.findings += int(findings.size());
        CatalogError error;
        const bool ok = m_store.transaction(
            [&](CatalogError *e) {
                QString message;
                if (!store(findings, key, &summary, &message)) {
                    *e = {CatalogError::Code::Io, message};
                    return false;
                }
                return true;
            },
            &error);
        if (!ok)
            summary.problems.append(QStringLiteral("%1: %2").arg(key, error.message));
        ++summary.products;
        if (progress)
            progress(++done, int(keys.size()));
    }
    return summary;
}

QList<QualityAlert> QualityService::alerts(const QString &productKey, bool includeResolved) const
{
    refreshSnapshot(m_store.database());
    QString sql = kAlertSelect + QStringLiteral("WHERE (?1 = '' OR product_key = ?1) ");
    if (!includeResolved)
        sql += QStringLiteral("AND state <> 'resolved' ");
    sql += QStringLiteral("ORDER BY CASE severity WHEN 'critical' THEN 0 ELSE 1 END, "
                          "last_seen DESC, id DESC");
    Statement &st = m_store.database().prepare(sql);
    st.bind(1, productKey);
    QList<QualityAlert> out;
    while (st.step())
        out.append(readAlert(st));
    return out;
}

std::optional<QualityAlert> QualityService::alert(qint64 id) const
{
    Statement &st = m_store.database().prepare(kAlertSelect + QStringLiteral("WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    QualityAlert a = readAlert(st);
    st.reset();
    return a;
}

AccessOutcome QualityService::acknowledge(const QString &actor, qint64 alertId, const QString &note)
{
    return transition(actor, alertId, QualityAlert::State::Acknowledged, note);
}

AccessOutcome QualityService::resolve(const QString &actor, qint64 alertId, const QString &note)
{
    return transition(actor, alertId, QualityAlert::State::Resolved, note);
}

AccessOutcome QualityService::transition(const QString &actor, qint64 alertId,
                                         QualityAlert::State to, const QString &note)
{
    using Code = AccessOutcome::Code;
    refreshSnapshot(m_store.database());
    const std::optional<QualityAlert> a = alert(alertId);
    if (!a)
        return outcome(Code::Invalid, QStringLiteral("There is no alert #%1.").arg(alertId));
    if (a->state == QualityAlert::State::Resolved)
        return outcome(Code::Invalid, QStringLiteral("Alert #%1 was already resolved by %2.")
                                          .arg(alertId)
                                          .arg(a->resolvedBy));
    if (to == QualityAlert::State::Acknowledged && a->state == QualityAlert::State::Acknowledged)
        return outcome(Code::Invalid, QStringLiteral("Alert #%1 was already acknowledged by %2.")
                                          .arg(alertId)
                                          .arg(a->acknowledgedBy));
    AccessResource resource;
    resource.productKey = a->finding.productKey;
    const AccessDecision decision =
        m_policy.decide(actor, AccessAction::ManageQualityAlerts, resource);
    if (!decision.allowed())
        return outcome(Code::Refused, decision.reason);

    const QDateTime now = m_policy.now();
    const bool resolving = to == QualityAlert::State::Resolved;
    CatalogError error;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            Statement &st = db.prepare(
                resolving ? QStringLiteral("UPDATE quality_alerts SET state = 'resolved', "
                                           "resolved_by = ?2, resolved_at = ?3, note = ?4 "
                                           "WHERE id = ?1 AND state <> 'resolved'")
                          : QStringLiteral("UPDATE quality_alerts SET state = 'acknowledged', "
                                           "acknowledged_by = ?2, acknowledged_at = ?3, note = ?4 "
                                           "WHERE id = ?1 AND state = 'open'"));
            st.bind(1, alertId).bind(2, actor).bind(3, accessTime(now)).bind(4, note);
            if (!st.exec() || db.changes() != 1) {
                *e = {CatalogError::Code::Io,
                      st.lastError().isEmpty()
                          ? QStringLiteral("the alert changed meanwhile; reload and try again")
                          : st.lastError()};
                return false;
            }
            AuditEntry entry;
            entry.at = now;
            entry.actor = actor;
            entry.action =
                resolving ? QStringLiteral("resolve-alert") : QStringLiteral("acknowledge-alert");
            entry.productKey = a->finding.productKey;
            entry.subject = QStringLiteral("alert #%1").arg(alertId);
            entry.detail = QStringLiteral("%1 (%2)%3")
                               .arg(a->finding.title, QualityFinding::kindName(a->finding.kind),
                                    note.isEmpty() ? QString() : QStringLiteral(": ") + note);
            QString message;
            if (!AuditLog::append(db, entry, &message)) {
                *e = {CatalogError::Code::Io, message};
                return false;
            }
            return true;
        },
        &error);
    if (!ok)
        return outcome(
            Code::Failed,
            QStringLiteral("Alert #%1 was not changed: %2").arg(alertId).arg(error.message));
    AccessOutcome done;
    done.id = alertId;
    done.message =
        QStringLiteral("Alert #%1 %2 by %3.")
            .arg(alertId)
            .arg(resolving ? QStringLiteral("resolved") : QStringLiteral("acknowledged"), actor);
    return done;
}

QList<AffectingAlert> QualityService::alertsAffecting(const QString &productKey) const
{
    LineageGraph graph;
    CatalogError error;
    if (!LineageGraph::load(m_store, &graph, &error))
        return {};
    return alertsAffecting(graph, productKey);
}

QHash<QString, QList<AffectingAlert>>
QualityService::alertsAffecting(const QStringList &productKeys) const
{
    QHash<QString, QList<AffectingAlert>> out;
    LineageGraph graph;
    CatalogError error;
    if (!LineageGraph::load(m_store, &graph, &error))
        return out;
    for (const QString &key : productKeys)
        out.insert(key, alertsAffecting(graph, key));
    return out;
}

QList<AffectingAlert> QualityService::alertsAffecting(const LineageGraph &graph,
                                                      const QString &productKey) const
{
    QList<AffectingAlert> out;
    // Upstream breadth-first from the product: the first time a product is reached gives its
    // distance and path; datasets and columns count for the product they belong to.
    struct Reach
    {
        int distance = 0;
        QStringList path; // from this product down to productKey
    };
    QHash<QString, Reach> reached;
    reached.insert(productKey, {0, {productKey}});
    const int start = graph.find(productKey);
    if (start >= 0) {
        QHash<int, QStringList> pathOf; // node -> product path down to productKey
        QQueue<int> queue;
        queue.enqueue(start);
        pathOf.insert(start, {productKey});
        while (!queue.isEmpty()) {
            const int n = queue.dequeue();
            for (int li : graph.inLinks(n)) {
                const int from = graph.link(li).from;
                if (pathOf.contains(from))
                    continue;
                const LineageNode &node = graph.node(from);
                const QString key = node.level == LineageLevel::Product ? node.id : node.productKey;
                QStringList path = pathOf.value(n);
                const bool newProduct = !key.isEmpty() && key != path.first();
                if (newProduct)
                    path.prepend(key);
                pathOf.insert(from, path);
                if (newProduct && !reached.contains(key))
                    reached.insert(key, {int(path.size()) - 1, path});
                queue.enqueue(from);
            }
        }
    }
    for (auto it = reached.cbegin(); it != reached.cend(); ++it)
        for (const QualityAlert &a : alerts(it.key()))
            out.append({a, it->distance, it->path});
    std::stable_sort(out.begin(), out.end(), [](const AffectingAlert &a, const AffectingAlert &b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return a.alert.id > b.alert.id;
    });
    return out;
}

} // namespace Mesh
