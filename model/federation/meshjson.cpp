// SPDX-License-Identifier: MIT
#include "federation/meshjson.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "system/isotime.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Mesh::MeshJson {

namespace {

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList result;
    for (const QJsonValue &x : v.toArray())
        if (x.isString())
            result << x.toString();
    return result;
}

QJsonObject productJson(const Product &p)
{
    QJsonObject o{{QStringLiteral("key"), p.key},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("domain"), p.domain},
                  {QStringLiteral("description"), p.description},
                  {QStringLiteral("owner"), p.ownerId},
                  {QStringLiteral("steward"), p.stewardId},
                  {QStringLiteral("status"), p.status},
                  {QStringLiteral("tags"), strings(p.tags)},
                  {QStringLiteral("source_system"), p.sourceSystem},
                  {QStringLiteral("formats"), strings(p.formats)},
                  {QStringLiteral("access_policy"), p.accessPolicy},
                  {QStringLiteral("freshness_sla_hours"), p.freshnessSlaHours},
                  {QStringLiteral("version"), p.version},
                  {QStringLiteral("updated_at"), isoUtc(p.updatedAt)}};
    QJsonArray datasets;
    for (const Dataset &d : p.datasets) {
        QJsonArray columns;
        for (const Column &c : d.columns)
            columns.append(QJsonObject{{QStringLiteral("name"), c.name},
                                       {QStringLiteral("type"), c.type},
                                       {QStringLiteral("description"), c.description},
                                       {QStringLiteral("classification"), c.classification},
                                       {QStringLiteral("tags"), strings(c.tags)}});
        datasets.append(QJsonObject{{QStringLiteral("name"), d.name},
                                    {QStringLiteral("format"), d.format},
                                    {QStringLiteral("location"), d.location},
                                    {QStringLiteral("endpoint"), d.endpoint},
                                    {QStringLiteral("description"), d.description},
                                    {QStringLiteral("columns"), columns}});
    }
    o.insert(QStringLiteral("datasets"), datasets);
    return o;
}

} // namespace

