// SPDX-License-Identifier: MIT
#include "qualitytab.h"

#include "alertspanel.h"
#include "session/catalogsession.h"

#include <QVBoxLayout>

#include <utility>

namespace Mesh {

QualityTab::QualityTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("qualityTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_panel = new AlertsPanel(false, this);
    layout->addWidget(m_panel);
    connect(m_panel, &AlertsPanel::productActivated, this, [this](const QString &key) {
        if (key != m_productKey)
            emit productActivated(key);
    });
}

void QualityTab::showProduct(const ProductDetails &details)
{
    m_productKey = details.product.key;
    m_loading = true;
    m_panel->setAffecting({});
    m_panel->setStatus(tr("Looking for alerts on %1 and upstream…").arg(details.product.name));
    emit alertsWanted(m_productKey);
}

void QualityTab::clearProduct()
{
    m_productKey.clear();
    m_panel->setAffecting({});
    m_panel->setStatus({});
}

void QualityTab::setAlerts(const QString &productKey, const QList<AffectingAlert> &alerts)
{
    if (productKey != m_productKey)
        return;
    int own = 0;
    for (const AffectingAlert &a : alerts)
        own += a.distance == 0 ? 1 : 0;
    m_panel->setEmptyText(tr("No open alerts on this product or upstream of it."));
    m_panel->setAffecting(alerts);
    // A refresh after acknowledge or resolve keeps that action's message in the status line.
    if (!std::exchange(m_loading, false))
        return;
    m_panel->setStatus(alerts.isEmpty()
                           ? QString()
                           : tr("%1 on this product, %2 upstream (double-click to open it)")
                                 .arg(own)
                                 .arg(alerts.size() - own),
                       own > 0);
}

} // namespace Mesh
