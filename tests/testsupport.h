// SPDX-License-Identifier: MIT
// Small header-only helpers shared by the model tests: fixture products and catalogs, and file
// fingerprints that prove a refused file was left untouched.
#pragma once

#include "catalog/sqlitecatalogstore.h"
#include "demo/demoloader.h"
#include "search/searchtypes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Mesh {

/** Lets QCOMPARE print error codes by name (found by argument-dependent lookup). */
inline char *toString(CatalogError::Code code)
{
    const char *names[] = {"None",     "NotFound", "NotACatalog", "NewerSchema",
                           "ReadOnly", "Corrupt",  "Io",          "Invalid"};
    const auto index = size_t(code);
    return qstrdup(index < std::size(names) ? names[index] : "?");
}

} // namespace Mesh

namespace MeshTest {

/** A fresh Messy Inc. demo catalog in dir, named after the running test function, so that every
 *  test of a class starts from the same untouched demo. Null (with a QWARN) when it fails. */
inline std::unique_ptr<Mesh::SqliteCatalogStore> freshDemoCatalog(const QTemporaryDir &dir,
                                                                  const QString &prefix)
{
    const QString path = dir.filePath(
        QStringLiteral("%1-%2.mesh").arg(prefix, QString::fromLatin1(QTest::currentTestFunction())));
    Mesh::CatalogError error;
    auto store = Mesh::DemoLoader::createDemoCatalog(path, &error);
    if (!store)
        qWarning("Creating the demo catalog %s failed: %s", qPrintable(path),
                 qPrintable(error.message));
    return store;
}

/** The whole content of a file, or a null QByteArray when it cannot be read. */
/** Runs program with args to its end (at most a minute); its stdout then stderr go to
 *  *output; returns its exit code. */
inline int runProgram(const QString &program, const QStringList &args, QByteArray *output)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    *output = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitCode();
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/** Hex SHA-256 of a file's bytes, or an empty QByteArray when it cannot be read. */
inline QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

/** Writes bytes to path, replacing it; true on success. */
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size() && f.flush();
}

/** A column; the classification may be empty. */
inline Mesh::Column makeColumn(const QString &name, const QString &type,
                               const QString &classification = {})
{
    Mesh::Column c;
    c.name = name;
    c.type = type;
    c.description = QStringLiteral("The %1 of the record.").arg(name);
    c.classification = classification;
    return c;
}

/**
 * Product number i of a fixture catalog: key "fixture.product-<i>", two datasets with columns
 * (one PII.Sensitive), tags, a domain from a rotation of three (every seventh is dark data with
 * no domain) and an owner "owner<i % 3>".
 */
inline Mesh::Product makeProduct(int i)
{
    static const QString kDomains[] = {QStringLiteral("Finance"), QStringLiteral("Sales"),
                                       QStringLiteral("People")};
    Mesh::Product p;
    p.key = QStringLiteral("fixture.product-%1").arg(i);
    p.name = QStringLiteral("Fixture Product n%1x").arg(i); // "n1x" is no prefix of "n11x"
    p.domain = i % 7 == 6 ? QString() : kDomains[i % 3];
    p.description = QStringLiteral("Fixture product number %1.\n\nMore *Markdown* text.").arg(i);
    p.ownerId = p.domain.isEmpty() ? QString() : QStringLiteral("owner%1").arg(i % 3);
    p.stewardId = p.domain.isEmpty() ? QString() : QStringLiteral("steward");
    p.status = i % 5 == 4 ? QStringLiteral("deprecated") : QStringLiteral("active");
    p.tags = {QStringLiteral("fixture"), QStringLiteral("batch%1").arg(i % 2)};
    p.sourceSystem = i % 2 ? QStringLiteral("HubSpot") : QStringLiteral("NetSuite");
    p.formats = {QStringLiteral("csv"), QStringLiteral("json")};
    p.accessPolicy = QStringLiteral("Ask the owner.");
    p.freshnessSlaHours = 24;
    p.version = QStringLiteral("1.%1.0").arg(i);
    p.updatedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC).addDays(i);
    p.sourceName = QStringLiteral("fixtures");
    for (int d = 0; d < 2; ++d) {
        Mesh::Dataset ds;
        ds.name = QStringLiteral("table_%1_%2").arg(i).arg(d);
        ds.format = d == 0 ? QStringLiteral("csv") : QStringLiteral("json");
        ds.location = QStringLiteral("/data/fixture/%1/%2").arg(i).arg(d);
        ds.endpoint = d == 1 ? QStringLiteral("https://api.example/fixture/%1").arg(i) : QString();
        ds.description = QStringLiteral("Dataset %1 of product %2.").arg(d).arg(i);
        ds.columns = {makeColumn(QStringLiteral("id"), QStringLiteral("string")),
                      makeColumn(QStringLiteral("email"), QStringLiteral("string"),
                                 QStringLiteral("PII.Sensitive")),
                      makeColumn(QStringLiteral("amount"), QStringLiteral("decimal"))};
        ds.columns[2].tags = {QStringLiteral("money"), QStringLiteral("kpi-input")};
        p.datasets.append(ds);
    }
    return p;
}

