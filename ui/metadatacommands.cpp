// SPDX-License-Identifier: MIT
#include "metadatacommands.h"

#include "editing/productdraft.h"

#include <QCoreApplication>

namespace Mesh {

QString commandText(const ProductDraft *draft, const MetadataField &field)
{
    return QCoreApplication::translate("Mesh::MetadataCommands", "Edit %1")
        .arg(draft ? field.label(draft->product()) : QString());
}

SetFieldCommand::SetFieldCommand(ProductDraft *draft, const MetadataField &field,
                                 const QVariant &value, Merge merge, QUndoCommand *parent)
    : QUndoCommand(commandText(draft, field), parent), m_draft(draft), m_field(field),
      m_old(draft ? draft->value(field) : QVariant()), m_new(value), m_merge(merge)
{
}

void SetFieldCommand::undo()
{
    if (m_draft)
        m_draft->setValue(m_field, m_old);
}

void SetFieldCommand::redo()
{
    if (m_draft)
        m_draft->setValue(m_field, m_new);
}

int SetFieldCommand::id() const
{
    switch (m_merge) {
    case Merge::Typing:
        return TypingCommandId;
    case Merge::Stepping:
        return SteppingCommandId;
    case Merge::Never:
        break;
    }
    return -1;
}

bool SetFieldCommand::mergeWith(const QUndoCommand *other)
{
    // Same id means same merge kind; only the same field of the same draft merges.
    const auto *o = static_cast<const SetFieldCommand *>(other);
    if (o->m_draft != m_draft || !(o->m_field == m_field))
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

SetFieldsCommand::SetFieldsCommand(ProductDraft *draft,
                                   const QList<std::pair<MetadataField, QVariant>> &changes,
                                   const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_draft(draft)
{
    for (const auto &[field, value] : changes)
        m_changes.append({field, draft ? draft->value(field) : QVariant(), value});
}

void SetFieldsCommand::undo()
{
    if (!m_draft)
        return;
    for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it)
        m_draft->setValue(it->field, it->before);
}

void SetFieldsCommand::redo()
{
    if (!m_draft)
        return;
    for (const Change &c : std::as_const(m_changes))
        m_draft->setValue(c.field, c.after);
}

} // namespace Mesh
