# SPDX-License-Identifier: MIT
"""HubSpot (Sales & Marketing): CRM v3 list responses for contacts, companies, deals, leads,
the Marketing v3 campaigns list, and the curated weekly sales forecast."""
from datetime import date, datetime, timedelta, timezone

from common import (KEY_CUSTOMERS, COUNTRIES, INDUSTRIES, PII, NONPII, SNAPSHOT, START, END,
                    cols, dataset, domain_of, email_for, fx_eur_usd, iso_z, money, person, phone,
                    product, quarter, rand_dt, region_of, rng, tail_customers, uuid4, write_csv,
                    write_json)

DOMAIN = "Sales & Marketing"
OWNER, STEWARD, ANALYST = "maria.lopez", "priya.raman", "kenji.watanabe"
POLICY = ("Open to every employee for aggregates. Record-level access (contacts contain personal "
          "data) is granted by the owner to Sales & Marketing and to approved analysts for "
          "12 months; exports outside the company need the steward's sign-off.")

# Documented stage -> probability mapping. The distributor pipeline uses HubSpot's numeric
# stage ids, the default pipeline the built-in internal names.
STAGES = [
    ("appointmentscheduled", "1407286", 0.2),
    ("qualifiedtobuy", "1407287", 0.4),
    ("presentationscheduled", "1407288", 0.6),
    ("decisionmakerboughtin", "1407289", 0.8),
    ("contractsent", "1407290", 0.9),
    ("closedwon", "1407291", 1.0),
    ("closedlost", "1407292", 0.0),
]
PIPELINES = {"default": "Sales Pipeline", "1407285": "Distributor Pipeline"}
HUB_OWNERS = ["51234001", "51234002", "51234003", "51234004", "51234005", "51234006"]


def list_response(results, base_after):
    return {"results": results, "paging": {"next": {
        "after": str(base_after),
        "link": "https://api.hubapi.com/crm/v3/objects?after=%d" % base_after}}}


def record(id_, props, created, updated):
    props = dict(props)
    props["createdate"] = iso_z(created, millis=True)
    props["hs_lastmodifieddate"] = iso_z(updated, millis=True)
    props["hs_object_id"] = id_
    return {"id": id_, "properties": props, "createdAt": iso_z(created, millis=True),
            "updatedAt": iso_z(updated, millis=True), "archived": False}


