// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace Mesh {

class PgConnection;

/**
 * The team server's audit_log, read for AuditLog::verify and AuditLog::toCsv: the server chains
 * its entries with the desktop's canonical encoding (server migration 2), so the desktop's
 * verifier checks them unchanged. Reads as the connection's current role; the audit_log SELECT
 * policy lets every mesh_user read every entry.
 */
class TeamAudit
{
public:
    /** Every entry in seq order, or nullopt with error set. */
    static std::optional<QList<AuditEntry>> entries(PgConnection &conn, QString *error);
};

} // namespace Mesh
