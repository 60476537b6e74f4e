// SPDX-License-Identifier: MIT
// ODCS v3 contracts: documents written from the published specification (v3.0.2 and v3.1.0),
// round trips that keep unknown fields, clear errors, and the mapping to catalog products.
#include "contract/odcscontract.h"

#include <QTest>

using namespace Mesh;

namespace {

// v3.0.2: team is a list of members, quality uses the v3.0 spelling `rule`, SLA in days; plus
// fields ODCS does not define at several levels (x-…, a nested map, a list).
const char kV302[] = R"YAML(apiVersion: v3.0.2
kind: DataContract
id: finance.gross-margin
name: Gross Margin
version: 2.1.0
status: active
domain: Finance
dataProduct: Gross Margin
tenant: messy
tags: [finance, kpi-input]
description:
  purpose: Gross margin per month, subsidiary and product line.
  usage: Monthly management reporting.
  limitations: Open periods change until close.
  x-review-board: finance-data-council
schema:
  - name: gross_margin_monthly
    logicalType: object
    physicalType: table
    physicalName: gm_monthly_v2
    description: One row per period and product line.
    x-partitioning: {by: period, granularity: month}
    properties:
      - name: period
        logicalType: date
        required: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: product_line
        logicalType: string
        primaryKey: true
        primaryKeyPosition: 2
        physicalType: VARCHAR(32)
        classification: public
      - name: revenue
        logicalType: number
        required: true
        quality:
          - rule: nullValues
            mustBe: 0
            dimension: completeness
            x-owner-note: "checked nightly"
      - name: margin_pct
        logicalType: number
        unique: false
        examples: [0.41, 0.38]
    quality:
      - type: sql
        query: SELECT COUNT(*) FROM gm_monthly_v2 WHERE revenue < 0
        mustBe: 0
slaProperties:
  - property: latency
    value: 1
    unit: d
    element: gross_margin_monthly.period
  - property: retention
    value: 5
    unit: y
team:
  - username: leila.farahani
    role: owner
    dateIn: 2024-01-01
  - username: ingrid.berg
    role: steward
  - username: rafael.costa
    role: contributor
servers:
  - server: warehouse
    type: postgres
    host: db.messy.example
    port: 5432
    database: finance
    schema: marts
x-internal-ticket: FIN-1234
x-flags: [true, 3, 2.5, "007", null]
)YAML";

// v3.1.0: team is an object with members, quality uses `metric`, SLA in hours.
const char kV310[] = R"YAML(apiVersion: v3.1.0
kind: DataContract
id: sales.hubspot-deals
name: HubSpot Deals
version: "1.0"
status: draft
domain: Sales & Marketing
description:
  purpose: Every deal in HubSpot with its stage and amount.
schema:
  - name: deals
    properties:
      - name: id
        logicalType: string
        primaryKey: true
        required: true
      - name: properties.amount
        logicalType: number
        description: Deal amount as HubSpot sends it (a string).
        quality:
          - metric: nullValues
            mustBeLessOrEqualTo: 5
            unit: percent
      - name: properties.closedate
        logicalType: timestamp
      - name: archived
        logicalType: boolean
    customProperties:
      - property: format
        value: json
slaProperties:
  - property: latency
    value: 24
    unit: h
    scheduler: cron
    schedule: "0 5 * * *"
team:
  name: Sales Ops
  description: Owners of the HubSpot extracts.
  members:
    - username: maria.lopez
      role: owner
    - username: priya.raman
      role: steward
customProperties:
  - property: accessPolicy
    value: Open to every employee for aggregates.
  - property: x-cost-center
    value: 4711
contractCreatedTs: "2026-11-01T10:00:00Z"
)YAML";

OdcsContract parsed(const char *text)
{
    const OdcsParseResult r = Odcs::parse(QByteArray(text));
    if (!r.ok()) {
        for (const OdcsIssue &e : r.errors)
            qWarning("%s", qPrintable(e.toString()));
    }
    return r.contract.value_or(OdcsContract());
}

const OdcsExtra *extra(const OdcsExtras &extras, const QString &key)
{
    for (const OdcsExtra &e : extras)
        if (e.key == key)
            return &e;
    return nullptr;
}

} // namespace

