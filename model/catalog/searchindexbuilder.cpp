// SPDX-License-Identifier: MIT
#include "catalog/searchindexbuilder.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"

#include <QDir>
#include <QTemporaryDir>

#include <memory>
#include <optional>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace Mesh {

namespace {

constexpr const char *kIndexTables[] = {"product_fts", "product_meta_fts"};
constexpr SearchTable kTableKinds[] = {SearchTable::Full, SearchTable::Meta};
constexpr size_t kTables = std::size(kIndexTables);

/** The schema name the scratch file of table i is attached as. */
QString schemaOf(size_t i)
{
    return QStringLiteral("mesh_index_build%1").arg(i);
}

/** A document whose name is sure to give FTS5 a phrase to look for (ASCII letters/digits). */
bool probeable(const SearchDocument &doc)
{
    for (char c : doc.fields[0])
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return true;
    return false;
}

using Batch = std::shared_ptr<const std::vector<SearchDocument>>;

/** One table's thread: its own connection writes that table into its own scratch file. */
struct Worker
{
    size_t table = 0;
    QString path;
    QString createSql; // as the catalog's schema holds it
    bool attached = false;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> queue;
    bool closed = false;    // no more documents (install) or stopping (destructor)
    bool cancelled = false; // destructor: stop without writing the rest
    QString error;          // the thread's, once it has stopped
    std::thread thread;

    void run();
    bool pop(Batch &batch);
    void push(const Batch &batch);
    void stop(bool cancel);
};

bool Worker::pop(Batch &batch)
{
    std::unique_lock lock(mutex);
    changed.wait(lock, [this] { return !queue.empty() || closed; });
    if (cancelled || queue.empty())
        return false;
    batch = std::move(queue.front());
    queue.pop_front();
    return true;
}

void Worker::push(const Batch &batch)
{
    {
        std::lock_guard lock(mutex);
        queue.push_back(batch);
    }
    changed.notify_one();
}

void Worker::run()
{
    QString message;
    auto db = Database::open(path, Database::Mode::ReadWrite, &message);
    // A scratch file: no journal and no syncs; nothing here outlives the load.
    const bool ok =
        db &&
        db->exec(QStringLiteral("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                                "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; "
                                "BEGIN"),
                 &message);
    Batch batch;
    bool failed = !ok;
    while (pop(batch)) {
        if (!failed && !writeSearchDocuments(*db, *batch, kTableKinds[table], &message))
            failed = true;
        batch.reset();
    }
    std::lock_guard lock(mutex);
    if (!failed && !cancelled && !db->exec(QStringLiteral("COMMIT"), &message))
        failed = true;
    if (failed)
        error = message.isEmpty() ? QStringLiteral("unknown error") : message;
    db.reset(); // closes the connection, and with it the exclusive lock, before install() reads
}

void Worker::stop(bool cancel)
{
    {
        std::lock_guard lock(mutex);
        closed = true;
        cancelled = cancelled || cancel;
    }
    changed.notify_one();
    if (thread.joinable())
        thread.join();
}

} // namespace

struct SearchIndexBuilder::Private
{
    SqliteCatalogStore *store = nullptr;
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/mesh-index-XXXXXX")};
    Worker workers[kTables];
    qint64 added = 0;
    std::optional<SearchDocument> probe; // one document to look up after install()

    void stop(bool cancel)
    {
        for (Worker &w : workers)
            w.stop(cancel);
    }
};

SearchIndexBuilder::SearchIndexBuilder(std::unique_ptr<Private> p) : d(std::move(p)) {}

SearchIndexBuilder::~SearchIndexBuilder()
{
    d->stop(/*cancel=*/true);
    Database &db = d->store->database();
    for (size_t i = 0; i < kTables; ++i) {
        if (!d->workers[i].attached)
            continue;
        QString message;
        if (!db.exec(QStringLiteral("DETACH DATABASE %1").arg(schemaOf(i)), &message))
            qWarning("search index builder: could not detach its scratch file: %s",
                     qPrintable(message));
    }
    // QTemporaryDir removes the scratch files.
}

