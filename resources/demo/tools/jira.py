# SPDX-License-Identifier: MIT
"""Atlassian Jira (Product): issue search, agile sprints, project versions (fixVersions) and the
curated release-readiness NDJSON."""
import statistics
from datetime import date, datetime, timedelta, timezone

from common import (PII, NONPII, SNAPSHOT, START, END, cols, dataset, iso_z, person, product,
                    rng, write_json, write_ndjson)

DOMAIN = "Product"
OWNER, STEWARD = "lucas.moreau", "sofia.rossi"
SITE = "https://messy.atlassian.net"
POLICY = ("Open to all employees. Issue descriptions may quote customer names; do not export "
          "outside the company. Requests go to the owner through the catalog.")
PROJECTS = [("PLAT", "10010", "IoT Platform", 7), ("APP", "10011", "Companion App", 10),
            ("FW", "10012", "Sensor Firmware", 21)]


def jira_ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def user_date(d):
    return d.strftime("%d/%b/%y")


def adf(text, bullets=None):
    content = [{"type": "paragraph", "content": [{"type": "text", "text": text}]}]
    if bullets:
        content.append({"type": "bulletList", "content": [
            {"type": "listItem", "content": [{"type": "paragraph", "content": [
                {"type": "text", "text": b}]}]} for b in bullets]})
    return {"type": "doc", "version": 1, "content": content}


