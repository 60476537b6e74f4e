// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "editing/metadatafield.h"

#include <QObject>
#include <QVariant>

namespace Mesh {

/**
 * A product's metadata while someone edits it: the product as loaded (with the version the edit
 * started from) and the edited copy. The undo commands change it through setValue(), which emits
 * fieldChanged() for the views; EditingService saves it. Lives on the UI thread.
 */
class ProductDraft : public QObject
{
    Q_OBJECT

public:
    explicit ProductDraft(QObject *parent = nullptr);

    /** Starts over from product at baseVersion (after a load, a save or a reload). */
    void load(const Product &product, int baseVersion);
    /**
     * A save of an earlier state of this draft finished while the user kept editing: saved (at
     * version) becomes what the edits are compared with and build on; the edits made since stay.
     */
    void rebase(const Product &saved, int version);

    QString key() const { return m_current.key; }
    const Product &product() const { return m_current; }
    const Product &original() const { return m_original; }
    int baseVersion() const { return m_baseVersion; }
    bool isModified() const { return !(m_current == m_original); }

    QVariant value(const MetadataField &field) const { return field.value(m_current); }
    /** Sets a field; emits fieldChanged() when the value changed. False for a missing column. */
    bool setValue(const MetadataField &field, const QVariant &value);

signals:
    void fieldChanged(const Mesh::MetadataField &field);
    void loaded();
    void modifiedChanged(bool modified);

private:
    Product m_original;
    Product m_current;
    int m_baseVersion = 0;
    bool m_modified = false;
};

} // namespace Mesh
