// SPDX-License-Identifier: MIT
#include "access/accessservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QSet>

#include <cstdlib>

namespace Mesh {

namespace {

using Code = AccessOutcome::Code;

AccessOutcome refused(const QString &message)
{
    return {Code::Refused, message, 0, 0};
}

AccessOutcome invalid(const QString &message)
{
    return {Code::Invalid, message, 0, 0};
}

AccessOutcome failed(const QString &what, const QString &detail)
{
    return {Code::Failed, QStringLiteral("%1 failed: %2").arg(what, detail), 0, 0};
}

QString day(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString columnsText(const QStringList &columns)
{
    return columns.isEmpty() ? QStringLiteral("whole product")
                             : QStringLiteral("columns ") + columns.join(QStringLiteral(", "));
}

const QString kRequestSelect = QStringLiteral(
    "SELECT id, product_key, requester_id, columns, purpose, starts_at, ends_at, "
    "approvals_needed, status, created_at, coalesce(decided_at, ''), coalesce(decided_by, ''), "
    "reason FROM access_requests ");

const QString kGrantSelect = QStringLiteral(
    "SELECT id, request_id, product_key, user_id, columns, starts_at, ends_at, granted_at, "
    "granted_by, coalesce(revoked_at, ''), coalesce(revoked_by, ''), revoke_reason "
    "FROM access_grants ");

AccessRequest readRequest(const Statement &st)
{
    AccessRequest r;
    r.id = st.integer(0);
    r.productKey = st.text(1);
    r.requesterId = st.text(2);
    r.columns = splitAccessList(st.text(3));
    r.purpose = st.text(4);
    r.startsAt = parseAccessTime(st.text(5));
    r.endsAt = parseAccessTime(st.text(6));
    r.approvalsNeeded = int(st.integer(7));
    r.status = AccessRequest::statusFromName(st.text(8));
    r.createdAt = parseAccessTime(st.text(9));
    r.decidedAt = parseAccessTime(st.text(10));
    r.decidedBy = st.text(11);
    r.reason = st.text(12);
    return r;
}

AccessGrant readGrant(const Statement &st)
{
    AccessGrant g;
    g.id = st.integer(0);
    g.requestId = st.integer(1);
    g.productKey = st.text(2);
    g.userId = st.text(3);
    g.columns = splitAccessList(st.text(4));
    g.startsAt = parseAccessTime(st.text(5));
    g.endsAt = parseAccessTime(st.text(6));
    g.grantedAt = parseAccessTime(st.text(7));
    g.grantedBy = st.text(8);
    g.revokedAt = parseAccessTime(st.text(9));
    g.revokedBy = st.text(10);
    g.revokeReason = st.text(11);
    return g;
}

QStringList productColumns(const Product &product)
{
    QStringList names;
    for (const Dataset &ds : product.datasets)
        for (const Column &c : ds.columns)
            if (!names.contains(c.name))
                names.append(c.name);
    return names;
}

} // namespace

AccessService::AccessService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, std::move(clock))
{
}

QString AccessService::osLogin()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("LOGNAME");
    return login;
}

QString AccessService::userForLogin(const QString &login) const
{
    return login.trimmed().toLower();
}

bool AccessService::isDemoCatalog() const
{
    return m_store.metadata(QStringLiteral("demo")) == QStringLiteral("1");
}

bool AccessService::audit(const QString &actor, const QString &action, const QString &productKey,
                          const QString &subject, const QString &detail, QString *error)
{
    AuditEntry e;
    e.at = now();
    e.actor = actor;
    e.action = action;
    e.productKey = productKey;
    e.subject = subject;
    e.detail = detail;
    return AuditLog::append(m_store.database(), e, error).has_value();
}

AccessOutcome AccessService::write(const std::function<AccessOutcome()> &body)
{
    refreshSnapshot(m_store.database());
    // Record expiries first, in their own transaction, so a refused change does not undo them.
    if (!m_store.isReadOnly())
        recordExpiries();
    AccessOutcome result;
    CatalogError error;
    const bool ok = m_store.transaction(
        [&](CatalogError *) {
            result = body();
            return result.ok();
        },
        &error);
    if (!ok && result.ok())
        result = {Code::Failed, error.message, 0, 0};
    return result;
}

