// SPDX-License-Identifier: MIT
#include "metadataeditortab.h"

#include "editcontroller.h"
#include "editing/columneditmodel.h"
#include "editing/metadatasnapshot.h"
#include "editing/productdraft.h"
#include "metadatacommands.h"
#include "session/catalogsession.h"
#include "teamconflictdialog.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Mesh {

namespace {

/** Classification cells edit with a combo box of the known tags (free text allowed). */
class ClassificationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *box = new QComboBox(parent);
        box->setEditable(true);
        box->addItems(
            {QString(), QStringLiteral("PII.Sensitive"), QStringLiteral("PII.NonSensitive")});
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QComboBox *>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed());
    }
};

bool isUndoRedo(QKeyEvent *e)
{
    return e->matches(QKeySequence::Undo) || e->matches(QKeySequence::Redo) ||
           e->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z) ||
           e->keyCombination() == QKeyCombination(Qt::CTRL, Qt::Key_Y);
}

QString htmlEscape(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

MetadataEditorTab::MetadataEditorTab(EditController *controller, QWidget *parent)
    : ProductTab(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("editTab"));
    buildUi();
    connect(m_controller, &EditController::draftStateChanged, this, [this](const QString &key) {
        if (key == m_key)
            updateState();
    });
    connect(m_controller, &EditController::conflict, this,
            [this](const QString &key, const EditOutcome &o) {
                if (key != m_key)
                    return;
                showConflict(o);
                if (m_controller->isTeam())
                    showTeamConflict(o);
            });
    connect(m_controller, &EditController::saveFailed, this,
            [this](const QString &key, const EditOutcome &o) {
                if (key == m_key)
                    showBanner(o.message, true, false);
            });
    connect(m_controller, &EditController::saveStarted, this, [this](const QString &key) {
        if (key == m_key)
            updateState();
    });
    connect(m_controller, &EditController::saveFinished, this,
            [this](const QString &key, const EditOutcome &o) {
                if (key != m_key)
                    return;
                if (o.queued) // a team cache while its server is down
                    showBanner(o.message, false, false);
                updateState();
            });
    connect(m_controller, &EditController::productSaved, this, [this](const QString &key, int) {
        if (key == m_key) {
            hideBanner();
            updateState();
        }
    });
    connect(m_controller, &EditController::userChanged, this, [this] {
        if (!m_key.isEmpty())
            showProductKey(m_key);
    });
    connect(m_controller, &EditController::catalogChanged, this, [this] {
        m_key.clear();
        m_draft = nullptr;
        m_columnModel->setDraft(nullptr);
        setEditable(false, m_controller->unavailableReason());
    });
}

