// SPDX-License-Identifier: MIT
#include "keychaincredentialstore.h"

#include <QEventLoop>
#include <QFileInfo>

#include <qt6keychain/keychain.h>

namespace Mesh {

namespace {

const QString kService = QStringLiteral("mesh-explorer");

bool runJob(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (job.error() == QKeychain::NoError)
        return true;
    if (error)
        *error = QObject::tr("The system keychain refused: %1").arg(job.errorString());
    return false;
}

} // namespace

QString KeychainCredentialStore::key(const QString &sourceName) const
{
    return QFileInfo(m_catalog).absoluteFilePath() + QLatin1Char('#') + sourceName;
}

QByteArray KeychainCredentialStore::secret(const QString &sourceName)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key(sourceName));
    m_lastError.clear();
    if (!runJob(job, &m_lastError))
        return {};
    return job.binaryData();
}

bool KeychainCredentialStore::setSecret(const QString &sourceName, const QByteArray &secret,
                                        QString *error)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key(sourceName));
    job.setBinaryData(secret);
    m_lastError.clear();
    const bool ok = runJob(job, &m_lastError);
    if (!ok && error)
        *error = m_lastError;
    return ok;
}

bool KeychainCredentialStore::removeSecret(const QString &sourceName, QString *error)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key(sourceName));
    m_lastError.clear();
    const bool ok = runJob(job, &m_lastError);
    if (!ok && error)
        *error = m_lastError;
    return ok;
}

} // namespace Mesh
