// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringView>

namespace Mesh {

/**
 * Subsequence matching for the command palette, in the spirit of editors' "Go to anything":
 * every non-space character of the pattern must occur in the text in order, case-insensitively.
 * Matches at word starts and runs of consecutive characters score higher, gaps and a late first
 * match lower, so "opcat" ranks "Open Catalog…" above "Export Capture Data". Pure function.
 */
namespace FuzzyMatch {

constexpr int kNoMatch = -1;

/**
 * The score of pattern in text (higher is better), or kNoMatch. An empty pattern matches
 * everything with score 0. When positions is given it receives the matched indexes in text.
 */
int score(QStringView pattern, QStringView text, QList<int> *positions = nullptr);

} // namespace FuzzyMatch

} // namespace Mesh
