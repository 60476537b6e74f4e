// SPDX-License-Identifier: MIT
#include "search/searchtypes.h"

namespace Mesh {

QString facetKindName(FacetKind kind)
{
    switch (kind) {
    case FacetKind::Domain:
        return QStringLiteral("domain");
    case FacetKind::Owner:
        return QStringLiteral("owner");
    case FacetKind::Tag:
        return QStringLiteral("tag");
    case FacetKind::Classification:
        return QStringLiteral("classification");
    case FacetKind::SourceSystem:
        return QStringLiteral("source_system");
    case FacetKind::Status:
        return QStringLiteral("status");
    }
    return {};
}

} // namespace Mesh
