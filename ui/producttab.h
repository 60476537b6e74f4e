// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace Mesh {

struct ProductDetails;

/**
 * One tab of the product page (Overview, Schema, Ports, Lineage, and later Preview, Access,
 * History). The page hands every tab the product it shows; a tab may ask to navigate to another
 * product. UI thread.
 */
class ProductTab : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    /** Shows details; called each time the page shows a product. */
    virtual void showProduct(const ProductDetails &details) = 0;
    /** Forgets the product, e.g. when another catalog is opened. */
    virtual void clearProduct() {}

signals:
    /** The user asked to open the product with this key. */
    void productActivated(const QString &key);
};

} // namespace Mesh
