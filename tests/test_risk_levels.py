"""Levels that match outcomes (issue 12): LANGO Art 30's ladder holds paperwork lapses below
removal until the organisation has been warned or suspended, and speech findings of an
organisation already warned weigh more. The invariants still hold with both."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck import risk
from lawcheck.report_model import Finding, Where
from lawcheck.rulebase.model import CONFIDENCE, CONSEQUENCES, KINDS, SEVERITIES

ROOT = Path(__file__).resolve().parents[1]
W = risk.load_weights(ROOT / "rules" / "risk.yaml")
AS_OF = date(2026, 12, 1)
LAND = {"name": "N", "type": "domestic_ngo", "sector": "land_environment",
        "public_profile": "high"}


def finding(rule, category, consequence="suspension", severity="high", kind="violation",
            confidence="likely"):
    return Finding(rule, rule, category, kind, severity, consequence, "programs", Where(), "", "",
                   "", confidence)


LAPSES = [finding("kh.reporting.annual.domestic", "reporting"),
          finding("kh.change.not-notified", "change-notification", severity="medium"),
          finding("kh.reporting.donor-copies", "reporting", "warning", "medium")]


def dereg(findings, org):
    return risk.assess(findings, org, False, W, as_of=AS_OF).deregistration.to_dict()


def test_a_first_lapse_without_warning_is_not_critical():
    first = dereg(LAPSES, LAND)
    assert first["level"] == "high" and first["score"] == 0.6
    assert any("LANGO Art 30" in line and "no prior warning" in line
               for line in first["explanation"])
    one = dereg(LAPSES[2:], dict(LAND, public_profile="low", sector="health"))
    assert one["level"] == "low"  # one uncopied donor report: far below the ceiling


def test_prior_warning_then_suspension_climb_the_ladder():
    warned = dereg(LAPSES, dict(LAND, history=[{"date": date(2025, 1, 5), "kind": "warning"}]))
    suspended = dereg(LAPSES, dict(LAND, history=[{"date": date(2025, 1, 5),
                                                    "kind": "suspension"}]))
    assert (warned["level"], warned["score"]) == ("high", 0.79)
    assert suspended["level"] == "critical" and suspended["score"] > 0.8


def test_the_ladder_is_worded_once_for_the_arithmetic_and_the_plain_sentence():
    from lawcheck.report.summary import plain_risk

    for step, history in (("none", []), ("warned", [{"date": date(2025, 1, 5),
                                                      "kind": "warning"}])):
        shown = dereg(LAPSES, dict(LAND, history=history))
        words = risk.LADDER_WORDS[step]
        assert shown["ladder"] == step
        assert any(line.endswith(f"LANGO Art 30's ladder, {words}")
                   for line in shown["explanation"])
        assert plain_risk("deregistration", shown).endswith(f"; {words}.")


def test_the_ladder_does_not_hold_other_findings():
    no_mou = finding("kh.mou.missing", "mou", "expulsion", "critical")
    assert dereg(LAPSES + [no_mou], LAND)["level"] == "critical"


def test_speech_after_a_warning_weighs_more():
    post = finding("kh.speech.defamation.accusation", "defamation", "criminal", "medium", "risk",
                   "confirmed")
    plain = risk.assess([post], LAND, False, W, as_of=AS_OF).prosecution.to_dict()
    warned = risk.assess([post], dict(LAND, history=[{"date": date(2026, 1, 5),
                                                      "kind": "warning"}]),
                         False, W, as_of=AS_OF).prosecution.to_dict()
    assert warned["score"] > plain["score"]
    assert any("said after a warning" in line for line in warned["explanation"])


categories = st.sampled_from(["reporting", "change-notification", "tax", "mou", "defamation",
                              "incitement", "assembly"])
findings_st = st.builds(finding, st.sampled_from([f"kh.test.rule-{i}" for i in range(5)]),
                        categories, st.sampled_from(CONSEQUENCES), st.sampled_from(SEVERITIES),
                        st.sampled_from(KINDS), st.sampled_from(CONFIDENCE))
history_st = st.lists(st.fixed_dictionaries({
    "kind": st.sampled_from(risk.HISTORY_KINDS),
    "date": st.dates(date(2020, 1, 1), date(2026, 11, 30))}), max_size=3)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(findings_st, max_size=6), findings_st, history_st, history_st)
def test_more_findings_or_more_history_never_lower_a_score(found, extra, history, more):
    org = dict(LAND, history=history)
    before = risk.exact_scores(found, org, False, W, as_of=AS_OF)
    after = risk.exact_scores(found + [extra], org, False, W, as_of=AS_OF)
    longer = risk.exact_scores(found, dict(LAND, history=history + more), False, W, as_of=AS_OF)
    for score in risk.SCORES:
        assert after[score] >= before[score]
        assert longer[score] >= before[score]
