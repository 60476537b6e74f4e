// SPDX-License-Identifier: MIT
#include "sourcesdialog.h"

#include "catalog/sqlitecatalogstore.h"
#include "federation/credentialstore.h"
#include "federation/sourceregistry.h"
#include "federation/sourcetablemodel.h"
#include "federation/syncengine.h"
#include "sourceeditdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/** Tints the status of a source whose last sync failed. */
class SourceStatusDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == SourceTableModel::Status &&
            index.data(SourceTableModel::HasErrorRole).toBool())
            option->palette.setColor(QPalette::Text, QColor(0xb0, 0x26, 0x1e));
        if (index.column() == SourceTableModel::Synced &&
            index.data(SourceTableModel::StaleHoursRole).toDouble() >= 24)
            option->palette.setColor(QPalette::Text, QColor(0xa0, 0x5a, 0x00));
    }
};

QString stateText(const QString &state)
{
    if (state == QLatin1String("fetching"))
        return SourcesDialog::tr("fetching…");
    if (state == QLatin1String("writing"))
        return SourcesDialog::tr("writing to the catalog…");
    return {};
}

} // namespace

SourcesDialog::SourcesDialog(QString catalogPath, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent), m_path(std::move(catalogPath)), m_credentials(credentials)
{
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(tr("Sources"));
    m_model = new SourceTableModel(this);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("sourcesView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SourceStatusDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("sourcesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);

    auto *buttons = new QHBoxLayout;
    auto button = [&](const QString &text, const char *name, void (SourcesDialog::*slot)()) {
        auto *b = new QPushButton(text);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    m_add = button(tr("&Add…"), "addSourceButton", &SourcesDialog::addSource);
    m_edit = button(tr("&Edit…"), "editSourceButton", &SourcesDialog::editSource);
    m_test = button(tr("&Test connection"), "testSourceButton", &SourcesDialog::testSource);
    m_remove = button(tr("&Remove"), "removeSourceButton", &SourcesDialog::removeSource);
    buttons->addStretch();
    m_sync = button(tr("&Sync now"), "syncSourceButton", &SourcesDialog::syncSelected);
    m_syncAll = button(tr("Sync a&ll"), "syncAllButton", &SourcesDialog::syncAll);
    m_cancel = button(tr("&Cancel sync"), "cancelSyncButton", &SourcesDialog::cancelSync);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each source is fetched into its own part of the catalog. A failed "
                                "sync keeps the source's last good copy, and the catalog works "
                                "offline from it."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addWidget(close);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        if (const auto s = selected(); s && !s->lastError.isEmpty() && !m_busy)
            showMessage(s->lastError, true);
    });
    connect(m_view, &QTableView::doubleClicked, this, &SourcesDialog::editSource);
    resize(960, 420);
    updateButtons();
    reload();
}

SourcesDialog::~SourcesDialog()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    for (QThread *t : std::as_const(m_workers)) {
        t->wait();
        delete t;
    }
}

void SourcesDialog::runInWorker(bool writable, Work work)
{
    const QString path = m_path;
    QPointer<SourcesDialog> self(this);
    ++m_running;
    m_busy = true;
    updateButtons();
    QThread *thread = QThread::create([path, writable, work, self] {
        CatalogError error;
        auto store = SqliteCatalogStore::open(
            path, writable ? SqliteCatalogStore::OpenMode::ReadWrite : SqliteCatalogStore::OpenMode::ReadOnly,
            &error);
        std::function<void()> done;
        if (store)
            done = work(*store);
        else
            done = [self, error] {
                if (self)
                    self->showMessage(error.message, true);
            };
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, done] {
            if (!self)
                return;
            --self->m_running;
            self->m_busy = self->m_running > 0;
            if (done)
                done();
            self->updateButtons();
            if (self->m_running == 0)
                emit self->idle();
        }, Qt::QueuedConnection);
    });
    m_workers.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_workers.removeOne(thread);
        thread->deleteLater();
    });
    thread->start();
}

