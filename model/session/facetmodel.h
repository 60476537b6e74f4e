// SPDX-License-Identifier: MIT
#pragma once

#include "search/searchtypes.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Mesh {

/**
 * The facet navigator: one top-level row per facet kind (domains, owners, tags, …), its values
 * with their match counts as children. Values are checkable; the checked ones are the search
 * filters (filters()). Counts follow each search through setFacets(), which updates rows in place
 * so a view keeps its expansion and checked values stay listed even when nothing matches them.
 * Lives on the UI thread; changed by setFacets(), setData() and clearFilters().
 */
class FacetModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1, // FacetKind as int
        ValueRole,                   // the value filters match; empty for kind rows
        CountRole,                   // matching products; for kind rows, how many values
        IsKindRole,                  // true for the top-level rows
    };
    Q_ENUM(Role)

    explicit FacetModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Replaces the counts with those of the latest search. */
    void setFacets(const FacetCounts &facets);
    /** The checked values per kind, ready for SearchRequest::filters. */
    QHash<FacetKind, QStringList> filters() const;
    bool hasFilters() const;
    void setChecked(FacetKind kind, const QString &value, bool checked);
    void clearFilters();

    QModelIndex kindIndex(FacetKind kind) const;
    QModelIndex valueIndex(FacetKind kind, const QString &value) const;

    /** Human title of a facet kind, e.g. "Domains". */
    static QString kindTitle(FacetKind kind);

signals:
    /** The user (or code) checked or unchecked a value. */
    void filtersChanged();

private:
    struct Value
    {
        QString value;
        QString label;
        qint64 count = 0;
        bool checked = false;
    };
    struct Group
    {
        FacetKind kind = FacetKind::Domain;
        QList<Value> values;
    };

    static constexpr quintptr kTopLevel = ~quintptr(0);

    QList<Group> m_groups;
};

} // namespace Mesh
