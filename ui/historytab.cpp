// SPDX-License-Identifier: MIT
#include "historytab.h"

#include "editcontroller.h"
#include "session/catalogsession.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mesh {

namespace {

QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString cell(const QString &s, const char *color, bool strike)
{
    if (s.isEmpty())
        return QStringLiteral("<i style='color:#777'>(none)</i>");
    QString html = s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    if (strike)
        html = QStringLiteral("<s>%1</s>").arg(html);
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(QLatin1String(color), html);
}

} // namespace

HistoryTab::HistoryTab(EditController *controller, QWidget *parent)
    : ProductTab(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("historyTab"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("versionList"));
    m_list->setAccessibleName(tr("Saved versions"));
    m_list->setHeaderLabels({tr("Version"), tr("When"), tr("Author"), tr("Change")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setMinimumWidth(320);

    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("diffFrom"));
    m_from->setAccessibleName(tr("Compare from version"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("diffTo"));
    m_to->setAccessibleName(tr("Compare to version"));
    for (QComboBox *box : {m_from, m_to})
        box->setMinimumContentsLength(22);
    m_diff = new QTextBrowser(this);
    m_diff->setObjectName(QStringLiteral("diffView"));
    m_revert = new QPushButton(tr("Revert to Selected Version"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Save the selected version's metadata as a new version"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);

    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare version"), this));
    compareRow->addWidget(m_from);
    compareRow->addWidget(new QLabel(tr("with"), this));
    compareRow->addWidget(m_to);
    compareRow->addStretch();
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(compareRow);
    rightLayout->addWidget(m_diff, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_revert);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 12);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        const int v = selectedVersion();
        m_revert->setEnabled(v > 0 && !m_versions.isEmpty() && v != m_versions.first().number);
        if (v > 0 && !m_updating && !m_versions.isEmpty()) {
            // Selecting a version shows what changed from it to the newest one.
            const int newest = m_versions.first().number;
            compare(v == newest && v > 1 ? v - 1 : v, newest);
        }
    });
    for (QComboBox *box : {m_from, m_to})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                updateDiff();
        });
    connect(m_revert, &QPushButton::clicked, this, [this] { revertSelected(); });
    connect(m_controller, &EditController::productSaved, this, [this](const QString &key) {
        if (key == m_key)
            reload();
    });
    // A team catalog's revert ends in a worker: its outcome arrives here.
    connect(m_controller, &EditController::saveFinished, this,
            [this](const QString &key, const EditOutcome &o) {
                if (key != m_key || !m_revertPending)
                    return;
                m_revertPending = false;
                showOutcome(o);
                m_revert->setEnabled(selectedVersion() > 0 && !m_versions.isEmpty() &&
                                     selectedVersion() != m_versions.first().number);
            });
    connect(m_controller, &EditController::catalogChanged, this, &HistoryTab::clearProduct);
    clearProduct();
}

void HistoryTab::showProduct(const ProductDetails &details)
{
    showProductKey(details.product.key);
}

void HistoryTab::clearProduct()
{
    m_revertPending = false;
    m_key.clear();
    m_versions.clear();
    m_list->clear();
    m_from->clear();
    m_to->clear();
    m_diff->clear();
    m_summary->clear();
    m_status->clear();
    m_revert->setEnabled(false);
}

void HistoryTab::showProductKey(const QString &productKey)
{
    if (productKey != m_key) {
        m_status->clear();
        m_revertPending = false;
    }
    m_key = productKey;
    reload();
}

