// SPDX-License-Identifier: MIT
#include "editcontroller.h"

#include "access/accessservice.h"
#include "access/accesssession.h"
#include "accesscontroller.h"
#include "catalog/sqlitecatalogstore.h"
#include "editing/productdraft.h"
#include "historytab.h"
#include "mainwindow.h"
#include "metadataeditortab.h"
#include "productpage.h"
#include "session/catalogsession.h"
#include "team/teameditor.h"
#include "unclaimeddialog.h"

#include <QAction>
#include <QEvent>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

EditController::EditController(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("editController"));
    m_group = new QUndoGroup(this);
    m_userId = AccessService::osLogin().trimmed().toLower();
    m_unavailable = tr("No catalog is open.");
    createActions();
}

EditController::EditController(MainWindow *window) : EditController(static_cast<QObject *>(window))
{
    m_window = window;
    // Edit menu: Undo, Redo and Save Metadata first, then what was there, then the dark data.
    QMenu *edit = nullptr;
    for (QAction *a : window->menuBar()->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')) == tr("Edit"))
            edit = a->menu();
    if (!edit)
        edit = window->menuBar()->addMenu(tr("&Edit"));
    const QList<QAction *> existing = edit->actions();
    QAction *first = existing.isEmpty() ? nullptr : existing.first();
    edit->insertAction(first, m_undoAction);
    edit->insertAction(first, m_redoAction);
    edit->insertSeparator(first);
    edit->insertAction(first, m_saveAction);
    edit->insertSeparator(first);
    edit->addSeparator();
    edit->addAction(m_unclaimedAction);

    ProductPage *page = window->productPage();
    page->addPage(new MetadataEditorTab(this), tr("E&dit"));
    page->addPage(new HistoryTab(this), tr("His&tory"));

    connect(window->session(), &CatalogSession::opened, this, [this] {
        QString error;
        if (!openCatalog(m_window->session()->path(), &error))
            m_window->statusBar()->showMessage(error, 8000);
    });
    if (auto *access = window->findChild<AccessController *>()) {
        AccessSession *s = access->session();
        connect(s, &AccessSession::userChanged, this, &EditController::setUserId);
        connect(s, &AccessSession::opened, this, [this, s] { setUserId(s->userId()); });
    }
    connect(this, &EditController::productActivated, this,
            [this](const QString &key) { m_window->session()->loadProductByKey(key); });
    window->installEventFilter(this);
}

QStringList EditController::modifiedProducts() const
{
    QStringList keys;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->draft->isModified())
            keys.append(it.key());
    keys.sort();
    return keys;
}

bool EditController::eventFilter(QObject *watched, QEvent *event)
{
    // The event type first: while the window is being destroyed it still sends events (child
    // removed), and reading the QPointer<MainWindow> then would cast a half-destroyed QWidget
    // (UBSan: "downcast of address … which does not point to an object of type MainWindow").
    if (event->type() != QEvent::Close || watched != m_window.data())
        return QObject::eventFilter(watched, event);
    if (!m_closePending.isEmpty()) { // "Save All" is still saving; it closes when done
        event->ignore();
        return true;
    }
    const QStringList modified = modifiedProducts();
    if (modified.isEmpty())
        return false;
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved Metadata"),
        tr("You changed the metadata of %1 without saving. Save before closing?")
            .arg(modified.join(QStringLiteral(", "))),
        QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::SaveAll);
    if (answer == QMessageBox::Discard)
        return false;
    if (answer == QMessageBox::SaveAll && m_closePending.isEmpty()) {
        // The saves run in the worker; the window closes when the last one has succeeded.
        m_closeFailed.clear();
        for (const QString &key : modified) {
            if (isSaving(key) || save(key))
                m_closePending.append(key);
            else
                m_closeFailed.append(key);
        }
        if (m_closePending.isEmpty())
            closeAfterSaves();
        else
            m_window->statusBar()->showMessage(tr("Saving before closing…"));
    }
    event->ignore();
    return true;
}

