// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Mesh {

class DomainColors;

/**
 * Draws one search hit as a card row: name and status, domain chip, owner and source system, the
 * one-line summary, and why it matched (field plus highlighted snippet). Rows whose page has not
 * arrived yet are drawn as grey placeholders. Reads SearchResultModel roles; UI thread.
 */
class ResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ResultDelegate(const DomainColors *domainColors, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const DomainColors *m_domainColors = nullptr;
};

} // namespace Mesh
