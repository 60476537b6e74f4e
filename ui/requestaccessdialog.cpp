// SPDX-License-Identifier: MIT
#include "requestaccessdialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mesh {

RequestAccessDialog::RequestAccessDialog(const QString &productName, const QStringList &columns,
                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("requestAccessDialog"));
    setWindowTitle(tr("Request Access to %1").arg(productName));
    m_purpose = new QPlainTextEdit(this);
    m_purpose->setPlaceholderText(tr("What will you use the data for?"));
    m_purpose->setFixedHeight(70);
    m_columns = new QListWidget(this);
    for (const QString &c : columns) {
        auto *item = new QListWidgetItem(c, m_columns);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    const QDate today = QDate::currentDate();
    m_start = new QDateEdit(today, this);
    m_start->setCalendarPopup(true);
    m_start->setMinimumDate(today);
    m_end = new QDateEdit(today.addDays(30), this);
    m_end->setCalendarPopup(true);
    m_end->setMinimumDate(today.addDays(1));
    m_end->setMaximumDate(today.addDays(366));

    auto *form = new QFormLayout;
    form->addRow(tr("Purpose:"), m_purpose);
    form->addRow(tr("Columns:"), m_columns);
    auto *hint = new QLabel(tr("Tick none to ask for the whole product."), this);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    form->addRow(tr("From:"), m_start);
    form->addRow(tr("Until:"), m_end);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Send Request"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_purpose, &QPlainTextEdit::textChanged, this, &RequestAccessDialog::updateOk);
    connect(m_start, &QDateEdit::dateChanged, this, &RequestAccessDialog::updateOk);
    connect(m_end, &QDateEdit::dateChanged, this, &RequestAccessDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(460, 480);
    updateOk();
}

void RequestAccessDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!purpose().isEmpty() && m_end->date() > m_start->date());
}

QString RequestAccessDialog::purpose() const
{
    return m_purpose->toPlainText().trimmed();
}

QStringList RequestAccessDialog::columns() const
{
    QStringList result;
    for (int i = 0; i < m_columns->count(); ++i)
        if (m_columns->item(i)->checkState() == Qt::Checked)
            result.append(m_columns->item(i)->text());
    return result;
}

QDateTime RequestAccessDialog::startsAt() const
{
    // Today means now: a request for today starts at once.
    if (m_start->date() == QDate::currentDate())
        return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    return QDateTime(m_start->date(), QTime(0, 0)).toUTC();
}

QDateTime RequestAccessDialog::endsAt() const
{
    return QDateTime(m_end->date(), QTime(23, 59, 59)).toUTC();
}

} // namespace Mesh
