// SPDX-License-Identifier: MIT
#include "editing/editingservice.h"

#include "access/auditlog.h"
#include "access/snapshot.h"
#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "editing/metadatafield.h"
#include "federation/sourceregistry.h"
#include "system/isotime.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace Mesh {

namespace {

using Code = EditOutcome::Code;

EditOutcome outcome(Code code, const QString &message, int version = 0)
{
    EditOutcome o;
    o.code = code;
    o.message = message;
    o.version = version;
    return o;
}

QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

const QString kVersionSelect = QStringLiteral(
    "SELECT product_key, version, author, created_at, summary, snapshot FROM product_versions ");

ProductVersion readVersion(const Statement &st)
{
    ProductVersion v;
    v.productKey = st.text(0);
    v.number = int(st.integer(1));
    v.author = st.text(2);
    v.at = QDateTime::fromString(st.text(3), Qt::ISODate).toUTC();
    v.summary = st.text(4);
    v.snapshot = QJsonDocument::fromJson(st.text(5).toUtf8()).object();
    return v;
}

/** Copies the editable metadata of edited onto stored, keeping everything else as stored. */
Product merged(const Product &stored, const Product &edited)
{
    Product result = stored;
    MetadataSnapshot::apply(result, MetadataSnapshot::fromProduct(edited));
    return result;
}

} // namespace

EditingService::EditingService(SqliteCatalogStore &store, AccessPolicy::Clock clock)
    : m_store(store), m_policy(store, std::move(clock))
{
}

AccessDecision EditingService::mayEdit(const QString &userId, const QString &productKey) const
{
    // A federated source's product is its source's: the next sync replaces the whole snapshot,
    // so an edit saved here would silently disappear. It is changed at the source instead.
    if (const auto origin = SourceRegistry(m_store).originOf(productKey))
        return {AccessDecision::Verdict::Deny,
                QStringLiteral("%1 comes from the federated source “%2” (%3), whose next sync "
                               "replaces it: change it there, then sync.")
                    .arg(productKey, origin->name, redactedUrl(origin->url)),
                {}};
    return m_policy.decide(userId, AccessAction::EditMetadata, {productKey, {}});
}

int EditingService::currentVersion(const QString &productKey) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(QStringLiteral(
        "SELECT coalesce(max(version), 0) FROM product_versions WHERE product_key = ?1"));
    st.bind(1, productKey);
    const int v = st.step() ? int(st.integer(0)) : 0;
    st.reset();
    return v;
}

std::optional<VersionedProduct> EditingService::load(const QString &productKey) const
{
    Database &db = m_store.database();
    refreshSnapshot(db);
    // One read transaction, so that the version belongs to exactly this product state.
    const bool own = !db.inTransaction() && db.exec(QStringLiteral("BEGIN"));
    std::optional<VersionedProduct> result;
    if (std::optional<Product> p = m_store.productByKey(productKey))
        result = VersionedProduct{*p, currentVersion(productKey)};
    if (own)
        db.exec(QStringLiteral("COMMIT"));
    return result;
}

QList<ProductVersion> EditingService::history(const QString &productKey) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        kVersionSelect + QStringLiteral("WHERE product_key = ?1 ORDER BY version DESC"));
    st.bind(1, productKey);
    QList<ProductVersion> result;
    while (st.step())
        result.append(readVersion(st));
    return result;
}

std::optional<ProductVersion> EditingService::version(const QString &productKey, int number) const
{
    refreshSnapshot(m_store.database());
    Statement &st = m_store.database().prepare(
        kVersionSelect + QStringLiteral("WHERE product_key = ?1 AND version = ?2"));
    st.bind(1, productKey).bind(2, number);
    if (!st.step())
        return std::nullopt;
    ProductVersion v = readVersion(st);
    st.reset();
    return v;
}

QString EditingService::validate(const Product &p) const
{
    for (const auto &[id, role] : {std::pair{p.ownerId, QStringLiteral("owner")},
                                   std::pair{p.stewardId, QStringLiteral("steward")}}) {
        if (!id.isEmpty() && !m_store.user(id))
            return QStringLiteral("“%1” is not a user of this catalog, so it cannot be the %2; "
                                  "use a user id such as the ones `meshctl access list` shows.")
                .arg(id, role);
    }
    if (!MetadataField::statuses().contains(p.status))
        return QStringLiteral("status “%1” is not one of %2.")
            .arg(p.status, MetadataField::statuses().join(QStringLiteral(", ")));
    if (p.freshnessSlaHours < 0 || p.freshnessSlaHours > kMaxSlaHours)
        return QStringLiteral("the freshness SLA must be between 0 (none) and %1 hours, not %2.")
            .arg(kMaxSlaHours)
            .arg(p.freshnessSlaHours);
    if (p.description.size() > kMaxTextLength || p.accessPolicy.size() > kMaxTextLength)
        return QStringLiteral("the description and access policy are limited to %1 characters.")
            .arg(kMaxTextLength);
    static const QRegularExpression classification(
        QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)+$"));
    for (const QString &t : p.tags)
        if (t.size() > 100)
            return QStringLiteral("tag “%1…” is longer than 100 characters.").arg(t.left(20));
    for (const Dataset &ds : p.datasets) {
        if (ds.description.size() > kMaxTextLength)
            return QStringLiteral("the description of dataset %1 is too long.").arg(ds.name);
        for (const Column &c : ds.columns) {
            if (!c.classification.isEmpty() && !classification.match(c.classification).hasMatch())
                return QStringLiteral("classification “%1” of column %2 is not a tag such as "
                                      "PII.Sensitive or PII.NonSensitive.")
                    .arg(c.classification, c.name);
            for (const QString &t : c.tags)
                if (t.contains(QLatin1Char(',')))
                    return QStringLiteral("column tag “%1” of %2 contains a comma; use separate "
                                          "tags.")
                        .arg(t, c.name);
            if (c.description.size() > kMaxTextLength)
                return QStringLiteral("the description of column %1 is too long.").arg(c.name);
        }
    }
    return {};
}

