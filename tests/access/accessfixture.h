// SPDX-License-Identifier: MIT
// The access tests' catalog: fixture products 0–3 (0 and 3 sensitive: an email column classified
// PII.Sensitive; 1 and 2 not), their owners and steward, two analysts and an admin, and a clock
// the test moves by hand.
#pragma once

#include "access/accessservice.h"
#include "db/sqlite.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <memory>

namespace MeshTest {

struct AccessFixture
{
    QTemporaryDir dir;
    std::unique_ptr<Mesh::SqliteCatalogStore> store;
    // Starts at the real time (whole seconds) so that meshctl, on the system clock, agrees.
    std::shared_ptr<QDateTime> clock = std::make_shared<QDateTime>(
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC));
    std::unique_ptr<Mesh::AccessService> service;

    QString path() const { return dir.filePath(QStringLiteral("access.mesh")); }
    Mesh::AccessPolicy::Clock clockFn() const
    {
        return [c = clock] { return *c; };
    }

    /** Builds the catalog; demo marks it as the demo catalog (for "sign in as"). */
    bool init(bool demo = false)
    {
        Mesh::CatalogError error;
        store = createCatalog(path(), 0, &error);
        if (!store)
            return false;
        const QList<Mesh::User> extra = {
            {QStringLiteral("ana"), QStringLiteral("Ana Analyst"), {}, {QStringLiteral("analyst")},
             QStringLiteral("Sales")},
            {QStringLiteral("bob"), QStringLiteral("Bob Analyst"), {}, {QStringLiteral("analyst")},
             QStringLiteral("Finance")},
            {QStringLiteral("root"), QStringLiteral("Ada Admin"), {}, {QStringLiteral("admin")}, {}},
            {QStringLiteral("finsteward"), QStringLiteral("Fin Steward"), {},
             {QStringLiteral("steward")}, QStringLiteral("Finance")}};
        for (const Mesh::User &u : extra)
            if (!store->upsertUser(u, &error))
                return false;
        for (int i = 0; i < 4; ++i) {
            Mesh::Product p = makeProduct(i);
            if (i == 1 || i == 2)
                for (Mesh::Dataset &ds : p.datasets)
                    ds.columns[1].classification = QStringLiteral("PII.NonSensitive");
            if (!store->upsertProduct(p, &error))
                return false;
        }
        if (demo && !store->setMetadata(QStringLiteral("demo"), QStringLiteral("1"), &error))
            return false;
        service = std::make_unique<Mesh::AccessService>(*store, clockFn());
        return true;
    }

    /** A request by requester for product i, for days from now. */
    qint64 requestFor(const QString &requester, int i, const QStringList &columns = {},
                      int days = 30)
    {
        const Mesh::AccessOutcome o =
            service->request(requester, QStringLiteral("fixture.product-%1").arg(i), columns,
                             QStringLiteral("Quarterly churn analysis"), *clock,
                             clock->addDays(days));
        return o.ok() ? o.id : -1;
    }

    qint64 scalar(const QString &sql) const
    {
        return store->database().scalar(sql).toLongLong();
    }
};

} // namespace MeshTest
