// SPDX-License-Identifier: MIT
#include "kpidashboardwindow.h"

#include "kpidashboardworker.h"
#include "kpidrilldialog.h"
#include "kpieditordialog.h"
#include "kpitilewidget.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QToolButton>

namespace Mesh {

namespace {
constexpr int kColumns = 3;
}

KpiDashboardWindow::KpiDashboardWindow(const QString &catalogPath, QWidget *parent)
    : QMainWindow(parent), m_catalogPath(catalogPath)
{
    setObjectName(QStringLiteral("kpiDashboardWindow"));
    setWindowTitle(tr("KPI Dashboard — %1").arg(QFileInfo(catalogPath).fileName()));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1180, 860);

    QToolBar *bar = addToolBar(tr("Dashboard"));
    bar->setObjectName(QStringLiteral("kpiDashboardToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" Period: "), bar));
    m_grainBox = new QComboBox(bar);
    m_grainBox->setObjectName(QStringLiteral("kpiGrain"));
    m_grainBox->addItem(tr("Month"), int(KpiGrain::Month));
    m_grainBox->addItem(tr("Quarter"), int(KpiGrain::Quarter));
    m_grainBox->addItem(tr("Year"), int(KpiGrain::Year));
    bar->addWidget(m_grainBox);
    bar->addWidget(new QLabel(tr("  Department: "), bar));
    m_domainBox = new QComboBox(bar);
    m_domainBox->setObjectName(QStringLiteral("kpiDomain"));
    m_domainBox->addItem(tr("All departments"), QString());
    m_domainBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_domainBox);
    bar->addSeparator();
    QAction *refreshAction = bar->addAction(tr("Refresh"), this, [this] { refresh(false); });
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Reload the inputs that changed and recompute their KPIs (F5)"));
    QAction *editAction = bar->addAction(tr("Edit KPI…"), this, [this] {
        openEditor(m_tiles.isEmpty() ? QString() : m_tiles.first()->tile().definition.key);
    });
    editAction->setObjectName(QStringLiteral("kpiEditAction"));
    bar->addSeparator();
    bar->addAction(tr("Export PNG…"), this, [this] { chooseExport(false); });
    bar->addAction(tr("Export PDF…"), this, [this] { chooseExport(true); });
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_progress = new QProgressBar(bar);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    bar->addWidget(m_progress);
    m_cancel = new QToolButton(bar);
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    bar->addWidget(m_cancel);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(scroll);
    m_grid->setObjectName(QStringLiteral("kpiGrid"));
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(16, 16, 16, 16);
    m_gridLayout->setSpacing(14);
    m_empty = new QLabel(tr("Loading the KPIs…"), m_grid);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_gridLayout->addWidget(m_empty, 0, 0, 1, kColumns);
    scroll->setWidget(m_grid);
    setCentralWidget(scroll);
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("kpiWorker"));
    m_worker = new KpiDashboardWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();

    connect(m_worker, &KpiDashboardWorker::opened, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_empty->setText(tr("The KPIs cannot be shown: %1").arg(error));
            m_empty->show();
            return;
        }
        m_opened = true;
        requestDashboard(); // what the rollups already hold, at once
        refresh(false);     // then whatever changed
    });
    connect(m_worker, &KpiDashboardWorker::dashboardReady, this, &KpiDashboardWindow::showDashboard);
    connect(m_worker, &KpiDashboardWorker::refreshed, this, &KpiDashboardWindow::onRefreshed);
    connect(m_worker, &KpiDashboardWorker::progress, this, [this](int done, int total, const QString &what) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        if (!what.isEmpty())
            m_status->setText(what + QStringLiteral("…"));
    });
    connect(m_worker, &KpiDashboardWorker::drillReady, this,
            [this](const QString &key, const QString &period, const KpiQueryResult &breakdown,
                   const KpiQueryResult &rows) {
                if (m_drill && m_drill->kpiKey() == key)
                    m_drill->setDrill(period, breakdown, rows);
            });
    connect(m_cancel, &QToolButton::clicked, this, [this] { m_worker->cancel.store(true); });
    connect(m_grainBox, &QComboBox::currentIndexChanged, this, [this] { requestDashboard(); });
    connect(m_domainBox, &QComboBox::currentIndexChanged, this, [this] { requestDashboard(); });

    QMetaObject::invokeMethod(m_worker, [w = m_worker, path = catalogPath] { w->open(path); });
}

KpiDashboardWindow::~KpiDashboardWindow()
{
    m_worker->cancel.store(true);
    m_thread->quit();
    m_thread->wait();
}

KpiGrain KpiDashboardWindow::grain() const
{
    return KpiGrain(m_grainBox->currentData().toInt());
}

