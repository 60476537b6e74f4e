// SPDX-License-Identifier: MIT
#pragma once

#include <QHeaderView>

namespace Mesh {

/**
 * The preview's column header: the column name over its type and a classification badge
 * (PII.Sensitive, PII.NonSensitive, "masked"), read from PreviewModel's header roles. Sections
 * keep a fixed default width so 1,000+ columns never measure their contents. UI thread.
 */
class PreviewHeaderView : public QHeaderView
{
    Q_OBJECT

public:
    explicit PreviewHeaderView(QWidget *parent = nullptr);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace Mesh