EditOutcome EditingService::saveDecided(const QString &author, const Product &current,
                                        const Product &edited, const QString &summaryText,
                                        const QString &auditAction, const QString &auditDetail)
{
    Database &db = m_store.database();
    const Product next = merged(current, edited);
    if (const QString problem = validate(next); !problem.isEmpty())
        return outcome(Code::Invalid,
                       QStringLiteral("%1 was not saved: %2").arg(current.key, problem));
    const QJsonObject before = MetadataSnapshot::fromProduct(current);
    const QJsonObject after = MetadataSnapshot::fromProduct(next);
    int latest = currentVersion(current.key);
    const QList<MetadataChange> changes = MetadataSnapshot::diff(before, after);
    if (changes.isEmpty())
        return outcome(Code::Unchanged,
                       QStringLiteral("%1 has no changes to save.").arg(current.key), latest);

    Statement &ins = db.prepare(QStringLiteral(
        "INSERT INTO product_versions(product_key, version, author, created_at, summary, "
        "snapshot) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    const QDateTime now = m_policy.now();
    if (latest == 0) {
        // The state every edit started from, so that the first edit can be diffed and reverted.
        ins.reset()
            .bind(1, current.key)
            .bind(2, 1)
            .bind(3, current.sourceName.isEmpty() ? QStringLiteral("catalog") : current.sourceName)
            .bind(4,
                  isoUtc(current.updatedAt.isValid() && current.updatedAt < now ? current.updatedAt
                                                                                 : now))
            .bind(5, QStringLiteral("As imported, before the first edit"))
            .bind(6, QString::fromUtf8(QJsonDocument(before).toJson(QJsonDocument::Compact)));
        if (!ins.exec())
            return outcome(Code::Failed,
                           QStringLiteral("Recording the first version of %1 failed: %2")
                               .arg(current.key, ins.lastError()));
        latest = 1;
    }
    CatalogError error;
    if (!m_store.upsertProduct(next, &error))
        return outcome(Code::Failed, error.message);
    const int number = latest + 1;
    const QString summary =
        summaryText.isEmpty() ? MetadataSnapshot::summary(changes) : summaryText;
    ins.reset()
        .bind(1, current.key)
        .bind(2, number)
        .bind(3, author)
        .bind(4, isoUtc(now))
        .bind(5, summary)
        .bind(6, QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact)));
    if (!ins.exec())
        return outcome(Code::Failed, QStringLiteral("Recording version %1 of %2 failed: %3")
                                         .arg(number)
                                         .arg(current.key, ins.lastError()));
    AuditEntry entry;
    entry.at = now;
    entry.actor = author;
    entry.action = auditAction;
    entry.productKey = current.key;
    entry.subject = QStringLiteral("version %1").arg(number);
    entry.detail = auditDetail.isEmpty() ? summary : summary + QStringLiteral(". ") + auditDetail;
    QString auditError;
    if (!AuditLog::append(db, entry, &auditError))
        return outcome(Code::Failed,
                       QStringLiteral("The edit of %1 was not saved because the audit log could "
                                      "not record it: %2")
                           .arg(current.key, auditError));
    return outcome(
        Code::Ok,
        QStringLiteral("Saved %1 as version %2: %3.").arg(current.key).arg(number).arg(summary),
        number);
}

