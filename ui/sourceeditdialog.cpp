// SPDX-License-Identifier: MIT
#include "sourceeditdialog.h"

#include "federation/sourceregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Mesh {

SourceEditDialog::SourceEditDialog(const std::optional<SourceDefinition> &existing, QWidget *parent)
    : QDialog(parent), m_existing(existing)
{
    setWindowTitle(existing ? tr("Edit source “%1”").arg(existing->name) : tr("Add source"));
    setObjectName(QStringLiteral("sourceEditDialog"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_name->setPlaceholderText(tr("e.g. openmetadata-prod"));
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("sourceType"));
    for (const QString &id : sourceTypeIds())
        m_type->addItem(sourceTypeLabel(*sourceTypeFromId(id)), id);
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_auth = new QComboBox;
    m_auth->setObjectName(QStringLiteral("sourceAuth"));
    m_auth->addItem(tr("None"), QStringLiteral("none"));
    m_auth->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    m_auth->addItem(tr("User name and password"), QStringLiteral("basic"));
    m_user = new QLineEdit;
    m_secret = new QLineEdit;
    m_secret->setObjectName(QStringLiteral("sourceSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_caBundle = new QLineEdit;
    m_caBundle->setPlaceholderText(tr("System certificate authorities"));
    auto *browse = new QPushButton(tr("Browse…"));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(browse);
    m_every = new QSpinBox;
    m_every->setRange(0, 7 * 24 * 60);
    m_every->setSpecialValueText(tr("Manual"));
    m_every->setSuffix(tr(" min"));
    m_enabled = new QCheckBox(tr("Include in Sync all and scheduled syncs"));
    m_enabled->setChecked(true);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("A&uthentication:"), m_auth);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(tr("CA bundle:"), caRow);
    form->addRow(tr("Sync &every:"), m_every);
    form->addRow(QString(), m_enabled);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("sourceProblem"));
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA bundle"), {},
                                                          tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caBundle->setText(file);
    });
    if (existing) {
        m_name->setText(existing->name);
        m_type->setCurrentIndex(m_type->findData(sourceTypeId(existing->type)));
        m_url->setText(existing->url);
        m_auth->setCurrentIndex(m_auth->findData(sourceAuthId(existing->auth)));
        m_user->setText(existing->username);
        m_caBundle->setText(existing->caBundle);
        m_every->setValue(existing->scheduleMinutes);
        m_enabled->setChecked(existing->enabled);
    }
    for (QLineEdit *e : {m_name, m_url, m_user, m_secret, m_caBundle})
        connect(e, &QLineEdit::textChanged, this, &SourceEditDialog::updateState);
    for (QComboBox *c : {m_type, m_auth})
        connect(c, &QComboBox::currentIndexChanged, this, &SourceEditDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

SourceDefinition SourceEditDialog::definition() const
{
    SourceDefinition s = m_existing.value_or(SourceDefinition{});
    s.name = m_name->text().trimmed();
    s.type = sourceTypeFromId(m_type->currentData().toString()).value_or(SourceType::MeshJson);
    s.url = m_url->text().trimmed();
    s.auth = sourceAuthFromId(m_auth->currentData().toString()).value_or(SourceAuth::None);
    s.username = s.auth == SourceAuth::Basic ? m_user->text().trimmed() : QString();
    s.caBundle = m_caBundle->text().trimmed();
    s.scheduleMinutes = m_every->value();
    s.enabled = m_enabled->isChecked();
    return s;
}

QByteArray SourceEditDialog::secret() const
{
    return m_secret->text().toUtf8();
}

void SourceEditDialog::updateState()
{
    const auto auth = sourceAuthFromId(m_auth->currentData().toString()).value_or(SourceAuth::None);
    m_user->setEnabled(auth == SourceAuth::Basic);
    m_secret->setEnabled(auth != SourceAuth::None);
    m_secret->setPlaceholderText(auth == SourceAuth::None ? QString()
                                 : m_existing && m_existing->auth == auth
                                     ? tr("Leave empty to keep the one in the keychain")
                                     : tr("Stored in the system keychain, never in the catalog"));
    const auto type = sourceTypeFromId(m_type->currentData().toString()).value_or(SourceType::MeshJson);
    m_url->setPlaceholderText(type == SourceType::MeshJson ? tr("https://…/mesh.json or file:///…/mesh.json")
                              : type == SourceType::Odcs   ? tr("https://…/contract.yaml or file:///…")
                                                           : tr("https://catalog.example.com"));
    QString problem = m_url->text().isEmpty() && m_name->text().isEmpty()
                          ? QString()
                          : SourceRegistry::validate(definition());
    if (problem.isEmpty() && auth != SourceAuth::None && m_secret->text().isEmpty() &&
        !(m_existing && m_existing->auth == auth) && definition().tokenEnv.isEmpty())
        problem = tr("Enter the %1; it is kept in the system keychain.")
                      .arg(auth == SourceAuth::Basic ? tr("password") : tr("token"));
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(
        problem.isEmpty() && !m_name->text().isEmpty() && !m_url->text().isEmpty());
}

} // namespace Mesh
