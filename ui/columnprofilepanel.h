// SPDX-License-Identifier: MIT
#pragma once

#include "preview/columnprofile.h"

#include <QWidget>

class QChartView;
class QLabel;

namespace Mesh {

/**
 * The selected column's profile: inferred type, null %, distinct count (exact or estimated),
 * min/max, and a bar chart of a numeric column's histogram or the top values. Shows what
 * PreviewModel::profileReady delivers; UI thread.
 */
class ColumnProfilePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ColumnProfilePanel(QWidget *parent = nullptr);

    void showProfile(const ColumnProfile &profile);
    void showPending(const QString &column);
    void clear();

    QString summaryText() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QChartView *m_chart = nullptr;
};

} // namespace Mesh
