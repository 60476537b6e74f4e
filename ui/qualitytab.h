// SPDX-License-Identifier: MIT
#pragma once

#include "producttab.h"
#include "quality/qualityalert.h"

namespace Mesh {

class AlertsPanel;

/**
 * The product page's Quality tab: the alerts on this product and on every product upstream of
 * it through lineage, with Acknowledge and Resolve. Asks for its alerts with alertsWanted();
 * the governance controller answers with setAlerts(). UI thread.
 */
class QualityTab : public ProductTab
{
    Q_OBJECT

public:
    explicit QualityTab(QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;
    /** Alerts for productKey; ignored when another product is shown by now. */
    void setAlerts(const QString &productKey, const QList<AffectingAlert> &alerts);

    QString productKey() const { return m_productKey; }
    AlertsPanel *panel() const { return m_panel; }

signals:
    void alertsWanted(const QString &productKey);

private:
    AlertsPanel *m_panel = nullptr;
    QString m_productKey;
    bool m_loading = false; // the alerts asked for by showProduct() are not in yet
};

} // namespace Mesh
