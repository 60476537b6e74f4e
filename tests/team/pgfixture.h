// SPDX-License-Identifier: MIT
#pragma once

// One throw-away PostgreSQL server per test executable (start it in initTestCase, stop it in
// cleanupTestCase; the destructor stops it with -m immediate if a test aborts). Each test that
// needs a clean catalog asks for a fresh database on it, which takes a few milliseconds.

#include "demo/demoloader.h"
#include "team/localpgserver.h"
#include "team/pgconnection.h"
#include "team/serverschema.h"
#include "team/teamcatalog.h"
#include "team/teamsync.h"

#ifdef MESHCTL
#include "testsupport.h"
#endif

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace Mesh::Test {

class PgFixture
{
public:
    /** Starts the server; false when it could not (skipReason says why, for QSKIP). */
    bool start()
    {
        if (LocalPgServer::binDir().isEmpty()) {
            m_skipReason = "PostgreSQL binaries (initdb, pg_ctl) are not installed: install "
                           "postgresql-15 (scripts/test does) to run the team catalog tests";
            return false;
        }
        QString error;
        if (!m_server.start(&error)) {
            m_failure = error;
            return false;
        }
        return true;
    }
    void stop() { m_server.stop(); }
    const char *skipReason() const { return m_skipReason; }
    QString failure() const { return m_failure; }
    LocalPgServer &server() { return m_server; }

    /** A new, empty database; returns its URL. */
    QString freshDatabase()
    {
        const QString name = QStringLiteral("t%1").arg(++m_databases);
        QString error;
        if (!m_server.createDatabase(name, &error))
            qWarning("%s", qPrintable(error));
        return m_server.url(name);
    }

    /** A new database with the latest team schema and Messy Inc. seeded. */
    QString seededDatabase()
    {
        const QString url = freshDatabase();
        QString error;
        auto conn = PgConnection::connect(url, &error);
        if (!conn || !ServerSchema::migrate(*conn, ServerSchema::kLatestVersion, &error)) {
            qWarning("%s", qPrintable(error));
            return url;
        }
        if (!m_demo) {
            CatalogError catalogError;
            m_demo = DemoLoader::createDemoCatalog(m_dir.filePath(QStringLiteral("demo.mesh")),
                                                   &catalogError);
            if (!m_demo)
                qWarning("%s", qPrintable(catalogError.message));
        }
        if (m_demo && !TeamCatalog::seedFromCatalog(*conn, *m_demo, {}, &error))
            qWarning("%s", qPrintable(error));
        return url;
    }

    /** The local demo catalog the seeded databases were loaded from. */
    SqliteCatalogStore *demo() { return m_demo.get(); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    static std::unique_ptr<PgConnection> connect(const QString &url)
    {
        QString error;
        auto conn = PgConnection::connect(url, &error);
        if (!conn)
            qWarning("%s", qPrintable(error));
        return conn;
    }

    /** Lets these people's database roles log in (the seed creates them without LOGIN). */
    static bool allowLogin(PgConnection &admin, const QStringList &roles, QString *error)
    {
        for (const QString &role : roles)
            if (!admin.run(QStringLiteral("ALTER ROLE %1 LOGIN").arg(admin.quoteIdentifier(role)),
                           {}, error))
                return false;
        return true;
    }

#ifdef MESHCTL
    /** Runs this build's meshctl with args; its exit code, with stdout and stderr in *output. */
    static int meshctl(const QStringList &args, QByteArray *output)
    {
        return MeshTest::runProgram(QStringLiteral(MESHCTL), args, output);
    }
#endif

    /** A new cache file `name` in the temporary folder, first-synced from url as user. */
    std::unique_ptr<SqliteCatalogStore> syncedCache(const QString &name, const QString &url,
                                                    const QString &user)
    {
        auto cache = SqliteCatalogStore::create(tempPath(name), name, nullptr);
        if (!cache)
            return nullptr;
        QString error;
        auto conn = PgConnection::connect(url, user, {}, &error);
        if (!conn || !TeamSync::sync(*conn, *cache, url, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        return cache;
    }

private:
    LocalPgServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_demo;
    const char *m_skipReason = "";
    QString m_failure;
    int m_databases = 0;
};

} // namespace Mesh::Test

/** In initTestCase: start the server or skip (binaries missing) or fail (start failed). */
#define MESH_START_PG(fixture)                                                                     \
    do {                                                                                           \
        if (!(fixture).start()) {                                                                  \
            if (!(fixture).failure().isEmpty())                                                    \
                QFAIL(qPrintable((fixture).failure()));                                            \
            QSKIP((fixture).skipReason());                                                         \
        }                                                                                          \
    } while (false)
