// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

class QTimer;
class QThread;

namespace Mesh {

class KeychainCredentialStore;
class MainWindow;
class SourcesDialog;

/**
 * Federation in the main window: File → Sources… (the Sources dialog), and scheduled syncs of
 * the sources due by their "every N minutes" setting, checked once a minute on a worker. After a
 * sync or a removal the catalog is reopened so the search and the product page show the new
 * snapshot. Owned by the main window; UI thread.
 */
class FederationController final : public QObject
{
    Q_OBJECT

public:
    explicit FederationController(MainWindow *window);
    ~FederationController() override;

    void openSourcesDialog();

private:
    void syncDueSources();

    MainWindow *m_window = nullptr;
    std::unique_ptr<KeychainCredentialStore> m_keychain;
    SourcesDialog *m_dialog = nullptr;
    QTimer *m_schedule = nullptr;
    QThread *m_scheduled = nullptr;
};

} // namespace Mesh
