// SPDX-License-Identifier: MIT
#include "team/teamalerts.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "quality/qualityservice.h"
#include "team/pgconnection.h"
#include "team/teamsync.h"

#include <QSet>

namespace Mesh {

TeamAlertReport TeamAlerts::reportNew(const TeamRoute &route, SqliteCatalogStore &store)
{
    TeamAlertReport report;
    if (!route.isSet() || !TeamClient::isTeamCache(store))
        return report;
    QList<TeamWrite> writes;
    Statement &st = store.database().prepare(QStringLiteral(
        "SELECT product_key, kind, fingerprint, severity, title, detail, state, "
        "coalesce(acknowledged_by, ''), coalesce(acknowledged_at, ''), note FROM quality_alerts "
        "WHERE id >= ?1 AND state <> 'resolved' ORDER BY id"));
    st.bind(1, QualityService::kTeamLocalIdBase);
    while (st.step()) {
        TeamWrite w;
        w.kind = TeamWrite::Kind::ReportAlert;
        w.actingUser = route.user;
        w.token = TeamWrite::newToken();
        w.productKey = st.text(0);
        w.fields = {{QStringLiteral("kind"), st.text(1)},
                    {QStringLiteral("fingerprint"), st.text(2)},
                    {QStringLiteral("severity"), st.text(3)},
                    {QStringLiteral("title"), st.text(4)},
                    {QStringLiteral("detail"), st.text(5)}};
        // Acknowledged here before this catalog became a team cache: the server is asked to
        // carry the acknowledgement over (as the connected person, if they may).
        if (st.text(6) == QLatin1String("acknowledged")) {
            const QString note = st.text(9);
            w.fields.insert(QStringLiteral("acknowledged"), true);
            w.fields.insert(QStringLiteral("note"),
                            QStringLiteral("Acknowledged in the desktop catalog by %1 at %2%3")
                                .arg(st.text(7), st.text(8),
                                     note.isEmpty() ? QString() : QStringLiteral(": ") + note));
        }
        writes.append(w);
    }
    st.reset();
    if (writes.isEmpty())
        return report;
    // A finding already waiting in the outbox is not queued twice by the next scan.
    QSet<QString> waiting;
    for (const TeamOutboxEntry &e : TeamClient::outbox(store, QStringLiteral("queued")))
        if (e.write.kind == TeamWrite::Kind::ReportAlert)
            waiting.insert(e.write.productKey + QLatin1Char('\n') +
                           e.write.fields.value(QStringLiteral("fingerprint")).toString());
    QString error;
    auto conn = PgConnection::connect(route.url, route.user, route.password, &error);
    QStringList problems;
    for (const TeamWrite &w : std::as_const(writes)) {
        const QString key = w.productKey + QLatin1Char('\n') +
                            w.fields.value(QStringLiteral("fingerprint")).toString();
        TeamWriteOutcome o;
        if (conn && conn->isConnected()) {
            o = TeamClient::apply(*conn, w);
            if (o.code == TeamWriteOutcome::Code::Offline)
                conn.reset();
        } else {
            o.code = TeamWriteOutcome::Code::Offline;
        }
        switch (o.code) {
        case TeamWriteOutcome::Code::Ok:
            ++(o.message.contains(QStringLiteral("already has")) ? report.known : report.reported);
            if (o.message.contains(QStringLiteral("Acknowledged there too")))
                ++report.acknowledged;
            else if (o.message.contains(QStringLiteral("It stays open there")))
                ++report.leftOpen;
            break;
        case TeamWriteOutcome::Code::Offline:
            if (!waiting.contains(key)) {
                QString queueError;
                if (!TeamClient::enqueue(store, w, &queueError)) {
                    ++report.failed;
                    problems.append(queueError);
                    break;
                }
                waiting.insert(key);
            }
            ++report.queued;
            break;
        case TeamWriteOutcome::Code::Refused:
            ++report.refused;
            problems.append(o.message);
            break;
        default:
            ++report.failed;
            problems.append(o.message);
        }
    }
    if (conn && report.reported + report.known > 0) {
        if (TeamSync::sync(*conn, store, route.url, &error))
            report.synced = true;
        else
            problems.append(error);
    }
    QStringList parts;
    if (report.reported)
        parts.append(
            QStringLiteral("%1 new alert(s) reported to the team server").arg(report.reported));
    if (report.known)
        parts.append(QStringLiteral("%1 already reported by others").arg(report.known));
    if (report.acknowledged)
        parts.append(QStringLiteral("%1 acknowledged there too, as in this catalog")
                         .arg(report.acknowledged));
    if (report.leftOpen)
        parts.append(QStringLiteral("%1 acknowledged here but left open there (only the product's "
                                    "owner or a steward may acknowledge it)")
                         .arg(report.leftOpen));
    if (report.queued)
        parts.append(QStringLiteral("%1 queued until the team server is back").arg(report.queued));
    if (report.refused + report.failed)
        parts.append(QStringLiteral("%1 not reported: %2")
                         .arg(report.refused + report.failed)
                         .arg(problems.value(0)));
    report.message = parts.join(QStringLiteral("; "));
    if (!report.message.isEmpty())
        report.message += QLatin1Char('.');
    return report;
}

AccessOutcome TeamAlerts::transition(const TeamRoute &route, SqliteCatalogStore &store,
                                     qint64 alertId, bool resolve, const QString &note)
{
    if (alertId >= QualityService::kTeamLocalIdBase)
        return {AccessOutcome::Code::Invalid,
                QStringLiteral("Alert #%1 was found by this desktop and has not reached the team "
                               "server yet; it can be %2 once it has synced.")
                    .arg(alertId)
                    .arg(resolve ? QStringLiteral("resolved") : QStringLiteral("acknowledged")),
                alertId, 0};
    TeamWrite w;
    w.kind = resolve ? TeamWrite::Kind::ResolveAlert : TeamWrite::Kind::AckAlert;
    w.requestId = alertId;
    w.reason = note;
    const TeamWriteOutcome o = TeamClient::submitAndSync(route, store, std::move(w));
    AccessOutcome a{AccessOutcome::Code::Ok, QStringLiteral("Team server: %1").arg(o.message),
                    alertId, 0};
    switch (o.code) {
    case TeamWriteOutcome::Code::Ok:
        break;
    case TeamWriteOutcome::Code::Offline:
        if (!o.queued)
            a.code = AccessOutcome::Code::Failed;
        a.message = o.message;
        break;
    case TeamWriteOutcome::Code::Refused:
        a.code = AccessOutcome::Code::Refused;
        a.message = QStringLiteral("Refused by the team server: %1").arg(o.message);
        break;
    case TeamWriteOutcome::Code::Invalid:
        a.code = AccessOutcome::Code::Invalid;
        break;
    case TeamWriteOutcome::Code::Conflict:
    case TeamWriteOutcome::Code::Failed:
        a.code = AccessOutcome::Code::Failed;
        break;
    }
    return a;
}

} // namespace Mesh
