// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourceadapter.h"

#include <QHash>

namespace Mesh {

/**
 * OpenMetadata REST (docs/federation.md): tables from GET /api/v1/tables with
 * fields=columns,tags,owners, paged with limit/after; then each table's upstream lineage from
 * GET /api/v1/lineage/table/name/{fqn}, all in parallel. Pages are cached with their bodies so
 * that a refresh answered by 304s still follows the cursors.
 */
class OpenMetadataAdapter final : public SourceAdapter
{
public:
    OpenMetadataAdapter(Context context, HttpTransport &transport)
        : SourceAdapter(std::move(context), transport)
    {
    }

    static constexpr int kPageSize = 100;

protected:
    void begin() override;
    void end() override;

private:
    void fetchPage(const QString &after);
    void fetchLineage(const QString &fqn);
    QHash<QString, QString> m_fqnById; // table id → fully qualified name
    QList<QPair<QString, QString>> m_edgeIds; // (from id, to id)
};

} // namespace Mesh
