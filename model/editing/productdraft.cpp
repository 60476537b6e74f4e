// SPDX-License-Identifier: MIT
#include "editing/productdraft.h"

namespace Mesh {

ProductDraft::ProductDraft(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<MetadataField>();
}

void ProductDraft::load(const Product &product, int baseVersion)
{
    m_original = product;
    m_current = product;
    m_baseVersion = baseVersion;
    emit loaded();
    if (m_modified) {
        m_modified = false;
        emit modifiedChanged(false);
    }
}

void ProductDraft::rebase(const Product &saved, int version)
{
    m_original = saved;
    m_baseVersion = version;
    if (m_modified != isModified()) {
        m_modified = isModified();
        emit modifiedChanged(m_modified);
    }
}

bool ProductDraft::setValue(const MetadataField &field, const QVariant &value)
{
    Product next = m_current;
    if (!field.setValue(next, value))
        return false;
    if (next == m_current)
        return true;
    m_current = std::move(next);
    emit fieldChanged(field);
    if (isModified() != m_modified) {
        m_modified = !m_modified;
        emit modifiedChanged(m_modified);
    }
    return true;
}

} // namespace Mesh
