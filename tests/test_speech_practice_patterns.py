"""Statement patterns the authorities punished that the analyser reads as facts for the practice
rules (rules/kh/practice.yaml, issue 13 and the precedent gaps): each pattern with the words of
its precedents, wordings of the same pattern the precedents do not hold, and the benign
neighbours it must leave alone."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

FOREIGN_BACKED = "statement.foreign_backed_change"


def fact(text: str, name: str):
    return analyse(text).facts[name]


# --- foreign-backed change of leaders -------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the precedents' own words (2017, 2023, 2015)
    "Our movement has support and advice from American democracy groups; with their help we "
    "will change the leaders of Cambodia.",
    "Advisers paid by the United States help us plan how to change the country's leaders, "
    "following the Serbian example.",
    "Who will stand with me to start a colour revolution and bring down this rotten government?",
    # the same pattern in other words
    "Foreign experts are training our activists so that we can replace the government next year.",
    "With money from Washington we will topple the regime.",
    "It is time for a color revolution in Cambodia.",
])
def test_foreign_support_for_a_change_of_leaders_is_read(text):
    assert fact(text, FOREIGN_BACKED) is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a donor thanked, support on a training: no change of leaders
    "We thank the European Union and USAID for funding this project on commune leadership.",
    "With support from the EU, we trained 40 commune councillors on good governance.",
    # the change is described, denied, asked about or reported from someone else
    "Since the change of government in 2023, American investment has grown.",
    "We never sought American support to change the government.",
    "Do you think the opposition will change the government with American help?",
    "The government accused the opposition of plotting with the United States to topple the "
    "government.",
    "We reject the claim that civil society is plotting a colour revolution.",
    # a change of leaders with no foreign backing is another pattern (overthrow), not this one
    "We will change the government at the ballot box.",
])
def test_no_foreign_backed_change_in_these(text):
    assert fact(text, FOREIGN_BACKED) is False, analyse(text).acts


# --- the head of government told to go, or said to have failed the country -----------------

LEADER_MUST_GO = "statement.leader_must_go"


@pytest.mark.parametrize("text", [
    # the 2025 Takeo posts
    "The Prime Minister has failed the country; he cannot protect our border or our people and "
    "should step aside.",
    # the same pattern in other words
    "We call on Hun Manet to step down.",
    "It is time for the Prime Minister to resign.",
    "This regime is unfit to lead and must go now.",
    "The government has failed the people.",
])
def test_a_call_that_the_head_of_government_go_is_read(text):
    assert fact(text, LEADER_MUST_GO) is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a minister told to resign over a named scandal: accountability, no precedent punished it
    "We call on the Minister of Environment to resign over the logging scandal.",
    # an announcement, a report of others' call, an unrelated 'go'
    "Hun Sen will step down in August and hand power to his son.",
    "The opposition called on Hun Sen to step down.",
    "The ministry should go further in protecting workers.",
    "The government should go ahead with the new labour law.",
])
def test_no_call_that_the_head_of_government_go_in_these(text):
    assert fact(text, LEADER_MUST_GO) is False, analyse(text).acts


# --- alarming claims called false news ------------------------------------------------------

ALARMING = "statement.alarming_claim"


@pytest.mark.parametrize("text", [
    # the precedents' words (2020, 2021, 2024, 2025)
    "Three students at our school have the coronavirus and three people in our province have "
    "already died of it, but nobody is telling us.",
    "Do not take the government's vaccine; the injections are dangerous.",
    "Watch us get kidnapped on the streets of Sihanoukville: this is how dangerous the city "
    "really is.",
    "A former soldier tells us our troops at the border go hungry and are not ready to fight.",
    # the same pattern in other words
    "The hospital is covering up the dengue deaths in our district.",
    "Officials are hiding the real number of cholera cases.",
    "Our soldiers at the front line have run out of ammunition.",
])
def test_an_alarming_claim_is_read(text):
    assert fact(text, ALARMING) is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    # an NGO relaying the health ministry's own figures or advice
    "The Ministry of Health confirmed three new COVID-19 cases in Kampot; the vaccine is safe "
    "and free at health centres.",
    "Following the Ministry of Health's advice, we ask all staff to get vaccinated.",
    # a rumour rebutted, humanitarian need, troops helping
    "Rumours that the vaccine is dangerous are false.",
    "We delivered rice to 300 displaced families who have no food.",
    "Soldiers helped villagers who had no food after the floods.",
    "Children in flood-hit villages go hungry, the Red Cross said.",
    # something hidden that is no epidemic, disaster or troops
    "The company is hiding the truth about the land deal.",
])
def test_no_alarming_claim_in_these(text):
    assert fact(text, ALARMING) is False, analyse(text).acts


# --- the government said to act against the country or its people ----------------------------

@pytest.mark.parametrize("text, target", [
    # the 2021 Telegram messages, the 2023 and 2024 speeches abroad
    ("My father is no traitor; the ruling party officials who jailed him are the ones destroying "
     "the nation.", "official"),
    ("The government in Phnom Penh serves only its own people and discriminates against those "
     "who support the opposition.", "government"),
    ("The government pushes our people into bank debt.", "government"),
    # the same pattern in other words
    ("The government is taking people's land.", "government"),
    ("Provincial officials sell the forest for their own profit.", "official"),
    # officials who let others destroy for profit (2024 quarry post)
    ("Look at what the quarry is doing to our sacred mountain: officials let them blast it "
     "away for profit.", "official"),
    # a demand that it stop still says it does it (2025 airport-land post)
    ("They got nothing fair in return and the government must stop taking people's land.",
     "government"),
])
def test_the_government_said_to_harm_its_people_is_accused(text, target):
    assert target in fact(text, "statement.accuses"), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The new law discriminates against women workers.",
    "We call on the government not to discriminate against people living with HIV.",
    "The company is taking people's land, villagers told the provincial authorities.",
    # a wrong named as a noun that the government is asked to end is not its deed
    "We urge the government to stop land grabbing.",
    "The ministry registers not-for-profit organisations and for-profit companies separately.",
    "The ministry must end the killing of wildlife.",
])
def test_no_accusation_of_the_government_in_these(text):
    accused = set(fact(text, "statement.accuses"))
    assert not accused & {"government", "official"}, analyse(text).acts


# --- Khmer: the one word of these patterns the Khmer lexicon holds ----------------------------

def test_a_khmer_call_for_a_colour_revolution_is_read_and_a_reported_one_is_not():
    called = analyse("សូមចូលរួមបដិវត្តន៍ពណ៌។", language="km")
    assert called.facts[FOREIGN_BACKED] is True, called.acts
    reported = analyse("រដ្ឋាភិបាលចោទថាអង្គការនេះរៀបចំបដិវត្តន៍ពណ៌។", language="km")
    assert reported.facts[FOREIGN_BACKED] is False, reported.acts


# --- faith in a court's decision said to be lost ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The casino forced a young worker to confess to something she denies, and the court charged "
    "her anyway; I have lost faith in that decision.",
    "We have no confidence in the verdict against the activists.",
])
def test_faith_lost_in_a_court_decision_is_a_claim_about_the_verdict(text):
    assert "verdict" in fact(text, "statement.court_claims"), analyse(text).acts


def test_faith_lost_in_a_ministry_decision_claims_nothing_of_a_court():
    text = "We have lost faith in the ministry's decision to approve the dam."
    assert fact(text, "statement.court_claims") == [], analyse(text).acts


# --- the King or the royal family blamed for political events --------------------------------

def test_the_king_blamed_for_a_political_event_is_accused():
    text = ("The King and the royal family helped dissolve the opposition party and let Khmer "
            "land be lost; the palace has sided with those in power against the people.")
    assert {"king", "royal-family"} <= set(fact(text, "statement.accuses")), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The King signed the decree dissolving the party.",
    "The King has never abandoned the people.",
])
def test_the_kings_acts_described_or_blame_denied_accuse_no_one(text):
    assert "king" not in fact(text, "statement.accuses"), analyse(text).acts
