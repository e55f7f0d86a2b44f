"""``lawcheck rules …`` and ``lawcheck explain`` from the command line."""

from __future__ import annotations

import json
import shutil

import pytest

from lawcheck.settings import corpus_dir, rules_dir
from tests.test_cli import run

PD = "kh/peaceful-demonstration-2009"


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    monkeypatch.setenv("LAWCHECK_RULES", str(copy))
    return copy


def test_list_has_the_spec_shape(db_url):
    result = run("rules", "list", "--format", "json", db=db_url)
    assert result.exit_code == 0
    rules = json.loads(result.output)
    assert set(rules[0]) == {"id", "title", "category", "kind", "severity", "consequence",
                             "citations", "effective_from", "effective_to", "tests"}
    late = next(r for r in rules if r["id"] == "kh.assembly.notice.late")
    assert f"{PD}/art-7" in late["citations"] and late["tests"] >= 2


def test_show_prints_the_cited_provisions_in_full(db_url):
    out = run("rules", "show", "kh.assembly.notice.late", db=db_url).output
    assert f"{PD}/art-7" in out and "five (5) working days" in out
    assert "reviewed by" in out
    missing = run("rules", "show", "kh.assembly.notice.lat", db=db_url)
    assert missing.exit_code == 2 and "did you mean 'kh.assembly.notice.late'" in missing.output


def test_lint_ok_and_lint_errors(db_url, rules_copy):
    ok = run("rules", "lint", db=db_url)
    assert ok.exit_code == 0 and ok.output.startswith("ok: ")
    rule_file = rules_copy / "kh" / "peaceful-demonstration.yaml"
    text = rule_file.read_text().replace("/art-7\n", "/art-70\n", 1).replace(
        "severity: high", "severity: urgent", 1)
    rule_file.write_text(text)
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2
    assert "LC307" in bad.output and "LC310" in bad.output and "Traceback" not in bad.output
    assert f"{rule_file}:" in bad.output
    assert "LC314" not in bad.output  # tests naming the broken rule are not blamed as well


def test_test_command_passes_and_a_broken_case_shows_the_difference(db_url, rules_copy):
    good = run("rules", "test", "--engine", "reference", db=db_url)
    assert good.exit_code == 0 and " 0 failed" in good.output
    tests_file = rules_copy / "kh" / "peaceful-demonstration.tests.yaml"
    text = tests_file.read_text()
    tests_file.write_text(text.replace("activity.notice_working_days: 4",
                                       "activity.notice_working_days: 5", 1))
    bad = run("rules", "test", "--engine", "reference", db=db_url)
    assert bad.exit_code == 1
    assert "FAIL" in bad.output and "expected, did not fire: kh.assembly.notice.late" in bad.output
    assert "activity.notice_working_days is less than 5" in bad.output  # the explanation


def test_coverage_by_rule_and_by_provision(db_url):
    data = json.loads(run("rules", "coverage", "--format", "json", db=db_url).output)
    assert data["untested_rules"] == []
    assert f"{PD}/art-7" in data["provisions"] and data["provisions"][f"{PD}/art-7"]
    assert f"{PD}/art-30" in data["uncited_provisions"]


def test_catalog_markdown_and_html(tmp_path, db_url):
    out = run("rules", "catalog", db=db_url).output
    assert out.startswith("# lawcheck rule base") and f"### {PD}/art-7" in out
    page = tmp_path / "catalog.html"
    result = run("rules", "catalog", "-o", str(page), db=db_url)
    assert result.exit_code == 0
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "kh.assembly.notice.late" in html
    assert "http" not in html.split("<body>")[0]  # no external assets


def test_impact_lists_rules_citing_changed_provisions(tmp_path, db_url):
    digest = corpus_dir() / "kh" / "peaceful-demonstration-2009" / "digest.en.md"
    amended = tmp_path / "amended.md"
    amended.write_text(digest.read_text().replace("five (5) working days", "ten (10) working days"))
    run("corpus", "list", db=db_url)
    ingest = run("corpus", "ingest", str(amended), "--law", PD, "--version", "2030-amended",
                 "--effective", "2030-01-01", db=db_url)
    assert ingest.exit_code == 0, ingest.output
    data = json.loads(run("rules", "impact", PD, "--format", "json", db=db_url).output)
    assert f"{PD}/art-7" in data["changed_provisions"]
    assert "kh.assembly.notice.late" in [r["rule"] for r in data["rules"]]
    assert "kh.assembly.holiday.refusal" not in [r["rule"] for r in data["rules"]]


def test_explain_why_and_why_not(tmp_path, db_url):
    facts = tmp_path / "facts.yaml"
    facts.write_text("subject.date: 2026-12-10\nactivity.type: march\nactivity.public_space: true\n"
                     "activity.notified: true\nactivity.notice_working_days: 3\n")
    out = run("explain", "kh.assembly.notice.late", str(facts), db=db_url).output
    assert "FIRES" in out and "[activity.notice_working_days = 3]" in out
    facts.write_text(facts.read_text().replace("days: 3", "days: 6"))
    out = run("explain", "kh.assembly.notice.late", str(facts), db=db_url).output
    assert "does not fire" in out and "✗ false" in out
    facts.write_text("activity.participant: 3\n")
    bad = run("explain", "kh.assembly.notice.late", str(facts), db=db_url)
    assert bad.exit_code == 2 and f"{facts}:1" in bad.output
    assert "did you mean 'activity.participants'" in bad.output


def test_lint_checks_the_statement_lexicons_too(rules_copy, db_url):
    parties = rules_copy / "lexicons" / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + "\nentries: []\n", encoding="utf-8")
    result = run("rules", "lint", db=db_url)
    assert result.exit_code == 2, result.output
    assert "parties.yaml" in result.output and "LC330" in result.output
    assert "Traceback" not in result.output
