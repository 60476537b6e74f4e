// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace Mesh {

class ContractImportDialog;
class MainWindow;

/**
 * ODCS v3 data contracts in the main window: Edit → Import Contract… (ContractImportDialog) and
 * Edit → Export Contract… for the product on screen, written on a worker to the chosen file.
 * After an import the catalog is re-read and the imported product shown. Acts as the signed-in
 * user; model/ decides. Child of the window; UI thread.
 */
class ContractController final : public QObject
{
    Q_OBJECT

public:
    explicit ContractController(MainWindow *window);

    static ContractController *of(const MainWindow *window);

    ContractImportDialog *showImport();
    /** Asks where to save the shown product's contract (a non-blocking file dialog). */
    void chooseExport();
    /** Writes productKey's contract to path on a worker; answers with exported(). */
    void exportContract(const QString &productKey, const QString &path);

    QAction *importAction() const { return m_importAction; }
    QAction *exportAction() const { return m_exportAction; }

signals:
    void exported(bool ok, const QString &message);

private:
    QString currentUser() const;
    QString shownProduct() const;

    MainWindow *m_window = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QPointer<ContractImportDialog> m_import;
};

} // namespace Mesh
