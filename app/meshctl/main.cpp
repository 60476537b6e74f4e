// SPDX-License-Identifier: MIT
// meshctl: the command-line face of the catalog model. Parsing and dispatch live in commands.cpp.
#include "commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mesh-explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("mesh-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESH_VERSION));
    return Mesh::Cli::run(QCoreApplication::arguments().mid(1));
}
