// SPDX-License-Identifier: MIT
#pragma once

#include "preview/previewerror.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

#include <QTemporaryFile>

namespace Mesh {

/**
 * One record of a sample. A null QString is a missing value; an empty one is an empty string.
 *
 * A CSV row keeps its record's bytes and where each field starts, and decodes a cell only when
 * it is asked for: the first screen of a 1,000-column file then costs a scan of its bytes, not
 * 200,000 strings, and a view decodes only the cells it shows. JSON and SQLite rows hold text.
 * Copies share their data (implicitly shared Qt containers), so rows cross threads cheaply.
 */
class SampleRow
{
public:
    /** In a field start: the field was quoted, so an empty field is "" rather than missing. */
    static constexpr quint32 kQuoted = 0x80000000u;

    SampleRow() = default;
    explicit SampleRow(QStringList cells) : m_cells(std::move(cells)), m_size(m_cells.size()) {}
    /**
     * bytes: the fields' unquoted bytes with one separator byte between fields; starts: where
     * each field begins in bytes, with kQuoted or'ed in for quoted fields. bytes may be raw
     * data (QByteArray::fromRawData) in memory that owner keeps alive, such as a file mapping.
     */
    SampleRow(QByteArray bytes, QList<quint32> starts, bool latin1, int maxCellChars,
              std::shared_ptr<const void> owner = {});

    /** Cells in the row (missing ones at the end included). */
    qsizetype size() const { return m_size; }
    /** Cell i, decoded now; null when missing or past the end. */
    QString cell(qsizetype i) const;
    bool isNull(qsizetype i) const;
    /** Every cell, decoded. */
    QStringList cells() const;
    /** Makes the row columns wide: missing cells at the end, or extra fields folded into the
     *  last cell joined by their separator, so that nothing is hidden. */
    void fitTo(qsizetype columns, QChar separator);

    /** The record had a different number of fields than the header (shown, never dropped). */
    bool ragged = false;
    int fieldCount = 0; // fields the record really had

private:
    qsizetype rawEnd(qsizetype i) const;

    QStringList m_cells;     // decoded rows
    QByteArray m_bytes;      // raw rows
    std::shared_ptr<const void> m_owner; // keeps m_bytes' memory alive when not owned
    QList<quint32> m_starts; // raw rows
    qsizetype m_size = 0;
    int m_maxCellChars = 0;
    bool m_latin1 = false;
    bool m_raw = false;
};

/** How to open a sample; the defaults suit the preview tab. */
struct ReaderOptions
{
    enum class Header { Auto, Yes, No };
    Header header = Header::Auto;
    /** A record longer than this stops indexing with a clear error instead of eating memory. */
    qint64 maxRecordBytes = 16 * 1024 * 1024;
    /** A cell longer than this is cut with "…" (the full record stays in the file). */
    int maxCellChars = 32 * 1024;
    /** JSON: columns beyond this many distinct flattened keys are not added (with a warning). */
    int maxJsonColumns = 4096;
    /** SQLite: the table or view to show; empty = the first table. */
    QString table;
    /** URLs: download cap and timeouts (seconds). */
    qint64 maxDownloadBytes = qint64(1) << 30;
    int connectTimeoutSecs = 10;
    int stallTimeoutSecs = 20; // no byte for this long: give up
    int totalTimeoutSecs = 300;
};

/**
 * A tabular view of one sample file: columns, then rows by index. Implementations (CSV, JSON,
 * SQLite) are chosen by sniffing the content with open(). Rows become readable as indexMore()
 * finds them, so the first screen is available before a large file is fully indexed.
 *
 * Not thread-safe: one thread (the preview worker, or a command-line tool) owns a reader.
 */
class SampleReader
{
public:
    virtual ~SampleReader();

    /** Bytes downloaded so far and the total (-1 when the server does not say). */
    using DownloadProgress = std::function<void(qint64 done, qint64 total)>;

    /** Opens a file path or an http(s):// or file:// URL; null with *error on failure. */
    static std::unique_ptr<SampleReader> open(const QString &location, const ReaderOptions &options,
                                              PreviewError *error,
                                              const std::atomic<bool> *cancel = nullptr,
                                              const DownloadProgress &progress = {});
    /** Opens a local file, choosing the reader by content: SQLite, JSON/NDJSON or CSV/TSV. */
    static std::unique_ptr<SampleReader> openFile(const QString &path, const ReaderOptions &options,
                                                  PreviewError *error);
    static bool isUrl(const QString &location);

    /** e.g. "CSV · ';' · UTF-8 with BOM", "JSON · HubSpot results[]", "SQLite · table deals". */
    virtual QString formatDescription() const = 0;
    virtual QStringList columns() const = 0;
    /** Columns may be added (never removed or reordered) while indexing goes on (JSON). */
    virtual bool columnsCanGrow() const { return false; }
    /** Rows found so far; grows while indexing. */
    virtual qint64 rowCount() const = 0;
    virtual bool isComplete() const = 0;
    /** Indexes for about budgetMs; false once there is nothing more to do (complete or error). */
    virtual bool indexMore(int budgetMs) = 0;
    /** Fraction of the input indexed, 0–1. */
    virtual double progress() const = 0;
    /** Rows [first, first + count) clipped to rowCount(); false on an I/O error. */
    virtual bool readRows(qint64 first, qint64 count, QList<SampleRow> *rows) = 0;
    /** One column of rows [first, first + count); the default reads whole rows. */
    virtual bool readColumn(qint64 first, qint64 count, int column, QStringList *values);
    /** Decimal separator of numbers in the sample ('.' or ',' for "1,5" in ';' files). */
    virtual QChar decimalSeparator() const { return QLatin1Char('.'); }

    /** The error that stopped indexing (rows before it stay readable), if any. */
    PreviewError error() const { return m_error; }
    /** Things worth knowing that did not stop reading: ragged rows, Latin-1 fallback, … */
    QStringList warnings() const { return m_warnings; }
    /** The local file read (a temporary download for URLs). */
    QString localPath() const { return m_localPath; }
    /** The path or URL as the person gave it. */
    QString location() const { return m_location.isEmpty() ? m_localPath : m_location; }

protected:
    PreviewError m_error;
    QStringList m_warnings;
    QString m_localPath;
    QString m_location;

private:
    std::unique_ptr<QTemporaryFile> m_download; // kept alive while the reader reads it
};

} // namespace Mesh
