# SPDX-License-Identifier: MIT
"""Shared helpers for the Messy Inc. fixture generator (stdlib only, deterministic)."""
import csv
import io
import json
import os
import random
from datetime import date, datetime, timedelta, timezone

DEMO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES_DIR = os.path.join(DEMO_DIR, "samples")

# The "snapshot" moment of the demo: every sample was exported just before this.
SNAPSHOT = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
START = date(2025, 1, 1)
END = date(2026, 11, 19)


def rng(name):
    """A private, deterministic random generator per source system."""
    seed = sum((i + 1) * ord(c) for i, c in enumerate(name)) + 20261120
    return random.Random(seed)


def iso_z(dt, millis=False):
    if isinstance(dt, date) and not isinstance(dt, datetime):
        dt = datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc)
    if millis:
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def rand_dt(r, start=START, end=END):
    days = (end - start).days
    d = start + timedelta(days=r.randint(0, days))
    return datetime(d.year, d.month, d.day, r.randint(6, 19), r.randint(0, 59), r.randint(0, 59),
                    r.randint(0, 999) * 1000, tzinfo=timezone.utc)


def days(start, end):
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


def months(start=START, end=END):
    y, m = start.year, start.month
    while date(y, m, 1) <= end:
        yield date(y, m, 1)
        m += 1
        if m == 13:
            y, m = y + 1, 1


def path(rel):
    return os.path.join(SAMPLES_DIR, rel)


