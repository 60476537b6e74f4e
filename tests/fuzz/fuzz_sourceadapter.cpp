// SPDX-License-Identifier: MIT
// The federation source adapters (OpenMetadata, DataHub, Marquez, Mesh Explorer JSON, ODCS) on
// hostile API responses. The first byte picks the source type; the rest is the body a loopback
// server answers every request with (status 200, application/json), so one JSON object can carry
// the fields of several endpoints (tables, lineage, namespaces, datasets…) and reach every stage
// of an adapter. Each input ends — no hang, even when the body repeats a paging cursor — with a
// clear error or a mapped snapshot, and "Test connection" writes nothing.
#include "fuzzsupport.h"

#include "catalog/sqlitecatalogstore.h"
#include "federation/syncengine.h"
#include "loopbackserver.h"

#include <QCoreApplication>
#include <QMutex>
#include <QTemporaryDir>

using namespace Mesh;

namespace {

struct Fixture
{
    int argc = 1;
    char name[16] = "fuzz";
    char *argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
    QTemporaryDir dir;
    std::unique_ptr<SqliteCatalogStore> store;
    LoopbackServer server;
    QMutex mutex;
    QByteArray body;

    Fixture()
    {
        CatalogError error;
        store = SqliteCatalogStore::create(dir.filePath(QStringLiteral("fuzz.mesh")),
                                           QStringLiteral("Fuzz"), &error);
        Fuzz::check(store != nullptr, "the scratch catalog can be created");
        server.setHandler([this](const LoopbackServer::Request &) {
            LoopbackServer::Reply reply;
            QMutexLocker lock(&mutex);
            reply.body = body;
            return reply;
        });
        Fuzz::check(server.start(), "the loopback server starts");
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    Fixture &f = fixture();
    {
        QMutexLocker lock(&f.mutex);
        f.body = QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    }
    static const SourceType types[] = {SourceType::OpenMetadata, SourceType::DataHub,
                                       SourceType::Marquez, SourceType::MeshJson, SourceType::Odcs};
    SourceDefinition source;
    source.name = QStringLiteral("fuzz");
    source.type = types[data[0] % 5];
    source.url = f.server.baseUrl() + QStringLiteral("/api");
    SyncEngine engine(*f.store);
    TransportOptions options;
    options.connectTimeoutMs = 2000;
    options.requestTimeoutMs = 2000;
    options.stallTimeoutMs = 1000;
    options.maxAttempts = 1;
    options.maxResponseBytes = 1024 * 1024;
    engine.setTransportOptions(options);
    const SourceSyncResult result = engine.test(source, {});
    if (result.ok)
        Fuzz::check(result.products >= 0 && result.edges >= 0, "counts are not negative");
    else
        Fuzz::check(!result.error.isEmpty(), "a failed source says why");
    Fuzz::check(f.store->counts().products == 0, "testing a source writes nothing");
    return 0;
}
