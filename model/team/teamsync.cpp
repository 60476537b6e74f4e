// SPDX-License-Identifier: MIT
#include "team/teamsync.h"

#include "access/accesstypes.h"
#include "catalog/productinserter.h"
#include "catalog/searchindexbuilder.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "editing/metadatasnapshot.h"
#include "quality/qualityservice.h"
#include "system/backgrounddisposer.h"
#include "team/pgconnection.h"
#include "team/teamcatalog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <utility>

namespace Mesh {

namespace {

constexpr int kPage = 5000;
constexpr int kFirstPage = 500;
// A sync that wrote more products than this ends with a full checkpoint of its own.
constexpr int kCheckpointAbove = 2000;

bool fail(QString *error, const PgConnection &conn, const QString &what, const PgResult &r);

struct Fetched
{
    QList<Domain> domains;
    QList<User> users;
    QList<Product> products;
    QStringList removedProducts;
    QList<LineageEdge> edges;
    QList<QVariantList> requests; // access_requests rows the connected role may read
    QList<QVariantList> grants;   // access_grants rows the connected role may read
    // fetchRecords/applyRecords (teamrecords below): the rest of the team catalog.
    QList<QVariantList> approvals;
    QList<QVariantList> versions;
    QList<QVariantList> policies;
    QList<QVariantList> alerts;
    QList<QVariantList> claims;
    QList<QVariantList> contracts;
    QList<QPair<QString, int>> rowVersions;
};

const QString kTime =
    QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");

QVariantList rowOf(const PgResult &r, int row)
{
    QVariantList values;
    for (int c = 0; c < r.columns(); ++c)
        values.append(r.isNull(row, c) ? QVariant() : QVariant(r.text(row, c)));
    return values;
}

/** Requests and grants, as row-level security lets the connected role see them. */
bool fetchAccess(PgConnection &conn, const QStringList *requestIds, const QStringList *grantIds,
                 Fetched &f, QString *error)
{
    if (!requestIds || !requestIds->isEmpty()) {
        const PgResult r = conn.exec(
            QStringLiteral("SELECT id, product_key, requester_id, array_to_string(columns, ','), "
                           "purpose, %1, %2, approvals_needed, status, %3, %4, decided_by, reason "
                           "FROM access_requests %5 ORDER BY id")
                .arg(kTime.arg(QStringLiteral("starts_at")), kTime.arg(QStringLiteral("ends_at")),
                     kTime.arg(QStringLiteral("created_at")),
                     kTime.arg(QStringLiteral("decided_at")),
                     requestIds ? QStringLiteral("WHERE id::text = ANY($1::text[])") : QString()),
            requestIds ? PgParams{QVariant(*requestIds)} : PgParams{});
        if (!r.ok())
            return fail(error, conn, QStringLiteral("reading access requests"), r);
        for (int i = 0; i < r.rows(); ++i)
            f.requests.append(rowOf(r, i));
    }
    if (!grantIds || !grantIds->isEmpty()) {
        const PgResult g = conn.exec(
            QStringLiteral("SELECT id, request_id, product_key, user_id, array_to_string(columns, "
                           "','), %1, %2, %3, granted_by, %4, revoked_by, revoke_reason FROM "
                           "access_grants %5 ORDER BY id")
                .arg(kTime.arg(QStringLiteral("starts_at")), kTime.arg(QStringLiteral("ends_at")),
                     kTime.arg(QStringLiteral("granted_at")),
                     kTime.arg(QStringLiteral("revoked_at")),
                     grantIds ? QStringLiteral("WHERE id::text = ANY($1::text[])") : QString()),
            grantIds ? PgParams{QVariant(*grantIds)} : PgParams{});
        if (!g.ok())
            return fail(error, conn, QStringLiteral("reading access grants"), g);
        for (int i = 0; i < g.rows(); ++i)
            f.grants.append(rowOf(g, i));
    }
    return true;
}

/** Writes fetched requests and grants into the cache's access tables, keeping server ids. */
bool applyAccess(Database &db, const Fetched &f, CatalogError *e)
{
    auto bindAll = [](Statement &st, const QVariantList &row) {
        for (qsizetype i = 0; i < row.size(); ++i)
            row.at(i).isNull() ? st.bindNull(int(i + 1))
                               : st.bind(int(i + 1), row.at(i).toString());
    };
    // A decided request is final here too (the cache's triggers say so): only pending rows move.
    Statement &req = db.prepare(QStringLiteral(
        "INSERT INTO access_requests(id, product_key, requester_id, columns, purpose, starts_at, "
        "ends_at, approvals_needed, status, created_at, decided_at, decided_by, reason) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT(id) DO UPDATE SET "
        "status = excluded.status, decided_at = excluded.decided_at, decided_by = "
        "excluded.decided_by, reason = excluded.reason WHERE access_requests.status = 'pending' "
        "AND excluded.status <> 'pending'"));
    for (const QVariantList &row : f.requests) {
        req.reset();
        bindAll(req, row);
        if (!req.exec()) {
            e->code = CatalogError::Code::Io;
            e->message = QStringLiteral("Saving access request #%1: %2")
                             .arg(row.value(0).toString(), req.lastError());
            return false;
        }
    }
    Statement &grant = db.prepare(QStringLiteral(
        "INSERT INTO access_grants(id, request_id, product_key, user_id, columns, starts_at, "
        "ends_at, granted_at, granted_by, revoked_at, revoked_by, revoke_reason) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(id) DO UPDATE SET revoked_at = "
        "excluded.revoked_at, revoked_by = excluded.revoked_by, revoke_reason = "
        "excluded.revoke_reason WHERE access_grants.revoked_at IS NULL AND excluded.revoked_at IS "
        "NOT NULL"));
    for (const QVariantList &row : f.grants) {
        grant.reset();
        bindAll(grant, row);
        if (!grant.exec()) {
            e->code = CatalogError::Code::Io;
            e->message = QStringLiteral("Saving access grant #%1: %2")
                             .arg(row.value(0).toString(), grant.lastError());
            return false;
        }
    }
    return true;
}

bool fail(QString *error, const PgConnection &conn, const QString &what, const PgResult &r)
{
    if (error)
        *error = QStringLiteral("team server %1: %2: %3").arg(conn.server(), what, r.error());
    return false;
}

bool fetchDomains(PgConnection &conn, const QString &where, const PgParams &params, Fetched &f,
                  QString *error)
{
    const PgResult r =
        conn.exec(QStringLiteral("SELECT name, description, color FROM domains ") + where, params);
    if (!r.ok())
        return fail(error, conn, QStringLiteral("reading domains"), r);
    for (int i = 0; i < r.rows(); ++i)
        f.domains.append(Domain{0, r.text(i, 0), r.text(i, 1), r.text(i, 2)});
    return true;
}

bool fetchUsers(PgConnection &conn, const QString &where, const PgParams &params, Fetched &f,
                QString *error)
{
    const PgResult r = conn.exec(
        QStringLiteral("SELECT id, display_name, email, roles, domain FROM users ") + where,
        params);
    if (!r.ok())
        return fail(error, conn, QStringLiteral("reading users"), r);
    for (int i = 0; i < r.rows(); ++i)
        f.users.append(User{r.text(i, 0), r.text(i, 1), r.text(i, 2), parsePgArray(r.text(i, 3)),
                            r.text(i, 4)});
    return true;
}

bool fetchEdges(PgConnection &conn, const QString &where, const PgParams &params, Fetched &f,
                QString *error)
{
    const PgResult r = conn.exec(
        QStringLiteral("SELECT from_key, to_key, kind, job_name FROM lineage_edges ") + where,
        params);
    if (!r.ok())
        return fail(error, conn, QStringLiteral("reading lineage"), r);
    for (int i = 0; i < r.rows(); ++i)
        f.edges.append(LineageEdge{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return true;
}

/** Hands over fetched products a page at a time (from the fetching thread, in a full sync). */
class PageQueue
{
public:
    void push(QList<Product> page)
    {
        std::lock_guard lock(m_mutex);
        m_pages.push_back(std::move(page));
        m_ready.notify_one();
    }
    void finish(const QString &error)
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_error = error;
        m_ready.notify_one();
    }
    /** The next page; false at the end (or after an error). */
    bool pop(QList<Product> &page)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_pages.empty() || m_done; });
        if (m_pages.empty())
            return false;
        page = std::move(m_pages.front());
        m_pages.pop_front();
        return true;
    }
    QString error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<QList<Product>> m_pages;
    bool m_done = false;
    QString m_error;
};

