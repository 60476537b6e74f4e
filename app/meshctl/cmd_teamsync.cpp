// SPDX-License-Identifier: MIT
#include "cli.h"
namespace Mesh::Cli {
int cmdSyncTeam(const QStringList &) { return fail(Usage, QStringLiteral("not yet")); }
int cmdTeam(const QStringList &) { return fail(Usage, QStringLiteral("not yet")); }
} // namespace Mesh::Cli
