"""Issue 11, end to end through the command line: statements in a script lawcheck does not read
(or in two languages, one unread) are never reported as screened, a batch with unreadable rows exits 2, and ``-o`` takes its format from
the file's extension (refusing one the command cannot write, before any work)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli

# Thai, "this party are thieves": a script lawcheck does not read (Khmer is read since issue 14;
# tests/test_khmer.py covers it)
UNREAD = "พรรค\u200bนี้\u200bเป็น\u200bโจร"
ENGLISH = "Everyone must join the march on Sunday."
MIXED = f"{UNREAD}\n{ENGLISH}"
PLAIN = "We thank the provincial health department for supporting the clinic."
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "lc.db")


def run(db, *args, stdin=None):
    result = CliRunner().invoke(cli, ["--db", db, *map(str, args)], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def statements_csv(path: Path, rows, header=("id", "text", "medium")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def batch(tmp_path):
    return statements_csv(tmp_path / "s.csv", [("k1", UNREAD, "facebook"),
                                               ("m1", MIXED, "facebook"),
                                               ("p1", PLAIN, "facebook")])


def review(db, src, *args):
    return run(db, "review", src, "--date", "2026-12-05", "--org-type", "domestic_ngo", *args)


# --- statements in an unread script or two languages -------------------------------------------

def test_khmer_and_mixed_statements_are_reported_as_not_and_partly_screened_in_jsonl(db, batch):
    result = review(db, batch, "--format", "jsonl")
    reports = {r["subject"]["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    khmer, mixed, plain = reports["k1"], reports["m1"], reports["p1"]

    assert khmer["analysis"]["language"] == "und" and khmer["analysis"]["analysed"] is False
    assert khmer["analysis"]["unanalysed"] == [{"span": [0, len(UNREAD)], "script": "und"}]
    assert khmer["result"] == "not screened" and khmer["findings"] == []
    assert any(c.startswith("NOT SCREENED") for c in khmer["caveats"])

    # the English half is still analysed, and its findings point at the right characters
    assert mixed["analysis"]["language"] == "mixed" and mixed["analysis"]["analysed"] == "partial"
    assert mixed["analysis"]["unanalysed"] == [{"span": [0, len(UNREAD)], "script": "und"}]
    assert [s["language"] for s in mixed["analysis"]["sentences"]] == ["und", "en"]
    assert mixed["result"] == "partly screened"
    calls = [f for f in mixed["findings"] if f["rule"] == "kh.speech.incitement.call-to-gather"]
    assert calls, mixed["findings"]
    start, end = calls[0]["where"]["spans"][0]
    assert start > len(UNREAD) and "march" in MIXED[start:end]
    assert calls[0]["where"]["excerpt"] == ENGLISH

    assert plain["analysis"]["analysed"] is True and plain["result"] == "no findings"
    assert "1 not screened and 1 partly screened" in result.stderr


def test_every_review_format_says_what_was_not_screened(db, batch, tmp_path):
    text = review(db, batch, "--format", "text").stdout
    assert "k1  deregistration none  prosecution none  0 findings  NOT SCREENED" in text
    assert "m1" in text and "PARTLY SCREENED" in text

    table = tmp_path / "review.csv"
    review(db, batch, "-o", table)
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))
    khmer = next(r for r in rows if r["id"] == "k1")
    assert (khmer["result"], khmer["language"], khmer["unanalysed"]) == (
        "not screened", "und", f"0-{len(UNREAD)}")
    assert "NOT SCREENED" in khmer["caveats"]
    assert {r["result"] for r in rows if r["id"] == "m1"} == {"partly screened"}

    page = tmp_path / "review.html"
    review(db, batch, "-o", page)
    html = page.read_text(encoding="utf-8")
    assert "1 statement(s) not screened and 1 partly screened" in html
    assert "<tr><td>not screened</td><td>1</td></tr>" in html
    assert "<tr><td>screened in full</td><td>1</td></tr>" in html
    assert "Not (fully) screened (1)" in html  # k1: apart from the clean "risk none" group
    assert html.index("Not (fully) screened") < html.index("Highest risk: none")
    assert '<mark class="unread"' in html and "PARTLY SCREENED" in html

    summary = review(db, batch, "--format", "summary")
    counts = json.loads(summary.stdout)
    assert (counts["not_screened"], counts["partly_screened"]) == (1, 1)
    assert "1 not screened and 1 partly screened" in summary.stderr


def test_language_column_overrides_but_is_never_required(db, tmp_path):
    src = statements_csv(tmp_path / "l.csv", [("fr1", PLAIN, "fr"), ("en1", UNREAD, "en"),
                                              ("none", UNREAD, "")],
                         header=("id", "text", "language"))
    reports = {r["subject"]["id"]: r for r in
               map(json.loads, review(db, src, "--format", "jsonl").stdout.splitlines())}
    assert reports["fr1"]["analysis"]["language"] == "fr"
    assert reports["fr1"]["result"] == "not screened"
    assert reports["en1"]["analysis"]["detected"] == "und"  # "en" cannot make Thai readable
    assert reports["en1"]["result"] == "not screened"
    assert reports["none"]["analysis"]["language"] == "und"


def test_plan_statements_in_khmer_are_named_in_every_check_format(db, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "organization:\n  name: Test NGO\n  type: domestic_ngo\nactivities:\n"
        "  - id: A1\n    type: press_conference\n    start: 2026-12-10\n    statements:\n"
        f"      - text: \"{UNREAD}\"\n        medium: press_release\n"
        f"      - text: \"{PLAIN} {UNREAD}\"\n        medium: facebook\n", encoding="utf-8")
    out = {}
    for fmt in ("json", "text", "markdown", "html"):
        result = run(db, "check", plan, "--as-of", "2026-12-01", "--format", fmt)
        assert result.exit_code in (0, 1), result.output
        out[fmt] = result.stdout
    report = json.loads(out["json"])
    first, second = report["statements"]
    assert (first["analysis"]["language"], first["analysis"]["analysed"], first["result"]) == (
        "und", False, "not screened")
    assert second["analysis"]["analysed"] == "partial" and second["result"] == "partly screened"
    assert any("statement 1 of activity A1" in c and c.startswith("NOT SCREENED")
               for c in report["caveats"])
    for fmt in ("text", "markdown", "html"):
        assert "Statement 1: NOT SCREENED" in out[fmt], fmt
        assert "Statement 2: PARTLY SCREENED" in out[fmt], fmt
        assert "No findings: clear on every check that could run." not in out[fmt], fmt


# --- unreadable rows --------------------------------------------------------------------------

def test_a_batch_with_unreadable_rows_writes_the_rest_then_exits_2(db, tmp_path):
    src = statements_csv(tmp_path / "b.csv", [("a", PLAIN, "facebook"), ("b", "", "facebook"),
                                              ("c", PLAIN, "telegram"), ("d", PLAIN, "website")])
    out = tmp_path / "r.jsonl"
    result = review(db, src, "-o", out, "--fail-on", "critical")
    assert result.exit_code == 2, result.output
    assert [json.loads(x)["subject"]["id"] for x in out.read_text().splitlines()] == ["a", "d"]
    assert "b.csv:3" in result.stderr and "b.csv:4" in result.stderr
    assert "2 row(s) could not be read and were NOT reviewed" in result.stderr
    clean = statements_csv(tmp_path / "ok.csv", [("a", PLAIN, "facebook")])
    assert review(db, clean, "-o", tmp_path / "ok.jsonl").exit_code == 0


# --- -o FILE ---------------------------------------------------------------------------------------

def test_review_writes_a_real_xlsx_with_statements_and_findings_sheets(db, batch, tmp_path):
    from openpyxl import load_workbook

    src = statements_csv(tmp_path / "x.csv", [("k1", UNREAD, "facebook"),
                                              ("e1", ENGLISH, "facebook"),
                                              ("=cmd", "=HYPERLINK(\"http://x\")", "website")])
    out = tmp_path / "review.xlsx"
    result = review(db, src, "-o", out)
    assert result.exit_code == 1, result.output  # the call to march is a high finding
    assert out.stat().st_mode & 0o777 == 0o600
    book = load_workbook(out)
    assert book.sheetnames == ["statements", "findings"]
    statements = list(book["statements"].iter_rows(values_only=True))
    header = statements[0]
    rows = {r[0]: dict(zip(header, r)) for r in statements[1:]}
    assert rows["k1"]["result"] == "not screened" and rows["k1"]["unanalysed"] == f"0-{len(UNREAD)}"
    assert rows["k1"]["text"] == UNREAD
    assert "'=cmd" in rows and rows["'=cmd"]["text"].startswith("'=")  # no formula runs
    assert all(not isinstance(c, str) or not c.startswith("=")
               for r in statements for c in r)
    findings = list(book["findings"].iter_rows(values_only=True))
    assert any(r[0] == "e1" and r[3] == "kh.speech.incitement.call-to-gather" for r in findings)
    (run_id,) = [r["id"] for r in json.loads(run(db, "history", "--format", "json").stdout)]
    shown = run(db, "show", run_id)  # the run of a workbook is replayed as jsonl
    assert shown.exit_code == 0, shown.output
    assert [json.loads(x)["subject"]["id"] for x in shown.stdout.splitlines()] == [
        "k1", "e1", "=cmd"]  # JSON keeps the id as written: only spreadsheet cells are guarded


def test_review_json_is_one_list(db, batch, tmp_path):
    out = tmp_path / "review.json"
    review(db, batch, "-o", out)
    assert [r["subject"]["id"] for r in json.loads(out.read_text())] == ["k1", "m1", "p1"]


@pytest.mark.parametrize("command, name, hint", [
    (["check", ROOT / "examples" / "health-training.yaml"], "report.pdf", "report.html"),
    (["check", ROOT / "examples" / "health-training.yaml"], "report.docx", ".md"),
    (["review", "--text", PLAIN], "review.md", ".xlsx"),
    (["calendar", "--org", ROOT / "examples" / "land-org.yaml"], "deadlines.csv", ".ics"),
    (["rules", "catalog"], "rules.txt", ".html"),
    (["show", "no-such-run"], "shown.xlsx", ".jsonl"),
    (["export", "no-such-run"], "pack.tar", ".zip"),
])
def test_an_extension_the_command_cannot_write_is_refused_before_any_work(
        command, name, hint, db, tmp_path):
    target = tmp_path / name
    result = run(db, *command, "-o", target)
    assert result.exit_code == 2, result.output
    assert "error LC228" in result.stderr and hint in result.stderr
    assert "Traceback" not in result.output and not target.exists()
    assert json.loads(run(db, "history", "--format", "json").stdout or "[]") == []  # no run


def test_check_format_follows_the_extension(db, tmp_path):
    out = tmp_path / "report.md"
    result = run(db, "check", ROOT / "examples" / "health-training.yaml", "-o", out)
    assert result.exit_code in (0, 1) and out.read_text().startswith("# Compliance check")