void SourcesDialog::reload()
{
    QPointer<SourcesDialog> self(this);
    runInWorker(false, [self](SqliteCatalogStore &store) -> std::function<void()> {
        const QList<SourceDefinition> sources = SourceRegistry(store).sources();
        return [self, sources] {
            if (!self)
                return;
            const auto current = self->selected();
            self->m_model->setSources(sources);
            const int row = current ? self->m_model->indexOf(current->name) : (sources.isEmpty() ? -1 : 0);
            if (row >= 0)
                self->m_view->selectRow(row);
            // The status (a long error, elided; the full text is below and in the tooltip)
            // takes what is left.
            for (int c = 0; c < SourceTableModel::Status; ++c)
                self->m_view->resizeColumnToContents(c);
            if (sources.isEmpty())
                self->showMessage(tr("No sources yet. Add an OpenMetadata, DataHub or Marquez "
                                     "server, a Mesh Explorer JSON export or an ODCS contract."),
                                  false);
        };
    });
}

std::optional<SourceDefinition> SourcesDialog::selected() const
{
    return m_model->sourceAt(m_view->currentIndex());
}

void SourcesDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b0261e;") : QString());
}

void SourcesDialog::updateButtons()
{
    const bool has = selected().has_value();
    const bool syncing = m_cancelFlag != nullptr;
    m_add->setEnabled(!m_busy);
    m_edit->setEnabled(!m_busy && has);
    m_remove->setEnabled(!m_busy && has);
    m_test->setEnabled(!m_busy && has);
    m_sync->setEnabled(!m_busy && has);
    m_syncAll->setEnabled(!m_busy && m_model->rowCount() > 0);
    m_cancel->setEnabled(syncing);
    m_cancel->setVisible(syncing);
}

void SourcesDialog::showEditor(const std::optional<SourceDefinition> &existing,
                               std::function<void(const SourceDefinition &, const QByteArray &)> done)
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    // open(), not exec(): a nested event loop here would stall every caller that waits on this
    // dialog (the welcome's "Add a source", scripted tests) and let workers finish under it.
    m_editor = new SourceEditDialog(existing, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &QDialog::accepted, this, [this, editor = m_editor.data(), done] {
        done(editor->definition(), editor->secret());
    });
    m_editor->open();
}

void SourcesDialog::addSource()
{
    showEditor(std::nullopt, [this](const SourceDefinition &s, const QByteArray &secret) {
        saveAdded(s, secret);
    });
}

void SourcesDialog::saveAdded(const SourceDefinition &s, const QByteArray &secret)
{
    if (!secret.isEmpty() && m_credentials) {
        QString error;
        if (!m_credentials->setSecret(s.name, secret, &error)) {
            showMessage(tr("The source was not added: %1").arg(error), true);
            return;
        }
    }
    QPointer<SourcesDialog> self(this);
    runInWorker(true, [self, s](SqliteCatalogStore &store) -> std::function<void()> {
        CatalogError error;
        const bool ok = SourceRegistry(store).add(s, &error);
        return [self, ok, error, name = s.name] {
            if (!self)
                return;
            self->showMessage(ok ? tr("Added “%1”. Sync it to fetch its products.").arg(name)
                                 : error.message,
                              !ok);
            self->reload();
        };
    });
}

void SourcesDialog::editSource()
{
    const auto current = selected();
    if (!current || m_busy)
        return;
    showEditor(current, [this, current = *current](const SourceDefinition &s,
                                                   const QByteArray &secret) {
        saveEdited(current, s, secret);
    });
}

void SourcesDialog::saveEdited(const SourceDefinition &current, const SourceDefinition &s,
                               const QByteArray &secret)
{
    if (m_credentials) {
        QString error;
        QByteArray keep = secret;
        if (keep.isEmpty() && s.name != current.name && s.auth != SourceAuth::None)
            keep = m_credentials->secret(current.name); // follow a rename
        if (!keep.isEmpty() && !m_credentials->setSecret(s.name, keep, &error)) {
            showMessage(tr("Nothing was changed: %1").arg(error), true);
            return;
        }
        if (s.name != current.name || s.auth == SourceAuth::None)
            m_credentials->removeSecret(current.name, nullptr);
    }
    QPointer<SourcesDialog> self(this);
    runInWorker(true, [self, s, old = current.name](SqliteCatalogStore &store) -> std::function<void()> {
        CatalogError error;
        const bool ok = SourceRegistry(store).update(old, s, &error);
        return [self, ok, error, s] {
            if (!self)
                return;
            self->showMessage(ok ? tr("Saved “%1”.").arg(s.name) : error.message, !ok);
            self->reload();
            if (ok)
                emit self->catalogChanged();
        };
    });
}

