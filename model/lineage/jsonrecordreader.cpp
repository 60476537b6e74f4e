// SPDX-License-Identifier: MIT
#include "lineage/jsonrecordreader.h"

#include <QIODevice>

namespace Mesh {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

JsonRecordReader::JsonRecordReader(QIODevice *device, Mode mode, qint64 firstLine)
    : m_device(device), m_mode(mode), m_base(device->pos()), m_line(firstLine)
{
    if (mode != Mode::Document)
        m_started = true;
    m_topArray = mode == Mode::Elements;
}

bool JsonRecordReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray chunk = m_device->read(m_chunk);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_bytesRead += chunk.size();
    m_buffer.append(chunk);
    return true;
}

bool JsonRecordReader::next(QByteArray *record)
{
    record->clear();
    if (m_mode == Mode::Elements && m_arrayClosed)
        return false;
    // Inside a top-level array, elements and commas must alternate as in any JSON array.
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (m_topArray && !m_arrayClosed && m_error.isEmpty()) {
                m_problem = Problem::Unclosed;
                m_error = QStringLiteral("line %1: the array is not closed with ]; the file may "
                                         "be cut off").arg(m_line);
            }
            return false;
        }
        const char c = m_buffer.at(m_pos);
        if (isSpace(c)) {
            if (c == '\n')
                ++m_line;
            ++m_pos;
            continue;
        }
        if (!m_started) {
            m_started = true;
            if (c == '[') {
                m_topArray = true;
                ++m_pos;
                continue;
            }
        }
        if (m_topArray && !m_arrayClosed) {
            if (c == ',' && m_arrayState == ArrayState::AfterValue) {
                m_arrayState = ArrayState::AfterComma;
                ++m_pos;
                continue;
            }
            if (c == ']' && m_arrayState != ArrayState::AfterComma) {
                m_arrayClosed = true;
                ++m_pos;
                if (m_mode == Mode::Elements)
                    return false; // whatever follows belongs to the enclosing document
                continue;
            }
            if (c == ',' || c == ']' || m_arrayState == ArrayState::AfterValue) {
                m_error = c == ','   ? QStringLiteral("line %1: a comma with no element before it")
                          : c == ']' ? QStringLiteral("line %1: a comma right before the closing ]")
                                     : QStringLiteral("line %1: a comma is missing between two "
                                                      "elements of the array");
                m_error = m_error.arg(m_line);
                m_problem = Problem::Grammar;
                return false;
            }
            m_arrayState = ArrayState::AfterValue;
        }
        if (m_arrayClosed) {
            m_error = QStringLiteral("line %1: text after the closing ] of the array").arg(m_line);
            m_problem = Problem::Grammar;
            return false;
        }
        break;
    }
    ++m_recordNumber;
    m_recordLine = m_line;
    m_recordOffset = m_base + m_bytesRead - (m_buffer.size() - m_pos);
    // m_pos stays at the record's first byte until the record is complete; fill() moves it to 0.
    qsizetype i = m_pos;
    int depth = 0;
    bool inString = false;
    bool escape = false;
    const bool structured = m_buffer.at(m_pos) == '{' || m_buffer.at(m_pos) == '[';
    for (;;) {
        if (i >= m_buffer.size()) {
            const qsizetype offset = i - m_pos;
            if (!fill()) {
                // End of input inside a record: hand it over, the parser reports what is wrong.
                *record = m_buffer.mid(m_pos);
                m_pos = m_buffer.size();
                return !record->trimmed().isEmpty();
            }
            i = m_pos + offset;
            if (offset > m_maxRecordBytes) {
                m_error = QStringLiteral("record %1 (line %2) is larger than %3 MiB")
                              .arg(m_recordNumber)
                              .arg(m_recordLine)
                              .arg(double(m_maxRecordBytes) / (1 << 20), 0, 'g', 3);
                m_problem = Problem::TooLarge;
                return false;
            }
            continue;
        }
        const char c = m_buffer.at(i);
        if (c == '\n')
            ++m_line;
        if (!structured) {
            // A scalar or garbage: up to the end of its line, or a separator in an array that is
            // not inside a string (a raw line break cannot be inside a JSON string).
            if (c == '\n' || (m_topArray && !inString && (c == ',' || c == ']'))) {
                *record = m_buffer.mid(m_pos, i - m_pos);
                m_pos = c == '\n' ? i + 1 : i;
                return true;
            }
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            }
            ++i;
            continue;
        }
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                if (i + 1 - m_pos > m_maxRecordBytes) {
                    m_error = QStringLiteral("record %1 (line %2) is larger than %3 MiB")
                                  .arg(m_recordNumber)
                                  .arg(m_recordLine)
                                  .arg(double(m_maxRecordBytes) / (1 << 20), 0, 'g', 3);
                    m_problem = Problem::TooLarge;
                    return false;
                }
                *record = m_buffer.mid(m_pos, i + 1 - m_pos);
                m_pos = i + 1;
                return true;
            }
        }
        ++i;
    }
}

} // namespace Mesh
