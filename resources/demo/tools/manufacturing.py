# SPDX-License-Identifier: MIT
"""Manufacturing (MES / plant historian CSV exports): production runs, downtime events
(semicolon-delimited, decimal commas), scrap, and the curated daily OEE per line."""
from datetime import date, datetime, timedelta

from common import cols, dataset, days, product, rng, write_csv

DOMAIN = "Manufacturing"
OWNER, STEWARD = "wei.zhang", "joao.silva"
POLICY = ("Internal. Open to Manufacturing, Supply Chain, Finance and managers. Operator badge "
          "numbers are pseudonymous; re-identification needs the People owner's approval.")
FROM, TO = date(2026, 3, 1), date(2026, 11, 19)
LINES = [("LEE", "LEE-L1", "Europe/London"), ("LEE", "LEE-L2", "Europe/London"),
         ("MTY", "MTY-M1", "America/Monterrey")]
SKUS = [("SNS-100", "Sensor housing, ABS, black", 14.0), ("SNS-200", "Vibration sensor V2", 22.0),
        ("GW-10", "Gateway board, rev C", 48.0), ("GW-12", "Gateway enclosure, IP67", 30.0),
        ("SP-7", "Spare cable kit", 9.0), ("SNS-310", "Temp/humidity probe, 2 m lead", 18.0)]
REASONS = [("MECH", "M01", "Jam at infeed"), ("MECH", "M07", "Gripper fault, axis 2"),
           ("ELEC", "E03", "Drive overtemperature"), ("MAT", "S02", "Waiting for material"),
           ("CHG", "C01", "Changeover overrun"), ("QUAL", "Q04", "Line stopped by QA, first-article check"),
           ("OPS", "O02", "No operator")]
DEFECTS = [("D10", "Short shot, incomplete fill"), ("D11", "Flash on parting line"),
           ("D20", "Solder bridge, U3/U4"), ("D21", "Missing component"),
           ("D30", "Scratch, cosmetic"), ("D31", "Label misprint"), ("D40", "Failed end-of-line test")]


