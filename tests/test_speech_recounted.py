"""Readings against false alarms by family (issue 13, session 29; lawcheck/speech/recounted.py):
benign sentences each reading must clear, and risky sentences with the same words it must keep."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- a passive of harm names its doer only after "by": a pronoun after it points at victims ---

@pytest.mark.parametrize("text", [
    "Many politicians and activists have been killed, have been jailed and many of them have "
    "been exiled.",
    "Two farmers were beaten and they were left on the road overnight.",
    "Several journalists were threatened last year, and some of them have since left the country.",
])
def test_a_pronoun_after_a_passive_of_harm_is_the_victim_not_the_doer(text):
    assert "statement.accuses" not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    ("Activists have been killed and the government is responsible.", "government"),
    ("Two farmers were beaten by them and then left on the road.", "person"),
    ("The farmer was beaten by the police and they left him on the road.", "security-forces"),
    ("They killed the activists and then they jailed their families.", "person"),
])
def test_a_doer_after_by_or_a_named_one_is_still_accused(text, accused):
    assert accused in labels(text).get("statement.accuses", []), analyse(text).acts


# --- a release or a dropped case told as done is news of a decision, not a demand on a court ---

COURT = "statement.court_claims"


@pytest.mark.parametrize("text", [
    "The charges against the nine villagers have since been dismissed.",
    "After the charges were dropped, she went back to work at the clinic.",
    "The prosecutor dropped the charges against the nine villagers in March.",
    "The judge dismissed the case for lack of evidence.",
    "The case was thrown out by the judge in May.",
    "Their release came after eleven months in pre-trial detention.",
])
def test_a_decision_told_as_done_is_no_pressure_on_a_court(text):
    assert analyse(text).facts[COURT] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We demand that the charges be dropped.",
    "We want the charges dropped.",
    "The charges must be dismissed.",
    "The judge should have dismissed the case.",
    "The charges should have been dropped long ago.",
    "The court must ensure the charges are dropped.",
    "Drop the charges now!",
    "These fabricated charges were dropped only after a year in jail.",
])
def test_the_same_words_asked_for_or_judged_still_press_the_court(text):
    assert analyse(text).facts[COURT] == ["pending-case"], analyse(text).acts
