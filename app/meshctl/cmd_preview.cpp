// SPDX-License-Identifier: MIT
// meshctl preview FILE|URL: the first rows of a sample file as the Preview tab reads them.
#include "cli.h"

#include "preview/columnprofile.h"
#include "preview/masking.h"
#include "preview/previewloader.h"
#include "preview/samplereader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Mesh::Cli {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isNull() ? QJsonValue() : QJsonValue(s);
}

QJsonObject errorJson(const PreviewError &e)
{
    return {{QStringLiteral("source"), e.source},
            {QStringLiteral("line"), e.line >= 0 ? QJsonValue(e.line) : QJsonValue()},
            {QStringLiteral("byte_offset"), e.byteOffset >= 0 ? QJsonValue(e.byteOffset) : QJsonValue()},
            {QStringLiteral("message"), e.what},
            {QStringLiteral("hint"), e.hint}};
}

QJsonObject profileJson(const ColumnProfile &p)
{
    QJsonArray top;
    for (const ProfileBar &b : p.topValues)
        top.append(QJsonObject{{QStringLiteral("value"), b.label}, {QStringLiteral("count"), b.count}});
    QJsonArray histogram;
    for (const ProfileBar &b : p.histogram)
        histogram.append(QJsonObject{{QStringLiteral("bin"), b.label}, {QStringLiteral("count"), b.count}});
    return {{QStringLiteral("column"), p.column},
            {QStringLiteral("type"), p.inferredType},
            {QStringLiteral("count"), p.count},
            {QStringLiteral("nulls"), p.nulls},
            {QStringLiteral("null_percent"), p.nullPercent()},
            {QStringLiteral("distinct"), p.distinct},
            {QStringLiteral("distinct_exact"), p.distinctExact},
            {QStringLiteral("min"), p.min},
            {QStringLiteral("max"), p.max},
            {QStringLiteral("top_values"), top},
            {QStringLiteral("histogram"), histogram}};
}

QString cell(QString text, int width)
{
    text.replace(QLatin1Char('\n'), QStringLiteral("⏎")).replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (text.size() > width)
        text = text.left(width - 1) + QChar(0x2026);
    return text.leftJustified(width);
}

} // namespace

