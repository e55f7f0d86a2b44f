"""A passive harm with no agent reaches the actor of the sentence (or clause) before it when
that actor did a related deed (issue 13, session 31; lawcheck/speech/carried.py): risky
sentences that must accuse the actor, and benign ones with the same words that must not."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

ACCUSES = "statement.accuses"


@pytest.mark.parametrize("text, accused", [
    ("The district governor signed the eviction order in March. Forty families were later beaten "
     "and driven from the lake shore.", "official"),
    ("Soldiers detained the monk on Friday. The monk was tortured for two days.",
     "security-forces"),
    ("The provincial authorities leased the island to a casino developer. Fishing families were "
     "forcibly evicted.", "government"),
    ("The Ministry of Interior sent riot police to the factory. Striking workers were then beaten "
     "with batons.", "government"),
    ("Military police surrounded the village at dawn. Three farmers were then shot in the rice "
     "fields.", "security-forces"),
    ("The government granted the land to a sugar company, and hundreds of families were evicted "
     "by force.", "government"),
    ("The provincial government granted the land to a sugar company. Hundreds of families were "
     "then evicted by force and the houses burned.", "government"),
])
def test_a_passive_harm_with_no_agent_accuses_the_actor_named_before(text, accused):
    assert accused in analyse(text).facts[ACCUSES], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The government opened a new school. Classes were then held in the morning.",
    "The ministry registered the association. Members were then trained.",
    # the actor only looked into the wrong, helped, or thanked
    "The ministry opened an inquiry into the land dispute. Two journalists were then beaten in "
    "Kratie.",
    "The provincial government compensated the families. The families had been evicted by force "
    "in 2008.",
    "The governor thanked the volunteers. Several volunteers were later injured in a road "
    "accident.",
    # no related deed, a doer or a mishap named, the deed denied, the harm told first
    "The police arrested two men for the robbery. A shop owner had been beaten during the robbery.",
    "The government sent rescue teams to the flooded district. Two children were then killed in a "
    "landslide.",
    "The commune council registered the new association. Members were then threatened by unknown "
    "men.",
    "The police did not arrest the activists. The activists were then beaten in the market.",
    "Two families were evicted by force in 2019. The provincial government then gave the families "
    "new plots.",
])
def test_no_related_deed_or_a_named_doer_carries_no_accusation(text):
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts
