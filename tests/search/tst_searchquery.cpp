// SPDX-License-Identifier: MIT
#include "db/sqlite.h"
#include "search/searchquery.h"
#include "search/searchtypes.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

using namespace Mesh;
using namespace Qt::StringLiterals;

namespace {

QString marked(const QString &word)
{
    return kSnippetOpen + word + kSnippetClose;
}

/** Distinct short words "word1 word2 …" until the text is at least length characters. */
QString pasteOfShortWords(int length, QStringList *words)
{
    QString text;
    for (int i = 1; text.size() < length; ++i) {
        const QString w = QStringLiteral("word%1").arg(i);
        words->append(w);
        text += w + QLatin1Char(' ');
    }
    return text;
}

} // namespace

/** SearchQuery turns user text into safe FTS5 terms; makeSnippet/findTerm explain a match. */
class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void splitsTextIntoTerms_data();
    void splitsTextIntoTerms();
    void expressionIsAlwaysValidFts5_data();
    void expressionIsAlwaysValidFts5();
    void expressionQuotesTermsAndLastIsPrefix();
    void capsHugePasteToMaxTermsOfMaxLength();
    void capsHugeWordToMaxTermLength();

    void snippetWrapsEveryMatchingWord_data();
    void snippetWrapsEveryMatchingWord();
    void snippetIsEmptyWithoutMatch();
    void snippetOfLongTextIsAWindowAroundTheFirstMatch();
    void snippetFlattensNewlines();
    void snippetSurvivesCharactersThatFoldToSeveral_data();
    void snippetSurvivesCharactersThatFoldToSeveral();

    void findTermFindsFirstWordPrefixInText_data();
    void findTermFindsFirstWordPrefixInText();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_fts;
};

void TestSearchQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_fts = Database::open(m_dir.filePath(QStringLiteral("fts.db")),
                           Database::Mode::ReadWriteCreate, &error);
    QVERIFY2(m_fts, qPrintable(error));
    // The same tokenizer as the catalog's search index.
    QVERIFY2(
        m_fts->exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 "
                                   "remove_diacritics 2', prefix = '2 3 4');"
                                   "INSERT INTO t(body) VALUES ('gross margin by product line'), "
                                   "('café crème revenue'), ('and or not near')"),
                    &error),
        qPrintable(error));
}