bool fetchProducts(PgConnection &conn, const QStringList *keys, Fetched &f, QString *error,
                   PageQueue *queue = nullptr)
{
    // Pages by key, so that a 100,000-product catalog never sits in memory as one result. The
    // first page is small so that the writing thread, which sets the pace, starts sooner.
    QString after;
    QSet<QString> seen;
    for (int limit = kFirstPage;; limit = kPage) {
        const PgResult r =
            keys ? conn.exec(QStringLiteral("SELECT %1 FROM products WHERE key = ANY($1::text[]) "
                                            "AND key > $2 ORDER BY key LIMIT %2")
                                 .arg(TeamCatalog::productColumns())
                                 .arg(limit),
                             {QVariant(*keys), after})
                 : conn.exec(QStringLiteral("SELECT %1 FROM products WHERE key > $1 ORDER BY key "
                                            "LIMIT %2")
                                 .arg(TeamCatalog::productColumns())
                                 .arg(limit),
                             {after});
        if (!r.ok())
            return fail(error, conn, QStringLiteral("reading products"), r);
        QList<Product> page;
        page.reserve(r.rows());
        for (int i = 0; i < r.rows(); ++i) {
            page.append(TeamCatalog::productAt(r, i));
            if (keys)
                seen.insert(page.last().key);
        }
        const bool last = r.rows() < limit;
        if (!last)
            after = page.last().key;
        if (queue)
            queue->push(std::move(page));
        else
            f.products.append(page);
        if (last)
            break;
    }
    if (keys)
        for (const QString &k : *keys)
            if (!seen.contains(k))
                f.removedProducts.append(k);
    return true;
}


