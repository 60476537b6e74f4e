// SPDX-License-Identifier: MIT
#pragma once

#include "team/teamclient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Mesh {

/**
 * Edit → Import Contract…: imports an ODCS v3 YAML document into the catalog, creating or
 * updating the product it describes. The file is read and imported on a worker with its own
 * read-write connection (ContractService decides through the access policy and audits); what
 * went wrong is listed in the dialog: every problem of an invalid document with its line and
 * field, or why the policy refused. The dialog stays open on failure so the user can fix the
 * file and try again. UI thread.
 */
class ContractImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ContractImportDialog(QString catalogPath, QString userId, QWidget *parent = nullptr);

    /** On a team cache the import goes to this team server (TeamContracts), as its user. */
    void setTeamRoute(const TeamRoute &route);

    /** Who imports (the signed-in user); the policy decides for them. */
    void setUserId(const QString &userId) { m_user = userId; }
    void setFile(const QString &path);
    QString file() const;
    bool isBusy() const { return m_busy; }
    /** The text above the list: success, refusal or what is wrong. */
    QString message() const;
    /** The problems (or warnings) listed, one a line. */
    QStringList issues() const;

public slots:
    void importNow();

signals:
    /** The contract was imported: productKey was created (or updated). */
    void imported(const QString &productKey, bool created);
    /** An import attempt ended, whatever its outcome (for tests). */
    void finishedImport(bool ok);

private:
    void chooseFile();
    void showResult(bool error, const QString &message, const QStringList &issues);
    void updateButtons();

    QString m_catalog;
    QString m_user;
    TeamRoute m_route;
    QLabel *m_intro = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_message = nullptr;
    QListWidget *m_issues = nullptr;
    QPushButton *m_import = nullptr;
    bool m_busy = false;
};

} // namespace Mesh
