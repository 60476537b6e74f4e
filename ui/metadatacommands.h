// SPDX-License-Identifier: MIT
#pragma once

#include "editing/metadatafield.h"

#include <QPointer>
#include <QUndoCommand>
#include <QVariant>

namespace Mesh {

class ProductDraft;

/**
 * The undo commands of metadata editing, one per user edit. They change the ProductDraft, which
 * emits fieldChanged() for the editor and the column table. Merge ids live in one enum so that
 * no two command families share one.
 */
enum MetadataCommandId : int
{
    /** Typing in one text field (description, access policy, a dataset or column description). */
    TypingCommandId = 0x4d45, // 'ME'
    /** Stepping a number field (the freshness SLA spin box). */
    SteppingCommandId,
};

/**
 * Sets one field of a draft. Consecutive typing (or stepping) in the same field merges into one
 * step, so Ctrl+Z undoes a typed sentence, not a letter; a merge that returns the field to its
 * old value makes the command obsolete, and the stack drops it.
 */
class SetFieldCommand : public QUndoCommand
{
public:
    enum class Merge
    {
        Never,
        Typing,
        Stepping
    };

    SetFieldCommand(ProductDraft *draft, const MetadataField &field, const QVariant &value,
                    Merge merge = Merge::Never, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const MetadataField &field() const { return m_field; }

private:
    QPointer<ProductDraft> m_draft;
    MetadataField m_field;
    QVariant m_old;
    QVariant m_new;
    Merge m_merge = Merge::Never;
};

/**
 * Sets several fields as one step (e.g. the same classification on several selected columns,
 * or a whole version restored into the draft).
 */
class SetFieldsCommand : public QUndoCommand
{
public:
    SetFieldsCommand(ProductDraft *draft, const QList<std::pair<MetadataField, QVariant>> &changes,
                     const QString &text, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    struct Change
    {
        MetadataField field;
        QVariant before;
        QVariant after;
    };
    QPointer<ProductDraft> m_draft;
    QList<Change> m_changes;
};

/** The undo text for a field: "Edit description", "Edit column email: classification". */
QString commandText(const ProductDraft *draft, const MetadataField &field);

} // namespace Mesh