// The rest of the team catalog: approvals, metadata versions (and each product's row_version),
// governance policies and quality alerts with their acknowledgements. Kept apart from the
// product/domain/user/edge path above. keys: the change log's row keys per table since the last
// sync, or null for everything (a first sync).

bool fetchRows(PgConnection &conn, const QString &sql, const QString &table, const QString &keyColumn,
               const QHash<QString, QStringList> *keys, QList<QVariantList> &into, QString *error)
{
    if (keys && !keys->contains(table))
        return true;
    const PgResult r =
        keys ? conn.exec(sql + QStringLiteral(" WHERE %1 = ANY($1::text[])").arg(keyColumn),
                         {QVariant(keys->value(table))})
             : conn.exec(sql);
    if (!r.ok())
        return fail(error, conn, QStringLiteral("reading %1").arg(table), r);
    for (int i = 0; i < r.rows(); ++i)
        into.append(rowOf(r, i));
    return true;
}

bool fetchRecords(PgConnection &conn, const QHash<QString, QStringList> *keys, Fetched &f,
                  QString *error)
{
    if (!fetchRows(conn,
                   QStringLiteral("SELECT request_id, approver_id, capacity, "
                                  "array_to_string(columns, ','), %1, %2 FROM access_approvals")
                       .arg(kTime.arg(QStringLiteral("ends_at")),
                            kTime.arg(QStringLiteral("approved_at"))),
                   QStringLiteral("access_approvals"), QStringLiteral("approval_key"), keys,
                   f.approvals, error) ||
        !fetchRows(conn,
                   QStringLiteral("SELECT product_key, version, author, %1, summary, "
                                  "snapshot::text FROM product_versions")
                       .arg(kTime.arg(QStringLiteral("created_at"))),
                   QStringLiteral("product_versions"), QStringLiteral("id::text"), keys,
                   f.versions, error) ||
        !fetchRows(conn,
                   QStringLiteral("SELECT scope, kind, parameter, CASE WHEN enabled THEN 1 ELSE 0 "
                                  "END, %1, updated_by FROM governance_policies")
                       .arg(kTime.arg(QStringLiteral("updated_at"))),
                   QStringLiteral("governance_policies"), QStringLiteral("policy_key"), keys,
                   f.policies, error) ||
        !fetchRows(conn,
                   QStringLiteral("SELECT id, product_key, kind, fingerprint, severity, title, "
                                  "detail, state, %1, %2, acknowledged_by, %3, resolved_by, %4, "
                                  "note FROM quality_alerts")
                       .arg(kTime.arg(QStringLiteral("first_seen")),
                            kTime.arg(QStringLiteral("last_seen")),
                            kTime.arg(QStringLiteral("acknowledged_at")),
                            kTime.arg(QStringLiteral("resolved_at"))),
                   QStringLiteral("quality_alerts"), QStringLiteral("id::text"), keys, f.alerts,
                   error))
        return false;
    // Ownership claims arrived with server migration 4 and data contracts with 8; an older
    // server has none to send.
    const PgResult tables = conn.exec(
        QStringLiteral("SELECT to_regclass('public.ownership_claims') IS NOT NULL, "
                       "to_regclass('public.product_contracts') IS NOT NULL"));
    if (tables.ok() && tables.boolean(0, 0) &&
        !fetchRows(conn,
                   QStringLiteral("SELECT id, product_key, claimant_id, reason, status, %1, %2, "
                                  "decided_by, decision_reason FROM ownership_claims")
                       .arg(kTime.arg(QStringLiteral("created_at")),
                            kTime.arg(QStringLiteral("decided_at"))),
                   QStringLiteral("ownership_claims"), QStringLiteral("id::text"), keys, f.claims,
                   error))
        return false;
    if (tables.ok() && tables.boolean(0, 1) &&
        !fetchRows(conn,
                   QStringLiteral("SELECT product_key, yaml, %1, imported_by FROM product_contracts")
                       .arg(kTime.arg(QStringLiteral("imported_at"))),
                   QStringLiteral("product_contracts"), QStringLiteral("product_key"), keys,
                   f.contracts, error))
        return false;
    QList<QVariantList> rowVersions;
    if (!fetchRows(conn, QStringLiteral("SELECT key, row_version FROM products"),
                   QStringLiteral("products"), QStringLiteral("key"), keys, rowVersions, error))
        return false;
    f.rowVersions.reserve(rowVersions.size());
    for (const QVariantList &row : std::as_const(rowVersions))
        f.rowVersions.append({row.value(0).toString(), row.value(1).toInt()});
    return true;
}

