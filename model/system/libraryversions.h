// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Mesh {

/**
 * The versions of the C libraries the model links, as they report themselves at run time (which
 * may differ from the headers it was built with). For the About dialog and bug reports.
 */
namespace LibraryVersions {

/** sqlite3_libversion(), e.g. "3.40.1". */
QString sqlite();
/** curl_version_info()'s version, e.g. "7.88.1". */
QString curl();
/** curl_version_info()'s TLS backend, e.g. "OpenSSL/3.0.11"; empty when built without TLS. */
QString curlTls();

} // namespace LibraryVersions

} // namespace Mesh
