// SPDX-License-Identifier: MIT
#include "governancecontroller.h"

#include "access/accesssession.h"
#include "accesscontroller.h"
#include "alertspanel.h"
#include "catalog/sqlitecatalogstore.h"
#include "governance/governanceservice.h"
#include "governanceview.h"
#include "mainwindow.h"
#include "productpage.h"
#include "quality/qualityservice.h"
#include "qualitytab.h"
#include "session/catalogsession.h"
#include "team/teamalerts.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

namespace {

/** Runs work on the thread pool and hands its result to done on the receiver's thread. */
template <typename Result, typename Work, typename Done>
void runAsync(QObject *receiver, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, receiver, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(work));
}

/** Each worker opens its own connection: SQLite connections are not shared across threads. */
std::unique_ptr<SqliteCatalogStore> openStore(const QString &path, QString *error)
{
    CatalogError e;
    auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &e);
    if (!store)
        store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &e);
    if (!store && error)
        *error = e.message;
    return store;
}

struct AlertsResult
{
    QList<QualityAlert> alerts;
    QString error;
    QualityScanSummary summary;
    TeamAlertReport team; // a team cache: what was reported to the team server
};

struct GovernanceResult
{
    GovernanceReport report;
    QStringList domains;
    QString error;
    bool cancelled = false;
};

struct AffectingResult
{
    QString productKey;
    QList<AffectingAlert> alerts;
};

} // namespace