def ts(dt):
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def build(ctx):
    r = rng("manufacturing")
    runs, downtime, scrap, oee_rows = [], [], [], []
    plant_daily = {}
    run_no, dt_no, sc_no = 0, 0, 0
    for d in days(FROM, TO):
        for plant, line, tz in LINES:
            if d.weekday() == 6 or (d.weekday() == 5 and line == "LEE-L2"):
                continue
            day = {"planned": 0, "run": 0, "ideal": 0.0, "total": 0, "good": 0}
            for shift, start_h in (("A", 6), ("B", 14)):
                if line == "MTY-M1" and shift == "B" and d.weekday() >= 4:
                    continue
                run_no += 1
                sku, sku_name, cycle = SKUS[r.randint(0, len(SKUS) - 1)]
                planned = 450
                down = r.choice([0, 0, 5, 10, 15, 25, 40, 70, 120])
                actual = planned - down
                perf = r.uniform(0.78, 0.97)
                total = int(actual * 60 / cycle * perf)
                bad = int(total * r.choice([0.0, 0.005, 0.01, 0.02, 0.04]))
                good = total - bad
                start = datetime(d.year, d.month, d.day, start_h, r.randint(0, 9))
                end = start + timedelta(minutes=planned + 30)
                rid = "R%s-%06d" % (line[-2:], 100000 + run_no)
                runs.append([rid, plant, line, "WO-%07d" % (5300000 + run_no * 3), sku, sku_name,
                             shift, ts(start), ts(end), planned, actual, "%.1f" % cycle, total,
                             good, "B%04d" % r.randint(1, 180)])
                # downtime events add up to planned - actual (unplanned stops only)
                left = down
                t = start + timedelta(minutes=r.randint(20, 60))
                while left > 0:
                    dt_no += 1
                    chunk = left if left <= 15 or r.random() < 0.5 else r.randint(5, int(left) - 5)
                    chunk_f = chunk - (0.5 if chunk > 1 and r.random() < 0.3 else 0)
                    cat, code, text = r.choice(REASONS)
                    downtime.append(["DT%07d" % (dt_no + 400000), rid, line, ts(t),
                                     ts(t + timedelta(minutes=chunk_f)),
                                     ("%.1f" % chunk_f).replace(".", ","), cat, code, text,
                                     "N"])
                    t += timedelta(minutes=chunk_f + r.randint(10, 90))
                    left -= chunk_f
                # scrap records add up to total - good
                left = bad
                while left > 0:
                    sc_no += 1
                    q = left if left < 8 or r.random() < 0.5 else r.randint(1, left - 1)
                    code, text = r.choice(DEFECTS)
                    scrap.append(["SC%06d" % (700000 + sc_no), rid, line, ts(end - timedelta(minutes=r.randint(5, 400))),
                                  sku, q, code, text, r.choice(["scrap", "scrap", "rework"])])
                    left -= q
                day["planned"] += planned
                day["run"] += actual
                day["ideal"] += cycle * total / 60.0
                day["total"] += total
                day["good"] += good
            if not day["planned"]:
                continue
            a = day["run"] / day["planned"]
            p = day["ideal"] / day["run"]
            q = day["good"] / day["total"] if day["total"] else 1.0
            oee_rows.append([d.isoformat(), plant, line, day["planned"], day["run"], day["total"],
                             day["good"], "%.4f" % a, "%.4f" % p, "%.4f" % q, "%.4f" % (a * p * q)])
            pd = plant_daily.setdefault(d, {"planned": 0, "run": 0, "ideal": 0.0, "total": 0, "good": 0})
            for k in pd:
                pd[k] += day[k]
    ctx["mfg_daily"] = plant_daily
    s_runs = write_csv("mes/production_runs.csv",
                       ["run_id", "plant", "line", "work_order", "sku", "sku_description", "shift",
                        "start_local", "end_local", "planned_run_min", "actual_run_min",
                        "ideal_cycle_time_s", "total_count", "good_count", "operator_badge"], runs)
    s_dt = write_csv("historian/downtime_events.csv",
                     ["event_id", "run_id", "line", "start_local", "end_local", "duration_min",
                      "category", "reason_code", "reason_text", "planned_stop"], downtime,
                     delimiter=";")
    s_sc = write_csv("mes/scrap.csv",
                     ["scrap_id", "run_id", "line", "recorded_local", "sku", "quantity",
                      "defect_code", "defect_description", "disposition"], scrap)
    s_oee = write_csv("mes/oee_daily_by_line.csv",
                      ["date", "plant", "line", "planned_min", "run_min", "total_count",
                       "good_count", "availability", "performance", "quality", "oee"], oee_rows)
    ctx["mfg_counts"] = (len(runs), len(downtime), len(scrap), len(oee_rows))

    products = [
        product("mfg.production-runs", "Production Runs", DOMAIN,
                "Every production run (one work order on one line in one shift) in the Leeds and "
                "Monterrey plants since March 2026.\n\n"
                "Grain: run id. Nightly CSV export from the MES. Planned run time excludes "
                "planned stops (breaks, maintenance); `planned_run_min − actual_run_min` is the "
                "unplanned downtime, itemised in *Downtime Events*; `total_count − good_count` is "
                "itemised in *Scrap*.\n\n"
                "- Timestamps are **plant local time without offset** (Europe/London, America/Monterrey).\n"
                "- `sku_description` contains commas and is quoted.",
                OWNER, STEWARD, ["mes", "production", "shopfloor"], "MES (CSV export)", ["csv"],
                POLICY, 24, "1.2.0", "2026-11-20T01:30:00Z",
                [dataset("production_runs", "csv", s_runs, "sftp://mes.messy.example/export/production_runs_*.csv",
                         "MES CSV export, comma-delimited, quoted where needed.",
                         cols(("run_id", "string", "Run id, `R<line>-<n>`."),
                              ("plant", "string", "LEE (Leeds) or MTY (Monterrey)."),
                              ("line", "string", "Production line."),
                              ("work_order", "string", "ERP work order."),
                              ("sku", "string", "Product SKU."),
                              ("sku_description", "string", "SKU description (contains commas)."),
                              ("shift", "string", "A (06–14) or B (14–22)."),
                              ("start_local", "timestamp", "Run start, plant local time."),
                              ("end_local", "timestamp", "Run end, plant local time."),
                              ("planned_run_min", "integer", "Planned production time, minutes."),
                              ("actual_run_min", "integer", "Run time = planned − unplanned downtime."),
                              ("ideal_cycle_time_s", "decimal", "Ideal seconds per unit for the SKU."),
                              ("total_count", "integer", "Units produced, good and bad."),
                              ("good_count", "integer", "Units that passed first time."),
                              ("operator_badge", "string", "Pseudonymous operator badge.")))]),
        product("mfg.downtime-events", "Downtime Events", DOMAIN,
                "Unplanned line stops with their reason, from the plant historian.\n\n"
                "Grain: one stop. Exported by the historian in a European locale: "
                "**semicolon-delimited, decimal comma** in `duration_min` (`12,5`). Durations of a "
                "run add up to its `planned_run_min − actual_run_min`.\n\n"
                "- Reason codes are picked by operators; `O02` (no operator) is under-reported.",
                OWNER, STEWARD, ["historian", "downtime", "availability"], "Plant historian (CSV export)",
                ["csv"], POLICY, 24, "1.0.4", "2026-11-20T01:30:00Z",
                [dataset("downtime_events", "csv", s_dt, "sftp://historian.messy.example/export/downtime_*.csv",
                         "Historian CSV export, `;`-delimited.",
                         cols(("event_id", "string", "Stop id."),
                              ("run_id", "string", "Production run during which the stop happened."),
                              ("line", "string", "Line."),
                              ("start_local", "timestamp", "Stop start, plant local time."),
                              ("end_local", "timestamp", "Stop end, plant local time."),
                              ("duration_min", "decimal", "Minutes, **decimal comma**."),
                              ("category", "string", "MECH, ELEC, MAT, CHG, QUAL or OPS."),
                              ("reason_code", "string", "Reason code."),
                              ("reason_text", "string", "Reason text (may contain commas)."),
                              ("planned_stop", "boolean", "`N` — planned stops are not exported.")))]),
        product("mfg.scrap", "Scrap", DOMAIN,
                "Units scrapped or sent to rework, with the defect found.\n\n"
                "Grain: one scrap booking. MES CSV export; quantities of a run add up to its "
                "`total_count − good_count`.\n\n"
                "- Rework units count as bad for OEE quality even if they are later sold.",
                OWNER, STEWARD, ["mes", "quality", "scrap"], "MES (CSV export)", ["csv"], POLICY,
                24, "1.0.1", "2026-11-20T01:30:00Z",
                [dataset("scrap", "csv", s_sc, "sftp://mes.messy.example/export/scrap_*.csv",
                         "MES CSV export.",
                         cols(("scrap_id", "string", "Booking id."),
                              ("run_id", "string", "Production run."),
                              ("line", "string", "Line."),
                              ("recorded_local", "timestamp", "When booked, plant local time."),
                              ("sku", "string", "SKU."),
                              ("quantity", "integer", "Units."),
                              ("defect_code", "string", "Defect code."),
                              ("defect_description", "string", "Defect (contains commas)."),
                              ("disposition", "string", "scrap or rework.")))]),
        product("mfg.oee", "OEE by Line", DOMAIN,
                "Daily overall equipment effectiveness per production line.\n\n"
                "Grain: day × line. `dbt.oee` sums the day's runs: availability = run time / "
                "planned time; performance = Σ(ideal cycle time × total count) / run time; "
                "quality = good / total; **OEE = availability × performance × quality**.\n\n"
                "- Days without production (Sundays, Saturdays on LEE-L2) have no row.\n"
                "- Planned stops are outside planned time, so availability is flattering.",
                OWNER, STEWARD, ["oee", "curated", "efficiency"], "dbt (MES, historian)", ["csv"],
                "Open to all employees.", 24, "1.3.0", "2026-11-20T02:15:00Z",
                [dataset("oee_daily_by_line", "csv", s_oee, "", "Daily OEE per line.",
                         cols(("date", "date", "Production day (plant local)."),
                              ("plant", "string", "LEE or MTY."),
                              ("line", "string", "Line."),
                              ("planned_min", "integer", "Planned production minutes."),
                              ("run_min", "integer", "Run minutes."),
                              ("total_count", "integer", "Units produced."),
                              ("good_count", "integer", "Good units."),
                              ("availability", "decimal", "run / planned."),
                              ("performance", "decimal", "ideal time / run time."),
                              ("quality", "decimal", "good / total."),
                              ("oee", "decimal", "availability × performance × quality.")))]),
    ]
    lineage = [
        {"from": "mfg.production-runs", "to": "mfg.oee", "kind": "aggregate", "job": "dbt.oee"},
        {"from": "mfg.downtime-events", "to": "mfg.oee", "kind": "aggregate", "job": "dbt.oee"},
        {"from": "mfg.scrap", "to": "mfg.oee", "kind": "aggregate", "job": "dbt.oee"},
    ]
    return products, lineage
