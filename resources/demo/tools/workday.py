# SPDX-License-Identifier: MIT
"""Workday (People): RaaS JSON reports for workers and hires/terminations, and the curated
monthly headcount by supervisory organisation."""
from datetime import date, timedelta

from common import (PII, NONPII, START, END, COUNTRIES, ascii_slug, cols, dataset, months,
                    person, product, rng, write_csv, write_json)

DOMAIN = "People"
OWNER, STEWARD = "grace.mensah", "daniel.cohen"
RAAS = "https://wd5-services1.myworkday.com/ccx/service/customreport2/messy/ISU_Mesh/"
POLICY = ("Restricted. Worker-level data is personal data under GDPR: access only for People "
          "team members and named analysts approved by the owner, for a stated purpose, "
          "reviewed every 6 months. Aggregates with fewer than 5 people are suppressed.")
ORGS = [
    ("SUP-0001", "Executive Office", 6), ("SUP-0010", "Sales & Marketing", 38),
    ("SUP-0020", "Product & Engineering", 64), ("SUP-0030", "People", 9),
    ("SUP-0040", "Customer Success", 22), ("SUP-0050", "Finance", 14),
    ("SUP-0060", "Manufacturing - Plant Leeds", 58), ("SUP-0061", "Manufacturing - Plant Monterrey", 51),
    ("SUP-0070", "Supply Chain", 19), ("SUP-0080", "IT & Data Platform", 15),
]
TITLES = {
    "Executive Office": ["Chief Executive Officer", "Chief Operating Officer", "Executive Assistant"],
    "Sales & Marketing": ["Account Executive", "Sales Development Rep", "Marketing Manager", "Sales Ops Analyst"],
    "Product & Engineering": ["Software Engineer", "Senior Software Engineer", "Firmware Engineer", "Product Manager", "QA Engineer"],
    "People": ["HR Business Partner", "Recruiter", "People Analyst"],
    "Customer Success": ["Customer Success Manager", "Support Engineer"],
    "Finance": ["Accountant", "Controller", "FP&A Analyst"],
    "Manufacturing - Plant Leeds": ["Machine Operator", "Shift Lead", "Maintenance Technician", "Process Engineer"],
    "Manufacturing - Plant Monterrey": ["Machine Operator", "Shift Lead", "Quality Inspector", "Process Engineer"],
    "Supply Chain": ["Buyer", "Planner", "Logistics Coordinator"],
    "IT & Data Platform": ["Platform Engineer", "Data Engineer", "IT Support"],
}
LOCATION = {"Manufacturing - Plant Leeds": ("Leeds", "United Kingdom"),
            "Manufacturing - Plant Monterrey": ("Monterrey", "Mexico")}
REASONS = ["Voluntary > Resignation > Better Opportunity", "Voluntary > Resignation > Relocation",
           "Voluntary > Retirement", "Involuntary > Performance",
           "Involuntary > Position Eliminated", "Voluntary > Resignation > Career Change"]