def build(ctx):
    r = rng("hubspot")
    products, lineage = [], []

    # ---------------- companies -------------------------------------------------------------
    names = KEY_CUSTOMERS + tail_customers(160)
    prospects = ["%s Prospect %02d" % (n, i) for i, n in enumerate(
        ["Solstice", "Tundra", "Harvest", "Summit", "Lagoon"] * 6)]
    companies = []
    hs_company_ids = {}
    for i, name in enumerate(names + prospects):
        cid = str(9001000000 + i * 37 + r.randint(0, 30))
        hs_company_ids[name] = cid
        created = rand_dt(r, START, date(2026, 6, 30))
        updated = created + timedelta(days=r.randint(1, 140), minutes=r.randint(0, 900))
        updated = min(updated, SNAPSHOT - timedelta(hours=r.randint(7, 400)))
        country = r.choice(COUNTRIES)
        props = {
            "name": name if r.random() > 0.05 else name + " ",  # stray trailing blanks
            "domain": domain_of(name),
            "industry": r.choice(INDUSTRIES) if r.random() > 0.1 else "",
            "country": country,
            "city": r.choice(["Springfield", "Lyon", "Leeds", "Kraków", "Osaka", "Pune",
                              "Toronto", "Rotterdam", "Göteborg", "Monterrey", "Perth"]),
            "numberofemployees": str(r.choice([12, 45, 80, 150, 320, 900, 2500, 7000])),
            "annualrevenue": money(r.choice([1.2e6, 4.5e6, 12e6, 38e6, 95e6, 410e6])),
            "lifecyclestage": "customer" if i < len(names) else r.choice(["lead", "opportunity"]),
            "hubspot_owner_id": r.choice(HUB_OWNERS),
        }
        companies.append(record(cid, props, created, updated))
    ctx["hs_company_ids"] = hs_company_ids
    ctx["hs_company_country"] = {c["id"]: c["properties"]["country"] for c in companies}
    s_companies = write_json("hubspot/companies.json", list_response(companies, 9001010000))

    # ---------------- contacts --------------------------------------------------------------
    contacts = []
    titles = ["Plant Manager", "Head of Procurement", "CFO", "Operations Director",
              "Maintenance Lead", "Buyer", "VP Engineering", "Quality Manager", "CEO",
              "Supply Chain Analyst"]
    for i in range(260):
        first, last = person(r)
        comp = r.choice(names + prospects)
        created = rand_dt(r)
        updated = min(created + timedelta(days=r.randint(0, 200)), SNAPSHOT - timedelta(hours=9))
        cid = str(1501 + i * 3)
        props = {
            "email": email_for(first, last, comp),
            "firstname": first,
            "lastname": last,
            "phone": phone(r) if r.random() > 0.25 else "",
            "jobtitle": r.choice(titles),
            "company": comp,
            "country": r.choice(COUNTRIES),
            "lifecyclestage": r.choice(["subscriber", "lead", "marketingqualifiedlead",
                                        "salesqualifiedlead", "opportunity", "customer"]),
            "hubspot_owner_id": r.choice(HUB_OWNERS),
        }
        rec = record(cid, props, created, updated)
        rec["associations"] = {"companies": {"results": [
            {"id": hs_company_ids[comp], "type": "contact_to_company"}]}}
        contacts.append(rec)
    ctx["hs_contacts"] = contacts
    s_contacts = write_json("hubspot/contacts.json", list_response(contacts, 2281))

    # ---------------- deals -----------------------------------------------------------------
    deals = []
    deal_rows = []  # for the forecast
    for i in range(320):
        comp = r.choice(names[:60] * 2 + names[60:] + prospects)
        pipeline = "default" if r.random() < 0.8 else "1407285"
        created = rand_dt(r, START, date(2026, 11, 1))
        cycle = r.randint(20, 160)
        close = (created + timedelta(days=cycle)).date()
        if close <= END:
            stage = STAGES[5] if r.random() < 0.42 else STAGES[6]
        else:
            stage = STAGES[r.randint(0, 4)]
        stage_id = stage[0] if pipeline == "default" else stage[1]
        currency = "EUR" if region_of(ctx["hs_company_country"][hs_company_ids[comp]]) == "EMEA" \
            and r.random() < 0.6 else "USD"
        amount = round(r.choice([2500, 4800, 7500, 12500, 18000, 26000, 40000, 65000, 120000])
                       * r.uniform(0.8, 1.3), -1)
        amount_s = money(amount) if r.random() > 0.04 else ""  # a few deals without amount
        if amount_s and r.random() < 0.05:
            amount_s = str(int(amount))  # ...and some typed without decimals
        updated = min(datetime(close.year, close.month, close.day, 17, tzinfo=timezone.utc),
                      SNAPSHOT - timedelta(hours=r.randint(8, 300)))
        did = str(18700000000 + i * 101)
        props = {
            "dealname": "%s – %s" % (comp.strip(), r.choice(
                ["Line retrofit", "Spare parts 2026", "Sensor kit", "Service contract",
                 "Pilot order", "Framework agreement", "Expansion"])),
            "amount": amount_s,
            "deal_currency_code": currency,
            "dealstage": stage_id,
            "hs_deal_stage_probability": ("%.1f" % stage[2]),
            "pipeline": pipeline,
            "closedate": iso_z(close),
            "hs_is_closed": "true" if stage[2] in (0.0, 1.0) else "false",
            "hubspot_owner_id": r.choice(HUB_OWNERS),
        }
        rec = record(did, props, created, max(updated, created))
        rec["associations"] = {"companies": {"results": [
            {"id": hs_company_ids[comp], "type": "deal_to_company"}]}}
        deals.append(rec)
        deal_rows.append((created.date(), close, amount if amount_s else 0.0, currency, stage,
                          region_of(ctx["hs_company_country"][hs_company_ids[comp]])))
    ctx["hs_deals"] = deals
    ctx["hs_deal_rows"] = deal_rows
    s_deals = write_json("hubspot/deals.json", list_response(deals, 18700032400))

    # ---------------- campaigns -------------------------------------------------------------
    campaigns = []
    kinds = ["Webinar", "Trade fair", "Newsletter", "Paid search", "Case study", "Roadshow",
             "LinkedIn ads", "Partner event"]
    topics = ["Smart sensors", "Predictive maintenance", "Line retrofit", "Spare parts",
              "Energy savings", "Quality 4.0", "Distributor program", "Service contracts"]
    for i in range(210):
        start = rand_dt(r, START, date(2026, 10, 31))
        end = start + timedelta(days=r.randint(3, 60))
        status = "completed" if end.date() < END else r.choice(["active", "in_progress"])
        if start.date() > date(2026, 10, 20):
            status = "planned"
        budget = r.choice([500, 1500, 3000, 8000, 15000, 40000])
        spent = budget * r.uniform(0.4, 1.2) if status != "planned" else 0
        cid = uuid4(r)
        campaigns.append({
            "id": cid,
            "properties": {
                "hs_name": "%s %s – %s" % (start.strftime("%Y-%m"), r.choice(kinds),
                                           r.choice(topics)),
                "hs_start_date": start.date().isoformat(),
                "hs_end_date": end.date().isoformat(),
                "hs_campaign_status": status,
                "hs_utm": "cmp-%04d" % i,
                "hs_currency_code": r.choice(["USD", "USD", "EUR"]),
                "hs_budget_items_sum_amount": money(budget),
                "hs_spend_items_sum_amount": money(spent),
                "hs_owner": r.choice(HUB_OWNERS),
                "hs_object_id": cid,
            },
            "createdAt": iso_z(start - timedelta(days=r.randint(5, 30)), millis=True),
            "updatedAt": iso_z(min(end + timedelta(days=2), SNAPSHOT - timedelta(hours=30)),
                               millis=True),
        })
    ctx["hs_campaign_ids"] = [c["id"] for c in campaigns]
    s_campaigns = write_json("hubspot/campaigns.json", {"total": len(campaigns),
                                                       "results": campaigns,
                                                       "paging": {"next": {"after": "210"}}})

    # ---------------- leads (MQL / SQL) -----------------------------------------------------
    leads = []
    stage_ids = ["new-stage-id", "attempting-stage-id", "connected-stage-id",
                 "qualified-stage-id", "unqualified-stage-id"]
    lead_rows = []
    for i in range(300):
        c = r.choice(contacts)
        created = rand_dt(r, date(2025, 3, 1), END)
        mql = created.date()
        stage = r.choice(stage_ids)
        sql = mql + timedelta(days=r.randint(2, 30)) if stage in stage_ids[2:4] else None
        if sql and sql > END:
            sql = None
        converted = stage == "qualified-stage-id" and sql is not None and r.random() < 0.55
        deal = r.choice(deals) if converted else None
        lid = str(31000000 + i * 13)
        props = {
            "hs_lead_name": "%s %s" % (c["properties"]["firstname"], c["properties"]["lastname"]),
            "hs_pipeline": "lead-pipeline-id",
            "hs_pipeline_stage": stage,
            "hs_lead_type": r.choice(["NEW_BUSINESS", "NEW_BUSINESS", "UPSELL", "RE_ATTEMPTING"]),
            "hs_lead_label": r.choice(["HOT", "WARM", "COLD"]),
            "messy_qualification": "SQL" if sql else "MQL",
            "messy_mql_date": mql.isoformat(),
            "messy_sql_date": sql.isoformat() if sql else "",
            "messy_lead_source": r.choice(["ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING",
                                           "EVENT", "REFERRALS", "SOCIAL_MEDIA"]),
            "messy_campaign_id": r.choice(campaigns)["id"] if r.random() < 0.7 else "",
            "hubspot_owner_id": r.choice(HUB_OWNERS),
        }
        rec = record(lid, props, created,
                     min(created + timedelta(days=r.randint(0, 40)), SNAPSHOT - timedelta(hours=7)))
        assoc = {"contacts": {"results": [{"id": c["id"], "type": "lead_to_primary_contact"}]}}
        if deal:
            assoc["deals"] = {"results": [{"id": deal["id"], "type": "lead_to_deal"}]}
        rec["associations"] = assoc
        leads.append(rec)
        lead_rows.append((mql, bool(deal)))
    ctx["hs_lead_rows"] = lead_rows
    s_leads = write_json("hubspot/leads.json", list_response(leads, 31003900))

    # ---------------- curated weekly sales forecast -----------------------------------------
    # Quarterly targets per region: what was eventually won, give or take, rounded like Sales
    # Ops does (targets are typed in, not derived, but they should look plausible).
    won_q = {}
    for (cr, cl, amt, cur, stage, reg) in deal_rows:
        usd = amt * (fx_eur_usd(cl) if cur == "EUR" else 1.0)
        share = 1.0 if stage[2] == 1.0 else (0.0 if stage[2] == 0.0 else 0.6)
        won_q[(quarter(cl), reg)] = won_q.get((quarter(cl), reg), 0.0) + usd * share
    targets = {}
    for y in (2025, 2026):
        for qn in (1, 2, 3, 4):
            for reg in ("AMER", "EMEA", "APAC"):
                base = max(won_q.get(("%dQ%d" % (y, qn), reg), 0.0), 60000.0)
                targets[("%dQ%d" % (y, qn), reg)] = round(base * r.uniform(0.95, 1.25), -4)
    ctx["hs_targets"] = targets
    rows = []
    snap = date(2025, 1, 6)
    while snap <= END:
        q = quarter(snap)
        for region in ("AMER", "EMEA", "APAC"):
            open_n, pipe, weighted, won = 0, 0.0, 0.0, 0.0
            rate = fx_eur_usd(snap)
            for (cr, cl, amt, cur, stage, reg) in deal_rows:
                if reg != region:
                    continue
                usd = amt * (rate if cur == "EUR" else 1.0)
                if cr <= snap < cl and quarter(cl) == q:
                    open_n += 1
                    pipe += usd
                    weighted += usd * (stage[2] if stage[2] not in (0.0, 1.0) else 0.5)
                if stage[2] == 1.0 and cl <= snap and quarter(cl) == q:
                    won += usd
            tgt = targets[(q, region)]
            rows.append([snap.isoformat(), region, q, open_n, money(pipe), money(weighted),
                         money(won), money(tgt), money(rate)])
        snap += timedelta(days=7)
    ctx["forecast_rows"] = rows
    s_forecast = write_csv("hubspot/sales_forecast_weekly.csv",
                           ["snapshot_date", "region", "close_quarter", "open_deal_count",
                            "pipeline_amount_usd", "weighted_amount_usd", "closed_won_usd",
                            "target_usd", "eur_usd_rate"], rows)

    # ---------------- descriptors -----------------------------------------------------------
    base = "https://api.hubapi.com/crm/v3/objects/"
    common_cols = [
        ("id", "string", "HubSpot object id (a numeric string). Not the id NetSuite or Gainsight use for the same company."),
        ("createdAt", "timestamp", "When the record was created in HubSpot (UTC, milliseconds)."),
        ("updatedAt", "timestamp", "Last modification in HubSpot (UTC)."),
        ("archived", "boolean", "True when the record is in the HubSpot recycle bin; the export only keeps `false`."),
        ("properties.hs_object_id", "string", "Same value as `id`, repeated inside the properties."),
        ("properties.createdate", "timestamp", "HubSpot's own create date property (string)."),
        ("properties.hs_lastmodifieddate", "timestamp", "Last modified date property (string)."),
    ]
    products.append(product(
        "sales.hubspot-contacts", "HubSpot Contacts", DOMAIN,
        "Every person Sales & Marketing has talked to, straight from the HubSpot CRM.\n\n"
        "One record per HubSpot contact (grain: contact id), exported nightly by the "
        "`hubspot_extract` job from `GET /crm/v3/objects/contacts` with the company association. "
        "Contacts are **personal data**: names, e-mail addresses and phone numbers are classified "
        "`PII.Sensitive` and are masked for anyone without record-level access.\n\n"
        "- `properties.*` values are **always strings** in HubSpot, dates included.\n"
        "- `lifecyclestage` is maintained by hand and often lags behind reality.\n"
        "- Duplicated people (same e-mail, two ids) are not merged yet.",
        OWNER, STEWARD, ["crm", "contacts", "pii"], "HubSpot", ["json"], POLICY, 24, "2.1.0",
        "2026-11-20T05:12:00Z",
        [dataset("contacts", "json", s_contacts, base + "contacts",
                 "CRM v3 list response, one page of contacts with their primary company.",
                 cols(*common_cols,
                      ("properties.email", "string", "Primary e-mail address.", PII),
                      ("properties.firstname", "string", "Given name.", PII),
                      ("properties.lastname", "string", "Family name.", PII),
                      ("properties.phone", "string", "Phone number as typed; empty when unknown.", PII),
                      ("properties.jobtitle", "string", "Job title, free text.", NONPII),
                      ("properties.company", "string", "Company name as typed on the contact (not normalised).", NONPII),
                      ("properties.country", "string", "Country name.", NONPII),
                      ("properties.lifecyclestage", "string", "subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity or customer."),
                      ("properties.hubspot_owner_id", "string", "HubSpot user id of the sales rep who owns the contact."),
                      ("associations.companies.results", "json", "Associated companies: `[{id, type: contact_to_company}]`.")))]))
    products.append(product(
        "sales.hubspot-companies", "HubSpot Companies", DOMAIN,
        "Customer and prospect companies as Sales knows them.\n\n"
        "One record per HubSpot company (grain: company id), from `GET /crm/v3/objects/companies`. "
        "About 220 customers and a few dozen open prospects. The same customer exists in NetSuite "
        "and Gainsight under **different ids and spellings**; there is no shared customer key yet, "
        "only Ashi's undocumented `legacy.cust_map_v2` table.\n\n"
        "- `numberofemployees` and `annualrevenue` are strings.\n"
        "- Some names carry trailing blanks; trim before joining.",
        OWNER, STEWARD, ["crm", "accounts", "master-data"], "HubSpot", ["json"], POLICY, 24,
        "1.4.2", "2026-11-20T05:12:00Z",
        [dataset("companies", "json", s_companies, base + "companies",
                 "CRM v3 list response of companies.",
                 cols(*common_cols,
                      ("properties.name", "string", "Company name (may have trailing blanks).", NONPII),
                      ("properties.domain", "string", "Web domain; the most reliable matching key across systems.", NONPII),
                      ("properties.industry", "string", "HubSpot industry enum; empty for about 10%."),
                      ("properties.country", "string", "Country of the headquarters.", NONPII),
                      ("properties.city", "string", "City of the headquarters.", NONPII),
                      ("properties.numberofemployees", "integer", "Employee count, stored as a string."),
                      ("properties.annualrevenue", "decimal", "Annual revenue in USD, stored as a string."),
                      ("properties.lifecyclestage", "string", "customer, opportunity or lead."),
                      ("properties.hubspot_owner_id", "string", "Account owner (HubSpot user id).")))]))
    products.append(product(
        "sales.hubspot-deals", "HubSpot Deals", DOMAIN,
        "The sales pipeline: every deal, its amount, stage and expected close date.\n\n"
        "One record per HubSpot deal (grain: deal id) from `GET /crm/v3/objects/deals` with the "
        "associated company. Two pipelines exist: `default` (Sales Pipeline, stage ids are "
        "internal names) and `1407285` (Distributor Pipeline, **numeric stage ids**).\n\n"
        "Stage → probability: appointmentscheduled/1407286 = 0.2, qualifiedtobuy/1407287 = 0.4, "
        "presentationscheduled/1407288 = 0.6, decisionmakerboughtin/1407289 = 0.8, "
        "contractsent/1407290 = 0.9, closedwon/1407291 = 1.0, closedlost/1407292 = 0.0.\n\n"
        "- **Amounts are strings** in HubSpot (`\"12500.00\"`), some without decimals, a few empty.\n"
        "- Amounts are in `deal_currency_code` (USD or EUR), not converted.",
        OWNER, STEWARD, ["crm", "pipeline", "revenue"], "HubSpot", ["json"], POLICY, 24, "1.3.0",
        "2026-11-20T05:12:00Z",
        [dataset("deals", "json", s_deals, base + "deals",
                 "CRM v3 list response of deals with their company association.",
                 cols(*common_cols,
                      ("properties.dealname", "string", "Deal name, usually `<company> – <what>`.", NONPII),
                      ("properties.amount", "decimal", "Deal amount in the deal currency, **as a string**; empty when not yet estimated."),
                      ("properties.deal_currency_code", "string", "ISO currency of `amount` (USD or EUR)."),
                      ("properties.dealstage", "string", "Stage id; see the stage → probability mapping in the description."),
                      ("properties.hs_deal_stage_probability", "decimal", "Probability of the stage, 0.0–1.0, as a string."),
                      ("properties.pipeline", "string", "`default` or `1407285` (distributors)."),
                      ("properties.closedate", "timestamp", "Expected (open deals) or actual (closed deals) close date."),
                      ("properties.hs_is_closed", "boolean", "\"true\" once the deal is won or lost."),
                      ("properties.hubspot_owner_id", "string", "Sales rep (HubSpot user id)."),
                      ("associations.companies.results", "json", "Associated company: `[{id, type: deal_to_company}]`.")))]))
    products.append(product(
        "sales.hubspot-campaigns", "HubSpot Campaigns", DOMAIN,
        "Marketing campaigns with their dates, budget and spend.\n\n"
        "One record per campaign (grain: campaign GUID) from the Marketing v3 campaigns API. "
        "Budget and spend are the sums of the campaign's budget and spend items.\n\n"
        "- Budget and spend are strings in `hs_currency_code` (mixed USD / EUR).\n"
        "- Campaign ids are GUIDs, unlike every other HubSpot object.",
        OWNER, STEWARD, ["marketing", "campaigns", "spend"], "HubSpot", ["json"], POLICY, 48,
        "1.0.3", "2026-11-19T22:40:00Z",
        [dataset("campaigns", "json", s_campaigns, "https://api.hubapi.com/marketing/v3/campaigns",
                 "Marketing v3 campaigns list response.",
                 cols(("id", "string", "Campaign GUID."),
                      ("createdAt", "timestamp", "Created in HubSpot."),
                      ("updatedAt", "timestamp", "Last change in HubSpot."),
                      ("properties.hs_name", "string", "Campaign name, `YYYY-MM <kind> – <topic>` by convention."),
                      ("properties.hs_start_date", "date", "First day of the campaign."),
                      ("properties.hs_end_date", "date", "Last day of the campaign."),
                      ("properties.hs_campaign_status", "string", "planned, in_progress, active, paused or completed."),
                      ("properties.hs_utm", "string", "UTM campaign code used in links."),
                      ("properties.hs_currency_code", "string", "Currency of budget and spend."),
                      ("properties.hs_budget_items_sum_amount", "decimal", "Planned budget, as a string."),
                      ("properties.hs_spend_items_sum_amount", "decimal", "Spend booked so far, as a string."),
                      ("properties.hs_owner", "string", "Marketing owner (HubSpot user id)."),
                      ("properties.hs_object_id", "string", "Same as `id`.")))]))
    products.append(product(
        "sales.marketing-leads", "Marketing Leads (MQL/SQL)", DOMAIN,
        "Leads created by marketing and how far they got: MQL, SQL, deal.\n\n"
        "One record per HubSpot lead object (grain: lead id) from `GET /crm/v3/objects/leads`, with "
        "the primary contact and, once converted, the deal. A lead is an **MQL** from "
        "`messy_mql_date` and an **SQL** from `messy_sql_date`; the `messy_*` fields are custom "
        "properties maintained by a workflow.\n\n"
        "- Lead → deal conversion = leads with a `deals` association / leads created in the period.\n"
        "- `hs_lead_name` repeats the contact's name, so the dataset is personal data.",
        OWNER, STEWARD, ["marketing", "funnel", "mql"], "HubSpot", ["json"], POLICY, 24, "1.1.0",
        "2026-11-20T05:12:00Z",
        [dataset("leads", "json", s_leads, base + "leads",
                 "CRM v3 list response of lead objects with contact and deal associations.",
                 cols(*common_cols,
                      ("properties.hs_lead_name", "string", "Lead name = contact's full name.", PII),
                      ("properties.hs_pipeline", "string", "Lead pipeline id (only `lead-pipeline-id`)."),
                      ("properties.hs_pipeline_stage", "string", "new, attempting, connected, qualified or unqualified (`*-stage-id`)."),
                      ("properties.hs_lead_type", "string", "NEW_BUSINESS, UPSELL or RE_ATTEMPTING."),
                      ("properties.hs_lead_label", "string", "HOT, WARM or COLD."),
                      ("properties.messy_qualification", "string", "Custom: `MQL` or `SQL`."),
                      ("properties.messy_mql_date", "date", "Custom: day the lead became marketing-qualified."),
                      ("properties.messy_sql_date", "date", "Custom: day sales accepted the lead; empty if not yet."),
                      ("properties.messy_lead_source", "string", "Custom: original source channel."),
                      ("properties.messy_campaign_id", "string", "Custom: GUID of the attributed campaign, if any."),
                      ("properties.hubspot_owner_id", "string", "Owner (HubSpot user id)."),
                      ("associations.contacts.results", "json", "Primary contact `[{id, type}]`."),
                      ("associations.deals.results", "json", "Converted deal `[{id, type: lead_to_deal}]`; absent when not converted.")))]))
    products.append(product(
        "sales.sales-forecast", "Sales Forecast", DOMAIN,
        "Weekly weighted pipeline by region against the quarterly target.\n\n"
        "Grain: one row per Monday snapshot × sales region (AMER, EMEA, APAC). Built by the dbt "
        "model `sales_forecast` from HubSpot deals: every open deal expected to close in the "
        "snapshot's quarter contributes `amount × stage probability`; EUR deals are converted with "
        "the month's rate from `legacy.fx_rates_tmp`.\n\n"
        "- **Caveat:** the fx table is one of Ashi's undocumented legacy tables and nobody owns it.\n"
        "- Deals without amount count as 0; the stage used is the *current* stage, not the stage "
        "at the snapshot, and deals that have closed since count at 50%.\n"
        "- Targets are typed in by Sales Ops each quarter.",
        ANALYST, STEWARD, ["forecast", "pipeline", "curated"], "dbt (HubSpot)", ["csv"],
        "Open to all employees. Managers and the board pack use it; do not share outside.",
        168, "3.0.1", "2026-11-17T07:30:00Z",
        [dataset("sales_forecast_weekly", "csv", s_forecast, "",
                 "Weekly forecast snapshot per region.",
                 cols(("snapshot_date", "date", "Monday of the snapshot week."),
                      ("region", "string", "AMER, EMEA or APAC, from the company's country."),
                      ("close_quarter", "string", "Quarter being forecast, e.g. `2026Q4`."),
                      ("open_deal_count", "integer", "Open deals expected to close in the quarter."),
                      ("pipeline_amount_usd", "decimal", "Unweighted open amount in USD."),
                      ("weighted_amount_usd", "decimal", "Σ amount × stage probability, USD."),
                      ("closed_won_usd", "decimal", "Already won in the quarter, USD."),
                      ("target_usd", "decimal", "Quarterly target for the region, USD."),
                      ("eur_usd_rate", "decimal", "EUR→USD rate applied (from legacy.fx_rates_tmp).")))]))

    lineage += [
        {"from": "sales.hubspot-deals", "to": "sales.sales-forecast", "kind": "transform", "job": "dbt.sales_forecast"},
        {"from": "sales.hubspot-companies", "to": "sales.sales-forecast", "kind": "transform", "job": "dbt.sales_forecast"},
        {"from": "sales.hubspot-contacts", "to": "sales.marketing-leads", "kind": "transform", "job": "hubspot.lead_workflow"},
        {"from": "sales.hubspot-campaigns", "to": "sales.marketing-leads", "kind": "transform", "job": "hubspot.lead_attribution"},
    ]
    return products, lineage