int cmdPreview(const QStringList &args)
{
    Command c(QStringLiteral("preview"));
    c.parser.setApplicationDescription(
        QStringLiteral("Show the first rows of a sample: CSV/TSV, JSON (arrays, NDJSON, API "
                       "envelopes), SQLite, or an http(s)/file URL."));
    c.parser.addPositionalArgument(QStringLiteral("FILE|URL"), QStringLiteral("Sample file or URL."));
    c.option(QStringLiteral("rows"), QStringLiteral("Rows to print (default 20)."), QStringLiteral("N"));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    c.option(QStringLiteral("profile"), QStringLiteral("Profile every column over the first 100,000 rows."));
    c.option(QStringLiteral("table"), QStringLiteral("SQLite: the table or view (default: the first)."), QStringLiteral("NAME"));
    c.option(QStringLiteral("catalog"), QStringLiteral("Catalog whose access policy masks the sample (with --product)."), QStringLiteral("FILE"));
    c.option(QStringLiteral("product"), QStringLiteral("Product key the sample belongs to (with --catalog)."), QStringLiteral("KEY"));
    c.option(QStringLiteral("max-download-mb"), QStringLiteral("URLs: download limit in MiB, decompressed (default 1024)."), QStringLiteral("N"));
    c.option(QStringLiteral("server"), QStringLiteral("Team server of the --catalog cache: it decides, as the connected person (as the app does)."), QStringLiteral("URL"));
    c.option(QStringLiteral("as"), QStringLiteral("With --server: the person (database role) to connect as (default: the URL's user)."), QStringLiteral("USER"));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto rowsWanted = c.integer(QStringLiteral("rows"), 20, 0, 1000000, &code);
    if (!rowsWanted)
        return code;
    const auto maxDownloadMb = c.integer(QStringLiteral("max-download-mb"), 1024, 1, 1 << 20, &code);
    if (!maxDownloadMb)
        return code;
    if (c.isSet(QStringLiteral("catalog")) != c.isSet(QStringLiteral("product")))
        return fail(Usage, QStringLiteral("--catalog and --product go together"));
    TeamRoute route;
    if (c.isSet(QStringLiteral("server"))) {
        route.url = c.value(QStringLiteral("server"));
        route.user = c.isSet(QStringLiteral("as")) ? c.value(QStringLiteral("as"))
                                                   : QUrl(route.url).userName();
        if (!c.isSet(QStringLiteral("catalog")) || route.user.isEmpty())
            return fail(Usage, QStringLiteral("--server needs --catalog (a team cache), --product "
                                              "and a person: --as USER or a URL with a user"));
    }

    PreviewSource source;
    source.location = c.positional(0);
    source.catalogPath = c.value(QStringLiteral("catalog"));
    source.productKey = c.value(QStringLiteral("product"));
    source.options.table = c.value(QStringLiteral("table"));
    source.options.maxDownloadBytes = qint64(*maxDownloadMb) << 20;
    source.team = route;
    PreviewError error;
    std::unique_ptr<SampleReader> reader = SampleReader::open(source.location, source.options, &error);
    if (!reader)
        return fail(Usage, error.toString());
    // JSON columns may appear while indexing: ask about the whole product, as the tab does.
    const PreviewAccess access = PreviewLoader::decideAccess(
        source, reader->columnsCanGrow() ? QStringList() : reader->columns(), &error);
    if (!access.allowed)
        return fail(Refused, error.toString());

    const bool profile = c.isSet(QStringLiteral("profile"));
    const qint64 needed = profile ? std::max<qint64>(*rowsWanted, 100000) : *rowsWanted;
    while (reader->rowCount() < needed && reader->indexMore(200)) {
    }
    QList<SampleRow> rows;
    reader->readRows(0, *rowsWanted, &rows);
    const QStringList columns = reader->columns();
    QList<bool> masked;
    for (const QString &col : columns)
        masked << access.maskedForPreview.contains(col);
    // Decoded, masked and as wide as the header (JSON columns may grow while rows are read).
    QList<QStringList> cellsOf;
    for (const SampleRow &row : std::as_const(rows)) {
        QStringList cells;
        for (qsizetype i = 0; i < columns.size(); ++i)
            cells << (masked.value(i) ? Masking::mask(row.cell(i)) : row.cell(i));
        cellsOf << cells;
    }
    QList<ColumnProfile> profiles;
    if (profile) {
        for (int i = 0; i < columns.size(); ++i) {
            QStringList values;
            reader->readColumn(0, 100000, i, &values);
            if (masked.value(i))
                for (QString &v : values)
                    v = Masking::mask(v);
            profiles << ColumnProfiler::profile(columns.at(i), values, reader->decimalSeparator());
        }
    }
    const PreviewError stopped = reader->error();

    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray jsonRows;
        for (const QStringList &row : std::as_const(cellsOf)) {
            QJsonArray cells;
            for (const QString &v : row)
                cells.append(nullable(v));
            jsonRows.append(cells);
        }
        QJsonArray ragged;
        for (int i = 0; i < rows.size(); ++i)
            if (rows.at(i).ragged)
                ragged.append(i + 1);
        QJsonArray jsonProfiles;
        for (const ColumnProfile &p : std::as_const(profiles))
            jsonProfiles.append(profileJson(p));
        QJsonObject o{{QStringLiteral("source"), reader->location()},
                      {QStringLiteral("format"), reader->formatDescription()},
                      {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                      {QStringLiteral("masked_columns"), QJsonArray::fromStringList(access.maskedForPreview)},
                      {QStringLiteral("decided_by"), access.decidedByServer   ? QStringLiteral("server")
                                                     : access.decidedOffline ? QStringLiteral("offline-cache")
                                                                             : QStringLiteral("catalog")},
                      {QStringLiteral("rows"), jsonRows},
                      {QStringLiteral("ragged_rows"), ragged},
                      {QStringLiteral("rows_indexed"), reader->rowCount()},
                      {QStringLiteral("complete"), reader->isComplete()},
                      {QStringLiteral("warnings"), QJsonArray::fromStringList(reader->warnings())},
                      {QStringLiteral("error"), stopped ? QJsonValue(errorJson(stopped)) : QJsonValue()}};
        if (profile)
            o.insert(QStringLiteral("profiles"), jsonProfiles);
        outJson(o);
        return stopped ? PartlyFailed : Ok;
    }

    out(QStringLiteral("%1 · %2 · %3 columns · %4%5 rows\n")
            .arg(reader->location(), reader->formatDescription())
            .arg(columns.size())
            .arg(reader->rowCount())
            .arg(reader->isComplete() ? QString() : QStringLiteral("+")));
    if (!access.maskedForPreview.isEmpty())
        out(QStringLiteral("masked: %1 (%2)\n").arg(access.maskedForPreview.join(QStringLiteral(", ")), access.reason));
    if (!access.decisionNote.isEmpty())
        out(QStringLiteral("access: %1\n").arg(access.decisionNote));
    for (const QString &w : reader->warnings())
        out(QStringLiteral("warning: ") + w + QLatin1Char('\n'));
    const int width = columns.size() > 8 ? 14 : 22;
    QString line = QStringLiteral("#     ");
    for (const QString &col : columns)
        line += cell(col, width) + QLatin1Char(' ');
    out(line.trimmed() + QLatin1Char('\n'));
    for (int i = 0; i < rows.size(); ++i) {
        line = cell(QString::number(i + 1) + (rows.at(i).ragged ? QStringLiteral("!") : QString()), 5) + QLatin1Char(' ');
        for (const QString &v : cellsOf.at(i))
            line += cell(v.isNull() ? QStringLiteral("∅") : v, width) + QLatin1Char(' ');
        out(line.trimmed() + QLatin1Char('\n'));
    }
    if (profile) {
        out(QStringLiteral("\nprofile over %1 rows\n").arg(profiles.value(0).count));
        for (const ColumnProfile &p : std::as_const(profiles)) {
            QStringList top;
            for (const ProfileBar &b : p.topValues.mid(0, 3))
                top << QStringLiteral("%1 (%2)").arg(b.label).arg(b.count);
            out(QStringLiteral("%1  %2  nulls %3%  distinct %4%5  min %6  max %7  top %8\n")
                    .arg(cell(p.column, 24), cell(p.inferredType, 9))
                    .arg(p.nullPercent(), 0, 'f', 1)
                    .arg(p.distinctExact ? QString() : QStringLiteral("~"))
                    .arg(p.distinct)
                    .arg(p.min.left(20), p.max.left(20), top.join(QStringLiteral(", "))));
        }
    }
    if (stopped) {
        fail(PartlyFailed, stopped.toString());
        return PartlyFailed;
    }
    return Ok;
}

} // namespace Mesh::Cli

