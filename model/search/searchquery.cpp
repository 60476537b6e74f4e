// SPDX-License-Identifier: MIT
#include "search/searchquery.h"

#include "search/searchtypes.h"

#include <algorithm>

namespace Mesh {

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

struct Word
{
    qsizetype start = 0;
    qsizetype length = 0;
};

QList<Word> splitWords(const QString &text)
{
    QList<Word> words;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && !isWordChar(text.at(i)))
            ++i;
        const qsizetype start = i;
        while (i < n && isWordChar(text.at(i)))
            ++i;
        if (i > start)
            words.append({start, i - start});
    }
    return words;
}
} // namespace

QString foldForSearch(const QString &text)
{
    // Most catalog text is ASCII: lower-casing is all the folding it needs.
    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return text.toLower();
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c.toLower());
    }
    return out;
}

SearchQuery::SearchQuery(const QString &text)
{
    // Only look at a bounded prefix of the text: a huge paste must not cost more than a query.
    const QString head = text.left(kMaxTerms * (kMaxTermLength + 8));
    const QString folded = foldForSearch(head);
    for (const Word &w : splitWords(folded)) {
        QString term = folded.mid(w.start, std::min<qsizetype>(w.length, kMaxTermLength));
        if (!m_terms.contains(term))
            m_terms.append(term);
        if (m_terms.size() == kMaxTerms)
            break;
    }
    // A one-letter word after others is most likely still being typed, and as an FTS prefix it
    // would merge the doclists of every word starting with that letter (~100 ms on 100k
    // products). It counts from its second letter; a lone letter is served by name prefix.
    if (m_terms.size() > 1 && m_terms.last().size() == 1)
        m_terms.removeLast();
}

QString SearchQuery::ftsExpression() const
{
    // Words followed by more words are complete; only the last one is still being typed and
    // matches as a prefix. FTS5 merges the doclists of every word a prefix covers before it can
    // intersect them, so exact earlier words keep "defect count" at ~1 ms instead of ~12 ms.
    QStringList parts;
    parts.reserve(m_terms.size());
    for (qsizetype i = 0; i < m_terms.size(); ++i) {
        const bool last = i + 1 == m_terms.size();
        parts.append(QLatin1Char('"') + m_terms.at(i) +
                     (last ? QStringLiteral("\"*") : QStringLiteral("\"")));
    }
    return parts.join(QLatin1Char(' '));
}

namespace {
/** Folded text plus, for each folded character, the index of the original it came from. */
struct Folded
{
    QString text;
    QList<qsizetype> origin; // empty: identity (ASCII text folds one to one)

    qsizetype start(const Word &w) const { return origin.isEmpty() ? w.start : origin.at(w.start); }
    qsizetype end(const Word &w) const
    {
        const qsizetype last = w.start + w.length - 1;
        return (origin.isEmpty() ? last : origin.at(last)) + 1;
    }
};

Folded foldWithOrigins(const QString &text)
{
    Folded f;
    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        f.text = text.toLower();
        return f;
    }
    f.text.reserve(text.size());
    f.origin.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QString folded = foldForSearch(QString(text.at(i)));
        for (QChar c : folded) {
            f.text.append(c);
            f.origin.append(i);
        }
    }
    return f;
}

bool startsWithAny(const QString &folded, const Word &w, const QStringList &terms)
{
    const QStringView word = QStringView(folded).mid(w.start, w.length);
    return std::any_of(terms.cbegin(), terms.cend(),
                       [&](const QString &t) { return word.startsWith(t); });
}
} // namespace

qsizetype findTerm(const QString &text, const QStringList &terms, qsizetype *length)
{
    const Folded folded = foldWithOrigins(text);
    for (const Word &w : splitWords(folded.text)) {
        if (startsWithAny(folded.text, w, terms)) {
            if (length)
                *length = folded.end(w) - folded.start(w);
            return folded.start(w);
        }
    }
    return -1;
}

QString makeSnippet(const QString &text, const QStringList &terms, int contextWords)
{
    if (terms.isEmpty())
        return {};
    const QString flat = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const Folded folded = foldWithOrigins(flat);
    const QList<Word> words = splitWords(folded.text);
    qsizetype first = -1;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (startsWithAny(folded.text, words.at(i), terms)) {
            first = i;
            break;
        }
    }
    if (first < 0)
        return {};
    const qsizetype from = std::max<qsizetype>(0, first - contextWords / 2);
    const qsizetype to = std::min<qsizetype>(words.size() - 1, from + contextWords);
    const qsizetype endChar = folded.end(words.at(to));
    QString out;
    if (from > 0)
        out += QStringLiteral("… ");
    qsizetype pos = folded.start(words.at(from));
    for (qsizetype i = from; i <= to; ++i) {
        const Word &w = words.at(i);
        if (!startsWithAny(folded.text, w, terms))
            continue;
        const qsizetype start = folded.start(w);
        const qsizetype end = folded.end(w);
        out += flat.mid(pos, start - pos);
        out += kSnippetOpen + flat.mid(start, end - start) + kSnippetClose;
        pos = end;
    }
    out += flat.mid(pos, endChar - pos);
    if (to < words.size() - 1)
        out += QStringLiteral(" …");
    return out.simplified();
}

} // namespace Mesh
