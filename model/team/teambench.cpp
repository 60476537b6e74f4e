// SPDX-License-Identifier: MIT
#include "team/teambench.h"

#include "access/auditlog.h"
#include "bench/benchreport.h"
#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "team/localpgserver.h"
#include "team/pgconnection.h"
#include "team/serverschema.h"
#include "team/teamaudit.h"
#include "team/teamcatalog.h"
#include "team/teamclient.h"
#include "team/teamsync.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <mutex>
#include <thread>

namespace Mesh {

namespace {

// The demo's domains with their owner and steward: generated products belong to them.
struct DomainPeople
{
    const char *domain;
    const char *owner;
    const char *steward;
};
constexpr DomainPeople kDomains[] = {
    {"Sales & Marketing", "maria.lopez", "priya.raman"},
    {"Product", "lucas.moreau", "sofia.rossi"},
    {"People", "grace.mensah", "daniel.cohen"},
    {"Customer Success", "fatima.alrashid", "olivia.nguyen"},
    {"Finance", "rafael.costa", "ingrid.berg"},
    {"Manufacturing", "wei.zhang", "joao.silva"},
};
constexpr int kDomainCount = int(std::size(kDomains));
constexpr const char *kRequesters[] = {"amara.okafor", "henrik.lindqvist", "aiko.tanaka",
                                       "kenji.watanabe", "leila.farahani"};

QString productKey(int i)
{
    return QStringLiteral("gen.p%1").arg(i, 6, 10, QLatin1Char('0'));
}

QString ownerOf(int i)
{
    return QString::fromLatin1(kDomains[i % kDomainCount].owner);
}

QString sqlArray(auto field)
{
    QStringList items;
    for (const DomainPeople &d : kDomains)
        items.append(QLatin1Char('\'') + QString::fromUtf8(field(d)) + QLatin1Char('\''));
    return QStringLiteral("ARRAY[%1]").arg(items.join(QLatin1Char(',')));
}

bool seedGenerated(PgConnection &conn, int products, QString *error)
{
    // One statement: the server builds every row (and its change-log entry) itself.
    const QString sql = QStringLiteral(R"SQL(
INSERT INTO products(key, name, domain, description, owner_id, steward_id, status, tags,
                     source_system, formats, access_policy, freshness_sla_hours, version,
                     updated_at, datasets)
SELECT 'gen.p' || lpad(i::text, 6, '0'),
       'Generated ' || (ARRAY['Orders','Invoices','Tickets','Sessions','Shipments','Accounts'])[1 + i % 6]
           || ' ' || i,
       (%1)[1 + i % 6],
       'Synthetic data product number ' || i || ' for load testing the team catalog: '
           || 'daily extracts with a stable grain, documented columns and an owner.',
       (%2)[1 + i % 6], (%3)[1 + i % 6], 'active',
       ARRAY['generated', 'tier-' || (i % 3)], 'Generator', ARRAY['csv'],
       'Open to every employee.', 24, '1.0.0', now(),
       jsonb_build_array(jsonb_build_object(
           'name', 'rows', 'format', 'csv', 'location', '', 'endpoint', '',
           'description', 'The product''s rows.',
           'columns', jsonb_build_array(
               jsonb_build_object('name', 'id', 'type', 'integer', 'description', 'Row id',
                                  'classification', '', 'tags', '[]'::jsonb),
               jsonb_build_object('name', 'created_at', 'type', 'timestamp',
                                  'description', 'When the row was created',
                                  'classification', '', 'tags', '[]'::jsonb),
               jsonb_build_object('name', 'amount', 'type', 'decimal',
                                  'description', 'Amount in EUR', 'classification', '',
                                  'tags', '[]'::jsonb),
               jsonb_build_object('name', 'contact_email', 'type', 'string',
                                  'description', 'Who to ask',
                                  'classification', 'PII.NonSensitive', 'tags', '[]'::jsonb))))
  FROM generate_series(1, $1) AS i
)SQL")
                            .arg(sqlArray([](const DomainPeople &d) { return d.domain; }),
                                 sqlArray([](const DomainPeople &d) { return d.owner; }),
                                 sqlArray([](const DomainPeople &d) { return d.steward; }));
    PgTransaction tx(conn, PgTransaction::Kind::Write, error);
    return tx.isActive() && conn.run(sql, {products}, error) && tx.commit(error);
}

bool auditChainIntact(PgConnection &conn, qint64 *entries, QString *error)
{
    const auto all = TeamAudit::entries(conn, error);
    if (!all)
        return false;
    const AuditVerification v = AuditLog::verify(*all);
    if (!v.intact()) {
        *error = QStringLiteral("the audit chain breaks at entry %1").arg(v.firstBadSeq);
        return false;
    }
    *entries = v.entries;
    return true;
}

} // namespace

bool runTeamBench(const TeamBenchOptions &o, BenchReport &report, QString *error,
                  const std::function<void(const QString &)> &progress)
{
    auto say = [&progress](const QString &line) {
        if (progress)
            progress(line);
    };
    LocalPgServer server;
    say(QStringLiteral("starting a local PostgreSQL server"));
    if (!server.start(error) || !server.createDatabase(QStringLiteral("bench"), error))
        return false;
    const QString url = server.url(QStringLiteral("bench"));
    auto conn = PgConnection::connect(url, error);
    if (!conn || !ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, error))
        return false;
    QTemporaryDir dir;
    CatalogError catalogError;
    auto demo =
        DemoLoader::createDemoCatalog(dir.filePath(QStringLiteral("demo.mesh")), &catalogError);
    if (!demo) {
        *error = catalogError.message;
        return false;
    }
    say(QStringLiteral("seeding Messy Inc. and %1 generated products").arg(o.products));
    if (!TeamCatalog::seedFromCatalog(*conn, *demo, {}, error) ||
        !seedGenerated(*conn, o.products, error))
        return false;
    conn->exec(QStringLiteral("VACUUM ANALYZE"));
    const qint64 total = conn->exec(QStringLiteral("SELECT count(*) FROM products")).integer(0, 0);
    const QString caseName = QStringLiteral("%1 products").arg(total);

