"""Accusations and insults told in new words (issue 13, "What the analyser must understand":
new wording). Grave wrongs told in the passive or with words between (seize, evict,
money-ended), wrongs hinted at (insinuate), demeaning names beyond the listed ones
(demeaning-name) and praise that stings (ironic-praise): rules/lexicons/speech-acts.yaml. Each
family is held by risky paraphrases and by benign sentences an NGO, a UN office or a donor
would write with the same surface words. The sentences are written for these tests, not taken
from any labelled set or probe file."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- land, homes and goods seized or taken, in either voice ------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Last year our farmland was confiscated by the police chief's men.", "official"),
    ("The district governor's soldiers grabbed the village plots one night in March.",
     "security-forces"),
    ("Their cattle were taken at dawn by soldiers working for the general.", "security-forces"),
    ("The land was taken from us by the deputy governor's men.", "official"),
    ("Our farms have been taken away by the company.", "company"),
])
def test_a_seizure_by_someone_named_is_an_accusation(text, who):
    assert who in facts(text).get("statement.accuses", [])


# --- people driven off their land, with words between ------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("The company chased forty families out of their homes with armed guards.", "company"),
    ("Soldiers from the general's unit pushed the villagers off the land.", "security-forces"),
])
def test_people_driven_off_their_land_by_someone_named_is_an_accusation(text, who):
    assert who in facts(text).get("statement.accuses", [])


# --- public money that ended up with someone's riches or kin -----------------------------------

@pytest.mark.parametrize("text", [
    "Aid for the flood victims ended up in the deputy governor's bank account.",
    "The donations somehow paid for the minister's new villa.",
])
def test_money_that_ended_up_with_an_official_is_an_accusation(text):
    assert "official" in facts(text).get("statement.accuses", [])


# --- the public's land or forests held by an office holder's kin; fake support bought ----------

@pytest.mark.parametrize("text, who", [
    ("The governor's son holds three of the concessions in the province.", "official"),
    ("The ruling party paid for thousands of fake followers.", "party"),
    ("Mr. Hun Sen has also bought millions of fake 'likes' from click farms.", "politician"),
])
def test_kin_holding_public_land_or_fake_support_bought_is_an_accusation(text, who):
    assert who in facts(text).get("statement.accuses", [])


# --- money vanished where an office holds it; taking for oneself, bribes, selling the commons --

@pytest.mark.parametrize("text, who", [
    ("The relief budget was quietly emptied by the provincial hall.", "government"),
    ("Half of the aid money disappeared after it reached the district office.", "government"),
    ("The commune chief helped himself to the compensation meant for the families.", "official"),
    ("The governor's men made off with our harvest.", "official"),
    ("The judge was handed an envelope before he read the verdict.", "court"),
    ("The trucks hauled away the timber while the forestry officials looked the other way.",
     "official"),
    ("Thank you, dear minister, for selling our rivers so cheaply.", "official"),
])
def test_idioms_of_taking_and_selling_are_accusations(text, who):
    assert who in facts(text).get("statement.accuses", [])


# --- a wrong hinted at -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Strange how every road contract in the province goes to the governor's brother-in-law.",
    "What a coincidence that the land next to the new airport belongs to the minister's son.",
])
def test_an_insinuation_about_an_official_is_an_accusation(text):
    assert "official" in facts(text).get("statement.accuses", [])


# --- demeaning names and praise that stings ----------------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("The commune chief is a cockroach who lives off our fees.", "official"),
    ("The ministers are vermin feeding on the nation.", "official"),
    ("Our dear leader is so brave he hides behind a wall of bodyguards.", "politician"),
    ("Our prime minister, the emperor of lies, spoke again today.", "official"),
    ("Our ministers are experts in one thing only: filling their own bellies.", "official"),
    ("The commune chief crawls on his knees whenever the oknha calls.", "official"),
    ("The police chief is the oknha's pet.", "official"),
    ("Look at our minister, a genius who lost a whole forest and found a new Lexus.",
     "official"),
    ("The head of the ministry is a brainless toy of the tycoons.", "government"),
])
def test_a_demeaning_name_or_stinging_praise_is_an_insult(text, who):
    assert who in facts(text).get("statement.insults", [])


# --- the same surface words, benign ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The land was taken for the road project with compensation agreed by the families.",
    "The forest was cleared by the company under its concession, the ministry said.",
    "Floods drove thousands of families out of their homes in Kratie.",
    "Rising prices pushed many farmers off their land.",
    "The money ended up in the school's account as planned.",
    "Funds for the clinic paid for a new maternity ward.",
    "We wonder whether the minister will publish the budget.",
    "It is strange that the ministry has not yet replied to our letter.",
    "The governor visited the pig farms to check for swine fever.",
    "The worms in the rice fields were treated by the agriculture office.",
    "The minister was so wise to listen to the farmers.",
    "The ministry's garbage collection contract was renewed.",
    "Rats and dogs carry rabies and other diseases that the health ministry tracks.",
    "The family owns the land they farm.",
    "The minister's family attended the opening of the forest reserve.",
    "The ministry warned buyers about fake medicines sold online.",
    "Consumers who bought fake products can complain to the ministry.",
    "The funds disappeared from the plan after the donor withdrew.",
    "The project budget was drained by the emergency response to the floods.",
    "The ministry's budget for schools vanished from the draft law, we regret to note.",
    "Children helped themselves to the fruit at the ministry's open day.",
    "We urge the police not to look the other way when children are trafficked.",
    "The Ministry of Commerce has a price monitoring unit for rice.",
    "Farmers sold their rice to traders at the border.",
    "The Ministry of Environment protects the forests and rivers of the province.",
    "The minister gave a toy to each child at the school.",
    "The land was seized by the provincial authorities under a court order of 2015.",
    "Our great leader, the Prime Minister, opened the bridge today.",
    "The governor's relatives own a rice mill in the district.",
    "Illegal timber was confiscated by the forestry administration last week.",
    "The aid budget went straight to the provinces, as the donors had asked.",
    "The governor's pet project, the riverside park, opened today.",
    "The minister knelt before the monks at the pagoda.",
    # words of the Land Law (2001), art. 56: a concessionaire's rights
    "A concessionaire may take the fruits of the land granted by the competent authorities.",
    "Water samples were taken from the river by the provincial environment department.",
])
def test_the_same_words_in_benign_sentences_accuse_and_insult_no_one(text):
    found = facts(text)
    assert not found.get("statement.accuses") and not found.get("statement.insults"), found


# --- "cleared": land or people cleared away, not an acquittal, a road or a kind of land ----------

@pytest.mark.parametrize("text", [
    "The company cleared the land of 300 families without compensation.",
    "Soldiers cleared the villagers from their farms at gunpoint.",
    "The company illegally cleared 200 hectares of community forest.",
])
def test_land_or_people_cleared_away_is_an_accusation(text):
    assert analyse(text).facts["statement.accuses"]


@pytest.mark.parametrize("text", [
    "The court cleared the three activists of all charges on Monday.",
    "The appeal court cleared him of wrongdoing.",
    "Police cleared the road after the accident.",
    "Immovable property by nature means all natural grounds such as forest land, cleared land, "
    "land that is cultivated, fallow or uncultivated.",
])
def test_an_acquittal_a_road_or_cleared_land_in_a_law_accuses_no_one(text):
    assert analyse(text).facts["statement.accuses"] == []


# --- praise that stings, with "that" or a word between (the cue's parts may have a gap of one) ---

@pytest.mark.parametrize("text, who", [
    ("Our great leader is so wise that he needs three bodyguards to cross the street.",
     "politician"),
    ("The Prime Minister is so very clever that he sold the islands twice.", "official"),
])
def test_stinging_praise_with_words_between_is_an_insult(text, who):
    assert who in facts(text).get("statement.insults", [])


@pytest.mark.parametrize("text", [
    "Our director is so wise that we all trust her.",
    "The prime minister said so, and wise men know that he is right.",
    "The children were so brave that they swam to the boat.",
])
def test_praise_of_no_official_or_words_far_apart_insult_no_one(text):
    assert "statement.insults" not in facts(text)
