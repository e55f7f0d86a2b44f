"""Calls to act in new wording (issue 13, session 29: calls to act). Each reading reaches a family
of wordings, not one line: removal of the government in the passive or said of "it", the vote
named as the means not used, taking the government back, dissolving the cabinet; appeals to
the forces through their rank, uniform, units or arms, an order they need not carry out, loyalty
owed to the nation and not to a party, leave not waited for. Each reading is held by risky
sentences in other words than the paraphrase set's and by benign sentences with the same surface
words that must stay clean. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def calls(text: str) -> set:
    """The calls the statement makes in its own voice (asserted or reported, never negated,
    asked or supposed)."""
    return {a.value for a in analyse(text).acts if a.fact == "statement.calls"
            and a.mode in ("asserted", "reported")}


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- overthrow: the government removed in the passive, wanted or shown possible -------------------

@pytest.mark.parametrize("text", [
    "The ruling party ought to be driven out of power before the year is over.",
    "This regime will be toppled, and soon.",
    "We have learned how the government can be forced out without a single vote.",
    "The leadership needs to be ousted by the people themselves.",
])
def test_a_ruler_removed_in_the_passive_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The Khmer Rouge regime was overthrown in January 1979.",
    "The government can be removed by a vote of no confidence in the National Assembly.",
    "The old market must be pulled down, the ministry said.",
    "The ruling party's candidate was removed from the list after the deadline.",
    "The leadership of the cooperative will be replaced at the annual meeting.",
])
def test_history_a_lawful_vote_or_a_thing_removed_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Nobody voted for this regime. It must be thrown out by those it robs.",
    "The government will never leave on its own. It needs to be chased out.",
])
def test_it_removed_after_the_government_is_named_is_a_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The government cleared the market. It has been pushed out of the city centre.",
    "The government built a dam last year. It was swept away by the flood.",
    "The regime collapsed in 1979. It was driven out by an invading army.",
])
def test_it_removed_as_told_or_a_thing_is_no_call(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Enough waiting for elections: disband the cabinet and begin again.",
    "Dissolve the government with our own hands, not at the ballot box.",
    "This government has to be pushed out by the people and not through elections.",
])
def test_the_vote_denied_as_the_means_leaves_the_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "We will remove this government at the ballot box next July.",
    "We will replace this government through elections, not by force.",
    "The court dissolved the opposition party in 2017.",
    "We urge the ministry to dissolve the committee and start again.",
])
def test_the_vote_as_the_means_or_a_committee_dissolved_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Win the government back today; stop waiting for a fair vote.",
    "Let us seize the government back from the thieves.",
])
def test_the_government_taken_back_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Take the government back to court if it ignores the ruling.",
    "We will take the government back to its promise of free schooling.",
    "Take the children back to school after the holiday.",
])
def test_taken_back_to_court_or_a_promise_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


# --- foreign-backed change: the leadership, friends placed abroad --------------------------------

@pytest.mark.parametrize("text", [
    "With help from our friends in the West, a change of leadership will come this year.",
    "Trainers from abroad taught us how a ruling party can be swept away.",
])
def test_a_change_of_leadership_backed_abroad_is_foreign_backed(text):
    assert facts(text).get("statement.foreign_backed_change") is True


@pytest.mark.parametrize("text", [
    "Our partners in Europe fund a programme on leadership for young women.",
    "The old leadership of the cooperative is gone, and our partners abroad helped the new board.",
])
def test_leadership_training_or_a_cooperative_board_is_no_foreign_backed_change(text):
    assert "statement.foreign_backed_change" not in facts(text)


# --- appeals to the forces -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Every soldier with a conscience knows his loyalty is owed to Cambodia, not to a party.",
    "Any officer must remember that his oath binds him to the people, not to any man.",
    "Soldiers, you need not obey an order to shoot your neighbours.",
    "To the young men in the units at the border: you do not have to follow those orders.",
    "Men who wear the uniform, aim your rifles at no farmer.",
    "Each general should side with the nation, whatever the orders say.",
])
def test_an_appeal_through_rank_uniform_or_conscience_is_a_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Any officer who witnesses abuse can report it to the inspection unit.",
    "Every soldier who served in the demining unit received a medal.",
    "Soldiers in the units sent to the flooded villages handed out rice.",
    "Police officers should walk away from the crowd if tension rises, our trainers advise.",
    "Your guns must be registered with the district police by March.",
    "Our grant goes to the commune council, not to a party.",
    "Workers do not have to follow an order to work unpaid overtime, the labour law says.",
])
def test_forces_named_in_reports_advice_or_law_are_no_appeal(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Police, do not wait for anyone's orders to stand with the people.",
    "Those who wear the uniform should not wait for permission to side with the country.",
])
def test_leave_not_waited_for_does_not_negate_the_appeal(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Police must not side with the people who throw stones, the minister warned.",
    "Soldiers should not wait for permission; they never side with the nation's enemies.",
])
def test_a_real_negation_still_negates(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Any officer who walks away from the crackdown line is a hero to us.",
    "Soldiers, walk away from your posts tonight.",
])
def test_walking_away_from_the_line_is_desertion_called_for(text):
    assert "overthrow" in calls(text)
