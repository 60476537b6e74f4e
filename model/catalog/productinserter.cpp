// SPDX-License-Identifier: MIT
#include "catalog/productinserter.h"

#include "db/sqlite.h"
#include "system/isotime.h"

#include <QSet>

namespace Mesh {

namespace {

std::nullopt_t failed(CatalogError *error, const QString &what, const QString &detail)
{
    *error =
        CatalogError{CatalogError::Code::Io, QStringLiteral("%1 failed: %2").arg(what, detail)};
    return std::nullopt;
}

} // namespace

ProductInserter::ProductInserter(Database &db)
    : m_db(db), m_product(db.prepare(QStringLiteral(R"SQL(
INSERT INTO products(key, name, domain_id, description, owner_id, steward_id, status,
                     source_system, formats, access_policy, freshness_sla_hours, version,
                     updated_at, source_id, fetched_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))SQL"))),
      m_tag(db.prepare(
          QStringLiteral("INSERT OR IGNORE INTO product_tags(product_id, tag) VALUES (?1, ?2)"))),
      m_dataset(db.prepare(QStringLiteral(
          "INSERT INTO datasets(product_id, position, name, format, location, endpoint, "
          "description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))),
      m_column(db.prepare(QStringLiteral(
          "INSERT INTO columns(dataset_id, position, name, type, description, classification, "
          "tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))),
      m_classification(db.prepare(QStringLiteral(
          "INSERT INTO product_classifications(product_id, classification) VALUES (?1, ?2)")))
{
}

std::optional<qint64> ProductInserter::domainId(const QString &name, CatalogError *error)
{
    if (const auto it = m_domains.constFind(name); it != m_domains.constEnd())
        return *it;
    Statement &find = m_db.prepare(QStringLiteral("SELECT id FROM domains WHERE name = ?1"));
    find.bind(1, name);
    qint64 id = 0;
    if (find.step()) {
        id = find.integer(0);
        find.reset();
    } else {
        Statement &ins = m_db.prepare(QStringLiteral("INSERT INTO domains(name) VALUES (?1)"));
        if (!ins.bind(1, name).exec())
            return failed(error, QStringLiteral("Adding domain “%1”").arg(name), ins.lastError());
        id = m_db.lastInsertRowId();
    }
    m_domains.insert(name, id);
    return id;
}

std::optional<ProductId> ProductInserter::insert(const Product &p, std::optional<SourceId> source,
                                                 const QString &fetchedAt, CatalogError *error)
{
    std::optional<qint64> domain;
    if (!p.domain.isEmpty()) {
        domain = domainId(p.domain, error);
        if (!domain)
            return std::nullopt;
    }
    Statement &st = m_product.reset();
    st.bind(1, p.key).bind(2, p.name);
    domain ? st.bind(3, *domain) : st.bindNull(3);
    st.bind(4, p.description)
        .bindNullable(5, p.ownerId)
        .bindNullable(6, p.stewardId)
        .bind(7, p.status.isEmpty() ? QStringLiteral("active") : p.status)
        .bind(8, p.sourceSystem)
        .bind(9, p.formats.join(QLatin1Char(',')))
        .bind(10, p.accessPolicy)
        .bind(11, p.freshnessSlaHours)
        .bind(12, p.version)
        .bindNullable(13, isoUtc(p.updatedAt));
    source ? st.bind(14, *source) : st.bindNull(14);
    st.bindNullable(15, fetchedAt);
    auto saving = [&p] { return QStringLiteral("Saving product “%1”").arg(p.key); };
    if (!st.exec())
        return failed(error, saving(), st.lastError());
    const ProductId id = m_db.lastInsertRowId();
    if (QString detail; !insertChildren(id, p, &detail))
        return failed(error, saving(), detail);
    return id;
}

bool ProductInserter::insertChildren(ProductId id, const Product &p, QString *detail)
{
    auto fail = [detail](const QString &what, const Statement &st) {
        *detail = QStringLiteral("%1: %2").arg(what, st.lastError());
        return false;
    };
    for (const QString &t : p.tags)
        if (!m_tag.reset().bind(1, id).bind(2, t).exec())
            return fail(QStringLiteral("tag “%1”").arg(t), m_tag);
    QSet<QString> classifications;
    int dsPos = 0;
    for (const Dataset &d : p.datasets) {
        m_dataset.reset()
            .bind(1, id)
            .bind(2, dsPos++)
            .bind(3, d.name)
            .bind(4, d.format)
            .bind(5, d.location)
            .bind(6, d.endpoint)
            .bind(7, d.description);
        if (!m_dataset.exec())
            return fail(QStringLiteral("dataset “%1”").arg(d.name), m_dataset);
        const qint64 dsId = m_db.lastInsertRowId();
        int colPos = 0;
        for (const Column &c : d.columns) {
            m_column.reset()
                .bind(1, dsId)
                .bind(2, colPos++)
                .bind(3, c.name)
                .bind(4, c.type)
                .bind(5, c.description)
                .bind(6, c.classification)
                .bind(7, c.tags.join(QLatin1Char(',')));
            if (!m_column.exec())
                return fail(QStringLiteral("column “%1”").arg(c.name), m_column);
            if (!c.classification.isEmpty())
                classifications.insert(c.classification);
        }
    }
    for (const QString &c : std::as_const(classifications))
        if (!m_classification.reset().bind(1, id).bind(2, c).exec())
            return fail(QStringLiteral("classification “%1”").arg(c), m_classification);
    return true;
}

SearchDocument ProductInserter::document(ProductId id, const Product &p)
{
    auto it = m_ownerNames.constFind(p.ownerId);
    if (it == m_ownerNames.constEnd()) {
        QString name;
        if (!p.ownerId.isEmpty()) {
            Statement &find =
                m_db.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?1"));
            find.bind(1, p.ownerId);
            if (find.step())
                name = find.text(0);
            find.reset();
        }
        it = m_ownerNames.insert(p.ownerId, name);
    }
    return searchDocument(id, p, *it);
}

} // namespace Mesh