/** The server's version snapshot (a products row) as a cache snapshot. */
QJsonObject cacheSnapshot(const SqliteCatalogStore &store, const QString &productKey,
                          const QString &serverSnapshot)
{
    const QJsonObject s = QJsonDocument::fromJson(serverSnapshot.toUtf8()).object();
    std::optional<Product> p = store.productByKey(productKey);
    if (!p)
        return {};
    // Versions saved before datasets were versioned on the server have none: the cache's stay.
    if (const QJsonValue datasets = s.value(QStringLiteral("datasets")); datasets.isArray())
        p->datasets = TeamCatalog::datasetsFromJson(
            QJsonDocument(datasets.toArray()).toJson(QJsonDocument::Compact));
    auto list = [&s](const char *field) {
        QStringList l;
        for (const QJsonValue &v : s.value(QLatin1String(field)).toArray())
            l.append(v.toString());
        return l;
    };
    p->name = s.value(QStringLiteral("name")).toString(p->name);
    p->description = s.value(QStringLiteral("description")).toString();
    p->ownerId = s.value(QStringLiteral("owner_id")).toString();
    p->stewardId = s.value(QStringLiteral("steward_id")).toString();
    p->status = s.value(QStringLiteral("status")).toString();
    p->tags = list("tags");
    p->accessPolicy = s.value(QStringLiteral("access_policy")).toString();
    p->freshnessSlaHours = s.value(QStringLiteral("freshness_sla_hours")).toInt();
    return MetadataSnapshot::fromProduct(*p);
}

bool applyRecords(SqliteCatalogStore &store, const Fetched &f, TeamSyncResult &result,
                  CatalogError *e)
{
    Database &db = store.database();
    auto bindAll = [](Statement &st, const QVariantList &row) {
        for (qsizetype i = 0; i < row.size(); ++i)
            row.at(i).isNull() ? st.bindNull(int(i + 1))
                               : st.bind(int(i + 1), row.at(i).toString());
    };
    auto failed = [e](const QString &what, Statement &st) {
        e->code = CatalogError::Code::Io;
        e->message = QStringLiteral("Saving %1: %2").arg(what, st.lastError());
        return false;
    };
    // Approvals are never changed; one the cache has (or whose request it lacks) is kept as is.
    Statement &approval = db.prepare(QStringLiteral(
        "INSERT INTO access_approvals(request_id, approver_id, capacity, columns, ends_at, "
        "approved_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM access_requests "
        "WHERE id = ?1) ON CONFLICT DO NOTHING"));
    for (const QVariantList &row : f.approvals) {
        approval.reset();
        bindAll(approval, row);
        if (!approval.exec())
            return failed(QStringLiteral("an access approval"), approval);
        result.approvals += db.changes() > 0;
    }
    Statement &version = db.prepare(QStringLiteral(
        "INSERT INTO product_versions(product_key, version, author, created_at, summary, "
        "snapshot) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(product_key, version) DO NOTHING"));
    for (const QVariantList &row : f.versions) {
        const QJsonObject snapshot =
            cacheSnapshot(store, row.value(0).toString(), row.value(5).toString());
        if (snapshot.isEmpty())
            continue; // the product is not in the cache (removed since)
        version.reset();
        bindAll(version, row.mid(0, 5));
        version.bind(6, QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
        if (!version.exec())
            return failed(QStringLiteral("a metadata version"), version);
        result.versions += db.changes() > 0;
    }
    Statement &rowVersion = db.prepare(QStringLiteral(
        "INSERT INTO team_row_versions(product_key, row_version) VALUES (?1, ?2) ON "
        "CONFLICT(product_key) DO UPDATE SET row_version = excluded.row_version"));
    for (const auto &[key, number] : f.rowVersions) {
        rowVersion.reset();
        rowVersion.bind(1, key).bind(2, number);
        if (!rowVersion.exec())
            return failed(QStringLiteral("a row version"), rowVersion);
    }
    Statement &policy = db.prepare(QStringLiteral(
        "INSERT INTO governance_policies(scope, kind, parameter, enabled, updated_at, updated_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(scope, kind) DO UPDATE SET parameter = "
        "excluded.parameter, enabled = excluded.enabled, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by"));
    for (const QVariantList &row : f.policies) {
        policy.reset();
        bindAll(policy, row);
        if (!policy.exec())
            return failed(QStringLiteral("a governance policy"), policy);
        ++result.policies;
    }
    // Ownership claims keep the server's ids; a decided claim is final here too.
    Statement &claim = db.prepare(QStringLiteral(
        "INSERT INTO ownership_claims(id, product_key, claimant_id, reason, status, created_at, "
        "decided_at, decided_by, decision_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON "
        "CONFLICT DO NOTHING"));
    Statement &decided = db.prepare(QStringLiteral(
        "UPDATE ownership_claims SET status = ?2, decided_at = ?3, decided_by = ?4, "
        "decision_reason = ?5 WHERE id = ?1 AND status = 'pending' AND ?2 <> 'pending'"));
    for (const QVariantList &row : f.claims) {
        claim.reset();
        bindAll(claim, row);
        if (!claim.exec())
            return failed(QStringLiteral("ownership claim #%1").arg(row.value(0).toString()), claim);
        decided.reset();
        bindAll(decided, {row.value(0), row.value(4), row.value(6), row.value(7), row.value(8)});
        if (!decided.exec())
            return failed(QStringLiteral("ownership claim #%1").arg(row.value(0).toString()),
                          decided);
        ++result.claims;
    }
    // A contract imported on any desktop is the product's contract here too.
    Statement &contract = db.prepare(QStringLiteral(
        "INSERT INTO product_contracts(product_key, yaml, imported_at, imported_by) VALUES (?1, "
        "?2, ?3, ?4) ON CONFLICT(product_key) DO UPDATE SET yaml = excluded.yaml, imported_at = "
        "excluded.imported_at, imported_by = excluded.imported_by"));
    for (const QVariantList &row : f.contracts) {
        contract.reset();
        bindAll(contract, row);
        if (!contract.exec())
            return failed(QStringLiteral("the contract of %1").arg(row.value(0).toString()),
                          contract);
        ++result.contracts;
    }
    // The server's alerts keep their ids. A live alert the cache raised itself for the same
    // finding is resolved in favour of the server's (noted, never deleted).
    Statement &superseded = db.prepare(QStringLiteral(
        "UPDATE quality_alerts SET state = 'resolved', resolved_by = 'team-sync', resolved_at = "
        "?3, note = 'superseded by the team server''s alert #' || ?4 WHERE product_key = ?1 AND "
        "fingerprint = ?2 AND state <> 'resolved' AND id <> ?4"));
    // The cache's own alert for the same live finding (raised by a scan here and reported to
    // the server) becomes the server's: it takes the server's id, so it is listed once.
    Statement &adopted = db.prepare(QStringLiteral(
        "UPDATE quality_alerts SET id = ?3 WHERE product_key = ?1 AND fingerprint = ?2 AND "
        "state <> 'resolved' AND id >= ?4 AND NOT EXISTS (SELECT 1 FROM quality_alerts WHERE id "
        "= ?3)"));
    Statement &alert = db.prepare(QStringLiteral(
        "INSERT INTO quality_alerts(id, product_key, kind, fingerprint, severity, title, detail, "
        "state, first_seen, last_seen, acknowledged_by, acknowledged_at, resolved_by, "
        "resolved_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "?15) ON CONFLICT(id) DO UPDATE SET product_key = excluded.product_key, kind = "
        "excluded.kind, fingerprint = excluded.fingerprint, severity = excluded.severity, title = "
        "excluded.title, detail = excluded.detail, state = excluded.state, first_seen = "
        "excluded.first_seen, last_seen = excluded.last_seen, acknowledged_by = "
        "excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at, resolved_by = "
        "excluded.resolved_by, resolved_at = excluded.resolved_at, note = excluded.note WHERE "
        "quality_alerts.state <> 'resolved'"));
    const QString now = accessTime(QDateTime::currentDateTimeUtc());
    for (const QVariantList &row : f.alerts) {
        if (row.value(7).toString() != QLatin1String("resolved")) {
            adopted.reset();
            adopted.bind(1, row.value(1).toString())
                .bind(2, row.value(3).toString())
                .bind(3, row.value(0).toLongLong())
                .bind(4, QualityService::kTeamLocalIdBase);
            if (!adopted.exec())
                return failed(QStringLiteral("a quality alert"), adopted);
            superseded.reset();
            superseded.bind(1, row.value(1).toString())
                .bind(2, row.value(3).toString())
                .bind(3, now)
                .bind(4, row.value(0).toLongLong());
            if (!superseded.exec())
                return failed(QStringLiteral("a quality alert"), superseded);
        }
        alert.reset();
        bindAll(alert, row);
        if (!alert.exec())
            return failed(QStringLiteral("quality alert #%1").arg(row.value(0).toString()), alert);
        ++result.alerts;
    }
    return true;
}