AccessOutcome AccessService::signInAs(const QString &osUser, const QString &asUser)
{
    if (!isDemoCatalog())
        return refused(QStringLiteral("Signing in as another user is only possible in the demo "
                                      "catalog; here you act as your own login (%1).")
                           .arg(osUser));
    if (!m_store.user(asUser))
        return invalid(QStringLiteral("There is no user “%1” in this catalog.").arg(asUser));
    return write([&]() -> AccessOutcome {
        QString error;
        if (!audit(osUser, QStringLiteral("sign-in-as"), {}, asUser,
                   QStringLiteral("%1 acts as %2 (demo catalog)").arg(osUser, asUser), &error))
            return failed(QStringLiteral("Recording the sign-in"), error);
        return {};
    });
}

AccessOutcome AccessService::request(const QString &requester, const QString &productKey,
                                     const QStringList &columns, const QString &purpose,
                                     const QDateTime &startsAt, const QDateTime &endsAt)
{
    const std::optional<Product> product = m_store.productByKey(productKey);
    if (!product)
        return invalid(QStringLiteral("There is no product “%1” in this catalog.").arg(productKey));
    if (purpose.trimmed().isEmpty())
        return invalid(QStringLiteral("Say what the access is for (a purpose)."));
    if (!startsAt.isValid() || !endsAt.isValid() || endsAt <= startsAt)
        return invalid(QStringLiteral("The access period must end after it starts."));
    if (startsAt.daysTo(endsAt) > kMaxDays)
        return invalid(QStringLiteral("Access can be requested for at most %1 days.").arg(kMaxDays));
    if (endsAt <= now())
        return invalid(QStringLiteral("The access period is already over."));
    const QStringList known = productColumns(*product);
    QStringList wanted;
    for (const QString &c : columns) {
        const QString name = c.trimmed();
        if (name.isEmpty() || wanted.contains(name))
            continue;
        if (!known.contains(name))
            return invalid(QStringLiteral("%1 has no column “%2”.").arg(product->name, name));
        wanted.append(name);
    }
    // Nobody could decide it: refuse now rather than leave it pending for ever.
    if (product->ownerId.isEmpty() && product->stewardId.isEmpty() && product->domain.isEmpty())
        return refused(QStringLiteral("%1 has no owner or steward, so nobody can approve access "
                                      "to it; ask the governance council to assign an owner.")
                           .arg(product->name));
    const int needed = AccessPolicy::isSensitive(*product) ? 2 : 1;
    return write([&]() -> AccessOutcome {
        Statement &ins = m_store.database().prepare(QStringLiteral(
            "INSERT INTO access_requests(product_key, requester_id, columns, purpose, starts_at, "
            "ends_at, approvals_needed, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        ins.bind(1, productKey)
            .bind(2, requester)
            .bind(3, wanted.join(QLatin1Char(',')))
            .bind(4, purpose.trimmed())
            .bind(5, accessTime(startsAt))
            .bind(6, accessTime(endsAt))
            .bind(7, needed)
            .bind(8, accessTime(now()));
        if (!ins.exec())
            return failed(QStringLiteral("Saving the request"), ins.lastError());
        const qint64 id = m_store.database().lastInsertRowId();
        QString error;
        if (!audit(requester, QStringLiteral("request"), productKey,
                   QStringLiteral("request #%1").arg(id),
                   QStringLiteral("%1, %2 to %3, %4 approval(s) needed; purpose: %5")
                       .arg(columnsText(wanted), day(startsAt), day(endsAt))
                       .arg(needed)
                       .arg(purpose.trimmed()),
                   &error))
            return failed(QStringLiteral("Recording the request"), error);
        return {Code::Ok, QStringLiteral("Request #%1 sent.").arg(id), id, 0};
    });
}

AccessOutcome AccessService::approve(const QString &approver, qint64 requestId,
                                     const QStringList &narrowColumns,
                                     const QDateTime &shortenEndsAt)
{
    return write([&]() -> AccessOutcome {
        // Read inside the write transaction: a concurrent approval has either committed (and is
        // seen here) or waits for ours, so the checks below cannot race.
        const std::optional<AccessRequest> req = request(requestId);
        if (!req)
            return invalid(QStringLiteral("There is no access request #%1.").arg(requestId));
        if (req->requesterId == approver)
            return refused(QStringLiteral("Nobody approves their own request: #%1 was made by %2.")
                               .arg(requestId)
                               .arg(approver));
        const AccessDecision may =
            m_policy.decide(approver, AccessAction::Approve, {req->productKey, {}});
        if (!may.allowed())
            return refused(may.reason);
        if (req->status != AccessRequest::Status::Pending)
            return refused(QStringLiteral("Request #%1 was already %2 by %3 at %4.")
                               .arg(requestId)
                               .arg(AccessRequest::statusName(req->status), req->decidedBy,
                                    day(req->decidedAt)));
        if (req->endsAt <= now())
            return refused(
                QStringLiteral("Request #%1's access period is already over.").arg(requestId));
        const std::optional<Product> product = m_store.productByKey(req->productKey);
        const QString capacity = m_policy.approverCapacity(approver, *product);
        for (const AccessApproval &a : req->approvals) {
            if (a.approverId == approver)
                return refused(QStringLiteral("%1 already approved request #%2; it needs an "
                                              "approval from someone else.")
                                   .arg(approver)
                                   .arg(requestId));
            if (a.capacity == capacity)
                return refused(QStringLiteral("Request #%1 already has the %2's approval (%3); "
                                              "the sensitive product also needs the %4's.")
                                   .arg(requestId)
                                   .arg(capacity, a.approverId,
                                        capacity == QStringLiteral("owner")
                                            ? QStringLiteral("steward")
                                            : QStringLiteral("owner")));
        }
        // Narrowing only: an approver may take columns away or end earlier, never add.
        const QStringList allowedColumns =
            req->columns.isEmpty() ? productColumns(*product) : req->columns;
        for (const QString &c : narrowColumns)
            if (!allowedColumns.contains(c))
                return invalid(QStringLiteral("Column “%1” was not requested; an approval can "
                                              "only narrow the columns.")
                                   .arg(c));
        QDateTime endsAt = req->endsAt;
        if (shortenEndsAt.isValid()) {
            if (shortenEndsAt > req->endsAt)
                return invalid(QStringLiteral("An approval can only shorten the period (it "
                                              "ends %1).")
                                   .arg(day(req->endsAt)));
            if (shortenEndsAt <= req->startsAt || shortenEndsAt <= now())
                return invalid(QStringLiteral("The shortened period must end after it starts "
                                              "and in the future."));
            endsAt = shortenEndsAt;
        }
        Database &db = m_store.database();
        Statement &ins = db.prepare(QStringLiteral(
            "INSERT INTO access_approvals(request_id, approver_id, capacity, columns, ends_at, "
            "approved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        ins.bind(1, requestId)
            .bind(2, approver)
            .bind(3, capacity)
            .bind(4, narrowColumns.join(QLatin1Char(',')))
            .bind(5, accessTime(endsAt))
            .bind(6, accessTime(now()));
        if (!ins.exec())
            return failed(QStringLiteral("Saving the approval"), ins.lastError());
        QString error;
        if (!audit(approver, QStringLiteral("approve"), req->productKey,
                   QStringLiteral("request #%1").arg(requestId),
                   QStringLiteral("as %1; %2 until %3")
                       .arg(capacity,
                            columnsText(narrowColumns.isEmpty() ? req->columns : narrowColumns),
                            day(endsAt)),
                   &error))
            return failed(QStringLiteral("Recording the approval"), error);

        const qsizetype approvals = req->approvals.size() + 1;
        if (approvals < req->approvalsNeeded)
            return {Code::Ok,
                    QStringLiteral("Approved request #%1 as %2; it needs %3 more approval(s).")
                        .arg(requestId)
                        .arg(capacity)
                        .arg(req->approvalsNeeded - approvals),
                    requestId, 0};

        // The grant gets the narrowest terms any approver gave.
        QStringList columns = req->columns;
        QList<QStringList> narrowings;
        for (const AccessApproval &a : req->approvals)
            if (!a.columns.isEmpty())
                narrowings.append(a.columns);
        if (!narrowColumns.isEmpty())
            narrowings.append(narrowColumns);
        for (const QStringList &n : narrowings) {
            if (columns.isEmpty()) {
                columns = n;
                continue;
            }
            QStringList kept;
            for (const QString &c : columns)
                if (n.contains(c))
                    kept.append(c);
            columns = kept;
        }
        for (const AccessApproval &a : req->approvals)
            endsAt = std::min(endsAt, a.endsAt);
        if (!narrowings.isEmpty() && columns.isEmpty())
            return refused(QStringLiteral("The approvers' column choices have no column in "
                                          "common; deny the request instead."));

        Statement &grant = db.prepare(QStringLiteral(
            "INSERT INTO access_grants(request_id, product_key, user_id, columns, starts_at, "
            "ends_at, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        grant.bind(1, requestId)
            .bind(2, req->productKey)
            .bind(3, req->requesterId)
            .bind(4, columns.join(QLatin1Char(',')))
            .bind(5, accessTime(req->startsAt))
            .bind(6, accessTime(endsAt))
            .bind(7, accessTime(now()))
            .bind(8, approver);
        if (!grant.exec())
            return failed(QStringLiteral("Creating the grant"), grant.lastError());
        const qint64 grantId = db.lastInsertRowId();
        Statement &done = db.prepare(QStringLiteral(
            "UPDATE access_requests SET status = 'approved', decided_at = ?2, decided_by = ?3 "
            "WHERE id = ?1 AND status = 'pending'"));
        if (!done.bind(1, requestId).bind(2, accessTime(now())).bind(3, approver).exec() ||
            db.changes() != 1)
            return failed(QStringLiteral("Closing the request"), done.lastError());
        if (!audit(approver, QStringLiteral("grant"), req->productKey,
                   QStringLiteral("grant #%1").arg(grantId),
                   QStringLiteral("to %1 for request #%2: %3, %4 to %5")
                       .arg(req->requesterId)
                       .arg(requestId)
                       .arg(columnsText(columns), day(req->startsAt), day(endsAt)),
                   &error))
            return failed(QStringLiteral("Recording the grant"), error);
        return {Code::Ok,
                QStringLiteral("Approved request #%1; grant #%2 runs until %3.")
                    .arg(requestId)
                    .arg(grantId)
                    .arg(day(endsAt)),
                requestId, grantId};
    });
}

AccessOutcome AccessService::deny(const QString &approver, qint64 requestId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(QStringLiteral("Say why the request is denied (a reason)."));
    return write([&]() -> AccessOutcome {
        const std::optional<AccessRequest> req = request(requestId);
        if (!req)
            return invalid(QStringLiteral("There is no access request #%1.").arg(requestId));
        if (req->requesterId == approver)
            return refused(QStringLiteral("Nobody decides their own request; withdraw #%1 "
                                          "instead.")
                               .arg(requestId));
        const AccessDecision may =
            m_policy.decide(approver, AccessAction::Approve, {req->productKey, {}});
        if (!may.allowed())
            return refused(may.reason);
        if (req->status != AccessRequest::Status::Pending)
            return refused(QStringLiteral("Request #%1 was already %2 by %3 at %4.")
                               .arg(requestId)
                               .arg(AccessRequest::statusName(req->status), req->decidedBy,
                                    day(req->decidedAt)));
        Statement &st = m_store.database().prepare(QStringLiteral(
            "UPDATE access_requests SET status = 'denied', decided_at = ?2, decided_by = ?3, "
            "reason = ?4 WHERE id = ?1 AND status = 'pending'"));
        if (!st.bind(1, requestId)
                 .bind(2, accessTime(now()))
                 .bind(3, approver)
                 .bind(4, reason.trimmed())
                 .exec())
            return failed(QStringLiteral("Denying the request"), st.lastError());
        QString error;
        if (!audit(approver, QStringLiteral("deny"), req->productKey,
                   QStringLiteral("request #%1").arg(requestId), reason.trimmed(), &error))
            return failed(QStringLiteral("Recording the denial"), error);
        return {Code::Ok, QStringLiteral("Denied request #%1.").arg(requestId), requestId, 0};
    });
}

AccessOutcome AccessService::withdraw(const QString &requester, qint64 requestId)
{
    return write([&]() -> AccessOutcome {
        const std::optional<AccessRequest> req = request(requestId);
        if (!req)
            return invalid(QStringLiteral("There is no access request #%1.").arg(requestId));
        if (req->requesterId != requester)
            return refused(QStringLiteral("Only %1, who made request #%2, can withdraw it.")
                               .arg(req->requesterId)
                               .arg(requestId));
        if (req->status != AccessRequest::Status::Pending)
            return refused(QStringLiteral("Request #%1 was already %2; only a pending request "
                                          "can be withdrawn.")
                               .arg(requestId)
                               .arg(AccessRequest::statusName(req->status)));
        Statement &st = m_store.database().prepare(QStringLiteral(
            "UPDATE access_requests SET status = 'withdrawn', decided_at = ?2, decided_by = ?3 "
            "WHERE id = ?1 AND status = 'pending'"));
        if (!st.bind(1, requestId).bind(2, accessTime(now())).bind(3, requester).exec())
            return failed(QStringLiteral("Withdrawing the request"), st.lastError());
        QString error;
        if (!audit(requester, QStringLiteral("withdraw"), req->productKey,
                   QStringLiteral("request #%1").arg(requestId), {}, &error))
            return failed(QStringLiteral("Recording the withdrawal"), error);
        return {Code::Ok, QStringLiteral("Withdrew request #%1.").arg(requestId), requestId, 0};
    });
}

AccessOutcome AccessService::revoke(const QString &actor, qint64 grantId, const QString &reason)
{
    return write([&]() -> AccessOutcome {
        const std::optional<AccessGrant> g = grant(grantId);
        if (!g)
            return invalid(QStringLiteral("There is no grant #%1.").arg(grantId));
        const AccessDecision may =
            m_policy.decide(actor, AccessAction::Administer, {g->productKey, {}});
        if (!may.allowed())
            return refused(may.reason);
        const AccessGrant::State state = g->state(now());
        if (state == AccessGrant::State::Revoked || state == AccessGrant::State::Expired)
            return refused(QStringLiteral("Grant #%1 is already %2.")
                               .arg(grantId)
                               .arg(AccessGrant::stateName(state)));
        Statement &st = m_store.database().prepare(QStringLiteral(
            "UPDATE access_grants SET revoked_at = ?2, revoked_by = ?3, revoke_reason = ?4 "
            "WHERE id = ?1 AND revoked_at IS NULL"));
        if (!st.bind(1, grantId)
                 .bind(2, accessTime(now()))
                 .bind(3, actor)
                 .bind(4, reason.trimmed())
                 .exec())
            return failed(QStringLiteral("Revoking the grant"), st.lastError());
        QString error;
        if (!audit(actor, QStringLiteral("revoke"), g->productKey,
                   QStringLiteral("grant #%1").arg(grantId),
                   QStringLiteral("from %1%2")
                       .arg(g->userId, reason.trimmed().isEmpty()
                                           ? QString()
                                           : QStringLiteral(": ") + reason.trimmed()),
                   &error))
            return failed(QStringLiteral("Recording the revocation"), error);
        return {Code::Ok, QStringLiteral("Revoked grant #%1.").arg(grantId), grantId, 0};
    });
}

int AccessService::recordExpiries(QString *error)
{
    int recorded = 0;
    CatalogError catalogError;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            Database &db = m_store.database();
            Statement &due = db.prepare(QStringLiteral(
                "SELECT id, product_key, user_id, ends_at FROM access_grants "
                "WHERE revoked_at IS NULL AND expiry_logged_at IS NULL AND ends_at <= ?1 "
                "ORDER BY ends_at, id"));
            due.bind(1, accessTime(now()));
            struct Due
            {
                qint64 id;
                QString product, user, endsAt;
            };
            QList<Due> rows;
            while (due.step())
                rows.append({due.integer(0), due.text(1), due.text(2), due.text(3)});
            for (const Due &d : rows) {
                Statement &mark = db.prepare(QStringLiteral(
                    "UPDATE access_grants SET expiry_logged_at = ?2 WHERE id = ?1"));
                QString message;
                if (!mark.bind(1, d.id).bind(2, accessTime(now())).exec() ||
                    !audit(QStringLiteral("system"), QStringLiteral("expire"), d.product,
                           QStringLiteral("grant #%1").arg(d.id),
                           QStringLiteral("%1's access ended at %2").arg(d.user, d.endsAt),
                           &message)) {
                    if (e)
                        *e = {CatalogError::Code::Io,
                              message.isEmpty() ? mark.lastError() : message};
                    return false;
                }
                ++recorded;
            }
            return true;
        },
        &catalogError);
    if (!ok) {
        if (error)
            *error = catalogError.message;
        return 0;
    }
    return recorded;
}

AccessOutcome AccessService::recordUse(const QString &actor, AccessAction action,
                                       const AccessResource &resource,
                                       const AccessDecision &decision)
{
    QString name;
    switch (action) {
    case AccessAction::Preview:
        name = decision.verdict == AccessDecision::Verdict::Allow
                   ? QStringLiteral("preview-pii")
                   : QStringLiteral("preview-masked");
        break;
    case AccessAction::Export:
        name = QStringLiteral("export");
        break;
    case AccessAction::EditMetadata:
        name = QStringLiteral("edit-metadata");
        break;
    default:
        return invalid(QStringLiteral("Only previews, exports and metadata edits are recorded "
                                      "as uses."));
    }
    if (!decision.allowed())
        return refused(decision.reason);
    return write([&]() -> AccessOutcome {
        QString error;
        QString detail = decision.reason;
        if (!decision.maskedColumns.isEmpty())
            detail += QStringLiteral(" Masked: %1.").arg(decision.maskedColumns.join(
                QStringLiteral(", ")));
        if (!audit(actor, name, resource.productKey,
                   resource.columns.isEmpty() ? QString()
                                              : resource.columns.join(QStringLiteral(", ")),
                   detail, &error))
            return failed(QStringLiteral("Recording the use"), error);
        return {};
    });
}

std::optional<AccessRequest> AccessService::request(qint64 id) const
{
    refreshSnapshot(m_store.database());
    Database &db = m_store.database();
    Statement &st = db.prepare(kRequestSelect + QStringLiteral("WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    AccessRequest r = readRequest(st);
    st.reset();
    Statement &ap = db.prepare(QStringLiteral(
        "SELECT approver_id, capacity, columns, ends_at, approved_at FROM access_approvals "
        "WHERE request_id = ?1 ORDER BY approved_at, rowid"));
    ap.bind(1, id);
    while (ap.step())
        r.approvals.append({ap.text(0), ap.text(1), splitAccessList(ap.text(2)),
                            parseAccessTime(ap.text(3)), parseAccessTime(ap.text(4))});
    return r;
}

QList<AccessRequest> AccessService::requests(const QString &productKey,
                                             const QString &requester) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        kRequestSelect + QStringLiteral("WHERE (?1 = '' OR product_key = ?1) AND "
                                        "(?2 = '' OR requester_id = ?2) ORDER BY id DESC"));
    st.bind(1, productKey).bind(2, requester);
    QList<qint64> ids;
    while (st.step())
        ids.append(st.integer(0));
    QList<AccessRequest> result;
    for (qint64 id : ids)
        if (auto r = request(id))
            result.append(*r);
    return result;
}

std::optional<AccessGrant> AccessService::grant(qint64 id) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(kGrantSelect + QStringLiteral("WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readGrant(st);
}

QList<AccessGrant> AccessService::grants(const QString &productKey, const QString &userId) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        kGrantSelect + QStringLiteral("WHERE (?1 = '' OR product_key = ?1) AND "
                                      "(?2 = '' OR user_id = ?2) ORDER BY id DESC"));
    st.bind(1, productKey).bind(2, userId);
    QList<AccessGrant> result;
    while (st.step())
        result.append(readGrant(st));
    return result;
}

QList<AccessRequest> AccessService::inbox(const QString &userId) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        QStringLiteral("SELECT id FROM access_requests WHERE status = 'pending' ORDER BY id"));
    QList<qint64> ids;
    while (st.step())
        ids.append(st.integer(0));
    QList<AccessRequest> result;
    for (qint64 id : ids) {
        const std::optional<AccessRequest> r = request(id);
        if (!r || r->requesterId == userId || r->endsAt <= now())
            continue;
        bool approved = false;
        for (const AccessApproval &a : r->approvals)
            approved = approved || a.approverId == userId;
        if (approved)
            continue;
        if (m_policy.decide(userId, AccessAction::Approve, {r->productKey, {}}).allowed())
            result.append(*r);
    }
    return result;
}

QList<AccessNotification> AccessService::notifications(const QString &userId) const
{
    Statement &seen = m_store.database().prepare(
        QStringLiteral("SELECT seen_at FROM access_seen WHERE user_id = ?1"));
    seen.bind(1, userId);
    const QDateTime seenAt = seen.step() ? parseAccessTime(seen.text(0)) : QDateTime();
    seen.reset();
    const QDateTime t = now();
    QList<AccessNotification> result;
    auto add = [&](AccessNotification n) {
        n.unread = !seenAt.isValid() || n.at > seenAt;
        result.append(n);
    };
    for (const AccessRequest &r : inbox(userId))
        add({AccessNotification::Kind::NewRequest, r.createdAt,
             QStringLiteral("%1 asks for access to %2 (request #%3)")
                 .arg(r.requesterId, r.productKey)
                 .arg(r.id),
             r.productKey, r.id, 0, false});
    for (const AccessRequest &r : requests({}, userId)) {
        if (r.status != AccessRequest::Status::Approved &&
            r.status != AccessRequest::Status::Denied)
            continue;
        if (r.decidedAt.daysTo(t) > 14)
            continue;
        add({AccessNotification::Kind::Decision, r.decidedAt,
             QStringLiteral("Your request #%1 for %2 was %3 by %4%5")
                 .arg(r.id)
                 .arg(r.productKey, AccessRequest::statusName(r.status), r.decidedBy,
                      r.reason.isEmpty() ? QString() : QStringLiteral(": ") + r.reason),
             r.productKey, r.id, 0, false});
    }
    for (const AccessGrant &g : grants({}, userId)) {
        if (g.state(t) != AccessGrant::State::Active ||
            g.endsAt > t.addDays(kExpiringWithinDays))
            continue;
        add({AccessNotification::Kind::Expiring, g.endsAt.addDays(-kExpiringWithinDays),
             QStringLiteral("Your grant #%1 for %2 expires on %3")
                 .arg(g.id)
                 .arg(g.productKey, day(g.endsAt)),
             g.productKey, g.requestId, g.id, false});
    }
    std::sort(result.begin(), result.end(),
              [](const AccessNotification &a, const AccessNotification &b) { return a.at > b.at; });
    return result;
}

int AccessService::unreadCount(const QString &userId) const
{
    int n = 0;
    for (const AccessNotification &note : notifications(userId))
        n += note.unread ? 1 : 0;
    return n;
}

bool AccessService::markNotificationsSeen(const QString &userId, QString *error)
{
    CatalogError catalogError;
    const bool ok = m_store.transaction(
        [&](CatalogError *e) {
            Statement &st = m_store.database().prepare(QStringLiteral(
                "INSERT INTO access_seen(user_id, seen_at) VALUES (?1, ?2) "
                "ON CONFLICT(user_id) DO UPDATE SET seen_at = excluded.seen_at"));
            if (!st.bind(1, userId).bind(2, accessTime(now())).exec()) {
                if (e)
                    *e = {CatalogError::Code::Io, st.lastError()};
                return false;
            }
            return true;
        },
        &catalogError);
    if (!ok && error)
        *error = catalogError.message;
    return ok;
}

} // namespace Mesh