void HistoryTab::reload()
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    m_versions = m_controller->history(m_key);
    m_list->clear();
    m_from->clear();
    m_to->clear();
    m_diff->clear();
    for (const ProductVersion &v : std::as_const(m_versions)) {
        auto *item = new QTreeWidgetItem(
            m_list, {QString::number(v.number), when(v.at), v.author, v.summary});
        item->setData(0, Qt::UserRole, v.number);
        item->setToolTip(3, v.summary);
        m_from->addItem(tr("%1 · %2").arg(v.number).arg(v.author), v.number);
        m_to->addItem(tr("%1 · %2").arg(v.number).arg(v.author), v.number);
    }
    for (int c = 0; c < 3; ++c)
        m_list->resizeColumnToContents(c);
    const bool editable = m_controller->mayEdit(m_key).allowed();
    m_revert->setVisible(editable);
    m_revert->setEnabled(false);
    if (m_versions.isEmpty()) {
        m_summary->setText(tr("No saved versions yet: the first save on the Edit tab records the "
                              "product as it was and the edit."));
        m_diff->setHtml(tr("<p style='color:#777'>Nothing to compare yet.</p>"));
        return;
    }
    const ProductVersion &newest = m_versions.first();
    m_summary->setText(
        tr("<b>%n version(s)</b> · newest: version %1 by %2 on %3", nullptr, int(m_versions.size()))
            .arg(newest.number)
            .arg(newest.author.toHtmlEscaped(), when(newest.at)));
    m_to->setCurrentIndex(0);
    m_from->setCurrentIndex(m_versions.size() > 1 ? 1 : 0);
    m_updating = false;
    updateDiff();
}

int HistoryTab::selectedVersion() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

void HistoryTab::compare(int from, int to)
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const int a = m_from->findData(from);
    const int b = m_to->findData(to);
    if (a >= 0)
        m_from->setCurrentIndex(a);
    if (b >= 0)
        m_to->setCurrentIndex(b);
    m_updating = false;
    updateDiff();
}

void HistoryTab::updateDiff()
{
    const int from = m_from->currentData().toInt();
    const int to = m_to->currentData().toInt();
    if (from <= 0 || to <= 0) {
        m_diff->clear();
        return;
    }
    const std::optional<QList<MetadataChange>> changes = m_controller->diff(m_key, from, to);
    m_diff->setHtml(changes ? diffHtml(*changes, from, to)
                            : tr("<p>These versions cannot be compared.</p>"));
}

QString HistoryTab::diffHtml(const QList<MetadataChange> &changes, int from, int to)
{
    QString html = tr("<p><b>Version %1 → version %2</b></p>").arg(from).arg(to);
    if (changes.isEmpty())
        return html + tr("<p style='color:#777'>No differences in the metadata.</p>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='4' width='100%'>");
    for (const MetadataChange &c : changes) {
        html += QStringLiteral("<tr><td valign='top' width='22%'><b>%1</b></td>")
                    .arg(c.label.toHtmlEscaped());
        if (!c.lineDiff.isEmpty()) {
            QString lines;
            for (const QString &line : c.lineDiff) {
                const QString text = line.toHtmlEscaped();
                if (line.startsWith(QLatin1String("+ ")))
                    lines +=
                        QStringLiteral("<div style='background:#e6f4ea;color:#1e7b34'>%1</div>")
                            .arg(text);
                else if (line.startsWith(QLatin1String("- ")))
                    lines +=
                        QStringLiteral("<div style='background:#fce8e6;color:#b3261e'>%1</div>")
                            .arg(text);
                else
                    lines += QStringLiteral("<div style='color:#555'>%1</div>").arg(text);
            }
            html += QStringLiteral("<td colspan='2' style='font-family:monospace'>%1</td></tr>")
                        .arg(lines);
            continue;
        }
        html += QStringLiteral("<td valign='top'>%1</td><td valign='top'>→ %2</td></tr>")
                    .arg(cell(c.before, "#b3261e", true), cell(c.after, "#1e7b34", false));
    }
    return html + QStringLiteral("</table>");
}

EditOutcome HistoryTab::revertSelected()
{
    const int v = selectedVersion();
    EditOutcome o;
    if (v <= 0) {
        o.code = EditOutcome::Code::Invalid;
        o.message = tr("Select a version to revert to.");
    } else {
        o = m_controller->revert(m_key, v);
        m_revertPending = m_controller->isSaving(m_key);
        if (m_revertPending)
            m_revert->setEnabled(false);
    }
    showOutcome(o);
    return o;
}

void HistoryTab::showOutcome(const EditOutcome &o)
{
    m_status->setText(o.message.toHtmlEscaped());
    m_status->setStyleSheet(o.ok() ? QString() : QStringLiteral("color: #b3261e"));
}

} // namespace Mesh
