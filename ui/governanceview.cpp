// SPDX-License-Identifier: MIT
#include "governanceview.h"

#include "emptystatewidget.h"
#include "governance/violationmodel.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mesh {

namespace {

QColor scoreColor(double score)
{
    if (score >= 90)
        return QColor(0x2e, 0x7d, 0x32);
    if (score >= 70)
        return QColor(0xb2, 0x6a, 0x00);
    return QColor(0xb3, 0x26, 0x1e);
}

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return i;
}

QTableWidgetItem *numberItem(double value, const QString &text)
{
    auto *i = item(text);
    i->setData(Qt::UserRole, value);
    i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

GovernanceView::GovernanceView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("governanceView"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QHBoxLayout;
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("governanceScore"));
    QFont big = Theme::titleFont(font());
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_score->setFont(big);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("governanceSummary"));
    m_summary->setWordWrap(true);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("governanceRefresh"));
    connect(refresh, &QPushButton::clicked, this, &GovernanceView::refreshRequested);
    m_refresh = refresh;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("governanceProgress"));
    m_progress->setAccessibleName(tr("Checking progress"));
    m_progress->setFormat(tr("%v of %m products"));
    m_progress->setFixedWidth(
        fontMetrics().horizontalAdvance(tr("%1 of %2 products").arg(999999).arg(999999)) + 32);
    m_progress->hide();
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("governanceCancel"));
    m_cancel->setToolTip(tr("Stop checking the catalog against its policies"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &GovernanceView::cancelRequested);
    header->addWidget(m_score);
    header->addSpacing(12);
    header->addWidget(m_summary, 1);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    header->addWidget(refresh);
    layout->addLayout(header);

    m_stack = new QStackedWidget(this);
    m_message = new EmptyStateWidget(m_stack);
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("governanceTabs"));

    m_model = new ViolationModel(this);
    m_tree = new QTreeView(m_tabs);
    m_tree->setObjectName(QStringLiteral("violationTree"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeView::activated, this, &GovernanceView::activate);
    m_tabs->addTab(m_tree, tr("&Violations"));

    m_products = new QTableWidget(0, 5, m_tabs);
    m_products->setObjectName(QStringLiteral("productScores"));
    m_products->setHorizontalHeaderLabels(
        {tr("Product"), tr("Domain"), tr("Owner"), tr("Score"), tr("Checks passed")});
    m_products->verticalHeader()->hide();
    m_products->horizontalHeader()->setStretchLastSection(true);
    m_products->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_products->setSortingEnabled(true);
    connect(m_products, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (QTableWidgetItem *i = m_products->item(row, 0))
            emit fixRequested(i->data(Qt::UserRole).toString(), QStringLiteral("overview:"));
    });
    m_tabs->addTab(m_products, tr("&Products"));

    m_policies = new QTableWidget(0, 4, m_tabs);
    m_policies->setObjectName(QStringLiteral("policyTable"));
    m_policies->setHorizontalHeaderLabels({tr("Level"), tr("Rule"), tr("Set by"), tr("Since")});
    m_policies->verticalHeader()->hide();
    m_policies->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *policyPage = new QWidget(m_tabs);
    auto *policyLayout = new QVBoxLayout(policyPage);
    policyLayout->addWidget(m_policies, 1);
    policyLayout->addWidget(createPolicyEditor(policyPage));
    m_tabs->addTab(policyPage, tr("P&olicies"));

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_tabs);
    layout->addWidget(m_stack, 1);
    showMessage(tr("Checking the catalog against its policies…"));
}

QWidget *GovernanceView::createPolicyEditor(QWidget *parent)
{
    auto *box = new QGroupBox(tr("Set a policy (council: global; stewards: their domain)"), parent);
    auto *row = new QHBoxLayout(box);
    m_scope = new QComboBox(box);
    m_scope->setObjectName(QStringLiteral("policyScope"));
    m_scope->addItem(tr("Global"), QString());
    m_kind = new QComboBox(box);
    m_kind->setObjectName(QStringLiteral("policyKind"));
    for (GovernancePolicy::Kind k : GovernancePolicy::allKinds())
        m_kind->addItem(GovernancePolicy::kindName(k), int(k));
    m_parameter = new QLineEdit(box);
    m_parameter->setObjectName(QStringLiteral("policyParameter"));
    m_parameter->setPlaceholderText(tr("parameter: characters, hours or a regular expression"));
    m_enabled = new QCheckBox(tr("On"), box);
    m_enabled->setChecked(true);
    auto *apply = new QPushButton(tr("&Set"), box);
    apply->setObjectName(QStringLiteral("policyApply"));
    m_policyStatus = new QLabel(box);
    m_policyStatus->setObjectName(QStringLiteral("policyStatus"));
    m_policyStatus->setWordWrap(true);
    row->addWidget(m_scope);
    row->addWidget(m_kind);
    row->addWidget(m_parameter, 1);
    row->addWidget(m_enabled);
    row->addWidget(apply);
    auto *outer = new QWidget(parent);
    auto *layout = new QVBoxLayout(outer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    layout->addWidget(m_policyStatus);
    connect(apply, &QPushButton::clicked, this, [this] {
        GovernancePolicy p;
        p.scope = m_scope->currentData().toString();
        p.kind = GovernancePolicy::Kind(m_kind->currentData().toInt());
        p.parameter = m_parameter->text().trimmed();
        p.enabled = m_enabled->isChecked();
        emit policyChangeRequested(p);
    });
    return outer;
}

void GovernanceView::setDomains(const QStringList &domains)
{
    const QString current = m_scope->currentData().toString();
    m_scope->clear();
    m_scope->addItem(tr("Global"), QString());
    for (const QString &d : domains)
        m_scope->addItem(d, d);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(current)));
}

