"""Who a wrong or a protest belongs to in common NGO wording (issue 13, seventh round,
precision): a march told as an event, a protest the authorities are asked to permit, a wrong
someone is asked to act against, and the body a wrong is reported to. Each reading is held by
benign variants in my own wording that must stay clean and by near-misses that keep their
finding."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


def calls(text: str) -> list[str]:
    return labels(text).get("statement.calls", [])


def accuses(text: str) -> list[str]:
    return labels(text).get("statement.accuses", [])


# --- a named protest event is a call only in a call's frame ------------------------------------

@pytest.mark.parametrize("text", [
    "Police detained two monks who took part in a march to the National Assembly.",
    "In 2019 the union organised a march to the ministry, which ended peacefully.",
    "Farmers and students joined the march to the city hall yesterday afternoon.",
])
def test_a_march_told_as_an_event_calls_no_one(text):
    assert "march" not in calls(text)


@pytest.mark.parametrize("text", [
    "We will hold a march to the ministry on Monday.",
    "Join a march to the National Assembly this Sunday!",
    "March to the ministry on Sunday!",
])
def test_a_march_in_a_calls_frame_still_calls(text):
    assert "march" in calls(text)


# --- a protest that someone is asked to permit ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "We call on the municipal authorities to allow the teachers' march to go ahead.",
    "We urge the Ministry of Labour to let garment workers strike without fear of dismissal.",
    "Authorities must allow the rally planned by the union to take place.",
    "We ask the police to protect the march of the teachers on Friday.",
])
def test_a_protest_the_authorities_are_asked_to_permit_is_no_call(text):
    assert calls(text) == []


@pytest.mark.parametrize("text, call", [
    ("Do not let them stop us: march to the ministry on Monday!", "march"),
    ("We will not allow the company to silence us — strike on Monday!", "strike"),
    ("Let us gather at Freedom Park at 8.", "gather"),
])
def test_a_call_after_a_permission_or_with_let_us_still_calls(text, call):
    assert call in calls(text)


# --- one asked to act against a wrong is not its doer -------------------------------------------

@pytest.mark.parametrize("text", [
    "We call on the government to end impunity for the killing of land defenders.",
    "The Ministry of Justice should prosecute those responsible for the torture of prisoners.",
    "The provincial police must investigate allegations of extortion at the checkpoints.",
])
def test_one_asked_to_act_against_a_wrong_is_not_accused(text):
    assert accuses(text) == []


@pytest.mark.parametrize("text, target", [
    ("The police must stop killing protesters.", "security-forces"),
    ("The government must investigate its own role in the killing.", "government"),
    ("We ask the ministry to stop the land grabbing by the company in Kratie.", "company"),
])
def test_a_doer_named_beside_the_action_against_the_wrong_is_still_accused(text, target):
    assert target in accuses(text)


# --- the body a wrong is reported to, or a complaint filed with ----------------------------------

@pytest.mark.parametrize("text", [
    "Please report any bribery to the Anti-Corruption Unit.",
    "Victims of extortion can file a complaint with the provincial court.",
    "Corruption is everyone's business: report it to the ACU hotline.",
])
def test_the_body_a_wrong_is_reported_to_is_not_accused(text):
    assert labels(text) == {}


@pytest.mark.parametrize("text, fact, value", [
    ("Villagers were forced to pay bribes to the police.", "statement.accuses",
     ["security-forces"]),
    ("Villagers complained that bribes were paid to the court clerk.",
     "statement.reported_accusation", ["court"]),
    ("Report the governor's corruption to the ACU.", "statement.reported_accusation",
     ["official"]),
])
def test_a_body_paid_or_a_doer_named_before_the_report_still_counts(text, fact, value):
    assert labels(text).get(fact) == value


# --- a right named is not a call to exercise it (issue 13, second wave) ---------------------------

@pytest.mark.parametrize("text", [
    "The new decree is restricting the rights to express opinions, join independent unions, "
    "and hold peaceful protests.",
    "Workers have the freedom to gather and march under the Constitution.",
    "The Constitution guarantees the right to join associations and to demonstrate peacefully.",
    "Citizens have the right to join a union and go on strike.",
    "The law protects the rights of workers to join a union, strike and hold rallies.",
])
def test_a_right_named_calls_no_one(text):
    assert calls(text) == []


@pytest.mark.parametrize("text", [
    # a call word before the right: the right is what they are called to use
    "We call on all workers to use their right to strike and hold protests tomorrow.",
    "We call on all workers to defend the rights of workers to strike tomorrow.",
    "The rights of workers matter: join the strike tomorrow.",
    # a new subject after the right ends its list
    "It is our right to protest, so we will protest on Sunday at Freedom Park.",
    "Everyone must defend the right to protest: join us at the ministry.",
    "Join the rally tomorrow and hold protests outside the ministry.",
])
def test_a_call_beside_a_right_still_calls(text):
    assert "gather" in calls(text) or "strike" in calls(text)


# --- rulers who topple are not toppled (issue 13, second wave) ----------------------------------

@pytest.mark.parametrize("text", [
    "Under one-man rule the leader has the means to topple any group that wants to protest.",
    "The ruling party wants to overthrow the unions that dare to speak.",
])
def test_an_overthrow_of_no_ruler_calls_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Rise up and overthrow Hun Sen!",
    "We must overthrow the dictatorship.",
    "Join us to topple this government.",
    "There will be an uprising to overthrow them.",
    "We will overthrow the traitors.",
])
def test_an_overthrow_of_a_ruler_still_counts(text):
    assert "overthrow" in calls(text)


# --- the one a message is put to is told of a wrong, not said to do it (issue 13, second wave) ---

@pytest.mark.parametrize("text", [
    "Our message to the country's leaders is that the people no longer accept corrupt "
    "practices.",
    "We sent a letter to the Prime Minister that villagers have suffered from land grabbing "
    "for years.",
    "We will send the results of our two-year research to the government to convince "
    "officials that corruption is a social illness.",
    "We urge the government as villagers have suffered from land grabbing for years.",
])
def test_the_addressee_of_a_message_is_not_accused(text):
    assert accuses(text) == []


@pytest.mark.parametrize("text", [
    "We call on the minister to stop his relatives grabbing land.",
    "We urge the governor, who took our land, to resign.",
    "We call on the Prime Minister to stop stealing our land.",
    "We told the government that the police took bribes.",
    "The government is corrupt.",
])
def test_a_wrong_still_theirs_or_another_doer_still_counts(text):
    assert accuses(text) != []


# --- "this is" before a "that" clause presents a thing, not a person (issue 13, second wave) -----

@pytest.mark.parametrize("text", [
    "This is a reminder to our partners that the people will no longer tolerate corrupt deals.",
    "This is a message to donors that villagers no longer accept land grabbing as normal.",
])
def test_this_is_before_a_that_clause_points_at_no_one(text):
    assert accuses(text) == []


@pytest.mark.parametrize("text", [
    "This is corrupt.",
    "That is theft.",
    "This is what I say: they stole our land.",
])
def test_this_is_said_of_the_wrong_still_points(text):
    assert accuses(text) == ["person"]
