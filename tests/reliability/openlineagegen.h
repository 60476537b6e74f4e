// SPDX-License-Identifier: MIT
#pragma once

// Writes large OpenLineage NDJSON files for the crash-safety and resource-limit tests.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Mesh::TestGen {

/**
 * events RunEvents, each a job of its own reading `inputs` datasets and writing `outputs`
 * (so inputs × outputs dataset edges an event, all distinct), with a schema facet of three
 * fields on every dataset and, when columns is set, column lineage for each output field.
 * runFacetBytes pads each run with an unknown facet of that many characters (kept as JSON).
 * Returns the bytes written, or -1.
 */
inline qint64 writeOpenLineageEvents(const QString &path, int events, int inputs, int outputs,
                                     bool columns, int runFacetBytes = 0)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    const QByteArray ns = "postgres://warehouse:5432";
    const QByteArray schema =
        R"("facets":{"schema":{"fields":[{"name":"id","type":"bigint"},)"
        R"({"name":"amount","type":"numeric"},{"name":"day","type":"date"}]}})";
    const QByteArray padding =
        runFacetBytes > 0
            ? R"(,"facets":{"gen_padding":{"_producer":"gen","text":")" +
                  QByteArray(runFacetBytes, 'p') + "\"}}"
            : QByteArray();
    QByteArray line;
    qint64 total = 0;
    for (int e = 0; e < events; ++e) {
        const QByteArray job = "job_" + QByteArray::number(e);
        line = R"({"eventType":"COMPLETE","eventTime":"2025-03-01T02:00:00.000Z",)"
               R"("producer":"https://example.com/gen","run":{"runId":"run-)" +
               QByteArray::number(e) + '"' + padding + R"(},"job":{"namespace":"gen","name":")" + job +
               R"("},"inputs":[)";
        QByteArray inputFields;
        for (int i = 0; i < inputs; ++i) {
            const QByteArray name = "raw.t" + QByteArray::number(e * inputs + i);
            if (i)
                line += ',';
            line += R"({"namespace":")" + ns + R"(","name":")" + name + R"(",)" + schema + '}';
            if (i)
                inputFields += ',';
            inputFields += R"({"namespace":")" + ns + R"(","name":")" + name + R"(","field":"amount"})";
        }
        line += R"(],"outputs":[)";
        for (int o = 0; o < outputs; ++o) {
            const QByteArray name = "mart.t" + QByteArray::number(e * outputs + o);
            if (o)
                line += ',';
            line += R"({"namespace":")" + ns + R"(","name":")" + name + '"';
            if (columns) {
                line += R"(,"facets":{"schema":{"fields":[{"name":"amount","type":"numeric"}]},)"
                        R"("columnLineage":{"fields":{"amount":{"inputFields":[)" +
                        inputFields + "]}}}}}";
            } else {
                line += ',' + schema + '}';
            }
        }
        line += "]}\n";
        if (f.write(line) != line.size())
            return -1;
        total += line.size();
    }
    return total;
}

} // namespace Mesh::TestGen
