// SPDX-License-Identifier: MIT
#include "preview/masking.h"

namespace Mesh::Masking {

namespace {
const QString kDots = QStringLiteral("\u2022\u2022\u2022");
const QString kDots4 = QStringLiteral("\u2022\u2022\u2022\u2022");
} // namespace

QString mask(const QString &value)
{
    if (value.isNull())
        return {};
    if (value.isEmpty())
        return QStringLiteral("");
    const QString v = value.trimmed();
    const qsizetype at = v.indexOf(QLatin1Char('@'));
    if (at > 0) {
        // e-mail: first letter, then the top-level domain only
        const qsizetype dot = v.lastIndexOf(QLatin1Char('.'));
        const QString tld = dot > at ? v.mid(dot) : QString();
        return v.left(1) + kDots + QLatin1Char('@') + kDots4 + tld;
    }
    int digits = 0;
    bool phoneLike = true;
    for (const QChar c : v) {
        if (c.isDigit())
            ++digits;
        else if (!QStringView(u" +-()./").contains(c))
            phoneLike = false;
    }
    if (phoneLike && digits >= 4) {
        // phone numbers, account numbers: the last four digits
        QString last;
        for (qsizetype i = v.size() - 1; i >= 0 && last.size() < 4; --i)
            if (v.at(i).isDigit())
                last.prepend(v.at(i));
        return kDots4 + last;
    }
    return v.left(1) + kDots;
}

} // namespace Mesh::Masking
