// SPDX-License-Identifier: MIT
#include "schematab.h"

#include "session/catalogsession.h"
#include "theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/** Paints a column's classification as a coloured pill instead of plain text. */
class ClassificationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QString text = index.data(Qt::DisplayRole).toString();
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = option.widget;
        widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        if (text.isEmpty())
            return;
        painter->save();
        painter->setFont(Theme::smallFont(option.font));
        const bool sensitive = text.compare(u"PII.Sensitive", Qt::CaseInsensitive) == 0;
        Theme::paintPill(painter, option.rect.adjusted(4, 0, -4, 0), text,
                         Theme::classificationColor(text), sensitive);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QSize pill = Theme::pillSize(QFontMetrics(Theme::smallFont(option.font)),
                                           index.data(Qt::DisplayRole).toString());
        return QSize(qMax(size.width(), pill.width() + 8), qMax(size.height(), pill.height() + 6));
    }
};

QString columnCountText(int count)
{
    return count == 1 ? SchemaTab::tr("1 column") : SchemaTab::tr("%1 columns").arg(count);
}

} // namespace

SchemaTab::SchemaTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("schemaTab"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("schemaSummary"));
    QPalette palette = m_summary->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    m_summary->setPalette(palette);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setAccessibleName(tr("Columns with types, descriptions and classification"));
    m_tree->setHeaderLabels({tr("Column"), tr("Type"), tr("Classification"), tr("Description"),
                             tr("Tags")});
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setItemDelegateForColumn(ClassificationColumn, new ClassificationDelegate(m_tree));
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TypeColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ClassificationColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TagsColumn, QHeaderView::Interactive);
    header->resizeSection(NameColumn, 150);
    header->resizeSection(TypeColumn, 80);
    header->resizeSection(ClassificationColumn, 124);
    header->resizeSection(TagsColumn, 110);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
}

void SchemaTab::showProduct(const ProductDetails &details)
{
    m_tree->clear();
    const QFont monospace = [this] {
        QFont font(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        font.setPointSizeF(Theme::smallFont(this->font()).pointSizeF());
        return font;
    }();
    QFont groupFont = font();
    groupFont.setWeight(QFont::DemiBold);
    const QColor muted = Theme::mutedTextColor(this);

    int columns = 0;
    int pii = 0;
    for (const Dataset &dataset : details.product.datasets) {
        auto *group = new QTreeWidgetItem(m_tree);
        QString title = dataset.name;
        QStringList about;
        about << columnCountText(int(dataset.columns.size()));
        if (!dataset.format.isEmpty())
            about << dataset.format;
        title += QStringLiteral("   ") + about.join(QStringLiteral(" · "));
        group->setText(NameColumn, title);
        group->setFont(NameColumn, groupFont);
        group->setToolTip(NameColumn, dataset.description);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        for (const Column &column : dataset.columns) {
            auto *item = new QTreeWidgetItem(group);
            item->setText(NameColumn, column.name);
            item->setText(TypeColumn, column.type);
            item->setFont(TypeColumn, monospace);
            item->setForeground(TypeColumn, muted);
            item->setText(ClassificationColumn, column.classification);
            item->setText(DescriptionColumn, column.description);
            item->setToolTip(DescriptionColumn, column.description);
            item->setText(TagsColumn, column.tags.join(QStringLiteral(", ")));
            ++columns;
            if (column.classification.startsWith(u"PII", Qt::CaseInsensitive))
                ++pii;
        }
    }
    m_tree->expandAll();

    // Spend the width on what this product documents: fit names, drop an all-empty tags column.
    bool anyTags = false;
    for (const Dataset &dataset : details.product.datasets) {
        for (const Column &column : dataset.columns)
            anyTags = anyTags || !column.tags.isEmpty();
    }
    m_tree->setColumnHidden(TagsColumn, !anyTags);
    int nameWidth = 120;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(i);
        for (int c = 0; c < group->childCount(); ++c)
            nameWidth = qMax(nameWidth, m_tree->fontMetrics().horizontalAdvance(
                                            group->child(c)->text(NameColumn)) + 36);
    }
    m_tree->header()->resizeSection(NameColumn, qMin(nameWidth, 240));

    if (details.product.datasets.isEmpty()) {
        m_summary->setText(tr("This product has no documented datasets yet."));
    } else {
        QString summary = (details.product.datasets.size() == 1
                               ? tr("1 dataset")
                               : tr("%1 datasets").arg(details.product.datasets.size()))
                          + QStringLiteral(" · ") + columnCountText(columns);
        if (pii > 0)
            summary += QStringLiteral(" · ") + tr("%1 classified as PII").arg(pii);
        m_summary->setText(summary);
    }
}

void SchemaTab::clearProduct()
{
    m_tree->clear();
    m_summary->clear();
}

} // namespace Mesh
