// SPDX-License-Identifier: MIT
// OpenLineageImporter: every input imported into one scratch catalog, inside a transaction the
// target rolls back, so each input starts from the same empty catalog.
#include "fuzzsupport.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "lineage/openlineageimporter.h"

#include <QBuffer>
#include <QTemporaryDir>

using namespace Mesh;

namespace {

SqliteCatalogStore &store()
{
    static QTemporaryDir dir;
    static std::unique_ptr<SqliteCatalogStore> s = [] {
        CatalogError error;
        auto created = SqliteCatalogStore::create(dir.filePath(QStringLiteral("fuzz.mesh")),
                                                  QStringLiteral("Fuzz"), &error);
        Fuzz::check(created != nullptr, "the scratch catalog can be created");
        return created;
    }();
    return *s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SqliteCatalogStore &catalog = store();
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    Transaction scratch(catalog.database()); // never committed: rolled back at the end
    Fuzz::check(scratch.isActive(), "the scratch transaction starts");
    OpenLineageImporter importer(catalog);
    ImportReport report;
    CatalogError error;
    if (importer.import(&buffer, &report, &error)) {
        Fuzz::check(report.imported + report.rejected == report.records,
                    "every record is imported or rejected");
        Fuzz::check(report.problemCount >= report.rejected, "every rejection is reported");
        for (const ImportProblem &p : std::as_const(report.problems))
            Fuzz::check(!p.message.isEmpty(), "a problem says what is wrong");
    }
    return 0;
}
