// SPDX-License-Identifier: MIT
// meshctl sources/sync/export as a user runs them: exit codes, one-line errors, the cache intact
// after a failed sync, and a token read from the environment that never reaches the catalog.
#include "federation/meshjson.h"
#include "federation/sourceregistry.h"

#include "fedfixture.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Mesh;
using namespace MeshTest;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run meshctl(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MESHCTL), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TstMeshctlSources : public QObject
{
    Q_OBJECT

private:
    LoopbackServer m_server;
    QTemporaryDir m_dir;
    QString m_catalog;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        serveAllTypes(m_server);
        m_catalog = m_dir.filePath(QStringLiteral("cli.mesh"));
        newCatalog(m_dir, QStringLiteral("cli.mesh"));
    }

    void addsListsAndRefusesBadInput()
    {
        Run r = meshctl({QStringLiteral("sources"), QStringLiteral("add"), m_catalog,
                         QStringLiteral("--name"), QStringLiteral("finance"), QStringLiteral("--type"),
                         QStringLiteral("mesh-json"), QStringLiteral("--url"),
                         m_server.baseUrl() + QStringLiteral("/mesh.json")});
        QCOMPARE(r.code, 0);
        r = meshctl({QStringLiteral("sources"), QStringLiteral("add"), m_catalog,
                     QStringLiteral("--name"), QStringLiteral("om"), QStringLiteral("--type"),
                     QStringLiteral("openmetadata"), QStringLiteral("--url"),
                     m_server.baseUrl() + QStringLiteral("/om")});
        QCOMPARE(r.code, 0);
        r = meshctl({QStringLiteral("sources"), QStringLiteral("add"), m_catalog,
                     QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--type"),
                     QStringLiteral("snowflake"), QStringLiteral("--url"), QStringLiteral("https://x")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown source type “snowflake”; use one of mesh-json, openmetadata"));
        QCOMPARE(r.err.count('\n'), 1);
        r = meshctl({QStringLiteral("sources"), QStringLiteral("list"), m_catalog, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("sources")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("finance"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("mesh-json"));
        QVERIFY(list[0].toObject().value(QStringLiteral("stale_hours")).isNull());
    }

    void syncExitsZeroThenFourAndKeepsTheCache()
    {
        Run r = meshctl({QStringLiteral("sync"), m_catalog, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("sources")).toArray().size(), 2);
        const QByteArray before = fileSha256(m_catalog);

        LoopbackServer::Reply broken;
        broken.status = 500;
        m_server.setReply("/mesh.json", broken);
        r = meshctl({QStringLiteral("sync"), m_catalog, QStringLiteral("--source"), QStringLiteral("finance"),
                     QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.startsWith("meshctl: finance: 500 Internal Server Error from Mesh Explorer JSON at http://127.0.0.1:"),
                 r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        m_server.setReply("/mesh.json", json(fixture("mesh.json"), "\"mesh-1\""));
        Q_UNUSED(before);

        CatalogError e;
        auto store = SqliteCatalogStore::open(m_catalog, SqliteCatalogStore::OpenMode::ReadOnly, &e);
        QVERIFY(store);
        QVERIFY(store->productByKey(QStringLiteral("finance/finance.gross-margin")));
        QCOMPARE(store->counts().products, 4);
        QVERIFY(SourceRegistry(*store).source(QStringLiteral("finance"))->lastError.startsWith(
            QStringLiteral("500 Internal Server Error")));

        // A name that is no source is bad input (2), and the good name beside it is not synced.
        const int attemptsBefore = m_server.requestCount();
        r = meshctl({QStringLiteral("sync"), m_catalog, QStringLiteral("--source"), QStringLiteral("finance"),
                     QStringLiteral("--source"), QStringLiteral("nosuch")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("No source called “nosuch”"));
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(m_server.requestCount(), attemptsBefore);
    }

    void tokenFromEnvironmentNeverReachesTheCatalog()
    {
        const QByteArray token = "env-token-7d1e9c";
        LoopbackServer::Reply denied;
        denied.status = 401;
        m_server.setHandler([token](const LoopbackServer::Request &req) {
            LoopbackServer::Reply reply;
            if (req.target == "/locked.json" && req.headers.value("authorization") == QByteArray("Bearer " + token)) {
                reply.body = fixture("mesh.json");
                return reply;
            }
            reply.status = 401;
            return reply;
        });
        const QString catalog = m_dir.filePath(QStringLiteral("token.mesh"));
        newCatalog(m_dir, QStringLiteral("token.mesh"));
        Run r = meshctl({QStringLiteral("sources"), QStringLiteral("add"), catalog, QStringLiteral("--name"),
                         QStringLiteral("locked"), QStringLiteral("--type"), QStringLiteral("mesh-json"),
                         QStringLiteral("--url"), m_server.baseUrl() + QStringLiteral("/locked.json"),
                         QStringLiteral("--token-from-env"), QStringLiteral("MESH_TEST_TOKEN")});
        QCOMPARE(r.code, 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MESH_TEST_TOKEN"), QString::fromLatin1(token));
        r = meshctl({QStringLiteral("sync"), catalog}, env);
        QVERIFY2(r.code == 0, r.err.constData());
        env.insert(QStringLiteral("MESH_TEST_TOKEN"), QStringLiteral("expired"));
        r = meshctl({QStringLiteral("sync"), catalog}, env);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("401 Unauthorized from Mesh Explorer JSON at") &&
                     r.err.contains("environment variable MESH_TEST_TOKEN"), r.err.constData());
        QVERIFY(!r.err.contains("expired"));
        // The variable unset: the message names it, and nothing is requested.
        env.remove(QStringLiteral("MESH_TEST_TOKEN"));
        const int requests = m_server.requestCount();
        r = meshctl({QStringLiteral("sync"), catalog}, env);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("takes its token from the environment variable MESH_TEST_TOKEN, "
                                "which is not set here"),
                 r.err.constData());
        QCOMPARE(m_server.requestCount(), requests);
        for (const QString &f : QDir(m_dir.path()).entryList({QStringLiteral("token.mesh*")}, QDir::Files))
            QVERIFY(!fileBytes(m_dir.filePath(f)).contains(token));
        serveAllTypes(m_server);
    }

    void exportsMeshJson()
    {
        const QString out = m_dir.filePath(QStringLiteral("export.json"));
        Run r = meshctl({QStringLiteral("export"), m_catalog, QStringLiteral("--out"), out});
        QCOMPARE(r.code, 0);
        SourceSnapshot snap;
        QString error;
        QVERIFY2(MeshJson::parse(fileBytes(out), out, &snap, &error), qPrintable(error));
        QCOMPARE(snap.products.size(), 4);
        r = meshctl({QStringLiteral("sources"), QStringLiteral("remove"), m_catalog, QStringLiteral("finance")});
        QCOMPARE(r.code, 0);
        r = meshctl({QStringLiteral("sources"), QStringLiteral("remove"), m_catalog, QStringLiteral("finance")});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TstMeshctlSources)
#include "tst_meshctlsources.moc"