void EditController::closeAfterSaves()
{
    if (!m_window || !m_closePending.isEmpty())
        return;
    if (m_closeFailed.isEmpty() && modifiedProducts().isEmpty()) {
        m_window->close();
        return;
    }
    QStringList failed = m_closeFailed + modifiedProducts();
    failed.removeDuplicates();
    m_closeFailed.clear();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Not Saved"),
                                tr("%1 could not be saved; see the Edit tab. The window stays "
                                   "open.")
                                    .arg(failed.join(QStringLiteral(", "))),
                                QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

EditController::~EditController() = default;

void EditController::createActions()
{
    m_undoAction = m_group->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_group->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_saveAction = new QAction(tr("&Save Metadata"), this);
    m_saveAction->setObjectName(QStringLiteral("saveMetadataAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setEnabled(false);
    connect(m_saveAction, &QAction::triggered, this, [this] {
        if (!m_active.isEmpty())
            save(m_active);
    });
    m_unclaimedAction = new QAction(tr("&Unclaimed Data…"), this);
    m_unclaimedAction->setObjectName(QStringLiteral("unclaimedAction"));
    m_unclaimedAction->setToolTip(tr("Datasets nobody owns, documents or previews; claim them"));
    m_unclaimedAction->setEnabled(false);
    connect(m_unclaimedAction, &QAction::triggered, this, &EditController::showUnclaimed);
}

bool EditController::openCatalog(const QString &path, QString *error)
{
    clearDrafts();
    m_darkData.reset();
    m_editing.reset();
    m_store.reset();
    CatalogError e;
    m_store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &e);
    if (!m_store) {
        m_unavailable = tr("Editing is unavailable: %1").arg(e.message);
        if (error)
            *error = m_unavailable;
    } else {
        m_unavailable.clear();
        m_editing = std::make_unique<EditingService>(*m_store);
        m_darkData = std::make_unique<DarkDataService>(*m_store);
    }
    m_unclaimedAction->setEnabled(m_store != nullptr);
    updateSaveAction();
    emit catalogChanged();
    return m_store != nullptr;
}

QString EditController::catalogPath() const
{
    return m_store ? m_store->path() : QString();
}

bool EditController::isTeam() const
{
    return m_teamRoute.isSet() && m_store && TeamClient::isTeamCache(*m_store);
}

std::optional<Product> EditController::savedProduct(const QString &productKey) const
{
    if (!m_editing)
        return std::nullopt;
    const std::optional<VersionedProduct> saved = m_editing->load(productKey);
    return saved ? std::optional<Product>(saved->product) : std::nullopt;
}

void EditController::setUserId(const QString &userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    emit userChanged(userId);
}

QList<User> EditController::users() const
{
    return m_store ? m_store->users() : QList<User>();
}

void EditController::clearDrafts()
{
    for (const Entry &e : std::as_const(m_entries)) {
        m_group->removeStack(e.stack);
        delete e.stack;
        delete e.draft;
    }
    m_entries.clear();
    m_active.clear();
}

ProductDraft *EditController::draft(const QString &productKey)
{
    if (const auto it = m_entries.constFind(productKey); it != m_entries.cend())
        return it->draft;
    if (!m_editing)
        return nullptr;
    const std::optional<VersionedProduct> loaded = m_editing->load(productKey);
    if (!loaded)
        return nullptr;
    Entry e;
    e.draft = new ProductDraft(this);
    e.draft->load(loaded->product, loaded->version);
    e.stack = new QUndoStack(this);
    e.stack->setObjectName(QStringLiteral("undoStack:") + productKey);
    m_group->addStack(e.stack);
    connect(e.draft, &ProductDraft::modifiedChanged, this, [this, productKey] {
        updateSaveAction();
        emit draftStateChanged(productKey);
    });
    m_entries.insert(productKey, e);
    return e.draft;
}

QUndoStack *EditController::undoStack(const QString &productKey)
{
    return draft(productKey) ? m_entries.value(productKey).stack : nullptr;
}

void EditController::refreshIfStale(const QString &productKey)
{
    const auto it = m_entries.constFind(productKey);
    if (it == m_entries.cend() || !m_editing || it->draft->isModified())
        return;
    if (m_editing->currentVersion(productKey) != it->draft->baseVersion())
        reload(productKey);
}

void EditController::setActiveProduct(const QString &productKey)
{
    m_active = productKey;
    QUndoStack *stack = productKey.isEmpty() ? nullptr : undoStack(productKey);
    m_group->setActiveStack(stack);
    updateSaveAction();
}

void EditController::updateSaveAction()
{
    const auto it = m_entries.constFind(m_active);
    m_saveAction->setEnabled(it != m_entries.cend() && it->draft->isModified() &&
                             !isSaving(m_active));
}

AccessDecision EditController::mayEdit(const QString &productKey) const
{
    if (!m_editing)
        return {AccessDecision::Verdict::Deny, m_unavailable, {}};
    return m_editing->mayEdit(m_userId, productKey);
}

bool EditController::save(const QString &productKey, bool overwrite)
{
    ProductDraft *d = draft(productKey);
    if (!d || !m_editing) {
        EditOutcome o;
        o.code = EditOutcome::Code::Failed;
        o.message = m_unavailable.isEmpty() ? tr("There is no product “%1”.").arg(productKey)
                                            : m_unavailable;
        emit saveFailed(productKey, o);
        emit saveFinished(productKey, o);
        return false;
    }
    if (isSaving(productKey))
        return false;
    startSave(productKey, d->product(), d->baseVersion(), overwrite, 0);
    return true;
}

void EditController::startSave(const QString &productKey, const Product &sent, int base,
                               bool overwrite, int revertTo)
{
    m_saving.insert(productKey);
    updateSaveAction();
    emit saveStarted(productKey);
    const QString path = m_store->path();
    const QString user = m_userId;
    struct Result
    {
        EditOutcome outcome;
        std::optional<VersionedProduct> saved;
    };
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this,
            [this, watcher, productKey, sent, path, revertTo] {
        const Result r = watcher->result();
        watcher->deleteLater();
        m_saving.remove(productKey);
        if (!m_store || m_store->path() != path) {
            // Another catalog was opened meanwhile: its drafts are not this one.
            EditOutcome o = r.outcome;
            if (o.ok())
                emit productSaved(productKey, o.version);
            emit saveFinished(productKey, o);
            return;
        }
        finishSave(productKey, sent, r.outcome, r.saved, revertTo > 0);
    });
    // Its own read-write connection: the version check, the write and the audit happen in one
    // transaction there, off the UI thread.
    watcher->setFuture(QtConcurrent::run([path, user, sent, base, overwrite, revertTo,
                                          route = m_teamRoute] {
        Result r;
        CatalogError error;
        auto store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, &error);
        if (!store) {
            r.outcome.code = EditOutcome::Code::Failed;
            r.outcome.message = tr("Not saved: %1").arg(error.message);
            return r;
        }
        // A team cache saves to the team server (or queues there), as the server's user.
        if (route.isSet() && TeamClient::isTeamCache(*store)) {
            r.outcome = revertTo > 0 ? TeamEditor::revert(route, *store, sent.key, revertTo, base,
                                                          overwrite, &r.saved)
                                     : TeamEditor::save(route, *store, sent, base, overwrite,
                                                        &r.saved);
            return r;
        }
        EditingService editing(*store);
        r.outcome = revertTo > 0 ? editing.revert(user, sent.key, revertTo, base, overwrite)
                                 : editing.save(user, sent, base, {}, overwrite);
        if (r.outcome.ok())
            r.saved = editing.load(sent.key);
        return r;
    }));
}

