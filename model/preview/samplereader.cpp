// SPDX-License-Identifier: MIT
#include "preview/samplereader.h"

#include "preview/csvreader.h"
#include "preview/jsonreader.h"
#include "preview/sqlitereader.h"
#include "preview/urlfetcher.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QUrl>

#include <cstring>

namespace Mesh {

SampleRow::SampleRow(QByteArray bytes, QList<quint32> starts, bool latin1, int maxCellChars,
                     std::shared_ptr<const void> owner)
    : m_bytes(std::move(bytes)),
      m_owner(std::move(owner)),
      m_starts(std::move(starts)),
      m_size(m_starts.size()),
      m_maxCellChars(maxCellChars),
      m_latin1(latin1),
      m_raw(true)
{
}

qsizetype SampleRow::rawEnd(qsizetype i) const
{
    return i + 1 < m_starts.size() ? qsizetype(m_starts.at(i + 1) & ~kQuoted) - 1 : m_bytes.size();
}

bool SampleRow::isNull(qsizetype i) const
{
    if (!m_raw)
        return m_cells.value(i).isNull();
    if (i < 0 || i >= m_starts.size())
        return true;
    return !(m_starts.at(i) & kQuoted) && rawEnd(i) == qsizetype(m_starts.at(i));
}

QString SampleRow::cell(qsizetype i) const
{
    if (!m_raw)
        return m_cells.value(i);
    if (i < 0 || i >= m_starts.size())
        return {};
    const qsizetype start = qsizetype(m_starts.at(i) & ~kQuoted);
    qsizetype n = rawEnd(i) - start;
    if (n <= 0)
        return (m_starts.at(i) & kQuoted) ? QStringLiteral("") : QString();
    // A cell longer than the cap is cut with "…"; at most 4 bytes a character are decoded.
    const bool cut = n > qsizetype(m_maxCellChars) * 4;
    if (cut)
        n = qsizetype(m_maxCellChars) * 4;
    const char *p = m_bytes.constData() + start;
    QString s = m_latin1 ? QString::fromLatin1(p, n) : QString::fromUtf8(p, n);
    if (s.size() > m_maxCellChars || cut) {
        s.truncate(m_maxCellChars);
        s += QChar(0x2026);
    }
    return s;
}

QStringList SampleRow::cells() const
{
    if (!m_raw)
        return m_cells;
    QStringList out;
    out.reserve(m_size);
    for (qsizetype i = 0; i < m_size; ++i)
        out << cell(i);
    return out;
}

void SampleRow::fitTo(qsizetype columns, QChar separator)
{
    if (columns <= 0 || m_size == columns)
        return;
    if (m_raw) {
        // Fields sit one separator apart, so dropping the later starts folds them into the
        // last cell together with their separators.
        if (m_starts.size() > columns)
            m_starts.resize(columns);
        m_size = columns; // cells past m_starts are missing
        return;
    }
    if (m_cells.size() > columns) {
        const QStringList extra = m_cells.mid(columns - 1);
        m_cells.resize(columns - 1);
        m_cells << extra.join(separator);
    }
    while (m_cells.size() < columns)
        m_cells << QString();
    m_size = columns;
}

SampleReader::~SampleReader() = default;

bool SampleReader::isUrl(const QString &location)
{
    return location.startsWith(u"http://", Qt::CaseInsensitive) ||
           location.startsWith(u"https://", Qt::CaseInsensitive) ||
           location.startsWith(u"file://", Qt::CaseInsensitive);
}

bool SampleReader::readColumn(qint64 first, qint64 count, int column, QStringList *values)
{
    QList<SampleRow> rows;
    if (!readRows(first, count, &rows))
        return false;
    values->clear();
    for (const SampleRow &r : rows)
        values->append(r.cell(column));
    return true;
}

std::unique_ptr<SampleReader> SampleReader::open(const QString &location,
                                                 const ReaderOptions &options, PreviewError *error,
                                                 const std::atomic<bool> *cancel,
                                                 const DownloadProgress &progress)
{
    if (!isUrl(location))
        return openFile(location, options, error);
    UrlFetcher::Progress onProgress;
    if (progress)
        onProgress = [&progress](qint64 done, qint64 total) {
            progress(done, total);
            return true; // cancel is the atomic's job
        };
    std::unique_ptr<QTemporaryFile> download =
        UrlFetcher::fetch(location, options, error, cancel, onProgress);
    if (!download)
        return nullptr;
    std::unique_ptr<SampleReader> reader = openFile(download->fileName(), options, error);
    if (!reader) {
        error->source = location;
        return nullptr;
    }
    reader->m_location = location;
    reader->m_download = std::move(download);
    return reader;
}

std::unique_ptr<SampleReader> SampleReader::openFile(const QString &path,
                                                     const ReaderOptions &options,
                                                     PreviewError *error)
{
    using K = PreviewError::Kind;
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = PreviewError::make(K::Missing, path, QStringLiteral("does not exist."),
                                    QStringLiteral("Check the path, or ask the product's owner "
                                                   "where the sample moved."));
        return nullptr;
    }
    if (info.isDir()) {
        *error = PreviewError::make(K::Io, path, QStringLiteral("is a folder, not a sample file."));
        return nullptr;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = PreviewError::make(K::Io, path,
                                    QStringLiteral("cannot be read: %1.").arg(f.errorString()),
                                    QStringLiteral("Check the file's permissions."));
        return nullptr;
    }
    const QByteArray head = f.read(8192);
    f.close();
    if (head.isEmpty()) {
        *error = PreviewError::make(K::Empty, path, QStringLiteral("is empty (0 bytes)."),
                                    QStringLiteral("Export the sample again, or ask its owner to."));
        return nullptr;
    }
    if (head.trimmed().isEmpty() && info.size() <= head.size()) {
        *error = PreviewError::make(K::Empty, path, QStringLiteral("contains only blank lines."),
                                    QStringLiteral("Export the sample again, or ask its owner to."));
        return nullptr;
    }
    if (head.startsWith("SQLite format 3"))
        return SqliteReader::open(path, options, error);
    const bool utf16 = head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF");
    if (!utf16) {
        const qsizetype nul = head.indexOf('\0');
        if (nul >= 0) {
            *error = PreviewError::make(K::Binary, path,
                                        QStringLiteral("is a binary file (a zero byte), not CSV, "
                                                       "JSON or SQLite."),
                                        QStringLiteral("Unpack it or export the data as CSV."), -1, nul);
            return nullptr;
        }
    }
    // JSON: the first character after a BOM and white space opens an object or an array; or the
    // file says it is JSON, which may also be a bare value such as 42 (RFC 8259).
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && std::strchr(" \t\r\n", head.at(i)))
        ++i;
    const bool jsonName = info.suffix().compare(u"json", Qt::CaseInsensitive) == 0;
    if (!utf16 && i < head.size() && (head.at(i) == '{' || head.at(i) == '[' || jsonName))
        return JsonReader::open(path, options, error);
    return CsvReader::open(path, options, error);
}

} // namespace Mesh
