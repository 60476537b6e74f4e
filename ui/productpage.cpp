// SPDX-License-Identifier: MIT
#include "productpage.h"

#include "domaincolors.h"
#include "emptystatewidget.h"
#include "lineagetab.h"
#include "overviewtab.h"
#include "pilllabel.h"
#include "portstab.h"
#include "producttab.h"
#include "schematab.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Mesh {

ProductPage::ProductPage(const DomainColors *domainColors, QWidget *parent)
    : QWidget(parent), m_domainColors(domainColors)
{
    setObjectName(QStringLiteral("productPage"));
    m_stack = new QStackedWidget(this);

    m_placeholder = new EmptyStateWidget(m_stack);
    m_placeholder->setObjectName(QStringLiteral("productPlaceholder"));
    m_stack->addWidget(m_placeholder);

    m_content = new QWidget(m_stack);
    m_title = new QLabel(m_content);
    m_title->setObjectName(QStringLiteral("productTitle"));
    m_title->setFont(Theme::titleFont(font()));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_domain = new PillLabel(m_content);
    m_domain->setObjectName(QStringLiteral("productDomain"));
    m_status = new PillLabel(m_content);
    m_status->setObjectName(QStringLiteral("productStatus"));
    m_key = new QLabel(m_content);
    m_key->setObjectName(QStringLiteral("productKey"));
    m_key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont keyFont(QStringLiteral("monospace"));
    keyFont.setStyleHint(QFont::Monospace);
    keyFont.setPointSizeF(Theme::smallFont(font()).pointSizeF());
    m_key->setFont(keyFont);
    QPalette palette = m_key->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    m_key->setPalette(palette);

    auto *badges = new QHBoxLayout;
    badges->setSpacing(8);
    badges->addWidget(m_domain);
    badges->addWidget(m_status);
    badges->addSpacing(4);
    badges->addWidget(m_key, 1);

    m_tabs = new QTabWidget(m_content);
    m_tabs->setObjectName(QStringLiteral("productTabs"));
    m_tabs->setDocumentMode(true);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 14, 0, 0);
    layout->setSpacing(6);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(16, 0, 16, 6);
    header->setSpacing(6);
    header->addWidget(m_title);
    header->addLayout(badges);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_content);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    addPage(new OverviewTab, tr("&Overview"));
    addPage(new SchemaTab, tr("&Schema"));
    addPage(new PortsTab, tr("&Ports"));
    addPage(new LineageTab, tr("&Lineage"));
    clear();
}

int ProductPage::addPage(ProductTab *page, const QString &title)
{
    m_pages.append(page);
    connect(page, &ProductTab::productActivated, this, &ProductPage::productActivated);
    if (m_product)
        page->showProduct(*m_product);
    return m_tabs->addTab(page, title);
}

bool ProductPage::setCurrentPage(const QString &name)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString title = m_tabs->tabText(i).remove(QLatin1Char('&'));
        if (title.compare(name, Qt::CaseInsensitive) == 0
            || m_tabs->widget(i)->objectName().compare(name, Qt::CaseInsensitive) == 0
            || m_tabs->widget(i)->objectName().compare(name + u"Tab", Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void ProductPage::showProduct(const ProductDetails &details)
{
    m_product = details;
    const Product &product = details.product;
    m_title->setText(product.name.isEmpty() ? product.key : product.name);
    const QColor domainColor = m_domainColors ? m_domainColors->color(product.domain)
                                              : Theme::fallbackDomainColor(product.domain);
    m_domain->setPill(product.domain.isEmpty() ? tr("Unowned") : product.domain, domainColor,
                      true);
    m_status->setPill(product.status, Theme::statusColor(product.status), false);
    m_key->setText(product.key);
    for (ProductTab *page : std::as_const(m_pages))
        page->showProduct(details);
    m_stack->setCurrentWidget(m_content);
}

void ProductPage::clear()
{
    m_product.reset();
    for (ProductTab *page : std::as_const(m_pages))
        page->clearProduct();
    m_placeholder->setState(QStringLiteral(":/icons/select-product.svg"),
                            tr("Select a product to see its details"),
                            tr("Its description, owner, schema, ports and lineage appear here."));
    m_stack->setCurrentWidget(m_placeholder);
}

void ProductPage::showError(const QString &message)
{
    m_product.reset();
    m_placeholder->setState(QStringLiteral(":/icons/error.svg"),
                            tr("This product could not be shown"), message);
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace Mesh
