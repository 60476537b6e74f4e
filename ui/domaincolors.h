// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

namespace Mesh {

/**
 * The colours the views give domains: each domain's own Domain::color, else a stable hue made from
 * its name. Owned by the main window, filled when a catalog opens, read by delegates and pages on
 * the UI thread.
 */
class DomainColors
{
public:
    void setDomains(const QList<Domain> &domains);
    QColor color(const QString &domain) const;

private:
    QHash<QString, QColor> m_colors;
};

} // namespace Mesh
