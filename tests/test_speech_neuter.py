"""A wrong named as a noun and then "it" (issue 13, seventh round, precision): "it" after the cue,
with no one named before, points back to the wrong or to a thing, not to an unnamed person, and
fighting "it" is fighting the wrong, not a call to violence."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


@pytest.mark.parametrize("text", [
    "Bribery in schools is a disease; every parent must help us fight it.",
    "Extortion at checkpoints hurts small traders, and the whole country must tackle it.",
    "Corruption harms every family, and all of us must fight it together.",
    "Land grabbing leaves families with nothing; our network exists to stop it.",
])
def test_a_wrong_fought_as_it_accuses_no_one_and_calls_no_violence(text):
    assert labels(text) == {}


@pytest.mark.parametrize("text, fact, value", [
    # a person still stands behind "he", and "fight him" / "fight them" is still a call
    ("He is corrupt and we must fight him.", "statement.calls", ["violence"]),
    ("He is corrupt and we must fight him.", "statement.accuses", ["person"]),
    ("The police took bribes at the market. We must fight them in the streets.",
     "statement.calls", ["violence"]),
    # "it" after the cue still stands for someone named before it
    ("The company has been in our village for years. Land grabbing is what it does best.",
     "statement.accuses", ["company"]),
    # "it" before the deed, with no one named, is left as it was
    ("It stole our land.", "statement.accuses", ["person"]),
])
def test_a_person_a_named_doer_or_it_before_the_deed_still_counts(text, fact, value):
    assert labels(text).get(fact) == value