std::unique_ptr<SearchIndexBuilder> SearchIndexBuilder::start(SqliteCatalogStore &store,
                                                              QString *why)
{
    Database &main = store.database();
    if (main.inTransaction()) {
        *why = QStringLiteral("a transaction is open (the scratch file is attached before it)");
        return nullptr;
    }
    auto d = std::make_unique<Private>();
    d->store = &store;
    if (!d->dir.isValid()) {
        *why = QStringLiteral("no scratch directory in %1: %2")
                   .arg(QDir::tempPath(), d->dir.errorString());
        return nullptr;
    }
    // The destructor detaches what was attached, also when a later step here fails.
    std::unique_ptr<SearchIndexBuilder> builder(new SearchIndexBuilder(std::move(d)));
    Private *p = builder->d.get();
    QString message;
    for (size_t i = 0; i < kTables; ++i) {
        Worker &w = p->workers[i];
        w.table = i;
        const QString name = QString::fromLatin1(kIndexTables[i]);
        w.path = p->dir.filePath(name + QStringLiteral(".db"));
        auto scratch = Database::open(w.path, Database::Mode::ReadWriteCreate, &message);
        if (!scratch || !scratch->exec(QStringLiteral("PRAGMA journal_mode = OFF"), &message)) {
            *why = QStringLiteral("creating %1: %2").arg(w.path, message);
            return nullptr;
        }
        Statement &def = main.prepare(QStringLiteral(
            "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1"));
        def.bind(1, name);
        w.createSql = def.step() ? def.text(0) : QString();
        def.reset();
        if (w.createSql.isEmpty()) {
            *why = QStringLiteral("the catalog has no %1 table").arg(name);
            return nullptr;
        }
        if (!scratch->exec(w.createSql, &message)) {
            *why = QStringLiteral("creating %1 in %2: %3").arg(name, w.path, message);
            return nullptr;
        }
        // The catalog's settings of the table (hashsize, ...), so that both write alike.
        Statement settings = main.prepareOnce(
            QStringLiteral("SELECT k, v, typeof(v) = 'integer' FROM main.%1_config WHERE k <> "
                           "'version'")
                .arg(name),
            &message);
        Statement &apply =
            scratch->prepare(QStringLiteral("INSERT INTO %1(%1, rank) VALUES (?1, ?2)").arg(name));
        while (settings.step()) {
            apply.reset().bind(1, settings.text(0));
            settings.integer(2) != 0 ? apply.bind(2, settings.integer(1))
                                     : apply.bind(2, settings.text(1));
            if (!apply.exec()) {
                *why =
                    QStringLiteral("copying the settings of %1: %2").arg(name, apply.lastError());
                return nullptr;
            }
        }
        if (!settings.lastError().isEmpty()) {
            *why = QStringLiteral("reading the settings of %1: %2").arg(name, settings.lastError());
            return nullptr;
        }
        scratch.reset();
        Statement attach =
            main.prepareOnce(QStringLiteral("ATTACH DATABASE ?1 AS %1").arg(schemaOf(i)), &message);
        if (!attach.isValid() || !attach.bind(1, w.path).exec()) {
            *why = QStringLiteral("attaching %1: %2")
                       .arg(w.path, attach.isValid() ? attach.lastError() : message);
            return nullptr;
        }
        w.attached = true;
    }
    for (Worker &w : p->workers)
        w.thread = std::thread([&w] { w.run(); });
    return builder;
}

void SearchIndexBuilder::add(std::vector<SearchDocument> documents)
{
    if (documents.empty())
        return;
    for (auto it = documents.rbegin(); it != documents.rend(); ++it)
        if (probeable(*it)) {
            d->probe = *it;
            break;
        }
    d->added += qint64(documents.size());
    const auto batch = std::make_shared<const std::vector<SearchDocument>>(std::move(documents));
    for (Worker &w : d->workers)
        w.push(batch);
}

