"""Wrong-clean families of issue 13 (the safety floor), nineteenth round, found by probing with
sentences written for the purpose (none from a labelled set):

- the leader by his title alone ("Samdech") or by his kin ("the Prime Minister's son"), and a party
  pointed at by what it is made of ("that party of leeches"): parties.yaml;
- the courts said to be owned or bought by a party or a leader (court-owned), or to be someone's
  tool in the possessive ("the landlord's tool");
- a rank or degree bought (bought-office), an envelope taken from a company (envelope-taken);
- a deed told after a subject described by an arrest ("the judge who jailed our activists took
  bribes": qualified.acted_upon no longer reads the deed as the arrest's object);
- captivity said of a royal or the King ("kept like a hostage by the regime"), the King as a
  puppet whose strings someone pulls (king-strings);
- death promised to whoever acts (threat-whoever).

Risky sentences in words of their own must be caught; benign ones with the same surface words must
stay clean.
"""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

ACCUSES = "statement.accuses"
COURT = "statement.court_claims"
INSULTS = "statement.insults"
CALLS = "statement.calls"


def asserted(text: str, fact: str) -> list:
    return [a.value for a in analyse(text).acts if a.fact == fact and a.mode == "asserted"]


def core(text: str) -> list:
    return [(a.fact, a.value) for a in analyse(text).acts
            if a.fact in (ACCUSES, COURT, INSULTS, CALLS)]


# --- the leader by title or by kin; a party by what it is made of ---

@pytest.mark.parametrize("text, value", [
    ("Samdech's family steals from the poor every single day.", "politician"),
    ("Samdech has looted the national budget for thirty years.", "politician"),
    ("The Prime Minister's son bought his general's stars with his father's money.",
     "politician"),
    ("The Prime Minister's wife has grabbed the land of three villages.", "politician"),
    ("That party of leeches has sucked the country dry.", "party"),
])
def test_a_leader_by_title_or_kin_and_a_party_by_its_epithet_are_accused(text, value):
    assert value in asserted(text, ACCUSES) + asserted(text, INSULTS), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Samdech visited the flood victims in Kratie and handed out rice.",
    "The Prime Minister's wife opened the new hospital wing on Monday.",
    "The Prime Minister's son graduated from a military academy abroad.",
    "I hate that party.",
    "This party will bring together our volunteers and donors.",
])
def test_a_title_kin_or_party_with_no_wrong_said_is_clean(text):
    assert core(text) == [], analyse(text).acts


# --- the courts owned, bought or someone's tool ---

@pytest.mark.parametrize("text", [
    "The Prime Minister's family owns the judges like it owns the casinos.",
    "The ruling party bought every judge in Kandal.",
    "Hun Sen owns the courts, everyone in this province knows it.",
    "The court is the landlord's tool.",
    "Our appeal court is the tycoon's puppet.",
    "Hun Sen keeps the judges in his pocket.",
])
def test_a_court_said_to_be_owned_or_someones_tool_is_a_claim_about_judges(text):
    assert "judge" in asserted(text, COURT), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The court owns the building next to the market.",
    "The government controls the budget of the courts.",
    "The Ministry of Justice runs training for the judges.",
    "The ruling party ran a training for judges on the new code.",
    "The court's staff moved the files to the new archive.",
])
def test_what_a_court_owns_or_an_office_runs_for_it_is_no_claim(text):
    assert "judge" not in asserted(text, COURT), analyse(text).acts


# --- an office bought, an envelope taken, a deed after a described subject ---

@pytest.mark.parametrize("text", [
    "The minister bought his post from the party.",
    "The deputy governor paid for his promotion with the commune's money.",
    "Hun Manet bought his degree.",
    "The governor took a fat envelope from the tycoon.",
    "The judge who jailed our activists took an envelope from the company.",
    "The judge who jailed our activists took bribes.",
    "The police chief who arrested the farmers stole their cattle.",
])
def test_an_office_bought_or_a_bribe_taken_accuses_the_one_named(text):
    assert asserted(text, ACCUSES), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The minister bought his house in 2010.",
    "The governor bought his seat on the plane with his own money.",
    "The commune chief received an envelope from the NGO with the forms.",
    "Police arrested two men who robbed the bank.",
    "Police arrested the suspects who stole the motorbikes.",
    "The court convicted the men who killed the ranger.",
    "Police caught two robbers near the bus station.",
])
def test_a_purchase_an_errand_or_an_arrest_of_others_accuses_no_official(text):
    assert asserted(text, ACCUSES) == [], analyse(text).acts


# --- captivity and strings: the King and the royals ---

@pytest.mark.parametrize("text, fact, value", [
    ("The Queen Mother is kept in Beijing like a hostage by the regime.", ACCUSES,
     "government"),
    ("His Majesty is kept like a hostage by the regime.", INSULTS, "king"),
    ("The palace is a puppet theatre and we all know who pulls the strings.", INSULTS, "king"),
    ("The King dances to the tune of the old man.", INSULTS, "king"),
])
def test_a_royal_held_captive_or_worked_on_strings(text, fact, value):
    assert value in asserted(text, fact), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Royal Ballet performed a puppet theatre show at the palace.",
    "The minister pulls the strings in the ministry, his staff say.",
    "The King received the Queen Mother at the palace after her return from Beijing.",
])
def test_puppets_and_strings_away_from_the_king_insult_no_one(text):
    assert "king" not in asserted(text, INSULTS), analyse(text).acts


