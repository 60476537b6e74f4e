// SPDX-License-Identifier: MIT
#include "preview/previewloader.h"

#include "access/accesspolicy.h"
#include "access/accessservice.h"
#include "catalog/sqlitecatalogstore.h"
#include "editing/darkdataservice.h"
#include "preview/masking.h"
#include "team/teamaccess.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QTimer>

namespace Mesh {

namespace {

QByteArray csvField(const QString &value)
{
    QByteArray b = value.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QString currentUserId()
{
    return AccessService::osLogin();
}

} // namespace

namespace {
/**
 * Appends a PII preview or an export to the catalog's audit log, through a read-write connection
 * of its own (the preview's catalog connection is read-only). False with *message when the use
 * could not be recorded: the caller then refuses, since an unrecorded use must not happen.
 */
bool recordUse(const PreviewSource &source, const PreviewAccess &access, AccessAction action,
               QString *message)
{
    CatalogError catalogError;
    auto store = SqliteCatalogStore::open(source.catalogPath,
                                          SqliteCatalogStore::OpenMode::ReadWrite, &catalogError);
    if (!store) {
        *message = catalogError.message;
        return false;
    }
    AccessService service(*store);
    const AccessDecision &decision =
        action == AccessAction::Export ? access.exportDecision : access.previewDecision;
    const AccessOutcome outcome =
        service.recordUse(access.userId, action, {source.productKey, {}}, decision);
    if (!outcome.ok()) {
        *message = outcome.message;
        return false;
    }
    // A team cache: the team's audit log is the server's (queued there while it is away).
    if (source.team.isSet() && TeamClient::isTeamCache(*store)) {
        const TeamWriteOutcome sent =
            TeamAccess::recordUse(source.team, *store, action, {source.productKey, {}}, decision);
        if (!sent.ok() && !sent.queued) {
            *message = sent.message;
            return false;
        }
    }
    return true;
}
/**
 * Notes that the product's sample was previewed, so that the "Unclaimed data" view can tell
 * products nobody ever looked at (model/editing). Best effort: a read-only catalog or a busy
 * writer costs the mark, never the preview.
 */
void notePreview(const PreviewSource &source, const QString &userId)
{
    if (source.catalogPath.isEmpty() || source.productKey.isEmpty())
        return;
    CatalogError catalogError;
    auto store = SqliteCatalogStore::open(source.catalogPath,
                                          SqliteCatalogStore::OpenMode::ReadWrite, &catalogError);
    if (!store)
        return;
    DarkDataService(*store).recordPreview(source.productKey, userId);
}
} // namespace

PreviewLoader::~PreviewLoader() = default;

PreviewAccess PreviewLoader::decideAccess(const PreviewSource &source, const QStringList &columns,
                                          PreviewError *error)
{
    PreviewAccess access;
    if (source.catalogPath.isEmpty() || source.productKey.isEmpty())
        return access; // a loose file: no product, so no classification to act on
    CatalogError catalogError;
    auto store = SqliteCatalogStore::open(source.catalogPath, SqliteCatalogStore::OpenMode::ReadOnly,
                                          &catalogError);
    if (!store) {
        // Fail closed: without the policy's answer nothing is shown.
        *error = PreviewError::make(PreviewError::Kind::Denied, source.location,
                                    QStringLiteral("cannot be previewed: the access policy could "
                                                   "not be asked (%1).")
                                        .arg(catalogError.message));
        access.allowed = false;
        return access;
    }
    const QString user = source.userId.isEmpty() ? currentUserId() : source.userId;
    const AccessResource resource{source.productKey, columns};
    // AccessPolicy::decide on the catalog; on a team cache the team server's answer (or, when
    // it is away, the cache's, labelled as such).
    const TeamUseDecision use = TeamAccess::decideUse(source.team, *store, user, resource);
    const AccessDecision &preview = use.preview;
    const AccessDecision &exporting = use.exporting;
    access.allowed = preview.allowed();
    access.reason = preview.reason;
    access.previewDecision = preview;
    access.exportDecision = exporting;
    access.userId = use.userId;
    access.decisionNote = use.note;
    access.decisionProblem = use.problem;
    access.decidedByServer = use.where == TeamUseDecision::Where::Server;
    access.decidedOffline = use.where == TeamUseDecision::Where::OfflineCache;
    if (const auto product = store->productByKey(source.productKey)) {
        for (const Dataset &ds : product->datasets)
            for (const Column &c : ds.columns)
                access.touchesPii = access.touchesPii || c.classification.startsWith(u"PII");
    }
    access.maskedForPreview = preview.maskedColumns;
    // Export is at least as masked as preview; a refused export masks every column.
    access.exportMasksAll = !exporting.allowed();
    access.maskedForExport = exporting.allowed() ? exporting.maskedColumns : columns;
    for (const QString &c : std::as_const(access.maskedForPreview))
        if (!access.maskedForExport.contains(c))
            access.maskedForExport << c;
    if (!access.allowed)
        *error = PreviewError::make(PreviewError::Kind::Denied, source.location,
                                    QStringLiteral("cannot be previewed: %1").arg(preview.reason),
                                    QStringLiteral("Request access to the product from its owner."));
    return access;
}

void PreviewLoader::open(quint64 epoch, const PreviewSource &source)
{
    m_reader.reset();
    if (stale(epoch))
        return;
    PreviewError error;
    QElapsedTimer sinceReport;
    sinceReport.start();
    const auto onDownload = [this, epoch, &sinceReport](qint64 done, qint64 total) {
        // A few reports a second are enough for a progress bar.
        if (sinceReport.elapsed() >= 50 || (total > 0 && done == total)) {
            sinceReport.restart();
            emit downloadProgress(epoch, done, total);
        }
    };
    std::unique_ptr<SampleReader> reader = SampleReader::open(
        source.location, source.options, &error, &m_shared->cancel, onDownload);
    if (!reader) {
        emit failed(epoch, error);
        return;
    }
    // Ask the policy before a single row leaves the worker. When columns may still appear
    // (JSON), ask about the whole product, so a PII column found later is masked too.
    m_access = decideAccess(source, reader->columnsCanGrow() ? QStringList() : reader->columns(),
                            &error);
    if (!m_access.allowed) {
        emit failed(epoch, error);
        return;
    }
    m_source = source;
    // Seeing a product's PII columns, masked or in the clear, is audited. When clear values
    // cannot be recorded they are not shown; a masked preview goes on with a warning.
    QString auditProblem;
    if (m_access.touchesPii && !recordUse(source, m_access, AccessAction::Preview, &auditProblem)) {
        if (m_access.previewDecision.verdict == AccessDecision::Verdict::Allow) {
            emit failed(epoch, PreviewError::make(
                                   PreviewError::Kind::Denied, source.location,
                                   QStringLiteral("cannot be previewed: the audit log could not "
                                                  "record it (%1).")
                                       .arg(auditProblem),
                                   QStringLiteral("Open the catalog from a writable location.")));
            return;
        }
        qWarning("preview of %s not audited: %s", qUtf8Printable(source.productKey),
                 qUtf8Printable(auditProblem));
    }
    emit accessDecided(epoch, m_access);
    notePreview(source, m_access.userId);
    m_reader = std::move(reader);
    m_columnsSent = m_reader->columns().size();
    emit opened(epoch, m_reader->columns(), m_reader->formatDescription(), m_reader->warnings(),
                m_reader->rowCount(), m_reader->isComplete(), m_reader->decimalSeparator());
    QTimer::singleShot(0, this, [this, epoch] { indexStep(epoch); });
}

void PreviewLoader::indexStep(quint64 epoch)
{
    if (stale(epoch) || !m_reader)
        return;
    if (m_shared->cancel.exchange(false)) {
        emit failed(epoch, PreviewError::make(PreviewError::Kind::Cancelled, m_reader->location(),
                                              QStringLiteral("indexing was cancelled after %1 rows.")
                                                  .arg(m_reader->rowCount()),
                                              QStringLiteral("The rows found so far are shown.")));
        return;
    }
    // Short steps, so that row fetches queued meanwhile are served in between.
    const bool more = m_reader->indexMore(40);
    if (m_reader->columns().size() != m_columnsSent) {
        m_columnsSent = m_reader->columns().size();
        emit columnsGrew(epoch, m_reader->columns());
    }
    emit progress(epoch, m_reader->rowCount(), m_reader->progress(), m_reader->isComplete());
    if (more) {
        QTimer::singleShot(0, this, [this, epoch] { indexStep(epoch); });
    } else if (m_reader->error()) {
        emit failed(epoch, m_reader->error());
    }
}

void PreviewLoader::fetch(quint64 epoch, qint64 block, qint64 first, qint64 count)
{
    if (stale(epoch) || !m_reader)
        return;
    QList<SampleRow> rows;
    m_reader->readRows(first, count, &rows);
    emit rowsReady(epoch, block, rows);
}

void PreviewLoader::profile(quint64 epoch, int column, qint64 maxRows)
{
    if (stale(epoch) || !m_reader || column < 0 || column >= m_reader->columns().size())
        return;
    QStringList values;
    m_reader->readColumn(0, std::min(maxRows, m_reader->rowCount()), column, &values);
    const QString name = m_reader->columns().at(column);
    ColumnProfile p = ColumnProfiler::profile(name, values, m_reader->decimalSeparator());
    if (m_access.maskedForPreview.contains(name)) {
        // Counts may show; the values themselves may not.
        p.min = Masking::mask(p.min);
        p.max = Masking::mask(p.max);
        for (ProfileBar &bar : p.topValues)
            bar.label = Masking::mask(bar.label);
        for (ProfileBar &bar : p.histogram)
            bar.label = Masking::mask(bar.label);
    }
    emit profileReady(epoch, p);
}

bool PreviewLoader::writeCsv(SampleReader &reader, QIODevice *out, qint64 maxRows,
                             const QStringList &masked, const std::atomic<bool> *cancel,
                             qint64 *written, const WriteProgress &progress)
{
    const QStringList columns = reader.columns();
    QList<bool> maskColumn;
    QByteArray line;
    for (const QString &c : columns) {
        maskColumn << masked.contains(c);
        line += csvField(c) + ',';
    }
    line.chop(1);
    line += "\r\n";
    if (out->write(line) != line.size())
        return false;
    *written = 0;
    const qint64 last = std::min(maxRows, reader.rowCount());
    QList<SampleRow> rows;
    for (qint64 first = 0; first < last; first += 1024) {
        if (cancel && cancel->load())
            return false;
        reader.readRows(first, std::min<qint64>(1024, last - first), &rows);
        for (const SampleRow &row : std::as_const(rows)) {
            line.clear();
            for (qsizetype c = 0; c < row.size(); ++c) {
                const QString v = row.cell(c);
                line += csvField(maskColumn.value(c) ? Masking::mask(v) : v);
                if (c + 1 < row.size())
                    line += ',';
            }
            line += "\r\n";
            if (out->write(line) != line.size())
                return false;
            ++*written;
        }
        if (progress)
            progress(*written, out->pos());
    }
    return true;
}

void PreviewLoader::exportCsv(quint64 epoch, const QString &path, qint64 maxRows)
{
    if (stale(epoch) || !m_reader)
        return;
    QString auditProblem;
    if (!m_source.catalogPath.isEmpty() &&
        !recordUse(m_source, m_access, AccessAction::Export, &auditProblem)) {
        emit exported(epoch, path, 0,
                      QStringLiteral("The export was not made: the audit log could not record "
                                     "it (%1).")
                          .arg(auditProblem));
        return;
    }
    QSaveFile file(path);
    qint64 rows = 0;
    const qint64 total = std::min(maxRows, m_reader->rowCount());
    QElapsedTimer sinceReport;
    sinceReport.start();
    emit exportProgress(epoch, 0, total, 0);
    const auto onWrite = [&](qint64 done, qint64 bytes) {
        if (sinceReport.elapsed() >= 50 || done == total) {
            sinceReport.restart();
            emit exportProgress(epoch, done, total, bytes);
        }
    };
    const QStringList masked =
        m_access.exportMasksAll ? m_reader->columns() : m_access.maskedForExport;
    const bool ok = file.open(QIODevice::WriteOnly) &&
                    writeCsv(*m_reader, &file, maxRows, masked, &m_shared->cancel, &rows, onWrite);
    if (!ok && m_shared->cancel.exchange(false)) {
        file.cancelWriting(); // QSaveFile: the target is left as it was
        emit exported(epoch, path, 0,
                      QStringLiteral("Export cancelled; %1 was not written.").arg(path));
        return;
    }
    if (!ok || !file.commit()) {
        emit exported(epoch, path, 0,
                      QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    emit exported(epoch, path, rows, {});
}

} // namespace Mesh
