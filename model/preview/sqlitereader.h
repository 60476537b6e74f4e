// SPDX-License-Identifier: MIT
#pragma once

#include "preview/samplereader.h"

#include <memory>

namespace Mesh {

class Database;

/**
 * A table or view of another SQLite file, opened read-only. Rows are read with LIMIT/OFFSET
 * blocks; the row count is taken by indexMore() (COUNT(*) can take a while on big tables).
 */
class SqliteReader : public SampleReader
{
public:
    static std::unique_ptr<SqliteReader> open(const QString &path, const ReaderOptions &options,
                                              PreviewError *error);
    ~SqliteReader() override;

    QString formatDescription() const override;
    QStringList columns() const override { return m_columns; }
    qint64 rowCount() const override { return m_rowCount; }
    bool isComplete() const override { return m_complete; }
    bool indexMore(int budgetMs) override;
    double progress() const override { return m_complete ? 1.0 : 0.0; }
    bool readRows(qint64 first, qint64 count, QList<SampleRow> *rows) override;

    /** The tables and views the file has, tables first. */
    QStringList tables() const { return m_tables; }
    QString table() const { return m_table; }

private:
    SqliteReader() = default;
    QString quotedTable() const;

    std::unique_ptr<Database> m_db;
    QStringList m_tables;
    QString m_table;
    QStringList m_columns;
    qint64 m_rowCount = 0;
    bool m_complete = false;
};

} // namespace Mesh
