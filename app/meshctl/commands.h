// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <memory>
#include <optional>

namespace Mesh {
class AccessService;
struct OdcsIssue;
class PgConnection;
class SqliteCatalogStore;
struct TeamWriteOutcome;
} // namespace Mesh

namespace Mesh::Cli {

/** meshctl's exit codes, shared by every command. */
enum Exit : int {
    Ok = 0,
    Usage = 2,       // usage error or bad input
    Refused = 3,     // refused by policy
    PartlyFailed = 4, // e.g. one source of a sync failed
    Conflict = 5      // someone else saved the product first (meshctl edit / revert)
};

/** Runs one meshctl command line (without the program name); returns the exit code. */
int run(const QStringList &args);

// Access requests and the audit log (cmd_access.cpp)
int cmdAccess(const QStringList &args);
int cmdAudit(const QStringList &args);

// Sample preview (cmd_preview.cpp)
int cmdPreview(const QStringList &args);
int cmdBenchPreview(const QStringList &args);

// Lineage (cmd_lineage.cpp, cmd_benchlineage.cpp)
int cmdImportOpenLineage(const QStringList &args);
int cmdLineage(const QStringList &args);
int cmdImpact(const QStringList &args);
int cmdBenchLineage(const QStringList &args);

// Metadata editing, history and dark data (cmd_edit.cpp)
int cmdEdit(const QStringList &args);
int cmdHistory(const QStringList &args);
int cmdRevert(const QStringList &args);
int cmdUnclaimed(const QStringList &args);
int cmdClaim(const QStringList &args);
// Governance, quality alerts and data contracts (cmd_governance.cpp)
int cmdGovernance(const QStringList &args);
int cmdAlerts(const QStringList &args);
int cmdContract(const QStringList &args);
// KPIs (cmd_kpi.cpp, cmd_benchkpi.cpp)
int cmdKpi(const QStringList &args);
int cmdBenchKpi(const QStringList &args);
struct Command;
/** Who the command acts as: the OS login, or --as USER on the demo catalog (audited, in
 *  cmd_access.cpp). On failure *code is the exit code and the error is on stderr. */
std::optional<QString> actingUser(Command &c, AccessService &service, int *code);
std::optional<QString> actingUser(Command &c, SqliteCatalogStore &store, int *code);
int generateKpiFacts(Command &c); // meshctl generate --kpi-rows
// Federated sources (cmd_sources.cpp, cmd_benchsync.cpp)
int cmdSources(const QStringList &args);
int cmdSync(const QStringList &args);
int cmdExport(const QStringList &args);
int cmdBenchSync(const QStringList &args);
// Team catalog on PostgreSQL (cmd_team.cpp, cmd_benchteam.cpp)
int cmdServer(const QStringList &args);
int cmdSyncTeam(const QStringList &args);
int cmdTeam(const QStringList &args);
// access, governance, alerts and claim with --server URL (cmd_teamgovernance.cpp)
int cmdTeamAccess(const QStringList &args);
int cmdTeamGovernance(const QStringList &args);
int cmdTeamAlerts(const QStringList &args);
int cmdTeamClaim(const QStringList &args);
int cmdTeamContract(const QStringList &args);
int cmdTeamAudit(const QStringList &args);
/** history and unclaimed with --server URL: the local report, after pulling the server's changes. */
int cmdTeamHistory(const QStringList &args);
int cmdTeamUnclaimed(const QStringList &args);
/** The exit code of a team server write, with its message on stdout (Ok) or stderr. */
int teamWriteExit(const TeamWriteOutcome &o);

struct Command;
/** What a team write made on the cache needs (cmd_teamgovernance.cpp). */
struct TeamWriteSetup
{
    std::unique_ptr<SqliteCatalogStore> store; // FILE, the cache
    std::unique_ptr<PgConnection> conn;        // null when unreachable: the write is queued
    QString url;
    QString actor; // --as USER, or the OS login
};
/**
 * For a write that starts from what the cache holds (revert, contract import): opens the cache
 * (positional 0), connects to --server and pulls the server's changes in first. nullopt with the
 * error printed and *code set; "nothing was <done>" ends a failed pull's message.
 */
std::optional<TeamWriteSetup> prepareTeamWrite(Command &c, const QString &done, int *code);
/** contract import's CONTRACT file (cmd_governance.cpp); nullopt with the error printed. */
std::optional<QByteArray> contractFile(const QString &path, int *code);
/** Prints why the contract at path is refused (each located problem) and returns Usage. */
int invalidContract(const QString &path, const QList<OdcsIssue> &errors);
int cmdBenchTeam(const QStringList &args);

} // namespace Mesh::Cli
