// SPDX-License-Identifier: MIT
#include "emptystatewidget.h"

#include "theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mesh {

EmptyStateWidget::EmptyStateWidget(QWidget *parent) : QWidget(parent)
{
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setFont(Theme::sectionFont(Theme::titleFont(font())));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_body = new QLabel(this);
    m_body->setObjectName(QStringLiteral("emptyStateBody"));
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::PlainText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_body->palette();
    palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
    m_body->setPalette(palette);
    m_body->setMaximumWidth(480);
    m_body->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(8);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(10);
    layout->addStretch(2);
    layout->addWidget(m_icon);
    layout->addSpacing(6);
    layout->addWidget(m_title);
    auto *bodyRow = new QHBoxLayout;
    bodyRow->addStretch();
    bodyRow->addWidget(m_body, 100);
    bodyRow->addStretch();
    layout->addLayout(bodyRow);
    layout->addSpacing(8);
    layout->addLayout(m_buttons);
    layout->addStretch(3);
}

void EmptyStateWidget::setState(const QString &icon, const QString &title, const QString &body,
                                const QList<QAction *> &actions)
{
    m_icon->setPixmap(icon.isEmpty() ? QPixmap()
                                     : QIcon(icon).pixmap(QSize(72, 72), devicePixelRatioF()));
    m_icon->setVisible(!icon.isEmpty());
    m_title->setText(title);
    m_body->setText(body);
    m_body->setVisible(!body.isEmpty());

    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (actions.isEmpty())
        return;
    m_buttons->addStretch();
    bool first = true;
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->text().remove(QLatin1Char('&')), this);
        button->setDefault(first);
        first = false;
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->addWidget(button);
    }
    m_buttons->addStretch();
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::body() const
{
    return m_body->text();
}

} // namespace Mesh
