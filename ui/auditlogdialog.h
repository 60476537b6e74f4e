// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesssession.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace Mesh {

class AuditLogModel;

/**
 * The audit viewer: filters (user, product, action, time range) applied by the worker's query,
 * a detail pane, CSV export and a visible "chain verified / broken at #N" status. UI thread.
 */
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuditLogDialog(AccessSession *session, QWidget *parent = nullptr);

    AuditLogModel *model() const { return m_model; }
    QLabel *chainStatus() const { return m_status; }

private:
    void reload();
    void showSnapshot(const AuditSnapshot &snapshot);
    void showDetail();
    void exportCsv();

    AccessSession *m_session = nullptr;
    AuditLogModel *m_model = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_product = nullptr;
    QComboBox *m_action = nullptr;
    QCheckBox *m_useRange = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace Mesh
