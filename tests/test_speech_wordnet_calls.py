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
