// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QDialog>

class QDateEdit;
class QDialogButtonBox;
class QListWidget;
class QPlainTextEdit;

namespace Mesh {

/**
 * "Request access…": purpose, columns (none ticked: the whole product) and the period. Only
 * collects the request; AccessSession submits it and the model decides. UI thread.
 */
class RequestAccessDialog : public QDialog
{
    Q_OBJECT

public:
    RequestAccessDialog(const QString &productName, const QStringList &columns,
                        QWidget *parent = nullptr);

    QString purpose() const;
    QStringList columns() const; // empty: the whole product
    QDateTime startsAt() const;
    QDateTime endsAt() const;

private:
    void updateOk();

    QPlainTextEdit *m_purpose = nullptr;
    QListWidget *m_columns = nullptr;
    QDateEdit *m_start = nullptr;
    QDateEdit *m_end = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Mesh
