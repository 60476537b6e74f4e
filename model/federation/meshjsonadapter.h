// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourceadapter.h"

namespace Mesh {

/**
 * A Mesh Explorer JSON document (docs/mesh-json.md) over http(s) or file://: one GET, revalidated
 * with ETag/Last-Modified, so an unchanged document costs one 304 and no parsing.
 */
class MeshJsonAdapter final : public SourceAdapter
{
public:
    MeshJsonAdapter(Context context, HttpTransport &transport)
        : SourceAdapter(std::move(context), transport)
    {
    }

protected:
    void begin() override;
};

} // namespace Mesh
