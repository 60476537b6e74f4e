// SPDX-License-Identifier: MIT
#include "federation/credentialstore.h"

namespace Mesh {

QByteArray InMemoryCredentialStore::secret(const QString &sourceName)
{
    std::lock_guard lock(m_mutex);
    return m_secrets.value(sourceName);
}

bool InMemoryCredentialStore::setSecret(const QString &sourceName, const QByteArray &secret,
                                        QString *)
{
    std::lock_guard lock(m_mutex);
    m_secrets.insert(sourceName, secret);
    return true;
}

bool InMemoryCredentialStore::removeSecret(const QString &sourceName, QString *)
{
    std::lock_guard lock(m_mutex);
    m_secrets.remove(sourceName);
    return true;
}

} // namespace Mesh
