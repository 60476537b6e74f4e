// SPDX-License-Identifier: MIT
#include "json/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>
#include <limits>

namespace Mesh::JsonText {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
qsizetype numberError(const char *p, qsizetype n)
{
    qsizetype i = 0;
    if (i < n && p[i] == '-')
        ++i;
    if (i >= n || !isDigit(p[i]))
        return i;
    if (p[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(p[i]))
            ++i;
    }
    if (i < n && p[i] == '.') {
        ++i;
        if (i >= n || !isDigit(p[i]))
            return i;
        while (i < n && isDigit(p[i]))
            ++i;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        ++i;
        if (i < n && (p[i] == '+' || p[i] == '-'))
            ++i;
        if (i >= n || !isDigit(p[i]))
            return i;
        while (i < n && isDigit(p[i]))
            ++i;
    }
    return i == n ? -1 : i;
}

} // namespace

bool strictTokens(const QByteArray &text, QJsonParseError *error)
{
    // QJsonDocument checks the structure but lets through numbers such as "1." or ".5", unknown
    // escapes ("\x") and raw control characters inside strings; RFC 8259 allows none of them.
    const char *p = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto fail = [&](QJsonParseError::ParseError code, qsizetype at) {
        error->error = code;
        error->offset = int(std::min<qsizetype>(at, std::numeric_limits<int>::max()));
        return false;
    };
    while (i < n) {
        const char c = p[i];
        if (c == '"') {
            for (++i; i < n && p[i] != '"'; ++i) {
                if (static_cast<unsigned char>(p[i]) < 0x20)
                    return fail(QJsonParseError::IllegalValue, i);
                if (p[i] == '\\') {
                    if (++i >= n)
                        return fail(QJsonParseError::UnterminatedString, i);
                    if (p[i] == 'u') {
                        for (int k = 1; k <= 4; ++k)
                            if (i + k >= n || !isHex(p[i + k]))
                                return fail(QJsonParseError::IllegalEscapeSequence, i);
                        i += 4;
                    } else if (!std::strchr("\"\\/bfnrt", p[i]) || p[i] == '\0') {
                        return fail(QJsonParseError::IllegalEscapeSequence, i);
                    }
                }
            }
            ++i; // the closing quote (a missing one is QJsonDocument's to report)
            continue;
        }
        if (c == '-' || c == '+' || c == '.' || isDigit(c)) {
            qsizetype end = i;
            while (end < n && !std::strchr(" \t\r\n,:[]{}\"/", p[end]) && p[end] != '\0')
                ++end;
            if (const qsizetype bad = numberError(p + i, end - i); bad >= 0)
                return fail(QJsonParseError::IllegalNumber, i + bad);
            i = end;
            continue;
        }
        ++i;
    }
    return true;
}

QJsonValue parse(const QByteArray &text, QJsonParseError *error)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &e);
    if (e.error == QJsonParseError::NoError) {
        if (!strictTokens(text, &e)) {
            *error = e;
            return QJsonValue(QJsonValue::Undefined);
        }
        *error = e;
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    qsizetype i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    if (i < text.size() && text[i] != '{' && text[i] != '[') {
        // A top-level scalar: parse it as the only element of an array. Anything that is not
        // exactly one value ("1,2", "1] [2") fails or yields more than one element.
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
            const bool strict = strictTokens(text, &wrappedError);
            *error = wrappedError;
            return strict ? wrapped.array().first() : QJsonValue(QJsonValue::Undefined);
        }
        if (wrappedError.error != QJsonParseError::NoError) {
            e = wrappedError; // offsets in "[text]": one more than in text
            e.offset = std::clamp<int>(e.offset - 1, 0, int(text.size()));
        }
    }
    *error = e;
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace Mesh::JsonText
