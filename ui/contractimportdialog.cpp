// SPDX-License-Identifier: MIT
#include "contractimportdialog.h"

#include "catalog/sqlitecatalogstore.h"
#include "contract/contractservice.h"
#include "team/teamcontracts.h"
#include "yaml/boundedyaml.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Mesh {

namespace {

struct ImportResult
{
    bool ok = false;
    bool refused = false;
    bool queued = false; // a team import kept in the outbox while the server is unreachable
    QString message;
    QStringList issues; // problems of an invalid document, or warnings of a good one
    QString productKey;
    bool created = false;
};

/** What an import of a document that is not a valid contract shows: each problem. */
ImportResult invalidDocument(ImportResult r, const QString &name, const QList<OdcsIssue> &errors)
{
    r.message = ContractImportDialog::tr("%1 is not a valid ODCS v3 contract; nothing was "
                                         "imported. Fix these %n problem(s) and import again:",
                                         nullptr, int(errors.size()))
                    .arg(name);
    for (const OdcsIssue &issue : errors)
        r.issues << issue.toString();
    return r;
}

/** A refused import: the reason, by whom (the team server, or the policy here), what to do. */
QString refusal(const QString &reason, bool byTeamServer)
{
    const QString text = ContractImportDialog::tr("%1 Nothing was imported; ask the product's "
                                                  "owner or a steward of its domain.")
                             .arg(reason);
    return byTeamServer ? ContractImportDialog::tr("Refused by the team server: %1").arg(text)
                        : ContractImportDialog::tr("Refused: %1").arg(text);
}

/** The import on a team cache: sent to the team server (or queued), then synced back. */
ImportResult runTeamImport(SqliteCatalogStore &store, const TeamRoute &route, const QString &name,
                           const QByteArray &yaml)
{
    ImportResult r;
    const TeamContractImport result = TeamContracts::importAndSync(route, store, yaml);
    r.productKey = result.productKey;
    if (!result.errors.isEmpty())
        return invalidDocument(std::move(r), name, result.errors);
    r.issues = result.warnings;
    r.ok = result.outcome.ok();
    r.queued = result.outcome.queued;
    r.refused = result.outcome.code == TeamWriteOutcome::Code::Refused;
    // Refused on the cache (AccessPolicy::decide, the same rules) or by the server itself.
    if (r.refused)
        r.message = refusal(result.outcome.message, result.sent);
    else if (r.ok)
        r.message = ContractImportDialog::tr("Team server: %1").arg(result.outcome.message);
    else
        r.message = result.outcome.message;
    return r;
}

ImportResult runImport(const QString &catalog, const QString &user, const TeamRoute &route,
                       const QString &path)
{
    ImportResult r;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.message = ContractImportDialog::tr("Cannot read %1: %2. Choose another file.")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
        return r;
    }
    const qint64 limit = YamlLimits().maxBytes;
    if (file.size() > limit) {
        r.message = ContractImportDialog::tr("%1 is %2 MB; a contract may be at most %3 MB. "
                                             "Nothing was imported.")
                        .arg(name)
                        .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(limit / (1024 * 1024));
        return r;
    }
    const QByteArray yaml = file.readAll();
    CatalogError error;
    auto store = SqliteCatalogStore::open(catalog, SqliteCatalogStore::OpenMode::ReadWrite, &error);
    if (!store) {
        r.message = ContractImportDialog::tr("The catalog cannot be changed: %1").arg(error.message);
        return r;
    }
    if (route.isSet() && TeamClient::isTeamCache(*store))
        return runTeamImport(*store, route, name, yaml);
    const ContractImport result = ContractService(*store).importContract(user, yaml);
    r.productKey = result.productKey;
    r.created = result.created;
    if (!result.errors.isEmpty())
        return invalidDocument(std::move(r), name, result.errors);
    r.issues = result.warnings;
    r.ok = result.outcome.ok();
    r.refused = result.outcome.code == AccessOutcome::Code::Refused;
    if (r.refused)
        r.message = refusal(result.outcome.message, false);
    else
        r.message = result.outcome.message;
    return r;
}

} // namespace

