// SPDX-License-Identifier: MIT
#include "aboutdialog.h"

#include "system/libraryversions.h"
#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QVBoxLayout>

namespace Mesh {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Mesh Explorer"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/mesh-explorer.svg")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("Mesh Explorer %1").arg(QStringLiteral(MESH_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setFont(Theme::titleFont(font()));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *blurb = new QLabel(
        tr("Find, understand and trust the data products of your company's data mesh: search the "
           "catalog, read each product's description, schema, ports and lineage, preview its "
           "sample data and ask its owner for access."),
        this);
    blurb->setWordWrap(true);

    const QString curlTls = LibraryVersions::curlTls();
    m_rows = {
        {tr("Version"), QStringLiteral(MESH_VERSION)},
        {tr("Qt"), QString::fromLatin1(qVersion()) + u' ' +
                       tr("(built with %1)").arg(QStringLiteral(QT_VERSION_STR))},
        {tr("SQLite"), LibraryVersions::sqlite()},
        {tr("libcurl"), curlTls.isEmpty() ? LibraryVersions::curl()
                                          : tr("%1 with %2").arg(LibraryVersions::curl(), curlTls)},
        {tr("System"), QSysInfo::prettyProductName() + u" · " + QGuiApplication::platformName()},
        {tr("Data folder"), QDir::toNativeSeparators(
                                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))},
        {tr("Settings"), QDir::toNativeSeparators(QSettings().fileName())},
    };
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    for (const auto &[name, value] : std::as_const(m_rows)) {
        auto *label = new QLabel(value, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        label->setAccessibleName(name);
        form->addRow(name + u':', label);
    }

    auto *licence = new QLabel(
        tr("Licensed under the MIT licence. The Messy Inc. demo company and its data are "
           "fictional."),
        this);
    licence->setWordWrap(true);
    licence->setFont(Theme::smallFont(font()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    copy->setToolTip(tr("Copy the versions above, for a bug report"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(versionReport()); });
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, this, [] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addSpacing(8);
    text->addLayout(form);
    text->addSpacing(8);
    text->addWidget(licence);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString AboutDialog::versionReport() const
{
    QStringList lines{tr("Mesh Explorer %1").arg(QStringLiteral(MESH_VERSION))};
    for (const auto &[name, value] : m_rows)
        lines << name + u": " + value;
    return lines.join(u'\n');
}

} // namespace Mesh
