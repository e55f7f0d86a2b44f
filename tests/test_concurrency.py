"""Several processes checking into one database at once (issue 7): no "database is locked", no
lost run. Four processes start together on a fresh database (so they also race to create the
schema and load the shipped corpus), each records 50 checks through the library API, and the
database then holds exactly 200 runs. On SQLite this rests on WAL, the busy timeout and
BEGIN IMMEDIATE; on PostgreSQL on the writers' advisory lock (see lawcheck/store/db.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawcheck import api

PLAN = Path(__file__).resolve().parents[1] / "examples" / "health-training.yaml"
PROCESSES = 4
RUNS_EACH = 50

# Imports happen before "ready", so the processes really start their checks together.
WORKER = """
import pathlib, sys, time
from lawcheck import api
url, plan, ready, go, runs, mode = sys.argv[1:]
pathlib.Path(ready).touch()
while not pathlib.Path(go).exists():
    time.sleep(0.01)
for n in range(int(runs)):
    if mode == "check":
        api.check(plan, as_of="2026-12-01", db=url, record=True)
    else:
        reviews = api.review(text=f"Statement {n}: the district chief is a corrupt thief.",
                             db=url, date="2026-12-05", record=True)
        assert len(list(reviews)) == 1 and reviews.run
"""


@pytest.mark.slow
def test_four_processes_checking_and_reviewing_record_two_hundred_runs(store_url, tmp_path):
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{i}" for i in range(PROCESSES)]
    modes = ["check", "review"] * (PROCESSES // 2)  # checking and reviewing at once
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, store_url, str(PLAN), str(r),
                               str(go), str(RUNS_EACH), mode],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for r, mode in zip(ready, modes)]
    try:
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready):
            assert time.monotonic() < deadline, "the workers did not start"
            assert all(p.poll() is None for p in procs), [p.stderr.read() for p in procs]
            time.sleep(0.05)
        go.touch()
        results = [p.communicate(timeout=900) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    errors = [err for _, err in results]
    assert not any("database is locked" in e for e in errors), errors
    assert [p.returncode for p in procs] == [0] * PROCESSES, errors
    runs = api.history(db=store_url)
    assert len(runs) == PROCESSES * RUNS_EACH
    assert len({r["id"] for r in runs}) == PROCESSES * RUNS_EACH
    kinds = [r["subject"]["kind"] for r in runs]
    assert kinds.count("plan") == kinds.count("statements") == PROCESSES * RUNS_EACH // 2
    laws = api.list_laws(db=store_url)
    assert laws and all(len(law["versions"]) == 1 for law in laws)  # the corpus loaded once
