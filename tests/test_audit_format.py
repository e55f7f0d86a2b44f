"""The stored report's bytes (docs/audit.md, "How a report is stored"): records written by the
earlier writer (the standard library's zlib), by ISA-L's zlib and in format 1 (zstd with the
shipped dictionary) read, show and export alike, and a damaged record is named, never shown as
a shorter or cleaner report."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck.audit import packing, recorder as recorder_module
from lawcheck.audit.packing import UnreadableRecord, unpack
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


class OldWriter:
    """What lawcheck wrote before format 1: the standard library's zlib, level 1."""

    def pack(self, data: bytes) -> bytes:
        return zlib.compress(data, 1)


def write_as(monkeypatch, writer: str) -> None:
    if writer == "old":
        monkeypatch.setattr(recorder_module, "Packer", OldWriter)
        monkeypatch.setattr(recorder_module, "_deflate", zlib.compress)
    elif writer == "isal":  # where zstandard is missing: zlib's format by ISA-L
        monkeypatch.setattr(packing, "zstandard", None)


def test_new_records_carry_format_1_and_texts_stay_zlib(tmp_path):
    db = str(tmp_path / "a.db")
    printed = review(db, tmp_path, "--keep-text")
    rows = stored_blobs(db, last_run(db))
    assert len(rows) == len(ROWS)
    for (report, text), line, (_id, words, _medium) in zip(rows, printed.splitlines(), ROWS):
        assert report[0] == packing.FORMAT_1  # the first byte says how to read the rest
        assert json.loads(unpack(report))["subject"] == json.loads(line)["subject"]
        assert zlib.decompress(text).decode("utf-8") == words  # texts: zlib, as before
        assert len(report) < len(zlib.compress(unpack(report), 1))  # the point of format 1


def test_every_format_byte_is_told_apart_from_a_zlib_header():
    """A zlib stream's first byte has 8 (deflate) in its low bits; format bytes never do."""
    assert all(version & 0x0F != 8 for version in packing._DICTIONARIES)
    for level in range(10):
        assert zlib.compress(b"{}", level)[0] & 0x0F == 8
    with pytest.raises(UnreadableRecord, match="format byte 5"):
        unpack(b"\x05" + zlib.compress(b"{}"))


def test_the_shipped_dictionary_is_the_pinned_one():
    name, sha = packing._DICTIONARIES[packing.FORMAT_1]
    data = (Path(packing.__file__).parent / "data" / name).read_bytes()
    import hashlib

    assert hashlib.sha256(data).hexdigest() == sha


@pytest.mark.parametrize("keep", [True, False])
@pytest.mark.parametrize("writer", ["old", "isal"])
def test_a_run_written_by_an_earlier_writer_reads_shows_and_exports_the_same(
        tmp_path, monkeypatch, keep, writer):
    """Two runs of the same statements: one written as lawcheck wrote them before format 1
    (the standard library's zlib.compress, level 1; or ISA-L's zlib where zstandard is
    missing), one by the current writer. Same reports shown, same export contents but for the
    run's own id and time."""
    extra = ("--keep-text",) if keep else ()
    new_db, old_db = str(tmp_path / "new.db"), str(tmp_path / "old.db")
    new_printed = review(new_db, tmp_path, *extra)
    write_as(monkeypatch, writer)
    old_printed = review(old_db, tmp_path, *extra)
    monkeypatch.undo()
    new_id, old_id = last_run(new_db), last_run(old_db)
    old_blobs = stored_blobs(old_db, old_id)
    assert all(r[0] == 0x78 for r, _ in old_blobs)  # zlib records
    if writer == "old":  # byte for byte what the earlier writer stored
        assert all(r == zlib.compress(zlib.decompress(r), 1) for r, _ in old_blobs)
    new_blobs = stored_blobs(new_db, new_id)
    assert len(new_blobs) == len(old_blobs) and all(r[0] == 1 for r, _ in new_blobs)
    assert [json.loads(unpack(r))["subject"] for r, _ in new_blobs] == \
        [json.loads(zlib.decompress(r))["subject"] for r, _ in old_blobs]
    assert without_run(new_printed) == without_run(old_printed)
    for db, run_id, printed in ((new_db, new_id, new_printed), (old_db, old_id, old_printed)):
        shown = cli_run(db, "show", run_id, "--format", "jsonl")
        assert shown.exit_code == 0, shown.output
        if keep:
            assert shown.stdout == printed  # byte for byte, as test_review asks of kept runs
        else:
            assert len(shown.stdout.splitlines()) == len(ROWS)
    shown = {db: without_run(cli_run(db, "show", run_id, "--format", "jsonl").stdout)
             for db, run_id in ((new_db, new_id), (old_db, old_id))}
    assert shown[new_db] == shown[old_db]
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
    for name in packs[new_id]:
        if name.startswith(("provisions/", "rules/", "input/")):
            assert packs[new_id][name] == packs[old_id][name], name


@pytest.mark.parametrize("writer", ["new", "old"])
@pytest.mark.parametrize("where", ["middle", "end", "format"])
def test_a_damaged_record_is_named_not_shown(tmp_path, monkeypatch, writer, where):
    """A changed byte fails the record's checksum (zlib's Adler-32, the zstd frame's XXH64)
    or its decoding; a changed format byte is no format lawcheck knows. show and export stop
    with the run and the statement named, exit 2, no traceback, nothing printed."""
    db = str(tmp_path / "a.db")
    write_as(monkeypatch, writer)
    review(db, tmp_path)
    monkeypatch.undo()
    run_id = last_run(db)
    con = sqlite3.connect(db)
    (blob,) = con.execute("SELECT report FROM run_subjects WHERE run_id = ? AND seq = 1",
                          (run_id,)).fetchone()
    damaged = bytearray(blob)
    at = {"middle": len(damaged) // 2, "end": len(damaged) - 2, "format": 0}[where]
    damaged[at] ^= 0x01 if where != "format" else 0x04
    con.execute("UPDATE run_subjects SET report = ? WHERE run_id = ? AND seq = 1",
                (bytes(damaged), run_id))
    con.commit()
    con.close()
    for args in (("show", run_id), ("export", run_id, "-o", tmp_path / "p.zip")):
        result = cli_run(db, *args)
        assert result.exit_code == 2, (result.output, result.exception)
        assert isinstance(result.exception, SystemExit), result.exception
        assert "LC416" in result.stderr and run_id in result.stderr, result.stderr
        assert "statement 2" in result.stderr, result.stderr
        assert '"subject"' not in result.stdout  # no report printed before the damaged one
    assert not (tmp_path / "p.zip").exists()


def test_the_dictionary_holds_lawcheck_s_words_not_the_statements_it_was_trained_on():
    """Trained on redacted reports: a 32-byte run of a training statement is in it only when
    lawcheck writes those words itself (a rule's wording, an institution's name)."""
    from lawcheck.audit.recorder import _generated_texts

    name, _sha = packing._DICTIONARIES[packing.FORMAT_1]
    dictionary = (Path(packing.__file__).parent / "data" / name).read_bytes()
    own = "\n".join(_generated_texts()).encode("utf-8")
    train = Path(__file__).parent / "data" / "statements-train.jsonl"
    foreign = set()
    for line in train.read_text(encoding="utf-8").splitlines():
        words = json.loads(line)["text"].encode("utf-8")
        foreign |= {words[i:i + 32] for i in range(len(words) - 31)
                    if words[i:i + 32] in dictionary and words[i:i + 32] not in own}
    assert not foreign, sorted(foreign)[:5]


def test_sqlite_s_driver_insert_stores_what_the_portable_insert_stores(tmp_path, monkeypatch):
    """store.runs hands a run's subjects and findings to sqlite3 directly (DRIVER_INSERT);
    read back through SQLAlchemy, every column holds what the portable Core insert (the path
    PostgreSQL takes) stores for the same statements."""
    from sqlalchemy import select

    from lawcheck import api
    from lawcheck.store import runs as repo
    from lawcheck.store.schema import RunFinding, RunSubject

    def columns(db: str, run_id: str):
        with api.opened(f"sqlite:///{db}", sync=False) as store:
            with store.transaction() as session:
                subjects = [(r.seq, r.subject, unpack(r.report), r.text) for r in session.execute(
                    select(RunSubject).where(RunSubject.run_id == run_id)
                    .order_by(RunSubject.seq)).scalars()]
                findings = [(f.seq, f.rule, f.category, f.kind, f.severity, f.spans)
                            for f in session.execute(
                                select(RunFinding).where(RunFinding.run_id == run_id)
                                .order_by(RunFinding.seq, RunFinding.id)).scalars()]
        return subjects, findings

    fast, portable = str(tmp_path / "fast.db"), str(tmp_path / "portable.db")
    review(fast, tmp_path, "--keep-text")
    monkeypatch.setattr(repo, "DRIVER_INSERT", set())
    review(portable, tmp_path, "--keep-text")
    monkeypatch.undo()
    got, want = columns(fast, last_run(fast)), columns(portable, last_run(portable))
    assert len(got[0]) == len(ROWS) and got[1]  # the risky statements have findings
    assert [(seq, subject, text) for seq, subject, _r, text in got[0]] == \
        [(seq, subject, text) for seq, subject, _r, text in want[0]]
    assert [{k: v for k, v in json.loads(r).items() if k not in ("run", "checked_at")}
            for _s, _j, r, _t in got[0]] == \
        [{k: v for k, v in json.loads(r).items() if k not in ("run", "checked_at")}
         for _s, _j, r, _t in want[0]]
    assert got[1] == want[1]