void TestSearchQuery::splitsTextIntoTerms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<bool>("singleCharacter");

    const auto s = [](const char16_t *text) { return QString::fromUtf16(text); };
    QTest::newRow("two words") << s(u"gross margin") << QStringList{s(u"gross"), s(u"margin")}
                               << false;
    QTest::newRow("lower-cased") << s(u"Gross MARGIN") << QStringList{s(u"gross"), s(u"margin")}
                                 << false;
    QTest::newRow("quoted phrase")
        << s(u"\"gross margin\"") << QStringList{s(u"gross"), s(u"margin")} << false;
    QTest::newRow("lone quote") << s(u"\"") << QStringList{} << false;
    QTest::newRow("unbalanced quote")
        << s(u"\"unbalanced") << QStringList{s(u"unbalanced")} << false;
    QTest::newRow("AND is a word")
        << s(u"revenue AND cost") << QStringList{s(u"revenue"), s(u"and"), s(u"cost")} << false;
    QTest::newRow("OR NOT are words") << s(u"OR NOT") << QStringList{s(u"or"), s(u"not")} << false;
    QTest::newRow("NEAR group") << s(u"NEAR(deals revenue, 3)")
                                << QStringList{s(u"near"), s(u"deals"), s(u"revenue")} << false;
    QTest::newRow("star") << s(u"deal*") << QStringList{s(u"deal")} << false;
    QTest::newRow("lone star") << s(u"*") << QStringList{} << false;
    QTest::newRow("caret") << s(u"^start") << QStringList{s(u"start")} << false;
    QTest::newRow("column filter")
        << s(u"name:deals") << QStringList{s(u"name"), s(u"deals")} << false;
    QTest::newRow("parentheses") << s(u"(((gross)))") << QStringList{s(u"gross")} << false;
    QTest::newRow("only parentheses") << s(u"(((") << QStringList{} << false;
    QTest::newRow("minus") << s(u"-revenue") << QStringList{s(u"revenue")} << false;
    QTest::newRow("underscore splits")
        << s(u"hubspot_deals") << QStringList{s(u"hubspot"), s(u"deals")} << false;
    QTest::newRow("digits") << s(u"2026-Q3") << QStringList{s(u"2026"), s(u"q3")} << false;
    QTest::newRow("emoji") << s(u"📈 revenue") << QStringList{s(u"revenue")} << false;
    QTest::newRow("only emoji") << s(u"📈📉") << QStringList{} << false;
    QTest::newRow("accent") << s(u"café") << QStringList{s(u"cafe")} << false;
    QTest::newRow("accents and case")
        << s(u"Crème BRÛLÉE") << QStringList{s(u"creme"), s(u"brulee")} << false;
    QTest::newRow("combining accent")
        << s(u"cafe\u0301 sales") << QStringList{s(u"cafe"), s(u"sales")} << false;
    QTest::newRow("rtl") << s(u"مبيعات الربع") << QStringList{s(u"مبيعات"), s(u"الربع")} << false;
    QTest::newRow("nul char") << (s(u"gross") + QChar(0) + s(u"margin"))
                              << QStringList{s(u"gross"), s(u"margin")} << false;
    QTest::newRow("sql injection") << s(u"'; DROP TABLE products; --")
                                   << QStringList{s(u"drop"), s(u"table"), s(u"products")} << false;
    QTest::newRow("duplicates once")
        << s(u"deals Deals DEALS") << QStringList{s(u"deals")} << false;
    QTest::newRow("empty") << QString() << QStringList{} << false;
    QTest::newRow("whitespace") << s(u"  \t\n ") << QStringList{} << false;
    QTest::newRow("single char") << s(u"g") << QStringList{s(u"g")} << true;
    QTest::newRow("single char padded") << s(u"  G  ") << QStringList{s(u"g")} << true;
    QTest::newRow("single digit") << s(u"7") << QStringList{s(u"7")} << true;
    QTest::newRow("trailing single char dropped")
        << s(u"gross m") << QStringList{s(u"gross")} << false;
    QTest::newRow("two single chars") << s(u"a b") << QStringList{s(u"a")} << true;
    QTest::newRow("leading single char kept")
        << s(u"m gross") << QStringList{s(u"m"), s(u"gross")} << false;
}

void TestSearchQuery::splitsTextIntoTerms()
{
    QFETCH(QString, text);
    QFETCH(QStringList, terms);
    QFETCH(bool, singleCharacter);

    const SearchQuery query(text);
    QCOMPARE(query.terms(), terms);
    QCOMPARE(query.isEmpty(), terms.isEmpty());
    QCOMPARE(query.isSingleCharacter(), singleCharacter);
    QCOMPARE(query.ftsExpression().isEmpty(), terms.isEmpty());
}

void TestSearchQuery::expressionIsAlwaysValidFts5_data()
{
    splitsTextIntoTerms_data();
}

void TestSearchQuery::expressionIsAlwaysValidFts5()
{
    QFETCH(QString, text);
    const SearchQuery query(text);
    if (query.isEmpty()) {
        QVERIFY(query.ftsExpression().isEmpty());
        return;
    }
    // Outside quoted terms there is nothing but prefix stars and spaces: no operator survives.
    QString outside = query.ftsExpression();
    outside.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"")));
    QVERIFY2(outside.trimmed().remove(QLatin1Char(' ')).remove(QLatin1Char('*')).isEmpty(),
             qPrintable(query.ftsExpression()));
    // And FTS5 itself accepts it.
    Statement st = m_fts->prepareOnce(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?1"));
    QVERIFY(st.isValid());
    st.bind(1, query.ftsExpression());
    QVERIFY2(st.step(), qPrintable(query.ftsExpression() + QStringLiteral(": ") + st.lastError()));
}

