"""What a claim word describes, and whom a demeaning noun names (issue 13, s31, false alarms by
family; lawcheck/speech/qualified.py). Benign sentences each reading must clear, and risky
sentences with the same words it must keep, in plain declarative shape. The sentences are
written for these tests, not taken from any labelled set or law text."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

COURT = "statement.court_claims"


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- a court claim word that describes another noun is no claim about the court ---

@pytest.mark.parametrize("text", [
    "A partial refund of the filing fee is paid back by the court clerk within a month.",
    "Questions relating to inheritance go before the provincial court.",
    "The price of each plot is fixed by a valuer appointed by the municipal court.",
    "Unfair dismissal complaints are heard first by a labour inspector and only later by a court.",
    "The standard rules for sales and leases apply unless a court orders otherwise.",
    "Fraudulent invoices found in the audit were handed to the court as evidence.",
])
def test_a_claim_word_describing_another_noun_claims_nothing_of_the_court(text):
    assert COURT not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The provincial court is partial.",
    "A partial judge sentenced the land activists.",
    "The municipal court gave unfair treatment to the jailed farmers.",
    "Unfair treatment by the court left the family in debt.",
    "Justice is for sale at the provincial court.",
    "The price of an acquittal at the municipal court is five thousand dollars.",
    "The judge in the fishing case is related to the governor.",
    "Lawyers question the impartiality of the court in land cases.",
    "Verdicts for sale at the Phnom Penh court.",
])
def test_a_claim_word_said_of_the_court_or_its_decisions_is_still_a_claim(text):
    assert labels(text).get(COURT), analyse(text).acts


# --- a demeaning noun naming whom the police or a court acted on insults neither ---

@pytest.mark.parametrize("text", [
    "Police arrested two thieves in Kampot on Tuesday.",
    "The provincial court convicted the robbers last week.",
    "Military police caught a gang of thieves at the market.",
    "Three robbers were arrested by the police near the bridge.",
    "The police rounded up the smugglers at dawn.",
])
def test_the_people_an_arrest_or_a_conviction_took_are_not_the_target(text):
    found = labels(text)
    assert "statement.insults" not in found and "statement.accuses" not in found \
        and COURT not in found, analyse(text).acts


@pytest.mark.parametrize("text, fact, target", [
    ("The police are thieves.", "statement.insults", "security-forces"),
    ("The police are a gang of thieves.", "statement.insults", "security-forces"),
    ("The police protect the thieves who took our land.", "statement.insults",
     "security-forces"),
    ("The police who arrested the farmers are thieves.", "statement.insults", "security-forces"),
    ("The court that convicted the activists is a gang of criminals.", "statement.insults",
     "court"),
    ("The police arrested the activists, those traitors in uniform.", "statement.insults",
     "security-forces"),
    ("The thieving judge took the money.", "statement.accuses", "court"),
    # a release or an acquittal lets the wrongdoers go: a word about the court or the police
    ("The provincial court acquitted the land grabbers.", "statement.accuses", "court"),
    ("The police freed the murderers after one night.", "statement.insults", "security-forces"),
])
def test_a_demeaning_word_said_of_the_police_or_the_court_is_still_an_insult(text, fact, target):
    assert target in labels(text).get(fact, []), analyse(text).acts


def test_thieves_in_uniform_still_insult():
    assert labels("These thieves in uniform took our land.").get("statement.insults")


# --- a verb of dropping that takes no case asks nothing of a court ---

@pytest.mark.parametrize("text", [
    "Repeated failure to pay the fee shall be grounds to withdraw the licence, as in any case "
    "of fraud.",
    "The employer must pay the dismissed worker in full before the case goes to court.",
    "The prosecutor should withdraw the application before the hearing.",
])
def test_dropping_a_thing_that_is_no_case_presses_no_court(text):
    assert COURT not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Drop the fabricated charges against the activists.",
    "The court must dismiss the case against the land activists now.",
    "Withdraw the complaint against them before the trial.",
    "The judges must dismiss it before the hearing.",
    "The prosecutor must withdraw the accusations against the detained monks.",
])
def test_dropping_a_case_is_still_pressure_on_the_court(text):
    assert "pending-case" in labels(text).get(COURT, []), analyse(text).acts
