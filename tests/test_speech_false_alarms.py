"""False alarms on ordinary wording, by family (issue 13's second-worst defect), and the risky
lines beside them that must stay caught (lawcheck/speech/ordinary.py, qualified.py).

Every sentence here was written for the test, in words of its own; none is from a labelled set.
"""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

INSULTS = "statement.insults"
COURT = "statement.court_claims"
CALLS = "statement.calls"


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v}


# --- 1. a common offender's deed told in a short text is crime news, not a banner ---------------

@pytest.mark.parametrize("text", [
    "Thieves stole three motorbikes from the pagoda.",
    "Criminals have smuggled timber across the river.",
    "Gangsters robbed a jewellery shop in Battambang.",
    "Thieves are stealing cattle in Takeo.",
    "The thieves broke into our office on Sunday.",
    "Butchers sold fresh pork at the morning market.",
    "Murderers killed a fisherman near Kampot.",
])
def test_an_offenders_deed_told_names_no_target(text):
    assert INSULTS not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Thieves!",
    "Thieves and murderers, all of them!",
    "Criminals in power!",
    "Traitors sold the islands.",            # a name no crime report uses
    "Criminals stole the election.",         # the nation's things, or someone named
    "Criminals robbed the nation.",
    "Murderers killed Kem Ley.",
    "Thieves who stole our land",            # a banner's clause says whom it means
    "Hun Sen is a thief",
])
def test_a_banner_epithet_still_insults(text):
    assert INSULTS in facts(text), analyse(text).acts


# --- 2. a judge's or a court's own purchase claims nothing about a case -------------------------

@pytest.mark.parametrize("text", [
    "The judge bought a new motorbike for his son.",
    "The provincial court bought new chairs for its waiting room.",
    "Judges bought rice for the flood victims in Kratie.",
    "Last month the retired prosecutor bought a fishing boat.",
    "A Kampot judge bought books for the village library.",
    "The judge bought a ticket to Siem Reap for the holiday.",
])
def test_a_judges_private_purchase_is_no_court_claim(text):
    assert COURT not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The judge bought his verdict from the company",
    "The judge has bought the ruling for the company.",
    "The judge bought the acquittal.",
    "The judge bought his post with money from the tycoon.",
    "The judge bought freedom for the tycoon's son.",
    "The court was bought by the logging company.",
    "The tycoon bought the court.",
    "The judge took money to free the tycoon's son",
    "The judge bought a new Lexus after the verdict.",
    "The prosecutor bought a mansion with bribe money.",
    "The judge bought land from the tycoon he acquitted.",
])
def test_a_bought_verdict_office_or_judge_stays_a_court_claim(text):
    assert "judge" in facts(text).get(COURT, []), analyse(text).acts


# --- 3. taking someone to court uses the court; an adjective there describes another noun -------

@pytest.mark.parametrize("text", [
    "The greedy landlord dragged the family to the provincial court.",
    "A greedy moneylender hauled the widow to court over a small debt.",
    "A stupid mistake by the lawyer was noticed in court.",
    "Our pathetic printer broke down outside the court.",
])
def test_an_adjective_on_another_noun_says_nothing_of_the_court(text):
    found = facts(text)
    assert COURT not in found and "court" not in found.get(INSULTS, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The greedy judge took the tenant's land",
    "The greedy judges took the villagers' land.",
    "The greedy court ruled for the company.",
    "The court is useless.",
])
def test_an_abusive_word_said_of_the_court_stays(text):
    assert "judge" in facts(text).get(COURT, []), analyse(text).acts


# --- 4. a call on the state to punish through law is no call to violence ------------------------

@pytest.mark.parametrize("text", [
    "The government must punish traffickers for their crimes.",
    "We urge the government to punish those who trafficked the girls.",
    "Provincial authorities need to punish illegal loggers, not the villagers who report them.",
    "The police must punish drunk drivers.",
])
def test_the_states_punishment_is_no_violence(text):
    assert "violence" not in facts(text).get(CALLS, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "We must punish the traitors ourselves",
    "Beat the thieves who stole our land",
    "The people must punish the traitors.",
    "Villagers should punish the thieves.",
    "We will punish the thieves with our own hands.",
    "The government must punish them or we will punish them ourselves.",
    "The court must punish the protesters severely.",  # a court told what to decide
])
def test_punishment_by_the_people_stays_a_call_to_violence(text):
    assert "violence" in facts(text).get(CALLS, []), analyse(text).acts


# --- 5. a hope for a release with no court named is at most the measured call -------------------

@pytest.mark.parametrize("text", [
    "I hope this release will extend to the remaining detained defenders",
    "We hope this release is the first of many for the detained youth activists.",
    "Hopefully the jailed unionists' release will come before the holidays.",
])
def test_a_hoped_release_with_no_court_is_no_pressure(text):
    assert "pending-case" not in facts(text).get(COURT, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The judge must free them tomorrow or face the people's anger",
    "Release them now, you corrupt judges",
    "We hope the court will release them.",
    "We hope the judges free them tomorrow.",
    "Free them now!",
])
def test_a_release_put_to_a_court_or_commanded_stays(text):
    assert "pending-case" in facts(text).get(COURT, []), analyse(text).acts
