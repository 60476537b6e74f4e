// SPDX-License-Identifier: MIT
#include "kpisparkline.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace Mesh {

KpiSparkline::KpiSparkline(bool large, QWidget *parent) : QChartView(parent), m_large(large)
{
    setRenderHint(QPainter::Antialiasing);
    auto *c = new QChart;
    c->legend()->hide();
    c->setBackgroundVisible(false);
    c->setMargins(large ? QMargins(4, 4, 4, 4) : QMargins(0, 0, 0, 0));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    QChart *defaultChart = chart(); // setChart() releases it without deleting it
    setChart(c);
    delete defaultChart;
    setFrameShape(QFrame::NoFrame);
    setStyleSheet(QStringLiteral("background: transparent"));
    setMinimumHeight(large ? 220 : 70);
    if (!large)
        setMaximumHeight(130);
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_TransparentForMouseEvents, !large); // clicks go to the tile
}

void KpiSparkline::setPoints(const QList<KpiPoint> &all, std::optional<double> target,
                             const QColor &color, int maxPoints)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis); // gives up ownership without deleting (LeakSanitizer)
        delete axis;
    }
    QList<KpiPoint> points = all.mid(std::max<qsizetype>(0, all.size() - maxPoints));
    m_points = int(points.size());
    auto *line = new QLineSeries;
    line->setName(tr("value"));
    auto *dots = new QScatterSeries;
    dots->setMarkerSize(m_large ? 7 : 5);
    double lo = 0, hi = 0;
    bool first = true;
    QStringList categories;
    for (int i = 0; i < points.size(); ++i) {
        categories << points.at(i).period;
        if (!points.at(i).value)
            continue;
        const double v = *points.at(i).value;
        line->append(i, v);
        lo = first ? v : std::min(lo, v);
        hi = first ? v : std::max(hi, v);
        first = false;
    }
    if (!line->points().isEmpty())
        dots->append(line->points().constLast());
    QPen pen(color);
    pen.setWidthF(m_large ? 2.5 : 2.0);
    line->setPen(pen);
    dots->setColor(color);
    dots->setBorderColor(color);
    c->addSeries(line);
    c->addSeries(dots);
    QLineSeries *targetLine = nullptr;
    if (target && points.size() > 0) {
        targetLine = new QLineSeries;
        targetLine->setName(tr("target"));
        targetLine->append(0, *target);
        targetLine->append(std::max<qsizetype>(1, points.size() - 1), *target);
        QPen tp(palette().color(QPalette::WindowText));
        tp.setStyle(Qt::DashLine);
        tp.setWidthF(1.0);
        targetLine->setPen(tp);
        c->addSeries(targetLine);
        lo = first ? *target : std::min(lo, *target);
        hi = first ? *target : std::max(hi, *target);
    }
    const double pad = (hi - lo) * 0.12 + (hi == lo ? std::max(1e-9, std::abs(hi) * 0.1) : 0);
    auto *y = new QValueAxis;
    y->setRange(lo - pad, hi + pad);
    auto *x = new QValueAxis;
    // Matches QBarCategoryAxis's own range, so labels sit under their points.
    x->setRange(-0.5, std::max<double>(1, double(points.size())) - 0.5);
    if (m_large) {
        auto *cat = new QBarCategoryAxis;
        cat->append(categories);
        cat->setLabelsAngle(categories.size() > 8 ? -90 : 0);
        c->addAxis(cat, Qt::AlignBottom);
        x->setVisible(false);
        y->setLabelFormat(QStringLiteral("%.3g"));
    } else {
        x->setVisible(false);
        y->setVisible(false);
    }
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : c->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    applyPalette();
}

void KpiSparkline::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void KpiSparkline::applyPalette()
{
    const QColor text = palette().color(QPalette::WindowText);
    for (QAbstractSeries *series : chart()->series()) {
        if (series->name() != tr("target"))
            continue;
        auto *line = static_cast<QLineSeries *>(series);
        QPen pen = line->pen();
        pen.setColor(text);
        line->setPen(pen);
    }
    for (QAbstractAxis *axis : chart()->axes()) {
        axis->setLabelsColor(text);
        axis->setGridLineColor(palette().color(QPalette::Mid));
        axis->setLinePenColor(palette().color(QPalette::Mid));
    }
}

} // namespace Mesh
