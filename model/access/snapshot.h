// SPDX-License-Identifier: MIT
#pragma once

namespace Mesh {

class Database;

/**
 * Ends a read snapshot that a finished-early statement left open on db (a cached statement
 * stepped to its first row and never reset keeps its WAL snapshot, so the connection would
 * not see grants or revocations that other processes committed since). Only acts outside a
 * transaction; call it where an access decision or change starts.
 */
void refreshSnapshot(Database &db);

} // namespace Mesh
