// SPDX-License-Identifier: MIT
#pragma once

#include "editing/editingservice.h"
#include "producttab.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace Mesh {

class EditController;

/**
 * The product page's History tab: the saved versions of the product's metadata (who, when,
 * what), a readable difference between any two of them, and Revert, which saves the chosen
 * version's metadata as a new version. UI thread.
 */
class HistoryTab : public ProductTab
{
    Q_OBJECT

public:
    explicit HistoryTab(EditController *controller, QWidget *parent = nullptr);

    void showProduct(const ProductDetails &details) override;
    void clearProduct() override;
    void showProductKey(const QString &productKey);

    QTreeWidget *versionList() const { return m_list; }
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }
    QTextBrowser *diffView() const { return m_diff; }
    QPushButton *revertButton() const { return m_revert; }
    QLabel *statusLabel() const { return m_status; }

    /** Compares version from with version to (as the two boxes do). */
    void compare(int from, int to);
    /** Reverts to the version selected in the list (on a team catalog the outcome shown here
     *  arrives later, when the server has answered). */
    EditOutcome revertSelected();

    /** The changes as the diff view shows them (HTML). */
    static QString diffHtml(const QList<MetadataChange> &changes, int from, int to);

private:
    void reload();
    void updateDiff();
    int selectedVersion() const;
    void showOutcome(const EditOutcome &o);

    EditController *m_controller = nullptr;
    QString m_key;
    QList<ProductVersion> m_versions;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QTextBrowser *m_diff = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_status = nullptr;
    bool m_updating = false;
    bool m_revertPending = false; // a team revert is running in the EditController's worker
};

} // namespace Mesh