/** The users makeProduct() refers to. */
inline QList<Mesh::User> fixtureUsers()
{
    QList<Mesh::User> users;
    for (int i = 0; i < 3; ++i)
        users.append({QStringLiteral("owner%1").arg(i),
                      QStringLiteral("Owner Number%1").arg(i),
                      QStringLiteral("owner%1@example.com").arg(i),
                      {QStringLiteral("owner")},
                      QStringLiteral("Finance")});
    users.append({QStringLiteral("steward"),
                  QStringLiteral("Stella Steward"),
                  QStringLiteral("steward@example.com"),
                  {QStringLiteral("steward")},
                  {}});
    return users;
}

/**
 * A new catalog at path with the fixture users and products 0 … count-1. Null on failure, with
 * the reason in *error.
 */
inline std::unique_ptr<Mesh::SqliteCatalogStore> createCatalog(const QString &path, int count,
                                                               Mesh::CatalogError *error)
{
    auto store = Mesh::SqliteCatalogStore::create(path, QStringLiteral("Fixture"), error);
    if (!store)
        return nullptr;
    const bool ok = store->transaction(
        [&](Mesh::CatalogError *e) {
            for (const Mesh::User &u : fixtureUsers())
                if (!store->upsertUser(u, e))
                    return false;
            for (int i = 0; i < count; ++i)
                if (!store->upsertProduct(makeProduct(i), e))
                    return false;
            return true;
        },
        error);
    return ok ? std::move(store) : nullptr;
}

/**
 * Searches both catalogs for each text (up to limit hits) and compares what they find: totals,
 * keys in rank order, matched fields and snippets; expected must find something for each text.
 * A QTest helper: the caller checks QTest::currentTestFailed() after it.
 */
inline void compareSearches(const Mesh::CatalogStore &expected, const Mesh::CatalogStore &actual,
                            const QStringList &texts, int limit)
{
    for (const QString &text : texts) {
        Mesh::SearchRequest request;
        request.text = text;
        request.limit = limit;
        const Mesh::SearchResult want = expected.search(request);
        const Mesh::SearchResult got = actual.search(request);
        QVERIFY2(want.total > 0, qPrintable(text));
        QCOMPARE(got.total, want.total);
        QCOMPARE(got.hits.size(), want.hits.size());
        for (qsizetype i = 0; i < want.hits.size(); ++i) {
            QCOMPARE(got.hits.at(i).key, want.hits.at(i).key);
            QCOMPARE(got.hits.at(i).matchedField, want.hits.at(i).matchedField);
            QCOMPARE(got.hits.at(i).snippet, want.hits.at(i).snippet);
        }
    }
}

/** Every hit of request, fetched page by page (pageSize a page) until a short page. */
inline QList<Mesh::SearchHit> allHits(const Mesh::CatalogStore &store, Mesh::SearchRequest request,
                                      int pageSize = 50, Mesh::CatalogError *error = nullptr)
{
    QList<Mesh::SearchHit> hits;
    request.limit = pageSize;
    for (request.offset = 0;; request.offset += pageSize) {
        const Mesh::SearchResult page = store.search(request, error);
        if (error && *error)
            return hits;
        hits += page.hits;
        if (page.hits.size() < pageSize)
            return hits;
    }
}

/** The embedded Messy Inc. descriptor as compiled into the binary. */
inline QJsonObject demoDescriptor()
{
    return QJsonDocument::fromJson(fileBytes(QStringLiteral(":/demo/messy-inc.json"))).object();
}

} // namespace MeshTest
