// SPDX-License-Identifier: MIT
#include "bench/peerprocess.h"

#include <QElapsedTimer>
#include <QProcess>

namespace Mesh {

PeerProcess runPeerProcess(const QString &program, const QStringList &args, int timeoutMs,
                           const QString &stdinFile)
{
    PeerProcess result;
    QProcess p;
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        result.problem = program + QStringLiteral(" did not start: ") + p.errorString();
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    while (p.state() != QProcess::NotRunning && !p.waitForFinished(200)) {
        result.output += p.readAllStandardOutput();
        if (timer.elapsed() > timeoutMs) {
            p.kill();
            p.waitForFinished(5000);
            result.timedOut = true;
            result.problem = QStringLiteral("%1 took longer than %2 s").arg(program).arg(timeoutMs / 1000);
            return result;
        }
    }
    result.output += p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        result.problem = program + QStringLiteral(" failed: ") +
                         QString::fromUtf8(p.readAllStandardError()).simplified().left(300);
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace Mesh
