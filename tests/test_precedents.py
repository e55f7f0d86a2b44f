"""The precedent base: strict loading (every problem in one pass, file:line, did-you-mean),
the typed record, and ``lawcheck precedents list | show | search``."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from lawcheck.errors import NotFoundError, PrecedentError
from lawcheck.precedents import get, load_precedents, precedent_files, search
from lawcheck.settings import corpus_dir
from tests.test_cli import run

HERE = Path(__file__).parent / "precedents"
GOOD, BAD = HERE / "good", HERE / "bad"


def test_good_fixtures_load_as_typed_records_sorted_by_date():
    found = load_precedents(GOOD, provisions={"kh/lango-2015/art-24",
                                              "kh/criminal-code-2009/art-495"})
    assert [p.id for p in found] == ["2017-situation-room-ordered-to-stop",
                                     "2020-rong-chhun-arrest"]
    arrest = found[1]
    assert arrest.date == date(2020, 7, 31) and arrest.date_precision == "day"
    assert arrest.who.name == "Rong Chhun" and arrest.outcome.actions == ("arrest", "charge")
    assert arrest.legal_basis[0].provision == "kh/criminal-code-2009/art-495"
    assert arrest.reconstruction["statement"]["medium"] == "interview"
    assert arrest.brief() == {"id": "2020-rong-chhun-arrest", "date": "2020-07-31",
                              "summary": arrest.one_line()}
    assert arrest.one_line().startswith("2020: said in public")
    assert found[0].reconstruction["organization"]["registration"] == {"registered": False}


def test_every_problem_of_a_bad_file_in_one_pass_with_lines():
    with pytest.raises(PrecedentError) as caught:
        load_precedents(BAD, provisions={"kh/criminal-code-2009/art-495"})
    found = {(p.code, p.where.line) for p in caught.value.problems}
    assert found >= {("LC346", 2), ("LC345", 4), ("LC342", 8), ("LC347", 14), ("LC345", 15),
                     ("LC345", 16), ("LC343", 19), ("LC348", 21), ("LC348", 24),
                     ("LC343", 25), ("LC346", 25)}
    text = caught.value.render()
    assert "did you mean 'medium'?" in text and "did you mean 'person'?" in text
    assert "did you mean 'incitement'?" in text
    assert f"{BAD / '2019.yaml'}:8:7" in text
    assert caught.value.exit_code == 2


def test_duplicate_ids_across_files_and_yaml_errors(tmp_path):
    shutil.copy(GOOD / "2017.yaml", tmp_path / "2017.yaml")
    (tmp_path / "2018.yaml").write_text("precedents:\n  - id: x\n    id: y\n")
    again = (GOOD / "2017.yaml").read_text()
    (tmp_path / "2017b.yaml").write_text(again)
    with pytest.raises(PrecedentError) as caught:
        load_precedents(tmp_path)
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == ["LC341", "LC346"], caught.value.render()


def test_provisions_are_checked_only_when_given():
    load_precedents(GOOD)  # no corpus: citations are not checked
    with pytest.raises(PrecedentError) as caught:
        load_precedents(GOOD, provisions={"kh/lango-2015/art-24"})
    assert [p.code for p in caught.value.problems] == ["LC347"]


def test_get_and_search():
    found = load_precedents(GOOD)
    with pytest.raises(NotFoundError) as caught:
        get("2020-rong-chun-arrest", found)
    assert "did you mean '2020-rong-chhun-arrest'" in caught.value.what
    assert [p.id for _, p in search(["border", "arrest"], found)] == ["2020-rong-chhun-arrest"]
    assert [p.id for _, p in search(["ELECTION"], found)] == [
        "2017-situation-room-ordered-to-stop"]
    assert search(["border", "ministry"], found) == []


@pytest.fixture
def fixture_corpus(tmp_path, monkeypatch):
    """The shipped corpus with the two fixture precedents in place of the researched ones."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), copy, ignore=shutil.ignore_patterns("precedents"))
    shutil.copytree(GOOD, copy / "precedents")
    monkeypatch.setenv("LAWCHECK_CORPUS", str(copy))
    return copy


