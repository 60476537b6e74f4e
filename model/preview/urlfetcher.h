// SPDX-License-Identifier: MIT
#pragma once

#include "preview/previewerror.h"
#include "preview/samplereader.h"

#include <atomic>
#include <functional>
#include <memory>

class QTemporaryFile;

namespace Mesh {

/**
 * Downloads an http(s):// or file:// URL into a temporary file with libcurl, streamed to disk
 * with a size cap, connect/stall/total timeouts and TLS verification left on. Blocking: call it
 * on a worker thread. Redirects are followed only to http(s).
 */
class UrlFetcher
{
public:
    /** bytes so far, total or -1; return false to cancel. */
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static std::unique_ptr<QTemporaryFile> fetch(const QString &url, const ReaderOptions &options,
                                                 PreviewError *error,
                                                 const std::atomic<bool> *cancel = nullptr,
                                                 const Progress &progress = {});
};

} // namespace Mesh
