// SPDX-License-Identifier: MIT
#include "team/teamaudit.h"

#include "team/pgconnection.h"

namespace Mesh {

std::optional<QList<AuditEntry>> TeamAudit::entries(PgConnection &conn, QString *error)
{
    const PgResult r = conn.exec(QStringLiteral(
        "SELECT seq, at, actor, action, product_key, subject, detail, prev_hash, hash "
        "FROM audit_log ORDER BY seq"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    QList<AuditEntry> result;
    result.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        result.append(AuditEntry{r.integer(i, 0), parseAccessTime(r.text(i, 1)), r.text(i, 2),
                                 r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6),
                                 r.text(i, 7), r.text(i, 8)});
    return result;
}

} // namespace Mesh
