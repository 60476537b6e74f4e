// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Mesh {

class DomainColors;

/**
 * Draws the facet navigator: kind rows as small section titles, value rows as a check box, a
 * domain colour chip for domains, the value and its count in a badge. A click anywhere on a value
 * toggles it. Reads FacetModel roles; UI thread.
 */
class FacetDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FacetDelegate(const DomainColors *domainColors, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const DomainColors *m_domainColors = nullptr;
};

} // namespace Mesh
