"""A sentence written as a provision of a law (issue 13, s30, false alarms on law texts).

A helper's reading took a "shall" after a noun, with no word of the speaker or the one spoken to
and no "!", as a provision, so its acts were quoted law: law-text tune false alarms 25 -> 17.
The lead took it out before it landed: the same shape is a threat or a prophecy in a post ("The
traitors shall pay for selling Khmer land", "Soldiers shall refuse the orders of the dictator"),
and the reading made those clean, the worst error lawcheck can make. The provisions below stay
false alarms until a reading tells the law's voice apart by more than "shall" (a role noun as
subject, no sensitive target in the sentence): strict xfails, so a fix shows. The sentences
are written for these tests, not taken from any labelled set or law text."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


@pytest.mark.parametrize("text", [
    "The occupant shall occupy the plot openly and in good faith for five years.",
])
@pytest.mark.xfail(strict=True, reason="a provision's 'shall' is not told apart from a threat's")
def test_a_provision_in_the_laws_voice_calls_nothing(text):
    assert labels(text) == {}


# s31: the court-claim word describes another noun ("a partial sale", "the price of the leased
# plot"): lawcheck/speech/qualified.py, tests/test_speech_qualified.py
@pytest.mark.parametrize("text", [
    "Claims relating to the boundaries of a concession shall be referred to the Provincial Court.",
    "The price of the leased plot shall be set by a surveyor named by the municipal court.",
    "A partial sale by one heir shall be void unless the other heirs agree, as the court may "
    "confirm.",
    "Every transfer of a title shall follow the rules for sales, gifts or exchange, or a court "
    "judgment.",
])
def test_a_provision_in_the_laws_voice_claims_nothing_of_a_court(text):
    assert labels(text) == {}


@pytest.mark.parametrize("text, fact, value", [
    ("We shall march to the National Assembly on Monday.", "statement.calls", "march"),
    ("Workers, we shall strike until the wages are paid.", "statement.calls", "strike"),
    ("They shall pay for this: burn their offices to the ground.", "statement.calls",
     "violence"),
    ("The dictator shall fall! Everyone to Freedom Park tomorrow!", "statement.calls", "gather"),
    ("Tenants shall occupy the ministry's lobby until our homes are returned, so join us.",
     "statement.calls", "gather"),
    # no word of the speaker, no "!": the shape the reverted reading took for a provision
    ("This dictatorship shall fall, and Hun Sen shall be driven out.", "statement.calls",
     "overthrow"),
    ("Soldiers shall refuse the orders of the dictator.", "statement.calls", "overthrow"),
    ("The traitors shall pay for selling Khmer land to Vietnam.",
     "statement.territory_claim", True),
])
def test_a_shall_in_the_speakers_own_voice_still_calls(text, fact, value):
    found = labels(text).get(fact, [])
    assert found is True if value is True else value in found
