// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QWidget>

namespace Mesh {

/** A rounded, coloured label: a domain chip, a status or a classification badge. UI thread. */
class PillLabel : public QWidget
{
    Q_OBJECT

public:
    explicit PillLabel(QWidget *parent = nullptr);

    void setPill(const QString &text, const QColor &color, bool filled = false);
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_color;
    bool m_filled = false;
};

} // namespace Mesh
