"""Rules dated by their law (issue 11): each rule is in force from the day its legal basis is,
`rules lint` refuses an unexplained difference, and a subject dated where no version of a rule
is in force is told so in not_checked, never reported clean."""

from __future__ import annotations

import json
import shutil

import pytest

from lawcheck.settings import rules_dir
from tests.test_cli import run

ACCUSATION = "The director of Acme Company is a corrupt thief who stole the villagers' land."


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    monkeypatch.setenv("LAWCHECK_RULES", str(copy))
    return copy


def _review(db_url, day, text, fmt="jsonl"):
    result = run("review", "--date", day, "--text", text, "--format", fmt, db=db_url)
    assert "Traceback" not in result.output
    return result


def test_a_2014_defamation_statement_is_flagged_end_to_end(db_url):
    # The Criminal Code's Art 305 applies from its entry into force (10 December 2010): a 2014
    # accusation was reported clean while the speech rules started on 2018-02-27.
    result = _review(db_url, "2014-05-01", ACCUSATION)
    report = json.loads(result.output.splitlines()[0])
    rules = {f["rule"] for f in report["findings"]}
    assert "kh.speech.defamation.accusation" in rules
    accusation = next(f for f in report["findings"]
                      if f["rule"] == "kh.speech.defamation.accusation")
    assert accusation["citations"][0]["provision"] == "kh/criminal-code-2009/art-305"
    assert accusation["citations"][0]["text"]  # the version in force in 2014 is quoted


def test_a_statement_before_any_speech_law_is_not_checked_with_the_reason(db_url):
    # Before the Criminal Code the UNTAC provisions of 1992 apply (tests/test_law_before_2010.py);
    # before those, no speech law lawcheck holds: the next version to take effect is named.
    result = _review(db_url, "1991-05-01", ACCUSATION)
    report = json.loads(result.output.splitlines()[0])
    assert report["findings"] == []
    entries = {e["rule"]: e for e in report["not_checked"]}
    entry = entries["kh.speech.pre2010.defamation.accusation"]
    assert "not in force on 1991-05-01" in entry["reason"]
    assert "1992-09-10" in entry["reason"]
    # a rule whose condition is false for this statement (no insult of the King) stays quiet
    assert "kh.speech.lese-majeste.insult" not in entries


def test_lese_majeste_before_2018_is_not_checked_not_clean(db_url):
    report = json.loads(_review(db_url, "2016-01-10",
                                "The King is a fool and a puppet.").output.splitlines()[0])
    assert "kh.speech.lese-majeste.insult" not in {f["rule"] for f in report["findings"]}
    reasons = {e["rule"]: e.get("reason", "") for e in report["not_checked"]}
    assert "2018-02-27" in reasons.get("kh.speech.lese-majeste.insult", "")


PLAN_2010 = """\
organization:
  name: Test Network
  type: domestic_ngo
activities:
  - id: M1
    title: March against a land concession
    type: march
    start: 2010-06-01
    topics: [land concession]
"""


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
def test_a_plan_dated_before_the_law_lists_the_rule_in_every_format(tmp_path, db_url, fmt):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_2010)
    result = run("check", str(plan), "--as-of", "2010-05-01", "--format", fmt, db=db_url)
    assert result.exit_code in (0, 1), result.output
    if fmt == "json":
        report = json.loads(result.output)
        entries = [e for e in report["not_checked"]
                   if e["rule"] == "kh.public-order.sensitive-topic.demonstration"]
        assert entries and "not in force on 2010-06-01" in entries[0]["reason"]
    else:
        assert "not in force on 2010-06-01" in result.output


def test_lint_refuses_an_unexplained_effective_from(db_url, rules_copy):
    speech = rules_copy / "kh" / "speech.yaml"
    text = speech.read_text()
    start = text.index("  - id: kh.speech.defamation.accusation")
    moved = text[:start] + text[start:].replace("effective_from: 2010-12-10",
                                                "effective_from: 2018-02-27", 1)
    speech.write_text(moved)
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "LC318" in bad.output and "kh.speech.defamation.accusation" in bad.output
    assert "2010-12-10" in bad.output and "effective_note" in bad.output
    assert f"{speech}:" in bad.output
    explained = moved.replace("  - id: kh.speech.defamation.accusation\n",
                              "  - id: kh.speech.defamation.accusation\n"
                              "    effective_note: a reason given on purpose\n", 1)
    speech.write_text(explained)
    assert run("rules", "lint", db=db_url).exit_code == 0


def test_lint_refuses_two_versions_of_one_duty_in_force_together(db_url, rules_copy):
    reporting = rules_copy / "kh" / "reporting.yaml"
    reporting.write_text(reporting.read_text().replace("    effective_to: 2025-02-18\n", "", 1))
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2
    assert "LC318" in bad.output and "both are in force on 2025-02-19" in bad.output


def test_lint_refuses_version_of_an_unknown_rule(db_url, rules_copy):
    reporting = rules_copy / "kh" / "reporting.yaml"
    reporting.write_text(reporting.read_text().replace(
        "version_of: kh.reporting.annual.domestic\n", "version_of: kh.reporting.annual.domestc\n"))
    bad = run("rules", "lint", db=db_url)
    assert bad.exit_code == 2 and "LC313" in bad.output
    assert "did you mean 'kh.reporting.annual.domestic'" in bad.output


def _v(version, start, end=None, language="en"):
    from lawcheck.model import ProvisionVersion

    return ProvisionVersion(version, language, start, end, "", "")


def test_a_citation_is_gone_only_from_the_newest_version_and_not_for_a_rule_that_ended():
    from datetime import date
    from types import SimpleNamespace

    from lawcheck.rulebase.dating import ended_before, gone

    law = [_v("2009", date(2009, 12, 5), date(2029, 12, 31)), _v("2030", date(2030, 1, 1))]
    index = {"kh/x": law, "kh/x/art-20/para-3": [law[0]], "kh/x/art-7": law}
    assert gone("kh/x/art-20/para-3", index).version == "2030"
    assert gone("kh/x/art-7", index) is None
    assert gone("kh/x", index) is None  # a law cited as a whole is never gone
    ended = SimpleNamespace(effective_to=date(2024, 1, 10))
    current = SimpleNamespace(effective_to=None)
    assert ended_before(ended, "kh/x/art-20/para-3", index)
    assert not ended_before(current, "kh/x/art-20/para-3", index)


def test_versions_fit_in_history_whatever_the_order_of_ingest():
    from datetime import date
    from types import SimpleNamespace

    from lawcheck.ingest import fit_in_history

    a = SimpleNamespace(effective_from=date(2010, 1, 1), effective_to=None)
    c = SimpleNamespace(effective_from=date(2030, 1, 1), effective_to=None)
    a.effective_to = date(2029, 12, 31)  # as closed when c was ingested
    assert fit_in_history([a, c], date(2020, 6, 1)) == date(2029, 12, 31)
    assert a.effective_to == date(2020, 5, 31)
    assert c.effective_to is None
    assert fit_in_history([a, c], None) is None
