// SPDX-License-Identifier: MIT
#include "kpi/kpifacts.h"

#include "catalog/sqlitecatalogstore.h"
#include "db/sqlite.h"
#include "demo/demoloader.h"

#include <QDate>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace Mesh {

namespace {

/** splitmix64: fast, deterministic, good enough for synthetic facts. */
struct Random
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    double unit() { return double(next() >> 11) / double(1ULL << 53); }
};

const QDate kFirst(2019, 1, 1);
const QDate kLast(2026, 11, 20);

class CsvOut
{
public:
    explicit CsvOut(const QString &path) : m_file(path) {}
    bool open(const char *header)
    {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        m_buffer.reserve(1 << 20);
        m_buffer += header;
        m_buffer += '\n';
        return true;
    }
    void row(const char *format, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 2, 3)))
#endif
    {
        char line[512];
        va_list args;
        va_start(args, format);
        const int n = std::vsnprintf(line, sizeof line, format, args);
        va_end(args);
        m_buffer.append(line, std::min<int>(n, int(sizeof line) - 1));
        m_buffer += '\n';
        if (m_buffer.size() > (1 << 20))
            flush();
    }
    bool close()
    {
        flush();
        m_file.close();
        return m_ok;
    }

private:
    void flush()
    {
        m_ok = m_ok && m_file.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    QFile m_file;
    QByteArray m_buffer;
    bool m_ok = true;
};

QByteArray day(Random &r)
{
    return kFirst.addDays(r.below(int(kFirst.daysTo(kLast)) + 1)).toString(Qt::ISODate).toLatin1();
}

} // namespace

QList<KpiFacts::Table> KpiFacts::tables()
{
    return {{QStringLiteral("sales.hubspot-deals"), QStringLiteral("deals.csv"), 0.25},
            {QStringLiteral("sales.marketing-leads"), QStringLiteral("leads.csv"), 0.25},
            {QStringLiteral("mfg.production-runs"), QStringLiteral("production_runs.csv"), 0.20},
            {QStringLiteral("cs.renewals"), QStringLiteral("renewals.csv"), 0.10},
            {QStringLiteral("product.jira-issues"), QStringLiteral("issues.csv"), 0.10},
            {QStringLiteral("product.jira-releases"), QStringLiteral("releases.csv"), 0.04},
            {QStringLiteral("finance.gross-margin"), QStringLiteral("gross_margin.csv"), 0.04},
            {QStringLiteral("cs.gainsight-accounts"), QStringLiteral("accounts.csv"), 0.01},
            {QStringLiteral("legacy.fx_rates_tmp"), QStringLiteral("fx_rates.csv"), 0.01}};
}

QString KpiFacts::csvPath(const QString &catalogPath, const QString &productKey)
{
    for (const Table &t : tables())
        if (t.productKey == productKey)
            return QDir(DemoLoader::samplesDirFor(catalogPath)).filePath(QStringLiteral("kpi-facts/") + t.file);
    return {};
}

