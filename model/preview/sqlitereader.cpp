// SPDX-License-Identifier: MIT
#include "preview/sqlitereader.h"

#include "db/sqlite.h"


namespace Mesh {

SqliteReader::~SqliteReader() = default;

std::unique_ptr<SqliteReader> SqliteReader::open(const QString &path, const ReaderOptions &options,
                                                 PreviewError *error)
{
    std::unique_ptr<SqliteReader> r(new SqliteReader);
    r->m_localPath = path;
    QString message;
    r->m_db = Database::open(path, Database::Mode::ReadOnly, &message);
    if (!r->m_db) {
        *error = PreviewError::make(PreviewError::Kind::Sqlite, path,
                                    QStringLiteral("cannot be opened as SQLite: %1.").arg(message));
        return nullptr;
    }
    Statement st = r->m_db->prepareOnce(
        QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name "
                       "NOT LIKE 'sqlite_%' ORDER BY type = 'view', name"),
        &message);
    while (st.isValid() && st.step())
        r->m_tables << st.text(0);
    if (!st.isValid() || !st.lastError().isEmpty()) {
        *error = PreviewError::make(PreviewError::Kind::Sqlite, path,
                                    QStringLiteral("is damaged or not a database: %1.")
                                        .arg(st.isValid() ? st.lastError() : message),
                                    QStringLiteral("Ask the owner for a fresh copy."));
        return nullptr;
    }
    if (r->m_tables.isEmpty()) {
        *error = PreviewError::make(PreviewError::Kind::Empty, path,
                                    QStringLiteral("is a SQLite database without tables or views."));
        return nullptr;
    }
    r->m_table = options.table.isEmpty() ? r->m_tables.first() : options.table;
    if (!r->m_tables.contains(r->m_table)) {
        *error = PreviewError::make(PreviewError::Kind::Sqlite, path,
                                    QStringLiteral("has no table or view “%1”.").arg(r->m_table),
                                    QStringLiteral("It has: %1.").arg(r->m_tables.join(QStringLiteral(", "))));
        return nullptr;
    }
    Statement cols = r->m_db->prepareOnce(QStringLiteral("SELECT * FROM ") + r->quotedTable() +
                                              QStringLiteral(" LIMIT 0"),
                                          &message);
    if (!cols.isValid()) {
        *error = PreviewError::make(PreviewError::Kind::Sqlite, path,
                                    QStringLiteral("cannot read “%1”: %2.").arg(r->m_table, message));
        return nullptr;
    }
    for (int i = 0; i < cols.columnCount(); ++i)
        r->m_columns << cols.columnName(i);
    return r;
}

QString SqliteReader::quotedTable() const
{
    QString name = m_table;
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString SqliteReader::formatDescription() const
{
    return QStringLiteral("SQLite · %1 (of %2)").arg(m_table).arg(m_tables.size());
}

bool SqliteReader::indexMore(int)
{
    if (m_complete)
        return false;
    const QVariant n = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + quotedTable());
    m_rowCount = n.toLongLong();
    m_complete = true;
    return false;
}

bool SqliteReader::readRows(qint64 first, qint64 count, QList<SampleRow> *rows)
{
    rows->clear();
    Statement st = m_db->prepareOnce(QStringLiteral("SELECT * FROM ") + quotedTable() +
                                     QStringLiteral(" LIMIT ?1 OFFSET ?2"));
    st.bind(1, count).bind(2, first);
    while (st.step()) {
        QStringList cells;
        for (int c = 0; c < m_columns.size(); ++c) {
            if (st.isNull(c)) {
                cells << QString();
                continue;
            }
            const QString text = st.text(c);
            cells << (text.isEmpty() ? QStringLiteral("") : text);
        }
        SampleRow row(std::move(cells));
        row.fieldCount = int(row.size());
        rows->append(row);
    }
    return st.lastError().isEmpty();
}

} // namespace Mesh
