// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;

namespace Mesh {

/**
 * A deliberate "nothing here" screen: an illustration, a title, a hint and a few buttons. Used for
 * no catalog, no results, errors and the empty product page. UI thread.
 */
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    /** Shows icon (a resource path of an SVG), title and body; each action becomes a button. */
    void setState(const QString &icon, const QString &title, const QString &body,
                  const QList<QAction *> &actions = {});

    QString title() const;
    QString body() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QHBoxLayout *m_buttons = nullptr;
};

} // namespace Mesh