void SourcesDialog::removeSource()
{
    const auto current = selected();
    if (!current || m_busy)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove source"),
        tr("Remove “%1” and the %n product(s) that came from it? Its products disappear from "
           "this catalog; the source itself is not changed.",
           nullptr, int(current->productCount))
            .arg(current->name));
    if (answer != QMessageBox::Yes)
        return;
    if (m_credentials)
        m_credentials->removeSecret(current->name, nullptr);
    QPointer<SourcesDialog> self(this);
    runInWorker(true, [self, name = current->name](SqliteCatalogStore &store) -> std::function<void()> {
        CatalogError error;
        const bool ok = SourceRegistry(store).remove(name, &error);
        return [self, ok, error, name] {
            if (!self)
                return;
            self->showMessage(ok ? tr("Removed “%1”.").arg(name) : error.message, !ok);
            self->reload();
            if (ok)
                emit self->catalogChanged();
        };
    });
}

void SourcesDialog::testSource()
{
    const auto current = selected();
    if (!current || m_busy)
        return;
    QByteArray secret;
    if (current->auth != SourceAuth::None && m_credentials)
        secret = m_credentials->secret(current->name);
    showMessage(tr("Testing “%1”…").arg(current->name), false);
    QPointer<SourcesDialog> self(this);
    runInWorker(false, [self, def = *current, secret](SqliteCatalogStore &store) -> std::function<void()> {
        SyncEngine engine(store);
        const SourceSyncResult r = engine.test(def, secret);
        return [self, r] {
            if (!self)
                return;
            if (r.ok)
                self->showMessage(tr("Connection to “%1” works: %2 products and %3 lineage edges "
                                     "in %4 s. Nothing was written; use Sync now to fetch them.")
                                      .arg(r.source)
                                      .arg(r.products)
                                      .arg(r.edges)
                                      .arg(r.seconds, 0, 'f', 1),
                                  false);
            else
                self->showMessage(r.error, true);
        };
    });
}

void SourcesDialog::syncSelected()
{
    if (const auto s = selected())
        startSync({s->name});
}

void SourcesDialog::syncAll()
{
    startSync({});
}

void SourcesDialog::cancelSync()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    showMessage(tr("Cancelling… every source keeps its last good copy."), false);
}

void SourcesDialog::startSync(const QStringList &names)
{
    if (m_busy)
        return;
    // Secrets are read here, on the UI thread, and handed to the worker in memory only.
    auto secrets = std::make_shared<InMemoryCredentialStore>();
    for (const SourceDefinition &s : m_model->sources()) {
        if (s.auth == SourceAuth::None || !s.tokenEnv.isEmpty() || !m_credentials)
            continue;
        if (!names.isEmpty() && !names.contains(s.name))
            continue;
        if (const QByteArray secret = m_credentials->secret(s.name); !secret.isEmpty())
            secrets->setSecret(s.name, secret, nullptr);
    }
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancelFlag;
    const int total = names.isEmpty() ? int(m_model->rowCount()) : int(names.size());
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    showMessage(tr("Syncing…"), false);
    QPointer<SourcesDialog> self(this);
    runInWorker(true, [self, names, secrets, cancel](SqliteCatalogStore &store) -> std::function<void()> {
        SyncEngine engine(store, secrets.get());
        const SyncReport report = engine.sync(
            names, cancel.get(), [self](const QString &source, const QString &state, int done, int total) {
                QMetaObject::invokeMethod(QCoreApplication::instance(), [self, source, state, done, total] {
                    if (!self)
                        return;
                    self->m_model->setState(source, stateText(state));
                    self->m_progress->setRange(0, qMax(1, total));
                    self->m_progress->setValue(done);
                }, Qt::QueuedConnection);
            });
        return [self, report] {
            if (!self)
                return;
            self->m_cancelFlag.reset();
            self->m_progress->setVisible(false);
            self->m_model->clearStates();
            int failed = 0, products = 0;
            QString firstError;
            for (const SourceSyncResult &r : report.sources) {
                products += r.products;
                if (!r.ok && ++failed == 1)
                    firstError = QStringLiteral("%1: %2").arg(r.source, r.error);
            }
            if (failed == 0)
                self->showMessage(tr("Synced %n source(s), %1 products, in %2 s.", nullptr,
                                     int(report.sources.size()))
                                      .arg(products)
                                      .arg(report.seconds, 0, 'f', 1),
                                  false);
            else
                self->showMessage(tr("%n source(s) failed and kept their last good copy. %1", nullptr, failed)
                                      .arg(firstError),
                                  true);
            self->reload();
            emit self->catalogChanged();
        };
    });
}

} // namespace Mesh