/**
 * A catalog becoming a team cache (its first sync): ids below QualityService::kTeamLocalIdBase
 * are the server's from now on, so the alerts the catalog raised before move up by that base
 * (#3 becomes #1000000000003), into the range a scan on a team cache numbers its own alerts
 * from. applyRecords then gives a live one the server's id when the server has the same finding
 * live, and TeamAlerts::reportNew reports the others at the next push, as it does the alerts a
 * scan raises here. Resolved ones move too, history kept, so that none holds an id the server's
 * alerts need; the trigger that keeps a resolved alert final is set aside for this one statement
 * and put back as it was, inside the sync's transaction.
 */
bool moveOwnAlerts(Database &db, int *moved, CatalogError *e)
{
    auto failed = [e](const QString &why) {
        e->code = CatalogError::Code::Io;
        e->message = QStringLiteral("Moving the catalog's own quality alerts: %1").arg(why);
        return false;
    };
    Statement &count = db.prepare(QStringLiteral(
        "SELECT count(*), (SELECT max(id) FROM quality_alerts) FROM quality_alerts WHERE id < ?1"));
    count.bind(1, QualityService::kTeamLocalIdBase);
    const bool stepped = count.step();
    const qint64 low = stepped ? count.integer(0) : 0;
    const qint64 highest = stepped ? count.integer(1) : 0;
    count.reset();
    if (low == 0)
        return true;
    const qint64 offset = highest >= QualityService::kTeamLocalIdBase
                              ? highest + 1
                              : QualityService::kTeamLocalIdBase;
    const QString trigger =
        db.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name "
                                 "= 'quality_alerts_resolved_final'"))
            .toString();
    QString error;
    if (!trigger.isEmpty() &&
        !db.exec(QStringLiteral("DROP TRIGGER quality_alerts_resolved_final"), &error))
        return failed(error);
    Statement &move = db.prepare(
        QStringLiteral("UPDATE quality_alerts SET id = id + ?2 WHERE id < ?1"));
    move.bind(1, QualityService::kTeamLocalIdBase).bind(2, offset);
    if (!move.exec())
        return failed(move.lastError());
    *moved = db.changes();
    if (!trigger.isEmpty() && !db.exec(trigger, &error))
        return failed(error);
    return true;
}