void MetadataEditorTab::buildUi()
{
    // Banner: why editing is refused, or the conflict and its three ways out.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("editBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("editBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reload = new QPushButton(tr("Reload"), m_banner);
    m_reload->setObjectName(QStringLiteral("conflictReload"));
    m_reload->setToolTip(tr("Drop your changes and load the newest version"));
    m_overwrite = new QPushButton(tr("Overwrite"), m_banner);
    m_overwrite->setObjectName(QStringLiteral("conflictOverwrite"));
    m_overwrite->setToolTip(tr("Save your version over theirs (theirs stays in the history)"));
    m_compare = new QPushButton(tr("Compare"), m_banner);
    m_compare->setObjectName(QStringLiteral("conflictCompare"));
    m_compare->setToolTip(tr("Show what saving your version would change"));
    m_compareView = new QTextBrowser(m_banner);
    m_compareView->setObjectName(QStringLiteral("conflictCompareView"));
    m_compareView->setMaximumHeight(160);
    m_compareView->hide();
    auto *bannerButtons = new QHBoxLayout;
    bannerButtons->addWidget(m_bannerText, 1);
    bannerButtons->addWidget(m_reload);
    bannerButtons->addWidget(m_overwrite);
    bannerButtons->addWidget(m_compare);
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addLayout(bannerButtons);
    bannerLayout->addWidget(m_compareView);
    m_banner->hide();
    connect(m_reload, &QPushButton::clicked, this, [this] {
        m_controller->reload(m_key);
        hideBanner();
    });
    // The banner goes once the save succeeds (productSaved), not before.
    connect(m_overwrite, &QPushButton::clicked, this, [this] { m_controller->save(m_key, true); });
    connect(m_compare, &QPushButton::clicked, this, &MetadataEditorTab::showCompare);

    // Tool row: version, undo/redo, save/discard.
    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("editVersionLabel"));
    // The Edit menu's actions carry the shortcuts; these buttons just trigger them.
    m_undo = new QPushButton(tr("Undo"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_redo = new QPushButton(tr("Redo"), this);
    m_redo->setObjectName(QStringLiteral("redoButton"));
    for (const auto &[button, action] : {std::pair{m_undo, m_controller->undoAction()},
                                         std::pair{m_redo, m_controller->redoAction()}}) {
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        auto sync = [button, action] {
            button->setEnabled(action->isEnabled());
            button->setToolTip(action->text().remove(QLatin1Char('&')));
        };
        connect(action, &QAction::changed, button, sync);
        sync();
    }
    m_discard = new QPushButton(tr("Discard Changes"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save as a new version (Ctrl+S)"));
    connect(m_save, &QPushButton::clicked, this, [this] { m_controller->save(m_key); });
    connect(m_discard, &QPushButton::clicked, this, [this] { m_controller->reload(m_key); });
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_versionLabel, 1);
    tools->addWidget(m_undo);
    tools->addWidget(m_redo);
    tools->addSpacing(12);
    tools->addWidget(m_discard);
    tools->addWidget(m_save);

    // Description with live preview.
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("Describe the product in Markdown: what it holds, how "
                                         "fresh it is, caveats…"));
    m_description->setUndoRedoEnabled(false); // the product's undo stack owns Ctrl+Z
    m_description->setTabChangesFocus(true);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("descriptionPreview"));
    m_preview->setOpenExternalLinks(true);
    for (QAbstractScrollArea *area : {static_cast<QAbstractScrollArea *>(m_description),
                                      static_cast<QAbstractScrollArea *>(m_preview)})
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_description);
    split->addWidget(m_preview);
    split->setMinimumHeight(180);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            push({MetadataField::Kind::Description}, m_description->toPlainText(), true);
    });

    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. finance, kpi-input"));
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        if (!m_updating && m_draft)
            push({MetadataField::Kind::Tags},
                 MetadataField::normaliseTags(m_tags->text().split(QLatin1Char(','))), false);
    });
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerBox"));
    m_steward = new QComboBox(this);
    m_steward->setObjectName(QStringLiteral("stewardBox"));
    for (QComboBox *box : {m_owner, m_steward}) {
        connect(box, &QComboBox::activated, this, [this, box] {
            if (m_updating)
                return;
            push({box == m_owner ? MetadataField::Kind::Owner : MetadataField::Kind::Steward},
                 box->currentData().toString(), false);
        });
    }
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusBox"));
    for (const QString &s : MetadataField::statuses())
        m_status->addItem(s, s);
    connect(m_status, &QComboBox::activated, this, [this] {
        if (!m_updating)
            push({MetadataField::Kind::Status}, m_status->currentData().toString(), false);
    });
    m_sla = new QSpinBox(this);
    m_sla->setObjectName(QStringLiteral("slaBox"));
    m_sla->setAccessibleName(tr("Freshness SLA in hours"));
    m_sla->setRange(0, EditingService::kMaxSlaHours);
    m_sla->setSuffix(tr(" h"));
    m_sla->setSpecialValueText(tr("no SLA"));
    connect(m_sla, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_updating)
            push({MetadataField::Kind::FreshnessSla}, v, true);
    });
    m_accessPolicy = new QPlainTextEdit(this);
    m_accessPolicy->setObjectName(QStringLiteral("accessPolicyEdit"));
    m_accessPolicy->setUndoRedoEnabled(false);
    m_accessPolicy->setTabChangesFocus(true);
    m_accessPolicy->setFixedHeight(64);
    m_accessPolicy->setPlaceholderText(tr("Who may read this data and on what terms"));
    connect(m_accessPolicy, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            push({MetadataField::Kind::AccessPolicy}, m_accessPolicy->toPlainText(), true);
    });

    auto *people = new QHBoxLayout;
    people->addWidget(new QLabel(tr("Owner"), this));
    people->addWidget(m_owner, 1);
    people->addSpacing(12);
    people->addWidget(new QLabel(tr("Steward"), this));
    people->addWidget(m_steward, 1);
    auto *lifecycle = new QHBoxLayout;
    lifecycle->addWidget(new QLabel(tr("Status"), this));
    lifecycle->addWidget(m_status, 1);
    lifecycle->addSpacing(12);
    lifecycle->addWidget(new QLabel(tr("Freshness SLA"), this));
    lifecycle->addWidget(m_sla, 1);

    m_datasetBox = new QWidget(this);
    m_datasetLayout = new QVBoxLayout(m_datasetBox);
    m_datasetLayout->setContentsMargins(0, 0, 0, 0);

    m_columnModel = new ColumnEditModel(this);
    m_columns = new QTableView(this);
    m_columns->setObjectName(QStringLiteral("columnEditView"));
    m_columns->setAccessibleName(tr("Column metadata"));
    m_columns->setModel(m_columnModel);
    m_columns->setItemDelegateForColumn(ColumnEditModel::ClassificationSection,
                                        new ClassificationDelegate(m_columns));
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setStretchLastSection(false);
    m_columns->horizontalHeader()->setSectionResizeMode(ColumnEditModel::DescriptionSection,
                                                        QHeaderView::Stretch);
    m_columns->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed |
                               QAbstractItemView::AnyKeyPressed);
    m_columns->setMinimumHeight(220);
    connect(m_columnModel, &ColumnEditModel::editRequested, this,
            [this](const MetadataField &f, const QVariant &v) { push(f, v, false); });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Description\n(Markdown · preview)"), split);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(people);
    form->addRow(lifecycle);
    form->addRow(tr("Access policy"), m_accessPolicy);
    form->addRow(tr("Datasets"), m_datasetBox);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(16, 8, 16, 16);
    contentLayout->addLayout(form);
    auto *columnsTitle = new QLabel(tr("Columns"), content);
    columnsTitle->setFont(Theme::sectionFont(font()));
    contentLayout->addWidget(columnsTitle);
    contentLayout->addWidget(m_columns, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto *top = new QVBoxLayout;
    top->setContentsMargins(16, 8, 16, 0);
    top->addWidget(m_banner);
    top->addLayout(tools);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    for (QWidget *w : {static_cast<QWidget *>(m_description), static_cast<QWidget *>(m_tags),
                       static_cast<QWidget *>(m_accessPolicy), static_cast<QWidget *>(m_sla)})
        w->installEventFilter(this);
    setEditable(false, m_controller->unavailableReason());
}

