# SPDX-License-Identifier: MIT
"""Gainsight (Customer Success): company health, renewals, churn events and NPS responses, as
Gainsight Data API query responses. The company object changed schema in June 2026."""
from datetime import date, datetime, timedelta, timezone

from common import (KEY_CUSTOMERS, PII, NONPII, SNAPSHOT, START, END, INDUSTRIES, cols, dataset,
                    email_for, iso_z, person, product, rng, spelling, tail_customers, uuid4,
                    write_json)

DOMAIN = "Customer Success"
OWNER, STEWARD = "fatima.alrashid", "olivia.nguyen"
API = "https://messy.gainsightcloud.com/v1/data/objects/query/"
POLICY = ("Internal. Account-level health and renewals are open to Sales, Finance and managers; "
          "NPS verbatims and respondent details only to Customer Success and approved analysts "
          "(owner approval, 12 months).")
SCHEMA_CHANGE = date(2026, 6, 1)


def gsid(r):
    return "1P02" + "".join(r.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(32))


def envelope(r, records):
    return {"result": True, "errorCode": None, "errorDesc": None,
            "data": {"records": records}, "requestId": uuid4(r), "message": None}


def gs_ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000Z") if isinstance(dt, datetime) else dt.isoformat()


def build(ctx):
    r = rng("gainsight")
    names = KEY_CUSTOMERS + tail_customers(160)[:150]
    accounts = []
    csms = ["Olivia Nguyen", "Tariq Aziz", "Hannah Schulz", "Bruno Alves", "Keiko Mori"]
    for name in names:
        g = gsid(r)
        arr = round(r.choice([8000, 15000, 24000, 40000, 60000, 95000, 150000]) * r.uniform(0.8, 1.3), 2)
        score = max(5, min(99, int(r.gauss(72, 15))))
        color = "Green" if score >= 70 else ("Yellow" if score >= 45 else "Red")
        modified = datetime(2025, 9, 1, tzinfo=timezone.utc) + timedelta(
            days=r.randint(0, (END - date(2025, 9, 1)).days), minutes=r.randint(0, 1400))
        renewal = date(2026, 1, 1) + timedelta(days=r.randint(0, 540))
        rec = {
            "Gsid": g,
            "Name": spelling(name, "gainsight"),
            "Industry": r.choice(INDUSTRIES).replace("_", " ").title(),
            "Employees": r.choice([20, 60, 150, 400, 1200, 5000]),
            "Arr": arr,
            "Mrr": round(arr / 12, 2),
            "RenewalDate": renewal.isoformat(),
            "Stage": r.choice(["Active", "Active", "Active", "Onboarding", "Renewal Pending"]),
            "Status": "Active",
            "CsmName": r.choice(csms),
        }
        if modified.date() < SCHEMA_CHANGE:
            rec["HealthScore__gc"] = score
            rec["HealthColor__gc"] = color
        else:  # schema change: score renamed, trend added
            rec["Health_Score_v2__gc"] = score
            rec["HealthColor__gc"] = color
            rec["HealthTrend__gc"] = r.choice(["Up", "Flat", "Flat", "Down"])
        rec["ModifiedDate"] = gs_ts(modified)
        accounts.append(rec)
    accounts.sort(key=lambda a: a["ModifiedDate"])
    ctx["gs_accounts"] = accounts
    s_acc = write_json("gainsight/company_health.json", envelope(r, accounts), depth=3)

    renewals = []
    ren_rows = []
    for i in range(240):
        a = r.choice(accounts)
        due = START + timedelta(days=r.randint(0, (date(2026, 12, 31) - START).days))
        up = round(a["Arr"] * r.uniform(0.9, 1.1), 2)
        if due > END:
            outcome, renewed, closed = "Pending", None, None
        else:
            outcome = r.choices(["Renewed", "Upsell", "Downsell", "Churned"], [62, 14, 14, 10])[0]
            renewed = {"Renewed": up, "Upsell": round(up * r.uniform(1.05, 1.4), 2),
                       "Downsell": round(up * r.uniform(0.5, 0.9), 2), "Churned": 0.0}[outcome]
            closed = due + timedelta(days=r.randint(-45, 20))
        renewals.append({
            "Gsid": gsid(r), "Company_ID__gc": a["Gsid"], "Company_Name__gc": a["Name"],
            "Renewal_Date__gc": due.isoformat(), "ARR_Up_For_Renewal__gc": up,
            "Renewed_ARR__gc": renewed, "Outcome__gc": outcome,
            "Currency__gc": "USD", "Closed_Date__gc": closed.isoformat() if closed else None,
            "CreatedDate": gs_ts(datetime(due.year, due.month, due.day, 9, tzinfo=timezone.utc) - timedelta(days=120)),
        })
        ren_rows.append((due, up, renewed, outcome))
    renewals.sort(key=lambda x: x["Renewal_Date__gc"])
    ctx["gs_renewals"] = ren_rows
    s_ren = write_json("gainsight/renewals.json", envelope(r, renewals), depth=3)

    churn = []
    for i in range(205):
        a = r.choice(accounts)
        d = START + timedelta(days=r.randint(0, (END - START).days))
        kind = r.choices(["Full", "Partial", "Product", "Risk Flag"], [15, 35, 20, 30])[0]
        lost = 0.0 if kind == "Risk Flag" else round(a["Arr"] * (1 if kind == "Full" else r.uniform(0.1, 0.5)), 2)
        churn.append({
            "Gsid": gsid(r), "Company_ID__gc": a["Gsid"], "Company_Name__gc": a["Name"],
            "Event_Date__gc": d.isoformat(), "Churn_Type__gc": kind, "Lost_ARR__gc": lost,
            "Reason__gc": r.choice(["Price", "Competitor", "Budget cut", "Product gaps",
                                    "M&A", "Poor onboarding", "Champion left", None]),
            "Logged_By__gc": r.choice(csms),
            "Notes__gc": r.choice(["", "Moved to a competitor, see CTA", "Plant closed",
                                   "Seats reduced after layoffs", "Asked for a discount, declined",
                                   "Champion left; new VP unaware of us"]),
        })
    churn.sort(key=lambda x: x["Event_Date__gc"])
    s_churn = write_json("gainsight/churn_events.json", envelope(r, churn), depth=3)

    nps = []
    for i in range(320):
        a = r.choice(accounts)
        first, last = person(r)
        d = datetime(2025, 2, 1, tzinfo=timezone.utc) + timedelta(
            days=r.randint(0, (END - date(2025, 2, 1)).days), hours=r.randint(7, 20), minutes=r.randint(0, 59))
        score = r.choices(range(11), [2, 1, 1, 2, 3, 4, 6, 12, 22, 25, 22])[0]
        nps.append({
            "Gsid": gsid(r), "CompanyId": a["Gsid"], "CompanyName": a["Name"],
            "ContactName": "%s %s" % (first, last),
            "ContactEmail": email_for(first, last, a["Name"]),
            "SurveyName": "Relationship NPS %s" % ("H1" if d.month <= 6 else "H2") + " %d" % d.year,
            "Score": score,
            "Category": "Promoter" if score >= 9 else ("Passive" if score >= 7 else "Detractor"),
            "Comment": r.choice(["", "", "Great support team", "Sensors drop offline too often",
                                 "Dashboard is slow", "Love the new app", "Pricing is high",
                                 "Installation was painless", "Firmware updates break things"]),
            "RespondedDate": gs_ts(d),
        })
    nps.sort(key=lambda x: x["RespondedDate"])
    s_nps = write_json("gainsight/nps_responses.json", envelope(r, nps), depth=3)

    products = [
        product("cs.gainsight-accounts", "Customer Health (Gainsight Accounts)", DOMAIN,
                "Every customer account with its ARR, renewal date, CSM and health score.\n\n"
                "Grain: Gainsight company (Gsid). Queried from the Company object with the Data "
                "API; the health colour is Green ≥ 70, Yellow 45–69, Red < 45.\n\n"
                "- **Schema change on 2026-06-01:** `HealthScore__gc` was renamed "
                "`Health_Score_v2__gc` and `HealthTrend__gc` was added; records modified before "
                "that still carry the old field. Coalesce the two.\n"
                "- Company names are typed differently than in HubSpot and NetSuite "
                "(`(HQ)` suffixes, changed case).",
                OWNER, STEWARD, ["customer-health", "accounts", "arr"], "Gainsight", ["json"],
                POLICY, 24, "2.0.0", "2026-11-20T03:15:00Z",
                [dataset("company_health", "json", s_acc, API + "company",
                         "Gainsight query response `{result, data: {records}}`.",
                         cols(("Gsid", "string", "Gainsight id of the company."),
                              ("Name", "string", "Company name as CS typed it.", NONPII),
                              ("Industry", "string", "Industry."),
                              ("Employees", "integer", "Employee count."),
                              ("Arr", "decimal", "Annual recurring revenue, USD."),
                              ("Mrr", "decimal", "Arr / 12."),
                              ("RenewalDate", "date", "Next renewal date."),
                              ("Stage", "string", "Onboarding, Active or Renewal Pending."),
                              ("Status", "string", "Active (churned companies are not exported)."),
                              ("CsmName", "string", "Customer success manager.", PII),
                              ("HealthScore__gc", "integer", "Health score 0–100 (**before 2026-06-01**)."),
                              ("Health_Score_v2__gc", "integer", "Health score 0–100 (**from 2026-06-01**, renamed)."),
                              ("HealthColor__gc", "string", "Green, Yellow or Red."),
                              ("HealthTrend__gc", "string", "Up, Flat or Down (added 2026-06-01)."),
                              ("ModifiedDate", "timestamp", "Last modification.")))]),
        product("cs.renewals", "Renewals", DOMAIN,
                "Contract renewals and their outcome, one row per renewal opportunity.\n\n"
                "Grain: renewal (custom object `Renewal__gc`). Gross renewal rate for a period = "
                "Σ min(`Renewed_ARR__gc`, `ARR_Up_For_Renewal__gc`) / Σ `ARR_Up_For_Renewal__gc` "
                "over renewals due in the period and not Pending.\n\n"
                "- `Renewed_ARR__gc` is null while the outcome is Pending.\n"
                "- Company names are copied at creation time and are not updated.",
                OWNER, STEWARD, ["renewals", "arr", "retention"], "Gainsight", ["json"], POLICY,
                24, "1.2.0", "2026-11-20T03:15:00Z",
                [dataset("renewals", "json", s_ren, API + "Renewal__gc", "Gainsight query response.",
                         cols(("Gsid", "string", "Renewal record id."),
                              ("Company_ID__gc", "string", "Gsid of the company."),
                              ("Company_Name__gc", "string", "Company name (copied).", NONPII),
                              ("Renewal_Date__gc", "date", "Contract end / renewal due date."),
                              ("ARR_Up_For_Renewal__gc", "decimal", "ARR up for renewal, USD."),
                              ("Renewed_ARR__gc", "decimal", "ARR after renewal, USD; null if pending."),
                              ("Outcome__gc", "string", "Renewed, Upsell, Downsell, Churned or Pending."),
                              ("Currency__gc", "string", "Always USD."),
                              ("Closed_Date__gc", "date", "When the outcome was recorded."),
                              ("CreatedDate", "timestamp", "Record creation.")))]),
        product("cs.churn-events", "Churn Events", DOMAIN,
                "Full, partial and product churn plus risk flags logged by CSMs.\n\n"
                "Grain: one event (custom object `Churn_Event__gc`). Logged by hand, so the reason "
                "is sometimes missing and notes are free text.\n\n"
                "- `Risk Flag` events have no lost ARR; they are early warnings.\n"
                "- A full churn may also appear as a `Churned` renewal; do not add both.\n"
                "- **Draft:** reason codes are still being agreed with Finance.",
                OWNER, STEWARD, ["churn", "retention"], "Gainsight", ["json"], POLICY, 48, "0.9.0",
                "2026-11-20T03:15:00Z",
                [dataset("churn_events", "json", s_churn, API + "Churn_Event__gc", "Gainsight query response.",
                         cols(("Gsid", "string", "Event id."),
                              ("Company_ID__gc", "string", "Gsid of the company."),
                              ("Company_Name__gc", "string", "Company name (copied).", NONPII),
                              ("Event_Date__gc", "date", "Date of the event."),
                              ("Churn_Type__gc", "string", "Full, Partial, Product or Risk Flag."),
                              ("Lost_ARR__gc", "decimal", "ARR lost, USD (0 for risk flags)."),
                              ("Reason__gc", "string", "Main reason; null when not given."),
                              ("Logged_By__gc", "string", "CSM who logged it.", PII),
                              ("Notes__gc", "string", "Free-text notes.")))]),
        product("cs.nps-responses", "NPS Responses", DOMAIN,
                "Relationship NPS survey answers from customer contacts, twice a year.\n\n"
                "Grain: one survey response. NPS = % promoters (9–10) − % detractors (0–6). "
                "Comments are verbatims and may contain names.\n\n"
                "- Respondent name and e-mail are **PII.Sensitive**.\n"
                "- The same contact can answer once per survey wave.",
                OWNER, STEWARD, ["nps", "survey", "voice-of-customer"], "Gainsight", ["json"],
                POLICY, 72, "1.1.0", "2026-11-19T21:00:00Z",
                [dataset("nps_responses", "json", s_nps, API + "survey_response", "Gainsight query response.",
                         cols(("Gsid", "string", "Response id."),
                              ("CompanyId", "string", "Gsid of the company."),
                              ("CompanyName", "string", "Company name.", NONPII),
                              ("ContactName", "string", "Respondent's name.", PII),
                              ("ContactEmail", "string", "Respondent's e-mail.", PII),
                              ("SurveyName", "string", "Survey wave, e.g. `Relationship NPS H2 2026`."),
                              ("Score", "integer", "0–10."),
                              ("Category", "string", "Promoter, Passive or Detractor."),
                              ("Comment", "string", "Verbatim comment; may contain personal data.", PII),
                              ("RespondedDate", "timestamp", "When the survey was answered.")))]),
    ]
    products[2]["status"] = "draft"
    lineage = [
        {"from": "cs.renewals", "to": "cs.churn-events", "kind": "transform", "job": "gainsight.rules_engine.churn_from_renewals"},
        {"from": "sales.hubspot-companies", "to": "cs.gainsight-accounts", "kind": "copy", "job": "gainsight.connector.hubspot"},
    ]
    return products, lineage
