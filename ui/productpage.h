// SPDX-License-Identifier: MIT
#pragma once

#include "session/catalogsession.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Mesh {

class DomainColors;
class EmptyStateWidget;
class PillLabel;
class ProductTab;

/**
 * The right-hand product page: a header (title, domain chip, status, key) over a tab widget of
 * ProductTabs, or a placeholder when no product is selected. Later features add a tab with one
 * addPage() call. Fed by the main window from CatalogSession::productLoaded; UI thread.
 */
class ProductPage : public QWidget
{
    Q_OBJECT

public:
    explicit ProductPage(const DomainColors *domainColors, QWidget *parent = nullptr);

    /** Appends a tab; it receives every product shown from now on. Returns its tab index. */
    int addPage(ProductTab *page, const QString &title);
    /** Makes the tab whose title (without '&') or object name is name current. */
    bool setCurrentPage(const QString &name);

    void showProduct(const ProductDetails &details);
    /** Shows the "select a product" placeholder. */
    void clear();
    /** Shows why a product could not be loaded. */
    void showError(const QString &message);

    const std::optional<ProductDetails> &product() const { return m_product; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /** A tab asked to open the product with this key. */
    void productActivated(const QString &key);

private:
    const DomainColors *m_domainColors = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_title = nullptr;
    PillLabel *m_domain = nullptr;
    PillLabel *m_status = nullptr;
    QLabel *m_key = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<ProductTab *> m_pages;
    std::optional<ProductDetails> m_product;
};

} // namespace Mesh
