// SPDX-License-Identifier: MIT
#include "team/datasetpatch.h"

#include <QJsonObject>

#include <functional>

namespace Mesh {

namespace {

const QString kDataset = QStringLiteral("dataset");
const QString kColumn = QStringLiteral("column");
const QString kIndex = QStringLiteral("index");
const QString kColumns = QStringLiteral("columns");
const QString kName = QStringLiteral("name");
const QString kDescription = QStringLiteral("description");
const QString kClassification = QStringLiteral("classification");
const QString kTags = QStringLiteral("tags");

/** The position of name among count names: hint when it is there, else the first, else -1. */
int find(qsizetype count, const std::function<QString(qsizetype)> &nameAt, const QString &name,
         qsizetype hint)
{
    if (hint >= 0 && hint < count && nameAt(hint) == name)
        return int(hint);
    for (qsizetype i = 0; i < count; ++i)
        if (nameAt(i) == name)
            return int(i);
    return -1;
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

/** One patch entry's values are of the right types (an outbox row is text on disk). */
bool wellFormed(const QJsonObject &entry, const QString &nameKey, QString *error)
{
    auto bad = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("the dataset and column changes are malformed (%1)").arg(what);
        return false;
    };
    if (!entry.value(nameKey).isString() || entry.value(nameKey).toString().isEmpty())
        return bad(QStringLiteral("an entry without a %1 name").arg(nameKey));
    for (const QString &key : {kDescription, kClassification})
        if (entry.contains(key) && !entry.value(key).isString())
            return bad(
                QStringLiteral("%1 of %2 is not text").arg(key, entry.value(nameKey).toString()));
    if (entry.contains(kTags) && !entry.value(kTags).isArray())
        return bad(
            QStringLiteral("tags of %1 are not a list").arg(entry.value(nameKey).toString()));
    if (entry.contains(kColumns) && !entry.value(kColumns).isArray())
        return bad(
            QStringLiteral("columns of %1 are not a list").arg(entry.value(nameKey).toString()));
    return true;
}

/**
 * Walks patch over some datasets: finds each dataset and column and hands the entry to set.
 * Shared by the JSON document and the Product, so both apply a patch the same way.
 */
struct Target
{
    std::function<qsizetype()> datasetCount;
    std::function<QString(qsizetype)> datasetName;
    std::function<qsizetype(qsizetype)> columnCount;
    std::function<QString(qsizetype, qsizetype)> columnName;
    std::function<void(qsizetype, const QJsonObject &)> setDataset;
    std::function<void(qsizetype, qsizetype, const QJsonObject &)> setColumn;
};

bool walk(const Target &t, const QJsonArray &patch, QString *error)
{
    for (const QJsonValue &v : patch) {
        const QJsonObject d = v.toObject();
        if (!wellFormed(d, kDataset, error))
            return false;
        const QString dsName = d.value(kDataset).toString();
        const int ds = find(t.datasetCount(), t.datasetName, dsName, d.value(kIndex).toInt(-1));
        if (ds < 0) {
            if (error)
                *error = QStringLiteral("dataset %1 is no longer part of the product; reload it "
                                        "and edit again")
                             .arg(dsName);
            return false;
        }
        t.setDataset(ds, d);
        for (const QJsonValue &cv : d.value(kColumns).toArray()) {
            const QJsonObject c = cv.toObject();
            if (!wellFormed(c, kColumn, error))
                return false;
            const QString colName = c.value(kColumn).toString();
            const int col = find(
                t.columnCount(ds), [&](qsizetype j) { return t.columnName(ds, j); }, colName,
                c.value(kIndex).toInt(-1));
            if (col < 0) {
                if (error)
                    *error = QStringLiteral("column %1 is no longer part of dataset %2; reload "
                                            "the product and edit again")
                                 .arg(colName, dsName);
                return false;
            }
            t.setColumn(ds, col, c);
        }
    }
    return true;
}

} // namespace

QJsonArray DatasetPatch::diff(const Product &before, const Product &after, QStringList *unmatched)
{
    QJsonArray patch;
    for (qsizetype i = 0; i < after.datasets.size(); ++i) {
        const Dataset &a = after.datasets.at(i);
        const int bi = find(
            before.datasets.size(), [&](qsizetype k) { return before.datasets.at(k).name; }, a.name,
            i);
        if (bi < 0) {
            if (unmatched)
                unmatched->append(QStringLiteral("dataset %1").arg(a.name));
            continue;
        }
        const Dataset &b = before.datasets.at(bi);
        QJsonObject entry{{kDataset, a.name}, {kIndex, bi}};
        if (a.description != b.description)
            entry.insert(kDescription, a.description);
        QJsonArray columns;
        for (qsizetype j = 0; j < a.columns.size(); ++j) {
            const Column &ac = a.columns.at(j);
            const int bj = find(
                b.columns.size(), [&](qsizetype k) { return b.columns.at(k).name; }, ac.name, j);
            if (bj < 0) {
                if (unmatched)
                    unmatched->append(QStringLiteral("column %1.%2").arg(a.name, ac.name));
                continue;
            }
            const Column &bc = b.columns.at(bj);
            QJsonObject c{{kColumn, ac.name}, {kIndex, bj}};
            if (ac.description != bc.description)
                c.insert(kDescription, ac.description);
            if (ac.classification != bc.classification)
                c.insert(kClassification, ac.classification);
            if (ac.tags != bc.tags)
                c.insert(kTags, QJsonArray::fromStringList(ac.tags));
            if (c.size() > 2)
                columns.append(c);
        }
        if (!columns.isEmpty())
            entry.insert(kColumns, columns);
        if (entry.size() > 2)
            patch.append(entry);
    }
    return patch;
}

bool DatasetPatch::apply(QJsonArray &datasets, const QJsonArray &patch, QString *error)
{
    QJsonArray result = datasets;
    auto columnsOf = [&result](qsizetype ds) {
        return result.at(ds).toObject().value(kColumns).toArray();
    };
    Target t;
    t.datasetCount = [&] { return result.size(); };
    t.datasetName = [&](qsizetype i) { return result.at(i).toObject().value(kName).toString(); };
    t.columnCount = [&](qsizetype ds) { return columnsOf(ds).size(); };
    t.columnName = [&](qsizetype ds, qsizetype c) {
        return columnsOf(ds).at(c).toObject().value(kName).toString();
    };
    t.setDataset = [&](qsizetype ds, const QJsonObject &entry) {
        if (!entry.contains(kDescription))
            return;
        QJsonObject o = result.at(ds).toObject();
        o.insert(kDescription, entry.value(kDescription));
        result.replace(ds, o);
    };
    t.setColumn = [&](qsizetype ds, qsizetype c, const QJsonObject &entry) {
        QJsonObject o = result.at(ds).toObject();
        QJsonArray columns = o.value(kColumns).toArray();
        QJsonObject col = columns.at(c).toObject();
        for (const QString &key : {kDescription, kClassification, kTags})
            if (entry.contains(key))
                col.insert(key, entry.value(key));
        columns.replace(c, col);
        o.insert(kColumns, columns);
        result.replace(ds, o);
    };
    if (!walk(t, patch, error))
        return false;
    datasets = result;
    return true;
}

bool DatasetPatch::apply(Product &product, const QJsonArray &patch, QString *error)
{
    QList<Dataset> result = product.datasets;
    Target t;
    t.datasetCount = [&] { return result.size(); };
    t.datasetName = [&](qsizetype i) { return result.at(i).name; };
    t.columnCount = [&](qsizetype ds) { return result.at(ds).columns.size(); };
    t.columnName = [&](qsizetype ds, qsizetype c) { return result.at(ds).columns.at(c).name; };
    t.setDataset = [&](qsizetype ds, const QJsonObject &entry) {
        if (entry.contains(kDescription))
            result[ds].description = entry.value(kDescription).toString();
    };
    t.setColumn = [&](qsizetype ds, qsizetype c, const QJsonObject &entry) {
        Column &col = result[ds].columns[c];
        if (entry.contains(kDescription))
            col.description = entry.value(kDescription).toString();
        if (entry.contains(kClassification))
            col.classification = entry.value(kClassification).toString();
        if (entry.contains(kTags))
            col.tags = strings(entry.value(kTags));
    };
    if (!walk(t, patch, error))
        return false;
    product.datasets = result;
    return true;
}

} // namespace Mesh
