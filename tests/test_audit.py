"""The audit trail: runs recorded by ``check``, ``history``, ``show``, ``export``, ``purge``,
``wipe``; privacy by default (no plan text in the database file) and no half-written run."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import subprocess
import sys
import textwrap
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import inspect

from lawcheck import api
from lawcheck.audit import RunRecorder
from lawcheck.audit.packing import UnreadableRecord, unpack
from lawcheck.cli import cli
from lawcheck.store import db as storedb

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = "2026-12-01"
TEXT_MARK = "Zqxj7Wvbk"  # in the plan's words: must never reach the database without --keep-text
NAME_MARK = "Plkq3Rrtz"  # in the plan's file name: stored as the run's source (metadata)


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, *[str(a) for a in args]],
                              catch_exceptions=False)


def marked_plan(tmp_path: Path) -> Path:
    """land-forum.yaml with the marker in every free-text field a plan has."""
    plan = yaml.safe_load((EXAMPLES / "land-forum.yaml").read_text(encoding="utf-8"))
    plan["organization"]["name"] = f"Org {TEXT_MARK}"
    for activity in plan["activities"]:
        activity["title"] = f"{activity.get('title', '')} {TEXT_MARK} title"
        activity["partners"] = [f"Partner {TEXT_MARK}"]
        activity["statements"] = [{"text": f"We say {TEXT_MARK} loudly about the land.",
                                   "medium": "press_release", "speaker": "organization"}]
    path = tmp_path / f"plan-{NAME_MARK}.yaml"
    path.write_text(yaml.safe_dump(plan, sort_keys=False), encoding="utf-8")
    return path


def db_path(db: str) -> Path:
    return Path(db.removeprefix("sqlite:///"))


def raw_bytes(db: str) -> bytes:
    """The database file and its WAL as they lie on disk."""
    path = db_path(db)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def every_value(db: str) -> str:
    """Every value of every table, blobs decompressed: what a thief could read out."""
    con = sqlite3.connect(db_path(db))
    try:
        out = []
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in con.execute(f"SELECT * FROM \"{table}\""):
                for value in row:
                    if isinstance(value, bytes):
                        try:
                            value = unpack(value)  # either stored format
                        except UnreadableRecord:
                            pass
                        value = value.decode("utf-8", "replace")
                    out.append(str(value))
        return "\n".join(out)
    finally:
        con.close()


def count(db: str, table: str) -> int:
    con = sqlite3.connect(db_path(db))
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def run_ids(db: str) -> list[str]:
    return [r["id"] for r in api.history(db=db)]


# --- recording and reading back -------------------------------------------------------------

def test_check_records_a_run_that_history_lists_in_the_spec_shape(db_url):
    result = run(db_url, "check", EXAMPLES / "land-forum.yaml", "--as-of", AS_OF,
                 "--format", "json")
    printed = json.loads(result.stdout)
    assert printed["privacy"] == {"text_kept": False}
    listed = json.loads(run(db_url, "history", "--format", "json").stdout)
    assert [r["id"] for r in listed] == [printed["run"]]
    row = listed[0]
    assert list(row) == ["id", "checked_at", "as_of", "subject", "rulebase", "corpus", "risk",
                         "findings"]
    assert row["checked_at"] == printed["checked_at"] and row["as_of"] == AS_OF
    assert row["subject"] == printed["subject"]
    assert row["rulebase"] == printed["rulebase"] and row["corpus"] == printed["corpus"]
    assert row["risk"] == printed["risk"]
    assert row["findings"] == len(printed["findings"]) > 0
    assert count(db_url, "run_findings") == row["findings"]
    con = sqlite3.connect(db_path(db_url))
    rules = {r[0] for r in con.execute("SELECT rule FROM run_findings")}
    con.close()
    assert rules == {f["rule"] for f in printed["findings"]}


def test_history_is_newest_first_and_limited(db_url):
    base = datetime(2026, 11, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))
    made = [api.check(EXAMPLES / "health-training.yaml", as_of=AS_OF, db=db_url,
                      clock=base + timedelta(days=d), record=True)["run"] for d in (0, 2, 1)]
    assert run_ids(db_url) == [made[1], made[2], made[0]]
    limited = json.loads(run(db_url, "history", "--limit", "2", "--format", "json").stdout)
    assert [r["id"] for r in limited] == [made[1], made[2]]
    text = run(db_url, "history").stdout
    assert text.index(made[1]) < text.index(made[2]) < text.index(made[0])


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_show_prints_exactly_what_the_run_printed_when_text_is_kept(fmt, db_url, tmp_path):
    suffix = {"text": "txt", "markdown": "md"}.get(fmt, fmt)  # -o names a real extension
    printed = tmp_path / f"printed.{suffix}"
    shown = tmp_path / f"shown.{suffix}"
    result = run(db_url, "check", marked_plan(tmp_path), "--as-of", AS_OF, "--format", fmt,
                 "--keep-text", "-o", printed)
    assert result.exit_code in (0, 1), result.output
    (run_id,) = run_ids(db_url)
    result = run(db_url, "show", run_id, "-o", shown)  # default: the format it was printed in
    assert result.exit_code == 0, result.output
    assert shown.read_bytes() == printed.read_bytes()
    assert TEXT_MARK in printed.read_text(encoding="utf-8")  # titles were printed and kept
    assert "not kept" not in result.stderr


def test_show_renders_any_format_of_a_kept_run(db_url, tmp_path):
    result = run(db_url, "check", EXAMPLES / "land-forum.yaml", "--as-of", AS_OF,
                 "--format", "json", "--keep-text")
    printed = json.loads(result.stdout)
    from lawcheck.report import render

    for fmt in ("text", "markdown", "html"):
        assert run(db_url, "show", printed["run"], "--format", fmt).stdout.rstrip("\n") == \
            render(printed, fmt).rstrip("\n")


# --- privacy ---------------------------------------------------------------------------------

def test_without_keep_text_no_word_of_the_plan_reaches_the_database(db_url, tmp_path):
    plan = marked_plan(tmp_path)
    result = run(db_url, "check", plan, "--as-of", AS_OF, "--format", "json")
    printed = json.loads(result.stdout)
    assert TEXT_MARK in json.dumps(printed)  # the printed report does show the titles
    assert TEXT_MARK.encode() not in raw_bytes(db_url)
    stored = every_value(db_url)
    assert TEXT_MARK not in stored
    assert NAME_MARK in stored and printed["subject"]["sha256"] in stored  # the scan sees data
    shown = run(db_url, "show", printed["run"], "--format", "json")
    assert "was not kept" in shown.stderr
    again = json.loads(shown.stdout)
    assert again["privacy"] == {"text_kept": False}
    assert [a["title"] for a in again["activities"]] == ["", ""]
    assert again["findings"] == printed["findings"]  # findings, citations and spans intact


def test_with_keep_text_the_plan_is_stored(db_url, tmp_path):
    plan = marked_plan(tmp_path)
    printed = json.loads(run(db_url, "check", plan, "--as-of", AS_OF, "--format", "json",
                             "--keep-text").stdout)
    assert printed["privacy"] == {"text_kept": True}
    assert every_value(db_url).count(TEXT_MARK) >= 2  # the report and the plan file


def test_redaction_removes_excerpts_and_flagged_words_of_statements(db_url):
    words = "Vote for the Example Party on polling day, friends"
    report = {"checked_at": "2026-12-01T09:30:00+07:00", "as_of": AS_OF,
              "subject": {"kind": "statement", "id": "s1", "source": "s.csv", "sha256": "ab"},
              "risk": {}, "findings": [{
                  "rule": "kh.x", "category": "election", "kind": "risk", "severity": "high",
                  "where": {"statement": 0, "spans": [[0, 22]], "excerpt": words,
                            "flags": [{"label": "party", "span": [9, 26], "text": words[9:26]}]},
                  "citations": [{"provision": "kh/x/art-1", "title": "", "text": "Law.",
                                 "version": "1"}]}]}
    with api.opened(db_url, sync=False) as store:
        with RunRecorder(store, kind="statements", source="s.csv", sha256="ab") as recorder:
            recorder.add(report, text=words)
    assert words[9:26] not in every_value(db_url)
    (line,) = run(db_url, "show", recorder.id).stdout.splitlines()  # jsonl for a batch
    where = json.loads(line)["findings"][0]["where"]
    assert where == {"statement": 0, "spans": [[0, 22]], "flags": [{"label": "party",
                                                                      "span": [9, 26]}]}
    assert json.loads(line)["findings"][0]["citations"][0]["text"] == "Law."


def test_a_report_that_still_echoes_the_statement_is_stored_as_labels_only(db_url):
    """A redaction gap (a new report field that echoes the words) must neither store the words
    nor stop the batch (issue 18): only the labels of that report are kept."""
    words = "A statement that a new report field echoes"
    report = {"subject": {"kind": "statement", "id": "s1"}, "analysis": {"said": words},
              "findings": [{"rule": "kh.x", "category": "defamation", "kind": "violation",
                            "severity": "high", "why": f"because {words}",
                            "where": {"statement": 0, "spans": [[0, 11]]}}]}
    with api.opened(db_url, sync=False) as store:
        with RunRecorder(store, kind="statements", source="s", sha256="0") as recorder:
            recorder.add(report, text=words)
    assert words[2:30] not in every_value(db_url)
    (line,) = run(db_url, "show", recorder.id).stdout.splitlines()
    stored = json.loads(line)
    assert [f["rule"] for f in stored["findings"]] == ["kh.x"]
    assert stored["findings"][0]["where"] == {"spans": [[0, 11]]}
    assert "only its labels were stored" in stored["privacy"]["reduced"]


def test_a_statement_quoting_lawcheck_s_own_words_is_stored_normally(db_url):
    """A training leaflet may quote a rule's title or the law: those words are lawcheck's."""
    from lawcheck.rulebase.loader import load
    from lawcheck.settings import rules_dir

    rule = next(r for r in load(rules_dir()).rules if len(r.title) > 30)
    words = f"Our training explains this point.\n{rule.title}"
    report = {"subject": {"kind": "statement", "id": "s1"},
              "findings": [{"rule": rule.id, "category": rule.category, "kind": rule.kind,
                            "severity": rule.severity, "title": rule.title,
                            "where": {"statement": 0, "spans": [[0, 5]]}}]}
    with api.opened(db_url, sync=False) as store:
        with RunRecorder(store, kind="statements", source="s", sha256="0") as recorder:
            recorder.add(report, text=words)
    (line,) = run(db_url, "show", recorder.id).stdout.splitlines()
    stored = json.loads(line)
    assert stored["findings"][0]["title"] == rule.title and "reduced" not in stored["privacy"]
    assert "Our training explains" not in every_value(db_url)


def test_a_batch_run_holds_every_subject(db_url):
    with api.opened(db_url, sync=False) as store:
        with RunRecorder(store, kind="statements", source="many.csv", sha256="cd",
                         keep_text=True, render={"format": "jsonl"}) as recorder:
            for i in range(1203):  # more than one insert batch
                recorder.add({"subject": {"kind": "statement", "id": f"s{i}"},
                              "risk": {"prosecution": {"level": "low" if i % 7 else "high",
                                                       "score": 0.1 + (i % 7 == 0) / 2}},
                              "findings": []}, text=f"statement {i}")
    (row,) = api.history(db=db_url)
    assert row["subject"]["subjects"] == 1203
    assert row["risk"]["prosecution"]["level"] == "high"  # the riskiest statement's
    lines = run(db_url, "show", recorder.id).stdout.splitlines()
    assert [json.loads(line)["subject"]["id"] for line in lines] == [f"s{i}" for i in range(1203)]


# --- export ------------------------------------------------------------------------------

def test_export_pack_holds_report_law_texts_rules_and_a_manifest_of_hashes(db_url, tmp_path):
    printed = json.loads(run(db_url, "check", EXAMPLES / "land-forum.yaml", "--as-of", AS_OF,
                             "--format", "json").stdout)
    pack = tmp_path / "pack.zip"
    result = run(db_url, "export", printed["run"], "-o", pack)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(pack.stat().st_mode) == 0o600
    with zipfile.ZipFile(pack) as z:
        files = {name: z.read(name) for name in z.namelist()}
        assert all(info.external_attr >> 16 == 0o600 for info in z.infolist())
    manifest = json.loads(files.pop("manifest.json"))
    assert {f["path"]: f["sha256"] for f in manifest["files"]} == \
        {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    assert manifest["run"]["id"] == printed["run"] and not manifest["run"]["text_kept"]
    report = json.loads(files["report.json"])
    assert report["findings"] == printed["findings"]
    assert files["report.html"].startswith(b"<!DOCTYPE html") or b"<html" in files["report.html"]
    cited = {(c["provision"], c["version"], c["text"]) for f in printed["findings"]
             for c in f["citations"] if c["text"]}
    packed = {(p["provision"], p["version"], files[p["file"]].decode()) for p in
              manifest["provisions"]}
    assert packed == cited
    from lawcheck.settings import rules_dir

    rules = {name[len("rules/"):]: data for name, data in files.items()
             if name.startswith("rules/")}
    assert rules == {p.relative_to(rules_dir()).as_posix(): p.read_bytes()
                     for p in rules_dir().rglob("*.yaml")}


def test_export_refuses_to_overwrite_unless_forced(db_url, tmp_path):
    printed = json.loads(run(db_url, "check", EXAMPLES / "health-training.yaml", "--as-of",
                             AS_OF, "--format", "json").stdout)
    pack = tmp_path / "pack.zip"
    pack.write_bytes(b"precious")
    result = run(db_url, "export", printed["run"], "-o", pack)
    assert result.exit_code == 2 and "LC413" in result.stderr
    assert pack.read_bytes() == b"precious"
    assert run(db_url, "export", printed["run"], "-o", pack, "--force").exit_code == 0
    assert zipfile.is_zipfile(pack) and stat.S_IMODE(pack.stat().st_mode) == 0o600


def test_unknown_or_ambiguous_run_ids_are_usage_errors(db_url):
    result = run(db_url, "show", "no-such-run")
    assert result.exit_code == 2
    assert "LC410" in result.stderr and "lawcheck history" in result.stderr
    assert "Traceback" not in result.output
    assert run(db_url, "export", "no-such-run", "-o", "x.zip").exit_code == 2
    for _ in range(2):
        api.check(EXAMPLES / "health-training.yaml", as_of=AS_OF, db=db_url, record=True)
    result = run(db_url, "show", run_ids(db_url)[0][:4])
    assert result.exit_code == 2 and "LC411" in result.stderr


# --- purge and wipe ---------------------------------------------------------------------

def test_purge_and_wipe_delete_runs_for_good(db_url, tmp_path):
    plan = marked_plan(tmp_path)
    old = api.check(plan, as_of=AS_OF, db=db_url, record=True, keep_text=True,
                    clock=datetime(2025, 1, 5, 10, 0, tzinfo=timezone.utc))
    new = api.check(EXAMPLES / "health-training.yaml", as_of=AS_OF, db=db_url, record=True,
                    clock=datetime(2026, 6, 1, 10, 0, tzinfo=timezone.utc))
    assert TEXT_MARK in every_value(db_url) and old["run"].encode() in raw_bytes(db_url)
    result = run(db_url, "purge", "--before", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert f"removed 1 run and {len(old['findings'])} findings" in result.stdout
    assert "the database shrank by" in result.stdout
    assert run_ids(db_url) == [new["run"]]
    assert TEXT_MARK not in every_value(db_url)
    assert old["run"].encode() not in raw_bytes(db_url)  # nor in free pages or the WAL
    assert NAME_MARK.encode() not in raw_bytes(db_url)
    assert run(db_url, "wipe").exit_code == 2  # no terminal to confirm on, no --yes
    assert run_ids(db_url) == [new["run"]]
    result = run(db_url, "wipe", "--yes")
    assert f"removed 1 run and {len(new['findings'])} finding" in result.stdout
    assert run_ids(db_url) == []
    for table in ("run_findings", "run_subjects", "run_citations", "run_inputs", "cited_texts",
                  "rulebase_snapshots"):
        assert count(db_url, table) == 0, table
    assert new["run"].encode() not in raw_bytes(db_url)
    assert stat.S_IMODE(db_path(db_url).stat().st_mode) == 0o600
    assert count(db_url, "provisions") > 0  # the corpus is untouched


def test_purge_needs_a_real_date(db_url):
    result = run(db_url, "purge", "--before", "last year")
    assert result.exit_code == 2 and "LC222" in result.stderr


# --- migrations and faults --------------------------------------------------------------

def test_migration_0002_upgrades_from_0001_and_back(tmp_path):
    from sqlalchemy import create_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    store = storedb.Store(engine)
    storedb._run_alembic(store, "upgrade", "0001")
    with engine.connect() as conn:
        assert "runs" not in inspect(conn).get_table_names()
    engine.dispose()
    api.check(EXAMPLES / "health-training.yaml", as_of=AS_OF, db=url, record=True)  # upgrades
    assert len(api.history(db=url)) == 1
    store = storedb.open_store(url)
    try:
        storedb._run_alembic(store, "downgrade", "0001")
        with store.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert not tables & {"runs", "run_subjects", "run_findings", "cited_texts"}
        assert {"laws", "provisions"} <= tables
        storedb._run_alembic(store, "upgrade", "head")
    finally:
        store.close()
    assert api.history(db=url) == []


KILLER = textwrap.dedent("""
    import os, signal, sys
    from lawcheck import api
    from lawcheck.audit import RunRecorder
    from lawcheck.store import runs

    db, when = sys.argv[1], sys.argv[2]
    if when == "during":  # die after the first batch of subjects went into the transaction
        real = runs.add_subjects
        def add_then_die(*args):
            real(*args)
            os.kill(os.getpid(), signal.SIGKILL)
        runs.add_subjects = add_then_die
    with api.opened(db, sync=False) as store:
        recorder = RunRecorder(store, kind="statements", source="s.csv", sha256="ef")
        for i in range(1200):
            recorder.add({"subject": {"kind": "statement", "id": str(i)}, "findings": [
                {"rule": "kh.x", "category": "election", "where": {"spans": [[0, 1]]}}]})
        if when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        recorder.commit()
