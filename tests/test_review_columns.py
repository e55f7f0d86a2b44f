"""``lawcheck review --id-column/--text-column`` (issue 17): a sheet exported from a social-media
tool names its columns its own way ("No", "Post text"); the options map them, and a header
without id or text gets a did-you-mean."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli
from lawcheck.review.inputs import read_statements

EXPORT = "No,Page,Post text,Likes\n1,main,The governor is a thief and a liar.,12\n" \
         "2,main,Thank you to the health department.,3\n"


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_columns_map_id_and_text_and_leave_the_rest_out(export):
    items = list(read_statements([str(export)], columns={"id": "No", "text": "Post text"}))
    assert [(i.id, i.text) for i in items] == [
        ("1", "The governor is a thief and a liar."), ("2", "Thank you to the health department.")]
    assert items[0].line == 2  # lines still point into the user's own file


def test_an_xlsx_sheet_is_mapped_the_same_way(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for row in csv.reader(io.StringIO(EXPORT)):
        book.active.append(row)
    path = tmp_path / "export.xlsx"
    book.save(path)
    items = list(read_statements([str(path)], columns={"id": "No", "text": "Post text"}))
    assert [i.id for i in items] == ["1", "2"]


@pytest.mark.slow
def test_review_cli_with_the_options(export, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'db.db'}", "review",
                                      str(export), "--id-column", "No", "--text-column",
                                      "Post text", "--date", "2026-12-01", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["id"] for r in rows} == {"1", "2"}
    assert any(r["rule"] for r in rows if r["id"] == "1")  # "thief" is flagged


def test_a_column_that_is_not_there_is_named_with_the_ones_that_are(export):
    from lawcheck.errors import OptionError

    with pytest.raises(OptionError) as caught:
        read_statements([str(export)], columns={"id": "No", "text": "Post txt"})
    text = caught.value.render()
    assert "export.csv:1" in text and "'post txt' (--text-column)" in text
    assert "no, page, post text, likes" in text


def test_mapping_a_second_column_to_id_is_refused(tmp_path):
    from lawcheck.errors import InputError

    path = tmp_path / "both.csv"
    path.write_text("id,No,text\n1,2,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="appears twice"):
        read_statements([str(path)], columns={"id": "No"})


def test_the_options_are_for_sheets_only(tmp_path):
    from lawcheck.errors import OptionError

    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "1", "text": "hello"}\n', encoding="utf-8")
    with pytest.raises(OptionError, match="CSV or XLSX"):
        read_statements([str(path)], columns={"text": "body"})


def test_without_the_options_a_did_you_mean_names_the_likely_columns(export):
    from lawcheck.errors import InputError

    with pytest.raises(InputError) as caught:
        read_statements([str(export)])
    text = caught.value.render()
    assert "did you mean 'No' for 'id' and 'Post text' for 'text'?" in text
    assert "--text-column" in text
