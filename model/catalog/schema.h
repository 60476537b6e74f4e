// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Mesh {

class Database;

/**
 * The catalog schema as an ordered list of forward migrations. Version N is the state after
 * migration N; PRAGMA user_version records it. A new schema change is a new migration appended
 * here — never an edit of an old one, so every older catalog file can be brought forward.
 */
namespace Schema {

/** The schema this build writes: the number of migrations in schema.cpp. */
constexpr int kLatestVersion = 12;
int currentVersion(Database &db);
/** Applies migrations (current, target] in one transaction. On failure nothing changes. */
bool migrate(Database &db, int targetVersion, QString *error);

} // namespace Schema
} // namespace Mesh
