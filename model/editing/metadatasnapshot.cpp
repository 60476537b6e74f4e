// SPDX-License-Identifier: MIT
#include "editing/metadatasnapshot.h"

#include "editing/metadatafield.h"

#include <QJsonArray>

#include <vector>

namespace Mesh {

namespace {

QJsonArray list(const QStringList &values)
{
    return QJsonArray::fromStringList(values);
}

QStringList strings(const QJsonValue &v)
{
    QStringList result;
    for (const QJsonValue &x : v.toArray())
        result.append(x.toString());
    return result;
}

QString text(const QJsonValue &v)
{
    if (v.isArray())
        return strings(v).join(QStringLiteral(", "));
    if (v.isDouble())
        return QString::number(v.toInt());
    return v.toString();
}

void compare(QList<MetadataChange> &out, const QString &field, const QString &label,
             const QJsonValue &a, const QJsonValue &b)
{
    if (a == b)
        return;
    MetadataChange c{field, label, text(a), text(b), {}};
    if (c.before.contains(QLatin1Char('\n')) || c.after.contains(QLatin1Char('\n')))
        c.lineDiff = MetadataSnapshot::lineDiff(c.before, c.after);
    out.append(c);
}

QJsonObject byName(const QJsonArray &array, const QString &name)
{
    for (const QJsonValue &v : array)
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

} // namespace

QJsonObject MetadataSnapshot::fromProduct(const Product &p)
{
    QJsonArray datasets;
    for (const Dataset &ds : p.datasets) {
        QJsonArray columns;
        for (const Column &c : ds.columns)
            columns.append(QJsonObject{{QStringLiteral("name"), c.name},
                                       {QStringLiteral("type"), c.type},
                                       {QStringLiteral("description"), c.description},
                                       {QStringLiteral("classification"), c.classification},
                                       {QStringLiteral("tags"), list(c.tags)}});
        datasets.append(QJsonObject{{QStringLiteral("name"), ds.name},
                                    {QStringLiteral("description"), ds.description},
                                    {QStringLiteral("columns"), columns}});
    }
    return {{QStringLiteral("key"), p.key},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("domain"), p.domain},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("owner"), p.ownerId},
            {QStringLiteral("steward"), p.stewardId},
            {QStringLiteral("status"), p.status},
            {QStringLiteral("tags"), list(p.tags)},
            {QStringLiteral("freshness_sla_hours"), p.freshnessSlaHours},
            {QStringLiteral("access_policy"), p.accessPolicy},
            {QStringLiteral("datasets"), datasets}};
}

void MetadataSnapshot::apply(Product &p, const QJsonObject &s, QStringList *unmatched)
{
    p.description = s.value(QStringLiteral("description")).toString();
    p.ownerId = s.value(QStringLiteral("owner")).toString();
    p.stewardId = s.value(QStringLiteral("steward")).toString();
    p.status = s.value(QStringLiteral("status")).toString(p.status);
    p.tags = MetadataField::normaliseTags(strings(s.value(QStringLiteral("tags"))));
    p.freshnessSlaHours = s.value(QStringLiteral("freshness_sla_hours")).toInt();
    p.accessPolicy = s.value(QStringLiteral("access_policy")).toString();
    const QJsonArray datasets = s.value(QStringLiteral("datasets")).toArray();
    for (const QJsonValue &dv : datasets) {
        const QJsonObject d = dv.toObject();
        const QString dsName = d.value(QStringLiteral("name")).toString();
        Dataset *target = nullptr;
        for (Dataset &ds : p.datasets)
            if (ds.name == dsName)
                target = &ds;
        if (!target) {
            if (unmatched)
                unmatched->append(QStringLiteral("dataset %1").arg(dsName));
            continue;
        }
        target->description = d.value(QStringLiteral("description")).toString();
        for (const QJsonValue &cv : d.value(QStringLiteral("columns")).toArray()) {
            const QJsonObject c = cv.toObject();
            const QString colName = c.value(QStringLiteral("name")).toString();
            Column *col = nullptr;
            for (Column &x : target->columns)
                if (x.name == colName)
                    col = &x;
            if (!col) {
                if (unmatched)
                    unmatched->append(QStringLiteral("column %1/%2").arg(dsName, colName));
                continue;
            }
            col->description = c.value(QStringLiteral("description")).toString();
            col->classification = c.value(QStringLiteral("classification")).toString();
            col->tags = MetadataField::normaliseTags(strings(c.value(QStringLiteral("tags"))));
        }
    }
}

