// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourceadapter.h"

namespace Mesh {

/**
 * An Open Data Contract Standard v3 contract (YAML) over http(s) or file://: one GET,
 * revalidated like Mesh Explorer JSON; the contract becomes one product per contract with one
 * dataset per schema object (docs/federation.md).
 */
class OdcsAdapter final : public SourceAdapter
{
public:
    OdcsAdapter(Context context, HttpTransport &transport)
        : SourceAdapter(std::move(context), transport)
    {
    }

    /** Maps one ODCS v3 document; false with *error set when it is not one. */
    static bool map(const QByteArray &yaml, const QString &where, SourceSnapshot *out,
                    QString *error);

protected:
    void begin() override;
};

} // namespace Mesh
