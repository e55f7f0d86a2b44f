"""One table reader (issue 16): CSV and XLSX rows for plans and statements come from
lawcheck.tables, with the line each record starts on."""

from __future__ import annotations

import csv
import io

import pytest

from lawcheck import tables


def test_csv_records_start_on_their_first_line_and_go_on_after_a_broken_one():
    text = 'id,text\ns1,"two\nlines"\ns2,' + "x" * 50 + '\ns3,ok\n'
    limit = csv.field_size_limit(40)  # a field over the limit is the csv module's error
    try:
        found = list(tables.csv_records(io.StringIO(text, newline="")))
    finally:
        csv.field_size_limit(limit)
    assert [line for line, _ in found] == [1, 2, 4, 5]
    assert found[1][1] == ["s1", "two\nlines"] and found[3][1] == ["s3", "ok"]
    assert isinstance(found[2][1], csv.Error)


def test_sheet_rows_prefer_a_named_sheet_and_refuse_a_non_workbook(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "notes"
    book.active.append(["not", "this"])
    book.create_sheet(" Activities ").append(["id", "type"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    assert list(tables.sheet_rows(path, prefer="activities")) == [(1, ["id", "type"])]
    assert list(tables.sheet_rows(path)) == [(1, ["not", "this"])]
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(tables.Unreadable):
        list(tables.sheet_rows(tmp_path / "bad.xlsx"))


def test_plans_and_statements_place_rows_after_a_multiline_record_alike(tmp_path):
    """A row after a two-line record is on line 4, read as statements and as a plan's table."""
    from lawcheck.errors import PlanError
    from lawcheck.plan import load_plan
    from lawcheck.review.inputs import read_statements

    posts = tmp_path / "posts.csv"
    posts.write_text('id,text\ns1,"a\nb"\ns2,c\n', encoding="utf-8")
    assert [(s.id, s.line) for s in read_statements([str(posts)])] == [("s1", 2), ("s2", 4)]
    plan, org = tmp_path / "plan.csv", tmp_path / "org.yaml"
    plan.write_text('id,title,type,start\nA1,"a\nb",training,2026-12-10\nA2,c,traning,'
                    '2026-12-10\n', encoding="utf-8")
    org.write_text("organization:\n  name: X\n  type: domestic_ngo\n", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        load_plan(plan, org)
    assert [(p.code, p.where.line) for p in caught.value.problems] == [("LC255", 4)]
