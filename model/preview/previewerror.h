// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Mesh {

/**
 * Why a sample could not be read (or stopped being read): the file or URL, where in it (line and
 * byte offset when known), what is wrong and what the person can do about it. Plain value.
 */
struct PreviewError
{
    enum class Kind {
        None, Missing, Empty, Binary, Encoding, Quoting, LineTooLong, Json, Sqlite, Http,
        Timeout, TooLarge, Cancelled, Denied, Io
    };
    Kind kind = Kind::None;
    QString source;         // file path or URL
    qint64 line = -1;       // 1-based line, -1 when unknown
    qint64 byteOffset = -1; // 0-based byte offset, -1 when unknown
    QString what;           // what is wrong, one sentence
    QString hint;           // what to do, one sentence

    explicit operator bool() const { return kind != Kind::None; }
    /** "file: line 3, byte 120: what. hint" */
    QString toString() const;

    static PreviewError make(Kind kind, const QString &source, const QString &what,
                             const QString &hint = {}, qint64 line = -1, qint64 byteOffset = -1);
};

} // namespace Mesh
