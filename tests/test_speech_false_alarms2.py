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


# --- 1b. an offender named by the deed and then sentenced is court news -------------------------

@pytest.mark.parametrize("text", [
    "The thief who stole the temple bell was sentenced to two years.",
    "The thieves that broke into the clinic were arrested on Monday.",
])
def test_an_offender_sentenced_insults_no_one(text):
    assert INSULTS not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The thieves who stole our land were never arrested.",
    "The murderers who killed Kem Ley were sentenced to life.",
    "The thief who stole the bell is still free.",
    "The thieves who run this country were never arrested.",
])
def test_an_offender_named_by_a_public_wrong_or_left_free_still_insults(text):
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
    "The judge has served the court for thirty years and retires next month.",
    "The judge serves the public.",
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
    "The judge serves the court of the ruling party.",
    "The judge serves the powerful, not the public.",
])
def test_a_judge_tied_to_a_power_a_party_or_a_case_stays_a_court_claim(text):
    assert "judge" in facts(text).get(COURT, []), analyse(text).acts


# --- 3. whoever recovers stolen goods did not steal them ----------------------------------------

@pytest.mark.parametrize("text", [
    "Police recovered a stolen tractor and returned it to the farmer.",
    "Police returned the stolen motorbikes to their owners.",
    "The soldiers found the stolen cattle in a forest near the border.",
    "Police recovered stolen timber.",
    "The villagers thanked the police for returning their stolen buffaloes.",
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


# --- 3b. a verb of harm done to a thing harms no one --------------------------------------------

def test_soldiers_beating_drums_accuse_no_one():
    text = "The soldiers beat the drums at the opening of the festival."
    assert ACCUSES not in facts(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The soldiers beat the farmers.",
    "The police stole cigarettes.",           # a theft of a thing is still a theft
])
def test_a_harm_or_theft_stays_an_accusation(text):
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


# --- the learned signal on plain lines: known, not fixed (strict xfails) ------------------------
# The bag-of-words model (lawcheck.speech.learned) weighs single words that a short, plain line
# is made of: for incitement "near" (+2.9 coefficient times idf), "every" (+2.5), "wat" (+2.3),
# "angkor" (+1.9), "tourists" (+1.2), "vietnamese" (+2.9); for defamation "unit" (+2.8), "police"
# (+2.1), "military" (+1.4). In a line of a few words the L2 norm leaves each of them a large
# share, so the score passes the threshold (incitement 0.20) and often the strong margin (0.30):
# "Tourists visited Angkor Wat." scores 0.37 with no nationality at all. A gate that removed the
# positive part of stop-word grams (near, every) cost 3 of 146 outcomes of the real tuning part
# (72 -> 69) for one false alarm fewer, and was not kept. A fix needs the model (more plain
# lines in training, or a different norm), which is the planner's trade with the untouched part.

@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    from datetime import date

    from lawcheck.review.reviewer import ReviewerSpec

    db = tmp_path_factory.mktemp("plain") / "p.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10)).build()


def learned_rules(reviewer, text: str) -> list[str]:
    from datetime import date

    from lawcheck.review.quality import Labelled

    report = reviewer.review(Labelled("s1", text, "t", 1, date(2026, 12, 10), "facebook", None,
                                      frozenset(), "domestic_ngo"))
    return [f["rule"] for f in report["findings"] if f["rule"].startswith("kh.speech.learned.")]


@pytest.mark.xfail(strict=True, reason="the learned model weighs the plain words of a short "
                   "line (near, every, angkor, wat, tourists, unit, police); not fixed")
@pytest.mark.parametrize("text", [
    "Vietnamese tourists visited Angkor Wat during the holiday.",
    "Thieves steal motorbikes every week near the market.",
    "Soldiers from the engineering unit rebuilt the bridge near the school.",
    "The military police cleared landmines from the rice fields in Pailin.",
    "A drunk man attacked his neighbour with a knife, police said.",
])
def test_a_plain_line_draws_no_learned_finding(reviewer, text):
    assert not learned_rules(reviewer, text)


def test_a_neighbour_said_to_swallow_our_land_keeps_its_learned_finding(reviewer):
    # the other side, which any fix must keep: the analyser finds no act here, the model does
    text = "The Vietnamese are swallowing our provinces one village at a time."
    assert "kh.speech.learned.incitement" in learned_rules(reviewer, text)
