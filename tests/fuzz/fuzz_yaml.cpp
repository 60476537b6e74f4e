// SPDX-License-Identifier: MIT
// BoundedYaml: yaml-cpp within size, depth and alias-expansion limits.
#include "fuzzsupport.h"

#include "yaml/boundedyaml.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    YamlLimits limits;
    limits.maxNodes = 20000; // small, so alias bombs are cut quickly
    QString error;
    const auto value = BoundedYaml::load(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), limits, &error);
    Fuzz::check(value.has_value() || !error.isEmpty(), "a refused document says why");
    return 0;
}
