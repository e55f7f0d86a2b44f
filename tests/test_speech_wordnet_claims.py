"""WordNet senses for claims, insults and stances (issue 13, session 30): each kind below names
the senses that say what it is (rules/lexicons/speech-acts.yaml), and a sentence whose only cue
is a word of those senses makes its finding; a word excluded for its other common sense, or a
sentence that misses the kind's other conditions, makes none."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse
from lawcheck.speech.lexicon import load_lexicon


def facts(text: str) -> set[str]:
    return {a.fact for a in analyse(text).acts if a.mode in ("asserted", "reported")}


def kind(act_id: str):
    return next(a for a in load_lexicon().acts if a.id == act_id)


@pytest.mark.parametrize("act_id, word, text, fact", [
    ("accuse", "pilfer", "The provincial governor pilfered the relief funds for the flood victims.",
     "statement.accuses"),
    ("lying", "misinform", "The minister misinformed the National Assembly about the dam.",
     "statement.accuses"),
    ("insult", "double-crosser", "The Prime Minister is a double-crosser.", "statement.insults"),
    ("demeaning-name", "lowlife", "The provincial governor is a lowlife.", "statement.insults"),
    ("stance-government", "fiendish", "This fiendish government must answer for its crimes.",
     "statement.insults"),
    ("stance-leader", "diabolical", "Hun Sen is diabolical.", "statement.insults"),
    ("judge", "slanted", "The Appeal Court is slanted against the opposition.",
     "statement.court_claims"),
    ("stance-court", "venal", "The Phnom Penh Municipal Court is venal.",
     "statement.court_claims"),
    ("territory", "relinquish", "The government plans to relinquish Koh Tral.",
     "statement.territory_claim"),
    ("territory-given", "give up", "The minister agreed to give up Koh Tral to Vietnam.",
     "statement.territory_claim"),
    ("foreign-control", "vassal", "The ruling party is a vassal of Hanoi.",
     "statement.foreign_control"),
])
def test_a_word_only_wordnet_gave_makes_the_finding(act_id, word, text, fact):
    act = kind(act_id)
    assert word in act.wordnet and word not in act.cues
    assert fact in facts(text)


@pytest.mark.parametrize("act_id, word, text, fact", [
    # excluded: its common sense in news is another
    ("accuse", "torment", "The prime minister said he was tormented by the suffering of the "
     "flood victims.", "statement.accuses"),
    ("accuse", "cheat", "The ministry warned that online scams cheat people of their savings.",
     "statement.accuses"),
    ("lying", "mislead", "The Ministry of Commerce fined the company for misleading "
     "advertisements.", "statement.accuses"),
    ("insult", "swindler", "Police arrested two swindlers at Orussey market.",
     "statement.insults"),
    ("stance-government", "oppressive", "The government warned of oppressive heat this week.",
     "statement.insults"),
    ("judge", "discriminatory", "The court struck down the discriminatory rule.",
     "statement.court_claims"),
    ("territory", "give up", "We will never give up our land, the villagers told the "
     "provincial governor.", "statement.territory_claim"),
])
def test_an_excluded_word_makes_no_finding(act_id, word, text, fact):
    act = kind(act_id)
    assert word not in act.wordnet and word not in act.cues
    assert fact not in facts(text)


def test_a_wordnet_word_still_needs_the_kinds_other_conditions():
    # a servile name with no foreign power named claims no foreign control (needs)
    assert "statement.foreign_control" not in facts("The minister is surrounded by yes-men.")
    # a leader's cruelty word said of something else, not of him (reach)
    assert "statement.insults" not in facts("Hun Sen condemned the diabolical attack on "
                                            "the pagoda.")
