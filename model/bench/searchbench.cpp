// SPDX-License-Identifier: MIT
#include "bench/searchbench.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QElapsedTimer>

#include <algorithm>

namespace Mesh {

QStringList SearchBench::realisticQueries(SqliteCatalogStore &store, int count, quint64 seed)
{
    // What people type: a word or two of a product name, a domain, a tag, a column, a person.
    QStringList names, tags, columns, owners, domains;
    auto collect = [&](const QString &sql, QStringList &into) {
        Statement st = store.database().prepareOnce(sql);
        while (st.step())
            into.append(st.text(0));
    };
    collect(QStringLiteral("SELECT name FROM products ORDER BY id LIMIT 5000"), names);
    collect(QStringLiteral("SELECT DISTINCT tag FROM product_tags LIMIT 200"), tags);
    collect(QStringLiteral("SELECT DISTINCT name FROM columns LIMIT 200"), columns);
    collect(QStringLiteral("SELECT display_name FROM users LIMIT 200"), owners);
    collect(QStringLiteral("SELECT name FROM domains"), domains);
    if (names.isEmpty())
        return {};
    quint64 state = seed;
    auto next = [&](qsizetype n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return n <= 0 ? qsizetype(0) : qsizetype((state >> 33) % quint64(n));
    };
    auto pickFrom = [&](const QStringList &list) {
        return list.isEmpty() ? names.at(next(names.size())) : list.at(next(list.size()));
    };
    QStringList queries;
    while (queries.size() < count) {
        const qsizetype kind = next(10);
        QString q;
        if (kind < 4) { // two words of a product name
            const QStringList words = pickFrom(names).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const qsizetype start = next(words.size());
            q = words.mid(start, 2).join(QLatin1Char(' '));
        } else if (kind < 5) {
            q = pickFrom(names);
        } else if (kind < 6) {
            q = pickFrom(tags);
        } else if (kind < 7) {
            q = pickFrom(columns).replace(QLatin1Char('_'), QLatin1Char(' '));
        } else if (kind < 8) {
            q = pickFrom(owners).split(QLatin1Char(' ')).first();
        } else if (kind < 9) {
            q = pickFrom(domains) + QLatin1Char(' ') +
                pickFrom(names).split(QLatin1Char(' ')).last();
        } else {
            q = pickFrom(columns).split(QLatin1Char('_')).first() + QLatin1Char(' ') +
                pickFrom(tags);
        }
        q = q.toLower().trimmed();
        if (!q.isEmpty())
            queries.append(q);
    }
    return queries;
}

QStringList SearchBench::keystrokes(const QStringList &queries)
{
    QStringList out;
    for (const QString &q : queries)
        for (qsizetype n = 1; n <= q.size(); ++n)
            if (!q.at(n - 1).isSpace())
                out.append(q.left(n));
    return out;
}

void SearchBench::run(CatalogStore &store, const QStringList &queries, BenchReport &report,
                      const QString &caseName, QList<QPair<double, QString>> *slowest)
{
    // Every keystroke runs a search, as search-as-you-type does. Facets are counted once per
    // finished query: the session skips the facets of a keystroke the user has typed past.
    const QStringList typed = keystrokes(queries);
    QList<double> searchMs, facetMs, countMs;
    searchMs.reserve(typed.size());
    QElapsedTimer timer;
    qint64 hits = 0;
    for (const QString &text : typed) {
        SearchRequest request;
        request.text = text;
        request.limit = 50;
        timer.start();
        const SearchResult result = store.search(request);
        searchMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (slowest)
            slowest->append({searchMs.last(), text});
        hits += result.hits.size();
        if (!result.totalExact) {
            timer.start();
            store.countMatches(request);
            countMs.append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    for (const QString &text : queries) {
        SearchRequest request;
        request.text = text;
        timer.start();
        store.facets(request);
        facetMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    if (slowest)
        std::sort(slowest->begin(), slowest->end(), std::greater<>());
    const QString keystrokeCase =
        QStringLiteral("%1, %2 queries / %3 keystrokes").arg(caseName).arg(queries.size()).arg(typed.size());
    report.addTime(keystrokeCase, QStringLiteral("search p50"), percentile(searchMs, 50),
                   QStringLiteral("ms"));
    report.addTime(keystrokeCase, QStringLiteral("search p95"), percentile(searchMs, 95),
                   QStringLiteral("ms"));
    report.addTime(keystrokeCase, QStringLiteral("search p99"), percentile(searchMs, 99),
                   QStringLiteral("ms"), 10.0);
    report.addTime(keystrokeCase,
                   QStringLiteral("exact count p99 (%1 broad keystrokes)").arg(countMs.size()),
                   percentile(countMs, 99), QStringLiteral("ms"));
    const QString queryCase = QStringLiteral("%1, %2 finished queries").arg(caseName).arg(queries.size());
    report.addTime(queryCase, QStringLiteral("facets p50"), percentile(facetMs, 50),
                   QStringLiteral("ms"));
    report.addTime(queryCase, QStringLiteral("facets p95"), percentile(facetMs, 95),
                   QStringLiteral("ms"));
    report.addTime(queryCase, QStringLiteral("facets p99"), percentile(facetMs, 99),
                   QStringLiteral("ms"));
    BenchResult avgHits;
    avgHits.caseName = keystrokeCase;
    avgHits.metric = QStringLiteral("hits per keystroke");
    avgHits.value = typed.isEmpty() ? 0.0 : double(hits) / double(typed.size());
    avgHits.unit = QStringLiteral("hits");
    report.add(avgHits);
}

} // namespace Mesh
