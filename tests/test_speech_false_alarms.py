"""False alarms on ordinary wording, by family (issue 13's second-worst defect), and the risky
lines beside them that must stay caught (lawcheck/speech/qualified.py).

Every sentence here was written for the test, in words of its own; none is from a labelled set.
"""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse

INSULTS = "statement.insults"
COURT = "statement.court_claims"
CALLS = "statement.calls"


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v}


# --- 3. taking someone to court uses the court; an adjective there describes another noun -------

@pytest.mark.parametrize("text", [
    "The greedy landlord dragged the family to the provincial court.",
    "A greedy moneylender hauled the widow to court over a small debt.",
    "A stupid mistake by the lawyer was noticed in court.",
    "Our pathetic printer broke down outside the court.",
])
def test_an_adjective_on_another_noun_says_nothing_of_the_court(text):
    found = facts(text)
    assert COURT not in found and "court" not in found.get(INSULTS, []), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The greedy judge took the tenant's land",
    "The greedy judges took the villagers' land.",
    "The greedy court ruled for the company.",
    "The court is useless.",
])
def test_an_abusive_word_said_of_the_court_stays(text):
    assert "judge" in facts(text).get(COURT, []), analyse(text).acts
