# SPDX-License-Identifier: MIT
"""NetSuite (Finance): SuiteQL REST responses for customers, invoices, revenue and cost of goods
sold per accounting period and product line (class), and the curated gross margin."""
from datetime import date, datetime, timedelta, timezone

from common import (KEY_CUSTOMERS, PII, NONPII, START, END, cols, dataset, domain_of, months,
                    phone, product, rng, spelling, tail_customers, write_csv, write_json)

DOMAIN = "Finance"
OWNER, STEWARD, ANALYST = "rafael.costa", "ingrid.berg", "leila.farahani"
SUITEQL = "https://1234567.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql"
POLICY = ("Confidential. Finance and managers have read access; other employees request it from "
          "the owner with a purpose. Period data is final only after the period is closed "
          "(usually the 6th working day).")
LINES = [("101", "Sensors", 0.42), ("102", "Gateways", 0.55), ("103", "Software Subscriptions", 0.18),
         ("104", "Services", 0.60), ("105", "Spare Parts", 0.48)]
SUBS = [("1", "Messy Inc. (US)"), ("2", "Messy Europe B.V.")]


def ns_date(d):
    return "%d/%d/%d" % (d.month, d.day, d.year)  # NetSuite user date preference M/D/YYYY


def suiteql(items, query_offset=0):
    for it in items:
        it["links"] = []
    return {"links": [{"rel": "self", "href": SUITEQL + "?limit=1000&offset=%d" % query_offset}],
            "count": len(items), "hasMore": False, "offset": query_offset,
            "totalResults": len(items), "items": items}


def period_name(m):
    return m.strftime("%b %Y")


