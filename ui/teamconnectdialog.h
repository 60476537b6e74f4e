// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Mesh {

class CredentialStore;

/** The outcome of "Test Connection": reachable, and whether it holds a team catalog. */
struct TeamConnectionCheck
{
    bool ok = false;
    QString message;
};

/**
 * File → Connect to Team Catalog…: the server URL, the user, the password (kept in the
 * credential store — the OS keychain in the app, an in-memory store in tests — only when
 * "Remember password" is checked; never in the settings), and Test Connection, which connects
 * off the UI thread and says what it found. UI thread.
 */
class TeamConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    TeamConnectDialog(CredentialStore *credentials, QWidget *parent = nullptr);
    ~TeamConnectDialog() override;

    QString url() const;
    QString user() const;
    QByteArray password() const;
    bool rememberPassword() const;
    void setUrl(const QString &url);
    void setUser(const QString &user);
    void setPassword(const QString &password);
    void setRememberPassword(bool remember);

    /** Starts a connection test; testFinished reports it. */
    void testConnection();
    QString testResult() const;
    /** The credential store key of a server and user. */
    static QString credentialKey(const QString &url, const QString &user);
    /** Connects and reads the schema version and product count (any thread). */
    static TeamConnectionCheck check(const QString &url, const QString &user,
                                     const QByteArray &password);

    void accept() override;

signals:
    void testFinished(bool ok, const QString &message);

private:
    CredentialStore *m_credentials = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QFutureWatcher<TeamConnectionCheck> m_watcher;
};

} // namespace Mesh
