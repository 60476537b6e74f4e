// SPDX-License-Identifier: MIT
// MeshJson::parse: the Mesh Explorer JSON export a federated source serves (and `meshctl
// export` writes). Any input is either refused with a message or yields products that each have a
// key and a name, with edges and users the snapshot can hold.
#include "fuzzsupport.h"

#include "federation/meshjson.h"
#include "federation/sourceadapter.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    SourceSnapshot snapshot;
    QString error;
    if (MeshJson::parse(bytes, QStringLiteral("fuzz input"), &snapshot, &error)) {
        Fuzz::check(error.isEmpty(), "a parsed document reports no error");
        for (const Product &p : std::as_const(snapshot.products))
            Fuzz::check(!p.key.isEmpty() && !p.name.isEmpty(), "every product has a key and a name");
    } else {
        Fuzz::check(!error.isEmpty(), "a refused document says why");
    }
    return 0;
}
