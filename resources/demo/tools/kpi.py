# SPDX-License-Identifier: MIT
"""KPI domain: the six daily KPI series the managers asked for, computed from the other
domains' samples. Each series has a few missing days and a few late loads."""
import statistics
from datetime import date, datetime, timedelta, timezone

from common import (END, cols, dataset, days, fx_eur_usd, iso_z, product, quarter, rng,
                    write_csv)

DOMAIN = "KPI"
OWNER, STEWARD = "nadia.haddad", "samuel.adeyemi"
FROM = date(2026, 3, 1)
POLICY = ("Open to all employees: KPI tiles are company-wide. Definitions change only through "
          "the governance council.")


def loaded(r, d, key, hour=6):
    """Normally loaded the next morning; now and then a day late (the freshness demo)."""
    late = 0
    if r.random() < 0.04:
        late = r.choice([1, 2, 3])
    t = datetime(d.year, d.month, d.day, hour, r.randint(0, 40), tzinfo=timezone.utc) + \
        timedelta(days=1 + late)
    return iso_z(t)


def series(r, name, header, fn, last=END, missing=4):
    dates = [d for d in days(FROM, last)]
    skip = set(r.sample(dates[5:-5], missing))
    rows = []
    for d in dates:
        if d in skip:
            continue
        vals = fn(d)
        if vals is None:
            continue
        rows.append([d.isoformat()] + vals + [loaded(r, d, name)])
    return write_csv("kpi/%s.csv" % name, ["date"] + header + ["loaded_at"], rows), len(rows)


