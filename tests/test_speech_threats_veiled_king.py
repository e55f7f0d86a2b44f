"""Wrong-clean families of issue 13 (the safety floor), found by probing with sentences written for
the purpose: death threats in set phrases (act kind threat-death), the King named inside the cue
that mocks him ("not my King", "Hun Sen is the real King": targets.named_in_cue), a lie told
"when he said …" (context._saying_in_when_clause) and land said to have become the neighbour's
(territory-belong). Risky sentences in words of their own must be caught; benign ones with the
same surface words must stay clean."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

CALLS = "statement.calls"
INSULTS = "statement.insults"


def asserted(text: str, fact: str) -> list:
    return [(a.value, a.cue) for a in analyse(text).acts if a.fact == fact and a.mode == "asserted"]


# --- a death threat in a set phrase is a call to violence ---

@pytest.mark.parametrize("text", [
    "Your days are numbered, commune chief, and everyone in the village knows it.",
    "The land broker will pay with his blood for the houses he burned.",
    "Someone should put a bullet in the head of that provincial official.",
    "Deputy governor, stop the eviction: we know where your family lives.",
    "You lied to the villagers again. Prepare to die.",
    "Listen, police chief: you are a dead man if you come back here.",
])
def test_a_death_threat_is_a_call_to_violence(text):
    assert ("violence" in dict(asserted(text, CALLS))), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Garment workers paid with their blood for the minimum wage of 2014.",
    "Nobody should have to pay with their blood for a living wage.",
    "Soldiers must be ready to die for the nation, the general told the cadets.",
    "Hospice nurses help patients and their families prepare to die at home.",
    "The health team needs to know where you live before the clinic visit.",
    "Our days are numbered if the dam is built, villagers said.",
    "If you keep smoking, you will not live long, the nurse warned the patients.",
    "The journalist was found with a bullet in his head in 2016.",
    "Police put a bullet in the leg of a protester, witnesses told our monitors.",
    "Many elders will not live to see justice for the crimes of the Khmer Rouge.",
])
def test_the_same_words_told_as_past_or_care_threaten_no_one(text):
    assert "violence" not in dict(asserted(text, CALLS)), analyse(text).acts


# --- the King named inside the words that mock him ---

@pytest.mark.parametrize("text", [
    "Not my King.",
    "Hun Sen is the real King of this country.",
    "Everyone knows the Prime Minister is really the King here.",
    "Who is really the King in this country? The man with the crown or the man with the army?",
    "Who really rules this country, the King or the Prime Minister?",
])
def test_a_king_named_by_the_mocking_words_is_aimed_at(text):
    assert ("king" in dict(asserted(text, INSULTS))), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The lion is the real king of the forest.",
    "A true king serves his people, the monk said in his sermon.",
    "The King is the true king of all Khmers and we love him.",
    "King Norodom Sihamoni is the true King, crowned in 2004.",
    "Who is the King of Cambodia? The pupils answered the quiz correctly.",
    "Who will the King meet during his state visit to Japan?",
])
def test_the_king_called_what_he_is_or_a_king_of_beasts_is_no_mockery(text):
    assert "king" not in dict(asserted(text, INSULTS)), analyse(text).acts


# --- a lie told "when he said …": the saying is the lie, not a source (context._attributed) ---

ACCUSES = "statement.accuses"


@pytest.mark.parametrize("text", [
    "The governor told a lie when he said no one was hurt in the eviction.",
    "The deputy minister lied when he claimed the forest was already cleared.",
    "The police chief lied to the families after he announced that the body had been found.",
])
def test_a_lie_told_when_someone_said_something_is_the_writers_accusation(text):
    assert asserted(text, ACCUSES), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The governor is a liar, villagers said.",
    "The governor is a liar, as the villagers said after the meeting.",
    "Villagers said the governor lied when we met them on Monday.",
])
def test_a_lie_others_tell_of_stays_reported(text):
    assert not asserted(text, ACCUSES), analyse(text).acts


# --- land said to belong to the neighbour now (territory-belong) ---

TERRITORY = "statement.territory_claim"


@pytest.mark.parametrize("text", [
    "Whole villages of Takeo no longer belong to the Cambodians.",
    "The islands off Kampot have become Thai land while we slept.",
    "Much of the eastern border has quietly become Vietnamese land.",
])
def test_land_said_to_be_the_neighbours_now_is_a_territory_claim(text):
    assert asserted(text, TERRITORY), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Rice from Svay Rieng is often sold as Vietnamese rice at the border market.",
    "The border crossing became busier after the new road opened.",
    "The farmers of Takeo sold their harvest to Vietnamese traders.",
])
def test_trade_across_the_border_gives_no_land_away(text):
    assert not asserted(text, TERRITORY), analyse(text).acts


# --- the country bled or sucked dry by someone named (accuse) ---

@pytest.mark.parametrize("text", [
    "The minister's family has been bleeding our country dry for decades.",
    "The ruling party sucked the nation dry and calls it development.",
    "Those generals bled the people dry while the soldiers went unpaid.",
])
def test_the_country_bled_dry_by_someone_named_is_an_accusation(text):
    assert asserted(text, ACCUSES), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Loan sharks bled the villagers dry in Takeo.",
    "Three years of drought sucked the country dry.",
    "Our staff took an envelope of forms to the commune office.",
])
def test_drought_or_moneylenders_that_bleed_farmers_accuse_no_one_named(text):
    assert not asserted(text, ACCUSES), analyse(text).acts
