// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

namespace Mesh {

/** A wrapping row of tag chips, as many lines as the width needs. UI thread. */
class ChipsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ChipsWidget(QWidget *parent = nullptr);

    void setChips(const QStringList &chips);
    QStringList chips() const { return m_chips; }
    void setPlaceholder(const QString &text) { m_placeholder = text; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QRect> layoutChips(int width) const;

    QStringList m_chips;
    QString m_placeholder;
    QColor m_color = QColor(0x45, 0x5a, 0x64);
};

} // namespace Mesh
