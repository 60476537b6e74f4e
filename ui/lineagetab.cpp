// SPDX-License-Identifier: MIT
#include "lineagetab.h"

#include "session/catalogsession.h"
#include "theme.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace Mesh {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

void fill(QListWidget *list, const ProductDetails &details, bool upstream)
{
    list->clear();
    for (const LineageEdge &edge : details.lineage) {
        const bool matches = upstream ? edge.toKey == details.product.key
                                      : edge.fromKey == details.product.key;
        if (!matches)
            continue;
        const QString key = upstream ? edge.fromKey : edge.toKey;
        auto *item = new QListWidgetItem(key, list);
        item->setData(kKeyRole, key);
        QStringList about;
        if (!edge.kind.isEmpty())
            about << edge.kind;
        if (!edge.jobName.isEmpty())
            about << LineageTab::tr("job %1").arg(edge.jobName);
        item->setToolTip(about.join(QStringLiteral(" · ")));
    }
    if (list->count() == 0) {
        auto *item = new QListWidgetItem(upstream ? LineageTab::tr("No upstream products recorded")
                                                  : LineageTab::tr("No downstream products recorded"),
                                         list);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace

LineageTab::LineageTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("lineageTab"));
    const auto makeList = [this](const QString &name) {
        auto *list = new QListWidget(this);
        list->setObjectName(name);
        list->setAlternatingRowColors(true);
        list->setStyleSheet(QStringLiteral("QListWidget::item { padding: 4px 6px; }"));
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            const QString key = item->data(kKeyRole).toString();
            if (!key.isEmpty())
                emit productActivated(key);
        });
        return list;
    };
    m_upstreamTitle = new QLabel(this);
    m_upstreamTitle->setFont(Theme::sectionFont(font()));
    m_upstream = makeList(QStringLiteral("upstreamList"));
    m_downstreamTitle = new QLabel(this);
    m_downstreamTitle->setFont(Theme::sectionFont(font()));
    m_downstream = makeList(QStringLiteral("downstreamList"));

    auto *hint = new QLabel(tr("Double-click a product to open it."), this);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    hint->setPalette(palette);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(6);
    layout->addWidget(m_upstreamTitle);
    layout->addWidget(m_upstream, 1);
    layout->addSpacing(8);
    layout->addWidget(m_downstreamTitle);
    layout->addWidget(m_downstream, 1);
    layout->addWidget(hint);
    clearProduct();
}

void LineageTab::showProduct(const ProductDetails &details)
{
    fill(m_upstream, details, true);
    fill(m_downstream, details, false);
    m_upstreamTitle->setText(tr("Upstream — feeds this product (%1)")
                                 .arg(details.upstreamKeys().size()));
    m_downstreamTitle->setText(tr("Downstream — built from this product (%1)")
                                   .arg(details.downstreamKeys().size()));
}

void LineageTab::clearProduct()
{
    m_upstream->clear();
    m_downstream->clear();
    m_upstreamTitle->setText(tr("Upstream"));
    m_downstreamTitle->setText(tr("Downstream"));
}

} // namespace Mesh