void EditController::finishSave(const QString &productKey, const Product &sent,
                                const EditOutcome &o, const std::optional<VersionedProduct> &saved,
                                bool revert)
{
    const auto done = [this, productKey, o] {
        updateSaveAction();
        emit saveFinished(productKey, o);
        if (m_closePending.removeAll(productKey) > 0) {
            if (!o.ok())
                m_closeFailed.append(productKey);
            closeAfterSaves();
        }
    };
    if (o.code == EditOutcome::Code::Conflict) {
        emit conflict(productKey, o);
        done();
        return;
    }
    if (!o.ok()) {
        emit saveFailed(productKey, o);
        done();
        return;
    }
    if (o.queued) {
        // Kept in the team outbox: the draft stays as typed and counts as saved here.
        if (const auto it = m_entries.constFind(productKey); it != m_entries.cend())
            it->stack->setClean();
        emit draftStateChanged(productKey);
        done();
        return;
    }
    if (const auto it = m_entries.constFind(productKey); it != m_entries.cend() && saved) {
        if (revert && it->draft->isModified()) {
            // As after a local revert: a draft with changes keeps its base, so saving it
            // reports the conflict instead of undoing the revert unseen.
        } else if (it->draft->product() == sent) {
            it->draft->load(saved->product, saved->version);
            it->stack->setClean();
        } else {
            // Edited while the save ran: those edits stay, now on top of the saved version.
            it->draft->rebase(saved->product, saved->version);
        }
    }
    emit draftStateChanged(productKey);
    if (o.code == EditOutcome::Code::Ok) {
        emit productSaved(productKey, o.version);
        refreshViews(productKey);
    }
    done();
}

