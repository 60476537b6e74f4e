// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>

namespace Mesh {

/**
 * Where source secrets (bearer tokens, basic-auth passwords) live, keyed by source name. The GUI
 * uses the OS keychain (KeychainCredentialStore in ui/, through QtKeychain); tests and tools use
 * InMemoryCredentialStore. Secrets never go to the catalog, QSettings, logs or messages.
 * Implementations are safe to call from the sync worker thread.
 */
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;
    /** The secret for a source, or an empty array when none is stored (or it cannot be read). */
    virtual QByteArray secret(const QString &sourceName) = 0;
    virtual bool setSecret(const QString &sourceName, const QByteArray &secret, QString *error) = 0;
    virtual bool removeSecret(const QString &sourceName, QString *error) = 0;
};

/** Secrets in process memory only: for tests, and for a CLI run that was handed a token. */
class InMemoryCredentialStore final : public CredentialStore
{
public:
    QByteArray secret(const QString &sourceName) override;
    bool setSecret(const QString &sourceName, const QByteArray &secret, QString *error) override;
    bool removeSecret(const QString &sourceName, QString *error) override;

private:
    std::mutex m_mutex;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace Mesh
