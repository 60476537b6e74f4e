// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace Mesh {

class BenchReport;

/** Sizes of `meshctl bench team`. */
struct TeamBenchOptions
{
    int products = 100000; // generated on the server, plus the Messy Inc. demo
    int changes = 100;     // server-side edits before the incremental sync
    int clients = 20;      // concurrent writers
    int writes = 1000;     // requests, approvals and edits in total, across the clients
};

/**
 * `meshctl bench team`: starts a throw-away PostgreSQL server (LocalPgServer), seeds Messy Inc.
 * and options.products generated products with one multi-row INSERT … SELECT, then measures
 * (1) the first sync into an empty local catalog, (2) an incremental sync after options.changes
 * server-side edits, (3) options.clients threads, each with its own connection, making
 * options.writes requests, approvals and edits in total; it then checks that every write is on the
 * server exactly once and that the audit chain is intact. Fails (false, *error) when a check
 * fails. progress gets one line per phase.
 */
bool runTeamBench(const TeamBenchOptions &options, BenchReport &report, QString *error,
                  const std::function<void(const QString &)> &progress = {});

} // namespace Mesh
