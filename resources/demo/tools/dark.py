# SPDX-License-Identifier: MIT
"""Dark data: four tables Ashi, a departed engineer, left in the legacy Postgres and on a file
share. No owner, no steward, cryptic undocumented columns, a few exact duplicate rows, one
stale table, and one that quietly feeds the sales forecast."""
from datetime import date, timedelta

from common import (KEY_CUSTOMERS, cols, dataset, days, fx_eur_usd, product, rng,
                    tail_customers, write_csv)


def dupes(r, rows, n):
    """Insert n exact copies of random rows right after the original (as a bad reload would)."""
    for _ in range(n):
        i = r.randrange(len(rows))
        rows.insert(i + 1, list(rows[i]))
    return rows


def undocumented(*names):
    return [{"name": n, "type": t, "description": "", "classification": "", "tags": []}
            for n, t in names]


def dark(key, name, desc, source, sample, cols_, updated, table):
    return product(key, name, None, desc, None, None, ["dark-data"], source, ["csv"], "", None,
                   "", updated, [dataset(table, "csv", sample, "", "", cols_)])


def build(ctx):
    r = rng("dark")
    hs = ctx.get("hs_company_ids", {})
    ns = {c["companyname"]: c["id"] for c in ctx.get("ns_customers", [])}
    ns_ids = [c["id"] for c in ctx.get("ns_customers", [])]
    gs_ids = [a["Gsid"] for a in ctx.get("gs_accounts", [])]

    rows = []
    for i, name in enumerate(KEY_CUSTOMERS + tail_customers(160)[:170]):
        rows.append(["C2-%04d" % (i + 17), hs.get(name, ""),
                     r.choice(ns_ids) if r.random() < 0.2 else (ns_ids[i] if i < len(ns_ids) else ""),
                     gs_ids[i] if i < len(gs_ids) and r.random() < 0.8 else "",
                     "%.2f" % r.uniform(-500, 90000), r.choice(["0", "1", "1", "Y", ""]),
                     (date(2023, 6, 1) + timedelta(days=r.randint(0, 500))).isoformat()])
    s_map = write_csv("legacy/cust_map_v2.csv",
                      ["cust_id2", "hs_id", "ns_ext", "gs_ref", "amt_x", "flg", "upd"], dupes(r, rows, 6))

    rows = []
    for d in days(date(2026, 1, 1), date(2026, 11, 19)):
        rows.append([d.isoformat(), "EUR", "%.4f" % fx_eur_usd(d), "ecb?"])
    s_fx = write_csv("legacy/fx_rates_tmp.csv", ["d", "ccy", "r", "src"], dupes(r, rows, 4))

    rows = []
    for i in range(260):
        d = date(2023, 1, 2) + timedelta(days=r.randint(0, 420))
        rows.append([str(700120 + i), "C2-%04d" % r.randint(17, 246), d.strftime("%d.%m.%Y"),
                     "%.2f" % r.uniform(90, 48000), r.choice(["o", "s", "x", "s", "s"]),
                     r.choice(["", "", "chk", "TODO ashi", "dup?"])])
    s_ord = write_csv("legacy/orders_bak_2024.csv", ["id", "cust_id2", "ord_dt", "amt_x", "st", "x1"],
                      dupes(r, rows, 5))

    rows = []
    for i in range(240):
        d = date(2025, 5, 1) + timedelta(days=r.randint(0, 200))
        rows.append(["%sT%02d:%02d:%02d" % (d.isoformat(), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
                     r.choice(["gw.hb", "gw.err", "sns.cal", "sync.ok", "sync.fail", "x"]),
                     r.choice(["1", "0", "", "NaN", str(r.randint(2, 900))]),
                     r.choice(["p1", "p2", "mty", ""]), str(r.randint(0, 12))])
    rows.sort()
    s_evt = write_csv("legacy/evt_dump_x.csv", ["ts", "k", "v", "src_sys", "n"], dupes(r, rows, 5))

    products = [
        dark("legacy.cust_map_v2", "cust_map_v2",
             "Customer id mapping? Looks like HubSpot / NetSuite / Gainsight ids.",
             "Postgres (legacy)", s_map,
             undocumented(("cust_id2", "string"), ("hs_id", "string"), ("ns_ext", "string"),
                          ("gs_ref", "string"), ("amt_x", "decimal"), ("flg", "string"),
                          ("upd", "date")), "2026-09-02T23:10:00Z", "cust_map_v2"),
        dark("legacy.fx_rates_tmp", "fx_rates_tmp", "", "Postgres (legacy)", s_fx,
             undocumented(("d", "date"), ("ccy", "string"), ("r", "decimal"), ("src", "string")),
             "2026-11-19T23:55:00Z", "fx_rates_tmp"),
        dark("legacy.orders_bak_2024", "orders_bak_2024", "", "Postgres (legacy)", s_ord,
             undocumented(("id", "string"), ("cust_id2", "string"), ("ord_dt", "string"),
                          ("amt_x", "decimal"), ("st", "string"), ("x1", "string")),
             "2024-03-14T17:42:00Z", "orders_bak_2024"),
        dark("legacy.evt_dump_x", "evt_dump_x", "", "Unknown", s_evt,
             undocumented(("ts", "timestamp"), ("k", "string"), ("v", "string"),
                          ("src_sys", "string"), ("n", "integer")), "2025-11-20T02:00:00Z",
             "evt_dump_x"),
    ]
    products[2]["status"] = "deprecated"  # someone flagged it in 2024, then nobody acted
    lineage = [
        {"from": "legacy.fx_rates_tmp", "to": "sales.sales-forecast", "kind": "transform", "job": "dbt.sales_forecast"},
    ]
    return products, lineage
