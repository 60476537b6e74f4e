// SPDX-License-Identifier: MIT
#include "welcomedialog.h"

#include "theme.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace Mesh {

namespace {
const QString kShownKey = QStringLiteral("welcome/shown");
} // namespace

WelcomeDialog::WelcomeDialog(bool hasSourceAction, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Mesh Explorer"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/mesh-explorer.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("Welcome to Mesh Explorer"), this);
    title->setFont(Theme::titleFont(font()));

    auto *intro = new QLabel(
        tr("Mesh Explorer is a window onto your company's <b>data mesh</b>: every data product "
           "with its owner, schema, sensitive columns, freshness and lineage, searchable as you "
           "type."),
        this);
    intro->setWordWrap(true);

    auto *demo = new QLabel(
        tr("To try it, meet <b>Messy Inc.</b>, a fictional manufacturer whose data is spread over "
           "HubSpot, Jira, Workday, Gainsight, NetSuite, plant CSV exports and a few "
           "undocumented tables nobody owns. Its catalog is built on your computer the first "
           "time you open it; nothing leaves the machine."),
        this);
    demo->setWordWrap(true);

    auto makeButton = [this](const QString &objectName, const QString &text,
                             const QString &description, const QString &iconPath) {
        auto *button = new QCommandLinkButton(text, description, this);
        button->setObjectName(objectName);
        button->setIcon(QIcon(iconPath));
        button->setAccessibleName(text);
        button->setAccessibleDescription(description);
        return button;
    };
    QCommandLinkButton *openDemo =
        makeButton(QStringLiteral("welcomeDemoButton"), tr("Explore the Messy Inc. demo"),
                   tr("36 data products in 7 domains, with samples, lineage and access requests."),
                   QStringLiteral(":/icons/demo.svg"));
    QCommandLinkButton *openCatalog =
        makeButton(QStringLiteral("welcomeCatalogButton"), tr("Open a catalog file…"),
                   tr("A Mesh catalog (*.mesh) made with meshctl or shared by a colleague."),
                   QStringLiteral(":/icons/open.svg"));
    QCommandLinkButton *addSource = makeButton(
        QStringLiteral("welcomeSourceButton"), tr("Add a source…"),
        hasSourceAction
            ? tr("Connect a catalog service or a folder of data contracts.")
            : tr("Connecting live sources is not available in this version yet; this opens a "
                 "catalog file instead."),
        QStringLiteral(":/icons/search.svg"));
    openDemo->setDefault(true);

    connect(openDemo, &QCommandLinkButton::clicked, this, [this] { choose(OpenDemo); });
    connect(openCatalog, &QCommandLinkButton::clicked, this, [this] { choose(OpenCatalog); });
    connect(addSource, &QCommandLinkButton::clicked, this, [this] { choose(AddSource); });

    auto *hint = new QLabel(
        tr("Tip: press %1 for the command palette, and find every shortcut under Help → "
           "Keyboard Shortcuts. You can drop catalog, CSV, JSON and OpenLineage files on the "
           "window.")
            .arg(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText)),
        this);
    hint->setWordWrap(true);
    hint->setFont(Theme::smallFont(font()));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("&Not Now"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(intro);
    text->addWidget(demo);
    text->addSpacing(6);
    text->addWidget(openDemo);
    text->addWidget(openCatalog);
    text->addWidget(addSource);
    text->addSpacing(6);
    text->addWidget(hint);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(10);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(600);
}

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

bool WelcomeDialog::isFirstRun()
{
    return !QSettings().value(kShownKey, false).toBool();
}

void WelcomeDialog::markShown()
{
    QSettings().setValue(kShownKey, true);
}

} // namespace Mesh
