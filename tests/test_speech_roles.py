"""Claims read by who does what to whom, in either voice and with words between (issue 13,
"What the analyser must understand": new wording). An act kind's `roles` names the marker group
of what it acts on and, optionally, of who does it (rules/lexicons/speech-acts.yaml header,
role_frames._roles_met). Each family is held by risky paraphrases in active and passive voice,
with adjuncts inserted, and by benign sentences with the same surface words that must stay
clean. The sentences are written for these tests, not taken from any labelled set."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse
from tests.lexicon_copy import edit, lexicons, problems  # noqa: F401 (a fixture)


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- foreign control of the state, with no servant word ------------------------------------------

@pytest.mark.parametrize("text", [
    "Hanoi decides who sits in our ministries.",
    "In truth, Beijing quietly chooses the members of our cabinet every year.",
    "Our country's leaders are appointed by Hanoi, not by Cambodian voters.",
    "The government is secretly run from abroad.",
    "Our ministers get their orders from the Vietnamese embassy.",
    "Vietnamese advisers now control the Ministry of Interior.",
    "The Ministry of Interior is nothing but an office of the Vietnamese state.",
    "Our country is now a province of China.",
])
def test_a_state_ruled_from_abroad_is_foreign_control(text):
    assert facts(text).get("statement.foreign_control") is True


@pytest.mark.parametrize("text", [
    "The ministry decides who receives the grants under the new programme.",
    "Advisers from Japan supported the ministry's vaccination plan.",
    "Vietnam decides its own budget for the border health programme.",
    "Thailand and Cambodia decided that the ministries would share data on migrants.",
    "Officials from Vietnam chose the venue with the ministry.",
    "The government is run by leaders elected in July.",
    "Our staff abroad run the scholarship programme with the ministry.",
    "The embassy is an office of the Vietnamese state.",
    "The ministry is an arm of the government that deals with Vietnam.",
    "The Ministry of Health is a partner of the Chinese state hospital.",
    "The ministry agreed, but Vietnam decides who sits on the joint river committee.",
])
def test_foreign_help_or_a_domestic_decision_is_no_foreign_control(text):
    assert "statement.foreign_control" not in facts(text)


def test_a_denied_foreign_rule_is_not_asserted():
    acts = [a for a in analyse("Hanoi does not decide who sits in our ministries.").acts
            if a.fact == "statement.foreign_control"]
    assert acts and all(a.mode == "negated" for a in acts)


# --- roles are checked when the lexicon loads -----------------------------------------------------

ROLES = "    roles: {doer: foreign-ruler, over: state-organ, within: 6}"


@pytest.mark.parametrize("bad, said", [
    ("    roles: {doer: foreign-ruler, over: state-organs, within: 6}", "state-organs"),
    ("    roles: {doer: foriegn-ruler, over: state-organ}", "foriegn-ruler"),
    ("    roles: {doer: foreign-ruler, over: state-organ, within: 0}", "within 0"),
    ("    roles: {doer: foreign-ruler, within: 6}", "over None"),
    ("    roles: [foreign-ruler, state-organ]", "must be a mapping"),
])
def test_malformed_roles_are_lc334_with_the_line(lexicons, bad, said):
    path = lexicons / "speech-acts.yaml"
    line = edit(path, ROLES, bad)
    (problem,) = problems(lexicons)
    assert problem.code == "LC334" and problem.where.file == str(path)
    assert problem.where.line == line
    assert "foreign-rule" in problem.message and said in problem.message
    assert "roles:" in problem.fix


def test_unknown_role_key_is_lc331(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, ROLES, "    roles: {doer: foreign-ruler, over: state-organ, whithin: 6}")
    (problem,) = problems(lexicons)
    assert problem.code == "LC331" and "whithin" in problem.message


# --- courts and prosecutors said to follow a master's script -----------------------------------

def judge_claims(text: str) -> list:
    return facts(text).get("statement.court_claims", [])


@pytest.mark.parametrize("text", [
    "The charges were dictated to the prosecutor by the interior ministry.",
    "The prosecutor gets his instructions by phone from the ministry.",
    "Judges in Cambodia are told by the government how to rule.",
    "The ruling party quietly scripts every verdict in these cases.",
    "The sentence was written by the minister, and the judge just signed it.",
    "Each conviction was decided at party headquarters weeks before the hearing.",
])
def test_a_court_that_follows_a_masters_script_is_a_claim_about_judges(text):
    assert "judge" in judge_claims(text)


@pytest.mark.parametrize("text", [
    "The verdict was written by the presiding judge and read in open court.",
    "Our lawyers received instructions from the client before the hearing.",
    "The prosecutor received the file from the police on 3 March.",
    "The minister wrote to the judges to thank them for the training.",
    "The ruling was written in Khmer and translated into English by our staff.",
    "The Ministry of Justice issued instructions on case management to all provincial courts.",
    "The trial chamber based its decision on written reports drawn up by provincial officials.",
])
def test_a_verdict_or_instruction_with_no_master_is_no_claim(text):
    assert "judge" not in judge_claims(text)


# --- a change of the country's leaders with backing from abroad -----------------------------------

@pytest.mark.parametrize("text", [
    "With help from our friends abroad we will replace the leaders in Phnom Penh.",
    "The regime will soon be swept away, and our allies overseas have promised to stand with us.",
    "Foreign governments have promised to support us when we remove this regime.",
    "Backed by the international community, the people will install a new government.",
    "Our foreign backers will help us bring down the Prime Minister next year.",
    "With the support of foreign capitals we will get rid of the leaders of this country.",
])
def test_a_foreign_backed_change_of_leaders_is_read_in_any_voice(text):
    found = facts(text)
    assert "overthrow" in found.get("statement.calls", [])
    assert found.get("statement.foreign_backed_change") is True


@pytest.mark.parametrize("text", [
    "With help from our friends abroad we will replace the roof of the school.",
    "Donors abroad helped us change the government's approach to land titles.",
    "Our partners overseas will help the commune replace its old water pumps.",
    "With support from partners abroad we will replace the leaders of our savings groups in May.",
    "The board will replace the executive director when her term ends in March.",
    "The international community welcomed the government's decision to remove the fees.",
])
def test_a_change_of_something_else_with_foreign_help_is_no_overthrow(text):
    found = facts(text)
    assert "overthrow" not in found.get("statement.calls", [])
    assert "statement.foreign_backed_change" not in found


def test_a_foreign_backed_change_reported_of_others_is_not_the_speakers():
    text = "The minister said the opposition wanted foreign backers to help remove the government."
    assert "statement.foreign_backed_change" not in facts(text)


# --- territory given away, told in the passive ----------------------------------------------------

def territory(text: str) -> bool:
    return bool(facts(text).get("statement.territory_claim"))


@pytest.mark.parametrize("text", [
    "Our border land was given to Vietnam.",
    "In 2015, three of our islands were secretly handed to Vietnam.",
    "Hundreds of hectares of Svay Rieng were quietly ceded to the neighbour in 2019.",
    "The land has been given to Thailand without a word to the people.",
    "Part of Tbong Khmum was handed to Hanoi.",
    "Koh Kong Krao was handed to Thailand.",
    "The island? It was sold to Vietnam long ago.",
])
def test_land_given_away_in_the_passive_is_a_territory_claim(text):
    assert territory(text)


@pytest.mark.parametrize("text", [
    "The rice was sold to Vietnam.",
    "Cashew nuts from Kratie are sold to traders across the border in Vietnam.",
    "The old border clinic was handed over to the commune council in June.",
    "Seedlings were given to border villages near Vietnam.",
    "The ministry handed over the border health post to the provincial department.",
    "The farmland near the Vietnam border was handed back to the families by the court.",
])
def test_goods_or_a_post_handed_to_our_own_bodies_is_no_territory_claim(text):
    assert not territory(text)


@pytest.mark.parametrize("text", [
    "Cross-border trade in pigs moved to the Bavet checkpoint last year.",
    "The weekly market has moved away from the border checkpoint.",
    "Thousands of migrant workers went back to Thailand when the border crossing reopened.",
    "Fish traders from the border district moved to Kampot last month.",
    "Most of the cross-border cattle trade went to the Trapeang Sre crossing after the floods.",
    "Investment in the border zone shifted away from casinos toward farming.",
])
def test_trade_or_people_moving_near_the_border_is_no_territory_claim(text):
    # the one that moved, just before the verb, is no land and no border post (issue 13, s30)
    assert not territory(text)


@pytest.mark.parametrize("text", [
    "The border posts moved to the edge of our rice fields near Vietnam.",
    "Koh Tral went to Vietnam long ago.",
    "Our islands went to Vietnam while the leaders smiled.",
    "Year after year the border moved toward our village near Vietnam.",
    "Vietnamese troops moved to the border of Svay Rieng, inside our territory.",
    "The island? It went to Vietnam.",
])
def test_land_or_posts_that_moved_or_went_still_claim(text):
    assert territory(text)


# --- the King said to be held by those in power, with words between -------------------------------

def insults_king(text: str) -> bool:
    return "king" in facts(text).get("statement.insults", [])


@pytest.mark.parametrize("text", [
    "His Majesty is only a stamp in the hands of the ruling family.",
    "Our King is nothing more than a tool of those in power.",
    "The throne today is just a puppet of Hanoi.",
    "The monarch, sadly, takes orders from the Prime Minister.",
])
def test_a_king_held_by_those_in_power_is_mockery_of_the_king(text):
    assert insults_king(text)


@pytest.mark.parametrize("text", [
    "The King placed the relic in the hands of the monks.",
    "The King's future is in the hands of the ruling party.",
    "His Majesty's portrait is in the hands of the Ministry of Culture.",
    "The royal decree on the reform was placed in the hands of the government.",
    "We wish His Majesty the King good health on his birthday.",
])
def test_the_king_named_near_others_hands_is_no_mockery(text):
    assert not insults_king(text)


# --- a violent deed told as an event, done to people by someone named -----------------------

def accused(text: str) -> list:
    return facts(text).get("statement.accuses", [])


@pytest.mark.parametrize("text", [
    "Soldiers under the general's command burned the houses of forty families.",
    "The villagers were shot at by the governor's guards last night.",
    "The police commander's unit opened fire on unarmed marchers.",
    "Company guards torched the huts of twelve families in Kratie.",
    "Police shot two protesters in Phnom Penh and nobody was arrested.",
])
def test_a_violent_deed_told_as_an_event_accuses_the_doer(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "The police shot a video of the farmers at the training.",
    "Floods destroyed the homes of forty families.",
    "Soldiers helped villagers rebuild the school after the flood.",
    "The governor's staff distributed rice to the families whose houses burned in the fire.",
    "Our team shot interviews with farmers in Kampot.",
    "The commune chief demolished the old market stalls with the vendors' agreement.",
    "We ask for an inquiry into the police operation and the injuries, assaults and arrests of "
    "villagers.",
])
def test_no_doer_or_no_victim_accuses_no_one(text):
    assert not accused(text)


@pytest.mark.parametrize("text", [
    "The opposition leader was accused of plotting with foreign backers to remove the government.",
    "With help from our friends abroad we will replace the government at the ballot box.",
])
def test_a_charge_reported_or_a_change_by_the_vote_is_no_foreign_backed_overthrow(text):
    found = facts(text)
    assert "overthrow" not in found.get("statement.calls", [])
    assert "statement.foreign_backed_change" not in found


def test_a_role_after_a_comma_is_another_clauses():
    assert not insults_king("The Prime Minister is a tool of Vietnam, and the King knows it.")
