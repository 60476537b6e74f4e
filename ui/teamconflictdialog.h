// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"
#include "editing/metadatasnapshot.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Mesh {

/**
 * A write to the team server met a newer version (saved directly or replayed from the outbox):
 * says who saved what, and offers Reload (take the server's version; the person's values stay
 * shown), Overwrite (save theirs on top of the new version, audited as an overwrite) and Compare
 * (the differing fields side by side: the server's version and theirs). "Decide Later" keeps the
 * write as it is (the draft, or the outbox row in conflict), so nothing is lost silently.
 * Decides nothing itself: the caller acts on choice(). UI thread.
 */
class TeamConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Later,
        Reload,
        Overwrite
    };

    /** theirs: the product as the server has it now; yours: as the person wanted to save it. */
    TeamConflictDialog(const Product &theirs, const Product &yours, const QString &message,
                       QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    /** The differing fields (what Compare shows and what Overwrite would write). */
    const QList<MetadataChange> &changes() const { return m_changes; }
    QTableWidget *compareTable() const { return m_table; }

private:
    Choice m_choice = Choice::Later;
    QList<MetadataChange> m_changes;
    QTableWidget *m_table = nullptr;
};

} // namespace Mesh