#include "bench/previewbench.h"

#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

int cmdBenchPreview(const QStringList &args)
{
    Command c(QStringLiteral("bench preview"));
    c.parser.setApplicationDescription(
        QStringLiteral("Generate a large CSV, a 1,000-column CSV, an NDJSON file and a JSON "
                       "envelope in a temporary folder and time the preview's first screen (vs "
                       "head -n 200), full index and seek, with peak memory."));
    c.option(QStringLiteral("size-mb"), QStringLiteral("Size of the large CSV (default 2048)."), QStringLiteral("N"));
    c.option(QStringLiteral("ndjson-mb"), QStringLiteral("Size of the NDJSON file (default 512, 0: none)."), QStringLiteral("N"));
    c.option(QStringLiteral("envelope-mb"), QStringLiteral("Size of the {\"results\": [...]} JSON file (default 256, 0: none)."), QStringLiteral("N"));
    c.option(QStringLiteral("dir"), QStringLiteral("Folder for the generated files (default: a temporary one)."), QStringLiteral("DIR"));
    c.option(QStringLiteral("json"), QStringLiteral("Print the benchmark JSON object."));
    if (int r = c.parse(args, 0, 0); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const auto sizeMb = c.integer(QStringLiteral("size-mb"), 2048, 1, 1 << 20, &code);
    if (!sizeMb)
        return code;
    const auto ndjsonMb = c.integer(QStringLiteral("ndjson-mb"), 512, 0, 1 << 20, &code);
    if (!ndjsonMb)
        return code;
    const auto envelopeMb = c.integer(QStringLiteral("envelope-mb"), 256, 0, 1 << 20, &code);
    if (!envelopeMb)
        return code;
    QTemporaryDir tmp(c.isSet(QStringLiteral("dir"))
                          ? c.value(QStringLiteral("dir")) + QStringLiteral("/bench-preview-XXXXXX")
                          : QString());
    if (!tmp.isValid())
        return fail(Usage, QStringLiteral("cannot make a temporary folder: ") + tmp.errorString());
    PreviewBench::Options options;
    options.sizeMb = *sizeMb;
    options.ndjsonMb = *ndjsonMb;
    options.envelopeMb = *envelopeMb;
    BenchReport report(QStringLiteral("preview"));
    QString problem;
    const bool tty = isatty(STDERR_FILENO);
    const bool ok = PreviewBench::run(tmp.path(), options, report,
                                      [tty](const QString &line) {
                                          if (tty)
                                              std::fprintf(stderr, "%s\n", line.toUtf8().constData());
                                      },
                                      &problem);
    if (!ok)
        return fail(Usage, problem);
    out(c.isSet(QStringLiteral("json")) ? QString(QString::fromUtf8(report.toJson()) + QLatin1Char('\n'))
                                        : report.toTable());
    return Ok;
}

} // namespace Mesh::Cli