void GovernanceView::setPolicyStatus(const QString &text, bool error)
{
    m_policyStatus->setText(text);
    m_policyStatus->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

void GovernanceView::setChecking(bool checking)
{
    m_progress->setRange(0, 0);
    m_progress->setVisible(checking);
    m_cancel->setVisible(checking);
    m_refresh->setEnabled(!checking);
}

void GovernanceView::setProgress(int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
}

void GovernanceView::showMessage(const QString &message)
{
    m_score->clear();
    m_summary->clear();
    m_message->setState(QStringLiteral(":/icons/select-product.svg"), tr("Governance"), message);
    m_stack->setCurrentWidget(m_message);
}

void GovernanceView::setReport(const GovernanceReport &report)
{
    m_model->setReport(report);
    const QColor color = scoreColor(report.overallScore);
    m_score->setText(QStringLiteral("%1%").arg(QString::number(report.overallScore, 'f', 0)));
    m_score->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
    int compliant = 0;
    for (const ProductCompliance &p : report.products)
        compliant += p.compliant() ? 1 : 0;
    m_summary->setText(
        tr("compliant on average. %1 of %2 products meet every policy; %n violation(s) to fix. "
           "Double-click a violation to open the field that fixes it.",
           nullptr, int(report.violations.size()))
            .arg(compliant)
            .arg(report.products.size()));

    m_products->setSortingEnabled(false);
    m_products->setRowCount(int(report.products.size()));
    for (int r = 0; r < report.products.size(); ++r) {
        const ProductCompliance &p = report.products[r];
        QTableWidgetItem *name = item(p.productName.isEmpty() ? p.productKey : p.productName);
        name->setData(Qt::UserRole, p.productKey);
        name->setToolTip(p.productKey);
        m_products->setItem(r, 0, name);
        m_products->setItem(r, 1, item(p.domain.isEmpty() ? tr("(none)") : p.domain));
        m_products->setItem(r, 2, item(p.ownerId.isEmpty() ? tr("(none)") : p.ownerId));
        QTableWidgetItem *score =
            numberItem(p.score(), QStringLiteral("%1%").arg(QString::number(p.score(), 'f', 0)));
        score->setForeground(scoreColor(p.score()));
        m_products->setItem(r, 3, score);
        m_products->setItem(r, 4, item(tr("%1 of %2").arg(p.passed).arg(p.checks)));
    }
    m_products->setSortingEnabled(true);
    m_products->sortItems(3, Qt::AscendingOrder);
    m_products->resizeColumnsToContents();

    m_policies->setRowCount(int(report.policies.size()));
    for (int r = 0; r < report.policies.size(); ++r) {
        const GovernancePolicy &p = report.policies[r];
        m_policies->setItem(r, 0, item(p.isGlobal() ? tr("Global (council)") : p.scope));
        QTableWidgetItem *rule = item(p.summary());
        if (!p.enabled)
            rule->setText(tr("%1 (off)").arg(p.summary()));
        m_policies->setItem(r, 1, rule);
        m_policies->setItem(r, 2, item(p.updatedBy));
        m_policies->setItem(r, 3, item(p.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    }
    m_policies->resizeColumnsToContents();

    if (report.products.isEmpty()) {
        m_message->setState(QStringLiteral(":/icons/no-results.svg"), tr("No products"),
                            tr("This catalog has no products to check."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_stack->setCurrentWidget(m_tabs);
    m_tree->expandToDepth(report.violations.size() <= 200 ? 1 : 0);
    for (int c = 0; c < ViolationModel::ColumnCount - 1; ++c)
        m_tree->resizeColumnToContents(c);
}

void GovernanceView::activate(const QModelIndex &index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    if (first.data(ViolationModel::LevelRole).toInt() != 2) {
        m_tree->setExpanded(first, !m_tree->isExpanded(first));
        return;
    }
    emit fixRequested(first.data(ViolationModel::ProductKeyRole).toString(),
                      first.data(ViolationModel::FieldRole).toString());
}

} // namespace Mesh