bool KpiFacts::write(const QString &catalogPath, qint64 rows, quint64 seed,
                     const std::function<bool(qint64, qint64)> &progress, QString *error)
{
    CatalogError cerr;
    auto store = DemoLoader::createDemoCatalog(catalogPath, &cerr);
    if (!store) {
        *error = cerr.message;
        return false;
    }
    const QString dir = QDir(DemoLoader::samplesDirFor(catalogPath)).filePath(QStringLiteral("kpi-facts"));
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    Random r{seed * 0x2545F4914F6CDD1DULL + 1};
    qint64 done = 0;
    static const char *const stages[] = {"appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
                                         "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"};
    static const double probability[] = {0.2, 0.4, 0.6, 0.8, 0.9, 1.0, 0.0};
    static const char *const sources[] = {"PAID_SEARCH", "ORGANIC_SEARCH", "REFERRALS", "EMAIL_MARKETING", "EVENTS"};
    static const char *const outcomes[] = {"Renewed", "Renewed", "Renewed", "Upsell", "Downsell", "Churned", "Pending"};
    static const char *const lines[] = {"LEE-L1", "LEE-L2", "LEE-L3", "MTY-L1", "MTY-L2"};
    static const char *const productLines[] = {"Sensors", "Gateways", "Software Subscriptions", "Services"};
    static const char *const colors[] = {"Green", "Green", "Yellow", "Red"};

    for (const Table &t : tables()) {
        const qint64 n = std::max<qint64>(1, qint64(double(rows) * t.share));
        CsvOut out(QDir(dir).filePath(t.file));
        const auto tick = [&](qint64 i) {
            if ((i & 0xffff) == 0 && progress && !progress(done + i, rows))
                return false;
            return true;
        };
        bool ok = true;
        if (t.productKey == QStringLiteral("sales.hubspot-deals")) {
            ok = out.open("properties.dealname,properties.amount,properties.deal_currency_code,"
                          "properties.dealstage,properties.hs_deal_stage_probability,"
                          "properties.closedate,properties.hs_is_closed");
            for (qint64 i = 0; ok && i < n; ++i) {
                const int s = r.below(7);
                out.row("Deal %lld,%d.00,%s,%s,%.1f,%sT00:00:00Z,%s", i, 1000 + r.below(150000),
                        r.below(4) == 0 ? "EUR" : "USD", stages[s], probability[s], day(r).constData(),
                        s >= 5 ? "true" : "false");
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("sales.marketing-leads")) {
            ok = out.open("properties.hs_lead_name,properties.messy_mql_date,properties.messy_qualification,"
                          "properties.messy_lead_source,associations.deals.results");
            for (qint64 i = 0; ok && i < n; ++i) {
                const bool deal = r.below(10) == 0;
                out.row("Lead %lld,%s,%s,%s,%s", i, day(r).constData(), r.below(3) == 0 ? "SQL" : "MQL",
                        sources[r.below(5)], deal ? "\"[{\"\"id\"\":\"\"1\"\"}]\"" : "");
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("mfg.production-runs")) {
            ok = out.open("run_id,line,sku,shift,start_local,planned_run_min,actual_run_min,"
                          "ideal_cycle_time_s,total_count,good_count");
            for (qint64 i = 0; ok && i < n; ++i) {
                const int planned = 450;
                const int actual = 330 + r.below(121);
                const int total = 900 + r.below(700);
                out.row("R%lld,%s,SNS-%d,%c,%s %02d:00:00,%d,%d,%.1f,%d,%d", i, lines[r.below(5)], 100 + r.below(400),
                        "ABC"[r.below(3)], day(r).constData(), 6 + 8 * r.below(3), planned, actual,
                        12.0 + r.below(10), total, total - r.below(60));
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("cs.renewals")) {
            ok = out.open("Company_Name__gc,Renewal_Date__gc,ARR_Up_For_Renewal__gc,Renewed_ARR__gc,Outcome__gc");
            for (qint64 i = 0; ok && i < n; ++i) {
                const int o = r.below(7);
                const double up = 5000 + r.below(200000);
                const double renewed = o <= 2 ? up : o == 3 ? up * 1.2 : o == 4 ? up * 0.8 : 0.0;
                out.row("Company %lld,%s,%.2f,%.2f,%s", i % 5000, day(r).constData(), up, renewed, outcomes[o]);
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("product.jira-issues")) {
            ok = out.open("key,fields.created,fields.resolutiondate");
            for (qint64 i = 0; ok && i < n; ++i) {
                const QDate created = kFirst.addDays(r.below(int(kFirst.daysTo(kLast))));
                const QDate resolved = created.addDays(r.below(40));
                if (r.below(8) == 0 || resolved > kLast)
                    out.row("PLAT-%lld,%sT09:00:00.000+0000,", i, created.toString(Qt::ISODate).toLatin1().constData());
                else
                    out.row("PLAT-%lld,%sT09:00:00.000+0000,%sT%02d:00:00.000+0000", i,
                            created.toString(Qt::ISODate).toLatin1().constData(),
                            resolved.toString(Qt::ISODate).toLatin1().constData(), 10 + r.below(8));
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("product.jira-releases")) {
            ok = out.open("name,releaseDate,messyActualReleaseDate,released");
            for (qint64 i = 0; ok && i < n; ++i) {
                const QDate planned = kFirst.addDays(r.below(int(kFirst.daysTo(kLast)) - 10));
                const QDate actual = planned.addDays(r.below(9) - 3);
                out.row("%s %lld,%s,%s,true", r.below(2) ? "PLAT" : "GW", i,
                        planned.toString(Qt::ISODate).toLatin1().constData(),
                        actual.toString(Qt::ISODate).toLatin1().constData());
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("finance.gross-margin")) {
            ok = out.open("period,posting_period_id,subsidiary,product_line,revenue_usd,cogs_usd,"
                          "gross_profit_usd,gross_margin,period_status");
            for (qint64 i = 0; ok && i < n; ++i) {
                const QByteArray month = day(r).left(7);
                const double revenue = 10000 + r.below(500000);
                const double cogs = revenue * (0.35 + r.unit() * 0.3);
                out.row("%s,%lld,Messy Inc. (US),%s,%.2f,%.2f,%.2f,%.4f,closed", month.constData(), 200 + i % 100,
                        productLines[r.below(4)], revenue, cogs, revenue - cogs, (revenue - cogs) / revenue);
                ok = tick(i);
            }
        } else if (t.productKey == QStringLiteral("cs.gainsight-accounts")) {
            ok = out.open("Name,HealthColor__gc");
            for (qint64 i = 0; ok && i < n; ++i) {
                out.row("Account %lld,%s", i, colors[r.below(4)]);
                ok = tick(i);
            }
        } else {
            ok = out.open("d,ccy,r,src");
            for (qint64 i = 0; ok && i < n; ++i) {
                out.row("%s,EUR,%.4f,ecb?", day(r).constData(), 1.05 + r.unit() * 0.1);
                ok = tick(i);
            }
        }
        if (!out.close() || !ok) {
            *error = ok ? QStringLiteral("cannot write %1").arg(QDir(dir).filePath(t.file))
                        : QStringLiteral("cancelled");
            return false;
        }
        done += n;
        Statement &update = store->database().prepare(QStringLiteral(
            "UPDATE datasets SET location = ?1, format = 'csv' WHERE position = 0 AND product_id = "
            "(SELECT id FROM products WHERE key = ?2)"));
        update.bind(1, QDir(dir).filePath(t.file)).bind(2, t.productKey);
        if (!update.exec()) {
            *error = update.lastError();
            return false;
        }
    }
    if (progress)
        progress(rows, rows);
    return true;
}

} // namespace Mesh
