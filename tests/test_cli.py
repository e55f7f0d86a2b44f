"""The command line: every corpus command, its JSON shape (SPEC §7) and its exit codes (§6)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli
from benchmarks import pdfgen
from tests.test_store import LAW_V1, LAW_V2, _dump, _write

LAW = "kh/peaceful-demonstration-2009"


def run(*args, db=None):
    runner = CliRunner()
    argv = (["--db", db] if db else []) + list(args)
    return runner.invoke(cli, argv, catch_exceptions=False)


def test_help_imports_no_heavy_library():
    code = ("import sys\nfrom lawcheck.cli import main\n"
            "try:\n    main(['corpus', '--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'pdfplumber', 'sqlalchemy', 'durable', 'alembic',"
            " 'rich', 'openpyxl') if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "HEAVY []" in out


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "lawcheck", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.startswith("lawcheck, version 0.1.0")


def test_list_and_show_json_have_the_spec_shape(db_url):
    result = run("corpus", "list", "--format", "json", db=db_url)
    assert result.exit_code == 0
    laws = json.loads(result.output)
    assert set(laws[0]) == {"id", "title", "versions", "provisions"}
    assert set(laws[0]["versions"][0]) == {"version", "language", "effective_from",
                                           "effective_to", "source", "sha256"}
    shown = json.loads(run("corpus", "show", LAW, "--format", "json", db=db_url).output)
    assert set(shown) == {"id", "title", "version", "provisions"}
    assert all(set(p) == {"id", "kind", "number", "title", "path", "text"}
               for p in shown["provisions"])
    articles = [p for p in shown["provisions"] if p["kind"] == "article"]
    assert [a["number"] for a in articles] == [str(n) for n in range(1, 31)]
    one = json.loads(run("corpus", "show", f"{LAW}/art-7", "--format", "json",
                         db=db_url).output)
    assert one["id"] == f"{LAW}/art-7" and one["versions"][0]["confidence"] == "confirmed"


def test_show_text_marks_confidence_and_annotations(db_url):
    out = run("corpus", "show", LAW, db=db_url).output
    assert "Article 1  [uncertain]" in out
    assert "digest in lawcheck's own words" in out
    provision = run("corpus", "show", f"{LAW}/art-7", db=db_url).output
    assert "machine-made, unreviewed" in provision
    assert "deadline 5 working-days" in provision


def test_ingest_prints_a_parse_report(tmp_path, db_url):
    lines = pdfgen.law_text(12)
    path = pdfgen.make_law_pdf(tmp_path / "law.pdf", lines, toc="end", duplicate_article=3)
    result = run("corpus", "ingest", str(path), "--law", "kh/test-pdf", "--new", "--effective",
                 "2024-01-01", db=db_url)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "12 article(s)" in out and "gaps in article numbering: none" in out
    assert "art-3 printed twice" in out and "table of contents" in out
    assert "unplaced text: none" in out
    report = json.loads(run("corpus", "ingest", str(path), "--law", "kh/test-pdf", "--new",
                            "--format", "json", db=db_url).output)
    assert report["unchanged"] is True and report["report"]["articles"] == 12


def test_search_and_diff_commands(tmp_path, db_url):
    run("corpus", "ingest", str(_write(tmp_path, "a.txt", LAW_V1)), "--law", "kh/t", "--new",
        "--version", "1", db=db_url)
    run("corpus", "ingest", str(_write(tmp_path, "b.txt", LAW_V2)), "--law", "kh/t", "--new",
        "--version", "2", db=db_url)
    hits = json.loads(run("corpus", "search", "working", "days", "--format", "json",
                          db=db_url).output)
    assert {"kh/t/art-1", f"{LAW}/art-7"} <= {h["id"] for h in hits}
    out = run("corpus", "diff", "kh/t", db=db_url).output
    assert "+ kh/t/art-3" in out and "[-five (5)-]" in out and "{+ten (10)+}" in out


@pytest.mark.parametrize("make, code, phrase", [
    (lambda p: p / "missing.txt", "LC201", "file not found"),
    (lambda p: pdfgen.make_empty_file(p / "empty.txt"), "LC202", "is empty"),
    (lambda p: pdfgen.make_binary_file(p / "image.txt"), "LC203", "binary"),
    (lambda p: _bytes(p / "latin1.txt", "Article 1\nCafé pour tous.\n".encode("latin-1")),
     "LC204", "not valid UTF-8"),
    (lambda p: _bytes(p / "law.docx", b"PK\x03\x04 word"), "LC205", "unsupported file type"),
    (lambda p: pdfgen.make_scanned_pdf(p / "scan.pdf"), "LC211", "no text layer"),
    (lambda p: pdfgen.make_encrypted_pdf(p / "locked.pdf"), "LC212", "encrypted"),
    (lambda p: pdfgen.make_truncated_pdf(p / "cut.pdf"), "LC213", "truncated"),
    (lambda p: pdfgen.make_corrupt_pdf(p / "bad.pdf"), "LC213", "cannot be read"),
    (lambda p: _bytes(p / "letter.txt", b"Dear colleagues,\nno law here.\n"), "LC214",
     "no articles found"),
], ids=["missing", "empty", "binary", "latin1", "docx", "scanned", "encrypted", "truncated",
        "corrupt", "no-articles"])
def test_bad_input_exits_2_names_the_file_and_changes_nothing(tmp_path, db_url, make, code,
                                                               phrase):
    run("corpus", "list", db=db_url)  # the database exists, with the shipped law
    before = _dump(db_url)
    path = make(tmp_path)
    result = run("corpus", "ingest", str(path), "--law", "kh/bad", "--new", db=db_url)
    assert result.exit_code == 2
    assert f"error {code}" in result.output and phrase in result.output
    assert str(path) in result.output or path.name in result.output
    assert "how to fix" in result.output and "Traceback" not in result.output
    assert _dump(db_url) == before


def _bytes(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("args, code", [
    (["--law", "Lango 2015"], "LC221"),
    (["--law", "kh/x", "--effective", "2024-31-01"], "LC222"),
    (["--law", "kh/x", "--language", "Khmer"], "LC223"),
])
def test_bad_options_exit_2(tmp_path, db_url, args, code):
    path = _write(tmp_path, "a.txt", LAW_V1)
    result = run("corpus", "ingest", str(path), *args, db=db_url)
    assert result.exit_code == 2 and f"error {code}" in result.output


def test_unknown_law_and_provision_suggest_the_near_miss(db_url):
    result = run("corpus", "show", "kh/peaceful-demonstration-2010", db=db_url)
    assert result.exit_code == 2 and f"did you mean '{LAW}'" in result.output
    result = run("corpus", "show", f"{LAW}/art-70", db=db_url)
    assert result.exit_code == 2 and "LC232" in result.output


def test_corrupt_database_exits_2(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"garbage" * 50)
    result = run("corpus", "list", db=str(bad))
    assert result.exit_code == 2 and "LC401" in result.output and str(bad) in result.output


def test_internal_error_exits_3_with_the_log(monkeypatch, isolated_home, db_url):
    from lawcheck import api

    monkeypatch.setattr(api, "list_laws", lambda **kw: 1 / 0)
    result = run("corpus", "list", db=db_url)
    assert result.exit_code == 3
    assert "internal error" in result.output and "error.log" in result.output
    assert "ZeroDivisionError" in (isolated_home / "error.log").read_text()
