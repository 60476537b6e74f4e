// SPDX-License-Identifier: MIT
#include "markdownview.h"

#include <QResizeEvent>
#include <QTextDocument>

namespace Mesh {

MarkdownView::MarkdownView(QWidget *parent) : QTextBrowser(parent)
{
    setFrameShape(QFrame::NoFrame);
    setOpenExternalLinks(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAutoFillBackground(false);
    document()->setDocumentMargin(0);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void MarkdownView::setMarkdownText(const QString &markdown)
{
    document()->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    fitHeight();
}

int MarkdownView::heightForWidth(int width) const
{
    QTextDocument *doc = document();
    const qreal old = doc->textWidth();
    doc->setTextWidth(width);
    const int height = int(doc->size().height() + 0.5);
    doc->setTextWidth(old);
    return height + 2;
}

QSize MarkdownView::sizeHint() const
{
    return QSize(qMax(200, viewport()->width()), height());
}

QSize MarkdownView::minimumSizeHint() const
{
    return QSize(100, fontMetrics().height());
}

void MarkdownView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void MarkdownView::fitHeight()
{
    const int height = heightForWidth(viewport()->width() > 0 ? viewport()->width() : 400);
    if (height != this->height())
        setFixedHeight(height);
}

} // namespace Mesh
