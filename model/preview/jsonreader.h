// SPDX-License-Identifier: MIT
#pragma once

#include "preview/samplereader.h"

#include <QJsonObject>

namespace Mesh {

/**
 * JSON samples: an array of objects, NDJSON (one object a line), or an API envelope around the
 * records — HubSpot `results[]`, Jira `issues[]` and `values[]`, Workday `Report_Entry[]`,
 * Gainsight `data.records[]`, NetSuite `items[]`, or else the largest array of objects near the
 * top. Nested objects become `a.b.c` columns (as the catalog documents them); arrays stay one
 * column, summarised as compact JSON with their length. The document is parsed whole, so files
 * above ReaderOptions::maxJsonBytes are refused with a hint.
 */
class JsonReader : public SampleReader
{
public:
    static std::unique_ptr<JsonReader> open(const QString &path, const ReaderOptions &options,
                                            PreviewError *error);

    QString formatDescription() const override { return m_description; }
    QStringList columns() const override { return m_columns; }
    qint64 rowCount() const override { return m_rows.size(); }
    bool isComplete() const override { return true; }
    bool indexMore(int) override { return false; }
    double progress() const override { return 1.0; }
    bool readRows(qint64 first, qint64 count, QList<SampleRow> *rows) override;

    /** Flattens one record into dotted column → text (arrays summarised). */
    static void flatten(const QJsonValue &value, const QString &prefix,
                        QList<std::pair<QString, QString>> *out);
    /** The records of a parsed document and the envelope they came from ("results[]", …). */
    static QJsonArray records(const QJsonValue &document, QString *envelope);

private:
    JsonReader() = default;
    void addRecord(const QJsonValue &record);

    QString m_description;
    QStringList m_columns;
    QHash<QString, int> m_columnIndex;
    QList<QStringList> m_rows;
    int m_maxCellChars = 0;
};

} // namespace Mesh