def build(ctx):
    r = rng("kpi")
    out = {}

    # Sales forecast: weighted open pipeline + won in the quarter vs target.
    deals = ctx["hs_deal_rows"]

    def sales(d):
        q = quarter(d)
        rate = fx_eur_usd(d)
        weighted = won = 0.0
        for (cr, cl, amt, cur, stage, reg) in deals:
            usd = amt * (rate if cur == "EUR" else 1.0)
            if quarter(cl) != q:
                continue
            if cr <= d < cl:
                weighted += usd * (stage[2] if stage[2] not in (0.0, 1.0) else 0.5)
            elif stage[2] == 1.0 and cl <= d:
                won += usd
        tgt = sum(v for (qq, _), v in ctx["hs_targets"].items() if qq == q)
        return [q, "%.2f" % weighted, "%.2f" % won, "%.2f" % tgt, "%.4f" % ((weighted + won) / tgt)]
    out["sales"] = series(r, "sales_forecast_kpi",
                          ["quarter", "weighted_pipeline_usd", "closed_won_usd", "target_usd",
                           "forecast_attainment"], sales)

    # Customer success: share of green accounts, gross renewal rate (trailing 90 days).
    acc = ctx["gs_accounts"]
    n = len(acc)
    green_now = sum(1 for a in acc if a["HealthColor__gc"] == "Green")
    ren = ctx["gs_renewals"]
    span = (END - FROM).days

    def cs(d):
        drift = int(round((span - (d - FROM).days) / span * 14 - 7 + r.randint(-2, 2)))
        green = max(0, min(n, green_now - drift))
        red = int((n - green) * 0.35)
        due = [(up, rn) for (dd, up, rn, o) in ren if d - timedelta(days=90) < dd <= d and o != "Pending"]
        grr = sum(min(rn, up) for up, rn in due) / sum(up for up, _ in due) if due else None
        return [n, green, red, "%.4f" % (green / n), "%.4f" % grr if grr is not None else ""]
    out["cs"] = series(r, "customer_success_kpi",
                       ["accounts", "green_accounts", "red_accounts", "green_share",
                        "gross_renewal_rate_90d"], cs)

    # Gross margin: month to date, from NetSuite revenue and COGS.
    monthly = ctx["ns_monthly"]

    def gm(d):
        m = date(d.year, d.month, 1)
        rev, cost = monthly[m]
        dim = ((m.replace(month=m.month % 12 + 1, year=m.year + (m.month == 12))) - m).days
        frac = d.day / dim
        if m.year == END.year and m.month == END.month:
            frac = d.day / END.day
        wob = 1 + 0.03 * ((d.day * 7) % 5 - 2) / 2
        rv, cg = rev * frac, cost * frac * wob
        return [m.strftime("%Y-%m"), "%.2f" % rv, "%.2f" % cg, "%.4f" % ((rv - cg) / rv)]
    # Finance's close job failed on the 18th and 19th: the series is stale on purpose.
    out["gm"] = series(r, "gross_margin_kpi",
                       ["month", "mtd_revenue_usd", "mtd_cogs_usd", "gross_margin_mtd"], gm,
                       last=END - timedelta(days=2))

    # Product release: on-time share and median cycle time over the trailing 90 days.
    rel = ctx["jira_readiness"]
    iss = ctx["jira_issue_rows"]

    def pr(d):
        lo = (d - timedelta(days=90)).isoformat()
        shipped = [x for x in rel if x["actual_release_date"] and lo < x["actual_release_date"] <= d.isoformat()]
        on_time = sum(1 for x in shipped if x["shipped_on_time"])
        cyc = [(res - cr).total_seconds() / 86400 for (_, st, cr, res) in iss
               if res and lo < res.date().isoformat() <= d.isoformat()]
        return [len(shipped), on_time, "%.4f" % (on_time / len(shipped)) if shipped else "",
                "%.1f" % statistics.median(cyc) if cyc else ""]
    out["pr"] = series(r, "product_release_kpi",
                       ["releases_shipped_90d", "releases_on_time_90d", "on_time_share_90d",
                        "median_cycle_time_days_90d"], pr)

    # Marketing leads: MQLs created, and lead -> deal conversion over the trailing 90 days.
    leads = ctx["hs_lead_rows"]

    def ml(d):
        today = sum(1 for (m, _) in leads if m == d)
        w30 = sum(1 for (m, _) in leads if d - timedelta(days=30) < m <= d)
        w90 = [(m, c) for (m, c) in leads if d - timedelta(days=90) < m <= d]
        conv = sum(1 for _, c in w90 if c) / len(w90) if w90 else 0.0
        return [today, w30, len(w90), "%.4f" % conv]
    out["ml"] = series(r, "marketing_leads_kpi",
                       ["mqls_created", "mqls_30d", "mqls_90d", "lead_to_deal_conversion_90d"], ml)

    # OEE: plant-wide, from the day's production runs (no row on days without production).
    daily = ctx["mfg_daily"]

    def oee(d):
        x = daily.get(d)
        if not x:
            return None
        a = x["run"] / x["planned"]
        p = x["ideal"] / x["run"]
        q = x["good"] / x["total"]
        return ["%.4f" % a, "%.4f" % p, "%.4f" % q, "%.4f" % (a * p * q), "0.8500"]
    out["oee"] = series(r, "oee_kpi", ["availability", "performance", "quality", "oee",
                                       "world_class_target"], oee, missing=3)
    ctx["kpi_counts"] = {k: v[1] for k, v in out.items()}

    def kpi(key, name, desc, tags, sample, sla, columns, updated):
        return product(key, name, DOMAIN, desc, OWNER, STEWARD, ["kpi"] + tags, "KPI pipeline (dbt)",
                       ["csv"], POLICY, sla, "1.0.0", updated,
                       [dataset(sample[0].split("/")[-1][:-4], "csv", sample[0], "",
                                "Daily KPI values, one row per day.",
                                cols(("date", "date", "Day the value is for (UTC)."), *columns,
                                     ("loaded_at", "timestamp", "When the row was loaded; more than 24 h after `date` means it was late.")))])

    products = [
        kpi("kpi.sales-forecast", "Sales Forecast KPI",
            "Will we hit the quarter? Forecast attainment = (weighted open pipeline + won) / target.\n\n"
            "Grain: one row per day. The weighted pipeline is Σ amount × stage probability over "
            "open HubSpot deals expected to close in the current quarter, converted to USD.\n\n"
            "- Uses each deal's *current* stage.\n- EUR rates come from an unowned legacy table.",
            ["sales", "forecast"], out["sales"], 24,
            [("quarter", "string", "Current quarter."),
             ("weighted_pipeline_usd", "decimal", "Σ amount × probability, open deals closing this quarter."),
             ("closed_won_usd", "decimal", "Won so far this quarter."),
             ("target_usd", "decimal", "Quarter target, all regions."),
             ("forecast_attainment", "decimal", "(weighted + won) / target.")], "2026-11-20T06:00:00Z"),
        kpi("kpi.customer-success", "Customer Success KPI",
            "Are customers healthy and staying? Share of accounts with a green health score, and "
            "the gross renewal rate.\n\n"
            "Grain: one row per day. Green share = green accounts / all accounts in Gainsight; "
            "gross renewal rate = Σ min(renewed, up for renewal) / Σ up for renewal over renewals "
            "due in the trailing 90 days.\n\n"
            "- Coalesces the renamed health score field (schema change on 2026-06-01).",
            ["customer-success", "retention"], out["cs"], 24,
            [("accounts", "integer", "Accounts in Gainsight."),
             ("green_accounts", "integer", "Accounts with a Green health colour."),
             ("red_accounts", "integer", "Accounts with a Red health colour."),
             ("green_share", "decimal", "green / accounts."),
             ("gross_renewal_rate_90d", "decimal", "Gross renewal rate, trailing 90 days; empty if nothing was due.")],
            "2026-11-20T06:00:00Z"),
        kpi("kpi.gross-margin", "Gross Margin KPI",
            "Month-to-date gross margin = (revenue − COGS) / revenue.\n\n"
            "Grain: one row per day, month to date, from NetSuite revenue and COGS as curated "
            "by Finance.\n\n"
            "- **Currently stale:** the finance close job failed on 18 and 19 November 2026.\n"
            "- Overhead is allocated monthly, so early-month margins look too good.",
            ["finance", "margin"], out["gm"], 24,
            [("month", "string", "`YYYY-MM`."),
             ("mtd_revenue_usd", "decimal", "Revenue month to date."),
             ("mtd_cogs_usd", "decimal", "COGS month to date."),
             ("gross_margin_mtd", "decimal", "(revenue − COGS) / revenue.")], "2026-11-18T06:12:00Z"),
        kpi("kpi.product-release", "Product Release KPI",
            "Do we ship when we said we would? Share of releases shipped on or before their "
            "planned date, and median issue cycle time.\n\n"
            "Grain: one row per day over the trailing 90 days, from Jira releases (planned "
            "`releaseDate` vs actual ship date) and issues (`resolutiondate − created`).",
            ["product", "delivery"], out["pr"], 24,
            [("releases_shipped_90d", "integer", "Releases shipped in the trailing 90 days."),
             ("releases_on_time_90d", "integer", "Of which on or before the planned date."),
             ("on_time_share_90d", "decimal", "on time / shipped."),
             ("median_cycle_time_days_90d", "decimal", "Median cycle time of issues resolved in the window.")],
            "2026-11-20T06:00:00Z"),
        kpi("kpi.marketing-leads", "Marketing Leads KPI",
            "Is marketing feeding sales? Marketing-qualified leads created, and lead → deal "
            "conversion.\n\n"
            "Grain: one row per day, from HubSpot leads (`messy_mql_date`) and their deal "
            "associations.\n\n- Conversion is measured on leads created in the trailing 90 days, "
            "so recent cohorts look worse than they will end up.",
            ["marketing", "funnel"], out["ml"], 24,
            [("mqls_created", "integer", "MQLs created that day."),
             ("mqls_30d", "integer", "MQLs, trailing 30 days."),
             ("mqls_90d", "integer", "MQLs, trailing 90 days."),
             ("lead_to_deal_conversion_90d", "decimal", "Share of the 90-day MQLs with a deal.")],
            "2026-11-20T06:00:00Z"),
        kpi("kpi.oee", "Manufacturing Efficiency (OEE) KPI",
            "How well do the plants use their lines? OEE = availability × performance × quality.\n\n"
            "Grain: one row per production day, all lines of both plants, computed from "
            "production runs, downtime and scrap through the OEE by Line product.\n\n"
            "- No row on Sundays (no production).\n- 85% is the usual world-class benchmark.",
            ["manufacturing", "oee"], out["oee"], 24,
            [("availability", "decimal", "Run time / planned time."),
             ("performance", "decimal", "Ideal cycle time × units / run time."),
             ("quality", "decimal", "Good units / all units."),
             ("oee", "decimal", "availability × performance × quality."),
             ("world_class_target", "decimal", "Benchmark, 0.85.")], "2026-11-20T06:00:00Z"),
    ]
    lineage = [
        {"from": "sales.sales-forecast", "to": "kpi.sales-forecast", "kind": "aggregate", "job": "dbt.kpi_sales_forecast"},
        {"from": "sales.hubspot-deals", "to": "kpi.sales-forecast", "kind": "aggregate", "job": "dbt.kpi_sales_forecast"},
        {"from": "cs.gainsight-accounts", "to": "kpi.customer-success", "kind": "aggregate", "job": "dbt.kpi_customer_success"},
        {"from": "cs.renewals", "to": "kpi.customer-success", "kind": "aggregate", "job": "dbt.kpi_customer_success"},
        {"from": "finance.gross-margin", "to": "kpi.gross-margin", "kind": "aggregate", "job": "dbt.kpi_gross_margin"},
        {"from": "product.release-readiness", "to": "kpi.product-release", "kind": "aggregate", "job": "dbt.kpi_product_release"},
        {"from": "product.jira-issues", "to": "kpi.product-release", "kind": "aggregate", "job": "dbt.kpi_product_release"},
        {"from": "sales.marketing-leads", "to": "kpi.marketing-leads", "kind": "aggregate", "job": "dbt.kpi_marketing_leads"},
        {"from": "sales.hubspot-deals", "to": "kpi.marketing-leads", "kind": "aggregate", "job": "dbt.kpi_marketing_leads"},
        {"from": "mfg.oee", "to": "kpi.oee", "kind": "aggregate", "job": "dbt.kpi_oee"},
    ]
    return products, lineage
