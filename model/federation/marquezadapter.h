// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourceadapter.h"

#include <QHash>
#include <QSet>

namespace Mesh {

/**
 * Marquez / OpenLineage (docs/federation.md): GET /api/v1/namespaces, then each namespace's
 * datasets (/api/v1/namespaces/{ns}/datasets, limit/offset), then each dataset's lineage graph
 * (/api/v1/lineage?nodeId=dataset:{ns}:{name}&depth=1), whose dataset → job → dataset paths
 * become product edges named after the job.
 */
class MarquezAdapter final : public SourceAdapter
{
public:
    MarquezAdapter(Context context, HttpTransport &transport)
        : SourceAdapter(std::move(context), transport)
    {
    }

    static constexpr int kPageSize = 100;

protected:
    void begin() override;
    void end() override;

private:
    void fetchDatasets(const QString &ns, const QString &owner, int offset);
    void fetchLineage(const QString &nodeId);
    QSet<QString> m_edgeSeen;
};

} // namespace Mesh
