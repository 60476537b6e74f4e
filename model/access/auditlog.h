// SPDX-License-Identifier: MIT
#pragma once

#include "access/accesstypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Mesh {

class Database;

/** What AuditLog::verify found: an intact chain, or the first entry that breaks it. */
struct AuditVerification
{
    enum class Problem { None, Modified, Deleted, Reordered };
    Problem problem = Problem::None;
    qint64 entries = 0;     // entries checked
    qint64 firstBadSeq = 0; // the first entry that breaks the chain (0 when intact)
    QString headHash;       // hash of the last entry: record it elsewhere to detect truncation
    QString message;        // one sentence for a person
    bool intact() const { return problem == Problem::None; }
};

/** Which entries to list; empty fields match everything. */
struct AuditFilter
{
    QString actor;
    QString productKey;
    QString action;
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
};

/**
 * The append-only, hash-chained audit log in the catalog's audit_log table. Each entry's hash is
 * SHA-256 over the previous entry's hash and a canonical encoding of the entry, so a modified,
 * deleted or reordered row breaks the chain at that row. Stateless: works on the connection it is
 * given, on that connection's thread. append() must run inside the caller's write transaction so
 * that the entry commits (or rolls back) with the change it records.
 */
class AuditLog
{
public:
    static constexpr char kGenesisHash[] =
        "0000000000000000000000000000000000000000000000000000000000000000";

    /** The canonical encoding hashed for an entry: each field length-prefixed, in fixed order. */
    static QByteArray canonical(const AuditEntry &entry);
    static QString computeHash(const QString &prevHash, const AuditEntry &entry);

    /** Appends entry (seq, prevHash and hash are filled in); returns it, or nullopt on error. */
    static std::optional<AuditEntry> append(Database &db, AuditEntry entry, QString *error);
    static QList<AuditEntry> entries(Database &db, const AuditFilter &filter = {});
    static AuditVerification verify(Database &db);
    /** The same checks on entries already read (in seq order), e.g. from the team server. */
    static AuditVerification verify(const QList<AuditEntry> &entries);
    /** RFC 4180 CSV with a header row, verifiable hashes included. */
    static QByteArray toCsv(const QList<AuditEntry> &entries);
};

} // namespace Mesh
