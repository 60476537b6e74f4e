// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "editing/darkdataservice.h"
#include "editing/editingservice.h"
#include "team/teamclient.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QUndoGroup;
class QUndoStack;

namespace Mesh {

class MainWindow;
class ProductDraft;
class SqliteCatalogStore;
class UnclaimedDialog;

/**
 * Metadata editing in the GUI: one draft and one undo stack per product being edited (in a
 * QUndoGroup whose active stack follows the product on screen), saving through EditingService
 * with the version check, history and revert, and the dark-data view with ownership claims.
 * Holds its own read-write connection to the catalog. With a main window it adds the Edit and
 * History tabs, Undo/Redo/Save to the Edit menu (Ctrl+Z, Ctrl+Shift+Z, Ctrl+S) and
 * "Unclaimed Data…", and refreshes the product page and the search after each save. A save
 * runs in a worker with a connection of its own (the UI never waits on the write); its outcome
 * comes back as productSaved(), conflict() or saveFailed(), then saveFinished(). Closing the
 * window with unsaved drafts asks first, saves them in the worker and closes once all are saved.
 * Lives on the UI thread.
 */
class EditController : public QObject
{
    Q_OBJECT

public:
    /** Standalone (tests): call openCatalog() and setUserId() yourself. */
    explicit EditController(QObject *parent = nullptr);
    /** Wires itself into window: tabs, menu actions, catalog and signed-in user. */
    explicit EditController(MainWindow *window);
    ~EditController() override;

    bool openCatalog(const QString &path, QString *error = nullptr);
    /** The open catalog's team server: saves of a team cache go there (TeamEditor). */
    void setTeamRoute(const TeamRoute &route) { m_teamRoute = route; }
    TeamRoute teamRoute() const { return m_teamRoute; }
    /** The open catalog's file (empty when none is open), for workers' own connections. */
    QString catalogPath() const;
    /** The open catalog is a team cache with a route: saves go to the team server. */
    bool isTeam() const;
    /** The product as last saved in the catalog (for a team cache: as last synced). */
    std::optional<Product> savedProduct(const QString &productKey) const;
    bool isOpen() const { return m_store != nullptr; }
    QString unavailableReason() const { return m_unavailable; }
    QString userId() const { return m_userId; }
    void setUserId(const QString &userId);
    QList<User> users() const;

    /** The draft of productKey, loaded from the catalog on first use; null if unknown. */
    ProductDraft *draft(const QString &productKey);
    QUndoStack *undoStack(const QString &productKey);
    /** Reloads an unmodified draft when someone saved a newer version since it was loaded. */
    void refreshIfStale(const QString &productKey);
    QUndoGroup *undoGroup() const { return m_group; }
    /** Makes productKey's stack the one Undo/Redo act on. */
    void setActiveProduct(const QString &productKey);
    QString activeProduct() const { return m_active; }

    AccessDecision mayEdit(const QString &productKey) const;
    /**
     * Starts saving the draft in a worker; false (with saveFailed()) when it cannot start, and
     * false when a save of this product is already running. A conflict emits conflict() and
     * leaves the draft as it is; edits made while the save runs stay in the draft.
     */
    bool save(const QString &productKey, bool overwrite = false);
    bool isSaving(const QString &productKey) const { return m_saving.contains(productKey); }
    /** Drops the draft's changes and loads the newest saved version. */
    void reload(const QString &productKey);
    /** The newest saved metadata compared with the draft: what saving would change. */
    QList<MetadataChange> compareWithSaved(const QString &productKey) const;
    QList<ProductVersion> history(const QString &productKey) const;
    std::optional<QList<MetadataChange>> diff(const QString &productKey, int from, int to) const;
    /**
     * Saves version's metadata as a new version. On a local catalog it is saved at once and the
     * outcome returned; on a team cache it is sent to the team server in a worker (returns
     * Unchanged with a "Reverting…" message) and the outcome comes with saveFinished().
     */
    EditOutcome revert(const QString &productKey, int version);

    /** The products whose drafts have unsaved changes. */
    QStringList modifiedProducts() const;

    DarkDataService *darkData() const { return m_darkData.get(); }
    UnclaimedDialog *showUnclaimed();
    /** After an ownership claim was decided: reload the draft and refresh the views. */
    void productChangedElsewhere(const QString &productKey);

    QAction *saveAction() const { return m_saveAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *unclaimedAction() const { return m_unclaimedAction; }

signals:
    void catalogChanged();
    void userChanged(const QString &userId);
    /** The draft's modified state or base version changed. */
    void draftStateChanged(const QString &productKey);
    void productSaved(const QString &productKey, int version);
    void conflict(const QString &productKey, const Mesh::EditOutcome &outcome);
    void saveFailed(const QString &productKey, const Mesh::EditOutcome &outcome);
    /** A save started in the worker (the Save button waits). */
    void saveStarted(const QString &productKey);
    /** A save ended, whatever its outcome: after productSaved(), conflict() or saveFailed(). */
    void saveFinished(const QString &productKey, const Mesh::EditOutcome &outcome);
    /** A product should be shown (from the unclaimed view). */
    void productActivated(const QString &productKey);

protected:
    /** Asks before the main window closes with unsaved drafts (save all, discard, cancel). */
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry
    {
        ProductDraft *draft = nullptr;
        QUndoStack *stack = nullptr;
    };
    void createActions();
    void clearDrafts();
    void refreshViews(const QString &productKey);
    void updateSaveAction();
    void closeAfterSaves();
    /** Saves sent (or, with revertTo > 0, reverts to that version) in a worker. */
    void startSave(const QString &productKey, const Product &sent, int base, bool overwrite,
                   int revertTo);
    void finishSave(const QString &productKey, const Product &sent, const EditOutcome &outcome,
                    const std::optional<VersionedProduct> &saved, bool revert);

    QPointer<MainWindow> m_window;
    std::unique_ptr<SqliteCatalogStore> m_store;
    std::unique_ptr<EditingService> m_editing;
    std::unique_ptr<DarkDataService> m_darkData;
    QString m_unavailable;
    QString m_userId;
    QString m_active;
    QHash<QString, Entry> m_entries;
    QUndoGroup *m_group = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_unclaimedAction = nullptr;
    QPointer<UnclaimedDialog> m_unclaimed;
    QSet<QString> m_saving;
    TeamRoute m_teamRoute;
    // Closing the window with "Save All": the saves still running, and those that failed.
    QStringList m_closePending;
    QStringList m_closeFailed;
};

} // namespace Mesh
