// SPDX-License-Identifier: MIT
#pragma once

#include "kpi/kpiengine.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Mesh {

class KpiResultModel;

/**
 * The KPI editor: the definition as a form with SQL editors (value, breakdown, rows, and the
 * optional stage and period SQL), a "Test run" that runs the SQL read-only in the dashboard's
 * worker and shows the rows or the error (with a stage: the period SQL over it, checked against
 * the value SQL), and Save. Whether the
 * user may save is decided by AccessPolicy in the worker (owner, steward or admin of the KPI's
 * product); a refusal is shown here, nothing is hidden. UI thread.
 */
class KpiEditorDialog : public QDialog
{
    Q_OBJECT

public:
    KpiEditorDialog(const QList<KpiDefinition> &definitions, const QString &currentKey,
                    const QString &userId, QWidget *parent = nullptr);

    KpiDefinition definition() const;
    void selectKpi(const QString &key);
    QPlainTextEdit *sqlEdit() const { return m_sql; }
    QPlainTextEdit *stageSqlEdit() const { return m_stageSql; }
    QPlainTextEdit *periodSqlEdit() const { return m_periodSql; }
    QLabel *messageLabel() const { return m_message; }
    KpiResultModel *testModel() const { return m_testModel; }

    void showTestRun(const Mesh::KpiQueryResult &result);
    void showSaveResult(bool ok, const QString &error, bool refused);

signals:
    void testRunRequested(const Mesh::KpiDefinition &definition);
    void saveRequested(const Mesh::KpiDefinition &definition);

private:
    void load(const KpiDefinition &definition);
    static std::optional<double> optionalValue(const QLineEdit *edit);

    QList<KpiDefinition> m_definitions;
    KpiDefinition m_current;
    QComboBox *m_kpiBox = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_unit = nullptr;
    QLineEdit *m_inputs = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_green = nullptr;
    QLineEdit *m_amber = nullptr;
    QCheckBox *m_higher = nullptr;
    QCheckBox *m_additive = nullptr;
    QComboBox *m_grain = nullptr;
    QLineEdit *m_secondaryLabel = nullptr;
    QLineEdit *m_breakdownLabel = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPlainTextEdit *m_breakdownSql = nullptr;
    QPlainTextEdit *m_rowsSql = nullptr;
    QPlainTextEdit *m_stageSql = nullptr;
    QPlainTextEdit *m_periodSql = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_testView = nullptr;
    KpiResultModel *m_testModel = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace Mesh
