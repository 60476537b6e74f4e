// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/entities.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Mesh {

/** The facet dimensions the navigator shows and a search can be narrowed by. */
enum class FacetKind { Domain, Owner, Tag, Classification, SourceSystem, Status };

constexpr FacetKind kAllFacetKinds[] = {FacetKind::Domain,         FacetKind::Owner,
                                        FacetKind::Tag,            FacetKind::Classification,
                                        FacetKind::SourceSystem,   FacetKind::Status};

/** Stable machine name of a facet ("domain", "owner", …), used in JSON and settings. */
QString facetKindName(FacetKind kind);

/** What a person asked for: free text plus facet filters (AND across kinds, OR within one). */
struct SearchRequest
{
    QString text;
    QHash<FacetKind, QStringList> filters;
    int limit = 50;
    int offset = 0;
};

/** One ranked hit, with enough to draw a result row and explain why it matched. */
struct SearchHit
{
    ProductId id = 0;
    QString key;
    QString name;
    QString domain;
    QString ownerId;
    QString ownerName;
    QString sourceSystem;
    QString status;
    QString summary;      // first line of the description, plain text
    QString matchedField; // "name", "tags", "description", "columns", "owner", "domain", "source"
    QString snippet;      // text around the match; matches wrapped in \x02 … \x03
    double score = 0.0;   // bm25, lower is better (SQLite convention); 0 when browsing
};

/** A page of hits plus the total number of matches. */
struct SearchResult
{
    QList<SearchHit> hits;
    qint64 total = 0;
    /**
     * False when a broad query was answered without counting every match: total is then a
     * lower bound and CatalogStore::countMatches() gives the exact figure.
     */
    bool totalExact = true;
    bool browsing = false; // true when the text was empty: hits are ordered by name
};

/** One facet value with the number of matching products. */
struct FacetCount
{
    QString value; // what a filter matches; empty = "none" (e.g. unowned dark data)
    QString label; // what to show; equals value except for owners (their display name)
    qint64 count = 0;
};

using FacetCounts = QHash<FacetKind, QList<FacetCount>>;

constexpr QChar kSnippetOpen = QChar(0x02);
constexpr QChar kSnippetClose = QChar(0x03);

} // namespace Mesh
