// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace YAML {
class Node;
}

namespace Mesh {

/** Limits for YAML from outside (contracts, definitions); the defaults suit hand-written files. */
struct YamlLimits
{
    qint64 maxBytes = 16 * 1024 * 1024;
    /** Nodes after expanding aliases: a billion-laughs document stops here, not in memory. */
    qint64 maxNodes = 250000;
    int maxDepth = 256;
};

/**
 * Loads one YAML document with yaml-cpp into JSON values (mappings → objects, sequences →
 * arrays, scalars → strings, null → null), within limits: size, depth and the number of nodes
 * once aliases are expanded. yaml-cpp keeps an alias as a shared node, so parsing a
 * billion-laughs document is cheap; it is walking it that explodes, and that walk is counted.
 * Any parser exception becomes a one-line error with line and column. Thread-safe (no state).
 */
class BoundedYaml
{
public:
    static std::optional<QJsonValue> load(const QByteArray &text, const YamlLimits &limits,
                                          QString *error);
    /**
     * The same checks, handing back yaml-cpp's document itself for readers that need what JSON
     * values lose: each node's line and column, and whether a scalar was quoted (the ODCS
     * reader). Once this returns true, any walk of *root (aliases expanded) stays within the
     * limits. On failure *error says why, in the same words as load(), and *line and *column
     * where (1-based; 0 when unknown).
     */
    static bool loadNode(const QByteArray &text, const YamlLimits &limits, YAML::Node *root,
                         QString *error, int *line = nullptr, int *column = nullptr);
};

} // namespace Mesh
