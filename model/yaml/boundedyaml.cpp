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

    std::optional<QJsonValue> convert(const YAML::Node &node, int depth)
    {
        if (++nodes > limits.maxNodes) {
            error = QStringLiteral("expands to more than %1 nodes (aliases repeated within "
                                   "aliases?); split it or remove the repeated aliases")
                        .arg(limits.maxNodes);
            return std::nullopt;
        }
        if (depth > limits.maxDepth) {
            error = QStringLiteral("is nested more than %1 levels deep (line %2)")
                        .arg(limits.maxDepth)
                        .arg(node.Mark().line + 1);
            return std::nullopt;
        }
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

std::optional<QJsonValue> BoundedYaml::load(const QByteArray &text, const YamlLimits &limits,
                                            QString *error)
{
    if (text.size() > limits.maxBytes) {
        *error = QStringLiteral("is %1 MB of YAML; at most %2 MB is read")
                     .arg(text.size() >> 20)
                     .arg(limits.maxBytes >> 20);
        return std::nullopt;
    }
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Walk walk{limits, 0, {}};
        auto value = walk.convert(root, 0);
        if (!value)
            *error = walk.error;
        return value;
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("is not valid YAML: %1 (line %2, column %3)")
                     .arg(QString::fromStdString(e.msg))
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1);
    } catch (const std::exception &e) {
        *error = QStringLiteral("could not be read as YAML: %1").arg(QString::fromUtf8(e.what()));
    }
    return std::nullopt;
}

} // namespace Mesh
