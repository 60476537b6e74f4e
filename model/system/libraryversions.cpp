// SPDX-License-Identifier: MIT
#include "libraryversions.h"

#include <curl/curl.h>
#include <sqlite3.h>

namespace Mesh::LibraryVersions {

QString sqlite()
{
    return QString::fromLatin1(sqlite3_libversion());
}

QString curl()
{
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    return info && info->version ? QString::fromLatin1(info->version) : QString();
}

QString curlTls()
{
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    return info && info->ssl_version ? QString::fromLatin1(info->ssl_version) : QString();
}

} // namespace Mesh::LibraryVersions
