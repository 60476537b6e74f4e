// SPDX-License-Identifier: MIT
#pragma once

// Shared by the fuzz targets: each defines LLVMFuzzerTestOneInput and is linked either to
// libFuzzer (-DMESH_FUZZ=ON) or to replay.cpp (the normal suite's regression replay).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace Mesh::Fuzz {

/** An invariant the code under test must keep; a violation is a finding (abort, like a crash). */
inline void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "mesh fuzz: invariant violated: %s\n", what);
        std::abort();
    }
}

/** Writes the input to a per-process scratch file and returns its path (readers take paths). */
inline QString writeScratch(const uint8_t *data, size_t size, const char *suffix)
{
    const QString path = QDir::tempPath() + QStringLiteral("/mesh-fuzz-%1%2")
                                                .arg(::getpid())
                                                .arg(QString::fromLatin1(suffix));
    const QByteArray native = QFile::encodeName(path);
    std::FILE *f = std::fopen(native.constData(), "wb");
    check(f != nullptr, "scratch file can be created");
    if (size > 0)
        check(std::fwrite(data, 1, size, f) == size, "scratch file is written");
    std::fclose(f);
    return path;
}

inline void removeScratch(const QString &path)
{
    ::unlink(QFile::encodeName(path).constData());
}

} // namespace Mesh::Fuzz
