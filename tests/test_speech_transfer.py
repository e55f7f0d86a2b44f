"""Precision that transfers (issue 13, eighth round): a word that calls the charges false or
political, in a sentence that asks no outcome of it and names no court, judge, prosecutor or
case, describes the case; it is set aside (mode "described") and the report's no-finding caveat
names the courts, so the statement never reads as a silent clean. A demand on the outcome, a
court named, or a cue that asks an outcome itself still makes the pressure finding.

Only cues about the charges (false, political, revenge: FALSE_CHARGE_CUES) that are not strong;
words that judge the trial itself ("sham trial", "theatre") and the guide's own strong phrases
("politically motivated charges") always count. Kept because the check half
moved (false alarms 17 -> 15/126; study 13 -> 13/121), no risky outcome lost, dev/train tables
identical (tests/data/README.md, eighth round)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lawcheck.cli import cli
from lawcheck.speech import analyse


def court_claims(text: str) -> list[str]:
    return analyse(text).facts.get("statement.court_claims", [])


def review(tmp_path, text: str, fmt: str = "jsonl") -> str:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "r.db"), "review", "--text", text,
                                      "--format", fmt, "--date", "2026-12-05",
                                      "--org-type", "domestic_ngo"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


# benign variants, in this project's own words: the case described, no outcome asked of a court
DESCRIBED = [
    "Two of our trainers were given suspended sentences last month on fabricated charges.",
    "The charges brought against the fishing community in 2019 were politically motivated.",
    "Our annual report records forty-one activists held on baseless charges this year.",
    "The charges brought against the three union members last spring were cooked up.",
]


@pytest.mark.parametrize("text", DESCRIBED)
def test_a_case_described_as_false_or_political_is_set_aside(text):
    analysis = analyse(text)
    assert court_claims(text) == []
    assert [a.mode for a in analysis.acts if a.fact == "statement.court_claims"] == ["described"]
    assert "court" in analysis.facts["statement.mentions"]


@pytest.mark.parametrize("text", DESCRIBED)
def test_the_report_is_no_silent_clean(tmp_path, text):
    report = json.loads(review(tmp_path, text).splitlines()[0])
    assert not [f for f in report["findings"] if f["category"] == "judicial"]
    assert any(a["mode"] == "described" for a in report["analysis"]["set_aside"])
    assert any("It names the courts" in c for c in report["caveats"])
    assert "It names the courts" in review(tmp_path, text, "text")
    assert "It names the courts" in review(tmp_path, text, "csv")


# risky near-misses: the same descriptions with an outcome asked, a court named, or a cue that
# is itself a demand on the case
@pytest.mark.parametrize("text", [
    "The charges against our trainers are fabricated and must be dropped before the hearing.",
    "The provincial court's case against the fishing community is politically motivated.",
    "The judges know these charges are baseless.",
    "Acquit the forty-one activists held on baseless charges.",
    "Three union members are in jail on trumped-up charges and must be freed.",
])
def test_an_outcome_asked_or_a_court_named_keeps_the_pressure_finding(text):
    assert "pending-case" in court_claims(text) or "judge" in court_claims(text)


@pytest.mark.parametrize("text", [
    "Last year our farmers sat through a show trial.",
    "Today's hearing of our colleagues was a sham trial from start to finish.",
    "The hearing of our colleagues was theatre, nothing more.",
    # the labelling guide's own example, a strong cue: never set aside
    "Three union members spent a year in jail on politically motivated charges.",
])
def test_words_that_judge_the_trial_and_strong_cues_are_never_set_aside(text):
    # no court named and no outcome asked, but the trial itself is judged, or the guide's own
    # phrase is used: still counted
    assert "pending-case" in court_claims(text)


def test_a_described_case_in_a_statement_that_demands_elsewhere_keeps_the_demand(tmp_path):
    text = ("Our staff were sentenced on fabricated charges last week. We call on the court "
            "to release them immediately.")
    report = json.loads(review(tmp_path, text).splitlines()[0])
    assert [f for f in report["findings"] if f["rule"] == "kh.speech.judicial.pressure"]
