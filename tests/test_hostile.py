"""Hostile files and faults (issue 18): a bad input is a located message and exit 2, never an
internal error (exit 3) or a traceback; one bad row never stops a batch."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli

ORG = 'organization:\n  name: x\n  type: domestic_ngo\n'


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)


@pytest.mark.parametrize("name, text", [
    ("deep.json", '{"organization": {"name": "x", "type": "domestic_ngo", "sector": '
     + "[" * 50000 + "]" * 50000 + '}, "activities": []}'),
    ("deep.yaml", ORG + "  sector: " + "[" * 5000 + "]" * 5000 + "\nactivities: []\n"),
])
def test_a_deeply_nested_plan_is_refused_with_a_message(db_url, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run(db_url, "check", path)
    assert result.exit_code == 2, result.output
    assert "LC251" in result.output and "nested too deeply" in result.output
    assert "LC900" not in result.output and "Traceback" not in result.output


def test_a_huge_integer_in_a_plan_is_a_plan_error(db_url, tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(ORG + "activities:\n  - id: A1\n    type: training\n    start: 2026-12-10\n"
                    "    participants: " + "9" * 5001 + "\n", encoding="utf-8")
    result = run(db_url, "check", path)
    assert result.exit_code == 2 and "LC900" not in result.output, result.output


@pytest.mark.parametrize("args", [("calendar", "--as-of", "9999-12-31"),
                                  ("check", "PLAN", "--as-of", "0001-01-01")])
def test_a_date_beyond_what_can_be_counted_is_refused(db_url, tmp_path, args):
    plan = tmp_path / "plan.yaml"
    plan.write_text(ORG + "activities:\n  - id: A1\n    type: training\n    start: 2026-12-10\n",
                    encoding="utf-8")
    result = run(db_url, *[plan if a == "PLAN" else a for a in args])
    assert result.exit_code == 2, result.output
    assert "LC222" in result.output and "outside the years" in result.output


def test_the_durable_engine_asked_for_but_missing_is_a_usage_error(db_url, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setitem(sys.modules, "lawcheck.engine.durable", None)  # import now fails
    plan = tmp_path / "plan.yaml"
    plan.write_text(ORG + "activities:\n  - id: A1\n    type: training\n    start: 2026-12-10\n",
                    encoding="utf-8")
    result = run(db_url, "check", plan, "--engine", "durable")
    assert result.exit_code == 2, result.output
    assert "durable_rules cannot be imported" in result.output and "--engine reference" in \
        result.output


def test_hostile_jsonl_rows_are_skipped_and_the_rest_reviewed(db_url, tmp_path):
    rows = ['{"id": "a", "text": "We thank the provincial hall for its help."}',
            '{"id": "deep", "text": ' + "[" * 50000 + "]" * 50000 + "}",
            '{"id": "sur", "text": "a lone \\ud800 surrogate"}',
            '{"id": "b", "text": "Our training on land law starts on Monday."}']
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(db_url, "review", path, "-o", out)
    assert result.exit_code == 2, result.output  # SPEC §8: unread rows make the batch exit 2
    assert "in.jsonl:2" in result.output and "in.jsonl:3" in result.output
    assert "nested too deeply" in result.output and "surrogate" in result.output
    ids = [json.loads(line)["subject"]["id"] for line in out.read_text().splitlines()]
    assert ids == ["a", "b"]
    assert "LC900" not in result.output and "Traceback" not in result.output


PLAN = ORG + "activities:\n  - id: A1\n    type: training\n    start: 2026-12-10\n"


def test_a_full_disk_is_a_clear_usage_error(db_url, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = run(db_url, "check", plan, "-o", "/dev/full", "--format", "json")
    assert result.exit_code == 2, result.output
    assert "LC422" in result.output and "no space left" in result.output
    assert "LC900" not in result.output
    import os
    import stat

    # a device is written to, never replaced by a renamed temporary file
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_internal_database_error_prints_no_sql_parameters(db_url, tmp_path, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    import lawcheck.api

    def broken(*args, **kwargs):
        raise IntegrityError("INSERT INTO runs (id, report) VALUES (?, ?)",
                             ("secret-statement-id", '{"text": "private words"}'),
                             Exception("UNIQUE constraint failed"))

    monkeypatch.setattr(lawcheck.api, "check", broken)
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    result = run(db_url, "check", plan)
    assert result.exit_code == 3
    assert "LC900" in result.output and "IntegrityError" in result.output
    for secret in ("secret-statement-id", "private words", "INSERT INTO"):
        assert secret not in result.output
    log = tmp_path / "home" / "error.log"
    assert "secret-statement-id" in log.read_text()  # the details stay in the private log
    assert log.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs that can be remounted read-only (needs root and mount, as in CI)."""
    import os
    import subprocess

    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs",
                                            str(point)], capture_output=True).returncode:
        pytest.skip("a read-only mount needs root and mount(8)")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], capture_output=True)


