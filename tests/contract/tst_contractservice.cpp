// SPDX-License-Identifier: MIT
// Contracts in the catalog: import creates or updates a product (decided and audited), export
// gives back what the catalog has no field for, check compares schema and data.
#include "access/auditlog.h"
#include "contract/contractservice.h"
#include "demo/demoloader.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

namespace {

const QByteArray kNewProduct =
    "apiVersion: v3.0.2\nkind: DataContract\nid: mfg.energy-use\nname: Energy Use\n"
    "version: 1.2.0\nstatus: active\ndomain: Manufacturing\n"
    "description:\n  purpose: Energy use per line and shift, from the plant meters.\n"
    "schema:\n  - name: energy\n    properties:\n"
    "      - name: line\n        logicalType: string\n        required: true\n"
    "      - name: kwh\n        logicalType: number\n"
    "slaProperties:\n  - property: latency\n    value: 2\n    unit: d\n"
    "team:\n  - username: wei.zhang\n    role: owner\n"
    "x-meter-vendor: Acme Meters\n";

} // namespace

class TestContractService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_store;

private slots:
    void init()
    {
        m_store = MeshTest::freshDemoCatalog(m_dir, QStringLiteral("c"));
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void stewardImportsANewProductAndItIsAudited()
    {
        ContractService service(*m_store);
        const ContractImport r = service.importContract(QStringLiteral("joao.silva"), kNewProduct);
        QVERIFY2(r.outcome.ok(), qPrintable(r.outcome.message));
        QVERIFY(r.created);
        const std::optional<Product> p = m_store->productByKey(QStringLiteral("mfg.energy-use"));
        QVERIFY(p);
        QCOMPARE(p->ownerId, QStringLiteral("wei.zhang"));
        QCOMPARE(p->freshnessSlaHours, 48);
        QCOMPARE(p->datasets.value(0).columns.size(), 2);
        AuditFilter f;
        f.action = QStringLiteral("import-contract");
        const QList<AuditEntry> entries = AuditLog::entries(m_store->database(), f);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].actor, QStringLiteral("joao.silva"));
        QCOMPARE(entries[0].productKey, QStringLiteral("mfg.energy-use"));

        // Export keeps the unknown field and the v3.0 shape of the imported document.
        QString error;
        const std::optional<QByteArray> yaml =
            service.exportContract(QStringLiteral("mfg.energy-use"), &error);
        QVERIFY2(yaml, qPrintable(error));
        QVERIFY(yaml->contains("x-meter-vendor: Acme Meters"));
        QVERIFY(yaml->contains("apiVersion: v3.0.2"));
        const OdcsParseResult back = Odcs::parse(*yaml);
        QVERIFY(back.ok());
        QVERIFY(back.contract->schema[0].properties[0].required);
    }

    void refusesWhoMayNotAndBadDocuments()
    {
        ContractService service(*m_store);
        const ContractImport analyst =
            service.importContract(QStringLiteral("kenji.watanabe"), kNewProduct);
        QCOMPARE(analyst.outcome.code, AccessOutcome::Code::Refused);
        QVERIFY(!m_store->productByKey(QStringLiteral("mfg.energy-use")));
        const ContractImport broken =
            service.importContract(QStringLiteral("ravi.patel"), "apiVersion: v3.1.0\nkind: [\n");
        QCOMPARE(broken.outcome.code, AccessOutcome::Code::Invalid);
        QVERIFY(broken.errors.value(0).line > 0);
        const ContractImport missing = service.importContract(
            QStringLiteral("ravi.patel"), "apiVersion: v3.1.0\nkind: DataContract\n");
        QCOMPARE(missing.outcome.code, AccessOutcome::Code::Invalid);
        QCOMPARE(missing.errors.size(), 3); // id, version, status
        QByteArray otherDomain = kNewProduct;
        otherDomain.replace("domain: Manufacturing", "domain: Atlantis");
        QCOMPARE(service.importContract(QStringLiteral("ravi.patel"), otherDomain).outcome.code,
                 AccessOutcome::Code::Invalid);
    }

    void exportOfAProductWithoutContract()
    {
        QString error;
        const std::optional<QByteArray> yaml =
            ContractService(*m_store).exportContract(QStringLiteral("finance.cogs"), &error);
        QVERIFY(yaml);
        const OdcsParseResult parsed = Odcs::parse(*yaml);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.contract->apiVersion, QStringLiteral("v3.1.0"));
        QCOMPARE(parsed.contract->id, QStringLiteral("finance.cogs"));
        QList<Dataset> stored = m_store->productByKey(QStringLiteral("finance.cogs"))->datasets;
        for (Dataset &ds : stored) { // ids are the store's, not part of the contract
            ds.id = 0;
            for (Column &c : ds.columns)
                c.id = 0;
        }
        QCOMPARE(Odcs::toProduct(*parsed.contract).product.datasets, stored);
        QVERIFY(!ContractService(*m_store).exportContract(QStringLiteral("nope"), &error));
        QVERIFY(error.contains(QStringLiteral("nope")));
    }

    void checkComparesSchemaAndData()
    {
        ContractService service(*m_store);
        QString error;
        const auto clean = service.check(QStringLiteral("finance.cogs"), &error);
        QVERIFY(clean);
        QVERIFY(clean->items.size() > 10);
        QCOMPARE(clean->failed(), 0);
        // A contract that the data does not meet.
        const QByteArray yaml =
            "apiVersion: v3.1.0\nkind: DataContract\nid: legacy.orders_bak_2024\nversion: 1.0.0\n"
            "status: active\nschema:\n  - name: orders_bak_2024\n    properties:\n"
            "      - name: id\n        logicalType: string\n        primaryKey: true\n"
            "      - name: ord_dt\n        logicalType: string\n"
            "      - name: x1\n        logicalType: string\n        required: true\n";
        QVERIFY(service.importContract(QStringLiteral("ravi.patel"), yaml).outcome.ok());
        const auto broken = service.check(QStringLiteral("legacy.orders_bak_2024"), &error);
        QVERIFY(broken);
        QCOMPARE(broken->failed(), 2); // x1 has missing values, id repeats
        QCOMPARE(broken->findings.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestContractService)
#include "tst_contractservice.moc"