void KpiDashboardWindow::setGrain(KpiGrain grain)
{
    m_grainBox->setCurrentIndex(m_grainBox->findData(int(grain)));
}

void KpiDashboardWindow::setDomain(const QString &domain)
{
    int i = m_domainBox->findData(domain);
    if (i < 0) {
        m_domainBox->addItem(domain, domain);
        i = m_domainBox->count() - 1;
    }
    m_domainBox->setCurrentIndex(i);
}

void KpiDashboardWindow::refresh(bool force)
{
    if (!m_opened || m_busy)
        return;
    m_busy = true;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_status->setText(tr("Refreshing the KPI inputs…"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, force] { w->refresh(force); });
}

void KpiDashboardWindow::onRefreshed(const KpiRefreshReport &report)
{
    m_busy = false;
    m_progress->hide();
    m_cancel->hide();
    QString text = report.cancelled
                       ? tr("Refresh cancelled; the tiles show the last computed values.")
                       : tr("Inputs: %1 reloaded, %2 unchanged, %3 failing · KPIs: %4 recomputed, %5 up to date, %6 failing")
                             .arg(report.inputsLoaded)
                             .arg(report.inputsUnchanged)
                             .arg(report.inputsFailed)
                             .arg(report.kpisComputed)
                             .arg(report.kpisUnchanged)
                             .arg(report.kpisFailed);
    m_status->setText(text);
    m_status->setToolTip(report.problems.join(QLatin1Char('\n')));
    requestDashboard();
    emit refreshFinished(report);
}

void KpiDashboardWindow::requestDashboard()
{
    if (!m_opened)
        return;
    const KpiGrain g = grain();
    const QString domain = m_domainBox->currentData().toString();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, g, domain] { w->loadDashboard(g, domain); });
}

void KpiDashboardWindow::showDashboard(const KpiDashboard &dashboard)
{
    m_dashboard = dashboard;
    {
        const QSignalBlocker block(m_domainBox);
        const QString current = m_domainBox->currentData().toString();
        while (m_domainBox->count() > 1)
            m_domainBox->removeItem(1);
        for (const QString &d : dashboard.domains)
            m_domainBox->addItem(d, d);
        m_domainBox->setCurrentIndex(std::max(0, m_domainBox->findData(current)));
    }
    while (m_tiles.size() > dashboard.tiles.size())
        delete m_tiles.takeLast();
    while (m_tiles.size() < dashboard.tiles.size()) {
        auto *tile = new KpiTileWidget(m_grid);
        connect(tile, &KpiTileWidget::activated, this, &KpiDashboardWindow::openDrillDown);
        m_tiles << tile;
    }
    for (int i = 0; i < m_tiles.size(); ++i) {
        m_tiles.at(i)->setTile(dashboard.tiles.at(i), dashboard.grain);
        m_gridLayout->addWidget(m_tiles.at(i), 1 + i / kColumns, i % kColumns);
    }
    m_empty->setVisible(dashboard.tiles.isEmpty());
    if (dashboard.tiles.isEmpty())
        m_empty->setText(tr("No KPIs to show. A catalog gets KPIs through its KPI data products; "
                            "the Messy Inc. demo has six."));
    if (m_drill) {
        for (const KpiTile &t : dashboard.tiles)
            if (t.definition.key == m_drill->kpiKey())
                m_drill->setTile(t, dashboard.grain);
    }
    emit dashboardShown();
}

void KpiDashboardWindow::openDrillDown(const QString &kpiKey)
{
    const KpiTile *tile = nullptr;
    for (const KpiTile &t : m_dashboard.tiles)
        if (t.definition.key == kpiKey)
            tile = &t;
    if (!tile)
        return;
    if (!m_drill) {
        m_drill = new KpiDrillDialog(this);
        m_drill->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_drill, &KpiDrillDialog::periodRequested, this, [this](const QString &period) {
            const KpiDefinition def = m_drill->tile().definition;
            const KpiGrain g = m_dashboard.grain;
            QMetaObject::invokeMethod(m_worker, [w = m_worker, def, g, period] { w->drill(def, g, period); });
        });
        connect(m_drill, &KpiDrillDialog::productRequested, this, &KpiDashboardWindow::productRequested);
        connect(m_drill, &KpiDrillDialog::lineageRequested, this, &KpiDashboardWindow::lineageRequested);
        connect(m_drill, &KpiDrillDialog::editRequested, this, &KpiDashboardWindow::openEditor);
    }
    m_drill->setTile(*tile, m_dashboard.grain);
    m_drill->show();
    m_drill->raise();
    const KpiDefinition def = tile->definition;
    const KpiGrain g = m_dashboard.grain;
    const QString period = tile->period;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, def, g, period] { w->drill(def, g, period); });
}

