// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Mesh {

/**
 * How a masked value looks. Which columns are masked is never decided here: that is
 * AccessPolicy::decide's answer (maskedColumns); this only renders a value so a person can see
 * its shape without its content: "j•••@••••.com", "••••1234", "T•••".
 */
namespace Masking {

QString mask(const QString &value);

} // namespace Masking

} // namespace Mesh
