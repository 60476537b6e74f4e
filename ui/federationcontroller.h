// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QTimer;
class QThread;

namespace Mesh {

class CredentialStore;
class MainWindow;
class SourcesDialog;

/**
 * Federation in the main window: File → Sources… (the Sources dialog), File → Add Source… (the
 * same dialog with its add form open; it opens the last catalog or the demo first when none is
 * open), and scheduled syncs of the sources due by their "every N minutes" setting, checked once
 * a minute on a worker. After a sync or a removal the catalog is reopened so the search and the
 * product page show the new snapshot. Owned by the main window; UI thread.
 */
class FederationController final : public QObject
{
    Q_OBJECT

public:
    /** Makes the store that keeps the source secrets of one catalog file. */
    using CredentialStoreFactory =
        std::function<std::unique_ptr<CredentialStore>(const QString &catalogPath)>;

    explicit FederationController(MainWindow *window);
    ~FederationController() override;

    static FederationController *of(const MainWindow *window);
    /**
     * Replaces where secrets are kept, for every controller made afterwards and for dialogs
     * opened afterwards (the OS keychain by default; tests pass an in-memory store so they never
     * wait on a keychain daemon). An empty factory restores the keychain.
     */
    static void setCredentialStoreFactory(CredentialStoreFactory factory);

    void openSourcesDialog();
    /**
     * Opens the Sources dialog with its add form shown. Without an open catalog it first opens
     * the last catalog (or builds the demo) and continues once that is open. Never blocks.
     */
    void addSource();
    SourcesDialog *sourcesDialog() const { return m_dialog; }
    QAction *addSourceAction() const { return m_addAction; }

signals:
    /** The Sources dialog is shown with its add form (for the welcome and tests). */
    void addFormShown();

private:
    void syncDueSources();
    static std::unique_ptr<CredentialStore> makeCredentialStore(const QString &catalogPath);

    MainWindow *m_window = nullptr;
    std::unique_ptr<CredentialStore> m_credentials;
    SourcesDialog *m_dialog = nullptr; // deletes itself on close; cleared by destroyed()
    QAction *m_addAction = nullptr;
    QMetaObject::Connection m_pendingAdd, m_pendingAddFailed;
    QTimer *m_schedule = nullptr;
    QThread *m_scheduled = nullptr;
};

} // namespace Mesh