def test_cli_list_show_search(db_url, fixture_corpus):
    listed = run("precedents", "list", "--format", "json", db=db_url)
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert [r["id"] for r in rows] == ["2017-situation-room-ordered-to-stop",
                                       "2020-rong-chhun-arrest"]
    assert set(rows[0]) == {"id", "date", "date_precision", "summary", "categories", "level",
                            "consequence", "confidence", "actions"}
    only = run("precedents", "list", "--category", "incitement", db=db_url)
    assert "2020-rong-chhun-arrest" in only.output and "situation-room" not in only.output
    shown = run("precedents", "show", "2020-rong-chhun-arrest", db=db_url)
    assert shown.exit_code == 0
    assert "Criminal Code Arts 494-495" in shown.output and "LICADHO" in shown.output
    as_json = json.loads(run("precedents", "show", "2020-rong-chhun-arrest", "--format", "json",
                             db=db_url).output)
    assert as_json["reconstruction"]["statement"]["date"] == "2020-07-20"
    found = json.loads(run("precedents", "search", "coalition", "--format", "json",
                           db=db_url).output)
    assert [r["id"] for r in found] == ["2017-situation-room-ordered-to-stop"]
    assert "no precedent mentions" in run("precedents", "search", "drone", db=db_url).output


def test_cli_errors_exit_2_without_traceback(db_url, fixture_corpus):
    missing = run("precedents", "show", "2020-nobody", db=db_url)
    assert missing.exit_code == 2 and "LC349" in missing.output
    assert "Traceback" not in missing.output
    shutil.copy(BAD / "2019.yaml", fixture_corpus / "precedents" / "2019.yaml")
    broken = run("precedents", "list", db=db_url)
    assert broken.exit_code == 2 and "LC340" in broken.output
    assert "2019.yaml:8:7" in broken.output and "Traceback" not in broken.output


def test_shipped_precedents_load_against_the_corpus(db_url):
    """The researched base (corpus/precedents) loads strictly, every citation in the corpus."""
    if not precedent_files():
        pytest.skip("no precedent file shipped yet")
    result = run("precedents", "list", "--format", "json", db=db_url)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) >= len(precedent_files())


def test_rules_lint_checks_the_precedent_base(db_url, tmp_path, monkeypatch):
    """Lint loads the shipped base (the rules name its precedents) and fails on a bad file."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), copy)
    monkeypatch.setenv("LAWCHECK_CORPUS", str(copy))
    ok = run("rules", "lint", db=db_url)
    assert ok.exit_code == 0, ok.output
    assert f"{len(load_precedents(copy / 'precedents'))} precedents" in ok.output
    shutil.copy(BAD / "2019.yaml", copy / "precedents" / "bad.yaml")
    broken = run("rules", "lint", db=db_url)
    assert broken.exit_code == 2 and "Traceback" not in broken.output
    assert "bad.yaml:4:11: error LC345" in broken.output


def test_lint_names_a_rule_whose_precedent_is_missing(db_url, fixture_corpus):
    """With only the two fixture precedents, the shipped rules name precedents that are not
    there: lint says which rule, where, and how to find the ids."""
    broken = run("rules", "lint", db=db_url)
    assert broken.exit_code == 2
    assert "error LC349 [kh.practice.capital-gathering]: names precedent" in broken.output


def test_rules_show_lists_the_precedents_a_rule_names(db_url):
    shown = json.loads(run("rules", "show", "kh.practice.capital-gathering", "--format", "json",
                           db=db_url).output)
    ids = {p.id for p in load_precedents()}
    assert shown["precedents"] and all(p["id"] in ids for p in shown["precedents"])
    assert [p["date"] for p in shown["precedents"]] == sorted(p["date"] for p in
                                                              shown["precedents"])
    plain = json.loads(run("rules", "show", "kh.assembly.notice.late", "--format", "json",
                           db=db_url).output)
    assert plain["precedents"] == []
