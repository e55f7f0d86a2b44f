"""Precision that transfers (issue 13, eighth round): a word that calls a case or its charges false
or political, in a sentence that asks no outcome of it and names no court, judge, prosecutor or
case, describes the case; it is set aside (mode "described") and the report's no-finding caveat
names the courts, so the statement never reads as a silent clean. A demand on the outcome, a
court named, or a cue that asks an outcome itself still makes the pressure finding.

Kept because both halves of the tuning part agreed: check false alarms 17 -> 15/126, study
13 -> 13/121, no risky outcome lost, dev/train tables identical (tests/data/README.md)."""

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
])
def test_an_outcome_asked_or_a_court_named_keeps_the_pressure_finding(text):
    assert "pending-case" in court_claims(text) or "judge" in court_claims(text)


def test_a_strong_cue_is_never_set_aside():
    # "show trial" is a strong cue: no court named, no outcome asked, still pressure
    assert "pending-case" in court_claims("Last year our farmers sat through a show trial.")


def test_a_described_case_in_a_statement_that_demands_elsewhere_keeps_the_demand(tmp_path):
    text = ("Our staff were sentenced on fabricated charges last week. We call on the court "
            "to release them immediately.")
    report = json.loads(review(tmp_path, text).splitlines()[0])
    assert [f for f in report["findings"] if f["rule"] == "kh.speech.judicial.pressure"]
