// SPDX-License-Identifier: MIT
#include "teamconflictdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Mesh {

TeamConflictDialog::TeamConflictDialog(const Product &theirs, const Product &yours,
                                       const QString &message, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("teamConflictDialog"));
    setWindowTitle(tr("Someone Else Saved %1 First").arg(theirs.name));
    m_changes = MetadataSnapshot::diff(MetadataSnapshot::fromProduct(theirs),
                                       MetadataSnapshot::fromProduct(yours));

    auto *heading =
        new QLabel(tr("<b>Someone else saved %1 first</b>").arg(theirs.name.toHtmlEscaped()), this);
    heading->setObjectName(QStringLiteral("teamConflictHeading"));
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("teamConflictMessage"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setText(message + QStringLiteral("\n\n") +
                  tr("Your changes are kept until you choose: %n field(s) differ from the "
                     "server's version.",
                     nullptr, int(m_changes.size())));

    m_table = new QTableWidget(int(m_changes.size()), 3, this);
    m_table->setObjectName(QStringLiteral("teamConflictCompare"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Server's version"), tr("Yours")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    for (int row = 0; row < m_changes.size(); ++row) {
        const MetadataChange &c = m_changes.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(c.label));
        m_table->setItem(row, 1, new QTableWidgetItem(c.before));
        m_table->setItem(row, 2, new QTableWidgetItem(c.after));
    }
    m_table->resizeRowsToContents();
    m_table->setMinimumHeight(140);
    m_table->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *reload = buttons->addButton(tr("&Reload Theirs"), QDialogButtonBox::RejectRole);
    reload->setObjectName(QStringLiteral("teamConflictReload"));
    reload->setToolTip(tr("Take the server's version; your values stay shown to copy from"));
    QPushButton *overwrite =
        buttons->addButton(tr("&Overwrite With Mine"), QDialogButtonBox::AcceptRole);
    overwrite->setObjectName(QStringLiteral("teamConflictOverwrite"));
    overwrite->setToolTip(tr("Save your values on top of the new version (audited as an "
                             "overwrite; theirs stays in the history)"));
    QPushButton *compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::ActionRole);
    compare->setObjectName(QStringLiteral("teamConflictCompareButton"));
    compare->setCheckable(true);
    QPushButton *later = buttons->addButton(tr("Decide &Later"), QDialogButtonBox::ActionRole);
    later->setObjectName(QStringLiteral("teamConflictLater"));
    later->setToolTip(tr("Keep your change as it is, unsent"));
    compare->setDefault(true);

    connect(reload, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Reload;
        done(QDialog::Accepted);
    });
    connect(overwrite, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Overwrite;
        done(QDialog::Accepted);
    });
    connect(later, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Later;
        done(QDialog::Rejected);
    });
    connect(compare, &QPushButton::toggled, this, [this](bool on) {
        m_table->setVisible(on);
        if (on)
            m_table->resizeRowsToContents();
        resize(width(), sizeHint().height());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    resize(720, sizeHint().height());
}

} // namespace Mesh
