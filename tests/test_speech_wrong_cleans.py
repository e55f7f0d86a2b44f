"""Wrong cleans of issue 13, by family (the safety floor): risky sentences, in words of their own,
that must be caught, and benign sentences with the same surface words that must stay clean."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

CALLS = "statement.calls"
ACCUSES = "statement.accuses"
INSULTS = "statement.insults"
COURT = "statement.court_claims"


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- the writer's own call to join takes up a call told as news (reported_calls._join_urged) ---

@pytest.mark.parametrize("text, call", [
    ("The federation asked garment workers to march to the ministry on Friday, and we encourage "
     "all our members to take part.", "march"),
    ("Community leaders appealed to villagers to gather outside the provincial court on Monday. "
     "Our association urges every member to join them.", "gather"),
    ("The union called on workers to join a strike at the factory gate next week, and we "
     "strongly urge everyone to participate.", "strike"),
])
def test_the_writers_call_to_join_a_told_call_is_a_call(text, call):
    assert call in analyse(text).facts[CALLS], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The federation asked garment workers to march to the ministry on Friday.",
    "Community leaders appealed to villagers to gather outside the provincial court on Monday. "
    "Our association urges every member to join the legal clinic on Tuesday.",
    "The union called on workers to join a strike at the factory gate next week, and we urge "
    "everyone to stay calm and safe.",
    "The ministry asked residents to gather their documents before Friday. We encourage everyone "
    "to attend.",
])
def test_a_told_call_alone_or_with_another_invitation_stays_news(text):
    assert analyse(text).facts[CALLS] == [], analyse(text).acts


# --- a judge called a thief, or said to sell a verdict ------------------------------------------

@pytest.mark.parametrize("text", [
    "The thieving judge sold the verdict to the company.",
    "A bribe-taking prosecutor sold the acquittal to the tycoon's family.",
    "The provincial court sells its rulings to the highest bidder.",
    "The thieving magistrate freed the logging boss.",
])
def test_a_thieving_judge_or_a_sold_verdict_is_a_claim_on_the_court(text):
    assert "judge" in labels(text).get(COURT, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Judges in Kandal sell bail to whoever pays the most.",
    "The judges of this province sell verdicts to the highest bidder.",
    "Prosecutors here sell acquittals to the rich.",
])
def test_a_place_between_the_seller_and_the_sale_keeps_the_claim(text):
    """Found by the lead's probe after the merge (session 32): a place that only says where the
    seller is ("in Kandal", "of this province", "here") stands between subject and verb
    (targets._place_after)."""
    assert "judge" in labels(text).get(COURT, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Lawyers in Kandal sold the case to the judge.",
    "The judge in Kandal read the verdict to the family.",
    "Companies in Koh Kong sell land to foreign investors.",
])
def test_a_place_after_someone_else_or_no_sale_claims_nothing(text):
    assert COURT not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The judge read the verdict to the company's lawyers.",
    "Two thieves sold stolen phones at the night market.",
    "The court sold the seized trucks at a public auction.",
    "The court auctioned the seized land to pay the workers' wages.",
    "Reporters sold the story of the verdict to a newspaper.",
])
def test_a_verdict_read_or_goods_sold_claim_nothing_of_a_court(text):
    assert labels(text) == {}, analyse(text).acts


# --- crimes or a betrayal said to be those of one named (ascribed.py) ---------------------------

@pytest.mark.parametrize("text, accused", [
    ("The minister shall pay for his crimes against the people.", "official"),
    ("The governor's crimes against the fishing villages will not be forgotten.", "official"),
    ("The provincial police committed grave crimes against the protesters.", "security-forces"),
    ("The crimes of this regime must be punished.", "government"),
    ("Crimes committed by the provincial police went unpunished.", "security-forces"),
])
def test_crimes_ascribed_to_one_named_accuse_them(text, accused):
    assert accused in labels(text).get(ACCUSES, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The employer shall pay the wages of the workers.",
    "The offender shall pay a fine.",
    "The ministry will investigate crimes against children.",
    "An official who commits crimes in office shall be punished under the law.",
    "The police arrested the suspects for their crimes.",
    "Crimes by officials must be reported to the Anti-Corruption Unit.",
])
def test_crimes_of_no_one_named_or_a_law_accuse_no_one(text):
    assert ACCUSES not in labels(text), analyse(text).acts


# --- a harm carried to the one who took the land (carried._land_received) ----------------------

@pytest.mark.parametrize("text", [
    "The company received the concession. Two activists were later shot dead.",
    "The sugar company obtained a large land concession in Koh Kong. Families were then evicted by "
    "force.",
    "The company was granted the forest concession. Houses in the village were later burned.",
])
def test_a_harm_after_a_land_taken_is_carried_to_the_taker(text):
    assert "company" in labels(text).get(ACCUSES, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The school received new books. Classes were later held outside.",
    "The company received a letter about the concession. Two activists were later shot dead.",
    "The company received the concession. Two years later the first harvest was sold.",
])
def test_receiving_no_land_or_no_harm_carries_nothing(text):
    assert "company" not in labels(text).get(ACCUSES, []), analyse(text).acts


def test_a_doer_named_after_the_harm_takes_it_from_the_receiver():
    text = ("The company received the concession. Two activists were later shot dead by the "
            "border police.")
    assert "company" not in labels(text).get(ACCUSES, []), analyse(text).acts


# --- the King by contrast, the contrast closing the sentence (king_contrast._contrast_after) ---

@pytest.mark.parametrize("text", [
    "The new King has never visited the flooded villages, unlike his father.",
    "The present monarch has not spoken once for the evicted families, unlike the late King.",
    "The King stays silent in the palace, unlike King Father Norodom Sihanouk.",
])
def test_the_king_found_failing_before_the_contrast_is_mocked(text):
    assert "king" in labels(text).get(INSULTS, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The King visited the flooded villages, like his father before him.",
    "The new King has visited the flooded villages many times, unlike his father.",
    "The new King has never married, unlike his father.",
    "The King has never forgotten the farmers, unlike his father.",
])
def test_a_likeness_praise_or_a_neutral_difference_mocks_no_one(text):
    assert INSULTS not in labels(text), analyse(text).acts


# --- a third party's call in the present with no one who reports it stays a call --------------
# (an organisation names itself in the third person in its own releases: "The Coalition of
# Farmers calls on every member to march", tests/test_speech_recounted.py; only a sayer, "…, a
# district official said", makes the present call someone else's news)

@pytest.mark.parametrize("text, call", [
    ("The Farmers' Coalition is calling on all members to gather at the provincial hall on "
     "Sunday.", "gather"),
    ("The garment union is calling on workers to march to the ministry on Friday.", "march"),
])
def test_a_present_call_with_no_sayer_is_still_a_call(text, call):
    assert call in analyse(text).facts[CALLS], analyse(text).acts