void TestSearchQuery::expressionQuotesTermsAndLastIsPrefix()
{
    // Earlier words are complete; the last one is still being typed and matches as a prefix.
    QCOMPARE(SearchQuery(QStringLiteral("Gross marg")).ftsExpression(),
             QStringLiteral("\"gross\" \"marg\"*"));
    QCOMPARE(SearchQuery(QStringLiteral("NOT")).ftsExpression(), QStringLiteral("\"not\"*"));
    Statement st = m_fts->prepareOnce(QStringLiteral("SELECT body FROM t WHERE t MATCH ?1"));
    st.bind(1, SearchQuery(QStringLiteral("gro margin")).ftsExpression());
    QVERIFY(!st.step());
    // It finds the words, accent-insensitively.
    st.reset().bind(1, SearchQuery(QStringLiteral("CAFÉ cre")).ftsExpression());
    QVERIFY(st.step());
    QCOMPARE(st.text(0), QStringLiteral("café crème revenue"));
    QVERIFY(!st.step());
}

void TestSearchQuery::capsHugePasteToMaxTermsOfMaxLength()
{
    QStringList words;
    const QString paste = pasteOfShortWords(10'000, &words);
    QVERIFY(paste.size() >= 10'000);
    const SearchQuery query(paste);
    QCOMPARE(query.terms().size(), SearchQuery::kMaxTerms);
    QCOMPARE(query.terms(), words.mid(0, SearchQuery::kMaxTerms));
}

void TestSearchQuery::capsHugeWordToMaxTermLength()
{
    // 26 long words of one repeated letter each, over 10,000 characters.
    QString paste;
    for (int i = 0; paste.size() < 10'000; ++i)
        paste += QString(400, QChar(u'a' + i % 26)) + QLatin1Char(' ');
    const SearchQuery query(paste);
    QVERIFY(!query.isEmpty());
    QVERIFY(query.terms().size() <= SearchQuery::kMaxTerms);
    for (const QString &term : query.terms())
        QVERIFY2(term.size() <= SearchQuery::kMaxTermLength, qPrintable(term));
    QCOMPARE(query.terms().first(), QString(SearchQuery::kMaxTermLength, u'a'));

    const SearchQuery oneWord(QString(10'000, u'z'));
    QCOMPARE(oneWord.terms(), QStringList{QString(SearchQuery::kMaxTermLength, u'z')});
}

void TestSearchQuery::snippetWrapsEveryMatchingWord_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("snippet");

    const QString gm = QStringLiteral("Monthly gross margin by product line");
    QTest::newRow("two terms") << gm << QStringList{u"gross"_s, u"margin"_s}
                               << (u"Monthly "_s + marked(u"gross"_s) + u" "_s +
                                   marked(u"margin"_s) + u" by product line"_s);
    QTest::newRow("prefix wraps whole word")
        << gm << QStringList{u"marg"_s}
        << (u"Monthly gross "_s + marked(u"margin"_s) + u" by product line"_s);
    QTest::newRow("case-insensitive") << QStringLiteral("HubSpot Deals") << QStringList{u"hubsp"_s}
                                      << (marked(u"HubSpot"_s) + u" Deals"_s);
    QTest::newRow("accent-insensitive, original text kept")
        << QStringLiteral("Café sales") << QStringList{u"cafe"_s}
        << (marked(u"Café"_s) + u" sales"_s);
    QTest::newRow("every occurrence")
        << QStringLiteral("deals and more deals") << QStringList{u"deal"_s}
        << (marked(u"deals"_s) + u" and more "_s + marked(u"deals"_s));
    QTest::newRow("word starts only") << QStringLiteral("ungross gross") << QStringList{u"gross"_s}
                                      << (u"ungross "_s + marked(u"gross"_s));
}

void TestSearchQuery::snippetWrapsEveryMatchingWord()
{
    QFETCH(QString, text);
    QFETCH(QStringList, terms);
    QFETCH(QString, snippet);
    QCOMPARE(makeSnippet(text, terms), snippet);
}

void TestSearchQuery::snippetIsEmptyWithoutMatch()
{
    QVERIFY(makeSnippet(QStringLiteral("gross margin"), {QStringLiteral("revenue")}).isEmpty());
    QVERIFY(makeSnippet(QStringLiteral("gross margin"), {}).isEmpty());
    QVERIFY(makeSnippet(QString(), {QStringLiteral("gross")}).isEmpty());
}

void TestSearchQuery::snippetOfLongTextIsAWindowAroundTheFirstMatch()
{
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words.append(QStringLiteral("filler%1").arg(i));
    words[30] = QStringLiteral("revenue");
    const QString text = words.join(QLatin1Char(' '));
    const int contextWords = 8;

    const QString snippet = makeSnippet(text, {QStringLiteral("revenue")}, contextWords);
    QVERIFY2(snippet.contains(marked(QStringLiteral("revenue"))), qPrintable(snippet));
    QVERIFY2(snippet.startsWith(u"… "_s), qPrintable(snippet));
    QVERIFY2(snippet.endsWith(u" …"_s), qPrintable(snippet));
    QString plain = snippet;
    plain.remove(kSnippetOpen).remove(kSnippetClose).remove(u"…"_s);
    const QStringList shown = plain.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QVERIFY2(shown.size() <= contextWords + 1, qPrintable(snippet));
    // The words shown are a contiguous run of the text.
    QVERIFY(text.contains(shown.join(QLatin1Char(' '))));
}

void TestSearchQuery::snippetFlattensNewlines()
{
    const QString snippet = makeSnippet(QStringLiteral("First line\n\nsecond line about revenue\n"),
                                        {QStringLiteral("revenue")});
    QVERIFY(!snippet.contains(QLatin1Char('\n')));
    QVERIFY(snippet.contains(marked(QStringLiteral("revenue"))));
}

void TestSearchQuery::snippetSurvivesCharactersThatFoldToSeveral_data()
{
    // Descriptions hold such characters (the demo's NetSuite Customers: "SELECT … FROM").
    QTest::addColumn<QString>("text");
    QTest::newRow("ellipsis") << u"Pulled with SuiteQL (SELECT … FROM customer) from HubSpot ids"_s;
    QTest::newRow("trademark") << u"Acme™ sensors synced from HubSpot"_s;
    QTest::newRow("ligature") << u"The ﬁnance copy of HubSpot deals"_s;
    QTest::newRow("superscript") << u"Area in m² per HubSpot site"_s;
}

void TestSearchQuery::snippetSurvivesCharactersThatFoldToSeveral()
{
    QFETCH(QString, text);
    const QStringList terms = {u"hubsp"_s};
    const QString snippet = makeSnippet(text, terms);
    QVERIFY2(snippet.contains(marked(u"HubSpot"_s)), qPrintable(u"snippet: "_s + snippet));

    qsizetype length = -1;
    const qsizetype position = findTerm(text, terms, &length);
    QCOMPARE(position, text.indexOf(u"HubSpot"_s));
    QCOMPARE(text.mid(position, length), u"HubSpot"_s);
}

void TestSearchQuery::findTermFindsFirstWordPrefixInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("word");

    QTest::newRow("whole word") << QStringLiteral("Gross Margin") << QStringList{u"margin"_s} << 6
                                << QStringLiteral("Margin");
    QTest::newRow("prefix") << QStringLiteral("Gross Margin") << QStringList{u"marg"_s} << 6
                            << QStringLiteral("Margin");
    QTest::newRow("first in text, not in terms")
        << QStringLiteral("alpha beta") << QStringList{u"beta"_s, u"alpha"_s} << 0
        << QStringLiteral("alpha");
    QTest::newRow("accent") << QStringLiteral("Le Café") << QStringList{u"cafe"_s} << 3
                            << QStringLiteral("Café");
    QTest::newRow("after punctuation")
        << QStringLiteral("(deals)") << QStringList{u"deal"_s} << 1 << QStringLiteral("deals");
    QTest::newRow("inside a word is no match")
        << QStringLiteral("ungross") << QStringList{u"gross"_s} << -1 << QString();
    QTest::newRow("absent") << QStringLiteral("gross margin") << QStringList{u"xyz"_s} << -1
                            << QString();
    QTest::newRow("no terms") << QStringLiteral("gross margin") << QStringList{} << -1 << QString();
}

void TestSearchQuery::findTermFindsFirstWordPrefixInText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, terms);
    QFETCH(int, position);
    QFETCH(QString, word);

    qsizetype length = -1;
    QCOMPARE(findTerm(text, terms, &length), qsizetype(position));
    if (position >= 0)
        QCOMPARE(text.mid(position, length), word);
    QCOMPARE(findTerm(text, terms, nullptr), qsizetype(position));
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
