// SPDX-License-Identifier: MIT
#include "fuzzymatch.h"

#include <QString>

#include <vector>

namespace Mesh::FuzzyMatch {

namespace {

bool isWordStart(QStringView text, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar prev = text.at(i - 1);
    const QChar here = text.at(i);
    if (!prev.isLetterOrNumber())
        return here.isLetterOrNumber();
    return prev.isLower() && here.isUpper(); // camelCase
}

} // namespace

int score(QStringView pattern, QStringView text, QList<int> *positions)
{
    QString needle;
    needle.reserve(pattern.size());
    for (QChar c : pattern)
        if (!c.isSpace())
            needle += c.toCaseFolded();
    if (positions)
        positions->clear();
    if (needle.isEmpty())
        return 0;
    const QString hay = text.toString().toCaseFolded();
    if (hay.size() != text.size())
        return kNoMatch; // case folding changed the length (rare scripts): keep positions honest
    const qsizetype n = needle.size();
    const qsizetype m = hay.size();
    if (n > m)
        return kNoMatch;

    // Dynamic programming over (pattern index, text index): the best score of matching
    // needle[0..i] with needle[i] at text[j]. Small inputs (menu texts), so O(n·m) is fine.
    constexpr int kWordStart = 8;
    constexpr int kConsecutive = 10;
    constexpr int kMatch = 1;
    constexpr int kFirstCharPenalty = 1; // per character before the first match, up to 5
    constexpr int kNone = -1000000;
    std::vector<int> best(size_t(n * m), kNone);
    std::vector<int> from(size_t(n * m), -1);
    for (qsizetype i = 0; i < n; ++i) {
        int runningBest = kNone;
        int runningFrom = -1;
        for (qsizetype j = 0; j < m; ++j) {
            // best over k < j of best[i-1][k] - gap, kept as a running maximum
            if (i > 0 && j > 0) {
                const int candidate = best[size_t((i - 1) * m + j - 1)];
                if (candidate > kNone && candidate > runningBest) {
                    runningBest = candidate;
                    runningFrom = int(j - 1);
                }
            }
            if (hay.at(j) != needle.at(i))
                continue;
            const int bonus = kMatch + (isWordStart(text, j) ? kWordStart : 0);
            int value = kNone;
            int prev = -1;
            if (i == 0) {
                value = bonus - int(qMin<qsizetype>(j, 5)) * kFirstCharPenalty;
            } else {
                const int consecutive = j > 0 ? best[size_t((i - 1) * m + j - 1)] : kNone;
                if (consecutive > kNone) {
                    value = consecutive + bonus + kConsecutive;
                    prev = int(j - 1);
                }
                if (runningBest > kNone && runningBest + bonus - 1 > value) {
                    value = runningBest + bonus - 1; // a gap costs a point
                    prev = runningFrom;
                }
            }
            best[size_t(i * m + j)] = value;
            from[size_t(i * m + j)] = prev;
        }
    }
    int result = kNone;
    qsizetype end = -1;
    for (qsizetype j = 0; j < m; ++j) {
        if (best[size_t((n - 1) * m + j)] > result) {
            result = best[size_t((n - 1) * m + j)];
            end = j;
        }
    }
    if (end < 0)
        return kNoMatch;
    if (positions) {
        QList<int> path;
        qsizetype j = end;
        for (qsizetype i = n - 1; i >= 0 && j >= 0; --i) {
            path.prepend(int(j));
            j = from[size_t(i * m + j)];
        }
        *positions = path;
    }
    // Shorter texts win ties, so "Open" beats "Open Recent Catalog Folder" for "open".
    return qMax(0, result * 4 - int(m - n) / 8);
}

} // namespace Mesh::FuzzyMatch