void KpiDashboardWindow::openEditor(const QString &kpiKey)
{
    QList<KpiDefinition> defs;
    for (const KpiTile &t : m_dashboard.tiles)
        defs << t.definition;
    if (defs.isEmpty())
        return;
    auto *editor = new KpiEditorDialog(defs, kpiKey, m_userId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &KpiEditorDialog::testRunRequested, this, [this](const KpiDefinition &def) {
        const KpiGrain g = grain();
        QMetaObject::invokeMethod(m_worker, [w = m_worker, def, g] { w->testRun(def, g); });
    });
    connect(editor, &KpiEditorDialog::saveRequested, this, [this](const KpiDefinition &def) {
        const QString user = m_userId;
        QMetaObject::invokeMethod(m_worker, [w = m_worker, def, user] { w->save(def, user); });
    });
    connect(m_worker, &KpiDashboardWorker::testRunDone, editor, &KpiEditorDialog::showTestRun);
    connect(m_worker, &KpiDashboardWorker::saved, editor,
            [this, editor](bool ok, const QString &error, bool refused) {
                editor->showSaveResult(ok, error, refused);
                if (ok)
                    requestDashboard();
            });
    editor->show();
}

void KpiDashboardWindow::paintDashboard(QPainter *painter, const QRect &target) const
{
    // Header: what, which catalog, when — then the grid of tiles scaled to fit.
    const QPalette pal = palette();
    painter->fillRect(target, pal.color(QPalette::Window));
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    const int headerHeight = QFontMetrics(title).height() + QFontMetrics(font()).height() + 16;
    painter->setPen(pal.color(QPalette::WindowText));
    painter->setFont(title);
    painter->drawText(target.adjusted(16, 8, -16, 0), Qt::AlignLeft | Qt::AlignTop,
                      tr("%1 — KPI Dashboard").arg(m_dashboard.catalogName));
    painter->setFont(font());
    painter->drawText(target.adjusted(16, 8 + QFontMetrics(title).height(), -16, 0),
                      Qt::AlignLeft | Qt::AlignTop,
                      tr("By %1, as of %2 · exported %3")
                          .arg(KpiPeriod::grainName(m_dashboard.grain),
                               m_dashboard.asOf.toString(Qt::ISODate),
                               QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"))));
    const QRect area = target.adjusted(0, headerHeight, 0, 0);
    const QSize size = m_grid->size();
    const double scale = std::min(double(area.width()) / size.width(), double(area.height()) / size.height());
    painter->save();
    painter->translate(area.topLeft());
    painter->scale(scale, scale);
    m_grid->render(painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter->restore();
}

QImage KpiDashboardWindow::renderImage() const
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // tiles sized to their text
    const QSize grid = m_grid->size();
    const int header = QFontMetrics(font()).height() * 3 + 24;
    const qreal dpr = 2.0;
    QImage image(QSize(grid.width(), grid.height() + header) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Window));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    paintDashboard(&p, QRect(QPoint(0, 0), QSize(grid.width(), grid.height() + header)));
    return image;
}

bool KpiDashboardWindow::exportPng(const QString &path, QString *error) const
{
    if (renderImage().save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Could not write %1; choose a folder you can write to.").arg(path);
    return false;
}

bool KpiDashboardWindow::exportPdf(const QString &path, QString *error) const
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    pdf.setTitle(tr("%1 — KPI Dashboard").arg(m_dashboard.catalogName));
    pdf.setCreator(QStringLiteral("Mesh Explorer"));
    pdf.setResolution(144);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QPainter p;
    if (!p.begin(&pdf)) {
        if (error)
            *error = tr("Could not write %1; choose a folder you can write to.").arg(path);
        return false;
    }
    // Paint in widget pixels scaled to the page, so text and charts stay vector.
    const QRect page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const QSize grid = m_grid->size();
    const int header = QFontMetrics(font()).height() * 3 + 24;
    const QSize logical(grid.width(), grid.height() + header);
    const double scale = std::min(double(page.width()) / logical.width(),
                                  double(page.height()) / logical.height());
    p.scale(scale, scale);
    paintDashboard(&p, QRect(QPoint(0, 0), logical));
    return p.end();
}

void KpiDashboardWindow::chooseExport(bool pdf)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("kpi-dashboard-%1.%2")
                             .arg(QDate::currentDate().toString(Qt::ISODate), pdf ? QStringLiteral("pdf")
                                                                                   : QStringLiteral("png"));
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Export dashboard as PDF") : tr("Export dashboard as PNG"),
        QDir(dir).filePath(name), pdf ? tr("PDF (*.pdf)") : tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(pdf ? exportPdf(path, &error) : exportPng(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        m_status->setText(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace Mesh
