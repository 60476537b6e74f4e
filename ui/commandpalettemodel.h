// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QString>

class QAction;

namespace Mesh {

/** A row of the command palette: a menu action, or a product the user looked at recently. */
struct PaletteEntry
{
    enum class Kind
    {
        Action,
        Product
    };
    Kind kind = Kind::Action;
    QString text;     // "Open Catalog…" or the product's name
    QString detail;   // "File" / "File › Open Recent" or "Recent product · finance.gross-margin"
    QString shortcut; // native text, may be empty
    QIcon icon;
    QPointer<QAction> action; // Kind::Action
    QString productKey;       // Kind::Product
};

/**
 * The command palette's list: all entries ranked by FuzzyMatch against the filter text (the
 * entry's text counts more than its menu path); with no filter, recent products come first and
 * actions follow in menu order. Lives in ui/ because it holds QActions. UI thread.
 */
class CommandPaletteModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        DetailRole = Qt::UserRole + 1,
        ShortcutRole,
        KindRole, // PaletteEntry::Kind as int
        ProductKeyRole,
        MatchPositionsRole, // QList<int>: matched characters of DisplayRole, for highlighting
    };

    explicit CommandPaletteModel(QObject *parent = nullptr);

    void setEntries(const QList<PaletteEntry> &entries);
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

    /** The entry shown at row, or nullptr. */
    const PaletteEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        int entry = 0;
        int score = 0;
        QList<int> positions;
    };
    QList<Row> computeRows() const;

    QList<PaletteEntry> m_entries;
    QList<Row> m_rows;
    QString m_filter;
};

} // namespace Mesh
