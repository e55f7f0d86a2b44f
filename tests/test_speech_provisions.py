"""A sentence written as a provision of a law (issue 13, s30, false alarms on law texts).

A helper's reading took a "shall" after a noun, with no word of the speaker or the one spoken to
and no "!", as a provision, so its acts were quoted law: law-text tune false alarms 25 -> 17.
The lead took it out before it landed: the same shape is a threat or a prophecy in a post ("The
traitors shall pay for selling Khmer land", "Soldiers shall refuse the orders of the dictator"),
and the reading made those clean, the worst error lawcheck can make. The provisions below stay
false alarms until a reading tells the law's voice apart by more than "shall" (a role noun as
subject, no sensitive target in the sentence): strict xfails, so a fix shows. The sentences
are written for these tests, not taken from any labelled set or law text.

s31: they pass now. The court-claim words in four of them describe another noun ("a partial
sale", "the price of the leased plot": lawcheck/speech/qualified.py and its tests);
the call in the first is read in the law's voice (lawcheck/speech/law_voice.py): a gathering
word whose subject before "shall" or "may" is a role noun of law, with no word of the speaker,
no "!", no other stance word, no leader, party or King named, no day or place of an event and
no state body as the place the crowd goes."""

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
    # s31: more provisions, in other words (the lessee's is cleared by the law's-voice
    # reading; the other three were clean before and guard it)
    "The lessee shall occupy the premises only for the purposes named in the lease.",
    "The committee may meet at the request of one third of its members.",
    "Any person who organises a march without giving notice shall be fined.",
    "The organisers of a gathering shall inform the local authority five days before it.",
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
    # no word of the speaker, no "!": the shape the reverted reading took for a provision
    ("This dictatorship shall fall, and Hun Sen shall be driven out.", "statement.calls",
     "overthrow"),
    ("Soldiers shall refuse the orders of the dictator.", "statement.calls", "overthrow"),
    ("The traitors shall pay for selling Khmer land to Vietnam.",
     "statement.territory_claim", True),
    # s31: a role noun of law as the subject, but a day, a place of protest, a state body as
    # where the crowd goes, or another stance word in the sentence: still a call
    ("The association shall gather at Freedom Park on Sunday.", "statement.calls", "gather"),
    ("The association shall march to the National Assembly.", "statement.calls", "march"),
    ("The owners shall occupy the ministry until the corrupt governor resigns.",
     "statement.calls", "gather"),
    ("The committee shall march to the Prime Minister's house tomorrow morning.",
     "statement.calls", "march"),
    # anyone who … with no sanction after it is no law's shape
    ("Whoever is a patriot shall join the march.", "statement.calls", "march"),
    ("Any person who loves Cambodia shall join the strike.", "statement.calls", "strike"),
])
def test_a_shall_in_the_speakers_own_voice_still_calls(text, fact, value):
    found = labels(text).get(fact, [])
    assert found is True if value is True else value in found
