// SPDX-License-Identifier: MIT
#include "catalog/searchdocument.h"

#include "db/sqlite.h"

#include <algorithm>
#include <vector>

namespace Mesh {

SearchDocument searchDocument(ProductId id, const Product &p, const QString &ownerName)
{
    SearchDocument doc;
    doc.id = id;
    doc.fields[0] = p.name.toUtf8();

    std::vector<QByteArray> tags;
    tags.reserve(size_t(p.tags.size()));
    for (const QString &t : p.tags)
        tags.push_back(t.toUtf8());
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    QByteArray &tagText = doc.fields[1];
    for (size_t i = 0; i < tags.size(); ++i) {
        if (i > 0)
            tagText += ' ';
        tagText += tags[i];
    }

    doc.fields[2] = p.description.toUtf8();

    // group_concat(dataset name || ' ' || group_concat(column name || ' ' || description, ' '), '
    // ')
    QByteArray &columns = doc.fields[3];
    for (qsizetype d = 0; d < p.datasets.size(); ++d) {
        const Dataset &ds = p.datasets[d];
        if (d > 0)
            columns += ' ';
        columns += ds.name.toUtf8();
        columns += ' ';
        for (qsizetype c = 0; c < ds.columns.size(); ++c) {
            if (c > 0)
                columns += ' ';
            columns += ds.columns[c].name.toUtf8();
            columns += ' ';
            columns += ds.columns[c].description.toUtf8();
        }
    }

    doc.fields[4] =
        p.ownerId.toUtf8() + ' ' + (p.ownerId.isEmpty() ? QByteArray() : ownerName.toUtf8());
    doc.fields[5] = p.domain.toUtf8();
    doc.fields[6] = p.sourceSystem.toUtf8() + ' ' + p.formats.join(QLatin1Char(',')).toUtf8();
    return doc;
}

bool writeSearchDocuments(Database &db, const std::vector<SearchDocument> &documents,
                          QString *error)
{
    return writeSearchDocuments(db, documents, SearchTable::Full, error) &&
           writeSearchDocuments(db, documents, SearchTable::Meta, error);
}

bool writeSearchDocuments(Database &db, const std::vector<SearchDocument> &documents,
                          SearchTable table, QString *error)
{
    if (table == SearchTable::Full) {
        Statement &fts = db.prepare(QStringLiteral(
            "INSERT INTO product_fts(rowid, name, tags, description, columns, owner, domain, "
            "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        for (const SearchDocument &doc : documents) {
            fts.reset().bind(1, doc.id);
            for (int f = 0; f < 7; ++f)
                fts.bindUtf8(f + 2, doc.fields[size_t(f)]);
            if (!fts.exec()) {
                *error = fts.lastError();
                return false;
            }
        }
        return true;
    }
    Statement &meta = db.prepare(
        QStringLiteral("INSERT INTO product_meta_fts(rowid, name, tags, owner, domain, source) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (const SearchDocument &doc : documents) {
        meta.reset()
            .bind(1, doc.id)
            .bindUtf8(2, doc.fields[0])
            .bindUtf8(3, doc.fields[1])
            .bindUtf8(4, doc.fields[4])
            .bindUtf8(5, doc.fields[5])
            .bindUtf8(6, doc.fields[6]);
        if (!meta.exec()) {
            *error = meta.lastError();
            return false;
        }
    }
    return true;
}

} // namespace Mesh
