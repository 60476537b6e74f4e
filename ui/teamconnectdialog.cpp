// SPDX-License-Identifier: MIT
#include "teamconnectdialog.h"

#include "federation/credentialstore.h"
#include "team/pgconnection.h"
#include "team/serverschema.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

TeamConnectDialog::TeamConnectDialog(CredentialStore *credentials, QWidget *parent)
    : QDialog(parent), m_credentials(credentials)
{
    setObjectName(QStringLiteral("teamConnectDialog"));
    setWindowTitle(tr("Connect to Team Catalog"));
    auto *intro =
        new QLabel(tr("The team's shared catalog on PostgreSQL. This catalog file becomes "
                      "its offline cache: search and browse stay local, changes sync in "
                      "the background, and writes made offline are sent when the server "
                      "is back."),
                   this);
    intro->setWordWrap(true);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("teamUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://db.example.com:5432/mesh?sslmode=verify-full"));
    m_url->setAccessibleName(tr("Server URL"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("teamUser"));
    m_user->setPlaceholderText(tr("your user id, e.g. maria.lopez"));
    m_user->setAccessibleName(tr("User"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("teamPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember = new QCheckBox(tr("Remember password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("teamRemember"));
    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("teamTest"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("teamTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, this, &TeamConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TeamConnectDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &TeamConnectDialog::testConnection);
    connect(&m_watcher, &QFutureWatcher<TeamConnectionCheck>::finished, this, [this] {
        const TeamConnectionCheck result = m_watcher.result();
        m_test->setEnabled(true);
        m_result->setText(result.message);
        emit testFinished(result.ok, result.message);
    });

    QSettings settings;
    m_url->setText(settings.value(QStringLiteral("team/url")).toString());
    m_user->setText(settings.value(QStringLiteral("team/user")).toString());
    if (m_credentials && !m_url->text().isEmpty()) {
        const QByteArray saved = m_credentials->secret(credentialKey(url(), user()));
        m_password->setText(QString::fromUtf8(saved));
        m_remember->setChecked(!saved.isEmpty());
    }
}

TeamConnectDialog::~TeamConnectDialog()
{
    m_watcher.waitForFinished();
}

QString TeamConnectDialog::url() const
{
    return m_url->text().trimmed();
}

QString TeamConnectDialog::user() const
{
    return m_user->text().trimmed();
}

QByteArray TeamConnectDialog::password() const
{
    return m_password->text().toUtf8();
}

bool TeamConnectDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void TeamConnectDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void TeamConnectDialog::setUser(const QString &user)
{
    m_user->setText(user);
}

void TeamConnectDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void TeamConnectDialog::setRememberPassword(bool remember)
{
    m_remember->setChecked(remember);
}

QString TeamConnectDialog::testResult() const
{
    return m_result->text();
}

QString TeamConnectDialog::credentialKey(const QString &url, const QString &user)
{
    return QStringLiteral("team:%1@%2").arg(user, redactedPgUrl(url));
}

TeamConnectionCheck TeamConnectDialog::check(const QString &url, const QString &user,
                                             const QByteArray &password)
{
    QString error;
    auto conn = PgConnection::connect(url, user, password, &error);
    if (!conn)
        return {false, error};
    const int version = ServerSchema::currentVersion(*conn, &error);
    if (version < 0)
        return {false, error};
    if (version == 0)
        return {false, QObject::tr("Connected to %1, but it holds no team catalog yet: ask its "
                                   "administrator to run `meshctl server init`.")
                           .arg(conn->server())};
    if (version > ServerSchema::kLatestVersion)
        return {false,
                QObject::tr("Connected to %1, but its team catalog (schema %2) is newer than "
                            "this Mesh Explorer; update the app.")
                    .arg(conn->server())
                    .arg(version)};
    const PgResult r =
        conn->exec(QStringLiteral("SELECT count(*), (SELECT coalesce(max(change_no), "
                                  "0) FROM change_log) FROM products"));
    return {true,
            QObject::tr("Connected to %1 as %2: team catalog schema %3, %4 products, change %5.")
                .arg(conn->server(), conn->currentUser())
                .arg(version)
                .arg(r.integer(0, 0))
                .arg(r.integer(0, 1))};
}

void TeamConnectDialog::testConnection()
{
    if (url().isEmpty()) {
        m_result->setText(tr("Enter the server URL first."));
        emit testFinished(false, m_result->text());
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(redactedPgUrl(url())));
    m_watcher.setFuture(QtConcurrent::run(&TeamConnectDialog::check, url(), user(), password()));
}

void TeamConnectDialog::accept()
{
    if (url().isEmpty()) {
        m_result->setText(tr("Enter the server URL first."));
        return;
    }
    if (m_credentials) {
        QString error;
        const QString key = credentialKey(url(), user());
        const bool stored = rememberPassword() && !password().isEmpty()
                                ? m_credentials->setSecret(key, password(), &error)
                                : m_credentials->removeSecret(key, &error);
        if (!stored && rememberPassword()) {
            QMessageBox::warning(this, windowTitle(),
                                 tr("The password could not be saved in the keychain: %1. You "
                                    "will be asked for it again.")
                                     .arg(error));
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("team/url"), redactedPgUrl(url()));
    settings.setValue(QStringLiteral("team/user"), user());
    QDialog::accept();
}

} // namespace Mesh
