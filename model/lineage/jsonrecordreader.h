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
 * OpenLineage importer and the sample preview (which also starts it in the middle of a file, at
 * a record it indexed earlier); not thread-safe.
 */
class JsonRecordReader
{
public:
    static constexpr qsizetype kMaxRecordBytes = 64 * 1024 * 1024;

    enum class Mode {
        Document, // a top-level array yields its elements, anything else each top-level value
        Values,   // each top-level value, an array included (a stream resumed mid-file)
        Elements, // the device is just inside an array: its elements, up to its closing ]
    };

    explicit JsonRecordReader(QIODevice *device, Mode mode = Mode::Document, qint64 firstLine = 1);

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
    /** Device position of the first byte of the record next() returned last. */
    qint64 recordOffset() const { return m_recordOffset; }
    /** An array (Document or Elements mode) ended with its ]; false if the input stopped first. */
    bool arrayClosed() const { return m_arrayClosed; }
    /** Records longer than this stop reading with an error (default kMaxRecordBytes). */
    void setMaxRecordBytes(qsizetype bytes) { m_maxRecordBytes = bytes; }
    /** The read chunk; smaller suits readers that start often and read a few records. */
    void setChunkBytes(qint64 bytes) { m_chunk = bytes; }
    QString error() const { return m_error; }
    /** What error() is about, so callers can tell a cut-off file from bad JSON or a huge record. */
    enum class Problem { None, Grammar, Unclosed, TooLarge };
    Problem problem() const { return m_problem; }
    /** The line and device position reading has reached (where an error was found). */
    qint64 line() const { return m_line; }
    qint64 position() const { return m_base + m_bytesRead - (m_buffer.size() - m_pos); }

private:
    bool fill();

    QIODevice *m_device = nullptr;
    Mode m_mode = Mode::Document;
    qint64 m_base = 0; // device position where reading began
    qint64 m_recordOffset = 0;
    qsizetype m_maxRecordBytes = kMaxRecordBytes;
    qint64 m_chunk = 1 << 20;
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
    Problem m_problem = Problem::None;
};

} // namespace Mesh
