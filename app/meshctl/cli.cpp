// SPDX-License-Identifier: MIT
#include "cli.h"

#include "access/accesstypes.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace Mesh::Cli {

void out(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void outJson(const QJsonObject &object)
{
    out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

int fail(int code, const QString &message)
{
    const QByteArray utf8 =
        (QStringLiteral("meshctl: ") + message.simplified() + QLatin1Char('\n')).toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    return code;
}

int accessExit(const AccessOutcome &o, int failedCode)
{
    switch (o.code) {
    case AccessOutcome::Code::Ok:
        return Ok;
    case AccessOutcome::Code::Refused:
        return fail(Refused, o.message);
    case AccessOutcome::Code::Invalid:
        return fail(Usage, o.message);
    case AccessOutcome::Code::Failed:
        return fail(failedCode, o.message);
    }
    return Usage;
}

Command::Command(const QString &commandName) : name(commandName)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
}

void Command::option(const QString &flag, const QString &description, const QString &value)
{
    parser.addOption(QCommandLineOption(flag, description, value));
}

int Command::parse(const QStringList &args, int minPositional, int maxPositional)
{
    if (!parser.parse(QStringList{QStringLiteral("meshctl")} + args))
        return fail(Usage, parser.errorText() +
                               QStringLiteral(" (see `meshctl %1 --help`)").arg(name));
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().replace(QStringLiteral("meshctl [options]"),
                                      QStringLiteral("meshctl ") + name +
                                          QStringLiteral(" [options]")));
        return -2;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        const QString expected = minPositional == maxPositional
                                     ? QString::number(minPositional)
                                     : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional);
        return fail(Usage, QStringLiteral("`%1` takes %2 argument(s), got %3 (see `meshctl %1 "
                                          "--help`)")
                               .arg(name, expected)
                               .arg(n));
    }
    return -1;
}

std::optional<qint64> Command::integer(const QString &flag, qint64 fallback, qint64 min,
                                       qint64 max, int *code)
{
    if (!isSet(flag))
        return fallback;
    bool ok = false;
    const qint64 v = value(flag).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *code = fail(Usage, QStringLiteral("--%1 must be a whole number from %2 to %3, got “%4”")
                                .arg(flag)
                                .arg(min)
                                .arg(max)
                                .arg(value(flag)));
        return std::nullopt;
    }
    return v;
}

std::unique_ptr<SqliteCatalogStore> openCatalog(const QString &path, int *code,
                                                SqliteCatalogStore::OpenMode mode)
{
    CatalogError error;
    auto store = SqliteCatalogStore::open(path, mode, &error);
    if (!store && error.code == CatalogError::Code::ReadOnly &&
        mode == SqliteCatalogStore::OpenMode::ReadWrite)
        store = SqliteCatalogStore::open(path, SqliteCatalogStore::OpenMode::ReadOnly, &error);
    if (!store)
        *code = fail(Usage, error.message);
    return store;
}

std::optional<QString> valueFromFile(const QString &path, qint64 maxBytes, int *code)
{
    QFile f;
    const bool opened = path == QStringLiteral("-")
                            ? f.open(stdin, QIODevice::ReadOnly)
                            : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!opened) {
        *code = fail(Usage,
                     QStringLiteral("cannot read --value-file “%1”: %2")
                         .arg(path, f.errorString()));
        return std::nullopt;
    }
    QString text = QString::fromUtf8(f.read(maxBytes));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

} // namespace Mesh::Cli
