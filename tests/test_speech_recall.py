"""Recall on statements whose words alone carry the risk (issue 13, seventh round): stances and
targets the analyser did not read. Every case is written for this file, in words of its own (no
phrase of the real set); each capability has benign near-misses that must stay clean."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- impunity: a wrong the named subject escaped punishment for is said to be theirs ---------

@pytest.mark.parametrize("text, target", [
    ("The provincial police chief has never been held accountable for the shooting of the "
     "strikers.", "official"),
    ("The governor escaped justice for the beatings of the villagers in Preah Vihear.",
     "official"),
    ("The military police have gone unpunished for the violence against the fishermen.",
     "security-forces"),
    ("The district chief got away with the looting of the commune budget.", "official"),
])
def test_impunity_accuses_the_subject(text, target):
    assert labels(text) == {"statement.accuses": [target]}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a call for accountability says of no one that they did it
    "Officials who abuse villagers must not go unpunished for such crimes.",
    # no one named: the deed is nobody's in these words
    "No one has been held accountable for the deaths of the two activists.",
    # no wrong named: impunity for nothing accuses no one of anything
    "The minister has never been held accountable for the delays in the land titling project.",
])
def test_impunity_near_misses_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


# --- a body or a person pointed at by a demonstrative is a target ----------------------------

@pytest.mark.parametrize("text, target, words", [
    ("This bank stole the savings of hundreds of garment workers.", "company", "This bank"),
    ("That private clinic cheated poor patients out of their land titles.", "company",
     "That private clinic"),
    ("These microfinance lenders seized the land of indebted families.", "company",
     "These microfinance lenders"),
    ("Everyone in the commune knows this man took bribes from the loggers.", "person",
     "this man"),
    ("Graduation at that university is extortion, nothing less.", "company",
     "that university"),
])
def test_a_demonstrative_points_at_a_target(text, target, words):
    assert labels(text) == {"statement.accuses": [target]}, analyse(text).acts
    assert {a.target for a in analyse(text).acts} == {words}


@pytest.mark.parametrize("text", [
    # "that" as a conjunction points at nothing
    "The report says that school fees rose by ten percent this year.",
    # the noun without a demonstrative is a kind, not one body
    "Corruption in schools remains a concern for parents, our survey found.",
    # the body is the victim of the deed, not its doer
    "This hospital was robbed last night and the police are investigating.",
    # an NGO's measured criticism of one body in similar words: no wrong is said of it
    "This bank has not yet replied to the families' request to reschedule their loans.",
    "This school received new computers thanks to our donors.",
])
def test_demonstrative_near_misses_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


# --- people held hostage or captive by the one named: the captor is accused ------------------

@pytest.mark.parametrize("text, target", [
    ("Garment workers are held hostage by the Ministry of Labour and its union law.",
     "government"),
    ("Villagers in Stung Treng live as captives of the provincial governor.", "official"),
    ("The whole nation has become a prisoner of this regime.", "government"),
    ("Fishing families along the river are hostages of the military police.",
     "security-forces"),
])
def test_a_captor_named_after_the_hostages_is_accused(text, target):
    assert labels(text) == {"statement.accuses": [target]}, analyse(text).acts


def test_a_leader_held_as_captor_is_accused_without_a_party_stance():
    # an office holder accused outside any party frame: no side taken among parties
    assert labels("Our farmers have become hostages of Hun Sen.") == {
        "statement.accuses": ["politician"]}


@pytest.mark.parametrize("text", [
    # the captor is not named right after: "held by the government" is a detention reported
    "Our campaign asks for the release of all prisoners of conscience held by the government.",
    # captives of no one the lexicon knows
    "The country should not be a hostage to any single donor or investor.",
    "Political prisoners of the Khmer Rouge regime were tortured at Tuol Sleng.",
])
def test_captor_near_misses_stay_clean(text):
    assert "statement.accuses" not in labels(text), analyse(text).acts


# --- a target compared to a notorious tyrant is insulted by the likeness ---------------------

@pytest.mark.parametrize("text, fact, target", [
    ("This government is worse than the Khmer Rouge regime.", "statement.insults",
     "government"),
    ("The provincial governor rules the villagers like Hitler.", "statement.insults",
     "official"),
    ("Hun Manet is following in the footsteps of Pol Pot.", "statement.insults", "politician"),
    # a negation that denies the difference says the likeness
    ("The Defence Minister is no better than Idi Amin.", "statement.insults", "official"),
    ("The judges are as cruel as Ta Mok.", "statement.insults", "court"),
])
def test_a_tyrant_comparison_insults_the_target(text, fact, target):
    assert target in labels(text).get(fact, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    # the tyrant named as history, not a likeness
    "Hun Sen defeated the Khmer Rouge in 1998, the ministry's booklet says.",
    "Survivors of the Pol Pot regime told the court about forced labour.",
    # the name owns another noun: an institution, not a comparison
    "The government, like the Khmer Rouge tribunal, must respect the victims' rights.",
    # a likeness denied
    "The new governor is not Pol Pot, and our members should judge him on his record.",
    # an NGO's measured criticism in similar words: a comparison with no tyrant
    "The government's new law is worse than the draft we commented on in May.",
])
def test_tyrant_comparison_near_misses_stay_clean(text):
    assert "statement.insults" not in labels(text), analyse(text).acts


# --- clause scope: an order received is not words reported ----------------------------------

@pytest.mark.parametrize("text, fact, target", [
    ("The man on the throne is a coward who signs whatever he is told.", "statement.insults",
     "king"),
    ("The commune chief is a liar who does as he is told.", "statement.insults", "official"),
    ("The soldiers were told to guard the border and they killed two farmers.",
     "statement.accuses", "security-forces"),
])
def test_an_order_received_is_not_attribution(text, fact, target):
    assert labels(text).get(fact) == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Villagers were told that the governor took the land.",
    "The governor stole the land, villagers were told.",
])
def test_told_that_still_reports(text):
    assert labels(text) == {"statement.reported_accusation": ["official"]}, analyse(text).acts


# --- a ruler said to owe its power to a foreign state: a claim of foreign control ------------

@pytest.mark.parametrize("text, target", [
    ("This government was installed by Hanoi and still obeys it.", "government"),
    ("Hun Sen was put in power by the Vietnamese.", "politician"),
    ("The judges were chosen by Beijing, not by our people.", "court"),
    ("The ruling party was created by Vietnam in 1979.", "party"),
])
def test_a_ruler_made_abroad_is_a_claim_of_foreign_control(text, target):
    facts = labels(text)
    assert facts.get("statement.foreign_control") is True, analyse(text).acts
    assert target in facts["statement.insults"]


@pytest.mark.parametrize("text", [
    # no foreign power made it
    "The government was created by the 1993 constitution.",
    # the one set up is no ruler; the government is one of its makers
    "The joint commission was set up by the government and Vietnam in 2006.",
    # aid, not power: an NGO's measured words in similar form
    "The Ministry of Health is supported by China in the fight against dengue.",
    "The Khmer Rouge regime was toppled by Vietnamese forces in 1979.",
])
def test_foreign_made_near_misses_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts
