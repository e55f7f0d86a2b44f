"""The stored report's bytes (docs/audit.md, "How a report is stored"): records written by the
earlier writer (the standard library's zlib) and by the current one read, show, export and
check alike, and a damaged record is named, never shown as a shorter or cleaner report."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck.audit import recorder as recorder_module
from lawcheck.cli import cli

RISKY = "District Governor Chea Vanna is a corrupt thief. Everyone must join the march on Sunday."
BENIGN = "We thank the provincial health department for supporting the clinic in Svay Rieng."
ROWS = [("s1", BENIGN, "press_release"), ("s2", RISKY, "facebook"),
        ("s3", f"{RISKY} {BENIGN}", "press_release")]


def cli_run(db: str, *args):
    return CliRunner().invoke(cli, ["--db", db, *[str(a) for a in args]])


def review(db: str, tmp_path: Path, *extra) -> str:
    src = tmp_path / "s.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("id", "text", "medium"), *ROWS])
    result = cli_run(db, "review", src, "--format", "jsonl", "--date", "2026-12-05", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def stored_blobs(db: str, run_id: str) -> list[tuple[bytes, bytes | None]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT report, text FROM run_subjects WHERE run_id = ? ORDER BY seq",
                           (run_id,)).fetchall()
    finally:
        con.close()


def last_run(db: str) -> str:
    return json.loads(cli_run(db, "history", "--format", "json").stdout)[0]["id"]


def without_run(jsonl: str) -> list[dict]:
    return [{k: v for k, v in json.loads(line).items() if k not in ("run", "checked_at")}
            for line in jsonl.splitlines()]


def test_new_records_are_plain_zlib_that_any_reader_inflates(tmp_path):
    db = str(tmp_path / "a.db")
    printed = review(db, tmp_path, "--keep-text")
    rows = stored_blobs(db, last_run(db))
    assert len(rows) == len(ROWS)
    for (report, text), line, (_id, words, _medium) in zip(rows, printed.splitlines(), ROWS):
        assert report[:1] == b"\x78"  # a zlib header: the format every earlier reader expects
        stored = json.loads(zlib.decompress(report))  # the standard library, as before
        assert stored["subject"] == json.loads(line)["subject"]
        assert zlib.decompress(text).decode("utf-8") == words


@pytest.mark.parametrize("keep", [True, False])
def test_a_run_written_by_the_earlier_writer_reads_shows_and_exports_the_same(
        tmp_path, monkeypatch, keep):
    """Two runs of the same statements: one written as lawcheck wrote them before (the standard
    library's zlib.compress, level 1), one by the current writer. Same reports shown, same
    export contents but for the run's own id and time."""
    extra = ("--keep-text",) if keep else ()
    new_db, old_db = str(tmp_path / "new.db"), str(tmp_path / "old.db")
    new_printed = review(new_db, tmp_path, *extra)
    monkeypatch.setattr(recorder_module, "_deflate", zlib.compress)
    old_printed = review(old_db, tmp_path, *extra)
    monkeypatch.undo()
    new_id, old_id = last_run(new_db), last_run(old_db)
    old_blobs = stored_blobs(old_db, old_id)
    assert all(r == zlib.compress(zlib.decompress(r), 1) for r, _ in old_blobs)  # old writer
    new_blobs = stored_blobs(new_db, new_id)
    assert [zlib.decompress(r) for r, _ in new_blobs] != [] and \
        len(new_blobs) == len(old_blobs)
    assert without_run(new_printed) == without_run(old_printed)
    for db, run_id, printed in ((new_db, new_id, new_printed), (old_db, old_id, old_printed)):
        shown = cli_run(db, "show", run_id, "--format", "jsonl")
        assert shown.exit_code == 0, shown.output
        if keep:
            assert shown.stdout == printed  # byte for byte, as test_review asks of kept runs
        assert without_run(shown.stdout) == without_run(new_printed) or not keep
    packs = {}
    for db, run_id in ((new_db, new_id), (old_db, old_id)):
        pack = tmp_path / f"{run_id}.zip"
        result = cli_run(db, "export", run_id, "-o", pack)
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(pack) as z:
            packs[run_id] = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
    assert packs[new_id].keys() == packs[old_id].keys()
    assert without_run(packs[new_id]["reports.jsonl"].decode()) == \
        without_run(packs[old_id]["reports.jsonl"].decode())


def test_a_damaged_record_is_named_not_shown(tmp_path):
    """zlib's own check (Adler-32 over the report) catches a changed byte; show and export
    stop with the run and the statement named, exit 2, no traceback, nothing printed."""
    db = str(tmp_path / "a.db")
    review(db, tmp_path)
    run_id = last_run(db)
    con = sqlite3.connect(db)
    (blob,) = con.execute("SELECT report FROM run_subjects WHERE run_id = ? AND seq = 1",
                          (run_id,)).fetchone()
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0x01
    con.execute("UPDATE run_subjects SET report = ? WHERE run_id = ? AND seq = 1",
                (bytes(damaged), run_id))
    con.commit()
    con.close()
    for args in (("show", run_id), ("export", run_id, "-o", tmp_path / "p.zip")):
        result = cli_run(db, *args)
        assert result.exit_code == 2, result.output
        assert not isinstance(result.exception, Exception) or \
            isinstance(result.exception, SystemExit), result.exception
        assert "LC4" in result.stderr and run_id in result.stderr, result.stderr
        assert "statement 2" in result.stderr, result.stderr
        assert '"subject"' not in result.stdout  # no report printed before the damaged one
    assert not (tmp_path / "p.zip").exists()
