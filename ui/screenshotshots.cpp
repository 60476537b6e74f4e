// SPDX-License-Identifier: MIT
// The README's screenshots, one row each: what state to put the application in and what to grab.
// A feature adds its picture by adding a row here; `scripts/screenshots` takes them all.
#include "screenshotdriver.h"

#include "aboutdialog.h"
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "accessinboxdialog.h"
#include "auditlogdialog.h"
#include "commandpalette.h"
#include "desktopcontroller.h"
#include "governancecontroller.h"
#include "kpidashboardcontroller.h"
#include "kpidashboardwindow.h"
#include "kpitilewidget.h"
#include "quality/alertlistmodel.h"
#include "alertspanel.h"
#include "lineage/lineagegraph.h"
#include "lineagecontroller.h"
#include "lineagewindow.h"
#include "mainwindow.h"
#include "preview/previewmodel.h"
#include "previewtab.h"
#include "productpage.h"
#include "shortcutsdialog.h"
#include "welcomedialog.h"

#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QPixmap>
#include <QTimer>

namespace Mesh {

namespace {

using Grab = ScreenshotDriver::Grab;

/** The first visible top-level widget of type T other than the main window. */
template <typename T> T *topLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

/** Signs in as one user after another (demo only), each asking for access to one product. */
void requestAs(ScreenshotDriver &d, AccessSession *access,
               QList<std::tuple<QString, QString, QString>> requests,
               const std::function<void()> &next)
{
    if (requests.isEmpty()) {
        next();
        return;
    }
    const auto [user, product, purpose] = requests.takeFirst();
    QObject::connect(
        access, &AccessSession::userChanged, &d,
        [&d, access, product = product, purpose = purpose, requests, next] {
            QObject::connect(
                access, &AccessSession::actionFinished, &d,
                [&d, access, requests, next] { requestAs(d, access, requests, next); },
                Qt::SingleShotConnection);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            access->request(product, {}, purpose, now, now.addDays(14));
        },
        Qt::SingleShotConnection);
    access->signInAs(user);
}

} // namespace

QList<ScreenshotDriver::Shot> ScreenshotDriver::shots()
{
    return {
        {QStringLiteral("main-window"),
         QStringLiteral("Searching \"gross margin\" with the first hit's Overview"),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.search(QStringLiteral("gross margin"), [&d, grab] {
                 d.window()->selectRow(0);
                 d.settle(600, [&d, grab] { grab(d.window()->grab()); });
             });
         }},
        {QStringLiteral("schema"), QStringLiteral("HubSpot Contacts' Schema tab with PII badges"),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.search(QStringLiteral("hubspot"), [&d, grab] {
                 d.showProduct(QStringLiteral("sales.hubspot-contacts"), QStringLiteral("Schema"),
                               [&d, grab] { grab(d.window()->grab()); });
             });
         }},
        {QStringLiteral("preview"),
         QStringLiteral("HubSpot Contacts' sample, masked, with a profile"),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.search(QStringLiteral("hubspot"), [&d, grab] {
                 d.showProduct(QStringLiteral("sales.hubspot-contacts"), QStringLiteral("Preview"),
                               [&d, grab] {
                                   auto *tab = d.window()->productPage()->findChild<PreviewTab *>();
                                   d.waitUntil(
                                       [tab] {
                                           return tab && tab->model()->rowCount() > 0 &&
                                                  !tab->model()->isLoading();
                                       },
                                       10000,
                                       [&d, grab] {
                                           d.settle(800, [&d, grab] { grab(d.window()->grab()); });
                                       });
                               });
             });
         }},
        {QStringLiteral("lineage"),
         QStringLiteral("The Lineage window around the Gross Margin KPI"),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.showProduct(QStringLiteral("kpi.gross-margin"), {}, [&d, grab] {
                 auto *lineage = d.window()->findChild<LineageController *>();
                 lineage->openWindow(QStringLiteral("kpi.gross-margin"));
                 auto *window = topLevel<LineageWindow>();
                 if (!window) {
                     grab({});
                     return;
                 }
                 window->resize(1280, 640);
                 // Once drawn, show everything upstream, then the path from NetSuite Customers.
                 QObject::connect(
                     window, &LineageWindow::graphShown, &d,
                     [&d, grab, window](int) {
                         QObject::connect(
                             window, &LineageWindow::graphShown, &d,
                             [&d, grab, window](int) {
                                 window->showPathTo(QStringLiteral("finance.netsuite-customers"));
                                 d.settle(1200, [grab, window] { grab(window->grab()); });
                             },
                             Qt::SingleShotConnection);
                         window->setDepths(LineageGraph::kAll, 1);
                     },
                     Qt::SingleShotConnection);
             });
         }},
        {QStringLiteral("access-inbox"),
         QStringLiteral("Maria Lopez's access inbox with two requests waiting"),
         [](ScreenshotDriver &d, const Grab &grab) {
             auto *access = d.window()->findChild<AccessController *>();
             requestAs(d, access->session(),
                       {{QStringLiteral("kenji.watanabe"), QStringLiteral("sales.hubspot-contacts"),
                         QStringLiteral("Churn model: join contacts to support tickets")},
                        {QStringLiteral("amara.okafor"), QStringLiteral("sales.hubspot-companies"),
                         QStringLiteral("Board pack: customers by segment")}},
                       [&d, grab, access] {
                           QObject::connect(
                               access->session(), &AccessSession::userChanged, &d,
                               [&d, grab, access] {
                                   QWidget *inbox = access->showInbox();
                                   inbox->resize(1040, 620);
                                   d.settle(1200, [grab, inbox] { grab(inbox->grab()); });
                               },
                               Qt::SingleShotConnection);
                           access->session()->signInAs(QStringLiteral("maria.lopez"));
                       });
         }},
        {QStringLiteral("audit-log"), QStringLiteral("The audit log after those requests"),
         [](ScreenshotDriver &d, const Grab &grab) {
             auto *access = d.window()->findChild<AccessController *>();
             QWidget *audit = access->showAuditLog();
             audit->resize(1180, 640);
             d.settle(1200, [grab, audit] { grab(audit->grab()); });
         }},
        {QStringLiteral("empty-state"), QStringLiteral("A search that finds nothing"),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.search(QStringLiteral("quarterly unicorn budget"),
                      [&d, grab] { grab(d.window()->grab()); });
         }},
        {QStringLiteral("command-palette"),
         QStringLiteral("The command palette (Ctrl+Shift+P) looking for \"lineage\""),
         [](ScreenshotDriver &d, const Grab &grab) {
             d.search(QString(), [&d, grab] {
                 d.showProduct(QStringLiteral("finance.gross-margin"), QStringLiteral("Overview"),
                               [&d, grab] {
                                   CommandPalette *palette =
                                       DesktopController::of(d.window())->showCommandPalette();
                                   palette->searchField()->setText(QStringLiteral("lineage"));
                                   d.settle(300, [&d, grab, palette] {
                                       grab(ScreenshotDriver::composite(d.window(), palette));
                                   });
                               });
             });
         }},
        {QStringLiteral("keyboard-shortcuts"), QStringLiteral("Help → Keyboard Shortcuts"),
         [](ScreenshotDriver &d, const Grab &grab) {
             QWidget *dialog = DesktopController::of(d.window())->showShortcuts();
             d.settle(300, [grab, dialog] { grab(dialog->grab()); });
         }},
        {QStringLiteral("welcome"), QStringLiteral("The first-run welcome"),
         [](ScreenshotDriver &d, const Grab &grab) {
             QWidget *dialog = DesktopController::of(d.window())->showWelcome();
             d.settle(300, [grab, dialog] { grab(dialog->grab()); });
         }},
        {QStringLiteral("kpi-dashboard-alerts"),
         QStringLiteral("The KPI dashboard after the quality scan: tiles warn about alerts upstream"),
         [](ScreenshotDriver &d, const Grab &grab) {
             auto *governance = d.window()->findChild<GovernanceController *>();
             // The scan that runs when the catalog opens, then the dashboard with its refresh.
             d.waitUntil(
                 [governance] { return governance->alertsPanel()->model()->rowCount() > 0; },
                 60000, [&d, grab] {
                     KpiDashboardWindow *dash =
                         d.window()->findChild<KpiDashboardController *>()->openDashboard();
                     if (!dash) {
                         grab({});
                         return;
                     }
                     dash->resize(1300, 900);
                     d.waitUntil(
                         [dash] {
                             if (dash->isBusy() || dash->tiles().isEmpty())
                                 return false;
                             for (KpiTileWidget *t : dash->tiles())
                                 if (!t->tile().alerts.isEmpty())
                                     return true;
                             return false;
                         },
                         60000,
                         [&d, grab, dash] { d.settle(800, [grab, dash] { grab(dash->grab()); }); });
                 });
         }},
        {QStringLiteral("about"), QStringLiteral("Help → About with the library versions"),
         [](ScreenshotDriver &d, const Grab &grab) {
             QWidget *dialog = DesktopController::of(d.window())->showAbout();
             d.settle(300, [grab, dialog] { grab(dialog->grab()); });
         }},
    };
}

} // namespace Mesh
