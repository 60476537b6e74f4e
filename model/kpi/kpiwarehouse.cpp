// SPDX-License-Identifier: MIT
#include "kpi/kpiwarehouse.h"

#include "db/sqlite.h"
#include "preview/samplereader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Mesh {

namespace {

constexpr const char *kSchema = R"SQL(
PRAGMA journal_mode = WAL;
-- Derived data: in WAL mode NORMAL keeps it consistent through kill -9; a power cut may lose
-- the last commits, and with them their fingerprints, so the next refresh redoes that work.
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS kpi_inputs(
    product_key TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT -1,
    mtime TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL DEFAULT '',
    rows INTEGER NOT NULL DEFAULT 0,
    loaded_at TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    warnings TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kpi_rollups(
    kpi_key TEXT NOT NULL,
    grain TEXT NOT NULL,
    period TEXT NOT NULL,
    value REAL,
    secondary REAL,
    PRIMARY KEY(kpi_key, grain, period)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kpi_computations(
    kpi_key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    computed_at TEXT NOT NULL DEFAULT '',
    ms REAL NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kpi_stages(
    kpi_key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL DEFAULT '',
    rows INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    built_at TEXT NOT NULL DEFAULT '',
    ms REAL NOT NULL DEFAULT 0) WITHOUT ROWID;
)SQL";

QString quoteName(const QString &name)
{
    QString q = name;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

/** Numbers become numbers (so SUM and comparisons work); "", ids with leading zeros stay text. */
void bindCell(Statement &s, int index, const QString &cell, QChar decimal)
{
    if (cell.isEmpty()) {
        s.bindNull(index);
        return;
    }
    const qsizetype n = cell.size();
    qsizetype i = 0;
    if (cell.at(0) == QLatin1Char('-'))
        i = 1;
    const qsizetype digitsStart = i;
    while (i < n && cell.at(i).isDigit())
        ++i;
    const qsizetype intDigits = i - digitsStart;
    const bool leadingZero = intDigits > 1 && cell.at(digitsStart) == QLatin1Char('0');
    if (intDigits > 0 && i == n && !leadingZero && intDigits <= 18) {
        s.bind(index, cell.toLongLong());
        return;
    }
    if (intDigits > 0 && !leadingZero && i < n && cell.at(i) == decimal) {
        qsizetype j = i + 1;
        while (j < n && cell.at(j).isDigit())
            ++j;
        if (j == n && j > i + 1) {
            bool ok = false;
            QString c = cell;
            if (decimal != QLatin1Char('.'))
                c.replace(decimal, QLatin1Char('.'));
            const double v = c.toDouble(&ok);
            if (ok) {
                s.bind(index, v);
                return;
            }
        }
    }
    s.bind(index, cell);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

QString KpiWarehouse::pathFor(const QString &catalogPath)
{
    const QFileInfo info(catalogPath);
    const QString name = info.completeBaseName() + QStringLiteral("-analytics.sqlite");
    const QFileInfo dir(info.absolutePath());
    if (dir.isWritable())
        return info.absoluteDir().filePath(name);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                          QStringLiteral("/mesh-explorer/analytics");
    QDir().mkpath(cache);
    return cache + QLatin1Char('/') + hash + QLatin1Char('-') + name;
}

QString KpiWarehouse::tableName(const QString &productKey)
{
    QString t;
    for (const QChar c : productKey)
        t += (c.isLetterOrNumber() && c.unicode() < 128) ? c.toLower() : QLatin1Char('_');
    if (t.isEmpty() || t.at(0).isDigit())
        t.prepend(QLatin1Char('t'));
    return t;
}

std::unique_ptr<KpiWarehouse> KpiWarehouse::open(const QString &path, QString *error)
{
    QString why;
    auto db = Database::open(path, Database::Mode::ReadWriteCreate, &why);
    if (!db) {
        if (error)
            *error = QStringLiteral("Cannot open the analytics database %1: %2").arg(path, why);
        return nullptr;
    }
    if (!db->exec(QString::fromUtf8(kSchema), &why)) {
        if (error)
            *error = QStringLiteral("%1 is not a usable analytics database (%2); delete it and "
                                    "it is rebuilt from the inputs.")
                         .arg(path, why);
        return nullptr;
    }
    std::unique_ptr<KpiWarehouse> w(new KpiWarehouse);
    w->m_db = std::move(db);
    return w;
}

KpiWarehouse::~KpiWarehouse() = default;

QString KpiWarehouse::path() const
{
    return m_db->path();
}

Database &KpiWarehouse::database() const
{
    return *m_db;
}

std::optional<KpiInputLoad> KpiWarehouse::input(const QString &productKey) const
{
    Statement &s = m_db->prepare(QStringLiteral(
        "SELECT table_name, location, size, mtime, hash, rows, loaded_at, error, warnings "
        "FROM kpi_inputs WHERE product_key = ?1"));
    s.bind(1, productKey);
    if (!s.step())
        return std::nullopt;
    KpiInputLoad l;
    l.productKey = productKey;
    l.tableName = s.text(0);
    l.location = s.text(1);
    l.size = s.integer(2);
    l.mtime = s.text(3);
    l.hash = s.text(4);
    l.rows = s.integer(5);
    l.loadedAt = s.text(6);
    l.error = s.text(7);
    l.warnings = s.text(8);
    s.reset();
    return l;
}

bool KpiWarehouse::saveState(const KpiInputLoad &l)
{
    Statement &s = m_db->prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kpi_inputs(product_key, table_name, location, size, mtime, hash, "
        "rows, loaded_at, error, warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    s.bind(1, l.productKey)
        .bind(2, l.tableName)
        .bind(3, l.location)
        .bind(4, l.size)
        .bind(5, l.mtime)
        .bind(6, l.hash)
        .bind(7, l.rows)
        .bind(8, l.loadedAt)
        .bind(9, l.error)
        .bind(10, l.warnings);
    return s.exec();
}

KpiWarehouse::SyncResult KpiWarehouse::sync(const QString &productKey, const QString &location,
                                            bool force, const std::atomic<bool> *cancel)
{
    KpiInputLoad state = input(productKey).value_or(KpiInputLoad{});
    state.productKey = productKey;
    state.tableName = tableName(productKey);
    const QFileInfo info(location);
    const auto failed = [&](const QString &why) {
        state.error = why;
        saveState(state);
        return SyncResult::Failed;
    };
    if (location.isEmpty())
        return failed(QStringLiteral("has no sample file to read"));
    if (!info.exists())
        return failed(QStringLiteral("sample file %1 is missing").arg(location));
    if (!info.isFile() || !info.isReadable())
        return failed(QStringLiteral("sample file %1 cannot be read").arg(location));

    const QString mtime = info.lastModified().toUTC().toString(Qt::ISODateWithMs);
    const bool sameStamp = state.location == location && state.size == info.size() &&
                           state.mtime == mtime;
    if (!force && sameStamp && state.error.isEmpty())
        return SyncResult::Unchanged;

    QFile f(location);
    if (!f.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("sample file %1 cannot be read: %2").arg(location, f.errorString()));
    QCryptographicHash hasher(QCryptographicHash::Sha1);
    hasher.addData(&f);
    const QString hash = QString::fromLatin1(hasher.result().toHex());
    if (!force && state.error.isEmpty() && hash == state.hash && state.location == location) {
        state.size = info.size();
        state.mtime = mtime;
        saveState(state);
        return SyncResult::Unchanged;
    }
    state.location = location;
    state.size = info.size();
    state.mtime = mtime;
    state.hash = hash;
    if (!load(&state, cancel))
        return failed(state.error);
    return SyncResult::Loaded;
}

bool KpiWarehouse::load(KpiInputLoad *state, const std::atomic<bool> *cancel)
{
    PreviewError perr;
    ReaderOptions options;
    options.maxCellChars = 1 << 20;
    auto reader = SampleReader::openFile(state->location, options, &perr);
    if (!reader) {
        state->error = perr.toString();
        return false;
    }
    while (reader->indexMore(200)) {
        if (cancel && cancel->load()) {
            state->error = QStringLiteral("loading was cancelled");
            return false;
        }
    }
    if (reader->error().kind != PreviewError::Kind::None) {
        state->error = reader->error().toString();
        return false;
    }
    const QStringList columns = reader->columns();
    if (columns.isEmpty()) {
        state->error = QStringLiteral("sample %1 has no columns").arg(state->location);
        return false;
    }
    const QString table = state->tableName;
    const QString fresh = table + QStringLiteral("__loading");
    Transaction tx(*m_db);
    QString why;
    QStringList defs;
    for (const QString &c : columns)
        defs << quoteName(c);
    if (!m_db->exec(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TABLE %1(%2)")
                        .arg(quoteName(fresh), defs.join(QStringLiteral(", "))),
                    &why)) {
        state->error = QStringLiteral("cannot create its table: ") + why;
        return false;
    }
    QStringList marks;
    for (int i = 1; i <= columns.size(); ++i)
        marks << QStringLiteral("?%1").arg(i);
    Statement ins = m_db->prepareOnce(QStringLiteral("INSERT INTO %1 VALUES (%2)")
                                          .arg(quoteName(fresh), marks.join(QLatin1Char(','))),
                                      &why);
    if (!ins.isValid()) {
        state->error = QStringLiteral("cannot insert into its table: ") + why;
        return false;
    }
    const QChar decimal = reader->decimalSeparator();
    const qint64 total = reader->rowCount();
    constexpr qint64 kBlock = 4096;
    QList<SampleRow> rows;
    for (qint64 first = 0; first < total; first += kBlock) {
        if (cancel && cancel->load()) {
            state->error = QStringLiteral("loading was cancelled");
            return false;
        }
        rows.clear();
        if (!reader->readRows(first, std::min(kBlock, total - first), &rows)) {
            state->error = QStringLiteral("reading stopped at row %1: %2")
                               .arg(first)
                               .arg(reader->error().toString());
            return false;
        }
        for (const SampleRow &row : rows) {
            ins.reset();
            for (int c = 0; c < columns.size(); ++c)
                bindCell(ins, c + 1, row.cell(c), decimal);
            if (!ins.exec()) {
                state->error = QStringLiteral("cannot store a row: ") + ins.lastError();
                return false;
            }
        }
    }
    ins = Statement();
    if (!m_db->exec(QStringLiteral("DROP TABLE IF EXISTS %1; ALTER TABLE %2 RENAME TO %1")
                        .arg(quoteName(table), quoteName(fresh)),
                    &why)) {
        state->error = QStringLiteral("cannot swap in the new table: ") + why;
        return false;
    }
    state->rows = total;
    state->loadedAt = nowText();
    state->error.clear();
    state->warnings = reader->warnings().join(QLatin1Char(' '));
    if (!saveState(*state)) {
        state->error = m_db->lastError();
        return false;
    }
    if (!tx.commit(&why)) {
        state->error = why;
        return false;
    }
    return true;
}

bool KpiWarehouse::writeRollups(const QString &kpiKey, KpiGrain grain,
                                const QList<KpiPoint> &points, QString *error)
{
    Transaction tx(*m_db);
    Statement &del = m_db->prepare(QStringLiteral("DELETE FROM kpi_rollups WHERE kpi_key = ?1 AND grain = ?2"));
    del.bind(1, kpiKey).bind(2, KpiPeriod::grainName(grain));
    if (!del.exec()) {
        if (error)
            *error = del.lastError();
        return false;
    }
    Statement &ins = m_db->prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kpi_rollups(kpi_key, grain, period, value, secondary) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"));
    for (const KpiPoint &p : points) {
        ins.reset();
        ins.bind(1, kpiKey).bind(2, KpiPeriod::grainName(grain)).bind(3, p.period);
        p.value ? ins.bind(4, *p.value) : ins.bindNull(4);
        p.secondary ? ins.bind(5, *p.secondary) : ins.bindNull(5);
        if (!ins.exec()) {
            if (error)
                *error = ins.lastError();
            return false;
        }
    }
    return tx.commit(error);
}

QHash<QString, QList<KpiPoint>> KpiWarehouse::rollups(KpiGrain grain) const
{
    QHash<QString, QList<KpiPoint>> out;
    Statement &s = m_db->prepare(QStringLiteral(
        "SELECT kpi_key, period, value, secondary FROM kpi_rollups WHERE grain = ?1 "
        "ORDER BY kpi_key, period"));
    s.bind(1, KpiPeriod::grainName(grain));
    while (s.step()) {
        KpiPoint p;
        p.period = s.text(1);
        if (!s.isNull(2))
            p.value = s.real(2);
        if (!s.isNull(3))
            p.secondary = s.real(3);
        out[s.text(0)].append(p);
    }
    s.reset();
    return out;
}

QString KpiWarehouse::computedFingerprint(const QString &kpiKey) const
{
    Statement &s = m_db->prepare(QStringLiteral(
        "SELECT fingerprint FROM kpi_computations WHERE kpi_key = ?1 AND error = ''"));
    s.bind(1, kpiKey);
    const QString f = s.step() ? s.text(0) : QString();
    s.reset();
    return f;
}

QString KpiWarehouse::computationError(const QString &kpiKey) const
{
    Statement &s = m_db->prepare(QStringLiteral("SELECT error FROM kpi_computations WHERE kpi_key = ?1"));
    s.bind(1, kpiKey);
    const QString e = s.step() ? s.text(0) : QString();
    s.reset();
    return e;
}

bool KpiWarehouse::recordComputation(const QString &kpiKey, const QString &fingerprint,
                                     const QString &error, double ms)
{
    Statement &s = m_db->prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kpi_computations(kpi_key, fingerprint, error, computed_at, ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.bind(1, kpiKey).bind(2, fingerprint).bind(3, error).bind(4, nowText()).bind(5, ms);
    return s.exec();
}

bool KpiWarehouse::createTable(Database &db, const QString &table, const QStringList &columns,
                               const QList<QVariantList> &rows, QString *why)
{
    QStringList defs, marks;
    for (int i = 0; i < columns.size(); ++i) {
        defs << quoteName(columns.at(i));
        marks << QStringLiteral("?%1").arg(i + 1);
    }
    if (!db.exec(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TABLE %1(%2)")
                     .arg(quoteName(table), defs.join(QStringLiteral(", "))),
                 why))
        return false;
    Statement ins = db.prepareOnce(QStringLiteral("INSERT INTO %1 VALUES (%2)")
                                       .arg(quoteName(table), marks.join(QLatin1Char(','))),
                                   why);
    if (!ins.isValid())
        return false;
    for (const QVariantList &row : rows) {
        ins.reset();
        for (int c = 0; c < columns.size(); ++c) {
            const QVariant &v = row.at(c);
            if (!v.isValid() || v.isNull())
                ins.bindNull(c + 1);
            else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                ins.bind(c + 1, v.toLongLong());
            else if (v.typeId() == QMetaType::Double)
                ins.bind(c + 1, v.toDouble());
            else
                ins.bind(c + 1, v.toString());
        }
        if (!ins.exec()) {
            if (why)
                *why = ins.lastError();
            return false;
        }
    }
    return true;
}

bool KpiWarehouse::writeStage(const QString &kpiKey, const QString &fingerprint,
                              const QStringList &columns, const QList<QVariantList> &rows,
                              const QString &error, double ms, QString *why)
{
    Transaction tx(*m_db);
    const QString table = KpiDefinition::stageTable(kpiKey);
    const QString fresh = table + QStringLiteral("__loading");
    if (error.isEmpty()) {
        if (!createTable(*m_db, fresh, columns, rows, why))
            return false;
        if (!m_db->exec(QStringLiteral("DROP TABLE IF EXISTS %1; ALTER TABLE %2 RENAME TO %1")
                            .arg(quoteName(table), quoteName(fresh)),
                        why))
            return false;
    }
    // A failed build keeps the previous stage table but no fingerprint, so it is rebuilt.
    Statement &s = m_db->prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kpi_stages(kpi_key, fingerprint, rows, error, built_at, ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.bind(1, kpiKey)
        .bind(2, error.isEmpty() ? fingerprint : QString())
        .bind(3, qint64(rows.size()))
        .bind(4, error)
        .bind(5, nowText())
        .bind(6, ms);
    if (!s.exec()) {
        if (why)
            *why = s.lastError();
        return false;
    }
    return tx.commit(why);
}

QString KpiWarehouse::stageFingerprint(const QString &kpiKey) const
{
    Statement &s = m_db->prepare(QStringLiteral(
        "SELECT fingerprint FROM kpi_stages WHERE kpi_key = ?1 AND error = ''"));
    s.bind(1, kpiKey);
    const QString f = s.step() ? s.text(0) : QString();
    s.reset();
    return f;
}

QString KpiWarehouse::stageError(const QString &kpiKey) const
{
    Statement &s = m_db->prepare(QStringLiteral("SELECT error FROM kpi_stages WHERE kpi_key = ?1"));
    s.bind(1, kpiKey);
    const QString e = s.step() ? s.text(0) : QString();
    s.reset();
    return e;
}

} // namespace Mesh
