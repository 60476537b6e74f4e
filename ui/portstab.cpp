// SPDX-License-Identifier: MIT
#include "portstab.h"

#include "session/catalogsession.h"
#include "theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

PortsTab::PortsTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("portsTab"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    QPalette palette = m_summary->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    m_summary->setPalette(palette);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("portsTree"));
    m_tree->setAccessibleName(tr("Output ports: datasets, locations and endpoints"));
    m_tree->setHeaderLabels({tr("Dataset"), tr("Format"), tr("Location"), tr("Endpoint")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 160);
    m_tree->header()->resizeSection(1, 70);
    m_tree->header()->resizeSection(2, 220);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
}

void PortsTab::showProduct(const ProductDetails &details)
{
    m_tree->clear();
    for (const Dataset &dataset : details.product.datasets) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, dataset.name);
        item->setText(1, dataset.format);
        item->setText(2, dataset.location);
        item->setText(3, dataset.endpoint);
        item->setToolTip(0, dataset.description);
        item->setToolTip(2, dataset.location);
        item->setToolTip(3, dataset.endpoint);
    }
    m_summary->setText(details.product.datasets.isEmpty()
                           ? tr("This product publishes no output ports yet.")
                           : tr("Output ports: where each dataset of this product can be read."));
}

void PortsTab::clearProduct()
{
    m_tree->clear();
    m_summary->clear();
}

} // namespace Mesh
