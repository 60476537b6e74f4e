// SPDX-License-Identifier: MIT
// Replays fuzz inputs through a target's LLVMFuzzerTestOneInput without libFuzzer: the normal
// suite's regression test. Arguments are files or folders (read recursively, sorted); a folder
// that does not exist is skipped, but at least one input must be found.
#include "fuzzsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QFile::decodeName(argv[i]);
        const QFileInfo info(arg);
        if (info.isFile()) {
            files << arg;
        } else if (info.isDir()) {
            QDirIterator it(arg, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            QStringList found;
            while (it.hasNext())
                found << it.next();
            std::sort(found.begin(), found.end());
            files << found;
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "replay: no inputs found in the given paths\n");
        return 2;
    }
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = f.readAll();
        std::fprintf(stderr, "replay: %s (%lld bytes)\n", qPrintable(path),
                     static_cast<long long>(bytes.size()));
        // A copy in a buffer of exactly the input's size, as libFuzzer passes it, so ASan sees
        // reads past the end.
        auto *copy = static_cast<uint8_t *>(std::malloc(std::max<size_t>(1, size_t(bytes.size()))));
        std::memcpy(copy, bytes.constData(), size_t(bytes.size()));
        LLVMFuzzerTestOneInput(copy, size_t(bytes.size()));
        std::free(copy);
    }
    std::printf("replay: %lld inputs, no crash\n", static_cast<long long>(files.size()));
    return 0;
}