/**
 * Writes fetched products into the cache. A product the cache does not have yet (every product
 * of a first sync) is added by ProductInserter's plain INSERTs; a product the cache already has,
 * or anything out of the ordinary, goes through SqliteCatalogStore::upsertProduct with its
 * checks and messages. The search index is left to the caller, as with a deferred index: it is
 * written once for every product in `written`.
 */
class ProductWriter
{
public:
    /** startedEmpty: the cache had no products when the sync's transaction began. */
    ProductWriter(SqliteCatalogStore &store, bool startedEmpty)
        : m_store(store), m_db(store.database()), m_inserter(store.database()),
          m_startedEmpty(startedEmpty)
    {
    }

    /** Writes p; its search document goes to `inserted` (a new row, not in the search index
     *  yet) or its id to `replaced` (an existing product rewritten, whose index rows must be
     *  replaced). */
    bool write(const Product &p, std::vector<SearchDocument> &inserted, QList<ProductId> &replaced,
               CatalogError *e)
    {
        // Into an empty cache (a first sync) only a key this sync wrote can exist already.
        bool exists = false;
        if (m_startedEmpty) {
            exists = m_written.contains(p.key);
        } else {
            Statement &find = m_db.prepare(QStringLiteral("SELECT 1 FROM products WHERE key = ?1"));
            find.bind(1, p.key);
            exists = find.step();
            find.reset();
        }
        const bool general = exists || p.key.trimmed().isEmpty() || p.name.trimmed().isEmpty() ||
                             !p.sourceName.isEmpty();
        const std::optional<ProductId> id =
            general ? m_store.upsertProduct(p, e) : m_inserter.insert(p, std::nullopt, {}, e);
        if (!id)
            return false;
        if (m_startedEmpty)
            m_written.insert(p.key);
        if (general)
            replaced.append(*id);
        else
            inserted.push_back(m_inserter.document(*id, p));
        return true;
    }

private:
    SqliteCatalogStore &m_store;
    Database &m_db;
    ProductInserter m_inserter;
    const bool m_startedEmpty;
    QSet<QString> m_written; // keys written, when the cache started empty
};

/**
 * An incremental sync writes a few hundred scattered pages; SQLite's automatic checkpoint (at
 * 1,000 pages of log) would copy them into the file and sync it twice inside nearly every such
 * sync. For the length of one sync the log is folded in once it passes 64 MB instead (a first
 * sync still ends with a full checkpoint of its own); the usual limit is put back afterwards.
 */
class DeferredCheckpoint
{
public:
    explicit DeferredCheckpoint(Database &db) : m_db(db)
    {
        m_db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 16384"));
    }
    ~DeferredCheckpoint() { m_db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000")); }
    DeferredCheckpoint(const DeferredCheckpoint &) = delete;
    DeferredCheckpoint &operator=(const DeferredCheckpoint &) = delete;

private:
    Database &m_db;
};

} // namespace

int TeamSync::rowVersion(SqliteCatalogStore &store, const QString &productKey)
{
    Statement &st = store.database().prepare(
        QStringLiteral("SELECT row_version FROM team_row_versions WHERE product_key = ?1"));
    st.bind(1, productKey);
    const int version = st.step() ? int(st.integer(0)) : 0;
    st.reset();
    return version;
}

qint64 TeamSync::lastChange(SqliteCatalogStore &store, const QString &serverId)
{
    Statement &st = store.database().prepare(
        QStringLiteral("SELECT last_change FROM team_sync WHERE server_id = ?1"));
    st.bind(1, serverId);
    const qint64 last = st.step() ? st.integer(0) : 0;
    st.reset();
    return last;
}