void EditController::reload(const QString &productKey)
{
    ProductDraft *d = draft(productKey);
    if (!d || !m_editing)
        return;
    if (const std::optional<VersionedProduct> saved = m_editing->load(productKey))
        d->load(saved->product, saved->version);
    m_entries.value(productKey).stack->clear();
    updateSaveAction();
    emit draftStateChanged(productKey);
}

QList<MetadataChange> EditController::compareWithSaved(const QString &productKey) const
{
    const auto it = m_entries.constFind(productKey);
    if (it == m_entries.cend() || !m_editing)
        return {};
    const std::optional<VersionedProduct> saved = m_editing->load(productKey);
    if (!saved)
        return {};
    return MetadataSnapshot::diff(MetadataSnapshot::fromProduct(saved->product),
                                  MetadataSnapshot::fromProduct(it->draft->product()));
}

QList<ProductVersion> EditController::history(const QString &productKey) const
{
    return m_editing ? m_editing->history(productKey) : QList<ProductVersion>();
}

std::optional<QList<MetadataChange>> EditController::diff(const QString &productKey, int from,
                                                          int to) const
{
    if (!m_editing)
        return std::nullopt;
    return m_editing->diff(productKey, from, to);
}

EditOutcome EditController::revert(const QString &productKey, int version)
{
    if (!m_editing) {
        EditOutcome o;
        o.code = EditOutcome::Code::Failed;
        o.message = m_unavailable;
        return o;
    }
    if (isTeam()) {
        // On the team server, in a worker like a save: the outcome comes with saveFinished().
        EditOutcome pending;
        if (isSaving(productKey)) {
            pending.code = EditOutcome::Code::Failed;
            pending.message = tr("%1 is being saved; revert when the save has finished.")
                                  .arg(productKey);
            return pending;
        }
        const std::optional<VersionedProduct> current = m_editing->load(productKey);
        if (!current) {
            pending.code = EditOutcome::Code::Invalid;
            pending.message = tr("There is no product “%1” in this catalog.").arg(productKey);
            return pending;
        }
        startSave(productKey, current->product, current->version, false, version);
        pending.code = EditOutcome::Code::Unchanged;
        pending.message = tr("Reverting to version %1 on the team server…").arg(version);
        return pending;
    }
    // A revert starts from the newest version; an open draft with changes keeps its own base,
    // so saving it afterwards reports the conflict instead of undoing the revert unseen.
    const EditOutcome o =
        m_editing->revert(m_userId, productKey, version, m_editing->currentVersion(productKey));
    if (o.code == EditOutcome::Code::Ok) {
        if (const auto it = m_entries.constFind(productKey);
            it != m_entries.cend() && !it->draft->isModified()) {
            reload(productKey);
        }
        emit productSaved(productKey, o.version);
        refreshViews(productKey);
    }
    return o;
}

void EditController::productChangedElsewhere(const QString &productKey)
{
    if (const auto it = m_entries.constFind(productKey);
        it != m_entries.cend() && !it->draft->isModified())
        reload(productKey);
    emit productSaved(productKey, m_editing ? m_editing->currentVersion(productKey) : 0);
    refreshViews(productKey);
}

void EditController::refreshViews(const QString &productKey)
{
    if (!m_window)
        return;
    // The search index and facets were updated in the save's transaction; ask again so that
    // the result list, the facet counts and the product page show the edit.
    m_window->setSearchText(m_window->searchField()->text());
    if (m_window->productPage()->product() &&
        m_window->productPage()->product()->product.key == productKey)
        m_window->session()->loadProductByKey(productKey);
}

UnclaimedDialog *EditController::showUnclaimed()
{
    if (!m_unclaimed) {
        m_unclaimed = new UnclaimedDialog(this, m_window);
        m_unclaimed->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_unclaimed->refresh();
    }
    m_unclaimed->show();
    m_unclaimed->raise();
    return m_unclaimed;
}

} // namespace Mesh
