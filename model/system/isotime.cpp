// SPDX-License-Identifier: MIT
#include "system/isotime.h"

namespace Mesh {

QString isoUtc(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime utc = t.timeSpec() == Qt::UTC ? t : t.toUTC();
    const QDate d = utc.date();
    const QTime time = utc.time();
    const int year = d.year();
    if (year < 0 || year > 9999)
        return utc.toString(Qt::ISODate);
    char text[20];
    auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, d.month(), 2);
    text[7] = '-';
    put(8, d.day(), 2);
    text[10] = 'T';
    put(11, time.hour(), 2);
    text[13] = ':';
    put(14, time.minute(), 2);
    text[16] = ':';
    put(17, time.second(), 2);
    text[19] = 'Z';
    return QString::fromLatin1(text, 20);
}

} // namespace Mesh
