// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Mesh {

/**
 * Turns whatever a person typed into a safe FTS5 MATCH expression.
 *
 * User text is never passed to FTS5 as syntax: it is split into words (letters and digits),
 * each word becomes a quoted term — the last one a prefix, as it is still being typed — and the
 * terms are ANDed. Quotes, operators (AND, OR,
 * NOT, NEAR, *, ^, :), parentheses and emoji therefore cannot produce a syntax error.
 * Word count and length are capped so a 10,000-character paste stays cheap.
 */
class SearchQuery
{
public:
    static constexpr int kMaxTerms = 12;
    static constexpr int kMaxTermLength = 48;

    explicit SearchQuery(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    /** Lower-cased words, in typed order, at most kMaxTerms. */
    const QStringList &terms() const { return m_terms; }
    /** e.g. `"gross" "marg"*`; empty when there are no words. */
    QString ftsExpression() const;
    /** True when the only word is a single character (served by a name-prefix lookup). */
    bool isSingleCharacter() const { return m_terms.size() == 1 && m_terms.first().size() == 1; }

private:
    QStringList m_terms;
};

/**
 * Finds the query terms (as word prefixes, case- and accent-insensitive) in text.
 * Returns the first match position and length, or -1.
 */
qsizetype findTerm(const QString &text, const QStringList &terms, qsizetype *length);

/**
 * A short excerpt of text around the first match of terms, with every matching word wrapped
 * in kSnippetOpen … kSnippetClose. Empty when nothing matches.
 */
QString makeSnippet(const QString &text, const QStringList &terms, int contextWords = 8);

/** Lower-case and strip diacritics, as FTS5's unicode61 tokenizer does. */
QString foldForSearch(const QString &text);

} // namespace Mesh