GovernanceController::GovernanceController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("governanceController"));

    m_governanceAction = new QAction(tr("&Governance Report…"), this);
    m_governanceAction->setObjectName(QStringLiteral("governanceAction"));
    m_governanceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_governanceAction->setEnabled(false);
    connect(m_governanceAction, &QAction::triggered, this, &GovernanceController::showGovernance);
    m_scanAction = new QAction(tr("&Scan for Quality Alerts"), this);
    m_scanAction->setObjectName(QStringLiteral("scanAlertsAction"));
    m_scanAction->setEnabled(false);
    connect(m_scanAction, &QAction::triggered, this, &GovernanceController::scan);

    m_panel = new AlertsPanel(true);
    m_dock = new QDockWidget(tr("Quality Alerts"), window);
    m_dock->setObjectName(QStringLiteral("alertsDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Quality &Alerts Panel"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    auto *menu = new QMenu(tr("&Governance"), window);
    menu->setObjectName(QStringLiteral("governanceMenu"));
    menu->addAction(m_governanceAction);
    menu->addAction(toggle);
    menu->addAction(m_scanAction);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);

    m_badge = new QToolButton(window);
    m_badge->setObjectName(QStringLiteral("alertsBadge"));
    m_badge->setAccessibleName(tr("Open quality alerts"));
    m_badge->setAutoRaise(true);
    m_badge->setToolTip(tr("Quality alerts: show the panel"));
    m_badge->hide();
    connect(m_badge, &QToolButton::clicked, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
    window->statusBar()->addPermanentWidget(m_badge);

    m_tab = new QualityTab;
    window->productPage()->addPage(m_tab, tr("&Quality"));
    connect(m_tab, &QualityTab::alertsWanted, this, [this](const QString &key) {
        const QString path = m_path;
        runAsync<AffectingResult>(
            this,
            [path, key] {
                AffectingResult r{key, {}};
                if (auto store = openStore(path, nullptr))
                    r.alerts = QualityService(*store).alertsAffecting(key);
                return r;
            },
            [this](const AffectingResult &r) { m_tab->setAlerts(r.productKey, r.alerts); });
    });
    auto open = [this](const QString &key) { m_window->session()->loadProductByKey(key); };
    connect(m_tab, &QualityTab::productActivated, this, open);
    connect(m_panel, &AlertsPanel::productActivated, this, open);
    connect(m_panel, &AlertsPanel::rescanRequested, this, &GovernanceController::scan);
    connect(m_panel, &AlertsPanel::cancelScanRequested, this, &GovernanceController::cancelScan);
    connect(m_panel, &AlertsPanel::acknowledgeRequested, this,
            [this](qint64 id) { transition(id, false); });
    connect(m_panel, &AlertsPanel::resolveRequested, this,
            [this](qint64 id) { transition(id, true); });
    connect(m_tab->panel(), &AlertsPanel::acknowledgeRequested, this,
            [this](qint64 id) { transition(id, false); });
    connect(m_tab->panel(), &AlertsPanel::resolveRequested, this,
            [this](qint64 id) { transition(id, true); });

    connect(window->session(), &CatalogSession::opened, this,
            [this](const QString &, qint64) {
                const QString path = m_window->session()->path();
                const bool sameCatalog = path == m_path;
                m_path = path;
                m_governanceAction->setEnabled(true);
                m_scanAction->setEnabled(true);
                // A scan reads every sample: it runs in the worker whatever the catalog's size,
                // shows its progress and can be cancelled. A catalog reopened after a change
                // (a sync, an import) keeps the scan that is running.
                if (m_scanning) {
                    if (!sameCatalog) {
                        m_rescan = true;
                        m_cancelScan->store(true);
                    }
                } else {
                    scan();
                }
                if (m_view)
                    refreshGovernance();
            });
    connect(window, &MainWindow::productShown, this, &GovernanceController::focusPendingField);
}

QString GovernanceController::currentUser() const
{
    if (auto *access = m_window->findChild<AccessController *>())
        return access->session()->userId();
    return {};
}

void GovernanceController::scan()
{
    if (m_path.isEmpty() || m_scanning)
        return;
    m_scanning = true;
    m_rescan = false;
    m_cancelScan = std::make_shared<std::atomic<bool>>(false);
    m_panel->setScanning(true);
    m_panel->setStatus(tr("Scanning the products for quality problems…"));
    m_badge->setText(tr("⚠ Scanning…"));
    m_badge->setVisible(true);
    const QString path = m_path;
    const auto cancel = m_cancelScan;
    const QPointer<GovernanceController> self(this);
    const TeamRoute route = m_window->session()->teamRoute();
    runAsync<AlertsResult>(
        this,
        [path, cancel, self, route] {
            AlertsResult r;
            auto store = openStore(path, &r.error);
            if (!store)
                return r;
            QualityService service(*store);
            // Progress goes to the UI thread at most every 1 %, not once per product.
            int reported = -1;
            const auto progress = [self, &reported](int done, int total) {
                const int step = std::max(1, total / 100);
                if (done != total && done - reported < step)
                    return;
                reported = done;
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [self, done, total] {
                        if (self && self->m_scanning)
                            self->onScanProgress(done, total);
                    },
                    Qt::QueuedConnection);
            };
            if (!store->isReadOnly()) {
                r.summary = service.scan({}, cancel.get(), progress);
                // A team cache: the alerts this desktop raised go to the team server.
                r.team = TeamAlerts::reportNew(route, *store);
            }
            r.alerts = service.alerts();
            return r;
        },
        [this, path](const AlertsResult &r) {
            m_scanning = false;
            m_cancelScan.reset();
            m_panel->setScanning(false);
            if (m_rescan || path != m_path) {
                scan(); // another catalog was opened meanwhile
                return;
            }
            if (!r.error.isEmpty()) {
                m_badge->hide();
                m_panel->setStatus(tr("Alerts unavailable: %1").arg(r.error), true);
                return;
            }
            m_panel->setAlerts(r.alerts);
            QString status =
                r.summary.cancelled
                    ? tr("Scan cancelled after %1 products; %n open alert(s), %2 new. Press Scan "
                         "now to scan them all.",
                         nullptr, int(r.alerts.size()))
                          .arg(r.summary.products)
                          .arg(r.summary.raised)
                    : tr("%n open alert(s); scanned %1 products, %2 new.", nullptr,
                         int(r.alerts.size()))
                          .arg(r.summary.products)
                          .arg(r.summary.raised);
            if (!r.summary.problems.isEmpty())
                status +=
                    tr(" %n sample(s) could not be read.", nullptr, int(r.summary.problems.size()));
            if (!r.team.message.isEmpty())
                status += QLatin1Char(' ') + tr("Team server: %1").arg(r.team.message);
            m_panel->setStatus(status, !r.summary.problems.isEmpty() ||
                                           r.team.refused + r.team.failed > 0);
            m_badge->setText(tr("⚠ %n alert(s)", nullptr, int(r.alerts.size())));
            m_badge->setVisible(!r.alerts.isEmpty());
            if (!m_tab->productKey().isEmpty())
                emit m_tab->alertsWanted(m_tab->productKey());
            emit scanFinished(r.summary.cancelled, r.summary.products);
            emit alertsRefreshed(int(r.alerts.size()));
        });
}

