// SPDX-License-Identifier: MIT
#include "access/snapshot.h"

#include "db/sqlite.h"

#include <sqlite3.h>

namespace Mesh {

void refreshSnapshot(Database &db)
{
    if (db.inTransaction())
        return;
    for (sqlite3_stmt *st = sqlite3_next_stmt(db.handle(), nullptr); st;
         st = sqlite3_next_stmt(db.handle(), st))
        if (sqlite3_stmt_busy(st) && sqlite3_stmt_readonly(st))
            sqlite3_reset(st);
}

} // namespace Mesh
