// SPDX-License-Identifier: MIT
// meshctl governance, alerts and contract as a steward would run them: JSON output, exit codes
// (0 ok, 1 contract broken, 2 bad input, 3 refused) and one-line errors.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run meshctl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MESHCTL), args);
    Run r;
    if (p.waitForFinished(120000))
        r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject json(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class TestMeshctlGovernance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_catalog;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("messy.mesh"));
        const Run r = meshctl({QStringLiteral("demo"), QStringLiteral("--out"), m_catalog});
        QCOMPARE(r.code, 0);
    }

    void governanceReportsScoresAndViolations()
    {
        const Run r = meshctl({QStringLiteral("governance"), m_catalog, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = json(r);
        QCOMPARE(o[QStringLiteral("products")].toArray().size(), 36);
        QVERIFY(o[QStringLiteral("score")].toDouble() > 50);
        QVERIFY(o[QStringLiteral("score")].toDouble() < 100);
        bool dark = false;
        for (const QJsonValue &v : o[QStringLiteral("violations")].toArray())
            dark =
                dark ||
                (v[QStringLiteral("product")].toString() == QStringLiteral("legacy.evt_dump_x") &&
                 v[QStringLiteral("policy")].toString() == QStringLiteral("required-owner") &&
                 v[QStringLiteral("field")].toString() == QStringLiteral("overview:owner"));
        QVERIFY(dark);
        const Run text = meshctl({QStringLiteral("governance"), m_catalog});
        QVERIFY(text.out.contains(QStringLiteral("Violations")));
        QVERIFY(text.out.contains(QStringLiteral("owner (none)")));
    }

    void settingAPolicyIsDecidedByRole()
    {
        const Run refused = meshctl({QStringLiteral("governance"), QStringLiteral("set"), m_catalog,
                                     QStringLiteral("column-classification"),
                                     QStringLiteral("--as"), QStringLiteral("kenji.watanabe")});
        QCOMPARE(refused.code, 3);
        QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
        const Run ok = meshctl({QStringLiteral("governance"), QStringLiteral("set"), m_catalog,
                                QStringLiteral("description-min-length"), QStringLiteral("400"),
                                QStringLiteral("--domain"), QStringLiteral("Finance"),
                                QStringLiteral("--as"), QStringLiteral("ingrid.berg")});
        QVERIFY2(ok.code == 0, qPrintable(ok.err));
        const Run bad = meshctl({QStringLiteral("governance"), QStringLiteral("set"), m_catalog,
                                 QStringLiteral("no-such-rule")});
        QCOMPARE(bad.code, 2);
    }

    void alertsListAcknowledgeAndResolve()
    {
        const Run r = meshctl({QStringLiteral("alerts"), m_catalog, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray alerts = json(r)[QStringLiteral("alerts")].toArray();
        QVERIFY(alerts.size() >= 10);
        qint64 duplicate = 0;
        QStringList kinds;
        for (const QJsonValue &a : alerts) {
            kinds.append(a[QStringLiteral("kind")].toString());
            if (a[QStringLiteral("product")].toString() == QStringLiteral("legacy.fx_rates_tmp") &&
                a[QStringLiteral("kind")].toString() == QStringLiteral("duplicate"))
                duplicate = a[QStringLiteral("id")].toInteger();
        }
        QVERIFY(kinds.contains(QStringLiteral("missing")));
        QVERIFY(kinds.contains(QStringLiteral("null-spike")));
        QVERIFY(duplicate > 0);
        const QString id = QString::number(duplicate);
        // A dark table has no owner: an analyst may not, an administrator may.
        QCOMPARE(meshctl({QStringLiteral("alerts"), QStringLiteral("ack"), m_catalog, id,
                          QStringLiteral("--as"), QStringLiteral("kenji.watanabe")})
                     .code,
                 3);
        QCOMPARE(meshctl({QStringLiteral("alerts"), QStringLiteral("ack"), m_catalog, id,
                          QStringLiteral("--as"), QStringLiteral("ravi.patel")})
                     .code,
                 0);
        QCOMPARE(meshctl({QStringLiteral("alerts"), QStringLiteral("resolve"), m_catalog, id,
                          QStringLiteral("--as"), QStringLiteral("ravi.patel"),
                          QStringLiteral("--note"), QStringLiteral("deduplicated")})
                     .code,
                 0);
        QCOMPARE(meshctl({QStringLiteral("alerts"), QStringLiteral("resolve"), m_catalog, id,
                          QStringLiteral("--as"), QStringLiteral("ravi.patel")})
                     .code,
                 2);
        QCOMPARE(meshctl({QStringLiteral("alerts"), QStringLiteral("ack"), m_catalog,
                          QStringLiteral("abc")})
                     .code,
                 2);
        // The affected KPI lists what is left upstream.
        const Run affecting =
            meshctl({QStringLiteral("alerts"), QStringLiteral("affecting"), m_catalog,
                     QStringLiteral("kpi.sales-forecast"), QStringLiteral("--json")});
        QCOMPARE(affecting.code, 0);
        for (const QJsonValue &a : json(affecting)[QStringLiteral("alerts")].toArray())
            QVERIFY(a[QStringLiteral("id")].toInteger() != duplicate);
    }

    void contractImportExportAndCheck()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.yaml"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema: [\n");
        f.close();
        const Run invalid =
            meshctl({QStringLiteral("contract"), QStringLiteral("import"), m_catalog, bad,
                     QStringLiteral("--as"), QStringLiteral("ravi.patel")});
        QCOMPARE(invalid.code, 2);
        QVERIFY2(invalid.err.contains(QStringLiteral("line ")), qPrintable(invalid.err));
        QCOMPARE(invalid.err.count(QLatin1Char('\n')), 1);

        const QString out = m_dir.filePath(QStringLiteral("cogs.yaml"));
        QCOMPARE(meshctl({QStringLiteral("contract"), QStringLiteral("export"), m_catalog,
                          QStringLiteral("finance.cogs"), QStringLiteral("--out"), out})
                     .code,
                 0);
        QVERIFY(QFile::exists(out));
        QCOMPARE(meshctl({QStringLiteral("contract"), QStringLiteral("import"), m_catalog, out,
                          QStringLiteral("--as"), QStringLiteral("rafael.costa")})
                     .code,
                 0);
        const Run check = meshctl({QStringLiteral("contract"), QStringLiteral("check"), m_catalog,
                                   QStringLiteral("finance.cogs"), QStringLiteral("--json")});
        QCOMPARE(check.code, 0);
        QCOMPARE(json(check)[QStringLiteral("contract")].toString(), QStringLiteral("imported"));
        QCOMPARE(meshctl({QStringLiteral("contract"), QStringLiteral("check"), m_catalog,
                          QStringLiteral("no.such")})
                     .code,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestMeshctlGovernance)
#include "tst_meshctlgovernance.moc"
