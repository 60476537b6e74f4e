// SPDX-License-Identifier: MIT
// Mesh Explorer JSON: export and re-read without loss, and refusal of what is not version 1.
#include "federation/meshjson.h"

#include "fedfixture.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Mesh;
using namespace MeshTest;

class TstMeshJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsACatalog()
    {
        QTemporaryDir dir;
        auto store = newCatalog(dir);
        SourceSnapshot fixtureSnap;
        QString error;
        QVERIFY2(MeshJson::parse(fixture("mesh.json"), QStringLiteral("fixture"), &fixtureSnap, &error),
                 qPrintable(error));
        QCOMPARE(fixtureSnap.products.size(), 2);
        CatalogError e;
        QVERIFY(store->upsertUser(fixtureSnap.users.value(0), &e));
        for (const Product &p : std::as_const(fixtureSnap.products))
            QVERIFY(store->upsertProduct(p, &e));
        for (const LineageEdge &edge : std::as_const(fixtureSnap.edges))
            QVERIFY(store->addLineageEdge(edge, &e));

        const QString out = dir.filePath(QStringLiteral("mesh.json"));
        QVERIFY2(MeshJson::writeFile(*store, out, &error), qPrintable(error));
        const QJsonObject root = QJsonDocument::fromJson(fileBytes(out)).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("mesh-explorer-catalog"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), MeshJson::kVersion);

        SourceSnapshot again;
        QVERIFY2(MeshJson::parse(fileBytes(out), out, &again, &error), qPrintable(error));
        QCOMPARE(again.products.size(), 2);
        for (Product p : std::as_const(again.products)) {
            const auto stored = store->productByKey(p.key);
            QVERIFY(stored);
            p.id = stored->id;
            for (int d = 0; d < p.datasets.size(); ++d) {
                p.datasets[d].id = stored->datasets.value(d).id;
                for (int c = 0; c < p.datasets[d].columns.size(); ++c)
                    p.datasets[d].columns[c].id = stored->datasets.value(d).columns.value(c).id;
            }
            QVERIFY(p == *stored);
        }
        QVERIFY(again.edges == store->lineageEdges());
        QCOMPARE(again.users.value(0).displayName, QStringLiteral("Leila Farahani"));
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("name,email\n") << QStringLiteral("is not valid JSON");
        QTest::newRow("another format") << QByteArray(R"({"data": []})")
                                        << QStringLiteral("is not a Mesh Explorer JSON catalog");
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "mesh-explorer-catalog", "version": 2})")
            << QStringLiteral("version 2, but this build reads version 1; update Mesh Explorer");
        QTest::newRow("no version") << QByteArray(R"({"format": "mesh-explorer-catalog"})")
                                    << QStringLiteral("but this build reads version 1");
        QTest::newRow("product without key")
            << QByteArray(R"({"format": "mesh-explorer-catalog", "version": 1, "products": [{"name": "x"}]})")
            << QStringLiteral("product 1 has no key or no name");
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        SourceSnapshot snap;
        QString error;
        QVERIFY(!MeshJson::parse(json, QStringLiteral("the document"), &snap, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.startsWith(QStringLiteral("the document")));
    }
};

QTEST_GUILESS_MAIN(TstMeshJson)
#include "tst_meshjson.moc"