QByteArray exportCatalog(SqliteCatalogStore &store)
{
    QJsonArray domains;
    for (const Domain &d : store.domains())
        domains.append(QJsonObject{{QStringLiteral("name"), d.name},
                                   {QStringLiteral("description"), d.description},
                                   {QStringLiteral("color"), d.color}});
    QJsonArray users;
    for (const User &u : store.users())
        users.append(QJsonObject{{QStringLiteral("id"), u.id},
                                 {QStringLiteral("display_name"), u.displayName},
                                 {QStringLiteral("email"), u.email},
                                 {QStringLiteral("roles"), strings(u.roles)},
                                 {QStringLiteral("domain"), u.domain}});
    QList<ProductId> ids;
    Statement &st = store.database().prepare(QStringLiteral("SELECT id FROM products ORDER BY key"));
    while (st.step())
        ids.append(st.integer(0));
    QJsonArray products;
    for (ProductId id : ids)
        if (const auto p = store.product(id))
            products.append(productJson(*p));
    QJsonArray lineage;
    for (const LineageEdge &e : store.lineageEdges())
        lineage.append(QJsonObject{{QStringLiteral("from"), e.fromKey},
                                   {QStringLiteral("to"), e.toKey},
                                   {QStringLiteral("kind"), e.kind},
                                   {QStringLiteral("job"), e.jobName}});
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("exported_at"), isoUtc(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("catalog"), QJsonObject{{QStringLiteral("name"), store.displayName()}}},
        {QStringLiteral("domains"), domains},
        {QStringLiteral("users"), users},
        {QStringLiteral("products"), products},
        {QStringLiteral("lineage"), lineage}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool writeFile(SqliteCatalogStore &store, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write “%1”: %2.").arg(path, file.errorString());
        return false;
    }
    file.write(exportCatalog(store));
    if (!file.commit()) {
        *error = QStringLiteral("Cannot write “%1”: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool parse(const QByteArray &json, const QString &where, SourceSnapshot *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not valid JSON (%2 at byte %3).")
                     .arg(where, pe.errorString(), QString::number(pe.offset));
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QStringLiteral("%1 is not a Mesh Explorer JSON catalog (its \"format\" is not "
                                "\"%2\"); export one with `meshctl export FILE --out mesh.json`.")
                     .arg(where, QLatin1String(kFormat));
        return false;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kVersion) {
        *error = QStringLiteral("%1 is Mesh Explorer JSON version %2, but this build reads "
                                "version %3; update Mesh Explorer.")
                     .arg(where, root.value(QStringLiteral("version")).toVariant().toString(),
                          QString::number(kVersion));
        return false;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("users")).toArray()) {
        const QJsonObject u = v.toObject();
        User user;
        user.id = u.value(QStringLiteral("id")).toString();
        user.displayName = u.value(QStringLiteral("display_name")).toString();
        user.email = u.value(QStringLiteral("email")).toString();
        user.roles = stringList(u.value(QStringLiteral("roles")));
        user.domain = u.value(QStringLiteral("domain")).toString();
        if (!user.id.isEmpty())
            out->users.append(user);
    }
    const QJsonArray products = root.value(QStringLiteral("products")).toArray();
    out->products.reserve(products.size());
    int index = 0;
    for (const QJsonValue &v : products) {
        const QJsonObject o = v.toObject();
        Product p;
        p.key = o.value(QStringLiteral("key")).toString();
        p.name = o.value(QStringLiteral("name")).toString();
        if (p.key.isEmpty() || p.name.isEmpty()) {
            *error = QStringLiteral("%1: product %2 has no key or no name; every product needs "
                                    "both.")
                         .arg(where, QString::number(index + 1));
            return false;
        }
        p.domain = o.value(QStringLiteral("domain")).toString();
        p.description = o.value(QStringLiteral("description")).toString();
        p.ownerId = o.value(QStringLiteral("owner")).toString();
        p.stewardId = o.value(QStringLiteral("steward")).toString();
        p.status = o.value(QStringLiteral("status")).toString();
        p.tags = stringList(o.value(QStringLiteral("tags")));
        p.sourceSystem = o.value(QStringLiteral("source_system")).toString();
        p.formats = stringList(o.value(QStringLiteral("formats")));
        p.accessPolicy = o.value(QStringLiteral("access_policy")).toString();
        p.freshnessSlaHours = o.value(QStringLiteral("freshness_sla_hours")).toInt();
        p.version = o.value(QStringLiteral("version")).toString();
        p.updatedAt = QDateTime::fromString(o.value(QStringLiteral("updated_at")).toString(),
                                            Qt::ISODate);
        for (const QJsonValue &dv : o.value(QStringLiteral("datasets")).toArray()) {
            const QJsonObject d = dv.toObject();
            Dataset ds;
            ds.name = d.value(QStringLiteral("name")).toString();
            ds.format = d.value(QStringLiteral("format")).toString();
            ds.location = d.value(QStringLiteral("location")).toString();
            ds.endpoint = d.value(QStringLiteral("endpoint")).toString();
            ds.description = d.value(QStringLiteral("description")).toString();
            for (const QJsonValue &cv : d.value(QStringLiteral("columns")).toArray()) {
                const QJsonObject c = cv.toObject();
                Column col;
                col.name = c.value(QStringLiteral("name")).toString();
                col.type = c.value(QStringLiteral("type")).toString();
                col.description = c.value(QStringLiteral("description")).toString();
                col.classification = c.value(QStringLiteral("classification")).toString();
                col.tags = stringList(c.value(QStringLiteral("tags")));
                if (!col.name.isEmpty())
                    ds.columns.append(col);
            }
            if (!ds.name.isEmpty())
                p.datasets.append(ds);
        }
        out->products.append(std::move(p));
        ++index;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("lineage")).toArray()) {
        const QJsonObject e = v.toObject();
        LineageEdge edge{e.value(QStringLiteral("from")).toString(),
                         e.value(QStringLiteral("to")).toString(),
                         e.value(QStringLiteral("kind")).toString(),
                         e.value(QStringLiteral("job")).toString()};
        if (!edge.fromKey.isEmpty() && !edge.toKey.isEmpty())
            out->edges.append(edge);
    }
    return true;
}

} // namespace Mesh::MeshJson
