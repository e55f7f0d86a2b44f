"""The analyser's generalising parts (issue 13): word forms by lemma, clause scope, stance toward
sensitive targets, and the false alarms they must not raise."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse
from lawcheck.speech.lemmas import expand, forms, lemma


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


def test_lemma_table_ships_with_spacy_lookups_data():
    assert lemma("plundering") == "plunder"
    assert lemma("sold") == "sell"


def test_forms_keep_other_words_apart():
    assert {"selling", "sells", "sell"} <= set(forms("sold"))
    assert "clear" not in forms("cleared")      # a participle is not its bare verb
    assert "clearer" not in forms("clear")      # comparison is not inflection
    assert "lay" not in forms("lie") and forms("lies") == ("lies",)
    assert expand("sold the country")[0] == "sold the country"
    assert "selling the country" in expand("sold the country")


def test_a_cue_matches_in_its_other_forms():
    # the lexicon lists "plunder" and "plundered"; "plundering" comes from the lemma table
    assert labels("The district governor is plundering the forest.") == {
        "statement.accuses": ["official"]}


def test_a_court_that_released_someone_is_not_pressed():
    assert labels("The court released the accused after the charges were withdrawn by the "
                  "prosecutor last week; the family thanked our lawyers.") == {}