def write_text(rel, text):
    p = path(rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return "samples/" + rel


def _dumps(obj, depth, indent=0):
    """Pretty-print the envelope, one compact line per record below `depth` levels."""
    pad = "  " * (indent + 1)
    if depth > 0 and isinstance(obj, dict) and obj:
        items = [pad + json.dumps(k, ensure_ascii=False) + ": " + _dumps(v, depth - 1, indent + 1)
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if depth > 0 and isinstance(obj, list) and obj:
        items = [pad + _dumps(v, depth - 1, indent + 1) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + "  " * indent + "]"
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def write_json(rel, obj, depth=2):
    """API-shaped sample: the envelope is indented, each record sits on one line."""
    return write_text(rel, _dumps(obj, depth) + "\n")


def write_ndjson(rel, rows):
    return write_text(rel, "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                                   for r in rows))


def write_csv(rel, header, rows, delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for row in rows:
        w.writerow(row)
    return write_text(rel, buf.getvalue())


def col(name, type_, description, classification="", tags=None):
    return {"name": name, "type": type_, "description": description,
            "classification": classification, "tags": list(tags or [])}


def cols(*specs):
    """cols(("name", "type", "description"[, "PII.Sensitive"[, [tags]]]), ...)"""
    return [col(*s) for s in specs]


PII = "PII.Sensitive"
NONPII = "PII.NonSensitive"


def money(x):
    return "%.2f" % x


# --------------------------------------------------------------------------------------------
# Customers: the same ~60 key customers live in HubSpot, NetSuite and Gainsight under different
# ids and slightly different spellings; a longer tail of smaller accounts fills the volume.
KEY_CUSTOMERS = [
    "Acme Robotics", "Borealis Foods", "Cobalt Marine", "Dunmore Steel", "Everbright Solar",
    "Fjord Logistics", "Granite Peak Mining", "Halcyon Health", "Ironwood Furniture",
    "Juniper Packaging", "Kestrel Aerospace", "Lumen Optics", "Meridian Rail", "Northwind Traders",
    "Orchid Textiles", "Pinecrest Dairy", "Quarry Lane Builders", "Redwood Paper",
    "Saffron Spice Co.", "Tidewater Shipping", "Umber Ceramics", "Vantage Motors",
    "Willowbrook Farms", "Xenon Labs", "Yellowtail Fisheries", "Zephyr Wind Energy",
    "Aurora Pharma", "Basalt Construction", "Cedar & Sons", "Delta Polymers", "Ember Glassworks",
    "Falcon Drones", "Glacier Water", "Harbor Lights Retail", "Indigo Print", "Jade Garden Foods",
    "Keystone Plastics", "Lakeshore Medical", "Maple Ridge Timber", "Nimbus Cloudworks",
    "Obsidian Tools", "Prairie Grain", "Quill & Ink Publishing", "Riverbend Brewing",
    "Silverline Cables", "Terracotta Homes", "Ultramarine Paints", "Vireo Bikes",
    "Wavecrest Pools", "Yarrow Botanicals", "Zinc Alloys", "Atlas Cranes", "Beacon Batteries",
    "Crimson Valves", "Driftwood Hotels", "Echo Acoustics", "Foxglove Cosmetics",
    "Gemini Semiconductors", "Hawthorn Pumps", "Ivory Coast Cocoa",
]
_TAIL_A = ["Alder", "Birch", "Copper", "Dawn", "Elm", "Flint", "Grove", "Heron", "Iris", "Jasper",
           "Kite", "Laurel", "Moss", "Nova", "Oak", "Pebble", "Quartz", "Reed", "Sable", "Thistle",
           "Upland", "Vale", "Wren", "Yew"]
_TAIL_B = ["Components", "Supply", "Fabrication", "Metalworks", "Industries", "Machining",
           "Electrics", "Coatings"]
COUNTRIES = ["United States", "Germany", "United Kingdom", "France", "Netherlands", "Canada",
             "Sweden", "Spain", "Japan", "Brazil", "India", "Australia", "Poland", "Mexico"]
INDUSTRIES = ["MANUFACTURING", "FOOD_PRODUCTION", "AUTOMOTIVE", "AVIATION_AEROSPACE",
              "MEDICAL_DEVICES", "CONSTRUCTION", "RETAIL", "RENEWABLES_ENVIRONMENT",
              "LOGISTICS_AND_SUPPLY_CHAIN", "CHEMICALS"]


def tail_customers(n=160):
    out = []
    for b in _TAIL_B:
        for a in _TAIL_A:
            out.append("%s %s" % (a, b))
    r = rng("tail")
    r.shuffle(out)
    return out[:n]


def domain_of(name):
    s = "".join(ch for ch in name.lower() if ch.isalnum())
    return s[:20] + ".example"


def spelling(name, system):
    """The same company, spelt the way each system's users typed it."""
    h = sum(ord(c) for c in name)
    if system == "netsuite":
        if h % 3 == 0:
            return name.upper()
        if h % 3 == 1:
            return name.replace("&", "and") + (" Inc." if h % 2 else " Ltd")
        return name
    if system == "gainsight":
        if h % 4 == 0:
            return name.replace(" Co.", "").replace(".", "") + " (HQ)"
        if h % 4 == 1:
            return name.lower().title()
        return name
    return name


FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Farah", "Gustavo", "Hana", "Ibrahim", "Jun",
         "Katarzyna", "Liam", "Mei", "Nikhil", "Oksana", "Pedro", "Qing", "Rosa", "Siddharth",
         "Thandiwe", "Uriel", "Valentina", "Wiktor", "Ximena", "Yusuf", "Zoë", "Aisha", "Björn",
         "Camila", "Diego", "Elif", "Finn", "Gabriela", "Hiroshi", "Ines", "Jamal", "Kofi",
         "Lena", "Mohammed", "Noor", "Olu", "Paula", "Ravi", "Sana", "Tomasz", "Ulla", "Vikram",
         "Wanjiru", "Yara", "Zheng"]
LAST = ["Adeyemi", "Bauer", "Chen", "Dubois", "Eriksson", "Fernández", "Gupta", "Hoffmann",
        "Ito", "Jovanović", "Kowalski", "Larsen", "Mbeki", "Novak", "O'Brien", "Park", "Quispe",
        "Rahman", "Santos", "Tanaka", "Ueda", "Vargas", "Walsh", "Xu", "Yilmaz", "Zhou",
        "Abebe", "Moreau", "Nakamura", "Silva", "Kaur", "Haddad", "Murphy", "Petrov", "Okoye"]


def person(r):
    return r.choice(FIRST), r.choice(LAST)


def ascii_slug(s):
    tr = str.maketrans({"é": "e", "ë": "e", "ö": "o", "ø": "o", "ć": "c", "ń": "n", "ł": "l",
                        "á": "a", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ü": "u",
                        "'": "", " ": ""})
    return s.lower().translate(tr)


def email_for(first, last, company):
    return "%s.%s@%s" % (ascii_slug(first), ascii_slug(last), domain_of(company))


def phone(r):
    return "+1 %03d-555-%04d" % (r.randint(201, 989), r.randint(0, 9999))


def product(key, name, domain, description, owner, steward, tags, source, formats, policy,
            sla, version, updated, datasets, status="active"):
    return {"key": key, "name": name, "domain": domain, "description": description,
            "owner": owner, "steward": steward, "status": status, "tags": tags,
            "sourceSystem": source, "formats": formats, "accessPolicy": policy,
            "freshnessSlaHours": sla, "version": version, "updatedAt": updated,
            "datasets": datasets}


def dataset(name, fmt, sample, endpoint, description, columns):
    return {"name": name, "format": fmt, "sample": sample, "endpoint": endpoint,
            "description": description, "columns": columns}


def fx_eur_usd(d):
    """Month-end EUR→USD rate used by Ashi's legacy fx table (deterministic wobble)."""
    idx = (d.year - 2024) * 12 + d.month
    return round(1.08 + 0.03 * ((idx * 7) % 11 - 5) / 5.0, 4)


def uuid4(r):
    import uuid
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def quarter(d):
    return "%dQ%d" % (d.year, (d.month - 1) // 3 + 1)


REGIONS = {"United States": "AMER", "Canada": "AMER", "Brazil": "AMER", "Mexico": "AMER",
           "Japan": "APAC", "India": "APAC", "Australia": "APAC"}


def region_of(country):
    return REGIONS.get(country, "EMEA")
