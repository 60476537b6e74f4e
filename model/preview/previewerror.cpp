// SPDX-License-Identifier: MIT
#include "preview/previewerror.h"

#include <QStringList>

namespace Mesh {

QString PreviewError::toString() const
{
    QStringList where;
    if (line >= 0)
        where << QStringLiteral("line %1").arg(line);
    if (byteOffset >= 0)
        where << QStringLiteral("byte %1").arg(byteOffset);
    QString text = source;
    if (!where.isEmpty())
        text += QStringLiteral(": ") + where.join(QStringLiteral(", "));
    text += QStringLiteral(": ") + what;
    if (!hint.isEmpty())
        text += QLatin1Char(' ') + hint;
    return text;
}

PreviewError PreviewError::make(Kind kind, const QString &source, const QString &what,
                                const QString &hint, qint64 line, qint64 byteOffset)
{
    PreviewError e;
    e.kind = kind;
    e.source = source;
    e.what = what;
    e.hint = hint;
    e.line = line;
    e.byteOffset = byteOffset;
    return e;
}

} // namespace Mesh
