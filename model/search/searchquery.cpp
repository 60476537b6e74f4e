// SPDX-License-Identifier: MIT
#include "search/searchquery.h"

#include "search/searchtypes.h"

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
}

QString SearchQuery::ftsExpression() const
{
    QStringList parts;
    parts.reserve(m_terms.size());
    for (const QString &t : m_terms)
        parts.append(QLatin1Char('"') + t + QStringLiteral("\"*"));
    return parts.join(QLatin1Char(' '));
}

qsizetype findTerm(const QString &text, const QStringList &terms, qsizetype *length)
{
    const QString folded = foldForSearch(text);
    // Folding can change lengths (ligatures, decomposed accents); only trust positions when
    // the folded text lines up with the original.
    const bool aligned = folded.size() == text.size();
    for (const Word &w : splitWords(folded)) {
        const QString word = folded.mid(w.start, w.length);
        for (const QString &t : terms) {
            if (word.startsWith(t)) {
                if (length)
                    *length = aligned ? w.length : 0;
                return aligned ? w.start : 0;
            }
        }
    }
    return -1;
}

QString makeSnippet(const QString &text, const QStringList &terms, int contextWords)
{
    const QString flat = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString folded = foldForSearch(flat);
    if (folded.size() != flat.size() || terms.isEmpty())
        return {};
    const QList<Word> words = splitWords(folded);
    auto matches = [&](const Word &w) {
        const QString word = folded.mid(w.start, w.length);
        for (const QString &t : terms)
            if (word.startsWith(t))
                return true;
        return false;
    };
    qsizetype first = -1;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (matches(words.at(i))) {
            first = i;
            break;
        }
    }
    if (first < 0)
        return {};
    const qsizetype from = std::max<qsizetype>(0, first - contextWords / 2);
    const qsizetype to = std::min<qsizetype>(words.size() - 1, from + contextWords);
    const qsizetype startChar = words.at(from).start;
    const qsizetype endChar = words.at(to).start + words.at(to).length;
    QString out;
    if (from > 0)
        out += QStringLiteral("… ");
    qsizetype pos = startChar;
    for (qsizetype i = from; i <= to; ++i) {
        const Word &w = words.at(i);
        if (!matches(w))
            continue;
        out += flat.mid(pos, w.start - pos);
        out += kSnippetOpen + flat.mid(w.start, w.length) + kSnippetClose;
        pos = w.start + w.length;
    }
    out += flat.mid(pos, endChar - pos);
    if (to < words.size() - 1)
        out += QStringLiteral(" …");
    return out.simplified();
}

} // namespace Mesh