bool MetadataEditorTab::eventFilter(QObject *watched, QEvent *event)
{
    // Text widgets would take Ctrl+Z for their own undo; leave it to the product's stack.
    if (event->type() == QEvent::ShortcutOverride && isUndoRedo(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    return ProductTab::eventFilter(watched, event);
}

void MetadataEditorTab::showProduct(const ProductDetails &details)
{
    showProductKey(details.product.key);
}

void MetadataEditorTab::clearProduct()
{
    m_key.clear();
    m_draft = nullptr;
    m_columnModel->setDraft(nullptr);
    m_controller->setActiveProduct({});
    hideBanner();
}

void MetadataEditorTab::showProductKey(const QString &productKey)
{
    if (productKey != m_key)
        hideBanner();
    m_key = productKey;
    m_controller->refreshIfStale(productKey);
    ProductDraft *d = m_controller->draft(productKey);
    m_controller->setActiveProduct(productKey);
    if (d != m_draft) {
        if (m_draft)
            disconnect(m_draft, nullptr, this, nullptr);
        m_draft = d;
        if (m_draft) {
            connect(m_draft, &ProductDraft::fieldChanged, this, &MetadataEditorTab::updateField);
            connect(m_draft, &ProductDraft::loaded, this, &MetadataEditorTab::loadDraft);
        }
        m_columnModel->setDraft(m_draft);
    }
    const AccessDecision decision = m_controller->mayEdit(productKey);
    setEditable(m_draft && decision.allowed(), decision.reason);
    loadDraft();
}

void MetadataEditorTab::setEditable(bool editable, const QString &reason)
{
    m_editable = editable;
    for (QWidget *w : {static_cast<QWidget *>(m_tags), static_cast<QWidget *>(m_owner),
                       static_cast<QWidget *>(m_steward), static_cast<QWidget *>(m_status),
                       static_cast<QWidget *>(m_sla)})
        w->setEnabled(editable);
    m_description->setReadOnly(!editable);
    m_accessPolicy->setReadOnly(!editable);
    for (QLineEdit *e : std::as_const(m_datasetEdits))
        e->setReadOnly(!editable);
    m_columnModel->setEditable(editable);
    m_save->setVisible(editable);
    m_discard->setVisible(editable);
    m_undo->setVisible(editable);
    m_redo->setVisible(editable);
    if (!editable && !reason.isEmpty())
        showBanner(tr("You can read this metadata but not change it. %1").arg(reason), false,
                   false);
    else if (editable && m_banner->property("conflict").toBool() == false)
        hideBanner();
    updateState();
}

void MetadataEditorTab::rebuildPeople()
{
    const QList<User> users = m_controller->users();
    for (QComboBox *box : {m_owner, m_steward}) {
        box->clear();
        box->addItem(tr("(none)"), QString());
        for (const User &u : users)
            box->addItem(QStringLiteral("%1 (%2)").arg(u.displayName, u.id), u.id);
    }
}

void MetadataEditorTab::rebuildDatasets()
{
    qDeleteAll(m_datasetEdits);
    m_datasetEdits.clear();
    while (QLayoutItem *item = m_datasetLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_draft)
        return;
    const Product &p = m_draft->product();
    for (int d = 0; d < p.datasets.size(); ++d) {
        auto *edit = new QLineEdit(m_datasetBox);
        edit->setObjectName(QStringLiteral("datasetDescription%1").arg(d));
        edit->setAccessibleName(tr("Description of dataset %1").arg(p.datasets.at(d).name));
        edit->setPlaceholderText(
            tr("%1: what this table or file holds").arg(p.datasets.at(d).name));
        edit->setToolTip(p.datasets.at(d).name);
        edit->setReadOnly(!m_editable);
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::textEdited, this, [this, d](const QString &text) {
            if (!m_updating)
                push({MetadataField::Kind::DatasetDescription, d, -1}, text, true);
        });
        auto *row = new QHBoxLayout;
        auto *name = new QLabel(p.datasets.at(d).name, m_datasetBox);
        name->setMinimumWidth(120);
        row->addWidget(name);
        row->addWidget(edit, 1);
        auto *holder = new QWidget(m_datasetBox);
        holder->setLayout(row);
        row->setContentsMargins(0, 0, 0, 0);
        m_datasetLayout->addWidget(holder);
        holder->show();
        m_datasetEdits.append(edit);
    }
}

void MetadataEditorTab::loadDraft()
{
    rebuildPeople();
    rebuildDatasets();
    if (!m_draft) {
        updateState();
        return;
    }
    using K = MetadataField::Kind;
    for (K k : {K::Description, K::Tags, K::Owner, K::Steward, K::Status, K::FreshnessSla,
                K::AccessPolicy})
        updateField({k});
    for (int d = 0; d < m_datasetEdits.size(); ++d)
        updateField({K::DatasetDescription, d, -1});
    m_columns->resizeColumnsToContents();
    m_columns->horizontalHeader()->setSectionResizeMode(ColumnEditModel::DescriptionSection,
                                                        QHeaderView::Stretch);
    updateState();
}

void MetadataEditorTab::updateField(const MetadataField &field)
{
    if (!m_draft)
        return;
    const QVariant v = m_draft->value(field);
    const QScopedValueRollback<bool> guard(m_updating, true);
    auto setText = [](QPlainTextEdit *edit, const QString &text) {
        if (edit->toPlainText() == text)
            return;
        const int pos = edit->textCursor().position();
        edit->setPlainText(text);
        QTextCursor c = edit->textCursor();
        c.setPosition(std::min<int>(pos, int(text.size())));
        edit->setTextCursor(c);
    };
    auto selectData = [](QComboBox *box, const QString &value) {
        int i = box->findData(value);
        if (i < 0) {
            box->addItem(value, value);
            i = box->count() - 1;
        }
        box->setCurrentIndex(i);
    };
    switch (field.kind) {
    case MetadataField::Kind::Description:
        setText(m_description, v.toString());
        m_preview->setMarkdown(v.toString());
        break;
    case MetadataField::Kind::Tags:
        if (MetadataField::normaliseTags(m_tags->text().split(QLatin1Char(','))) !=
            v.toStringList())
            m_tags->setText(v.toStringList().join(QStringLiteral(", ")));
        break;
    case MetadataField::Kind::Owner:
        selectData(m_owner, v.toString());
        break;
    case MetadataField::Kind::Steward:
        selectData(m_steward, v.toString());
        break;
    case MetadataField::Kind::Status:
        selectData(m_status, v.toString());
        break;
    case MetadataField::Kind::FreshnessSla:
        m_sla->setValue(v.toInt());
        break;
    case MetadataField::Kind::AccessPolicy:
        setText(m_accessPolicy, v.toString());
        break;
    case MetadataField::Kind::DatasetDescription:
        if (field.dataset >= 0 && field.dataset < m_datasetEdits.size() &&
            m_datasetEdits.at(field.dataset)->text() != v.toString())
            m_datasetEdits.at(field.dataset)->setText(v.toString());
        break;
    default:
        break; // column fields: ColumnEditModel follows the draft itself
    }
}

void MetadataEditorTab::push(const MetadataField &field, const QVariant &value, bool typing)
{
    if (!m_draft || !m_editable || m_draft->value(field) == value)
        return;
    QUndoStack *stack = m_controller->undoStack(m_key);
    if (!stack)
        return;
    const auto merge = !typing ? SetFieldCommand::Merge::Never
                       : field.kind == MetadataField::Kind::FreshnessSla
                           ? SetFieldCommand::Merge::Stepping
                           : SetFieldCommand::Merge::Typing;
    stack->push(new SetFieldCommand(m_draft, field, value, merge));
}

void MetadataEditorTab::updateState()
{
    if (!m_draft) {
        m_versionLabel->setText(m_key.isEmpty() ? QString() : tr("This product cannot be edited."));
        m_save->setEnabled(false);
        m_discard->setEnabled(false);
        return;
    }
    const bool modified = m_draft->isModified();
    const int base = m_draft->baseVersion();
    QString text = base == 0 ? tr("Never edited") : tr("Version %1").arg(base);
    const bool saving = m_controller->isSaving(m_key);
    if (saving)
        text += tr(" · saving…");
    else if (modified)
        text += tr(" · <b>unsaved changes</b>");
    m_versionLabel->setText(text);
    m_save->setEnabled(modified && m_editable && !saving);
    m_discard->setEnabled(modified && m_editable && !saving);
    m_overwrite->setEnabled(!saving);
}

void MetadataEditorTab::showBanner(const QString &text, bool warning, bool conflict)
{
    m_bannerText->setText(text);
    m_banner->setStyleSheet(
        warning ? QStringLiteral("#editBanner { background: #fff4ce; "
                                 "border: 1px solid #e0c060; border-radius: 4px; }")
                : QStringLiteral("#editBanner { background: palette(alternate-base); "
                                 "border-radius: 4px; }"));
    m_banner->setProperty("conflict", conflict);
    m_reload->setVisible(conflict);
    m_overwrite->setVisible(conflict);
    m_compare->setVisible(conflict);
    if (!conflict)
        m_compareView->hide();
    m_banner->show();
}

void MetadataEditorTab::hideBanner()
{
    m_banner->setProperty("conflict", false);
    m_compareView->hide();
    m_banner->hide();
}

QString MetadataEditorTab::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void MetadataEditorTab::showConflict(const EditOutcome &o)
{
    showBanner(tr("<b>Not saved:</b> changed by <b>%1</b> at %2 (version %3) after you started "
                  "editing version %4. Reload their version, overwrite it with yours, or compare.")
                   .arg(o.changedBy.toHtmlEscaped(),
                        o.changedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                   .arg(o.version)
                   .arg(m_draft ? m_draft->baseVersion() : 0),
               true, true);
}

void MetadataEditorTab::showTeamConflict(const EditOutcome &o)
{
    const std::optional<Product> theirs = m_controller->savedProduct(m_key);
    if (!m_draft || !theirs)
        return;
    auto *dialog = new TeamConflictDialog(*theirs, m_draft->product(), o.message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString key = m_key;
    connect(dialog, &QDialog::finished, this, [this, dialog, key] {
        if (key != m_key)
            return;
        switch (dialog->choice()) {
        case TeamConflictDialog::Choice::Overwrite:
            m_controller->save(key, true); // the banner goes when it is saved
            break;
        case TeamConflictDialog::Choice::Reload: {
            // The server's version replaces the draft; the person's values stay on screen.
            const QList<MetadataChange> mine = dialog->changes();
            m_controller->reload(key);
            QString html = tr("<p><b>Your values, not saved</b> (server's version → yours)</p>");
            html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
            for (const MetadataChange &c : mine)
                html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td valign='top'>%2"
                                       "</td><td valign='top' style='color:#1e7b34'>%3</td></tr>")
                            .arg(c.label.toHtmlEscaped(), htmlEscape(c.before),
                                 htmlEscape(c.after));
            html += QStringLiteral("</table>");
            showBanner(tr("Reloaded the server's version. Your values were not saved; they are "
                          "below to copy from."),
                       false, false);
            m_compareView->setHtml(html);
            m_compareView->show();
            break;
        }
        case TeamConflictDialog::Choice::Later:
            break; // the conflict banner stays, with the draft
        }
    });
    dialog->open();
}

void MetadataEditorTab::showCompare()
{
    const QList<MetadataChange> changes = m_controller->compareWithSaved(m_key);
    QString html = QStringLiteral("<p><b>Saved version → yours</b></p>");
    if (changes.isEmpty())
        html += tr("<p>Your draft has the same metadata as the saved version.</p>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    for (const MetadataChange &c : changes)
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td valign='top' "
                               "style='color:#b3261e'><s>%2</s></td><td valign='top' "
                               "style='color:#1e7b34'>%3</td></tr>")
                    .arg(c.label.toHtmlEscaped(), htmlEscape(c.before), htmlEscape(c.after));
    html += QStringLiteral("</table>");
    m_compareView->setHtml(html);
    m_compareView->show();
}

} // namespace Mesh