""")


@pytest.mark.parametrize("when", ["before", "during"])
def test_a_process_killed_before_or_during_commit_leaves_no_run(when, db_url):
    api.history(db=db_url)  # the schema exists before the child starts
    child = subprocess.run([sys.executable, "-c", KILLER, db_url, when], capture_output=True,
                           text=True, timeout=120)
    assert child.returncode == -9, child.stderr
    assert api.history(db=db_url) == []
    for table in ("runs", "run_subjects", "run_findings"):
        assert count(db_url, table) == 0, table
    con = sqlite3.connect(db_path(db_url))
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_runs_round_trip_on_every_backend(store_url, tmp_path):
    """Record, list, show, export, purge and wipe on SQLite and on PostgreSQL alike."""
    printed = run(store_url, "check", EXAMPLES / "land-forum.yaml", "--as-of", AS_OF,
                  "--format", "json", "--keep-text").stdout
    run_id = json.loads(printed)["run"]
    assert run(store_url, "show", run_id).stdout == printed
    assert run(store_url, "export", run_id, "-o", tmp_path / "p.zip").exit_code == 0
    old = api.check(EXAMPLES / "health-training.yaml", as_of=AS_OF, db=store_url, record=True,
                    clock=datetime(2025, 1, 5, 10, 0, tzinfo=timezone.utc))
    assert run_ids(store_url) == [run_id, old["run"]]
    result = run(store_url, "purge", "--before", "2026-01-01")
    assert result.exit_code == 0 and "removed 1 run" in result.stdout, result.output
    assert run_ids(store_url) == [run_id]
    result = run(store_url, "wipe", "--yes")
    assert f"removed 1 run and {len(json.loads(printed)['findings'])} findings" in result.stdout
    assert run_ids(store_url) == []