void GovernanceController::onScanProgress(int done, int total)
{
    m_panel->setScanProgress(done, total);
    m_panel->setStatus(tr("Scanning the products for quality problems: %1 of %2…")
                           .arg(done)
                           .arg(total));
    m_badge->setText(tr("⚠ Scanning %1%…").arg(total > 0 ? done * 100 / total : 0));
    emit scanProgress(done, total);
}

void GovernanceController::cancelScan()
{
    if (!m_scanning || !m_cancelScan)
        return;
    m_cancelScan->store(true);
    m_panel->setStatus(tr("Cancelling the scan…"));
}

void GovernanceController::refreshAlerts()
{
    const QString path = m_path;
    runAsync<AlertsResult>(
        this,
        [path] {
            AlertsResult r;
            if (auto store = openStore(path, &r.error))
                r.alerts = QualityService(*store).alerts();
            return r;
        },
        [this](const AlertsResult &r) {
            if (!r.error.isEmpty())
                return;
            m_panel->setAlerts(r.alerts);
            m_badge->setText(tr("⚠ %n alert(s)", nullptr, int(r.alerts.size())));
            m_badge->setVisible(!r.alerts.isEmpty());
            if (!m_tab->productKey().isEmpty())
                emit m_tab->alertsWanted(m_tab->productKey());
            emit alertsRefreshed(int(r.alerts.size()));
        });
}

void GovernanceController::transition(qint64 alertId, bool resolve)
{
    const QString path = m_path;
    const QString user = currentUser();
    const TeamRoute route = m_window->session()->teamRoute();
    runAsync<AccessOutcome>(
        this,
        [path, user, alertId, resolve, route] {
            QString error;
            auto store = openStore(path, &error);
            if (!store)
                return AccessOutcome{AccessOutcome::Code::Failed, error, 0, 0};
            // A team cache: the server decides and keeps the alert's state.
            if (route.isSet() && TeamClient::isTeamCache(*store))
                return TeamAlerts::transition(route, *store, alertId, resolve);
            QualityService service(*store);
            return resolve ? service.resolve(user, alertId) : service.acknowledge(user, alertId);
        },
        [this](const AccessOutcome &o) {
            m_panel->setStatus(o.message, !o.ok());
            m_tab->panel()->setStatus(o.message, !o.ok());
            refreshAlerts();
        });
}

GovernanceView *GovernanceController::showGovernance()
{
    if (!m_dialog) {
        m_dialog = new QDialog(m_window);
        m_dialog->setObjectName(QStringLiteral("governanceDialog"));
        m_dialog->setWindowTitle(tr("Governance — compliance with the mesh's policies"));
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *layout = new QVBoxLayout(m_dialog);
        m_view = new GovernanceView(m_dialog);
        layout->addWidget(m_view);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_dialog);
        connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::close);
        layout->addWidget(buttons);
        connect(m_view, &GovernanceView::fixRequested, this, &GovernanceController::openField);
        connect(m_view, &GovernanceView::refreshRequested, this,
                &GovernanceController::refreshGovernance);
        connect(m_view, &GovernanceView::cancelRequested, this,
                &GovernanceController::cancelGovernance);
        connect(m_dialog, &QObject::destroyed, this, &GovernanceController::cancelGovernance);
        connect(m_view, &GovernanceView::policyChangeRequested, this,
                &GovernanceController::setPolicy);
        m_dialog->resize(1000, 640);
        refreshGovernance();
    }
    m_dialog->show();
    m_dialog->raise();
    return m_view;
}

