// SPDX-License-Identifier: MIT
// KpiQuery: the read-only runner for KPI definition SQL, fed arbitrary SQL (after the PERIOD()
// macro expansion a definition goes through). Whatever the statement, the analytics file is left
// byte for byte as it was, and a refused or failing statement says why. A JSON object input is
// read as a KPI definition first (KpiDefinition::fromJson) and its SQL is run.
#include "fuzzsupport.h"

#include "kpi/kpidefinition.h"
#include "kpi/kpiquery.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace Mesh;

namespace {

struct Warehouse
{
    QTemporaryDir dir;
    QString path;
    QByteArray hash;

    Warehouse()
    {
        path = dir.filePath(QStringLiteral("fuzz-analytics.sqlite"));
        sqlite3 *db = nullptr;
        Fuzz::check(sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK,
                    "the scratch analytics file opens");
        const char *sql = "CREATE TABLE facts(day TEXT, region TEXT, amount REAL, n INTEGER);"
                          "INSERT INTO facts VALUES ('2026-01-03','EU',10.5,1),('2026-02-11','US',7,2),"
                          "('2026-02-28',NULL,NULL,3),('2025-12-31','EU',-1,4);"
                          "CREATE INDEX facts_day ON facts(day);";
        Fuzz::check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK,
                    "the scratch analytics file is written");
        sqlite3_close(db);
        hash = fileHash();
    }
    QByteArray fileHash() const
    {
        QFile f(path);
        Fuzz::check(f.open(QIODevice::ReadOnly), "the analytics file can be read");
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
};

Warehouse &warehouse()
{
    static Warehouse w;
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Warehouse &w = warehouse();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString sql = QString::fromUtf8(bytes);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject())
        sql = KpiDefinition::fromJson(doc.object()).sql;
    KpiQuery query(w.path);
    Fuzz::check(query.isOpen(), "the analytics file opens read-only");
    query.setTimeLimitMs(200);
    for (KpiGrain grain : {KpiGrain::Month, KpiGrain::Year}) {
        const KpiQueryResult r = query.run(KpiPeriod::expandMacro(sql, grain), {}, 1000);
        if (!r.ok())
            Fuzz::check(!r.error.trimmed().isEmpty(), "a failed statement says why");
        else
            for (const QVariantList &row : r.rows)
                Fuzz::check(row.size() == r.columns.size(), "every row has one cell per column");
        Fuzz::check(r.rows.size() <= 1000, "no more rows than asked for");
    }
    Fuzz::check(w.fileHash() == w.hash, "the analytics file is unchanged");
    return 0;
}
