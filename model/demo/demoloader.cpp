// SPDX-License-Identifier: MIT
#include "demo/demoloader.h"

#include "governance/governanceservice.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>

namespace Mesh {

namespace {

constexpr auto kResourceRoot = ":/demo";

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out.append(item.toString());
    return out;
}

bool invalid(CatalogError *error, const QString &message)
{
    if (error)
        *error = {CatalogError::Code::Invalid, message};
    return false;
}

bool extractSamples(const QString &targetDir, CatalogError *error)
{
    QDirIterator it(QString::fromLatin1(kResourceRoot) + QStringLiteral("/samples"),
                    QDir::Files, QDirIterator::Subdirectories);
    const QString root = QString::fromLatin1(kResourceRoot) + QLatin1Char('/');
    while (it.hasNext()) {
        const QString from = it.next();
        const QString rel = from.mid(root.size()); // "samples/hubspot/deals.json"
        const QString to = QDir(targetDir).filePath(rel.mid(QStringLiteral("samples/").size()));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        if (!QFile::copy(from, to)) {
            if (error)
                *error = {CatalogError::Code::Io,
                          QStringLiteral("Cannot write the demo sample file “%1”. Check that the "
                                         "folder is writable.")
                              .arg(to)};
            return false;
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                      QFile::ReadOther);
    }
    return true;
}

} // namespace

QString DemoLoader::descriptorPath()
{
    return QString::fromLatin1(kResourceRoot) + QStringLiteral("/messy-inc.json");
}

QString DemoLoader::defaultDemoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/messy-inc.mesh");
}

QString DemoLoader::samplesDirFor(const QString &catalogPath)
{
    const QFileInfo info(catalogPath);
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-samples"));
}