    // 1. First sync into an empty local catalog.
    say(QStringLiteral("first sync into an empty catalog"));
    auto cache = SqliteCatalogStore::create(dir.filePath(QStringLiteral("cache.mesh")),
                                            QStringLiteral("Team cache"), &catalogError);
    if (!cache) {
        *error = catalogError.message;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const auto first = TeamSync::sync(*conn, *cache, url, error);
    const double firstSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!first)
        return false;
    if (cache->counts().products != total) {
        *error = QStringLiteral("the first sync copied %1 of %2 products")
                     .arg(cache->counts().products)
                     .arg(total);
        return false;
    }
    report.addTime(caseName, QStringLiteral("first sync to an empty client"), firstSeconds,
                   QStringLiteral("s"), 10.0);

    // 2. Incremental sync after N server-side changes.
    say(QStringLiteral("incremental sync after %1 changes").arg(o.changes));
    if (!conn->run(QStringLiteral("UPDATE products SET description = description || ' (revised)' "
                                  "WHERE key IN (SELECT key FROM products WHERE key LIKE 'gen.%' "
                                  "ORDER BY md5(key) LIMIT $1)"),
                   {o.changes}, error))
        return false;
    timer.restart();
    const auto incremental = TeamSync::sync(*conn, *cache, url, error);
    const double incrementalMs = double(timer.nsecsElapsed()) / 1e6;
    if (!incremental)
        return false;
    if (incremental->changes != o.changes || incremental->products != o.changes) {
        *error = QStringLiteral("the incremental sync pulled %1 changes, expected %2")
                     .arg(incremental->changes)
                     .arg(o.changes);
        return false;
    }
    report.addTime(caseName, QStringLiteral("incremental sync after %1 changes").arg(o.changes),
                   incrementalMs, QStringLiteral("ms"), 200.0);

