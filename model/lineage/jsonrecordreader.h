// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace Mesh {

/**
 * Splits a stream of JSON into its records without parsing the whole: a top-level array yields
 * its elements, anything else yields each top-level value (one object, NDJSON, or concatenated
 * objects). Memory is one record plus one read buffer, however long the file. Used by the
 * OpenLineage importer on its own thread; not thread-safe.
 */
class JsonRecordReader
{
public:
    static constexpr qsizetype kMaxRecordBytes = 64 * 1024 * 1024;

    explicit JsonRecordReader(QIODevice *device) : m_device(device) {}

    /**
     * The next record's bytes; false at the end or on an error (see error()). A stray value
     * that is not an object or array (e.g. a bare word) is returned as its own record so the
     * caller can report it.
     */
    bool next(QByteArray *record);
    /** 1-based number of the record next() returned last, and the line it started on. */
    qint64 recordNumber() const { return m_recordNumber; }
    qint64 recordLine() const { return m_recordLine; }
    qint64 bytesRead() const { return m_bytesRead; }
    QString error() const { return m_error; }

private:
    bool fill();

    QIODevice *m_device = nullptr;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1;
    qint64 m_recordNumber = 0;
    qint64 m_recordLine = 0;
    bool m_started = false;
    bool m_topArray = false;
    bool m_arrayClosed = false;
    enum class ArrayState { Start, AfterValue, AfterComma };
    ArrayState m_arrayState = ArrayState::Start;
    bool m_eof = false;
    QString m_error;
};

} // namespace Mesh
