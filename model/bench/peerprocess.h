// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Mesh {

/** How a peer tool run by a benchmark ended. */
struct PeerProcess
{
    bool ok = false;       // started, exited normally with status 0, within the time allowed
    bool timedOut = false; // killed after timeoutMs
    QString problem;       // when !ok: one line saying what went wrong (stderr's start included)
    QByteArray output;     // standard output
};

/**
 * Runs a benchmark's peer (graphviz dot, node, npm, the sqlite3 shell…) and waits for it,
 * reading its output as it comes so that a chatty peer never blocks on a full pipe.
 * stdinFile, when set, is fed to its standard input. Kills it after timeoutMs.
 */
PeerProcess runPeerProcess(const QString &program, const QStringList &args, int timeoutMs,
                           const QString &stdinFile = {});

} // namespace Mesh