def build(ctx):
    r = rng("netsuite")
    names = KEY_CUSTOMERS + tail_customers(160)[:150]
    customers = []
    for i, name in enumerate(names):
        sub = r.choice(SUBS)
        created = date(2019, 1, 1) + timedelta(days=r.randint(0, 2700))
        modified = min(END, created + timedelta(days=r.randint(30, 2500)))
        hs = ctx.get("hs_company_ids", {}).get(name, "")
        customers.append({
            "id": str(1200 + i * 3),
            "entityid": "CUST-%05d" % (310 + i * 7),
            "companyname": spelling(name, "netsuite"),
            "email": "ap@" + domain_of(name) if r.random() < 0.85 else "",
            "phone": phone(r) if r.random() < 0.7 else "",
            "subsidiary": sub[0],
            "currency": "1" if sub[0] == "1" else "4",
            "terms": r.choice(["Net 30", "Net 30", "Net 45", "Net 60", "Due on receipt"]),
            "datecreated": ns_date(created),
            "lastmodifieddate": ns_date(modified),
            "isinactive": "T" if r.random() < 0.05 else "F",
            "custentity_hubspot_company_id": hs if (hs and r.random() < 0.3) else None,
        })
    ctx["ns_customers"] = customers
    s_cust = write_json("netsuite/customers.json", suiteql(customers))

    invoices = []
    for i in range(420):
        c = r.choice(customers)
        d = START + timedelta(days=r.randint(0, (END - START).days))
        total = round(r.choice([1800, 4200, 9500, 16000, 28000, 52000]) * r.uniform(0.7, 1.4), 2)
        due = d + timedelta(days={"Net 30": 30, "Net 45": 45, "Net 60": 60}.get(c["terms"], 0))
        status = "B" if due < date(2026, 10, 1) and r.random() < 0.93 else r.choice(["A", "A", "B"])
        invoices.append({
            "id": str(88000 + i * 11),
            "tranid": "INV%06d" % (24000 + i),
            "type": "CustInvc",
            "trandate": ns_date(d),
            "duedate": ns_date(due),
            "entity": c["id"],
            "customer_name": c["companyname"],
            "status": status,
            "foreigntotal": "%.2f" % total,
            "currency": c["currency"],
            "exchangerate": "1" if c["currency"] == "1" else "%.4f" % r.uniform(1.04, 1.12),
            "postingperiod": str(200 + (d.year - 2025) * 12 + d.month),
            "subsidiary": c["subsidiary"],
            "memo": r.choice([None, "", "PO 4500012345", "Q3 sensors", "Service visit", "Spare parts order"]),
        })
    invoices.sort(key=lambda x: int(x["id"]))
    s_inv = write_json("netsuite/invoices.json", suiteql(invoices))

    revenue, cogs, margin = [], [], []
    monthly = {}
    for idx, m in enumerate(months()):
        pid = str(200 + (m.year - 2025) * 12 + m.month)
        partial = m.year == END.year and m.month == END.month
        for sub, sub_name in SUBS:
            for cls, line, cost_ratio in LINES:
                base = {"101": 310000, "102": 180000, "103": 240000, "104": 90000, "105": 60000}[cls]
                base *= (1.0 if sub == "1" else 0.62) * (1 + 0.012 * idx) * r.uniform(0.85, 1.15)
                if m.month == 12:
                    base *= 1.2
                if partial:
                    base *= 19 / 30.0
                rev = round(base, 2)
                ratio = cost_ratio * r.uniform(0.9, 1.12)
                total_cogs = round(rev * ratio, 2)
                mat = round(total_cogs * (0.7 if cls in ("101", "102", "105") else 0.1), 2)
                lab = round(total_cogs * (0.2 if cls in ("101", "102", "105") else 0.7), 2)
                ovh = round(total_cogs - mat - lab, 2)
                revenue.append({"postingperiod": pid, "periodname": period_name(m),
                                "subsidiary": sub, "class": cls, "class_name": line,
                                "revenue": "%.2f" % rev,
                                "periodclosed": "F" if partial or (m.year == 2026 and m.month == 10) else "T"})
                cogs.append({"postingperiod": pid, "periodname": period_name(m), "subsidiary": sub,
                             "class": cls, "class_name": line, "cogs_materials": "%.2f" % mat,
                             "cogs_labor": "%.2f" % lab, "cogs_overhead": "%.2f" % ovh,
                             "cogs_total": "%.2f" % (mat + lab + ovh)})
                gp = rev - (mat + lab + ovh)
                margin.append([m.strftime("%Y-%m"), pid, sub_name, line, "%.2f" % rev,
                               "%.2f" % (mat + lab + ovh), "%.2f" % gp, "%.4f" % (gp / rev),
                               "open" if partial else "closed"])
                t = monthly.setdefault(m, [0.0, 0.0])
                t[0] += rev
                t[1] += mat + lab + ovh
    ctx["ns_monthly"] = monthly
    s_rev = write_json("netsuite/revenue_by_product_line.json", suiteql(revenue))
    s_cogs = write_json("netsuite/cogs_by_period.json", suiteql(cogs))
    s_gm = write_csv("netsuite/gross_margin_monthly.csv",
                     ["period", "posting_period_id", "subsidiary", "product_line", "revenue_usd",
                      "cogs_usd", "gross_profit_usd", "gross_margin", "period_status"], margin)

    products = [
        product("finance.netsuite-customers", "NetSuite Customers", DOMAIN,
                "Billing customers as the ledger knows them.\n\n"
                "Grain: NetSuite customer internal id. Pulled with SuiteQL "
                "(`SELECT … FROM customer`) through the REST query service.\n\n"
                "- Names are spelt differently from HubSpot (upper case, `Inc.`/`Ltd` suffixes); "
                "the custom field `custentity_hubspot_company_id` is filled for only ~30% of them.\n"
                "- Dates follow the integration user's preference `M/D/YYYY`; booleans are `T`/`F`.",
                OWNER, STEWARD, ["erp", "customers", "master-data"], "NetSuite", ["json"], POLICY,
                24, "1.3.0", "2026-11-20T02:00:00Z",
                [dataset("customers", "json", s_cust, SUITEQL, "SuiteQL response of the customer table.",
                         cols(("id", "string", "Internal id."),
                              ("entityid", "string", "Customer number, e.g. CUST-00310."),
                              ("companyname", "string", "Company name as Finance typed it.", NONPII),
                              ("email", "string", "Accounts-payable e-mail.", PII),
                              ("phone", "string", "Phone number.", PII),
                              ("subsidiary", "string", "1 = Messy Inc. (US), 2 = Messy Europe B.V."),
                              ("currency", "string", "Currency internal id: 1 USD, 4 EUR."),
                              ("terms", "string", "Payment terms."),
                              ("datecreated", "date", "Created, `M/D/YYYY`."),
                              ("lastmodifieddate", "date", "Last modified, `M/D/YYYY`."),
                              ("isinactive", "boolean", "`T` or `F`."),
                              ("custentity_hubspot_company_id", "string", "Custom field: HubSpot company id, mostly null."),
                              ("links", "json", "Always empty for SuiteQL rows.")))]),
        product("finance.netsuite-invoices", "NetSuite Invoices", DOMAIN,
                "Customer invoices (transaction type `CustInvc`) since January 2025.\n\n"
                "Grain: invoice header. SuiteQL over `transaction`, with the customer name via "
                "`BUILTIN.DF(entity)`.\n\n"
                "- `foreigntotal` is in the invoice currency; multiply by `exchangerate` for USD.\n"
                "- `status`: A = open, B = paid in full.\n"
                "- Numbers come back as strings.",
                OWNER, STEWARD, ["erp", "invoices", "receivables"], "NetSuite", ["json"], POLICY,
                24, "1.1.1", "2026-11-20T02:00:00Z",
                [dataset("invoices", "json", s_inv, SUITEQL, "SuiteQL response of invoice headers.",
                         cols(("id", "string", "Transaction internal id."),
                              ("tranid", "string", "Invoice number."),
                              ("type", "string", "Always CustInvc."),
                              ("trandate", "date", "Invoice date, `M/D/YYYY`."),
                              ("duedate", "date", "Due date, `M/D/YYYY`."),
                              ("entity", "string", "Customer internal id."),
                              ("customer_name", "string", "Customer name (BUILTIN.DF).", NONPII),
                              ("status", "string", "A open, B paid in full."),
                              ("foreigntotal", "decimal", "Total in transaction currency (string)."),
                              ("currency", "string", "1 USD, 4 EUR."),
                              ("exchangerate", "decimal", "To USD."),
                              ("postingperiod", "string", "Accounting period id."),
                              ("subsidiary", "string", "Subsidiary id."),
                              ("memo", "string", "Free text; null or empty when unused."),
                              ("links", "json", "Always empty.")))]),
        product("finance.revenue-by-product-line", "Revenue by Product Line", DOMAIN,
                "Recognised revenue per accounting period, subsidiary and product line.\n\n"
                "Grain: period × subsidiary × class (product line). SuiteQL aggregate over "
                "posted revenue accounts (4000–4999), amounts consolidated to USD.\n\n"
                "- Periods with `periodclosed = F` can still change.\n"
                "- The current period is partial.",
                OWNER, STEWARD, ["revenue", "product-line", "ledger"], "NetSuite", ["json"], POLICY,
                24, "2.2.0", "2026-11-20T02:00:00Z",
                [dataset("revenue_by_product_line", "json", s_rev, SUITEQL, "SuiteQL aggregate response.",
                         cols(("postingperiod", "string", "Accounting period id."),
                              ("periodname", "string", "`Mon YYYY`."),
                              ("subsidiary", "string", "Subsidiary id."),
                              ("class", "string", "Class (product line) id."),
                              ("class_name", "string", "Product line name."),
                              ("revenue", "decimal", "Revenue in USD (string)."),
                              ("periodclosed", "boolean", "`T` when the period is closed."),
                              ("links", "json", "Always empty.")))]),
        product("finance.cogs", "Cost of Goods Sold", DOMAIN,
                "Cost of goods sold per accounting period, subsidiary and product line, split "
                "into materials, labour and overhead.\n\n"
                "Grain: period × subsidiary × class. SuiteQL aggregate over COGS accounts "
                "(5000–5399), USD.\n\n"
                "- Overhead is allocated monthly by a journal on the 3rd working day; until then "
                "the current period's overhead is low.",
                OWNER, STEWARD, ["cogs", "costs", "ledger"], "NetSuite", ["json"], POLICY, 24,
                "1.4.0", "2026-11-20T02:00:00Z",
                [dataset("cogs_by_period", "json", s_cogs, SUITEQL, "SuiteQL aggregate response.",
                         cols(("postingperiod", "string", "Accounting period id."),
                              ("periodname", "string", "`Mon YYYY`."),
                              ("subsidiary", "string", "Subsidiary id."),
                              ("class", "string", "Product line id."),
                              ("class_name", "string", "Product line name."),
                              ("cogs_materials", "decimal", "Materials, USD."),
                              ("cogs_labor", "decimal", "Direct labour, USD."),
                              ("cogs_overhead", "decimal", "Allocated overhead, USD."),
                              ("cogs_total", "decimal", "Sum of the three."),
                              ("links", "json", "Always empty.")))]),
        product("finance.gross-margin", "Gross Margin", DOMAIN,
                "Gross margin per month, subsidiary and product line.\n\n"
                "Grain: month × subsidiary × product line. `dbt.gross_margin` joins revenue and "
                "COGS on period, subsidiary and class: gross margin = (revenue − COGS) / revenue. "
                "This is the company's official gross margin figure; the KPI tile reads from it.\n\n"
                "- **Open periods** (`period_status = open`) are provisional.\n"
                "- Amounts are USD, consolidated at the month's average rate.",
                ANALYST, STEWARD, ["gross-margin", "curated", "profitability"], "dbt (NetSuite)", ["csv"],
                "Confidential: Finance, managers and the governance council.", 24, "2.0.0",
                "2026-11-20T03:00:00Z",
                [dataset("gross_margin_monthly", "csv", s_gm, "", "Monthly gross margin.",
                         cols(("period", "string", "`YYYY-MM`."),
                              ("posting_period_id", "string", "NetSuite period id."),
                              ("subsidiary", "string", "Subsidiary name."),
                              ("product_line", "string", "Product line."),
                              ("revenue_usd", "decimal", "Revenue, USD."),
                              ("cogs_usd", "decimal", "COGS, USD."),
                              ("gross_profit_usd", "decimal", "Revenue − COGS."),
                              ("gross_margin", "decimal", "Gross profit / revenue (0–1)."),
                              ("period_status", "string", "open or closed.")))]),
    ]
    lineage = [
        {"from": "finance.netsuite-invoices", "to": "finance.revenue-by-product-line", "kind": "aggregate", "job": "netsuite.suiteql.revenue_by_class"},
        {"from": "finance.netsuite-customers", "to": "finance.netsuite-invoices", "kind": "transform", "job": "netsuite.suiteql.invoices"},
        {"from": "finance.revenue-by-product-line", "to": "finance.gross-margin", "kind": "transform", "job": "dbt.gross_margin"},
        {"from": "finance.cogs", "to": "finance.gross-margin", "kind": "transform", "job": "dbt.gross_margin"},
        {"from": "sales.hubspot-deals", "to": "finance.netsuite-invoices", "kind": "copy", "job": "celigo.hubspot_closed_won_to_sales_orders"},
    ]
    return products, lineage