def build(ctx):
    r = rng("workday")
    workers, events = [], []
    n = 0
    for code, org, size in ORGS:
        for _ in range(size):
            n += 1
            first, last = person(r)
            if r.random() < 0.55:
                hire = START + timedelta(days=r.randint(0, (END - START).days - 20))
            else:
                hire = date(2012, 1, 1) + timedelta(days=r.randint(0, 4700))
            term = None
            if r.random() < 0.26:
                t = max(hire, START) + timedelta(days=r.randint(30, 500))
                if t <= END:
                    term = t
            city, country = LOCATION.get(org, r.choice([("Boston", "United States"),
                                                        ("Berlin", "Germany"),
                                                        ("Leeds", "United Kingdom"),
                                                        ("Remote", r.choice(COUNTRIES))]))
            wid = "%06d" % (21000 + n * 7)
            entry = {
                "Worker_ID": wid,
                "Legal_Name": "%s %s" % (first, last),
                "Preferred_Name": first if r.random() < 0.9 else first[:3],
                "Email_-_Work": "%s.%s@messy.example" % (ascii_slug(first), ascii_slug(last)),
                "Business_Title": r.choice(TITLES[org]),
                "Supervisory_Organization": "%s (%s)" % (org, code),
                "Cost_Center": "CC%d %s" % (100 + ORGS.index((code, org, size)) * 10, org.split(" - ")[0]),
                "Location": city,
                "Country": country,
                "Worker_Type": "Employee" if r.random() < 0.92 else "Contingent Worker",
                "Time_Type": "Full time" if r.random() < 0.88 else "Part time",
                "FTE": "1" if r.random() < 0.88 else r.choice(["0.5", "0.6", "0.8"]),
                "Hire_Date": hire.isoformat(),
                "Termination_Date": term.isoformat() if term else "",
                "Active_Status": "0" if term else "1",
                "Manager_Worker_ID": "%06d" % (21000 + r.randint(1, 20) * 7),
            }
            workers.append(entry)
            if hire >= START:
                events.append({"Event_Type": "Hire", "Effective_Date": hire.isoformat(),
                               "Worker_ID": wid, "Legal_Name": entry["Legal_Name"],
                               "Supervisory_Organization": entry["Supervisory_Organization"],
                               "Business_Title": entry["Business_Title"],
                               "Reason": r.choice(["New Hire > New Position", "New Hire > Backfill",
                                                   "Rehire"]),
                               "Worker_Type": entry["Worker_Type"]})
            if term:
                events.append({"Event_Type": "Termination", "Effective_Date": term.isoformat(),
                               "Worker_ID": wid, "Legal_Name": entry["Legal_Name"],
                               "Supervisory_Organization": entry["Supervisory_Organization"],
                               "Business_Title": entry["Business_Title"],
                               "Reason": r.choice(REASONS), "Worker_Type": entry["Worker_Type"]})
    events.sort(key=lambda e: (e["Effective_Date"], e["Worker_ID"]))
    s_workers = write_json("workday/workers.json", {"Report_Entry": workers}, depth=2)
    s_events = write_json("workday/hires_and_terminations.json", {"Report_Entry": events}, depth=2)

    rows = []
    for m in months():
        nxt = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
        month_end = nxt - timedelta(days=1)
        for code, org, _ in ORGS:
            label = "%s (%s)" % (org, code)
            mine = [w for w in workers if w["Supervisory_Organization"] == label]
            active = [w for w in mine if w["Hire_Date"] <= month_end.isoformat() and
                      (not w["Termination_Date"] or w["Termination_Date"] > month_end.isoformat())]
            hires = sum(1 for w in mine if m.isoformat() <= w["Hire_Date"] <= month_end.isoformat())
            leavers = sum(1 for w in mine if w["Termination_Date"] and
                          m.isoformat() <= w["Termination_Date"] <= month_end.isoformat())
            fte = sum(float(w["FTE"]) for w in active)
            rows.append([month_end.isoformat(), code, org, len(active), "%.1f" % fte,
                         sum(1 for w in active if w["Worker_Type"] == "Contingent Worker"),
                         hires, leavers])
    s_head = write_csv("workday/headcount_by_org.csv",
                       ["month_end", "org_code", "supervisory_organization", "headcount",
                        "fte", "contingent_workers", "hires", "leavers"], rows)

    products = [
        product("people.workday-workers", "Workday Workers", DOMAIN,
                "Everyone who works or worked at Messy Inc., one row per worker.\n\n"
                "Grain: Workday worker id. Delivered by the custom report `ISU_Mesh/Workers` "
                "(Report-as-a-Service, JSON) and refreshed every morning; terminated workers stay "
                "in the report with a `Termination_Date`.\n\n"
                "- Column names are the report's field labels (`Email_-_Work` is really spelt so).\n"
                "- All values are strings, `FTE` and `Active_Status` included.\n"
                "- **Personal data**: access is restricted, see the access policy.",
                OWNER, STEWARD, ["hr", "workers", "pii"], "Workday", ["json"], POLICY, 24,
                "1.5.0", "2026-11-20T05:45:00Z",
                [dataset("workers", "json", s_workers, RAAS + "Workers?format=json",
                         "RaaS JSON: `{Report_Entry: [...]}`.",
                         cols(("Worker_ID", "string", "Workday employee or contingent worker id."),
                              ("Legal_Name", "string", "Legal full name.", PII),
                              ("Preferred_Name", "string", "Preferred first name.", PII),
                              ("Email_-_Work", "string", "Work e-mail address.", PII),
                              ("Business_Title", "string", "Job title.", NONPII),
                              ("Supervisory_Organization", "string", "`<org name> (<code>)`."),
                              ("Cost_Center", "string", "Cost center code and name."),
                              ("Location", "string", "Office or plant.", NONPII),
                              ("Country", "string", "Country of employment.", NONPII),
                              ("Worker_Type", "string", "Employee or Contingent Worker."),
                              ("Time_Type", "string", "Full time or Part time."),
                              ("FTE", "decimal", "Full-time equivalent as a string (\"1\", \"0.8\")."),
                              ("Hire_Date", "date", "Most recent hire date."),
                              ("Termination_Date", "date", "Last day; empty while employed."),
                              ("Active_Status", "boolean", "\"1\" active, \"0\" terminated."),
                              ("Manager_Worker_ID", "string", "Worker id of the direct manager.")))]),
        product("people.hires-and-leavers", "Hires and Leavers", DOMAIN,
                "Every hire and termination since January 2025, one row per event.\n\n"
                "Grain: worker × event. RaaS report `ISU_Mesh/Hires_Terminations`, filtered on "
                "effective date ≥ 2025-01-01. Termination reasons follow Workday's "
                "`Category > Reason > Sub-reason` convention.\n\n"
                "- Rehires appear as a second Hire event for the same worker id.\n"
                "- Names are personal data; use `Worker_ID` for joins.",
                OWNER, STEWARD, ["hr", "attrition", "hiring"], "Workday", ["json"], POLICY, 24,
                "1.0.2", "2026-11-20T05:45:00Z",
                [dataset("hires_and_terminations", "json", s_events,
                         RAAS + "Hires_Terminations?format=json", "RaaS JSON report of staffing events.",
                         cols(("Event_Type", "string", "Hire or Termination."),
                              ("Effective_Date", "date", "Date the event takes effect."),
                              ("Worker_ID", "string", "Workday worker id."),
                              ("Legal_Name", "string", "Worker's legal name.", PII),
                              ("Supervisory_Organization", "string", "Org at the time of the event."),
                              ("Business_Title", "string", "Job title.", NONPII),
                              ("Reason", "string", "Hire or termination reason (`Voluntary > …`)."),
                              ("Worker_Type", "string", "Employee or Contingent Worker.")))]),
        product("people.headcount-by-org", "Headcount by Organisation", DOMAIN,
                "Month-end headcount, FTE, hires and leavers per supervisory organisation.\n\n"
                "Grain: month × supervisory org. Aggregated from the Workday workers report by "
                "`dbt.headcount_by_org`; contains no personal data and is open to everyone.\n\n"
                "- Reorganisations are not restated: a worker counts in their *current* org.",
                OWNER, STEWARD, ["hr", "headcount", "curated"], "dbt (Workday)", ["csv"],
                "Open to all employees (aggregates only).", 72, "2.0.0", "2026-11-20T06:00:00Z",
                [dataset("headcount_by_org", "csv", s_head, "", "Monthly headcount per org.",
                         cols(("month_end", "date", "Last day of the month."),
                              ("org_code", "string", "Supervisory org code, e.g. SUP-0060."),
                              ("supervisory_organization", "string", "Org name."),
                              ("headcount", "integer", "Active workers at month end."),
                              ("fte", "decimal", "Sum of FTE of active workers."),
                              ("contingent_workers", "integer", "Of the headcount, contingent workers."),
                              ("hires", "integer", "Hires effective in the month."),
                              ("leavers", "integer", "Terminations effective in the month.")))]),
    ]
    lineage = [
        {"from": "people.workday-workers", "to": "people.headcount-by-org", "kind": "aggregate", "job": "dbt.headcount_by_org"},
        {"from": "people.hires-and-leavers", "to": "people.headcount-by-org", "kind": "aggregate", "job": "dbt.headcount_by_org"},
    ]
    return products, lineage
