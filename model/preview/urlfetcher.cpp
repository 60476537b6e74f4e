// SPDX-License-Identifier: MIT
#include "preview/urlfetcher.h"

#include <QTemporaryFile>

#include <curl/curl.h>

#include <mutex>

namespace Mesh {

namespace {

struct Transfer
{
    QTemporaryFile *file = nullptr;
    qint64 written = 0;
    qint64 cap = 0;
    bool overCap = false;
    bool writeFailed = false;
    const std::atomic<bool> *cancel = nullptr;
    const UrlFetcher::Progress *progress = nullptr;
    bool cancelled = false;
};

size_t onData(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const qint64 n = qint64(size * count);
    if (t->written + n > t->cap) {
        t->overCap = true;
        return 0;
    }
    if (t->file->write(data, n) != n) {
        t->writeFailed = true;
        return 0;
    }
    t->written += n;
    return size_t(n);
}

int onProgress(void *user, curl_off_t total, curl_off_t done, curl_off_t, curl_off_t)
{
    auto *t = static_cast<Transfer *>(user);
    if ((t->cancel && t->cancel->load()) ||
        (t->progress && *t->progress && !(*t->progress)(qint64(done), total > 0 ? qint64(total) : -1))) {
        t->cancelled = true;
        return 1;
    }
    return 0;
}

} // namespace

std::unique_ptr<QTemporaryFile> UrlFetcher::fetch(const QString &url, const ReaderOptions &options,
                                                  PreviewError *error,
                                                  const std::atomic<bool> *cancel,
                                                  const Progress &progress)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open()) {
        *error = PreviewError::make(PreviewError::Kind::Io, url,
                                    QStringLiteral("cannot be downloaded: no temporary file could be made."),
                                    QStringLiteral("Free some space in the temporary directory."));
        return nullptr;
    }
    CURL *curl = curl_easy_init();
    if (!curl) {
        *error = PreviewError::make(PreviewError::Kind::Io, url, QStringLiteral("cannot start libcurl."));
        return nullptr;
    }
    Transfer t;
    t.file = file.get();
    t.cap = options.maxDownloadBytes;
    t.cancel = cancel;
    t.progress = &progress;
    const QByteArray u = url.toUtf8();
    char curlError[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_URL, u.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(options.connectTimeoutSecs));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(options.totalTimeoutSecs));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, long(options.stallTimeoutSecs));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxDownloadBytes));
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "mesh-explorer/" MESH_VERSION);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curlError);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);

    using K = PreviewError::Kind;
    const QString detail = QString::fromUtf8(curlError[0] ? curlError : curl_easy_strerror(rc));
    if (rc == CURLE_OK) {
        file->flush();
        if (t.written == 0) {
            *error = PreviewError::make(K::Empty, url, QStringLiteral("returned no data."),
                                        QStringLiteral("Check that the URL serves the sample file."));
            return nullptr;
        }
        return file;
    }
    if (t.cancelled)
        *error = PreviewError::make(K::Cancelled, url, QStringLiteral("download cancelled."));
    else if (rc == CURLE_HTTP_RETURNED_ERROR)
        *error = PreviewError::make(
            K::Http, url, QStringLiteral("the server answered HTTP %1.").arg(status),
            status == 404 || status == 410
                ? QStringLiteral("Check the address; the sample may have moved.")
                : status == 401 || status == 403
                      ? QStringLiteral("The server wants credentials the preview does not send.")
                      : QStringLiteral("The server failed; try again later or ask its owner."));
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        *error = PreviewError::make(K::Timeout, url,
                                    QStringLiteral("timed out (%1).").arg(detail),
                                    QStringLiteral("The server is slow or unreachable; try again later."));
    else if (t.overCap || rc == CURLE_FILESIZE_EXCEEDED)
        *error = PreviewError::make(K::TooLarge, url,
                                    QStringLiteral("is larger than the %1 MB download limit.")
                                        .arg(options.maxDownloadBytes >> 20),
                                    QStringLiteral("Share a smaller sample."));
    else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
        *error = PreviewError::make(K::Http, url,
                                    QStringLiteral("has a TLS certificate that cannot be verified (%1).").arg(detail),
                                    QStringLiteral("The preview keeps verification on; ask the owner to fix the certificate."));
    else if (rc == CURLE_FILE_COULDNT_READ_FILE)
        *error = PreviewError::make(K::Missing, url, QStringLiteral("does not exist or cannot be read."),
                                    QStringLiteral("Check the path."));
    else
        *error = PreviewError::make(K::Http, url, QStringLiteral("could not be fetched: %1.").arg(detail),
                                    QStringLiteral("Check the address and the network."));
    return nullptr;
}

} // namespace Mesh
