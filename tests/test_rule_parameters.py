"""Numbers restated from the law (issue 11): rule messages and mitigations take "five (5)
working days" from the version of the cited provision in force, and a rule whose condition
uses a number the law no longer states is not applied (not_checked) and fails lint."""

from __future__ import annotations

import json
import shutil

import pytest

from lawcheck.settings import corpus_dir, rules_dir
from tests.test_cli import run

PD = "kh/peaceful-demonstration-2009"
FIVE = "At least five (5) working days before the date planned"
PLAN = """\
organization:
  name: Test Network
  type: domestic_ngo
activities:
  - id: M1
    title: March to the provincial hall
    type: march
    start: {start}
    participants: 300
    location: {{province: Phnom Penh, public_space: true}}
    notification: {notification}
"""


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    monkeypatch.setenv("LAWCHECK_RULES", str(copy))
    return copy


@pytest.fixture
def ten_days(tmp_path, db_url):
    """An amended Art 7 asking for ten working days, in force from 2030."""
    text = (corpus_dir() / PD / "digest.en.md").read_text()
    assert FIVE in text
    path = tmp_path / "pd-2030.md"
    path.write_text(text.replace(FIVE, "At least ten (10) working days before the date planned"))
    result = run("corpus", "ingest", str(path), "--law", PD, "--version", "2030-ten-days",
                 "--effective", "2030-01-01", db=db_url)
    assert result.exit_code == 0, result.output
    return db_url


def _check(tmp_path, db_url, start, notification, fmt="json"):
    plan = tmp_path / f"plan-{start}.yaml"
    plan.write_text(PLAN.format(start=start, notification=notification))
    result = run("check", str(plan), "--as-of", start, "--format", fmt, db=db_url)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output) if fmt == "json" else result.output


def test_messages_quote_the_number_of_the_version_in_force(tmp_path, ten_days):
    report = _check(tmp_path, ten_days, "2029-03-12",
                    "{authority: Capital Hall, notified_on: 2029-03-09}")
    late = next(f for f in report["findings"] if f["rule"] == "kh.assembly.notice.late")
    assert "at least five (5)" in late["what"] and "five (5) working days" in late["why"]
    mitigation = next(m for m in late["mitigations"] if m["id"] == "notify-in-writing")
    assert "five (5) working days" in mitigation["text"]
    assert "{param." not in json.dumps(report)


def test_a_mitigation_follows_the_amended_text(tmp_path, ten_days):
    report = _check(tmp_path, ten_days, "2030-03-12", "null")
    missing = next(f for f in report["findings"] if f["rule"] == "kh.assembly.notice.missing")
    mitigation = next(m for m in missing["mitigations"] if m["id"] == "notify-in-writing")
    assert "ten (10) working days" in mitigation["text"]
    assert "five" not in mitigation["text"]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_rule_whose_number_the_law_changed_is_not_checked(tmp_path, ten_days, fmt):
    # seven working days: late under the amended law, on time under the rule's stale 5
    out = _check(tmp_path, ten_days, "2030-03-12",
                 "{authority: Capital Hall, notified_on: 2030-03-01}", fmt)
    if fmt == "json":
        assert "kh.assembly.notice.late" not in {f["rule"] for f in out["findings"]}
        reason = next(e["reason"] for e in out["not_checked"]
                      if e["rule"] == "kh.assembly.notice.late")
        assert "says 'ten (10)'" in reason and "uses 5" in reason
    else:
        assert "says 'ten (10)'" in out


def test_lint_fails_when_the_law_states_another_number(ten_days):
    bad = run("rules", "lint", db=ten_days)
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "LC320" in bad.output and "kh.assembly.notice.late" in bad.output
    assert "says 'ten (10)'" in bad.output


def test_lint_checks_parameters_and_their_placeholders(db_url, rules_copy):
    path = rules_copy / "kh" / "peaceful-demonstration.yaml"
    original = path.read_text()
    path.write_text(original.replace("{param.notice_days}.", "{param.notice_dayz}.", 1))
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "LC312" in bad.output
    assert "did you mean 'notice_days'" in bad.output
    path.write_text(original.replace(f"citation: {PD}/art-7\n", f"citation: {PD}/art-8\n", 1))
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "LC320" in bad.output and "not one of this rule's" in bad.output
    path.write_text(original.replace("pattern: '(\\w+ \\(\\d+\\)) working days'",
                                     "pattern: '(\\w+ \\(\\d+\\)) calendar days'", 1))
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "LC320" in bad.output and "is not found in version" in bad.output
