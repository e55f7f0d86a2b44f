"""False alarms on ordinary wording, second round (issue 13's second-worst defect), and the risky
lines beside them that must stay caught (lawcheck/speech/ordinary.py, private_life.py).

Every sentence here was written for the test, in words of its own; none is from a labelled set.
"""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

ACCUSES = "statement.accuses"
INSULTS = "statement.insults"
COURT = "statement.court_claims"
CALLS = "statement.calls"


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v}


# --- 1. crime news in the habitual present names no target --------------------------------------

@pytest.mark.parametrize("text", [
    "Thieves steal motorbikes every week near the market.",
    "A thief steals a phone at the bus station almost every day.",
    "Criminals smuggle timber across the river at night.",
    "Gangsters rob tourists near the riverside.",
])
def test_crime_news_in_the_present_insults_no_one(text):
    assert INSULTS not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Thieves rule this land.",                        # a verb of ruling: who holds power
    "Criminals rob us every day.",                    # done to the writer: a grievance
    "Thieves run Cambodia.",
    "Thieves steal our land.",                        # the nation's things
    "Criminals steal the election every five years.",
])
def test_a_banner_in_the_present_still_insults(text):
    assert INSULTS in facts(text), analyse(text).acts


# --- 2. a judge's private life claims nothing about a case --------------------------------------

@pytest.mark.parametrize("text", [
    "The judge paid the market price for his land.",
    "The judge bought a ticket and paid the full price like every passenger.",
    "The judge serves the pagoda committee as treasurer.",
    "The judge serves the poor of his village every weekend.",
    "The judge is related to the groom by marriage.",
    "The judge is related to the bride's family.",
    "The judge has close ties to the pagoda where he was a novice.",
])
def test_a_judges_private_life_is_no_court_claim(text):
    assert COURT not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The judge serves the ruling party, not the law.",
    "The judge was paid to convict them.",
    "The judge is related to the defendant.",
    "The judge is related to the minister's family.",
    "The judge has close ties to the company.",
    "The judge has close ties to the family that owns the sugar plantation.",
    "Every judge has a price.",
    "The tycoon paid the judge's price.",
    "The judge paid a fair price for the land of the evicted families.",
    "The judge serves the tycoon's family.",
    "The judge serves the pagoda committee and the ruling party.",
    "The judge serves the interests of the powerful.",
])
def test_a_judge_tied_to_a_power_a_party_or_a_case_stays_a_court_claim(text):
    assert "judge" in facts(text).get(COURT, []), analyse(text).acts


# --- 3. whoever recovers stolen goods did not steal them ----------------------------------------

@pytest.mark.parametrize("text", [
    "Police recovered a stolen tractor and returned it to the farmer.",
    "Police returned the stolen motorbikes to their owners.",
    "The soldiers found the stolen cattle in a forest near the border.",
    "Police recovered stolen timber.",
])
def test_recovered_stolen_goods_accuse_no_one(text):
    assert ACCUSES not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The police stole the tractor.",
    "The police kept the stolen motorbikes.",
    "The soldiers found the stolen cattle and sold them.",
    "The police chief returned the stolen land to his cousin.",
    "The police recovered the stolen money and kept half of it.",
    "The tractor was stolen by the police.",
    "The police sell stolen motorbikes.",
])
def test_keeping_or_taking_stolen_goods_stays_an_accusation(text):
    assert ACCUSES in facts(text), analyse(text).acts


# --- 4. a pronoun after a harm names whom it was done to; a deed told is no call ----------------

@pytest.mark.parametrize("text", [
    "Robbers threatened them with knives.",
    "Two men robbed a shop owner and beat him badly.",
    "The gang robbed tourists on the riverside and threatened them with knives.",
])
def test_the_victims_pronoun_is_not_accused(text):
    assert "person" not in facts(text).get(ACCUSES, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Millions of votes were stolen in 2013, and the men who stole them are still in charge.",
    "The land was stolen by them.",
    "The soldiers beat them with batons.",
])
def test_a_doer_named_or_after_by_stays_accused(text):
    assert ACCUSES in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Two men robbed a shop owner and beat him badly.",
    "He beat them.",
    "The soldiers beat them with batons.",
    "The governor came at night. He beat them.",
    "The police beat them and we will not forget.",
])
def test_a_beating_told_by_its_subject_is_no_call(text):
    assert "violence" not in facts(text).get(CALLS, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Beat them!",
    "Gather at dawn and beat them.",
    "We beat them tonight.",
    "Villagers, beat him!",
    "You must beat them.",
    "If they come back, beat them.",
    "Find the traitors and beat them.",
    "Catch them and beat them.",
    "Brothers, beat them hard.",
    "The police came and beat them, so tomorrow we beat them back.",
])
def test_a_beating_commanded_stays_a_call(text):
    assert "violence" in facts(text).get(CALLS, []), analyse(text).acts


# --- the nationality controls of the learned family (which the analyser catches itself) ---------

@pytest.mark.parametrize("text", [
    "The Vietnamese are stealing our land, drive them out",
    "Yuon go home",
])
def test_a_neighbour_driven_out_stays_discrimination(text):
    assert facts(text).get("statement.discrimination"), analyse(text).acts