class TestOdcsContract : public QObject
{
    Q_OBJECT

private slots:
    void readsV302Document()
    {
        const OdcsParseResult r = Odcs::parse(QByteArray(kV302));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).toString()));
        const OdcsContract &c = *r.contract;
        QCOMPARE(c.apiVersion, QStringLiteral("v3.0.2"));
        QCOMPARE(c.id, QStringLiteral("finance.gross-margin"));
        QCOMPARE(c.version, QStringLiteral("2.1.0"));
        QCOMPARE(c.tags, (QStringList{QStringLiteral("finance"), QStringLiteral("kpi-input")}));
        QCOMPARE(c.limitations, QStringLiteral("Open periods change until close."));
        QCOMPARE(c.schema.size(), 1);
        const OdcsSchemaObject &o = c.schema.first();
        QCOMPARE(o.physicalName, QStringLiteral("gm_monthly_v2"));
        QCOMPARE(o.properties.size(), 4);
        QVERIFY(o.properties[0].primaryKey);
        QVERIFY(o.properties[0].required);
        QCOMPARE(o.properties[1].primaryKeyPosition, 2);
        QCOMPARE(o.properties[1].classification, QStringLiteral("public"));
        QCOMPARE(o.properties[2].quality.size(), 1);
        QCOMPARE(o.properties[2].quality[0].effectiveMetric(), QStringLiteral("nullValues"));
        QCOMPARE(o.properties[2].quality[0].op, QStringLiteral("mustBe"));
        QCOMPARE(o.properties[2].quality[0].threshold.toInt(), 0);
        QCOMPARE(o.quality.size(), 1);
        QCOMPARE(o.quality[0].type, QStringLiteral("sql"));
        QVERIFY(!c.teamIsObject);
        QCOMPARE(c.team.size(), 3);
        QCOMPARE(c.slaProperties.size(), 2);
        // Unknown fields are kept at their level, not rejected.
        QVERIFY(extra(c.extras, QStringLiteral("servers")));
        QCOMPARE(extra(c.extras, QStringLiteral("x-internal-ticket"))->value.toString(),
                 QStringLiteral("FIN-1234"));
        QVERIFY(extra(c.descriptionExtras, QStringLiteral("x-review-board")));
        QCOMPARE(extra(o.extras, QStringLiteral("x-partitioning"))
                     ->value.toMap()
                     .value(QStringLiteral("by")),
                 QVariant(QStringLiteral("period")));
        QVERIFY(extra(o.properties[3].extras, QStringLiteral("examples")));
        QVERIFY(extra(o.properties[2].quality[0].extras, QStringLiteral("x-owner-note")));
        QVERIFY(extra(c.team[0].extras, QStringLiteral("dateIn")));
        const QVariantList flags = extra(c.extras, QStringLiteral("x-flags"))->value.toList();
        QCOMPARE(flags.size(), 5);
        QCOMPARE(flags[0].typeId(), int(QMetaType::Bool));
        QCOMPARE(flags[1].toLongLong(), 3);
        QCOMPARE(flags[2].toDouble(), 2.5);
        QCOMPARE(flags[3], QVariant(QStringLiteral("007"))); // quoted: stays text
        QVERIFY(flags[4].isNull());
    }

    void readsV310Document()
    {
        const OdcsParseResult r = Odcs::parse(QByteArray(kV310));
        QVERIFY2(r.ok(), qPrintable(r.errors.value(0).toString()));
        const OdcsContract &c = *r.contract;
        QCOMPARE(c.apiVersion, QStringLiteral("v3.1.0"));
        QCOMPARE(c.version, QStringLiteral("1.0"));
        QVERIFY(c.teamIsObject);
        QCOMPARE(c.teamName, QStringLiteral("Sales Ops"));
        QCOMPARE(c.team.size(), 2);
        QVERIFY(extra(c.teamExtras, QStringLiteral("description")));
        QCOMPARE(c.schema[0].properties[1].quality[0].metric, QStringLiteral("nullValues"));
        QCOMPARE(c.schema[0].properties[1].quality[0].op, QStringLiteral("mustBeLessOrEqualTo"));
        QVERIFY(extra(c.slaProperties[0].extras, QStringLiteral("scheduler")));
        QCOMPARE(c.customProperty(QStringLiteral("x-cost-center")).toLongLong(), 4711);
        QVERIFY(extra(c.extras, QStringLiteral("contractCreatedTs")));
    }

    void roundTripsKeepingUnknownFields_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("v3.0.2") << QByteArray(kV302);
        QTest::newRow("v3.1.0") << QByteArray(kV310);
    }

    void roundTripsKeepingUnknownFields()
    {
        QFETCH(QByteArray, document);
        const OdcsParseResult first = Odcs::parse(document);
        QVERIFY(first.ok());
        const QByteArray written = Odcs::write(*first.contract);
        const OdcsParseResult second = Odcs::parse(written);
        QVERIFY2(second.ok(), written.constData());
        QCOMPARE(*second.contract, *first.contract);
        // And writing again is stable, byte for byte.
        QCOMPARE(Odcs::write(*second.contract), written);
    }

    void writtenContractKeepsUnknownKeysInTheText()
    {
        const QByteArray written = Odcs::write(parsed(kV302));
        QVERIFY(written.contains("x-internal-ticket: FIN-1234"));
        QVERIFY(written.contains("x-review-board: finance-data-council"));
        QVERIFY(written.contains("database: finance"));
        QVERIFY(written.contains("\"007\""));
        QVERIFY(written.contains("rule: nullValues"));
    }

    void reportsInvalidYamlWithLineAndColumn()
    {
        const QByteArray broken = "apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema:\n"
                                  "  - name: a\n    properties: [unclosed\n";
        const OdcsParseResult r = Odcs::parse(broken);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(r.errors[0].line >= 6);
        QVERIFY(r.errors[0].column > 0);
        QVERIFY2(r.errors[0].toString().startsWith(QStringLiteral("line ")),
                 qPrintable(r.errors[0].toString()));
        QVERIFY(r.errors[0].message.contains(QStringLiteral("not valid YAML")));
    }

    void namesEveryMissingRequiredField()
    {
        const OdcsParseResult r = Odcs::parse("name: Only a name\nschema:\n  - properties:\n"
                                              "      - logicalType: string\n");
        QVERIFY(!r.ok());
        QStringList paths;
        for (const OdcsIssue &e : r.errors) {
            paths.append(e.path);
            QVERIFY(e.line > 0);
        }
        for (const char *field : {"apiVersion", "kind", "id", "version", "status", "schema[0].name",
                                  "schema[0].properties[0].name"})
            QVERIFY2(paths.contains(QString::fromLatin1(field)),
                     qPrintable(paths.join(QStringLiteral(", "))));
        QVERIFY(r.errors[0].message.contains(QStringLiteral("required field is missing")));
    }

    void rejectsWrongKindVersionAndTypes_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        const QByteArray head = "id: a\nversion: 1.0.0\nstatus: active\n";
        QTest::newRow("kind") << head + "apiVersion: v3.1.0\nkind: DataProduct\n"
                              << QStringLiteral("kind") << QStringLiteral("DataContract");
        QTest::newRow("v2") << head + "apiVersion: v2.2.2\nkind: DataContract\n"
                            << QStringLiteral("apiVersion") << QStringLiteral("not supported");
        QTest::newRow("logicalType")
            << head + "apiVersion: v3.0.1\nkind: DataContract\nschema:\n  - name: t\n"
                      "    properties:\n      - name: c\n        logicalType: varchar\n"
            << QStringLiteral("schema[0].properties[0].logicalType")
            << QStringLiteral("not an ODCS logical type");
        QTest::newRow("required is not a boolean")
            << head + "apiVersion: v3.0.0\nkind: DataContract\nschema:\n  - name: t\n"
                      "    properties:\n      - name: c\n        required: maybe\n"
            << QStringLiteral("schema[0].properties[0].required")
            << QStringLiteral("true or false");
        QTest::newRow("schema is not a list")
            << head + "apiVersion: v3.1.0\nkind: DataContract\nschema: {name: t}\n"
            << QStringLiteral("schema") << QStringLiteral("must be a list");
        QTest::newRow("sla without value")
            << head + "apiVersion: v3.1.0\nkind: DataContract\nslaProperties:\n"
                      "  - property: latency\n"
            << QStringLiteral("slaProperties[0].value") << QStringLiteral("required");
        QTest::newRow("not a mapping")
            << QByteArray("- just\n- a list\n") << QString() << QStringLiteral("YAML mapping");
    }

    void rejectsWrongKindVersionAndTypes()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, path);
        QFETCH(QString, says);
        const OdcsParseResult r = Odcs::parse(document);
        QVERIFY(!r.ok());
        QVERIFY(!r.contract);
        bool found = false;
        for (const OdcsIssue &e : r.errors)
            found = found || (e.path == path && e.message.contains(says));
        QVERIFY2(found, qPrintable(r.errors.value(0).toString()));
    }

    void acceptsNewerV3WithWarning()
    {
        const OdcsParseResult r = Odcs::parse(
            "apiVersion: v3.2.0\nkind: DataContract\nid: a\nversion: 1.0.0\nstatus: active\n");
        QVERIFY(r.ok());
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings[0].path, QStringLiteral("apiVersion"));
    }

    void refusesHostileDocumentsWithOneClearError_data()
    {
        const QByteArray head =
            "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\n";
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("says");
        // Unknown fields are kept as extras, so each of these used to be walked in full.
        QTest::newRow("alias bomb") << head + "x-a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                              "x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                              "x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                              "x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                              "x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                                              "x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                                              "x-g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                                << QStringLiteral("expands to more than 250000 nodes");
        QTest::newRow("deep nesting") << head + "x-deep: " + QByteArray(300, '[') +
                                             QByteArray(300, ']') + "\n"
                                      << QStringLiteral("nested more than 256 levels");
        QByteArray big = head + "x-padding: \"";
        big += QByteArray(17 * 1024 * 1024, 'a');
        big += "\"\n";
        QTest::newRow("oversized") << big << QStringLiteral("at most 16 MB");
    }

    void refusesHostileDocumentsWithOneClearError()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, says);
        const OdcsParseResult r = Odcs::parse(document);
        QVERIFY(!r.ok());
        QVERIFY(!r.contract);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors[0].message.startsWith(QStringLiteral("the contract ")) &&
                     r.errors[0].message.contains(says),
                 qPrintable(r.errors[0].toString()));
        // The same document within the limits is read, its unknown field kept.
        if (QByteArray(QTest::currentDataTag()) == "deep nesting") {
            const OdcsParseResult ok = Odcs::parse(
                "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: "
                "active\nx-deep: " +
                QByteArray(20, '[') + QByteArray(20, ']') + "\n");
            QVERIFY2(ok.ok(), qPrintable(ok.errors.value(0).toString()));
            QCOMPARE(ok.contract->extras.value(0).key, QStringLiteral("x-deep"));
        }
    }

    void emptyDocumentIsAnError()
    {
        QVERIFY(!Odcs::parse(QByteArray()).ok());
        QVERIFY(Odcs::parse("   \n").errors.value(0).message.contains(QStringLiteral("empty")));
    }

    void mapsContractToProduct()
    {
        const OdcsProductMapping m = Odcs::toProduct(parsed(kV302));
        const Product &p = m.product;
        QCOMPARE(p.key, QStringLiteral("finance.gross-margin"));
        QCOMPARE(p.name, QStringLiteral("Gross Margin"));
        QCOMPARE(p.domain, QStringLiteral("Finance"));
        QCOMPARE(p.ownerId, QStringLiteral("leila.farahani"));
        QCOMPARE(p.stewardId, QStringLiteral("ingrid.berg"));
        QCOMPARE(p.freshnessSlaHours, 24); // 1 d
        QVERIFY(p.description.startsWith(QStringLiteral("Gross margin per month")));
        QVERIFY(p.description.contains(QStringLiteral("Open periods change")));
        QCOMPARE(p.datasets.size(), 1);
        const QList<Column> &cols = p.datasets[0].columns;
        QCOMPARE(cols.size(), 4);
        QCOMPARE(cols[0].type, QStringLiteral("date"));
        QCOMPARE(cols[1].type, QStringLiteral("string")); // VARCHAR(32) is physical only
        QCOMPARE(cols[2].type, QStringLiteral("decimal"));
        QCOMPARE(cols[1].classification, QStringLiteral("public"));

        const OdcsProductMapping m2 = Odcs::toProduct(parsed(kV310));
        QCOMPARE(m2.product.ownerId, QStringLiteral("maria.lopez"));
        QCOMPARE(m2.product.freshnessSlaHours, 24);
        QCOMPARE(m2.product.accessPolicy, QStringLiteral("Open to every employee for aggregates."));
        QCOMPARE(m2.product.datasets[0].format, QStringLiteral("json"));
        QCOMPARE(m2.product.datasets[0].columns[3].type, QStringLiteral("boolean"));
    }

    void productToContractAndBack()
    {
        Product p;
        p.key = QStringLiteral("mfg.scrap");
        p.name = QStringLiteral("Scrap");
        p.domain = QStringLiteral("Manufacturing");
        p.description = QStringLiteral("Scrapped units per run.\n\nSecond paragraph.");
        p.ownerId = QStringLiteral("wei.zhang");
        p.stewardId = QStringLiteral("joao.silva");
        p.status = QStringLiteral("active");
        p.tags = {QStringLiteral("mes"), QStringLiteral("quality")};
        p.sourceSystem = QStringLiteral("MES");
        p.formats = {QStringLiteral("csv")};
        p.accessPolicy = QStringLiteral("Internal.");
        p.freshnessSlaHours = 36;
        p.version = QStringLiteral("3");
        Dataset ds;
        ds.name = QStringLiteral("scrap");
        ds.format = QStringLiteral("csv");
        ds.location = QStringLiteral("mes/scrap.csv");
        ds.columns = {{0,
                       QStringLiteral("run_id"),
                       QStringLiteral("integer"),
                       QStringLiteral("Run"),
                       QString(),
                       {}},
                      {0,
                       QStringLiteral("weight_kg"),
                       QStringLiteral("decimal"),
                       QStringLiteral("Weight"),
                       QString(),
                       {QStringLiteral("metric")}},
                      {0,
                       QStringLiteral("payload"),
                       QStringLiteral("json"),
                       QString(),
                       QStringLiteral("PII.NonSensitive"),
                       {}}};
        p.datasets = {ds};

        const OdcsContract c = Odcs::fromProduct(p);
        QCOMPARE(c.apiVersion, QStringLiteral("v3.1.0"));
        QVERIFY(c.teamIsObject);
        const QByteArray yaml = Odcs::write(c);
        QVERIFY(yaml.contains("version: \"3\"")); // quoted, so it stays text
        const OdcsParseResult back = Odcs::parse(yaml);
        QVERIFY2(back.ok(), yaml.constData());
        Product q = Odcs::toProduct(*back.contract).product;
        QCOMPARE(q, p);

        // With the imported contract as base, what the catalog has no field for is kept.
        const OdcsContract base = parsed(kV302);
        Product edited = Odcs::toProduct(base).product;
        edited.description = QStringLiteral("Edited.");
        edited.freshnessSlaHours = 12;
        const OdcsContract merged = Odcs::fromProduct(edited, &base);
        QCOMPARE(merged.apiVersion, QStringLiteral("v3.0.2"));
        QVERIFY(!merged.teamIsObject);
        QCOMPARE(merged.team.size(), 3);
        QVERIFY(merged.schema[0].properties[0].primaryKey);
        QCOMPARE(merged.schema[0].properties[1].physicalType, QStringLiteral("VARCHAR(32)"));
        QCOMPARE(merged.schema[0].properties[2].quality.size(), 1);
        QVERIFY(extra(merged.extras, QStringLiteral("servers")));
        QCOMPARE(merged.slaProperties[0].value.toLongLong(), 12);
        QCOMPARE(merged.slaProperties[0].unit, QStringLiteral("h"));
        QCOMPARE(merged.slaProperties.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOdcsContract)
#include "tst_odcscontract.moc"
