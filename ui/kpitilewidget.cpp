// SPDX-License-Identifier: MIT
#include "kpitilewidget.h"

#include "kpisparkline.h"
#include "theme.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace Mesh {

QColor kpiStatusColor(KpiTile::Status status)
{
    switch (status) {
    case KpiTile::Status::Green:
        return QColor(0x2e, 0x9d, 0x5b);
    case KpiTile::Status::Amber:
        return QColor(0xd9, 0x9a, 0x00);
    case KpiTile::Status::Red:
        return QColor(0xd6, 0x45, 0x45);
    case KpiTile::Status::Warning:
        return QColor(0xe0, 0x7b, 0x00);
    case KpiTile::Status::Error:
        return QColor(0xc0, 0x39, 0x2b);
    case KpiTile::Status::NoTarget:
        return QColor(0x7a, 0x86, 0x9a);
    }
    return {};
}

QString kpiStatusText(KpiTile::Status status)
{
    switch (status) {
    case KpiTile::Status::Green:
        return KpiTileWidget::tr("On target");
    case KpiTile::Status::Amber:
        return KpiTileWidget::tr("Watch");
    case KpiTile::Status::Red:
        return KpiTileWidget::tr("Off target");
    case KpiTile::Status::Warning:
        return KpiTileWidget::tr("Warning");
    case KpiTile::Status::Error:
        return KpiTileWidget::tr("Error");
    case KpiTile::Status::NoTarget:
        return KpiTileWidget::tr("No target");
    }
    return {};
}

QColor kpiInputColor(KpiInputStatus::State state)
{
    switch (state) {
    case KpiInputStatus::State::Fresh:
        return kpiStatusColor(KpiTile::Status::Green);
    case KpiInputStatus::State::NoSla:
        return kpiStatusColor(KpiTile::Status::NoTarget);
    case KpiInputStatus::State::Stale:
        return kpiStatusColor(KpiTile::Status::Warning);
    case KpiInputStatus::State::Missing:
    case KpiInputStatus::State::Failing:
        return kpiStatusColor(KpiTile::Status::Error);
    }
    return {};
}

namespace {

QString ageText(double hours)
{
    if (hours < 1)
        return KpiTileWidget::tr("<1 h");
    if (hours < 48)
        return KpiTileWidget::tr("%1 h").arg(qRound(hours));
    return KpiTileWidget::tr("%1 d").arg(qRound(hours / 24));
}

} // namespace

KpiTileWidget::KpiTileWidget(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("kpiTile"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setMinimumSize(300, 250);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 14, 12);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setFont(Theme::sectionFont(font()));
    m_title->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("kpiStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    top->addWidget(m_title, 1);
    top->addWidget(m_status, 0, Qt::AlignTop);
    layout->addLayout(top);

    auto *valueRow = new QHBoxLayout;
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("kpiValue"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    m_value->setFont(big);
    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("kpiChange"));
    QFont changeFont = font();
    changeFont.setBold(true);
    m_change->setFont(changeFont);
    valueRow->addWidget(m_value);
    valueRow->addSpacing(8);
    valueRow->addWidget(m_change, 0, Qt::AlignBottom);
    valueRow->addStretch();
    layout->addLayout(valueRow);

    m_target = new QLabel(this);
    m_secondary = new QLabel(this);
    for (QLabel *l : {m_target, m_secondary})
        l->setFont(Theme::smallFont(font()));
    layout->addWidget(m_target);
    layout->addWidget(m_secondary);

    m_sparkline = new KpiSparkline(false, this);
    layout->addWidget(m_sparkline, 1);

    m_inputs = new QLabel(this);
    m_inputs->setWordWrap(true);
    m_inputs->setFont(Theme::smallFont(font()));
    m_inputs->setTextFormat(Qt::RichText);
    layout->addWidget(m_inputs);
    m_alerts = new QLabel(this);
    m_alerts->setObjectName(QStringLiteral("kpiAlerts"));
    m_alerts->setWordWrap(true);
    m_alerts->setFont(Theme::smallFont(font()));
    m_alerts->setVisible(false);
    layout->addWidget(m_alerts);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("kpiReason"));
    m_reason->setWordWrap(true);
    m_reason->setFont(Theme::smallFont(font()));
    layout->addWidget(m_reason);
}

QString kpiAlertLine(const AffectingAlert &a, const KpiTile &tile)
{
    const QString product = tile.productName(a.alert.finding.productKey);
    const QString where =
        a.distance == 0 ? product
        : a.distance == 1
            ? KpiTileWidget::tr("%1 (input)").arg(product)
            : KpiTileWidget::tr("%1 (%2 steps upstream)").arg(product).arg(a.distance);
    return KpiTileWidget::tr("%1: %2 — %3")
        .arg(where, QualityFinding::kindName(a.alert.finding.kind), a.alert.finding.title);
}

