"""New wording for three smaller families (issue 13, "What the analyser must understand"): the
King insulted or mocked in veiled words, pressure on courts and judges, and claims that an
election was rigged. Each family is held by risky paraphrases (voice, inserted adjuncts, near
synonyms) and by benign sentences an NGO, a UN office or a donor would write with the same
surface words. The sentences are written for these tests, not taken from any labelled set or
from the engineer's probe sets."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def court(text: str) -> list:
    return analyse(text).facts["statement.court_claims"]


# --- a verdict bought or settled before the trial ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The ruling against the union leaders was bought with cash.",
    "Their conviction was arranged well in advance.",
    "The sentence for the three monks had already been decided before anyone testified.",
    "Everyone in the village says the judgment was written beforehand.",
])
def test_a_verdict_bought_or_settled_in_advance_discredits_it(text):
    assert "verdict" in court(text)


@pytest.mark.parametrize("text", [
    "The farm was bought by a company before the verdict was announced.",
    "The verdict was read before a full courtroom on Tuesday.",
    "The sentence was reduced on appeal to two years.",
    "The date of the ruling was set before the holidays.",
])
def test_a_verdict_reported_or_a_purchase_near_it_is_no_claim(text):
    assert "verdict" not in court(text)


# --- a judge threatened, a court warned --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "That prosecutor will one day answer for what he did to our sisters.",
    "The judges will surely pay the price for this decision.",
    "The investigating judge should remember his own children before he signs the order.",
    "I warn the judges of the provincial court: do not convict them.",
    "We are now warning the prosecutor that the people are watching.",
])
def test_a_threat_or_warning_to_judges_is_pressure(text):
    assert "pending-case" in court(text)


@pytest.mark.parametrize("text", [
    "The judge will answer questions from both lawyers at the next hearing.",
    "The court will pay compensation to the family for the wrongful detention.",
    "Lawyers for the defence warned the judge that the confession was made under duress.",
    "The Special Rapporteur warned that the court's ruling could chill free speech.",
    "Our monitors will report on the hearing and the judges' conduct.",
])
def test_a_hearing_reported_or_anothers_warning_is_no_pressure(text):
    assert court(text) == []
