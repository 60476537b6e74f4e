// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourceadapter.h"

namespace Mesh {

/**
 * DataHub GraphQL (docs/federation.md): POST /api/graphql with searchAcrossEntities over
 * DATASET, paged by start/count, each dataset with its properties, schemaMetadata, ownership,
 * tags, domain and its upstream lineage field. POSTs are not revalidated, so every sync fetches.
 */
class DataHubAdapter final : public SourceAdapter
{
public:
    DataHubAdapter(Context context, HttpTransport &transport)
        : SourceAdapter(std::move(context), transport)
    {
    }

    static constexpr int kPageSize = 100;
    /** The GraphQL document sent, for docs and tests. */
    static QByteArray query();

protected:
    void begin() override;
    void end() override;

private:
    void fetchPage(int start);
};

} // namespace Mesh
