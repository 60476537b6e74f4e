#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate the embedded "Messy Inc." demo mesh: resources/demo/messy-inc.json (the catalog
descriptor read by model/demo/demoloader.cpp) and API-shaped samples under resources/demo/samples/.

Deterministic: fixed seeds and dates, no clock. Stdlib only.

    python3 resources/demo/tools/make_fixtures.py           # regenerate everything
    python3 resources/demo/tools/make_fixtures.py --check   # validate what is on disk
"""
import argparse
import csv
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep resources/demo free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import dark  # noqa: E402
import gainsight  # noqa: E402
import hubspot  # noqa: E402
import jira  # noqa: E402
import kpi  # noqa: E402
import manufacturing  # noqa: E402
import netsuite  # noqa: E402
import workday  # noqa: E402

DESCRIPTOR = os.path.join(common.DEMO_DIR, "messy-inc.json")
MIN_RECORDS = 200

CATALOG = {
    "name": "Messy Inc.",
    "description": (
        "**Messy Inc.** is a growing manufacturer of industrial sensors and gateways, with plants "
        "in Leeds and Monterrey. Its data sits in the tools each department chose — HubSpot, "
        "Jira, Workday, Gainsight, NetSuite and the plants' MES and historian — and management's "
        "wish for one KPI dashboard kept failing because nobody could find, understand, trust or "
        "get access to the data — least of all the CEO, Amara Okafor, and the COO, Henrik Lindqvist. So Messy Inc. adopted a *data mesh*: each domain owns its data "
        "as a product with a described schema, shared samples and an owner who decides who gets "
        "access; a self-serve platform adds this catalog, audit logs and quality alerts; and a "
        "governance council with one data steward per domain sets the global rules. Six KPI "
        "products trace back through lineage to their raw inputs — and a few undocumented "
        "tables left behind by Ashi, a departed engineer, are still waiting for an owner."),
}

DOMAINS = [
    {"name": "Sales & Marketing", "color": "#e4572e",
     "description": "Pipeline, customers and campaigns from HubSpot: contacts, companies, deals, "
                    "campaigns, marketing leads and the weekly sales forecast."},
    {"name": "Product", "color": "#4c6ef5",
     "description": "The product teams' Jira: issues, sprints, releases and release readiness."},
    {"name": "People", "color": "#7950f2",
     "description": "Workers, hires and leavers from Workday, and headcount by organisation."},
    {"name": "Customer Success", "color": "#12b886",
     "description": "Customer health, renewals, churn and NPS from Gainsight."},
    {"name": "Finance", "color": "#f59f00",
     "description": "Customers, invoices, revenue, cost of goods sold and gross margin from NetSuite."},
    {"name": "Manufacturing", "color": "#a0522d",
     "description": "Production runs, downtime, scrap and OEE from the Leeds and Monterrey "
                    "plants' MES and historian exports."},
    {"name": "KPI", "color": "#1c7ed6",
     "description": "The six company KPIs the managers asked for, each traced back to its inputs."},
]


def user(uid, roles, domain):
    first, last = uid.split(".")
    names = {"alrashid": "Al-Rashid", "joao": "João"}
    disp = "%s %s" % (names.get(first, first.title()), names.get(last, last.title()))
    return {"id": uid, "displayName": disp, "email": uid + "@messy.example", "roles": roles,
            "domain": domain}


USERS = [
    user("amara.okafor", ["manager"], None),              # CEO
    user("henrik.lindqvist", ["manager"], None),          # COO
    user("aiko.tanaka", ["council"], None),               # head of data governance
    user("ravi.patel", ["admin"], None),                  # platform admin
    user("maria.lopez", ["owner"], "Sales & Marketing"),
    user("kenji.watanabe", ["analyst", "owner"], "Sales & Marketing"),
    user("priya.raman", ["steward"], "Sales & Marketing"),
    user("lucas.moreau", ["owner"], "Product"),
    user("sofia.rossi", ["steward"], "Product"),
    user("grace.mensah", ["owner"], "People"),
    user("daniel.cohen", ["steward"], "People"),
    user("fatima.alrashid", ["owner"], "Customer Success"),
    user("olivia.nguyen", ["steward"], "Customer Success"),
    user("rafael.costa", ["owner"], "Finance"),
    user("leila.farahani", ["analyst", "owner"], "Finance"),
    user("ingrid.berg", ["steward"], "Finance"),
    user("wei.zhang", ["owner"], "Manufacturing"),
    user("joao.silva", ["steward"], "Manufacturing"),
    user("nadia.haddad", ["owner"], "KPI"),
    user("samuel.adeyemi", ["steward"], "KPI"),
]

MODULES = [hubspot, jira, workday, gainsight, netsuite, manufacturing, kpi, dark]


def generate():
    if os.path.isdir(common.SAMPLES_DIR):
        shutil.rmtree(common.SAMPLES_DIR)
    ctx = {}
    products, lineage = [], []
    for m in MODULES:
        p, l = m.build(ctx)
        products += p
        lineage += l
    descriptor = {"format": "mesh-explorer-demo", "version": 1, "catalog": CATALOG,
                  "domains": DOMAINS, "users": USERS, "products": products, "lineage": lineage}
    with open(DESCRIPTOR, "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return descriptor


# ------------------------------------------------------------------------------------------
def flatten(obj, prefix="", out=None):
    out = set() if out is None else out
    if isinstance(obj, dict) and (not prefix or obj):
        for k, v in obj.items():
            flatten(v, prefix + "." + k if prefix else k, out)
    else:
        out.add(prefix)
    return out


def records_of(fmt, full):
    with open(full, encoding="utf-8") as f:
        text = f.read()
    if fmt == "csv":
        first = text.split("\n", 1)[0]
        delim = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.DictReader(text.splitlines(), delimiter=delim))
        return rows, set(rows[0].keys()) if rows else set()
    if fmt == "ndjson":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        doc = json.loads(text)
        if isinstance(doc, list):
            rows = doc
        else:
            rows = (doc.get("results") or doc.get("issues") or doc.get("values") or
                    doc.get("Report_Entry") or doc.get("items") or
                    (doc.get("data") or {}).get("records") or [])
    names = set()
    for r in rows:
        flatten(r, "", names)
    return rows, names


def check():
    problems = []
    with open(DESCRIPTOR, encoding="utf-8") as f:
        d = json.load(f)
    if d.get("format") != "mesh-explorer-demo" or d.get("version") != 1:
        problems.append("descriptor: wrong format/version")
    users = {u["id"]: u for u in d["users"]}
    domains = {x["name"] for x in d["domains"]}
    keys = [p["key"] for p in d["products"]]
    if len(keys) != len(set(keys)):
        problems.append("duplicate product keys")
    for p in d["products"]:
        k = p["key"]
        owned = p["domain"] is not None
        if owned:
            if p["domain"] not in domains:
                problems.append("%s: unknown domain %r" % (k, p["domain"]))
            for field in ("owner", "steward"):
                if not p.get(field):
                    problems.append("%s: no %s" % (k, field))
                elif p[field] not in users:
                    problems.append("%s: %s %r is not a user" % (k, field, p[field]))
            if p.get("owner") in users and "owner" not in users[p["owner"]]["roles"]:
                problems.append("%s: owner %s lacks the owner role" % (k, p["owner"]))
            if p.get("steward") in users and "steward" not in users[p["steward"]]["roles"]:
                problems.append("%s: steward %s lacks the steward role" % (k, p["steward"]))
            if len(p.get("description", "")) < 120:
                problems.append("%s: description too short" % k)
            if not 2 <= len(p["tags"]) <= 5:
                problems.append("%s: %d tags" % (k, len(p["tags"])))
            for fld in ("sourceSystem", "accessPolicy", "version", "updatedAt", "freshnessSlaHours"):
                if not p.get(fld):
                    problems.append("%s: no %s" % (k, fld))
        elif p["owner"] or p["steward"] or p["tags"] != ["dark-data"]:
            problems.append("%s: dark product must have no owner/steward and tag dark-data" % k)
        if not p["datasets"]:
            problems.append("%s: no datasets" % k)
        for ds in p["datasets"]:
            if not ds["columns"]:
                problems.append("%s/%s: no columns" % (k, ds["name"]))
            for c in ds["columns"]:
                if c["type"] not in ("string", "integer", "decimal", "date", "timestamp", "boolean", "json"):
                    problems.append("%s: column %s has type %s" % (k, c["name"], c["type"]))
                if owned and not c["description"]:
                    problems.append("%s: column %s undocumented" % (k, c["name"]))
            full = os.path.join(common.DEMO_DIR, ds["sample"])
            if not os.path.isfile(full):
                problems.append("%s: sample %s missing" % (k, ds["sample"]))
                continue
            try:
                rows, names = records_of(ds["format"], full)
            except (ValueError, csv.Error) as e:
                problems.append("%s: sample %s does not parse: %s" % (k, ds["sample"], e))
                continue
            if len(rows) < MIN_RECORDS:
                problems.append("%s: sample %s has %d records" % (k, ds["sample"], len(rows)))
            for c in ds["columns"]:
                if c["name"] not in names:
                    problems.append("%s: column %s not in sample" % (k, c["name"]))
    for e in d["lineage"]:
        for end in ("from", "to"):
            if e[end] not in keys:
                problems.append("lineage: %s %r is not a product" % (end, e[end]))
        if e["kind"] not in ("copy", "transform", "aggregate"):
            problems.append("lineage: kind %r" % e["kind"])
    for u in d["users"]:
        if u["domain"] is not None and u["domain"] not in domains:
            problems.append("user %s: unknown domain" % u["id"])
    roles = {r for u in d["users"] for r in u["roles"]}
    for role in ("owner", "steward", "analyst", "council", "manager", "admin"):
        if role not in roles:
            problems.append("no user with role %s" % role)
    stewards = {u["domain"] for u in d["users"] if "steward" in u["roles"]}
    if stewards != domains:
        problems.append("domains without a steward: %s" % sorted(domains - stewards))
    size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(common.SAMPLES_DIR) for f in fs)
    print("%d products, %d users, %d lineage edges, samples %.2f MB"
          % (len(keys), len(users), len(d["lineage"]), size / 1e6))
    for pr in problems:
        print("PROBLEM:", pr)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate the files on disk, generate nothing")
    args = ap.parse_args()
    if not args.check:
        generate()
    sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
