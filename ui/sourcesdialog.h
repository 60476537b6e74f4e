// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourcedefinition.h"
#include "sourceeditdialog.h"

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;

namespace Mesh {

class CredentialStore;
class SqliteCatalogStore;
class SourceTableModel;

/**
 * The Sources dialog: list, add, edit, test, remove and sync the federated sources of one
 * catalog, with per-source progress and cancel. Every catalog access and every sync runs on a
 * worker thread with its own connection; results come back queued. Secrets go to and come from
 * the CredentialStore (the keychain in the app, an in-memory store in tests), on the UI thread.
 */
class SourcesDialog final : public QDialog
{
    Q_OBJECT

public:
    SourcesDialog(QString catalogPath, CredentialStore *credentials, QWidget *parent = nullptr);
    ~SourcesDialog() override;

    SourceTableModel *model() const { return m_model; }
    bool isBusy() const { return m_busy; }
    /** The add or edit form while it is shown (window-modal, never a nested event loop). */
    SourceEditDialog *editor() const { return m_editor; }

public slots:
    void reload();
    void addSource();
    void editSource();
    void removeSource();
    void testSource();
    void syncSelected();
    void syncAll();
    void cancelSync();

signals:
    /** Products changed (after a sync or a removal): views should re-read the catalog. */
    void catalogChanged();
    /** A worker finished; for tests. */
    void idle();

private:
    using Work = std::function<std::function<void()>(SqliteCatalogStore &store)>;
    /** Runs work on a worker thread with its own store; the returned callback runs on the UI thread. */
    void runInWorker(bool writable, Work work);
    /** Shows the add (no existing) or edit form; done runs when the user accepts it. */
    void showEditor(const std::optional<SourceDefinition> &existing,
                    std::function<void(const SourceDefinition &, const QByteArray &)> done);
    void saveAdded(const SourceDefinition &s, const QByteArray &secret);
    void saveEdited(const SourceDefinition &current, const SourceDefinition &s,
                    const QByteArray &secret);
    void startSync(const QStringList &names);
    std::optional<SourceDefinition> selected() const;
    void showMessage(const QString &text, bool error);
    void updateButtons();

    QString m_path;
    CredentialStore *m_credentials = nullptr;
    SourceTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_add = nullptr, *m_edit = nullptr, *m_remove = nullptr, *m_test = nullptr,
                *m_sync = nullptr, *m_syncAll = nullptr, *m_cancel = nullptr;
    QPointer<SourceEditDialog> m_editor;
    QList<QThread *> m_workers;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    bool m_busy = false;
    int m_running = 0;
};

} // namespace Mesh