QList<MetadataChange> MetadataSnapshot::diff(const QJsonObject &a, const QJsonObject &b)
{
    QList<MetadataChange> out;
    struct Top
    {
        const char *key;
        const char *label;
    };
    static constexpr Top kTop[] = {{"description", "description"},
                                   {"tags", "tags"},
                                   {"owner", "owner"},
                                   {"steward", "steward"},
                                   {"status", "status"},
                                   {"freshness_sla_hours", "freshness SLA (hours)"},
                                   {"access_policy", "access policy"}};
    for (const Top &t : kTop) {
        const QString key = QString::fromLatin1(t.key);
        compare(out, key, QString::fromLatin1(t.label), a.value(key), b.value(key));
    }
    const QJsonArray da = a.value(QStringLiteral("datasets")).toArray();
    const QJsonArray db = b.value(QStringLiteral("datasets")).toArray();
    QStringList dsNames;
    for (const QJsonArray &arr : {da, db})
        for (const QJsonValue &v : arr) {
            const QString n = v.toObject().value(QStringLiteral("name")).toString();
            if (!dsNames.contains(n))
                dsNames.append(n);
        }
    for (const QString &dsName : std::as_const(dsNames)) {
        const QJsonObject x = byName(da, dsName);
        const QJsonObject y = byName(db, dsName);
        if (x.isEmpty() || y.isEmpty()) {
            out.append({QStringLiteral("dataset.%1").arg(dsName),
                        QStringLiteral("dataset %1").arg(dsName),
                        x.isEmpty() ? QString() : QStringLiteral("present"),
                        y.isEmpty() ? QString() : QStringLiteral("present"),
                        {}});
            continue;
        }
        compare(out, QStringLiteral("dataset.%1.description").arg(dsName),
                QStringLiteral("dataset %1: description").arg(dsName),
                x.value(QStringLiteral("description")), y.value(QStringLiteral("description")));
        const QJsonArray ca = x.value(QStringLiteral("columns")).toArray();
        const QJsonArray cb = y.value(QStringLiteral("columns")).toArray();
        QStringList colNames;
        for (const QJsonArray &arr : {ca, cb})
            for (const QJsonValue &v : arr) {
                const QString n = v.toObject().value(QStringLiteral("name")).toString();
                if (!colNames.contains(n))
                    colNames.append(n);
            }
        for (const QString &colName : std::as_const(colNames)) {
            const QJsonObject p = byName(ca, colName);
            const QJsonObject q = byName(cb, colName);
            const QString base = QStringLiteral("column.%1/%2").arg(dsName, colName);
            if (p.isEmpty() || q.isEmpty()) {
                const QJsonObject &present = p.isEmpty() ? q : p;
                const QString desc = QStringLiteral("%1 column")
                                         .arg(present.value(QStringLiteral("type")).toString());
                out.append({base,
                            QStringLiteral("column %1").arg(colName),
                            p.isEmpty() ? QString() : desc,
                            q.isEmpty() ? QString() : desc,
                            {}});
                continue;
            }
            for (const char *attr : {"type", "description", "classification", "tags"}) {
                const QString key = QString::fromLatin1(attr);
                compare(out, base + QLatin1Char('.') + key,
                        QStringLiteral("column %1: %2").arg(colName, key), p.value(key),
                        q.value(key));
            }
        }
    }
    return out;
}

QStringList MetadataSnapshot::lineDiff(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    const qsizetype n = a.size(), m = b.size();
    // Texts are descriptions (tens of lines); a quadratic LCS table is fine.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] =
                a.at(i) == b.at(j)
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QStringList out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            out.append(QStringLiteral("  ") + a.at(i));
            ++i;
            ++j;
        } else if (i < n &&
                   (j == m || lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)])) {
            out.append(QStringLiteral("- ") + a.at(i++));
        } else {
            out.append(QStringLiteral("+ ") + b.at(j++));
        }
    }
    return out;
}

QString MetadataSnapshot::diffText(const QList<MetadataChange> &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("No differences.\n");
    QString out;
    for (const MetadataChange &c : changes) {
        if (!c.lineDiff.isEmpty()) {
            out += c.label + QStringLiteral(":\n");
            for (const QString &line : c.lineDiff)
                out += QStringLiteral("    ") + line + QLatin1Char('\n');
            continue;
        }
        auto shown = [](const QString &s) {
            return s.isEmpty() ? QStringLiteral("(none)") : QStringLiteral("“%1”").arg(s);
        };
        out += QStringLiteral("%1: %2 → %3\n").arg(c.label, shown(c.before), shown(c.after));
    }
    return out;
}

QString MetadataSnapshot::summary(const QList<MetadataChange> &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("No changes");
    QStringList labels;
    for (const MetadataChange &c : changes)
        labels.append(c.label);
    if (labels.size() > 4) {
        const qsizetype more = labels.size() - 3;
        labels = labels.mid(0, 3);
        labels.append(QStringLiteral("%1 more").arg(more));
    }
    if (labels.size() == 1)
        return QStringLiteral("Changed %1").arg(labels.first());
    const QString last = labels.takeLast();
    return QStringLiteral("Changed %1 and %2").arg(labels.join(QStringLiteral(", ")), last);
}

} // namespace Mesh
