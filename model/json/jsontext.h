// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonParseError>
#include <QJsonValue>

namespace Mesh::JsonText {

/**
 * Parses one JSON text as RFC 8259 defines it: any value, so `42`, `"text"` and `null` at the
 * top level are accepted as well as objects and arrays (QJsonDocument takes only the latter).
 * Returns QJsonValue::Undefined and sets *error when the text is not exactly one JSON value.
 * Used by every JSON reader so that they agree on what is JSON (see README "Reliability").
 */
QJsonValue parse(const QByteArray &text, QJsonParseError *error);

/**
 * The token rules QJsonDocument does not enforce (number grammar, string escapes, raw control
 * characters in strings); false with *error (offset of the bad byte) on the first violation.
 * Only meaningful for text QJsonDocument has accepted: it does not check the structure.
 */
bool strictTokens(const QByteArray &text, QJsonParseError *error);

} // namespace Mesh::JsonText
