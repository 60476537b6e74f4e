// SPDX-License-Identifier: MIT
#include "kpieditordialog.h"

#include "kpi/kpiresultmodel.h"
#include "kpitilewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Mesh {

namespace {

QPlainTextEdit *sqlEditor(QWidget *parent, const QString &name)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true);
    return edit;
}

QString numberText(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 12) : QString();
}

} // namespace

KpiEditorDialog::KpiEditorDialog(const QList<KpiDefinition> &definitions, const QString &currentKey,
                                 const QString &userId, QWidget *parent)
    : QDialog(parent), m_definitions(definitions)
{
    setObjectName(QStringLiteral("kpiEditorDialog"));
    setWindowTitle(tr("KPI editor"));
    resize(1000, 800);
    auto *layout = new QVBoxLayout(this);
    auto *who = new QLabel(tr("Editing as <b>%1</b>. Only the KPI product's owner, a steward or an "
                              "administrator can save; anyone can test-run.")
                               .arg(userId.toHtmlEscaped()),
                           this);
    who->setWordWrap(true);
    layout->addWidget(who);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *formArea = new QWidget(split);
    auto *columns = new QHBoxLayout(formArea);
    columns->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_kpiBox = new QComboBox(formArea);
    for (const KpiDefinition &d : definitions)
        m_kpiBox->addItem(d.name, d.key);
    form->addRow(tr("KPI"), m_kpiBox);
    m_name = new QLineEdit(formArea);
    form->addRow(tr("Name"), m_name);
    m_unit = new QComboBox(formArea);
    m_unit->setEditable(true);
    m_unit->addItems({QStringLiteral("ratio"), QStringLiteral("USD"), QStringLiteral("count"), QStringLiteral("days")});
    form->addRow(tr("Unit"), m_unit);
    m_inputs = new QLineEdit(formArea);
    m_inputs->setToolTip(tr("Input product keys, comma-separated. Each is a table named by its key "
                            "with every other character than a–z and 0–9 replaced by “_”."));
    form->addRow(tr("Inputs"), m_inputs);
    m_grain = new QComboBox(formArea);
    m_grain->addItem(tr("month"), int(KpiGrain::Month));
    m_grain->addItem(tr("quarter"), int(KpiGrain::Quarter));
    m_grain->addItem(tr("year"), int(KpiGrain::Year));
    form->addRow(tr("Target grain"), m_grain);
    auto *form2 = new QFormLayout;
    m_target = new QLineEdit(formArea);
    m_green = new QLineEdit(formArea);
    m_amber = new QLineEdit(formArea);
    form2->addRow(tr("Target"), m_target);
    form2->addRow(tr("Green from"), m_green);
    form2->addRow(tr("Amber from"), m_amber);
    m_higher = new QCheckBox(tr("Higher is better"), formArea);
    m_additive = new QCheckBox(tr("Sum over time (targets scale with the period)"), formArea);
    form2->addRow(QString(), m_higher);
    form2->addRow(QString(), m_additive);
    m_secondaryLabel = new QLineEdit(formArea);
    form2->addRow(tr("Secondary label"), m_secondaryLabel);
    m_breakdownLabel = new QLineEdit(formArea);
    form2->addRow(tr("Breakdown by"), m_breakdownLabel);
    columns->addLayout(form, 1);
    columns->addLayout(form2, 1);

    auto *tabs = new QTabWidget(split);
    m_sql = sqlEditor(tabs, QStringLiteral("kpiSql"));
    m_breakdownSql = sqlEditor(tabs, QStringLiteral("kpiBreakdownSql"));
    m_rowsSql = sqlEditor(tabs, QStringLiteral("kpiRowsSql"));
    m_stageSql = sqlEditor(tabs, QStringLiteral("kpiStageSql"));
    m_periodSql = sqlEditor(tabs, QStringLiteral("kpiPeriodSql"));
    m_stageSql->setPlaceholderText(
        tr("Optional, for large inputs: one SELECT over the inputs returning the date first (a day, "
           "e.g. substr(date, 1, 10)) and partial aggregates (sums, counts, mins, maxes) GROUP BY "
           "the date. Kept as the table <KPI key>__stage and rebuilt when an input changes."));
    m_periodSql->setPlaceholderText(
        tr("With a stage: the SELECT over <KPI key>__stage returning period, value[, secondary] "
           "(PERIOD(day) …). It must give the value SQL's figures; Test run and Save check that."));
    m_description = new QPlainTextEdit(tabs);
    tabs->addTab(m_sql, tr("Value SQL (period, value[, secondary])"));
    tabs->addTab(m_breakdownSql, tr("Breakdown SQL (:period → label, value)"));
    tabs->addTab(m_rowsSql, tr("Rows SQL (:period)"));
    tabs->addTab(m_stageSql, tr("Stage SQL (per day, optional)"));
    tabs->addTab(m_periodSql, tr("Period SQL over the stage"));
    tabs->addTab(m_description, tr("Description"));

    auto *result = new QWidget(split);
    auto *rl = new QVBoxLayout(result);
    rl->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(tr("Write PERIOD(date column) to group by the dashboard's month, "
                              "quarter or year. Test run shows what the SQL returns (with a stage: "
                              "what the period SQL returns over it, checked against the value SQL)."),
                           result);
    m_message->setObjectName(QStringLiteral("kpiEditorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_message);
    m_testModel = new KpiResultModel(this);
    m_testView = new QTableView(result);
    m_testView->setModel(m_testModel);
    m_testView->horizontalHeader()->setStretchLastSection(true);
    rl->addWidget(m_testView, 1);
    split->addWidget(formArea);
    split->addWidget(tabs);
    split->addWidget(result);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 1);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_testButton = buttons->addButton(tr("Test run"), QDialogButtonBox::ActionRole);
    m_testButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Running…"));
        emit testRunRequested(definition());
    });
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Checking and saving…"));
        m_saveButton->setEnabled(false);
        emit saveRequested(definition());
    });
    layout->addWidget(buttons);
    connect(m_kpiBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < m_definitions.size())
            load(m_definitions.at(i));
    });
    selectKpi(currentKey);
    if (m_kpiBox->currentIndex() >= 0)
        load(m_definitions.value(m_kpiBox->currentIndex()));
}