EditOutcome EditingService::save(const QString &userId, const Product &edited, int baseVersion,
                                 const QString &summary, bool overwrite)
{
    refreshSnapshot(m_store.database());
    EditOutcome result;
    CatalogError error;
    const bool committed = m_store.transaction(
        [&](CatalogError *) {
            // Everything below reads inside the write transaction: a concurrent save has either
            // committed (and is seen) or waits for ours, so no update is lost.
            const std::optional<Product> current = m_store.productByKey(edited.key);
            if (!current) {
                result = outcome(
                    Code::Invalid,
                    QStringLiteral("There is no product “%1” in this catalog.").arg(edited.key));
                return false;
            }
            const AccessDecision decision = mayEdit(userId, edited.key);
            if (!decision.allowed()) {
                result = outcome(Code::Refused, decision.reason);
                return false;
            }
            const int latest = currentVersion(edited.key);
            if (baseVersion > latest || baseVersion < 0) {
                result = outcome(Code::Invalid,
                                 QStringLiteral("%1 has no version %2 (its newest is %3).")
                                     .arg(edited.key)
                                     .arg(baseVersion)
                                     .arg(latest),
                                 latest);
                return false;
            }
            if (baseVersion != latest && !overwrite) {
                const std::optional<ProductVersion> newer = version(edited.key, latest);
                result = outcome(Code::Conflict, {}, latest);
                result.changedBy = newer ? newer->author : QString();
                result.changedAt = newer ? newer->at : QDateTime();
                result.message =
                    QStringLiteral("%1 was changed by %2 at %3 (version %4) after this edit "
                                   "started from version %5; reload, overwrite or compare "
                                   "before saving.")
                        .arg(edited.key, result.changedBy, when(result.changedAt))
                        .arg(latest)
                        .arg(baseVersion);
                return false;
            }
            QString detail = decision.reason;
            if (baseVersion != latest)
                detail += QStringLiteral(" Overwrote version %1 (the edit started from %2).")
                              .arg(latest)
                              .arg(baseVersion);
            result = saveDecided(userId, *current, edited, summary, QStringLiteral("edit-metadata"),
                                 detail);
            return result.code == Code::Ok;
        },
        &error);
    if (!committed && result.code == Code::Ok)
        result = outcome(Code::Failed, error.message);
    return result;
}

QString EditingService::revertSummary(int number)
{
    return QStringLiteral("Reverted to version %1").arg(number);
}

QString EditingService::alreadyAtVersion(const QString &productKey, int number)
{
    return QStringLiteral("%1 already has the metadata of version %2.").arg(productKey).arg(number);
}

std::optional<Product> EditingService::atVersion(const QString &productKey, int number,
                                                 EditOutcome *problem) const
{
    std::optional<Product> product = m_store.productByKey(productKey);
    if (!product) {
        *problem = outcome(Code::Invalid, QStringLiteral("There is no product “%1” in this "
                                                         "catalog.")
                                              .arg(productKey));
        return std::nullopt;
    }
    const std::optional<ProductVersion> target = version(productKey, number);
    if (!target) {
        *problem = outcome(Code::Invalid, QStringLiteral("%1 has no version %2; `meshctl history` "
                                                         "lists its versions.")
                                              .arg(productKey)
                                              .arg(number));
        return std::nullopt;
    }
    MetadataSnapshot::apply(*product, target->snapshot);
    return product;
}

EditOutcome EditingService::revert(const QString &userId, const QString &productKey, int number,
                                   int baseVersion, bool overwrite)
{
    EditOutcome o;
    const std::optional<Product> edited = atVersion(productKey, number, &o);
    if (!edited)
        return o;
    o = save(userId, *edited, baseVersion, revertSummary(number), overwrite);
    if (o.code == Code::Unchanged)
        o.message = alreadyAtVersion(productKey, number);
    return o;
}

EditOutcome EditingService::setFields(const QString &userId, const QString &productKey,
                                      const QList<std::pair<QString, QString>> &fieldValues,
                                      std::optional<int> expectVersion, bool overwrite)
{
    const std::optional<VersionedProduct> loaded = load(productKey);
    if (!loaded)
        return outcome(Code::Invalid,
                       QStringLiteral("There is no product “%1” in this catalog.").arg(productKey));
    if (fieldValues.isEmpty())
        return outcome(Code::Invalid, QStringLiteral("No field to set was given."));
    Product edited = loaded->product;
    for (const auto &[field, value] : fieldValues) {
        QString error;
        const std::optional<MetadataField> f = MetadataField::parse(loaded->product, field, &error);
        if (!f)
            return outcome(Code::Invalid, error);
        const std::optional<QVariant> v = f->fromText(value, &error);
        if (!v)
            return outcome(Code::Invalid, error);
        f->setValue(edited, *v);
    }
    return save(userId, edited, expectVersion.value_or(loaded->version), {}, overwrite);
}

std::optional<QList<MetadataChange>> EditingService::diff(const QString &productKey, int from,
                                                          int to, QString *error) const
{
    auto snapshotOf = [&](int n) -> std::optional<QJsonObject> {
        if (n == 0) {
            if (const std::optional<Product> p = m_store.productByKey(productKey))
                return MetadataSnapshot::fromProduct(*p);
            if (error)
                *error =
                    QStringLiteral("There is no product “%1” in this catalog.").arg(productKey);
            return std::nullopt;
        }
        if (const std::optional<ProductVersion> v = version(productKey, n))
            return v->snapshot;
        if (error)
            *error = QStringLiteral("%1 has no version %2.").arg(productKey).arg(n);
        return std::nullopt;
    };
    const std::optional<QJsonObject> a = snapshotOf(from);
    if (!a)
        return std::nullopt;
    const std::optional<QJsonObject> b = snapshotOf(to);
    if (!b)
        return std::nullopt;
    return MetadataSnapshot::diff(*a, *b);
}

} // namespace Mesh
