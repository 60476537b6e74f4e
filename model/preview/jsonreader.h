// SPDX-License-Identifier: MIT
#pragma once

#include "preview/samplereader.h"

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QJsonParseError>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace Mesh {

class JsonRecordReader;

/**
 * JSON samples: an array of objects, NDJSON (one object a line), a single value (one row, one
 * column, as RFC 8259 allows any value as a JSON text), or an API envelope around the
 * records — HubSpot `results[]`, Jira `issues[]` and `values[]`, Workday `Report_Entry[]`,
 * Gainsight `data.records[]`, NetSuite `items[]`, or else the largest array of objects within
 * two levels of the top. Nested objects become `a.b.c` columns (as the catalog documents them);
 * arrays stay one column, summarised as compact JSON with their length.
 *
 * Never parsed whole: the file is memory-mapped, the records array is found by a structural scan
 * of the envelope's keys, and a worker splits it record by record with JsonRecordReader (the
 * OpenLineage importer's splitter), parsing each record alone and keeping the byte offset of
 * every kStride-th one, as CsvReader does. So the first screen shows before indexing finishes,
 * any indexed row is a checkpoint and at most kStride - 1 skipped records away, and memory is
 * the checkpoints plus one record, however large the file. The columns are the union of the
 * keys of the records indexed so far (columns() grows; columnsCanGrow() says so).
 */
class JsonReader : public SampleReader
{
public:
    static constexpr int kStride = 64;

    static std::unique_ptr<JsonReader> open(const QString &path, const ReaderOptions &options,
                                            PreviewError *error);
    ~JsonReader() override;

    QString formatDescription() const override;
    QStringList columns() const override { return m_columns; }
    bool columnsCanGrow() const override { return true; }
    qint64 rowCount() const override { return m_rowCount; }
    bool isComplete() const override { return m_complete; }
    bool indexMore(int budgetMs) override;
    double progress() const override;
    bool readRows(qint64 first, qint64 count, QList<SampleRow> *rows) override;

    /** Record offsets held by the index (one every kStride records). */
    qsizetype checkpointCount() const { return qsizetype(m_checkpoints.size()); }
    /** Where the records are: "array", "results[]", "data.records[]", "NDJSON", … */
    QString envelope() const { return m_envelope; }

    /** Flattens one record into dotted column → text (arrays summarised). */
    static void flatten(const QJsonValue &value, const QString &prefix,
                        QList<std::pair<QString, QString>> *out);

private:
    enum class Layout { Elements, Values };

    JsonReader() = default;
    void locate();
    bool parse(const QByteArray &record, QJsonValue *value, QJsonParseError *error) const;
    void addColumns(const QJsonValue &value, const QString &prefix);
    void releaseIndexed();
    void checkTail();

    ReaderOptions m_options;
    QFile m_file;
    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    QByteArray m_bytes; // the mapping, not copied
    QBuffer m_indexDevice;
    std::unique_ptr<JsonRecordReader> m_indexer;
    Layout m_layout = Layout::Values;
    qint64 m_regionStart = 0;
    qint64 m_regionLine = 1;
    int m_enclosing = 0; // objects around the records array, closed after its ]
    QString m_envelope;
    QStringList m_columns;
    QHash<QString, int> m_columnIndex;
    bool m_columnsCapped = false;
    std::vector<qint64> m_checkpoints; // byte offset of record k * kStride
    qint64 m_rowCount = 0;
    qint64 m_released = 0;
    qint64 m_stopAtRows = -1; // open() indexes only the first screen
    bool m_complete = false;
};

} // namespace Mesh