void KpiEditorDialog::selectKpi(const QString &key)
{
    const int i = m_kpiBox->findData(key);
    if (i >= 0)
        m_kpiBox->setCurrentIndex(i);
}

void KpiEditorDialog::load(const KpiDefinition &d)
{
    m_current = d;
    m_name->setText(d.name);
    m_unit->setCurrentText(d.unit);
    m_inputs->setText(d.inputs.join(QStringLiteral(", ")));
    m_grain->setCurrentIndex(m_grain->findData(int(d.grain)));
    m_target->setText(numberText(d.target));
    m_green->setText(numberText(d.green));
    m_amber->setText(numberText(d.amber));
    m_higher->setChecked(d.higherIsBetter);
    m_additive->setChecked(d.additive);
    m_secondaryLabel->setText(d.secondaryLabel);
    m_breakdownLabel->setText(d.breakdownLabel);
    m_description->setPlainText(d.description);
    m_sql->setPlainText(d.sql);
    m_breakdownSql->setPlainText(d.breakdownSql);
    m_rowsSql->setPlainText(d.rowsSql);
    m_stageSql->setPlainText(d.stageSql);
    m_periodSql->setPlainText(d.periodSql);
    m_testModel->setResult({});
}

std::optional<double> KpiEditorDialog::optionalValue(const QLineEdit *edit)
{
    bool ok = false;
    const double v = edit->text().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

KpiDefinition KpiEditorDialog::definition() const
{
    KpiDefinition d = m_current;
    d.name = m_name->text().trimmed();
    d.unit = m_unit->currentText().trimmed();
    d.inputs.clear();
    for (const QString &input : m_inputs->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        d.inputs << input.trimmed();
    d.grain = KpiGrain(m_grain->currentData().toInt());
    d.target = optionalValue(m_target);
    d.green = optionalValue(m_green);
    d.amber = optionalValue(m_amber);
    d.higherIsBetter = m_higher->isChecked();
    d.additive = m_additive->isChecked();
    d.secondaryLabel = m_secondaryLabel->text().trimmed();
    d.breakdownLabel = m_breakdownLabel->text().trimmed();
    d.description = m_description->toPlainText();
    d.sql = m_sql->toPlainText();
    d.breakdownSql = m_breakdownSql->toPlainText();
    d.rowsSql = m_rowsSql->toPlainText();
    d.stageSql = m_stageSql->toPlainText();
    d.periodSql = m_periodSql->toPlainText();
    return d;
}

void KpiEditorDialog::showTestRun(const KpiQueryResult &result)
{
    m_testModel->setResult(result);
    if (!result.ok()) {
        m_message->setText(QStringLiteral("<span style='color:%1'>✖ %2</span>")
                               .arg(kpiStatusColor(KpiTile::Status::Error).name(), result.error.toHtmlEscaped()));
        return;
    }
    m_message->setText(result.note.isEmpty()
                           ? tr("✔ %n period(s) returned.", nullptr, int(result.rows.size()))
                           : tr("✔ %n period(s) returned from the stage. %1", nullptr,
                                int(result.rows.size()))
                                 .arg(result.note));
    m_testView->resizeColumnsToContents();
}

void KpiEditorDialog::showSaveResult(bool ok, const QString &error, bool refused)
{
    m_saveButton->setEnabled(true);
    if (ok) {
        m_message->setText(tr("✔ Saved and recomputed; the dashboard shows the new values."));
        const KpiDefinition d = definition();
        for (KpiDefinition &existing : m_definitions)
            if (existing.key == d.key)
                existing = d;
        return;
    }
    m_message->setText(QStringLiteral("<span style='color:%1'>✖ %2%3</span>")
                           .arg(kpiStatusColor(KpiTile::Status::Error).name(),
                                refused ? tr("Not allowed: ") : QString(), error.toHtmlEscaped()));
}

} // namespace Mesh
