// SPDX-License-Identifier: MIT
#include "filepreviewdialog.h"

#include "previewtab.h"
#include "session/catalogsession.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

namespace Mesh {

FilePreviewDialog::FilePreviewDialog(const QString &path, QWidget *parent)
    : QDialog(parent), m_path(path)
{
    setObjectName(QStringLiteral("filePreviewDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    const QFileInfo info(path);
    setWindowTitle(tr("%1 — Preview").arg(info.fileName()));

    auto *where = new QLabel(QDir::toNativeSeparators(info.absoluteFilePath()), this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setToolTip(tr("This file is not part of the catalog: it is shown as it is, unmasked."));

    m_tab = new PreviewTab(nullptr, this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(m_tab, 1);
    layout->addWidget(buttons);
    resize(980, 640);

    // A product of one dataset, the file itself; no catalog, so the reader decides by content.
    ProductDetails details;
    details.product.name = info.fileName();
    Dataset dataset;
    dataset.name = info.fileName();
    dataset.location = info.absoluteFilePath();
    details.product.datasets = {dataset};
    m_tab->showProduct(details);
}

} // namespace Mesh
