// SPDX-License-Identifier: MIT
#include "lineage/openlineageimporter.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "json/jsontext.h"
#include "lineage/jsonrecordreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Mesh {

namespace {

const QStringList kEventTypes = {QStringLiteral("START"),    QStringLiteral("RUNNING"),
                                 QStringLiteral("COMPLETE"), QStringLiteral("ABORT"),
                                 QStringLiteral("FAIL"),     QStringLiteral("OTHER")};

QString timeKey(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

/** The edge kind OpenLineage's transformation facets describe. */
QString kindOf(const QJsonObject &inputField, const QString &legacyType)
{
    const QJsonArray transformations = inputField.value(QStringLiteral("transformations")).toArray();
    bool copy = !transformations.isEmpty();
    for (const QJsonValue &t : transformations) {
        const QString subtype = t.toObject().value(QStringLiteral("subtype")).toString();
        if (subtype == QStringLiteral("AGGREGATION"))
            return QStringLiteral("aggregate");
        if (subtype != QStringLiteral("IDENTITY"))
            copy = false;
    }
    if (copy || legacyType == QStringLiteral("IDENTITY"))
        return QStringLiteral("copy");
    return QStringLiteral("transform");
}

struct DatasetRef
{
    QString ns;
    QString name;
    bool operator==(const DatasetRef &) const = default;
};

} // namespace

struct OpenLineageImporter::Context
{
    Database *db = nullptr;
    ImportReport *report = nullptr;
    QList<ImportProblem> warnings; // of the current record
};

QDateTime OpenLineageImporter::parseEventTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QString fraction = m.captured(7);
    const int ms = fraction.isEmpty() ? 0 : QString(fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    const QString zone = m.captured(8);
    int offset = 0;
    if (!zone.isEmpty() && zone != QStringLiteral("Z") && zone != QStringLiteral("z")) {
        const QString digits = zone.mid(1).remove(QLatin1Char(':'));
        offset = (digits.left(2).toInt() * 60 + digits.mid(2, 2).toInt()) * 60;
        if (zone.startsWith(QLatin1Char('-')))
            offset = -offset;
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offset);
}

bool OpenLineageImporter::importFile(const QString &path, ImportReport *report, CatalogError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {CatalogError::Code::Io,
                      QStringLiteral("Cannot read “%1”: %2").arg(path, file.errorString())};
        return false;
    }
    return import(&file, report, error);
}

bool OpenLineageImporter::importIntoCatalog(const QString &catalogPath, const QString &eventsPath,
                                            ImportReport *report, CatalogError *error,
                                            const std::atomic<bool> *cancel,
                                            std::function<void(qint64)> progress)
{
    *report = {};
    auto store = SqliteCatalogStore::open(catalogPath, SqliteCatalogStore::OpenMode::ReadWrite, error);
    if (!store)
        return false;
    OpenLineageImporter importer(*store);
    importer.setCancelFlag(cancel);
    importer.setProgress(std::move(progress));
    return importer.importFile(eventsPath, report, error);
}

bool OpenLineageImporter::import(QIODevice *device, ImportReport *report, CatalogError *error)
{
    *report = {};
    if (m_store.isReadOnly()) {
        if (error)
            *error = {CatalogError::Code::ReadOnly,
                      QStringLiteral("“%1” is read-only; copy it somewhere writable to import "
                                     "lineage into it").arg(m_store.path())};
        return false;
    }
    Database &db = m_store.database();
    Transaction outer(db);
    if (!outer.isActive()) {
        if (error)
            *error = {CatalogError::Code::Io, db.lastError()};
        return false;
    }
    const auto addProblem = [report](const ImportProblem &problem) {
        ++report->problemCount;
        if (report->problems.size() < ImportReport::kMaxProblems)
            report->problems.append(problem);
    };
    Context context;
    context.db = &db;
    context.report = report;
    JsonRecordReader reader(device);
    QByteArray bytes;
    while (reader.next(&bytes)) {
        if (m_cancel && m_cancel->load()) {
            report->cancelled = true;
            return true; // outer rolls back
        }
        ++report->records;
        QJsonParseError parseError;
        const QJsonValue doc = JsonText::parse(bytes, &parseError);
        QString problem;
        if (parseError.error != QJsonParseError::NoError)
            problem = QStringLiteral("not valid JSON: %1 at byte %2 of the record")
                          .arg(parseError.errorString())
                          .arg(parseError.offset);
        else if (!doc.isObject())
            problem = QStringLiteral("not a JSON object (an OpenLineage RunEvent is an object)");
        if (problem.isEmpty()) {
            context.warnings.clear();
            Transaction savepoint(db);
            if (importRecord(doc.toObject(), context, &problem) && savepoint.commit(&problem)) {
                ++report->imported;
                for (ImportProblem warning : std::as_const(context.warnings)) {
                    warning.record = reader.recordNumber();
                    warning.line = reader.recordLine();
                    addProblem(warning);
                }
                problem.clear();
            } else if (problem.isEmpty()) {
                problem = db.lastError();
            }
        }
        if (!problem.isEmpty()) {
            ++report->rejected;
            addProblem({reader.recordNumber(), reader.recordLine(), problem, false});
        }
        if (m_progress)
            m_progress(reader.bytesRead());
    }
    if (!reader.error().isEmpty()) {
        // The rest of the file could not be split into records: it counts as one record,
        // rejected, so that records == imported + rejected still holds.
        addProblem({0, 0, reader.error(), false});
        ++report->records;
        ++report->rejected;
    }
    QString commitError;
    if (!outer.commit(&commitError)) {
        if (error)
            *error = {CatalogError::Code::Io,
                      QStringLiteral("Saving the imported lineage failed: ") + commitError};
        return false;
    }
    return true;
}

