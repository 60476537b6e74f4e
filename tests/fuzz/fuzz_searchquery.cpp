// SPDX-License-Identifier: MIT
// SearchQuery: whatever a person types must become an FTS5 expression SQLite accepts, and the
// snippet helpers must cope with any text.
#include "fuzzsupport.h"

#include "search/searchquery.h"

#include <sqlite3.h>

using namespace Mesh;

namespace {

sqlite3 *ftsDatabase()
{
    static sqlite3 *db = [] {
        sqlite3 *d = nullptr;
        Fuzz::check(sqlite3_open(":memory:", &d) == SQLITE_OK, "in-memory database opens");
        // The catalog's own FTS5 definition (model/catalog/schema.cpp) and a few rows.
        const char *sql =
            "CREATE VIRTUAL TABLE product_fts USING fts5(name, tags, description, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8');"
            "INSERT INTO product_fts VALUES ('Gross Margin', 'finance kpi', 'Margin per month');"
            "INSERT INTO product_fts VALUES ('Café Sales', 'sales', 'Ventes du café, été');";
        Fuzz::check(sqlite3_exec(d, sql, nullptr, nullptr, nullptr) == SQLITE_OK, "FTS5 table");
        return d;
    }();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const SearchQuery query(text);
    Fuzz::check(query.terms().size() <= SearchQuery::kMaxTerms, "term count is capped");
    for (const QString &term : query.terms())
        Fuzz::check(!term.isEmpty() && term.size() <= SearchQuery::kMaxTermLength,
                    "terms are non-empty and capped");
    const QString expression = query.ftsExpression();
    Fuzz::check(query.isEmpty() == expression.isEmpty(), "an expression exactly when terms");
    if (!expression.isEmpty()) {
        sqlite3_stmt *st = nullptr;
        const QByteArray utf8 = expression.toUtf8();
        Fuzz::check(sqlite3_prepare_v2(ftsDatabase(),
                                       "SELECT rowid FROM product_fts WHERE product_fts MATCH ?",
                                       -1, &st, nullptr) == SQLITE_OK,
                    "the MATCH statement prepares");
        sqlite3_bind_text(st, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE)
            std::fprintf(stderr, "FTS5 refused %s: %s\n", utf8.constData(),
                         sqlite3_errmsg(ftsDatabase()));
        sqlite3_finalize(st);
        Fuzz::check(rc == SQLITE_DONE, "FTS5 accepts every expression the builder makes");
    }
    qsizetype length = 0;
    const qsizetype at = findTerm(text, query.terms(), &length);
    Fuzz::check(at < 0 || (at + length <= text.size() && length > 0), "a match lies in the text");
    (void)makeSnippet(text, query.terms());
    (void)makeSnippet(text, query.terms(), 0);
    (void)foldForSearch(text);
    return 0;
}
