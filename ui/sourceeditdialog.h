// SPDX-License-Identifier: MIT
#pragma once

#include "federation/sourcedefinition.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace Mesh {

/**
 * Adds or edits one source: name, type, address, authentication (the token or password goes to
 * the keychain, never the catalog), CA bundle, schedule, enabled. Validates as the user types
 * with SourceRegistry::validate. UI thread.
 */
class SourceEditDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SourceEditDialog(const std::optional<SourceDefinition> &existing, QWidget *parent = nullptr);

    SourceDefinition definition() const;
    /** The secret typed, empty when the field was left empty (keep the stored one). */
    QByteArray secret() const;

private:
    void updateState();

    std::optional<SourceDefinition> m_existing;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_caBundle = nullptr;
    QSpinBox *m_every = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Mesh