# --- death promised to whoever acts ---

@pytest.mark.parametrize("text", [
    "Whoever touches our land again will be buried in it.",
    "Anyone who sells the forest will be shot.",
    "Whoever comes back to this village will not leave alive.",
    "Anybody who talks to the journalists will leave in a coffin.",
])
def test_death_promised_to_whoever_acts_is_a_call_to_violence(text):
    assert "violence" in asserted(text, CALLS), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The victims will be buried on Sunday in their home village.",
    "Those who died in the flood will be buried in the village.",
    "Anyone who dies in the camp will be buried there, the rules say.",
    "Whoever wins will be sworn in next month.",
    "Anyone who enters the minefield will be killed, the deminers warned.",
    "Anyone who has a fever will be tested at the health centre.",
])
def test_burials_dangers_and_oaths_promise_no_death(text):
    assert "violence" not in asserted(text, CALLS), analyse(text).acts


# --- second probe of the round: ballots, orders from above, dens of lies, deaths let happen,
# --- people disappeared, crime trades run, leaders' words written abroad, people called poison

@pytest.mark.parametrize("text, fact, value", [
    ("Do not go to the polling station; a low turnout is the only vote that counts.", CALLS,
     "abstain"),
    ("Stay away from the polling stations on Sunday.", CALLS, "abstain"),
    ("The investigating judge has not read the file; the order came from above.", COURT,
     "judge"),
    ("The Ministry of Interior is a factory of lies.", INSULTS, "government"),
    ("The provincial court is a den of thieves.", INSULTS, "court"),
    ("The health minister let children die so his cousin's company could sell fake medicine.",
     ACCUSES, "official"),
    ("The authorities disappeared our colleague and now pretend to search for him.", ACCUSES,
     "government"),
    ("The district police run the drug trade in this town.", ACCUSES, "security-forces"),
    ("The governor protects the smuggling ring on the river.", ACCUSES, "official"),
    ("The commune chief handed out rice for votes in front of everyone.", ACCUSES, "official"),
])
def test_second_probe_wordings_are_caught(text, fact, value):
    assert value in asserted(text, fact), analyse(text).acts


def test_a_count_cooked_accuses_the_election_body():
    text = "The election commission cooked the numbers before a single vote was cast."
    assert "government" in asserted(text, ACCUSES), analyse(text).acts


def test_people_called_poison_is_discrimination():
    text = "The Vietnamese settlers are a poison spreading along the Mekong."
    assert analyse(text).facts["statement.discrimination"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The court sentenced the two men to five years for drug trafficking.",
    "Police arrested three men for illegal timber smuggling.",
    "The police ran a drug awareness day at the school.",
    "The party campaigned for votes in Kandal.",
    "Police are investigating the disappearance of a fisherman in Kampot.",
    "We must not let children die of dengue this rainy season.",
    "Polling stations will open at 7am; please go to the polling station early.",
    "The ministry received the order from the top court on Monday.",
])
def test_second_probe_benign_wordings_stay_clean(text):
    assert [a for a in analyse(text).acts
            if a.fact in (ACCUSES, COURT, INSULTS, CALLS)] == [], analyse(text).acts


# --- third probe of the round, statements of several sentences: a court answering to one man,
# --- blame laid in advance for a harm foreseen, a harm told and then said to be ordered

@pytest.mark.parametrize("text, fact, value", [
    ("My father was jailed for nothing. The judges in this country answer to one man, and "
     "everybody knows his name.", COURT, "judge"),
    ("This is my last message. If anything happens to me, the governor and his men are "
     "responsible.", ACCUSES, "official"),
    ("If I die, the company and the provincial police will bear the responsibility.", ACCUSES,
     "security-forces"),
    ("Three families were beaten yesterday by men in uniform. The district chief ordered it.",
     ACCUSES, "official"),
])
def test_third_probe_wordings_are_caught(text, fact, value):
    assert value in asserted(text, fact), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The ministry is responsible for registering associations.",
    "If anything happens to me, my sister is responsible for the shop.",
    "The new road opened on Monday. The governor ordered it.",
    "The governor gave the order to start the ceremony.",
    "Lawyers answer to the bar association, not to their clients.",
])
def test_third_probe_benign_wordings_stay_clean(text):
    assert [a for a in analyse(text).acts
            if a.fact in (ACCUSES, COURT, INSULTS, CALLS)] == [], analyse(text).acts


# --- people shot or fired on by the one named (task G's probe: "the police shot him" was clean)

@pytest.mark.parametrize("text", [
    "The police shot him.",
    "The police shot the protester outside the factory.",
    "The military police fired on the demonstrators at Veng Sreng.",
    "The bodyguards attacked the journalists in front of the ministry.",
])
def test_people_shot_or_attacked_by_the_one_named_are_an_accusation(text):
    assert "security-forces" in asserted(text, ACCUSES), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The police shot a video of the farmers' meeting.",
    "Gunmen shot the police officer near the market.",
    "The company fired the workers who joined the union.",
])
def test_a_video_a_dismissal_or_a_victim_in_uniform_accuses_no_one_named(text):
    assert "security-forces" not in asserted(text, ACCUSES), analyse(text).acts
