// SPDX-License-Identifier: MIT
#include "domaincolors.h"

#include "theme.h"

namespace Mesh {

void DomainColors::setDomains(const QList<Domain> &domains)
{
    m_colors.clear();
    for (const Domain &domain : domains) {
        const QColor color = QColor::fromString(domain.color);
        if (color.isValid())
            m_colors.insert(domain.name, color);
    }
}

QColor DomainColors::color(const QString &domain) const
{
    return m_colors.value(domain, Theme::fallbackDomainColor(domain));
}

} // namespace Mesh