ContractImportDialog::ContractImportDialog(QString catalogPath, QString userId, QWidget *parent)
    : QDialog(parent), m_catalog(std::move(catalogPath)), m_user(std::move(userId))
{
    setObjectName(QStringLiteral("contractImportDialog"));
    setWindowTitle(tr("Import Data Contract"));
    auto *intro = m_intro = new QLabel(
        tr("Import an Open Data Contract Standard (ODCS) v3.0 or v3.1 YAML document. It creates "
           "the product it describes, or updates it if the catalog has it; fields the catalog has "
           "no place for are kept and come back on export."),
        this);
    intro->setWordWrap(true);
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("contractPath"));
    m_path->setAccessibleName(tr("Contract file"));
    m_path->setPlaceholderText(tr("A contract file, e.g. orders.odcs.yaml"));
    auto *choose = new QPushButton(tr("&Choose…"), this);
    choose->setObjectName(QStringLiteral("contractChooseButton"));
    connect(choose, &QPushButton::clicked, this, &ContractImportDialog::chooseFile);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(choose);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("contractMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues = new QListWidget(this);
    m_issues->setObjectName(QStringLiteral("contractIssues"));
    m_issues->setAccessibleName(tr("Problems in the contract"));
    m_issues->setWordWrap(true);
    m_issues->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("contractImportButton"));
    m_import->setDefault(true);
    connect(m_import, &QPushButton::clicked, this, &ContractImportDialog::importNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ContractImportDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addWidget(m_issues, 1);
    layout->addWidget(buttons);
    resize(720, 360);
    updateButtons();
}

void ContractImportDialog::setFile(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

QString ContractImportDialog::file() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

QString ContractImportDialog::message() const
{
    return m_message->text();
}

void ContractImportDialog::setTeamRoute(const TeamRoute &route)
{
    m_route = route;
    if (route.isSet())
        m_intro->setText(
            tr("Import an Open Data Contract Standard (ODCS) v3.0 or v3.1 YAML document. On a "
               "team catalog it updates the product it describes on the team server, which must "
               "already have it, as %1; the document is kept there and comes back on export from "
               "any desktop.")
                .arg(route.user));
}

QStringList ContractImportDialog::issues() const
{
    QStringList out;
    for (int i = 0; i < m_issues->count(); ++i)
        out << m_issues->item(i)->text();
    return out;
}

void ContractImportDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Choose a Data Contract"), QFileInfo(file()).path(),
                                   tr("ODCS contracts (*.yaml *.yml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &ContractImportDialog::setFile);
    dialog->open();
}

void ContractImportDialog::updateButtons()
{
    m_import->setEnabled(!m_busy && !file().isEmpty());
}

void ContractImportDialog::importNow()
{
    if (m_busy || file().isEmpty())
        return;
    m_busy = true;
    updateButtons();
    showResult(false, tr("Importing %1…").arg(QFileInfo(file()).fileName()), {});
    auto *watcher = new QFutureWatcher<ImportResult>(this);
    connect(watcher, &QFutureWatcher<ImportResult>::finished, this, [this, watcher] {
        const ImportResult r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        updateButtons();
        showResult(!r.ok && !r.queued, r.message, r.issues);
        if (r.ok)
            emit imported(r.productKey, r.created);
        emit finishedImport(r.ok);
    });
    watcher->setFuture(QtConcurrent::run(runImport, m_catalog, m_user, m_route, file()));
}

void ContractImportDialog::showResult(bool error, const QString &message, const QStringList &issues)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b0261e;") : QString());
    m_issues->clear();
    m_issues->addItems(issues);
    m_issues->setVisible(!issues.isEmpty());
}

} // namespace Mesh