std::optional<TeamSyncResult> TeamSync::sync(PgConnection &conn, SqliteCatalogStore &store,
                                             const QString &url, QString *error)
{
    TeamSyncResult result;
    QElapsedTimer trace;
    trace.start();
    const bool tracing = qEnvironmentVariableIsSet("MESH_TEAM_TRACE");
    auto mark = [&](const char *what) {
        if (!tracing)
            return;
        rusage usage{};
        getrusage(RUSAGE_THREAD, &usage);
        qInfo("team sync: %s at %.1f ms (this thread's CPU: %.1f ms)", what,
              double(trace.nsecsElapsed()) / 1e6,
              double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                  double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
    };
    // One repeatable-read snapshot: the change number and the rows read belong together.
    PgTransaction snapshot(conn, PgTransaction::Kind::ReadSnapshot, error);
    if (!snapshot.isActive())
        return std::nullopt;
    const PgResult head =
        conn.exec(QStringLiteral("SELECT (SELECT id FROM server_info LIMIT 1), "
                                 "(SELECT coalesce(max(change_no), 0) FROM change_log)"));
    if (!head.ok()) {
        fail(error, conn,
             QStringLiteral("reading the change number (is this a team catalog? run "
                            "`meshctl server init`)"),
             head);
        return std::nullopt;
    }
    result.serverId = head.text(0, 0);
    result.toChange = head.integer(0, 1);
    result.fromChange = lastChange(store, result.serverId);
    // A cache ahead of the server means the server was rebuilt: start over.
    result.full = result.fromChange == 0 || result.fromChange > result.toChange;
    if (result.full)
        result.fromChange = 0;

    Fetched f;
    PageQueue queue;
    std::thread fetcher;
    // Whatever happens below, the fetching thread is joined before conn is used again.
    struct Joiner
    {
        std::thread &t;
        PageQueue &q;
        ~Joiner()
        {
            if (t.joinable()) {
                QList<Product> drain;
                while (q.pop(drain)) {
                }
                t.join();
            }
        }
    } joiner{fetcher, queue};
    if (result.full) {
        if (!fetchDomains(conn, {}, {}, f, error) || !fetchUsers(conn, {}, {}, f, error) ||
            !fetchEdges(conn, {}, {}, f, error) || !fetchAccess(conn, nullptr, nullptr, f, error) ||
            !fetchRecords(conn, nullptr, f, error))
            return std::nullopt;
        // Products are fetched (and parsed) on a thread of their own while this one writes
        // them: on a 100,000-product catalog the two take about as long as each other.
        fetcher = std::thread([&conn, &f, &queue, &mark]() {
            QString fetchError;
            const bool fetched = fetchProducts(conn, nullptr, f, &fetchError, &queue);
            mark("products fetched (fetching thread)");
            queue.finish(fetched ? QString() : fetchError);
        });
    } else if (result.toChange > result.fromChange) {
        const PgResult changed = conn.exec(
            QStringLiteral("SELECT table_name, row_key, count(*) FROM change_log WHERE change_no > "
                           "$1 AND change_no <= $2 GROUP BY table_name, row_key"),
            {result.fromChange, result.toChange});
        if (!changed.ok()) {
            fail(error, conn, QStringLiteral("reading the change log"), changed);
            return std::nullopt;
        }
        QHash<QString, QStringList> keys;
        for (int i = 0; i < changed.rows(); ++i) {
            keys[changed.text(i, 0)].append(changed.text(i, 1));
            result.changes += changed.integer(i, 2);
        }
        const QString byKey = QStringLiteral("WHERE %1 = ANY($1::text[])");
        if (keys.contains(QStringLiteral("domains")) &&
            !fetchDomains(conn, byKey.arg(QStringLiteral("name")),
                          {QVariant(keys.value(QStringLiteral("domains")))}, f, error))
            return std::nullopt;
        if (keys.contains(QStringLiteral("users")) &&
            !fetchUsers(conn, byKey.arg(QStringLiteral("id")),
                        {QVariant(keys.value(QStringLiteral("users")))}, f, error))
            return std::nullopt;
        if (keys.contains(QStringLiteral("products"))) {
            const QStringList productKeys = keys.value(QStringLiteral("products"));
            if (!fetchProducts(conn, &productKeys, f, error))
                return std::nullopt;
        }
        if (keys.contains(QStringLiteral("lineage_edges")) &&
            !fetchEdges(conn, byKey.arg(QStringLiteral("edge_key")),
                        {QVariant(keys.value(QStringLiteral("lineage_edges")))}, f, error))
            return std::nullopt;
        const QStringList requestIds = keys.value(QStringLiteral("access_requests"));
        const QStringList grantIds = keys.value(QStringLiteral("access_grants"));
        if (!fetchAccess(conn, &requestIds, &grantIds, f, error) ||
            !fetchRecords(conn, &keys, f, error))
            return std::nullopt;
    }
    if (!result.full) {
        snapshot.commit(nullptr);
        queue.push(f.products);
        queue.finish({});
    }
    mark("fetched");

    qsizetype productCount = 0;
    CatalogError catalogError;
    const DeferredCheckpoint pragmas(store.database());
    // What the writing thread is done with is freed on another (the pages are ~40 ms each),
    // also while the transaction commits.
    BackgroundDisposer<QList<Product>> written;
    BackgroundDisposer<std::vector<SearchDocument>> indexed;
    // Filling a cache that has no products yet is a bulk load (see bulkTransaction): ~15 %
    // faster for 100,000 products, with the same all-or-nothing result.
    const bool emptyCache =
        !store.database().scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM products)")).toBool();
    const auto inTransaction = emptyCache ? &SqliteCatalogStore::bulkTransaction
                                    : &SqliteCatalogStore::transaction;
    // ... and its search index is written on the other core meanwhile (SearchIndexBuilder;
    // MESH_TEAM_INDEX_INLINE=1 writes it on this thread instead, for comparing the two).
    std::unique_ptr<SearchIndexBuilder> indexBuilder;
    if (emptyCache && result.full && !qEnvironmentVariableIsSet("MESH_TEAM_INDEX_INLINE")) {
        QString why;
        indexBuilder = SearchIndexBuilder::start(store, &why);
        if (!indexBuilder)
            qInfo("team sync: indexing on this thread instead (%s)", qPrintable(why));
    }
    const bool ok = (store.*inTransaction)(
        [&](CatalogError *e) {
            for (const Domain &d : f.domains)
                if (!store.upsertDomain(d, e))
                    return false;
            for (const User &u : f.users)
                if (!store.upsertUser(u, e))
                    return false;
            // The search index is written once for all products (set-based), not row by row.
            // (Indexing each page as it arrived, to use the waits for the server, measured ~7 %
            // more CPU for 100,000 products and no faster.)
            store.setSearchIndexDeferred(true);
            std::vector<SearchDocument> inserted;
            qsizetype newProducts = 0;
            QList<ProductId> replaced;
            QList<Product> page;
            ProductWriter writer(store, emptyCache);
            QElapsedTimer waiting;
            qint64 waitedNs = 0;
            for (;;) {
                written.dispose(page);
                waiting.start();
                const bool more = queue.pop(page);
                waitedNs += waiting.nsecsElapsed();
                if (!more)
                    break;
                for (const Product &p : std::as_const(page)) {
                    if (!writer.write(p, inserted, replaced, e)) {
                        store.setSearchIndexDeferred(false);
                        return false;
                    }
                }
                if (indexBuilder) {
                    newProducts += qsizetype(inserted.size());
                    indexBuilder->add(std::exchange(inserted, {}));
                }
            }
            store.setSearchIndexDeferred(false);
            if (fetcher.joinable())
                fetcher.join();
            if (const QString fetchError = queue.error(); !fetchError.isEmpty()) {
                e->code = CatalogError::Code::Io;
                e->message = fetchError;
                return false;
            }
            if (tracing)
                qInfo("team sync: waited %.1f ms for fetched pages", double(waitedNs) / 1e6);
            mark("products written");
            // The row indexes a bulk load deferred are built while the index threads finish.
            if (emptyCache && !store.buildDeferredIndexes(e))
                return false;
            newProducts += qsizetype(inserted.size());
            if (indexBuilder ? !indexBuilder->install(e) : !store.indexNewDocuments(inserted, e))
                return false;
            if (!store.reindexProducts(replaced, e))
                return false;
            productCount = newProducts + replaced.size();
            indexed.dispose(inserted);
            mark("search index");
            for (const QString &key : f.removedProducts)
                if (store.productByKey(key) && !store.removeProduct(key, e))
                    return false;
            for (const LineageEdge &edge : f.edges) {
                CatalogError edgeError; // an edge to a product this cache lacks is skipped
                if (store.addLineageEdge(edge, &edgeError))
                    ++result.lineageEdges;
                else if (edgeError.code != CatalogError::Code::Invalid) {
                    *e = edgeError;
                    return false;
                }
            }
            // Before the first sync position is saved: is this the catalog's first sync?
            if (store.database().scalar(QStringLiteral("SELECT count(*) FROM team_sync")).toInt() ==
                    0 &&
                !moveOwnAlerts(store.database(), &result.movedAlerts, e))
                return false;
            if (!applyAccess(store.database(), f, e) || !applyRecords(store, f, result, e))
                return false;
            Statement &st = store.database().prepare(QStringLiteral(
                "INSERT INTO team_sync(server_id, url, last_change, synced_at) VALUES (?1, ?2, ?3, "
                "?4) ON CONFLICT(server_id) DO UPDATE SET url = excluded.url, last_change = "
                "excluded.last_change, synced_at = excluded.synced_at"));
            st.bind(1, result.serverId)
                .bind(2, redactedPgUrl(url))
                .bind(3, result.toChange)
                .bind(4, accessTime(QDateTime::currentDateTimeUtc()));
            if (!st.exec()) {
                e->code = CatalogError::Code::Io;
                e->message = QStringLiteral("Saving the sync position: %1").arg(st.lastError());
                return false;
            }
            return true;
        },
        &catalogError);
    mark("committed");
    if (result.full)
        snapshot.commit(nullptr);
    // A first sync writes the whole catalog through the write-ahead log: fold it into the file
    // now, as part of that sync, rather than in the middle of the next small one.
    if (ok && result.full && productCount > kCheckpointAbove)
        store.database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    mark("checkpointed");
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1: nothing was changed (%2)")
                         .arg(store.path(), catalogError.message);
        return std::nullopt;
    }
    result.products = int(productCount);
    result.removed = int(f.removedProducts.size());
    result.users = int(f.users.size());
    result.accessRequests = int(f.requests.size());
    result.accessGrants = int(f.grants.size());
    result.domains = int(f.domains.size());
    return result;
}

} // namespace Mesh