void KpiTileWidget::setTile(const KpiTile &tile, KpiGrain grain)
{
    m_tile = tile;
    const KpiDefinition &def = tile.definition;
    m_title->setText(def.name);
    m_status->setText(QLatin1Char(' ') + kpiStatusText(tile.status) + QLatin1Char(' '));
    const bool broken = tile.status == KpiTile::Status::Error;
    m_value->setText(broken ? tr("—") : KpiFormat::value(tile.value, def.unit));
    const auto change = tile.change();
    if (change && !broken) {
        const bool up = *change > 0;
        const bool good = (*change > 0) == def.higherIsBetter;
        const QColor c = *change == 0 ? Theme::mutedTextColor(this)
                                      : kpiStatusColor(good ? KpiTile::Status::Green
                                                            : KpiTile::Status::Red);
        m_change->setText(QStringLiteral("%1 %2\n%3")
                              .arg(*change == 0 ? QStringLiteral("■") : up ? QStringLiteral("▲") : QStringLiteral("▼"),
                                   KpiFormat::change(change, tile.changeIsRelative()),
                                   tr("vs %1").arg(tile.previousPeriod)));
        m_change->setStyleSheet(QStringLiteral("color: %1").arg(c.name()));
    } else {
        m_change->setText(tile.previousPeriod.isEmpty() ? QString() : tr("no %1 to compare").arg(tile.previousPeriod));
        m_change->setStyleSheet(QStringLiteral("color: %1").arg(Theme::mutedTextColor(this).name()));
    }
    m_target->setText(tile.target ? tr("%1 · target %2 (%3)")
                                        .arg(tile.period.isEmpty() ? KpiPeriod::grainName(grain) : tile.period,
                                             KpiFormat::value(tile.target, def.unit),
                                             kpiStatusText(tile.targetStatus).toLower())
                                  : tile.period);
    m_secondary->setText(def.secondaryLabel.isEmpty()
                             ? QString()
                             : QStringLiteral("%1: %2").arg(def.secondaryLabel,
                                                            KpiFormat::value(tile.secondary, def.secondaryUnit)));
    m_secondary->setVisible(!def.secondaryLabel.isEmpty());
    m_sparkline->setPoints(tile.series, tile.target, kpiStatusColor(tile.targetStatus));
    QStringList inputs;
    for (const KpiInputStatus &in : tile.inputs)
        inputs << QStringLiteral("<span style='color:%1'>●</span>&nbsp;%2&nbsp;%3")
                      .arg(kpiInputColor(in.state).name(), in.name.toHtmlEscaped(),
                           in.state == KpiInputStatus::State::Missing ||
                                   in.state == KpiInputStatus::State::Failing
                               ? tr("failing")
                               : ageText(in.ageHours));
    m_inputs->setText(tr("Inputs: ") + inputs.join(QStringLiteral(" · ")));
    m_inputs->setToolTip([&] {
        QStringList lines;
        for (const KpiInputStatus &in : tile.inputs)
            lines << in.reason;
        return lines.join(QLatin1Char('\n'));
    }());
    m_reason->setText(tile.reason.isEmpty() ? QString() : QStringLiteral("⚠ ") + tile.reason);
    m_reason->setVisible(!tile.reason.isEmpty());
    if (tile.alerts.isEmpty()) {
        m_alerts->clear();
        m_alerts->setToolTip(QString());
    } else {
        const QStringList products = tile.alertProducts();
        const QString kinds = tile.alertKinds().join(QStringLiteral(", "));
        const QString on = products.size() <= 2
                               ? products.join(QStringLiteral(", "))
                               : tr("%1 and %2 more").arg(products.first()).arg(products.size() - 1);
        m_alerts->setText(tile.alerts.size() == 1
                              ? tr("⚑ 1 quality alert: %1 · on %2").arg(kinds, on)
                              : tr("⚑ %1 quality alerts: %2 · on %3")
                                    .arg(tile.alerts.size())
                                    .arg(kinds, on));
        QStringList lines{tr("Live quality alerts this number may rest on:")};
        for (const AffectingAlert &a : tile.alerts)
            lines << QStringLiteral("• ") + kpiAlertLine(a, tile);
        m_alerts->setToolTip(lines.join(QLatin1Char('\n')));
    }
    m_alerts->setVisible(!tile.alerts.isEmpty());
    QString accessible =
        QStringLiteral("%1: %2, %3").arg(def.name, m_value->text(), kpiStatusText(tile.status));
    if (!tile.alerts.isEmpty())
        accessible += QStringLiteral(", ") + m_alerts->text();
    setAccessibleName(accessible);
    setToolTip(def.description);
    applyStyle();
}

void KpiTileWidget::applyStyle()
{
    // Only the small labels carry style sheets; the tile paints itself (paintEvent), so the
    // labels keep their own fonts and size hints.
    const QColor status = kpiStatusColor(m_tile.status);
    const QString key = status.name() + palette().color(QPalette::WindowText).name();
    if (key == m_appliedStyle)
        return;
    m_appliedStyle = key;
    m_status->setStyleSheet(QStringLiteral("background: %1; color: white; border-radius: 8px; "
                                           "padding: 2px 8px; font-weight: bold;")
                                .arg(status.name()));
    m_alerts->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                .arg(kpiStatusColor(KpiTile::Status::Warning).name()));
    m_reason->setStyleSheet(QStringLiteral("color: %1").arg(
        m_tile.status == KpiTile::Status::Error ? kpiStatusColor(KpiTile::Status::Error).name()
                                                : kpiStatusColor(KpiTile::Status::Warning).name()));
    update();
}

void KpiTileWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath outline;
    outline.addRoundedRect(r, 6, 6);
    p.fillPath(outline, palette().color(QPalette::Base));
    p.save();
    p.setClipPath(outline);
    p.fillRect(QRectF(r.left(), r.top(), 6, r.height()), kpiStatusColor(m_tile.status));
    p.restore();
    QPen pen(hasFocus() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid));
    pen.setWidthF(hasFocus() ? 2.0 : 1.0);
    p.setPen(pen);
    p.drawPath(outline);
}

void KpiTileWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit activated(m_tile.definition.key);
    QFrame::mouseReleaseEvent(event);
}

void KpiTileWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        emit activated(m_tile.definition.key);
        return;
    }
    QFrame::keyPressEvent(event);
}

void KpiTileWidget::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_tile.definition.key.isEmpty())
        applyStyle();
    if (event->type() == QEvent::ActivationChange)
        update();
}

} // namespace Mesh
