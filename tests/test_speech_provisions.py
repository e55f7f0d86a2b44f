"""A sentence written as a provision of a law (issue 13, s30, false alarms on law texts): a
"shall" after a noun, with no word of the speaker or the one spoken to, states a duty or a rule
of procedure; it calls no one to gather and says nothing of a judge. A "shall" in the speaker's
own voice, or a cry with "!", is still read as before. The sentences are written for these
tests, not taken from any labelled set or law text."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


@pytest.mark.parametrize("text", [
    "The occupant shall occupy the plot openly and in good faith for five years.",
    "Claims relating to the boundaries of a concession shall be referred to the Provincial Court.",
    "The price of the leased plot shall be set by a surveyor named by the municipal court.",
    "A partial sale by one heir shall be void unless the other heirs agree, as the court may "
    "confirm.",
    "Every transfer of a title shall follow the rules for sales, gifts or exchange, or a court "
    "judgment.",
])
def test_a_provision_in_the_laws_voice_calls_and_claims_nothing(text):
    assert labels(text) == {}


@pytest.mark.parametrize("text, fact, value", [
    ("We shall march to the National Assembly on Monday.", "statement.calls", "march"),
    ("Workers, we shall strike until the wages are paid.", "statement.calls", "strike"),
    ("They shall pay for this: burn their offices to the ground.", "statement.calls",
     "violence"),
    ("The dictator shall fall! Everyone to Freedom Park tomorrow!", "statement.calls", "gather"),
    ("Tenants shall occupy the ministry's lobby until our homes are returned, so join us.",
     "statement.calls", "gather"),
])
def test_a_shall_in_the_speakers_own_voice_still_calls(text, fact, value):
    assert value in labels(text).get(fact, [])
