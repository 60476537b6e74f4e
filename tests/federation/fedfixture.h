// SPDX-License-Identifier: MIT
// Shared by the federation tests: fixtures written from the public API references, a loopback
// server serving every source type, and a fresh catalog.
#pragma once

#include "catalog/sqlitecatalogstore.h"
#include "federation/sourceregistry.h"
#include "loopbackserver.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace MeshTest {

inline QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(FEDERATION_FIXTURES "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

inline Mesh::LoopbackServer::Reply json(const QByteArray &body, const QByteArray &etag = {})
{
    Mesh::LoopbackServer::Reply r;
    r.body = body;
    r.etag = etag;
    return r;
}

/** Serves OpenMetadata, DataHub, Marquez, Mesh Explorer JSON and ODCS at their API paths. */
inline void serveAllTypes(Mesh::LoopbackServer &server)
{
    server.setReply("/om/api/v1/tables?limit=100&fields=columns,tags,owners",
                    json(fixture("openmetadata-tables-1.json"), "\"om-1\""));
    server.setReply("/om/api/v1/tables?limit=100&fields=columns,tags,owners&after="
                    "c2FtcGxlX2RhdGEuZWNvbW1lcmNlX2RiLnNob3BpZnkuZGltX2N1c3RvbWVy",
                    json(fixture("openmetadata-tables-2.json"), "\"om-2\""));
    server.setReply("/om/api/v1/lineage/table/name/sample_data.ecommerce_db.shopify.dim_customer"
                    "?upstreamDepth=1&downstreamDepth=0",
                    json(fixture("openmetadata-lineage-dim_customer.json"), "\"oml-1\""));
    server.setReply("/om/api/v1/lineage/table/name/sample_data.ecommerce_db.shopify.fact_order"
                    "?upstreamDepth=1&downstreamDepth=0",
                    json(fixture("openmetadata-lineage-fact_order.json"), "\"oml-2\""));
    server.setReply("/dh/api/graphql", json(fixture("datahub-search.json")));
    server.setReply("/mq/api/v1/namespaces", json(fixture("marquez-namespaces.json"), "\"mq-ns\""));
    server.setReply("/mq/api/v1/namespaces/food_delivery/datasets?limit=100&offset=0",
                    json(fixture("marquez-datasets.json"), "\"mq-ds\""));
    server.setHandler([](const Mesh::LoopbackServer::Request &r) {
        Mesh::LoopbackServer::Reply reply;
        if (r.target.startsWith("/mq/api/v1/lineage?nodeId=dataset%3Afood_delivery%3A")) {
            reply.body = fixture("marquez-lineage.json");
            return reply;
        }
        reply.status = 404;
        reply.body = R"({"code":404,"message":"not found"})";
        return reply;
    });
    server.setReply("/mesh.json", json(fixture("mesh.json"), "\"mesh-1\""));
    Mesh::LoopbackServer::Reply odcs;
    odcs.contentType = "application/yaml";
    odcs.body = fixture("odcs.yaml");
    odcs.etag = "\"odcs-1\"";
    server.setReply("/contract.yaml", odcs);
}

/** A new empty catalog in dir. */
inline std::unique_ptr<Mesh::SqliteCatalogStore> newCatalog(const QTemporaryDir &dir,
                                                            const QString &name = QStringLiteral("fed.mesh"))
{
    Mesh::CatalogError error;
    auto store = Mesh::SqliteCatalogStore::create(dir.filePath(name), QStringLiteral("Federated"), &error);
    if (!store)
        qFatal("cannot create catalog: %s", qPrintable(error.message));
    return store;
}

inline Mesh::SourceDefinition source(const QString &name, Mesh::SourceType type, const QString &url)
{
    Mesh::SourceDefinition s;
    s.name = name;
    s.type = type;
    s.url = url;
    return s;
}

/** Makes a self-signed certificate for 127.0.0.1 with the openssl CLI; false when it fails. */
inline bool makeCertificate(const QTemporaryDir &dir, QString *cert, QString *key)
{
    *cert = dir.filePath(QStringLiteral("cert.pem"));
    *key = dir.filePath(QStringLiteral("key.pem"));
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), *key,
             QStringLiteral("-out"), *cert, QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=IP:127.0.0.1")});
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

} // namespace MeshTest
