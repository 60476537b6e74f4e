// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesspolicy.h"
#include "catalog/entities.h"
#include "editing/metadatasnapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Mesh {

class SqliteCatalogStore;

/** A product as last saved, with the version number an edit of it starts from. */
struct VersionedProduct
{
    Product product;
    int version = 0; // 0: never edited in this catalog
};

/** One saved version of a product's metadata. Plain value. */
struct ProductVersion
{
    QString productKey;
    int number = 0;
    QString author;
    QDateTime at;
    QString summary;
    QJsonObject snapshot; // MetadataSnapshot::fromProduct of the product as saved
};

/** What a save, revert or field edit did: saved, nothing to save, refused, bad input, conflict. */
struct EditOutcome
{
    enum class Code
    {
        Ok,
        Unchanged,
        Refused,
        Invalid,
        Conflict,
        Failed
    };
    Code code = Code::Ok;
    QString message;
    int version = 0; // Ok/Unchanged: the product's version now; Conflict: the newer version
    // Conflict: who saved the newer version, and when
    QString changedBy;
    QDateTime changedAt;
    bool queued = false; // a team cache's write kept in the outbox while the server is down
    bool ok() const { return code == Code::Ok || code == Code::Unchanged; }
};

/**
 * Editing a product's metadata in place, with versions and optimistic concurrency.
 *
 * save() is one BEGIN IMMEDIATE transaction that asks AccessPolicy::decide (EditMetadata) for the
 * author, refuses a save whose base version is no longer the newest ("changed by X at T"), writes
 * the product (which refreshes the search index and facets), appends a product_versions row with
 * a JSON snapshot, and the audit entry. The first save of a product also records the state it
 * started from as version 1, so that every edit can be compared and reverted.
 *
 * Uses the store it is given, on that store's thread; reads work on a read-only store.
 */
class EditingService
{
public:
    static constexpr int kMaxSlaHours = 24 * 366;
    static constexpr int kMaxTextLength = 100000;

    explicit EditingService(SqliteCatalogStore &store, AccessPolicy::Clock clock = {});

    const AccessPolicy &policy() const { return m_policy; }

    /** decide(user, EditMetadata, product): whether user may edit, and why (not). */
    AccessDecision mayEdit(const QString &userId, const QString &productKey) const;

    /** The product and its version, read in one snapshot. */
    std::optional<VersionedProduct> load(const QString &productKey) const;
    int currentVersion(const QString &productKey) const;
    /** The saved versions, newest first. */
    QList<ProductVersion> history(const QString &productKey) const;
    std::optional<ProductVersion> version(const QString &productKey, int number) const;

    /**
     * Saves the editable metadata of edited (other fields are kept as stored) as a new version.
     * baseVersion is the version the edit started from; unless overwrite, a newer version
     * refuses the save with Conflict. summary defaults to a description of the changes.
     */
    EditOutcome save(const QString &userId, const Product &edited, int baseVersion,
                     const QString &summary = {}, bool overwrite = false);
    /** The product as stored now with the metadata of its saved version number: what a revert
     *  saves. nullopt with *problem (Code::Invalid) when the product or version is not there. */
    std::optional<Product> atVersion(const QString &productKey, int number,
                                     EditOutcome *problem) const;
    /** The summary of a revert's version: "Reverted to version N". */
    static QString revertSummary(int number);
    /** What a revert to the metadata the product already has says. */
    static QString alreadyAtVersion(const QString &productKey, int number);
    /** Saves version number's metadata as a new version (a revert is itself a version). */
    EditOutcome revert(const QString &userId, const QString &productKey, int number,
                       int baseVersion, bool overwrite = false);
    /**
     * Sets fields (MetadataField::parse names, values as command-line text) and saves them as
     * one version; expectVersion defaults to the version read just before.
     */
    EditOutcome setFields(const QString &userId, const QString &productKey,
                          const QList<std::pair<QString, QString>> &fieldValues,
                          std::optional<int> expectVersion = {}, bool overwrite = false);

    /** The changes between two saved versions (0 = the product as stored now). */
    std::optional<QList<MetadataChange>> diff(const QString &productKey, int from, int to,
                                              QString *error = nullptr) const;

    /**
     * The save itself, for callers that already decided and hold the write transaction (an
     * approved ownership claim). Validates, writes, versions and audits as save() does, but
     * neither asks the policy nor checks the base version.
     */
    EditOutcome saveDecided(const QString &author, const Product &current, const Product &edited,
                            const QString &summary, const QString &auditAction,
                            const QString &auditDetail);

    /** Why edited cannot be saved (unknown owner, bad status, …), or empty when it can. */
    QString validate(const Product &edited) const;

private:
    SqliteCatalogStore &m_store;
    AccessPolicy m_policy;
};

} // namespace Mesh

Q_DECLARE_METATYPE(Mesh::EditOutcome)
Q_DECLARE_METATYPE(Mesh::ProductVersion)
