// SPDX-License-Identifier: MIT
#pragma once

#include <QTextBrowser>

namespace Mesh {

/**
 * Read-only Markdown text that grows to the height of its content instead of scrolling, for use
 * inside a scrolling page. Links open in the desktop's browser. UI thread.
 */
class MarkdownView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownView(QWidget *parent = nullptr);

    void setMarkdownText(const QString &markdown);

    /** The height the text needs at width. */
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
};

} // namespace Mesh
