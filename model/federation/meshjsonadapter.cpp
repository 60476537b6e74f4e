// SPDX-License-Identifier: MIT
#include "federation/meshjsonadapter.h"

#include "federation/meshjson.h"

namespace Mesh {

void MeshJsonAdapter::begin()
{
    const QByteArray url = source().url.toUtf8();
    get(url, false, [this, url](const QByteArray &body, const QByteArray &contentType) {
        const QByteArray type = contentType.toLower();
        if (!type.isEmpty() && !type.contains("json") && !type.startsWith("text/plain") &&
            !type.startsWith("application/octet-stream")) {
            fail(QStringLiteral("%1 answered with %2 instead of Mesh Explorer JSON: the address "
                                "may point at a web page or a login portal; check the URL in "
                                "Sources.")
                     .arg(where(url), QString::fromLatin1(contentType.split(';').value(0))));
            return;
        }
        QString error;
        if (!MeshJson::parse(body, where(url), &m_snapshot, &error))
            fail(error + QStringLiteral(" Nothing was changed."));
    });
}

} // namespace Mesh
