// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"

#include "preview/columnprofile.h"
#include "preview/previewerror.h"
#include "preview/samplereader.h"
#include "team/teamclient.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Mesh {

/** What to preview, and for whom: the access policy is asked about productKey in catalogPath. */
struct PreviewSource
{
    QString location;    // file path or URL
    QString catalogPath; // empty: a loose file outside any catalog, nothing is classified
    QString productKey;
    QString userId;      // empty: the current user
    ReaderOptions options;
    /** The catalog's team server, when catalogPath is a team cache: it decides and is told. */
    TeamRoute team;
};

/** The two answers of AccessPolicy::decide the preview needs: for showing, and for export. */
struct PreviewAccess
{
    bool allowed = true;
    QString reason;
    QStringList maskedForPreview;
    QStringList maskedForExport;
    // What the audit log needs: the policy's answers, and whether any column is classified PII.
    AccessDecision previewDecision;
    AccessDecision exportDecision;
    QString userId;
    bool touchesPii = false;
    /** Export was refused, so an export masks every column, those found later included. */
    bool exportMasksAll = false;
    /** On a team cache: who decided (the team server, or the cache offline, and of when). */
    QString decisionNote;
    QString decisionProblem; // offline: why the team server could not be asked
    bool decidedByServer = false;
    bool decidedOffline = false;
};

/** The atomics both threads look at. */
struct PreviewShared
{
    std::atomic<quint64> epoch{0};
    std::atomic<bool> cancel{false};
};

/**
 * The preview's worker half (after DB Browser for SQLite's RowLoader): lives on the model's
 * worker thread and owns the SampleReader and the catalog connection used for the access
 * decision. Gets work through queued calls from PreviewModel and answers with queued signals;
 * every answer carries the epoch of the open() it belongs to, so late answers can be dropped.
 */
class PreviewLoader : public QObject
{
    Q_OBJECT

public:
    explicit PreviewLoader(std::shared_ptr<PreviewShared> shared) : m_shared(std::move(shared)) {}
    ~PreviewLoader() override;

    void open(quint64 epoch, const Mesh::PreviewSource &source);
    void fetch(quint64 epoch, qint64 block, qint64 first, qint64 count);
    void profile(quint64 epoch, int column, qint64 maxRows);
    void exportCsv(quint64 epoch, const QString &path, qint64 maxRows);

    /** The decision for source, asked of AccessPolicy::decide; usable without a loader. */
    static PreviewAccess decideAccess(const PreviewSource &source, const QStringList &columns,
                                      PreviewError *error);
    /** Writes rows of reader as RFC 4180 CSV with the masked columns masked. */
    using WriteProgress = std::function<void(qint64 rows, qint64 bytes)>;
    static bool writeCsv(SampleReader &reader, QIODevice *out, qint64 maxRows,
                         const QStringList &masked, const std::atomic<bool> *cancel,
                         qint64 *written, const WriteProgress &progress = {});

signals:
    void accessDecided(quint64 epoch, const Mesh::PreviewAccess &access);
    void opened(quint64 epoch, const QStringList &columns, const QString &description,
                const QStringList &warnings, qint64 rows, bool complete, QChar decimal);
    void progress(quint64 epoch, qint64 rows, double fraction, bool complete);
    void rowsReady(quint64 epoch, qint64 block, const QList<Mesh::SampleRow> &rows);
    void failed(quint64 epoch, const Mesh::PreviewError &error);
    /** The reader found more columns (JSON); columns is the whole list, old ones first. */
    void columnsGrew(quint64 epoch, const QStringList &columns);
    /** A URL download: bytes so far and the total, -1 when unknown. */
    void downloadProgress(quint64 epoch, qint64 done, qint64 total);
    /** An export: rows written of rows, and the bytes written so far. */
    void exportProgress(quint64 epoch, qint64 rows, qint64 totalRows, qint64 bytes);
    void profileReady(quint64 epoch, const Mesh::ColumnProfile &profile);
    void exported(quint64 epoch, const QString &path, qint64 rows, const QString &error);

private:
    void indexStep(quint64 epoch);
    bool stale(quint64 epoch) const { return epoch != m_shared->epoch.load(); }

    std::shared_ptr<PreviewShared> m_shared;
    std::unique_ptr<SampleReader> m_reader;
    PreviewAccess m_access;
    PreviewSource m_source;
    qsizetype m_columnsSent = 0;
};

} // namespace Mesh
