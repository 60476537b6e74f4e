// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

namespace Mesh {

class SqliteCatalogStore;

/** Everything a person can try to do with a product; each is decided by AccessPolicy::decide. */
enum class AccessAction { ViewMetadata, Preview, Export, EditMetadata, Approve, Administer };

/** What was asked about: a product by key, optionally narrowed to some of its columns. */
struct AccessResource
{
    QString productKey;
    QStringList columns; // empty: the whole product
};

/** The policy's answer. AllowMasked: allowed, with maskedColumns shown masked. */
struct AccessDecision
{
    enum class Verdict { Allow, Deny, AllowMasked };
    Verdict verdict = Verdict::Deny;
    QString reason;            // one sentence a person can read: why
    QStringList maskedColumns; // for AllowMasked: the columns to mask
    bool allowed() const { return verdict != Verdict::Deny; }
};

/**
 * The one place access is decided. Every reader, editor, exporter and dashboard asks decide();
 * the UI only hides what decide() would refuse. Reads the catalog through the store it is given;
 * use it on the store's thread. The clock is injectable so that expiry can be tested.
 */
class AccessPolicy
{
public:
    using Clock = std::function<QDateTime()>;

    explicit AccessPolicy(const SqliteCatalogStore &store, Clock clock = {});

    AccessDecision decide(const QString &userId, AccessAction action,
                          const AccessResource &resource) const;

    QDateTime now() const;

private:
    const SqliteCatalogStore &m_store;
    Clock m_clock;
};

} // namespace Mesh
