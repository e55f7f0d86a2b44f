"""Readings against false alarms by family (issue 13, session 29; lawcheck/speech/recounted.py):
benign sentences each reading must clear, and risky sentences with the same words it must keep."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- a passive of harm names its doer only after "by": a pronoun after it points at victims ---

@pytest.mark.parametrize("text", [
    "Many politicians and activists have been killed, have been jailed and many of them have "
    "been exiled.",
    "Two farmers were beaten and they were left on the road overnight.",
    "Several journalists were threatened last year, and some of them have since left the country.",
])
def test_a_pronoun_after_a_passive_of_harm_is_the_victim_not_the_doer(text):
    assert "statement.accuses" not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    ("Activists have been killed and the government is responsible.", "government"),
    ("Two farmers were beaten by them and then left on the road.", "person"),
    ("The farmer was beaten by the police and they left him on the road.", "security-forces"),
    ("They killed the activists and then they jailed their families.", "person"),
])
def test_a_doer_after_by_or_a_named_one_is_still_accused(text, accused):
    assert accused in labels(text).get("statement.accuses", []), analyse(text).acts


# --- a release or a dropped case told as done is news of a decision, not a demand on a court ---

COURT = "statement.court_claims"


@pytest.mark.parametrize("text", [
    "The charges against the nine villagers have since been dismissed.",
    "After the charges were dropped, she went back to work at the clinic.",
    "The prosecutor dropped the charges against the nine villagers in March.",
    "The judge dismissed the case for lack of evidence.",
    "The case was thrown out by the judge in May.",
    "Their release came after eleven months in pre-trial detention.",
])
def test_a_decision_told_as_done_is_no_pressure_on_a_court(text):
    assert analyse(text).facts[COURT] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We demand that the charges be dropped.",
    "We want the charges dropped.",
    "The charges must be dismissed.",
    "The judge should have dismissed the case.",
    "The charges should have been dropped long ago.",
    "The court must ensure the charges are dropped.",
    "Drop the charges now!",
    "These fabricated charges were dropped only after a year in jail.",
])
def test_the_same_words_asked_for_or_judged_still_press_the_court(text):
    assert analyse(text).facts[COURT] == ["pending-case"], analyse(text).acts


# --- someone else's past call, told as a deed, is news of the call, not the writer's call ------

CALLS = "statement.calls"


@pytest.mark.parametrize("text", [
    "The general picture is that the opposition handed its seats to the ruling party when it "
    "urged people to boycott the elections or spoil their ballot.",
    "In 2013 the union federation called on workers to strike for a higher minimum wage.",
    "The CNRP has repeatedly urged its supporters to gather at Freedom Park, the police said.",
])
def test_a_third_partys_past_call_is_recounted_not_made(text):
    assert analyse(text).facts[CALLS] == [], analyse(text).acts


@pytest.mark.parametrize("text, call", [
    ("We urged people to boycott the election.", "abstain"),
    ("The opposition urged voters to spoil their ballots, and we urge you to spoil yours too.",
     "abstain"),
    ("Villagers said: march to the ministry on Monday!", "march"),
    ("We would like also to call on the Cambodians to boycott Vietnamese products.", "boycott"),
    ("The union called on workers to strike in 2013, and we call on all workers to strike again "
     "on Monday.", "strike"),
])
def test_the_writers_own_call_or_a_call_repeated_still_counts(text, call):
    assert call in analyse(text).facts[CALLS], analyse(text).acts


# the writer's own call to join takes up the reported call (reported_calls._join_urged)
@pytest.mark.parametrize("text", [
    "The opposition leader called on supporters to gather at Freedom Park on Sunday, and we urge "
    "everyone to join.",
    "The opposition leader called on supporters to gather at Freedom Park on Sunday. We urge "
    "everyone to join them.",
])
def test_the_writers_join_after_a_reported_call_is_still_a_call(text):
    assert analyse(text).facts[CALLS], analyse(text).acts


# --- a loss of territory feared as possible is a concern, not a claim --------------------------

TERRITORY = "statement.territory_claim"


@pytest.mark.parametrize("text", [
    "Activists are concerned that land concessions to foreign investors could result in the loss "
    "of Cambodian territory.",
    "Researchers warn that the new border road may lead to the loss of Cambodian territory.",
])
def test_a_loss_of_territory_feared_is_no_claim(text):
    assert analyse(text).facts[TERRITORY] is False, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The government sold our territory to Vietnam.",
    "The concessions have resulted in the loss of Cambodian territory to Vietnam.",
])
def test_a_loss_of_territory_said_to_have_happened_is_still_a_claim(text):
    assert analyse(text).facts[TERRITORY] is True, analyse(text).acts


def test_a_call_repeated_in_its_own_words_after_that_is_still_published():
    # "told reporters that …" repeats the call (tests/data/statements-dev.jsonl labels it so)
    text = ("A community leader told reporters that every family should refuse to sell their "
            "cassava to the company this season.")
    assert analyse(text).facts[CALLS] == ["boycott"], analyse(text).acts
    assert analyse("The union leader urged that all workers should strike on Monday.").facts[
        CALLS] == ["strike"]


# --- a party's application to a court is news of a request, not the writer's demand ------------

@pytest.mark.parametrize("text", [
    "Her lawyer asked the court to release her on bail because of her health.",
    "The defence will ask the Appeal Court to overturn the conviction.",
    "The lawyer has filed a motion to dismiss the charges.",
])
def test_someone_elses_request_to_a_court_is_reported(text):
    assert analyse(text).facts[COURT] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We hope that the court will release the activists.",
    "Everyone must ask the court to release them.",
    "We demand that the court release the activists immediately.",
    "Release them now, the court has no case!",
    # the discrediting word stays the writer's whoever asks for the outcome
    "Villagers and monks asked the court to drop the sham charges.",
])
def test_the_writers_own_demand_or_a_discrediting_word_still_presses(text):
    assert analyse(text).facts[COURT] == ["pending-case"], analyse(text).acts


# --- thanks and a decision named as the court's own, in other words ----------------------------

@pytest.mark.parametrize("text", [
    "We note with appreciation the court's decision to drop the charges against the two "
    "journalists.",
    "We are grateful for the release of the eleven land activists.",
    "Our members were delighted by the release of the union leaders on bail.",
])
def test_thanks_in_other_words_press_no_court(text):
    assert analyse(text).facts[COURT] == [], analyse(text).acts


def test_thanks_for_one_release_leave_a_demand_in_another_clause():
    text = ("We are grateful for the release of the union leaders; the court must now drop the "
            "charges against the other nine.")
    assert analyse(text).facts[COURT] == ["pending-case"], analyse(text).acts


def test_a_petition_asking_a_court_is_the_writers_when_the_writer_calls_to_sign_it():
    # tests/data/statements-train.jsonl train-037 in other words
    text = "Please sign our petition asking the court to release the nine farmers before the hearing."
    assert analyse(text).facts[COURT] == ["pending-case"], analyse(text).acts
    assert analyse("The family is asking the court to release him on bail.").facts[COURT] == []


# --- a report of proceedings names the words punished; it does not say them again ------------

@pytest.mark.parametrize("text, fact", [
    ("The court sentenced the union leader to two years for claiming that farmers had lost land "
     "to Vietnam.", TERRITORY),
    ("Three workers were arrested over a post calling for a strike at the factory.", CALLS),
    ("The activist was convicted of incitement over Facebook posts urging people to join a "
     "protest.", CALLS),
])
def test_the_words_someone_was_punished_for_are_reported_not_said(text, fact):
    assert not analyse(text).facts[fact], analyse(text).acts


@pytest.mark.parametrize("text, fact", [
    # the writer punished for the words still says them
    ("We were arrested for saying that the border posts were moved into our rice fields.",
     TERRITORY),
    # the claim said again in the writer's own clause
    ("He was jailed for saying the government sold our land to Vietnam; the government did sell "
     "our land to Vietnam.", TERRITORY),
    ("Join the strike on Monday, even if they arrest us for it.", CALLS),
])
def test_the_same_words_in_the_writers_voice_still_count(text, fact):
    assert analyse(text).facts[fact], analyse(text).acts


# --- law quoted, and law named beside words of the writer's own --------------------------------

ACCUSES = "statement.accuses"


def test_a_call_made_after_citing_a_law_is_still_made():
    text = ("Article 41 guarantees our freedom, so we call on everyone to gather in front of the "
            "National Assembly on Monday.")
    assert "gather" in analyse(text).facts[CALLS], analyse(text).acts
    # the law explained, no call of the writer's: quoted law
    assert analyse("The Law on Peaceful Demonstration requires organisers to notify the "
                   "authorities before they gather in public.").facts[CALLS] == []


def test_a_law_that_makes_a_deed_an_offence_accuses_no_one():
    text = "The Anti-Corruption Law makes it an offence for a public official to accept bribes."
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The minister takes bribes, which is a crime.",
    "The minister takes bribes, and the law makes it a crime.",
])
def test_a_deed_told_and_then_called_a_crime_is_an_accusation(text):
    assert analyse(text).facts[ACCUSES] == ["official"], analyse(text).acts


def test_a_generic_doer_called_a_criminal_by_the_law_stays_quoted():
    text = "Under the law, an official who takes bribes shall be punished by imprisonment."
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts


# --- the body that investigates a reported wrong is not accused of it --------------------------

def test_the_investigator_named_after_the_wrong_is_not_accused():
    text = ("The report records allegations of corruption in the handling of land titles, which "
            "the ministry has said it will investigate.")
    assert labels(text) == {}, analyse(text).acts
    kept = ("The report records corruption in the handling of land titles, which the ministry "
            "has hidden for years.")
    assert labels(kept), analyse(kept).acts


# --- who did the harm: the antecedent of a relative clause, not the one who acted on it --------

@pytest.mark.parametrize("text", [
    "The police seized the fake medicines that killed three children in Takeo.",
    "We thank the provincial police for arresting the gang that robbed tourists in Siem Reap.",
    "The government banned the import of pesticides that killed fish in the Tonle Sap.",
])
def test_the_doer_of_a_relative_of_harm_is_its_antecedent(text):
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    ("The soldiers who killed the farmers were never punished.", "security-forces"),
    ("We condemn the police who beat the monks.", "security-forces"),
    ("The government ordered a crackdown that killed five workers.", "government"),
    ("The government's crackdown that killed five workers in 2014 has never been investigated.",
     "government"),
])
def test_a_target_that_did_or_caused_the_harm_is_still_accused(text, accused):
    assert accused in analyse(text).facts[ACCUSES], analyse(text).acts


# --- condemning a wrong does not commit it ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Prime Minister condemned the killing of the journalist and ordered an investigation.",
    "The minister expressed concern over the torture of detainees in Prey Sar prison.",
])
def test_the_one_who_condemns_a_wrong_is_not_accused_of_it(text):
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Prime Minister condemned the killing he had ordered.",
    "The police chief denounced the torture of detainees while his own officers did it.",
    "The governor condemned the journalist and then beat him.",
])
def test_condemning_words_beside_the_targets_own_deed_still_accuse(text):
    assert analyse(text).facts[ACCUSES] == ["official"], analyse(text).acts


# --- an abstention told as past fact calls no one to abstain -------------------------------------

@pytest.mark.parametrize("text", [
    "Some voters told us they did not vote because they had to work in Thailand.",
    "Many workers could not vote because they were in Thailand on election day.",
])
def test_an_abstention_told_as_fact_is_no_call(text):
    assert analyse(text).facts[CALLS] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Do not vote on Sunday, the election is a sham.",
    "We urge you not to vote in this fake election.",
])
def test_a_call_not_to_vote_still_counts(text):
    assert analyse(text).facts[CALLS] == ["abstain"], analyse(text).acts


# --- the government removing a thing is no call to remove the government -------------------------

@pytest.mark.parametrize("text", [
    "The authorities removed the landmines from the rice fields.",
    "The government removed the checkpoint on the border road.",
])
def test_a_thing_removed_by_the_government_is_no_overthrow(text):
    assert analyse(text).facts[CALLS] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The people removed the government in a peaceful revolution and must do it again.",
    "The regime must be removed.",
    "Remove the government now!",
])
def test_the_government_removed_is_still_an_overthrow_call(text):
    assert analyse(text).facts[CALLS] == ["overthrow"], analyse(text).acts


# --- "it is a …" with no one named names the deed, not a person ----------------------------------

@pytest.mark.parametrize("text", [
    "Why does the village authority act like that? It is a threatening.",
    "It was corruption, plain and simple.",
])
def test_a_deed_pronoun_with_no_one_named_accuses_no_one(text):
    assert analyse(text).facts[ACCUSES] == [], analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    ("The governor took our land. It is a theft.", "official"),
    ("Sok Chea took the money from the villagers. It is theft.", "person"),
    ("He sold the land to his brother. It is corruption.", "person"),
    # "this" points at what is shown: tests/test_speech_frames.py keeps it
    ("This is corruption, plain and simple.", "person"),
])
def test_a_deed_pronoun_after_someone_named_still_accuses_them(text, accused):
    assert accused in analyse(text).facts[ACCUSES], analyse(text).acts


# --- a third party's call told as news, with any verb of calling (issue 13, session 31) --------

@pytest.mark.parametrize("text", [
    "Last month the teachers' federation urged its members to take to the streets until "
    "salaries rise.",
    "The party president asked supporters to take to the streets after the vote, the radio "
    "reported.",
    "Union leaders have appealed to garment workers to join a general strike in March.",
    "The farmers' network is calling on villagers to march to the provincial hall on Friday, a "
    "district official said.",
    "In 2014 the opposition asked voters to boycott the commune elections.",
])
def test_a_call_told_as_someone_elses_news_is_set_aside(text):
    analysis = analyse(text)
    assert analysis.facts[CALLS] == [], analysis.acts
    assert any(a.fact == CALLS and a.mode == "described" for a in analysis.acts), analysis.acts


@pytest.mark.parametrize("text, call", [
    ("Gather at the provincial hall on Monday, as the teachers' union asked.", "gather"),
    ("The Coalition of Farmers calls on every member to march to the ministry on Friday.",
     "march"),
    ("Our chairman urged all members to take to the streets on Sunday.", "gather"),
    ("The monks asked villagers to march to the provincial hall, so march with the monks on "
     "Monday.", "march"),
    ("The party president asked supporters to take to the streets on Sunday. Our association "
     "fully supports the call.", "gather"),
    ("The federation appealed to workers to join a general strike, and the undersigned support "
     "this appeal.", "strike"),
    ("The monks strongly encourage every family to stay away from the opening of the casino, the "
     "said company's only project in the province.", "boycott"),
])
def test_the_writers_own_echoed_or_endorsed_call_is_still_made(text, call):
    assert call in analyse(text).facts[CALLS], analyse(text).acts
