// SPDX-License-Identifier: MIT
#pragma once

#include "editing/editingservice.h"
#include "editing/metadatafield.h"
#include "producttab.h"

#include <QHash>
#include <QPointer>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;

namespace Mesh {

class ColumnEditModel;
class EditController;
class ProductDraft;

/**
 * The product page's Edit tab: the product's description (Markdown with a live preview), tags,
 * owner, steward, status, freshness SLA, access policy, dataset descriptions and the column
 * table (description, classification, tags). Each change is pushed as an undo command onto the
 * product's stack in the EditController; Save writes a new version. When the policy refuses
 * editing the fields are read-only and a banner says why; a save that lost the race shows the
 * "changed by X at T" banner with Reload, Overwrite and Compare. UI thread.
 */
class MetadataEditorTab : public ProductTab
{
    Q_OBJECT

public:
    explicit MetadataEditorTab(EditController *controller, QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;
    /** Shows productKey's draft (tests and the controller use this directly). */
    void showProductKey(const QString &productKey);

    QString productKey() const { return m_key; }
    bool isEditable() const { return m_editable; }
    QString bannerText() const;
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QTextBrowser *descriptionPreview() const { return m_preview; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QComboBox *ownerBox() const { return m_owner; }
    QComboBox *statusBox() const { return m_status; }
    QSpinBox *slaBox() const { return m_sla; }
    QTableView *columnView() const { return m_columns; }
    ColumnEditModel *columnModel() const { return m_columnModel; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *overwriteButton() const { return m_overwrite; }
    QPushButton *compareButton() const { return m_compare; }
    QTextBrowser *compareView() const { return m_compareView; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void loadDraft();
    void updateField(const MetadataField &field);
    void updateState();
    void rebuildPeople();
    void rebuildDatasets();
    void push(const MetadataField &field, const QVariant &value, bool typing);
    void setEditable(bool editable, const QString &reason);
    void showConflict(const EditOutcome &outcome);
    /** A team cache's conflict: the TeamConflictDialog (reload keeps the draft shown). */
    void showTeamConflict(const EditOutcome &outcome);
    void showCompare();
    void hideBanner();
    void showBanner(const QString &text, bool warning, bool conflict);

    EditController *m_controller = nullptr;
    QPointer<ProductDraft> m_draft;
    QString m_key;
    bool m_editable = false;
    bool m_updating = false;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_overwrite = nullptr;
    QPushButton *m_compare = nullptr;
    QTextBrowser *m_compareView = nullptr;
    QLabel *m_versionLabel = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_redo = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_discard = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_steward = nullptr;
    QComboBox *m_status = nullptr;
    QSpinBox *m_sla = nullptr;
    QPlainTextEdit *m_accessPolicy = nullptr;
    QWidget *m_datasetBox = nullptr;
    QVBoxLayout *m_datasetLayout = nullptr;
    QList<QLineEdit *> m_datasetEdits;
    QTableView *m_columns = nullptr;
    ColumnEditModel *m_columnModel = nullptr;
};

} // namespace Mesh
