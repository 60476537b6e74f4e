// SPDX-License-Identifier: MIT
#include "columnprofilepanel.h"

#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

namespace Mesh {

ColumnProfilePanel::ColumnProfilePanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("columnProfilePanel"));
    m_title = new QLabel(this);
    m_title->setFont(Theme::sectionFont(font()));
    m_title->setWordWrap(true);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("profileFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("profileChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_chart, 3);
    layout->addStretch(1); // keeps the facts at the top when there is no chart
    clear();
}

void ColumnProfilePanel::clear()
{
    m_title->setText(tr("Column profile"));
    m_facts->setText(tr("Select a column to profile it."));
    // setChart() gives up the view's old chart without deleting it (as does the view's default).
    QChart *old = m_chart->chart();
    m_chart->setChart(new QChart);
    delete old;
    m_chart->hide();
}

void ColumnProfilePanel::showPending(const QString &column)
{
    m_title->setText(column);
    m_facts->setText(tr("Profiling…"));
}

QString ColumnProfilePanel::summaryText() const
{
    return m_facts->text();
}

void ColumnProfilePanel::showProfile(const ColumnProfile &p)
{
    const QLocale locale;
    m_title->setText(p.column);
    QString facts = QStringLiteral("<table cellspacing='2'>");
    const auto row = [&facts](const QString &label, const QString &value) {
        facts += QStringLiteral("<tr><td style='color:gray;padding-right:10px'>%1</td><td>%2</td></tr>")
                     .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Type"), p.inferredType);
    row(tr("Rows"), locale.toString(p.count));
    row(tr("Missing"), QStringLiteral("%1 (%2 %)").arg(locale.toString(p.nulls)).arg(p.nullPercent(), 0, 'f', 1));
    row(tr("Distinct"), (p.distinctExact ? QString() : QStringLiteral("≈ ")) + locale.toString(p.distinct)
                            + (p.distinctExact ? QString() : tr(" (HyperLogLog)")));
    if (!p.min.isEmpty())
        row(tr("Min"), p.min.left(60));
    if (!p.max.isEmpty())
        row(tr("Max"), p.max.left(60));
    facts += QStringLiteral("</table>");
    m_facts->setText(facts);

    const bool histogram = !p.histogram.isEmpty();
    // A top-values chart of a column whose values are all different says nothing.
    const bool allDistinct = p.distinctExact && p.distinct == p.count - p.nulls;
    const QList<ProfileBar> bars = histogram ? p.histogram : allDistinct ? QList<ProfileBar>() : p.topValues;
    if (!histogram && allDistinct)
        m_facts->setText(m_facts->text() + tr("<p>Every value is different.</p>"));
    auto *chart = new QChart;
    chart->setTitle(histogram ? tr("Distribution") : tr("Top values"));
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    auto *set = new QBarSet(p.column);
    set->setColor(QColor(0x3b, 0x82, 0xc4));
    QStringList labels;
    qint64 top = 1;
    // Horizontal bars read best for value labels; the most frequent goes on top.
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        const ProfileBar &b = bars.at(histogram ? bars.size() - 1 - i : i);
        *set << double(b.count);
        QString label = b.label.isEmpty() ? tr("(empty)") : b.label;
        if (label.size() > 22)
            label = label.left(21) + QChar(0x2026);
        while (labels.contains(label)) // masked values can look alike; categories must differ
            label += QChar(0x200B);
        labels << label;
        top = std::max(top, b.count);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setRange(0, double(top));
    values->setLabelFormat(QStringLiteral("%d"));
    values->setTickCount(std::min<qint64>(top + 1, 5));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    m_chart->setVisible(!bars.isEmpty());
}

} // namespace Mesh