    // 3. Concurrent writers: a third each of requests, approvals and edits.
    say(QStringLiteral("%1 clients making %2 writes").arg(o.clients).arg(o.writes));
    const int approvals = o.writes / 3;
    const int edits = o.writes / 3;
    const int requests = o.writes - approvals - edits;
    // Pending requests for the approvers to decide, on distinct generated products.
    if (!conn->run(QStringLiteral("INSERT INTO access_requests(product_key, requester_id, purpose, "
                                  "ends_at) SELECT 'gen.p' || lpad(i::text, 6, '0'), "
                                  "'amara.okafor', 'bench', now() + interval '30 days' FROM "
                                  "generate_series(1, $1) AS i"),
                   {approvals}, error))
        return false;
    const PgResult pending = conn->exec(
        QStringLiteral("SELECT id, product_key FROM access_requests WHERE purpose = 'bench' ORDER "
                       "BY id"));
    QList<TeamWrite> writes;
    const QString tag = TeamWrite::newToken().left(8);
    for (int i = 0; i < requests; ++i) {
        TeamWrite w;
        w.kind = TeamWrite::Kind::Request;
        w.actingUser = QString::fromLatin1(kRequesters[i % int(std::size(kRequesters))]);
        w.productKey = productKey(1 + (i * 7919) % o.products);
        w.purpose = QStringLiteral("bench %1").arg(tag);
        w.days = 30;
        w.token = TeamWrite::newToken();
        writes.append(w);
    }
    for (int i = 0; i < pending.rows() && i < approvals; ++i) {
        TeamWrite w;
        w.kind = TeamWrite::Kind::Approve;
        w.requestId = pending.integer(i, 0);
        const int n = pending.text(i, 1).mid(5).toInt();
        w.actingUser = ownerOf(n);
        w.token = TeamWrite::newToken();
        writes.append(w);
    }
    for (int i = 0; i < edits; ++i) {
        // Distinct products, edited from their current version: every edit must succeed.
        const int n = o.products - i;
        TeamWrite w;
        w.kind = TeamWrite::Kind::Edit;
        w.actingUser = ownerOf(n);
        w.productKey = productKey(n);
        w.fields.insert(QStringLiteral("description"),
                        QStringLiteral("Edited by the bench (%1, %2).").arg(tag).arg(i));
        w.token = TeamWrite::newToken();
        writes.append(w);
    }
    // Interleave kinds so that every client does some of each.
    std::vector<int> order(size_t(writes.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(), [](int a, int b) {
        return (a * 2654435761u) % 1000003u < (b * 2654435761u) % 1000003u;
    });
    const qint64 auditBefore =
        conn->exec(QStringLiteral("SELECT count(*) FROM audit_log")).integer(0, 0);

    std::atomic<size_t> next{0};
    std::mutex mutex;
    QList<double> latencies;
    QStringList failures;
    int ok = 0;
    std::vector<std::thread> threads;
    timer.restart();
    for (int c = 0; c < o.clients; ++c) {
        threads.emplace_back([&]() {
            QString connectError;
            auto mine = PgConnection::connect(url, &connectError);
            if (!mine) {
                std::lock_guard lock(mutex);
                failures.append(connectError);
                return;
            }
            for (size_t i = next++; i < order.size(); i = next++) {
                TeamWrite w = writes.at(order[i]);
                QElapsedTimer t;
                t.start();
                if (w.kind == TeamWrite::Kind::Edit)
                    w.baseVersion = int(mine->exec(QStringLiteral("SELECT row_version FROM "
                                                                  "products WHERE key = $1"),
                                                   {w.productKey})
                                            .integer(0, 0));
                const TeamWriteOutcome out = TeamClient::apply(*mine, w);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                std::lock_guard lock(mutex);
                latencies.append(ms);
                if (out.ok())
                    ++ok;
                else
                    failures.append(out.message);
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    const double wallSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!failures.isEmpty()) {
        *error = QStringLiteral("%1 of %2 writes failed, first: %3")
                     .arg(failures.size())
                     .arg(writes.size())
                     .arg(failures.first());
        return false;
    }
    // Every write exactly once: by token, and by the audit entries they made.
    const PgResult check = conn->exec(
        QStringLiteral(
            "SELECT (SELECT count(*) FROM access_requests WHERE purpose = $1), "
            "(SELECT count(DISTINCT client_token) FROM access_requests WHERE purpose = $1), "
            "(SELECT count(*) FROM access_grants g JOIN access_requests r ON r.id = "
            "g.request_id WHERE r.purpose = 'bench'), "
            "(SELECT count(*) FROM product_versions WHERE snapshot ->> 'description' "
            "LIKE $2), (SELECT count(*) FROM audit_log)"),
        {QStringLiteral("bench %1").arg(tag),
         QStringLiteral("Edited by the bench (%1,%%").arg(tag)});
    const qint64 lost = (requests - check.integer(0, 0)) + (approvals - check.integer(0, 2)) +
                        (edits - check.integer(0, 3));
    const qint64 duplicated = check.integer(0, 0) - check.integer(0, 1);
    const qint64 auditExpected = requests + 2 * approvals + edits;
    qint64 entries = 0;
    QString chainError;
    const bool intact = auditChainIntact(*conn, &entries, &chainError);
    const QString writeCase =
        QStringLiteral("%1 clients, %2 writes").arg(o.clients).arg(writes.size());
    report.add({writeCase,
                QStringLiteral("throughput"),
                double(writes.size()) / wallSeconds,
                QStringLiteral("writes/s"),
                {},
                {},
                {},
                {},
                {}});
    report.addTime(writeCase, QStringLiteral("write latency p50"), percentile(latencies, 50),
                   QStringLiteral("ms"));
    report.addTime(writeCase, QStringLiteral("write latency p99"), percentile(latencies, 99),
                   QStringLiteral("ms"));
    report.add({writeCase,
                QStringLiteral("lost writes"),
                double(lost),
                QStringLiteral("count"),
                QStringLiteral("= 0"),
                {},
                {},
                {},
                lost == 0});
    report.add({writeCase,
                QStringLiteral("duplicated writes"),
                double(duplicated),
                QStringLiteral("count"),
                QStringLiteral("= 0"),
                {},
                {},
                {},
                duplicated == 0});
    report.add({writeCase,
                QStringLiteral("audit chain intact"),
                intact ? 1.0 : 0.0,
                QStringLiteral("bool"),
                QStringLiteral("= 1"),
                {},
                {},
                {},
                intact});
    say(QStringLiteral("audit log: %1 entries, %2 new (expected %3)")
            .arg(entries)
            .arg(check.integer(0, 4) - auditBefore)
            .arg(auditExpected));
    if (lost != 0 || duplicated != 0 || check.integer(0, 4) - auditBefore != auditExpected ||
        !intact) {
        *error = QStringLiteral("writes were lost (%1) or duplicated (%2), or the audit log is "
                                "wrong (%3 new entries, expected %4; %5)")
                     .arg(lost)
                     .arg(duplicated)
                     .arg(check.integer(0, 4) - auditBefore)
                     .arg(auditExpected)
                     .arg(intact ? QStringLiteral("chain intact") : chainError);
        return false;
    }
    conn.reset();
    server.stop();
    return ok == writes.size();
}

} // namespace Mesh
