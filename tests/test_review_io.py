"""Batch review input and output: every input format and its errors, every writer, --resume."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from lawcheck.errors import InputError, OptionError
from lawcheck.review.batch import run_batch
from lawcheck.review.inputs import BadRow, StatementInput, read_statements
from lawcheck.review.outputs import (CSV_COLUMNS, highlight, open_writer, resume_state,
                                     unguard_cell)
from tests.review_fake import FakeSpec, fake_report

ROOT = Path(__file__).resolve().parents[1]


def rows(*paths, **kwargs) -> list:
    return list(read_statements([str(p) for p in paths], **kwargs))


def refused(code: str, *paths, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        read_statements([str(p) for p in paths], **kwargs)
    assert caught.value.code == code
    assert caught.value.exit_code == 2
    return caught.value


def bad(items) -> list[tuple]:
    return [(b.line, b.code, b.id) for b in items if isinstance(b, BadRow)]


def good(items) -> list[str]:
    return [s.id for s in items if isinstance(s, StatementInput)]


# --- CSV -----------------------------------------------------------------------------------------

def test_csv_with_bom_multiline_fields_reports_the_line_each_record_starts(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes("\ufeffid,text,medium\na,\"two\nlines\",facebook\n"
                     "b,ស្ថាប័ន,\n".encode())
    items = rows(path)
    assert [(s.id, s.text, s.line, s.medium) for s in items] == [
        ("a", "two\nlines", 2, "facebook"), ("b", "ស្ថាប័ន", 4, None)]
    assert items[0].source == str(path)


def test_csv_defaults_fill_gaps_and_a_row_value_wins(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,text,date,speaker\na,x,2026-01-02,\nb,y,,staff\n")
    items = rows(path, defaults={"date": "2026-05-05", "speaker": "organization",
                                 "org_type": "foreign_ngo"})
    assert [(s.date, s.speaker, s.org_type) for s in items] == [
        (date(2026, 1, 2), "organization", "foreign_ngo"),
        (date(2026, 5, 5), "staff", "foreign_ngo")]


def test_a_bad_default_is_an_option_error():
    with pytest.raises(OptionError, match="medium"):
        read_statements([], text="x", defaults={"medium": "tiktok"})


def test_every_bad_row_kind_is_reported_with_its_line_and_the_rest_still_runs(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,text,date,medium,speaker,org_type,language\n"
                    "ok1,fine,,,,,\n"
                    ",no id,,,,,\n"                      # 3: missing id
                    "e1,   ,,,,,\n"                      # 4: empty text
                    "d1,x,12/03/2026,,,,\n"              # 5: not ISO
                    "d2,x,2026-02-30,,,,\n"              # 6: impossible date
                    "m1,x,,tiktok,,,\n"                  # 7: medium outside vocabulary
                    "p1,x,,,boss,,\n"                    # 8: speaker
                    "o1,x,,,,ngo,\n"                     # 9: org_type
                    "l1,x,,,,,english please\n"          # 10: language
                    "ok1,again,,,,,\n"                   # 11: duplicate id
                    "c1,a,,,,,,extra\n"                  # 12: more cells than the header
                    "ok2,fine too,2026-12-10,Press_Release,,,km\n")
    items = rows(path)
    assert bad(items) == [(3, "LC268", None), (4, "LC268", "e1"), (5, "LC269", "d1"),
                          (6, "LC269", "d2"), (7, "LC269", "m1"), (8, "LC269", "p1"),
                          (9, "LC269", "o1"), (10, "LC269", "l1"), (11, "LC271", "ok1"),
                          (12, "LC270", "c1")]
    assert good(items) == ["ok1", "ok2"]
    assert items[-1].medium == "press_release" and items[-1].language == "km"
    medium = next(b for b in items if isinstance(b, BadRow) and b.id == "m1")
    assert "press_release" in medium.message  # says how to fix it


def test_csv_header_problems_are_file_errors(tmp_path):
    typo = tmp_path / "typo.csv"
    typo.write_text("id,text,meduim\na,b,c\n")
    error = refused("LC265", typo)
    assert "'meduim'" in error.what and "did you mean 'medium'" in error.what
    assert error.where.line == 1
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("name,text\na,b\n")
    assert "'id'" in refused("LC265", nocol).what
    twice = tmp_path / "twice.csv"
    twice.write_text("id,text,text\na,b,c\n")
    refused("LC265", twice)


def test_bytes_that_are_not_utf8_late_in_a_csv_make_one_bad_row(tmp_path):
    path = tmp_path / "s.csv"
    filler = "".join(f"r{i},{'x' * 80}\n" for i in range(200))  # past the 8 KB sniffed up front
    path.write_bytes(b"id,text\n" + filler.encode() + b"late,caf\xe9\nlast,ok\n")
    items = rows(path)
    assert bad(items) == [(202, "LC270", "late")]
    assert good(items)[-1] == "last"


# --- JSONL and XLSX ------------------------------------------------------------------------------

def test_jsonl_skips_blank_lines_and_reports_bad_lines(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "text": "one", "date": "2026-01-01"}\n\n'
                    '{"id": 7, "text": "two"}\n'
                    '{"id": "b", "text": \n'
                    '["not", "an object"]\n'
                    '{"id": "c", "text": "x", "tone": "calm"}\n'
                    '{"id": "d", "text": 5}\n')
    items = rows(path)
    assert good(items) == ["a", "7"]
    assert [s.line for s in items if isinstance(s, StatementInput)] == [1, 3]
    assert bad(items) == [(4, "LC270", None), (5, "LC270", None), (6, "LC269", "c"),
                          (7, "LC268", "d")]


def test_a_jsonl_file_whose_first_line_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text("id,text\na,b\n")
    refused("LC260", path)


def test_xlsx_first_sheet_streamed_with_row_numbers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Text", "Date"])
    sheet.append([1, "we march", date(2026, 3, 1)])
    sheet.append([None, None, None])
    sheet.append(["b", "second", "2026-03-02"])
    sheet.append(["c", None, None])
    book.create_sheet("other").append(["ignored"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    items = rows(path)
    assert [(s.id, s.text, s.line, s.date) for s in items if isinstance(s, StatementInput)] == [
        ("1", "we march", 2, date(2026, 3, 1)), ("b", "second", 4, date(2026, 3, 2))]
    assert bad(items) == [(5, "LC268", "c")]


def test_an_xlsx_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "s.xlsx"
    path.write_text("id,text\n")
    assert "save it again" in refused("LC266", path).fix


# --- text files, folders, stdin, --text ---------------------------------------------------------

def test_txt_file_id_is_its_name_and_folders_are_read_recursively_in_name_order(tmp_path):
    single = tmp_path / "one.txt"
    single.write_text("We march at dawn.\n")
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "b.txt").write_text("bee")
    (folder / "a.txt").write_text("ay")
    (folder / "sub" / "a.txt").write_text("sub ay")
    (folder / ".hidden" / "x.txt").write_text("never")
    (folder / "notes.md").write_text("never")
    (folder / "latin1.txt").write_bytes(b"caf\xe9")
    items = rows(single, folder)
    assert [(s.id, s.text) for s in items if isinstance(s, StatementInput)] == [
        ("one.txt", "We march at dawn.\n"), ("a.txt", "ay"), ("b.txt", "bee"),
        ("sub/a.txt", "sub ay")]
    assert bad(items) == [(None, "LC270", "latin1.txt")]


def test_a_folder_without_txt_files_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    refused("LC267", tmp_path / "empty")


def test_stdin_and_text_are_one_statement_each():
    items = rows("-", text="from the option", stdin=io.StringIO("from stdin"))
    assert [(s.id, s.source, s.text) for s in items] == [
        ("text", "--text", "from the option"), ("stdin", "-", "from stdin")]
    refused("LC263", "-", stdin=io.StringIO("  \n"))
    with pytest.raises(InputError):
        read_statements([], text=" ")


def test_every_unreadable_file_is_an_exit_2_error_naming_it(tmp_path):
    refused("LC261", tmp_path / "missing.csv")
    odd = tmp_path / "s.docx"
    odd.write_text("x")
    refused("LC262", odd)
    old = tmp_path / "s.xls"
    old.write_text("x")
    assert ".xlsx" in refused("LC262", old).what
    empty = tmp_path / "e.csv"
    empty.write_text("")
    refused("LC263", empty)
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n")
    refused("LC263", blank)
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    refused("LC264", binary)
    latin = tmp_path / "l.csv"
    latin.write_bytes(b"id,text\na,ok\nb,caf\xe9\n")
    error = refused("LC264", latin)
    assert error.where.file == str(latin) and error.where.line == 3
    utf16 = tmp_path / "u.csv"
    utf16.write_text("id,text\n", encoding="utf-16")
    refused("LC264", utf16)


def test_every_input_is_checked_before_the_first_statement_is_yielded(tmp_path):
    first = tmp_path / "first.csv"
    first.write_text("id,text\na,b\n")
    # read_statements itself raises: the caller has not read (or written) anything yet
    refused("LC261", first, tmp_path / "second.csv")


# --- writers -------------------------------------------------------------------------------------

def statement(id_: str, text: str, line: int | None = 2) -> StatementInput:
    return StatementInput(id=id_, text=text, source="s.csv", line=line)


def test_jsonl_writes_one_compact_line_per_report_keeping_khmer():
    out = io.StringIO()
    writer = open_writer("jsonl", stream=out)
    for item in (statement("ដង្ហែ", "we march"), statement("b", "calm")):
        writer.write(item, fake_report(item))
    writer.close()
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["subject"]["id"] for line in lines] == ["ដង្ហែ", "b"]
    assert '"id":"ដង្ហែ"' in lines[0]  # compact, and Khmer as itself, not \u escapes


def test_csv_has_a_row_per_finding_a_row_for_a_clean_statement_and_guards_formulas():
    out = io.StringIO()
    writer = open_writer("csv", stream=out)
    items = [statement("=cmd|' /C calc'!A0", "march and march"), statement("clean", "ok", None)]
    for item in items:
        writer.write(item, fake_report(item))
    writer.close()
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(table[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in table] == ["'=cmd|' /C calc'!A0"] * 2 + ["clean"]
    assert unguard_cell(table[0]["id"]) == items[0].id
    assert [(r["span_start"], r["span_end"]) for r in table[:2]] == [("0", "5"), ("10", "15")]
    assert table[0]["suggestion"] == "'=invite people to a meeting"
    assert table[0]["citations"] == "kh/lpa-2009/art-5" and table[0]["prosecution"] == "high"
    assert table[2]["rule"] == "" and table[2]["line"] == "" and table[2]["prosecution"] == "none"


def test_highlight_escapes_and_handles_overlapping_spans():
    text = "<b>march</b> & go"
    marked = highlight(text, [(3, 8, "assembly"), (5, 12, "incitement"), (40, 50, "bad")])
    assert marked == ('&lt;b&gt;<mark title="assembly">ma</mark>'
                      '<mark class="multi" title="assembly, incitement">rch</mark>'
                      '<mark title="incitement">&lt;/b&gt;</mark> &amp; go')


def test_html_is_self_contained_escaped_and_grouped_by_highest_risk(tmp_path):
    out = io.StringIO()
    writer = open_writer("html", stream=out)
    calm = statement("calm<script>", "<script>alert(1)</script>")
    loud = statement("loud", "we march")
    for item in (calm, loud):
        writer.write(item, fake_report(item))
    writer.bad(BadRow("s.csv", 9, None, "LC268", "the row has no id <here>"))
    writer.close()
    page = out.getvalue()
    assert "<script" not in page and "&lt;script&gt;alert(1)" in page
    assert "http" not in page and "src=" not in page
    assert page.index("Highest risk: high (1)") < page.index("<h3>loud</h3>") \
        < page.index("Highest risk: none (1)") < page.index("calm&lt;script&gt;")
    assert "s.csv:9: LC268 the row has no id &lt;here&gt;" in page
    assert '<mark title="assembly">march</mark>' in page
    assert page.index("Summary") < page.index("Highest risk: high")


def test_text_and_summary_writers():
    out = io.StringIO()
    items = [statement("a", "march"), statement("b", "calm")]
    summary = run_batch(items + [BadRow("s.csv", 4, None, "LC268", "no id")], FakeSpec(),
                        [open_writer("text", stream=out)])
    assert out.getvalue().splitlines() == [
        "a  deregistration none  prosecution high  1 finding",
        "    HIGH     kh.test.march  kh/lpa-2009/art-5  'march'",
        "b  deregistration none  prosecution none  0 findings",
        "s.csv:4: error LC268: no id"]
    assert summary == {"statements": 2, "flagged": 1, "findings": 1, "bad_rows": 1,
                       "not_screened": 0, "partly_screened": 0, "checks_not_made": 0,
                       "by_category": {"assembly": 1}, "by_severity": {"high": 1},
                       "by_kind": {"risk": 1}, "skipped": 0,
                       "risk": {"deregistration": {"none": 2},
                                "prosecution": {"high": 1, "none": 1},
                                "highest": {"high": 1, "none": 1}}}


# --- resume --------------------------------------------------------------------------------------

def write_all(fmt: str, path: Path, items, append: bool = False) -> None:
    run_batch(items, FakeSpec(), [open_writer(fmt, str(path), append=append)])


def test_jsonl_resume_cuts_a_half_written_line_then_appends_without_duplicates(tmp_path):
    items = [statement(f"s{i}", f"march {i}") for i in range(5)]
    path = tmp_path / "out.jsonl"
    write_all("jsonl", path, items[:3])
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 20])  # the third record is cut mid-line
    done = resume_state(str(path), "jsonl")
    assert done == {"s0", "s1"}
    run_batch(items, FakeSpec(), [open_writer("jsonl", str(path), append=True)],
              skip_ids=done)
    ids = [json.loads(line)["subject"]["id"] for line in path.read_text().splitlines()]
    assert ids == ["s0", "s1", "s2", "s3", "s4"]


def test_csv_resume_redoes_the_last_statement_writes_no_second_header_and_keeps_odd_ids(tmp_path):
    items = [statement("-1", "march march"), statement("@b", "calm"),
             statement("c", "march"), statement("d", "march")]
    path = tmp_path / "out.csv"
    write_all("csv", path, items[:3])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    path.write_bytes(data[:-7])  # the row of "c" is cut
    # "c" is cut, and "@b" before it is redone too: rows cannot prove a statement complete
    done = resume_state(str(path), "csv")
    assert done == {"-1"}
    write_all("csv", path, [i for i in items if i.id not in done], append=True)
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert table[0] == list(CSV_COLUMNS)
    assert [unguard_cell(r[0]) for r in table[1:]] == ["-1", "-1", "@b", "c", "d"]
    assert resume_state(str(path), "csv") == {"-1", "@b", "c"}  # only "d" is redone next time


def test_resume_refuses_html_other_formats_and_foreign_files(tmp_path):
    page = tmp_path / "out.html"
    page.write_text("<html>")
    assert "jsonl" in refused_resume(page, "html").fix
    csv_file = tmp_path / "out.csv"
    write_all("csv", csv_file, [statement("a", "march")])
    assert refused_resume(csv_file, "jsonl").where.line == 1
    jsonl_file = tmp_path / "out.jsonl"
    write_all("jsonl", jsonl_file, [statement("a", "march")])
    refused_resume(jsonl_file, "csv")
    assert resume_state(str(tmp_path / "new.jsonl"), "jsonl") == set()


def refused_resume(path: Path, fmt: str) -> InputError:
    with pytest.raises(InputError) as caught:
        resume_state(str(path), fmt)
    assert caught.value.code == "LC272" and caught.value.where.file == str(path)
    return caught.value


CHILD = """
import sys
from lawcheck.review.batch import run_batch
from lawcheck.review.inputs import read_statements
from lawcheck.review.outputs import open_writer, resume_state
from tests.review_fake import FakeSpec

if __name__ == "__main__":
    source, out, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
    done = resume_state(out, "jsonl")
    run_batch(read_statements([source]), FakeSpec(delay=delay),
              [open_writer("jsonl", out, append=True)], jobs=2, chunk=8, skip_ids=done)
"""


def test_a_run_killed_mid_way_then_resumed_loses_and_repeats_nothing(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,text\n" + "".join(f"s{i},march {'x' * 500} {i}\n" for i in range(400)))
    out, script = tmp_path / "out.jsonl", tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(script), str(source), str(out), "0.005"],
                             env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while (not out.exists() or out.read_bytes().count(b"\n") < 40) \
                and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the child and its workers, mid-write
        child.wait()
    first = out.read_bytes().count(b"\n")
    assert 40 <= first < 400
    subprocess.run([sys.executable, str(script), str(source), str(out), "0"], env=env,
                   check=True, timeout=120)
    ids = [json.loads(line)["subject"]["id"] for line in out.read_text().splitlines()]
    assert ids == [f"s{i}" for i in range(400)]