def build(ctx):
    r = rng("jira")

    # ---------------- versions --------------------------------------------------------------
    versions = []
    by_project = {}
    vid = 10100
    for key, pid, pname, every in PROJECTS:
        d = date(2025, 1, 8) + timedelta(days=r.randint(0, 5))
        major, minor, patch = {"PLAT": (4, 0, 0), "APP": (2, 3, 0), "FW": (1, 8, 0)}[key]
        while d <= date(2026, 12, 20):
            vid += r.randint(1, 4)
            if r.random() < 0.15:
                minor, patch = minor + 1, 0
            else:
                patch += 1
            planned = d
            released = planned <= END - timedelta(days=2)
            slip = r.choice([0, 0, 0, 0, 0, -1, -2, 1, 2, 3, 5, 8, 14]) if released else 0
            actual = planned + timedelta(days=slip) if released else None
            if actual and actual > END:
                actual, released = None, False
            v = {
                "self": "%s/rest/api/3/version/%d" % (SITE, vid),
                "id": str(vid),
                "description": "%s %d.%d.%d" % (pname, major, minor, patch),
                "name": "%s %d.%d.%d" % (key, major, minor, patch),
                "archived": released and planned < date(2025, 7, 1),
                "released": released,
                "startDate": (planned - timedelta(days=every)).isoformat(),
                "releaseDate": planned.isoformat(),
                "overdue": (not released) and planned < END,
                "userStartDate": user_date(planned - timedelta(days=every)),
                "userReleaseDate": user_date(planned),
                "projectId": int(pid),
                "messyActualReleaseDate": actual.isoformat() if actual else None,
            }
            if released:
                del v["overdue"]
            versions.append(v)
            by_project.setdefault(key, []).append(v)
            d += timedelta(days=every + r.choice([0, 0, 0, 1, -1]))
    s_versions = write_json("jira/versions.json", {
        "self": "%s/rest/api/3/project/search/versions?startAt=0&maxResults=%d" % (SITE, len(versions)),
        "maxResults": len(versions), "startAt": 0, "total": len(versions), "isLast": True,
        "values": versions})

    # ---------------- sprints ---------------------------------------------------------------
    sprints = []
    sid = 300
    for board, key in ((11, "PLAT"), (12, "APP"), (13, "FW"), (14, "DATA")):
        d = date(2025, 1, 6)
        n = 1
        while d <= date(2026, 12, 7):
            sid += 1
            end = d + timedelta(days=13)
            state = "closed" if end < END else ("active" if d <= END else "future")
            s = {"id": sid, "self": "%s/rest/agile/1.0/sprint/%d" % (SITE, sid), "state": state,
                 "name": "%s Sprint %d" % (key, n)}
            if state != "future":
                s["startDate"] = iso_z(datetime(d.year, d.month, d.day, 8, tzinfo=timezone.utc), millis=True)
                s["endDate"] = iso_z(datetime(end.year, end.month, end.day, 16, tzinfo=timezone.utc), millis=True)
            if state == "closed":
                late = r.choice([0, 0, 0, 1, 2])
                c = end + timedelta(days=late)
                s["completeDate"] = iso_z(datetime(c.year, c.month, c.day, 15, r.randint(0, 59), tzinfo=timezone.utc), millis=True)
            s["createdDate"] = iso_z(datetime(d.year, d.month, d.day, 7, tzinfo=timezone.utc) - timedelta(days=10), millis=True)
            s["originBoardId"] = board
            s["goal"] = r.choice(["", "Ship OTA updates", "Stabilise telemetry ingest",
                                  "Dashboard v2", "Reduce crash rate", "Battery life +10%",
                                  "Customer escalations", "Tech debt"])
            sprints.append(s)
            d += timedelta(days=14)
            n += 1
    s_sprints = write_json("jira/sprints.json", {"maxResults": len(sprints), "startAt": 0,
                                                 "total": len(sprints), "isLast": True,
                                                 "values": sprints})

    # ---------------- issues ----------------------------------------------------------------
    issues = []
    types = ["Story", "Story", "Bug", "Bug", "Task", "Epic", "Sub-task"]
    verbs = ["Add", "Fix", "Improve", "Remove", "Refactor", "Investigate", "Support"]
    things = ["OTA retry logic", "battery reporting", "login timeout", "CSV export",
              "dashboard filters", "sensor calibration", "alarm thresholds", "dark mode",
              "MQTT reconnect", "unit conversion", "firmware signing", "crash on resume",
              "plant map", "report scheduling", "SSO with Entra ID"]
    counters = {k: 100 for k, _, _, _ in PROJECTS}
    iid = 41000
    issue_rows = []
    for i in range(340):
        key, pid, pname, _ = PROJECTS[r.choice([0, 0, 1, 1, 2])]
        counters[key] += r.randint(1, 3)
        iid += r.randint(1, 5)
        v = r.choice(by_project[key]) if r.random() < 0.9 else None
        if v:
            due = date.fromisoformat(v["releaseDate"])
            created_d = due - timedelta(days=r.randint(3, 90))
        else:
            created_d = START + timedelta(days=r.randint(0, (END - START).days))
        created = datetime(created_d.year, created_d.month, created_d.day, r.randint(7, 18),
                           r.randint(0, 59), r.randint(0, 59), tzinfo=timezone.utc)
        if v and v["released"]:
            status = r.choice(["Done", "Done", "Done", "Done", "Won't Do"])
        elif v:
            status = r.choice(["To Do", "In Progress", "In Review", "Done"])
        else:
            status = r.choice(["To Do", "Backlog", "In Progress", "Done"])
        resolved = None
        if status in ("Done", "Won't Do"):
            lim = date.fromisoformat(v["messyActualReleaseDate"] or v["releaseDate"]) if v else END
            lim = min(lim, END)
            span = max(0, (lim - created_d).days)
            rd = created + timedelta(days=r.randint(0, span) if span else 0, hours=r.randint(1, 9))
            resolved = rd
        first, last = person(r)
        itype = r.choice(types)
        summary = "%s %s" % (r.choice(verbs), r.choice(things))
        desc = None if r.random() < 0.12 else adf(
            ("%s reported by %s. %s" % (summary, r.choice(["support", "QA", "a customer", "the plant"]),
                                       r.choice(["Steps to reproduce below.", "See the attached logs.",
                                                 "Acceptance criteria:", ""]))).strip(),
            [r.choice(["Works offline", "Covered by tests", "Docs updated", "Telemetry added"])
             for _ in range(r.randint(0, 3))] or None)
        cat = {"Done": "done", "Won't Do": "done", "To Do": "new", "Backlog": "new"}.get(status, "indeterminate")
        fields = {
            "summary": summary,
            "status": {"name": status, "statusCategory": {"key": cat}},
            "issuetype": {"name": itype, "subtask": itype == "Sub-task"},
            "priority": {"name": r.choice(["Highest", "High", "Medium", "Medium", "Low"])},
            "project": {"id": pid, "key": key, "name": pname},
            "assignee": None if r.random() < 0.1 else {
                "accountId": "5b10ac8d82e05b22cc7d%04x" % r.randint(0, 65535),
                "displayName": "%s %s" % (first, last)},
            "created": jira_ts(created),
            "updated": jira_ts(resolved or min(created + timedelta(days=r.randint(0, 30)),
                                               SNAPSHOT - timedelta(hours=8))),
            "resolutiondate": jira_ts(resolved) if resolved else None,
            "fixVersions": [{"self": v["self"], "id": v["id"], "name": v["name"],
                             "archived": v["archived"],
                             "released": v["released"], "releaseDate": v["releaseDate"]}] if v else [],
            "labels": r.sample(["customer", "tech-debt", "security", "ux", "plant-floor"], r.randint(0, 2)),
            "customfield_10016": r.choice([1, 2, 3, 5, 8, 13, None]),
            "description": desc,
        }
        issues.append({"expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields",
                       "id": str(iid), "self": "%s/rest/api/3/issue/%d" % (SITE, iid),
                       "key": "%s-%d" % (key, counters[key]), "fields": fields})
        issue_rows.append((v["id"] if v else None, status, created, resolved))
    s_issues = write_json("jira/issues_search.json", {
        "expand": "schema,names", "startAt": 0, "maxResults": 500, "total": len(issues),
        "issues": issues})

    # ---------------- release readiness -----------------------------------------------------
    rows = []
    for v in versions:
        mine = [x for x in issue_rows if x[0] == v["id"]]
        done = [x for x in mine if x[1] in ("Done", "Won't Do")]
        cycles = [(x[3] - x[2]).total_seconds() / 86400 for x in done if x[3]]
        actual = v["messyActualReleaseDate"]
        rows.append({
            "project": v["name"].split()[0],
            "version_id": v["id"],
            "version": v["name"],
            "planned_release_date": v["releaseDate"],
            "actual_release_date": actual,
            "released": v["released"],
            "shipped_on_time": (actual <= v["releaseDate"]) if actual else None,
            "slip_days": (date.fromisoformat(actual) - date.fromisoformat(v["releaseDate"])).days if actual else None,
            "issues_total": len(mine),
            "issues_done": len(done),
            "readiness_pct": round(100.0 * len(done) / len(mine), 1) if mine else None,
            "median_cycle_time_days": round(statistics.median(cycles), 1) if cycles else None,
            "computed_at": "2026-11-20T04:30:00Z",
        })
    ctx["jira_readiness"] = rows
    ctx["jira_issue_rows"] = issue_rows
    s_ready = write_ndjson("jira/release_readiness.ndjson", rows)

    products = [
        product("product.jira-issues", "Jira Issues", DOMAIN,
                "All stories, bugs and tasks of the three product teams (IoT Platform, Companion "
                "App, Sensor Firmware).\n\n"
                "One record per issue (grain: issue key) from `POST /rest/api/3/search` with "
                "`jql=project in (PLAT, APP, FW)`. Cycle time = `resolutiondate − created`.\n\n"
                "- `fields.description` is **Atlassian Document Format** (a rich-text JSON tree), "
                "not plain text; it is `null` for about one issue in eight.\n"
                "- Story points live in the anonymous `customfield_10016`.\n"
                "- Assignee display names are personal data.",
                OWNER, STEWARD, ["engineering", "issues", "cycle-time"], "Jira", ["json"], POLICY,
                24, "2.0.0", "2026-11-20T04:10:00Z",
                [dataset("issues", "json", s_issues, SITE + "/rest/api/3/search",
                         "Jira search response (offset pagination).",
                         cols(("id", "string", "Numeric issue id."),
                              ("key", "string", "Issue key, e.g. `PLAT-214`."),
                              ("self", "string", "REST URL of the issue."),
                              ("expand", "string", "Expansions available (Jira boilerplate)."),
                              ("fields.summary", "string", "One-line title."),
                              ("fields.status.name", "string", "Workflow status: Backlog, To Do, In Progress, In Review, Done, Won't Do."),
                              ("fields.status.statusCategory.key", "string", "new, indeterminate or done."),
                              ("fields.issuetype.name", "string", "Story, Bug, Task, Epic or Sub-task."),
                              ("fields.issuetype.subtask", "boolean", "True for sub-tasks."),
                              ("fields.priority.name", "string", "Highest … Low."),
                              ("fields.project.key", "string", "PLAT, APP or FW."),
                              ("fields.project.id", "string", "Project id."),
                              ("fields.project.name", "string", "Project name."),
                              ("fields.assignee.accountId", "string", "Atlassian account id of the assignee.", PII),
                              ("fields.assignee.displayName", "string", "Assignee's full name.", PII),
                              ("fields.created", "timestamp", "Created, `yyyy-MM-ddTHH:mm:ss.SSS+0000`."),
                              ("fields.updated", "timestamp", "Last update."),
                              ("fields.resolutiondate", "timestamp", "When the issue was resolved; null while open."),
                              ("fields.fixVersions", "json", "Releases the issue ships in: `[{id, name, released, releaseDate}]`."),
                              ("fields.labels", "json", "Free labels."),
                              ("fields.customfield_10016", "decimal", "Story points (custom field)."),
                              ("fields.description", "json", "ADF document: `{type: doc, version: 1, content: [...]}`; may be null.")))]),
        product("product.jira-sprints", "Jira Sprints", DOMAIN,
                "Two-week sprints of the four Scrum boards.\n\n"
                "One record per sprint (grain: sprint id) from the Jira Software agile API, boards "
                "11 (PLAT), 12 (APP), 13 (FW) and 14 (DATA). Future sprints have no dates yet.\n\n"
                "- `completeDate` can be a day or two after `endDate` when the team closes late.\n"
                "- `goal` is free text and often empty.",
                OWNER, STEWARD, ["engineering", "scrum"], "Jira", ["json"], POLICY, 24, "1.0.1",
                "2026-11-20T04:10:00Z",
                [dataset("sprints", "json", s_sprints, SITE + "/rest/agile/1.0/board/{boardId}/sprint",
                         "Agile sprint list, all boards concatenated.",
                         cols(("id", "integer", "Sprint id."),
                              ("self", "string", "REST URL."),
                              ("state", "string", "closed, active or future."),
                              ("name", "string", "`<board> Sprint <n>`."),
                              ("startDate", "timestamp", "Planned start."),
                              ("endDate", "timestamp", "Planned end."),
                              ("completeDate", "timestamp", "When the sprint was actually closed."),
                              ("createdDate", "timestamp", "When the sprint was created."),
                              ("originBoardId", "integer", "Board the sprint belongs to."),
                              ("goal", "string", "Sprint goal, free text.")))]),
        product("product.jira-releases", "Jira Releases (fixVersions)", DOMAIN,
                "Every release of every product, planned and shipped.\n\n"
                "One record per Jira project version (grain: version id), from the project "
                "versions API of PLAT (weekly), APP (every ten days) and FW (every three weeks). "
                "`releaseDate` is the **planned** date; the actual ship date is "
                "`messyActualReleaseDate`, written by the release bot when a version is marked "
                "released (a Messy Inc. extension — Jira itself has no such field).\n\n"
                "- On-time = `messyActualReleaseDate <= releaseDate`.\n"
                "- `overdue` is only present on unreleased versions.\n"
                "- `userReleaseDate` is the same planned date formatted for humans (`dd/MMM/yy`).",
                OWNER, STEWARD, ["engineering", "releases", "delivery"], "Jira", ["json"], POLICY,
                24, "1.2.0", "2026-11-20T04:10:00Z",
                [dataset("versions", "json", s_versions, SITE + "/rest/api/3/project/{projectIdOrKey}/version",
                         "Paginated project versions, PLAT + APP + FW concatenated.",
                         cols(("id", "string", "Version id."),
                              ("self", "string", "REST URL."),
                              ("name", "string", "`<project> <semver>`."),
                              ("description", "string", "Product name and version."),
                              ("archived", "boolean", "Archived versions are hidden in Jira."),
                              ("released", "boolean", "True once shipped."),
                              ("startDate", "date", "Start of the release cycle."),
                              ("releaseDate", "date", "**Planned** release date."),
                              ("overdue", "boolean", "Unreleased and past the planned date (unreleased versions only)."),
                              ("userStartDate", "string", "Start date as shown in Jira (`dd/MMM/yy`)."),
                              ("userReleaseDate", "string", "Planned date as shown in Jira (`dd/MMM/yy`)."),
                              ("projectId", "integer", "10010 PLAT, 10011 APP, 10012 FW."),
                              ("messyActualReleaseDate", "date", "Actual ship date (release bot); null while unreleased.")))]),
        product("product.release-readiness", "Release Readiness", DOMAIN,
                "Per release: how many of its issues are done, whether it shipped on time, and "
                "the median cycle time of its issues.\n\n"
                "Grain: one line per Jira version. Built nightly by `dbt.release_readiness` from "
                "Jira releases, issues and sprints.\n\n"
                "- `shipped_on_time` is null for unreleased versions.\n"
                "- Issues without a fix version are not counted anywhere here.",
                OWNER, STEWARD, ["delivery", "curated", "releases"], "dbt (Jira)", ["ndjson"],
                "Open to all employees.", 24, "1.1.0", "2026-11-20T04:30:00Z",
                [dataset("release_readiness", "ndjson", s_ready, "",
                         "NDJSON, one object per release.",
                         cols(("project", "string", "PLAT, APP or FW."),
                              ("version_id", "string", "Jira version id."),
                              ("version", "string", "Version name."),
                              ("planned_release_date", "date", "Jira `releaseDate`."),
                              ("actual_release_date", "date", "`messyActualReleaseDate`; null if not shipped."),
                              ("released", "boolean", "Shipped."),
                              ("shipped_on_time", "boolean", "actual ≤ planned; null if not shipped."),
                              ("slip_days", "integer", "actual − planned in days (negative = early)."),
                              ("issues_total", "integer", "Issues with this fix version."),
                              ("issues_done", "integer", "Of which Done or Won't Do."),
                              ("readiness_pct", "decimal", "issues_done / issues_total × 100."),
                              ("median_cycle_time_days", "decimal", "Median resolutiondate − created of done issues."),
                              ("computed_at", "timestamp", "When the model ran.")))]),
    ]
    lineage = [
        {"from": "product.jira-releases", "to": "product.release-readiness", "kind": "transform", "job": "dbt.release_readiness"},
        {"from": "product.jira-issues", "to": "product.release-readiness", "kind": "aggregate", "job": "dbt.release_readiness"},
        {"from": "product.jira-sprints", "to": "product.release-readiness", "kind": "transform", "job": "dbt.release_readiness"},
    ]
    return products, lineage
