// SPDX-License-Identifier: MIT
#pragma once

#include "producttab.h"

class QLabel;

namespace Mesh {

class ChipsWidget;
class MarkdownView;

/**
 * The product page's first tab: the description rendered from Markdown, then owner and steward,
 * freshness SLA, source system, tags, formats, version, last update and access policy. UI thread.
 */
class OverviewTab : public ProductTab
{
    Q_OBJECT

public:
    explicit OverviewTab(QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;

private:
    MarkdownView *m_description = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_steward = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_source = nullptr;
    ChipsWidget *m_tags = nullptr;
    QLabel *m_formats = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_accessPolicy = nullptr;
};

} // namespace Mesh