bool DemoLoader::load(SqliteCatalogStore &store, const QJsonObject &descriptor,
                      const QString &samplesDir, CatalogError *error)
{
    if (descriptor.value(QStringLiteral("format")).toString() !=
        QStringLiteral("mesh-explorer-demo"))
        return invalid(error, QStringLiteral("The demo descriptor has no "
                                             "\"format\": \"mesh-explorer-demo\" field."));
    return store.transaction(
        [&](CatalogError *e) {
            const QJsonObject catalog = descriptor.value(QStringLiteral("catalog")).toObject();
            if (!store.setMetadata(QStringLiteral("name"),
                                   catalog.value(QStringLiteral("name")).toString(), e) ||
                !store.setMetadata(QStringLiteral("description"),
                                   catalog.value(QStringLiteral("description")).toString(), e) ||
                !store.setMetadata(QStringLiteral("demo"), QStringLiteral("1"), e))
                return false;
            const Source source{0, QStringLiteral("Messy Inc. demo"), QStringLiteral("demo"),
                                DemoLoader::descriptorPath(), QDateTime::currentDateTimeUtc()};
            if (!store.upsertSource(source, e))
                return false;

            for (const QJsonValue &v : descriptor.value(QStringLiteral("domains")).toArray()) {
                const QJsonObject o = v.toObject();
                Domain d;
                d.name = o.value(QStringLiteral("name")).toString();
                d.description = o.value(QStringLiteral("description")).toString();
                d.color = o.value(QStringLiteral("color")).toString();
                if (!store.upsertDomain(d, e))
                    return false;
            }
            for (const QJsonValue &v : descriptor.value(QStringLiteral("users")).toArray()) {
                const QJsonObject o = v.toObject();
                User u;
                u.id = o.value(QStringLiteral("id")).toString();
                u.displayName = o.value(QStringLiteral("displayName")).toString();
                u.email = o.value(QStringLiteral("email")).toString();
                u.roles = stringList(o.value(QStringLiteral("roles")));
                u.domain = o.value(QStringLiteral("domain")).toString();
                if (!store.upsertUser(u, e))
                    return false;
            }
            // The descriptor's times are fixed; move them forward together so that the newest
            // product was updated an hour ago. Freshness then tells the story the demo intends
            // (most products fresh, a few late, the dark tables stale) whatever today's date is.
            const QJsonArray products = descriptor.value(QStringLiteral("products")).toArray();
            QDateTime newest;
            for (const QJsonValue &v : products) {
                const QDateTime t = QDateTime::fromString(
                    v.toObject().value(QStringLiteral("updatedAt")).toString(), Qt::ISODate);
                if (t.isValid() && (!newest.isValid() || t > newest))
                    newest = t;
            }
            const qint64 shift =
                newest.isValid()
                    ? std::max<qint64>(0, newest.secsTo(QDateTime::currentDateTimeUtc().addSecs(-3600)))
                    : 0;
            int index = 0;
            for (const QJsonValue &v : products) {
                const QJsonObject o = v.toObject();
                Product p;
                p.key = o.value(QStringLiteral("key")).toString();
                p.name = o.value(QStringLiteral("name")).toString();
                if (p.key.isEmpty() || p.name.isEmpty())
                    return invalid(e, QStringLiteral("Demo product #%1 has no key or name.")
                                          .arg(index));
                p.domain = o.value(QStringLiteral("domain")).toString();
                p.description = o.value(QStringLiteral("description")).toString();
                p.ownerId = o.value(QStringLiteral("owner")).toString();
                p.stewardId = o.value(QStringLiteral("steward")).toString();
                p.status = o.value(QStringLiteral("status")).toString();
                p.tags = stringList(o.value(QStringLiteral("tags")));
                p.sourceSystem = o.value(QStringLiteral("sourceSystem")).toString();
                p.formats = stringList(o.value(QStringLiteral("formats")));
                p.accessPolicy = o.value(QStringLiteral("accessPolicy")).toString();
                p.freshnessSlaHours = o.value(QStringLiteral("freshnessSlaHours")).toInt();
                p.version = o.value(QStringLiteral("version")).toString();
                p.updatedAt = QDateTime::fromString(o.value(QStringLiteral("updatedAt")).toString(),
                                                    Qt::ISODate);
                if (p.updatedAt.isValid())
                    p.updatedAt = p.updatedAt.addSecs(shift);
                p.sourceName = source.name;
                for (const QJsonValue &dv : o.value(QStringLiteral("datasets")).toArray()) {
                    const QJsonObject dso = dv.toObject();
                    Dataset ds;
                    ds.name = dso.value(QStringLiteral("name")).toString();
                    ds.format = dso.value(QStringLiteral("format")).toString();
                    const QString sample = dso.value(QStringLiteral("sample")).toString();
                    if (!sample.isEmpty()) {
                        const QString rel = sample.startsWith(QStringLiteral("samples/"))
                                                ? sample.mid(8)
                                                : sample;
                        ds.location = QDir(samplesDir).filePath(rel);
                    }
                    ds.endpoint = dso.value(QStringLiteral("endpoint")).toString();
                    ds.description = dso.value(QStringLiteral("description")).toString();
                    for (const QJsonValue &cv : dso.value(QStringLiteral("columns")).toArray()) {
                        const QJsonObject co = cv.toObject();
                        Column c;
                        c.name = co.value(QStringLiteral("name")).toString();
                        c.type = co.value(QStringLiteral("type")).toString();
                        c.description = co.value(QStringLiteral("description")).toString();
                        c.classification = co.value(QStringLiteral("classification")).toString();
                        c.tags = stringList(co.value(QStringLiteral("tags")));
                        ds.columns.append(c);
                    }
                    p.datasets.append(ds);
                }
                if (!store.upsertProduct(p, e))
                    return false;
                ++index;
            }
            for (const QJsonValue &v : descriptor.value(QStringLiteral("lineage")).toArray()) {
                const QJsonObject o = v.toObject();
                const LineageEdge edge{o.value(QStringLiteral("from")).toString(),
                                       o.value(QStringLiteral("to")).toString(),
                                       o.value(QStringLiteral("kind")).toString(),
                                       o.value(QStringLiteral("job")).toString()};
                if (!store.addLineageEdge(edge, e))
                    return false;
            }
            QString seedError; // the domains' own governance policies (model/governance)
            if (!GovernanceService::seedDemoPolicies(store, &seedError)) {
                *e = {CatalogError::Code::Io, seedError};
                return false;
            }
            return true;
        },
        error);
}

std::unique_ptr<SqliteCatalogStore> DemoLoader::createDemoCatalog(const QString &path,
                                                                  CatalogError *error)
{
    if (QFileInfo::exists(path)) {
        if (error)
            *error = {CatalogError::Code::Invalid,
                      QStringLiteral("“%1” already exists; the demo is never written over an "
                                     "existing file. Choose another path or remove it first.")
                          .arg(path)};
        return nullptr;
    }
    QFile file(descriptorPath());
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {CatalogError::Code::Io,
                      QStringLiteral("The demo descriptor is missing from this build.")};
        return nullptr;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = {CatalogError::Code::Invalid,
                      QStringLiteral("The demo descriptor is not valid JSON at byte %1: %2.")
                          .arg(parseError.offset)
                          .arg(parseError.errorString())};
        return nullptr;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString samplesDir = samplesDirFor(path);
    if (!extractSamples(samplesDir, error))
        return nullptr;
    const QString name =
        doc.object().value(QStringLiteral("catalog")).toObject().value(QStringLiteral("name")).toString();
    const bool ok = SqliteCatalogStore::createComplete(
        path, name,
        [&](SqliteCatalogStore &store, CatalogError *e) {
            return load(store, doc.object(), samplesDir, e);
        },
        error);
    if (!ok)
        return nullptr;
    return SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadWrite, error);
}

} // namespace Mesh
