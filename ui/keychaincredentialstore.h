// SPDX-License-Identifier: MIT
#pragma once

#include "federation/credentialstore.h"

#include <QString>

namespace Mesh {

/**
 * Source secrets in the operating system's keychain (Secret Service, macOS Keychain, Windows
 * Credential Manager) through QtKeychain; the insecure plaintext fallback is off. Entries are
 * keyed by catalog file and source name. Each call waits for its keychain job in a local event
 * loop: call it on the UI thread, at a user's request (save, sync), never in a loop.
 */
class KeychainCredentialStore final : public CredentialStore
{
public:
    explicit KeychainCredentialStore(QString catalogPath) : m_catalog(std::move(catalogPath)) {}

    QByteArray secret(const QString &sourceName) override;
    bool setSecret(const QString &sourceName, const QByteArray &secret, QString *error) override;
    bool removeSecret(const QString &sourceName, QString *error) override;
    /** Why the last call failed (e.g. no keychain service), without the secret; empty when it did not. */
    QString lastError() const { return m_lastError; }

private:
    QString key(const QString &sourceName) const;
    QString m_catalog;
    QString m_lastError;
};

} // namespace Mesh
