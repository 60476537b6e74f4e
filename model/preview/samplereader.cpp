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
        values->append(r.cells.value(column));
    return true;
}

std::unique_ptr<SampleReader> SampleReader::open(const QString &location,
                                                 const ReaderOptions &options, PreviewError *error,
                                                 const std::atomic<bool> *cancel)
{
    if (!isUrl(location))
        return openFile(location, options, error);
    std::unique_ptr<QTemporaryFile> download = UrlFetcher::fetch(location, options, error, cancel);
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
    // JSON: the first character after a BOM and white space opens an object or an array.
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < head.size() && std::strchr(" \t\r\n", head.at(i)))
        ++i;
    if (!utf16 && i < head.size() && (head.at(i) == '{' || head.at(i) == '['))
        return JsonReader::open(path, options, error);
    return CsvReader::open(path, options, error);
}

} // namespace Mesh
