"""Plan-check benchmark: lawcheck.api.check on a generated plan of 200 activities (in one
process, after a warm-up run that loads the corpus), and the wall time of ``lawcheck check`` on
a plan without statements against ``python -c "import click"`` measured in the same run. Also
asserts that checking a plan without statements does not import spaCy.

    python benchmarks/check.py [--activities 200] [--repeat 3]

Prints one JSON object. Every child process uses the same database, loaded with the shipped
corpus beforehand (a first load ingests the corpus, which does use spaCy: that is reported as
``cold_run_imports_spacy``, not asserted). Best of ``--repeat`` runs for each timing.
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-12-01"
HEAVY = ("spacy", "pdfplumber", "rich", "openpyxl", "durable")

IN_PROCESS = """
import json, sys, time
from lawcheck import api
plan, warm, db, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t0 = time.perf_counter()
api.check(warm, as_of="2026-12-01", db=db)
warm_up = time.perf_counter() - t0
runs = []
for _ in range(repeat):
    t0 = time.perf_counter()
    report = api.check(plan, as_of="2026-12-01", db=db)
    runs.append(time.perf_counter() - t0)
small = []
for _ in range(repeat):
    t0 = time.perf_counter()
    api.check(warm, as_of="2026-12-01", db=db)
    small.append(time.perf_counter() - t0)
print(json.dumps({"warm_up_s": warm_up, "runs_s": runs, "small_runs_s": small,
                  "findings": len(report["findings"]),
                  "not_checked": len(report["not_checked"]),
                  "activities": len(report["activities"])}))
"""

MODULES = """
import json, sys
from lawcheck import api
report = api.check(sys.argv[1], as_of="2026-12-01", db=sys.argv[2])
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[3].split(",")))
print(json.dumps({"heavy": heavy, "findings": len(report["findings"])}))
"""


def generated_plan(count: int, statements: bool) -> dict:
    """The land-forum organisation with ``count`` activities: the examples' activities in turn,
    each with a fresh id and start date spread over the next months."""
    org = yaml.safe_load((EXAMPLES / "land-forum.yaml").read_text(encoding="utf-8"))
    pool = [a for name in ("land-forum", "foreign-march", "health-training")
            for a in yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(
                encoding="utf-8"))["activities"]]
    activities = []
    for n in range(count):
        activity = copy.deepcopy(pool[n % len(pool)])
        activity["id"] = f"A{n:04d}"
        start = date(2026, 12, 2) + timedelta(days=n % 120)
        activity["start"], activity["end"] = str(start), str(start + timedelta(days=n % 3))
        if activity.get("notification"):
            activity["notification"]["notified_on"] = str(start - timedelta(days=n % 9))
        if not statements:
            activity.pop("statements", None)
        activities.append(activity)
    return {"organization": org["organization"], "activities": activities}


def write(path: Path, plan: dict) -> Path:
    path.write_text(json.dumps(plan, default=str, indent=1), encoding="utf-8")
    return path


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout)


def wall(argv: list[str], repeat: int, ok=(0,)) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t0)
        assert done.returncode in ok, done.stderr.decode()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = f"sqlite:///{tmp / 'bench.db'}"
        big = write(tmp / "big.json", generated_plan(args.activities, statements=True))
        bare = write(tmp / "bare.json", generated_plan(args.activities, statements=False))
        small = EXAMPLES / "health-training.yaml"

        cold = child(MODULES, str(small), db, ",".join(HEAVY))  # loads the corpus
        measured = child(IN_PROCESS, str(big), str(small), db, str(args.repeat))
        modules = child(MODULES, str(bare), db, ",".join(HEAVY))
        assert "spacy" not in modules["heavy"], modules

        env_cli = [sys.executable, "-m", "lawcheck", "--db", db, "check", "--as-of", AS_OF,
                   "--format", "json"]
        cli_small = wall(env_cli + [str(small)], args.repeat)
        cli_bare = wall(env_cli + [str(bare)], args.repeat, ok=(0, 1))
        click_only = wall([sys.executable, "-c", "import click"], args.repeat)
        python_only = wall([sys.executable, "-c", "pass"], args.repeat)

    best = min(measured["runs_s"])
    print(json.dumps({
        "activities": measured["activities"],
        "findings": measured["findings"],
        "not_checked": measured["not_checked"],
        "api_check_200_s": round(best, 3),
        "api_check_200_per_activity_ms": round(1000 * best / measured["activities"], 2),
        "api_check_small_plan_s": round(min(measured["small_runs_s"]), 3),
        "warm_up_s": round(measured["warm_up_s"], 3),
        "cli_check_small_plan_s": round(cli_small, 3),
        "cli_check_200_no_statements_s": round(cli_bare, 3),
        "python_import_click_s": round(click_only, 3),
        "python_bare_s": round(python_only, 3),
        "cli_small_over_import_click": round(cli_small / click_only, 1),
        "cli_200_over_import_click": round(cli_bare / click_only, 1),
        "heavy_modules_after_check_without_statements": modules["heavy"],
        "cold_run_imports_spacy": "spacy" in cold["heavy"],
        "spacy_imported_by_check_without_statements": False,  # asserted above
    }, indent=2))


if __name__ == "__main__":
    main()
