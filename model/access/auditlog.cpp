// SPDX-License-Identifier: MIT
#include "access/auditlog.h"

#include "db/sqlite.h"

#include <QCryptographicHash>

namespace Mesh {

namespace {

void addField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += ';';
}

AuditEntry readEntry(Statement &st)
{
    AuditEntry e;
    e.seq = st.integer(0);
    e.at = parseAccessTime(st.text(1));
    e.actor = st.text(2);
    e.action = st.text(3);
    e.productKey = st.text(4);
    e.subject = st.text(5);
    e.detail = st.text(6);
    e.prevHash = st.text(7);
    e.hash = st.text(8);
    return e;
}

const QString kSelect = QStringLiteral(
    "SELECT seq, at, actor, action, product_key, subject, detail, prev_hash, hash FROM audit_log");

QByteArray csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

} // namespace

// The sequence number is deliberately not hashed: the chain itself fixes the order, so a row
// moved elsewhere fails its link to the previous hash and is reported as reordered, not modified.
QByteArray AuditLog::canonical(const AuditEntry &entry)
{
    QByteArray out = "mesh-audit-v1;";
    addField(out, accessTime(entry.at));
    addField(out, entry.actor);
    addField(out, entry.action);
    addField(out, entry.productKey);
    addField(out, entry.subject);
    addField(out, entry.detail);
    return out;
}

QString AuditLog::computeHash(const QString &prevHash, const AuditEntry &entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toLatin1());
    hash.addData(canonical(entry));
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<AuditEntry> AuditLog::append(Database &db, AuditEntry entry, QString *error)
{
    Statement &last =
        db.prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (last.step()) {
        entry.seq = last.integer(0) + 1;
        entry.prevHash = last.text(1);
    } else {
        entry.seq = 1;
        entry.prevHash = QString::fromLatin1(kGenesisHash);
    }
    last.reset();
    // Stored at the precision that is hashed, so that verification recomputes the same bytes.
    entry.at = parseAccessTime(accessTime(entry.at));
    entry.hash = computeHash(entry.prevHash, entry);
    Statement &ins = db.prepare(QStringLiteral(
        "INSERT INTO audit_log(seq, at, actor, action, product_key, subject, detail, prev_hash, "
        "hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    ins.bind(1, entry.seq)
        .bind(2, accessTime(entry.at))
        .bind(3, entry.actor)
        .bind(4, entry.action)
        .bind(5, entry.productKey)
        .bind(6, entry.subject)
        .bind(7, entry.detail)
        .bind(8, entry.prevHash)
        .bind(9, entry.hash);
    if (!ins.exec()) {
        if (error)
            *error = ins.lastError();
        return std::nullopt;
    }
    return entry;
}

QList<AuditEntry> AuditLog::entries(Database &db, const AuditFilter &filter)
{
    Statement &st = db.prepare(
        kSelect + QStringLiteral(" WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR product_key = ?2) "
                                 "AND (?3 = '' OR action = ?3) AND (?4 = '' OR at >= ?4) "
                                 "AND (?5 = '' OR at < ?5) ORDER BY seq"));
    st.bind(1, filter.actor)
        .bind(2, filter.productKey)
        .bind(3, filter.action)
        .bind(4, accessTime(filter.from))
        .bind(5, accessTime(filter.to));
    QList<AuditEntry> result;
    while (st.step())
        result.append(readEntry(st));
    return result;
}

AuditVerification AuditLog::verify(Database &db)
{
    Statement st = db.prepareOnce(kSelect + QStringLiteral(" ORDER BY seq"));
    QList<AuditEntry> all;
    while (st.step())
        all.append(readEntry(st));
    if (!st.lastError().isEmpty()) {
        AuditVerification v;
        v.problem = AuditVerification::Problem::Modified;
        v.entries = all.size();
        v.firstBadSeq = all.size() + 1;
        v.message = QStringLiteral("The audit log cannot be read: %1").arg(st.lastError());
        return v;
    }
    return verify(all);
}

AuditVerification AuditLog::verify(const QList<AuditEntry> &entries)
{
    AuditVerification v;
    QString prevHash = QString::fromLatin1(kGenesisHash);
    qint64 expectedSeq = 1;
    auto broken = [&](AuditVerification::Problem problem, qint64 seq, const QString &message) {
        v.problem = problem;
        v.firstBadSeq = seq;
        v.message = message;
        return v;
    };
    for (const AuditEntry &e : entries) {
        ++v.entries;
        if (computeHash(e.prevHash, e) != e.hash)
            return broken(AuditVerification::Problem::Modified, e.seq,
                          QStringLiteral("Audit entry #%1 was modified: its content no longer "
                                         "matches its hash.")
                              .arg(e.seq));
        if (e.seq != expectedSeq)
            return broken(AuditVerification::Problem::Deleted, expectedSeq,
                          QStringLiteral("Audit entry #%1 was deleted: the log jumps from #%2 to "
                                         "#%3.")
                              .arg(expectedSeq)
                              .arg(expectedSeq - 1)
                              .arg(e.seq));
        if (e.prevHash != prevHash)
            return broken(AuditVerification::Problem::Reordered, e.seq,
                          QStringLiteral("Audit entry #%1 is out of place: it does not follow "
                                         "entry #%2 (entries were reordered or replaced).")
                              .arg(e.seq)
                              .arg(e.seq - 1));
        prevHash = e.hash;
        ++expectedSeq;
    }
    v.headHash = prevHash;
    v.message = v.entries == 0
                    ? QStringLiteral("The audit log is empty.")
                    : QStringLiteral("Chain verified: %1 entries, head %2.")
                          .arg(v.entries)
                          .arg(prevHash.left(16));
    return v;
}

QByteArray AuditLog::toCsv(const QList<AuditEntry> &entries)
{
    QByteArray out = "seq,at,actor,action,product,subject,detail,prev_hash,hash\r\n";
    for (const AuditEntry &e : entries) {
        const QStringList fields = {QString::number(e.seq), accessTime(e.at), e.actor, e.action,
                                    e.productKey, e.subject, e.detail, e.prevHash, e.hash};
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                out += ',';
            out += csvField(fields.at(i));
        }
        out += "\r\n";
    }
    return out;
}

} // namespace Mesh