QString SearchIndexBuilder::scratchPath() const
{
    return d->dir.path();
}

bool SearchIndexBuilder::install(CatalogError *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = CatalogError{CatalogError::Code::Io,
                                  QStringLiteral("Writing the search index: %1").arg(message)};
        return false;
    };
    d->stop(/*cancel=*/false);
    for (const Worker &w : d->workers)
        if (!w.error.isEmpty())
            return fail(QStringLiteral("%1 (in the scratch file %2)").arg(w.error, w.path));
    Database &db = d->store->database();
    if (!db.inTransaction())
        return fail(QStringLiteral("install() must run inside the load's transaction"));
    QString message;
    for (size_t i = 0; i < kTables; ++i) {
        const QString name = QString::fromLatin1(kIndexTables[i]);
        if (db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM main.%1_docsize)").arg(name))
                .toBool())
            return fail(QStringLiteral("%1 already holds documents; a built index replaces only "
                                       "an empty one")
                            .arg(name));
        // Dropped and created again, so that the connection reads the copied tables afresh: a
        // table it had used keeps FTS5's list of the old index's segments in memory, and beside
        // another connection (WAL) nothing tells it the tables changed under it.
        if (!db.exec(QStringLiteral("DROP TABLE main.%1").arg(name), &message) ||
            !db.exec(d->workers[i].createSql, &message))
            return fail(QStringLiteral("recreating %1: %2").arg(name, message));
        Statement shadows = db.prepareOnce(
            QStringLiteral("SELECT name FROM %1.sqlite_schema WHERE type = 'table' AND "
                           "name GLOB '%2_*' ORDER BY name")
                .arg(schemaOf(i), name),
            &message);
        int copied = 0;
        while (shadows.step()) {
            const QString shadow = shadows.text(0);
            if (!db.exec(QStringLiteral("DELETE FROM main.%1; INSERT INTO main.%1 SELECT * FROM "
                                        "%2.%1")
                             .arg(shadow, schemaOf(i)),
                         &message))
                return fail(QStringLiteral("copying %1: %2").arg(shadow, message));
            ++copied;
        }
        if (!shadows.lastError().isEmpty() || copied == 0)
            return fail(QStringLiteral("listing the tables of %1: %2")
                            .arg(name, shadows.lastError().isEmpty() ? QStringLiteral("none found")
                                                                     : shadows.lastError()));
    }
    // The catalog's connection must now see what was built: every document, and FTS5 finding
    // one of them by its name. Anything else fails the load (rolled back) rather than leave an
    // index that disagrees with its own tables.
    for (const char *table : kIndexTables) {
        const qint64 documents =
            db.scalar(QStringLiteral("SELECT count(*) FROM main.%1_docsize")
                          .arg(QString::fromLatin1(table)))
                .toLongLong();
        if (documents != d->added)
            return fail(QStringLiteral("%1 documents were queued but %2 holds %3")
                            .arg(d->added)
                            .arg(QString::fromLatin1(table))
                            .arg(documents));
    }
    if (d->probe) {
        const QString phrase = QLatin1Char('"') +
                               QString::fromUtf8(d->probe->fields[0])
                                   .replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                               QLatin1Char('"');
        for (const char *table : kIndexTables) {
            Statement &find = db.prepare(
                QStringLiteral("SELECT count(*) FROM main.%1 WHERE %1 MATCH ?1 AND rowid = ?2")
                    .arg(QString::fromLatin1(table)));
            find.bind(1, QStringLiteral("name : ") + phrase).bind(2, d->probe->id);
            const bool found = find.step() && find.integer(0) == 1;
            const QString findError = find.lastError();
            find.reset();
            if (!found)
                return fail(QStringLiteral("the installed %1 does not find product %2 by its name "
                                           "(%3); nothing was saved")
                                .arg(QString::fromLatin1(table))
                                .arg(d->probe->id)
                                .arg(findError.isEmpty() ? QStringLiteral("no match") : findError));
        }
    }
    return true;
}

} // namespace Mesh
