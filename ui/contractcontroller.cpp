// SPDX-License-Identifier: MIT
#include "contractcontroller.h"

#include "access/accesssession.h"
#include "accesscontroller.h"
#include "catalog/sqlitecatalogstore.h"
#include "contract/contractservice.h"
#include "contractimportdialog.h"
#include "mainwindow.h"
#include "productpage.h"
#include "session/catalogsession.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

namespace {

struct ExportResult
{
    bool ok = false;
    QString message;
};

ExportResult runExport(const QString &catalog, const QString &productKey, const QString &path)
{
    CatalogError error;
    auto store = SqliteCatalogStore::open(catalog, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store)
        return {false, ContractController::tr("The catalog cannot be read: %1").arg(error.message)};
    QString problem;
    const std::optional<QByteArray> yaml = ContractService(*store).exportContract(productKey, &problem);
    if (!yaml)
        return {false, problem};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*yaml) != yaml->size() || !file.commit())
        return {false, ContractController::tr("Cannot write %1: %2. Choose another folder.")
                           .arg(QDir::toNativeSeparators(path), file.errorString())};
    return {true, ContractController::tr("Wrote the contract of %1 to %2.")
                      .arg(productKey, QDir::toNativeSeparators(path))};
}

} // namespace

ContractController::ContractController(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("contractController"));
    m_importAction = new QAction(tr("&Import Contract…"), this);
    m_importAction->setObjectName(QStringLiteral("importContractAction"));
    m_importAction->setToolTip(tr("Create or update a product from an ODCS v3 data contract"));
    m_importAction->setEnabled(false);
    connect(m_importAction, &QAction::triggered, this, &ContractController::showImport);
    m_exportAction = new QAction(tr("E&xport Contract…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportContractAction"));
    m_exportAction->setToolTip(tr("Save the shown product's contract as ODCS v3 YAML"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &ContractController::chooseExport);

    QMenu *edit = nullptr;
    for (QAction *a : window->menuBar()->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == tr("Edit"))
            edit = a->menu();
    if (edit) {
        edit->addSeparator();
        edit->addAction(m_importAction);
        edit->addAction(m_exportAction);
    }
    connect(window->session(), &CatalogSession::opened, this, [this] {
        m_importAction->setEnabled(true);
        m_exportAction->setEnabled(!shownProduct().isEmpty());
    });
    connect(window, &MainWindow::productShown, this,
            [this] { m_exportAction->setEnabled(!shownProduct().isEmpty()); });
}

ContractController *ContractController::of(const MainWindow *window)
{
    return window ? window->findChild<ContractController *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

QString ContractController::currentUser() const
{
    if (auto *access = m_window->findChild<AccessController *>())
        if (access->session())
            return access->session()->userId();
    return {};
}

QString ContractController::shownProduct() const
{
    const auto &shown = m_window->productPage()->product();
    return shown ? shown->product.key : QString();
}

ContractImportDialog *ContractController::showImport()
{
    const QString path = m_window->session()->path();
    if (path.isEmpty())
        return nullptr;
    if (m_import) {
        m_import->raise();
        m_import->activateWindow();
        return m_import;
    }
    m_import = new ContractImportDialog(path, currentUser(), m_window);
    m_import->setTeamRoute(m_window->session()->teamRoute());
    m_import->setAttribute(Qt::WA_DeleteOnClose);
    if (auto *access = m_window->findChild<AccessController *>())
        connect(access->session(), &AccessSession::userChanged, m_import,
                &ContractImportDialog::setUserId);
    connect(m_import, &ContractImportDialog::imported, this,
            [this, path](const QString &productKey, bool created) {
                m_window->statusBar()->showMessage(
                    created ? tr("Imported the contract: created %1.").arg(productKey)
                            : tr("Imported the contract: updated %1.").arg(productKey),
                    8000);
                if (m_window->session()->path() != path)
                    return;
                // Re-read the catalog, then show what was imported.
                auto pending = std::make_shared<QMetaObject::Connection>();
                *pending = connect(m_window->session(), &CatalogSession::opened, this,
                                   [this, pending, productKey] {
                                       disconnect(*pending);
                                       m_window->session()->loadProductByKey(productKey);
                                   });
                m_window->session()->open(path);
            });
    m_import->show();
    return m_import;
}

void ContractController::chooseExport()
{
    const QString key = shownProduct();
    if (key.isEmpty())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(m_window, tr("Export the Contract of %1").arg(key), folder,
                                   tr("ODCS contracts (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("yaml"));
    dialog->selectFile(key + QStringLiteral(".odcs.yaml"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, key](const QString &path) { exportContract(key, path); });
    dialog->open(); // window-modal, no nested event loop
}

void ContractController::exportContract(const QString &productKey, const QString &path)
{
    const QString catalog = m_window->session()->path();
    if (catalog.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<ExportResult>(this);
    connect(watcher, &QFutureWatcher<ExportResult>::finished, this, [this, watcher] {
        const ExportResult r = watcher->result();
        watcher->deleteLater();
        m_window->statusBar()->showMessage(r.message, r.ok ? 8000 : 0);
        if (!r.ok) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Contract not exported"),
                                        r.message, QMessageBox::Close, m_window);
            box->setObjectName(QStringLiteral("contractExportError"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        emit exported(r.ok, r.message);
    });
    watcher->setFuture(QtConcurrent::run(runExport, catalog, productKey, path));
}

} // namespace Mesh
