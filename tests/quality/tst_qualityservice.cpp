// SPDX-License-Identifier: MIT
// Quality alerts on the demo catalog: the scan finds the dark tables' duplicates and the stale
// table, re-scans refresh instead of duplicating, acknowledge/resolve are decided and audited,
// alerts reach downstream products through lineage, and schema snapshots report drift.
#include "access/auditlog.h"
#include "contract/contractservice.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"
#include "testsupport.h"
#include "quality/alertlistmodel.h"
#include "quality/qualityservice.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;
using Kind = QualityFinding::Kind;

class TestQualityService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteCatalogStore> m_store;

    QList<QualityAlert> alertsOf(const QString &key, Kind kind)
    {
        QList<QualityAlert> out;
        for (const QualityAlert &a : QualityService(*m_store).alerts(key))
            if (a.finding.kind == kind)
                out.append(a);
        return out;
    }

    int auditCount(const QString &action)
    {
        AuditFilter f;
        f.action = action;
        return int(AuditLog::entries(m_store->database(), f).size());
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = MeshTest::freshDemoCatalog(m_dir, QStringLiteral("q"));
        QVERIFY(m_store);
    }

    void cleanup() { m_store.reset(); }

    void scanFindsTheDarkTablesDuplicatesAndTheStaleTable()
    {
        const QualityScanSummary s = QualityService(*m_store).scan();
        QCOMPARE(s.products, 36);
        QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QLatin1Char('\n'))));
        for (const char *dark : {"legacy.cust_map_v2", "legacy.fx_rates_tmp",
                                 "legacy.orders_bak_2024", "legacy.evt_dump_x"})
            QVERIFY2(!alertsOf(QString::fromLatin1(dark), Kind::Duplicate).isEmpty(), dark);
        const QList<QualityAlert> stale =
            alertsOf(QStringLiteral("legacy.orders_bak_2024"), Kind::Missing);
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale[0].finding.fingerprint, QStringLiteral("stale"));
        // Only that dark table is stale.
        for (const char *fresh : {"legacy.cust_map_v2", "legacy.fx_rates_tmp", "legacy.evt_dump_x"})
            QVERIFY(alertsOf(QString::fromLatin1(fresh), Kind::Missing).isEmpty());
        // The late Gross Margin KPI and Gainsight's renamed health score field.
        bool lateKpi = false;
        for (const QualityAlert &a : alertsOf(QStringLiteral("kpi.gross-margin"), Kind::Missing))
            lateKpi = lateKpi || a.finding.fingerprint == QStringLiteral("freshness");
        QVERIFY(lateKpi);
        QVERIFY(!alertsOf(QStringLiteral("cs.gainsight-accounts"), Kind::NullSpike).isEmpty());
        // Clean products stay quiet.
        QVERIFY(QualityService(*m_store).alerts(QStringLiteral("finance.cogs")).isEmpty());
    }

    void rescanRefreshesAlertsInsteadOfRaisingNewOnes()
    {
        QualityService service(*m_store);
        const QualityScanSummary first = service.scan();
        QVERIFY(first.raised > 0);
        const QualityScanSummary second = service.scan();
        QCOMPARE(second.raised, 0);
        QCOMPARE(second.refreshed, first.raised);
        QCOMPARE(service.alerts().size(), first.raised);
    }

    void acknowledgeAndResolveAreDecidedAndAudited()
    {
        QualityService service(*m_store);
        service.scan(QStringLiteral("cs.gainsight-accounts"));
        const QList<QualityAlert> list = service.alerts(QStringLiteral("cs.gainsight-accounts"));
        QVERIFY(!list.isEmpty());
        const qint64 id = list.first().id;

        // An analyst of another domain may not; nothing changes and nothing is written.
        const int audits = auditCount(QStringLiteral("acknowledge-alert"));
        const AccessOutcome refused = service.acknowledge(QStringLiteral("kenji.watanabe"), id);
        QCOMPARE(refused.code, AccessOutcome::Code::Refused);
        QCOMPARE(service.alert(id)->state, QualityAlert::State::Open);
        QCOMPARE(auditCount(QStringLiteral("acknowledge-alert")), audits);

        // The owner acknowledges, the domain's steward resolves; both audited.
        QVERIFY(service.acknowledge(QStringLiteral("fatima.alrashid"), id, QStringLiteral("on it"))
                    .ok());
        QCOMPARE(service.alert(id)->state, QualityAlert::State::Acknowledged);
        QCOMPARE(service.alert(id)->acknowledgedBy, QStringLiteral("fatima.alrashid"));
        QCOMPARE(service.acknowledge(QStringLiteral("fatima.alrashid"), id).code,
                 AccessOutcome::Code::Invalid);
        QVERIFY(service.resolve(QStringLiteral("olivia.nguyen"), id, QStringLiteral("fixed")).ok());
        QCOMPARE(service.alert(id)->state, QualityAlert::State::Resolved);
        QCOMPARE(service.resolve(QStringLiteral("olivia.nguyen"), id).code,
                 AccessOutcome::Code::Invalid);
        QCOMPARE(auditCount(QStringLiteral("acknowledge-alert")), audits + 1);
        AuditFilter f;
        f.action = QStringLiteral("resolve-alert");
        const QList<AuditEntry> resolved = AuditLog::entries(m_store->database(), f);
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(resolved[0].actor, QStringLiteral("olivia.nguyen"));
        QCOMPARE(resolved[0].productKey, QStringLiteral("cs.gainsight-accounts"));
        QVERIFY(resolved[0].detail.contains(QStringLiteral("fixed")));
        QVERIFY(AuditLog::verify(m_store->database()).intact());
        // Resolved alerts leave the open list; a later scan that finds the problem again
        // opens a new alert rather than reopening the resolved one.
        QVERIFY(service.alert(id));
        for (const QualityAlert &a : service.alerts(QStringLiteral("cs.gainsight-accounts")))
            QVERIFY(a.id != id);
        service.scan(QStringLiteral("cs.gainsight-accounts"));
        QCOMPARE(service.alert(id)->state, QualityAlert::State::Resolved);
        // A resolved alert cannot be changed even behind the service's back.
        QString error;
        QVERIFY(!m_store->database().exec(
            QStringLiteral("UPDATE quality_alerts SET state = 'open' WHERE id = %1").arg(id),
            &error));
    }

    void alertsReachDownstreamProductsThroughLineage()
    {
        QualityService service(*m_store);
        service.scan();
        // legacy.fx_rates_tmp → sales.sales-forecast → kpi.sales-forecast
        const QList<AffectingAlert> affecting =
            service.alertsAffecting(QStringLiteral("kpi.sales-forecast"));
        const AffectingAlert *fx = nullptr;
        bool own = false;
        for (const AffectingAlert &a : affecting) {
            if (a.alert.finding.productKey == QStringLiteral("legacy.fx_rates_tmp"))
                fx = &a;
            own = own || a.distance == 0;
        }
        QVERIFY(fx);
        QCOMPARE(fx->distance, 2);
        QCOMPARE(fx->path, (QStringList{QStringLiteral("legacy.fx_rates_tmp"),
                                        QStringLiteral("sales.sales-forecast"),
                                        QStringLiteral("kpi.sales-forecast")}));
        QVERIFY(own); // its own missing days
        // Nearest first.
        for (int i = 1; i < affecting.size(); ++i)
            QVERIFY(affecting[i - 1].distance <= affecting[i].distance);
        // Nothing upstream of a raw source.
        for (const AffectingAlert &a :
             service.alertsAffecting(QStringLiteral("legacy.fx_rates_tmp")))
            QCOMPARE(a.distance, 0);
        // The model the views use.
        AlertListModel model;
        QAbstractItemModelTester tester(&model);
        model.setAffecting(affecting);
        QCOMPARE(model.rowCount(), int(affecting.size()));
        const int row = model.rowOf(fx->alert.id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(AlertListModel::DistanceRole).toInt(), 2);
        QVERIFY(model.index(row, AlertListModel::ProductColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("upstream")));
    }

    void schemaSnapshotsReportDrift()
    {
        QualityService service(*m_store);
        service.scan(QStringLiteral("finance.cogs"));
        QVERIFY(service.alerts(QStringLiteral("finance.cogs")).isEmpty());
        // The sample changes shape: a column disappears (rewrite the CSV of another product).
        const std::optional<Product> p = m_store->productByKey(QStringLiteral("mfg.scrap"));
        QVERIFY(p);
        service.scan(QStringLiteral("mfg.scrap"));
        const QString location = p->datasets.first().location;
        QFile f(location);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        for (QByteArray &line : lines) {
            const int comma = line.lastIndexOf(',');
            if (comma > 0)
                line.truncate(comma); // drop the last column
        }
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        service.scan(QStringLiteral("mfg.scrap"));
        bool snapshot = false, declared = false;
        for (const QualityAlert &a : alertsOf(QStringLiteral("mfg.scrap"), Kind::Drift)) {
            snapshot =
                snapshot || a.finding.fingerprint.startsWith(QStringLiteral("snapshot-drift"));
            declared = declared || a.finding.fingerprint.startsWith(QStringLiteral("drift:"));
            if (a.finding.fingerprint.startsWith(QStringLiteral("snapshot-drift")))
                QVERIFY(a.finding.detail.contains(QStringLiteral("Removed:")));
        }
        QVERIFY(snapshot);
        QVERIFY(declared);
    }

    void contractChecksFeedTheAlerts()
    {
        // A contract saying revenue_usd... is required and the key is unique: the stored
        // contract's checks run with the scan.
        const std::optional<Product> p =
            m_store->productByKey(QStringLiteral("legacy.cust_map_v2"));
        QVERIFY(p);
        const QByteArray yaml =
            "apiVersion: v3.1.0\nkind: DataContract\nid: legacy.cust_map_v2\nversion: 0.1.0\n"
            "status: draft\nname: Customer map\nschema:\n  - name: cust_map_v2\n    properties:\n"
            "      - name: cust_id2\n        logicalType: string\n        primaryKey: true\n"
            "      - name: gs_ref\n        logicalType: string\n        required: true\n"
            "      - name: amt_x\n        logicalType: integer\n";
        const ContractImport imported =
            ContractService(*m_store).importContract(QStringLiteral("ravi.patel"), yaml);
        QVERIFY2(imported.outcome.ok(), qPrintable(imported.outcome.message));
        QualityService(*m_store).scan(QStringLiteral("legacy.cust_map_v2"));
        QStringList fingerprints;
        for (const QualityAlert &a :
             QualityService(*m_store).alerts(QStringLiteral("legacy.cust_map_v2")))
            fingerprints.append(a.finding.fingerprint);
        QVERIFY2(fingerprints.contains(QStringLiteral("contract-nulls:cust_map_v2")),
                 qPrintable(fingerprints.join(QLatin1Char(' '))));
        QVERIFY(fingerprints.contains(QStringLiteral("contract-drift:cust_map_v2")));
        QVERIFY(fingerprints.contains(QStringLiteral("contract-key:cust_map_v2")));
    }
};

QTEST_GUILESS_MAIN(TestQualityService)
#include "tst_qualityservice.moc"
