// SPDX-License-Identifier: MIT
#pragma once

// What every meshctl command shares: output, one-line errors, option parsing, opening a catalog.
// A new command lives in its own cmd_<name>.cpp, uses these, and is listed in commands.cpp.

#include "catalog/sqlitecatalogstore.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace Mesh {
struct AccessOutcome;
}

namespace Mesh::Cli {

/** Writes UTF-8 text to stdout. */
void out(const QString &text);
/** Writes a JSON object, indented, to stdout. */
void outJson(const QJsonObject &object);
/** Prints "meshctl: message" as one line on stderr and returns code. */
int fail(int code, const QString &message);

/**
 * The exit code of a policy-checked operation, with its error printed: Ok, Refused (3) when the
 * policy said no, Usage (2) for bad input, failedCode when the write itself failed (Usage for
 * access and claim commands, PartlyFailed for a governance or alerts run). Prints nothing on Ok.
 */
int accessExit(const AccessOutcome &o, int failedCode = Usage);

/** A parser for one subcommand. */
struct Command
{
    QCommandLineParser parser;
    QString name;

    explicit Command(const QString &commandName);
    void option(const QString &flag, const QString &description, const QString &value = {});
    /** -1: parsed, go on; -2: help was printed (exit Ok); otherwise the exit code of a usage error. */
    int parse(const QStringList &args, int minPositional, int maxPositional);
    QString positional(int i) const { return parser.positionalArguments().value(i); }
    bool isSet(const QString &flag) const { return parser.isSet(flag); }
    QString value(const QString &flag) const { return parser.value(flag); }
    /** An integer option within [min, max]; prints the error and sets *code when it is not. */
    std::optional<qint64> integer(const QString &flag, qint64 fallback, qint64 min, qint64 max,
                                  int *code);
};

/**
 * The text of an edit's --value-file PATH (- for stdin), at most maxBytes, one trailing newline
 * dropped; nullopt with the error printed (*code = Usage) when it cannot be read.
 */
std::optional<QString> valueFromFile(const QString &path, qint64 maxBytes, int *code);

/** Opens a catalog, falling back to read-only for a read-only file; prints the error. */
std::unique_ptr<SqliteCatalogStore> openCatalog(
    const QString &path, int *code,
    SqliteCatalogStore::OpenMode mode = SqliteCatalogStore::OpenMode::ReadWrite);

} // namespace Mesh::Cli
