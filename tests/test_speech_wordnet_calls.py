"""WordNet senses for the call kinds (issue 13, session 30; speech-acts.yaml `wordnet:` of
gather, march, overthrow-weak, remove-government, end-rule, violence, discrimination and
appeal-forces): a sentence whose only cue is a word the chosen senses gave makes the act, and a
sentence with a word of those senses left out under `exclude` (or only ambiguous) stays clean.
Also: the build names the same sense for a word every run."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse
from lawcheck.speech.lexicon import load_lexicon
from lawcheck.speech.wordnet_build import words_of


def found(text: str) -> set[tuple[str, object]]:
    """(fact, value) of every act the analyser asserts or reports in ``text``."""
    return {(a.fact, a.value) for a in analyse(text).acts if a.mode in ("asserted", "reported")}


class _Sense:
    """A WordNet sense as words_of reads it, with its narrower senses in a given order."""

    def __init__(self, name, lemmas, narrower=()):
        self._name, self._lemmas, self.narrower = name, lemmas, list(narrower)

    def name(self):
        return self._name

    def lemma_names(self):
        return self._lemmas

    def pos(self):
        return "v"

    def hyponyms(self):
        return self.narrower

    def similar_tos(self):
        return []


class _WordNet:
    def __init__(self, top):
        self.top = top

    def synset(self, name):
        return self.top


def test_a_word_under_two_narrower_senses_names_the_same_one_in_any_order():
    # NLTK keeps a sense's links in a set, so their order changes with Python's string hashing
    one = _Sense("murder.v.01", ["murder", "dispatch"])
    two = _Sense("dispatch.v.05", ["dispatch"])
    for order in ([one, two], [two, one]):
        top = _Sense("kill.v.01", ["kill"], order)
        assert words_of(_WordNet(top), "kill.v.01", 1)["dispatch"] == "dispatch.v.05"


def wordnet_only(kind: str, word: str) -> None:
    """``word`` comes to ``kind`` from its WordNet senses, not from its own cues."""
    act = next(a for a in load_lexicon().acts if a.id == kind)
    assert word in act.wordnet and word not in act.cues + act.strong


@pytest.mark.parametrize("kind, word, text, act", [
    ("gather", "congregate", "We call on all villagers to congregate at the provincial hall "
     "on Monday.", ("statement.calls", "gather")),
    ("march", "march out", "Tomorrow we will march out from the pagoda to the ministry.",
     ("statement.calls", "march")),
    ("overthrow-weak", "depose", "We will depose those in power.",
     ("statement.calls", "overthrow")),
    ("remove-government", "supplant", "We must supplant this government.",
     ("statement.calls", "overthrow")),
    ("end-rule", "terminate", "Together we will terminate Hun Sen's rule.",
     ("statement.calls", "overthrow")),
    ("violence", "assassinate", "Everyone must assassinate the guards at the gate tomorrow.",
     ("statement.calls", "violence")),
    ("violence", "rough up", "Brothers, we must rough up the company guards when they come.",
     ("statement.calls", "violence")),
    ("discrimination", "turf out", "Together we must turf out the Chinese from our village.",
     ("statement.discrimination", True)),
    ("appeal-forces", "mutiny", "Soldiers must mutiny against their commanders.",
     ("statement.calls", "overthrow")),
])
def test_a_word_only_the_senses_gave_makes_the_call(kind, word, text, act):
    wordnet_only(kind, word)
    assert act in found(text)


@pytest.mark.parametrize("text", [
    # words of the chosen senses left out: an agreement, a report to file, poverty and
    # corruption ended, a law replacing a law, a harm reported, a metaphor, prejudice dispelled
    "We urge all members to converge on a common position before the meeting.",
    "Everyone must file the report by Friday.",
    "We must eliminate poverty and eradicate corruption together.",
    "The new sub-decree will supersede the ministry's old prakas.",
    "We call for an investigation after villagers were set upon by company guards.",
    "The draft law will strangle civil society and we urge the Assembly to reject it.",
    "We must banish prejudice against Vietnamese and Cham communities.",
    "Tourists will flock to the coast this holiday, so we urge the authorities to enforce "
    "safety rules.",
    "The floods will annihilate the harvest unless we act now.",
    "Together we must besiege the ministry with letters and petitions.",
    "Many Vietnamese families lived in exile for years.",
    "We call for justice for the murder of Kem Ley.",
    # a word the senses gave, but not as a call: a contract ended, a charge reported
    "The ministry will terminate the contracts of the workers.",
    "Three soldiers were charged with mutiny last year.",
    # a board member's duty, not a boycott (abstain.v.01 left unmapped)
    "A board member with a conflict of interest shall abstain from the vote.",
])
def test_a_left_out_or_ambiguous_word_stays_clean(text):
    assert not {f for f in found(text) if f[0] in ("statement.calls", "statement.discrimination")}