bool OpenLineageImporter::importRecord(const QJsonObject &event, Context &c, QString *problem)
{
    Database &db = *c.db;
    const QJsonObject run = event.value(QStringLiteral("run")).toObject();
    const QJsonObject job = event.value(QStringLiteral("job")).toObject();
    const QString runId = run.value(QStringLiteral("runId")).toString();
    const QString jobNs = job.value(QStringLiteral("namespace")).toString();
    const QString jobName = job.value(QStringLiteral("name")).toString();
    const QString producer = event.value(QStringLiteral("producer")).toString();
    QStringList missing;
    if (!event.value(QStringLiteral("eventTime")).isString())
        missing << QStringLiteral("eventTime");
    if (producer.isEmpty())
        missing << QStringLiteral("producer");
    if (runId.isEmpty())
        missing << QStringLiteral("run.runId");
    if (jobNs.isEmpty())
        missing << QStringLiteral("job.namespace");
    if (jobName.isEmpty())
        missing << QStringLiteral("job.name");
    if (!missing.isEmpty()) {
        *problem = QStringLiteral("missing required field%1 %2")
                       .arg(missing.size() > 1 ? QStringLiteral("s") : QString(),
                            missing.join(QStringLiteral(", ")));
        return false;
    }
    const QString timeText = event.value(QStringLiteral("eventTime")).toString();
    const QDateTime time = parseEventTime(timeText);
    if (!time.isValid()) {
        *problem = QStringLiteral("eventTime “%1” is not an ISO 8601 timestamp").arg(timeText);
        return false;
    }
    const QString when = timeKey(time);
    const QString eventType = event.value(QStringLiteral("eventType")).toString();
    if (event.contains(QStringLiteral("eventType")) && !kEventTypes.contains(eventType)) {
        *problem = QStringLiteral("eventType “%1” is not one of %2")
                       .arg(eventType, kEventTypes.join(QStringLiteral(", ")));
        return false;
    }
    QList<DatasetRef> refs[2];
    QList<QJsonObject> objects[2];
    const QString sides[2] = {QStringLiteral("inputs"), QStringLiteral("outputs")};
    for (int side = 0; side < 2; ++side) {
        const QJsonValue value = event.value(sides[side]);
        if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
            *problem = QStringLiteral("%1 is not an array").arg(sides[side]);
            return false;
        }
        const QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject ds = list.at(i).toObject();
            const QString ns = ds.value(QStringLiteral("namespace")).toString();
            const QString name = ds.value(QStringLiteral("name")).toString();
            if (ns.isEmpty() || name.isEmpty()) {
                *problem = QStringLiteral("%1[%2] has no %3").arg(sides[side]).arg(i).arg(
                    ns.isEmpty() ? QStringLiteral("namespace") : QStringLiteral("name"));
                return false;
            }
            refs[side].append({ns, name});
            objects[side].append(ds);
        }
    }

    // The run: later events win.
    {
        QJsonObject facets;
        if (run.contains(QStringLiteral("facets")))
            facets.insert(QStringLiteral("run"), run.value(QStringLiteral("facets")));
        if (job.contains(QStringLiteral("facets")))
            facets.insert(QStringLiteral("job"), job.value(QStringLiteral("facets")));
        Statement &st = db.prepare(QStringLiteral(
            "INSERT INTO ol_runs(run_id, job_namespace, job_name, state, event_time, producer, facets) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(run_id) DO UPDATE SET "
            "job_namespace = excluded.job_namespace, job_name = excluded.job_name, "
            "state = excluded.state, event_time = excluded.event_time, producer = excluded.producer, "
            "facets = excluded.facets WHERE excluded.event_time >= ol_runs.event_time"));
        st.bind(1, runId).bind(2, jobNs).bind(3, jobName).bind(4, eventType).bind(5, when)
            .bind(6, producer)
            .bind(7, QString::fromUtf8(QJsonDocument(facets).toJson(QJsonDocument::Compact)));
        if (!st.exec()) {
            *problem = st.lastError();
            return false;
        }
    }

    const auto datasetId = [&](const DatasetRef &ref, qint64 *id) -> bool {
        Statement &find = db.prepare(
            QStringLiteral("SELECT id FROM ol_datasets WHERE namespace = ?1 AND name = ?2"));
        find.bind(1, ref.ns).bind(2, ref.name);
        if (find.step()) {
            *id = find.integer(0);
            find.reset();
            return true;
        }
        // A new dataset: link it to the product it belongs to, if the catalog knows one.
        Statement &product = db.prepare(QStringLiteral(
            "SELECT id FROM products WHERE key = ?1 UNION ALL "
            "SELECT product_id FROM datasets WHERE name = ?1 OR location = ?2 OR location = ?1 "
            "LIMIT 1"));
        product.bind(1, ref.name).bind(2, ref.ns + QLatin1Char('/') + ref.name);
        const bool linked = product.step();
        const qint64 productId = linked ? product.integer(0) : 0;
        product.reset();
        Statement &ins = db.prepare(
            QStringLiteral("INSERT INTO ol_datasets(namespace, name, product_id) VALUES(?1, ?2, ?3)"));
        ins.bind(1, ref.ns).bind(2, ref.name);
        if (linked)
            ins.bind(3, productId);
        else
            ins.bindNull(3);
        if (!ins.exec()) {
            *problem = ins.lastError();
            return false;
        }
        *id = db.lastInsertRowId();
        return true;
    };
    const auto fieldId = [&](qint64 dataset, const QString &name, qint64 *id) -> bool {
        Statement &ins = db.prepare(QStringLiteral(
            "INSERT INTO ol_fields(dataset_id, name) VALUES(?1, ?2) "
            "ON CONFLICT(dataset_id, name) DO NOTHING"));
        ins.bind(1, dataset).bind(2, name);
        if (!ins.exec()) {
            *problem = ins.lastError();
            return false;
        }
        Statement &find =
            db.prepare(QStringLiteral("SELECT id FROM ol_fields WHERE dataset_id = ?1 AND name = ?2"));
        find.bind(1, dataset).bind(2, name);
        const bool found = find.step();
        *id = found ? find.integer(0) : 0;
        find.reset();
        return found;
    };
    const auto addDatasetEdge = [&](qint64 from, qint64 to, const QString &kind,
                                    const DatasetRef &fromRef) -> bool {
        if (from == to) {
            c.warnings.append({0, 0,
                               QStringLiteral("self-loop on %1/%2 left out (a job that reads and "
                                              "writes the same dataset)")
                                   .arg(fromRef.ns, fromRef.name),
                               true});
            return true;
        }
        Statement &st = db.prepare(QStringLiteral(
            "INSERT INTO dataset_lineage(from_id, to_id, kind, job_namespace, job_name, source, "
            "run_id, event_time) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            "ON CONFLICT(from_id, to_id, job_namespace, job_name) DO UPDATE SET "
            "kind = excluded.kind, source = excluded.source, run_id = excluded.run_id, "
            "event_time = excluded.event_time WHERE excluded.event_time >= dataset_lineage.event_time"));
        st.bind(1, from).bind(2, to).bind(3, kind).bind(4, jobNs).bind(5, jobName)
            .bind(6, producer).bind(7, runId).bind(8, when);
        if (!st.exec()) {
            *problem = st.lastError();
            return false;
        }
        ++c.report->datasetEdges;
        // Both ends belong to products: the product graph learns the edge too.
        Statement &prod = db.prepare(QStringLiteral(
            "INSERT INTO lineage_edges(from_id, to_id, kind, job_name) "
            "SELECT f.product_id, t.product_id, ?3, ?4 FROM ol_datasets f, ol_datasets t "
            "WHERE f.id = ?1 AND t.id = ?2 AND f.product_id IS NOT NULL "
            "AND t.product_id IS NOT NULL AND f.product_id <> t.product_id "
            "ON CONFLICT(from_id, to_id, job_name) DO NOTHING"));
        prod.bind(1, from).bind(2, to).bind(3, kind).bind(4, jobName);
        if (!prod.exec()) {
            *problem = prod.lastError();
            return false;
        }
        c.report->productEdges += db.changes();
        return true;
    };

    QList<qint64> ids[2];
    for (int side = 0; side < 2; ++side) {
        for (qsizetype i = 0; i < refs[side].size(); ++i) {
            qint64 id = 0;
            if (!datasetId(refs[side].at(i), &id))
                return false;
            ids[side].append(id);
            ++c.report->datasets;
            // Facets: schema replaces the columns, unknown facets are kept; later events win.
            QJsonObject facets = objects[side].at(i).value(QStringLiteral("facets")).toObject();
            const QString sideFacets = side == 0 ? QStringLiteral("inputFacets")
                                                 : QStringLiteral("outputFacets");
            const QJsonObject extra = objects[side].at(i).value(sideFacets).toObject();
            for (auto it = extra.begin(); it != extra.end(); ++it)
                facets.insert(it.key(), it.value());
            if (facets.isEmpty())
                continue;
            Statement &stored = db.prepare(
                QStringLiteral("SELECT facets, schema_time FROM ol_datasets WHERE id = ?1"));
            stored.bind(1, id);
            stored.step();
            QJsonObject kept = QJsonDocument::fromJson(stored.text(0).toUtf8()).object();
            const bool newer = when >= stored.text(1);
            stored.reset();
            if (!newer)
                continue;
            for (auto it = facets.begin(); it != facets.end(); ++it) {
                if (it.key() != QStringLiteral("schema") && it.key() != QStringLiteral("columnLineage"))
                    kept.insert(it.key(), it.value());
            }
            Statement &save = db.prepare(
                QStringLiteral("UPDATE ol_datasets SET facets = ?2, schema_time = ?3 WHERE id = ?1"));
            save.bind(1, id)
                .bind(2, QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)))
                .bind(3, when);
            if (!save.exec()) {
                *problem = save.lastError();
                return false;
            }
            if (!facets.contains(QStringLiteral("schema")))
                continue;
            const QJsonArray fields =
                facets.value(QStringLiteral("schema")).toObject().value(QStringLiteral("fields")).toArray();
            QStringList names;
            for (const QJsonValue &f : fields) {
                const QJsonObject field = f.toObject();
                const QString name = field.value(QStringLiteral("name")).toString();
                if (name.isEmpty()) {
                    *problem = QStringLiteral("%1[%2].facets.schema has a field without a name")
                                   .arg(sides[side]).arg(i);
                    return false;
                }
                names << name;
                Statement &up = db.prepare(QStringLiteral(
                    "INSERT INTO ol_fields(dataset_id, name, type, description) VALUES(?1, ?2, ?3, ?4) "
                    "ON CONFLICT(dataset_id, name) DO UPDATE SET type = excluded.type, "
                    "description = excluded.description"));
                up.bind(1, id).bind(2, name)
                    .bind(3, field.value(QStringLiteral("type")).toString())
                    .bind(4, field.value(QStringLiteral("description")).toString());
                if (!up.exec()) {
                    *problem = up.lastError();
                    return false;
                }
            }
            // Columns the newer schema no longer has are dropped with their column edges.
            Statement &list = db.prepare(QStringLiteral("SELECT id, name FROM ol_fields WHERE dataset_id = ?1"));
            list.bind(1, id);
            QList<qint64> gone;
            while (list.step()) {
                if (!names.contains(list.text(1)))
                    gone.append(list.integer(0));
            }
            list.reset();
            for (const qint64 field : std::as_const(gone)) {
                Statement &del = db.prepare(QStringLiteral("DELETE FROM ol_fields WHERE id = ?1"));
                del.bind(1, field);
                if (!del.exec()) {
                    *problem = del.lastError();
                    return false;
                }
            }
        }
    }

    // Dataset edges: every input feeds every output of the job.
    for (qsizetype o = 0; o < ids[1].size(); ++o) {
        for (qsizetype i = 0; i < ids[0].size(); ++i) {
            if (!addDatasetEdge(ids[0].at(i), ids[1].at(o), QStringLiteral("transform"), refs[0].at(i)))
                return false;
        }
    }

    // Column edges of each output; the latest event's column lineage for (output, job) wins.
    for (qsizetype o = 0; o < ids[1].size(); ++o) {
        const QJsonObject lineage = objects[1].at(o)
                                        .value(QStringLiteral("facets")).toObject()
                                        .value(QStringLiteral("columnLineage")).toObject();
        const QJsonObject fields = lineage.value(QStringLiteral("fields")).toObject();
        if (fields.isEmpty())
            continue;
        const qint64 outId = ids[1].at(o);
        Statement &latest = db.prepare(QStringLiteral(
            "SELECT max(cl.event_time) FROM column_lineage cl JOIN ol_fields f ON f.id = cl.to_field_id "
            "WHERE f.dataset_id = ?1 AND cl.job_namespace = ?2 AND cl.job_name = ?3"));
        latest.bind(1, outId).bind(2, jobNs).bind(3, jobName);
        latest.step();
        const QString latestTime = latest.text(0);
        latest.reset();
        if (!latestTime.isEmpty() && latestTime > when)
            continue;
        Statement &clear = db.prepare(QStringLiteral(
            "DELETE FROM column_lineage WHERE job_namespace = ?2 AND job_name = ?3 AND to_field_id IN "
            "(SELECT id FROM ol_fields WHERE dataset_id = ?1)"));
        clear.bind(1, outId).bind(2, jobNs).bind(3, jobName);
        if (!clear.exec()) {
            *problem = clear.lastError();
            return false;
        }
        QHash<qint64, QString> datasetKinds; // input dataset → strongest kind feeding this output
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            qint64 toField = 0;
            if (!fieldId(outId, it.key(), &toField))
                return false;
            const QJsonObject spec = it.value().toObject();
            const QString legacy = spec.value(QStringLiteral("transformationType")).toString();
            const QJsonArray inputs = spec.value(QStringLiteral("inputFields")).toArray();
            for (qsizetype k = 0; k < inputs.size(); ++k) {
                const QJsonObject in = inputs.at(k).toObject();
                const DatasetRef ref{in.value(QStringLiteral("namespace")).toString(),
                                     in.value(QStringLiteral("name")).toString()};
                const QString field = in.value(QStringLiteral("field")).toString();
                if (ref.ns.isEmpty() || ref.name.isEmpty() || field.isEmpty()) {
                    *problem = QStringLiteral("columnLineage of %1/%2, field “%3”: inputFields[%4] "
                                              "needs namespace, name and field")
                                   .arg(refs[1].at(o).ns, refs[1].at(o).name, it.key())
                                   .arg(k);
                    return false;
                }
                qint64 inDataset = 0;
                qint64 fromField = 0;
                if (!datasetId(ref, &inDataset) || !fieldId(inDataset, field, &fromField))
                    return false;
                if (fromField == toField)
                    continue;
                const QString kind = kindOf(in, legacy);
                Statement &st = db.prepare(QStringLiteral(
                    "INSERT INTO column_lineage(from_field_id, to_field_id, kind, job_namespace, "
                    "job_name, source, event_time) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                    "ON CONFLICT(from_field_id, to_field_id, job_namespace, job_name) DO UPDATE SET "
                    "kind = excluded.kind, event_time = excluded.event_time"));
                st.bind(1, fromField).bind(2, toField).bind(3, kind).bind(4, jobNs)
                    .bind(5, jobName).bind(6, producer).bind(7, when);
                if (!st.exec()) {
                    *problem = st.lastError();
                    return false;
                }
                ++c.report->columnEdges;
                QString &strongest = datasetKinds[inDataset]; // aggregate > transform > copy
                if (strongest.isEmpty() || kind == QStringLiteral("aggregate") ||
                    (strongest == QStringLiteral("copy") && kind == QStringLiteral("transform")))
                    strongest = kind;
            }
        }
        // The dataset edge takes the kind its columns show; inputs named only here get an edge.
        for (auto it = datasetKinds.begin(); it != datasetKinds.end(); ++it) {
            if (!addDatasetEdge(it.key(), outId, it.value(), refs[1].at(o)))
                return false;
        }
    }
    return true;
}

} // namespace Mesh
