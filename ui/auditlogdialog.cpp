// SPDX-License-Identifier: MIT
#include "auditlogdialog.h"

#include "access/auditlogmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Mesh {

AuditLogDialog::AuditLogDialog(AccessSession *session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit Log"));
    m_model = new AuditLogModel(this);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditChainStatus"));
    m_status->setTextFormat(Qt::RichText);
    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("user id"));
    m_product = new QLineEdit(this);
    m_product->setPlaceholderText(tr("product key"));
    m_action = new QComboBox(this);
    m_action->addItem(tr("any action"), QString());
    for (const char *a : {"request", "approve", "deny", "grant", "withdraw", "revoke", "expire",
                          "sign-in-as", "preview-pii", "preview-masked", "export",
                          "edit-metadata", "claim-ownership", "approve-claim", "deny-claim",
                          "withdraw-claim"})
        m_action->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    m_useRange = new QCheckBox(tr("Between"), this);
    m_from = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-30), this);
    m_to = new QDateTimeEdit(QDateTime::currentDateTime().addDays(1), this);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setEnabled(false);
    }
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("User:"), this));
    filters->addWidget(m_user);
    filters->addWidget(new QLabel(tr("Product:"), this));
    filters->addWidget(m_product);
    filters->addWidget(m_action);
    filters->addWidget(m_useRange);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("and"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);
    filters->addWidget(exportButton);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    resize(1180, 640);

    connect(m_session, &AccessSession::auditReady, this, &AuditLogDialog::showSnapshot);
    connect(m_user, &QLineEdit::editingFinished, this, &AuditLogDialog::reload);
    connect(m_product, &QLineEdit::editingFinished, this, &AuditLogDialog::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogDialog::reload);
    connect(m_useRange, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        reload();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &AuditLogDialog::reload);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &AuditLogDialog::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditLogDialog::showDetail);
    connect(exportButton, &QPushButton::clicked, this, &AuditLogDialog::exportCsv);
    reload();
}

void AuditLogDialog::reload()
{
    AuditFilter filter;
    filter.actor = m_user->text().trimmed();
    filter.productKey = m_product->text().trimmed();
    filter.action = m_action->currentData().toString();
    if (m_useRange->isChecked()) {
        filter.from = m_from->dateTime().toUTC();
        filter.to = m_to->dateTime().toUTC();
    }
    m_session->loadAudit(filter);
}

void AuditLogDialog::showSnapshot(const AuditSnapshot &snapshot)
{
    const AuditVerification &v = snapshot.verification;
    m_status->setText(
        v.intact()
            ? tr("<span style='color:#1b7f3b; font-weight:600'>✔ Chain verified</span> — %1 "
                 "entries, head %2 · showing %3")
                  .arg(v.entries)
                  .arg(v.headHash.left(16))
                  .arg(snapshot.entries.size())
            : tr("<span style='color:#b3261e; font-weight:600'>✖ Chain broken at #%1</span> — "
                 "%2")
                  .arg(v.firstBadSeq)
                  .arg(v.message.toHtmlEscaped()));
    m_model->setEntries(snapshot.entries);
    m_table->resizeColumnsToContents();
    if (!v.intact()) {
        const QModelIndex bad = m_model->indexOf(v.firstBadSeq);
        if (bad.isValid())
            m_table->setCurrentIndex(bad);
    } else if (m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(m_model->rowCount() - 1, 0)); // the newest
    }
}

void AuditLogDialog::showDetail()
{
    const AuditEntry *e = m_model->entryAt(m_table->currentIndex());
    if (!e) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(tr("#%1  %2  %3 %4 %5 %6\n\n%7\n\nprevious hash %8\nhash          %9")
                               .arg(e->seq)
                               .arg(accessTime(e->at), e->actor, e->action, e->productKey,
                                    e->subject, e->detail, e->prevHash, e->hash));
}

void AuditLogDialog::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"),
                                                      QStringLiteral("audit.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(AuditLog::toCsv(m_model->entries())) < 0 ||
        !file.commit())
        m_status->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace Mesh
