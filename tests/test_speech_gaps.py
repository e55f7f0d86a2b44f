"""Calls to act in new wording (issue 13, calls): gapped cues (a cue's parts with a few ordinary
words between them, and one-word classes "a|b"), the forces addressed by name, and a protest
named as the time of something else. Each reading has risky paraphrases in my own words that
it must catch and benign sentences with the same surface words that it must leave alone; the
gapped-cue feature is checked as lexicon data (LC339)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.errors import RulesError
from lawcheck.speech import analyse
from lawcheck.speech.gaps import bad_alternatives, parts
from lawcheck.speech.lexicon import load_lexicon
from tests.lexicon_copy import edit, lexicons, problems  # noqa: F401 (a fixture)


def calls(text: str) -> list[str]:
    return analyse(text).facts.get("statement.calls") or []


# --- a call to come somewhere, with a time, a place or a manner inside it ---------------------

@pytest.mark.parametrize("text", [
    "Meet us on Sunday morning in front of the National Assembly to demand the release of Sok.",
    "Come on Monday with your families to the provincial hall to demand our land back.",
    "Join us early tomorrow outside the Ministry of Labour to demand a living wage.",
    "Bring your whole family on Friday to the district office to demand justice.",
    "Stand with us all afternoon in front of the company gate until they pay us.",
    "On the day of the hearing, pack the whole street in front of the courthouse.",
    "Pack every road around the ministry on Sunday!",
])
def test_a_call_with_words_inside_it_still_calls_to_gather(text):
    assert "gather" in calls(text)


@pytest.mark.parametrize("text", [
    "Meet us on Sunday morning in front of the provincial hall for the tree planting.",
    "Come on Monday with your families to the provincial hall for the free health check.",
    "Families came last month to the provincial hall to receive their land titles.",
    "Meet us on Sunday, but not in front of the ministry: the training is at our office.",
    "Heavy rain will flood every road in the district this week.",
    "Pack the relief kits in the hall before Friday.",
])
def test_the_same_words_without_a_demand_or_a_call_stay_clean(text):
    assert "gather" not in calls(text)


# --- soldiers and police asked to disobey or to side with the people, in new words ----------

@pytest.mark.parametrize("text", [
    "Soldiers, lower your rifles when the people come.",
    "To the police in Phnom Penh: refuse to beat them.",
    "Police officers, remember that your mothers are in the crowd.",
    "Soldiers, put your weapons on the ground and walk over to our side.",
    "The troops must tonight turn their backs on their commanders.",
    "Brothers in uniform, come home to us.",
    "Soldiers and police, do not ever beat your own people.",
])
def test_an_appeal_to_the_forces_in_new_words_is_caught(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "We call on the security forces to exercise restraint during the march.",
    "We urge the police to respect the right to assemble peacefully.",
    "Soldiers helped families carry their belongings to higher ground, and the police lowered "
    "the flags at noon.",
    "The police returned the rifles to the armoury after the training.",
    "We thank the soldiers and police who protected the voters on election day.",
    "We call on the authorities to ensure that police do not beat peaceful protesters.",
    "Soldiers from the engineering unit put their tools down after clearing the mines.",
])
def test_the_benign_family_of_the_forces_stays_clean(text):
    assert calls(text) == []


def test_the_forces_named_without_an_address_tell_what_they_did():
    # the same cue told, not addressed: no comma or colon ends an address to them
    assert calls("Soldiers turned their backs on the crowd and walked away.") == []
    assert "overthrow" in calls("Soldiers, turn your backs on your commanders.")


# --- calls to stay away from the vote or to spoil it, in new words ----------------------------

@pytest.mark.parametrize("text", [
    "We ask every voter to walk out of the polling station without voting.",
    "This election is a farce: nobody should even bother to vote.",
    "Do not put your names on the voter list this year.",
    "When they hand you the ballot, draw a big cross over all the names.",
    "Leave your ballot paper completely blank on Sunday.",
    "Rip your ballot paper in two in the booth.",
])
def test_a_call_to_abstain_or_spoil_in_new_words_is_caught(text):
    assert "abstain" in calls(text)


@pytest.mark.parametrize("text", [
    "We encourage every voter to check their names on the voter list.",
    "Keep your ballot paper folded so nobody sees your vote.",
    "Voters who spoil their ballot by mistake can ask for a new one.",
    "Polling staff must never tear a ballot paper.",
])
def test_voter_education_with_the_same_words_stays_clean(text):
    assert "abstain" not in calls(text)


# --- a voter's own choice, and spoiled ballots counted, call no one ---------------------------

@pytest.mark.parametrize("text", [
    "I will not go to vote. There is no party I can vote for.",
    "Honestly, I didn’t mark anything on the ballot.",
    "I don't think I will vote this time; I decided not to register.",
    "Observers counted 1,200 blank ballots at the polling stations.",
    "The rate of spoiled ballots rose to 8 percent in the province.",
    "Staff may stay home on election day if they travel to vote in their home province.",
    "Factories must give workers a day off so they can vote.",
])
def test_a_voters_own_choice_or_a_count_calls_no_one(text):
    assert "abstain" not in calls(text)


@pytest.mark.parametrize("text", [
    "Do not go to vote. There is no party you can vote for.",
    "Leave the ballot blank: that is how we will be counted.",
    # a longer gapped cue ("ballot paper blank", needing a call) hides no shorter cue of
    # another kind ("blank", met by an election word)
    "On polling day, fold your ballot paper blank and drop it in the box as your protest.",
    "Everyone, spoil your ballot on Sunday!",
    "Stay home on election day: your vote only legitimises them.",
])
def test_the_same_words_as_a_call_still_count(text):
    assert "abstain" in calls(text)


# --- an invitation to a place, and opposing the election itself --------------------------------

@pytest.mark.parametrize("text", [
    "Join us early tomorrow outside the community centre for our annual meeting.",
    "Please come to the provincial hall with your families on Monday for the free health check.",
    "Meet us at the pagoda on Sunday for the tree planting.",
    "We fight against election fraud.",
    "We campaign against violence during the elections.",
])
def test_an_invitation_or_a_fight_against_fraud_calls_no_one(text):
    assert calls(text) == []


@pytest.mark.parametrize("text, call", [
    ("Join the protest outside the ministry for the annual wage review!", "gather"),
    ("Meet us in front of the court for the verdict, to demand their release.", "gather"),
    ("Cambodian citizens, unite to fight against the elections!", "abstain"),
    ("Citizens must struggle against this sham election.", "abstain"),
])
def test_a_protest_or_a_rejected_election_still_calls(text, call):
    assert call in calls(text)


# --- "be" at a place as a command; monitors at a place as news ----------------------------------

@pytest.mark.parametrize("text", [
    "Be outside the court at 8 am when the verdict is read, and bring your neighbours.",
    "Be at the ministry gate at 7 am sharp with your banners.",
])
def test_be_at_a_place_as_a_command_calls_to_gather(text):
    assert "gather" in calls(text)


@pytest.mark.parametrize("text", [
    "Our monitors will be outside the court when the verdict is read.",
    "Observers will be at Freedom Park to monitor the rally.",
    "Be outside the office at 8 am for the bus to the training.",
])
def test_monitors_or_an_invitation_at_the_same_place_call_no_one(text):
    assert "gather" not in calls(text)


# --- more of each class: waiting, heading, refusing orders, not bothering to vote --------------

@pytest.mark.parametrize("text, call", [
    ("We'll be waiting for you outside Prey Sar prison on Monday; come and show your support.",
     "gather"),
    ("Head to the provincial hall after work tomorrow and demand the governor come out.",
     "gather"),
    ("Let us stand shoulder to shoulder at the gate of the factory until we are paid.", "gather"),
    ("I appeal to the soldiers: do not aim at your brothers and sisters.", "overthrow"),
    ("Military police, join us instead of beating us.", "overthrow"),
    ("Police, refuse the order to clear the square.", "overthrow"),
    ("Soldiers, think carefully before you raise your rifle.", "overthrow"),
    ("Don't bother registering this year; the result is already decided.", "abstain"),
])
def test_more_of_each_class_is_caught(text, call):
    assert call in calls(text)


@pytest.mark.parametrize("text", [
    "We are waiting for the results outside the polling station.",
    "Head to the provincial hall to collect your land title.",
    "The workers will wait outside the factory for the bus home.",
    "Journalists waited outside the court until the hearing ended.",
    "Police must not ignore court orders.",
    "We thank the police, who protected the marchers instead of beating them.",
    "Do not point your camera at the police.",
    "Dear soldiers, we wish you a happy Khmer New Year with your own families.",
    "Police officers, thank you for keeping the roads safe during Water Festival.",
    "Do not bother voting twice: the ink stays on your finger.",
    "Don't bother registering again if your name is already on the voter list.",
])
def test_the_same_classes_in_benign_sentences_stay_clean(text):
    assert calls(text) == []


# --- a protest named as the time of something else ---------------------------------------------

@pytest.mark.parametrize("text", [
    "We call on the security forces to exercise restraint during the march.",
    "Two journalists were beaten during the protest on Sunday.",
    "Observers stayed at the square throughout the peaceful rally.",
])
def test_a_protest_named_as_an_occasion_calls_no_one(text):
    assert calls(text) == []


def test_a_call_beside_an_occasion_still_counts():
    assert "march" in calls("Stay calm during the march, and march with us to the ministry!")


# --- the lexicon feature ---------------------------------------------------------------------

def test_parts_and_alternatives():
    assert parts("meet us ... in front of") == ["meet us", "in front of"]
    assert bad_alternatives("lower|drop ... rifles|guns") == []
    assert bad_alternatives("do|don't ... shoot|") == ["don't", "(empty)"]


def _codes(folder: Path) -> list[tuple[str, str]]:
    return [(p.code, p.message) for p in problems(folder)]


def test_a_gapped_cue_without_a_gap_is_an_error(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "cues: [march, marches,", "cues: [march ... to the, march, marches,")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "'march ... to the'" in what and "sets no gap" in what


@pytest.mark.parametrize("gap", ["0", "7", "two", "true"])
def test_a_gap_out_of_range_is_an_error(lexicons, gap):
    edit(lexicons / "speech-acts.yaml", "    gap: 5\n", f"    gap: {gap}\n")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "gap must be a number of words from 1 to 6" in what


def test_a_gap_with_no_gapped_cue_is_an_error(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "  - id: march\n    fact: statement.calls\n",
         "  - id: march\n    gap: 2\n    fact: statement.calls\n")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "no cue has '...'" in what


def test_alternatives_outside_a_gapped_cue_are_an_error(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "cues: [march, marches,", "cues: [march|walk, marches,")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "gapped cues only" in what


def test_an_alternative_of_two_words_is_an_error(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "meet us ... in front of,", "meet|don't ... in front of,")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "\"don't\" is not one plain word" in what


def test_an_empty_part_is_an_error(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "meet us ... in front of,", "meet us ... ,")
    (code, what), = _codes(lexicons)
    assert code == "LC339" and "empty part" in what


def test_the_error_names_the_file_and_line(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "    gap: 5\n", "    gap: 9\n")
    with pytest.raises(RulesError) as caught:
        load_lexicon(lexicons)
    problem, = caught.value.problems
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1)
                if text == "    gap: 9")
    assert problem.where.file.endswith("speech-acts.yaml") and problem.where.line == line


# --- a leader or the government between a gapped cue's parts is its object ----------------------

@pytest.mark.parametrize("text", [
    "Let's kick this government out.",
    "It is time to push the government out.",
    "We must throw this rotten government out before it sells the last forest.",
])
def test_the_government_between_verb_and_out_is_the_one_to_oust(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "We urge the government to drive the drug gangs out of the province.",
    "The ministry plans to push the new rules out next month.",
    "Voters can throw the government out at the next election.",
    "We will vote the government out in July.",
    "The opposition tried to push the government out, the minister claimed.",
    "The court threw the case out.",
])
def test_something_else_pushed_out_or_a_vote_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


# --- a passive of removal is judged by its subject ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Prices must be brought down, the government said.",
    "The fees for birth certificates must be brought down, the minister promised.",
])
def test_something_else_brought_down_in_the_passive_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "This regime must be brought down.",
    "The CPP government must be brought down.",
    "The government is corrupt. It must be brought down.",
])
def test_a_ruler_brought_down_in_the_passive_is_still_overthrow(text):
    assert "overthrow" in calls(text)