def test_a_read_only_mount_is_not_called_damage(tmp_path, read_only_mount, monkeypatch):
    import subprocess

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = read_only_mount / "lawcheck.db"
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run(str(db), "check", plan, "--format", "json").exit_code in (0, 1)
    before = db.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    for args in (("check", plan), ("history",)):
        result = run(str(db), *args)
        assert result.exit_code == 2, result.output
        assert "LC423" in result.output and "read-only" in result.output
        assert "is damaged" not in result.output and "backup" not in result.output
    assert db.read_bytes() == before


def test_a_fresh_data_folder_is_private_at_every_level(tmp_path, monkeypatch):
    home = tmp_path / "a" / "b" / "lawcheck"  # three folders lawcheck must create
    monkeypatch.setenv("LAWCHECK_HOME", str(home))
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(plan), "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for path in home.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path


def test_user_files_are_never_cached_and_wipe_clears_the_cache(tmp_path, monkeypatch):
    import shutil

    from lawcheck import yamlio
    from lawcheck.settings import cache_dir, rules_dir

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    own = tmp_path / "facts.yaml"
    shutil.copy(rules_dir() / "facts.yaml", own)
    yamlio.load(own)
    assert not cache_dir().exists() or not any(cache_dir().iterdir())
    yamlio.load(rules_dir() / "facts.yaml")  # the shipped file is cached
    assert any(cache_dir().iterdir())
    db = str(tmp_path / "home" / "lawcheck.db")
    result = CliRunner().invoke(cli, ["--db", db, "wipe", "--yes"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not cache_dir().exists()


def _small_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.set_compression(False)
    for i in range(1, 8):
        pdf.cell(0, 8, f"Article {i}", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, f"The organisation must notify the ministry within {i} days.",
                 new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_damaged_pdfs_are_lc213_never_an_internal_error(tmp_path):
    """200 byte-flipped copies of a small law PDF (seeded): each reads, or fails with a located
    lawcheck error. Before, 7 of them escaped as pdfplumber's MalformedPDFException (LC900)."""
    import random
    import re

    from lawcheck.errors import LawcheckError
    from lawcheck.sources.pdf import read_pdf

    data = _small_pdf()
    rng = random.Random(7)
    outcomes = set()
    for i in range(200):
        b = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        path = tmp_path / f"f{i}.pdf"
        path.write_bytes(bytes(b))
        try:
            read_pdf(path)
            outcomes.add("ok")
        except LawcheckError as exc:
            # LC215: a flipped byte in a font leaves glyphs with no character ((cid:N)), which
            # the reader refuses rather than store garbled text (issue 14)
            assert exc.code in ("LC211", "LC213", "LC215"), (i, exc.code, exc.what)
            outcomes.add(exc.code)
    assert {"ok", "LC213"} <= outcomes
    box = re.search(rb"/MediaBox ?\[[^\]]*\]", data).group(0)
    huge = tmp_path / "mediabox.pdf"
    huge.write_bytes(data.replace(box, b"/MediaBox [0 0 1e308 1e308]"))
    try:
        read_pdf(huge)
    except LawcheckError as exc:
        assert exc.code == "LC213"


def _children(pid: int) -> list[int]:
    from pathlib import Path

    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status is left


@pytest.mark.slow
@pytest.mark.parametrize("signame", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_review_workers_die_with_their_parent(tmp_path, signame):
    import os
    import signal
    import subprocess
    import time
    from pathlib import Path

    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to find the worker processes")
    rows = ["id,text"] + [f"s{i},We will gather at the provincial hall on day {i} to ask for "
                          f"the land titles promised to {i} families." for i in range(20000)]
    source = tmp_path / "big.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    env = {**os.environ, "LAWCHECK_HOME": str(tmp_path / "home")}
    # The signal's default action, as in a terminal: a run started under nohup passes SIGHUP on
    # ignored, and the review then went on to its end instead of dying (30 s timeout under load).
    parent = subprocess.Popen([sys.executable, "-m", "lawcheck", "review", str(source),
                               "--jobs", "2", "-o", str(tmp_path / "out.jsonl")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = [p for p in _children(parent.pid)
                       if "lawcheck" in Path(f"/proc/{p}/cmdline").read_bytes().decode(
                           errors="replace") or "multiprocessing" in Path(
                           f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(3)  # let them load the model and take work
        parent.send_signal(getattr(signal, signame))
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)], "a worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()


ESCAPES = ["\x1b]0;PWNED\x07", "\x1b]52;c;aGVsbG8=\x07", "\x1b[2J", "\x9b31m", "\u202e"]


def _no_raw_controls(text: str) -> None:
    for seq in ESCAPES:
        assert seq not in text
    assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]


def test_control_characters_from_a_plan_are_shown_not_obeyed(db_url, tmp_path):
    plan = tmp_path / "plan.yaml"
    title = "Forum " + "".join(ESCAPES) + " end"
    import yaml

    plan.write_text(yaml.safe_dump({"organization": {"name": "Org " + ESCAPES[1],
                                                     "type": "domestic_ngo"},
                                    "activities": [{"id": "A1", "title": title,
                                                    "type": "training",
                                                    "start": "2026-12-10"}]}),
                    encoding="utf-8")
    for fmt in ("text", "markdown"):
        result = run(db_url, "check", plan, "--format", fmt, "--fail-on", "critical")
        assert result.exit_code == 0, result.output
        _no_raw_controls(result.output)
        assert "Forum" in result.output and "end" in result.output
    as_json = run(db_url, "check", plan, "--format", "json", "--fail-on", "critical")
    assert json.loads(as_json.output)["activities"][0]["title"] == title  # data kept exactly


def test_control_characters_in_ids_and_file_names_are_shown(db_url, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,text\n"s1\x1b]0;PWNED\x07",We thank the provincial hall.\n',
                      encoding="utf-8")
    result = run(db_url, "review", source, "--format", "text")
    _no_raw_controls(result.output)
    assert "\\u001b]0;PWNED\\u0007" in result.output
    missing = run(db_url, "check", tmp_path / "x\x1b]52;c;aGk=\x07.yaml")
    assert missing.exit_code == 2
    _no_raw_controls(missing.output)


def test_visible_keeps_colour_and_khmer():
    from lawcheck.report.safe import visible

    khmer = "ព្រះមហាក្សត្រ\u200bកម្ពុជា"  # a zero-width space separates Khmer words
    assert visible(khmer) == khmer
    assert visible("\x1b[1;31mred\x1b[0m", colour=True) == "\x1b[1;31mred\x1b[0m"
    assert visible("\x1b[1;31mred", colour=False) == "\\u001b[1;31mred"
    assert visible("a\x1b]52;c;x\x07b", colour=True) == "a\\u001b]52;c;x\\u0007b"


@pytest.mark.parametrize("args, code", [
    (("--law", "kh/" + "a" * 300, "--new"), "LC221"),
    (("--law", "kh/long-version", "--new", "--version", "v" * 150), "LC220"),
    (("--law", "kh/long-title", "--new", "--title", "T" * 600), "LC220"),
])
def test_overlong_ingest_values_are_refused_before_any_work(db_url, tmp_path, args, code):
    law = tmp_path / "law.txt"
    law.write_text("Article 1\nThe organisation must notify the ministry.\n"
                   "Article 2\nEvery report is filed yearly.\n", encoding="utf-8")
    result = run(db_url, "corpus", "ingest", law, *args)
    assert result.exit_code == 2, result.output
    assert code in result.output and "the limit is" in result.output
    listed = run(db_url, "corpus", "list", "--format", "json")
    assert not [law for law in json.loads(listed.output) if "long" in law["id"]
                or len(law["id"]) > 100]


# --- bounded resources (limits: lawcheck/limits.py, docs/settings.md) ------------------------

def test_a_yaml_alias_bomb_is_refused_at_its_first_alias(tmp_path):
    from lawcheck import yamlio
    from lawcheck.errors import CorpusDataError
    from benchmarks.bombs import alias_bomb

    path = alias_bomb(tmp_path / "rules.yaml")
    with pytest.raises(CorpusDataError) as caught:
        yamlio.load(path)
    assert "aliases" in caught.value.what and caught.value.where.line == 2


def test_a_yaml_alias_bomb_as_a_plan_is_a_plan_error(db_url, tmp_path):
    from benchmarks.bombs import alias_bomb

    path = alias_bomb(tmp_path / "plan.yaml")
    result = run(db_url, "check", path)
    assert result.exit_code == 2 and "LC251" in result.output and "aliases" in result.output


def test_a_plan_over_the_size_limit_is_refused_unread(db_url, tmp_path):
    from benchmarks.bombs import big_plan

    result = run(db_url, "check", big_plan(tmp_path / "plan.yaml"))
    assert result.exit_code == 2, result.output
    assert "LC207" in result.output and "at most 10 MB" in result.output


def test_an_xlsx_bomb_is_refused_before_it_is_unzipped(db_url, tmp_path):
    from benchmarks.bombs import xlsx_bomb

    book = xlsx_bomb(tmp_path / "posts.xlsx")
    assert book.stat().st_size < 2 * 1024 * 1024
    result = run(db_url, "review", book)
    assert result.exit_code == 2, result.output
    assert "LC208" in result.output
    org = tmp_path / "org.yaml"
    org.write_text(ORG, encoding="utf-8")
    plan = run(db_url, "check", book, "--org", org)
    assert plan.exit_code == 2 and "LC208" in plan.output


@pytest.mark.slow
def test_a_pdf_compression_bomb_is_refused_before_pdfminer(tmp_path):
    from lawcheck.errors import LawcheckError
    from lawcheck.sources.pdf import read_pdf
    from benchmarks.bombs import pdf_bomb

    path = pdf_bomb(tmp_path / "law.pdf")
    assert path.stat().st_size < 3 * 1024 * 1024
    with pytest.raises(LawcheckError) as caught:
        read_pdf(path)
    assert caught.value.code == "LC209"


def test_an_overlong_statement_is_skipped_with_its_line(db_url, tmp_path):
    source = tmp_path / "posts.csv"
    source.write_text("id,text\nshort,We thank the hall.\nlong," + "word " * 30000 + "\n",
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(db_url, "review", source, "-o", out)
    assert result.exit_code == 2
    assert "posts.csv:3" in result.output and "at most 100,000 characters" in result.output
    assert [json.loads(x)["subject"]["id"] for x in out.read_text().splitlines()] == ["short"]


def _damage(db: str) -> None:
    """Overwrite cells in the middle of the file; the header stays a SQLite header."""
    from pathlib import Path

    path = Path(db)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 5, min(len(data), 4096 * 40), 4096):
        data[offset + 100:offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


def test_damage_inside_the_database_is_found_on_open_and_wipe_deletes_it(tmp_path,
                                                                         monkeypatch):
    from lawcheck.store import db as storedb

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = str(tmp_path / "lawcheck.db")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run(db, "check", plan, "--format", "json").exit_code in (0, 1)
    _damage(db)
    storedb._CHECKED.clear()  # as a new process would
    for args in (("history",), ("check", plan)):
        result = run(db, *args)
        assert result.exit_code == 2, result.output
        assert "LC405" in result.output and "damaged" in result.output
        assert "lawcheck wipe" in result.output and "LC900" not in result.output
    wiped = run(db, "wipe", "--yes")
    assert wiped.exit_code == 0, wiped.output
    assert "was damaged, so it was deleted" in wiped.output
    storedb._CHECKED.clear()
    assert run(db, "check", plan, "--format", "json").exit_code in (0, 1)
    assert "1 " in run(db, "history").output or run(db, "history", "--format", "json").output


def test_a_file_lawcheck_closed_itself_is_not_checked_again(tmp_path, monkeypatch):
    from pathlib import Path

    from lawcheck.store import db as storedb

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = str(tmp_path / "lawcheck.db")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    run(db, "check", plan, "--format", "json")
    assert storedb._trusted(Path(db))
    calls = []
    monkeypatch.setattr(storedb, "_quick_check", lambda path: calls.append(path))
    storedb._CHECKED.clear()
    run(db, "history")
    assert calls == []
    Path(db).touch()  # changed by someone else: checked at the next open
    storedb._CHECKED.clear()
    run(db, "history")
    assert calls == [Path(db)] or [Path(str(c)) for c in calls] == [Path(db)]


def test_the_list_of_checked_stores_forgets_the_ones_that_are_gone(tmp_path, monkeypatch):
    # it is read at every open: it must not grow with every temporary database ever opened,
    # nor keep the paths of deleted stores
    from pathlib import Path

    from lawcheck.store import db as storedb

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    kept, gone = tmp_path / "kept.db", tmp_path / "gone.db"
    for db in (kept, gone):
        run(str(db), "check", plan, "--format", "json")
    trust = tmp_path / "home" / "checked.json"
    assert {str(kept.resolve()), str(gone.resolve())} <= set(json.loads(trust.read_text()))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{gone}{suffix}").unlink(missing_ok=True)
    storedb._CHECKED.clear()
    run(str(kept), "check", plan, "--format", "json")  # writes, so the list is saved again
    listed = json.loads(trust.read_text())
    assert str(kept.resolve()) in listed and str(gone.resolve()) not in listed
    assert storedb._trusted(kept)


def test_wipe_never_deletes_a_file_that_is_not_sqlite(tmp_path):
    from lawcheck.errors import StoreError
    from lawcheck.store.db import delete_damaged

    notes = tmp_path / "notes.db"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(StoreError):
        delete_damaged(notes)
    assert notes.read_text(encoding="utf-8") == "my notes"


def test_wipe_says_whose_runs_in_which_database_and_mine_keeps_others(tmp_path, monkeypatch):
    from lawcheck.store import runs as repo

    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = str(tmp_path / "shared.db")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    run(db, "check", plan, "--format", "json")
    monkeypatch.setattr(repo, "current_user", lambda session: "bob")
    run(db, "check", plan, "--format", "json")
    run(db, "check", plan, "--format", "json")
    refused = run(db, "wipe")  # no terminal: it must say what it would delete, and stop
    assert refused.exit_code == 2
    assert "3 runs (2 by bob, 1 by " in refused.output and "shared.db" in refused.output
    mine = run(db, "wipe", "--mine", "--yes")
    assert mine.exit_code == 0 and "removed 2 runs recorded by bob" in mine.output
    left = json.loads(run(db, "history", "--format", "json").output)
    assert len(left) == 1


@pytest.fixture
def pg_member():
    """A PostgreSQL schema created by the admin role, and a URL for a second role that may
    read and write its tables but does not own them (a team member)."""
    import os
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    url = os.environ.get("LAWCHECK_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL variant not run: set LAWCHECK_TEST_PG (.ci/run starts one)")
    base = make_url(url)
    schema, member = f"lc_test_{uuid.uuid4().hex[:12]}", f"member_{uuid.uuid4().hex[:8]}"
    dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    owner_url = base.update_query_dict({"options": f"-csearch_path={schema}"}) \
        .render_as_string(hide_password=False)
    member_url = base.set(username=member).update_query_dict(
        {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        admin.execute(f"CREATE ROLE {member} LOGIN")
        try:
            yield owner_url, member_url, schema, member, admin
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
            admin.execute(f"DROP OWNED BY {member}")
            admin.execute(f"DROP ROLE {member}")


def test_postgres_wipe_by_a_member_warns_that_space_is_not_reclaimed(tmp_path, pg_member):
    owner_url, member_url, schema, member, admin = pg_member
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run(owner_url, "check", plan, "--format", "json").exit_code in (0, 1)
    admin.execute(f"GRANT USAGE ON SCHEMA {schema} TO {member}")
    admin.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {member}")
    admin.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {member}")
    assert run(member_url, "check", plan, "--format", "json").exit_code in (0, 1)
    refused = run(member_url, "wipe")
    assert "2 runs" in refused.output and f"1 by {member}" in refused.output
    assert "password" not in refused.output.lower()
    mine = run(member_url, "wipe", "--mine", "--yes")
    assert mine.exit_code == 0, mine.output
    assert f"removed 1 run recorded by {member}" in mine.output
    assert "could not be given back" in mine.output and "VACUUM FULL" in mine.output
    owner_left = json.loads(run(owner_url, "history", "--format", "json").output)
    assert len(owner_left) == 1  # the owner's run was not the member's to delete


def test_a_statement_quoting_a_rule_title_does_not_stop_the_batch(db_url, tmp_path):
    """It used to end the whole review with exit 3 ("a redacted report still holds words")."""
    source = tmp_path / "posts.csv"
    source.write_text('id,text\na,"We call on all workers to gather at Freedom Park on Monday to '
                      'demand justice.\nStatement calls on people to gather, march, strike or '
                      'boycott"\nb,We thank the provincial hall for its help.\n',
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(db_url, "review", source, "-o", out)
    assert result.exit_code in (0, 1), result.output
    assert [json.loads(x)["subject"]["id"] for x in out.read_text().splitlines()] == ["a", "b"]


def test_defusedxml_guards_workbooks(db_url, tmp_path):
    """openpyxl uses defusedxml only when it is installed: it is a dependency of lawcheck itself,
    and an XLSX carrying an external entity is refused, never resolved."""
    import configparser
    import zipfile
    from pathlib import Path

    import openpyxl.xml

    cfg = configparser.ConfigParser()
    cfg.read(Path(__file__).resolve().parents[1] / "setup.cfg")
    assert "defusedxml" in cfg["options"]["install_requires"]
    assert openpyxl.xml.DEFUSEDXML
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    book = tmp_path / "posts.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                   'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"'
                   '/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.'
                   'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name='
                   '"S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship'
                   ' Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e '
                   f'SYSTEM "file://{secret}">]><worksheet xmlns="http://schemas.openxmlformats.'
                   'org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                   '<is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row>'
                   '<row r="2"><c r="A2" t="inlineStr"><is><t>s1</t></is></c><c r="B2" '
                   't="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>')
    result = run(db_url, "review", book, "--format", "jsonl", "--keep-text")
    assert "TOPSECRETVALUE" not in result.output
    assert result.exit_code == 2 and "LC900" not in result.output, result.output


def test_csv_to_stdout_keeps_its_line_ends(db_url, tmp_path):
    """CSV rows end in CR LF: the terminal filter must keep those and show only a lone CR."""
    import csv
    import io

    from lawcheck.report.safe import visible

    source = tmp_path / "in.csv"
    source.write_text("id,text\ns1,We thank the provincial hall.\ns2,Our training starts.\n",
                      encoding="utf-8")
    result = run(db_url, "review", source, "--format", "csv")
    assert "\\u000d" not in result.stdout
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][0] and len({len(r) for r in rows if r}) == 1
    assert visible("over\rwrite") == "over\\u000dwrite"


# --- outputs: never the database, never someone else's file, never half ---------------------

@pytest.mark.parametrize("command", [
    ("check", "PLAN"), ("review", "POSTS"), ("show", "RUN"), ("calendar",),
    ("rules", "catalog"), ("export", "RUN")])
@pytest.mark.parametrize("sibling", ["", "-wal", "-shm", "-journal"])
def test_no_command_writes_onto_the_database(tmp_path, monkeypatch, command, sibling):
    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = tmp_path / "lawcheck.db"
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\ns1,We thank the hall.\n", encoding="utf-8")
    first = run(str(db), "check", plan, "--format", "json")
    run_id = json.loads(first.stdout)["run"]
    before = db.read_bytes()
    target = f"{db}{sibling}"
    args = [{"PLAN": str(plan), "POSTS": str(posts), "RUN": run_id}.get(a, a) for a in command]
    result = run(str(db), *args, "-o", target, *(["--force"] if command[0] == "export" else []))
    assert result.exit_code == 2, result.output
    assert "LC229" in result.output or "LC228" in result.output
    assert db.read_bytes() == before
    # the same through a symlink to the database
    link = tmp_path / "report.html"
    link.symlink_to(db)
    if command[0] in ("check", "show", "rules"):
        again = run(str(db), *args, "-o", link, "--force")
        assert again.exit_code == 2 and "LC229" in again.output
        assert db.read_bytes() == before


def test_an_existing_file_lawcheck_did_not_write_needs_force(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWCHECK_HOME", str(tmp_path / "home"))
    db = str(tmp_path / "lawcheck.db")
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("my own notes", encoding="utf-8")
    refused = run(db, "check", plan, "-o", notes)
    assert refused.exit_code == 2 and "LC229" in refused.output and "--force" in refused.output
    assert notes.read_text(encoding="utf-8") == "my own notes"
    report = tmp_path / "report.md"
    assert run(db, "check", plan, "-o", report).exit_code in (0, 1)
    assert run(db, "check", plan, "-o", report).exit_code in (0, 1)  # its own output: replaced
    assert report.stat().st_mode & 0o777 == 0o600
    forced = run(db, "check", plan, "-o", notes, "--force")
    assert forced.exit_code in (0, 1) and "my own notes" not in notes.read_text(encoding="utf-8")
    cal = tmp_path / "deadlines.ics"
    assert run(db, "calendar", "-o", cal).exit_code == 0
    assert cal.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    from lawcheck import outfile

    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    with pytest.raises(RuntimeError):
        with outfile.atomic(target) as fh:
            fh.write("half a new rep")
            raise RuntimeError("disk full, or killed")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_resume_refuses_a_file_that_is_not_lawcheck_s_output(db_url, tmp_path):
    notes = tmp_path / "notes.jsonl"
    notes.write_text("my notes about the posts, not JSON at all", encoding="utf-8")  # no \n
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\ns1,We thank the hall.\n", encoding="utf-8")
    result = run(db_url, "review", posts, "-o", notes, "--resume")
    assert result.exit_code == 2, result.output
    assert notes.read_text(encoding="utf-8") == "my notes about the posts, not JSON at all"
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": 1, "subject": {"id": "x"}}\n{"lawcheck": "0.1.0", "subj',
                     encoding="utf-8")
    again = run(db_url, "review", posts, "-o", other, "--resume")
    assert again.exit_code == 2
    assert other.read_text(encoding="utf-8").startswith('{"id": 1')


def test_csv_cells_with_a_formula_after_a_separator_are_quoted_and_guarded(db_url, tmp_path):
    """Opened with ';' as separator (many locales), "a;=HYPERLINK(…)" would start a formula."""
    import csv
    import io

    from lawcheck.review.outputs import guard_cell, unguard_cell

    for raw in ("a;=HYPERLINK(\"http://x\")", "b,=1+1", "c\t@SUM(A1)", "d | -2+3"):
        assert guard_cell(raw).startswith("'") and unguard_cell(guard_cell(raw)) == raw
    assert guard_cell("plain text; nothing else") == "plain text; nothing else"
    source = tmp_path / "in.csv"
    source.write_text('id,text\n"s1;=HYPERLINK(""http://x"")",We thank the hall.\n',
                      encoding="utf-8")
    out = tmp_path / "out.csv"
    run(db_url, "review", source, "-o", out)
    body = out.read_text(encoding="utf-8-sig")
    line = body.splitlines()[1]
    assert line.startswith('"\'s1;=HYPERLINK(')  # quoted, and neutralised inside
    for sep in (";", "\t", "|"):  # no other separator yields a cell starting like a formula
        for row in csv.reader(io.StringIO(body), delimiter=sep):
            assert not [c for c in row if c.startswith(("=", "+", "@"))], (sep, row)


def test_a_batch_with_an_unscreened_statement_never_exits_clean(db_url, tmp_path):
    """A script reading only the exit code must not take unread words for clean words."""
    source = tmp_path / "posts.csv"
    source.write_text("id,text\nok,We thank the provincial hall.\n"
                      "ru,Мы благодарим провинциальную администрацию за помощь.\n",
                      encoding="utf-8")
    result = run(db_url, "review", source, "-o", tmp_path / "out.jsonl", "--fail-on",
                 "critical")
    assert result.exit_code == 1, result.output
    assert "not screened" in result.output
    clean = tmp_path / "clean.csv"
    clean.write_text("id,text\nok,We thank the provincial hall.\n", encoding="utf-8")
    assert run(db_url, "review", clean, "-o", tmp_path / "c.jsonl").exit_code == 0


def test_report_files_show_control_characters_too(db_url, tmp_path):
    import yaml

    plan = tmp_path / "plan.yaml"
    title = "Forum \x1b]0;PWNED\x07 \x9b31m end"
    plan.write_text(yaml.safe_dump({"organization": {"name": "Org", "type": "domestic_ngo"},
                                    "activities": [{"id": "A1", "title": title,
                                                    "type": "training",
                                                    "start": "2026-12-10"}]}),
                    encoding="utf-8")
    for suffix in (".txt", ".md", ".json"):
        out = tmp_path / f"report{suffix}"
        run(db_url, "check", plan, "-o", out, "--fail-on", "critical")
        body = out.read_text(encoding="utf-8")
        _no_raw_controls(body)
        if suffix == ".json":
            assert json.loads(body)["activities"][0]["title"] == title  # same data


def test_review_text_and_page_say_which_checks_could_not_be_made(db_url, tmp_path):
    """A 1991 statement (before any speech law lawcheck holds: the UNTAC provisions start on
    1992-09-10) must not read as a plain "0 findings"."""
    text = "The director of Acme Company is a corrupt thief who stole the land."
    result = run(db_url, "review", "--date", "1991-05-01", "--text", text, "--format", "text")
    assert "SOME CHECKS NOT MADE" in result.output and "1992-09-10" in result.output
    assert "with checks lawcheck could not make" in result.output
    page = tmp_path / "page.html"
    run(db_url, "review", "--date", "1991-05-01", "--text", text, "-o", page)
    assert "SOME CHECKS NOT MADE" in page.read_text(encoding="utf-8")
    summary = run(db_url, "review", "--date", "1991-05-01", "--text", text, "--format",
                  "summary")
    assert json.loads(summary.stdout)["checks_not_made"] == 1


def test_every_dependency_is_capped_in_the_constraints_ci_uses():
    import configparser
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cfg = configparser.ConfigParser()
    cfg.read(root / "setup.cfg")
    wanted = cfg["options"]["install_requires"] + cfg["options.extras_require"]["test"]
    names = {re.split(r"[<>=\[; ]", line.strip())[0].lower()
             for line in wanted.splitlines() if line.strip() and not line.strip().startswith("#")}
    capped = {re.split(r"[<>=]", line)[0].strip().lower()
              for line in (root / "constraints.txt").read_text().splitlines()
              if "<" in line.split("#")[0]}
    assert names - capped == set()
    assert "-c constraints.txt" in (root / ".ci" / "run").read_text()


def test_a_review_page_to_a_pipe_is_written_through_not_replaced(db_url, tmp_path):
    """Pages and lists are staged in a temporary file and renamed; a pipe (or a device) must
    be written to directly, never replaced by that file (as /dev/full once was)."""
    import os
    import stat
    import threading

    pipe = tmp_path / "page.html"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run(db_url, "review", "--text", "We thank the provincial hall.", "-o", pipe)
    reader.join(30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert received and b"<html" in received[0]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
