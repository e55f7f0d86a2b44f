"""New wording for three smaller families (issue 13, "What the analyser must understand"): the
King insulted or mocked in veiled words, pressure on courts and judges, and claims that an
election was rigged. Each family is held by risky paraphrases (voice, inserted adjuncts, near
synonyms) and by benign sentences an NGO, a UN office or a donor would write with the same
surface words. The sentences are written for these tests, not taken from any labelled set or
from the engineer's probe sets."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def court(text: str) -> list:
    return analyse(text).facts["statement.court_claims"]


# --- a verdict bought or settled before the trial ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The ruling against the union leaders was bought with cash.",
    "Their conviction was arranged well in advance.",
    "The sentence for the three monks had already been decided before anyone testified.",
    "Everyone in the village says the judgment was written beforehand.",
])
def test_a_verdict_bought_or_settled_in_advance_discredits_it(text):
    assert "verdict" in court(text)


@pytest.mark.parametrize("text", [
    "The farm was bought by a company before the verdict was announced.",
    "The verdict was read before a full courtroom on Tuesday.",
    "The sentence was reduced on appeal to two years.",
    "The date of the ruling was set before the holidays.",
])
def test_a_verdict_reported_or_a_purchase_near_it_is_no_claim(text):
    assert "verdict" not in court(text)


# --- a judge threatened, a court warned --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "That prosecutor will one day answer for what he did to our sisters.",
    "The judges will surely pay the price for this decision.",
    "The investigating judge should remember his own children before he signs the order.",
    "I warn the judges of the provincial court: do not convict them.",
    "We are now warning the prosecutor that the people are watching.",
    "The investigating judges should watch their backs from now on.",
])
def test_a_threat_or_warning_to_judges_is_pressure(text):
    assert "pending-case" in court(text)


@pytest.mark.parametrize("text", [
    "The judge will answer questions from both lawyers at the next hearing.",
    "The court will pay compensation to the family for the wrongful detention.",
    "Lawyers for the defence warned the judge that the confession was made under duress.",
    "The Special Rapporteur warned that the court's ruling could chill free speech.",
    "Our monitors will report on the hearing and the judges' conduct.",
])
def test_a_hearing_reported_or_anothers_warning_is_no_pressure(text):
    assert court(text) == []


# a judge or prosecutor named after the title: the name stands between the office and the verb
# (the lexicon can list the office, never every holder's name)
@pytest.mark.parametrize("text", [
    "Judge Sok Vanna will pay for what he did to our brothers.",
    "Prosecutor Chea Dara Pov will answer for this one day.",
    "Investigating Judge Keo Sothea should remember his own children before he signs.",
])
def test_a_named_judge_threatened_is_pressure(text):
    assert "pending-case" in court(text)


@pytest.mark.parametrize("text", [
    "Judge Sok Vanna will answer questions from both lawyers at the next hearing.",
    "Judge Sok Vanna will hear the appeal on Monday.",
    "Prosecutor Chea Dara said the family will pay for the funeral themselves.",
])
def test_a_named_judge_at_work_is_no_pressure(text):
    assert court(text) == []


# --- an election said to be rigged, in new words -----------------------------------------------

def accused(text: str) -> list:
    return analyse(text).facts["statement.accuses"]


@pytest.mark.parametrize("text", [
    "Last July the vote count was quietly doctored by the provincial election committee.",
    "The CPP stuffed the ballot boxes in Prey Veng.",
    "Our ballots were thrown out by the commune election committee.",
    "The National Election Committee falsified the results in at least four provinces.",
    "The election committee serves only the ruling party.",
    "The NEC is just a branch of the ruling party.",
])
def test_an_election_said_rigged_accuses_who_ran_or_gained_by_it(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "Observers reported irregularities at 14 polling stations in Kandal.",
    "The NEC changed the deadline for the voter list after consulting all parties.",
    "The NEC works with every party to train polling station staff.",
    "Volunteers cooked meals for the election committee staff during the count.",
    "The election committee said the results had not been manipulated.",
    "The Ministry of Interior works for the safety of voters on polling day.",
])
def test_observers_findings_and_ordinary_work_accuse_no_one(text):
    assert accused(text) == []


# --- the King mocked as idle, useless or caged, in veiled words --------------------------------

def insults(text: str) -> list:
    return analyse(text).facts["statement.insults"]


@pytest.mark.parametrize("text", [
    "His Majesty goes on golfing quietly while the poor of Phnom Penh starve.",
    "The man on the throne was feasting in Paris while families in Kratie drowned.",
    "What good is a monarch who never leaves the palace?",
    "The one in the palace is worth nothing to ordinary Khmers.",
    "Our monarch lives in a gilded cage and only smiles and waves.",
])
def test_the_king_mocked_as_idle_or_useless_is_an_insult(text):
    assert "king" in insults(text)


@pytest.mark.parametrize("text", [
    "His Majesty smiled while young dancers performed the Apsara dance.",
    "His Majesty visited flood victims in Kratie while the country was suffering from floods.",
    "The King signs every law on the advice of the Council of Ministers.",
    "What good is a law that no one enforces?",
    "We welcome the royal pardon granted by His Majesty to six prisoners.",
])
def test_royal_news_and_other_questions_mock_no_king(text):
    assert insults(text) == []


# --- "not ... until": the goal after "until" is not denied --------------------------------------

@pytest.mark.parametrize("text", [
    "We won't stop until the judges set our brothers free.",
    "We will not leave this court until the judges set them free.",
])
def test_a_release_as_the_goal_after_not_until_is_pressure(text):
    assert "pending-case" in court(text)


@pytest.mark.parametrize("text", [
    "The court did not release them until the fine was paid.",
    "The prosecutor will not drop the charges, the court said.",
])
def test_a_release_denied_before_until_or_a_refusal_reported_stays_denied(text):
    assert "pending-case" not in court(text)