void GovernanceController::refreshGovernance()
{
    if (!m_view)
        return;
    if (m_governanceCancel)
        m_governanceCancel->store(true); // a newer check replaces a running one
    m_view->showMessage(tr("Checking the catalog against its policies…"));
    m_view->setChecking(true);
    const QString path = m_path;
    const auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_governanceCancel = cancel;
    const QPointer<GovernanceController> self(this);
    runAsync<GovernanceResult>(
        this,
        [path, cancel, self] {
            GovernanceResult r;
            if (auto store = openStore(path, &r.error)) {
                int reported = -1;
                const auto progress = [self, cancel, &reported](int done, int total) {
                    if (done != total && done - reported < std::max(1, total / 100))
                        return;
                    reported = done;
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [self, cancel, done, total] {
                            if (self && self->m_view && self->m_governanceCancel == cancel)
                                self->m_view->setProgress(done, total);
                        },
                        Qt::QueuedConnection);
                };
                r.report = GovernanceService(*store).report(cancel.get(), progress, &r.cancelled);
                for (const Domain &d : store->domains())
                    r.domains.append(d.name);
            }
            return r;
        },
        [this, cancel](const GovernanceResult &r) {
            if (m_governanceCancel != cancel)
                return; // superseded by a newer check
            m_governanceCancel.reset();
            if (!m_view)
                return;
            m_view->setChecking(false);
            if (r.cancelled)
                m_view->showMessage(tr("Checking was cancelled. Press Refresh to check the "
                                       "catalog against its policies again."));
            else if (!r.error.isEmpty())
                m_view->showMessage(tr("The governance report is unavailable: %1").arg(r.error));
            else
                m_view->setReport(r.report);
            m_view->setDomains(r.domains);
            emit governanceRefreshed();
        });
}

void GovernanceController::cancelGovernance()
{
    if (m_governanceCancel)
        m_governanceCancel->store(true);
}

void GovernanceController::setPolicy(const GovernancePolicy &policy)
{
    const QString path = m_path;
    const QString user = currentUser();
    runAsync<AccessOutcome>(
        this,
        [path, user, policy] {
            QString error;
            auto store = openStore(path, &error);
            if (!store)
                return AccessOutcome{AccessOutcome::Code::Failed, error, 0, 0};
            return GovernanceService(*store).setPolicy(user, policy);
        },
        [this](const AccessOutcome &o) {
            if (!m_view)
                return;
            m_view->setPolicyStatus(o.ok() ? tr("Set: %1").arg(o.message) : o.message, !o.ok());
            if (o.ok())
                refreshGovernance();
        });
}

void GovernanceController::openField(const QString &productKey, const QString &field)
{
    m_pendingKey = productKey;
    m_pendingField = field;
    const auto &shown = m_window->productPage()->product();
    if (shown && shown->product.key == productKey)
        focusPendingField();
    else
        m_window->session()->loadProductByKey(productKey);
}

void GovernanceController::focusPendingField()
{
    ProductPage *page = m_window->productPage();
    if (m_pendingKey.isEmpty() || !page->product() || page->product()->product.key != m_pendingKey)
        return;
    const QString field = m_pendingField;
    m_pendingKey.clear();
    m_pendingField.clear();
    m_window->raise();
    m_window->activateWindow();
    QWidget *target = nullptr;
    if (field.startsWith(QStringLiteral("schema:"))) {
        page->setCurrentPage(QStringLiteral("schemaTab"));
        const QString column = field.section(QLatin1Char('/'), -1);
        if (auto *tree = page->findChild<QTreeWidget *>(QStringLiteral("schemaTree"))) {
            const QList<QTreeWidgetItem *> hits =
                tree->findItems(column, Qt::MatchExactly | Qt::MatchRecursive, 0);
            if (!hits.isEmpty()) {
                tree->setCurrentItem(hits.first());
                tree->scrollToItem(hits.first());
            }
            target = tree;
        }
    } else {
        page->setCurrentPage(QStringLiteral("overviewTab"));
        const QString name = field.section(QLatin1Char(':'), 1);
        static const QHash<QString, QString> widgets = {
            {QStringLiteral("owner"), QStringLiteral("productOwner")},
            {QStringLiteral("description"), QStringLiteral("productDescription")},
            {QStringLiteral("accessPolicy"), QStringLiteral("productAccessPolicy")},
            {QStringLiteral("key"), QStringLiteral("productKey")},
        };
        if (widgets.contains(name))
            target = page->findChild<QWidget *>(widgets.value(name));
    }
    if (!target)
        return;
    // Scroll to the field and flash it: what needs fixing is where the eye lands.
    for (QWidget *w = target->parentWidget(); w; w = w->parentWidget())
        if (auto *area = qobject_cast<QScrollArea *>(w)) {
            area->ensureWidgetVisible(target);
            break;
        }
    target->setFocus(Qt::OtherFocusReason);
    const QString before = target->styleSheet();
    target->setStyleSheet(before + QStringLiteral("; background: #fff3c4;"));
    QPointer<QWidget> guard(target);
    QTimer::singleShot(1500, this, [guard, before] {
        if (guard)
            guard->setStyleSheet(before);
    });
}

} // namespace Mesh
