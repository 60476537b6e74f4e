// SPDX-License-Identifier: MIT
#include "yaml/boundedyaml.h"

#include <QJsonArray>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace Mesh {

namespace {

struct Walk
{
    const YamlLimits &limits;
    qint64 nodes = 0;
    QString error;
    YAML::Mark where = YAML::Mark::null_mark();

    /** Counts node (and checks its depth); false with error when a limit is passed. */
    bool admit(const YAML::Node &node, int depth)
    {
        if (++nodes > limits.maxNodes) {
            error = QStringLiteral("expands to more than %1 nodes (aliases repeated within "
                                   "aliases?); split it or remove the repeated aliases")
                        .arg(limits.maxNodes);
            where = node.Mark();
            return false;
        }
        if (depth > limits.maxDepth) {
            error = QStringLiteral("is nested more than %1 levels deep (line %2)")
                        .arg(limits.maxDepth)
                        .arg(node.Mark().line + 1);
            where = node.Mark();
            return false;
        }
        return true;
    }

    /** The walk convert() does, without building anything: what loadNode() checks. */
    bool check(const YAML::Node &node, int depth)
    {
        if (!admit(node, depth))
            return false;
        if (node.IsSequence()) {
            for (const YAML::Node &item : node)
                if (!check(item, depth + 1))
                    return false;
        } else if (node.IsMap()) {
            for (const auto &entry : node) {
                if (!entry.first.IsScalar()) {
                    error = QStringLiteral("has a key that is not a plain value (line %1)")
                                .arg(entry.first.Mark().line + 1);
                    where = entry.first.Mark();
                    return false;
                }
                if (!check(entry.second, depth + 1))
                    return false;
            }
        }
        return true;
    }

    std::optional<QJsonValue> convert(const YAML::Node &node, int depth)
    {
        if (!admit(node, depth))
            return std::nullopt;
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue();
        case YAML::NodeType::Scalar:
            return QJsonValue(QString::fromStdString(node.Scalar()));
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            for (const YAML::Node &item : node) {
                auto v = convert(item, depth + 1);
                if (!v)
                    return std::nullopt;
                array.append(*v);
            }
            return array;
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (const auto &entry : node) {
                if (!entry.first.IsScalar()) {
                    error = QStringLiteral("has a key that is not a plain value (line %1)")
                                .arg(entry.first.Mark().line + 1);
                    return std::nullopt;
                }
                auto v = convert(entry.second, depth + 1);
                if (!v)
                    return std::nullopt;
                object.insert(QString::fromStdString(entry.first.Scalar()), *v);
            }
            return object;
        }
        }
        return QJsonValue();
    }
};

} // namespace

namespace {

/** loadNode(); *syntax tells a parse error (whose position load() puts into its message). */
bool loadChecked(const QByteArray &text, const YamlLimits &limits, YAML::Node *root,
                 QString *error, int *line, int *column, bool *syntax)
{
    *syntax = false;
    const auto at = [&](const YAML::Mark &mark) {
        *line = mark.line >= 0 ? mark.line + 1 : 0;
        *column = mark.column >= 0 ? mark.column + 1 : 0;
    };
    at(YAML::Mark::null_mark());
    if (text.size() > limits.maxBytes) {
        *error = QStringLiteral("is %1 MB of YAML; at most %2 MB is read")
                     .arg(text.size() >> 20)
                     .arg(limits.maxBytes >> 20);
        return false;
    }
    try {
        // yaml-cpp's own depth guard throws DeepRecursion (a ParserException) long before its
        // recursive parser could exhaust the stack; the walk then applies our limits.
        YAML::Node loaded = YAML::Load(text.toStdString());
        Walk walk{limits, 0, {}};
        if (!walk.check(loaded, 0)) {
            *error = walk.error;
            at(walk.where);
            return false;
        }
        *root = loaded;
        return true;
    } catch (const YAML::Exception &e) {
        *syntax = true;
        *error = QStringLiteral("is not valid YAML: %1").arg(QString::fromStdString(e.msg));
        at(e.mark);
    } catch (const std::exception &e) {
        *error = QStringLiteral("could not be read as YAML: %1").arg(QString::fromUtf8(e.what()));
    }
    return false;
}

} // namespace

bool BoundedYaml::loadNode(const QByteArray &text, const YamlLimits &limits, YAML::Node *root,
                           QString *error, int *line, int *column)
{
    int l = 0, c = 0;
    bool syntax = false;
    const bool ok = loadChecked(text, limits, root, error, &l, &c, &syntax);
    if (line)
        *line = l;
    if (column)
        *column = c;
    return ok;
}

std::optional<QJsonValue> BoundedYaml::load(const QByteArray &text, const YamlLimits &limits,
                                            QString *error)
{
    YAML::Node root;
    int line = 0, column = 0;
    bool syntax = false;
    if (!loadChecked(text, limits, &root, error, &line, &column, &syntax)) {
        if (syntax)
            *error += QStringLiteral(" (line %1, column %2)").arg(line).arg(column);
        return std::nullopt;
    }
    Walk walk{limits, 0, {}};
    auto value = walk.convert(root, 0);
    if (!value)
        *error = walk.error;
    return value;
}

} // namespace Mesh
